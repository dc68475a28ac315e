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

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "compiler/eval/interpreter.h"
#include "compiler/ir/ir.h"
#include "compiler/jit/abi.h"

namespace charter::jit {

struct EngineOptions {
  std::string cache_dir;  // compiled objects are kept here (compiler/jit/object_cache.h); empty: no cache
  std::string cpu;        // the target CPU: empty for the default (see docs/performance.md), "host", or a name
  int opt_level = -1;     // the IR pass pipeline, 0..3 (compiler/jit/object_cache.h); -1 for the default
};

/// What compiling did, for `--verbose` and `charter bench`.
struct CompileReport {
  enum class Cache { Off, Hit, Miss, Rebuilt };
  Cache cache = Cache::Off;
  std::string cache_file;
  std::string cache_note;   // why an entry was rebuilt, or why it could not be written
  double lower_ms = 0;      // constants, and the typed IR to LLVM IR (not run on a cache hit)
  double optimize_ms = 0;   // the IR pass pipeline
  double codegen_ms = 0;    // instruction selection to object file
  double load_ms = 0;       // the cache key, reading and checking an entry, reading its tables back
  double link_ms = 0;       // creating LLJIT, adding the object, looking up the decisions
  double total_ms = 0;      // from the IR to callable code
};

/// The milliseconds since `start`, for CompileReport.
inline double MillisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

class Engine {
 public:
  /// Loads the plugin and compiles `module`; null with `error` set when the
  /// plugin is missing or LLVM cannot compile.
  static std::unique_ptr<Engine> Create(const ir::Module& module, const EngineOptions& options, std::string& error);
  /// Starts loading the plugin on another thread, to overlap with loading
  /// the policies (dlopen relocates LLVM's tables and runs its static
  /// initialisers: most of a cached JIT start-up); Create() waits for it.
  static void Preload();
  virtual ~Engine() = default;

  virtual const CompileReport& report() const = 0;

  virtual std::variant<eval::Decision, eval::EvalError> Decide(int32_t event_kind, const eval::Value& event) = 0;
  /// Decides an event already in cells (compiler/ingest/fast_decoder.h), which must outlive the call.
  virtual std::variant<eval::Decision, eval::EvalError> Decide(int32_t event_kind, const CharterCell& event) = 0;
  /// The same into `decision`, reusing the storage it holds from the last
  /// event (a stream's hot path); the error when evaluation stopped, and then
  /// `decision` is unspecified.
  virtual std::optional<eval::EvalError> DecideInto(int32_t event_kind, const CharterCell& event,
                                                    eval::Decision& decision) = 0;
};

/// `$XDG_CACHE_HOME/charter`, else `$HOME/.cache/charter`; empty when neither is set.
std::string DefaultCacheDir();

/// The plugin's entry point, looked up by name. The plugin also exports
/// kAbiSymbol, an int that must equal kAbiVersion: a plugin from another
/// build of Charter is refused rather than called with the wrong layout.
inline constexpr const char* kCreateSymbol = "charter_jit_create_engine";
inline constexpr const char* kAbiSymbol = "charter_jit_abi_version";
inline constexpr int kAbiVersion = 4;
using CreateFn = Engine* (*)(const ir::Module* module, const EngineOptions* options, std::string* error);

}  // namespace charter::jit
