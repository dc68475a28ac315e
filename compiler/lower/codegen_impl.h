// Internal to compiler/lower: the code generator. Statements and functions
// are in codegen.cpp, expressions in codegen_expr.cpp.
#pragma once

#include <functional>
#include <stdexcept>

#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Support/raw_ostream.h>

#include "compiler/lower/codegen.h"

namespace charter::lower::detail {

using llvm::BasicBlock;
using llvm::Value;

class Codegen {
 public:
  Codegen(const ir::Module& ir, jit::Runtime& rt, llvm::LLVMContext& c)
      : ir_(ir), rt_(rt), c_(c), m_(std::make_unique<llvm::Module>("charter", c)), b_(c) {
    i1_ = llvm::Type::getInt1Ty(c);
    i32_ = llvm::Type::getInt32Ty(c);
    i64_ = llvm::Type::getInt64Ty(c);
    ptr_ = llvm::PointerType::getUnqual(c);
    void_ = llvm::Type::getVoidTy(c);
    cell_ = llvm::StructType::get(c, {i64_, i64_});
  }

  std::unique_ptr<llvm::Module> Run() {
    for (size_t i = 0; i < ir_.functions.size(); ++i) DeclareFunction(static_cast<int32_t>(i));
    for (size_t i = 0; i < ir_.functions.size(); ++i) DefineFunction(static_cast<int32_t>(i));
    for (size_t k = 0; k < ir_.events.size(); ++k) DefineDecide(static_cast<int32_t>(k));
    std::string errors;
    llvm::raw_string_ostream out(errors);
    if (llvm::verifyModule(*m_, &out)) {
      out.flush();
      throw std::runtime_error("generated code does not verify: " + errors.substr(0, 2000));
    }
    return std::move(m_);
  }

 private:
  // ------------------------------------------------------------------ functions

  llvm::Function* Declare(const std::string& name, llvm::Type* result, std::vector<llvm::Type*> params) {
    auto* type = llvm::FunctionType::get(result, params, false);
    return llvm::Function::Create(type, llvm::Function::ExternalLinkage, name, *m_);
  }

  llvm::FunctionCallee Runtime(const char* name, llvm::Type* result, std::vector<llvm::Type*> params) {
    return m_->getOrInsertFunction(name, llvm::FunctionType::get(result, params, false));
  }

  void DeclareFunction(int32_t index) {
    functions_.push_back(Declare("charter_fn_" + std::to_string(index), void_, {ptr_, ptr_, ptr_}));
  }

  /// Sets up entry, frame and fail blocks for a new function body.
  void Begin(llvm::Function* fn, int32_t frame_size) {
    fn_ = fn;
    BasicBlock* entry = BasicBlock::Create(c_, "entry", fn);
    b_.SetInsertPoint(entry);
    entry_ = entry;
    ctx_ = fn->getArg(0);
    frame_ = b_.CreateAlloca(cell_, b_.getInt32(std::max(frame_size, 1)), "frame");
    fail_ = BasicBlock::Create(c_, "fail", fn);
  }

  void DefineFunction(int32_t index) {
    const ir::Function& f = ir_.functions[index];
    llvm::Function* fn = functions_[index];
    Begin(fn, std::max<int32_t>(f.frame_size, static_cast<int32_t>(f.params.size())));
    for (size_t p = 0; p < f.params.size(); ++p) {
      Value* arg = b_.CreateLoad(cell_, b_.CreateGEP(cell_, fn->getArg(1), b_.getInt64(p)));
      StoreSlot(static_cast<int32_t>(p), arg);
    }
    Value* result = f.body ? Expr(*f.body) : Cell(b_.getInt64(0), b_.getInt64(0));
    b_.CreateStore(result, fn->getArg(2));
    b_.CreateRetVoid();
    b_.SetInsertPoint(fail_);
    b_.CreateRetVoid();
  }

  void DefineDecide(int32_t kind) {
    const ir::EventKind& event = ir_.events[kind];
    llvm::Function* fn = Declare(DecideSymbol(kind), i32_, {ptr_, ptr_});
    int32_t frame = 1;
    for (int32_t r : event.rules) frame = std::max(frame, ir_.rules[r].frame_size);
    Begin(fn, frame);
    Value* event_cell = b_.CreateLoad(cell_, fn->getArg(1));
    for (int32_t r : event.rules) {
      const ir::Rule& rule = ir_.rules[r];
      StoreSlot(0, event_cell);
      BasicBlock* next = BasicBlock::Create(c_, "rule.next", fn);
      if (rule.guard) {
        BasicBlock* body = BasicBlock::Create(c_, "rule." + rule.name, fn);
        b_.CreateCondBr(Truth(Expr(*rule.guard)), body, next);
        b_.SetInsertPoint(body);
      }
      Block(rule.body);
      b_.CreateBr(next);
      b_.SetInsertPoint(next);
    }
    b_.CreateRet(b_.getInt32(0));
    b_.SetInsertPoint(fail_);
    b_.CreateRet(b_.getInt32(1));
  }

  // ------------------------------------------------------------------ statements

  void Block(const ir::Block& block) {
    for (const ir::Stmt& stmt : block) Stmt(stmt);
  }

  void Stmt(const ir::Stmt& s) {
    switch (s.op) {
      case ir::StmtOp::Let: StoreSlot(s.slot, Expr(*s.expr)); return;
      case ir::StmtOp::Require: {
        BasicBlock* fire = NewBlock("require.failed");
        BasicBlock* done = NewBlock("require.done");
        b_.CreateCondBr(Truth(Expr(*s.expr)), done, fire);
        b_.SetInsertPoint(fire);
        EmitSite(s);
        b_.CreateBr(done);
        b_.SetInsertPoint(done);
        return;
      }
      case ir::StmtOp::Emit: EmitSite(s); return;
      case ir::StmtOp::SetValue: {
        Value* value = Spill(Expr(*s.expr));
        b_.CreateCall(Runtime("charter_rt_set_value", void_, {ptr_, i32_, ptr_}), {ctx_, b_.getInt32(s.value), value});
        return;
      }
      case ir::StmtOp::If: {
        BasicBlock* done = NewBlock("when.done");
        for (const ir::Branch& branch : s.branches) {
          BasicBlock* then = NewBlock("when.then");
          BasicBlock* next = NewBlock("when.next");
          b_.CreateCondBr(Truth(Expr(*branch.cond)), then, next);
          b_.SetInsertPoint(then);
          Block(branch.body);
          b_.CreateBr(done);
          b_.SetInsertPoint(next);
        }
        Block(s.otherwise);
        b_.CreateBr(done);
        b_.SetInsertPoint(done);
        return;
      }
      case ir::StmtOp::ForEach: {
        Value* list = Expr(*s.expr);
        Loop(list, [&](Value* element) {
          StoreSlot(s.slot, element);
          Block(s.body);
        });
        return;
      }
    }
  }

  void EmitSite(const ir::Stmt& s) {
    Value* message = Spill(Expr(*s.message));
    b_.CreateCall(Runtime("charter_rt_emit", void_, {ptr_, i32_, ptr_}), {ctx_, b_.getInt32(s.site), message});
  }

  // ------------------------------------------------------------------ helpers

  BasicBlock* NewBlock(const char* name) { return BasicBlock::Create(c_, name, fn_); }

  Value* Cell(Value* a, Value* b) {
    Value* cell = llvm::UndefValue::get(cell_);
    cell = b_.CreateInsertValue(cell, a, 0);
    return b_.CreateInsertValue(cell, b, 1);
  }
  Value* A(Value* cell) { return b_.CreateExtractValue(cell, 0); }
  Value* B(Value* cell) { return b_.CreateExtractValue(cell, 1); }
  Value* Truth(Value* cell) { return b_.CreateICmpNE(A(cell), b_.getInt64(0)); }
  Value* Bool(Value* bit) { return Cell(b_.CreateZExt(bit, i64_), b_.getInt64(0)); }
  Value* IsNone(Value* cell) { return b_.CreateICmpEQ(B(cell), b_.getInt64(jit::kCellNone)); }

  /// A stack slot holding `cell`, in the entry block so that loops do not grow the stack.
  Value* Spill(Value* cell) {
    llvm::IRBuilder<> entry(entry_, entry_->begin());
    Value* slot = entry.CreateAlloca(cell_);
    b_.CreateStore(cell, slot);
    return slot;
  }
  Value* Scratch() {
    llvm::IRBuilder<> entry(entry_, entry_->begin());
    return entry.CreateAlloca(cell_);
  }

  Value* SlotPtr(int32_t slot) { return b_.CreateGEP(cell_, frame_, b_.getInt32(slot)); }
  void StoreSlot(int32_t slot, Value* cell) { b_.CreateStore(cell, SlotPtr(slot)); }
  Value* LoadSlot(int32_t slot) { return b_.CreateLoad(cell_, SlotPtr(slot)); }

  Value* ElementPtr(Value* seq, Value* index) {
    return b_.CreateGEP(cell_, b_.CreateIntToPtr(A(seq), ptr_), index);
  }

  /// Branches to the fail block when a runtime call has failed the event.
  void CheckFailed() {
    Value* failed = b_.CreateLoad(i32_, ctx_);
    BasicBlock* ok = NewBlock("ok");
    b_.CreateCondBr(b_.CreateICmpNE(failed, b_.getInt32(0)), fail_, ok);
    b_.SetInsertPoint(ok);
  }

  /// Ends the current block in the fail block; code after it is unreachable.
  void GoFail() {
    b_.CreateBr(fail_);
    b_.SetInsertPoint(NewBlock("dead"));
  }

  void FailIf(Value* condition, const std::function<void()>& report) {
    BasicBlock* bad = NewBlock("bad");
    BasicBlock* ok = NewBlock("ok");
    b_.CreateCondBr(condition, bad, ok);
    b_.SetInsertPoint(bad);
    report();
    b_.CreateBr(fail_);
    b_.SetInsertPoint(ok);
  }

  void FailInt(jit::IntFailure what, Value* x, Value* y, Span span) {
    b_.CreateCall(Runtime("charter_rt_fail_int", void_, {ptr_, i32_, i64_, i64_, i32_}),
                  {ctx_, b_.getInt32(static_cast<int32_t>(what)), x, y, b_.getInt32(rt_.SpanId(span))});
  }

  /// for (i = 0; i < list.b; ++i) body(list.a[i])
  void Loop(Value* list, const std::function<void(Value*)>& body) {
    BasicBlock* before = b_.GetInsertBlock();
    BasicBlock* head = NewBlock("loop");
    BasicBlock* step = NewBlock("loop.body");
    BasicBlock* done = NewBlock("loop.done");
    Value* count = B(list);
    b_.CreateBr(head);
    b_.SetInsertPoint(head);
    llvm::PHINode* i = b_.CreatePHI(i64_, 2);
    i->addIncoming(b_.getInt64(0), before);
    b_.CreateCondBr(b_.CreateICmpULT(i, count), step, done);
    b_.SetInsertPoint(step);
    body(b_.CreateLoad(cell_, ElementPtr(list, i)));
    i->addIncoming(b_.CreateAdd(i, b_.getInt64(1)), b_.GetInsertBlock());
    b_.CreateBr(head);
    b_.SetInsertPoint(done);
  }

  /// Joins the values of branches: `pick` builds each branch into its own block.
  Value* Branches(std::vector<std::pair<BasicBlock*, std::function<Value*()>>> arms, BasicBlock* done) {
    std::vector<std::pair<Value*, BasicBlock*>> incoming;
    for (auto& [block, build] : arms) {
      b_.SetInsertPoint(block);
      Value* v = build();
      incoming.emplace_back(v, b_.GetInsertBlock());
      b_.CreateBr(done);
    }
    b_.SetInsertPoint(done);
    llvm::PHINode* phi = b_.CreatePHI(cell_, static_cast<unsigned>(incoming.size()));
    for (auto& [v, block] : incoming) phi->addIncoming(v, block);
    return phi;
  }

  // ------------------------------------------------------------------ expressions

  Value* Expr(const ir::Expr& e);
  Value* Arith(const ir::Expr& e);
  Value* Collection(const ir::Expr& e);
  Value* StringOp(const ir::Expr& e);
  Value* Sequence(const ir::Expr& e, jit::SeqOp op);
  Value* ConstString(const std::string& text);

  const ir::Module& ir_;
  jit::Runtime& rt_;
  llvm::LLVMContext& c_;
  std::unique_ptr<llvm::Module> m_;
  llvm::IRBuilder<> b_;
  llvm::Type *i1_, *i32_, *i64_, *ptr_, *void_;
  llvm::StructType* cell_;
  std::vector<llvm::Function*> functions_;
  llvm::Function* fn_ = nullptr;
  BasicBlock* entry_ = nullptr;
  BasicBlock* fail_ = nullptr;
  Value* ctx_ = nullptr;
  Value* frame_ = nullptr;

};


}  // namespace charter::lower::detail
