// `charter test [PATH...]`: run the `test` blocks of each policy and report.
#include <cstdio>

#include <fmt/format.h>

#include "compiler/diagnostics/render.h"
#include "compiler/driver/args.h"
#include "compiler/driver/engines.h"
#include "compiler/driver/policy_set.h"
#include "compiler/driver/test_runner.h"
#include "compiler/driver/verbs.h"
#include "compiler/eval/decision_json.h"

namespace charter::driver {

static const VerbSpec kTest = {
    .name = "test",
    .synopsis =
        "usage: charter test [options] [PATH...]\n"
        "\n"
        "Runs the `test` blocks of each policy (default: the current directory).\n"
        "A directory stands for the .charter files directly inside it; each file\n"
        "is loaded with its imports and tested on its own.\n",
    .options =
        {
            {.name = "format",
             .choices = {"text", "json", "junit", "github"},
             .help = "output format (default text); github: an\n"
                     "annotation at each failed expectation"},
            {.name = "coverage",
             .help = "report rules never run, reasons never produced\n"
                     "and requirements never met by the tests"},
            {.name = "verbose", .short_name = 'v', .help = "list passing tests too (text)"},
            {.name = "engine",
             .choices = {"auto", "interp", "jit", "both"},
             .help = "who decides: the interpreter (auto), the JIT,\n"
                     "or both, failing any test where they disagree"},
            {.name = "no-cache",
             .help = "parse the policies and compile the JIT's code afresh,\n"
                     "without the caches ($XDG_CACHE_HOME/charter)"},
        },
    .notes = "exit: 0 all tests passed, 1 a test failed, 2 policy errors or bad usage\n",
};

namespace {

struct FileReport {
  std::string path;
  std::unique_ptr<PolicySet> set;
  std::vector<TestResult> results;
  eval::Coverage coverage;
};

std::string XmlEscape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 admits no C0 controls but tab and newlines.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += '?';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string Where(const FileReport& report, Span span) {
  return eval::Location(report.set->checked->program->sources, span);
}

std::vector<std::string> FailureLines(const FileReport& report, const TestResult& result) {
  std::vector<std::string> lines;
  if (!result.error.empty()) lines.push_back(result.error);
  for (const auto& failure : result.failures) {
    lines.push_back(fmt::format("expected {} ({})", failure.expected, Where(report, failure.at)));
    lines.push_back(fmt::format("  actual {}", failure.actual));
  }
  return lines;
}

/// Coverage findings: what the tests never exercised.
std::vector<std::string> Uncovered(const FileReport& report) {
  const ir::Module& module = *report.set->module;
  std::vector<std::string> out;
  for (size_t r = 0; r < module.rules.size(); ++r) {
    if (report.coverage.rule_runs[r] == 0) {
      out.push_back(fmt::format("{}: rule `{}` never ran", Where(report, module.rules[r].decl->span), module.rules[r].name));
    }
  }
  for (size_t s = 0; s < module.sites.size(); ++s) {
    const ir::Site& site = module.sites[s];
    static const char* const kKinds[] = {"reason", "warning", "obligation"};
    if (report.coverage.site_fired[s] == 0) {
      out.push_back(fmt::format("{}: {} \"{}\" never produced", Where(report, site.span), kKinds[static_cast<int>(site.kind)],
                                site.code));
    }
  }
  return out;
}

void PrintText(const std::vector<FileReport>& reports, bool verbose, bool coverage) {
  size_t passed = 0, failed = 0;
  for (const auto& report : reports) {
    for (const auto& result : report.results) {
      std::string at = Where(report, result.test->decl->span);
      if (result.passed()) {
        ++passed;
        if (verbose) fmt::print("PASS {}  {}\n", at, result.test->title);
        continue;
      }
      ++failed;
      fmt::print("FAIL {}  {}\n", at, result.test->title);
      for (const auto& line : FailureLines(report, result)) fmt::print("     {}\n", line);
    }
    if (coverage) {
      const ir::Module& module = *report.set->module;
      size_t rules_run = 0, sites_fired = 0;
      for (auto n : report.coverage.rule_runs) rules_run += n > 0;
      for (auto n : report.coverage.site_fired) sites_fired += n > 0;
      fmt::print("coverage {}: {}/{} rules ran, {}/{} reasons, warnings and obligations produced\n", report.path,
                 rules_run, module.rules.size(), sites_fired, module.sites.size());
      for (const auto& line : Uncovered(report)) fmt::print("  {}\n", line);
    }
  }
  fmt::print("{} test{}: {} passed, {} failed\n", passed + failed, passed + failed == 1 ? "" : "s", passed, failed);
}

void PrintJson(const std::vector<FileReport>& reports, bool coverage) {
  nlohmann::ordered_json out;
  out["tests"] = nlohmann::ordered_json::array();
  size_t passed = 0, failed = 0;
  for (const auto& report : reports) {
    for (const auto& result : report.results) {
      (result.passed() ? passed : failed)++;
      nlohmann::ordered_json test = {{"name", result.test->title},
                                     {"at", Where(report, result.test->decl->span)},
                                     {"passed", result.passed()}};
      auto failures = nlohmann::ordered_json::array();
      for (const auto& failure : result.failures) {
        failures.push_back({{"expected", failure.expected}, {"actual", failure.actual}, {"at", Where(report, failure.at)}});
      }
      if (!result.error.empty()) test["error"] = result.error;
      test["failures"] = std::move(failures);
      if (!result.decision.is_null()) test["decision"] = result.decision;
      out["tests"].push_back(std::move(test));
    }
    if (coverage) out["uncovered"][report.path] = Uncovered(report);
  }
  out["passed"] = passed;
  out["failed"] = failed;
  fmt::print("{}\n", out.dump(2));
}

void PrintJunit(const std::vector<FileReport>& reports) {
  size_t total = 0, failed = 0;
  for (const auto& report : reports) {
    for (const auto& result : report.results) {
      ++total;
      failed += !result.passed();
    }
  }
  fmt::print("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  fmt::print("<testsuites name=\"charter test\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n", total, failed);
  for (const auto& report : reports) {
    size_t suite_failed = 0;
    for (const auto& result : report.results) suite_failed += !result.passed();
    fmt::print("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n",
               XmlEscape(report.path), report.results.size(), suite_failed);
    for (const auto& result : report.results) {
      Span span = result.test->decl->span;
      fmt::print("    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\"", XmlEscape(result.test->title),
                 XmlEscape(report.path), XmlEscape(report.path), span.line);
      if (result.passed()) {
        fmt::print("/>\n");
        continue;
      }
      std::vector<std::string> lines = FailureLines(report, result);
      std::string body;
      for (const auto& line : lines) body += line + "\n";
      fmt::print(">\n      <failure message=\"{}\" type=\"expectation\">{}</failure>\n    </testcase>\n",
                 XmlEscape(lines.empty() ? "failed" : lines[0]), XmlEscape(body));
    }
    fmt::print("  </testsuite>\n");
  }
  fmt::print("</testsuites>\n");
}

// A GitHub Actions annotation at each failed expectation (at the test when it could not run).
void PrintGithub(const std::vector<FileReport>& reports) {
  size_t passed = 0, failed = 0;
  for (const auto& report : reports) {
    const SourceManager& sources = report.set->checked->program->sources;
    for (const auto& result : report.results) {
      if (result.passed()) {
        ++passed;
        continue;
      }
      ++failed;
      std::string title = "test failed: " + result.test->title;
      if (!result.error.empty()) {
        GithubAnnotation a = GithubAnnotationAt(result.test->decl->span, sources);
        a.title = title;
        a.message = result.error;
        fmt::print("{}", RenderGithub(a));
      }
      for (const auto& failure : result.failures) {
        GithubAnnotation a = GithubAnnotationAt(failure.at, sources);
        a.title = title;
        a.message = fmt::format("expected {}\n  actual {}", failure.expected, failure.actual);
        fmt::print("{}", RenderGithub(a));
      }
    }
  }
  fmt::print("{} test{}: {} passed, {} failed\n", passed + failed, passed + failed == 1 ? "" : "s", passed, failed);
}

/// `--engine both`: a test passes only when the JIT decided exactly as the interpreter.
void CompareEngines(std::vector<TestResult>& interp, const std::vector<TestResult>& jit) {
  for (size_t i = 0; i < interp.size() && i < jit.size(); ++i) {
    std::string a = interp[i].error.empty() ? interp[i].decision.dump() : interp[i].error;
    std::string b = jit[i].error.empty() ? jit[i].decision.dump() : jit[i].error;
    if (a != b) {
      interp[i].failures.push_back({"the JIT to decide as the interpreter: " + a, "the JIT decided: " + b,
                                    interp[i].test->decl->span});
    }
  }
}

}  // namespace

int RunTest(const std::vector<std::string>& args) {
  int exit_code = kExitOk;
  auto parsed = ParseOrExplain(kTest, args, exit_code);
  if (!parsed) return exit_code;
  std::string format = parsed->Get("format", "text");
  bool coverage = parsed->Has("coverage"), verbose = parsed->Has("verbose"), no_cache = parsed->Has("no-cache");
  bool both = parsed->Get("engine") == "both";
  EngineKind engine = EngineKind::Auto;
  if (parsed->Has("engine") && !both) ParseEngine(parsed->Get("engine"), engine);  // the table allows only its names
  std::vector<std::string> paths = parsed->positional;
  if (paths.empty()) paths.push_back(".");
  std::vector<std::string> files = ExpandPolicyPaths(paths);
  if (files.empty()) {
    fmt::print(stderr, "charter test: no .charter files in {}\n", fmt::join(paths, ", "));
    return kExitUsage;
  }
  if (both || engine == EngineKind::Jit) jit::Engine::Preload();  // while the first file loads
  std::vector<FileReport> reports;
  bool load_failed = false;
  for (const auto& file : files) {
    FileReport report;
    report.path = file;
    report.set = LoadPolicySet("test", {file}, Tests::Load, no_cache ? "" : jit::DefaultCacheDir());
    if (!report.set) {
      load_failed = true;
      continue;
    }
    const ir::Module& module = *report.set->module;
    eval::Interpreter interpreter(module);
    auto interp = [&](int32_t kind, const eval::Value& event) { return interpreter.Decide(kind, event); };
    std::unique_ptr<jit::Engine> jit;
    if (both || engine == EngineKind::Jit) {
      std::string error;
      jit = jit::Engine::Create(module, JitOptions(no_cache), error);
      if (!jit) {
        fmt::print(stderr, "charter test: the JIT cannot compile {}: {}\n", file, error);
        load_failed = true;
        continue;
      }
    }
    auto compiled = [&](int32_t kind, const eval::Value& event) { return jit->Decide(kind, event); };
    if (engine == EngineKind::Jit && !both) {
      report.results = RunTests(module, interpreter, compiled);
    } else {
      report.results = RunTests(module, interpreter, interp);
    }
    if (both) CompareEngines(report.results, RunTests(module, interpreter, compiled));
    report.coverage = interpreter.coverage();
    reports.push_back(std::move(report));
  }
  if (format == "json") {
    PrintJson(reports, coverage);
  } else if (format == "junit") {
    PrintJunit(reports);
  } else if (format == "github") {
    PrintGithub(reports);
  } else {
    PrintText(reports, verbose, coverage);
  }
  if (load_failed) return kExitUsage;
  for (const auto& report : reports) {
    for (const auto& result : report.results) {
      if (!result.passed()) return kExitFindings;
    }
  }
  return kExitOk;
}

}  // namespace charter::driver
