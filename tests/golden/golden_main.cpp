// Golden diagnostics test: checks a .charter file and compares its diagnostics
// with the `// EXPECT: line:col: severity[code]: message` lines at its end.
// `charter_golden --update FILE` rewrites those lines from the actual output.
// `charter_golden --ast [--update] FILE` compares the parser's tree with FILE.ast.
// `charter_golden --ir [--update] FILE` compares the lowered IR with FILE.ir.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/ast/print.h"
#include "compiler/check/check.h"
#include "compiler/parse/parse.h"
#include "compiler/diagnostics/render.h"
#include "compiler/ir/ir.h"

namespace {

constexpr const char* kMarker = "// EXPECT: ";

std::vector<std::string> Actual(const std::string& path) {
  charter::DiagnosticSink diags;
  auto program = charter::Load({path}, {}, diags);
  charter::FileId entry = program->entries.empty() ? charter::kNoFile : program->entries[0];
  auto checked = charter::Check(std::move(program), diags);
  diags.SortAndDedupe();
  std::vector<std::string> lines;
  for (const auto& diag : diags.diagnostics()) {
    std::string line = charter::RenderShort(diag);
    if (diag.span.file != entry && diag.span.valid()) {
      // Other files by name only: the test runs from any directory.
      line = std::filesystem::path(checked->program->sources.Get(diag.span.file).path()).filename().string() + ":" + line;
    }
    lines.push_back(line);
  }
  return lines;
}

}  // namespace

// The parser's golden test: the printed AST of FILE against FILE.ast.
int AstGolden(const std::string& path, bool update) {
  std::string text, expected;
  if (!charter::ReadFile(path, text)) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    return 2;
  }
  charter::SourceManager sources;
  charter::DiagnosticSink diags;
  auto file = charter::Parse(sources.Add(std::filesystem::path(path).filename().string(), text), diags);
  std::string actual = charter::ast::PrintAst(*file);
  for (const auto& diag : diags.diagnostics()) actual += "; " + charter::RenderShort(diag) + "\n";
  if (update) {
    std::ofstream(path + ".ast", std::ios::trunc) << actual;
    return 0;
  }
  charter::ReadFile(path + ".ast", expected);
  if (actual == expected) return 0;
  std::fprintf(stderr, "%s: AST differs from %s.ast\n--- actual\n%s", path.c_str(), path.c_str(), actual.c_str());
  return 1;
}

// Lowering's golden test: the IR of FILE (which must check clean) against FILE.ir.
int IrGolden(const std::string& path, bool update) {
  charter::DiagnosticSink diags;
  auto checked = charter::Check(charter::Load({path}, {}, diags), diags);
  if (diags.HasErrors()) {
    diags.SortAndDedupe();
    for (const auto& diag : diags.diagnostics()) std::fprintf(stderr, "%s\n", charter::RenderShort(diag).c_str());
    return 2;
  }
  std::string actual = charter::ir::Print(*charter::ir::Lower(*checked)), expected;
  if (update) {
    std::ofstream(path + ".ir", std::ios::trunc) << actual;
    return 0;
  }
  charter::ReadFile(path + ".ir", expected);
  if (actual == expected) return 0;
  std::fprintf(stderr, "%s: IR differs from %s.ir\n--- actual\n%s", path.c_str(), path.c_str(), actual.c_str());
  return 1;
}

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && args[0] == "--ir") {
    bool ir_update = args.size() == 3 && args[1] == "--update";
    if (args.size() != 2 && !ir_update) {
      std::fprintf(stderr, "usage: charter_golden --ir [--update] FILE.charter\n");
      return 2;
    }
    return IrGolden(args.back(), ir_update);
  }
  if (!args.empty() && args[0] == "--ast") {
    bool ast_update = args.size() == 3 && args[1] == "--update";
    if (args.size() != 2 && !ast_update) {
      std::fprintf(stderr, "usage: charter_golden --ast [--update] FILE.charter\n");
      return 2;
    }
    return AstGolden(args.back(), ast_update);
  }
  bool update = argc == 3 && std::string(argv[1]) == "--update";
  if (argc != 2 && !update) {
    std::fprintf(stderr, "usage: charter_golden [--update] FILE.charter\n");
    return 2;
  }
  std::string path = argv[argc - 1];
  std::string text;
  if (!charter::ReadFile(path, text)) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    return 2;
  }
  std::vector<std::string> kept, expected;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(kMarker, 0) == 0) expected.push_back(line.substr(std::string(kMarker).size()));
    else kept.push_back(line);
  }
  std::vector<std::string> actual = Actual(path);
  if (update) {
    while (!kept.empty() && kept.back().empty()) kept.pop_back();
    std::ofstream out(path, std::ios::trunc);
    for (const auto& line : kept) out << line << "\n";
    if (!actual.empty()) out << "\n";
    for (const auto& line : actual) out << kMarker << line << "\n";
    return 0;
  }
  // A `fail_` file must produce an error; any other must produce none.
  bool must_fail = std::filesystem::path(path).filename().string().rfind("fail_", 0) == 0;
  bool has_error = std::any_of(actual.begin(), actual.end(),
                               [](const std::string& line) { return line.find(": error[") != std::string::npos; });
  if (must_fail != has_error) {
    std::fprintf(stderr, "%s: %s\n", path.c_str(),
                 must_fail ? "a fail_ file must produce an error" : "only fail_ files may produce errors");
    return 1;
  }
  if (actual == expected) return 0;
  std::fprintf(stderr, "%s: diagnostics differ\n--- expected\n", path.c_str());
  for (const auto& line : expected) std::fprintf(stderr, "  %s\n", line.c_str());
  std::fprintf(stderr, "--- actual\n");
  for (const auto& line : actual) std::fprintf(stderr, "  %s\n", line.c_str());
  return 1;
}
