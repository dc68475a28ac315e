#include "compiler/ast/ast.h"

namespace charter::ast {

const char* ExprKindName(ExprKind kind) {
  switch (kind) {
#define AST_EXPR(name) \
  case ExprKind::name: return #name;
#include "compiler/ast/expr_kinds.def"
#undef AST_EXPR
  }
  return "?";
}

const char* BinaryOpSpelling(BinaryOp op) {
  switch (op) {
    case BinaryOp::Or: return "or";
    case BinaryOp::And: return "and";
    case BinaryOp::Eq: return "==";
    case BinaryOp::Ne: return "!=";
    case BinaryOp::Lt: return "<";
    case BinaryOp::Le: return "<=";
    case BinaryOp::Gt: return ">";
    case BinaryOp::Ge: return ">=";
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::In: return "in";
    case BinaryOp::NotIn: return "not in";
    case BinaryOp::Default: return "??";
  }
  return "?";
}

const char* DeclKindName(DeclKind kind) {
  switch (kind) {
    case DeclKind::Enum: return "enum";
    case DeclKind::Record: return "record";
    case DeclKind::Event: return "event";
    case DeclKind::Const: return "const";
    case DeclKind::Fn: return "fn";
    case DeclKind::ExternFn: return "extern fn";
    case DeclKind::Tier: return "tier";
    case DeclKind::Quorum: return "quorum";
    case DeclKind::Vote: return "vote";
    case DeclKind::Threshold: return "threshold";
    case DeclKind::Rule: return "rule";
    case DeclKind::Test: return "test";
  }
  return "?";
}

std::optional<std::string> StringLit::Constant() const {
  std::string out;
  for (const auto& part : parts) {
    if (part.expr) return std::nullopt;
    out += part.text;
  }
  return out;
}

static std::string JoinDotted(const std::vector<Ident>& parts) {
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += '.';
    out += part.name;
  }
  return out;
}

std::string Import::Dotted() const { return JoinDotted(path); }
std::string File::DottedName() const { return JoinDotted(name); }

std::string TypeRefText(const TypeRef& type) {
  std::string out = type.name.name;
  if (!type.args.empty()) {
    out += '<';
    for (size_t i = 0; i < type.args.size(); ++i) out += (i ? ", " : "") + TypeRefText(type.args[i]);
    out += '>';
  }
  return type.optional ? out + "?" : out;
}

}  // namespace charter::ast
