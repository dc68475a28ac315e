// Native builtins behind the stdlib's `extern fn` declarations (see
// compiler/check/builtins.def). Pure functions over plain values, shared by
// the interpreter and, through extern "C" shims, the JIT.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace charter::runtime {

// ---- std.time (dates are days since 1970-01-01; timestamps microseconds)

/// Business days (Monday to Friday) after `from` up to and including `to`;
/// negative when `to` is before `from`. Mon 2026-11-02 → Mon 2026-11-09 is 5.
int64_t BusinessDaysBetween(int32_t from, int32_t to);
int64_t DaysBetween(int32_t from, int32_t to);
/// The `n`-th business day after `date`, or before it when n < 0; `date`
/// itself when n is 0. A weekend date counts from the Friday before it going
/// forward and from the Monday after it going back.
int32_t AddBusinessDays(int32_t date, int64_t n);
int32_t DateOf(int64_t timestamp_micros);

// ---- std.text

/// True when `s` holds a C0 control (U+0000–U+001F), DEL, or a C1 control (U+0080–U+009F).
bool HasControlChars(std::string_view s);
/// `s` without Unicode White_Space at either end.
std::string_view TrimSpace(std::string_view s);
/// The number of code points in valid UTF-8.
int64_t CodePointCount(std::string_view s);
/// ASCII letters lower- or upper-cased; every other byte unchanged.
std::string AsciiLower(std::string_view s);
std::string AsciiUpper(std::string_view s);
/// The same, on `size` bytes in place.
void AsciiLowerInPlace(char* bytes, size_t size);
void AsciiUpperInPlace(char* bytes, size_t size);

// ---- std.url (RFC 3986)

/// The scheme, lower-cased; nullopt when `url` does not start with `scheme:`.
std::optional<std::string> UrlScheme(std::string_view url);
/// The host of the authority: after any `userinfo@`, without `:port`,
/// lower-cased. nullopt when there is no authority, the host is empty, the
/// port is not a number, or the authority holds characters RFC 3986 forbids.
std::optional<std::string> UrlHost(std::string_view url);
/// The same two, as written in `url` (not lower-cased): parts of it, no copy.
std::optional<std::string_view> UrlSchemeAsWritten(std::string_view url);
std::optional<std::string_view> UrlHostAsWritten(std::string_view url);

// ---- std.semver (Semantic Versioning 2.0.0)

/// Exactly a SemVer 2.0.0 version: nothing before or after, ASCII only.
bool SemverValid(std::string_view version);
/// Precedence order (-1, 0, 1) per SemVer §11, build metadata ignored;
/// nullopt when either side is not valid.
std::optional<int> SemverCompare(std::string_view a, std::string_view b);
/// `semver.compare`: SemverCompare made total, invalid versions ordering
/// before valid ones and equal to each other.
int SemverOrder(std::string_view a, std::string_view b);

}  // namespace charter::runtime
