#include "compiler/diagnostics/region.h"

namespace charter {

uint32_t Utf16Column(const SourceFile& file, uint32_t line, uint32_t byte_column) {
  std::string_view text = file.Line(line);
  uint32_t bytes = byte_column > 0 ? byte_column - 1 : 0;
  uint32_t units = 0;
  for (uint32_t i = 0; i < bytes; ++i) {
    if (i >= text.size()) {
      ++units;  // past the line's end (the newline, or the end of the file): one unit per byte
      continue;
    }
    auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte belongs to the character before it
    units += c >= 0xF0 ? 2 : 1;        // four-byte sequences are surrogate pairs in UTF-16
  }
  return units + 1;
}

std::optional<Region> RegionOf(const Span& span, const SourceManager& sources) {
  if (!span.valid()) return std::nullopt;
  const SourceFile& file = sources.Get(span.file);
  Span end = file.SpanAt(span.end(), 0);
  Region region;
  region.file = file.path();
  region.line = span.line;
  region.column = Utf16Column(file, span.line, span.column);
  region.end_line = end.line;
  region.end_column = Utf16Column(file, end.line, end.column);
  return region;
}

}  // namespace charter
