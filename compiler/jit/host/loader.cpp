// Engine::Create on the host side: finds libcharter_jit.so and dlopens it.
#include <dlfcn.h>
#include <unistd.h>

#include <filesystem>
#include <future>
#include <mutex>
#include <optional>
#include <system_error>

#include "compiler/jit/engine.h"

namespace charter::jit {

namespace {

/// $CHARTER_JIT_PLUGIN, else beside the executable, else where the build put it.
std::vector<std::string> Candidates() {
  std::vector<std::string> paths;
  if (const char* env = std::getenv("CHARTER_JIT_PLUGIN")) paths.push_back(env);
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    paths.push_back((exe.parent_path() / "libcharter_jit.so").string());
    paths.push_back((exe.parent_path() / ".." / "lib" / "libcharter_jit.so").string());
  }
#ifdef CHARTER_JIT_PLUGIN_PATH
  paths.push_back(CHARTER_JIT_PLUGIN_PATH);
#endif
  return paths;
}

struct Plugin {
  CreateFn create = nullptr;
  std::string error;
};

Plugin LoadPluginNow() {
  Plugin plugin;
  for (const std::string& path : Candidates()) {
    if (!std::filesystem::exists(path)) continue;
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      plugin.error = std::string("cannot load the JIT plugin: ") + dlerror();
      continue;
    }
    auto* abi = static_cast<const int*>(dlsym(handle, kAbiSymbol));
    plugin.create = reinterpret_cast<CreateFn>(dlsym(handle, kCreateSymbol));
    if (plugin.create && abi && *abi == kAbiVersion) return plugin;
    plugin.create = nullptr;
    plugin.error = path + " is not a Charter JIT plugin of this build";
  }
  if (plugin.error.empty()) plugin.error = "the JIT plugin libcharter_jit.so was not found (set CHARTER_JIT_PLUGIN)";
  return plugin;
}

/// The plugin is loaded once per process, perhaps on a thread Preload() started.
struct PluginState {
  std::mutex mutex;
  std::future<Plugin> pending;
  std::optional<Plugin> loaded;
};

PluginState& State() {
  static PluginState state;
  return state;
}

const Plugin& LoadPlugin() {
  PluginState& state = State();
  std::lock_guard<std::mutex> lock(state.mutex);
  if (!state.loaded) state.loaded = state.pending.valid() ? state.pending.get() : LoadPluginNow();
  return *state.loaded;
}

}  // namespace

void Engine::Preload() {
  PluginState& state = State();
  std::lock_guard<std::mutex> lock(state.mutex);
  if (state.loaded || state.pending.valid()) return;
  try {
    state.pending = std::async(std::launch::async, LoadPluginNow);
  } catch (const std::system_error&) {
    // No thread to spare: Create() loads it.
  }
}

std::unique_ptr<Engine> Engine::Create(const ir::Module& module, const EngineOptions& options, std::string& error) {
  const Plugin& plugin = LoadPlugin();
  if (!plugin.create) {
    error = plugin.error;
    return nullptr;
  }
  return std::unique_ptr<Engine>(plugin.create(&module, &options, &error));
}

std::string DefaultCacheDir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && *xdg == '/') return (std::filesystem::path(xdg) / "charter").string();
  const char* home = std::getenv("HOME");
  if (home && *home == '/') return (std::filesystem::path(home) / ".cache" / "charter").string();
  return "";
}

}  // namespace charter::jit
