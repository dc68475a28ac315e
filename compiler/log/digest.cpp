#include "compiler/log/digest.h"

#include "compiler/base/source.h"
#include "compiler/log/crypto.h"

namespace charter::log {
namespace {

std::string ToHex(const unsigned char* bytes, unsigned int size) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (unsigned int i = 0; i < size; ++i) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 0xF];
  }
  return out;
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  const Crypto* crypto = LoadCrypto();
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (!crypto || crypto->digest(bytes.data(), bytes.size(), digest, &size, crypto->sha256(), nullptr) != 1) return "";
  return ToHex(digest, size);
}

std::string ChainDigest::Hex(std::string_view bytes) const {
  if (!key_) return Sha256Hex(bytes);
  const Crypto* crypto = LoadCrypto();
  if (!crypto) return "";
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  // Empty input still needs a valid pointer for HMAC().
  static const unsigned char kEmpty = 0;
  const auto* data = bytes.empty() ? &kEmpty : reinterpret_cast<const unsigned char*>(bytes.data());
  if (!crypto->hmac(crypto->sha256(), key_->data(), static_cast<int>(key_->size()), data, bytes.size(), digest, &size)) return "";
  return ToHex(digest, size);
}

std::string ReadKeyFile(const std::string& path, std::string& key) {
  if (!ReadFile(path, key)) return "cannot read the key file `" + path + "`";
  while (!key.empty() && (key.back() == '\n' || key.back() == '\r' || key.back() == ' ' || key.back() == '\t')) {
    key.pop_back();
  }
  // HMAC accepts any key; a short one makes the chain guessable, so refuse it.
  if (key.size() < 16) return "the key in `" + path + "` is shorter than 16 bytes";
  return "";
}

}  // namespace charter::log
