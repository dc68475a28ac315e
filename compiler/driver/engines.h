// Choosing the engine that decides events: the interpreter, the JIT, or
// `auto`: the interpreter for one event or a short stream, where compiling
// costs more than it saves, and the JIT for long streams.
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

/// What `auto` means for `charter eval`: `stream` is the --events path
/// ("" for one event, "-" for standard input).
EngineKind ChooseEngine(const std::string& stream);

/// The JIT options of `--no-cache`: the default cache directory, or none.
jit::EngineOptions JitOptions(bool no_cache);

/// The process's peak resident set (VmHWM), which, unlike getrusage's
/// ru_maxrss, does not count what the parent held before `exec`; 0 if unknown.
double PeakRssMegabytes();

/// `--verbose`: one line on stderr saying what compiling the JIT did.
void PrintCompileReport(const char* verb, const jit::CompileReport& report);

class Decider {
 public:
  /// `kind` must not be Auto. Null with `error` set when the JIT cannot compile.
  static std::unique_ptr<Decider> Make(const ir::Module& module, EngineKind kind, const jit::EngineOptions& options,
                                       std::string& error);

  /// `explain` needs the interpreter's trace: it always decides with the interpreter.
  std::variant<eval::Decision, eval::EvalError> Decide(int32_t event_kind, const eval::Value& event, bool explain);
  eval::Interpreter& interpreter() { return interpreter_; }
  /// Whether events are decided by native code, which reads events as cells (DecideCells).
  bool has_jit() const { return jit_ != nullptr; }
  /// The JIT's decision on an event already in cells (compiler/ingest/fast_decoder.h); needs has_jit().
  /// Into `decision`, reusing its storage; the error when evaluation stopped.
  std::optional<eval::EvalError> DecideCells(int32_t event_kind, const CharterCell& event, eval::Decision& decision) {
    return jit_->DecideInto(event_kind, event, decision);
  }
  /// The JIT's compile report, or null for the interpreter.
  const jit::CompileReport* jit_report() const { return jit_ ? &jit_->report() : nullptr; }

 private:
  explicit Decider(const ir::Module& module) : interpreter_(module) {}
  eval::Interpreter interpreter_;
  std::unique_ptr<jit::Engine> jit_;
};

}  // namespace charter::driver
