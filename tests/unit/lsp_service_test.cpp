// The language service on half-typed text: every prefix of a policy is
// analysed, indexed, described and completed without a crash.
#include <catch2/catch.hpp>

#include "lsp/service/completion.h"
#include "lsp/service/describe.h"
#include "lsp/service/lexer.h"
#include "test_support.h"

using namespace charter::lsp;

TEST_CASE("Every line prefix of a policy is analysed, indexed and completed", "[lsp]") {
  std::string text;
  REQUIRE(charter::ReadFile(charter::testing::SourcePath("tests/lsp/fixtures/council.charter"), text));
  auto whole = Analyze("/virtual/council.charter", text, {});
  REQUIRE(whole->syntax_ok);
  size_t cut = 0;
  int prefixes = 0;
  while ((cut = text.find('\n', cut + 1)) != std::string::npos) {
    std::string prefix = text.substr(0, cut + 1) + "  event.";
    auto analysis = Analyze("/virtual/council.charter", prefix, {});
    for (const auto& o : analysis->index.all()) CHECK_FALSE(DescribeSymbol(*analysis, o).empty());
    Complete(prefix, static_cast<uint32_t>(prefix.size()), {analysis, whole});
    FindCall(prefix, static_cast<uint32_t>(prefix.size()));
    Lex(prefix);
    ++prefixes;
  }
  CHECK(prefixes > 50);
}

TEST_CASE("The symbol index resolves uses to their declarations", "[lsp]") {
  std::string text =
      "policy p\n"
      "enum Role { platform, security }\n"
      "record Ballot { role: Role }\n"
      "event change { ballots: list<Ballot> }\n"
      "rule r on change {\n"
      "  let n = event.ballots.count(b => b.role == security)\n"
      "  require n > 0 else \"none\": \"no security ballot\"\n"
      "}\n";
  auto a = Analyze("/virtual/p.charter", text, {});
  auto at = [&](const std::string& needle, size_t delta = 0) {
    return a->index.At(a->entry, static_cast<uint32_t>(text.find(needle) + delta));
  };
  REQUIRE(at("security)"));
  CHECK(at("security)")->target.kind == SymKind::EnumMember);
  CHECK(at("role ==", 1)->target.kind == SymKind::Field);
  const Occurrence* n = at("n > 0");
  REQUIRE(n);
  CHECK(n->target.kind == SymKind::Local);
  CHECK(a->index.Definition(n->target).offset == text.find("n = event"));
  CHECK(a->index.References(n->target).size() == 2);
  const Occurrence* code = at("none\"", 0);
  REQUIRE(code);
  CHECK(code->target.kind == SymKind::ReasonCode);
  CHECK(code->span.length == 4);
}
