// Expressions to LLVM IR. Integer arithmetic, comparisons and control flow are
// inline; decimals, strings, structural equality and formatting call the runtime.
#include <stdexcept>

#include <llvm/IR/Intrinsics.h>

#include "compiler/eval/errors.h"
#include "compiler/lower/codegen_impl.h"

namespace charter::lower::detail {

namespace {

llvm::CmpInst::Predicate IntPredicate(ir::Cmp cmp) {
  switch (cmp) {
    case ir::Cmp::Eq: return llvm::CmpInst::ICMP_EQ;
    case ir::Cmp::Ne: return llvm::CmpInst::ICMP_NE;
    case ir::Cmp::Lt: return llvm::CmpInst::ICMP_SLT;
    case ir::Cmp::Le: return llvm::CmpInst::ICMP_SLE;
    case ir::Cmp::Gt: return llvm::CmpInst::ICMP_SGT;
    case ir::Cmp::Ge: return llvm::CmpInst::ICMP_SGE;
  }
  return llvm::CmpInst::ICMP_EQ;
}

}  // namespace

Value* Codegen::ConstString(const std::string& text) {
  llvm::Constant* data = b_.CreateGlobalString(text, "str", 0, m_.get());
  return Cell(b_.CreatePtrToInt(data, i64_), b_.getInt64(text.size()));
}

Value* Codegen::Expr(const ir::Expr& e) {
  using ir::Op;
  auto arg = [&](size_t i) { return Expr(*e.args[i]); };
  auto span = [&] { return b_.getInt32(rt_.SpanId(e.span)); };
  switch (e.op) {
    case Op::ConstBool:
    case Op::ConstInt: return Cell(b_.getInt64(static_cast<uint64_t>(e.imm)), b_.getInt64(0));
    case Op::ConstDec:
      return Cell(b_.getInt64(static_cast<uint64_t>(e.dec.num)), b_.getInt64(static_cast<uint64_t>(e.dec.den)));
    case Op::ConstStr: return ConstString(e.str);
    case Op::ConstNone: return Cell(b_.getInt64(0), b_.getInt64(jit::kCellNone));
    case Op::Local: return LoadSlot(e.slot);
    case Op::Global: {
      Value* globals = b_.CreateLoad(ptr_, b_.CreateGEP(b_.getInt8Ty(), ctx_, b_.getInt64(8)));
      return b_.CreateLoad(cell_, b_.CreateGEP(cell_, globals, b_.getInt64(e.imm)));
    }
    case Op::LetIn:
      StoreSlot(e.slot, arg(0));
      return arg(1);
    case Op::Fail: {
      int32_t message = rt_.MessageId(e.str);
      if (e.args.empty()) {
        b_.CreateCall(Runtime("charter_rt_fail", void_, {ptr_, i32_, i32_}), {ctx_, b_.getInt32(message), span()});
      } else {
        Value* value = Spill(arg(0));
        b_.CreateCall(Runtime("charter_rt_fail_value", void_, {ptr_, i32_, ptr_, i32_, i32_}),
                      {ctx_, b_.getInt32(message), value, b_.getInt32(rt_.TypeId(e.args[0]->type)), span()});
      }
      GoFail();
      return llvm::UndefValue::get(cell_);
    }

    case Op::MakeRecord:
    case Op::MakeList:
    case Op::MakeSet: {
      std::vector<Value*> items;
      for (size_t i = 0; i < e.args.size(); ++i) items.push_back(arg(i));
      Value* cells = b_.CreateCall(Runtime("charter_rt_alloc", ptr_, {ptr_, i64_}), {ctx_, b_.getInt64(items.size())});
      for (size_t i = 0; i < items.size(); ++i) b_.CreateStore(items[i], b_.CreateGEP(cell_, cells, b_.getInt64(i)));
      Value* seq = Cell(b_.CreatePtrToInt(cells, i64_), b_.getInt64(items.size()));
      if (e.op != Op::MakeSet) return seq;
      Value* out = Scratch();
      b_.CreateCall(Runtime("charter_rt_set", void_, {ptr_, ptr_, i32_, ptr_}),
                    {ctx_, Spill(seq), b_.getInt32(rt_.TypeId(e.type->element)), out});
      return b_.CreateLoad(cell_, out);
    }
    case Op::Field: return b_.CreateLoad(cell_, ElementPtr(arg(0), b_.getInt64(e.imm)));
    case Op::OptField: {
      Value* record = arg(0);
      BasicBlock* none = NewBlock("optfield.none");
      BasicBlock* some = NewBlock("optfield.some");
      BasicBlock* done = NewBlock("optfield.done");
      b_.CreateCondBr(IsNone(record), none, some);
      return Branches({{none, [&] { return Cell(b_.getInt64(0), b_.getInt64(jit::kCellNone)); }},
                       {some, [&] { return b_.CreateLoad(cell_, ElementPtr(record, b_.getInt64(e.imm))); }}},
                      done);
    }
    case Op::With: {
      Value* record = arg(0);
      Value* count = B(record);
      Value* cells = b_.CreateCall(Runtime("charter_rt_alloc", ptr_, {ptr_, i64_}), {ctx_, count});
      b_.CreateMemCpy(cells, llvm::MaybeAlign(8), b_.CreateIntToPtr(A(record), ptr_), llvm::MaybeAlign(8),
                      b_.CreateMul(count, b_.getInt64(16)));
      for (size_t i = 0; i < e.fields.size(); ++i) {
        b_.CreateStore(arg(i + 1), b_.CreateGEP(cell_, cells, b_.getInt64(e.fields[i])));
      }
      return Cell(b_.CreatePtrToInt(cells, i64_), count);
    }
    case Op::Index: {
      Value* list = arg(0);
      return b_.CreateLoad(cell_, ElementPtr(list, A(arg(1))));
    }

    case Op::IsNone: return Bool(IsNone(arg(0)));
    case Op::Unwrap: {
      Value* value = arg(0);
      FailIf(IsNone(value), [&] {
        b_.CreateCall(Runtime("charter_rt_fail", void_, {ptr_, i32_, i32_}),
                      {ctx_, b_.getInt32(rt_.MessageId(eval::errors::kProvenNone)), span()});
      });
      return value;
    }
    case Op::Coalesce: {
      Value* value = arg(0);
      BasicBlock* none = NewBlock("default");
      BasicBlock* some = NewBlock("present");
      BasicBlock* done = NewBlock("coalesce");
      b_.CreateCondBr(IsNone(value), none, some);
      return Branches({{none, [&] { return arg(1); }}, {some, [&] { return value; }}}, done);
    }

    case Op::Not: return Bool(b_.CreateNot(Truth(arg(0))));
    case Op::And:
    case Op::Or: {
      Value* lhs = Truth(arg(0));
      BasicBlock* rhs_block = NewBlock("logic.rhs");
      BasicBlock* short_block = NewBlock("logic.short");
      BasicBlock* done = NewBlock("logic.done");
      if (e.op == Op::And) {
        b_.CreateCondBr(lhs, rhs_block, short_block);
      } else {
        b_.CreateCondBr(lhs, short_block, rhs_block);
      }
      bool short_value = e.op == Op::Or;
      return Branches({{rhs_block, [&] { return Bool(Truth(arg(1))); }},
                       {short_block, [&] { return Cell(b_.getInt64(short_value), b_.getInt64(0)); }}},
                      done);
    }
    case Op::If: {
      Value* cond = Truth(arg(0));
      BasicBlock* then = NewBlock("if.then");
      BasicBlock* other = NewBlock("if.else");
      BasicBlock* done = NewBlock("if.done");
      b_.CreateCondBr(cond, then, other);
      return Branches({{then, [&] { return arg(1); }}, {other, [&] { return arg(2); }}}, done);
    }
    case Op::Switch: {
      Value* subject = A(arg(0));
      BasicBlock* done = NewBlock("switch.done");
      BasicBlock* bad = NewBlock("switch.bad");
      llvm::SwitchInst* sw = b_.CreateSwitch(subject, bad, static_cast<unsigned>(e.fields.size()));
      std::vector<std::pair<BasicBlock*, std::function<Value*()>>> arms;
      for (size_t arm = 1; arm < e.args.size(); ++arm) {
        BasicBlock* block = NewBlock("switch.arm");
        for (size_t member = 0; member < e.fields.size(); ++member) {
          if (e.fields[member] == static_cast<int32_t>(arm - 1)) sw->addCase(b_.getInt64(member), block);
        }
        arms.emplace_back(block, [&, arm] { return arg(arm); });
      }
      b_.SetInsertPoint(bad);
      b_.CreateCall(Runtime("charter_rt_fail", void_, {ptr_, i32_, i32_}),
                    {ctx_, b_.getInt32(rt_.MessageId("no arm for this member")), span()});
      b_.CreateBr(fail_);
      return Branches(std::move(arms), done);
    }

    case Op::CmpInt:
    case Op::CmpBool: {
      // Operands are emitted in source order, as the interpreter evaluates them: the first evaluation error wins.
      Value* x = A(arg(0));
      Value* y = A(arg(1));
      return Bool(b_.CreateICmp(IntPredicate(e.cmp), x, y));
    }
    case Op::CmpDec:
    case Op::CmpStr: {
      Value* x = Spill(arg(0));
      Value* y = Spill(arg(1));
      const char* name = e.op == Op::CmpDec ? "charter_rt_dec_cmp" : "charter_rt_str_cmp";
      Value* order = b_.CreateCall(Runtime(name, i32_, {ptr_, ptr_}), {x, y});
      return Bool(b_.CreateICmp(IntPredicate(e.cmp), order, b_.getInt32(0)));
    }
    case Op::CmpDeep: {
      Value* x = Spill(arg(0));
      Value* y = Spill(arg(1));
      Value* equal = b_.CreateCall(Runtime("charter_rt_equal", i32_, {ptr_, ptr_, ptr_, i32_}),
                                   {ctx_, x, y, b_.getInt32(rt_.TypeId(e.args[0]->type))});
      Value* bit = b_.CreateICmpNE(equal, b_.getInt32(0));
      return Bool(e.cmp == ir::Cmp::Eq ? bit : b_.CreateNot(bit));
    }

    case Op::Call: {
      std::vector<Value*> values;
      for (size_t i = 0; i < e.args.size(); ++i) values.push_back(arg(i));
      llvm::IRBuilder<> entry(entry_, entry_->begin());
      Value* args = entry.CreateAlloca(cell_, entry.getInt32(static_cast<int32_t>(std::max<size_t>(values.size(), 1))));
      for (size_t i = 0; i < values.size(); ++i) b_.CreateStore(values[i], b_.CreateGEP(cell_, args, b_.getInt64(i)));
      Value* out = Scratch();
      b_.CreateCall(functions_.at(e.imm), {ctx_, args, out});
      CheckFailed();
      return b_.CreateLoad(cell_, out);
    }
    case Op::CallBuiltin: {
      const char* symbol = jit::BuiltinSymbol(e.imm);
      if (!symbol) throw std::runtime_error("internal error: unknown builtin");
      std::vector<Value*> values;
      for (size_t i = 0; i < e.args.size(); ++i) values.push_back(arg(i));
      llvm::IRBuilder<> entry(entry_, entry_->begin());
      Value* args = entry.CreateAlloca(cell_, entry.getInt32(static_cast<int32_t>(std::max<size_t>(values.size(), 1))));
      for (size_t i = 0; i < values.size(); ++i) b_.CreateStore(values[i], b_.CreateGEP(cell_, args, b_.getInt64(i)));
      Value* out = Scratch();
      b_.CreateCall(Runtime(symbol, void_, {ptr_, ptr_, ptr_}), {ctx_, args, out});
      return b_.CreateLoad(cell_, out);
    }

    case Op::Length: case Op::Contains: case Op::Any: case Op::All: case Op::CountIf: case Op::Filter: case Op::Map:
    case Op::SumInt: case Op::SumDec: case Op::MinBy: case Op::MaxBy: case Op::Distinct:
      return Collection(e);
    case Op::ListConcat: return Sequence(e, jit::SeqOp::ListConcat);
    case Op::ListAt: return Sequence(e, jit::SeqOp::ListAt);
    case Op::ListSlice: return Sequence(e, jit::SeqOp::ListSlice);
    case Op::IndexOf: return Sequence(e, jit::SeqOp::IndexOf);
    case Op::StrJoin: return Sequence(e, jit::SeqOp::StrJoin);
    case Op::StrAt: return Sequence(e, jit::SeqOp::StrAt);
    case Op::StrSlice: return Sequence(e, jit::SeqOp::StrSlice);
    case Op::StrIndexOf: return Sequence(e, jit::SeqOp::StrIndexOf);
    case Op::StrConcat: case Op::StrLower: case Op::StrUpper: case Op::StrTrim: case Op::StrLength:
    case Op::StrStartsWith: case Op::StrEndsWith: case Op::StrContains: case Op::StrMatches: case Op::StrSplit:
    case Op::ToText: case Op::Format:
      return StringOp(e);
    case Op::IntNeg: case Op::IntAbs: case Op::IntAdd: case Op::IntSub: case Op::IntMul: case Op::IntDiv:
    case Op::IntToDec: case Op::DecNeg: case Op::DecAbs: case Op::DecAdd: case Op::DecSub: case Op::DecMul:
    case Op::DecDiv: case Op::DateAddDays: case Op::DateAddBizDays: case Op::DateDiff: case Op::TsAdd:
    case Op::TsDiff:
      return Arith(e);
  }
  // Every op is a case above (-Wswitch): a new op in ops.def fails the build here until it is compiled.
  throw std::runtime_error(std::string("internal error: cannot compile ") + ir::OpName(e.op));
}

Value* Codegen::Arith(const ir::Expr& e) {
  using ir::Op;
  auto arg = [&](size_t i) { return Expr(*e.args[i]); };
  auto checked = [&](llvm::Intrinsic::ID id, jit::IntFailure what) {
    Value* x = A(arg(0));
    Value* y = A(arg(1));
    Value* pair = b_.CreateBinaryIntrinsic(id, x, y);
    FailIf(b_.CreateExtractValue(pair, 1), [&] { FailInt(what, x, y, e.span); });
    return Cell(b_.CreateExtractValue(pair, 0), b_.getInt64(0));
  };
  auto dec = [&](jit::DecOp op) {
    Value* x = Spill(arg(0));
    Value* y = Spill(arg(1));
    Value* out = Scratch();
    b_.CreateCall(Runtime("charter_rt_dec", void_, {ptr_, i32_, ptr_, ptr_, i32_, ptr_}),
                  {ctx_, b_.getInt32(static_cast<int32_t>(op)), x, y, b_.getInt32(rt_.SpanId(e.span)), out});
    CheckFailed();
    return b_.CreateLoad(cell_, out);
  };
  auto calendar = [&](jit::CalendarOp op) {
    Value* x = A(arg(0));
    Value* y = A(arg(1));
    Value* result = b_.CreateCall(Runtime("charter_rt_calendar", i64_, {ptr_, i32_, i64_, i64_, i32_}),
                                  {ctx_, b_.getInt32(static_cast<int32_t>(op)), x, y, b_.getInt32(rt_.SpanId(e.span))});
    if (op != jit::CalendarOp::TimestampDiff) CheckFailed();
    return Cell(result, b_.getInt64(0));
  };
  switch (e.op) {
    case Op::IntNeg: {
      Value* x = A(arg(0));
      FailIf(b_.CreateICmpEQ(x, b_.getInt64(INT64_MIN)), [&] { FailInt(jit::IntFailure::Neg, x, x, e.span); });
      return Cell(b_.CreateNeg(x), b_.getInt64(0));
    }
    case Op::IntAbs: {
      Value* x = A(arg(0));
      FailIf(b_.CreateICmpEQ(x, b_.getInt64(INT64_MIN)), [&] { FailInt(jit::IntFailure::Abs, x, x, e.span); });
      Value* negative = b_.CreateICmpSLT(x, b_.getInt64(0));
      return Cell(b_.CreateSelect(negative, b_.CreateNeg(x), x), b_.getInt64(0));
    }
    case Op::IntAdd: return checked(llvm::Intrinsic::sadd_with_overflow, jit::IntFailure::Add);
    case Op::IntSub: return checked(llvm::Intrinsic::ssub_with_overflow, jit::IntFailure::Sub);
    case Op::IntMul: return checked(llvm::Intrinsic::smul_with_overflow, jit::IntFailure::Mul);
    case Op::IntDiv: {
      Value* x = A(arg(0));
      Value* y = A(arg(1));
      FailIf(b_.CreateICmpEQ(y, b_.getInt64(0)), [&] { FailInt(jit::IntFailure::DivZero, x, y, e.span); });
      FailIf(b_.CreateAnd(b_.CreateICmpEQ(x, b_.getInt64(INT64_MIN)), b_.CreateICmpEQ(y, b_.getInt64(-1))),
             [&] { FailInt(jit::IntFailure::Div, x, y, e.span); });
      return Cell(b_.CreateSDiv(x, y), b_.getInt64(0));
    }
    case Op::IntToDec: {
      Value* x = A(arg(0));
      FailIf(b_.CreateICmpEQ(x, b_.getInt64(INT64_MIN)), [&] { FailInt(jit::IntFailure::ToDecimal, x, x, e.span); });
      return Cell(x, b_.getInt64(1));
    }
    case Op::DecNeg: {
      Value* x = arg(0);
      return Cell(b_.CreateNeg(A(x)), B(x));
    }
    case Op::DecAbs: {
      Value* x = arg(0);
      Value* negative = b_.CreateICmpSLT(A(x), b_.getInt64(0));
      return Cell(b_.CreateSelect(negative, b_.CreateNeg(A(x)), A(x)), B(x));
    }
    case Op::DecAdd: return dec(jit::DecOp::Add);
    case Op::DecSub: return dec(jit::DecOp::Sub);
    case Op::DecMul: return dec(jit::DecOp::Mul);
    case Op::DecDiv: return dec(jit::DecOp::Div);
    case Op::DateAddDays: return calendar(jit::CalendarOp::DateAddSeconds);
    case Op::DateAddBizDays: return calendar(jit::CalendarOp::DateAddBusinessDays);
    case Op::TsAdd: return calendar(jit::CalendarOp::TimestampAdd);
    case Op::TsDiff: return calendar(jit::CalendarOp::TimestampDiff);
    case Op::DateDiff: {
      Value* later = A(arg(0));
      Value* earlier = A(arg(1));
      Value* days = b_.CreateSub(later, earlier);
      return Cell(b_.CreateMul(days, b_.getInt64(86400)), b_.getInt64(0));
    }
    default: {
      b_.CreateCall(Runtime("charter_rt_fail", void_, {ptr_, i32_, i32_}),
                    {ctx_, b_.getInt32(rt_.MessageId(std::string("internal error: cannot compile ") + ir::OpName(e.op))),
                     b_.getInt32(rt_.SpanId(e.span))});
      GoFail();
      return llvm::UndefValue::get(cell_);
    }
  }
}

// Types whose cells are equal exactly when their first words are (CellEqual's int-like case).
static bool IsOneWord(const Type* type) {
  switch (type->kind) {
    case TypeKind::Int: case TypeKind::Date: case TypeKind::Timestamp: case TypeKind::Duration:
    case TypeKind::BusinessDays: case TypeKind::Enum:
      return true;
    default: return false;
  }
}

Value* Codegen::Collection(const ir::Expr& e) {
  using ir::Op;
  Value* list = Expr(*e.args[0]);
  const Type* list_type = e.args[0]->type->IsOptional() ? e.args[0]->type->element : e.args[0]->type;
  if (e.op == Op::Length) return Cell(B(list), b_.getInt64(0));
  if (e.op == Op::Contains && IsOneWord(list_type->element) && e.args[1]->type == list_type->element) {
    // Members, ints and dates are equal when their words are: compared inline, no runtime call per element.
    Value* needle = A(Expr(*e.args[1]));
    Value* found = Scratch();
    b_.CreateStore(Bool(b_.getFalse()), found);
    Loop(list, [&](Value* element) {
      Value* seen = b_.CreateOr(Truth(b_.CreateLoad(cell_, found)), b_.CreateICmpEQ(A(element), needle));
      b_.CreateStore(Bool(seen), found);
    });
    return b_.CreateLoad(cell_, found);
  }
  if (e.op == Op::Contains) {
    Value* needle = Spill(Expr(*e.args[1]));
    Value* found = b_.CreateCall(Runtime("charter_rt_contains", i32_, {ptr_, ptr_, ptr_, i32_}),
                                 {ctx_, Spill(list), needle, b_.getInt32(rt_.TypeId(list_type->element))});
    return Bool(b_.CreateICmpNE(found, b_.getInt32(0)));
  }
  auto apply = [&](Value* element) {
    StoreSlot(e.slot, element);
    return Expr(*e.args[1]);
  };
  // Accumulators live in stack slots so the loop body may branch freely.
  Value* acc = Scratch();
  switch (e.op) {
    case Op::Any:
    case Op::All: {
      bool any = e.op == Op::Any;
      b_.CreateStore(Cell(b_.getInt64(any ? 0 : 1), b_.getInt64(0)), acc);
      // Scans every element but stops evaluating once decided, as the interpreter does.
      Loop(list, [&](Value* element) {
        Value* decided = b_.CreateICmpNE(A(b_.CreateLoad(cell_, acc)), b_.getInt64(any ? 0 : 1));
        BasicBlock* test = NewBlock("quantifier.test");
        BasicBlock* next = NewBlock("quantifier.next");
        b_.CreateCondBr(decided, next, test);
        b_.SetInsertPoint(test);
        Value* holds = Truth(apply(element));
        Value* hit = any ? holds : b_.CreateNot(holds);
        BasicBlock* set = NewBlock("quantifier.set");
        b_.CreateCondBr(hit, set, next);
        b_.SetInsertPoint(set);
        b_.CreateStore(Cell(b_.getInt64(any ? 1 : 0), b_.getInt64(0)), acc);
        b_.CreateBr(next);
        b_.SetInsertPoint(next);
      });
      return b_.CreateLoad(cell_, acc);
    }
    case Op::CountIf:
    case Op::SumInt: {
      b_.CreateStore(Cell(b_.getInt64(0), b_.getInt64(0)), acc);
      Loop(list, [&](Value* element) {
        Value* current = A(b_.CreateLoad(cell_, acc));
        if (e.op == Op::CountIf) {
          Value* add = b_.CreateZExt(Truth(apply(element)), i64_);
          b_.CreateStore(Cell(b_.CreateAdd(current, add), b_.getInt64(0)), acc);
        } else {
          Value* x = A(apply(element));
          Value* pair = b_.CreateBinaryIntrinsic(llvm::Intrinsic::sadd_with_overflow, current, x);
          FailIf(b_.CreateExtractValue(pair, 1), [&] { FailInt(jit::IntFailure::Sum, current, x, e.span); });
          b_.CreateStore(Cell(b_.CreateExtractValue(pair, 0), b_.getInt64(0)), acc);
        }
      });
      return b_.CreateLoad(cell_, acc);
    }
    case Op::SumDec: {
      b_.CreateStore(Cell(b_.getInt64(0), b_.getInt64(1)), acc);
      Loop(list, [&](Value* element) {
        Value* x = Spill(apply(element));
        b_.CreateCall(Runtime("charter_rt_dec", void_, {ptr_, i32_, ptr_, ptr_, i32_, ptr_}),
                      {ctx_, b_.getInt32(static_cast<int32_t>(jit::DecOp::Sum)), acc, x,
                       b_.getInt32(rt_.SpanId(e.span)), acc});
        CheckFailed();
      });
      return b_.CreateLoad(cell_, acc);
    }
    case Op::Filter:
    case Op::Map:
    case Op::Distinct: {
      Value* out = b_.CreateCall(Runtime("charter_rt_alloc", ptr_, {ptr_, i64_}), {ctx_, B(list)});
      Value* count = llvm::IRBuilder<>(entry_, entry_->begin()).CreateAlloca(i64_);
      b_.CreateStore(b_.getInt64(0), count);
      Loop(list, [&](Value* element) {
        Value* result = apply(element);
        Value* n = b_.CreateLoad(i64_, count);
        if (e.op == Op::Filter) {
          BasicBlock* keep = NewBlock("filter.keep");
          BasicBlock* next = NewBlock("filter.next");
          b_.CreateCondBr(Truth(result), keep, next);
          b_.SetInsertPoint(keep);
          b_.CreateStore(element, b_.CreateGEP(cell_, out, n));
          b_.CreateStore(b_.CreateAdd(n, b_.getInt64(1)), count);
          b_.CreateBr(next);
          b_.SetInsertPoint(next);
        } else {
          b_.CreateStore(result, b_.CreateGEP(cell_, out, n));
          b_.CreateStore(b_.CreateAdd(n, b_.getInt64(1)), count);
        }
      });
      Value* seq = Cell(b_.CreatePtrToInt(out, i64_), b_.CreateLoad(i64_, count));
      if (e.op != Op::Distinct) return seq;
      Value* set = Scratch();
      b_.CreateCall(Runtime("charter_rt_set", void_, {ptr_, ptr_, i32_, ptr_}),
                    {ctx_, Spill(seq), b_.getInt32(rt_.TypeId(e.args[1]->type)), set});
      return b_.CreateLoad(cell_, set);
    }
    case Op::MinBy:
    case Op::MaxBy: {
      b_.CreateStore(Cell(b_.getInt64(0), b_.getInt64(jit::kCellNone)), acc);
      int32_t key_type = rt_.TypeId(e.args[1]->type);
      Loop(list, [&](Value* element) {
        Value* key = Spill(apply(element));
        Value* best = b_.CreateLoad(cell_, acc);
        BasicBlock* compare = NewBlock("best.compare");
        BasicBlock* take = NewBlock("best.take");
        BasicBlock* next = NewBlock("best.next");
        b_.CreateCondBr(IsNone(best), take, compare);
        b_.SetInsertPoint(compare);
        Value* order = b_.CreateCall(Runtime("charter_rt_compare", i32_, {ptr_, ptr_, ptr_, i32_}),
                                     {ctx_, key, acc, b_.getInt32(key_type)});
        Value* better = e.op == Op::MinBy ? b_.CreateICmpSLT(order, b_.getInt32(0))
                                          : b_.CreateICmpSGT(order, b_.getInt32(0));
        b_.CreateCondBr(better, take, next);
        b_.SetInsertPoint(take);
        b_.CreateStore(b_.CreateLoad(cell_, key), acc);
        b_.CreateBr(next);
        b_.SetInsertPoint(next);
      });
      return b_.CreateLoad(cell_, acc);
    }
    default: break;
  }
  return llvm::UndefValue::get(cell_);
}

Value* Codegen::StringOp(const ir::Expr& e) {
  using ir::Op;
  if (e.op == Op::ToText) {
    Value* v = Spill(Expr(*e.args[0]));
    Value* out = Scratch();
    b_.CreateCall(Runtime("charter_rt_to_text", void_, {ptr_, ptr_, i32_, ptr_}),
                  {ctx_, v, b_.getInt32(rt_.TypeId(e.args[0]->type)), out});
    return b_.CreateLoad(cell_, out);
  }
  if (e.op == Op::Format || e.op == Op::StrConcat) {
    llvm::IRBuilder<> entry(entry_, entry_->begin());
    Value* parts = entry.CreateAlloca(cell_, entry.getInt32(static_cast<int32_t>(std::max<size_t>(e.args.size(), 1))));
    for (size_t i = 0; i < e.args.size(); ++i) {
      Value* part = Expr(*e.args[i]);
      b_.CreateStore(part, b_.CreateGEP(cell_, parts, b_.getInt64(i)));
    }
    Value* out = Scratch();
    b_.CreateCall(Runtime("charter_rt_concat", void_, {ptr_, ptr_, i64_, ptr_}),
                  {ctx_, parts, b_.getInt64(e.args.size()), out});
    return b_.CreateLoad(cell_, out);
  }
  jit::StrOp op = jit::StrOp::Lower;
  switch (e.op) {
    case Op::StrLower: op = jit::StrOp::Lower; break;
    case Op::StrUpper: op = jit::StrOp::Upper; break;
    case Op::StrTrim: op = jit::StrOp::Trim; break;
    case Op::StrLength: op = jit::StrOp::Length; break;
    case Op::StrStartsWith: op = jit::StrOp::StartsWith; break;
    case Op::StrEndsWith: op = jit::StrOp::EndsWith; break;
    case Op::StrContains: op = jit::StrOp::Contains; break;
    case Op::StrMatches: op = jit::StrOp::Matches; break;
    case Op::StrSplit: op = jit::StrOp::Split; break;
    default: break;
  }
  Value* x = Spill(Expr(*e.args[0]));
  Value* y = e.args.size() > 1 ? Spill(Expr(*e.args[1])) : llvm::ConstantPointerNull::get(llvm::PointerType::getUnqual(c_));
  Value* out = Scratch();
  b_.CreateCall(Runtime("charter_rt_str", void_, {ptr_, i32_, ptr_, ptr_, i64_, i32_, ptr_}),
                {ctx_, b_.getInt32(static_cast<int32_t>(op)), x, y, b_.getInt64(static_cast<uint64_t>(e.imm)),
                 b_.getInt32(rt_.SpanId(e.span)), out});
  if (op == jit::StrOp::Matches || op == jit::StrOp::Split) CheckFailed();
  return b_.CreateLoad(cell_, out);
}

Value* Codegen::Sequence(const ir::Expr& e, jit::SeqOp op) {
  Value* null = llvm::ConstantPointerNull::get(llvm::PointerType::getUnqual(c_));
  Value* parts[3] = {null, null, null};
  for (size_t i = 0; i < e.args.size() && i < 3; ++i) parts[i] = Spill(Expr(*e.args[i]));
  // IndexOf compares elements by their static type.
  const Type* element = e.args[0]->type->element;
  int32_t type = op == jit::SeqOp::IndexOf && element ? rt_.TypeId(element) : 0;
  Value* out = Scratch();
  b_.CreateCall(Runtime("charter_rt_seq", void_, {ptr_, i32_, ptr_, ptr_, ptr_, i32_, ptr_}),
                {ctx_, b_.getInt32(static_cast<int32_t>(op)), parts[0], parts[1], parts[2], b_.getInt32(type), out});
  return b_.CreateLoad(cell_, out);
}

}  // namespace charter::lower::detail
