// Human-readable descriptions of declarations and symbols: the signatures
// hover, completion and signature help show.
#pragma once

#include <string>
#include <vector>

#include "lsp/service/analysis.h"

namespace charter::lsp {

/// `fn days_since(from: date, to: date) -> int`, `enum Role`, `const x: percent`.
std::string DeclSignature(const Analysis& analysis, const ast::Decl& decl);
/// The parameter labels of a callable declaration (fn, extern fn, threshold, quorum, vote).
std::vector<std::string> DeclParams(const Analysis& analysis, const ast::Decl& decl);
/// Markdown for a symbol: a code block with its signature or type, then its doc comment.
std::string DescribeSymbol(const Analysis& analysis, const Occurrence& occurrence);
/// The module name a file declares (`std.time`), or its path.
std::string ModuleName(const Analysis& analysis, FileId file);

}  // namespace charter::lsp
