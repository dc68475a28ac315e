// `charter lsp`: the language server over stdio (lsp/). The driver supplies
// the test runner for the "run test" code lens, so lsp/ never depends on it.
#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

#include "compiler/driver/args.h"
#include "compiler/driver/test_runner.h"
#include "compiler/driver/verbs.h"
#include "compiler/ir/ir.h"
#include "lsp/server/server.h"

namespace charter::driver {

static const VerbSpec kLsp = {
    .name = "lsp",
    .synopsis =
        "usage: charter lsp [options]\n"
        "\n"
        "Runs the Charter language server (LSP 3.17) over standard input and\n"
        "output, for editors: diagnostics, completion, hover, navigation, rename,\n"
        "symbols, formatting, semantic tokens, folding, signature help and a\n"
        "\"run test\" code lens.\n",
    .options =
        {
            {.name = "stdio", .repeatable = true, .help = "use standard input and output (the default)"},
            {.name = "stdlib",
             .placeholder = "DIR",
             .help = "where `import std.x` looks (default: $CHARTER_STDLIB or built-in)"},
        },
    .notes = "exit: 0 after shutdown and exit, 1 when the client went away without shutdown\n",
};

namespace {

lsp::TestOutcome RunOneTest(CheckedProgram& checked, const std::string& title) {
  lsp::TestOutcome outcome;
  auto module = ir::Lower(checked);
  // Keep only the test asked for; the rest of the module is shared.
  std::vector<ir::TestCase> kept;
  for (auto& test : module->tests) {
    if (test.title == title) kept.push_back(std::move(test));
  }
  module->tests = std::move(kept);
  if (module->tests.empty()) return outcome;
  outcome.found = true;
  eval::Interpreter interpreter(*module);
  std::vector<TestResult> results = RunTests(*module, interpreter);
  outcome.passed = !results.empty();
  for (const auto& result : results) {
    if (!result.passed()) outcome.passed = false;
    if (!result.error.empty()) outcome.messages.push_back(result.error);
    for (const auto& failure : result.failures) {
      outcome.messages.push_back(fmt::format("line {}: expected {}; actual {}", failure.at.line, failure.expected, failure.actual));
    }
  }
  return outcome;
}

}  // namespace

int RunLsp(const std::vector<std::string>& args) {
  int exit_code = kExitOk;
  auto parsed = ParseOrExplain(kLsp, args, exit_code);
  if (!parsed) return exit_code;
  if (!parsed->positional.empty()) {
    fmt::print(stderr, "charter lsp: unexpected argument `{}`; run `charter lsp --help`\n", parsed->positional[0]);
    return kExitUsage;
  }
  lsp::ServerOptions options;
  options.stdlib_dir = parsed->Get("stdlib");
  options.run_test = RunOneTest;
  lsp::FrameWriter writer(lsp::FdWriter(STDOUT_FILENO));
  lsp::Server server(options, [&writer](const nlohmann::json& message) {
    writer.Write(message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  });
  return server.Run(lsp::FdReader(STDIN_FILENO));
}

}  // namespace charter::driver
