// The compile step of the JIT: LLVM IR to an object file, through the IR pass
// pipeline chosen by `opt_level` and the target machine's code generator.
#pragma once

#include <memory>

#include <llvm/IR/Module.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Target/TargetMachine.h>

#include "compiler/jit/engine.h"

namespace charter::jit {

/// Optimises `module` at `opt_level` and generates its object. Levels: 0 no IR
/// passes; 1 a clean-up of the lowering's stack slots and branches (SROA,
/// early CSE, instcombine, simplifycfg); 2 and 3 LLVM's O2 and O3 pipelines
/// (docs/performance.md measures them). Times go to `report`.
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> CompileObject(llvm::Module& module, llvm::TargetMachine& machine,
                                                                  int opt_level, CompileReport& report);

}  // namespace charter::jit
