// textDocument/documentSymbol (an outline: declarations with their fields,
// members and rule statements) and workspace/symbol (over open documents and
// their imports).
#include "lsp/features/convert.h"
#include "lsp/features/features.h"
#include "lsp/service/describe.h"

namespace charter::lsp {

namespace {

using namespace ast;

SymbolKind KindOf(const ast::Decl& decl) {
  switch (decl.kind) {
    case DeclKind::Enum:
    case DeclKind::Tier: return SymbolKind::Enum;
    case DeclKind::Record: return SymbolKind::Struct;
    case DeclKind::Event: return SymbolKind::Event;
    case DeclKind::Const: return SymbolKind::Constant;
    case DeclKind::Fn:
    case DeclKind::ExternFn:
    case DeclKind::Quorum:
    case DeclKind::Vote:
    case DeclKind::Threshold: return SymbolKind::Function;
    case DeclKind::Rule: return SymbolKind::Class;
    case DeclKind::Test: return SymbolKind::Method;
  }
  return SymbolKind::Object;
}

DocumentSymbol Leaf(const Analysis& a, const std::string& name, const std::string& detail, SymbolKind kind, Span range,
                    Span selection) {
  DocumentSymbol s;
  s.name = name;
  s.detail = detail;
  s.kind = kind;
  s.range = SpanRange(a, range.valid() ? range : selection);
  s.selection_range = SpanRange(a, selection.valid() ? selection : range);
  return s;
}

void Statements(const Analysis& a, const Block& block, std::vector<DocumentSymbol>& out) {
  for (const auto& stmt : block) {
    switch (stmt->kind) {
      case StmtKind::Let: {
        const auto& let = stmt->As<LetStmt>();
        out.push_back(Leaf(a, let.name.name, "let", SymbolKind::Variable, stmt->span, let.name.span));
        break;
      }
      case StmtKind::Value: {
        const auto& v = stmt->As<ValueStmt>();
        out.push_back(Leaf(a, v.name.name, "value", SymbolKind::Property, stmt->span, v.name.span));
        break;
      }
      case StmtKind::Require:
      case StmtKind::Deny:
      case StmtKind::Warn:
      case StmtKind::Oblige: {
        const auto& r = stmt->As<ReasonStmt>();
        static const char* kWhat[] = {"", "require", "deny", "warn", "oblige"};
        out.push_back(Leaf(a, "\"" + r.reason.code + "\"", kWhat[static_cast<int>(stmt->kind)], SymbolKind::String,
                           stmt->span, r.reason.code_span));
        break;
      }
      case StmtKind::When: {
        const auto& w = stmt->As<WhenStmt>();
        for (const auto& b : w.branches) Statements(a, b.body, out);
        if (w.otherwise) Statements(a, *w.otherwise, out);
        break;
      }
      case StmtKind::Veto: {
        const auto& v = stmt->As<VetoStmt>();
        DocumentSymbol s = Leaf(a, "veto " + v.binder.name, "veto", SymbolKind::Object, stmt->span, v.binder.span);
        if (v.deny) s.children.push_back(Leaf(a, "\"" + v.deny->code + "\"", "deny", SymbolKind::String, v.deny->code_span, v.deny->code_span));
        out.push_back(std::move(s));
        break;
      }
    }
  }
}

DocumentSymbol Outline(const Analysis& a, const ast::Decl& decl) {
  DocumentSymbol s = Leaf(a, decl.kind == DeclKind::Test ? "test \"" + decl.name.name + "\"" : decl.name.name,
                          DeclSignature(a, decl), KindOf(decl), decl.span, decl.name.span);
  switch (decl.kind) {
    case DeclKind::Enum:
      for (const auto& m : decl.As<EnumDecl>().members) {
        s.children.push_back(Leaf(a, m.name.name, m.label, SymbolKind::EnumMember, m.name.span, m.name.span));
      }
      break;
    case DeclKind::Tier:
      for (const auto& r : decl.As<TierDecl>().rows) {
        s.children.push_back(Leaf(a, r.member.name, r.label, SymbolKind::EnumMember, r.span, r.member.span));
      }
      break;
    case DeclKind::Record:
    case DeclKind::Event:
      for (const auto& f : decl.As<RecordDecl>().fields) {
        s.children.push_back(Leaf(a, f.name.name, TypeRefText(f.type), SymbolKind::Field, f.name.span, f.name.span));
      }
      break;
    case DeclKind::Rule: Statements(a, decl.As<RuleDecl>().body, s.children); break;
    default: break;
  }
  return s;
}

}  // namespace

void RegisterSymbols(MethodTable& table, Workspace& workspace) {
  table.Analysed<UriParams>("textDocument/documentSymbol",
                            [](const UriParams&, const Document&, const Analysis& analysis) -> Result {
                              nlohmann::json out = nlohmann::json::array();
                              const ast::File* file = analysis.EntryFile();
                              if (!file) return out;
                              for (const auto& decl : file->decls) {
                                if (decl->name.span.valid()) out.push_back(Outline(analysis, *decl));
                              }
                              return out;
                            });
  table.Request<nlohmann::json>("workspace/symbol", [&workspace](const nlohmann::json& params) -> Result {
    std::string query = params.value("query", "");
    auto matches = [&](const std::string& name) {
      // Subsequence match, case-insensitive, as editors expect.
      size_t at = 0;
      for (char c : name) {
        if (at < query.size() && std::tolower(static_cast<unsigned char>(c)) == std::tolower(static_cast<unsigned char>(query[at]))) ++at;
      }
      return at == query.size();
    };
    nlohmann::json out = nlohmann::json::array();
    std::set<std::string> seen;  // a module imported by two documents is listed once
    for (const auto& [uri, doc] : workspace.documents()) {
      if (!doc.analysis) continue;
      const Analysis& a = *doc.analysis;
      for (FileId id = 0; id < a.program().files.size(); ++id) {
        if (!a.program().files[id]) continue;
        std::string file_uri = FileUri(a, id, uri);
        if (id != a.entry && workspace.documents().count(file_uri)) continue;  // listed from its own analysis
        if (!seen.insert(file_uri).second) continue;
        for (const auto& decl : a.program().files[id]->decls) {
          if (decl->kind == ast::DeclKind::Test || !decl->name.span.valid() || !matches(decl->name.name)) continue;
          nlohmann::json symbol = {{"name", decl->name.name},
                                   {"kind", static_cast<int>(KindOf(*decl))},
                                   {"location", Location{file_uri, SpanRange(a, decl->name.span)}}};
          std::string container = a.program().files[id]->DottedName();
          if (!container.empty()) symbol["containerName"] = container;
          out.push_back(std::move(symbol));
          if (out.size() >= 500) return out;
        }
      }
    }
    return out;
  });
}

}  // namespace charter::lsp
