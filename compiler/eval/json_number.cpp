#include "compiler/eval/json_number.h"

#include <algorithm>
#include <string>

#include <fmt/format.h>

namespace charter::eval {

bool IsIntegerSyntax(std::string_view literal) { return literal.find_first_of(".eE") == std::string_view::npos; }

// Exponents beyond this cannot give a representable value; saturating keeps the arithmetic in range.
static constexpr int64_t kExponentCap = 1000000;

static int64_t ReadExponent(std::string_view text) {
  bool negative = !text.empty() && text[0] == '-';
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
  int64_t exponent = 0;
  for (char c : text) exponent = std::min<int64_t>(exponent * 10 + (c - '0'), kExponentCap);
  return negative ? -exponent : exponent;
}

namespace {

/// A literal as ±significant × 10^scale, with leading and trailing zeros gone.
struct SplitNumber {
  bool valid = true;
  bool negative = false;
  std::string significant;  // empty for zero
  int64_t scale = 0;
};

SplitNumber Split(std::string_view literal) {
  SplitNumber out;
  out.negative = !literal.empty() && literal[0] == '-';
  if (out.negative) literal.remove_prefix(1);
  size_t exponent_at = literal.find_first_of("eE");
  std::string_view mantissa_text = literal.substr(0, exponent_at);
  out.scale = exponent_at == std::string_view::npos ? 0 : ReadExponent(literal.substr(exponent_at + 1));
  // value = digits × 10^scale, with the point removed from the digits.
  std::string digits;
  for (char c : mantissa_text) {
    if (c == '.') continue;
    if (c < '0' || c > '9') {
      out.valid = false;
      return out;
    }
    digits += c;
  }
  if (size_t point = mantissa_text.find('.'); point != std::string_view::npos) {
    out.scale -= static_cast<int64_t>(mantissa_text.size() - point - 1);
  }
  size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return out;
  size_t last = digits.find_last_not_of('0');
  out.scale += static_cast<int64_t>(digits.size() - 1 - last);
  out.significant = digits.substr(first, last - first + 1);
  return out;
}

}  // namespace

std::optional<Rational> ParseExactNumber(std::string_view literal) {
  SplitNumber split = Split(literal);
  if (!split.valid) return std::nullopt;
  if (split.significant.empty()) return Rational::Int(0);
  int64_t mantissa = 0;
  for (char c : split.significant) {
    if (__builtin_mul_overflow(mantissa, 10, &mantissa) || __builtin_add_overflow(mantissa, c - '0', &mantissa)) {
      return std::nullopt;
    }
  }
  if (split.negative) mantissa = -mantissa;
  int64_t scale = split.scale;
  if (scale < -kExponentCap) return std::nullopt;
  if (scale < 0) return Rational::Decimal(mantissa, static_cast<int32_t>(-scale));
  for (int64_t i = 0; i < scale; ++i) {
    if (__builtin_mul_overflow(mantissa, 10, &mantissa)) return std::nullopt;
  }
  return Rational::Int(mantissa);
}

std::string NumberProblem(std::string_view literal) {
  SplitNumber split = Split(literal);
  auto digits = static_cast<int64_t>(split.significant.size());
  // Digits left of the point: a small magnitude with many digits is a precision problem, not a range one.
  if (split.valid && digits > 18 && digits + split.scale <= 18) {
    return fmt::format("number too precise: {} significant digits, more than an exact decimal holds", digits);
  }
  return "number out of range";
}

}  // namespace charter::eval
