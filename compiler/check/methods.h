// The methods of Charter's built-in types, from methods.def: what the checker
// accepts, what completion, hover and signature help show, and (through the
// same rows) how compiler/ir lowers each call.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/check/types.h"

namespace charter {

enum class MethodId : uint8_t {
#define METHOD(id, ...) id,
#define METHOD_ALIAS(...)
#include "compiler/check/methods.def"
};

/// Which values a method is called on.
enum class MethodReceiver : uint8_t { String, Collection, Strings, Percent };
/// The arguments a method takes.
enum class MethodArgs : uint8_t { None, Text, Element, Pred, OptPred, Sel, OptSel };
/// How a method's result type follows from its receiver and arguments.
enum class MethodResult : uint8_t {
  String, Int, Bool, Decimal, Strings, Receiver, ListOfSelected, Sum, OptionalOrdered, SetOfSelected,
  OptionalElement, OptionalInt
};

struct MethodInfo {
  MethodId id;
  MethodReceiver receiver;
  std::string_view name;
  MethodArgs args;
  std::string_view param;  // the one plain parameter's name, or empty
  MethodResult result;
  std::string_view doc;

  bool LambdaOptional() const { return args == MethodArgs::OptPred || args == MethodArgs::OptSel; }
  /// `(prefix: string) -> bool`, `(x => bool) -> list<T>`: over the generic
  /// `T` (element) and `U` (selected), or over `receiver`'s real types when given.
  std::string Signature(const Type* receiver = nullptr) const;
  /// The result as docs/language.md's tables write it (`list<T>`, `U?`).
  std::string ResultText(const Type* receiver = nullptr) const;
  /// An LSP snippet that calls the method: `starts_with(${1:prefix})`.
  std::string Snippet() const;
};

/// Every method, in methods.def order (indexable by MethodId).
const std::vector<MethodInfo>& AllMethods();
const MethodInfo& MethodOf(MethodId id);
/// The receivers a value of this type is, most specific last: a `list<string>` is a
/// Collection and Strings (an optional's element counts).
std::vector<MethodReceiver> ReceiversOf(const Type* type);
const MethodInfo* FindMethod(MethodReceiver receiver, std::string_view name);
/// The method `name` of any of the type's receivers, or null.
const MethodInfo* FindMethod(const Type* type, std::string_view name);
std::vector<const MethodInfo*> MethodsOf(MethodReceiver receiver);
/// Every method a value of this type has.
std::vector<const MethodInfo*> MethodsOf(const Type* type);
/// Charter's name for a method other languages spell `name` (`size` → `count`), or null.
const MethodInfo* MethodAlias(MethodReceiver receiver, std::string_view name);
const MethodInfo* MethodAlias(const Type* type, std::string_view name);

}  // namespace charter
