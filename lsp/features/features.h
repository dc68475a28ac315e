// Each feature registers its methods; one file per feature.
#pragma once

#include "lsp/server/method_table.h"

namespace charter::lsp {

void RegisterSync(MethodTable& table, Workspace& workspace);
void RegisterDiagnostics(MethodTable& table, Workspace& workspace);
void RegisterCodeActions(MethodTable& table, Workspace& workspace);
void RegisterCompletion(MethodTable& table, Workspace& workspace);
void RegisterHover(MethodTable& table, Workspace& workspace);
void RegisterNavigation(MethodTable& table, Workspace& workspace);
void RegisterRename(MethodTable& table, Workspace& workspace);
void RegisterSymbols(MethodTable& table, Workspace& workspace);
void RegisterFormatting(MethodTable& table, Workspace& workspace);
void RegisterSemanticTokens(MethodTable& table, Workspace& workspace);
void RegisterFolding(MethodTable& table, Workspace& workspace);
void RegisterSignatureHelp(MethodTable& table, Workspace& workspace);
void RegisterCodeLens(MethodTable& table, Workspace& workspace);

/// Line-level edits turning `before` into `after` (formatting answers).
std::vector<TextEdit> LineEdits(const std::string& before, const std::string& after);

/// The semantic token types, in legend order.
const std::vector<std::string>& SemanticTokenTypes();

}  // namespace charter::lsp
