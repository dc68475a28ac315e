#include "lsp/server/worker.h"

namespace charter::lsp {

Worker::Worker(LogSink log, bool inline_mode) : log_(std::move(log)), inline_(inline_mode) {
  if (!inline_) thread_ = std::thread([this] { Loop(); });
}

Worker::~Worker() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  ready_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Worker::Post(std::function<void()> job) {
  if (inline_) {
    RunGuarded(job);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_.push_back(std::move(job));
  }
  ready_.notify_one();
}

bool Worker::Busy() {
  std::lock_guard<std::mutex> lock(mutex_);
  return running_job_ || !jobs_.empty();
}

// An exception escaping the thread's function would end the process, and with it the editor's session.
void Worker::RunGuarded(std::function<void()>& job) {
  try {
    job();
  } catch (...) {
    log_("a background job failed: " + CurrentExceptionText());
  }
}

void Worker::Loop() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [&] { return stop_ || !jobs_.empty(); });
      if (stop_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
      running_job_ = true;
    }
    RunGuarded(job);
    std::lock_guard<std::mutex> lock(mutex_);
    running_job_ = false;
  }
}

}  // namespace charter::lsp
