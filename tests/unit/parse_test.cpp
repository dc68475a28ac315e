#include <catch2/catch.hpp>

#include "compiler/parse/parse.h"

using namespace charter;

namespace {

struct Parsed {
  SourceManager sources;
  DiagnosticSink diags;
  std::unique_ptr<ast::File> file;
};

std::unique_ptr<Parsed> ParseText(const std::string& text) {
  auto parsed = std::make_unique<Parsed>();
  parsed->file = Parse(parsed->sources.Add("t.charter", text), parsed->diags);
  return parsed;
}

const ast::Expr& ConstValue(const Parsed& parsed, size_t index = 0) {
  return *parsed.file->decls.at(index)->As<ast::ConstDecl>().value;
}

}  // namespace

TEST_CASE("Multiplication binds tighter than addition", "[parse]") {
  auto parsed = ParseText("const x = 1 + 2 * 3");
  REQUIRE(parsed->diags.ErrorCount() == 0);
  const auto& add = ConstValue(*parsed).As<ast::BinaryExpr>();
  CHECK(add.op == ast::BinaryOp::Add);
  CHECK(add.rhs->As<ast::BinaryExpr>().op == ast::BinaryOp::Mul);
}

TEST_CASE("Field access binds tighter than comparison, and comparison tighter than not", "[parse]") {
  auto parsed = ParseText("const x = not a.b == c.d and e or f");
  REQUIRE(parsed->diags.ErrorCount() == 0);
  const auto& top = ConstValue(*parsed).As<ast::BinaryExpr>();
  REQUIRE(top.op == ast::BinaryOp::Or);
  const auto& conj = top.lhs->As<ast::BinaryExpr>();
  REQUIRE(conj.op == ast::BinaryOp::And);
  const auto& negation = conj.lhs->As<ast::UnaryExpr>();
  CHECK(negation.op == ast::UnaryOp::Not);
  const auto& eq = negation.operand->As<ast::BinaryExpr>();
  CHECK(eq.op == ast::BinaryOp::Eq);
  CHECK(eq.lhs->kind == ast::ExprKind::Member);
  CHECK(eq.rhs->kind == ast::ExprKind::Member);
}

TEST_CASE("Literals keep exact values", "[parse]") {
  auto parsed = ParseText("const a = 62.5\nconst b = 25%\nconst c = 5 business_days\nconst d = 2026-11-02\nconst e = 4/5 of cast");
  REQUIRE(parsed->diags.ErrorCount() == 0);
  const auto& decimal = ConstValue(*parsed, 0).As<ast::DecimalLit>();
  CHECK(decimal.mantissa == 625);
  CHECK(decimal.scale == 1);
  CHECK(ConstValue(*parsed, 1).kind == ast::ExprKind::Percent);
  CHECK(ConstValue(*parsed, 2).As<ast::DurationLit>().unit == ast::DurationUnit::BusinessDays);
  CHECK(ConstValue(*parsed, 3).As<ast::DateLit>().days == 20759);
  const auto& fraction = ConstValue(*parsed, 4).As<ast::FractionOf>();
  CHECK(fraction.num == 4);
  CHECK(fraction.den == 5);
}

TEST_CASE("String interpolations are parsed with spans inside the string", "[parse]") {
  auto parsed = ParseText("const m = \"got {tally.cast} of {n}\"");
  REQUIRE(parsed->diags.ErrorCount() == 0);
  const auto& str = ConstValue(*parsed).As<ast::StringLit>();
  REQUIRE(str.parts.size() == 4);
  REQUIRE(str.parts[1].expr);
  CHECK(str.parts[1].expr->kind == ast::ExprKind::Member);
  CHECK(str.parts[1].expr->span.column == 17);
  CHECK(str.parts[1].expr->span.length == 10);
  CHECK(str.parts[2].text == " of ");
}

TEST_CASE("Doc comments attach to the declaration below them", "[parse]") {
  auto parsed = ParseText("/// §2.5 quorum.\n/// Second line.\nconst q = 4\n// not a doc\nconst r = 5");
  REQUIRE(parsed->file->decls.size() == 2);
  CHECK(parsed->file->decls[0]->doc == "§2.5 quorum.\nSecond line.");
  CHECK(parsed->file->decls[1]->doc.empty());
}

TEST_CASE("Spans count bytes after non-ASCII text", "[parse]") {
  auto parsed = ParseText("// §≥ comment\nconst x = @");
  REQUIRE(parsed->diags.ErrorCount() >= 1);
  const Diagnostic& diag = parsed->diags.diagnostics().front();
  CHECK(diag.span.line == 2);
  CHECK(diag.span.column == 11);
}

TEST_CASE("Recovery keeps declarations after a syntax error", "[parse]") {
  auto parsed = ParseText("enum A { x }\nrule r on e { require > else \"c\": \"m\" }\nenum B { y }\nconst c = 1");
  CHECK(parsed->diags.ErrorCount() >= 1);
  std::vector<std::string> names;
  for (const auto& decl : parsed->file->decls) names.push_back(decl->name.name);
  CHECK(std::find(names.begin(), names.end(), "B") != names.end());
  CHECK(std::find(names.begin(), names.end(), "c") != names.end());
}

TEST_CASE("Keywords that name fields stay usable as names", "[parse]") {
  auto parsed = ParseText("record V { by: int, vote: int, tier: int, kind: int, value: int, type: int }");
  REQUIRE(parsed->diags.ErrorCount() == 0);
  CHECK(parsed->file->decls.at(0)->As<ast::RecordDecl>().fields.size() == 6);
}

TEST_CASE("Invalid UTF-8 is reported, not thrown", "[parse]") {
  auto parsed = ParseText("const x = \"a\xff\xfe b\"\nconst y = 1");
  REQUIRE(parsed->diags.ErrorCount() == 2);
  CHECK(parsed->diags.diagnostics()[0].code() == std::string("E0002"));
  CHECK(parsed->diags.diagnostics()[0].span.column == 13);
  CHECK(parsed->file->decls.size() == 2);
}
