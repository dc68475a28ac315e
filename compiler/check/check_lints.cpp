// Whole-program lints: recursion between functions, unused definitions and imports.
#include <functional>

#include "compiler/check/checker.h"

namespace charter {

void Checker::CheckRecursion() {
  // Colour DFS over the call graph; every function on a cycle is reported once.
  std::map<const ast::Decl*, int> state;
  std::vector<const ast::Decl*> stack;
  std::set<const ast::Decl*> reported;
  std::function<void(const ast::Decl*)> visit = [&](const ast::Decl* decl) {
    state[decl] = 1;
    stack.push_back(decl);
    for (const ast::Decl* callee : calls_[decl]) {
      if (state[callee] == 1) {
        auto begin = std::find(stack.begin(), stack.end(), callee);
        std::string path;
        for (auto it = begin; it != stack.end(); ++it) path += (*it)->name.name + " → ";
        path += callee->name.name;
        for (auto it = begin; it != stack.end(); ++it) {
          if ((*it)->kind != ast::DeclKind::Fn || !reported.insert(*it).second) continue;
          diags_.Report(DiagKind::Recursion, (*it)->name.span,
                        "`" + (*it)->name.name + "` is recursive (" + path + "); Charter functions must terminate")
              .notes.push_back("iterate over a collection with `.any`, `.count`, `.sum`, ... instead");
        }
      } else if (state[callee] == 0) {
        visit(callee);
      }
    }
    stack.pop_back();
    state[decl] = 2;
  };
  for (const auto& [decl, callees] : calls_) {
    if (state[decl] == 0) visit(decl);
  }
}

void Checker::ReportUnused() {
  for (FileId id : program_.entries) {
    const ast::File& file = program_.file(id);
    if (file.role == ast::FileRole::Module && !options_.lint_modules) continue;
    for (const auto& decl : file.decls) {
      switch (decl->kind) {
        case ast::DeclKind::Enum: case ast::DeclKind::Record: case ast::DeclKind::Const: case ast::DeclKind::Fn:
        case ast::DeclKind::Tier: case ast::DeclKind::Quorum: case ast::DeclKind::Vote: case ast::DeclKind::Threshold:
          if (!used_.count(decl.get())) {
            diags_.Report(DiagKind::UnusedDefinition, decl->name.span,
                          std::string(ast::DeclKindName(decl->kind)) + " `" + decl->name.name + "` is never used");
          }
          break;
        default: break;
      }
    }
    const auto& resolved = program_.resolved_imports[id];
    for (size_t i = 0; i < file.imports.size(); ++i) {
      if (i >= resolved.size() || resolved[i] == kNoFile) continue;
      if (!used_imports_.count({id, file.imports[i].LocalName().name})) {
        diags_.Report(DiagKind::UnusedDefinition, file.imports[i].span,
                      "module `" + file.imports[i].Dotted() + "` is imported but never used");
      }
    }
  }
}

}  // namespace charter
