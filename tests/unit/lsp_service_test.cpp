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

TEST_CASE("Methods are described and completed from methods.def, with the receiver's types", "[lsp]") {
  std::string text =
      "policy p\n"
      "record Ballot { member: string }\n"
      "event change { ballots: list<Ballot>, labels: set<string> }\n"
      "rule r on change {\n"
      "  require event.labels.distinct().count() > 0 else \"a\": \"m\"\n"
      "  require event.ballots.filter(b => b.member.starts_with(\"x\")).is_empty() else \"b\": \"m\"\n"
      "}\n";
  auto a = Analyze("/virtual/p.charter", text, {});
  auto at = [&](const std::string& needle) {
    return a->index.At(a->entry, static_cast<uint32_t>(text.find(needle)));
  };
  const Occurrence* distinct = at("distinct()");
  REQUIRE(distinct);
  CHECK(distinct->target.kind == SymKind::Method);
  // The checker returns a set; hover says so, with the element type filled in.
  CHECK(DescribeSymbol(*a, *distinct).find("distinct([x => U]) -> set<U>") != std::string::npos);
  const Occurrence* filter = at("filter(");
  REQUIRE(filter);
  CHECK(DescribeSymbol(*a, *filter).find("filter(x => bool) -> list<Ballot>") != std::string::npos);
  const Occurrence* starts = at("starts_with");
  REQUIRE(starts);
  CHECK(DescribeSymbol(*a, *starts).find("starts_with(prefix: string) -> bool") != std::string::npos);

  std::string prefix = text.substr(0, text.find("distinct")) ;
  auto items = Complete(prefix, static_cast<uint32_t>(prefix.size()), {a, a});
  bool found = false;
  for (const auto& item : items) {
    if (item.label != "filter") continue;
    found = true;
    CHECK(item.detail == "filter(x => bool) -> set<string>");
    CHECK(item.insert == "filter(${1:x} => $2)");
  }
  CHECK(found);
}
