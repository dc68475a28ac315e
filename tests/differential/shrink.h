// Greedy shrinking of a disagreement: drop rules, declarations, statements,
// `when` guards and else branches, then simplify the event field by field,
// keeping every step after which the engines still disagree.
#pragma once

#include <functional>

#include <nlohmann/json.hpp>

#include "tests/differential/program.h"

namespace charter::differential {

/// True when the engines still disagree on this program and event (a program
/// that no longer checks does not count).
using StillFails = std::function<bool(const Program&, const nlohmann::ordered_json&)>;

/// Shrinks `program` and `event` in place.
void Shrink(Program& program, nlohmann::ordered_json& event, const StillFails& still_fails);

}  // namespace charter::differential
