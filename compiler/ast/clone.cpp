// One Cloner walks every node kind; a field it forgot would be missing from
// every reused declaration, so the parse-cache tests compare whole trees.
#include "compiler/ast/clone.h"

namespace charter::ast {
namespace {

class Cloner {
 public:
  explicit Cloner(const SpanMap& map) : map_(map) {}

  Span S(const Span& span) const { return span.valid() ? map_(span) : span; }
  Ident I(const Ident& ident) const { return Ident{ident.name, S(ident.span)}; }
  std::vector<Ident> Is(const std::vector<Ident>& idents) const {
    std::vector<Ident> out;
    out.reserve(idents.size());
    for (const Ident& ident : idents) out.push_back(I(ident));
    return out;
  }
  std::optional<Ident> I(const std::optional<Ident>& ident) const {
    return ident ? std::optional<Ident>(I(*ident)) : std::nullopt;
  }

  TypeRef T(const TypeRef& type) const {
    TypeRef out{I(type.name), {}, type.optional, S(type.span)};
    for (const TypeRef& arg : type.args) out.args.push_back(T(arg));
    return out;
  }
  std::optional<TypeRef> T(const std::optional<TypeRef>& type) const {
    return type ? std::optional<TypeRef>(T(*type)) : std::nullopt;
  }
  Param P(const Param& param) const { return Param{I(param.name), T(param.type)}; }

  std::vector<FieldInit> Fields(const std::vector<FieldInit>& fields) const {
    std::vector<FieldInit> out;
    out.reserve(fields.size());
    for (const FieldInit& field : fields) out.push_back(FieldInit{I(field.name), E(field.value)});
    return out;
  }
  std::vector<ExprPtr> Es(const std::vector<ExprPtr>& exprs) const {
    std::vector<ExprPtr> out;
    out.reserve(exprs.size());
    for (const ExprPtr& expr : exprs) out.push_back(E(expr));
    return out;
  }

  ExprPtr E(const ExprPtr& expr) const { return expr ? E(*expr) : nullptr; }
  ExprPtr E(const Expr& expr) const;

  Reason R(const Reason& reason) const { return Reason{reason.code, S(reason.code_span), E(reason.message)}; }
  std::optional<Reason> R(const std::optional<Reason>& reason) const {
    return reason ? std::optional<Reason>(R(*reason)) : std::nullopt;
  }
  std::vector<Span> Ss(const std::vector<Span>& spans) const {
    std::vector<Span> out;
    out.reserve(spans.size());
    for (const Span& span : spans) out.push_back(S(span));
    return out;
  }

  Block B(const Block& block) const {
    Block out;
    out.reserve(block.size());
    for (const StmtPtr& stmt : block) out.push_back(St(*stmt));
    return out;
  }
  std::unique_ptr<LetStmt> Let(const LetStmt& let) const {
    auto out = std::make_unique<LetStmt>(S(let.span));
    out->name = I(let.name);
    out->type = T(let.type);
    out->value = E(let.value);
    return out;
  }
  StmtPtr St(const Stmt& stmt) const;

  DeclPtr D(const Decl& decl) const;

 private:
  const SpanMap& map_;
};

ExprPtr Cloner::E(const Expr& expr) const {
  Span span = S(expr.span);
  switch (expr.kind) {
    case ExprKind::Error:
      return std::make_unique<ErrorExpr>(span);
    case ExprKind::Int:
      return std::make_unique<IntLit>(span, expr.As<IntLit>().value);
    case ExprKind::Decimal:
    case ExprKind::Percent: {
      const auto& lit = expr.As<DecimalLit>();
      return std::make_unique<DecimalLit>(expr.kind, span, lit.mantissa, lit.scale);
    }
    case ExprKind::String: {
      const auto& lit = expr.As<StringLit>();
      auto out = std::make_unique<StringLit>(span, lit.raw);
      for (const StringPart& part : lit.parts) out->parts.push_back(StringPart{part.text, E(part.expr)});
      return out;
    }
    case ExprKind::Date:
      return std::make_unique<DateLit>(span, expr.As<DateLit>().days);
    case ExprKind::Timestamp:
      return std::make_unique<TimestampLit>(span, expr.As<TimestampLit>().micros);
    case ExprKind::Bool:
      return std::make_unique<BoolLit>(span, expr.As<BoolLit>().value);
    case ExprKind::None:
      return std::make_unique<NoneLit>(span);
    case ExprKind::Duration: {
      const auto& lit = expr.As<DurationLit>();
      return std::make_unique<DurationLit>(span, lit.amount, lit.unit);
    }
    case ExprKind::Fraction: {
      const auto& lit = expr.As<FractionOf>();
      return std::make_unique<FractionOf>(span, lit.num, lit.den, E(lit.whole));
    }
    case ExprKind::List: {
      auto out = std::make_unique<ListLit>(span);
      out->elements = Es(expr.As<ListLit>().elements);
      return out;
    }
    case ExprKind::Record: {
      const auto& lit = expr.As<RecordLit>();
      auto out = std::make_unique<RecordLit>(span);
      out->type_name = I(lit.type_name);
      out->fields = Fields(lit.fields);
      return out;
    }
    case ExprKind::Name:
      return std::make_unique<NameExpr>(span, I(expr.As<NameExpr>().name));
    case ExprKind::Lambda: {
      const auto& lambda = expr.As<LambdaExpr>();
      return std::make_unique<LambdaExpr>(span, I(lambda.param), E(lambda.body));
    }
    case ExprKind::Call: {
      const auto& call = expr.As<CallExpr>();
      auto out = std::make_unique<CallExpr>(span);
      out->callee = I(call.callee);
      out->args = Es(call.args);
      return out;
    }
    case ExprKind::Member: {
      const auto& member = expr.As<MemberExpr>();
      auto out = std::make_unique<MemberExpr>(span);
      out->object = E(member.object);
      out->name = I(member.name);
      out->is_call = member.is_call;
      out->optional_chain = member.optional_chain;
      out->args = Es(member.args);
      return out;
    }
    case ExprKind::Index: {
      const auto& index = expr.As<IndexExpr>();
      auto out = std::make_unique<IndexExpr>(span);
      out->object = E(index.object);
      out->index = E(index.index);
      return out;
    }
    case ExprKind::Slice: {
      const auto& slice = expr.As<SliceExpr>();
      auto out = std::make_unique<SliceExpr>(span);
      out->object = E(slice.object);
      out->lo = E(slice.lo);
      out->hi = E(slice.hi);
      return out;
    }
    case ExprKind::With: {
      const auto& with = expr.As<WithExpr>();
      auto out = std::make_unique<WithExpr>(span);
      out->base = E(with.base);
      out->fields = Fields(with.fields);
      return out;
    }
    case ExprKind::Unary: {
      const auto& unary = expr.As<UnaryExpr>();
      return std::make_unique<UnaryExpr>(span, unary.op, E(unary.operand));
    }
    case ExprKind::Binary: {
      const auto& binary = expr.As<BinaryExpr>();
      auto out = std::make_unique<BinaryExpr>(span, binary.op, E(binary.lhs), E(binary.rhs));
      out->op_span = S(binary.op_span);
      return out;
    }
    case ExprKind::Match: {
      const auto& match = expr.As<MatchExpr>();
      auto out = std::make_unique<MatchExpr>(span);
      out->subject = E(match.subject);
      for (const MatchArm& arm : match.arms) out->arms.push_back(MatchArm{Is(arm.patterns), E(arm.value), S(arm.span)});
      return out;
    }
    case ExprKind::If: {
      const auto& branch = expr.As<IfExpr>();
      auto out = std::make_unique<IfExpr>(span);
      out->cond = E(branch.cond);
      out->then_value = E(branch.then_value);
      out->else_value = E(branch.else_value);
      return out;
    }
  }
  return std::make_unique<ErrorExpr>(span);
}

StmtPtr Cloner::St(const Stmt& stmt) const {
  Span span = S(stmt.span);
  switch (stmt.kind) {
    case StmtKind::Let:
      return Let(stmt.As<LetStmt>());
    case StmtKind::Require:
    case StmtKind::Deny:
    case StmtKind::Warn:
    case StmtKind::Oblige: {
      const auto& reason = stmt.As<ReasonStmt>();
      auto out = std::make_unique<ReasonStmt>(stmt.kind, span);
      out->cond = E(reason.cond);
      out->reason = R(reason.reason);
      return out;
    }
    case StmtKind::Value: {
      const auto& value = stmt.As<ValueStmt>();
      auto out = std::make_unique<ValueStmt>(span);
      out->name = I(value.name);
      out->value = E(value.value);
      return out;
    }
    case StmtKind::When: {
      const auto& when = stmt.As<WhenStmt>();
      auto out = std::make_unique<WhenStmt>(span);
      for (const WhenBranch& branch : when.branches) out->branches.push_back(WhenBranch{E(branch.cond), B(branch.body)});
      if (when.otherwise) out->otherwise = B(*when.otherwise);
      return out;
    }
    case StmtKind::Veto: {
      const auto& veto = stmt.As<VetoStmt>();
      auto out = std::make_unique<VetoStmt>(span);
      out->binder = I(veto.binder);
      out->list = E(veto.list);
      out->where = E(veto.where);
      out->valid = E(veto.valid);
      out->invalid_warning = R(veto.invalid_warning);
      out->overridden = E(veto.overridden);
      out->deny = R(veto.deny);
      out->valid_spans = Ss(veto.valid_spans);
      out->override_spans = Ss(veto.override_spans);
      out->deny_spans = Ss(veto.deny_spans);
      return out;
    }
  }
  return nullptr;
}

DeclPtr Cloner::D(const Decl& decl) const {
  Span span = S(decl.span);
  DeclPtr out;
  switch (decl.kind) {
    case DeclKind::Enum: {
      auto copy = std::make_unique<EnumDecl>(span);
      for (const EnumMember& member : decl.As<EnumDecl>().members) {
        copy->members.push_back(EnumMember{I(member.name), member.label, member.doc});
      }
      out = std::move(copy);
      break;
    }
    case DeclKind::Record:
    case DeclKind::Event: {
      const auto& record = decl.As<RecordDecl>();
      std::unique_ptr<RecordDecl> copy;
      if (decl.kind == DeclKind::Event) {
        auto event = std::make_unique<EventDecl>(span);
        event->json_kind = decl.As<EventDecl>().json_kind;
        event->json_kind_span = S(decl.As<EventDecl>().json_kind_span);
        copy = std::move(event);
      } else {
        copy = std::make_unique<RecordDecl>(span);
      }
      for (const FieldDecl& field : record.fields) copy->fields.push_back(FieldDecl{I(field.name), T(field.type), field.doc});
      out = std::move(copy);
      break;
    }
    case DeclKind::Const: {
      const auto& constant = decl.As<ConstDecl>();
      auto copy = std::make_unique<ConstDecl>(span);
      copy->type = T(constant.type);
      copy->value = E(constant.value);
      out = std::move(copy);
      break;
    }
    case DeclKind::Fn:
    case DeclKind::ExternFn: {
      const auto& fn = decl.As<FnDecl>();
      auto copy = std::make_unique<FnDecl>(span, decl.kind);
      for (const Param& param : fn.params) copy->params.push_back(P(param));
      copy->result = T(fn.result);
      for (const auto& let : fn.lets) copy->lets.push_back(Let(*let));
      copy->body = E(fn.body);
      out = std::move(copy);
      break;
    }
    case DeclKind::Tier: {
      const auto& tier = decl.As<TierDecl>();
      auto copy = std::make_unique<TierDecl>(span);
      copy->row_type = T(tier.row_type);
      for (const TierRow& row : tier.rows) copy->rows.push_back(TierRow{I(row.member), row.label, Fields(row.fields), S(row.span)});
      out = std::move(copy);
      break;
    }
    case DeclKind::Quorum: {
      const auto& quorum = decl.As<QuorumDecl>();
      auto copy = std::make_unique<QuorumDecl>(span);
      copy->ballot_type = T(quorum.ballot_type);
      copy->role_field = I(quorum.role_field);
      for (const QuorumClause& clause : quorum.clauses) {
        copy->clauses.push_back(QuorumClause{clause.total, E(clause.count), I(clause.role), S(clause.span)});
      }
      out = std::move(copy);
      break;
    }
    case DeclKind::Vote: {
      const auto& vote = decl.As<VoteDecl>();
      auto copy = std::make_unique<VoteDecl>(span);
      copy->ballot_type = T(vote.ballot_type);
      copy->choice_field = I(vote.choice_field);
      copy->role_field = I(vote.role_field);
      for (const VoteCategory& category : vote.categories) {
        copy->categories.push_back(VoteCategory{I(category.category), Is(category.members)});
      }
      copy->pass = E(vote.pass);
      copy->pass_span = S(vote.pass_span);
      copy->tie = E(vote.tie);
      copy->tie_role = I(vote.tie_role);
      copy->protected_roles = Is(vote.protected_roles);
      copy->tabled = E(vote.tabled);
      out = std::move(copy);
      break;
    }
    case DeclKind::Threshold: {
      const auto& threshold = decl.As<ThresholdDecl>();
      auto copy = std::make_unique<ThresholdDecl>(span);
      copy->param = P(threshold.param);
      copy->domain_low = E(threshold.domain_low);
      copy->domain_high = E(threshold.domain_high);
      copy->result = T(threshold.result);
      for (const Band& band : threshold.bands) {
        Band copied{band.is_else, {}, E(band.result), S(band.span)};
        for (const BandBound& bound : band.bounds) copied.bounds.push_back(BandBound{bound.op, E(bound.value), S(bound.span)});
        copy->bands.push_back(std::move(copied));
      }
      out = std::move(copy);
      break;
    }
    case DeclKind::Rule: {
      const auto& rule = decl.As<RuleDecl>();
      auto copy = std::make_unique<RuleDecl>(span);
      copy->event = I(rule.event);
      copy->when = E(rule.when);
      copy->body = B(rule.body);
      out = std::move(copy);
      break;
    }
    case DeclKind::Test: {
      const auto& test = decl.As<TestDecl>();
      auto copy = std::make_unique<TestDecl>(span);
      copy->title = test.title;
      copy->given = E(test.given);
      for (const Expectation& expect : test.expectations) {
        Expectation copied{expect.kind, {}, I(expect.value_name), E(expect.value), S(expect.span)};
        for (const auto& [code, code_span] : expect.codes) copied.codes.emplace_back(code, S(code_span));
        copy->expectations.push_back(std::move(copied));
      }
      out = std::move(copy);
      break;
    }
  }
  out->name = I(decl.name);
  out->doc = decl.doc;
  out->file = decl.file;
  return out;
}

}  // namespace

DeclPtr CloneDecl(const Decl& decl, const SpanMap& map) { return Cloner(map).D(decl); }

Import CloneImport(const Import& import, const SpanMap& map) {
  Cloner cloner(map);
  return Import{cloner.Is(import.path), cloner.I(import.alias), cloner.S(import.span)};
}

Ident CloneIdent(const Ident& ident, const SpanMap& map) { return Cloner(map).I(ident); }

}  // namespace charter::ast
