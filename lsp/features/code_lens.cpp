// textDocument/codeLens: "▶ run test" above each `test` block; the
// `charter.runTest` command runs it with the interpreter on the worker and
// reports pass or fail with window/showMessage and in its result.
#include "compiler/load/load.h"
#include "lsp/features/convert.h"
#include "lsp/features/features.h"

namespace charter::lsp {

void RegisterCodeLens(MethodTable& table, Workspace& workspace) {
  table.Analysed<UriParams>(
      "textDocument/codeLens", [](const UriParams&, const Document& doc, const Analysis& analysis) -> Result {
        nlohmann::json lenses = nlohmann::json::array();
        const ast::File* file = analysis.EntryFile();
        if (!file) return lenses;
        for (const auto& decl : file->decls) {
          if (decl->kind != ast::DeclKind::Test || !decl->span.valid()) continue;
          Range range = SpanRange(analysis, decl->span);
          range.end = range.start;
          lenses.push_back({{"range", range},
                            {"command",
                             {{"title", "▶ run test"},
                              {"command", "charter.runTest"},
                              {"arguments", {doc.uri, decl->name.name}}}}});
        }
        return lenses;
      });

  table.RawRequest("workspace/executeCommand", [&workspace](const nlohmann::json& params, Reply reply) {
    auto p = params.get<ExecuteCommandParams>();
    if (p.command != "charter.runTest") {
      return reply(RpcError{error_code::kInvalidParams, "unknown command `" + p.command + "`"});
    }
    if (p.arguments.size() != 2 || !p.arguments[0].is_string() || !p.arguments[1].is_string()) {
      return reply(RpcError{error_code::kInvalidParams, "charter.runTest takes a document URI and a test title"});
    }
    std::string uri = p.arguments[0], title = p.arguments[1];
    const Document* doc = workspace.Find(uri);
    if (!doc) return reply(RpcError{error_code::kRequestFailed, "the document is not open"});
    if (!workspace.options().run_test) return reply(RpcError{error_code::kRequestFailed, "this server cannot run tests"});
    LoadOptions load;
    load.stdlib_dir = workspace.options().stdlib_dir;
    for (const auto& [other_uri, other] : workspace.documents()) load.overlays[other.path] = other.text;
    std::string path = doc->path;
    auto outcome = std::make_shared<TestOutcome>();
    auto run = workspace.options().run_test;
    workspace.OnWorker(
        [load, path, title, outcome, run] {
          DiagnosticSink diags;
          auto checked = Check(Load({path}, load, diags), diags);
          if (diags.HasErrors()) {
            outcome->messages.push_back("the policy has " + std::to_string(diags.ErrorCount()) + " error(s); fix them first");
            return;
          }
          *outcome = run(*checked, title);
        },
        [outcome, title, reply, &workspace](const JobFailure& failure) {
          if (failure) return reply(RpcError{error_code::kInternalError, "running the test failed: " + *failure});
          std::string message = !outcome->found && outcome->messages.empty() ? "no test titled \"" + title + "\""
                                : outcome->passed ? "PASS " + title
                                                  : "FAIL " + title;
          for (const auto& line : outcome->messages) message += "\n" + line;
          workspace.Notify("window/showMessage", {{"type", outcome->passed ? 3 : 1}, {"message", message}});
          reply(nlohmann::json{{"passed", outcome->passed}, {"found", outcome->found}, {"title", title},
                               {"messages", outcome->messages}});
        });
  });
}

}  // namespace charter::lsp
