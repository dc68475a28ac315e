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
#include <vector>

namespace charter::driver {

class LineReader {
 public:
  /// `before_read` runs whenever the reader is about to wait for input.
  LineReader(std::FILE* file, size_t max_line, std::function<void()> before_read = {})
      : file_(file), max_line_(max_line), before_read_(std::move(before_read)), block_(kBlockBytes) {}

  /// The next line without its newline (and without a trailing CR); false at the end.
  bool Next(std::string& line, bool& too_long) {
    line.clear();
    too_long = false;
    bool any = false;
    for (;;) {
      const char* start = block_.data() + begin_;
      size_t available = end_ - begin_;
      const char* newline = available > 0 ? static_cast<const char*>(std::memchr(start, '\n', available)) : nullptr;
      size_t length = newline ? static_cast<size_t>(newline - start) : available;
      size_t keep = std::min(length, max_line_ - std::min(line.size(), max_line_));
      line.append(start, keep);
      too_long |= keep < length;
      any |= length > 0 || newline;
      begin_ += length;
      if (newline) {
        ++begin_;
        break;
      }
      if (!Fill()) break;
    }
    if (!any) return false;
    if (!too_long && !line.empty() && line.back() == '\r') line.pop_back();
    ++number_;
    return true;
  }
  size_t number() const { return number_; }
  bool failed() const { return failed_; }

 private:
  // Block reads rather than getc: a character at a time cost more than decoding the events.
  // read(2), not fread: it returns what a pipe has, so a live stream is decided as it arrives.
  static constexpr size_t kBlockBytes = 256 * 1024;

  bool Fill() {
    begin_ = end_ = 0;
    if (before_read_) before_read_();
    for (;;) {
      ssize_t n = ::read(fileno(file_), block_.data(), block_.size());
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
  std::vector<char> block_;
  size_t begin_ = 0, end_ = 0;  // the unread part of block_
  size_t number_ = 0;
  bool failed_ = false;
};

}  // namespace charter::driver
