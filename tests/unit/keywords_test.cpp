// compiler/parse/keywords.def is the grammar's keyword list, exactly.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "compiler/parse/keywords.h"
#include "test_support.h"

using namespace charter;

TEST_CASE("keywords.def lists every keyword rule of the grammar, reserved unless `ident` accepts it", "[keywords]") {
  std::string grammar;
  REQUIRE(ReadFile(testing::SourcePath("grammar/Charter.g4"), grammar));
  // `POLICY: 'policy';`: a lexer rule whose whole text is one word.
  std::map<std::string, std::string> rules;
  std::regex rule("([A-Z_]+): '([a-z_]+)';");
  for (std::sregex_iterator it(grammar.begin(), grammar.end(), rule), end; it != end; ++it) {
    rules[(*it)[1]] = (*it)[2];
  }
  // The `ident` rule's alternatives are the contextual keywords.
  std::smatch ident;
  REQUIRE(std::regex_search(grammar, ident, std::regex("\nident\\s*\n([^;]*);")));
  std::string alternatives = ident[1];
  std::set<std::string> contextual;
  std::regex token("[A-Z_]+");
  for (std::sregex_iterator it(alternatives.begin(), alternatives.end(), token), end; it != end; ++it) {
    if (it->str() != "IDENT") contextual.insert(it->str());
  }

  REQUIRE(rules.size() > 50);
  CHECK(AllKeywords().size() == rules.size());
  for (const Keyword& keyword : AllKeywords()) {
    std::string token(keyword.token);
    INFO("keywords.def row " << token);
    REQUIRE(rules.count(token));
    CHECK(rules[token] == keyword.spelling);
    CHECK((keyword.cls == KeywordClass::Contextual) == (contextual.count(token) == 1));
  }
}

TEST_CASE("Keyword classes answer the splitter's and the editor's questions", "[keywords]") {
  CHECK(IsKeyword("rule"));
  CHECK_FALSE(IsReservedKeyword("rule"));
  CHECK(IsReservedKeyword("if"));
  CHECK(IsReservedKeyword("none"));
  CHECK_FALSE(IsKeyword("ballots"));
  auto starts_decl = KeywordsStarting(StartsDecl);
  CHECK(std::find(starts_decl.begin(), starts_decl.end(), "policy") != starts_decl.end());
  CHECK(std::find(starts_decl.begin(), starts_decl.end(), "require") == starts_decl.end());
}
