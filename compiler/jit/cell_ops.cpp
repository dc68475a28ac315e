#include "compiler/jit/cell_ops.h"

#include <cstring>
#include <string_view>

#include "compiler/base/rational.h"
#include "compiler/jit/host/cells.h"

namespace charter::jit {

namespace {

std::string_view Text(const CharterCell& c) { return {reinterpret_cast<const char*>(c.a), c.b}; }
const CharterCell* Items(const CharterCell& c) { return reinterpret_cast<const CharterCell*>(c.a); }
Rational Dec(const CharterCell& c) { return Rational{static_cast<int64_t>(c.a), static_cast<int64_t>(c.b)}; }

bool SetHas(const CharterCell& set, const CharterCell& x, const Type* element, const CheckedProgram& program) {
  for (uint64_t i = 0; i < set.b; ++i) {
    if (CellEqual(Items(set)[i], x, element, program)) return true;
  }
  return false;
}

}  // namespace

bool CellEqual(const CharterCell& x, const CharterCell& y, const Type* type, const CheckedProgram& program) {
  if (type->kind == TypeKind::Optional) {
    bool x_none = x.b == kCellNone, y_none = y.b == kCellNone;
    if (x_none || y_none) return x_none == y_none;
    type = type->element;
  }
  switch (type->kind) {
    case TypeKind::Decimal:
    case TypeKind::Percent: return Dec(x) == Dec(y);
    case TypeKind::String: return x.b == y.b && (x.b == 0 || std::memcmp(Items(x), Items(y), x.b) == 0);
    case TypeKind::None: return true;
    case TypeKind::List:
    case TypeKind::Set: {
      if (x.b != y.b) return false;
      for (uint64_t i = 0; i < x.b; ++i) {
        // Sets are equal whatever their order (each holds an element once).
        bool same = type->kind == TypeKind::Set ? SetHas(y, Items(x)[i], type->element, program)
                                                : CellEqual(Items(x)[i], Items(y)[i], type->element, program);
        if (!same) return false;
      }
      return true;
    }
    case TypeKind::Record:
    case TypeKind::Tally: {
      if (x.b != y.b) return false;
      std::vector<const Type*> fields = FieldTypesOf(type, program);
      for (uint64_t i = 0; i < x.b && i < fields.size(); ++i) {
        if (!CellEqual(Items(x)[i], Items(y)[i], fields[i], program)) return false;
      }
      return true;
    }
    case TypeKind::Bool: return (x.a != 0) == (y.a != 0);
    default: return x.a == y.a;  // int-like: int, date, timestamp, durations, enum members
  }
}

int CellCompare(const CharterCell& x, const CharterCell& y, const Type* type) {
  auto sign = [](auto a, auto b) { return a < b ? -1 : (b < a ? 1 : 0); };
  if (type->kind == TypeKind::Optional) type = type->element;
  switch (type->kind) {
    case TypeKind::Decimal:
    case TypeKind::Percent: return Dec(x).Compare(Dec(y));
    case TypeKind::String: return sign(Text(x).compare(Text(y)), 0);
    case TypeKind::Bool: return sign(x.a != 0, y.a != 0);
    default: return sign(static_cast<int64_t>(x.a), static_cast<int64_t>(y.a));
  }
}

}  // namespace charter::jit
