// One walk over every field of every node serves both directions: `Io(ar, x)`
// writes `x` when `ar` is a Writer and fills it when `ar` is a Reader, so the
// two cannot drift apart. A field the walk forgets is missing after a round
// trip, which the test of every .charter file of the repository catches.
#include "compiler/ast/serialize.h"

#include <cstdint>
#include <limits>
#include <type_traits>

#include "compiler/base/archive.h"

namespace charter::ast {
namespace {

// Deeper nesting than any parse makes; a damaged input cannot recurse without bound.
constexpr uint32_t kMaxDepth = 2048;

// The archive, plus the file every span of the tree belongs to.
class Writer : public archive::Writer {
 public:
  FileId id() const { return kNoFile; }
};

class Reader : public archive::Reader {
 public:
  Reader(std::string_view in, FileId id) : archive::Reader(in, kMaxDepth), id_(id) {}
  FileId id() const { return id_; }

 private:
  FileId id_;
};

// ------------------------------------------------------------------ scalars

template <typename Ar>
void Io(Ar& ar, bool& value) {
  uint64_t v = value ? 1 : 0;
  ar.U(v);
  if (v > 1) ar.Fail();
  if constexpr (Ar::kReading) value = v == 1;
}

template <typename Ar>
void Io(Ar& ar, int64_t& value) {
  // Zigzag: small negative numbers stay short.
  uint64_t v = (static_cast<uint64_t>(value) << 1) ^ static_cast<uint64_t>(value >> 63);
  ar.U(v);
  if constexpr (Ar::kReading) value = static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

template <typename Ar>
void Io(Ar& ar, int32_t& value) {
  int64_t v = value;
  Io(ar, v);
  if (v < std::numeric_limits<int32_t>::min() || v > std::numeric_limits<int32_t>::max()) ar.Fail();
  if constexpr (Ar::kReading) value = static_cast<int32_t>(v);
}

template <typename Ar>
void Io(Ar& ar, uint32_t& value) {
  uint64_t v = value;
  ar.U(v);
  if (v > std::numeric_limits<uint32_t>::max()) ar.Fail();
  if constexpr (Ar::kReading) value = static_cast<uint32_t>(v);
}

template <typename Ar>
void Io(Ar& ar, std::string& text) {
  ar.Bytes(text);
}

/// An enum whose values run from 0 to `last`.
template <typename Ar, typename E>
void IoEnum(Ar& ar, E& value, E last) {
  static_assert(std::is_enum_v<E>);
  uint64_t v = static_cast<uint64_t>(value);
  ar.U(v);
  if (v > static_cast<uint64_t>(last)) {
    ar.Fail();
    v = 0;
  }
  if constexpr (Ar::kReading) value = static_cast<E>(v);
}

template <typename Ar>
void Io(Ar& ar, Span& span) {
  bool has_file = span.file != kNoFile;
  Io(ar, has_file);
  Io(ar, span.offset);
  Io(ar, span.length);
  Io(ar, span.line);
  Io(ar, span.column);
  if constexpr (Ar::kReading) span.file = has_file ? ar.id() : kNoFile;
}

// ------------------------------------------------------------------ containers

template <typename Ar, typename T>
void Io(Ar& ar, std::vector<T>& items) {
  size_t count = ar.Count(items.size());
  if constexpr (Ar::kReading) items.resize(count);
  for (T& item : items) {
    if (!ar.ok()) return;
    Io(ar, item);
  }
}

template <typename Ar, typename T>
void Io(Ar& ar, std::optional<T>& item) {
  bool present = item.has_value();
  Io(ar, present);
  if constexpr (Ar::kReading) {
    item.reset();
    if (present && ar.ok()) item.emplace();
  }
  if (item) Io(ar, *item);
}

template <typename Ar, typename A, typename B>
void Io(Ar& ar, std::pair<A, B>& pair) {
  Io(ar, pair.first);
  Io(ar, pair.second);
}

// ------------------------------------------------------------------ small structs

template <typename Ar>
void Io(Ar& ar, Ident& ident) {
  Io(ar, ident.name);
  Io(ar, ident.span);
}

template <typename Ar>
void Io(Ar& ar, TypeRef& type) {
  if (!ar.Enter()) return;
  Io(ar, type.name);
  Io(ar, type.args);
  Io(ar, type.optional);
  Io(ar, type.span);
  ar.Leave();
}

template <typename Ar>
void Io(Ar& ar, ExprPtr& expr);
template <typename Ar>
void Io(Ar& ar, StmtPtr& stmt);

template <typename Ar>
void Io(Ar& ar, StringPart& part) {
  Io(ar, part.text);
  Io(ar, part.expr);
}

template <typename Ar>
void Io(Ar& ar, FieldInit& field) {
  Io(ar, field.name);
  Io(ar, field.value);
}

template <typename Ar>
void Io(Ar& ar, MatchArm& arm) {
  Io(ar, arm.patterns);
  Io(ar, arm.value);
  Io(ar, arm.span);
}

template <typename Ar>
void Io(Ar& ar, Reason& reason) {
  Io(ar, reason.code);
  Io(ar, reason.code_span);
  Io(ar, reason.message);
}

template <typename Ar>
void Io(Ar& ar, WhenBranch& branch) {
  Io(ar, branch.cond);
  Io(ar, branch.body);
}

template <typename Ar>
void Io(Ar& ar, EnumMember& member) {
  Io(ar, member.name);
  Io(ar, member.label);
  Io(ar, member.doc);
}

template <typename Ar>
void Io(Ar& ar, FieldDecl& field) {
  Io(ar, field.name);
  Io(ar, field.type);
  Io(ar, field.doc);
}

template <typename Ar>
void Io(Ar& ar, Param& param) {
  Io(ar, param.name);
  Io(ar, param.type);
}

template <typename Ar>
void Io(Ar& ar, TierRow& row) {
  Io(ar, row.member);
  Io(ar, row.label);
  Io(ar, row.fields);
  Io(ar, row.span);
}

template <typename Ar>
void Io(Ar& ar, QuorumClause& clause) {
  Io(ar, clause.total);
  Io(ar, clause.count);
  Io(ar, clause.role);
  Io(ar, clause.span);
}

template <typename Ar>
void Io(Ar& ar, VoteCategory& category) {
  Io(ar, category.category);
  Io(ar, category.members);
}

template <typename Ar>
void Io(Ar& ar, BandBound& bound) {
  IoEnum(ar, bound.op, BoundOp::Ge);
  Io(ar, bound.value);
  Io(ar, bound.span);
}

template <typename Ar>
void Io(Ar& ar, Band& band) {
  Io(ar, band.is_else);
  Io(ar, band.bounds);
  Io(ar, band.result);
  Io(ar, band.span);
}

template <typename Ar>
void Io(Ar& ar, Expectation& expect) {
  IoEnum(ar, expect.kind, ExpectKind::Value);
  Io(ar, expect.codes);
  Io(ar, expect.value_name);
  Io(ar, expect.value);
  Io(ar, expect.span);
}

template <typename Ar>
void Io(Ar& ar, Import& import) {
  Io(ar, import.path);
  Io(ar, import.alias);
  Io(ar, import.span);
}

// ------------------------------------------------------------------ expressions

constexpr ExprKind kLastExprKind = [] {
  ExprKind last = ExprKind::Error;
#define AST_EXPR(name) last = ExprKind::name;
#include "compiler/ast/expr_kinds.def"
#undef AST_EXPR
  return last;
}();

ExprPtr NewExpr(ExprKind kind, Span span) {
  switch (kind) {
    case ExprKind::Error: return std::make_unique<ErrorExpr>(span);
    case ExprKind::Int: return std::make_unique<IntLit>(span, 0);
    case ExprKind::Decimal:
    case ExprKind::Percent: return std::make_unique<DecimalLit>(kind, span, 0, 0);
    case ExprKind::String: return std::make_unique<StringLit>(span, false);
    case ExprKind::Date: return std::make_unique<DateLit>(span, 0);
    case ExprKind::Timestamp: return std::make_unique<TimestampLit>(span, 0);
    case ExprKind::Bool: return std::make_unique<BoolLit>(span, false);
    case ExprKind::None: return std::make_unique<NoneLit>(span);
    case ExprKind::Duration: return std::make_unique<DurationLit>(span, 0, DurationUnit::Seconds);
    case ExprKind::Fraction: return std::make_unique<FractionOf>(span, 0, 0, nullptr);
    case ExprKind::List: return std::make_unique<ListLit>(span);
    case ExprKind::Record: return std::make_unique<RecordLit>(span);
    case ExprKind::Name: return std::make_unique<NameExpr>(span, Ident{});
    case ExprKind::Lambda: return std::make_unique<LambdaExpr>(span, Ident{}, nullptr);
    case ExprKind::Call: return std::make_unique<CallExpr>(span);
    case ExprKind::Member: return std::make_unique<MemberExpr>(span);
    case ExprKind::With: return std::make_unique<WithExpr>(span);
    case ExprKind::Index: return std::make_unique<IndexExpr>(span);
    case ExprKind::Slice: return std::make_unique<SliceExpr>(span);
    case ExprKind::Unary: return std::make_unique<UnaryExpr>(span, UnaryOp::Not, nullptr);
    case ExprKind::Binary: return std::make_unique<BinaryExpr>(span, BinaryOp::Or, nullptr, nullptr);
    case ExprKind::Match: return std::make_unique<MatchExpr>(span);
    case ExprKind::If: return std::make_unique<IfExpr>(span);
  }
  return std::make_unique<ErrorExpr>(span);
}

template <typename Ar>
void ExprFields(Ar& ar, Expr& expr) {
  switch (expr.kind) {
    case ExprKind::Error:
    case ExprKind::None: return;
    case ExprKind::Int: return Io(ar, expr.As<IntLit>().value);
    case ExprKind::Decimal:
    case ExprKind::Percent: {
      auto& lit = expr.As<DecimalLit>();
      Io(ar, lit.mantissa);
      return Io(ar, lit.scale);
    }
    case ExprKind::String: {
      auto& lit = expr.As<StringLit>();
      Io(ar, lit.parts);
      return Io(ar, lit.raw);
    }
    case ExprKind::Date: return Io(ar, expr.As<DateLit>().days);
    case ExprKind::Timestamp: return Io(ar, expr.As<TimestampLit>().micros);
    case ExprKind::Bool: return Io(ar, expr.As<BoolLit>().value);
    case ExprKind::Duration: {
      auto& lit = expr.As<DurationLit>();
      Io(ar, lit.amount);
      return IoEnum(ar, lit.unit, DurationUnit::BusinessDays);
    }
    case ExprKind::Fraction: {
      auto& lit = expr.As<FractionOf>();
      Io(ar, lit.num);
      Io(ar, lit.den);
      return Io(ar, lit.whole);
    }
    case ExprKind::List: return Io(ar, expr.As<ListLit>().elements);
    case ExprKind::Record: {
      auto& lit = expr.As<RecordLit>();
      Io(ar, lit.type_name);
      return Io(ar, lit.fields);
    }
    case ExprKind::Name: return Io(ar, expr.As<NameExpr>().name);
    case ExprKind::Lambda: {
      auto& lambda = expr.As<LambdaExpr>();
      Io(ar, lambda.param);
      return Io(ar, lambda.body);
    }
    case ExprKind::Call: {
      auto& call = expr.As<CallExpr>();
      Io(ar, call.callee);
      return Io(ar, call.args);
    }
    case ExprKind::Member: {
      auto& member = expr.As<MemberExpr>();
      Io(ar, member.object);
      Io(ar, member.name);
      Io(ar, member.is_call);
      Io(ar, member.optional_chain);
      return Io(ar, member.args);
    }
    case ExprKind::Index: {
      auto& index = expr.As<IndexExpr>();
      Io(ar, index.object);
      return Io(ar, index.index);
    }
    case ExprKind::Slice: {
      auto& slice = expr.As<SliceExpr>();
      Io(ar, slice.object);
      Io(ar, slice.lo);
      return Io(ar, slice.hi);
    }
    case ExprKind::With: {
      auto& with = expr.As<WithExpr>();
      Io(ar, with.base);
      return Io(ar, with.fields);
    }
    case ExprKind::Unary: {
      auto& unary = expr.As<UnaryExpr>();
      IoEnum(ar, unary.op, UnaryOp::Neg);
      return Io(ar, unary.operand);
    }
    case ExprKind::Binary: {
      auto& binary = expr.As<BinaryExpr>();
      IoEnum(ar, binary.op, BinaryOp::Default);
      Io(ar, binary.op_span);
      Io(ar, binary.lhs);
      return Io(ar, binary.rhs);
    }
    case ExprKind::Match: {
      auto& match = expr.As<MatchExpr>();
      Io(ar, match.subject);
      return Io(ar, match.arms);
    }
    case ExprKind::If: {
      auto& branch = expr.As<IfExpr>();
      Io(ar, branch.cond);
      Io(ar, branch.then_value);
      return Io(ar, branch.else_value);
    }
  }
}

template <typename Ar>
void Io(Ar& ar, ExprPtr& expr) {
  bool present = expr != nullptr;
  Io(ar, present);
  if (!present || !ar.ok() || !ar.Enter()) return;
  ExprKind kind = expr ? expr->kind : ExprKind::Error;
  Span span = expr ? expr->span : Span{};
  IoEnum(ar, kind, kLastExprKind);
  Io(ar, span);
  if constexpr (Ar::kReading) expr = NewExpr(kind, span);
  if (ar.ok()) ExprFields(ar, *expr);
  ar.Leave();
}

// ------------------------------------------------------------------ statements

template <typename Ar>
void LetFields(Ar& ar, LetStmt& let) {
  Io(ar, let.name);
  Io(ar, let.type);
  Io(ar, let.value);
}

StmtPtr NewStmt(StmtKind kind, Span span) {
  switch (kind) {
    case StmtKind::Let: return std::make_unique<LetStmt>(span);
    case StmtKind::Require:
    case StmtKind::Deny:
    case StmtKind::Warn:
    case StmtKind::Oblige: return std::make_unique<ReasonStmt>(kind, span);
    case StmtKind::Value: return std::make_unique<ValueStmt>(span);
    case StmtKind::When: return std::make_unique<WhenStmt>(span);
    case StmtKind::Veto: return std::make_unique<VetoStmt>(span);
  }
  return nullptr;
}

template <typename Ar>
void StmtFields(Ar& ar, Stmt& stmt) {
  switch (stmt.kind) {
    case StmtKind::Let: return LetFields(ar, stmt.As<LetStmt>());
    case StmtKind::Require:
    case StmtKind::Deny:
    case StmtKind::Warn:
    case StmtKind::Oblige: {
      auto& reason = stmt.As<ReasonStmt>();
      Io(ar, reason.cond);
      return Io(ar, reason.reason);
    }
    case StmtKind::Value: {
      auto& value = stmt.As<ValueStmt>();
      Io(ar, value.name);
      return Io(ar, value.value);
    }
    case StmtKind::When: {
      auto& when = stmt.As<WhenStmt>();
      Io(ar, when.branches);
      return Io(ar, when.otherwise);
    }
    case StmtKind::Veto: {
      auto& veto = stmt.As<VetoStmt>();
      Io(ar, veto.binder);
      Io(ar, veto.list);
      Io(ar, veto.where);
      Io(ar, veto.valid);
      Io(ar, veto.invalid_warning);
      Io(ar, veto.overridden);
      Io(ar, veto.deny);
      Io(ar, veto.valid_spans);
      Io(ar, veto.override_spans);
      return Io(ar, veto.deny_spans);
    }
  }
}

template <typename Ar>
void Io(Ar& ar, StmtPtr& stmt) {
  bool present = stmt != nullptr;
  Io(ar, present);
  if (!present || !ar.ok() || !ar.Enter()) return;
  StmtKind kind = stmt ? stmt->kind : StmtKind::Let;
  Span span = stmt ? stmt->span : Span{};
  IoEnum(ar, kind, StmtKind::Veto);
  Io(ar, span);
  if constexpr (Ar::kReading) stmt = NewStmt(kind, span);
  if (ar.ok()) StmtFields(ar, *stmt);
  ar.Leave();
}

// A function's `let`s are LetStmts held as such, not as statements.
template <typename Ar>
void Io(Ar& ar, std::unique_ptr<LetStmt>& let) {
  bool present = let != nullptr;
  Io(ar, present);
  if (!present || !ar.ok()) return;
  Span span = let ? let->span : Span{};
  Io(ar, span);
  if constexpr (Ar::kReading) let = std::make_unique<LetStmt>(span);
  if (ar.ok()) LetFields(ar, *let);
}

// ------------------------------------------------------------------ declarations

DeclPtr NewDecl(DeclKind kind, Span span) {
  switch (kind) {
    case DeclKind::Enum: return std::make_unique<EnumDecl>(span);
    case DeclKind::Record: return std::make_unique<RecordDecl>(span);
    case DeclKind::Event: return std::make_unique<EventDecl>(span);
    case DeclKind::Const: return std::make_unique<ConstDecl>(span);
    case DeclKind::Fn:
    case DeclKind::ExternFn: return std::make_unique<FnDecl>(span, kind);
    case DeclKind::Tier: return std::make_unique<TierDecl>(span);
    case DeclKind::Quorum: return std::make_unique<QuorumDecl>(span);
    case DeclKind::Vote: return std::make_unique<VoteDecl>(span);
    case DeclKind::Threshold: return std::make_unique<ThresholdDecl>(span);
    case DeclKind::Rule: return std::make_unique<RuleDecl>(span);
    case DeclKind::Test: return std::make_unique<TestDecl>(span);
  }
  return nullptr;
}

template <typename Ar>
void DeclFields(Ar& ar, Decl& decl) {
  switch (decl.kind) {
    case DeclKind::Enum: return Io(ar, decl.As<EnumDecl>().members);
    case DeclKind::Record: return Io(ar, decl.As<RecordDecl>().fields);
    case DeclKind::Event: {
      auto& event = decl.As<EventDecl>();
      Io(ar, event.fields);
      Io(ar, event.json_kind);
      return Io(ar, event.json_kind_span);
    }
    case DeclKind::Const: {
      auto& constant = decl.As<ConstDecl>();
      Io(ar, constant.type);
      return Io(ar, constant.value);
    }
    case DeclKind::Fn:
    case DeclKind::ExternFn: {
      auto& fn = decl.As<FnDecl>();
      Io(ar, fn.params);
      Io(ar, fn.result);
      Io(ar, fn.lets);
      return Io(ar, fn.body);
    }
    case DeclKind::Tier: {
      auto& tier = decl.As<TierDecl>();
      Io(ar, tier.row_type);
      return Io(ar, tier.rows);
    }
    case DeclKind::Quorum: {
      auto& quorum = decl.As<QuorumDecl>();
      Io(ar, quorum.ballot_type);
      Io(ar, quorum.role_field);
      return Io(ar, quorum.clauses);
    }
    case DeclKind::Vote: {
      auto& vote = decl.As<VoteDecl>();
      Io(ar, vote.ballot_type);
      Io(ar, vote.choice_field);
      Io(ar, vote.role_field);
      Io(ar, vote.categories);
      Io(ar, vote.pass);
      Io(ar, vote.pass_span);
      Io(ar, vote.tie);
      Io(ar, vote.tie_role);
      Io(ar, vote.protected_roles);
      return Io(ar, vote.tabled);
    }
    case DeclKind::Threshold: {
      auto& threshold = decl.As<ThresholdDecl>();
      Io(ar, threshold.param);
      Io(ar, threshold.domain_low);
      Io(ar, threshold.domain_high);
      Io(ar, threshold.result);
      return Io(ar, threshold.bands);
    }
    case DeclKind::Rule: {
      auto& rule = decl.As<RuleDecl>();
      Io(ar, rule.event);
      Io(ar, rule.when);
      return Io(ar, rule.body);
    }
    case DeclKind::Test: {
      auto& test = decl.As<TestDecl>();
      Io(ar, test.title);
      Io(ar, test.given);
      return Io(ar, test.expectations);
    }
  }
}

template <typename Ar>
void Io(Ar& ar, DeclPtr& decl) {
  bool present = decl != nullptr;
  Io(ar, present);
  if (!present || !ar.ok()) return;
  DeclKind kind = decl ? decl->kind : DeclKind::Enum;
  Span span = decl ? decl->span : Span{};
  IoEnum(ar, kind, DeclKind::Test);
  Io(ar, span);
  if constexpr (Ar::kReading) {
    decl = NewDecl(kind, span);
    decl->file = ar.id();
  }
  if (!ar.ok()) return;
  Io(ar, decl->name);
  Io(ar, decl->doc);
  DeclFields(ar, *decl);
}

template <typename Ar>
void Io(Ar& ar, File& file) {
  IoEnum(ar, file.role, FileRole::Module);
  Io(ar, file.name);
  Io(ar, file.header_span);
  Io(ar, file.imports);
  Io(ar, file.decls);
}

}  // namespace

std::string SerializeFile(const File& file) {
  Writer writer;
  // The writer only reads the tree: the walk is shared with the reader, which fills it.
  Io(writer, const_cast<File&>(file));
  return writer.Take();
}

std::unique_ptr<File> DeserializeFile(std::string_view bytes, FileId id) {
  Reader reader(bytes, id);
  auto file = std::make_unique<File>();
  Io(reader, *file);
  if (!reader.ok() || !reader.AtEnd()) return nullptr;
  file->id = id;
  return file;
}

}  // namespace charter::ast
