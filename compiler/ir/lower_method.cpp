// Lowering of calls to the methods of methods.def: a row's APPLY or LAMBDA op,
// or, for CUSTOM rows, the hand-written lowering below.
#include "compiler/ir/lowerer.h"

namespace charter::ir {

namespace {

enum class MethodLowering : uint8_t { Apply, Lambda, Custom };

/// The CUSTOM(Name) rows; the switch in LowerCustomMethod names each one.
enum class CustomMethodLowering : uint8_t {
#define APPLY(op)
#define LAMBDA(op)
#define CUSTOM(name) name,
#define METHOD(id, receiver, name, args, param, result, lowering, doc) lowering
#define METHOD_ALIAS(...)
#include "compiler/check/methods.def"
#undef APPLY
#undef LAMBDA
#undef CUSTOM
};

struct LoweringRow {
  MethodLowering how;
  Op op;  // Apply and Lambda
  CustomMethodLowering custom;
};

const LoweringRow& LoweringOf(MethodId id) {
  static const LoweringRow kRows[] = {
#define APPLY(op) {MethodLowering::Apply, Op::op, {}},
#define LAMBDA(op) {MethodLowering::Lambda, Op::op, {}},
#define CUSTOM(name) {MethodLowering::Custom, Op::Fail, CustomMethodLowering::name},
#define METHOD(id, receiver, name, args, param, result, lowering, doc) lowering
#define METHOD_ALIAS(...)
#include "compiler/check/methods.def"
#undef APPLY
#undef LAMBDA
#undef CUSTOM
  };
  return kRows[static_cast<size_t>(id)];
}

}  // namespace

ExprPtr Lowerer::LowerLambdaOp(Op op, const Type* type, Span span, ExprPtr list, const ast::Expr* lambda) {
  const Type* element = list->type->IsOptional() ? list->type->element->element : list->type->element;
  ExprPtr result = Make(op, type, span);
  result->args.push_back(std::move(list));
  PushScope();
  if (lambda && lambda->kind == ast::ExprKind::Lambda) {
    const auto& fn = lambda->As<ast::LambdaExpr>();
    result->slot = Bind(fn.param.name, element);
    result->args.push_back(LowerExpr(*fn.body));
  } else {
    // No selector: the element itself.
    result->slot = Fresh();
    result->args.push_back(LocalRef(result->slot, element, span));
  }
  PopScope();
  return result;
}

ExprPtr Lowerer::LowerMethod(const ast::MemberExpr& expr) {
  const Type* type = expr.type ? expr.type : types_.Error();
  if (expr.method < 0) {
    ExprPtr fail = Make(Op::Fail, type, expr.span);
    fail->str = "unknown method `" + expr.name.name + "`";
    return fail;
  }
  auto id = static_cast<MethodId>(expr.method);
  ExprPtr object = LowerExpr(*expr.object);
  const LoweringRow& row = LoweringOf(id);
  switch (row.how) {
    case MethodLowering::Apply: {
      const Type* element = object->type->IsOptional() ? object->type->element->element : object->type->element;
      bool element_args = MethodOf(id).args == MethodArgs::Element;
      ExprPtr result = Make(row.op, type, expr.span);
      result->args.push_back(std::move(object));
      for (const auto& arg : expr.args) {
        result->args.push_back(element_args ? Coerce(LowerExpr(*arg), element) : LowerExpr(*arg));
      }
      return result;
    }
    case MethodLowering::Lambda:
      return LowerLambdaOp(row.op, type, expr.span, std::move(object), expr.args.empty() ? nullptr : expr.args[0].get());
    case MethodLowering::Custom: return LowerCustomMethod(expr, id, std::move(object));
  }
  return nullptr;
}

ExprPtr Lowerer::LowerCustomMethod(const ast::MemberExpr& expr, MethodId method, ExprPtr object) {
  const Type* type = expr.type ? expr.type : types_.Error();
  Span span = expr.span;
  const ast::Expr* lambda = expr.args.empty() ? nullptr : expr.args[0].get();
  auto over_object = [&](Op op, const Type* result) {
    std::vector<ExprPtr> args;
    args.push_back(std::move(object));
    return Make(op, result, span, std::move(args));
  };
  switch (LoweringOf(method).custom) {
    case CustomMethodLowering::Matches: {
      ExprPtr result = over_object(Op::StrMatches, type);
      result->args.push_back(LowerExpr(*expr.args[0]));
      result->imm = ConstantRegex(*result->args[1]);
      return result;
    }
    case CustomMethodLowering::Count:
      if (!lambda) return over_object(Op::Length, type);
      return LowerLambdaOp(Op::CountIf, type, span, std::move(object), lambda);
    case CustomMethodLowering::Sum: {
      bool decimal = type->kind == TypeKind::Decimal || type->kind == TypeKind::Percent;
      ExprPtr sum = LowerLambdaOp(decimal ? Op::SumDec : Op::SumInt, type, span, std::move(object), lambda);
      if (decimal) sum->args[1] = Coerce(std::move(sum->args[1]), types_.Decimal());
      return sum;
    }
    case CustomMethodLowering::IsEmpty:
      return Compare(Cmp::Eq, over_object(Op::Length, types_.Int()), ConstInt(0, types_.Int(), span), span);
    case CustomMethodLowering::First:
    case CustomMethodLowering::Last: {
      ExprPtr result = over_object(Op::ListAt, type);
      result->args.push_back(ConstInt(method == MethodId::First ? 0 : -1, types_.Int(), span));
      return result;
    }
    case CustomMethodLowering::Fraction: {
      ExprPtr result = over_object(Op::DecDiv, type);
      result->args.push_back(ConstDec(Rational::Int(100), types_.Decimal(), span));
      return result;
    }
  }
  return nullptr;
}

int64_t Lowerer::ConstantRegex(const Expr& pattern) {
  // A constant pattern is compiled once per process, not once per event.
  const std::string* text = nullptr;
  if (pattern.op == Op::ConstStr) text = &pattern.str;
  if (pattern.op == Op::Global && module_.globals[pattern.imm].init &&
      module_.globals[pattern.imm].init->op == Op::ConstStr) {
    text = &module_.globals[pattern.imm].init->str;
  }
  if (!text) return -1;
  module_.regexes.push_back(*text);
  return static_cast<int64_t>(module_.regexes.size() - 1);
}

}  // namespace charter::ir
