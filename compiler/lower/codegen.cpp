#include "compiler/lower/codegen.h"

#include "compiler/lower/codegen_impl.h"

namespace charter::lower {

std::string DecideSymbol(int32_t event_kind) { return "charter_decide_" + std::to_string(event_kind); }

std::unique_ptr<llvm::Module> GenerateModule(const ir::Module& module, jit::Runtime& runtime, llvm::LLVMContext& context) {
  return detail::Codegen(module, runtime, context).Run();
}

}  // namespace charter::lower
