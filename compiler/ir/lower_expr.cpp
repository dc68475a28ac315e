// Lowering of expressions: literals, names, operators, fields and calls.
#include <fmt/format.h>

#include "compiler/ir/lowerer.h"
#include "runtime/builtins/sequence.h"

namespace charter::ir {

// ------------------------------------------------------------------ helpers

ExprPtr Lowerer::Make(Op op, const Type* type, Span span, std::vector<ExprPtr> args) {
  auto expr = std::make_unique<Expr>();
  expr->op = op;
  expr->type = type;
  expr->span = span;
  expr->args = std::move(args);
  return expr;
}

ExprPtr Lowerer::ConstInt(int64_t value, const Type* type, Span span) {
  ExprPtr expr = Make(Op::ConstInt, type, span);
  expr->imm = value;
  return expr;
}

ExprPtr Lowerer::ConstDec(Rational value, const Type* type, Span span) {
  ExprPtr expr = Make(Op::ConstDec, type, span);
  expr->dec = value;
  return expr;
}

ExprPtr Lowerer::ConstBool(bool value, Span span) {
  ExprPtr expr = Make(Op::ConstBool, types_.Bool(), span);
  expr->imm = value;
  return expr;
}

ExprPtr Lowerer::LocalRef(int32_t slot, const Type* type, Span span) {
  ExprPtr expr = Make(Op::Local, type, span);
  expr->slot = slot;
  return expr;
}

static Op CompareOp(const Type* type) {
  switch (type->kind) {
    case TypeKind::Int: case TypeKind::Date: case TypeKind::Timestamp: case TypeKind::Duration:
    case TypeKind::BusinessDays: case TypeKind::Enum: return Op::CmpInt;
    case TypeKind::Decimal: case TypeKind::Percent: return Op::CmpDec;
    case TypeKind::String: return Op::CmpStr;
    case TypeKind::Bool: return Op::CmpBool;
    default: return Op::CmpDeep;
  }
}

ExprPtr Lowerer::Compare(Cmp cmp, ExprPtr lhs, ExprPtr rhs, Span span) {
  // Mixed int and decimal compare as decimals.
  if (lhs->type->kind == TypeKind::Decimal && rhs->type->kind == TypeKind::Int) rhs = Coerce(std::move(rhs), lhs->type);
  if (rhs->type->kind == TypeKind::Decimal && lhs->type->kind == TypeKind::Int) lhs = Coerce(std::move(lhs), rhs->type);
  Op op = CompareOp(lhs->type);
  std::vector<ExprPtr> args;
  args.push_back(std::move(lhs));
  args.push_back(std::move(rhs));
  ExprPtr expr = Make(op, types_.Bool(), span, std::move(args));
  expr->cmp = cmp;
  return expr;
}

ExprPtr Lowerer::Not(ExprPtr operand) {
  Span span = operand->span;
  std::vector<ExprPtr> args;
  args.push_back(std::move(operand));
  return Make(Op::Not, types_.Bool(), span, std::move(args));
}

ExprPtr Lowerer::And(ExprPtr lhs, ExprPtr rhs) {
  if (!lhs) return rhs;
  Span span = Cover(lhs->span, rhs->span);
  std::vector<ExprPtr> args;
  args.push_back(std::move(lhs));
  args.push_back(std::move(rhs));
  return Make(Op::And, types_.Bool(), span, std::move(args));
}

ExprPtr Lowerer::Or(ExprPtr lhs, ExprPtr rhs) {
  if (!lhs) return rhs;
  Span span = Cover(lhs->span, rhs->span);
  std::vector<ExprPtr> args;
  args.push_back(std::move(lhs));
  args.push_back(std::move(rhs));
  return Make(Op::Or, types_.Bool(), span, std::move(args));
}

ExprPtr Lowerer::Coerce(ExprPtr expr, const Type* to) {
  if (!to || !expr) return expr;
  const Type* target = to->IsOptional() ? to->element : to;
  if (expr->type->kind == TypeKind::Int && target->kind == TypeKind::Decimal) {
    Span span = expr->span;
    std::vector<ExprPtr> args;
    args.push_back(std::move(expr));
    return Make(Op::IntToDec, target, span, std::move(args));
  }
  if (expr->op == Op::MakeList || expr->op == Op::MakeSet) {
    // List literals meet their expected element type element by element.
    if ((target->kind == TypeKind::List || target->kind == TypeKind::Set) && target->element != expr->type->element) {
      for (auto& item : expr->args) item = Coerce(std::move(item), target->element);
      expr->type = target;
      expr->op = target->kind == TypeKind::Set ? Op::MakeSet : Op::MakeList;
    }
  }
  return expr;
}

ExprPtr Lowerer::Narrow(ExprPtr expr, const Type* checked) {
  if (!checked || !expr->type->IsOptional() || checked->IsOptional() || checked->kind == TypeKind::Error) return expr;
  Span span = expr->span;
  const Type* value = expr->type->element;
  std::vector<ExprPtr> args;
  args.push_back(std::move(expr));
  return Make(Op::Unwrap, value, span, std::move(args));
}

ExprPtr Lowerer::ToText(ExprPtr expr) {
  if (expr->type->kind == TypeKind::String) return expr;
  Span span = expr->span;
  std::vector<ExprPtr> args;
  args.push_back(std::move(expr));
  return Make(Op::ToText, types_.String(), span, std::move(args));
}

// ------------------------------------------------------------------ expressions

static int64_t DurationSeconds(ast::DurationUnit unit) {
  switch (unit) {
    case ast::DurationUnit::Seconds: return 1;
    case ast::DurationUnit::Minutes: return 60;
    case ast::DurationUnit::Hours: return 3600;
    case ast::DurationUnit::Days: return 86400;
    case ast::DurationUnit::Weeks: return 7 * 86400;
    case ast::DurationUnit::BusinessDays: return 1;
  }
  return 1;
}

ExprPtr Lowerer::LowerExpr(const ast::Expr& expr) {
  const Type* type = expr.type ? expr.type : types_.Error();
  switch (expr.kind) {
    case ast::ExprKind::Error:
    case ast::ExprKind::Lambda: {
      ExprPtr fail = Make(Op::Fail, type, expr.span);
      fail->str = "this expression did not check";
      return fail;
    }
    case ast::ExprKind::Int: return ConstInt(expr.As<ast::IntLit>().value, type, expr.span);
    case ast::ExprKind::Decimal:
    case ast::ExprKind::Percent: {
      const auto& lit = expr.As<ast::DecimalLit>();
      auto value = Rational::Decimal(lit.mantissa, lit.scale);
      if (!value) {
        ExprPtr fail = Make(Op::Fail, type, expr.span);
        fail->str = "decimal literal out of range";
        return fail;
      }
      return ConstDec(*value, type, expr.span);
    }
    case ast::ExprKind::String: return LowerString(expr.As<ast::StringLit>());
    case ast::ExprKind::Date: return ConstInt(expr.As<ast::DateLit>().days, type, expr.span);
    case ast::ExprKind::Timestamp: return ConstInt(expr.As<ast::TimestampLit>().micros, type, expr.span);
    case ast::ExprKind::Bool: return ConstBool(expr.As<ast::BoolLit>().value, expr.span);
    case ast::ExprKind::None: return Make(Op::ConstNone, type, expr.span);
    case ast::ExprKind::Duration: {
      const auto& lit = expr.As<ast::DurationLit>();
      int64_t value = 0;
      if (__builtin_mul_overflow(lit.amount, DurationSeconds(lit.unit), &value)) {
        ExprPtr fail = Make(Op::Fail, type, expr.span);
        fail->str = "duration literal out of range";
        return fail;
      }
      return ConstInt(value, type, expr.span);
    }
    case ast::ExprKind::Fraction: {
      const auto& fraction = expr.As<ast::FractionOf>();
      std::vector<ExprPtr> args;
      args.push_back(Coerce(LowerExpr(*fraction.whole), types_.Decimal()));
      args.push_back(ConstDec(Rational::Make(fraction.num, fraction.den).value_or(Rational{}), types_.Decimal(),
                              expr.span));
      return Make(Op::DecMul, types_.Decimal(), expr.span, std::move(args));
    }
    case ast::ExprKind::List: {
      std::vector<ExprPtr> items;
      const Type* element = type->kind == TypeKind::List || type->kind == TypeKind::Set ? type->element : nullptr;
      for (const auto& item : expr.As<ast::ListLit>().elements) items.push_back(Coerce(LowerExpr(*item), element));
      return Make(type->kind == TypeKind::Set ? Op::MakeSet : Op::MakeList, type, expr.span, std::move(items));
    }
    case ast::ExprKind::Record: {
      const auto& lit = expr.As<ast::RecordLit>();
      const auto& record = lit.decl->As<ast::RecordDecl>();
      std::vector<ExprPtr> fields;
      for (size_t f = 0; f < record.fields.size(); ++f) {
        const ast::FieldInit* init = nullptr;
        for (const auto& candidate : lit.fields) {
          if (candidate.name.name == record.fields[f].name.name) init = &candidate;
        }
        const Type* field_type = FieldType(&record, static_cast<int32_t>(f));
        fields.push_back(init ? Coerce(LowerExpr(*init->value), field_type)
                              : Make(Op::ConstNone, field_type, expr.span));
      }
      return Make(Op::MakeRecord, type, expr.span, std::move(fields));
    }
    case ast::ExprKind::Name: return LowerName(expr.As<ast::NameExpr>());
    case ast::ExprKind::Call: return LowerCall(expr.As<ast::CallExpr>());
    case ast::ExprKind::Member: return LowerMember(expr.As<ast::MemberExpr>());
    case ast::ExprKind::Index: {
      const auto& index = expr.As<ast::IndexExpr>();
      std::vector<ExprPtr> args;
      args.push_back(LowerExpr(*index.object));
      args.push_back(LowerExpr(*index.index));
      Op op = args[0]->type->kind == TypeKind::String ? Op::StrAt : Op::ListAt;
      return Make(op, type, expr.span, std::move(args));
    }
    case ast::ExprKind::Slice: {
      const auto& slice = expr.As<ast::SliceExpr>();
      std::vector<ExprPtr> args;
      args.push_back(LowerExpr(*slice.object));
      args.push_back(slice.lo ? LowerExpr(*slice.lo) : ConstInt(runtime::kSliceFromStart, types_.Int(), expr.span));
      args.push_back(slice.hi ? LowerExpr(*slice.hi) : ConstInt(runtime::kSliceToEnd, types_.Int(), expr.span));
      Op op = args[0]->type->kind == TypeKind::String ? Op::StrSlice : Op::ListSlice;
      return Make(op, type, expr.span, std::move(args));
    }
    case ast::ExprKind::With: {
      const auto& with = expr.As<ast::WithExpr>();
      std::vector<ExprPtr> args;
      args.push_back(LowerExpr(*with.base));
      const auto& record = type->decl->As<ast::RecordDecl>();
      std::vector<int32_t> fields;
      for (const auto& init : with.fields) {
        int32_t index = FieldIndex(record, init.name.name);
        fields.push_back(index);
        args.push_back(Coerce(LowerExpr(*init.value), FieldType(&record, index)));
      }
      ExprPtr result = Make(Op::With, type, expr.span, std::move(args));
      result->fields = std::move(fields);
      return result;
    }
    case ast::ExprKind::Unary: {
      const auto& unary = expr.As<ast::UnaryExpr>();
      ExprPtr operand = LowerExpr(*unary.operand);
      if (unary.op == ast::UnaryOp::Not) return Not(std::move(operand));
      Op op = operand->type->kind == TypeKind::Decimal || operand->type->kind == TypeKind::Percent ? Op::DecNeg
                                                                                                     : Op::IntNeg;
      std::vector<ExprPtr> args;
      args.push_back(std::move(operand));
      return Make(op, type, expr.span, std::move(args));
    }
    case ast::ExprKind::Binary: return LowerBinary(expr.As<ast::BinaryExpr>());
    case ast::ExprKind::Match: {
      const auto& match = expr.As<ast::MatchExpr>();
      std::vector<ExprPtr> args;
      args.push_back(LowerExpr(*match.subject));
      const ast::Decl* enum_decl = match.subject->type ? match.subject->type->decl : nullptr;
      size_t members = enum_decl ? (enum_decl->kind == ast::DeclKind::Enum
                                        ? enum_decl->As<ast::EnumDecl>().members.size()
                                        : enum_decl->As<ast::TierDecl>().rows.size())
                                 : 0;
      std::vector<int32_t> arm_of(members, -1);
      for (size_t a = 0; a < match.arms.size(); ++a) {
        for (const auto& pattern : match.arms[a].patterns) {
          if (pattern.name == "_") {
            for (auto& arm : arm_of) {
              if (arm < 0) arm = static_cast<int32_t>(a);
            }
          } else if (int32_t m = MemberIndex(enum_decl, pattern.name); m >= 0 && arm_of[m] < 0) {
            arm_of[m] = static_cast<int32_t>(a);
          }
        }
        args.push_back(Coerce(LowerExpr(*match.arms[a].value), type));
      }
      ExprPtr result = Make(Op::Switch, type, expr.span, std::move(args));
      result->fields = std::move(arm_of);
      return result;
    }
    case ast::ExprKind::If: {
      const auto& branch = expr.As<ast::IfExpr>();
      std::vector<ExprPtr> args;
      args.push_back(LowerExpr(*branch.cond));
      args.push_back(Coerce(LowerExpr(*branch.then_value), type));
      args.push_back(Coerce(LowerExpr(*branch.else_value), type));
      return Make(Op::If, type, expr.span, std::move(args));
    }
  }
  return Make(Op::ConstNone, type, expr.span);
}

ExprPtr Lowerer::LowerString(const ast::StringLit& expr) {
  if (auto constant = expr.Constant()) {
    ExprPtr result = Make(Op::ConstStr, types_.String(), expr.span);
    result->str = *constant;
    return result;
  }
  std::vector<ExprPtr> parts;
  for (const auto& part : expr.parts) {
    if (part.expr) {
      parts.push_back(ToText(LowerExpr(*part.expr)));
    } else {
      ExprPtr text = Make(Op::ConstStr, types_.String(), expr.span);
      text->str = part.text;
      parts.push_back(std::move(text));
    }
  }
  return Make(Op::Format, types_.String(), expr.span, std::move(parts));
}

ExprPtr Lowerer::LowerName(const ast::NameExpr& expr) {
  const Type* type = expr.type ? expr.type : types_.Error();
  switch (expr.ref) {
    case ast::NameRef::Local: {
      const Local* local = Lookup(expr.name.name);
      if (!local) break;
      return Narrow(LocalRef(local->slot, local->type, expr.span), type);
    }
    case ast::NameRef::Global: {
      if (!expr.decl || expr.decl->kind != ast::DeclKind::Const) break;
      const Type* declared = program_.decl_types[expr.decl];
      ExprPtr global = Make(Op::Global, declared ? declared : type, expr.span);
      global->imm = GlobalIndex(expr.decl);
      return Narrow(std::move(global), type);
    }
    case ast::NameRef::EnumMember: return ConstInt(expr.member_index, type, expr.span);
    default: break;
  }
  ExprPtr fail = Make(Op::Fail, type, expr.span);
  fail->str = "unresolved name `" + expr.name.name + "`";
  return fail;
}

// ------------------------------------------------------------------ operators

ExprPtr Lowerer::LowerBinary(const ast::BinaryExpr& expr) {
  using BOp = ast::BinaryOp;
  const Type* type = expr.type ? expr.type : types_.Error();
  switch (expr.op) {
    case BOp::And: return And(LowerExpr(*expr.lhs), LowerExpr(*expr.rhs));
    case BOp::Or: return Or(LowerExpr(*expr.lhs), LowerExpr(*expr.rhs));
    case BOp::In:
    case BOp::NotIn: {
      ExprPtr collection = LowerExpr(*expr.rhs);
      const Type* element = collection->type->element;
      std::vector<ExprPtr> args;
      args.push_back(std::move(collection));
      args.push_back(Coerce(LowerExpr(*expr.lhs), element));
      ExprPtr contains = Make(Op::Contains, types_.Bool(), expr.span, std::move(args));
      return expr.op == BOp::In ? std::move(contains) : Not(std::move(contains));
    }
    case BOp::Default: {
      std::vector<ExprPtr> args;
      args.push_back(LowerExpr(*expr.lhs));
      args.push_back(Coerce(LowerExpr(*expr.rhs), type));
      if (args[0]->type->IsOptional() && args[0]->type->element->kind == TypeKind::Int &&
          type->kind == TypeKind::Decimal) {
        args[0] = Coerce(std::move(args[0]), type);
      }
      return Make(Op::Coalesce, type, expr.span, std::move(args));
    }
    case BOp::Eq: case BOp::Ne: case BOp::Lt: case BOp::Le: case BOp::Gt: case BOp::Ge:
      return LowerComparison(expr);
    default: return LowerArithmetic(expr);
  }
}

ExprPtr Lowerer::LowerComparison(const ast::BinaryExpr& expr) {
  Cmp cmp = static_cast<Cmp>(static_cast<int>(expr.op) - static_cast<int>(ast::BinaryOp::Eq));
  ExprPtr lhs = LowerExpr(*expr.lhs);
  ExprPtr rhs = LowerExpr(*expr.rhs);
  bool lhs_none = lhs->op == Op::ConstNone, rhs_none = rhs->op == Op::ConstNone;
  if ((lhs_none || rhs_none) && (cmp == Cmp::Eq || cmp == Cmp::Ne)) {
    ExprPtr other = lhs_none ? std::move(rhs) : std::move(lhs);
    std::vector<ExprPtr> args;
    args.push_back(std::move(other));
    ExprPtr is_none = Make(Op::IsNone, types_.Bool(), expr.span, std::move(args));
    return cmp == Cmp::Eq ? std::move(is_none) : Not(std::move(is_none));
  }
  return Compare(cmp, std::move(lhs), std::move(rhs), expr.span);
}

ExprPtr Lowerer::LowerArithmetic(const ast::BinaryExpr& expr) {
  using BOp = ast::BinaryOp;
  using K = TypeKind;
  const Type* type = expr.type ? expr.type : types_.Error();
  ExprPtr lhs = LowerExpr(*expr.lhs);
  ExprPtr rhs = LowerExpr(*expr.rhs);
  K a = lhs->type->kind, b = rhs->type->kind;
  auto make = [&](Op op, ExprPtr x, ExprPtr y) {
    std::vector<ExprPtr> args;
    args.push_back(std::move(x));
    args.push_back(std::move(y));
    return Make(op, type, expr.span, std::move(args));
  };
  // Durations divided by durations are ratios: their seconds become decimals too.
  auto dec = [&](ExprPtr x) {
    K kind = x->type->kind;
    if (kind != K::Duration && kind != K::BusinessDays) return Coerce(std::move(x), types_.Decimal());
    Span span = x->span;
    std::vector<ExprPtr> args;
    args.push_back(std::move(x));
    return Make(Op::IntToDec, types_.Decimal(), span, std::move(args));
  };
  bool dec_math = type->kind == K::Decimal || type->kind == K::Percent;
  // Operands in the order a calendar op wants them: the date or timestamp first.
  bool swap = (b == K::Date || b == K::Timestamp) && a != b;
  if (swap) std::swap(lhs, rhs), std::swap(a, b);
  switch (expr.op) {
    case BOp::Add:
    case BOp::Sub: {
      bool add = expr.op == BOp::Add;
      if (a == K::String) return make(Op::StrConcat, std::move(lhs), std::move(rhs));
      if (a == K::List) return make(Op::ListConcat, Coerce(std::move(lhs), type), Coerce(std::move(rhs), type));
      if (a == K::Date && b == K::Date) return make(Op::DateDiff, std::move(lhs), std::move(rhs));
      if (a == K::Timestamp && b == K::Timestamp) return make(Op::TsDiff, std::move(lhs), std::move(rhs));
      if (a == K::Date || a == K::Timestamp) {
        if (!add) {
          std::vector<ExprPtr> args;
          args.push_back(std::move(rhs));
          const Type* amount = args[0]->type;
          rhs = Make(Op::IntNeg, amount, expr.span, std::move(args));
        }
        Op op = a == K::Timestamp ? Op::TsAdd : (b == K::BusinessDays ? Op::DateAddBizDays : Op::DateAddDays);
        return make(op, std::move(lhs), std::move(rhs));
      }
      if (dec_math) return make(add ? Op::DecAdd : Op::DecSub, dec(std::move(lhs)), dec(std::move(rhs)));
      return make(add ? Op::IntAdd : Op::IntSub, std::move(lhs), std::move(rhs));
    }
    case BOp::Mul:
      if (dec_math) return make(Op::DecMul, dec(std::move(lhs)), dec(std::move(rhs)));
      return make(Op::IntMul, std::move(lhs), std::move(rhs));
    case BOp::Div:
      if (type->kind == K::Duration) return make(Op::IntDiv, std::move(lhs), std::move(rhs));
      return make(Op::DecDiv, dec(std::move(lhs)), dec(std::move(rhs)));
    default: break;
  }
  ExprPtr fail = Make(Op::Fail, type, expr.span);
  fail->str = "unsupported operator";
  return fail;
}

// ------------------------------------------------------------------ fields and calls

ExprPtr Lowerer::LowerMember(const ast::MemberExpr& expr) {
  const Type* type = expr.type ? expr.type : types_.Error();
  if (expr.object->kind == ast::ExprKind::Name) {
    const auto& name = expr.object->As<ast::NameExpr>();
    if (name.ref == ast::NameRef::Module && expr.decl) {
      if (expr.decl->kind == ast::DeclKind::Const) {
        ExprPtr global = Make(Op::Global, program_.decl_types[expr.decl], expr.span);
        global->imm = GlobalIndex(expr.decl);
        return global;
      }
      return LowerUserCall(expr.decl, expr.args, type, expr.span);
    }
    if (expr.decl && (expr.decl->kind == ast::DeclKind::Enum || expr.decl->kind == ast::DeclKind::Tier)) {
      return ConstInt(MemberIndex(expr.decl, expr.name.name), type, expr.span);  // `Action.warning`
    }
  }
  if (expr.is_call) return LowerMethod(expr);
  return Narrow(LowerField(expr), type);
}

ExprPtr Lowerer::LowerField(const ast::MemberExpr& expr) {
  ExprPtr object = LowerExpr(*expr.object);
  const Type* object_type = object->type->IsOptional() ? object->type->element : object->type;
  bool optional = object->type->IsOptional();
  auto field = [&](ExprPtr record, int32_t index, const Type* field_type) {
    std::vector<ExprPtr> args;
    args.push_back(std::move(record));
    const Type* result = optional ? types_.Optional(field_type) : field_type;
    ExprPtr access = Make(optional ? Op::OptField : Op::Field, result, expr.span, std::move(args));
    access->imm = index;
    return access;
  };
  if (object_type->kind == TypeKind::Record) {
    const auto& record = object_type->decl->As<ast::RecordDecl>();
    int32_t index = FieldIndex(record, expr.name.name);
    return field(std::move(object), index, FieldType(&record, index));
  }
  if (object_type->kind == TypeKind::Enum && object_type->decl->kind == ast::DeclKind::Tier) {
    // A tier member reads its row: rows[member].field.
    const ast::Decl* tier = object_type->decl;
    const Type* row = program_.decl_types[tier];
    ExprPtr rows = Make(Op::Global, types_.List(row), expr.span);
    rows->imm = GlobalIndex(tier);
    std::vector<ExprPtr> args;
    args.push_back(std::move(rows));
    args.push_back(std::move(object));
    ExprPtr selected = Make(Op::Index, row, expr.span, std::move(args));
    const auto& record = row->decl->As<ast::RecordDecl>();
    int32_t index = FieldIndex(record, expr.name.name);
    optional = false;
    return field(std::move(selected), index, FieldType(&record, index));
  }
  if (object_type->kind == TypeKind::Tally) {
    const auto& fields = TallyFields();
    for (size_t i = 0; i < fields.size(); ++i) {
      if (expr.name.name == fields[i].first) {
        return field(std::move(object), static_cast<int32_t>(i),
                     fields[i].second == TypeKind::Int ? types_.Int() : types_.Bool());
      }
    }
  }
  ExprPtr fail = Make(Op::Fail, expr.type ? expr.type : types_.Error(), expr.span);
  fail->str = "unknown field `" + expr.name.name + "`";
  return fail;
}

ExprPtr Lowerer::LowerUserCall(const ast::Decl* decl, const std::vector<ast::ExprPtr>& args, const Type* type,
                               Span span) {
  std::vector<ExprPtr> lowered;
  if (decl->kind == ast::DeclKind::ExternFn) {
    const auto& params = program_.param_types[decl];
    for (size_t i = 0; i < args.size(); ++i) {
      lowered.push_back(Coerce(LowerExpr(*args[i]), i < params.size() ? params[i] : nullptr));
    }
    ExprPtr call = Make(Op::CallBuiltin, type, span, std::move(lowered));
    call->imm = BuiltinIndex(decl->As<ast::FnDecl>());
    return call;
  }
  int32_t index = FunctionIndex(decl);
  // A copy: lowering an argument may lower another function and grow module_.functions.
  const std::vector<const Type*> params = module_.functions[index].params;
  for (size_t i = 0; i < args.size(); ++i) {
    lowered.push_back(Coerce(LowerExpr(*args[i]), i < params.size() ? params[i] : nullptr));
  }
  const Type* result = module_.functions[index].result;
  ExprPtr call = Make(Op::Call, result ? result : type, span, std::move(lowered));
  call->imm = index;
  return Coerce(std::move(call), type);
}

ExprPtr Lowerer::LowerCall(const ast::CallExpr& expr) {
  if (expr.decl) return LowerUserCall(expr.decl, expr.args, expr.type ? expr.type : types_.Error(), expr.span);
  return LowerGlobalBuiltin(expr);
}

ExprPtr Lowerer::LowerGlobalBuiltin(const ast::CallExpr& expr) {
  const Type* type = expr.type ? expr.type : types_.Error();
  const std::string& name = expr.callee.name;
  bool decimal = type->kind == TypeKind::Decimal || type->kind == TypeKind::Percent;
  if (name == "max" || name == "min") {
    // let a = x; let b = y; if a >= b (max) then a else b.
    int32_t a = Fresh(), b = Fresh();
    ExprPtr pick = Make(Op::If, type, expr.span);
    pick->args.push_back(Compare(name == "max" ? Cmp::Ge : Cmp::Le, LocalRef(a, type, expr.span),
                                 LocalRef(b, type, expr.span), expr.span));
    pick->args.push_back(LocalRef(a, type, expr.span));
    pick->args.push_back(LocalRef(b, type, expr.span));
    ExprPtr inner = Make(Op::LetIn, type, expr.span);
    inner->slot = b;
    inner->args.push_back(Coerce(LowerExpr(*expr.args[1]), type));
    inner->args.push_back(std::move(pick));
    ExprPtr outer = Make(Op::LetIn, type, expr.span);
    outer->slot = a;
    outer->args.push_back(Coerce(LowerExpr(*expr.args[0]), type));
    outer->args.push_back(std::move(inner));
    return outer;
  }
  if (name == "abs") {
    std::vector<ExprPtr> args;
    args.push_back(LowerExpr(*expr.args[0]));
    return Make(decimal ? Op::DecAbs : Op::IntAbs, type, expr.span, std::move(args));
  }
  if (name == "percent_of") {
    std::vector<ExprPtr> args;
    args.push_back(Coerce(LowerExpr(*expr.args[0]), types_.Decimal()));
    args.push_back(Coerce(LowerExpr(*expr.args[1]), types_.Decimal()));
    ExprPtr ratio = Make(Op::DecDiv, types_.Decimal(), expr.span, std::move(args));
    std::vector<ExprPtr> scaled;
    scaled.push_back(std::move(ratio));
    scaled.push_back(ConstDec(Rational::Int(100), types_.Decimal(), expr.span));
    return Make(Op::DecMul, types_.Percent(), expr.span, std::move(scaled));
  }
  ExprPtr fail = Make(Op::Fail, type, expr.span);
  fail->str = "unknown function `" + name + "`";
  return fail;
}

}  // namespace charter::ir
