// SplitDeclarations(): cuts a file's text into the head (header and imports)
// and one piece per top-level declaration, without running ANTLR, so that
// each piece can be parsed — and reused while unchanged — on its own.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace charter {

struct Chunk {
  uint32_t offset = 0;  // always the start of a line
  uint32_t length = 0;
  bool head = false;    // the text before the first declaration
  bool test = false;    // starts with a `test` declaration
  uint32_t keyword_offset = 0;  // the declaration's first word (not for the head)
  uint32_t keyword_length = 0;
};

/// Pieces covering `text` exactly, in order; the first is the head.
///
/// A piece starts on a line whose first token begins a declaration: `enum`,
/// `record`, `const`, `fn` (reserved words), or a soft keyword followed by
/// what only a declaration can have there: `rule NAME`, `event NAME`,
/// `tier NAME`, `quorum NAME`, `vote NAME`, `threshold NAME`, `test "…"`,
/// `extern fn`. No expression can begin a line that way, so a valid file is
/// cut exactly between its declarations; the comment lines and blank lines
/// just above a declaration (its doc comment) belong to it.
std::vector<Chunk> SplitDeclarations(std::string_view text);

}  // namespace charter
