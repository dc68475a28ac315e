// One program compiled for both engines: the reference interpreter and the
// JIT plugin, deciding the same decoded events.
#pragma once

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "compiler/check/check.h"
#include "compiler/eval/decode.h"
#include "compiler/eval/interpreter.h"
#include "compiler/ir/ir.h"
#include "compiler/jit/engine.h"

namespace charter::differential {

/// What each engine made of one event, as decision JSON or evaluation-error JSON.
struct Outcome {
  std::string interpreter;
  std::string jit;
  std::string input_error;  // the decoder refused the event: neither engine ran
  bool Agrees() const { return interpreter == jit; }
};

class EnginePair {
 public:
  /// Null with `error` set (the diagnostics, or why the JIT failed) when the
  /// program does not check or does not compile. With `cache_dir`, the JIT is
  /// compiled twice through the object cache there, and the engine that
  /// decides is the second one, read back from the cache with its tables.
  static std::unique_ptr<EnginePair> Compile(const std::string& source, const std::string& cache_dir,
                                             std::string& error);

  Outcome Decide(const nlohmann::ordered_json& event);

 private:
  EnginePair() = default;
  std::unique_ptr<CheckedProgram> checked_;
  std::unique_ptr<ir::Module> module_;
  std::unique_ptr<eval::Interpreter> interpreter_;
  std::unique_ptr<jit::Engine> jit_;
  std::unique_ptr<eval::EventDecoder> decoder_;
};

/// The file name the generated program is checked as; it appears in every `at`.
inline constexpr const char* kProgramPath = "differential.charter";

}  // namespace charter::differential
