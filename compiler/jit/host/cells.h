// Converting between the interpreter's Values and the JIT's flat Cells, and
// the arena the Cells of one event live in. Host side: the fast event decoder
// (compiler/ingest) writes cells that the JIT plugin and FromCell both read.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "compiler/eval/value.h"
#include "compiler/jit/abi.h"

namespace charter::jit {

/// Owns the cells and bytes of one event's values. A bump allocator: Reset
/// makes every chunk free again without returning it, so a stream of events
/// allocates only while it meets a larger event than before.
class Arena {
 public:
  /// `count` zeroed cells.
  CharterCell* Cells(size_t count);
  /// `count` uninitialised bytes.
  char* Bytes(size_t count);
  void Reset();

 private:
  struct Chunk {
    std::unique_ptr<std::byte[]> data;
    size_t size = 0;
  };
  std::byte* Allocate(size_t bytes, size_t align);

  std::vector<Chunk> chunks_;
  size_t current_ = 0;  // the chunk being filled; chunks after it are free
  size_t used_ = 0;     // bytes taken from chunks_[current_]
};

/// The flat form of `value` at `type`, allocated in `arena`.
CharterCell ToCell(const eval::Value& value, const Type* type, const CheckedProgram& program, Arena& arena);
/// The Value of a cell of `type`.
eval::Value FromCell(CharterCell cell, const Type* type, const CheckedProgram& program);

/// The static types of a record's (or tally's) fields.
std::vector<const Type*> FieldTypesOf(const Type* type, const CheckedProgram& program);

}  // namespace charter::jit
