// A span as editors and CI viewers count it: 1-based lines, and columns in
// UTF-16 code units (what SARIF's `utf16CodeUnits` and GitHub's UI expect),
// where Charter's own spans count bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "compiler/base/source.h"

namespace charter {

struct Region {
  std::string file;  // the path as given
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t end_line = 0;
  uint32_t end_column = 0;  // exclusive: the column just after the span
};

/// The region of `span`, or nullopt when the span points nowhere.
std::optional<Region> RegionOf(const Span& span, const SourceManager& sources);

/// The 1-based UTF-16 column of the 1-based byte column `byte_column` on `line` of `file`.
uint32_t Utf16Column(const SourceFile& file, uint32_t line, uint32_t byte_column);

}  // namespace charter
