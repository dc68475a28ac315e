// A parsed file as bytes and back, for the parse cache on disk: a later
// process reads the tree instead of parsing the text again (ANTLR's cold
// prediction is most of a single `charter eval`, docs/performance.md).
//
// Only what the parser produces is kept; what the checker adds later (types,
// resolutions) is not. Spans keep their offsets and lines; their file is the
// one given when reading.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "compiler/ast/ast.h"

namespace charter::ast {

/// `file` (as Parse returned it) as bytes.
std::string SerializeFile(const File& file);

/// The file SerializeFile wrote, with every span and the file's id set to `id`;
/// null when the bytes are damaged in any way (never a partial tree).
std::unique_ptr<File> DeserializeFile(std::string_view bytes, FileId id);

}  // namespace charter::ast
