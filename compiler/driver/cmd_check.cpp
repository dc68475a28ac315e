// `charter check FILE...`: parse, type-check and lint, then report diagnostics.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "compiler/ast/print.h"
#include "compiler/check/check.h"
#include "compiler/diagnostics/render.h"
#include "compiler/driver/args.h"
#include "compiler/driver/verbs.h"
#include "compiler/ir/ir.h"

namespace charter::driver {

static const VerbSpec kCheck = {
    .name = "check",
    .synopsis =
        "usage: charter check [options] FILE...\n"
        "\n"
        "Parses, type-checks and lints each policy and the modules it imports.\n",
    .options =
        {
            {.name = "format",
             .choices = {"text", "json", "sarif", "github"},
             .help = "output format (default text): SARIF 2.1.0 for code\n"
                     "scanning, or GitHub Actions annotations"},
            {.name = "strict", .help = "exit 1 when there are warnings"},
            {.name = "dump",
             .choices = {"ast", "ir"},
             .repeatable = true,
             .help = "print the syntax tree of each file given, or the IR\n"
                     "the policies lower to (when they check clean)"},
            {.name = "color",
             .choices = {"auto", "always", "never"},
             .help = "colour text output (default auto: when stderr is a terminal)"},
        },
    .notes =
        "A directory stands for the .charter files directly inside it.\n"
        "\n"
        "exit: 0 clean, 1 warnings with --strict, 2 errors or bad usage\n",
};

int RunCheck(const std::vector<std::string>& args) {
  int exit_code = kExitOk;
  auto parsed = ParseOrExplain(kCheck, args, exit_code);
  if (!parsed) return exit_code;
  std::string format = parsed->Get("format", "text"), color = parsed->Get("color", "auto");
  bool strict = parsed->Has("strict");
  std::vector<std::string> dumps = parsed->All("dump");
  bool dump_ast = std::count(dumps.begin(), dumps.end(), "ast") > 0;
  bool dump_ir = std::count(dumps.begin(), dumps.end(), "ir") > 0;
  std::vector<std::string> files = parsed->positional;
  if (files.empty()) {
    fmt::print(stderr, "charter check: no files given; run `charter check --help`\n");
    return kExitUsage;
  }
  // A directory stands for the policies in it.
  std::vector<std::string> expanded;
  for (const auto& file : files) {
    std::error_code ec;
    if (!std::filesystem::is_directory(file, ec)) {
      expanded.push_back(file);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(file, ec)) {
      if (entry.path().extension() == ".charter") found.push_back(entry.path().string());
    }
    std::sort(found.begin(), found.end());
    expanded.insert(expanded.end(), found.begin(), found.end());
  }
  files = std::move(expanded);
  for (const auto& file : files) {
    std::string text;
    if (!ReadFile(file, text)) {
      fmt::print(stderr, "charter check: cannot read `{}`\n", file);
      return kExitUsage;
    }
  }

  DiagnosticSink diags;
  auto program = Load(files, {}, diags);
  auto checked = Check(std::move(program), diags);
  diags.SortAndDedupe();
  const SourceManager& sources = checked->program->sources;
  if (dump_ast) {
    for (FileId id : checked->program->entries) fmt::print("{}", ast::PrintAst(checked->program->file(id)));
  }

  if (format == "json") {
    nlohmann::json out = {{"diagnostics", nlohmann::json::array()},
                          {"errors", diags.ErrorCount()},
                          {"warnings", diags.WarningCount()}};
    for (const auto& diag : diags.diagnostics()) out["diagnostics"].push_back(RenderJson(diag, sources));
    fmt::print("{}\n", out.dump(2));
  } else if (format == "sarif") {
    auto sarif = RenderSarif(diags.diagnostics(), sources);
    fmt::print("{}\n", sarif.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  } else if (format == "github") {
    for (const auto& diag : diags.diagnostics()) fmt::print("{}", RenderGithub(diag, sources));
    fmt::print(stderr, "checked {} file{}: {} error{}, {} warning{}\n", files.size(), files.size() == 1 ? "" : "s",
               diags.ErrorCount(), diags.ErrorCount() == 1 ? "" : "s", diags.WarningCount(),
               diags.WarningCount() == 1 ? "" : "s");
  } else {
    TextRenderOptions options;
    options.color = color == "always" || (color == "auto" && isatty(STDERR_FILENO));
    for (const auto& diag : diags.diagnostics()) fmt::print(stderr, "{}\n", RenderText(diag, sources, options));
    size_t errors = diags.ErrorCount(), warnings = diags.WarningCount();
    if (errors == 0 && warnings == 0) {
      fmt::print(stderr, "checked {} file{}: no problems\n", files.size(), files.size() == 1 ? "" : "s");
    } else {
      fmt::print(stderr, "checked {} file{}: {} error{}, {} warning{}\n", files.size(), files.size() == 1 ? "" : "s",
                 errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    }
  }
  if (diags.HasErrors()) return kExitUsage;
  if (dump_ir) fmt::print("{}", ir::Print(*ir::Lower(*checked)));
  if (strict && diags.WarningCount() > 0) return kExitFindings;
  return kExitOk;
}

}  // namespace charter::driver
