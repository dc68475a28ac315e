// Positions in lists and strings (sequence.h).
#include "runtime/builtins/sequence.h"

#include "runtime/builtins/builtins.h"

namespace charter::runtime {

namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// A position counted from the end when negative, clamped to [0, size].
size_t Clamp(int64_t i, size_t size) {
  auto n = static_cast<int64_t>(size);
  if (i < 0) i = i < -n ? 0 : n + i;
  return static_cast<size_t>(i > n ? n : i);
}

}  // namespace

std::optional<size_t> ResolveIndex(int64_t i, size_t size) {
  auto n = static_cast<int64_t>(size);
  if (i < 0) {
    if (i < -n) return std::nullopt;
    i += n;
  }
  if (i >= n) return std::nullopt;
  return static_cast<size_t>(i);
}

std::pair<size_t, size_t> ResolveSlice(int64_t lo, int64_t hi, size_t size) {
  size_t first = Clamp(lo, size), last = Clamp(hi, size);
  return {first, last < first ? first : last};
}

std::pair<size_t, size_t> CodePointRange(std::string_view s, size_t first, size_t last) {
  size_t byte = 0, point = 0, begin = s.size(), end = s.size();
  for (; byte < s.size(); ++byte) {
    if (IsContinuation(s[byte])) continue;
    if (point == first) begin = byte;
    if (point == last) {
      end = byte;
      break;
    }
    ++point;
  }
  return {begin, end < begin ? begin : end};
}

std::optional<std::string_view> CodePointAt(std::string_view s, int64_t i) {
  auto at = ResolveIndex(i, static_cast<size_t>(CodePointCount(s)));
  if (!at) return std::nullopt;
  auto [begin, end] = CodePointRange(s, *at, *at + 1);
  return s.substr(begin, end - begin);
}

std::string_view CodePointSlice(std::string_view s, int64_t lo, int64_t hi) {
  auto [first, last] = ResolveSlice(lo, hi, static_cast<size_t>(CodePointCount(s)));
  auto [begin, end] = CodePointRange(s, first, last);
  return s.substr(begin, end - begin);
}

std::optional<int64_t> CodePointIndexOf(std::string_view s, std::string_view part) {
  size_t at = s.find(part);
  if (at == std::string_view::npos) return std::nullopt;
  return CodePointCount(s.substr(0, at));
}

}  // namespace charter::runtime
