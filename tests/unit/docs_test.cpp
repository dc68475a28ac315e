// Every ```charter example in docs/language.md and README.md must parse.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <sstream>

#include "compiler/check/methods.h"
#include "compiler/diagnostics/render.h"
#include "test_support.h"

using namespace charter;

TEST_CASE("Documentation examples parse without syntax errors", "[docs]") {
  for (const char* doc : {"docs/language.md", "README.md"}) {
    std::string text;
    REQUIRE(ReadFile(testing::SourcePath(doc), text));
    int examples = 0;
    for (const auto& example : testing::CharterExamples(text)) {
      ++examples;
      const std::string& block = example.text;
      // Fragments are statements or expressions: try them where they belong.
      std::string best;
      for (const std::string& candidate :
           {block, "rule doc on e {\n" + block + "}\n", "const doc =\n" + block}) {
        SourceManager sources;
        DiagnosticSink diags;
        Parse(sources.Add(doc, candidate), diags);
        std::string errors;
        for (const auto& d : diags.diagnostics()) {
          if (d.kind == DiagKind::SyntaxError || d.kind == DiagKind::InvalidCharacter) errors += RenderShort(d) + "\n";
        }
        if (errors.empty()) {
          best.clear();
          break;
        }
        if (best.empty()) best = errors;
      }
      INFO(doc << " example at line " << example.line << ":\n" << best);
      CHECK(best.empty());
    }
    INFO(doc);
    CHECK(examples > 0);
  }
}

namespace {

/// The rows of the markdown table that follows the line `heading`: each row's cells.
std::vector<std::vector<std::string>> TableAfter(const std::string& text, const std::string& heading) {
  std::vector<std::vector<std::string>> rows;
  // The heading stands at the start of a line of its own, or before a parenthesis.
  size_t at = 0;
  for (at = text.find("\n" + heading); at != std::string::npos; at = text.find("\n" + heading, at + 1)) {
    char after = text[at + 1 + heading.size()];
    if (after == '\n' || text.compare(at + 1 + heading.size(), 2, " (") == 0) break;
  }
  if (at == std::string::npos) return rows;
  std::istringstream in(text.substr(at + 1));
  std::string line;
  std::getline(in, line);
  bool in_table = false;
  while (std::getline(in, line)) {
    if (line.rfind("|", 0) != 0) {
      if (in_table) break;
      continue;
    }
    in_table = true;
    if (line.rfind("| ---", 0) == 0 || line.rfind("| method", 0) == 0) continue;
    std::vector<std::string> cells;
    std::string cell;
    for (size_t i = 1; i < line.size(); ++i) {
      if (line[i] == '|') {
        cells.push_back(cell);
        cell.clear();
      } else {
        cell += line[i];
      }
    }
    rows.push_back(cells);
  }
  return rows;
}

}  // namespace

TEST_CASE("docs/language.md lists exactly the methods of methods.def, with their result types", "[docs]") {
  std::string text;
  REQUIRE(ReadFile(testing::SourcePath("docs/language.md"), text));
  struct Section {
    std::vector<MethodReceiver> receivers;
    const char* heading;
  };
  const Section kSections[] = {{{MethodReceiver::String}, "**Strings**"},
                               {{MethodReceiver::Collection, MethodReceiver::Strings}, "**Lists and sets**"},
                               {{MethodReceiver::Percent}, "**Percents**"}};
  for (const auto& [receivers, heading] : kSections) {
    INFO(heading);
    auto rows = TableAfter(text, heading);
    REQUIRE(!rows.empty());
    std::set<std::string> documented;
    for (const auto& row : rows) {
      REQUIRE(row.size() >= 2);
      // `xs.count()`, `xs.count(x => p)`: every `.name(` in the first cell.
      std::regex call("\\.([a-z_]+)\\(");
      for (std::sregex_iterator it(row[0].begin(), row[0].end(), call), end; it != end; ++it) {
        std::string name = (*it)[1];
        documented.insert(name);
        const MethodInfo* method = nullptr;
        for (MethodReceiver receiver : receivers) {
          if (!method) method = FindMethod(receiver, name);
        }
        INFO("documented method `" << name << "`");
        REQUIRE(method);
        CHECK(row[1].find("`" + method->ResultText() + "`") != std::string::npos);
      }
    }
    for (MethodReceiver receiver : receivers) {
      for (const MethodInfo* method : MethodsOf(receiver)) {
        INFO("methods.def row `" << method->name << "`");
        CHECK(documented.count(std::string(method->name)));
      }
    }
  }
}

TEST_CASE("Every method's name, receiver and lowering come from one methods.def row", "[docs]") {
  std::set<std::pair<MethodReceiver, std::string>> seen;
  for (const MethodInfo& method : AllMethods()) {
    INFO(method.name);
    CHECK(&MethodOf(method.id) == &method);
    CHECK(seen.insert({method.receiver, std::string(method.name)}).second);
    CHECK(!method.doc.empty());
    bool plain = method.args == MethodArgs::Text || method.args == MethodArgs::Element;
    CHECK(plain == !method.param.empty());
  }
  // An alias never shadows a real method and always names one.
  CHECK(MethodAlias(MethodReceiver::Collection, "size") == FindMethod(MethodReceiver::Collection, "count"));
  CHECK(MethodAlias(MethodReceiver::Collection, "count") == nullptr);
}
