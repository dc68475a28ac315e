// Parse(): Charter source text → ast::File. The only code that sees ANTLR.
#pragma once

#include <memory>

#include "compiler/ast/ast.h"
#include "compiler/base/source.h"
#include "compiler/diagnostics/diagnostic.h"

namespace charter {

/// Parses one file. Always returns a tree: parts that do not parse become
/// error nodes or are skipped, and each problem is reported to `diags`.
std::unique_ptr<ast::File> Parse(const SourceFile& file, DiagnosticSink& diags);

}  // namespace charter
