// textDocument/publishDiagnostics after each fresh analysis: the diagnostics
// `charter check` reports, for the document's own file.
#include "lsp/features/convert.h"
#include "lsp/features/features.h"

namespace charter::lsp {

void RegisterDiagnostics(MethodTable&, Workspace& workspace) {
  workspace.OnAnalysed([&workspace](const Document& doc) {
    const Analysis& analysis = *doc.analysis;
    nlohmann::json list = nlohmann::json::array();
    for (const auto& diag : analysis.diagnostics) {
      // Problems of an imported file are shown where it is imported.
      if (diag.span.file != analysis.entry && diag.span.valid()) {
        const ast::File* file = analysis.EntryFile();
        if (!file || file->imports.empty() || diag.severity != Severity::Error) continue;
        LspDiagnostic d = ToLsp(analysis, diag, doc.uri);
        d.range = SpanRange(analysis, file->imports.front().span);
        list.push_back(d);
        continue;
      }
      list.push_back(ToLsp(analysis, diag, doc.uri));
    }
    workspace.Notify("textDocument/publishDiagnostics", {{"uri", doc.uri}, {"version", doc.version}, {"diagnostics", list}});
  });
}

}  // namespace charter::lsp
