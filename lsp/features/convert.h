// Compiler spans and diagnostics → LSP positions, locations and diagnostics.
#pragma once

#include <optional>

#include "lsp/protocol/types.h"
#include "lsp/service/analysis.h"

namespace charter::lsp {

/// The LSP range of a span of any file of the analysed program.
Range SpanRange(const Analysis& analysis, const Span& span);
std::optional<Location> SpanLocation(const Analysis& analysis, const Span& span);
/// The URI of a file of the program (the open document's URI for the entry).
std::string FileUri(const Analysis& analysis, FileId file, const std::string& entry_uri);
/// Byte offset in the analysed entry text of an LSP position.
uint32_t EntryOffset(const Analysis& analysis, Position position);

LspDiagnostic ToLsp(const Analysis& analysis, const charter::Diagnostic& diag, const std::string& entry_uri);

}  // namespace charter::lsp
