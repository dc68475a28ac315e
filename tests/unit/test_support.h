// Helpers shared by the unit tests: run the front end on text or files.
#pragma once

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

}  // namespace charter::testing
