// textDocument/prepareRename and textDocument/rename: every occurrence of the
// symbol in the document and its imports. Keywords, builtins and the standard
// library are not renamed.
#include <regex>

#include "compiler/load/load.h"
#include "lsp/features/convert.h"
#include "lsp/features/features.h"
#include "lsp/service/lexer.h"

namespace charter::lsp {

namespace {

// Why the occurrence cannot be renamed, or empty.
std::string Refusal(const Analysis& analysis, const Occurrence* o, const Workspace& workspace) {
  if (!o) return "there is nothing to rename here";
  if (o->target.kind == SymKind::Builtin) return "`" + o->target.name + "` is a builtin function and cannot be renamed";
  if (o->target.kind == SymKind::Method) return "`" + o->target.name + "` is a built-in method and cannot be renamed";
  if (o->target.kind == SymKind::Module) return "modules are renamed by renaming their file";
  if (o->alias) return "`event` is a keyword and cannot be renamed";
  std::string stdlib = workspace.options().stdlib_dir.empty() ? DefaultStdlibDir() : workspace.options().stdlib_dir;
  Span def = analysis.index.Definition(o->target);
  const SourceFile* source = def.valid() ? analysis.Source(def.file) : nullptr;
  if (source && source->path().rfind(stdlib, 0) == 0) return "declarations of the standard library cannot be renamed";
  return "";
}

}  // namespace

void RegisterRename(MethodTable& table, Workspace& workspace) {
  table.Analysed<TextDocumentPositionParams>(
      "textDocument/prepareRename",
      [&workspace](const TextDocumentPositionParams& p, const Document&, const Analysis& analysis) -> Result {
        uint32_t offset = EntryOffset(analysis, p.position);
        const Occurrence* o = analysis.index.At(analysis.entry, offset);
        // A keyword under the cursor gets a clear refusal rather than silence.
        if (!o) {
          for (const Token& t : Lex(analysis.text)) {
            if (t.offset <= offset && offset <= t.end() && t.kind == TokenKind::Keyword) {
              return RpcError{error_code::kRequestFailed, "`" + std::string(t.text(analysis.text)) + "` is a keyword and cannot be renamed"};
            }
          }
        }
        std::string refusal = Refusal(analysis, o, workspace);
        if (!refusal.empty()) return RpcError{error_code::kRequestFailed, refusal};
        return nlohmann::json{{"range", SpanRange(analysis, o->span)},
                              {"placeholder", analysis.text.substr(o->span.offset, o->span.length)}};
      });
  table.Analysed<RenameParams>(
      "textDocument/rename", [&workspace](const RenameParams& p, const Document& doc, const Analysis& analysis) -> Result {
        const Occurrence* o = analysis.index.At(analysis.entry, EntryOffset(analysis, p.position));
        std::string refusal = Refusal(analysis, o, workspace);
        if (!refusal.empty()) return RpcError{error_code::kRequestFailed, refusal};
        if (o->target.kind == SymKind::ReasonCode) {
          static const std::regex kCode(R"(^[A-Za-z0-9_.:-]+$)");
          if (!std::regex_match(p.new_name, kCode)) {
            return RpcError{error_code::kInvalidParams, "`" + p.new_name + "` is not a valid reason code"};
          }
        } else {
          static const std::regex kIdent(R"(^[A-Za-z_][A-Za-z0-9_]*$)");
          if (!std::regex_match(p.new_name, kIdent)) {
            return RpcError{error_code::kInvalidParams, "`" + p.new_name + "` is not a name"};
          }
          if (IsReservedKeyword(p.new_name)) {
            return RpcError{error_code::kInvalidParams, "`" + p.new_name + "` is a keyword"};
          }
        }
        nlohmann::json changes = nlohmann::json::object();
        for (const Occurrence* r : analysis.index.References(o->target)) {
          std::string uri = FileUri(analysis, r->span.file, doc.uri);
          if (!changes.contains(uri)) changes[uri] = nlohmann::json::array();
          changes[uri].push_back(TextEdit{SpanRange(analysis, r->span), p.new_name});
        }
        return nlohmann::json{{"changes", changes}};
      });
}

}  // namespace charter::lsp
