// A tolerant lexer for editor features: never fails, keeps comments, and
// marks unterminated strings. The compiler's ANTLR lexer stays in
// compiler/parse; this one only classifies text for completion contexts,
// semantic tokens and folding.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "compiler/parse/keywords.h"

namespace charter::lsp {

enum class TokenKind { Ident, Keyword, String, RawString, Number, Comment, DocComment, Punct, Other };

struct Token {
  TokenKind kind;
  uint32_t offset;
  uint32_t length;
  bool terminated = true;  // strings and block comments
  std::string_view text(std::string_view source) const { return source.substr(offset, length); }
  uint32_t end() const { return offset + length; }
};

std::vector<Token> Lex(std::string_view text);
// compiler/parse/keywords.def decides what is a keyword.
using charter::IsKeyword;
using charter::IsReservedKeyword;

}  // namespace charter::lsp
