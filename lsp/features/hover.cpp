// textDocument/hover: type or signature, and the `///` doc comment.
#include "lsp/features/convert.h"
#include "lsp/features/features.h"
#include "lsp/service/describe.h"

namespace charter::lsp {

void RegisterHover(MethodTable& table, Workspace&) {
  table.Analysed<TextDocumentPositionParams>(
      "textDocument/hover",
      [](const TextDocumentPositionParams& p, const Document&, const Analysis& analysis) -> Result {
        const Occurrence* o = analysis.index.At(analysis.entry, EntryOffset(analysis, p.position));
        if (!o) return nullptr;
        return nlohmann::json{{"contents", {{"kind", "markdown"}, {"value", DescribeSymbol(analysis, *o)}}},
                              {"range", SpanRange(analysis, o->span)}};
      });
}

}  // namespace charter::lsp
