// Date and timestamp arithmetic with its range checks, shared by both engines:
// nullopt means the result left the years 0000 to 9999 (an evaluation error).
#pragma once

#include <cstdint>
#include <optional>

#include "runtime/builtins/builtins.h"

namespace charter::eval {

inline constexpr int64_t kMinDate = -719528;  // 0000-01-01
inline constexpr int64_t kMaxDate = 2932896;  // 9999-12-31
inline constexpr int64_t kMicrosPerSecond = 1000000;
inline constexpr int64_t kMinTimestamp = kMinDate * 86400 * kMicrosPerSecond;
inline constexpr int64_t kMaxTimestamp = (kMaxDate + 1) * 86400 * kMicrosPerSecond - 1;

inline std::optional<int64_t> CheckedDate(int64_t days) {
  if (days < kMinDate || days > kMaxDate) return std::nullopt;
  return days;
}

/// A date plus the whole days of a duration (floored for negative amounts).
inline std::optional<int64_t> DateAddSeconds(int64_t days, int64_t seconds) {
  int64_t delta = seconds / 86400;
  if (seconds % 86400 != 0 && seconds < 0) --delta;
  if (delta < -(kMaxDate - kMinDate) || delta > kMaxDate - kMinDate) return std::nullopt;
  return CheckedDate(days + delta);
}

inline std::optional<int64_t> DateAddBusinessDays(int64_t days, int64_t n) {
  if (n < -(kMaxDate - kMinDate) || n > kMaxDate - kMinDate) return std::nullopt;
  if (!CheckedDate(days)) return std::nullopt;
  return CheckedDate(runtime::AddBusinessDays(static_cast<int32_t>(days), n));
}

inline std::optional<int64_t> TimestampAddSeconds(int64_t micros, int64_t seconds) {
  int64_t delta = 0, result = 0;
  if (__builtin_mul_overflow(seconds, kMicrosPerSecond, &delta) || __builtin_add_overflow(micros, delta, &result)) {
    return std::nullopt;
  }
  if (result < kMinTimestamp || result > kMaxTimestamp) return std::nullopt;
  return result;
}

/// Whole seconds from `b` to `a`, floored; both are within 0000–9999, so no overflow.
inline int64_t TimestampDiffSeconds(int64_t a, int64_t b) {
  int64_t diff = a - b;
  return diff >= 0 ? diff / kMicrosPerSecond : -((-diff + kMicrosPerSecond - 1) / kMicrosPerSecond);
}

}  // namespace charter::eval
