#include "lsp/server/workspace.h"

#include "lsp/transport/jsonrpc.h"

namespace charter::lsp {

template <typename Fn>
void Workspace::Guarded(const std::string& what, Fn&& fn) {
  try {
    fn();
  } catch (...) {
    Log(what + " failed: " + CurrentExceptionText());
  }
}

Document* Workspace::Find(const std::string& uri) {
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &it->second;
}

void Workspace::Open(const std::string& uri, std::string text, int64_t version) {
  Document& doc = documents_[uri];
  doc.uri = uri;
  doc.path = UriToPath(uri);
  doc.text = std::move(text);
  doc.version = version;
  ++doc.generation;
}

void Workspace::Change(const std::string& uri, int64_t version, const std::vector<ContentChange>& changes) {
  Document* doc = Find(uri);
  if (!doc) return;
  for (const auto& change : changes) ApplyChange(doc->text, change);
  doc->version = version;
  ++doc->generation;
}

void Workspace::Close(const std::string& uri) {
  documents_.erase(uri);
  auto waiting = waiters_.find(uri);
  if (waiting != waiters_.end()) {
    auto callbacks = std::move(waiting->second);
    waiters_.erase(waiting);
    for (auto& callback : callbacks) Guarded("a request waiting on " + uri, [&] { callback(nullptr, nullptr); });
  }
  Notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", nlohmann::json::array()}});
}

AnalysisOptions Workspace::OptionsFor(const Document& doc) const {
  AnalysisOptions options;
  options.stdlib_dir = options_.stdlib_dir;
  options.parse_cache = parse_cache_;
  for (const auto& [uri, other] : documents_) {
    if (uri != doc.uri) options.overlays[other.path] = other.text;
  }
  return options;
}

void Workspace::WhenAnalysed(const std::string& uri,
                             std::function<void(const Document*, std::shared_ptr<const Analysis>)> ready) {
  Document* doc = Find(uri);
  if (!doc) return ready(nullptr, nullptr);
  if (doc->fresh()) return ready(doc, doc->analysis);
  if (doc->failed_generation == doc->generation) return ready(doc, nullptr);
  waiters_[uri].push_back(std::move(ready));
  Schedule();
}

void Workspace::Schedule() {
  if (analysing_) return;
  for (auto& [uri, doc] : documents_) {
    if (doc.fresh() || doc.failed_generation == doc.generation || change_pending(uri)) continue;
    analysing_ = true;
    std::string path = doc.path, text = doc.text, key = uri;
    uint64_t generation = doc.generation;
    AnalysisOptions options = OptionsFor(doc);
    auto result = std::make_shared<std::shared_ptr<const Analysis>>();
    OnWorker([=] { *result = Analyze(path, text, options); },
             [this, key, generation, result](const JobFailure& failure) {
               if (failure) Log("analysing " + key + " failed: " + *failure);
               Finished(key, generation, failure ? nullptr : *result);
             });
    return;
  }
}

void Workspace::OnWorker(std::function<void()> job, std::function<void(const JobFailure&)> done) {
  EventQueue* inbox = &inbox_;
  worker_.Post([job = std::move(job), done = std::move(done), inbox]() mutable {
    JobFailure failure;
    try {
      job();
    } catch (...) {
      failure = CurrentExceptionText();
    }
    Event event;
    event.kind = Event::Kind::Continuation;
    event.continuation = [done = std::move(done), failure = std::move(failure)] { done(failure); };
    inbox->Push(std::move(event));
  });
}


// `analysis` is null when analysing failed: waiters are still answered, and this text is not analysed again.
void Workspace::Finished(const std::string& uri, uint64_t generation, std::shared_ptr<const Analysis> analysis) {
  analysing_ = false;
  Document* doc = Find(uri);
  if (doc && doc->generation == generation) {
    if (analysis) {
      doc->analysis = analysis;
      doc->analysed_generation = generation;
      if (analysis->syntax_ok) doc->last_good = analysis;
      // Every hook and every waiter runs, whatever an earlier one threw.
      for (auto& hook : on_analysed_) Guarded("an analysis hook for " + uri, [&] { hook(*doc); });
    } else {
      doc->failed_generation = generation;
    }
    auto waiting = waiters_.find(uri);
    if (waiting != waiters_.end()) {
      auto callbacks = std::move(waiting->second);
      waiters_.erase(waiting);
      for (auto& callback : callbacks) Guarded("a request waiting on " + uri, [&] { callback(doc, analysis); });
    }
  } else if (doc && !doc->analysis && analysis) {
    // A stale first analysis still serves completion until the fresh one lands.
    doc->analysis = analysis;
    if (analysis->syntax_ok) doc->last_good = analysis;
  }
  // A stale result (the text changed meanwhile) is dropped: nothing is published.
  Schedule();
}

void Workspace::Notify(const std::string& method, nlohmann::json params) {
  send_(Notification(method, std::move(params)));
}

}  // namespace charter::lsp
