// One background thread that runs every job needing the parser (analysis,
// formatting, running tests), in order: the ANTLR runtime's shared caches are
// then only ever touched by this thread.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "lsp/server/log.h"

namespace charter::lsp {

class Worker {
 public:
  /// `inline_mode` runs jobs at Post() time (unit tests, no threads). A job
  /// that throws is reported to `log` and the worker goes on with the next.
  explicit Worker(LogSink log, bool inline_mode = false);
  ~Worker();
  void Post(std::function<void()> job);
  bool Busy();

 private:
  void Loop();
  void RunGuarded(std::function<void()>& job);
  LogSink log_;
  bool inline_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  bool running_job_ = false;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace charter::lsp
