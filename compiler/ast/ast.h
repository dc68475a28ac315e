// Charter's abstract syntax tree. Built by compiler/parse from the ANTLR parse
// tree; every node carries its source span. The checker annotates expressions
// with their type (`Expr::type`) and names with what they resolve to.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/base/source.h"

namespace charter {
struct Type;
}

namespace charter::ast {

struct Decl;

struct Ident {
  std::string name;
  Span span;
};

/// `int`, `list<Ballot>`, `Rfc?`.
struct TypeRef {
  Ident name;
  std::vector<TypeRef> args;
  bool optional = false;
  Span span;
};
/// The type as written: `list<Ballot>?`.
std::string TypeRefText(const TypeRef& type);

// ------------------------------------------------------------------ expressions

enum class ExprKind {
#define AST_EXPR(name) name,
#include "compiler/ast/expr_kinds.def"
#undef AST_EXPR
};
const char* ExprKindName(ExprKind kind);

struct Expr {
  explicit Expr(ExprKind k, Span s) : kind(k), span(s) {}
  virtual ~Expr() = default;
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;

  template <typename T>
  T& As() {
    return static_cast<T&>(*this);
  }
  template <typename T>
  const T& As() const {
    return static_cast<const T&>(*this);
  }

  const ExprKind kind;
  Span span;
  /// Set by the checker; the error type when checking failed.
  const Type* type = nullptr;
};
using ExprPtr = std::unique_ptr<Expr>;

/// Placeholder for text that did not parse; the checker skips it silently.
struct ErrorExpr : Expr {
  explicit ErrorExpr(Span s) : Expr(ExprKind::Error, s) {}
};

struct IntLit : Expr {
  IntLit(Span s, int64_t v) : Expr(ExprKind::Int, s), value(v) {}
  int64_t value;
};

/// Decimal and percent literals keep their exact value as mantissa × 10^-scale.
struct DecimalLit : Expr {
  DecimalLit(ExprKind k, Span s, int64_t m, int32_t sc) : Expr(k, s), mantissa(m), scale(sc) {}
  int64_t mantissa;
  int32_t scale;
};

struct StringPart {
  std::string text;  // literal text (escapes resolved) when `expr` is null
  ExprPtr expr;      // an interpolated `{expr}`
};
struct StringLit : Expr {
  StringLit(Span s, bool is_raw) : Expr(ExprKind::String, s), raw(is_raw) {}
  std::vector<StringPart> parts;
  bool raw;
  /// The whole literal when it has no interpolation.
  std::optional<std::string> Constant() const;
};

/// Dates are days since 1970-01-01; timestamps are microseconds since the epoch (UTC).
struct DateLit : Expr {
  DateLit(Span s, int32_t d) : Expr(ExprKind::Date, s), days(d) {}
  int32_t days;
};
struct TimestampLit : Expr {
  TimestampLit(Span s, int64_t us) : Expr(ExprKind::Timestamp, s), micros(us) {}
  int64_t micros;
};

struct BoolLit : Expr {
  BoolLit(Span s, bool v) : Expr(ExprKind::Bool, s), value(v) {}
  bool value;
};

struct NoneLit : Expr {
  explicit NoneLit(Span s) : Expr(ExprKind::None, s) {}
};

enum class DurationUnit { Seconds, Minutes, Hours, Days, Weeks, BusinessDays };
struct DurationLit : Expr {
  DurationLit(Span s, int64_t a, DurationUnit u) : Expr(ExprKind::Duration, s), amount(a), unit(u) {}
  int64_t amount;
  DurationUnit unit;
};

/// `4/5 of cast`.
struct FractionOf : Expr {
  FractionOf(Span s, int64_t n, int64_t d, ExprPtr w) : Expr(ExprKind::Fraction, s), num(n), den(d), whole(std::move(w)) {}
  int64_t num;
  int64_t den;
  ExprPtr whole;
};

struct ListLit : Expr {
  explicit ListLit(Span s) : Expr(ExprKind::List, s) {}
  std::vector<ExprPtr> elements;
};

struct FieldInit {
  Ident name;
  ExprPtr value;
};

/// `Ballot { member: "ana", role: platform, vote: approve }`.
struct RecordLit : Expr {
  explicit RecordLit(Span s) : Expr(ExprKind::Record, s) {}
  Ident type_name;
  std::vector<FieldInit> fields;
  const Decl* decl = nullptr;  // resolved record or event
};

/// What a name resolved to, set by the checker.
enum class NameRef { Unresolved, Local, Global, EnumMember, Module };

struct NameExpr : Expr {
  NameExpr(Span s, Ident n) : Expr(ExprKind::Name, s), name(std::move(n)) {}
  Ident name;
  NameRef ref = NameRef::Unresolved;
  const Decl* decl = nullptr;    // global or the enum of an enum member
  int member_index = -1;         // enum member
  Span local_span;               // where a local was bound
};

/// `x => x.role == security`, only as the argument of a collection operation.
struct LambdaExpr : Expr {
  LambdaExpr(Span s, Ident p, ExprPtr b) : Expr(ExprKind::Lambda, s), param(std::move(p)), body(std::move(b)) {}
  Ident param;
  ExprPtr body;
};

/// `f(a, b)` for functions, quorums, votes, thresholds and global builtins.
struct CallExpr : Expr {
  explicit CallExpr(Span s) : Expr(ExprKind::Call, s) {}
  Ident callee;
  std::vector<ExprPtr> args;
  const Decl* decl = nullptr;  // user function, quorum, vote or threshold
};

/// `obj.name` or `obj.name(args)` (a method, or a module's function).
struct MemberExpr : Expr {
  explicit MemberExpr(Span s) : Expr(ExprKind::Member, s) {}
  ExprPtr object;
  Ident name;
  bool is_call = false;
  bool optional_chain = false;  // `obj?.name`
  std::vector<ExprPtr> args;
  const Decl* decl = nullptr;  // a module function, when `object` names a module
  int method = -1;             // the checker's methods.def row (a MethodId) for a built-in method
};

/// `xs[i]`: the element at a position (from the end when negative), or none.
struct IndexExpr : Expr {
  explicit IndexExpr(Span s) : Expr(ExprKind::Index, s) {}
  ExprPtr object;
  ExprPtr index;
};

/// `xs[lo:hi]`: the elements from `lo` up to but excluding `hi`; either may be left out.
struct SliceExpr : Expr {
  explicit SliceExpr(Span s) : Expr(ExprKind::Slice, s) {}
  ExprPtr object;
  ExprPtr lo;  // null: from the start
  ExprPtr hi;  // null: to the end
};

/// `base with { field: value }`.
struct WithExpr : Expr {
  explicit WithExpr(Span s) : Expr(ExprKind::With, s) {}
  ExprPtr base;
  std::vector<FieldInit> fields;
};

enum class UnaryOp { Not, Neg };
struct UnaryExpr : Expr {
  UnaryExpr(Span s, UnaryOp o, ExprPtr e) : Expr(ExprKind::Unary, s), op(o), operand(std::move(e)) {}
  UnaryOp op;
  ExprPtr operand;
};

enum class BinaryOp { Or, And, Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div, In, NotIn, Default };
const char* BinaryOpSpelling(BinaryOp op);
struct BinaryExpr : Expr {
  BinaryExpr(Span s, BinaryOp o, ExprPtr l, ExprPtr r)
      : Expr(ExprKind::Binary, s), op(o), lhs(std::move(l)), rhs(std::move(r)) {}
  BinaryOp op;
  Span op_span;
  ExprPtr lhs;
  ExprPtr rhs;
};

struct MatchArm {
  std::vector<Ident> patterns;  // enum members; `_` is the wildcard
  ExprPtr value;
  Span span;
};
struct MatchExpr : Expr {
  explicit MatchExpr(Span s) : Expr(ExprKind::Match, s) {}
  ExprPtr subject;
  std::vector<MatchArm> arms;
};

struct IfExpr : Expr {
  explicit IfExpr(Span s) : Expr(ExprKind::If, s) {}
  ExprPtr cond;
  ExprPtr then_value;
  ExprPtr else_value;
};

// ------------------------------------------------------------------ statements

enum class StmtKind { Let, Require, Deny, Warn, Oblige, Value, When, Veto };

/// A reason code with its message: `"no_quorum": "needs 4 ballots"`.
struct Reason {
  std::string code;
  Span code_span;
  ExprPtr message;
};

struct Stmt {
  Stmt(StmtKind k, Span s) : kind(k), span(s) {}
  virtual ~Stmt() = default;
  template <typename T>
  T& As() {
    return static_cast<T&>(*this);
  }
  template <typename T>
  const T& As() const {
    return static_cast<const T&>(*this);
  }
  const StmtKind kind;
  Span span;
};
using StmtPtr = std::unique_ptr<Stmt>;
using Block = std::vector<StmtPtr>;

struct LetStmt : Stmt {
  explicit LetStmt(Span s) : Stmt(StmtKind::Let, s) {}
  Ident name;
  std::optional<TypeRef> type;
  ExprPtr value;
};

/// `require cond else reason`; `deny`, `warn` and `oblige` have no condition.
struct ReasonStmt : Stmt {
  ReasonStmt(StmtKind k, Span s) : Stmt(k, s) {}
  ExprPtr cond;  // only for Require
  Reason reason;
};

struct ValueStmt : Stmt {
  explicit ValueStmt(Span s) : Stmt(StmtKind::Value, s) {}
  Ident name;
  ExprPtr value;
};

struct WhenBranch {
  ExprPtr cond;
  Block body;
};
struct WhenStmt : Stmt {
  explicit WhenStmt(Span s) : Stmt(StmtKind::When, s) {}
  std::vector<WhenBranch> branches;  // `when` and each `else when`
  std::optional<Block> otherwise;
};

/// `veto v in list where cond { valid when ... else warn ...; overridden when ...; deny ... }`.
struct VetoStmt : Stmt {
  explicit VetoStmt(Span s) : Stmt(StmtKind::Veto, s) {}
  Ident binder;
  ExprPtr list;
  ExprPtr where;  // may be null
  ExprPtr valid;  // may be null: every veto counts
  std::optional<Reason> invalid_warning;
  ExprPtr overridden;  // may be null: no override path
  std::optional<Reason> deny;
  std::vector<Span> valid_spans, override_spans, deny_spans;  // to report repeated clauses
};

// ------------------------------------------------------------------ declarations

enum class DeclKind { Enum, Record, Event, Const, Fn, ExternFn, Tier, Quorum, Vote, Threshold, Rule, Test };
const char* DeclKindName(DeclKind kind);

struct Decl {
  Decl(DeclKind k, Span s) : kind(k), span(s) {}
  virtual ~Decl() = default;
  template <typename T>
  T& As() {
    return static_cast<T&>(*this);
  }
  template <typename T>
  const T& As() const {
    return static_cast<const T&>(*this);
  }
  const DeclKind kind;
  Span span;
  Ident name;
  std::string doc;  // joined `///` lines above the declaration
  FileId file = kNoFile;
};
using DeclPtr = std::unique_ptr<Decl>;

struct EnumMember {
  Ident name;
  std::string label;
  std::string doc;
};
struct EnumDecl : Decl {
  explicit EnumDecl(Span s) : Decl(DeclKind::Enum, s) {}
  std::vector<EnumMember> members;
};

struct FieldDecl {
  Ident name;
  TypeRef type;
  std::string doc;
};
struct RecordDecl : Decl {
  explicit RecordDecl(Span s, DeclKind k = DeclKind::Record) : Decl(k, s) {}
  std::vector<FieldDecl> fields;
};
/// An event is a record bound to a JSON `kind`.
struct EventDecl : RecordDecl {
  explicit EventDecl(Span s) : RecordDecl(s, DeclKind::Event) {}
  std::string json_kind;
  Span json_kind_span;
};

struct ConstDecl : Decl {
  explicit ConstDecl(Span s) : Decl(DeclKind::Const, s) {}
  std::optional<TypeRef> type;
  ExprPtr value;
};

struct Param {
  Ident name;
  TypeRef type;
};
struct FnDecl : Decl {
  explicit FnDecl(Span s, DeclKind k = DeclKind::Fn) : Decl(k, s) {}
  std::vector<Param> params;
  TypeRef result;
  std::vector<std::unique_ptr<LetStmt>> lets;
  ExprPtr body;  // null for extern functions
};

struct TierRow {
  Ident member;
  std::string label;
  std::vector<FieldInit> fields;
  Span span;
};
struct TierDecl : Decl {
  explicit TierDecl(Span s) : Decl(DeclKind::Tier, s) {}
  TypeRef row_type;
  std::vector<TierRow> rows;
};

struct QuorumClause {
  bool total = false;
  ExprPtr count;  // an int literal or a constant's name
  Ident role;     // when not total
  Span span;
};
struct QuorumDecl : Decl {
  explicit QuorumDecl(Span s) : Decl(DeclKind::Quorum, s) {}
  TypeRef ballot_type;
  Ident role_field;
  std::vector<QuorumClause> clauses;
};

struct VoteCategory {
  Ident category;  // approve, reject or table
  std::vector<Ident> members;
};
struct VoteDecl : Decl {
  explicit VoteDecl(Span s) : Decl(DeclKind::Vote, s) {}
  TypeRef ballot_type;
  Ident choice_field;
  std::optional<Ident> role_field;
  std::vector<VoteCategory> categories;
  ExprPtr pass;
  Span pass_span;
  ExprPtr tie;
  std::optional<Ident> tie_role;
  std::vector<Ident> protected_roles;  // "may not be in the minority"
  ExprPtr tabled;
};

enum class BoundOp { Lt, Le, Gt, Ge };
struct BandBound {
  BoundOp op;
  ExprPtr value;
  Span span;
};
struct Band {
  bool is_else = false;
  std::vector<BandBound> bounds;  // one or two
  ExprPtr result;
  Span span;
};
struct ThresholdDecl : Decl {
  explicit ThresholdDecl(Span s) : Decl(DeclKind::Threshold, s) {}
  Param param;
  ExprPtr domain_low;  // optional `in low..high`
  ExprPtr domain_high;
  TypeRef result;
  std::vector<Band> bands;
};

struct RuleDecl : Decl {
  explicit RuleDecl(Span s) : Decl(DeclKind::Rule, s) {}
  Ident event;
  ExprPtr when;  // may be null
  Block body;
};

enum class ExpectKind { Allow, Deny, NotReason, Warn, NoWarn, Oblige, NoOblige, Value };
struct Expectation {
  ExpectKind kind;
  std::vector<std::pair<std::string, Span>> codes;
  Ident value_name;
  ExprPtr value;
  Span span;
};
struct TestDecl : Decl {
  explicit TestDecl(Span s) : Decl(DeclKind::Test, s) {}
  std::string title;  // `name` holds the title too, for outlines
  ExprPtr given;
  std::vector<Expectation> expectations;
};

struct Import {
  std::vector<Ident> path;  // std.time → {std, time}
  std::optional<Ident> alias;
  Span span;
  std::string Dotted() const;
  /// The name the module is known by in this file: the alias or the last segment.
  const Ident& LocalName() const { return alias ? *alias : path.back(); }
};

enum class FileRole { Policy, Module };

struct File {
  FileId id = kNoFile;
  FileRole role = FileRole::Policy;
  std::vector<Ident> name;  // from `policy x` / `module std.time`; may be empty
  Span header_span;
  std::vector<Import> imports;
  std::vector<DeclPtr> decls;
  std::string DottedName() const;
};

}  // namespace charter::ast
