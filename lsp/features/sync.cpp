// textDocument/didOpen, didChange (incremental, UTF-16 ranges) and didClose.
// Edits are applied as they arrive; analysis waits until the inbox is empty,
// so a burst of changes is analysed once.
#include "lsp/features/features.h"

namespace charter::lsp {

void RegisterSync(MethodTable& table, Workspace& workspace) {
  table.Notification<DidOpenParams>("textDocument/didOpen", [&workspace](const DidOpenParams& p) {
    workspace.Open(p.uri, p.text, p.version);
  });
  table.Notification<DidChangeParams>("textDocument/didChange", [&workspace](const DidChangeParams& p) {
    workspace.Change(p.uri, p.version, p.changes);
  });
  table.Notification<UriParams>("textDocument/didClose", [&workspace](const UriParams& p) { workspace.Close(p.uri); });
  table.Notification<UriParams>("textDocument/didSave", [](const UriParams&) {});
}

}  // namespace charter::lsp
