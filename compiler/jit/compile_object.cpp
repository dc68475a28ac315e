#include "compiler/jit/compile_object.h"

#include <chrono>

#include <llvm/Analysis/CGSCCPassManager.h>
#include <llvm/Analysis/LoopAnalysisManager.h>
#include <llvm/ExecutionEngine/Orc/CompileUtils.h>
#include <llvm/IR/PassManager.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Transforms/InstCombine/InstCombine.h>
#include <llvm/Transforms/Scalar/EarlyCSE.h>
#include <llvm/Transforms/Scalar/SROA.h>
#include <llvm/Transforms/Scalar/SimplifyCFG.h>


namespace charter::jit {

namespace {

void Optimize(llvm::Module& module, llvm::TargetMachine& machine, int opt_level) {
  if (opt_level == 0) return;
  llvm::LoopAnalysisManager loops;
  llvm::FunctionAnalysisManager functions;
  llvm::CGSCCAnalysisManager cgscc;
  llvm::ModuleAnalysisManager modules;
  llvm::PassBuilder builder(&machine);
  builder.registerModuleAnalyses(modules);
  builder.registerCGSCCAnalyses(cgscc);
  builder.registerFunctionAnalyses(functions);
  builder.registerLoopAnalyses(loops);
  builder.crossRegisterProxies(loops, functions, cgscc, modules);
  if (opt_level == 1) {
    // The lowering gives every value a stack slot; promoting them to registers and folding
    // what that exposes makes the code faster and, being smaller, quicker to generate.
    llvm::FunctionPassManager cleanup;
    cleanup.addPass(llvm::SROAPass(llvm::SROAOptions::ModifyCFG));
    cleanup.addPass(llvm::EarlyCSEPass());
    cleanup.addPass(llvm::InstCombinePass());
    cleanup.addPass(llvm::SimplifyCFGPass());
    llvm::ModulePassManager pipeline;
    pipeline.addPass(llvm::createModuleToFunctionPassAdaptor(std::move(cleanup)));
    pipeline.run(module, modules);
    return;
  }
  builder.buildPerModuleDefaultPipeline(opt_level == 2 ? llvm::OptimizationLevel::O2 : llvm::OptimizationLevel::O3)
      .run(module, modules);
}

}  // namespace

llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> CompileObject(llvm::Module& module, llvm::TargetMachine& machine,
                                                                  int opt_level, CompileReport& report) {
  auto start = std::chrono::steady_clock::now();
  Optimize(module, machine, opt_level);
  report.optimize_ms = MillisecondsSince(start);
  start = std::chrono::steady_clock::now();
  llvm::orc::SimpleCompiler compile(machine);
  auto object = compile(module);
  report.codegen_ms = MillisecondsSince(start);
  return object;
}

}  // namespace charter::jit
