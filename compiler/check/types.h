// Charter's semantic types, interned: two types are equal iff their pointers are.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "compiler/ast/ast.h"

namespace charter {

enum class TypeKind {
  Error,        // already reported; compatible with everything to avoid cascades
  Bool, Int, Decimal, Percent, String, Date, Timestamp,
  Duration,     // exact seconds: `90 days`, `1 hour`
  BusinessDays, // a count of Monday–Friday days: `5 business_days`
  None,         // the type of the `none` literal
  Enum,         // `enum` and `tier` declarations
  Record,       // `record` and `event` declarations
  List, Set, Optional,
  Tally,        // the result of calling a `vote`
};

struct Type {
  TypeKind kind;
  const Type* element = nullptr;     // List, Set, Optional
  const ast::Decl* decl = nullptr;   // Enum, Record, Tally

  bool IsNumeric() const { return kind == TypeKind::Int || kind == TypeKind::Decimal; }
  bool IsError() const { return kind == TypeKind::Error; }
  bool IsOptional() const { return kind == TypeKind::Optional; }
  std::string Name() const;
};

/// Owns all types of one compilation.
class TypeContext {
 public:
  TypeContext();
  const Type* Error() const { return &error_; }
  const Type* Bool() const { return &bool_; }
  const Type* Int() const { return &int_; }
  const Type* Decimal() const { return &decimal_; }
  const Type* Percent() const { return &percent_; }
  const Type* String() const { return &string_; }
  const Type* Date() const { return &date_; }
  const Type* Timestamp() const { return &timestamp_; }
  const Type* Duration() const { return &duration_; }
  const Type* BusinessDays() const { return &business_days_; }
  const Type* None() const { return &none_; }
  const Type* List(const Type* element);
  const Type* Set(const Type* element);
  /// `T?`; optional of optional collapses, and the error type stays itself.
  const Type* Optional(const Type* element);
  const Type* Named(const ast::Decl* decl);  // enum, tier, record, event
  const Type* Tally(const ast::Decl* vote);
  /// The builtin scalar type of that name (`int`, `date`, ...), or null.
  const Type* Builtin(const std::string& name) const;
  /// The type made of these parts if this context already holds it, else null
  /// (the JIT reads back the types its cached code refers to).
  const Type* Find(TypeKind kind, const Type* element, const ast::Decl* decl) const;

 private:
  const Type* Intern(TypeKind kind, const Type* element, const ast::Decl* decl);
  Type error_{TypeKind::Error}, bool_{TypeKind::Bool}, int_{TypeKind::Int}, decimal_{TypeKind::Decimal},
      percent_{TypeKind::Percent}, string_{TypeKind::String}, date_{TypeKind::Date},
      timestamp_{TypeKind::Timestamp}, duration_{TypeKind::Duration}, business_days_{TypeKind::BusinessDays},
      none_{TypeKind::None};
  std::map<std::tuple<TypeKind, const Type*, const ast::Decl*>, std::unique_ptr<Type>> interned_;
};

/// The fields of a vote tally, in order: counts, then outcomes.
const std::vector<std::pair<const char*, TypeKind>>& TallyFields();

}  // namespace charter
