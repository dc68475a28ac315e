// A line scanner that knows just enough of the lexical grammar (strings, raw
// strings, line and block comments, words) to find where declarations start.
#include "compiler/parse/chunks.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "compiler/parse/keywords.h"

namespace charter {
namespace {

bool IsWordStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool IsWordChar(char c) { return IsWordStart(c) || (c >= '0' && c <= '9'); }

std::string_view WordAt(std::string_view text, size_t at) {
  size_t end = at;
  while (end < text.size() && IsWordChar(text[end])) ++end;
  return text.substr(at, end - at);
}

size_t SkipBlanks(std::string_view text, size_t at, size_t end) {
  while (at < end && (text[at] == ' ' || text[at] == '\t' || text[at] == '\r')) ++at;
  return at;
}

// Whether the word at `at` (the first token of its line) begins a declaration.
bool StartsDeclaration(std::string_view text, size_t at, size_t line_end, bool after_extern) {
  std::string_view word = WordAt(text, at);
  if (word == "enum" || word == "record" || word == "const") return true;
  if (word == "fn") return !after_extern;
  size_t next = SkipBlanks(text, at + word.size(), line_end);
  if (word == "test") return next < line_end && text[next] == '"';
  std::string_view following = next < line_end && IsWordStart(text[next]) ? WordAt(text, next) : std::string_view();
  if (word == "extern") return following == "fn";
  if (word == "rule" || word == "event" || word == "tier" || word == "quorum" || word == "vote" ||
      word == "threshold") {
    // A keyword after the first word (`rule in …`) makes the line an expression, not a declaration.
    return !following.empty() && !IsKeyword(following);
  }
  return false;
}

// Scans [at, end) of one line; tracks block comments and whether the last
// token seen was `extern`.
void ScanLine(std::string_view text, size_t at, size_t end, bool& in_block, bool& after_extern) {
  while (at < end) {
    if (in_block) {
      size_t close = text.substr(0, end).find("*/", at);
      if (close == std::string_view::npos) return;
      in_block = false;
      at = close + 2;
      continue;
    }
    char c = text[at];
    if (c == ' ' || c == '\t' || c == '\r') {
      ++at;
    } else if (c == '/' && at + 1 < end && text[at + 1] == '/') {
      return;
    } else if (c == '/' && at + 1 < end && text[at + 1] == '*') {
      in_block = true;
      at += 2;
    } else if (c == '"' || (c == 'r' && at + 1 < end && text[at + 1] == '"')) {
      bool raw = c == 'r';
      at += raw ? 2 : 1;
      while (at < end && text[at] != '"') at += (!raw && text[at] == '\\') ? 2 : 1;
      at = std::min(at + 1, end);
      after_extern = false;
    } else if (IsWordChar(c)) {
      std::string_view word = WordAt(text, at);
      after_extern = word == "extern";
      at += word.size();
    } else {
      after_extern = false;
      ++at;
    }
  }
}

}  // namespace

std::vector<Chunk> SplitDeclarations(std::string_view text) {
  std::vector<Chunk> chunks{Chunk{0, 0, true, false}};
  bool in_block = false;
  bool after_extern = false;
  size_t quiet_run = std::string_view::npos;  // first of the blank and comment lines just above
  for (size_t line = 0; line < text.size();) {
    size_t line_end = std::min(text.find('\n', line), text.size());
    size_t first = SkipBlanks(text, line, line_end);
    bool quiet = !in_block && (first == line_end || text.compare(first, 2, "//") == 0);
    if (quiet) {
      if (quiet_run == std::string_view::npos) quiet_run = line;
    } else {
      if (!in_block && IsWordStart(text[first]) && StartsDeclaration(text, first, line_end, after_extern)) {
        auto start = static_cast<uint32_t>(quiet_run != std::string_view::npos ? quiet_run : line);
        chunks.back().length = start - chunks.back().offset;
        std::string_view keyword = WordAt(text, first);
        chunks.push_back(Chunk{start, 0, false, keyword == "test", static_cast<uint32_t>(first),
                               static_cast<uint32_t>(keyword.size())});
      }
      quiet_run = std::string_view::npos;
    }
    ScanLine(text, line, line_end, in_block, after_extern);
    line = line_end + 1;
  }
  chunks.back().length = static_cast<uint32_t>(text.size()) - chunks.back().offset;
  return chunks;
}

}  // namespace charter
