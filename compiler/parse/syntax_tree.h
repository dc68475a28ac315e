// A plain concrete syntax tree: every token of a file, comments included, and
// the grammar rule each stretch of tokens belongs to, with no ANTLR types.
// Tools that care about layout and comments (the formatter, highlighting) use
// it; everything that cares about meaning uses the AST from Parse().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/base/source.h"
#include "compiler/diagnostics/diagnostic.h"

namespace charter::syntax {

/// The lexer channel of a token: code, a `//` or `/* */` comment, or a `///` doc comment.
enum class Channel : uint8_t { Code, Comment, Doc };

struct Token {
  /// The grammar's name for the token: `IDENT`, `STRING`, `LINE_COMMENT`,
  /// `REQUIRE`, `EOF`; punctuation by its text in quotes: `'{'`.
  std::string kind;
  std::string text;
  Channel channel = Channel::Code;
  Span span;
};

/// A grammar rule, or a token leaf. Labelled alternatives are named by their
/// label (`requireStmt`, `andExpr`), other rules by the rule (`recordBody`).
struct Node {
  std::string kind;     // empty for a leaf
  int32_t token = -1;   // a leaf's index into Tree::tokens
  std::vector<Node> children;

  bool IsToken() const { return token >= 0; }
};

struct Tree {
  std::vector<Token> tokens;  // every token of every channel in source order, the last one EOF
  Node root;                  // the `file` rule; its leaves are code tokens only
};

/// Parses `file` into a tree. When the file does not parse (a syntax error, a
/// character or string the lexer rejects, invalid UTF-8) returns nullopt after
/// reporting the problems to `diags` exactly as Parse() reports them.
std::optional<Tree> ParseTree(const SourceFile& file, DiagnosticSink& diags);

}  // namespace charter::syntax
