// The method table: one generic wrapper parses params (a failure is
// InvalidParams) and answers through a Reply, now or later.
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
    requests_[method] = [fn](const nlohmann::json& params, Reply reply) { reply(fn(params.get<P>())); };
  }

  /// A request answered from an analysis of the document's current text (P has `uri`).
  template <typename P>
  void Analysed(const std::string& method,
                std::function<Result(const P&, const Document&, const Analysis&)> fn) {
    Workspace* ws = &workspace_;
    requests_[method] = [fn, ws](const nlohmann::json& params, Reply reply) {
      P p = params.get<P>();
      ws->WhenAnalysed(p.uri, [fn, p, reply](const Document* doc, std::shared_ptr<const Analysis> analysis) {
        if (!doc || !analysis) return reply(RpcError{error_code::kRequestFailed, "the document is not open"});
        reply(fn(p, *doc, *analysis));
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
  Workspace& workspace_;
  std::map<std::string, RequestFn> requests_;
  std::map<std::string, NotificationFn> notifications_;
};

}  // namespace charter::lsp
