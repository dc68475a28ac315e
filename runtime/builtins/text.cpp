#include "runtime/builtins/builtins.h"

namespace charter::runtime {

bool HasControlChars(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x20 || byte == 0x7F) return true;
    // C1 controls are U+0080..U+009F, encoded as C2 80..C2 9F.
    if (byte == 0xC2 && i + 1 < s.size()) {
      auto next = static_cast<unsigned char>(s[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return true;
    }
  }
  return false;
}

}  // namespace charter::runtime

namespace charter::runtime {

// Decodes the code point starting at `i` (valid UTF-8 assumed; events and
// policy text are validated before they get here). Sets `length`.
static uint32_t DecodeAt(std::string_view s, size_t i, size_t& length) {
  auto byte = static_cast<unsigned char>(s[i]);
  size_t n = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
  if (i + n > s.size()) n = 1;
  uint32_t cp = n == 1 ? byte : byte & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  length = n;
  return cp;
}

static bool IsWhiteSpace(uint32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

std::string_view TrimSpace(std::string_view s) {
  size_t begin = 0;
  while (begin < s.size()) {
    size_t length = 1;
    if (!IsWhiteSpace(DecodeAt(s, begin, length))) break;
    begin += length;
  }
  size_t end = s.size();
  while (end > begin) {
    size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    size_t length = 1;
    if (!IsWhiteSpace(DecodeAt(s, start, length))) break;
    end = start;
  }
  return s.substr(begin, end - begin);
}

int64_t CodePointCount(std::string_view s) {
  int64_t count = 0;
  for (char c : s) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

void AsciiLowerInPlace(char* bytes, size_t size) {
  for (size_t i = 0; i < size; ++i) {
    if (bytes[i] >= 'A' && bytes[i] <= 'Z') bytes[i] = static_cast<char>(bytes[i] - 'A' + 'a');
  }
}

void AsciiUpperInPlace(char* bytes, size_t size) {
  for (size_t i = 0; i < size; ++i) {
    if (bytes[i] >= 'a' && bytes[i] <= 'z') bytes[i] = static_cast<char>(bytes[i] - 'a' + 'A');
  }
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  AsciiLowerInPlace(out.data(), out.size());
  return out;
}

std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  AsciiUpperInPlace(out.data(), out.size());
  return out;
}

}  // namespace charter::runtime
