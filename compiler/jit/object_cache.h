// Compiled policies on disk, so that a second `charter eval` skips lowering,
// LLVM's optimisation and code generation.
//
// The key is a BLAKE3 hash of what shapes the code: every source file of the
// program (policies and stdlib, paths and texts), the GNU build IDs of
// `charter` and of the JIT plugin (so any rebuild of the compiler starts a
// fresh cache), the LLVM version, target triple, CPU, features and
// optimisation level. Hashing the printed LLVM IR instead would be as safe but
// cost ~10 ms per run for the shipped policies, twice the budget of a hit.
// BLAKE3 rather than SHA-256: as strong, and LLVM's SHA-256 took 1.6 ms for
// the 270 KB of the shipped policies where BLAKE3 takes 0.1 ms.
//
// An entry holds the object and the runtime's tables its code refers to by
// index (compiler/jit/runtime_tables.h): `CHARTEROBJ2`, the key, the two
// sizes, a checksum of both, then the tables and the object. It is written to
// a temporary file and renamed, so readers never see half an entry; a
// truncated or altered entry fails the size or checksum test and is compiled
// again and rewritten, never loaded.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/Support/MemoryBuffer.h>

#include "compiler/load/load.h"
#include "compiler/jit/engine.h"

namespace charter::jit {

/// What an entry holds.
struct CachedCode {
  std::string tables;  // EncodeTables' bytes
  std::unique_ptr<llvm::MemoryBuffer> object;
};

class ObjectCache {
 public:
  /// The entry in `dir` for code generated for `target` at `opt_level` from `program`.
  ObjectCache(const std::string& dir, const llvm::orc::JITTargetMachineBuilder& target, int opt_level,
              const Program& program);

  /// The entry when there is one and it passes every check; `report` says
  /// which it was (hit, miss, or rebuilt and why).
  std::optional<CachedCode> Load(CompileReport& report);
  /// Writes the entry, and prunes the directory to its most recently used entries.
  void Store(const std::string& tables, const llvm::MemoryBuffer& object, CompileReport& report);

 private:
  std::string dir_;
  std::string key_;
  std::string path_;
};

}  // namespace charter::jit
