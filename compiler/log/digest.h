// The digests of the decision log's hash chain: SHA-256, or HMAC-SHA256 when
// the log has a key (OpenSSL's libcrypto underneath).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace charter::log {

/// SHA-256 of `bytes` as 64 lower-case hex digits.
std::string Sha256Hex(std::string_view bytes);

/// `prev` of a log's first line: no line came before it.
inline const std::string kZeroDigest(64, '0');

/// Digests the lines of one log: plain SHA-256, or HMAC-SHA256 under a key.
class ChainDigest {
 public:
  ChainDigest() = default;
  explicit ChainDigest(std::string key) : key_(std::move(key)) {}

  bool keyed() const { return key_.has_value(); }
  /// The name records carry in `chain`: "sha256" or "hmac-sha256".
  const char* name() const { return keyed() ? "hmac-sha256" : "sha256"; }
  /// 64 lower-case hex digits.
  std::string Hex(std::string_view bytes) const;

 private:
  std::optional<std::string> key_;
};

/// Reads a key file: its bytes less trailing white space (so `openssl rand -hex 32 > key`
/// works). Returns an error message, or empty on success.
std::string ReadKeyFile(const std::string& path, std::string& key);

}  // namespace charter::log
