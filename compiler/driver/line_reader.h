// Reads a stream line by line in constant memory: a line longer than the
// limit is consumed but not kept, and reported as too long.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace charter::driver {

class LineReader {
 public:
  /// `before_read` runs whenever the reader is about to wait for input.
  LineReader(std::FILE* file, size_t max_line, std::function<void()> before_read = {})
      : file_(file), max_line_(max_line), before_read_(std::move(before_read)), block_(kBlockBytes + kSlackBytes) {}

  /// The next line without its newline (and without a trailing CR); false at the end.
  /// `line` is valid until the next call: a view of the reader's block when the
  /// line lies in one block (no copy), else of a line assembled across blocks.
  bool Next(std::string_view& line, bool& too_long) {
    too_long = false;
    slack_ = 0;
    bool any = false, assembled = false;
    carry_.clear();
    for (;;) {
      const char* start = block_.data() + begin_;
      size_t available = end_ - begin_;
      const char* newline = available > 0 ? static_cast<const char*>(std::memchr(start, '\n', available)) : nullptr;
      size_t length = newline ? static_cast<size_t>(newline - start) : available;
      if (newline && !assembled) {
        size_t keep = std::min(length, max_line_);
        too_long = keep < length;
        line = std::string_view(start, keep);
        begin_ += length + 1;
        any = true;
        break;
      }
      size_t keep = std::min(length, max_line_ - std::min(carry_.size(), max_line_));
      carry_.append(start, keep);
      too_long |= keep < length;
      any |= length > 0 || newline;
      assembled |= length > 0 || newline;
      begin_ += length;
      if (newline) {
        ++begin_;
        break;
      }
      if (!Fill()) break;
    }
    if (!any) return false;
    if (assembled) line = carry_;
    if (!too_long && !line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!assembled) slack_ = static_cast<size_t>(block_.data() + block_.size() - (line.data() + line.size()));
    ++number_;
    return true;
  }
  /// The bytes that may be read after the last line (its line end, then the
  /// rest of the block): 0 for a line assembled across blocks.
  size_t slack() const { return slack_; }
  size_t number() const { return number_; }
  bool failed() const { return failed_; }

 private:
  // Block reads rather than getc: a character at a time cost more than decoding the events.
  // read(2), not fread: it returns what a pipe has, so a live stream is decided as it arrives.
  static constexpr size_t kBlockBytes = 256 * 1024;
  // Readable bytes past any block read: a parser may read a padding's worth past a line's end.
  static constexpr size_t kSlackBytes = 64;

  bool Fill() {
    begin_ = end_ = 0;
    if (before_read_) before_read_();
    for (;;) {
      ssize_t n = ::read(fileno(file_), block_.data(), kBlockBytes);
      if (n >= 0) {
        end_ = static_cast<size_t>(n);
        return n > 0;
      }
      if (errno != EINTR) {
        failed_ = true;
        return false;
      }
    }
  }

  std::FILE* file_;
  size_t max_line_;
  std::function<void()> before_read_;
  std::vector<char> block_;     // kBlockBytes read at a time, then kSlackBytes never written by a read
  std::string carry_;           // a line assembled across blocks
  size_t begin_ = 0, end_ = 0;  // the unread part of block_
  size_t slack_ = 0;
  size_t number_ = 0;
  bool failed_ = false;
};

}  // namespace charter::driver
