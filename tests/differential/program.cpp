#include "tests/differential/program.h"

namespace charter::differential {

namespace {

void RenderBlock(const std::vector<Stmt>& stmts, int indent, std::string& out) {
  std::string pad(indent, ' ');
  for (const Stmt& stmt : stmts) {
    out += pad + stmt.head;
    if (stmt.block) {
      out += " {\n";
      RenderBlock(stmt.body, indent + 2, out);
      out += pad + "}";
      if (!stmt.else_body.empty()) {
        out += " else {\n";
        RenderBlock(stmt.else_body, indent + 2, out);
        out += pad + "}";
      }
    }
    out += "\n";
  }
}

size_t Count(const std::vector<Stmt>& stmts) {
  size_t n = 0;
  for (const Stmt& stmt : stmts) n += 1 + Count(stmt.body) + Count(stmt.else_body);
  return n;
}

}  // namespace

std::string Render(const Program& program) {
  std::string out = "policy differential\n\n";
  for (const std::string& import : program.imports) out += "import " + import + "\n";
  out += "\n";
  for (const std::string& decl : program.prelude) out += decl + "\n";
  for (const std::string& decl : program.decls) out += decl + "\n";
  for (const Rule& rule : program.rules) {
    out += "\nrule " + rule.name + " on e";
    if (!rule.when.empty()) out += " when " + rule.when;
    out += " {\n";
    RenderBlock(rule.body, 2, out);
    out += "}\n";
  }
  return out;
}

size_t StatementCount(const Program& program) {
  size_t n = 0;
  for (const Rule& rule : program.rules) n += Count(rule.body);
  return n;
}

}  // namespace charter::differential
