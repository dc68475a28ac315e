// Exact rational numbers for decimal and percent arithmetic: 1 − 0.95 is 0.05, not 0.04999….
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace charter {

/// num/den in lowest terms with den > 0. Operations report overflow as nullopt.
struct Rational {
  int64_t num = 0;
  int64_t den = 1;

  static std::optional<Rational> Make(int64_t num, int64_t den);
  static Rational Int(int64_t value) { return {value, 1}; }
  /// mantissa × 10^-scale.
  static std::optional<Rational> Decimal(int64_t mantissa, int32_t scale);

  std::optional<Rational> Add(const Rational& other) const;
  std::optional<Rational> Sub(const Rational& other) const;
  std::optional<Rational> Mul(const Rational& other) const;
  std::optional<Rational> Div(const Rational& other) const;
  Rational Neg() const { return {-num, den}; }
  int Compare(const Rational& other) const;  // -1, 0, 1
  bool operator==(const Rational& other) const { return num == other.num && den == other.den; }
  bool operator<(const Rational& other) const { return Compare(other) < 0; }
  bool operator<=(const Rational& other) const { return Compare(other) <= 0; }
  /// Exact decimal digits when the denominator allows it, else up to `max_digits` after the point.
  std::string ToString(int max_digits = 6) const;
};

}  // namespace charter
