// Choosing the engine that decides events: the interpreter, the JIT, or
// `auto` (the interpreter for a single event, where compiling costs more than
// it saves; the JIT for streams and test suites).
#pragma once

#include <memory>
#include <string>
#include <variant>

#include "compiler/eval/interpreter.h"
#include "compiler/jit/engine.h"

namespace charter::driver {

enum class EngineKind { Auto, Interp, Jit };

/// Parses `auto|jit|interp`; false for anything else.
bool ParseEngine(const std::string& text, EngineKind& kind);

class Decider {
 public:
  /// `kind` must not be Auto. Null with `error` set when the JIT cannot compile.
  static std::unique_ptr<Decider> Make(const ir::Module& module, EngineKind kind, std::string& error);

  /// `explain` needs the interpreter's trace: it always decides with the interpreter.
  std::variant<eval::Decision, eval::EvalError> Decide(int32_t event_kind, const eval::Value& event, bool explain);
  eval::Interpreter& interpreter() { return interpreter_; }

 private:
  explicit Decider(const ir::Module& module) : interpreter_(module) {}
  eval::Interpreter interpreter_;
  std::unique_ptr<jit::Engine> jit_;
};

}  // namespace charter::driver
