// textDocument/foldingRange: braces spanning lines, runs of comments, imports.
#include "lsp/features/convert.h"
#include "lsp/features/features.h"
#include "lsp/service/lexer.h"

namespace charter::lsp {

void RegisterFolding(MethodTable& table, Workspace& workspace) {
  table.Request<UriParams>("textDocument/foldingRange", [&workspace](const UriParams& p) -> Result {
    const Document* doc = workspace.Find(p.uri);
    if (!doc) return RpcError{error_code::kRequestFailed, "the document is not open"};
    const std::string& text = doc->text;
    LineIndex lines(text);
    std::vector<FoldingRange> ranges;
    std::vector<uint32_t> open;  // lines of unclosed `{`
    uint32_t comment_start = UINT32_MAX, comment_end = 0, import_start = UINT32_MAX, import_end = 0;
    auto flush_comment = [&] {
      if (comment_start != UINT32_MAX && comment_end > comment_start) ranges.push_back({comment_start, comment_end, "comment"});
      comment_start = UINT32_MAX;
    };
    std::vector<Token> tokens = Lex(text);
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      uint32_t line = lines.ToPosition(t.offset).line;
      if (t.kind == TokenKind::Comment || t.kind == TokenKind::DocComment) {
        uint32_t last = lines.ToPosition(t.end()).line;
        if (comment_start == UINT32_MAX || line > comment_end + 1) {
          flush_comment();
          comment_start = line;
        }
        comment_end = last;
        continue;
      }
      flush_comment();
      if (t.kind == TokenKind::Keyword && t.text(text) == "import") {
        if (import_start == UINT32_MAX) import_start = line;
        import_end = line;
      }
      if (t.kind != TokenKind::Punct) continue;
      if (text[t.offset] == '{') {
        open.push_back(line);
      } else if (text[t.offset] == '}' && !open.empty()) {
        uint32_t start = open.back();
        open.pop_back();
        // The closing line stays visible.
        if (line > start + 1) ranges.push_back({start, line - 1, ""});
      }
    }
    flush_comment();
    if (import_start != UINT32_MAX && import_end > import_start) ranges.push_back({import_start, import_end, "imports"});
    return nlohmann::json(ranges);
  });
}

}  // namespace charter::lsp
