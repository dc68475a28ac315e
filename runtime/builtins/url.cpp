#include "runtime/builtins/builtins.h"

namespace charter::runtime {

namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// RFC 3986 §3.2.2 reg-name and userinfo characters: unreserved, pct-encoded, sub-delims.
bool IsRegNameChar(char c) {
  static const std::string_view kAllowed = "-._~!$&'()*+,;=";
  return IsAlpha(c) || IsDigit(c) || kAllowed.find(c) != std::string_view::npos;
}

bool ValidPercentEncoded(std::string_view text, bool allow_colon) {
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size() || !IsHex(text[i + 1]) || !IsHex(text[i + 2])) return false;
      i += 2;
    } else if (!(IsRegNameChar(c) || (allow_colon && c == ':'))) {
      return false;
    }
  }
  return true;
}

// The length of `scheme:` at the start of `url`, or 0.
size_t SchemeLength(std::string_view url) {
  if (url.empty() || !IsAlpha(url[0])) return 0;
  for (size_t i = 1; i < url.size(); ++i) {
    char c = url[i];
    if (c == ':') return i;
    if (!(IsAlpha(c) || IsDigit(c) || c == '+' || c == '-' || c == '.')) return 0;
  }
  return 0;
}

}  // namespace

std::optional<std::string_view> UrlSchemeAsWritten(std::string_view url) {
  size_t length = SchemeLength(url);
  if (length == 0) return std::nullopt;
  return url.substr(0, length);
}

std::optional<std::string> UrlScheme(std::string_view url) {
  auto scheme = UrlSchemeAsWritten(url);
  if (!scheme) return std::nullopt;
  return AsciiLower(*scheme);
}

std::optional<std::string> UrlHost(std::string_view url) {
  auto host = UrlHostAsWritten(url);
  if (!host) return std::nullopt;
  return AsciiLower(*host);
}

std::optional<std::string_view> UrlHostAsWritten(std::string_view url) {
  size_t scheme = SchemeLength(url);
  if (scheme == 0 || url.substr(scheme + 1, 2) != "//") return std::nullopt;
  std::string_view rest = url.substr(scheme + 3);
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  // userinfo may itself contain '@' only percent-encoded; the host follows the last one.
  size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    if (!ValidPercentEncoded(authority.substr(0, at), true)) return std::nullopt;
    authority = authority.substr(at + 1);
  }
  std::string_view host, port;
  if (!authority.empty() && authority[0] == '[') {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = authority.substr(0, close + 1);
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after[0] != ':') return std::nullopt;
      port = after.substr(1);
    }
    for (char c : host.substr(1, host.size() - 2)) {
      if (!(IsHex(c) || c == ':' || c == '.')) return std::nullopt;
    }
  } else {
    size_t colon = authority.find(':');
    host = authority.substr(0, colon);
    if (colon != std::string_view::npos) port = authority.substr(colon + 1);
    if (!ValidPercentEncoded(host, false)) return std::nullopt;
  }
  for (char c : port) {
    if (!IsDigit(c)) return std::nullopt;
  }
  if (host.empty()) return std::nullopt;
  return host;
}

}  // namespace charter::runtime
