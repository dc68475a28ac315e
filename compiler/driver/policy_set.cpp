#include "compiler/driver/policy_set.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include <fmt/format.h>

#include "compiler/diagnostics/render.h"

namespace charter::driver {

std::vector<std::string> ExpandPolicyPaths(const std::vector<std::string>& paths) {
  std::vector<std::string> expanded;
  for (const auto& path : paths) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) {
      expanded.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
      if (entry.path().extension() == ".charter") found.push_back(entry.path().string());
    }
    std::sort(found.begin(), found.end());
    expanded.insert(expanded.end(), found.begin(), found.end());
  }
  return expanded;
}

std::unique_ptr<PolicySet> LoadPolicySet(const std::string& verb, const std::vector<std::string>& files,
                                         Tests tests, const std::string& parse_cache_dir) {
  for (const auto& file : files) {
    if (!IsReadableFile(file)) {
      fmt::print(stderr, "charter {}: cannot read `{}`\n", verb, file);
      return nullptr;
    }
  }
  auto start = std::chrono::steady_clock::now();
  auto lap = [&start] {
    auto now = std::chrono::steady_clock::now();
    double ms = std::chrono::duration<double, std::milli>(now - start).count();
    start = now;
    return ms;
  };
  DiagnosticSink diags;
  auto set = std::make_unique<PolicySet>();
  LoadOptions load;
  load.parse.skip_tests = tests == Tests::Skip;
  load.parse.disk_cache_dir = parse_cache_dir;
  load.parse.disk_stats = &set->parse_cache;
  auto program = Load(files, load, diags);
  set->files = program->sources.size();
  set->load_ms = lap();
  set->checked = Check(std::move(program), diags);
  set->check_ms = lap();
  diags.SortAndDedupe();
  if (diags.HasErrors()) {
    TextRenderOptions options;
    options.color = isatty(STDERR_FILENO);
    for (const auto& diag : diags.diagnostics()) {
      if (diag.severity == Severity::Error) fmt::print(stderr, "{}\n", RenderText(diag, set->checked->program->sources, options));
    }
    fmt::print(stderr, "charter {}: the policies have {} error{}; run `charter check` for details\n", verb,
               diags.ErrorCount(), diags.ErrorCount() == 1 ? "" : "s");
    return nullptr;
  }
  set->module = ir::Lower(*set->checked);
  set->lower_ms = lap();
  return set;
}

}  // namespace charter::driver
