// Positions in lists and strings, defined once for both engines: `xs[i]`,
// `xs[lo:hi]`, `s[i]`, `s[lo:hi]` and `index_of`. Negative positions count
// from the end (-1 is the last), as in Python; a slice's bounds are clamped to
// the sequence, so a slice is never an error. Strings are indexed by code
// point, never by byte, so a slice never cuts a character.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

namespace charter::runtime {

/// The element `i` names in a sequence of `size`, or nullopt past either end.
std::optional<size_t> ResolveIndex(int64_t i, size_t size);
/// The half-open range [first, last) that `lo` and `hi` name, clamped; empty when lo ≥ hi.
std::pair<size_t, size_t> ResolveSlice(int64_t lo, int64_t hi, size_t size);
/// Byte offsets in valid UTF-8 `s` of code points [first, last) (of CodePointCount(s) in all).
std::pair<size_t, size_t> CodePointRange(std::string_view s, size_t first, size_t last);
/// The code point at `i` (negative from the end) as a piece of `s`, or nullopt.
std::optional<std::string_view> CodePointAt(std::string_view s, int64_t i);
/// `s[lo:hi]` by code points.
std::string_view CodePointSlice(std::string_view s, int64_t lo, int64_t hi);
/// The code-point position of the first occurrence of `part` in `s`, or nullopt.
std::optional<int64_t> CodePointIndexOf(std::string_view s, std::string_view part);

/// What an absent slice bound stands for.
inline constexpr int64_t kSliceFromStart = 0;
inline constexpr int64_t kSliceToEnd = INT64_MAX;

}  // namespace charter::runtime
