// Every ```charter example in docs/language.md and README.md must parse.
#include <catch2/catch.hpp>

#include <sstream>

#include "compiler/diagnostics/render.h"
#include "test_support.h"

using namespace charter;

TEST_CASE("Documentation examples parse without syntax errors", "[docs]") {
  for (const char* doc : {"docs/language.md", "README.md"}) {
    std::string text;
    REQUIRE(ReadFile(testing::SourcePath(doc), text));
    std::istringstream in(text);
    std::string line, block;
    bool inside = false;
    int examples = 0, line_number = 0, block_start = 0;
    while (std::getline(in, line)) {
      ++line_number;
      if (!inside && line.rfind("```charter", 0) == 0) {
        inside = true;
        block.clear();
        block_start = line_number + 1;
      } else if (inside && line.rfind("```", 0) == 0) {
        inside = false;
        ++examples;
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
        INFO(doc << " example at line " << block_start << ":\n" << best);
        CHECK(best.empty());
      } else if (inside) {
        block += line + "\n";
      }
    }
    INFO(doc);
    CHECK(examples > 0);
  }
}
