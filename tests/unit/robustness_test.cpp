// Truncated and cut policies must never crash or hang the front end, and a
// text cut inside a declaration must produce at least one error.
#include <catch2/catch.hpp>

#include "compiler/base/source.h"
#include "test_support.h"

using charter::testing::CheckText;
using charter::testing::SourcePath;

namespace {

// Brace depth at the end of `text`, ignoring strings and comments.
int OpenBraces(const std::string& text) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"' || c == '\n') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}') {
      --depth;
    }
  }
  return depth;
}

void CheckCut(const std::string& prefix) {
  auto run = CheckText(prefix, "cut.charter");
  if (OpenBraces(prefix) > 0) {
    INFO("cut text ends with: " << prefix.substr(prefix.size() > 80 ? prefix.size() - 80 : 0));
    CHECK(run->Errors() > 0);
  }
}

const char* kPolicies[] = {"policies/cicd-constitution.charter", "policies/job-contracts.charter"};

// The declarations and rules; the test blocks after them repeat one shape
// hundreds of times and would only make every cut slower.
std::string PolicyBody(const char* policy) {
  std::string text;
  REQUIRE(charter::ReadFile(SourcePath(policy), text));
  size_t tests = text.find("// ------------------------------------------------------------------ tests");
  return tests == std::string::npos ? text : text.substr(0, tests);
}

}  // namespace

TEST_CASE("Every line prefix of the shipped policies checks without crashing", "[robustness]") {
  for (const char* policy : kPolicies) {
    std::string text = PolicyBody(policy);
    for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1)) {
      CheckCut(text.substr(0, at + 1));
    }
  }
}

TEST_CASE("Cuts at token boundaries check without crashing", "[robustness]") {
  for (const char* policy : kPolicies) {
    std::string text = PolicyBody(policy);
    std::vector<size_t> boundaries;
    for (size_t i = 1; i < text.size(); ++i) {
      bool word = std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_';
      bool prev_word = std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '_';
      if (word != prev_word || !word) boundaries.push_back(i);
    }
    size_t step = std::max<size_t>(1, boundaries.size() / 200);
    for (size_t i = 0; i < boundaries.size(); i += step) {
      CheckCut(text.substr(0, boundaries[i]));
      // Also drop one token from the middle, keeping the rest of the file.
      size_t next = i + 1 < boundaries.size() ? boundaries[i + 1] : text.size();
      CheckText(text.substr(0, boundaries[i]) + text.substr(next), "cut.charter");
    }
  }
}
