#include "compiler/log/verify.h"

#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/base/calendar.h"
#include "compiler/log/record.h"

namespace charter::log {
namespace {

std::string Str(const nlohmann::json& record, const char* key) {
  auto it = record.find(key);
  return it != record.end() && it->is_string() ? it->get<std::string>() : "";
}

// Whether the parsed record has the fields every record has, with their types.
std::string FieldProblem(const nlohmann::json& record) {
  if (!record.is_object()) return "not a JSON object";
  auto v = record.find("v");
  if (v == record.end() || !v->is_number_integer() || *v != kRecordVersion) {
    return fmt::format("`v` is not {}", kRecordVersion);
  }
  if (!ParseTimestamp(Str(record, "ts"))) return "`ts` is not an RFC 3339 timestamp";
  if (!record.contains("policy") || !record["policy"].is_array()) return "`policy` is not a list";
  std::string decision = Str(record, "decision");
  if (decision != "allow" && decision != "deny" && decision != "error") return "`decision` is not allow, deny or error";
  if (!record.contains("codes") || !record["codes"].is_array()) return "`codes` is not a list";
  return "";
}

}  // namespace

VerifyReport Verify(std::istream& in, const ChainDigest& digest) {
  VerifyReport report;
  std::string prev = kZeroDigest;
  std::string line;
  auto broken = [&](VerifyStatus status, std::string problem) {
    report.status = status;
    report.line = report.records + 1;
    report.problem = std::move(problem);
    return report;
  };
  while (std::getline(in, line)) {
    // getline stops at the end of the file without a newline: the last write was cut.
    if (in.eof()) return broken(VerifyStatus::Tampered, "truncated: the last line has no newline (a cut write or a cut file)");
    auto tail = SplitTail(line);
    auto record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded() || !tail) {
      return broken(VerifyStatus::Tampered, line.empty() ? "an empty line" : "not a complete record (cut or edited)");
    }
    if (std::string problem = FieldProblem(record); !problem.empty()) return broken(VerifyStatus::Tampered, problem);
    // The tail found by position must be the one a JSON reader sees.
    if (Str(record, "hash") != tail->hash || Str(record, "prev") != tail->prev || Str(record, "chain") != tail->chain) {
      return broken(VerifyStatus::Tampered, "`chain`, `prev` or `hash` is not where records keep it (edited)");
    }
    if (report.records == 0) report.chain = std::string(tail->chain);
    if (tail->chain != digest.name()) {
      if (report.records == 0 && tail->chain == "hmac-sha256") {
        return broken(VerifyStatus::NeedsKey, "the log is chained with HMAC-SHA256: give its --key-file");
      }
      return broken(VerifyStatus::Tampered, fmt::format("chained with {} where {} was expected{}", tail->chain,
                                                        digest.name(), digest.keyed() ? " (an unkeyed line in a keyed log)" : ""));
    }
    if (digest.Hex(tail->prefix) != tail->hash) {
      return broken(VerifyStatus::Tampered, digest.keyed() ? "its hash does not match its content (edited, or the key differs)"
                                                           : "its hash does not match its content (edited)");
    }
    if (tail->prev != prev) {
      return broken(VerifyStatus::Tampered,
                    report.records == 0
                        ? "`prev` is not zero: this is not the log's first record (lines before it were removed)"
                        : fmt::format("`prev` does not match line {}: a line was deleted, inserted or reordered here, "
                                      "or line {} was rewritten",
                                      report.records, report.records));
    }
    prev = digest.Hex(line);
    ++report.records;
  }
  if (in.bad()) return broken(VerifyStatus::Unreadable, "read error");
  report.head = prev;
  return report;
}

VerifyReport VerifyFile(const std::string& path, const ChainDigest& digest) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    VerifyReport report;
    report.status = VerifyStatus::Unreadable;
    report.problem = "cannot read `" + path + "`";
    return report;
  }
  return Verify(in, digest);
}

}  // namespace charter::log
