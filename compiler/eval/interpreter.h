// The reference interpreter: evaluates the IR directly, exactly and simply.
// It is the oracle the JIT is checked against, so clarity beats speed here.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/eval/value.h"
#include "compiler/ir/ir.h"
#include "runtime/builtins/regex.h"

namespace charter::eval {

/// A reason, warning or obligation as produced.
struct Finding {
  int32_t site = -1;  // Module::sites
  std::string code;
  std::string message;
  Span at;
};

struct Decision {
  std::vector<Finding> reasons;
  std::vector<Finding> warnings;
  std::vector<Finding> obligations;          // empty when denied
  std::vector<std::optional<Value>> values;  // by EventKind::values index; unset values are absent
  std::vector<std::string> trace;            // with explain: rules, requirements and compared values
  bool allowed() const { return reasons.empty(); }
};

/// Evaluation stopped: overflow, division by zero, a threshold without a band.
struct EvalError {
  std::string message;
  Span at;
};

/// What the runs so far exercised, for `charter test --coverage`.
struct Coverage {
  std::vector<uint64_t> rule_runs;      // by rule
  std::vector<uint64_t> site_fired;     // by site: the reason, warning or obligation was added
  std::vector<uint64_t> require_held;   // by site: a `require` held
};

class Interpreter {
 public:
  explicit Interpreter(const ir::Module& module);
  ~Interpreter();

  std::variant<Decision, EvalError> Decide(int32_t event_kind, const Value& event, bool explain = false);
  /// Evaluates an expression with its own frame (a test's `given` and expected values).
  std::variant<Value, EvalError> Evaluate(const ir::Expr& expr, int32_t frame_size);

  const Coverage& coverage() const { return coverage_; }

  class Run;  // one evaluation; internal (compiler/eval/run.h)

 private:
  const ir::Module& module_;
  std::vector<std::optional<Value>> globals_;
  runtime::RegexTable regexes_;  // literals compiled once
  Coverage coverage_;
  friend class Run;
};

/// How a value reads in a message: enum members by JSON spelling, dates
/// ISO 8601, timestamps RFC 3339 UTC, percents `62.5%`, durations `90 days`,
/// lists `[a, b]` (strings quoted inside), `none`.
std::string ToText(const Value& value, const Type* type, const CheckedProgram& program);

/// A value in decision JSON: numbers (decimals exactly when they can be),
/// enum members by spelling, dates and timestamps as strings, `none` as null.
nlohmann::ordered_json ToJson(const Value& value, const Type* type, const CheckedProgram& program);

/// Calls builtin `index` of compiler/check/builtins.def (shared with the JIT's runtime).
/// An index the table does not have, or arguments that do not fit the builtin's
/// signature, give an EvalError: nothing is thrown.
std::variant<Value, EvalError> CallBuiltin(int64_t index, const std::vector<Value>& args);

/// The JSON spelling of an enum or tier member.
std::string MemberSpelling(const ast::Decl* enum_decl, int64_t index);

}  // namespace charter::eval
