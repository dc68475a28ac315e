// Source files and spans: every later phase points back into the text through these.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace charter {

using FileId = uint32_t;
inline constexpr FileId kNoFile = UINT32_MAX;

/// A range of one source file. `line` and `column` are 1-based and refer to
/// `offset`; `column` counts bytes. A zero-length span marks a point.
struct Span {
  FileId file = kNoFile;
  uint32_t offset = 0;
  uint32_t length = 0;
  uint32_t line = 0;
  uint32_t column = 0;

  bool valid() const { return file != kNoFile && line != 0; }
  uint32_t end() const { return offset + length; }
};

/// Joins two spans of the same file into the smallest span covering both.
Span Cover(const Span& a, const Span& b);

/// One loaded source text with its line table.
class SourceFile {
 public:
  SourceFile(FileId id, std::string path, std::string text);

  FileId id() const { return id_; }
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  /// Text of the 1-based line, without its line terminator.
  std::string_view Line(uint32_t line) const;
  uint32_t LineCount() const { return static_cast<uint32_t>(line_starts_.size()); }
  /// Span for a byte range; line and column are computed from the line table.
  Span SpanAt(uint32_t offset, uint32_t length) const;
  /// Byte offset of a 1-based line and column (clamped to the text).
  uint32_t OffsetOf(uint32_t line, uint32_t column) const;

 private:
  FileId id_;
  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

/// Owns every source file of one compilation; ids index into it.
class SourceManager {
 public:
  const SourceFile& Add(std::string path, std::string text);
  const SourceFile& Get(FileId id) const { return *files_.at(id); }
  const SourceFile* Find(std::string_view path) const;
  size_t size() const { return files_.size(); }

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

/// Reads a whole file; returns false (and leaves `out` empty) when it cannot.
bool ReadFile(const std::string& path, std::string& out);

/// Whether `path` is a regular file this process can open for reading (without reading it).
bool IsReadableFile(const std::string& path);

/// A descriptor open for reading on the regular file at `path` (the caller
/// closes it), and its size; -1 when it cannot be opened or is not a regular file.
int OpenRegularFile(const std::string& path, size_t& size);

}  // namespace charter
