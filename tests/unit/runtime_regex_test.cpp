#include <catch2/catch.hpp>

#include <string>

#include "runtime/builtins/regex.h"

using charter::runtime::Regex;
using charter::runtime::RegexTable;

static bool Full(const std::string& pattern, const std::string& text) {
  auto compiled = Regex::Compile(pattern);
  REQUIRE(std::holds_alternative<Regex>(compiled));
  std::string error;
  auto matched = std::get<Regex>(compiled).FullMatch(text, error);
  REQUIRE(matched.has_value());
  return *matched;
}

TEST_CASE("Regexes match the whole text, trying every alternative", "[runtime][regex]") {
  CHECK(Full(R"(^[A-Za-z0-9-]+$)", "needs-triage"));
  CHECK_FALSE(Full(R"(^[A-Za-z0-9-]+$)", "needs triage"));
  CHECK_FALSE(Full("b", "abc"));          // no search: the whole text
  CHECK(Full("a|ab", "ab"));              // the shorter alternative fails at the end; the longer one is tried
  CHECK(Full(R"((a+)+b)", "aaab"));
  CHECK(Full(R"(\d+(\.\d+)*)", "1.22.333"));
  CHECK(Full(R"((?=.*\d)[a-z0-9]+)", "abc1"));  // look-ahead
  CHECK_FALSE(Full(R"((?=.*\d)[a-z0-9]+)", "abc"));
  CHECK(Full(R"((ab)\1)", "abab"));             // back-reference
  CHECK(Full("", ""));
}

TEST_CASE("Regexes end only at the end, and `.` stops at line breaks", "[runtime][regex]") {
  CHECK_FALSE(Full("^abc$", "abc\n"));  // `$` does not match before a final newline
  CHECK_FALSE(Full("a.c", "a\nc"));
  CHECK_FALSE(Full("a.c", "a\rc"));
  CHECK(Full("a.c", "a\tc"));
  CHECK(Full(R"(\u0041)", "A"));          // ECMAScript's \uXXXX
  CHECK(Full(R"(\x41)", "A"));
  CHECK(Full("caf.", "caf\xc3"));         // bytes, not code points
}

TEST_CASE("An invalid regex says what is wrong and where", "[runtime][regex]") {
  auto compiled = Regex::Compile("[a-z");
  REQUIRE(std::holds_alternative<std::string>(compiled));
  CHECK(std::get<std::string>(compiled) == "missing terminating ] for character class at offset 4");
  CHECK(std::holds_alternative<std::string>(Regex::Compile("(a")));
  CHECK(std::holds_alternative<std::string>(Regex::Compile("a{2,1}")));
}

TEST_CASE("A regex table compiles literals once and bounds the patterns it keeps", "[runtime][regex]") {
  RegexTable table({"^[a-z]+$", "[broken"});
  CHECK(std::get<bool>(table.Match(0, "ignored for literals", "abc")) == true);
  CHECK(std::get<bool>(table.Match(0, "", "ab1")) == false);
  auto broken = table.Match(1, "[broken", "x");
  REQUIRE(std::holds_alternative<std::string>(broken));
  CHECK(std::get<std::string>(broken) ==
        "invalid regular expression \"[broken\": missing terminating ] for character class at offset 7");
  // Patterns computed per event: each compiled on first use; past the bound the table starts over, still right.
  for (int i = 0; i < 1000; ++i) {
    std::string pattern = "x" + std::to_string(i) + "y";
    CHECK(std::get<bool>(table.Match(-1, pattern, pattern)) == true);
    CHECK(std::get<bool>(table.Match(-1, pattern, "x" + std::to_string(i + 1) + "y")) == false);
  }
  CHECK(std::holds_alternative<std::string>(table.Match(-1, "(", "(")));
}

TEST_CASE("Catastrophic backtracking stops with an error, not a hang", "[runtime][regex]") {
  RegexTable table({});
  auto result = table.Match(-1, "(a|aa)+", std::string(4000, 'a') + "!");
  REQUIRE(std::holds_alternative<std::string>(result));
  CHECK(std::get<std::string>(result) == "regular expression failed: match limit exceeded");
}

TEST_CASE("Deep but finite backtracking over the longest text allowed succeeds", "[runtime][regex]") {
  // Each repetition of a group with alternatives leaves a frame to come back to.
  CHECK(Full("(a|b)+", std::string(4096, 'a')));
  CHECK(Full("((a)|b)*c", std::string(4095, 'a') + "c"));
  CHECK_FALSE(Full("(?:a|b)*", std::string(4095, 'a') + "c"));
}
