// The line reader of `charter eval --events`: lines across block boundaries,
// CR LF, over-long lines consumed but not kept, and the hook that flushes
// decisions before the reader waits for input.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "compiler/driver/line_reader.h"

using charter::driver::LineReader;

namespace {

struct Line {
  std::string text;
  bool too_long;
  bool operator==(const Line&) const = default;
};

std::vector<Line> ReadAll(const std::string& content, size_t max_line, int* waits = nullptr) {
  std::FILE* file = std::tmpfile();
  REQUIRE(file);
  REQUIRE(std::fwrite(content.data(), 1, content.size(), file) == content.size());
  std::fflush(file);
  std::rewind(file);
  LineReader reader(file, max_line, [waits] {
    if (waits) ++*waits;
  });
  std::vector<Line> lines;
  std::string_view line;
  bool too_long = false;
  while (reader.Next(line, too_long)) {
    lines.push_back({std::string(line), too_long});
    // A line read whole from one block may be followed by a padding's worth of readable bytes, its line end first.
    if (reader.slack() > 0) {
      REQUIRE(reader.slack() >= 64);
      CHECK((line.data()[line.size()] == '\n' || line.data()[line.size()] == '\r' || too_long));
    }
  }
  CHECK(reader.number() == lines.size());
  CHECK_FALSE(reader.failed());
  std::fclose(file);
  return lines;
}

}  // namespace

TEST_CASE("line reader: lines without their newline or a trailing CR", "[line_reader]") {
  CHECK(ReadAll("a\nbb\r\n\n last", 100) == std::vector<Line>{{"a", false}, {"bb", false}, {"", false}, {" last", false}});
  CHECK(ReadAll("", 100).empty());
  CHECK(ReadAll("\n", 100) == std::vector<Line>{{"", false}});
  CHECK(ReadAll("x\r", 100) == std::vector<Line>{{"x", false}});
}

TEST_CASE("line reader: a line over the limit is consumed, not kept", "[line_reader]") {
  CHECK(ReadAll("12345\n123456\n1234\r\n12345\r\nok", 5) ==
        std::vector<Line>{{"12345", false}, {"12345", true}, {"1234", false}, {"12345", true}, {"ok", false}});
}

TEST_CASE("line reader: lines span the reader's blocks", "[line_reader]") {
  std::string content;
  std::vector<Line> expected;
  for (int i = 0; i < 3000; ++i) {
    std::string line(static_cast<size_t>(i * 7919 % 1500), static_cast<char>('a' + i % 26));
    content += line + (i % 3 == 0 ? "\r\n" : "\n");
    expected.push_back({line, false});
  }
  int waits = 0;
  CHECK(ReadAll(content, 1 << 20, &waits) == expected);
  // Once per block read and once at the end, never once per line.
  CHECK(waits >= 2);
  CHECK(waits < 100);
  std::string huge(1 << 20, 'x');
  CHECK(ReadAll(huge + "\nnext", 1000) == std::vector<Line>{{huge.substr(0, 1000), true}, {"next", false}});
}
