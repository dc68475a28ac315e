// Expressions: literals, names, operators, fields, records, lists, match and
// if; optional narrowing on access paths such as `event.rfc`.
#include <algorithm>

#include "compiler/check/checker.h"
#include "compiler/check/methods.h"

namespace charter {

// ------------------------------------------------------------------ scopes and facts

void Checker::PopScope() {
  for (const auto& [name, var] : scopes_.back()) {
    if (var.report_unused && !var.used && name != "_") {
      diags_.Report(DiagKind::UnusedLet, var.span, "`" + name + "` is bound but never used");
    }
  }
  scopes_.pop_back();
}

void Checker::Bind(const ast::Ident& name, const Type* type, bool report_unused) {
  if (scopes_.empty()) PushScope();
  scopes_.back()[name.name] = LocalVar{type, name.span, false, report_unused};
}

LocalVar* Checker::LookupLocal(const std::string& name) {
  for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
    auto found = it->find(name);
    if (found != it->end()) return &found->second;
  }
  return nullptr;
}

std::optional<std::string> Checker::PathKey(const ast::Expr& expr) {
  if (expr.kind == ast::ExprKind::Name) return expr.As<ast::NameExpr>().name.name;
  if (expr.kind == ast::ExprKind::Member) {
    const auto& member = expr.As<ast::MemberExpr>();
    if (member.is_call || member.optional_chain) return std::nullopt;
    auto base = PathKey(*member.object);
    if (base) return *base + "." + member.name.name;
  }
  return std::nullopt;
}

Checker::Facts Checker::FactsOf(const ast::Expr& cond) const {
  Facts facts;
  if (cond.kind == ast::ExprKind::Unary && cond.As<ast::UnaryExpr>().op == ast::UnaryOp::Not) {
    Facts inner = FactsOf(*cond.As<ast::UnaryExpr>().operand);
    return {inner.when_false, inner.when_true};
  }
  if (cond.kind != ast::ExprKind::Binary) return facts;
  const auto& binary = cond.As<ast::BinaryExpr>();
  if (binary.op == ast::BinaryOp::And || binary.op == ast::BinaryOp::Or) {
    Facts l = FactsOf(*binary.lhs), r = FactsOf(*binary.rhs);
    if (binary.op == ast::BinaryOp::And) {
      facts.when_true = l.when_true;
      facts.when_true.insert(r.when_true.begin(), r.when_true.end());
    } else {
      facts.when_false = l.when_false;
      facts.when_false.insert(r.when_false.begin(), r.when_false.end());
    }
    return facts;
  }
  if (binary.op != ast::BinaryOp::Eq && binary.op != ast::BinaryOp::Ne) return facts;
  const ast::Expr* path = nullptr;
  if (binary.rhs->kind == ast::ExprKind::None) path = binary.lhs.get();
  if (binary.lhs->kind == ast::ExprKind::None) path = binary.rhs.get();
  if (!path) return facts;
  if (auto key = PathKey(*path)) {
    (binary.op == ast::BinaryOp::Ne ? facts.when_true : facts.when_false).insert(*key);
  }
  return facts;
}

void Checker::WithFacts(const std::set<std::string>& facts, const std::function<void()>& body) {
  facts_.push_back(facts);
  body();
  facts_.pop_back();
}

static bool Proven(const std::vector<std::set<std::string>>& frames, const std::string& key) {
  for (const auto& frame : frames) {
    if (frame.count(key)) return true;
  }
  return false;
}

// ------------------------------------------------------------------ type relations

const Type* Checker::Unwrap(const Type* type) const { return type->IsOptional() ? type->element : type; }

bool Checker::Assignable(const Type* from, const Type* to) const {
  if (from == to || from->IsError() || to->IsError()) return true;
  if (from->kind == TypeKind::Int && to->kind == TypeKind::Decimal) return true;
  if (to->IsOptional()) return from->kind == TypeKind::None || Assignable(from, to->element);
  if ((from->kind == TypeKind::List || from->kind == TypeKind::Set) && from->kind == to->kind) {
    return Assignable(from->element, to->element);
  }
  return false;
}

const Type* Checker::Join(const Type* a, const Type* b) {
  if (a->IsError()) return b;
  if (b->IsError()) return a;
  if (Assignable(a, b)) return b;
  if (Assignable(b, a)) return a;
  if (a->kind == TypeKind::None) return types_.Optional(b);
  if (b->kind == TypeKind::None) return types_.Optional(a);
  return nullptr;
}

void Checker::ExpectType(ast::Expr& expr, const Type* actual, const Type* expected, const std::string& context) {
  if (!expected || Assignable(actual, expected)) return;
  if (actual->kind == TypeKind::None) {
    diags_.Report(DiagKind::NotOptional, expr.span,
                  "`none` is not a value of type `" + expected->Name() + "` (" + context + ")")
        .notes.push_back("only optional types, written `" + expected->Name() + "?`, admit `none`");
    return;
  }
  if (actual->IsOptional() && Assignable(actual->element, expected)) {
    auto key = PathKey(expr);
    auto& diag = diags_.Report(DiagKind::UncheckedOptional, expr.span,
                               "`" + (key ? *key : std::string("this value")) + "` may be none, but " + context +
                                   " needs a `" + expected->Name() + "`");
    diag.notes.push_back("check it first (`" + (key ? *key : std::string("x")) +
                         " != none and ...`) or give a default with `??`");
    return;
  }
  auto& diag = diags_.Report(DiagKind::TypeMismatch, expr.span,
                             context + " expects `" + expected->Name() + "`, found `" + actual->Name() + "`");
  if (expected->kind == TypeKind::Percent && actual->IsNumeric()) {
    diag.notes.push_back("percentages are written with `%`, as in `95%`");
  }
  if ((expected->kind == TypeKind::Duration || expected->kind == TypeKind::BusinessDays) && actual->IsNumeric()) {
    diag.notes.push_back("durations carry a unit, as in `5 days` or `5 business_days`");
  }
}

// ------------------------------------------------------------------ expressions

const Type* Checker::CheckCondition(ast::Expr& expr) {
  const Type* type = CheckExpr(expr, types_.Bool());
  if (type->IsError() || type->kind == TypeKind::Bool) return type;
  if (type->IsOptional() && type->element->kind == TypeKind::Bool) {
    diags_.Report(DiagKind::UncheckedOptional, expr.span, "condition may be none; write `(... ?? false)` to decide")
        .notes.push_back("an optional bool has three states");
  } else {
    diags_.Report(DiagKind::NotBool, expr.span, "condition must be a bool, found `" + type->Name() + "`");
  }
  return types_.Error();
}

const Type* Checker::CheckExpr(ast::Expr& expr, const Type* expected) {
  const Type* type = types_.Error();
  switch (expr.kind) {
    case ast::ExprKind::Error: break;
    case ast::ExprKind::Int: type = types_.Int(); break;
    case ast::ExprKind::Decimal: type = types_.Decimal(); break;
    case ast::ExprKind::Percent: type = types_.Percent(); break;
    case ast::ExprKind::String: type = CheckString(expr.As<ast::StringLit>()); break;
    case ast::ExprKind::Date: type = types_.Date(); break;
    case ast::ExprKind::Timestamp: type = types_.Timestamp(); break;
    case ast::ExprKind::Bool: type = types_.Bool(); break;
    case ast::ExprKind::None: type = types_.None(); break;
    case ast::ExprKind::Duration:
      type = expr.As<ast::DurationLit>().unit == ast::DurationUnit::BusinessDays ? types_.BusinessDays()
                                                                                   : types_.Duration();
      break;
    case ast::ExprKind::Fraction: {
      auto& fraction = expr.As<ast::FractionOf>();
      if (fraction.den <= 0 || fraction.num <= 0 || fraction.num > fraction.den) {
        diags_.Report(DiagKind::FractionOutOfRange, expr.span,
                      "fraction " + std::to_string(fraction.num) + "/" + std::to_string(fraction.den) +
                          " is outside (0, 1]: a share of the whole cannot be " +
                          (fraction.num > fraction.den ? "more than all of it" : "zero or negative"));
      }
      const Type* whole = CheckExpr(*fraction.whole);
      if (!whole->IsNumeric() && !whole->IsError()) {
        diags_.Report(DiagKind::BadOperands, fraction.whole->span,
                      "a fraction is taken of a number, not of `" + whole->Name() + "`");
      }
      type = types_.Decimal();
      break;
    }
    case ast::ExprKind::List: type = CheckList(expr.As<ast::ListLit>(), expected); break;
    case ast::ExprKind::Record: type = CheckRecordLit(expr.As<ast::RecordLit>()); break;
    case ast::ExprKind::Name: type = CheckName(expr.As<ast::NameExpr>(), expected); break;
    case ast::ExprKind::Lambda:
      diags_.Report(DiagKind::MisplacedLambda, expr.span,
                    "a predicate `x => ...` is only allowed as the argument of a collection operation such as "
                    "`.any(...)`");
      break;
    case ast::ExprKind::Call: type = CheckCall(expr.As<ast::CallExpr>(), expected); break;
    case ast::ExprKind::Member: type = CheckMember(expr.As<ast::MemberExpr>(), expected); break;
    case ast::ExprKind::Index: type = CheckIndex(expr.As<ast::IndexExpr>()); break;
    case ast::ExprKind::Slice: type = CheckSlice(expr.As<ast::SliceExpr>()); break;
    case ast::ExprKind::With: {
      auto& with = expr.As<ast::WithExpr>();
      const Type* base = CheckExpr(*with.base);
      if (base->kind == TypeKind::Record) {
        CheckRecordFields(base->decl->As<ast::RecordDecl>(), with.fields, expr.span, false);
        type = base;
      } else {
        if (!base->IsError()) {
          diags_.Report(DiagKind::TypeMismatch, with.base->span, "`with` updates a record, found `" + base->Name() + "`");
        }
        for (auto& field : with.fields) CheckExpr(*field.value);
      }
      break;
    }
    case ast::ExprKind::Unary: {
      auto& unary = expr.As<ast::UnaryExpr>();
      if (unary.op == ast::UnaryOp::Not) {
        CheckCondition(*unary.operand);
        type = types_.Bool();
      } else {
        const Type* operand = CheckExpr(*unary.operand, expected);
        if (operand->IsNumeric() || operand->kind == TypeKind::Percent || operand->kind == TypeKind::Duration ||
            operand->kind == TypeKind::BusinessDays || operand->IsError()) {
          type = operand;
        } else {
          diags_.Report(DiagKind::BadOperands, expr.span, "cannot negate a `" + operand->Name() + "`");
        }
      }
      break;
    }
    case ast::ExprKind::Binary: type = CheckBinary(expr.As<ast::BinaryExpr>(), expected); break;
    case ast::ExprKind::Match: type = CheckMatch(expr.As<ast::MatchExpr>(), expected); break;
    case ast::ExprKind::If: {
      auto& branch = expr.As<ast::IfExpr>();
      CheckCondition(*branch.cond);
      Facts facts = FactsOf(*branch.cond);
      const Type* then_type = types_.Error();
      const Type* else_type = types_.Error();
      WithFacts(facts.when_true, [&] { then_type = CheckExpr(*branch.then_value, expected); });
      WithFacts(facts.when_false, [&] { else_type = CheckExpr(*branch.else_value, expected ? expected : then_type); });
      type = Join(then_type, else_type);
      if (!type) {
        diags_.Report(DiagKind::TypeMismatch, branch.else_value->span,
                      "the branches of `if` differ: `" + then_type->Name() + "` and `" + else_type->Name() + "`");
        type = types_.Error();
      }
      break;
    }
  }
  expr.type = type;
  return type;
}

const Type* Checker::CheckString(ast::StringLit& expr) {
  for (auto& part : expr.parts) {
    if (!part.expr) continue;
    const Type* type = CheckExpr(*part.expr);
    if (type->IsOptional()) {
      // Rendering a none would hide a missing value in the message; make it explicit.
      auto key = PathKey(*part.expr);
      diags_.Report(DiagKind::UncheckedOptional, part.expr->span,
                    "`" + (key ? *key : std::string("this value")) + "` may be none; check it or use `??` in the message");
    }
  }
  return types_.String();
}

int Checker::MemberIndex(const ast::Decl* enum_decl, const std::string& member) const {
  if (enum_decl->kind == ast::DeclKind::Enum) {
    const auto& members = enum_decl->As<ast::EnumDecl>().members;
    for (size_t i = 0; i < members.size(); ++i) {
      if (members[i].name.name == member) return static_cast<int>(i);
    }
  } else if (enum_decl->kind == ast::DeclKind::Tier) {
    const auto& rows = enum_decl->As<ast::TierDecl>().rows;
    for (size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].member.name == member) return static_cast<int>(i);
    }
  }
  return -1;
}

std::vector<std::string> Checker::MemberNames(const ast::Decl* enum_decl) const {
  std::vector<std::string> names;
  if (enum_decl->kind == ast::DeclKind::Enum) {
    for (const auto& member : enum_decl->As<ast::EnumDecl>().members) names.push_back(member.name.name);
  } else if (enum_decl->kind == ast::DeclKind::Tier) {
    for (const auto& row : enum_decl->As<ast::TierDecl>().rows) names.push_back(row.member.name);
  }
  return names;
}

void Checker::ReportUnknownMember(const ast::Decl* enum_decl, const ast::Ident& name, DiagKind kind) {
  auto names = MemberNames(enum_decl);
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  auto& diag = diags_.Report(kind, name.span, "`" + name.name + "` is not a member of `" + enum_decl->name.name + "`");
  diag.notes.push_back("`" + enum_decl->name.name + "` has " + list);
  diag.SuggestClosest(name.span, name.name, names);
}

const Type* Checker::EnumMemberType(ast::NameExpr& expr, const Type* expected) {
  const Type* want = expected ? Unwrap(expected) : nullptr;
  if (want && (want->kind == TypeKind::List || want->kind == TypeKind::Set)) want = want->element;
  auto resolve = [&](const ast::Decl* decl, int index) {
    expr.ref = ast::NameRef::EnumMember;
    expr.decl = decl;
    expr.member_index = index;
    MarkUsed(decl);
    return types_.Named(decl);
  };
  if (want && want->kind == TypeKind::Enum) {
    int index = MemberIndex(want->decl, expr.name.name);
    if (index >= 0) return resolve(want->decl, index);
  }
  std::vector<std::pair<const ast::Decl*, int>> matches;
  auto scan = [&](const ast::File& file) {
    for (const auto& decl : file.decls) {
      if (decl->kind != ast::DeclKind::Enum && decl->kind != ast::DeclKind::Tier) continue;
      int index = MemberIndex(decl.get(), expr.name.name);
      if (index >= 0) matches.emplace_back(decl.get(), index);
    }
  };
  scan(*file_);
  for (FileId module : program_.resolved_imports[file_->id]) {
    if (module != kNoFile) scan(program_.file(module));
  }
  if (matches.size() == 1) return resolve(matches[0].first, matches[0].second);
  if (matches.size() > 1) {
    auto& diag = diags_.Report(DiagKind::AmbiguousEnumMember, expr.span,
                               "`" + expr.name.name + "` is a member of several enums; say which");
    std::string options;
    for (const auto& [decl, index] : matches) {
      options += (options.empty() ? "`" : ", `") + decl->name.name + "." + expr.name.name + "`";
      diag.labels.push_back({decl->name.span, "`" + decl->name.name + "` has it"});
    }
    diag.fix = FixIt{expr.span, matches[0].first->name.name + "." + expr.name.name, "write " + options};
    return types_.Error();
  }
  if (want && want->kind == TypeKind::Enum) {
    ReportUnknownMember(want->decl, expr.name, DiagKind::UnknownEnumMember);
    return types_.Error();
  }
  return nullptr;
}

const Type* Checker::CheckName(ast::NameExpr& expr, const Type* expected) {
  const std::string& name = expr.name.name;
  if (LocalVar* local = LookupLocal(name)) {
    local->used = true;
    expr.ref = ast::NameRef::Local;
    expr.local_span = local->span;
    const Type* type = local->type;
    if (type->IsOptional() && Proven(facts_, name)) type = type->element;
    return type;
  }
  // An expected enum's member wins over a global of the same name.
  const Type* want = expected ? Unwrap(expected) : nullptr;
  if (want && want->kind == TypeKind::Enum && MemberIndex(want->decl, name) >= 0) return EnumMemberType(expr, expected);
  if (const GlobalSymbol* symbol = LookupGlobal(name)) {
    if (symbol->module != kNoFile) {
      diags_.Report(DiagKind::UnknownName, expr.span, "`" + name + "` is a module; use one of its functions, as in `" +
                                                          name + ".f(...)`");
      return types_.Error();
    }
    const ast::Decl* decl = symbol->decl;
    expr.ref = ast::NameRef::Global;
    expr.decl = decl;
    MarkUsed(decl);
    if (decl->kind == ast::DeclKind::Const) {
      if (current_decl_) calls_[current_decl_].insert(decl);
      return ConstType(decl->As<ast::ConstDecl>());
    }
    std::string what = ast::DeclKindName(decl->kind);
    bool callable = decl->kind == ast::DeclKind::Fn || decl->kind == ast::DeclKind::ExternFn ||
                    decl->kind == ast::DeclKind::Quorum || decl->kind == ast::DeclKind::Vote ||
                    decl->kind == ast::DeclKind::Threshold;
    diags_.Report(DiagKind::TypeMismatch, expr.span,
                  "`" + name + "` is " + (what == "enum" || what == "event" ? "an " : "a ") + what +
                      (callable ? "; call it: `" + name + "(...)`" : ", not a value"));
    return types_.Error();
  }
  if (const Type* member = EnumMemberType(expr, expected)) return member;
  std::vector<std::string> candidates = GlobalNames();
  for (const auto& scope : scopes_) {
    for (const auto& [local, var] : scope) candidates.push_back(local);
  }
  auto& diag = diags_.Report(DiagKind::UnknownName, expr.span, "unknown name `" + name + "`");
  diag.SuggestClosest(expr.span, name, candidates);
  return types_.Error();
}

// ------------------------------------------------------------------ operators

static bool Ordered(TypeKind kind) {
  switch (kind) {
    case TypeKind::Int: case TypeKind::Decimal: case TypeKind::Percent: case TypeKind::String:
    case TypeKind::Date: case TypeKind::Timestamp: case TypeKind::Duration: case TypeKind::BusinessDays:
      return true;
    default: return false;
  }
}

const Type* Checker::CheckBinary(ast::BinaryExpr& expr, const Type* expected) {
  using Op = ast::BinaryOp;
  if (expr.op == Op::And || expr.op == Op::Or) {
    CheckCondition(*expr.lhs);
    Facts facts = FactsOf(*expr.lhs);
    WithFacts(expr.op == Op::And ? facts.when_true : facts.when_false, [&] { CheckCondition(*expr.rhs); });
    return types_.Bool();
  }
  if (expr.op == Op::In || expr.op == Op::NotIn) {
    const Type* element = CheckExpr(*expr.lhs);
    const Type* collection = CheckExpr(*expr.rhs, element->IsError() ? nullptr : types_.List(Unwrap(element)));
    if (collection->IsError() || element->IsError()) return types_.Bool();
    if (collection->kind != TypeKind::List && collection->kind != TypeKind::Set) {
      auto& diag = diags_.Report(DiagKind::BadOperands, expr.rhs->span,
                                 "`in` needs a list or set on the right, found `" + collection->Name() + "`");
      if (collection->kind == TypeKind::String) diag.notes.push_back("for text, use `.contains(...)`");
    } else if (!Assignable(element, collection->element) && !Assignable(collection->element, element)) {
      diags_.Report(DiagKind::BadOperands, expr.op_span,
                    "a `" + element->Name() + "` is never in a `" + collection->Name() + "`");
    }
    return types_.Bool();
  }
  if (expr.op == Op::Default) {
    const Type* lhs = CheckExpr(*expr.lhs, expected ? types_.Optional(expected) : nullptr);
    if (!lhs->IsOptional() && !lhs->IsError()) {
      diags_.Report(DiagKind::RedundantNoneCheck, expr.lhs->span,
                    "this `" + lhs->Name() + "` is never none, so the `??` default is never used");
    }
    const Type* rhs = CheckExpr(*expr.rhs, Unwrap(lhs)->IsError() ? expected : Unwrap(lhs));
    const Type* joined = Join(Unwrap(lhs), rhs);
    if (!joined) {
      diags_.Report(DiagKind::TypeMismatch, expr.rhs->span,
                    "the default must be a `" + Unwrap(lhs)->Name() + "`, found `" + rhs->Name() + "`");
      return Unwrap(lhs);
    }
    return joined;
  }
  const Type* lhs = CheckExpr(*expr.lhs);
  const Type* rhs = CheckExpr(*expr.rhs, lhs->IsError() || lhs->kind == TypeKind::None ? nullptr : lhs);
  if (lhs->IsError() || rhs->IsError()) {
    bool comparison = expr.op >= Op::Eq && expr.op <= Op::Ge;
    return comparison ? types_.Bool() : types_.Error();
  }
  if (expr.op >= Op::Eq && expr.op <= Op::Ge) return CheckComparison(expr, lhs, rhs);
  return CheckArithmetic(expr, lhs, rhs);
}

const Type* Checker::CheckComparison(ast::BinaryExpr& expr, const Type* l, const Type* r) {
  bool equality = expr.op == ast::BinaryOp::Eq || expr.op == ast::BinaryOp::Ne;
  std::string op = ast::BinaryOpSpelling(expr.op);
  if (equality) {
    if (l->kind == TypeKind::None || r->kind == TypeKind::None) {
      const Type* other = l->kind == TypeKind::None ? r : l;
      if (!other->IsOptional() && other->kind != TypeKind::None) {
        diags_.Report(DiagKind::RedundantNoneCheck, expr.span,
                      "this `" + other->Name() + "` is never none, so this comparison is always " +
                          (expr.op == ast::BinaryOp::Eq ? "false" : "true"));
      }
      return types_.Bool();
    }
    // `x == value` on an optional would make "absent" silently unequal; compare with none first.
    if (l->IsOptional() != r->IsOptional()) {
      ast::Expr& side = l->IsOptional() ? *expr.lhs : *expr.rhs;
      const Type* optional = l->IsOptional() ? l : r;
      ExpectType(side, optional, optional->element, "`" + op + "`");
      return types_.Bool();
    }
    if (Assignable(l, r) || Assignable(r, l)) return types_.Bool();
  } else {
    for (auto [side, type] : {std::pair{expr.lhs.get(), l}, std::pair{expr.rhs.get(), r}}) {
      if (type->IsOptional()) {
        ExpectType(*side, type, type->element, "`" + op + "`");
        return types_.Bool();
      }
    }
    bool numeric = l->IsNumeric() && r->IsNumeric();
    if (numeric || (l == r && Ordered(l->kind))) return types_.Bool();
  }
  auto& diag = diags_.Report(DiagKind::BadOperands, expr.op_span.valid() ? expr.op_span : expr.span,
                             "cannot compare `" + l->Name() + "` with `" + r->Name() + "` using `" + op + "`");
  auto has = [&](TypeKind kind) { return l->kind == kind || r->kind == kind; };
  if (has(TypeKind::Percent) && (l->IsNumeric() || r->IsNumeric())) {
    diag.notes.push_back("write the number as a percentage, as in `95%`");
  } else if ((has(TypeKind::Duration) || has(TypeKind::BusinessDays)) && (l->IsNumeric() || r->IsNumeric())) {
    diag.notes.push_back("give the number a unit, as in `14 days` or `5 business_days`");
  } else if (has(TypeKind::Duration) && has(TypeKind::BusinessDays)) {
    diag.notes.push_back("business days are not a fixed length of time; add them to a date instead");
  }
  return types_.Bool();
}

const Type* Checker::CheckArithmetic(ast::BinaryExpr& expr, const Type* l, const Type* r) {
  using Op = ast::BinaryOp;
  using K = TypeKind;
  for (auto [side, type] : {std::pair{expr.lhs.get(), l}, std::pair{expr.rhs.get(), r}}) {
    if (type->IsOptional()) {
      ExpectType(*side, type, type->element, std::string("`") + ast::BinaryOpSpelling(expr.op) + "`");
      return types_.Error();
    }
  }
  K a = l->kind, b = r->kind;
  auto is = [&](K x, K y) { return a == x && b == y; };
  bool numeric = l->IsNumeric() && r->IsNumeric();
  const Type* result = nullptr;
  switch (expr.op) {
    case Op::Add:
      if (is(K::Int, K::Int)) result = types_.Int();
      else if (numeric) result = types_.Decimal();
      else if (is(K::Percent, K::Percent)) result = types_.Percent();
      else if (is(K::String, K::String)) result = types_.String();
      else if (is(K::List, K::List)) {
        // Elements keep their representation: only a literal side is converted (`ints + [1.5]` is not).
        const Type* joined = Join(l, r);
        if (joined && (joined == l || expr.lhs->kind == ast::ExprKind::List) &&
            (joined == r || expr.rhs->kind == ast::ExprKind::List)) {
          result = joined;
        }
      }
      else if (is(K::Duration, K::Duration)) result = types_.Duration();
      else if (is(K::BusinessDays, K::BusinessDays)) result = types_.BusinessDays();
      else if (is(K::Date, K::Duration) || is(K::Duration, K::Date) || is(K::Date, K::BusinessDays) ||
               is(K::BusinessDays, K::Date)) result = types_.Date();
      else if (is(K::Timestamp, K::Duration) || is(K::Duration, K::Timestamp)) result = types_.Timestamp();
      break;
    case Op::Sub:
      if (is(K::Int, K::Int)) result = types_.Int();
      else if (numeric) result = types_.Decimal();
      else if (is(K::Percent, K::Percent)) result = types_.Percent();
      else if (is(K::Duration, K::Duration)) result = types_.Duration();
      else if (is(K::BusinessDays, K::BusinessDays)) result = types_.BusinessDays();
      else if (is(K::Date, K::Duration) || is(K::Date, K::BusinessDays)) result = types_.Date();
      else if (is(K::Date, K::Date) || is(K::Timestamp, K::Timestamp)) result = types_.Duration();
      else if (is(K::Timestamp, K::Duration)) result = types_.Timestamp();
      break;
    case Op::Mul:
      if (is(K::Int, K::Int)) result = types_.Int();
      else if (numeric) result = types_.Decimal();
      else if ((a == K::Percent && r->IsNumeric()) || (b == K::Percent && l->IsNumeric())) result = types_.Percent();
      else if (is(K::Duration, K::Int) || is(K::Int, K::Duration)) result = types_.Duration();
      else if (is(K::BusinessDays, K::Int) || is(K::Int, K::BusinessDays)) result = types_.BusinessDays();
      break;
    case Op::Div:
      // int / int is exact: 1 / 4 is 0.25, never 0.
      if (numeric) result = types_.Decimal();
      else if (a == K::Percent && r->IsNumeric()) result = types_.Percent();
      else if (is(K::Percent, K::Percent) || is(K::Duration, K::Duration)) result = types_.Decimal();
      else if (is(K::Duration, K::Int)) result = types_.Duration();
      break;
    default: break;
  }
  if (result) return result;
  auto& diag = diags_.Report(DiagKind::BadOperands, expr.op_span.valid() ? expr.op_span : expr.span,
                             std::string("cannot apply `") + ast::BinaryOpSpelling(expr.op) + "` to `" + l->Name() +
                                 "` and `" + r->Name() + "`");
  if ((a == K::Percent && r->IsNumeric()) || (b == K::Percent && l->IsNumeric())) {
    diag.notes.push_back("write the number as a percentage (`5%`), or use `.fraction()` for 0..1");
  } else if ((a == K::Date || a == K::Timestamp) && r->IsNumeric()) {
    diag.notes.push_back("add a duration with a unit, as in `+ 90 days`");
  } else if (expr.op == Op::Add && a == K::List && b != K::List) {
    diag.notes.push_back("to add one element, put it in a list: `xs + [x]`");
  } else if (expr.op == Op::Add && (a == K::Set || b == K::Set)) {
    diag.notes.push_back("sets do not concatenate; concatenate lists, then take `.distinct()`");
  }
  return types_.Error();
}

// ------------------------------------------------------------------ positions

const Type* Checker::CheckPosition(ast::Expr& position, const char* what) {
  const Type* type = CheckExpr(position, types_.Int());
  if (!type->IsError() && type->kind != TypeKind::Int) {
    diags_.Report(DiagKind::TypeMismatch, position.span,
                  std::string(what) + " is an `int`, found `" + type->Name() + "`");
  }
  return type;
}

// A list or string to index or slice, or null (reported) for anything else.
const Type* Checker::Sequence(ast::Expr& object, const char* what) {
  const Type* type = CheckExpr(object);
  if (type->IsError()) return nullptr;
  if (type->IsOptional()) {
    ExpectType(object, type, type->element, what);
    return nullptr;
  }
  if (type->kind == TypeKind::List || type->kind == TypeKind::String) return type;
  auto& diag = diags_.Report(DiagKind::BadOperands, object.span,
                             std::string(what) + " needs a list or a string, found `" + type->Name() + "`");
  if (type->kind == TypeKind::Set) diag.notes.push_back("a set has no positions; take `.first()` or filter it");
  return nullptr;
}

const Type* Checker::CheckIndex(ast::IndexExpr& expr) {
  const Type* sequence = Sequence(*expr.object, "indexing");
  CheckPosition(*expr.index, "a position");
  if (!sequence) return types_.Error();
  // Past either end is none, not an error: `xs[0] ?? fallback`.
  return types_.Optional(sequence->kind == TypeKind::String ? types_.String() : sequence->element);
}

const Type* Checker::CheckSlice(ast::SliceExpr& expr) {
  const Type* sequence = Sequence(*expr.object, "slicing");
  if (expr.lo) CheckPosition(*expr.lo, "a slice bound");
  if (expr.hi) CheckPosition(*expr.hi, "a slice bound");
  return sequence ? sequence : types_.Error();
}

// ------------------------------------------------------------------ fields and literals

const Type* Checker::CheckMember(ast::MemberExpr& expr, const Type* expected) {
  (void)expected;
  if (expr.object->kind == ast::ExprKind::Name) {
    auto& name = expr.object->As<ast::NameExpr>();
    if (!LookupLocal(name.name.name)) {
      if (const GlobalSymbol* symbol = LookupGlobal(name.name.name)) {
        if (symbol->module != kNoFile) {
          name.ref = ast::NameRef::Module;
          used_imports_.insert({file_->id, name.name.name});
          return CheckModuleCall(expr, symbol->module);
        }
        if (symbol->decl && (symbol->decl->kind == ast::DeclKind::Enum || symbol->decl->kind == ast::DeclKind::Tier)) {
          // `Action.warning`: a qualified enum member.
          name.ref = ast::NameRef::Global;
          name.decl = symbol->decl;
          MarkUsed(symbol->decl);
          int index = MemberIndex(symbol->decl, expr.name.name);
          if (index < 0) {
            ReportUnknownMember(symbol->decl, expr.name, DiagKind::UnknownEnumMember);
            return types_.Error();
          }
          expr.decl = symbol->decl;
          return types_.Named(symbol->decl);
        }
      }
    }
  }
  const Type* object = CheckExpr(*expr.object);
  if (object->IsError()) {
    for (auto& arg : expr.args) {
      if (arg->kind != ast::ExprKind::Lambda) CheckExpr(*arg);
    }
    return types_.Error();
  }
  const Type* type = expr.is_call ? CheckMethod(expr, object) : CheckField(expr, object);
  if (type->IsOptional()) {
    if (auto key = PathKey(expr); key && Proven(facts_, *key)) type = type->element;
  }
  return type;
}

const Type* Checker::CheckField(ast::MemberExpr& expr, const Type* object) {
  if (object->IsOptional()) {
    if (!expr.optional_chain) {
      auto key = PathKey(*expr.object);
      auto& diag = diags_.Report(DiagKind::UncheckedOptional, expr.object->span,
                                 "`" + (key ? *key : std::string("this value")) + "` may be none; check it before reading `." +
                                     expr.name.name + "`");
      diag.notes.push_back("write `" + (key ? *key : std::string("x")) + " != none and ...`, or `?.` to get an optional");
    }
    const Type* field = CheckFieldOf(expr, object->element);
    return expr.optional_chain ? types_.Optional(field) : field;
  }
  if (expr.optional_chain && !object->IsError()) {
    diags_.Report(DiagKind::RedundantNoneCheck, expr.object->span,
                  "this `" + object->Name() + "` is never none; use `.` instead of `?.`");
  }
  return CheckFieldOf(expr, object);
}

// The field `expr.name` of a value of type `object`, which is not optional.
const Type* Checker::CheckFieldOf(ast::MemberExpr& expr, const Type* object) {
  std::vector<std::string> names;
  if (object->kind == TypeKind::Record) {
    const auto& record = object->decl->As<ast::RecordDecl>();
    for (const auto& field : record.fields) {
      if (field.name.name == expr.name.name) return ResolveTypeIn(record, field.type);
      names.push_back(field.name.name);
    }
  } else if (object->kind == TypeKind::Enum && object->decl->kind == ast::DeclKind::Tier) {
    const auto& tier = object->decl->As<ast::TierDecl>();
    const Type* row = ResolveTypeIn(tier, tier.row_type);
    // A tier member reads the attributes of its row: `event.tier.rfc`.
    if (row->kind == TypeKind::Record) return CheckFieldOf(expr, row);
    return types_.Error();
  } else if (object->kind == TypeKind::Tally) {
    for (auto [name, kind] : TallyFields()) {
      if (expr.name.name == name) return kind == TypeKind::Int ? types_.Int() : types_.Bool();
      names.push_back(name);
    }
  } else {
    // `xs.length`: name the method that exists, written as a call.
    std::string hint;
    {
      const MethodInfo* method = FindMethod(object, expr.name.name);
      if (!method) method = MethodAlias(object, expr.name.name);
      if (method && (method->args == MethodArgs::None || method->LambdaOptional())) {
        hint = "; did you mean the method call `." + std::string(method->name) + "()`?";
      } else if (method) {
        hint = "; `" + std::string(method->name) + "` is a method: `." + std::string(method->name) + "(...)`";
      }
    }
    diags_.Report(DiagKind::UnknownField, expr.name.span, "a `" + object->Name() + "` has no fields" + hint);
    return types_.Error();
  }
  auto& diag = diags_.Report(DiagKind::UnknownField, expr.name.span,
                             "`" + object->Name() + "` has no field `" + expr.name.name + "`");
  diag.SuggestClosest(expr.name.span, expr.name.name, names);
  return types_.Error();
}

const Type* Checker::CheckRecordFields(const ast::RecordDecl& record, std::vector<ast::FieldInit>& fields, Span span,
                                       bool require_all) {
  std::map<std::string, Span> given;
  std::vector<std::string> names;
  for (const auto& field : record.fields) names.push_back(field.name.name);
  for (auto& init : fields) {
    auto [it, inserted] = given.emplace(init.name.name, init.name.span);
    if (!inserted) {
      diags_.Report(DiagKind::DuplicateField, init.name.span, "field `" + init.name.name + "` is given twice")
          .labels.push_back({it->second, "first given here"});
    }
    const ast::FieldDecl* decl = nullptr;
    for (const auto& field : record.fields) {
      if (field.name.name == init.name.name) decl = &field;
    }
    if (!decl) {
      auto& diag = diags_.Report(DiagKind::UnknownField, init.name.span,
                                 "`" + record.name.name + "` has no field `" + init.name.name + "`");
      diag.SuggestClosest(init.name.span, init.name.name, names);
      CheckExpr(*init.value);
      continue;
    }
    const Type* field_type = ResolveTypeIn(record, decl->type);
    const Type* actual = CheckExpr(*init.value, field_type);
    ExpectType(*init.value, actual, field_type, "field `" + init.name.name + "`");
  }
  if (require_all) {
    std::string missing;
    for (const auto& field : record.fields) {
      if (given.count(field.name.name) || field.type.optional) continue;
      missing += (missing.empty() ? "`" : ", `") + field.name.name + "`";
    }
    if (!missing.empty()) {
      diags_.Report(DiagKind::MissingField, span, "`" + record.name.name + "` is missing " + missing)
          .notes.push_back("only optional fields (`T?`) may be left out");
    }
  }
  return types_.Named(&record);
}

const Type* Checker::CheckRecordLit(ast::RecordLit& expr) {
  const ast::Decl* decl = LookupDecl(expr.type_name.name);
  if (!decl || (decl->kind != ast::DeclKind::Record && decl->kind != ast::DeclKind::Event)) {
    std::vector<std::string> records;
    for (const auto& [name, symbol] : globals_[file_->id]) {
      if (symbol.decl && (symbol.decl->kind == ast::DeclKind::Record || symbol.decl->kind == ast::DeclKind::Event)) {
        records.push_back(name);
      }
    }
    auto& diag = diags_.Report(DiagKind::UnknownType, expr.type_name.span,
                               "`" + expr.type_name.name + "` is not a record or event type");
    diag.SuggestClosest(expr.type_name.span, expr.type_name.name, records);
    for (auto& field : expr.fields) CheckExpr(*field.value);
    return types_.Error();
  }
  MarkUsed(decl);
  expr.decl = decl;
  return CheckRecordFields(decl->As<ast::RecordDecl>(), expr.fields, expr.type_name.span, true);
}

const Type* Checker::CheckList(ast::ListLit& expr, const Type* expected) {
  const Type* want = expected ? Unwrap(expected) : nullptr;
  bool as_set = want && want->kind == TypeKind::Set;
  const Type* element_hint = want && (want->kind == TypeKind::List || want->kind == TypeKind::Set) ? want->element : nullptr;
  if (expr.elements.empty()) {
    if (element_hint) return as_set ? types_.Set(element_hint) : types_.List(element_hint);
    diags_.Report(DiagKind::CannotInfer, expr.span, "cannot tell what `[]` holds here")
        .notes.push_back("give the binding a type, as in `let xs: list<string> = []`");
    return types_.Error();
  }
  const Type* element = nullptr;
  for (auto& item : expr.elements) {
    const Type* type = CheckExpr(*item, element_hint ? element_hint : element);
    if (type->IsError()) continue;
    if (!element) {
      element = type;
      continue;
    }
    const Type* joined = Join(element, type);
    if (!joined) {
      diags_.Report(DiagKind::TypeMismatch, item->span,
                    "list elements must share one type: `" + element->Name() + "` and `" + type->Name() + "`");
    } else {
      element = joined;
    }
  }
  if (!element) element = element_hint ? element_hint : types_.Error();
  if (element->IsError()) return types_.Error();
  return as_set ? types_.Set(element) : types_.List(element);
}

const Type* Checker::CheckMatch(ast::MatchExpr& expr, const Type* expected) {
  const Type* subject = CheckExpr(*expr.subject);
  const ast::Decl* enum_decl = nullptr;
  if (subject->kind == TypeKind::Enum) {
    enum_decl = subject->decl;
  } else if (!subject->IsError()) {
    diags_.Report(DiagKind::TypeMismatch, expr.subject->span,
                  "`match` works over enums; this is a `" + subject->Name() + "`" +
                      (subject->IsOptional() ? " (check it for none first)" : ""));
  }
  std::map<std::string, Span> covered;
  bool wildcard = false;
  const Type* result = nullptr;
  for (auto& arm : expr.arms) {
    for (const auto& pattern : arm.patterns) {
      if (pattern.name == "_") {
        wildcard = true;
        continue;
      }
      if (!enum_decl) continue;
      if (MemberIndex(enum_decl, pattern.name) < 0) {
        ReportUnknownMember(enum_decl, pattern, DiagKind::UnknownEnumMember);
        continue;
      }
      auto [it, inserted] = covered.emplace(pattern.name, pattern.span);
      if (!inserted) {
        diags_.Report(DiagKind::DuplicateMatchArm, pattern.span, "`" + pattern.name + "` is already matched")
            .labels.push_back({it->second, "matched here first"});
      }
    }
    const Type* value = CheckExpr(*arm.value, expected ? expected : result);
    if (value->IsError()) continue;
    if (!result) {
      result = value;
    } else if (const Type* joined = Join(result, value)) {
      result = joined;
    } else {
      diags_.Report(DiagKind::TypeMismatch, arm.value->span,
                    "match arms must share one type: `" + result->Name() + "` and `" + value->Name() + "`");
    }
  }
  if (enum_decl && wildcard && covered.size() == MemberNames(enum_decl).size()) {
    for (const auto& arm : expr.arms) {
      for (const auto& pattern : arm.patterns) {
        if (pattern.name == "_") {
          diags_.Report(DiagKind::UnreachableBand, pattern.span, "every member is already matched; `_` is never used");
        }
      }
    }
  }
  if (enum_decl && !wildcard) {
    std::string missing;
    for (const auto& name : MemberNames(enum_decl)) {
      if (!covered.count(name)) missing += (missing.empty() ? "" : ", ") + name;
    }
    if (!missing.empty()) {
      auto& diag = diags_.Report(DiagKind::NonExhaustiveMatch, expr.subject->span,
                                 "match over `" + enum_decl->name.name + "` does not cover " + missing);
      diag.notes.push_back("add an arm `" + missing + " => ...`, or `_ => ...` for the rest");
    }
  }
  return result ? result : types_.Error();
}

}  // namespace charter
