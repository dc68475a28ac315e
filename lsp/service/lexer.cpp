#include "lsp/service/lexer.h"

#include <algorithm>
#include <array>

#include "compiler/parse/keywords.h"

namespace charter::lsp {
namespace {

bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Past the `}` closing the interpolation that opens at `open`, or npos when it
// is not closed on its line (then `{` is a plain character of the string).
size_t InterpolationEnd(std::string_view text, size_t open) {
  size_t depth = 0;
  for (size_t i = open; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n' || c == '\r') return std::string_view::npos;
    if (c == '{') {
      ++depth;
    } else if (c == '}') {
      if (--depth == 0) return i + 1;
    } else if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\n' || text[i] == '\r') return std::string_view::npos;
        if (text[i] == '\\') ++i;
      }
      if (i >= text.size()) return std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<Token> Lex(std::string_view text) {
  std::vector<Token> tokens;
  uint32_t n = static_cast<uint32_t>(text.size());
  uint32_t i = 0;
  auto push = [&](TokenKind kind, uint32_t start, bool terminated = true) {
    tokens.push_back({kind, start, i - start, terminated});
  };
  while (i < n) {
    char c = text[i];
    uint32_t start = i;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (c == '/' && i + 1 < n && text[i + 1] == '/') {
      bool doc = i + 2 < n && text[i + 2] == '/';
      while (i < n && text[i] != '\n' && text[i] != '\r') ++i;
      push(doc ? TokenKind::DocComment : TokenKind::Comment, start);
    } else if (c == '/' && i + 1 < n && text[i + 1] == '*') {
      size_t close = text.find("*/", i + 2);
      i = close == std::string_view::npos ? n : static_cast<uint32_t>(close) + 2;
      push(TokenKind::Comment, start, close != std::string_view::npos);
    } else if (c == 'r' && i + 1 < n && text[i + 1] == '"') {
      i += 2;
      while (i < n && text[i] != '"' && text[i] != '\n' && text[i] != '\r') ++i;
      bool closed = i < n && text[i] == '"';
      if (closed) ++i;
      push(TokenKind::RawString, start, closed);
    } else if (c == '"') {
      ++i;
      while (i < n && text[i] != '"' && text[i] != '\n' && text[i] != '\r') {
        if (text[i] == '{') {
          // As the grammar's INTERPOLATION: a closed `{...}` may hold strings of its own.
          if (size_t end = InterpolationEnd(text, i); end != std::string_view::npos) {
            i = static_cast<uint32_t>(end);
            continue;
          }
        }
        i += (text[i] == '\\' && i + 1 < n && text[i + 1] != '\n') ? 2 : 1;
      }
      bool closed = i < n && text[i] == '"';
      if (closed) ++i;
      push(TokenKind::String, start, closed);
    } else if (IsIdentStart(c)) {
      while (i < n && IsIdentChar(text[i])) ++i;
      push(IsKeyword(text.substr(start, i - start)) ? TokenKind::Keyword : TokenKind::Ident, start);
    } else if (IsDigit(c)) {
      // Dates, timestamps, decimals and percents are one token each.
      while (i < n && (IsDigit(text[i]) || text[i] == '-' || text[i] == ':' || text[i] == 'T' || text[i] == 'Z' ||
                       text[i] == '+' || (text[i] == '.' && i + 1 < n && IsDigit(text[i + 1])))) {
        if ((text[i] == '-' || text[i] == '+') && !(i + 1 < n && IsDigit(text[i + 1]))) break;
        if (text[i] == '-' && i - start != 4 && i - start != 7 && text.substr(start, i - start).find('T') == std::string_view::npos) break;
        ++i;
      }
      if (i < n && text[i] == '%') ++i;
      push(TokenKind::Number, start);
    } else {
      static constexpr std::string_view kTwo[] = {"==", "!=", "<=", ">=", "=>", "->", "??", "?.", ".."};
      bool two = false;
      for (auto op : kTwo) {
        if (text.substr(i, 2) == op) {
          i += 2;
          two = true;
          break;
        }
      }
      if (!two) {
        // Skip a whole UTF-8 sequence so offsets stay on character boundaries.
        ++i;
        while (i < n && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
      }
      bool punct = two || std::string_view("{}()[]<>,:;.=+-*/?%").find(c) != std::string_view::npos;
      push(punct ? TokenKind::Punct : TokenKind::Other, start);
    }
  }
  return tokens;
}

}  // namespace charter::lsp
