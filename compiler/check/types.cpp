#include "compiler/check/types.h"

namespace charter {

std::string Type::Name() const {
  switch (kind) {
    case TypeKind::Error: return "<error>";
    case TypeKind::Bool: return "bool";
    case TypeKind::Int: return "int";
    case TypeKind::Decimal: return "decimal";
    case TypeKind::Percent: return "percent";
    case TypeKind::String: return "string";
    case TypeKind::Date: return "date";
    case TypeKind::Timestamp: return "timestamp";
    case TypeKind::Duration: return "duration";
    case TypeKind::BusinessDays: return "business days";
    case TypeKind::None: return "none";
    case TypeKind::Enum:
    case TypeKind::Record: return decl->name.name;
    case TypeKind::List: return "list<" + element->Name() + ">";
    case TypeKind::Set: return "set<" + element->Name() + ">";
    case TypeKind::Optional: return element->Name() + "?";
    case TypeKind::Tally: return "tally of " + decl->name.name;
  }
  return "?";
}

TypeContext::TypeContext() = default;

const Type* TypeContext::Intern(TypeKind kind, const Type* element, const ast::Decl* decl) {
  auto key = std::make_tuple(kind, element, decl);
  auto& slot = interned_[key];
  if (!slot) slot = std::make_unique<Type>(Type{kind, element, decl});
  return slot.get();
}

const Type* TypeContext::List(const Type* element) { return Intern(TypeKind::List, element, nullptr); }
const Type* TypeContext::Set(const Type* element) { return Intern(TypeKind::Set, element, nullptr); }

const Type* TypeContext::Optional(const Type* element) {
  if (element->IsOptional() || element->IsError()) return element;
  if (element->kind == TypeKind::None) return element;
  return Intern(TypeKind::Optional, element, nullptr);
}

const Type* TypeContext::Named(const ast::Decl* decl) {
  bool is_enum = decl->kind == ast::DeclKind::Enum || decl->kind == ast::DeclKind::Tier;
  return Intern(is_enum ? TypeKind::Enum : TypeKind::Record, nullptr, decl);
}

const Type* TypeContext::Tally(const ast::Decl* vote) { return Intern(TypeKind::Tally, nullptr, vote); }

const Type* TypeContext::Find(TypeKind kind, const Type* element, const ast::Decl* decl) const {
  const Type* scalars[] = {&error_, &bool_, &int_, &decimal_, &percent_, &string_, &date_,
                           &timestamp_, &duration_, &business_days_, &none_};
  for (const Type* scalar : scalars) {
    if (scalar->kind == kind) return element || decl ? nullptr : scalar;
  }
  auto it = interned_.find(std::make_tuple(kind, element, decl));
  return it == interned_.end() ? nullptr : it->second.get();
}

const Type* TypeContext::Builtin(const std::string& name) const {
  static const std::pair<const char*, TypeKind> kNames[] = {
      {"bool", TypeKind::Bool},       {"int", TypeKind::Int},         {"decimal", TypeKind::Decimal},
      {"percent", TypeKind::Percent}, {"string", TypeKind::String},   {"date", TypeKind::Date},
      {"timestamp", TypeKind::Timestamp}, {"duration", TypeKind::Duration}};
  for (auto [spelling, kind] : kNames) {
    if (name != spelling) continue;
    switch (kind) {
      case TypeKind::Bool: return &bool_;
      case TypeKind::Int: return &int_;
      case TypeKind::Decimal: return &decimal_;
      case TypeKind::Percent: return &percent_;
      case TypeKind::String: return &string_;
      case TypeKind::Date: return &date_;
      case TypeKind::Timestamp: return &timestamp_;
      default: return &duration_;
    }
  }
  return nullptr;
}

const std::vector<std::pair<const char*, TypeKind>>& TallyFields() {
  static const std::vector<std::pair<const char*, TypeKind>> kFields = {
      {"approve", TypeKind::Int},  {"reject", TypeKind::Int},    {"table", TypeKind::Int},
      {"cast", TypeKind::Int},     {"passes", TypeKind::Bool},   {"minority", TypeKind::Bool},
      {"tabled", TypeKind::Bool},  {"unanimous", TypeKind::Bool}};
  return kFields;
}

}  // namespace charter
