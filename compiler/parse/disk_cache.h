// Parsed files on disk ($XDG_CACHE_HOME/charter/parse-*.ast), so that every
// process after the first reads its trees back instead of parsing: ANTLR's
// prediction starts cold in each process, which makes parsing most of a
// single `charter eval` (docs/performance.md).
//
// An entry holds the text it was parsed from and is used only when that text
// is byte for byte the file's, parsed by the same build of Charter with the
// same options; its tree carries a checksum, so a damaged entry is parsed
// again and rewritten, never read. Only parses without any diagnostic are
// kept, so a file read back has nothing to report.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "compiler/ast/ast.h"
#include "compiler/base/source.h"

namespace charter {

/// What the disk cache did for one Load, for `eval --verbose`.
struct DiskParseStats {
  size_t read_back = 0;  // files whose tree came from the cache
  size_t stored = 0;     // files parsed and kept
};

/// The tree cached in `dir` for `file`'s text, or null (absent, stale or damaged).
std::unique_ptr<ast::File> LoadCachedParse(const std::string& dir, const SourceFile& file, bool skip_tests);

/// Keeps `tree`, a parse of `file` without diagnostics, in `dir`.
void StoreCachedParse(const std::string& dir, const SourceFile& file, bool skip_tests, const ast::File& tree);

}  // namespace charter
