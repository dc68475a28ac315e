// Attaches every comment to a code token: trailing comments to the token they
// follow on its line, all others (own-line comments, `/* */` before a token)
// to the token after them. Printing a token prints its comments, unless the
// layout code has taken them to place them itself.
#pragma once

#include <string>
#include <vector>

#include "compiler/parse/syntax_tree.h"

namespace charter::format {

/// `text` less the white space at the end of each line: never part of what a comment says.
std::string WithoutTrailingSpace(const std::string& text);

struct Comment {
  std::string text;            // as written, less trailing white space on each line
  bool line = false;           // `//` or `///`: ends its line
  bool blank_before = false;   // an empty line separates it from what precedes it
  bool newline_after = false;  // a line break separates it from what follows it
};

class Comments {
 public:
  Comments(const syntax::Tree& tree, const std::string& text);

  /// Comments on lines before `token` (or `/* */` right before it); each is handed out once.
  std::vector<Comment> TakeLeading(int token);
  /// Comments after `token` on its line; each is handed out once.
  std::vector<Comment> TakeTrailing(int token);
  bool HasLeading(int token) const { return !attached_[token].leading.empty(); }
  bool HasTrailing(int token) const { return !attached_[token].trailing.empty(); }

  /// An empty line before `token` or before its first leading comment.
  bool BlankBefore(int token) const { return attached_[token].blank_before_first; }
  /// An empty line between `token`'s last leading comment (or the token before) and it.
  bool BlankBeforeToken(int token) const { return attached_[token].blank_before_token; }
  /// A line break right after `token` in the source (whatever follows it).
  bool NewlineAfter(int token) const { return attached_[token].newline_after; }

 private:
  struct Attached {
    std::vector<Comment> leading;
    std::vector<Comment> trailing;
    bool blank_before_first = false;
    bool blank_before_token = false;
    bool newline_after = false;
  };
  std::vector<Attached> attached_;  // by token index; only code tokens carry comments
};

}  // namespace charter::format
