// Compile-time evaluation of the constants that governance checks reason
// about: threshold bounds, domains and quorum minimums.
#include "compiler/check/checker.h"

namespace charter {

namespace {

std::optional<Rational> Evaluate(const ast::Expr& expr) {
  switch (expr.kind) {
    case ast::ExprKind::Int: return Rational::Int(expr.As<ast::IntLit>().value);
    case ast::ExprKind::Decimal:
    case ast::ExprKind::Percent: {
      const auto& lit = expr.As<ast::DecimalLit>();
      return Rational::Decimal(lit.mantissa, lit.scale);
    }
    case ast::ExprKind::Duration: {
      const auto& lit = expr.As<ast::DurationLit>();
      static const int64_t kSeconds[] = {1, 60, 3600, 86400, 7 * 86400, 1};  // by DurationUnit
      int64_t seconds;
      if (__builtin_mul_overflow(lit.amount, kSeconds[static_cast<int>(lit.unit)], &seconds)) return std::nullopt;
      return Rational::Int(seconds);
    }
    case ast::ExprKind::Date: return Rational::Int(expr.As<ast::DateLit>().days);
    case ast::ExprKind::Timestamp: return Rational::Int(expr.As<ast::TimestampLit>().micros);
    case ast::ExprKind::Name: {
      const auto& name = expr.As<ast::NameExpr>();
      if (name.ref != ast::NameRef::Global || !name.decl || name.decl->kind != ast::DeclKind::Const) return std::nullopt;
      return Evaluate(*name.decl->As<ast::ConstDecl>().value);
    }
    case ast::ExprKind::Unary: {
      const auto& unary = expr.As<ast::UnaryExpr>();
      if (unary.op != ast::UnaryOp::Neg) return std::nullopt;
      auto value = Evaluate(*unary.operand);
      if (value) return value->Neg();
      return std::nullopt;
    }
    case ast::ExprKind::Binary: {
      const auto& binary = expr.As<ast::BinaryExpr>();
      auto l = Evaluate(*binary.lhs), r = Evaluate(*binary.rhs);
      if (!l || !r) return std::nullopt;
      switch (binary.op) {
        case ast::BinaryOp::Add: return l->Add(*r);
        case ast::BinaryOp::Sub: return l->Sub(*r);
        case ast::BinaryOp::Mul: return l->Mul(*r);
        case ast::BinaryOp::Div: return l->Div(*r);
        default: return std::nullopt;
      }
    }
    default: return std::nullopt;
  }
}

}  // namespace

std::optional<ConstValue> Checker::EvalConst(ast::Expr& expr, const Type* expected) {
  const Type* type = CheckExpr(expr, expected);
  if (type->IsError()) return std::nullopt;
  auto value = Evaluate(expr);
  if (!value) {
    diags_.Report(DiagKind::NotConstant, expr.span, "this must be a constant: a literal or a `const`")
        .notes.push_back("governance bounds are checked before any event arrives");
    return std::nullopt;
  }
  return ConstValue{type, *value};
}

}  // namespace charter
