// Random well-typed Charter programs over the fixed vocabulary of types.h:
// constants, functions, quorum, vote and thresholds, then rules whose
// statements draw expressions of every type the language has.
#pragma once

#include <cstdint>

#include "tests/differential/program.h"

namespace charter::differential {

struct ProgramShape {
  int rules = 6;
  int statements_per_rule = 5;
  int functions = 3;
  int max_depth = 3;
};

/// The same seed always gives the same program.
Program GenerateProgram(uint64_t seed, const ProgramShape& shape);

}  // namespace charter::differential
