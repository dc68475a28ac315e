// The server's state shared by every feature: open documents, analysis
// scheduling on the worker, and outgoing notifications. Features read
// analyses through it and never analyse on the main thread.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "lsp/server/documents.h"
#include "lsp/server/log.h"
#include "lsp/server/queue.h"
#include "lsp/server/worker.h"

namespace charter::lsp {

/// What running one test reported: for the `charter.runTest` command.
struct TestOutcome {
  bool found = false;
  bool passed = false;
  std::vector<std::string> messages;  // failures, or why it could not run
};

struct ServerOptions {
  std::string stdlib_dir;
  size_t max_body = 64 << 20;
  /// Lowers and runs the test titled `title`; injected by the driver, which owns the test runner.
  std::function<TestOutcome(CheckedProgram&, const std::string& title)> run_test;
  /// Where the server reports failures no request can carry; empty: stderr.
  LogSink log;
};

/// Why a job on the worker failed (what it threw, as text); none when it finished.
using JobFailure = std::optional<std::string>;

class Workspace {
 public:
  using Send = std::function<void(const nlohmann::json&)>;
  Workspace(const ServerOptions& options, Send send, EventQueue& inbox, Worker& worker)
      : options_(options), send_(std::move(send)), inbox_(inbox), worker_(worker) {}

  Document* Find(const std::string& uri);
  void Open(const std::string& uri, std::string text, int64_t version);
  void Change(const std::string& uri, int64_t version, const std::vector<ContentChange>& changes);
  void Close(const std::string& uri);
  const std::map<std::string, Document>& documents() const { return documents_; }

  /// Calls `ready` with an analysis of the document's current text once there is one
  /// (at once when it is fresh); `ready` gets a null document when the document is
  /// not open, and a null analysis when analysing this text failed (logged).
  void WhenAnalysed(const std::string& uri, std::function<void(const Document*, std::shared_ptr<const Analysis>)> ready);
  /// Starts analysing documents whose text changed, one job at a time.
  void Schedule();
  /// Runs `job` on the worker; `done` runs on the main thread afterwards, told
  /// whether `job` threw, so that a request waiting on it is answered either way.
  void OnWorker(std::function<void()> job, std::function<void(const JobFailure&)> done);

  /// Called with each fresh analysis (diagnostics are published from here).
  void OnAnalysed(std::function<void(const Document&)> hook) { on_analysed_.push_back(std::move(hook)); }
  /// An edit for this document is already queued: analysing now would be wasted.
  std::function<bool(const std::string& uri)> change_pending = [](const std::string&) { return false; };

  void Notify(const std::string& method, nlohmann::json params);
  const ServerOptions& options() const { return options_; }
  void Log(const std::string& line) const { options_.log(line); }

 private:
  void Finished(const std::string& uri, uint64_t generation, std::shared_ptr<const Analysis> analysis);
  /// Runs `fn`; logs what it throws as "WHAT failed: ...".
  template <typename Fn>
  void Guarded(const std::string& what, Fn&& fn);
  AnalysisOptions OptionsFor(const Document& doc) const;

  const ServerOptions& options_;
  Send send_;
  EventQueue& inbox_;
  Worker& worker_;
  std::map<std::string, Document> documents_;
  std::map<std::string, std::vector<std::function<void(const Document*, std::shared_ptr<const Analysis>)>>> waiters_;
  bool analysing_ = false;
  std::vector<std::function<void(const Document&)>> on_analysed_;
  // Used by the worker only, one analysis at a time.
  std::shared_ptr<ParseCache> parse_cache_ = std::make_shared<ParseCache>();
};

}  // namespace charter::lsp
