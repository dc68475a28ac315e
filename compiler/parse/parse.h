// Parse(): Charter source text → ast::File. The only code that sees ANTLR.
#pragma once

#include <memory>
#include <string>

#include "compiler/ast/ast.h"
#include "compiler/base/source.h"
#include "compiler/diagnostics/diagnostic.h"

namespace charter {

class ParseCache;
struct DiskParseStats;

/// The deepest nesting a file may have: each expression inside another (an
/// operand, a parenthesis, a list element, an argument, a branch of `if`), each
/// type argument and each block inside a block is one level. Deeper text is
/// E0007 and its declaration is left out (docs/language.md, "Nesting limit").
inline constexpr int kMaxNesting = 256;

struct ParseOptions {
  /// Reuses the trees of declarations whose text is unchanged (the language server).
  ParseCache* cache = nullptr;
  /// Leaves `test` declarations out, for verbs that never run them.
  bool skip_tests = false;
  /// Reads trees back from, and keeps them in, this directory (disk_cache.h); empty: off.
  std::string disk_cache_dir;
  /// Counts what the disk cache did, when not null.
  DiskParseStats* disk_stats = nullptr;
};

/// Parses one file. Always returns a tree: parts that do not parse become
/// error nodes or are skipped, and each problem is reported to `diags`.
/// Each top-level declaration is parsed on its own (see chunks.h), so a
/// broken one never swallows the next.
std::unique_ptr<ast::File> Parse(const SourceFile& file, DiagnosticSink& diags, const ParseOptions& options = {});

}  // namespace charter
