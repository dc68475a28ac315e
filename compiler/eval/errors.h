// The wording of evaluation errors, shared by the interpreter and the JIT's
// runtime so that both engines stop an event with the same message.
#pragma once

#include <cstdint>
#include <string>

#include <fmt/format.h>

#include "compiler/base/rational.h"

namespace charter::eval::errors {

inline constexpr const char* kDateRange = "date outside the years 0000 to 9999";
inline constexpr const char* kTimestampRange = "timestamp outside the years 0000 to 9999";
inline constexpr const char* kEmptySeparator = "split needs a non-empty separator";
inline constexpr const char* kProvenNone = "internal error: a value proven present is none";
inline constexpr const char* kNegOverflow = "integer overflow in negation";
inline constexpr const char* kAbsOverflow = "integer overflow in abs";
inline constexpr const char* kDivOverflow = "integer overflow in division";
inline constexpr const char* kIntSumOverflow = "integer overflow in sum";
inline constexpr const char* kDecSumOverflow = "decimal overflow in sum";
// Decimal numerators stop at ±INT64_MAX, so that negation never overflows.
inline constexpr const char* kIntToDecOverflow = "decimal overflow: -9223372036854775808 has no decimal value";
inline constexpr size_t kMaxRegexInput = 4096;

inline std::string IntOverflow(int64_t x, const char* op, int64_t y) {
  return fmt::format("integer overflow in {} {} {}", x, op, y);
}
inline std::string IntDivisionByZero(int64_t x) { return fmt::format("division by zero: {} / 0", x); }
inline std::string DecOverflow(const Rational& x, const char* op, const Rational& y) {
  return fmt::format("decimal overflow in {} {} {}", x.ToString(), op, y.ToString());
}
inline std::string DecDivisionByZero(const Rational& x) { return fmt::format("division by zero: {} / 0", x.ToString()); }
inline std::string RegexInputTooLong(size_t bytes) {
  return fmt::format("text of {} bytes is too long to match a regular expression (limit {})", bytes, kMaxRegexInput);
}

}  // namespace charter::eval::errors
