// Internal to compiler/ir: the Lowerer walks the checked AST and builds the
// module; its methods are split across lower_*.cpp by construct.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/check/methods.h"

namespace charter::ir {

class Lowerer {
 public:
  Lowerer(CheckedProgram& program, Module& module) : program_(program), types_(program.types), module_(module) {}
  void Run();

 private:
  // ---- frames: every function, global, rule and test has its own slots
  struct Local {
    int32_t slot;
    const Type* type;
  };
  struct Frame {
    int32_t size = 0;
    std::vector<std::map<std::string, Local>> scopes{1};
  };
  int32_t Bind(const std::string& name, const Type* type);
  int32_t Fresh();
  const Local* Lookup(const std::string& name) const;
  void PushScope() { frame_->scopes.emplace_back(); }
  void PopScope() { frame_->scopes.pop_back(); }

  // ---- declarations (lower.cpp)
  void LowerRule(const ast::RuleDecl& decl);
  void LowerTest(const ast::TestDecl& decl);
  int32_t FunctionIndex(const ast::Decl* decl);
  int32_t GlobalIndex(const ast::Decl* decl);  // const or tier
  int32_t EventIndex(const ast::Decl* decl);
  int32_t BuiltinIndex(const ast::FnDecl& decl) const;
  void LowerFunctionBody(Function& fn, const ast::FnDecl& decl);

  // ---- statements (lower_stmt.cpp)
  Block LowerBlock(const ast::Block& block);
  void LowerStmt(const ast::Stmt& stmt, Block& out);
  void LowerVeto(const ast::VetoStmt& stmt, Block& out);
  Stmt Emit(SiteKind kind, const ast::Reason& reason, Span span, ExprPtr cond = nullptr);
  int32_t ValueIndex(const std::string& name);

  // ---- governance declarations as functions (lower_governance.cpp)
  void LowerQuorum(Function& fn, const ast::QuorumDecl& decl);
  void LowerVote(Function& fn, const ast::VoteDecl& decl);
  void LowerThreshold(Function& fn, const ast::ThresholdDecl& decl);
  ExprPtr FieldIs(int32_t element_slot, const Type* element, int32_t field, const std::vector<int32_t>& members);

  // ---- expressions (lower_expr.cpp)
  ExprPtr LowerExpr(const ast::Expr& expr);
  ExprPtr LowerName(const ast::NameExpr& expr);
  ExprPtr LowerString(const ast::StringLit& expr);
  ExprPtr LowerBinary(const ast::BinaryExpr& expr);
  ExprPtr LowerComparison(const ast::BinaryExpr& expr);
  ExprPtr LowerArithmetic(const ast::BinaryExpr& expr);
  ExprPtr LowerMember(const ast::MemberExpr& expr);
  ExprPtr LowerField(const ast::MemberExpr& expr);
  ExprPtr LowerCall(const ast::CallExpr& expr);
  ExprPtr LowerUserCall(const ast::Decl* decl, const std::vector<ast::ExprPtr>& args, const Type* type, Span span);
  ExprPtr LowerGlobalBuiltin(const ast::CallExpr& expr);

  // ---- methods (lower_method.cpp)
  ExprPtr LowerMethod(const ast::MemberExpr& expr);
  ExprPtr LowerCustomMethod(const ast::MemberExpr& expr, MethodId method, ExprPtr object);
  /// The module regex index of a constant `matches` pattern, else -1.
  int64_t ConstantRegex(const Expr& pattern);
  /// `list.op(x => body)`: the element bound to a fresh slot while lowering `body`.
  ExprPtr LowerLambdaOp(Op op, const Type* type, Span span, ExprPtr list, const ast::Expr* lambda);

  // ---- helpers (lower_expr.cpp)
  ExprPtr Make(Op op, const Type* type, Span span, std::vector<ExprPtr> args = {});
  ExprPtr ConstInt(int64_t value, const Type* type, Span span);
  ExprPtr ConstDec(Rational value, const Type* type, Span span);
  ExprPtr ConstBool(bool value, Span span);
  ExprPtr LocalRef(int32_t slot, const Type* type, Span span);
  ExprPtr Compare(Cmp cmp, ExprPtr lhs, ExprPtr rhs, Span span);
  ExprPtr Not(ExprPtr operand);
  ExprPtr And(ExprPtr lhs, ExprPtr rhs);
  ExprPtr Or(ExprPtr lhs, ExprPtr rhs);
  /// Makes an implicit conversion explicit: int → decimal (also under an optional).
  ExprPtr Coerce(ExprPtr expr, const Type* to);
  /// The checker narrowed an optional path to its value: say so in the IR.
  ExprPtr Narrow(ExprPtr expr, const Type* checked);
  ExprPtr ToText(ExprPtr expr);
  const Type* FieldType(const ast::Decl* record, int32_t field) const;
  static int32_t FieldIndex(const ast::RecordDecl& record, const std::string& name);
  static int32_t MemberIndex(const ast::Decl* enum_decl, const std::string& name);

  CheckedProgram& program_;
  TypeContext& types_;
  Module& module_;
  Frame* frame_ = nullptr;
  int32_t current_event_ = -1;
  int32_t current_rule_ = -1;
  std::map<const ast::Decl*, int32_t> functions_, globals_, events_;
};

}  // namespace charter::ir
