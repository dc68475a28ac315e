// OpenSSL's libcrypto, loaded when the decision log first needs a digest.
//
// Linked normally, libcrypto cost every charter process ~120 page faults of
// relocations at start-up (~2 ms on the machines we measured, a fifth of
// `charter --version`), though only `eval --log` and `log verify|export` use it.
#pragma once

#include <string>

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace charter::log {

/// The libcrypto functions the log uses, with OpenSSL's own signatures.
struct Crypto {
  decltype(&EVP_Digest) digest = nullptr;
  decltype(&EVP_sha256) sha256 = nullptr;
  decltype(&HMAC) hmac = nullptr;
};

/// libcrypto, loaded on first use; null when it cannot be loaded, and then
/// `error` (when given) says why.
const Crypto* LoadCrypto(std::string* error = nullptr);

}  // namespace charter::log
