#include "compiler/base/rational.h"

#include <numeric>

namespace charter {

std::optional<Rational> Rational::Make(int64_t num, int64_t den) {
  if (den == 0) return std::nullopt;
  if (den < 0) {
    if (num == INT64_MIN || den == INT64_MIN) return std::nullopt;
    num = -num;
    den = -den;
  }
  int64_t g = std::gcd(num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
  return Rational{num, den};
}

std::optional<Rational> Rational::Decimal(int64_t mantissa, int32_t scale) {
  int64_t den = 1;
  for (int32_t i = 0; i < scale; ++i) {
    if (__builtin_mul_overflow(den, 10, &den)) return std::nullopt;
  }
  return Make(mantissa, den);
}

// Multiplies in 128 bits and reduces before narrowing, so that intermediate
// products of reasonable policy values never overflow.
static std::optional<Rational> Reduce(__int128 num, __int128 den) {
  if (den == 0) return std::nullopt;
  if (den < 0) {
    num = -num;
    den = -den;
  }
  __int128 a = num < 0 ? -num : num, b = den;
  while (b != 0) {
    __int128 t = a % b;
    a = b;
    b = t;
  }
  if (a > 1) {
    num /= a;
    den /= a;
  }
  if (num > INT64_MAX || num < -INT64_MAX || den > INT64_MAX) return std::nullopt;
  return Rational{static_cast<int64_t>(num), static_cast<int64_t>(den)};
}

std::optional<Rational> Rational::Add(const Rational& o) const {
  return Reduce(static_cast<__int128>(num) * o.den + static_cast<__int128>(o.num) * den,
                static_cast<__int128>(den) * o.den);
}
// Not Add(o.Neg()): negating a numerator of INT64_MIN would overflow.
std::optional<Rational> Rational::Sub(const Rational& o) const {
  return Reduce(static_cast<__int128>(num) * o.den - static_cast<__int128>(o.num) * den,
                static_cast<__int128>(den) * o.den);
}
std::optional<Rational> Rational::Mul(const Rational& o) const {
  return Reduce(static_cast<__int128>(num) * o.num, static_cast<__int128>(den) * o.den);
}
std::optional<Rational> Rational::Div(const Rational& o) const {
  if (o.num == 0) return std::nullopt;
  return Reduce(static_cast<__int128>(num) * o.den, static_cast<__int128>(den) * o.num);
}

int Rational::Compare(const Rational& o) const {
  __int128 l = static_cast<__int128>(num) * o.den, r = static_cast<__int128>(o.num) * den;
  return l < r ? -1 : (l > r ? 1 : 0);
}

std::string Rational::ToString(int max_digits) const {
  bool negative = num < 0;
  unsigned __int128 n = negative ? -static_cast<__int128>(num) : num;
  unsigned __int128 d = den;
  std::string out = negative ? "-" : "";
  out += std::to_string(static_cast<uint64_t>(n / d));
  unsigned __int128 rem = n % d;
  if (rem == 0) return out;
  out += '.';
  for (int i = 0; i < max_digits && rem != 0; ++i) {
    rem *= 10;
    out += static_cast<char>('0' + static_cast<int>(rem / d));
    rem %= d;
  }
  return out;
}

}  // namespace charter
