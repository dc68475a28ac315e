// The interpreter's public entry to the builtins (compiler/eval/builtins_bridge.cpp):
// results and errors are values; the interpreter's private failure never leaves it.
#include <catch2/catch.hpp>

#include <string_view>

#include "compiler/eval/interpreter.h"

using namespace charter;
using eval::Value;

namespace {

/// The builtin's index in compiler/check/builtins.def, as the IR names it.
int64_t IndexOf(std::string_view symbol) {
  static const std::string_view kSymbols[] = {
#define BUILTIN(module, name, signature, symbol) #symbol,
#include "compiler/check/builtins.def"
#undef BUILTIN
  };
  for (size_t i = 0; i < std::size(kSymbols); ++i) {
    if (kSymbols[i] == symbol) return static_cast<int64_t>(i);
  }
  FAIL("no builtin " << symbol);
  return -1;
}

/// std.semver.compare(string, string) -> int
int64_t SemverCompare() { return IndexOf("charter_semver_compare"); }

std::string ErrorOf(const std::variant<Value, eval::EvalError>& result) {
  const auto* error = std::get_if<eval::EvalError>(&result);
  return error ? error->message : "(no error)";
}

}  // namespace

TEST_CASE("CallBuiltin returns the builtin's value", "[eval][builtins]") {
  auto result = eval::CallBuiltin(SemverCompare(), {Value::Str("1.2.0"), Value::Str("1.10.0")});
  REQUIRE(std::holds_alternative<Value>(result));
  CHECK(std::get<Value>(result).as_int() < 0);
}

TEST_CASE("CallBuiltin with an index builtins.def does not have returns an error, not an exception", "[eval][builtins]") {
  std::variant<Value, eval::EvalError> result;
  REQUIRE_NOTHROW(result = eval::CallBuiltin(1000, {}));
  CHECK(ErrorOf(result) == "internal error: unknown builtin 1000");
  REQUIRE_NOTHROW(result = eval::CallBuiltin(-1, {}));
  CHECK(ErrorOf(result) == "internal error: unknown builtin -1");
}

TEST_CASE("CallBuiltin with arguments that do not fit the signature returns an error", "[eval][builtins]") {
  std::variant<Value, eval::EvalError> result;
  REQUIRE_NOTHROW(result = eval::CallBuiltin(SemverCompare(), {Value::Str("1.0.0")}));
  CHECK(ErrorOf(result) == "internal error: builtin `std.semver.compare` takes 2 arguments, not 1");
  REQUIRE_NOTHROW(result = eval::CallBuiltin(SemverCompare(), {Value::Int(1), Value::Str("1.0.0")}));
  CHECK(ErrorOf(result) == "internal error: builtin `std.semver.compare` was given an argument of the wrong type");
}
