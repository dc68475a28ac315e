#include "lsp/server/server.h"

#include <thread>

#include "lsp/features/features.h"
#include "lsp/transport/parse_message.h"

namespace charter::lsp {

using json = nlohmann::json;

void SharedState::Noticed(const json& message) {
  if (!message.is_object() || !message.contains("method") || !message["method"].is_string()) return;
  const std::string& method = message["method"].get_ref<const std::string&>();
  std::lock_guard<std::mutex> lock(mutex);
  if (method == "$/cancelRequest" && message.contains("params") && message["params"].is_object() &&
      message["params"].contains("id")) {
    cancelled.insert(message["params"]["id"].dump());
  } else if (method == "textDocument/didChange") {
    const json* doc = message.contains("params") && message["params"].is_object() && message["params"].contains("textDocument")
                          ? &message["params"]["textDocument"]
                          : nullptr;
    if (doc && doc->is_object() && doc->contains("uri") && (*doc)["uri"].is_string()) {
      ++pending_changes[(*doc)["uri"].get<std::string>()];
    }
  }
}

namespace {

ServerOptions WithLog(ServerOptions options) {
  if (!options.log) options.log = StderrLog();
  return options;
}

}  // namespace

Server::Server(ServerOptions options, Workspace::Send send, bool inline_worker)
    : options_(WithLog(std::move(options))),
      send_(std::move(send)),
      shared_(std::make_shared<SharedState>()),
      worker_(options_.log, inline_worker),
      workspace_(options_, send_, shared_->inbox, worker_),
      table_(workspace_) {
  std::shared_ptr<SharedState> shared = shared_;
  workspace_.change_pending = [shared](const std::string& uri) {
    std::lock_guard<std::mutex> lock(shared->mutex);
    auto it = shared->pending_changes.find(uri);
    return it != shared->pending_changes.end() && it->second > 0;
  };
  RegisterSync(table_, workspace_);
  RegisterDiagnostics(table_, workspace_);
  RegisterCodeActions(table_, workspace_);
  RegisterCompletion(table_, workspace_);
  RegisterHover(table_, workspace_);
  RegisterNavigation(table_, workspace_);
  RegisterRename(table_, workspace_);
  RegisterSymbols(table_, workspace_);
  RegisterFormatting(table_, workspace_);
  RegisterSemanticTokens(table_, workspace_);
  RegisterFolding(table_, workspace_);
  RegisterSignatureHelp(table_, workspace_);
  RegisterCodeLens(table_, workspace_);
}

Server::~Server() = default;

json Server::Capabilities() const {
  json caps = {
      {"positionEncoding", "utf-16"},
      {"textDocumentSync", {{"openClose", true}, {"change", 2}}},
      {"completionProvider", {{"triggerCharacters", {".", "\""}}, {"resolveProvider", false}}},
      {"hoverProvider", true},
      {"definitionProvider", true},
      {"referencesProvider", true},
      {"renameProvider", {{"prepareProvider", true}}},
      {"documentSymbolProvider", true},
      {"workspaceSymbolProvider", true},
      {"semanticTokensProvider",
       {{"legend", {{"tokenTypes", SemanticTokenTypes()}, {"tokenModifiers", json::array({"declaration"})}}},
        {"full", true}}},
      {"foldingRangeProvider", true},
      {"signatureHelpProvider", {{"triggerCharacters", {"(", ","}}}},
      {"codeLensProvider", {{"resolveProvider", false}}},
      {"executeCommandProvider", {{"commands", {"charter.runTest"}}}},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
      {"documentFormattingProvider", true},
      {"documentRangeFormattingProvider", true},
  };
  return caps;
}

void Server::HandleText(const std::string& text) {
  Event event;
  if (auto message = ParseMessage(text, event.error)) {
    event.message = std::move(*message);
    event.kind = Event::Kind::Message;
    shared_->Noticed(event.message);
  } else {
    event.kind = Event::Kind::BadJson;
  }
  Handle(std::move(event));
}

void Server::Handle(Event event) {
  switch (event.kind) {
    case Event::Kind::Message: HandleMessage(event.message); break;
    case Event::Kind::BadJson: Send(ErrorResponse(nullptr, error_code::kParseError, "invalid JSON: " + event.error)); break;
    case Event::Kind::BadFrame: Send(ErrorResponse(nullptr, error_code::kParseError, "bad message frame: " + event.error)); break;
    case Event::Kind::End:
      exited_ = true;
      exit_code_ = shutdown_ ? 0 : 1;
      break;
    case Event::Kind::Continuation:
      try {
        event.continuation();
      } catch (...) {
        // A failed continuation must not take the session down; the wrappers answer their requests first.
        workspace_.Log("a continuation failed: " + CurrentExceptionText());
      }
      break;
  }
}

void Server::HandleMessage(const json& message) {
  if (!message.is_object()) {
    return Send(ErrorResponse(nullptr, error_code::kInvalidRequest, "a message must be a JSON object"));
  }
  bool has_id = message.contains("id");
  json id = has_id ? message["id"] : json(nullptr);
  if (has_id && !id.is_string() && !id.is_number_integer() && !id.is_null()) {
    return Send(ErrorResponse(nullptr, error_code::kInvalidRequest, "`id` must be a number or a string"));
  }
  if (!message.contains("method")) {
    if (has_id && (message.contains("result") || message.contains("error"))) return;  // a client's response
    return Send(ErrorResponse(id, error_code::kInvalidRequest, "a message needs a `method`"));
  }
  if (!message["method"].is_string()) {
    return Send(ErrorResponse(id, error_code::kInvalidRequest, "`method` must be a string"));
  }
  std::string method = message["method"];
  // `params: null` is common for shutdown and exit; treat it as absent.
  json params = message.contains("params") && !message["params"].is_null() ? message["params"] : json::object();
  if (!params.is_object() && !params.is_array()) {
    if (has_id) Send(ErrorResponse(id, error_code::kInvalidParams, "`params` must be an object or an array"));
    return;
  }
  if (has_id) {
    HandleRequest(id, method, params);
  } else {
    HandleNotification(method, params);
  }
}

void Server::HandleRequest(const json& id, const std::string& method, const json& params) {
  if (method == "initialize") {
    if (initialized_) return Send(ErrorResponse(id, error_code::kInvalidRequest, "initialize was already received"));
    initialized_ = true;
    return Send(Response(id, {{"capabilities", Capabilities()},
                              {"serverInfo", {{"name", "charter"}, {"version", CHARTER_VERSION}}}}));
  }
  if (!initialized_) return Send(ErrorResponse(id, error_code::kServerNotInitialized, "the server is not initialized"));
  if (method == "shutdown") {
    shutdown_ = true;
    return Send(Response(id, nullptr));
  }
  if (shutdown_) return Send(ErrorResponse(id, error_code::kInvalidRequest, "the server is shutting down"));
  const MethodTable::RequestFn* fn = table_.FindRequest(method);
  if (!fn) return Send(ErrorResponse(id, error_code::kMethodNotFound, "unknown method `" + method + "`"));
  std::shared_ptr<SharedState> shared = shared_;
  Workspace::Send send = send_;
  std::string key = id.dump();
  {
    std::lock_guard<std::mutex> lock(shared->mutex);
    if (shared->cancelled.erase(key)) {
      return Send(ErrorResponse(id, error_code::kRequestCancelled, "the request was cancelled"));
    }
  }
  Reply reply = [shared, send, id, key](Result result) {
    {
      std::lock_guard<std::mutex> lock(shared->mutex);
      if (shared->cancelled.erase(key)) {
        return send(ErrorResponse(id, error_code::kRequestCancelled, "the request was cancelled"));
      }
    }
    if (auto* error = std::get_if<RpcError>(&result)) return send(ErrorResponse(id, error->code, error->message));
    send(Response(id, std::get<json>(std::move(result))));
  };
  try {
    (*fn)(params, reply);
  } catch (const json::exception& e) {
    Send(ErrorResponse(id, error_code::kInvalidParams, std::string("invalid params: ") + e.what()));
  } catch (...) {
    Send(ErrorResponse(id, error_code::kInternalError, method + " failed: " + CurrentExceptionText()));
  }
}

void Server::HandleNotification(const std::string& method, const json& params) {
  if (method == "exit") {
    exited_ = true;
    exit_code_ = shutdown_ ? 0 : 1;
    return;
  }
  if (method == "textDocument/didChange") {
    // Applied now: the reader counted it as pending until this point.
    std::lock_guard<std::mutex> lock(shared_->mutex);
    if (params.is_object() && params.contains("textDocument") && params["textDocument"].is_object() &&
        params["textDocument"].contains("uri") && params["textDocument"]["uri"].is_string()) {
      auto it = shared_->pending_changes.find(params["textDocument"]["uri"].get<std::string>());
      if (it != shared_->pending_changes.end() && --it->second <= 0) shared_->pending_changes.erase(it);
    }
  }
  if (method == "$/cancelRequest") return;  // recorded by SharedState::Noticed as it was queued
  if (!initialized_ || shutdown_) return;  // notifications before initialize are dropped
  if (method.rfind("$/", 0) == 0) return;  // other protocol notifications are optional
  const MethodTable::NotificationFn* fn = table_.FindNotification(method);
  if (!fn) return;
  try {
    (*fn)(params);
  } catch (const json::exception& e) {
    // A notification has no answer: the log is the only trace of it.
    workspace_.Log("ignored " + method + " with invalid params: " + e.what());
  } catch (...) {
    workspace_.Log(method + " failed: " + CurrentExceptionText());
  }
}

void Server::Pump() {
  for (int rounds = 0; rounds < 1000; ++rounds) {
    while (auto event = shared_->inbox.TryPop()) Handle(std::move(*event));
    Idle();
    if (shared_->inbox.Empty()) return;
  }
}

int Server::Run(FrameReader::ReadFn read) {
  std::shared_ptr<SharedState> shared = shared_;
  size_t max_body = options_.max_body;
  std::thread reader([shared, read = std::move(read), max_body] {
    FrameReader frames(read, max_body);
    for (;;) {
      Frame frame = frames.Next();
      Event event;
      if (frame.kind == Frame::Kind::End) {
        shared->inbox.Push(std::move(event));
        return;
      }
      if (frame.kind == Frame::Kind::Error) {
        event.kind = Event::Kind::BadFrame;
        event.error = frame.error;
      } else if (auto message = ParseMessage(frame.body, event.error)) {
        event.message = std::move(*message);
        event.kind = Event::Kind::Message;
        shared->Noticed(event.message);
      } else {
        event.kind = Event::Kind::BadJson;
      }
      shared->inbox.Push(std::move(event));
    }
  });
  reader.detach();
  while (!exited_) {
    Handle(shared_->inbox.Pop());
    if (!exited_ && shared_->inbox.Empty()) Idle();
  }
  return exit_code_;
}

}  // namespace charter::lsp
