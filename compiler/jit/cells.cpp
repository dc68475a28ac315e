#include "compiler/jit/cells.h"

#include <cstring>

namespace charter::jit {

CharterCell* Arena::Cells(size_t count) {
  cells_.push_back(std::make_unique<CharterCell[]>(count == 0 ? 1 : count));
  return cells_.back().get();
}

char* Arena::Bytes(size_t count) {
  bytes_.push_back(std::make_unique<char[]>(count == 0 ? 1 : count));
  return bytes_.back().get();
}

void Arena::Reset() {
  cells_.clear();
  bytes_.clear();
}

std::vector<const Type*> FieldTypesOf(const Type* type, const CheckedProgram& program) {
  if (type->kind == TypeKind::Tally) {
    std::vector<const Type*> fields;
    for (const auto& [name, kind] : TallyFields()) {
      fields.push_back(kind == TypeKind::Int ? program.types.Int() : program.types.Bool());
    }
    return fields;
  }
  auto it = program.field_types.find(type->decl);
  return it == program.field_types.end() ? std::vector<const Type*>{} : it->second;
}

static uint64_t Bits(int64_t v) { return static_cast<uint64_t>(v); }

CharterCell ToCell(const eval::Value& value, const Type* type, const CheckedProgram& program, Arena& arena) {
  if (type->kind == TypeKind::Optional) {
    if (value.is_none()) return CharterCell{0, kCellNone};
    return ToCell(value, type->element, program, arena);
  }
  if (value.is_none()) return CharterCell{0, kCellNone};
  switch (type->kind) {
    case TypeKind::Bool: return CharterCell{value.as_bool() ? 1u : 0u, 0};
    case TypeKind::Decimal:
    case TypeKind::Percent: {
      Rational r = std::holds_alternative<int64_t>(value.data) ? Rational::Int(value.as_int()) : value.as_dec();
      return CharterCell{Bits(r.num), Bits(r.den)};
    }
    case TypeKind::String: {
      const std::string& s = value.as_str();
      char* bytes = arena.Bytes(s.size());
      std::memcpy(bytes, s.data(), s.size());
      return CharterCell{reinterpret_cast<uint64_t>(bytes), s.size()};
    }
    case TypeKind::List:
    case TypeKind::Set: {
      const eval::Items& items = value.items();
      CharterCell* cells = arena.Cells(items.size());
      for (size_t i = 0; i < items.size(); ++i) cells[i] = ToCell(items[i], type->element, program, arena);
      return CharterCell{reinterpret_cast<uint64_t>(cells), items.size()};
    }
    case TypeKind::Record:
    case TypeKind::Tally: {
      std::vector<const Type*> fields = FieldTypesOf(type, program);
      const eval::Items& items = value.items();
      CharterCell* cells = arena.Cells(items.size());
      for (size_t i = 0; i < items.size() && i < fields.size(); ++i) {
        cells[i] = ToCell(items[i], fields[i], program, arena);
      }
      return CharterCell{reinterpret_cast<uint64_t>(cells), items.size()};
    }
    default: return CharterCell{Bits(value.as_int()), 0};
  }
}

eval::Value FromCell(CharterCell cell, const Type* type, const CheckedProgram& program) {
  if (type->kind == TypeKind::Optional) {
    if (cell.b == kCellNone) return eval::Value::None();
    return FromCell(cell, type->element, program);
  }
  switch (type->kind) {
    case TypeKind::Bool: return eval::Value::Bool(cell.a != 0);
    case TypeKind::Decimal:
    case TypeKind::Percent:
      return eval::Value::Dec(Rational{static_cast<int64_t>(cell.a), static_cast<int64_t>(cell.b)});
    case TypeKind::String: return eval::Value::Str(std::string(reinterpret_cast<const char*>(cell.a), cell.b));
    case TypeKind::List:
    case TypeKind::Set: {
      eval::Items items;
      const auto* cells = reinterpret_cast<const CharterCell*>(cell.a);
      for (uint64_t i = 0; i < cell.b; ++i) items.push_back(FromCell(cells[i], type->element, program));
      return type->kind == TypeKind::Set ? eval::Value::Set(items) : eval::Value::List(std::move(items));
    }
    case TypeKind::Record:
    case TypeKind::Tally: {
      std::vector<const Type*> fields = FieldTypesOf(type, program);
      eval::Items items;
      const auto* cells = reinterpret_cast<const CharterCell*>(cell.a);
      for (uint64_t i = 0; i < cell.b && i < fields.size(); ++i) items.push_back(FromCell(cells[i], fields[i], program));
      return eval::Value::Record(std::move(items));
    }
    case TypeKind::None: return eval::Value::None();
    default: return eval::Value::Int(static_cast<int64_t>(cell.a));
  }
}

}  // namespace charter::jit
