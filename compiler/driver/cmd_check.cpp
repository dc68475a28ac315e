// `charter check FILE...`: parse, type-check and lint, then report diagnostics.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "compiler/ast/print.h"
#include "compiler/check/check.h"
#include "compiler/diagnostics/render.h"
#include "compiler/driver/verbs.h"
#include "compiler/ir/ir.h"

namespace charter::driver {

static const char kCheckUsage[] =
    "usage: charter check [options] FILE...\n"
    "\n"
    "Parses, type-checks and lints each policy and the modules it imports.\n"
    "\n"
    "options:\n"
    "  --format text|json|sarif|github\n"
    "                       output format (default text): SARIF 2.1.0 for code\n"
    "                       scanning, or GitHub Actions annotations\n"
    "  --strict             exit 1 when there are warnings\n"
    "  --dump ast|ir        print the syntax tree of each file given, or the IR\n"
    "                       the policies lower to (when they check clean)\n"
    "  --color auto|always|never\n"
    "                       colour text output (default auto: when stderr is a terminal)\n"
    "  -h, --help           show this help\n"
    "\n"
    "A directory stands for the .charter files directly inside it.\n"
    "\n"
    "exit: 0 clean, 1 warnings with --strict, 2 errors or bad usage\n";

int RunCheck(const std::vector<std::string>& args) {
  std::string format = "text", color = "auto";
  bool strict = false, dump_ast = false, dump_ir = false;
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    if (arg == "-h" || arg == "--help") {
      std::fputs(kCheckUsage, stdout);
      return kExitOk;
    } else if (arg == "--dump=ast" || (arg == "--dump" && i + 1 < args.size() && args[i + 1] == "ast")) {
      if (arg == "--dump") ++i;
      dump_ast = true;
    } else if (arg == "--dump=ir" || (arg == "--dump" && i + 1 < args.size() && args[i + 1] == "ir")) {
      if (arg == "--dump") ++i;
      dump_ir = true;
    } else if (arg == "--dump" || arg.rfind("--dump=", 0) == 0) {
      fmt::print(stderr, "charter check: --dump takes `ast` or `ir`\n");
      return kExitUsage;
    } else if (arg == "--strict") {
      strict = true;
    } else if (arg == "--format" || arg.rfind("--format=", 0) == 0) {
      if (arg.size() > 8) format = arg.substr(9);
      else if (!value(format)) format = "";
      if (format != "text" && format != "json" && format != "sarif" && format != "github") {
        fmt::print(stderr, "charter check: --format takes text, json, sarif or github, not `{}`\n", format);
        return kExitUsage;
      }
    } else if (arg == "--color" || arg.rfind("--color=", 0) == 0) {
      if (arg.size() > 7) color = arg.substr(8);
      else if (!value(color)) color = "";
      if (color != "auto" && color != "always" && color != "never") {
        fmt::print(stderr, "charter check: --color takes auto, always or never, not `{}`\n", color);
        return kExitUsage;
      }
    } else if (!arg.empty() && arg[0] == '-' && arg != "-") {
      fmt::print(stderr, "charter check: unknown option `{}`; run `charter check --help`\n", arg);
      return kExitUsage;
    } else {
      files.push_back(arg);
    }
  }
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
