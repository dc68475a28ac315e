// Deep copies of declarations, with every span passed through a mapping.
// The parse cache keeps one pristine tree per unchanged declaration and hands
// each analysis its own copy, moved to where the declaration now sits.
#pragma once

#include <functional>

#include "compiler/ast/ast.h"

namespace charter::ast {

/// Rewrites one span of the copy (for example, moves it down the file).
using SpanMap = std::function<Span(const Span&)>;

/// A copy of `decl` without the checker's annotations, every span mapped.
DeclPtr CloneDecl(const Decl& decl, const SpanMap& map);
/// A copy of an import, every span mapped.
Import CloneImport(const Import& import, const SpanMap& map);
Ident CloneIdent(const Ident& ident, const SpanMap& map);

}  // namespace charter::ast
