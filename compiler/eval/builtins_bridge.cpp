// The interpreter's side of compiler/check/builtins.def: each C symbol named
// there has an adapter here from Values to the runtime's functions.
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

Value CallBuiltin(int64_t index, const std::vector<Value>& args) {
  using Adapter = Value (*)(const std::vector<Value>&);
  static const Adapter kAdapters[] = {
#define BUILTIN(module, name, signature, symbol) &adapters::symbol,
#include "compiler/check/builtins.def"
#undef BUILTIN
  };
  if (index < 0 || static_cast<size_t>(index) >= std::size(kAdapters)) {
    throw EvalFailure{"internal error: unknown builtin", Span{}};
  }
  return kAdapters[index](args);
}

}  // namespace charter::eval
