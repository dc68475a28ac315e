// textDocument/codeAction: each fix-it of a diagnostic in the range becomes a quickfix.
#include "lsp/features/convert.h"
#include "lsp/features/features.h"

namespace charter::lsp {

void RegisterCodeActions(MethodTable& table, Workspace&) {
  table.Analysed<RangeParams>(
      "textDocument/codeAction", [](const RangeParams& p, const Document& doc, const Analysis& analysis) -> Result {
        nlohmann::json actions = nlohmann::json::array();
        for (const auto& diag : analysis.diagnostics) {
          if (!diag.fix || diag.span.file != analysis.entry) continue;
          Range range = SpanRange(analysis, diag.span);
          if (range.end < p.range.start || p.range.end < range.start) continue;
          TextEdit edit{SpanRange(analysis, diag.fix->span), diag.fix->replacement};
          std::string title = diag.fix->message.empty() ? "apply the fix" : diag.fix->message;
          if (!title.empty()) title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
          actions.push_back({{"title", title},
                             {"kind", "quickfix"},
                             {"isPreferred", true},
                             {"diagnostics", nlohmann::json::array({ToLsp(analysis, diag, doc.uri)})},
                             {"edit", {{"changes", {{doc.uri, nlohmann::json::array({edit})}}}}}});
        }
        return actions;
      });
}

}  // namespace charter::lsp
