#include "lsp/protocol/line_index.h"

#include <algorithm>

namespace charter::lsp {
namespace {

// Length of the UTF-8 sequence a lead byte starts (1 for stray continuation bytes).
uint32_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

}  // namespace

uint32_t Utf16Length(std::string_view utf8) {
  uint32_t units = 0;
  for (size_t i = 0; i < utf8.size();) {
    uint32_t n = SequenceLength(static_cast<unsigned char>(utf8[i]));
    units += n == 4 ? 2 : 1;
    i += n;
  }
  return units;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

uint32_t LineIndex::LineStart(uint32_t line) const {
  if (line >= starts_.size()) return static_cast<uint32_t>(text_.size());
  return starts_[line];
}

uint32_t LineIndex::LineEnd(uint32_t line) const {
  if (line >= starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t end = line + 1 < starts_.size() ? starts_[line + 1] - 1 : static_cast<uint32_t>(text_.size());
  if (end > starts_[line] && end <= text_.size() && end > 0 && text_[end - 1] == '\r' &&
      line + 1 < starts_.size()) {
    --end;
  }
  return end;
}

Position LineIndex::ToPosition(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - starts_.begin()) - 1;
  uint32_t start = starts_[line];
  // Round down to the start of a UTF-8 sequence.
  while (offset > start && (static_cast<unsigned char>(text_[offset]) & 0xC0) == 0x80 && offset < text_.size()) {
    --offset;
  }
  return {line, Utf16Length(text_.substr(start, offset - start))};
}

uint32_t LineIndex::ToOffset(Position position) const {
  if (position.line >= starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t at = starts_[position.line];
  uint32_t end = LineEnd(position.line);
  uint32_t units = 0;
  while (at < end && units < position.character) {
    uint32_t n = SequenceLength(static_cast<unsigned char>(text_[at]));
    uint32_t width = n == 4 ? 2 : 1;
    if (units + width > position.character) break;  // inside a surrogate pair: stay before it
    units += width;
    at = std::min(at + n, end);
  }
  return at;
}

}  // namespace charter::lsp
