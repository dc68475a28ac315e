// The interpreter's side of compiler/check/builtins.def: each C symbol named
// there has an adapter here from Values to the runtime's functions.
#include <algorithm>
#include <string_view>

#include <fmt/format.h>

#include "compiler/eval/run.h"
#include "runtime/builtins/builtins.h"

namespace charter::eval {

namespace adapters {

using Args = const std::vector<Value>&;

static int32_t Day(const Value& v) { return static_cast<int32_t>(v.as_int()); }
static Value OptionalString(const std::optional<std::string>& s) { return s ? Value::Str(*s) : Value::None(); }

static Value charter_time_business_days_between(Args a) {
  return Value::Int(runtime::BusinessDaysBetween(Day(a[0]), Day(a[1])));
}
static Value charter_time_days_between(Args a) { return Value::Int(runtime::DaysBetween(Day(a[0]), Day(a[1]))); }
static Value charter_time_date_of(Args a) { return Value::Int(runtime::DateOf(a[0].as_int())); }
static Value charter_text_has_control_chars(Args a) { return Value::Bool(runtime::HasControlChars(a[0].as_str())); }
static Value charter_url_scheme(Args a) { return OptionalString(runtime::UrlScheme(a[0].as_str())); }
static Value charter_url_host(Args a) { return OptionalString(runtime::UrlHost(a[0].as_str())); }
static Value charter_semver_valid(Args a) { return Value::Bool(runtime::SemverValid(a[0].as_str())); }
static Value charter_semver_compare(Args a) { return Value::Int(runtime::SemverOrder(a[0].as_str(), a[1].as_str())); }

}  // namespace adapters

namespace {

/// The number of parameters of a builtins.def signature, "(date, date) -> int".
constexpr size_t Arity(std::string_view signature) {
  std::string_view params = signature.substr(1, signature.find(')') - 1);
  return params.empty() ? 0 : static_cast<size_t>(std::count(params.begin(), params.end(), ',')) + 1;
}

struct Builtin {
  std::string_view name;  // module.name, for messages
  size_t arity;
  Value (*adapter)(const std::vector<Value>&);
};

constexpr Builtin kBuiltins[] = {
#define BUILTIN(module, name, signature, symbol) {module "." name, Arity(signature), &adapters::symbol},
#include "compiler/check/builtins.def"
#undef BUILTIN
};

}  // namespace

std::variant<Value, EvalError> CallBuiltin(int64_t index, const std::vector<Value>& args) {
  if (index < 0 || static_cast<size_t>(index) >= std::size(kBuiltins)) {
    return EvalError{"internal error: unknown builtin " + std::to_string(index), Span{}};
  }
  const Builtin& builtin = kBuiltins[index];
  if (args.size() != builtin.arity) {
    return EvalError{fmt::format("internal error: builtin `{}` takes {} arguments, not {}", builtin.name, builtin.arity,
                                 args.size()),
                     Span{}};
  }
  try {
    return builtin.adapter(args);
  } catch (const std::bad_variant_access&) {  // a Value's accessor on an argument of another type
    return EvalError{fmt::format("internal error: builtin `{}` was given an argument of the wrong type", builtin.name),
                     Span{}};
  }
}

}  // namespace charter::eval
