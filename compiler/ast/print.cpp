// A readable, stable dump of the AST (`charter check --dump=ast`), used by the
// parser's golden tests: one node per line, children indented.
#include "compiler/ast/print.h"

#include <fmt/format.h>

namespace charter::ast {
namespace {

class Printer {
 public:
  std::string Take() { return std::move(out_); }

  void File(const ast::File& file) {
    Line(0, fmt::format("file {} {}", file.role == FileRole::Module ? "module" : "policy", file.DottedName()));
    for (const auto& import : file.imports) {
      Line(1, "import " + import.Dotted() + (import.alias ? " as " + import.alias->name : ""));
    }
    for (const auto& decl : file.decls) Decl(*decl, 1);
  }

 private:
  void Line(int depth, const std::string& text) {
    out_.append(static_cast<size_t>(depth) * 2, ' ');
    out_ += text;
    out_ += '\n';
  }

  static std::string Type(const TypeRef& type) { return TypeRefText(type); }

  void Fields(const std::vector<FieldInit>& fields, int depth) {
    for (const auto& field : fields) {
      Line(depth, "field " + field.name.name);
      Expr(*field.value, depth + 1);
    }
  }

  void Reason(const char* what, const ast::Reason& reason, int depth) {
    Line(depth, fmt::format("{} \"{}\"", what, reason.code));
    if (reason.message) Expr(*reason.message, depth + 1);
  }

  void Decl(const ast::Decl& decl, int depth) {
    std::string head = fmt::format("{} {} @{}:{}", DeclKindName(decl.kind), decl.name.name, decl.span.line,
                                   decl.span.column);
    switch (decl.kind) {
      case DeclKind::Enum: {
        std::string members;
        for (const auto& m : decl.As<EnumDecl>().members) {
          members += " " + m.name.name + (m.label.empty() ? "" : "=\"" + m.label + "\"");
        }
        Line(depth, head + members);
        break;
      }
      case DeclKind::Record:
      case DeclKind::Event: {
        if (decl.kind == DeclKind::Event) head += " kind \"" + decl.As<EventDecl>().json_kind + "\"";
        Line(depth, head);
        for (const auto& f : decl.As<RecordDecl>().fields) Line(depth + 1, f.name.name + ": " + Type(f.type));
        break;
      }
      case DeclKind::Const: {
        const auto& c = decl.As<ConstDecl>();
        Line(depth, head + (c.type ? ": " + Type(*c.type) : ""));
        Expr(*c.value, depth + 1);
        break;
      }
      case DeclKind::Fn:
      case DeclKind::ExternFn: {
        const auto& fn = decl.As<FnDecl>();
        std::string params;
        for (const auto& p : fn.params) params += (params.empty() ? "" : ", ") + p.name.name + ": " + Type(p.type);
        Line(depth, head + "(" + params + ") -> " + Type(fn.result));
        for (const auto& let : fn.lets) Stmt(*let, depth + 1);
        if (fn.body) Expr(*fn.body, depth + 1);
        break;
      }
      case DeclKind::Tier: {
        const auto& tier = decl.As<TierDecl>();
        Line(depth, head + " with " + Type(tier.row_type));
        for (const auto& row : tier.rows) {
          Line(depth + 1, "row " + row.member.name + (row.label.empty() ? "" : " \"" + row.label + "\""));
          Fields(row.fields, depth + 2);
        }
        break;
      }
      case DeclKind::Quorum: {
        const auto& q = decl.As<QuorumDecl>();
        Line(depth, head + " of " + Type(q.ballot_type) + " by " + q.role_field.name);
        for (const auto& clause : q.clauses) {
          Line(depth + 1, clause.total ? "at least, in total" : "at least, role " + clause.role.name);
          Expr(*clause.count, depth + 2);
        }
        break;
      }
      case DeclKind::Vote: {
        const auto& v = decl.As<VoteDecl>();
        Line(depth, head + " of " + Type(v.ballot_type) + " by " + v.choice_field.name +
                        (v.role_field ? ", " + v.role_field->name : ""));
        for (const auto& c : v.categories) {
          std::string members;
          for (const auto& m : c.members) members += " " + m.name;
          Line(depth + 1, "category " + c.category.name + ":" + members);
        }
        if (v.pass) Line(depth + 1, "pass when"), Expr(*v.pass, depth + 2);
        if (v.tie) Line(depth + 1, "tie when, decided by " + (v.tie_role ? v.tie_role->name : "?")), Expr(*v.tie, depth + 2);
        for (const auto& role : v.protected_roles) Line(depth + 1, "not in the minority: " + role.name);
        if (v.tabled) Line(depth + 1, "tabled when"), Expr(*v.tabled, depth + 2);
        break;
      }
      case DeclKind::Threshold: {
        const auto& t = decl.As<ThresholdDecl>();
        Line(depth, head + "(" + t.param.name.name + ": " + Type(t.param.type) + ") -> " + Type(t.result));
        if (t.domain_low && t.domain_high) {
          Line(depth + 1, "domain");
          Expr(*t.domain_low, depth + 2);
          Expr(*t.domain_high, depth + 2);
        }
        static const char* kOps[] = {"<", "<=", ">", ">="};
        for (const auto& band : t.bands) {
          Line(depth + 1, band.is_else ? "band else" : "band");
          for (const auto& bound : band.bounds) {
            Line(depth + 2, std::string("bound ") + kOps[static_cast<int>(bound.op)]);
            Expr(*bound.value, depth + 3);
          }
          if (band.result) Expr(*band.result, depth + 2);
        }
        break;
      }
      case DeclKind::Rule: {
        const auto& rule = decl.As<RuleDecl>();
        Line(depth, head + " on " + rule.event.name);
        if (rule.when) Line(depth + 1, "when"), Expr(*rule.when, depth + 2);
        Block(rule.body, depth + 1);
        break;
      }
      case DeclKind::Test: {
        const auto& test = decl.As<TestDecl>();
        Line(depth, head);
        Line(depth + 1, "given");
        Expr(*test.given, depth + 2);
        static const char* kKinds[] = {"allow", "deny", "not", "warn", "no warn", "oblige", "no oblige", "value"};
        for (const auto& e : test.expectations) {
          std::string codes;
          for (const auto& [code, span] : e.codes) codes += " \"" + code + "\"";
          Line(depth + 1, std::string("expect ") + kKinds[static_cast<int>(e.kind)] + codes +
                              (e.kind == ExpectKind::Value ? " " + e.value_name.name : ""));
          if (e.value) Expr(*e.value, depth + 2);
        }
        break;
      }
    }
  }

  void Block(const ast::Block& block, int depth) {
    for (const auto& stmt : block) Stmt(*stmt, depth);
  }

  void Stmt(const ast::Stmt& stmt, int depth) {
    switch (stmt.kind) {
      case StmtKind::Let: {
        const auto& let = stmt.As<LetStmt>();
        Line(depth, "let " + let.name.name + (let.type ? ": " + Type(*let.type) : ""));
        Expr(*let.value, depth + 1);
        break;
      }
      case StmtKind::Require: {
        const auto& r = stmt.As<ReasonStmt>();
        Line(depth, "require");
        Expr(*r.cond, depth + 1);
        Reason("else", r.reason, depth + 1);
        break;
      }
      case StmtKind::Deny: Reason("deny", stmt.As<ReasonStmt>().reason, depth); break;
      case StmtKind::Warn: Reason("warn", stmt.As<ReasonStmt>().reason, depth); break;
      case StmtKind::Oblige: Reason("oblige", stmt.As<ReasonStmt>().reason, depth); break;
      case StmtKind::Value: {
        const auto& v = stmt.As<ValueStmt>();
        Line(depth, "value " + v.name.name);
        Expr(*v.value, depth + 1);
        break;
      }
      case StmtKind::When: {
        const auto& w = stmt.As<WhenStmt>();
        for (size_t i = 0; i < w.branches.size(); ++i) {
          Line(depth, i == 0 ? "when" : "else when");
          Expr(*w.branches[i].cond, depth + 1);
          Line(depth, "then");
          Block(w.branches[i].body, depth + 1);
        }
        if (w.otherwise) {
          Line(depth, "else");
          Block(*w.otherwise, depth + 1);
        }
        break;
      }
      case StmtKind::Veto: {
        const auto& v = stmt.As<VetoStmt>();
        Line(depth, "veto " + v.binder.name + " in");
        Expr(*v.list, depth + 1);
        if (v.where) Line(depth, "where"), Expr(*v.where, depth + 1);
        if (v.valid) Line(depth, "valid when"), Expr(*v.valid, depth + 1);
        if (v.invalid_warning) Reason("else warn", *v.invalid_warning, depth + 1);
        if (v.overridden) Line(depth, "overridden when"), Expr(*v.overridden, depth + 1);
        if (v.deny) Reason("deny", *v.deny, depth);
        break;
      }
    }
  }

  void Expr(const ast::Expr& expr, int depth) {
    switch (expr.kind) {
      case ExprKind::Error: Line(depth, "<error>"); break;
      case ExprKind::Int: Line(depth, fmt::format("int {}", expr.As<IntLit>().value)); break;
      case ExprKind::Decimal:
      case ExprKind::Percent: {
        const auto& d = expr.As<DecimalLit>();
        Line(depth, fmt::format("{} {}e-{}", expr.kind == ExprKind::Percent ? "percent" : "decimal", d.mantissa, d.scale));
        break;
      }
      case ExprKind::String: {
        const auto& s = expr.As<StringLit>();
        Line(depth, s.raw ? "raw string" : "string");
        for (const auto& part : s.parts) {
          if (part.expr) Expr(*part.expr, depth + 1);
          else Line(depth + 1, "text \"" + part.text + "\"");
        }
        break;
      }
      case ExprKind::Date: Line(depth, fmt::format("date days={}", expr.As<DateLit>().days)); break;
      case ExprKind::Timestamp: Line(depth, fmt::format("timestamp us={}", expr.As<TimestampLit>().micros)); break;
      case ExprKind::Bool: Line(depth, expr.As<BoolLit>().value ? "true" : "false"); break;
      case ExprKind::None: Line(depth, "none"); break;
      case ExprKind::Duration: {
        static const char* kUnits[] = {"seconds", "minutes", "hours", "days", "weeks", "business_days"};
        const auto& d = expr.As<DurationLit>();
        Line(depth, fmt::format("duration {} {}", d.amount, kUnits[static_cast<int>(d.unit)]));
        break;
      }
      case ExprKind::Fraction: {
        const auto& f = expr.As<FractionOf>();
        Line(depth, fmt::format("fraction {}/{} of", f.num, f.den));
        Expr(*f.whole, depth + 1);
        break;
      }
      case ExprKind::List:
        Line(depth, "list");
        for (const auto& e : expr.As<ListLit>().elements) Expr(*e, depth + 1);
        break;
      case ExprKind::Record:
        Line(depth, "record " + expr.As<RecordLit>().type_name.name);
        Fields(expr.As<RecordLit>().fields, depth + 1);
        break;
      case ExprKind::Name: Line(depth, "name " + expr.As<NameExpr>().name.name); break;
      case ExprKind::Lambda: {
        const auto& l = expr.As<LambdaExpr>();
        Line(depth, "lambda " + l.param.name);
        Expr(*l.body, depth + 1);
        break;
      }
      case ExprKind::Call: {
        const auto& c = expr.As<CallExpr>();
        Line(depth, "call " + c.callee.name);
        for (const auto& a : c.args) Expr(*a, depth + 1);
        break;
      }
      case ExprKind::Member: {
        const auto& m = expr.As<MemberExpr>();
        Line(depth, std::string(m.is_call ? "method " : m.optional_chain ? "field?. " : "field ") + m.name.name);
        Expr(*m.object, depth + 1);
        for (const auto& a : m.args) Expr(*a, depth + 1);
        break;
      }
      case ExprKind::Index:
        Line(depth, "index");
        Expr(*expr.As<IndexExpr>().object, depth + 1);
        Expr(*expr.As<IndexExpr>().index, depth + 1);
        break;
      case ExprKind::Slice: {
        const auto& s = expr.As<SliceExpr>();
        Line(depth, std::string("slice") + (s.lo ? "" : " from the start") + (s.hi ? "" : " to the end"));
        Expr(*s.object, depth + 1);
        if (s.lo) Expr(*s.lo, depth + 1);
        if (s.hi) Expr(*s.hi, depth + 1);
        break;
      }
      case ExprKind::With:
        Line(depth, "with");
        Expr(*expr.As<WithExpr>().base, depth + 1);
        Fields(expr.As<WithExpr>().fields, depth + 1);
        break;
      case ExprKind::Unary:
        Line(depth, expr.As<UnaryExpr>().op == UnaryOp::Not ? "not" : "neg");
        Expr(*expr.As<UnaryExpr>().operand, depth + 1);
        break;
      case ExprKind::Binary: {
        const auto& b = expr.As<BinaryExpr>();
        Line(depth, std::string("binary ") + BinaryOpSpelling(b.op));
        Expr(*b.lhs, depth + 1);
        Expr(*b.rhs, depth + 1);
        break;
      }
      case ExprKind::Match: {
        const auto& m = expr.As<MatchExpr>();
        Line(depth, "match");
        Expr(*m.subject, depth + 1);
        for (const auto& arm : m.arms) {
          std::string patterns;
          for (const auto& p : arm.patterns) patterns += " " + p.name;
          Line(depth + 1, "arm" + patterns);
          Expr(*arm.value, depth + 2);
        }
        break;
      }
      case ExprKind::If: {
        const auto& i = expr.As<IfExpr>();
        Line(depth, "if");
        Expr(*i.cond, depth + 1);
        Expr(*i.then_value, depth + 1);
        Expr(*i.else_value, depth + 1);
        break;
      }
    }
  }

  std::string out_;
};

}  // namespace

std::string PrintAst(const File& file) {
  Printer printer;
  printer.File(file);
  return printer.Take();
}

}  // namespace charter::ast
