// textDocument/signatureHelp for user functions, thresholds, quorums, votes,
// module (stdlib) functions and the global builtins.
#include "lsp/features/features.h"
#include "lsp/service/completion.h"
#include "lsp/service/describe.h"

namespace charter::lsp {

void RegisterSignatureHelp(MethodTable& table, Workspace& workspace) {
  table.Request<TextDocumentPositionParams>(
      "textDocument/signatureHelp", [&workspace](const TextDocumentPositionParams& p) -> Result {
        const Document* doc = workspace.Find(p.uri);
        if (!doc) return RpcError{error_code::kRequestFailed, "the document is not open"};
        LineIndex lines(doc->text);
        auto site = FindCall(doc->text, lines.ToOffset(p.position));
        if (!site) return nullptr;
        SignatureInformation info;
        std::vector<std::string> params;
        for (const auto& analysis : {doc->analysis, doc->last_good}) {
          if (!analysis || !info.label.empty()) continue;
          const ast::Decl* decl = nullptr;
          if (!site->object.empty()) {
            FileId module = analysis->FindModule(site->object);
            if (module == kNoFile) continue;
            for (const auto& d : analysis->program().file(module).decls) {
              if (d->name.name == site->name) decl = d.get();
            }
          } else {
            decl = analysis->FindDecl(site->name);
          }
          if (!decl) continue;
          params = DeclParams(*analysis, *decl);
          if (params.empty() && decl->kind != ast::DeclKind::Fn && decl->kind != ast::DeclKind::ExternFn) continue;
          std::string joined;
          for (const auto& param : params) joined += (joined.empty() ? "" : ", ") + param;
          std::string qualified = site->object.empty() ? site->name : site->object + "." + site->name;
          std::string signature = DeclSignature(*analysis, *decl);
          info.label = qualified + "(" + joined + ")" + signature.substr(signature.rfind(')') + 1);
          info.documentation = decl->doc;
        }
        if (info.label.empty() && site->object.empty()) {
          static const std::pair<const char*, std::vector<std::string>> kBuiltins[] = {
              {"max", {"a: T", "b: T"}}, {"min", {"a: T", "b: T"}}, {"abs", {"x: T"}},
              {"percent_of", {"part: decimal", "whole: decimal"}}};
          for (const auto& [name, list] : kBuiltins) {
            if (site->name != name) continue;
            params = list;
            std::string joined;
            for (const auto& param : params) joined += (joined.empty() ? "" : ", ") + param;
            info.label = site->name + "(" + joined + ")" + (site->name == "percent_of" ? " -> percent" : " -> T");
          }
        }
        if (info.label.empty()) return nullptr;
        for (const auto& param : params) info.parameters.push_back({param});
        return nlohmann::json{{"signatures", nlohmann::json::array({info})},
                              {"activeSignature", 0},
                              {"activeParameter", std::min<uint32_t>(site->argument, params.empty() ? 0 : params.size() - 1)}};
      });
}

}  // namespace charter::lsp
