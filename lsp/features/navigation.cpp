// textDocument/definition and textDocument/references, from the symbol index.
#include "lsp/features/convert.h"
#include "lsp/features/features.h"

namespace charter::lsp {

namespace {

std::optional<Location> DefinitionOf(const Analysis& analysis, const Occurrence& o, const std::string& uri) {
  Span span;
  if (o.target.kind == SymKind::Module) {
    auto module = static_cast<FileId>(o.target.index);
    if (module >= analysis.program().files.size()) return std::nullopt;
    span = analysis.program().file(module).header_span;
    if (!span.valid()) span = analysis.program().sources.Get(module).SpanAt(0, 0), span.line = 1;
    span.file = module;
  } else {
    span = analysis.index.Definition(o.target);
  }
  if (!span.valid()) return std::nullopt;
  return Location{FileUri(analysis, span.file, uri), SpanRange(analysis, span)};
}

}  // namespace

void RegisterNavigation(MethodTable& table, Workspace&) {
  table.Analysed<TextDocumentPositionParams>(
      "textDocument/definition",
      [](const TextDocumentPositionParams& p, const Document& doc, const Analysis& analysis) -> Result {
        const Occurrence* o = analysis.index.At(analysis.entry, EntryOffset(analysis, p.position));
        if (!o) return nullptr;
        auto location = DefinitionOf(analysis, *o, doc.uri);
        if (!location) return nullptr;
        return nlohmann::json(*location);
      });
  table.Analysed<ReferenceParams>(
      "textDocument/references", [](const ReferenceParams& p, const Document& doc, const Analysis& analysis) -> Result {
        const Occurrence* o = analysis.index.At(analysis.entry, EntryOffset(analysis, p.position));
        if (!o) return nullptr;
        nlohmann::json out = nlohmann::json::array();
        for (const Occurrence* r : analysis.index.References(o->target)) {
          if (r->definition && !p.include_declaration) continue;
          out.push_back(Location{FileUri(analysis, r->span.file, doc.uri), SpanRange(analysis, r->span)});
        }
        return out;
      });
}

}  // namespace charter::lsp
