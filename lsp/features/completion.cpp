// textDocument/completion: answered at once from the current text and the
// newest analyses, never waiting for the edit just made to be analysed.
#include "lsp/features/features.h"
#include "lsp/service/completion.h"

namespace charter::lsp {

namespace {

CompletionKind ToLsp(Suggestion::Kind kind) {
  using K = Suggestion::Kind;
  switch (kind) {
    case K::Keyword: return CompletionKind::Keyword;
    case K::Snippet: return CompletionKind::Snippet;
    case K::Function: return CompletionKind::Function;
    case K::Field: return CompletionKind::Field;
    case K::Variable: return CompletionKind::Variable;
    case K::Constant: return CompletionKind::Constant;
    case K::Module: return CompletionKind::Module;
    case K::Enum: return CompletionKind::Enum;
    case K::EnumMember: return CompletionKind::EnumMember;
    case K::Type: return CompletionKind::Struct;
    case K::Event: return CompletionKind::Event;
    case K::Method: return CompletionKind::Method;
    case K::Value: return CompletionKind::Value;
  }
  return CompletionKind::Keyword;
}

}  // namespace

void RegisterCompletion(MethodTable& table, Workspace& workspace) {
  table.Request<TextDocumentPositionParams>(
      "textDocument/completion", [&workspace](const TextDocumentPositionParams& p) -> Result {
        const Document* doc = workspace.Find(p.uri);
        if (!doc) return RpcError{error_code::kRequestFailed, "the document is not open"};
        LineIndex lines(doc->text);
        uint32_t offset = lines.ToOffset(p.position);
        nlohmann::json items = nlohmann::json::array();
        int rank = 0;
        for (const Suggestion& s : Complete(doc->text, offset, {doc->analysis, doc->last_good})) {
          CompletionItem item;
          item.label = s.label;
          item.kind = ToLsp(s.kind);
          item.detail = s.detail;
          item.documentation = s.doc;
          item.insert_text = s.insert;
          item.snippet = s.snippet;
          std::string sort = std::to_string(rank++);
          item.sort_text = std::string(6 - std::min<size_t>(6, sort.size()), '0') + sort;
          items.push_back(item);
        }
        return nlohmann::json{{"isIncomplete", false}, {"items", items}};
      });
}

}  // namespace charter::lsp
