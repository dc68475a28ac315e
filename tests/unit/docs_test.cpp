// Every ```charter example in docs/language.md and README.md must parse.
#include <catch2/catch.hpp>

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
