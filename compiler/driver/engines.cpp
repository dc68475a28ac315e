#include "compiler/driver/engines.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

namespace charter::driver {

bool ParseEngine(const std::string& text, EngineKind& kind) {
  if (text == "auto") kind = EngineKind::Auto;
  else if (text == "interp") kind = EngineKind::Interp;
  else if (text == "jit") kind = EngineKind::Jit;
  else return false;
  return true;
}

double PeakRssMegabytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024;  // in kB
  }
  return 0;
}

// Measured on 200k contract_execution events (docs/performance.md): a decision
// costs ~9 µs interpreted and ~2 µs compiled, and loading the plugin and
// compiling cost ~20 ms from the object cache and ~70 ms cold, so the JIT pays
// off after a few thousand events: about 2 MB of typical NDJSON.
constexpr uintmax_t kJitWorthBytes = 2u << 20;

EngineKind ChooseEngine(const std::string& stream) {
  if (stream.empty()) return EngineKind::Interp;
  std::error_code ec;
  // A pipe's length is unknown: expect a long stream.
  if (stream == "-" || !std::filesystem::is_regular_file(stream, ec)) return EngineKind::Jit;
  uintmax_t bytes = std::filesystem::file_size(stream, ec);
  return !ec && bytes < kJitWorthBytes ? EngineKind::Interp : EngineKind::Jit;
}

jit::EngineOptions JitOptions(bool no_cache) {
  jit::EngineOptions options;
  if (!no_cache) options.cache_dir = jit::DefaultCacheDir();
  return options;
}

void PrintCompileReport(const char* verb, const jit::CompileReport& report) {
  using Cache = jit::CompileReport::Cache;
  std::string cache;
  switch (report.cache) {
    case Cache::Off: cache = "object cache off"; break;
    case Cache::Hit: cache = fmt::format("object cache hit: loaded {}", report.cache_file); break;
    case Cache::Miss:
      cache = report.cache_note.empty() ? fmt::format("object cache miss: stored {}", report.cache_file)
                                        : fmt::format("object cache miss: {}", report.cache_note);
      break;
    case Cache::Rebuilt:
      cache = fmt::format("object cache entry {} rebuilt: {}", report.cache_file, report.cache_note);
      break;
  }
  // A hit reads the code and its tables back: nothing is lowered, optimised or generated.
  std::string steps = report.cache == Cache::Hit
                          ? fmt::format("cache look-up {:.1f}, linking {:.1f}", report.load_ms, report.link_ms)
                          : fmt::format("lowering {:.1f}, cache look-up {:.1f}, optimisation {:.1f}, code generation "
                                        "{:.1f}, linking {:.1f}",
                                        report.lower_ms, report.load_ms, report.optimize_ms, report.codegen_ms,
                                        report.link_ms);
  fmt::print(stderr, "charter {}: jit: {:.1f} ms ({}); {}\n", verb, report.total_ms, steps, cache);
}

std::unique_ptr<Decider> Decider::Make(const ir::Module& module, EngineKind kind, const jit::EngineOptions& options,
                                       std::string& error) {
  std::unique_ptr<Decider> decider(new Decider(module));
  if (kind == EngineKind::Jit) {
    decider->jit_ = jit::Engine::Create(module, options, error);
    if (!decider->jit_) return nullptr;
  }
  return decider;
}

std::variant<eval::Decision, eval::EvalError> Decider::Decide(int32_t event_kind, const eval::Value& event, bool explain) {
  if (jit_ && !explain) return jit_->Decide(event_kind, event);
  return interpreter_.Decide(event_kind, event, explain);
}

}  // namespace charter::driver
