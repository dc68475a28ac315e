// Internal to compiler/eval: one evaluation (a decision or a test value) over
// the Interpreter's module; expressions in run_expr.cpp, statements in
// interpreter.cpp.
#pragma once

#include <string>
#include <vector>

#include "compiler/eval/interpreter.h"

namespace charter::eval {

using Frame = std::vector<Value>;

/// Thrown inside a run; Decide and Evaluate turn it into an EvalError.
struct EvalFailure {
  std::string message;
  Span at;
};

class Interpreter::Run {
 public:
  Run(Interpreter& interp, Decision* decision, bool explain)
      : interp_(interp), decision_(decision), explain_(explain && decision) {}

  void RunRule(int32_t index, const Value& event);
  Value Eval(const ir::Expr& expr, Frame& frame);

 private:
  void RunBlock(const ir::Block& block, Frame& frame, int depth);
  void RunStmt(const ir::Stmt& stmt, Frame& frame, int depth);
  void AddFinding(const ir::Stmt& stmt, Frame& frame);
  const ir::OutputValue* ValueInfo(int32_t value) const;
  void Trace(int depth, const std::string& text);
  std::string Text(const Value& value, const Type* type) const;
  std::string Explain(const ir::Expr& cond, Frame& frame);

  // run_expr.cpp
  Value EvalCall(const ir::Expr& expr, Frame& frame);
  Value EvalCollection(const ir::Expr& expr, Frame& frame);
  Value EvalString(const ir::Expr& expr, Frame& frame);
  bool Matches(const ir::Expr& expr, const std::string& text, const std::string& pattern);
  const Value& GlobalValue(int64_t index);
  [[noreturn]] void Fail(const ir::Expr& expr, const std::string& message) const;

  Interpreter& interp_;
  Decision* decision_;
  bool explain_;
  int32_t current_event_ = -1;
  int call_depth_ = 0;
};

using Run = Interpreter::Run;


}  // namespace charter::eval
