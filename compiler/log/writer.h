// Appends records to a decision log so that two processes writing at once
// never interleave or break the chain (docs/decision-log.md).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "compiler/log/digest.h"

namespace charter::log {

class LogWriter {
 public:
  /// Opens (creating) the log at `path` for appending. Null with `error` set when it cannot.
  static std::unique_ptr<LogWriter> Open(const std::string& path, ChainDigest digest, std::string& error);
  ~LogWriter();
  LogWriter(const LogWriter&) = delete;
  LogWriter& operator=(const LogWriter&) = delete;

  /// Appends one record with `body` (record.h) stamped now: under an exclusive
  /// flock it reads the last line, chains to it, and writes the whole line
  /// with one write(2) on an O_APPEND descriptor.
  bool Append(std::string_view body, std::string& error);
  /// fsync(2): the records appended so far are on disk.
  bool Sync(std::string& error);

 private:
  LogWriter(int fd, std::string path, ChainDigest digest);
  bool AppendLocked(std::string_view body, std::string& error);
  /// The last line of a log of `size` bytes, without its newline (empty when size is 0).
  bool ReadLastLine(off_t size, std::string& line, std::string& error);

  int fd_;
  std::string path_;
  ChainDigest digest_;
};

/// The current time as records carry it: RFC 3339 UTC with microseconds,
/// fixed width so that text order is time order.
std::string NowTimestamp();

}  // namespace charter::log
