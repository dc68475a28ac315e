// Internal to compiler/check: the Checker walks declarations, statements and
// expressions; its methods are split across check_*.cpp by construct.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "compiler/base/rational.h"
#include "compiler/check/check.h"

namespace charter {

/// Enums, tiers, records and events name types.
inline bool DeclaresType(const ast::Decl* decl) {
  return decl && (decl->kind == ast::DeclKind::Enum || decl->kind == ast::DeclKind::Tier ||
                  decl->kind == ast::DeclKind::Record || decl->kind == ast::DeclKind::Event);
}

/// A name visible at file level: a declaration, or an imported module.
struct GlobalSymbol {
  const ast::Decl* decl = nullptr;
  FileId module = kNoFile;  // for imports
  Span import_span;
};

struct LocalVar {
  const Type* type;
  Span span;
  bool used = false;
  bool report_unused = false;
};

/// A compile-time constant (threshold bounds, quorum counts).
struct ConstValue {
  const Type* type = nullptr;
  Rational number;
};

class Checker {
 public:
  Checker(CheckedProgram& out, DiagnosticSink& diags, const CheckOptions& options)
      : out_(out), program_(*out.program), types_(out.types), diags_(diags), options_(options) {}
  void Run();

 private:
  // ---- declarations (check_decl.cpp)
  void CollectGlobals(const ast::File& file);
  void CheckKindsAcrossFiles();
  void CheckFile(const ast::File& file);
  const Type* ResolveType(const ast::TypeRef& ref);
  /// Resolves a type written in `owner`'s file (a field or parameter of an imported declaration).
  const Type* ResolveTypeIn(const ast::Decl& owner, const ast::TypeRef& ref);
  const GlobalSymbol* LookupGlobal(const std::string& name);
  const ast::Decl* LookupDecl(const std::string& name);
  std::vector<std::string> GlobalNames() const;
  void CheckRecordFields(const ast::RecordDecl& decl);
  void CheckEvent(const ast::EventDecl& decl);
  void CheckConst(const ast::ConstDecl& decl);
  const Type* ConstType(const ast::ConstDecl& decl);
  void CheckFn(const ast::FnDecl& decl);
  void CheckExternFn(const ast::FnDecl& decl);
  const Type* FnResultType(const ast::FnDecl& decl);
  void CheckRule(const ast::RuleDecl& decl);
  void CheckTest(const ast::TestDecl& decl);

  // ---- governance constructs (check_governance.cpp)
  void CheckTier(ast::TierDecl& decl);
  void CheckQuorum(ast::QuorumDecl& decl);
  void CheckVote(ast::VoteDecl& decl);
  void CheckThreshold(ast::ThresholdDecl& decl);
  void CheckVeto(const ast::VetoStmt& stmt);
  const ast::RecordDecl* BallotRecord(const ast::TypeRef& ref);
  const ast::Decl* EnumFieldOf(const ast::RecordDecl& record, const ast::Ident& field, const char* what);
  int MemberIndex(const ast::Decl* enum_decl, const std::string& member) const;
  std::vector<std::string> MemberNames(const ast::Decl* enum_decl) const;
  void ReportUnknownMember(const ast::Decl* enum_decl, const ast::Ident& name, DiagKind kind);

  // ---- statements (check_stmt.cpp)
  void CheckBlock(const ast::Block& block);
  void CheckStmt(const ast::Stmt& stmt);
  void CheckReason(const ast::Reason& reason, std::set<std::string>* codes);
  const Type* CheckLet(const ast::LetStmt& let);

  // ---- expressions (check_expr.cpp)
  const Type* CheckExpr(ast::Expr& expr, const Type* expected = nullptr);
  const Type* CheckCondition(ast::Expr& expr);
  const Type* CheckName(ast::NameExpr& expr, const Type* expected);
  const Type* CheckBinary(ast::BinaryExpr& expr, const Type* expected);
  const Type* CheckArithmetic(ast::BinaryExpr& expr, const Type* l, const Type* r);
  const Type* CheckIndex(ast::IndexExpr& expr);
  const Type* CheckSlice(ast::SliceExpr& expr);
  const Type* CheckPosition(ast::Expr& position, const char* what);
  const Type* Sequence(ast::Expr& object, const char* what);
  const Type* CheckComparison(ast::BinaryExpr& expr, const Type* l, const Type* r);
  const Type* CheckMember(ast::MemberExpr& expr, const Type* expected);
  const Type* CheckField(ast::MemberExpr& expr, const Type* object);
  const Type* CheckFieldOf(ast::MemberExpr& expr, const Type* object);
  const Type* CheckRecordLit(ast::RecordLit& expr);
  const Type* CheckRecordFields(const ast::RecordDecl& record, std::vector<ast::FieldInit>& fields, Span span,
                                bool require_all);
  const Type* CheckList(ast::ListLit& expr, const Type* expected);
  const Type* CheckMatch(ast::MatchExpr& expr, const Type* expected);
  const Type* CheckString(ast::StringLit& expr);
  const Type* EnumMemberType(ast::NameExpr& expr, const Type* expected);
  bool Assignable(const Type* from, const Type* to) const;
  const Type* Join(const Type* a, const Type* b);
  void ExpectType(ast::Expr& expr, const Type* actual, const Type* expected, const std::string& context);
  const Type* Unwrap(const Type* type) const;

  // ---- calls and methods (check_call.cpp)
  const Type* CheckCall(ast::CallExpr& expr, const Type* expected);
  const Type* CheckMethod(ast::MemberExpr& expr, const Type* object);
  const Type* CheckModuleCall(ast::MemberExpr& expr, FileId module);
  const Type* CheckUserCall(const ast::FnDecl& fn, std::vector<ast::ExprPtr>& args, Span span);
  const Type* CheckLambda(ast::Expr& arg, const Type* element, const Type* expected_body);
  bool CheckArgCount(size_t given, size_t min, size_t max, Span span, const std::string& what);

  // ---- constants (const_eval.cpp)
  std::optional<ConstValue> EvalConst(ast::Expr& expr, const Type* expected);

  // ---- lints (check_lints.cpp)
  void CheckRecursion();
  void ReportUnused();

  // ---- narrowing: access paths proven non-none
  static std::optional<std::string> PathKey(const ast::Expr& expr);
  struct Facts {
    std::set<std::string> when_true, when_false;
  };
  Facts FactsOf(const ast::Expr& cond) const;
  void WithFacts(const std::set<std::string>& facts, const std::function<void()>& body);

  // ---- scopes
  void PushScope() { scopes_.emplace_back(); }
  void PopScope();
  void Bind(const ast::Ident& name, const Type* type, bool report_unused = false);
  LocalVar* LookupLocal(const std::string& name);
  void MarkUsed(const ast::Decl* decl);

  CheckedProgram& out_;
  Program& program_;
  TypeContext& types_;
  DiagnosticSink& diags_;
  const CheckOptions& options_;

  std::map<FileId, std::map<std::string, GlobalSymbol>> globals_;  // per file
  const ast::File* file_ = nullptr;                                  // being checked
  std::vector<std::map<std::string, LocalVar>> scopes_;
  std::vector<std::set<std::string>> facts_;
  std::set<const ast::Decl*> used_;
  std::set<std::pair<FileId, std::string>> used_imports_;  // (file, module alias)
  // fn → fns it calls; ordered by source position so cycles read the same on every run.
  struct BySourceOrder {
    bool operator()(const ast::Decl* a, const ast::Decl* b) const {
      auto key = [](const ast::Decl* d) { return std::tuple(d->span.file, d->span.offset, reinterpret_cast<uintptr_t>(d)); };
      return key(a) < key(b);
    }
  };
  std::map<const ast::Decl*, std::set<const ast::Decl*, BySourceOrder>, BySourceOrder> calls_;
  const ast::Decl* current_decl_ = nullptr;
  const ast::EventDecl* current_event_ = nullptr;  // inside a rule
  EventOutputs* current_outputs_ = nullptr;
  std::set<const ast::Decl*> checking_consts_;
  bool lambda_allowed_ = false;
};

}  // namespace charter
