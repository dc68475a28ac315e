// Runs a policy's `test` blocks on the interpreter and judges each expectation.
#pragma once

#include <functional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/eval/interpreter.h"
#include "compiler/ir/ir.h"

namespace charter::driver {

struct ExpectationFailure {
  std::string expected;  // `deny with "no_quorum"`
  std::string actual;    // `allow`, `reasons [rfc_missing]`, `value budget_status = caution`
  Span at;
};

struct TestResult {
  const ir::TestCase* test = nullptr;
  std::vector<ExpectationFailure> failures;
  std::string error;                 // the given value or the decision could not be evaluated
  nlohmann::ordered_json decision;   // the decision JSON, when there is one
  bool passed() const { return failures.empty() && error.empty(); }
};

using DecideFn = std::function<std::variant<eval::Decision, eval::EvalError>(int32_t, const eval::Value&)>;

/// Runs every test of `module`: `interpreter` computes the given events and
/// expected values, `decide` (the interpreter or the JIT) decides.
std::vector<TestResult> RunTests(const ir::Module& module, eval::Interpreter& interpreter, const DecideFn& decide);
/// The same, deciding with the interpreter.
std::vector<TestResult> RunTests(const ir::Module& module, eval::Interpreter& interpreter);

}  // namespace charter::driver
