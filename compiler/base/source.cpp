#include "compiler/base/source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <memory>

namespace charter {

Span Cover(const Span& a, const Span& b) {
  if (!a.valid()) return b;
  if (!b.valid() || a.file != b.file) return a;
  const Span& first = a.offset <= b.offset ? a : b;
  Span out = first;
  out.length = std::max(a.end(), b.end()) - first.offset;
  return out;
}

SourceFile::SourceFile(FileId id, std::string path, std::string text)
    : id_(id), path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (uint32_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

std::string_view SourceFile::Line(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t begin = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size() ? line_starts_[line] : static_cast<uint32_t>(text_.size());
  std::string_view view(text_.data() + begin, end - begin);
  while (!view.empty() && (view.back() == '\n' || view.back() == '\r')) view.remove_suffix(1);
  return view;
}

Span SourceFile::SpanAt(uint32_t offset, uint32_t length) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - line_starts_.begin());
  Span span;
  span.file = id_;
  span.offset = offset;
  span.length = std::min<uint32_t>(length, static_cast<uint32_t>(text_.size()) - offset);
  span.line = line;
  span.column = offset - line_starts_[line - 1] + 1;
  return span;
}

uint32_t SourceFile::OffsetOf(uint32_t line, uint32_t column) const {
  if (line == 0) return 0;
  if (line > line_starts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t begin = line_starts_[line - 1];
  uint32_t width = static_cast<uint32_t>(Line(line).size());
  return begin + std::min(column == 0 ? 0 : column - 1, width);
}

const SourceFile& SourceManager::Add(std::string path, std::string text) {
  FileId id = static_cast<FileId>(files_.size());
  files_.push_back(std::make_unique<SourceFile>(id, std::move(path), std::move(text)));
  return *files_.back();
}

const SourceFile* SourceManager::Find(std::string_view path) const {
  for (const auto& file : files_) {
    if (file->path() == path) return file.get();
  }
  return nullptr;
}

int OpenRegularFile(const std::string& path, size_t& size) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return -1;
  }
  size = static_cast<size_t>(info.st_size);
  return fd;
}

bool ReadFile(const std::string& path, std::string& out) {
  out.clear();
  size_t size = 0;
  int fd = OpenRegularFile(path, size);
  if (fd < 0) return false;
  bool ok = true;
  // Straight into a string of the file's size: no stdio buffer, no chunk copied twice.
  out.resize(size);
  size_t filled = 0;
  auto read_into = [&](char* at, size_t room) {
    ssize_t got;
    do got = ::read(fd, at, room);
    while (got < 0 && errno == EINTR);
    if (got < 0) ok = false;
    return got > 0 ? static_cast<size_t>(got) : 0;
  };
  while (ok && filled < out.size()) {
    size_t got = read_into(out.data() + filled, out.size() - filled);
    if (got == 0) break;  // shorter than fstat said
    filled += got;
  }
  out.resize(filled);
  char more[4096];  // longer than fstat said
  while (ok) {
    size_t got = read_into(more, sizeof more);
    if (got == 0) break;
    out.append(more, got);
  }
  ::close(fd);
  if (!ok) out.clear();
  return ok;
}

bool IsReadableFile(const std::string& path) {
  size_t size = 0;
  int fd = OpenRegularFile(path, size);
  if (fd >= 0) ::close(fd);
  return fd >= 0;
}

}  // namespace charter
