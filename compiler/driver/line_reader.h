// Reads a stream line by line in constant memory: a line longer than the
// limit is consumed but not kept, and reported as too long.
#pragma once

#include <cstdio>
#include <string>

namespace charter::driver {

class LineReader {
 public:
  LineReader(std::FILE* file, size_t max_line) : file_(file), max_line_(max_line) {}

  /// The next line without its newline (and without a trailing CR); false at the end.
  bool Next(std::string& line, bool& too_long) {
    line.clear();
    too_long = false;
    bool any = false;
    for (int c; (c = std::getc(file_)) != EOF;) {
      any = true;
      if (c == '\n') break;
      if (line.size() < max_line_) {
        line.push_back(static_cast<char>(c));
      } else {
        too_long = true;
      }
    }
    if (!any) return false;
    if (!too_long && !line.empty() && line.back() == '\r') line.pop_back();
    ++number_;
    return true;
  }
  size_t number() const { return number_; }

 private:
  std::FILE* file_;
  size_t max_line_;
  size_t number_ = 0;
};

}  // namespace charter::driver
