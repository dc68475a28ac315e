// Compiled policies on disk, so that a second `charter eval` skips LLVM's
// optimisation and code generation.
//
// The key is a SHA-256 of what shapes the code: every source file of the
// program (policies and stdlib, paths and texts), the GNU build IDs of
// `charter` and of the JIT plugin (so any rebuild of the compiler starts a
// fresh cache), the LLVM version, target triple, CPU, features and
// optimisation level. Hashing the printed LLVM IR instead would be as safe but
// cost ~10 ms per run for the shipped policies, twice the budget of a hit.
//
// An entry is `CHARTEROBJ1`, the key, the object's size and its SHA-256, then
// the object. It is written to a temporary file and renamed, so readers never
// see half an entry; a truncated or altered entry fails the size or hash check
// and is compiled again and rewritten, never loaded.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include <llvm/ExecutionEngine/Orc/CompileUtils.h>
#include <llvm/Target/TargetMachine.h>

#include "compiler/base/source.h"
#include "compiler/load/load.h"
#include "compiler/jit/engine.h"

namespace charter::jit {

/// An IR compiler for LLJIT: looks the module up in the cache directory (when
/// not empty), else optimises it at `opt_level`, generates code and stores it.
/// Levels: 0 no IR passes; 1 a clean-up of the lowering's stack slots and
/// branches (SROA, early CSE, instcombine, simplifycfg); 2 and 3 LLVM's O2
/// and O3 pipelines (docs/performance.md measures them).
class CachingCompiler final : public llvm::orc::IRCompileLayer::IRCompiler {
 public:
  /// `program`: the bytes the code is compiled from (see ProgramFingerprint).
  CachingCompiler(std::unique_ptr<llvm::TargetMachine> machine, int opt_level, std::string cache_dir,
                  std::string program, CompileReport& report);

  llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> operator()(llvm::Module& module) override;

 private:
  std::string Key() const;
  std::unique_ptr<llvm::MemoryBuffer> Load(const std::string& path, const std::string& key);
  void Store(const std::string& path, const std::string& key, const llvm::MemoryBuffer& object);
  void Optimize(llvm::Module& module);

  std::unique_ptr<llvm::TargetMachine> machine_;
  int opt_level_;
  std::string cache_dir_;
  std::string program_;
  CompileReport& report_;
};

/// The milliseconds since `start`, for CompileReport.
double MillisecondsSince(std::chrono::steady_clock::time_point start);

/// The source files of `program`, whether its tests were parsed, and the
/// build IDs of the running binaries.
std::string ProgramFingerprint(const Program& program);

}  // namespace charter::jit
