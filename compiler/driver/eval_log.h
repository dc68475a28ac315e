// `charter eval --log FILE`: one decision-log record per decision (or error),
// chained to the line before it (compiler/log/, docs/decision-log.md).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/driver/policy_set.h"
#include "compiler/log/record.h"
#include "compiler/log/writer.h"

namespace charter::driver {

struct EvalLogOptions {
  std::string path;
  std::string key_file;  // empty: a plain SHA-256 chain
  bool redact = false;
  size_t max_event_bytes = 0;  // an event longer than this was not kept whole: no hash, no event
};

class EvalLog {
 public:
  /// Opens the log; null with `error` set when the key or the file cannot be read.
  static std::unique_ptr<EvalLog> Open(const EvalLogOptions& options, const PolicySet& set, std::string& error);

  /// Appends the record of one event: its bytes as received and the decision or error JSON printed for it.
  bool Record(std::string_view event, const nlohmann::ordered_json& result, std::string& error);
  /// fsync at the end of a run.
  bool Finish(std::string& error) { return writer_->Sync(error); }

 private:
  EvalLog(EvalLogOptions options, std::vector<log::PolicyRef> policies, std::unique_ptr<log::LogWriter> writer)
      : options_(std::move(options)), policies_(std::move(policies)), writer_(std::move(writer)) {}

  EvalLogOptions options_;
  std::vector<log::PolicyRef> policies_;
  std::unique_ptr<log::LogWriter> writer_;
};

}  // namespace charter::driver
