// The server core and its handlers, driven in-process: lifecycle, errors,
// stale analyses, and the answers of each feature on small policies.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <future>
#include <iterator>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "lsp/features/features.h"
#include "lsp/server/server.h"
#include "lsp/service/completion.h"

using namespace charter::lsp;
using json = nlohmann::json;

namespace {

const char kPolicy[] =
    "policy p\n"
    "/// Roles (§1).\n"
    "enum Role { platform, security }\n"
    "event change { role: Role, n: int }\n"
    "const limit = 3\n"
    "rule r on change {\n"
    "  require event.n < limit else \"too_many\": \"n is {event.n}\"\n"
    "}\n";

ServerOptions LoggingTo(std::vector<std::string>& lines) {
  ServerOptions options;
  options.log = [&lines](const std::string& line) { lines.push_back(line); };
  return options;
}

struct Session {
  std::vector<json> out;
  std::vector<std::string> logged;  // the server's log lines
  Server server{LoggingTo(logged), [this](const json& m) { out.push_back(m); }, true};

  json Request(int id, const std::string& method, json params) {
    server.HandleText(json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump());
    server.Pump();
    for (const auto& m : out) {
      if (m.contains("id") && m["id"] == id) return m;
    }
    return nullptr;
  }
  void Notify(const std::string& method, json params) {
    server.HandleText(json{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}.dump());
  }
  void Start() {
    Request(1, "initialize", {{"capabilities", json::object()}});
    Notify("initialized", json::object());
  }
  void Open(const std::string& uri, const std::string& text) {
    Notify("textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"languageId", "charter"}, {"version", 1}, {"text", text}}}});
  }
  std::vector<json> Published(const std::string& uri) {
    std::vector<json> list;
    for (const auto& m : out) {
      if (m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri) list.push_back(m["params"]);
    }
    return list;
  }
};

json Pos(int line, int character) { return {{"line", line}, {"character", character}}; }

}  // namespace

TEST_CASE("Requests before initialize are refused; unknown methods are MethodNotFound", "[lsp]") {
  Session s;
  CHECK(s.Request(1, "textDocument/hover", json::object())["error"]["code"] == -32002);
  s.Start();
  CHECK(s.Request(2, "no/such", json::object())["error"]["code"] == -32601);
  CHECK(s.Request(3, "textDocument/hover", {{"textDocument", 1}})["error"]["code"] == -32602);
  s.server.HandleText("{not json");
  CHECK(s.out.back()["error"]["code"] == -32700);
  CHECK(s.out.back()["id"].is_null());
  CHECK(s.Request(4, "shutdown", nullptr)["result"].is_null());
  s.Notify("exit", nullptr);
  CHECK(s.server.exited());
  CHECK(s.server.exit_code() == 0);
}

TEST_CASE("Exit without shutdown exits 1", "[lsp]") {
  Session s;
  s.Start();
  s.Notify("exit", nullptr);
  CHECK(s.server.exit_code() == 1);
}

TEST_CASE("Changes queued before analysis are coalesced into one analysis", "[lsp]") {
  Session s;
  s.Start();
  s.Open("file:///t/a.charter", kPolicy);
  for (int v = 2; v <= 4; ++v) {
    s.Notify("textDocument/didChange", {{"textDocument", {{"uri", "file:///t/a.charter"}, {"version", v}}},
                                        {"contentChanges", {{{"range", {{"start", Pos(4, 14)}, {"end", Pos(4, 15)}}}, {"text", std::to_string(v)}}}}});
  }
  s.server.Pump();
  auto published = s.Published("file:///t/a.charter");
  REQUIRE(published.size() == 1);
  CHECK(published[0]["version"] == 4);
}

TEST_CASE("Hover, definition and completion answer on a small policy", "[lsp]") {
  Session s;
  s.Start();
  s.Open("file:///t/a.charter", kPolicy);
  s.server.Pump();
  json hover = s.Request(5, "textDocument/hover", {{"textDocument", {{"uri", "file:///t/a.charter"}}}, {"position", Pos(3, 22)}});
  CHECK(hover["result"]["contents"]["value"] == "```charter\nenum Role { platform, security }\n```\n\nRoles (§1).");
  json def = s.Request(6, "textDocument/definition", {{"textDocument", {{"uri", "file:///t/a.charter"}}}, {"position", Pos(6, 23)}});
  CHECK(def["result"]["range"] == json{{"start", Pos(4, 6)}, {"end", Pos(4, 11)}});
  json completion = s.Request(7, "textDocument/completion", {{"textDocument", {{"uri", "file:///t/a.charter"}}}, {"position", Pos(6, 16)}});
  std::vector<std::string> labels;
  for (const auto& item : completion["result"]["items"]) labels.push_back(item["label"]);
  CHECK(labels == std::vector<std::string>{"role", "n"});
}

TEST_CASE("Completion finds enum members after `==` in text that does not parse", "[lsp]") {
  Session s;
  s.Start();
  s.Open("file:///t/a.charter", kPolicy);
  s.server.Pump();
  std::string broken = std::string(kPolicy) + "rule q on change {\n  when event.role == \n";
  s.Notify("textDocument/didChange", {{"textDocument", {{"uri", "file:///t/a.charter"}, {"version", 2}}},
                                      {"contentChanges", {{{"text", broken}}}}});
  json completion = s.Request(8, "textDocument/completion", {{"textDocument", {{"uri", "file:///t/a.charter"}}}, {"position", Pos(9, 21)}});
  std::vector<std::string> labels;
  for (const auto& item : completion["result"]["items"]) labels.push_back(item["label"]);
  CHECK(labels == std::vector<std::string>{"platform", "security"});
}

TEST_CASE("Line edits are minimal hunks", "[lsp]") {
  auto edits = LineEdits("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n");
  REQUIRE(edits.size() == 2);
  CHECK(edits[0].range == Range{{1, 0}, {2, 0}});
  CHECK(edits[0].new_text == "B\n");
  CHECK(edits[1].range == Range{{4, 0}, {4, 0}});
  CHECK(edits[1].new_text == "e\n");
  CHECK(LineEdits("same\n", "same\n").empty());
}

TEST_CASE("A call site names the callee and the argument under the cursor", "[lsp]") {
  std::string text = "let x = time.days_between(a, max(b, c), ";
  auto site = FindCall(text, static_cast<uint32_t>(text.size()));
  REQUIRE(site);
  CHECK(site->object == "time");
  CHECK(site->name == "days_between");
  CHECK(site->argument == 2);
  CHECK_FALSE(FindCall("let x = 1", 9));
}

// ------------------------------------------------------------------ error boundaries

namespace {

const char kUri[] = "file:///t/a.charter";
json DocParams() { return {{"textDocument", {{"uri", kUri}}}}; }

bool Logged(const Session& s, const std::string& text) {
  for (const auto& line : s.logged) {
    if (line.find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("A feature that throws is answered with InternalError, at once or after the analysis", "[lsp]") {
  Session s;
  s.Start();
  s.server.methods().Request<UriParams>("test/throws", [](const UriParams&) -> Result { throw 42; });
  s.server.methods().Analysed<UriParams>("test/throwsLater", [](const UriParams&, const Document&, const Analysis&) -> Result {
    throw std::runtime_error("boom");
  });
  json now = s.Request(2, "test/throws", DocParams());
  CHECK(now["error"]["code"] == -32603);
  CHECK(now["error"]["message"] == "test/throws failed: an exception that is not a std::exception");
  s.Open(kUri, kPolicy);  // not analysed yet: the request waits for the analysis
  json later = s.Request(3, "test/throwsLater", DocParams());
  CHECK(later["error"]["code"] == -32603);
  CHECK(later["error"]["message"] == "test/throwsLater failed: boom");
  CHECK(Logged(s, "test/throwsLater failed: boom"));
  // The session goes on.
  json hover = s.Request(4, "textDocument/hover", {{"textDocument", {{"uri", kUri}}}, {"position", Pos(3, 22)}});
  CHECK(hover.contains("result"));
}

TEST_CASE("Every request waiting on an analysis is called, even after one throws", "[lsp]") {
  Session s;
  s.Start();
  s.Open(kUri, kPolicy);
  int called = 0;
  s.server.workspace().WhenAnalysed(kUri, [](const Document*, std::shared_ptr<const Analysis>) {
    throw std::runtime_error("first waiter");
  });
  s.server.workspace().WhenAnalysed(kUri, [&called](const Document* doc, std::shared_ptr<const Analysis> analysis) {
    called += doc && analysis;
  });
  s.server.Pump();
  CHECK(called == 1);
  CHECK(Logged(s, "a request waiting on file:///t/a.charter failed: first waiter"));
  CHECK(s.Published(kUri).size() == 1);
}

TEST_CASE("A worker job that throws is logged and the worker runs the next job", "[lsp]") {
  std::vector<std::string> logged;
  std::mutex mutex;
  std::promise<void> next_ran;
  {
    Worker worker([&](const std::string& line) {
      std::lock_guard<std::mutex> lock(mutex);
      logged.push_back(line);
    });
    worker.Post([] { throw std::runtime_error("boom"); });
    worker.Post([&] { next_ran.set_value(); });
    REQUIRE(next_ran.get_future().wait_for(std::chrono::seconds(30)) == std::future_status::ready);
  }
  CHECK(logged == std::vector<std::string>{"a background job failed: boom"});
}

TEST_CASE("A job run through the workspace tells its continuation that it threw", "[lsp]") {
  Session s;
  s.Start();
  std::optional<JobFailure> told;
  s.server.workspace().OnWorker([] { throw std::runtime_error("boom"); },
                                [&told](const JobFailure& failure) { told = failure; });
  s.server.Pump();
  REQUIRE(told);
  CHECK(*told == JobFailure("boom"));
}

TEST_CASE("A notification that fails or has invalid params is logged", "[lsp]") {
  Session s;
  s.Start();
  s.server.methods().Notification<UriParams>("test/notify", [](const UriParams&) { throw std::runtime_error("boom"); });
  s.Notify("test/notify", DocParams());
  CHECK(Logged(s, "test/notify failed: boom"));
  s.Notify("textDocument/didOpen", json::object());
  CHECK(Logged(s, "ignored textDocument/didOpen with invalid params: "));
  CHECK(s.out.size() == 1);  // the initialize response only: notifications are never answered
}

TEST_CASE("Documents nested a hundred thousand deep are diagnosed with E0007 and the session carries on", "[lsp]") {
  Session s;
  s.Start();
#if defined(__SANITIZE_ADDRESS__)
  // Under ASan the same requests take ~20x longer; 10,000 levels is still 40x the limit.
  constexpr size_t kDepth = 10000;
#else
  constexpr size_t kDepth = 100000;
#endif
  const std::string deep[] = {
      "policy p\nconst x = " + std::string(kDepth, '(') + "1" + std::string(kDepth, ')') + "\n",
      [] {
        std::string sum = "policy p\nconst x = 1";
        for (size_t i = 0; i < kDepth; ++i) sum += " + 1";
        return sum + "\n";
      }(),
      "policy p\nconst x = " + std::string(kDepth, '[') + "\n",
  };
  for (size_t i = 0; i < std::size(deep); ++i) {
    std::string uri = "file:///t/deep" + std::to_string(i) + ".charter";
    s.Open(uri, deep[i]);
    s.server.Pump();
    auto published = s.Published(uri);
    REQUIRE(published.size() == 1);
    bool found = false;
    for (const auto& d : published[0]["diagnostics"]) found = found || d["code"] == "E0007";
    CHECK(found);
    json doc = {{"textDocument", {{"uri", uri}}}};
    int id = 10 + static_cast<int>(i) * 10;
    for (const char* method : {"textDocument/documentSymbol", "textDocument/semanticTokens/full",
                               "textDocument/foldingRange", "textDocument/formatting", "textDocument/codeLens"}) {
      json params = doc;
      if (std::string(method) == "textDocument/formatting") params["options"] = {{"tabSize", 2}, {"insertSpaces", true}};
      INFO(method);
      CHECK(s.Request(++id, method, params).contains("id"));
    }
    CHECK(s.Request(++id, "textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", Pos(1, 20)}}).contains("id"));
  }
  CHECK(s.Request(99, "shutdown", nullptr)["result"].is_null());
}

TEST_CASE("A message nested 200,000 arrays deep is a parse error, not a crash", "[lsp]") {
  Session s;
  s.Start();
  for (const std::string& field : {std::string("params"), std::string("id")}) {
    std::string text = "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/hover\",\"" + field + "\":" +
                       std::string(200000, '[') + std::string(200000, ']') + "}";
    s.server.HandleText(text);
    CHECK(s.out.back()["error"]["code"] == -32700);
    CHECK(s.out.back()["id"].is_null());
  }
  CHECK(s.Request(5, "shutdown", nullptr)["result"].is_null());
}

TEST_CASE("A served session answers the request after a frame whose body outran its Content-Length", "[lsp]") {
  auto framed = [](const std::string& body) {
    return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  };
  std::string initialize = R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})";
  std::string hover = R"({"jsonrpc":"2.0","id":2,"method":"no/such"})";
  std::string stream = framed(initialize) + "Content-Length: 5\r\n\r\n" + hover +
                       framed(R"({"jsonrpc":"2.0","id":3,"method":"shutdown"})") +
                       framed(R"({"jsonrpc":"2.0","method":"exit"})");
  auto at = std::make_shared<size_t>(0);
  std::vector<json> out;
  std::mutex mutex;
  Server server(ServerOptions{}, [&](const json& m) {
    std::lock_guard lock(mutex);
    out.push_back(m);
  }, true);
  int code = server.Run([stream, at](char* buffer, size_t size) -> long {
    size_t n = std::min({size, size_t{3}, stream.size() - *at});
    std::memcpy(buffer, stream.data() + *at, n);
    *at += n;
    return static_cast<long>(n);
  });
  CHECK(code == 0);
  int parse_errors = 0;
  bool shutdown_answered = false;
  for (const auto& m : out) {
    if (m.contains("error") && m["error"]["code"] == -32700) ++parse_errors;
    if (m.contains("id") && m["id"] == 3) shutdown_answered = m.contains("result");
  }
  CHECK(shutdown_answered);
  CHECK(parse_errors == 2);  // the cut body, and the rest of it
}
