// Equality and order of values in cells, read by their static type: what
// generated code calls for `==` on lists, records and optionals, `in`,
// `distinct()` and `min_by`, without turning cells back into eval::Values.
// Same answers as eval::Equal and eval::Compare on the Values the cells hold.
#pragma once

#include "compiler/check/check.h"
#include "compiler/jit/abi.h"

namespace charter::jit {

bool CellEqual(const CharterCell& x, const CharterCell& y, const Type* type, const CheckedProgram& program);
/// -1, 0 or 1; `type` is a scalar (int-like, bool, decimal or string).
int CellCompare(const CharterCell& x, const CharterCell& y, const Type* type);

}  // namespace charter::jit
