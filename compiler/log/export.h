// `charter log export`: the records of a time window as one JSON report or
// CSV rows, for compliance reports (monthly executions, approval rates).
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <ostream>
#include <string>

namespace charter::log {

enum class ExportFormat { Json, Csv };

struct ExportOptions {
  std::optional<int64_t> since;  // microseconds since the epoch, inclusive
  std::optional<int64_t> until;  // exclusive
  ExportFormat format = ExportFormat::Json;
};

/// A `--since`/`--until` bound: `YYYY-MM-DD` (midnight UTC) or an RFC 3339 timestamp.
std::optional<int64_t> ParseBound(const std::string& text);

/// Writes the records of `in` whose `ts` falls in the window. JSON: {"since",
/// "until", "records": [...], "summary": {"total", "allow", "deny", "error",
/// "by_kind", "by_code"}}; CSV: ts,id,kind,decision,codes,policy (codes and
/// policy names joined by `;`). Returns the number of records written; lines
/// that are not records are skipped (verify first).
size_t Export(std::istream& in, const ExportOptions& options, std::ostream& out);

}  // namespace charter::log
