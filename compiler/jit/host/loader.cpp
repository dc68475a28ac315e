// Engine::Create on the host side: finds libcharter_jit.so and dlopens it.
#include <dlfcn.h>
#include <unistd.h>

#include <filesystem>

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

CreateFn LoadPlugin(std::string& error) {
  static CreateFn create = nullptr;
  static std::string load_error;
  static bool tried = false;
  if (!tried) {
    tried = true;
    for (const std::string& path : Candidates()) {
      if (!std::filesystem::exists(path)) continue;
      void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (!handle) {
        load_error = std::string("cannot load the JIT plugin: ") + dlerror();
        continue;
      }
      auto* abi = static_cast<const int*>(dlsym(handle, kAbiSymbol));
      create = reinterpret_cast<CreateFn>(dlsym(handle, kCreateSymbol));
      if (create && abi && *abi == kAbiVersion) break;
      create = nullptr;
      load_error = path + " is not a Charter JIT plugin of this build";
    }
    if (!create && load_error.empty()) load_error = "the JIT plugin libcharter_jit.so was not found (set CHARTER_JIT_PLUGIN)";
  }
  if (!create) error = load_error;
  return create;
}

}  // namespace

std::unique_ptr<Engine> Engine::Create(const ir::Module& module, const EngineOptions& options, std::string& error) {
  CreateFn create = LoadPlugin(error);
  if (!create) return nullptr;
  return std::unique_ptr<Engine>(create(&module, &options, &error));
}

std::string DefaultCacheDir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && *xdg == '/') return (std::filesystem::path(xdg) / "charter").string();
  const char* home = std::getenv("HOME");
  if (home && *home == '/') return (std::filesystem::path(home) / ".cache" / "charter").string();
  return "";
}

}  // namespace charter::jit
