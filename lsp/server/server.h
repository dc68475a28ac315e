// The server core: lifecycle, dispatch through the method table, the main
// loop over the inbox, and the reader thread that feeds it.
#pragma once

#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "lsp/server/method_table.h"
#include "lsp/server/queue.h"
#include "lsp/server/worker.h"
#include "lsp/server/workspace.h"
#include "lsp/transport/framing.h"

namespace charter::lsp {

/// State the reader thread shares with the main loop; owned jointly so that a
/// reader still blocked in read() at exit never outlives it.
struct SharedState {
  EventQueue inbox;
  std::mutex mutex;
  std::set<std::string> cancelled;                // request ids, as JSON text
  std::map<std::string, int> pending_changes;     // didChange queued but not applied, by URI
  void Noticed(const nlohmann::json& message);    // called as a message is queued
};

class Server {
 public:
  /// `inline_worker` runs analyses synchronously (unit tests drive Handle() directly).
  Server(ServerOptions options, Workspace::Send send, bool inline_worker = false);
  ~Server();

  /// Handles one inbox event on the calling (main) thread.
  void Handle(Event event);
  /// Handles an incoming JSON text as if it had been read from the transport.
  void HandleText(const std::string& text);
  /// Starts pending analyses (the main loop calls this whenever the inbox is empty).
  void Idle() { workspace_.Schedule(); }
  /// Handles everything queued, then analyses, until nothing is left (tests, inline worker).
  void Pump();

  bool exited() const { return exited_; }
  int exit_code() const { return exit_code_; }
  std::shared_ptr<SharedState> shared() { return shared_; }
  /// The table features are registered in; embedders and tests may add methods.
  MethodTable& methods() { return table_; }
  Workspace& workspace() { return workspace_; }

  /// Serves a session: reads frames on a thread, handles them here until `exit` or end of input.
  int Run(FrameReader::ReadFn read);

 private:
  void HandleMessage(const nlohmann::json& message);
  void HandleRequest(const nlohmann::json& id, const std::string& method, const nlohmann::json& params);
  void HandleNotification(const std::string& method, const nlohmann::json& params);
  nlohmann::json Capabilities() const;
  void Send(const nlohmann::json& message) { send_(message); }

  ServerOptions options_;
  Workspace::Send send_;
  std::shared_ptr<SharedState> shared_;
  Worker worker_;
  Workspace workspace_;
  MethodTable table_;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
  int exit_code_ = 1;
};

}  // namespace charter::lsp
