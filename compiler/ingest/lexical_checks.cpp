#include "compiler/ingest/lexical_checks.h"

#include <cstdint>
#include <cstring>

#include "compiler/base/byte_scan.h"

namespace charter::ingest {

static int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// The code unit of `\uXXXX` at `text[at]` (at the backslash), or -1.
static int32_t UnicodeEscape(std::string_view text, size_t at) {
  if (at + 6 > text.size() || text[at] != '\\' || text[at + 1] != 'u') return -1;
  int32_t unit = 0;
  for (size_t k = at + 2; k < at + 6; ++k) {
    int digit = HexValue(text[k]);
    if (digit < 0) return -1;
    unit = unit * 16 + digit;
  }
  return unit;
}

/// Checks the escape at `text[at]` (the backslash); on success `at` is its last byte.
static bool CheckEscape(std::string_view text, size_t& at) {
  if (at + 1 >= text.size()) return false;
  switch (text[at + 1]) {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
      ++at;
      return true;
    case 'u': break;
    default: return false;
  }
  int32_t unit = UnicodeEscape(text, at);
  if (unit < 0 || (unit >= 0xDC00 && unit <= 0xDFFF)) return false;
  if (unit >= 0xD800 && unit <= 0xDBFF) {
    int32_t low = UnicodeEscape(text, at + 6);
    if (low < 0xDC00 || low > 0xDFFF) return false;
    at += 11;
    return true;
  }
  at += 5;
  return true;
}

bool IsPlainText(std::string_view text) { return FindControlOrBackslash(text) == text.size(); }

bool HasStrictStrings(std::string_view text) {
  // Almost every event has neither: a vector pass settles it.
  if (IsPlainText(text)) return true;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (in_string) {
      if (c < 0x20) return false;
      if (c == '\\' && !CheckEscape(text, i)) return false;
      if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c < 0x20 && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      return false;
    }
  }
  return true;
}

bool IsStrictNumber(std::string_view t) {
  auto digit = [&](size_t i) { return i < t.size() && t[i] >= '0' && t[i] <= '9'; };
  size_t i = 0;
  if (i < t.size() && t[i] == '-') ++i;
  size_t int_start = i;
  if (!digit(i)) return false;
  if (t[i] == '0') {
    ++i;
  } else {
    while (digit(i)) ++i;
  }
  int64_t int_digits = static_cast<int64_t>(i - int_start);
  if (i < t.size() && t[i] == '.') {
    ++i;
    if (!digit(i)) return false;
    while (digit(i)) ++i;
  }
  int64_t exponent = 0;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    bool negative = i < t.size() && t[i] == '-';
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    if (!digit(i)) return false;
    for (; digit(i); ++i) {
      if (exponent < 100000) exponent = exponent * 10 + (t[i] - '0');
    }
    if (negative) exponent = -exponent;
  }
  // Below 10^(integer digits + exponent) ≤ 10^300: a finite double (nlohmann refuses overflow).
  return i == t.size() && int_digits <= 300 && int_digits + exponent <= 300;
}

std::string_view TrimToken(std::string_view token) {
  size_t end = token.size();
  while (end > 0 && (token[end - 1] == ' ' || token[end - 1] == '\t' || token[end - 1] == '\n' || token[end - 1] == '\r')) {
    --end;
  }
  return token.substr(0, end);
}

}  // namespace charter::ingest
