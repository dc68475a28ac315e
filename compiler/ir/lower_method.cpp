// Lowering of method calls on strings, lists, sets and percents.
#include "compiler/ir/lowerer.h"

namespace charter::ir {

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
  ExprPtr object = LowerExpr(*expr.object);
  const Type* object_type = object->type->IsOptional() ? object->type->element : object->type;
  if (object_type->kind == TypeKind::String) return LowerStringMethod(expr, std::move(object));
  if (object_type->kind == TypeKind::List || object_type->kind == TypeKind::Set) {
    return LowerCollectionMethod(expr, std::move(object));
  }
  const Type* type = expr.type ? expr.type : types_.Error();
  if (object_type->kind == TypeKind::Percent && expr.name.name == "fraction") {
    std::vector<ExprPtr> args;
    args.push_back(std::move(object));
    args.push_back(ConstDec(Rational::Int(100), types_.Decimal(), expr.span));
    return Make(Op::DecDiv, type, expr.span, std::move(args));
  }
  ExprPtr fail = Make(Op::Fail, type, expr.span);
  fail->str = "unknown method `" + expr.name.name + "`";
  return fail;
}

ExprPtr Lowerer::LowerStringMethod(const ast::MemberExpr& expr, ExprPtr object) {
  const Type* type = expr.type ? expr.type : types_.Error();
  const std::string& name = expr.name.name;
  static const std::pair<const char*, Op> kMethods[] = {
      {"lower", Op::StrLower},           {"upper", Op::StrUpper},       {"trim", Op::StrTrim},
      {"length", Op::StrLength},         {"starts_with", Op::StrStartsWith}, {"ends_with", Op::StrEndsWith},
      {"contains", Op::StrContains},     {"matches", Op::StrMatches},   {"split", Op::StrSplit}};
  for (const auto& [method, op] : kMethods) {
    if (name != method) continue;
    ExprPtr result = Make(op, type, expr.span);
    result->args.push_back(std::move(object));
    for (const auto& arg : expr.args) result->args.push_back(LowerExpr(*arg));
    if (op == Op::StrMatches) {
      // A constant pattern is compiled once per process, not once per event.
      result->imm = -1;
      const Expr& pattern = *result->args[1];
      const std::string* text = nullptr;
      if (pattern.op == Op::ConstStr) text = &pattern.str;
      if (pattern.op == Op::Global && module_.globals[pattern.imm].init &&
          module_.globals[pattern.imm].init->op == Op::ConstStr) {
        text = &module_.globals[pattern.imm].init->str;
      }
      if (text) {
        module_.regexes.push_back(*text);
        result->imm = static_cast<int64_t>(module_.regexes.size() - 1);
      }
    }
    return result;
  }
  ExprPtr fail = Make(Op::Fail, type, expr.span);
  fail->str = "unknown string method `" + name + "`";
  return fail;
}

ExprPtr Lowerer::LowerCollectionMethod(const ast::MemberExpr& expr, ExprPtr object) {
  const Type* type = expr.type ? expr.type : types_.Error();
  const std::string& name = expr.name.name;
  const ast::Expr* lambda = expr.args.empty() ? nullptr : expr.args[0].get();
  Span span = expr.span;
  if (name == "count") {
    if (!lambda) {
      std::vector<ExprPtr> args;
      args.push_back(std::move(object));
      return Make(Op::Length, type, span, std::move(args));
    }
    return LowerLambdaOp(Op::CountIf, type, span, std::move(object), lambda);
  }
  if (name == "is_empty") {
    std::vector<ExprPtr> args;
    args.push_back(std::move(object));
    return Compare(Cmp::Eq, Make(Op::Length, types_.Int(), span, std::move(args)), ConstInt(0, types_.Int(), span),
                   span);
  }
  if (name == "contains") {
    const Type* element = object->type->element;
    std::vector<ExprPtr> args;
    args.push_back(std::move(object));
    args.push_back(Coerce(LowerExpr(*expr.args[0]), element));
    return Make(Op::Contains, type, span, std::move(args));
  }
  if (name == "any") return LowerLambdaOp(Op::Any, type, span, std::move(object), lambda);
  if (name == "all") return LowerLambdaOp(Op::All, type, span, std::move(object), lambda);
  if (name == "filter") return LowerLambdaOp(Op::Filter, type, span, std::move(object), lambda);
  if (name == "map") return LowerLambdaOp(Op::Map, type, span, std::move(object), lambda);
  if (name == "distinct") return LowerLambdaOp(Op::Distinct, type, span, std::move(object), lambda);
  if (name == "min") return LowerLambdaOp(Op::MinBy, type, span, std::move(object), lambda);
  if (name == "max") return LowerLambdaOp(Op::MaxBy, type, span, std::move(object), lambda);
  if (name == "sum") {
    bool decimal = type->kind == TypeKind::Decimal || type->kind == TypeKind::Percent;
    ExprPtr sum = LowerLambdaOp(decimal ? Op::SumDec : Op::SumInt, type, span, std::move(object), lambda);
    if (decimal) sum->args[1] = Coerce(std::move(sum->args[1]), types_.Decimal());
    return sum;
  }
  ExprPtr fail = Make(Op::Fail, type, span);
  fail->str = "unknown collection method `" + name + "`";
  return fail;
}

}  // namespace charter::ir
