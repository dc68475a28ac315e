#include <catch2/catch.hpp>

#include <string>

#include "compiler/base/byte_scan.h"

using charter::FindControlOrBackslash;
using charter::FindJsonSpecialOrNonAscii;

// Every byte value at every position of texts of 1 to 40 bytes (the vector loop and the tail),
// against the byte-at-a-time definition.
TEST_CASE("Byte scans find exactly the first byte of their class, wherever it is", "[byte_scan]") {
  auto control_or_backslash = [](unsigned char c) { return c < 0x20 || c == '\\'; };
  auto json_special = [](unsigned char c) { return c < 0x20 || c >= 0x80 || c == '"' || c == '\\'; };
  for (size_t size = 1; size <= 40; ++size) {
    for (size_t at = 0; at < size; ++at) {
      for (int byte = 0; byte < 256; ++byte) {
        std::string text(size, 'a');
        text[at] = static_cast<char>(byte);
        INFO("size " << size << ", byte " << byte << " at " << at);
        REQUIRE(FindControlOrBackslash(text) == (control_or_backslash(static_cast<unsigned char>(byte)) ? at : size));
        REQUIRE(FindJsonSpecialOrNonAscii(text) == (json_special(static_cast<unsigned char>(byte)) ? at : size));
      }
    }
  }
}

TEST_CASE("Byte scans report the first of several hits and the size when none", "[byte_scan]") {
  CHECK(FindControlOrBackslash("") == 0);
  CHECK(FindJsonSpecialOrNonAscii("") == 0);
  std::string_view no_control = "plain text with \"quotes\" and caf\xc3\xa9";
  CHECK(FindControlOrBackslash(no_control) == no_control.size());
  CHECK(FindJsonSpecialOrNonAscii("plain text with \"quotes\"") == 16);
  CHECK(FindJsonSpecialOrNonAscii("0123456789abcdefghij\\ \n") == 20);
  CHECK(FindControlOrBackslash("0123456789abcdefghij\t\\") == 20);
}
