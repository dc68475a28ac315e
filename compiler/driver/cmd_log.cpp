// `charter log verify|export LOG`: check a decision log's hash chain, and
// export a time window of it for compliance reports (docs/decision-log.md).
#include <cstdio>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "compiler/driver/args.h"
#include "compiler/driver/verbs.h"
#include "compiler/log/crypto.h"
#include "compiler/log/export.h"
#include "compiler/log/verify.h"

namespace charter::driver {

static const VerbSpec kLog = {
    .name = "log",
    .synopsis =
        "usage: charter log verify [--key-file FILE] LOG\n"
        "       charter log export [--since DATE] [--until DATE] [--format json|csv]\n"
        "                          [--key-file FILE | --no-verify] LOG\n"
        "\n"
        "verify  checks every line of a decision log written by `charter eval --log`:\n"
        "        each record's hash, and its `prev` against the line before. Reports\n"
        "        the first broken line (edited, deleted, inserted, reordered or cut).\n"
        "export  prints the records whose `ts` is in [--since, --until) as one JSON\n"
        "        report with a summary (default), or as CSV rows\n"
        "        ts,id,kind,decision,codes,policy. The log is verified first.\n",
    .options =
        {
            {.name = "key-file", .placeholder = "FILE", .help = "the HMAC key the log was written with (--log-key-file)"},
            {.name = "since", .placeholder = "DATE", .help = "YYYY-MM-DD (midnight UTC) or an RFC 3339 time, inclusive"},
            {.name = "until", .placeholder = "DATE", .help = "the same, exclusive"},
            {.name = "format", .choices = {"json", "csv"}, .help = "export format (default json)"},
            {.name = "no-verify", .help = "export without checking the chain first"},
        },
    .notes =
        "exit: 0 the chain holds (export: written), 1 the log was tampered with,\n"
        "      2 bad usage, an unreadable log, or a keyed log without its key\n",
};

namespace {

struct LogArgs {
  std::string key_file, since, until, format = "json";
  bool no_verify = false;
  std::vector<std::string> files;
};

// Verifies `path` and prints the outcome (for export only a problem, on stderr); returns the exit code.
int RunVerify(const std::string& path, const log::ChainDigest& digest, bool for_export) {
  log::VerifyReport report = log::VerifyFile(path, digest);
  switch (report.status) {
    case log::VerifyStatus::Ok:
      if (!for_export) {
        fmt::print("{}: ok, {} record{}, chain {}, head {}\n", path, report.records, report.records == 1 ? "" : "s",
                   report.chain.empty() ? digest.name() : report.chain, report.head);
      }
      return kExitOk;
    case log::VerifyStatus::Tampered:
      fmt::print(for_export ? stderr : stdout, "{}:{}: tampered: {}\n{} record{} before it verif{}\n", path, report.line,
                 report.problem, report.records, report.records == 1 ? "" : "s", report.records == 1 ? "ies" : "y");
      return kExitFindings;
    case log::VerifyStatus::NeedsKey:
      fmt::print(stderr, "charter log: {}: {}\n", path, report.problem);
      return kExitUsage;
    case log::VerifyStatus::Unreadable:
      fmt::print(stderr, "charter log: {}\n", report.problem.empty() ? "cannot read `" + path + "`" : report.problem);
      return kExitUsage;
  }
  return kExitUsage;
}

int Export(const LogArgs& args, const log::ChainDigest& digest) {
  const std::string& path = args.files[0];
  log::ExportOptions options;
  for (auto [text, bound] : {std::pair{&args.since, &options.since}, std::pair{&args.until, &options.until}}) {
    if (text->empty()) continue;
    *bound = log::ParseBound(*text);
    if (!*bound) {
      fmt::print(stderr, "charter log: `{}` is not a date (YYYY-MM-DD) or an RFC 3339 time\n", *text);
      return kExitUsage;
    }
  }
  options.format = args.format == "csv" ? log::ExportFormat::Csv : log::ExportFormat::Json;
  if (!args.no_verify) {
    if (int code = RunVerify(path, digest, true); code != kExitOk) return code;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fmt::print(stderr, "charter log: cannot read `{}`\n", path);
    return kExitUsage;
  }
  log::Export(in, options, std::cout);
  std::cout.flush();
  return kExitOk;
}

}  // namespace

int RunLog(const std::vector<std::string>& args) {
  if (args.empty()) {
    std::fputs(HelpText(kLog).c_str(), stderr);
    return kExitUsage;
  }
  int exit_code = kExitOk;
  auto options = ParseOrExplain(kLog, args, exit_code);
  if (!options) return exit_code;
  const std::string action = options->positional.empty() ? "" : options->positional[0];
  if (action != "verify" && action != "export") {
    fmt::print(stderr, "charter log: unknown action `{}`; run `charter log --help`\n", action);
    return kExitUsage;
  }
  if (action != "export") {
    for (const char* export_only : {"since", "until", "format", "no-verify"}) {
      if (options->Has(export_only)) {
        fmt::print(stderr, "charter log: --{} is an option of `charter log export`\n", export_only);
        return kExitUsage;
      }
    }
  }
  LogArgs parsed;
  parsed.key_file = options->Get("key-file");
  parsed.since = options->Get("since");
  parsed.until = options->Get("until");
  parsed.format = options->Get("format", parsed.format);
  parsed.no_verify = options->Has("no-verify");
  parsed.files.assign(options->positional.begin() + 1, options->positional.end());
  if (parsed.files.size() != 1) {
    fmt::print(stderr, "charter log {}: give one log file\n", action);
    return kExitUsage;
  }
  if (std::string error; !log::LoadCrypto(&error)) {
    fmt::print(stderr, "charter log: {}\n", error);
    return kExitUsage;
  }
  log::ChainDigest digest;
  if (!parsed.key_file.empty()) {
    std::string key;
    if (std::string error = log::ReadKeyFile(parsed.key_file, key); !error.empty()) {
      fmt::print(stderr, "charter log: {}\n", error);
      return kExitUsage;
    }
    digest = log::ChainDigest(std::move(key));
  }
  if (action == "verify") return RunVerify(parsed.files[0], digest, false);
  return Export(parsed, digest);
}

}  // namespace charter::driver
