// `charter log verify`: walks a decision log's hash chain and names the first
// line that does not hold (docs/decision-log.md).
#pragma once

#include <cstddef>
#include <istream>
#include <string>

#include "compiler/log/digest.h"

namespace charter::log {

enum class VerifyStatus {
  Ok,
  Tampered,    // a line was edited, deleted, inserted, reordered or cut
  NeedsKey,    // the log is chained with HMAC and no key was given
  Unreadable,  // the file cannot be read
};

struct VerifyReport {
  VerifyStatus status = VerifyStatus::Ok;
  size_t records = 0;    // lines that verified
  size_t line = 0;       // the first broken line (1-based), when not Ok
  std::string problem;   // what is wrong with it
  std::string head;      // digest of the last line: anchor it elsewhere to detect a cut tail
  std::string chain;     // "sha256" or "hmac-sha256" (of the first line)
};

/// Checks every line: complete (ends in a newline), a JSON record, its `hash`
/// over its own bytes, and its `prev` equal to the digest of the line before.
VerifyReport Verify(std::istream& in, const ChainDigest& digest);
VerifyReport VerifyFile(const std::string& path, const ChainDigest& digest);

}  // namespace charter::log
