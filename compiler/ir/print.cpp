// The IR as text: one node per line, indented by depth, with its type and immediates.
#include <fmt/format.h>

#include "compiler/ir/ir.h"

namespace charter::ir {

const char* OpName(Op op) {
  static const char* const kNames[] = {
#define IR_OP(name, operands, meaning) #name,
#include "compiler/ir/ops.def"
#undef IR_OP
  };
  return kNames[static_cast<size_t>(op)];
}

const char* CmpSpelling(Cmp cmp) {
  static const char* const kSpellings[] = {"==", "!=", "<", "<=", ">", ">="};
  return kSpellings[static_cast<size_t>(cmp)];
}

namespace {

class Printer {
 public:
  explicit Printer(const Module& module) : module_(module) {}

  std::string Run() {
    for (size_t i = 0; i < module_.globals.size(); ++i) {
      const Global& global = module_.globals[i];
      Line(0, fmt::format("global g{} {}: {} (frame {})", i, global.name, TypeName(global.type), global.frame_size));
      if (global.init) PrintExpr(*global.init, 1);
    }
    for (size_t i = 0; i < module_.functions.size(); ++i) {
      const Function& fn = module_.functions[i];
      std::string params;
      for (size_t p = 0; p < fn.params.size(); ++p) params += fmt::format("{}s{}: {}", p ? ", " : "", p, TypeName(fn.params[p]));
      Line(0, fmt::format("fn f{} {}({}) -> {} (frame {})", i, fn.name, params, TypeName(fn.result), fn.frame_size));
      if (fn.body) PrintExpr(*fn.body, 1);
    }
    for (const EventKind& event : module_.events) {
      std::string values;
      for (size_t v = 0; v < event.values.size(); ++v) {
        values += fmt::format("{}v{} {}: {}", v ? ", " : "", v, event.values[v].name, TypeName(event.values[v].type));
      }
      Line(0, fmt::format("event \"{}\" values [{}]", event.json_kind, values));
      for (int32_t r : event.rules) {
        const Rule& rule = module_.rules[r];
        Line(1, fmt::format("rule r{} {} (frame {})", r, rule.name, rule.frame_size));
        if (rule.guard) {
          Line(2, "when");
          PrintExpr(*rule.guard, 3);
        }
        PrintBlock(rule.body, 2);
      }
    }
    return out_;
  }

 private:
  static std::string TypeName(const Type* type) { return type ? type->Name() : "?"; }

  static std::string MemberName(const ast::Decl* decl, int64_t index) {
    if (decl->kind == ast::DeclKind::Enum) {
      const auto& members = decl->As<ast::EnumDecl>().members;
      return index >= 0 && static_cast<size_t>(index) < members.size() ? members[index].name.name : "?";
    }
    const auto& rows = decl->As<ast::TierDecl>().rows;
    return index >= 0 && static_cast<size_t>(index) < rows.size() ? rows[index].member.name : "?";
  }

  static std::string FieldName(const Expr& object, int64_t index) {
    const Type* type = object.type && object.type->IsOptional() ? object.type->element : object.type;
    if (!type) return "?";
    if (type->kind == TypeKind::Tally) {
      const auto& fields = TallyFields();
      return static_cast<size_t>(index) < fields.size() ? fields[index].first : "?";
    }
    if (type->kind != TypeKind::Record) return "?";
    const auto& fields = type->decl->As<ast::RecordDecl>().fields;
    return index >= 0 && static_cast<size_t>(index) < fields.size() ? fields[index].name.name : "?";
  }

  void Line(int depth, const std::string& text) {
    out_.append(static_cast<size_t>(depth) * 2, ' ');
    out_ += text;
    out_ += '\n';
  }

  std::string Site(int32_t index) const {
    const ir::Site& site = module_.sites[index];
    static const char* const kKinds[] = {"reason", "warning", "obligation"};
    return fmt::format("{} \"{}\" @{}:{}", kKinds[static_cast<int>(site.kind)], site.code, site.span.line,
                       site.span.column);
  }

  void PrintBlock(const Block& block, int depth) {
    for (const Stmt& stmt : block) PrintStmt(stmt, depth);
  }

  void PrintStmt(const Stmt& stmt, int depth) {
    switch (stmt.op) {
      case StmtOp::Let:
        Line(depth, fmt::format("let s{}", stmt.slot));
        PrintExpr(*stmt.expr, depth + 1);
        return;
      case StmtOp::Require:
        Line(depth, "require " + Site(stmt.site));
        PrintExpr(*stmt.expr, depth + 1);
        Line(depth + 1, "message");
        PrintExpr(*stmt.message, depth + 2);
        return;
      case StmtOp::Emit:
        Line(depth, "emit " + Site(stmt.site));
        PrintExpr(*stmt.message, depth + 1);
        return;
      case StmtOp::SetValue:
        Line(depth, fmt::format("value v{}", stmt.value));
        PrintExpr(*stmt.expr, depth + 1);
        return;
      case StmtOp::If:
        for (size_t b = 0; b < stmt.branches.size(); ++b) {
          Line(depth, b ? "else if" : "if");
          PrintExpr(*stmt.branches[b].cond, depth + 2);
          Line(depth, "then");
          PrintBlock(stmt.branches[b].body, depth + 1);
        }
        if (!stmt.otherwise.empty()) {
          Line(depth, "else");
          PrintBlock(stmt.otherwise, depth + 1);
        }
        return;
      case StmtOp::ForEach:
        Line(depth, fmt::format("for s{} in", stmt.slot));
        PrintExpr(*stmt.expr, depth + 2);
        PrintBlock(stmt.body, depth + 1);
        return;
    }
  }

  void PrintExpr(const Expr& expr, int depth) {
    std::string text = OpName(expr.op);
    switch (expr.op) {
      case Op::ConstBool: text += expr.imm ? " true" : " false"; break;
      case Op::ConstInt:
        text += fmt::format(" {}", expr.imm);
        if (expr.type && expr.type->kind == TypeKind::Enum) text += " (" + MemberName(expr.type->decl, expr.imm) + ")";
        break;
      case Op::ConstDec: {
        // Exact: a decimal when it terminates, else the fraction (2/3).
        std::string digits = expr.dec.ToString(18);
        size_t point = digits.find('.');
        bool exact = point == std::string::npos || digits.size() - point - 1 < 18;
        text += exact ? " " + digits : fmt::format(" {}/{}", expr.dec.num, expr.dec.den);
        break;
      }
      case Op::ConstStr: text += " \"" + expr.str + "\""; break;
      case Op::Fail: text += " \"" + expr.str + "\""; break;
      case Op::Local: text += fmt::format(" s{}", expr.slot); break;
      case Op::Global: text += fmt::format(" g{}", expr.imm); break;
      case Op::Call: text += fmt::format(" f{} {}", expr.imm, module_.functions[expr.imm].name); break;
      case Op::CallBuiltin: {
        static const char* const kBuiltins[] = {
#define BUILTIN(module, name, signature, symbol) module "." name,
#include "compiler/check/builtins.def"
#undef BUILTIN
        };
        bool known = expr.imm >= 0 && static_cast<size_t>(expr.imm) < std::size(kBuiltins);
        text += fmt::format(" b{} {}", expr.imm, known ? kBuiltins[expr.imm] : "?");
        break;
      }
      case Op::Field: case Op::OptField: text += fmt::format(" .{} {}", expr.imm, FieldName(*expr.args[0], expr.imm)); break;
      case Op::CmpInt: case Op::CmpDec: case Op::CmpStr: case Op::CmpBool: case Op::CmpDeep:
        text += std::string(" ") + CmpSpelling(expr.cmp);
        break;
      case Op::StrMatches: if (expr.imm >= 0) text += fmt::format(" re{}", expr.imm); break;
      case Op::Switch: case Op::With: {
        std::string list;
        for (int32_t f : expr.fields) list += (list.empty() ? "" : ",") + std::to_string(f);
        text += " [" + list + "]";
        break;
      }
      default: break;
    }
    if (expr.slot >= 0 && expr.op != Op::Local) text += fmt::format(" s{}", expr.slot);
    text += " : " + TypeName(expr.type);
    Line(depth, text);
    for (const auto& arg : expr.args) PrintExpr(*arg, depth + 1);
  }

  const Module& module_;
  std::string out_;
};

}  // namespace

std::string Print(const Module& module) { return Printer(module).Run(); }

}  // namespace charter::ir
