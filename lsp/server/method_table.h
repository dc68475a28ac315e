// The method table: one generic wrapper parses params (a failure is
// InvalidParams) and answers through a Reply, now or later. A feature that
// throws is answered with InternalError: every request gets an answer.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "lsp/server/workspace.h"
#include "lsp/transport/jsonrpc.h"

namespace charter::lsp {

using Result = std::variant<nlohmann::json, RpcError>;
using Reply = std::function<void(Result)>;

class MethodTable {
 public:
  using RequestFn = std::function<void(const nlohmann::json& params, Reply reply)>;
  using NotificationFn = std::function<void(const nlohmann::json& params)>;

  explicit MethodTable(Workspace& workspace) : workspace_(workspace) {}

  /// A request answered at once.
  template <typename P>
  void Request(const std::string& method, std::function<Result(const P&)> fn) {
    Workspace* ws = &workspace_;
    requests_[method] = [fn, ws, method](const nlohmann::json& params, Reply reply) {
      P p = params.get<P>();
      reply(Guarded(*ws, method, [&] { return fn(p); }));
    };
  }

  /// A request answered from an analysis of the document's current text (P has `uri`).
  template <typename P>
  void Analysed(const std::string& method,
                std::function<Result(const P&, const Document&, const Analysis&)> fn) {
    Workspace* ws = &workspace_;
    requests_[method] = [fn, ws, method](const nlohmann::json& params, Reply reply) {
      P p = params.get<P>();
      ws->WhenAnalysed(p.uri, [fn, p, reply, ws, method](const Document* doc, std::shared_ptr<const Analysis> analysis) {
        if (!doc) return reply(RpcError{error_code::kRequestFailed, "the document is not open"});
        if (!analysis) {
          return reply(RpcError{error_code::kInternalError, "the document could not be analysed; see the server's log"});
        }
        reply(Guarded(*ws, method, [&] { return fn(p, *doc, *analysis); }));
      });
    };
  }

  template <typename P>
  void Notification(const std::string& method, std::function<void(const P&)> fn) {
    notifications_[method] = [fn](const nlohmann::json& params) { fn(params.get<P>()); };
  }

  const RequestFn* FindRequest(const std::string& method) const {
    auto it = requests_.find(method);
    return it == requests_.end() ? nullptr : &it->second;
  }
  const NotificationFn* FindNotification(const std::string& method) const {
    auto it = notifications_.find(method);
    return it == notifications_.end() ? nullptr : &it->second;
  }
  void RawRequest(const std::string& method, RequestFn fn) { requests_[method] = std::move(fn); }

 private:
  /// The feature's answer, or InternalError with what it threw (logged too).
  template <typename Fn>
  static Result Guarded(const Workspace& ws, const std::string& method, Fn&& fn) {
    try {
      return fn();
    } catch (...) {
      std::string message = method + " failed: " + CurrentExceptionText();
      ws.Log(message);
      return RpcError{error_code::kInternalError, message};
    }
  }

  Workspace& workspace_;
  std::map<std::string, RequestFn> requests_;
  std::map<std::string, NotificationFn> notifications_;
};

}  // namespace charter::lsp
