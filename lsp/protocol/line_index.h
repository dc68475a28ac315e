// Byte offsets ↔ LSP positions (0-based line, UTF-16 code units) for one text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace charter::lsp {

struct Position {
  uint32_t line = 0;
  uint32_t character = 0;  // UTF-16 code units
  bool operator==(const Position&) const = default;
  bool operator<(const Position& o) const { return line != o.line ? line < o.line : character < o.character; }
  bool operator<=(const Position& o) const { return !(o < *this); }
};

struct Range {
  Position start, end;
  bool operator==(const Range&) const = default;
};

/// A line table over a text it does not own; rebuild it when the text changes.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  /// The position of a byte offset (clamped to the text; inside a UTF-8 sequence rounds down).
  Position ToPosition(uint32_t offset) const;
  /// The byte offset of a position; a character past the line's end clamps to it.
  uint32_t ToOffset(Position position) const;
  Range ToRange(uint32_t offset, uint32_t length) const {
    return {ToPosition(offset), ToPosition(offset + length)};
  }
  uint32_t LineCount() const { return static_cast<uint32_t>(starts_.size()); }
  /// Byte offset where the 0-based line starts, and where its content ends (before \r\n or \n).
  uint32_t LineStart(uint32_t line) const;
  uint32_t LineEnd(uint32_t line) const;

 private:
  std::string_view text_;
  std::vector<uint32_t> starts_;
};

/// UTF-16 code units in a UTF-8 string (4-byte sequences count 2).
uint32_t Utf16Length(std::string_view utf8);

}  // namespace charter::lsp
