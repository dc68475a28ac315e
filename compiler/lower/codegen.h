// Lowers the typed IR to LLVM IR: one function per event kind,
// `i32 charter_decide_<k>(ptr ctx, ptr event)` (0 decided, 1 the event failed),
// and one per IR function, `void charter_fn_<i>(ptr ctx, ptr args, ptr out)`.
// Values are CharterCells ({i64, i64}, see compiler/jit/abi.h); anything
// beyond integer arithmetic, comparisons and control flow is a call into the
// runtime. Tables the code refers to by index (types, messages, spans) are
// registered in the Runtime.
#pragma once

#include <memory>
#include <string>

#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>

#include "compiler/ir/ir.h"
#include "compiler/jit/runtime.h"

namespace charter::lower {

std::unique_ptr<llvm::Module> GenerateModule(const ir::Module& module, jit::Runtime& runtime, llvm::LLVMContext& context);

std::string DecideSymbol(int32_t event_kind);

}  // namespace charter::lower
