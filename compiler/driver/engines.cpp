#include "compiler/driver/engines.h"

#include <cstdlib>
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
  fmt::print(stderr,
             "charter {}: jit: {:.1f} ms (lowering {:.1f}, cache look-up {:.1f}, optimisation {:.1f}, "
             "code generation {:.1f}); {}\n",
             verb, report.total_ms, report.lower_ms, report.load_ms, report.optimize_ms, report.codegen_ms, cache);
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
