#include "compiler/log/crypto.h"

#include <dlfcn.h>

#include <openssl/opensslv.h>

namespace charter::log {

namespace {

// The soname of the libcrypto whose headers this is compiled against.
constexpr const char* kLibrary = "libcrypto.so." OPENSSL_MSTR(OPENSSL_SHLIB_VERSION);

struct Loaded {
  Crypto crypto;
  std::string error;
};

Loaded Load() {
  Loaded loaded;
  void* library = dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char* why = dlerror();
    loaded.error = std::string("cannot load ") + kLibrary + ": " + (why ? why : "unknown error");
    return loaded;
  }
  auto bind = [&](auto& fn, const char* name) {
    fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(library, name));
    if (!fn && loaded.error.empty()) loaded.error = std::string(kLibrary) + " has no `" + name + "`";
  };
  bind(loaded.crypto.digest, "EVP_Digest");
  bind(loaded.crypto.sha256, "EVP_sha256");
  bind(loaded.crypto.hmac, "HMAC");
  return loaded;  // the library stays loaded for the process
}

}  // namespace

const Crypto* LoadCrypto(std::string* error) {
  static const Loaded loaded = Load();
  if (!loaded.error.empty()) {
    if (error) *error = loaded.error;
    return nullptr;
  }
  return &loaded.crypto;
}

}  // namespace charter::log
