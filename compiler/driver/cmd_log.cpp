// `charter log verify|export LOG`: check a decision log's hash chain, and
// export a time window of it for compliance reports (docs/decision-log.md).
#include <cstdio>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "compiler/driver/verbs.h"
#include "compiler/log/crypto.h"
#include "compiler/log/export.h"
#include "compiler/log/verify.h"

namespace charter::driver {

static const char kLogUsage[] =
    "usage: charter log verify [--key-file FILE] LOG\n"
    "       charter log export [--since DATE] [--until DATE] [--format json|csv]\n"
    "                          [--key-file FILE | --no-verify] LOG\n"
    "\n"
    "verify  checks every line of a decision log written by `charter eval --log`:\n"
    "        each record's hash, and its `prev` against the line before. Reports\n"
    "        the first broken line (edited, deleted, inserted, reordered or cut).\n"
    "export  prints the records whose `ts` is in [--since, --until) as one JSON\n"
    "        report with a summary (default), or as CSV rows\n"
    "        ts,id,kind,decision,codes,policy. The log is verified first.\n"
    "\n"
    "options:\n"
    "  --key-file FILE   the HMAC key the log was written with (--log-key-file)\n"
    "  --since DATE      YYYY-MM-DD (midnight UTC) or an RFC 3339 time, inclusive\n"
    "  --until DATE      the same, exclusive\n"
    "  --format json|csv export format (default json)\n"
    "  --no-verify       export without checking the chain first\n"
    "  -h, --help        show this help\n"
    "\n"
    "exit: 0 the chain holds (export: written), 1 the log was tampered with,\n"
    "      2 bad usage, an unreadable log, or a keyed log without its key\n";

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
  if (args.empty() || args[0] == "-h" || args[0] == "--help") {
    std::fputs(kLogUsage, args.empty() ? stderr : stdout);
    return args.empty() ? kExitUsage : kExitOk;
  }
  const std::string& action = args[0];
  if (action != "verify" && action != "export") {
    fmt::print(stderr, "charter log: unknown action `{}`; run `charter log --help`\n", action);
    return kExitUsage;
  }
  LogArgs parsed;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) {
        fmt::print(stderr, "charter log: {} needs a value\n", arg);
        return false;
      }
      out = args[++i];
      return true;
    };
    bool export_only = arg == "--since" || arg == "--until" || arg == "--format" || arg == "--no-verify";
    if (arg == "-h" || arg == "--help") {
      std::fputs(kLogUsage, stdout);
      return kExitOk;
    } else if (export_only && action != "export") {
      fmt::print(stderr, "charter log: {} is an option of `charter log export`\n", arg);
      return kExitUsage;
    } else if (arg == "--key-file") {
      if (!value(parsed.key_file)) return kExitUsage;
    } else if (arg == "--since") {
      if (!value(parsed.since)) return kExitUsage;
    } else if (arg == "--until") {
      if (!value(parsed.until)) return kExitUsage;
    } else if (arg == "--format") {
      if (!value(parsed.format)) return kExitUsage;
      if (parsed.format != "json" && parsed.format != "csv") {
        fmt::print(stderr, "charter log: --format takes json or csv, not `{}`\n", parsed.format);
        return kExitUsage;
      }
    } else if (arg == "--no-verify") {
      parsed.no_verify = true;
    } else if (arg.size() > 1 && arg[0] == '-') {
      fmt::print(stderr, "charter log: unknown option `{}`; run `charter log --help`\n", arg);
      return kExitUsage;
    } else {
      parsed.files.push_back(arg);
    }
  }
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
