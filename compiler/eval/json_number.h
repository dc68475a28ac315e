// Exact reading of JSON number literals: `96.1` is 961/10, never a double.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "compiler/base/rational.h"

namespace charter::eval {

/// True for `-12`, false for `12.0` and `1e3`: only integer syntax names an int.
bool IsIntegerSyntax(std::string_view literal);

/// The exact value of a JSON number literal; nullopt when it does not fit a Rational.
std::optional<Rational> ParseExactNumber(std::string_view literal);

/// Why ParseExactNumber refused `literal`: too many significant digits, or out of range.
std::string NumberProblem(std::string_view literal);

}  // namespace charter::eval
