// Converting between the interpreter's Values and the JIT's flat Cells, and
// the arena the Cells of one event live in.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "compiler/eval/value.h"
#include "compiler/jit/abi.h"

namespace charter::jit {

/// Owns the cells and bytes of one event's values; Reset frees them all.
class Arena {
 public:
  CharterCell* Cells(size_t count);
  char* Bytes(size_t count);
  void Reset();

 private:
  std::vector<std::unique_ptr<CharterCell[]>> cells_;
  std::vector<std::unique_ptr<char[]>> bytes_;
};

/// The flat form of `value` at `type`, allocated in `arena`.
CharterCell ToCell(const eval::Value& value, const Type* type, const CheckedProgram& program, Arena& arena);
/// The Value of a cell of `type`.
eval::Value FromCell(CharterCell cell, const Type* type, const CheckedProgram& program);

/// The static types of a record's (or tally's) fields.
std::vector<const Type*> FieldTypesOf(const Type* type, const CheckedProgram& program);

}  // namespace charter::jit
