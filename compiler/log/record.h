// One decision-log record (docs/decision-log.md): its fields, and the line
// layout the writer produces and the verifier reads back byte for byte.
//
//   {"v":1,"ts":"…",<body>,"chain":"sha256","prev":"<64 hex>","hash":"<64 hex>"}
//
// `hash` digests every byte before `,"hash":`; `prev` is the digest of the
// previous line's bytes (without its newline), or 64 zeros on the first line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/log/digest.h"

namespace charter::log {

inline constexpr int kRecordVersion = 1;

/// A policy file the decisions were made under.
struct PolicyRef {
  std::string name;    // `policy x` of the file (its stem when it has none)
  std::string file;    // the path as given
  std::string sha256;  // of the file's bytes as evaluated
};

struct RecordInput {
  const std::vector<PolicyRef>* policies = nullptr;
  std::optional<std::string_view> event;  // the event's bytes as received; nullopt when not kept whole
  bool redact = false;                    // leave the event itself out (its hash stays)
  const nlohmann::ordered_json* result = nullptr;  // decision JSON, or an error object (`"error"`)
};

/// The members between `ts` and `chain`: "policy", "charter" (the version),
/// "event_sha256", "event"?, "id", "kind", "decision" (allow, deny or error),
/// "codes", "warnings", "obligations", "error"?.
std::string RecordBody(const RecordInput& input);

/// Valid JSON `text` on one line: white space outside strings dropped, every
/// token kept byte for byte (numbers are not re-rounded).
std::string MinifyJson(std::string_view text);

/// A whole line without its newline: `{"v":1,"ts":…,<body>,"chain":…,"prev":…,"hash":…}`.
std::string SealLine(std::string_view ts, std::string_view body, const ChainDigest& digest, std::string_view prev);

/// The fixed tail of a line, found by position from its end.
struct LineTail {
  std::string_view prefix;  // the bytes `hash` digests
  std::string_view chain;
  std::string_view prev;
  std::string_view hash;
};
/// Nullopt when the line does not end the way every record ends.
std::optional<LineTail> SplitTail(std::string_view line);

}  // namespace charter::log
