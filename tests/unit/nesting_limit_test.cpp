// Nesting past the limit of docs/language.md ("Nesting limit") is one E0007 at
// the level that goes too deep, in every phase that reads source, however deep
// the text goes; nesting up to the limit checks and formats as before.
#include <catch2/catch.hpp>

#include <algorithm>

#include "compiler/format/format.h"
#include "test_support.h"

using namespace charter;
using charter::testing::CheckText;

namespace {

std::string Repeat(const std::string& piece, int times) {
  std::string out;
  out.reserve(piece.size() * static_cast<size_t>(times));
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

struct Shape {
  const char* name;
  std::string (*expr)(int levels);  // an expression `levels` deep
};

// Each nests one level per repetition; some are cut off (unclosed brackets).
const Shape kShapes[] = {
    {"parentheses", [](int n) { return Repeat("(", n) + "1" + Repeat(")", n); }},
    {"unclosed parentheses", [](int n) { return Repeat("(", n); }},
    {"lists", [](int n) { return Repeat("[", n) + "1" + Repeat("]", n); }},
    {"unclosed lists", [](int n) { return Repeat("[", n); }},
    {"not", [](int n) { return Repeat("not ", n) + "true"; }},
    {"negation", [](int n) { return Repeat("-", n) + "1"; }},
    {"a sum", [](int n) { return "1" + Repeat(" + 1", n); }},
    {"an and chain", [](int n) { return "true" + Repeat(" and true", n); }},
    {"an or chain", [](int n) { return "true" + Repeat(" or true", n); }},
    {"method calls", [](int n) { return "[1]" + Repeat(".count()", n); }},
    {"with", [](int n) { return "x" + Repeat(" with {a: 1}", n); }},
    {"if", [](int n) { return Repeat("if true then ", n) + "1" + Repeat(" else 1", n); }},
    {"else if", [](int n) { return Repeat("if true then 1 else ", n) + "1"; }},
    {"calls", [](int n) { return Repeat("f(", n) + "1" + Repeat(")", n); }},
    {"fractions", [](int n) { return Repeat("1/2 of ", n) + "x"; }},
};

std::string Policy(const std::string& expr) { return "policy p\nconst x = " + expr + "\n"; }

size_t Count(const std::vector<std::string>& codes, const std::string& code) {
  return static_cast<size_t>(std::count(codes.begin(), codes.end(), code));
}

}  // namespace

TEST_CASE("A hundred thousand levels of any shape are one E0007, never a crash", "[parse][limits]") {
  for (const Shape& shape : kShapes) {
    INFO(shape.name);
    auto run = CheckText(Policy(shape.expr(100000)));
    CHECK(Count(run->Codes(), "E0007") == 1);
  }
}

TEST_CASE("Types and blocks nested a hundred thousand deep are one E0007", "[parse][limits]") {
  auto type = CheckText("policy p\nconst x: " + Repeat("list<", 100000) + "int" + Repeat(">", 100000) + " = []\n");
  CHECK(Count(type->Codes(), "E0007") == 1);
  auto blocks = CheckText("policy p\nevent e { n: int }\nrule r on e {\n" + Repeat("when true {\n", 100000) +
                          Repeat("}\n", 100000) + "}\n");
  CHECK(Count(blocks->Codes(), "E0007") == 1);
}

TEST_CASE("E0007 points at the first level past the limit", "[parse][limits]") {
  auto run = CheckText(Policy(kShapes[0].expr(100000)));
  REQUIRE(run->diags.diagnostics().size() == 1);
  const Diagnostic& d = run->diags.diagnostics()[0];
  CHECK(d.message == "expression nests deeper than 256 levels");
  CHECK(d.span.line == 2);
  // `const x = ` is ten columns. Brackets are counted before parsing, and
  // more than 257 open (a declaration's own `{` is not a level) are refused
  // at the 258th; from 257 down the parser finds the 257th level exactly,
  // as the golden test tests/check/fail_nesting_too_deep.charter shows.
  CHECK(d.span.column == 10 + 258);
  CHECK(d.span.length == 1);
}

TEST_CASE("Nesting up to the limit checks; one level more is E0007", "[parse][limits]") {
  // The top expression is one level: 255 parentheses around `1` make 256.
  CHECK(CheckText(Policy(kShapes[0].expr(kMaxNesting - 1)))->Errors() == 0);
  CHECK(Count(CheckText(Policy(kShapes[0].expr(kMaxNesting)))->Codes(), "E0007") == 1);
  // A chain of n operators nests n + 1 levels (its last operand is one too).
  CHECK(CheckText(Policy(kShapes[6].expr(kMaxNesting - 1)))->Errors() == 0);
  CHECK(Count(CheckText(Policy(kShapes[6].expr(kMaxNesting)))->Codes(), "E0007") == 1);
  CHECK(CheckText(Policy(kShapes[7].expr(kMaxNesting - 1)))->Errors() == 0);
}

TEST_CASE("Only the declaration that nests too deep is left out", "[parse][limits]") {
  auto run = CheckText("policy p\nconst a = 1\nconst x = " + kShapes[0].expr(100000) + "\nconst b = a + 1\n");
  CHECK(Count(run->Codes(), "E0007") == 1);
  CHECK(run->Errors() == 1);  // `b` still finds `a`
}

TEST_CASE("An interpolation nesting too deep is E0007", "[parse][limits]") {
  auto run = CheckText(Policy("\"{" + kShapes[0].expr(100000) + "}\""));
  CHECK(Count(run->Codes(), "E0007") == 1);
}

TEST_CASE("fmt refuses text nested past the limit with E0007 and formats text at the limit", "[format][limits]") {
  for (const Shape& shape : kShapes) {
    INFO(shape.name);
    DiagnosticSink diags;
    CHECK_FALSE(format::FormatSource("t.charter", Policy(shape.expr(100000)), diags));
    std::vector<std::string> codes;
    for (const auto& d : diags.diagnostics()) codes.push_back(d.code());
    CHECK(Count(codes, "E0007") == 1);
  }
  for (int shape : {0, 2, 6, 7, 11, 12}) {
    INFO(kShapes[shape].name);
    DiagnosticSink diags;
    auto formatted = format::FormatSource("t.charter", Policy(kShapes[shape].expr(kMaxNesting - 1)), diags);
    CHECK(formatted);
    CHECK(diags.diagnostics().empty());
  }
}

TEST_CASE("A syntax error at a token of 50,000 characters is reported with the token cut short", "[parse][limits]") {
  for (const std::string& token : {std::string(50000, 'a'), "\"" + std::string(60000, 's') + "\"",
                                   std::string(60000, '7')}) {
    auto run = CheckText("policy p\n" + token + "\n");
    REQUIRE(run->Errors() > 0);
    for (const auto& d : run->diags.diagnostics()) {
      INFO(d.message);
      CHECK(d.message.size() < 200);
    }
  }
}
