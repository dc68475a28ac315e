// The JIT engine: compiles a module's decisions to native code with LLVM ORC
// (LLJIT) once, then decides events by calling it. Gives the same decisions
// and evaluation errors as eval::Interpreter.
//
// LLVM is large: linked into `charter`, its static initialisers alone made
// every command (even `charter --version`) take ~100 ms. So the JIT lives in
// a plugin, libcharter_jit.so (compiler/jit/*.cpp, compiler/lower/*.cpp, LLVM
// linked statically inside it), that Create() loads with dlopen only when an
// engine is asked for.
#pragma once

#include <memory>
#include <string>
#include <variant>

#include "compiler/eval/interpreter.h"
#include "compiler/ir/ir.h"

namespace charter::jit {

class Engine {
 public:
  /// Loads the plugin and compiles `module`; null with `error` set when the
  /// plugin is missing or LLVM cannot compile.
  static std::unique_ptr<Engine> Create(const ir::Module& module, std::string& error);
  virtual ~Engine() = default;

  virtual std::variant<eval::Decision, eval::EvalError> Decide(int32_t event_kind, const eval::Value& event) = 0;
};

/// The plugin's entry point, looked up by name.
inline constexpr const char* kCreateSymbol = "charter_jit_create_engine";
using CreateFn = Engine* (*)(const ir::Module* module, std::string* error);

}  // namespace charter::jit
