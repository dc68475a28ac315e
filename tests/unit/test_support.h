// Helpers shared by the unit tests: run the front end on text or files.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "compiler/parse/parse.h"

namespace charter::testing {

struct CheckRun {
  DiagnosticSink diags;
  std::unique_ptr<CheckedProgram> checked;
  std::vector<std::string> Codes() const {
    std::vector<std::string> codes;
    for (const auto& d : diags.diagnostics()) codes.push_back(d.code());
    return codes;
  }
  size_t Errors() const { return diags.ErrorCount(); }
};

/// Checks `text` as if it were the file `path` (nothing is written to disk).
inline std::unique_ptr<CheckRun> CheckText(const std::string& text, const std::string& path = "test.charter") {
  auto run = std::make_unique<CheckRun>();
  LoadOptions options;
  options.overlays[path] = text;
  auto program = Load({path}, options, run->diags);
  run->checked = Check(std::move(program), run->diags);
  run->diags.SortAndDedupe();
  return run;
}

inline std::string SourcePath(const std::string& relative) { return std::string(CHARTER_SOURCE_DIR) + "/" + relative; }

/// A ```charter block of a Markdown file, with the line its text starts on.
struct DocExample {
  std::string text;
  int line = 0;
};

/// Every ```charter block of `markdown`, in order.
inline std::vector<DocExample> CharterExamples(const std::string& markdown) {
  std::vector<DocExample> examples;
  std::istringstream in(markdown);
  std::string line;
  bool inside = false;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!inside && line.rfind("```charter", 0) == 0) {
      inside = true;
      examples.push_back({"", number + 1});
    } else if (inside && line.rfind("```", 0) == 0) {
      inside = false;
    } else if (inside) {
      examples.back().text += line + "\n";
    }
  }
  return examples;
}

}  // namespace charter::testing
