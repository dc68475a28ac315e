#include <cstdio>

#include <fmt/format.h>

#include "compiler/driver/verbs.h"

namespace charter::driver {

static const char kUsage[] =
    "charter — policy-as-code for engineering governance\n"
    "\n"
    "usage: charter <verb> [options] [args]\n"
    "\n"
    "verbs:\n"
    "  check FILE...     parse, type-check and lint policies\n"
    "  eval -p POLICY    decide events (one, or a stream with --events)\n"
    "  test [PATH...]    run the policies' test blocks\n"
    "  fmt FILE...       format policies in the canonical layout\n"
    "  lsp               language server over stdio (for editors)\n"
    "  log verify|export LOG\n"
    "                    check a decision log's hash chain; export it\n"
    "  bench -p POLICY --events FILE\n"
    "                    measure the engines on a stream of events\n"
    "\n"
    "options:\n"
    "  -h, --help        show this help (also `charter <verb> --help`)\n"
    "  --version         print the version\n";

int Main(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] == "--version" || args[0] == "version") {
    fmt::print("charter {}\n", CHARTER_VERSION);
    return kExitOk;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "check") return RunCheck(rest);
  if (args[0] == "eval") return RunEval(rest);
  if (args[0] == "test") return RunTest(rest);
  if (args[0] == "fmt") return RunFmt(rest);
  if (args[0] == "lsp") return RunLsp(rest);
  if (args[0] == "log") return RunLog(rest);
  if (args[0] == "bench") return RunBench(rest);
  fmt::print(stderr, "charter: unknown verb `{}`; run `charter --help`\n", args[0]);
  return kExitUsage;
}

}  // namespace charter::driver
