// The method table of methods.def and its renderings for people.
#include "compiler/check/methods.h"

namespace charter {

const std::vector<MethodInfo>& AllMethods() {
  static const std::vector<MethodInfo> kMethods = {
#define METHOD(id, receiver, name, args, param, result, lowering, doc) \
  {MethodId::id, MethodReceiver::receiver, name, MethodArgs::args, param, MethodResult::result, doc},
#define METHOD_ALIAS(...)
#include "compiler/check/methods.def"
  };
  return kMethods;
}

const MethodInfo& MethodOf(MethodId id) { return AllMethods()[static_cast<size_t>(id)]; }

std::vector<MethodReceiver> ReceiversOf(const Type* type) {
  if (type && type->IsOptional()) type = type->element;
  if (!type) return {};
  switch (type->kind) {
    case TypeKind::String: return {MethodReceiver::String};
    case TypeKind::List: case TypeKind::Set:
      if (type->element && type->element->kind == TypeKind::String) {
        return {MethodReceiver::Collection, MethodReceiver::Strings};
      }
      return {MethodReceiver::Collection};
    case TypeKind::Percent: return {MethodReceiver::Percent};
    case TypeKind::Error: case TypeKind::Bool: case TypeKind::Int: case TypeKind::Decimal: case TypeKind::Date:
    case TypeKind::Timestamp: case TypeKind::Duration: case TypeKind::BusinessDays: case TypeKind::None:
    case TypeKind::Enum: case TypeKind::Record: case TypeKind::Optional: case TypeKind::Tally: return {};
  }
  return {};
}

const MethodInfo* FindMethod(MethodReceiver receiver, std::string_view name) {
  for (const MethodInfo& m : AllMethods()) {
    if (m.receiver == receiver && m.name == name) return &m;
  }
  return nullptr;
}

const MethodInfo* FindMethod(const Type* type, std::string_view name) {
  for (MethodReceiver receiver : ReceiversOf(type)) {
    if (const MethodInfo* m = FindMethod(receiver, name)) return m;
  }
  return nullptr;
}

std::vector<const MethodInfo*> MethodsOf(const Type* type) {
  std::vector<const MethodInfo*> out;
  for (MethodReceiver receiver : ReceiversOf(type)) {
    for (const MethodInfo* m : MethodsOf(receiver)) out.push_back(m);
  }
  return out;
}

const MethodInfo* MethodAlias(const Type* type, std::string_view name) {
  for (MethodReceiver receiver : ReceiversOf(type)) {
    if (const MethodInfo* m = MethodAlias(receiver, name)) return m;
  }
  return nullptr;
}

std::vector<const MethodInfo*> MethodsOf(MethodReceiver receiver) {
  std::vector<const MethodInfo*> out;
  for (const MethodInfo& m : AllMethods()) {
    if (m.receiver == receiver) out.push_back(&m);
  }
  return out;
}

const MethodInfo* MethodAlias(MethodReceiver receiver, std::string_view name) {
  struct Alias {
    MethodReceiver receiver;
    std::string_view name, method;
  };
  static const Alias kAliases[] = {
#define METHOD(...)
#define METHOD_ALIAS(receiver, name, method) {MethodReceiver::receiver, name, method},
#include "compiler/check/methods.def"
  };
  for (const Alias& a : kAliases) {
    if (a.receiver == receiver && a.name == name) return FindMethod(receiver, a.method);
  }
  return nullptr;
}

namespace {

const Type* Plain(const Type* type) { return type && type->IsOptional() ? type->element : type; }

std::string ElementText(const Type* receiver) {
  receiver = Plain(receiver);
  return receiver && receiver->element ? receiver->element->Name() : "T";
}

}  // namespace

std::string MethodInfo::ResultText(const Type* receiver) const {
  switch (result) {
    case MethodResult::String: return "string";
    case MethodResult::Int: return "int";
    case MethodResult::Bool: return "bool";
    case MethodResult::Decimal: return "decimal";
    case MethodResult::Strings: return "list<string>";
    case MethodResult::Receiver: return Plain(receiver) ? Plain(receiver)->Name() : "list<T>";
    case MethodResult::ListOfSelected: return "list<U>";
    case MethodResult::Sum: return "U";
    case MethodResult::OptionalOrdered: return "U?";
    case MethodResult::SetOfSelected: return "set<U>";
    case MethodResult::OptionalElement: return ElementText(receiver) + "?";
    case MethodResult::OptionalInt: return "int?";
  }
  return "";
}

std::string MethodInfo::Signature(const Type* receiver) const {
  std::string element = ElementText(receiver);
  std::string params;
  switch (args) {
    case MethodArgs::None: break;
    case MethodArgs::Text: params = std::string(param) + ": string"; break;
    case MethodArgs::Element: params = std::string(param) + ": " + element; break;
    case MethodArgs::Pred: params = "x => bool"; break;
    case MethodArgs::OptPred: params = "[x => bool]"; break;
    case MethodArgs::Sel: params = "x => U"; break;
    case MethodArgs::OptSel: params = "[x => U]"; break;
  }
  return "(" + params + ") -> " + ResultText(receiver);
}

std::string MethodInfo::Snippet() const {
  std::string call(name);
  switch (args) {
    case MethodArgs::None: return call + "()";
    case MethodArgs::Text: case MethodArgs::Element: return call + "(${1:" + std::string(param) + "})";
    case MethodArgs::Pred: case MethodArgs::Sel: return call + "(${1:x} => $2)";
    case MethodArgs::OptPred: case MethodArgs::OptSel: return call + "($1)";
  }
  return call + "()";
}

}  // namespace charter
