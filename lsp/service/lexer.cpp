#include "lsp/service/lexer.h"

#include <algorithm>
#include <array>

#include "compiler/parse/keywords.h"

namespace charter::lsp {
namespace {

bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

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
