#include "compiler/jit/host/cells.h"

#include <algorithm>
#include <cstring>

namespace charter::jit {

// Big enough for a typical event and everything its rules allocate.
static constexpr size_t kChunkBytes = 64 * 1024;
// What Reset keeps: bounded, so one huge event does not pin its memory for the rest of a stream.
static constexpr size_t kKeptChunks = 16;

std::byte* Arena::Allocate(size_t bytes, size_t align) {
  if (bytes == 0) bytes = 1;
  if (current_ < chunks_.size()) {
    size_t at = (used_ + align - 1) & ~(align - 1);
    if (at <= chunks_[current_].size && bytes <= chunks_[current_].size - at) {
      used_ = at + bytes;
      return chunks_[current_].data.get() + at;
    }
    ++current_;
  }
  // Chunks start aligned (operator new[]), so a fresh chunk needs no padding.
  if (current_ == chunks_.size() || chunks_[current_].size < bytes) {
    size_t size = std::max(kChunkBytes, bytes);
    chunks_.insert(chunks_.begin() + static_cast<std::ptrdiff_t>(current_),
                   Chunk{std::make_unique_for_overwrite<std::byte[]>(size), size});
  }
  used_ = bytes;
  return chunks_[current_].data.get();
}

CharterCell* Arena::Cells(size_t count) {
  auto* cells = reinterpret_cast<CharterCell*>(Allocate(count * sizeof(CharterCell), alignof(std::max_align_t)));
  std::memset(static_cast<void*>(cells), 0, count * sizeof(CharterCell));
  return cells;
}

char* Arena::Bytes(size_t count) { return reinterpret_cast<char*>(Allocate(count, 1)); }

void Arena::Reset() {
  current_ = 0;
  used_ = 0;
  // Most events fit the first chunk, which stays: nothing to give back.
  if (chunks_.size() <= 1 && (chunks_.empty() || chunks_[0].size == kChunkBytes)) return;
  std::erase_if(chunks_, [](const Chunk& chunk) { return chunk.size > kChunkBytes; });
  if (chunks_.size() > kKeptChunks) chunks_.resize(kKeptChunks);
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
