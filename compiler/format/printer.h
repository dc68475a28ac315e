// Internal to compiler/format: turns a syntax::Tree into a Doc. One method per
// construct; the layout rules they implement are listed in format.h.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/format/comments.h"
#include "compiler/format/doc.h"
#include "compiler/parse/syntax_tree.h"

namespace charter::format {

using syntax::Node;

/// Column limit the layout aims for; strings and other unbreakable text may go past it.
inline constexpr int kWidth = 100;
inline constexpr int kIndent = 2;
/// Continuation of a declaration header before its `{` (`rule ... \n    when ...`).
inline constexpr int kHeaderContinuation = 4;

class Printer {
 public:
  Printer(const syntax::Tree& tree, const std::string& text) : tree_(tree), comments_(tree, text) {}

  Doc File(const Node& root);

 private:
  /// How an expression may be laid out where it stands.
  struct ExprContext {
    bool breakable = true;  // its operator chains may break for width (not inside call arguments)
    int chain_indent = kIndent;  // indentation of a broken chain's continuation lines (0 right inside parentheses)
  };

  /// One entry of a `{ ... }` or `[ ... ]` body, or of the file.
  struct Item {
    int first = -1;       // first and last token of the entry
    int last = -1;
    int separator = -1;   // the comma written after it, if any
    std::function<Doc()> print;  // called once the entry's outer comments are taken
  };

  struct BodyStyle {
    enum class Break { Always, IfSourceBroken, IfTooLong };
    Break when = Break::Always;
    bool comma_when_broken = false;  // `,` after every entry but the last on its own line
    bool trailing_comma = false;     // and after the last one too
    bool spaces_inside = true;       // `{ a, b }`, not `[a, b]`
    bool keep_blank_lines = true;    // empty lines between entries survive, collapsed to one
  };

  // ---------------------------------------------------------------- tokens and comments (print_items.cpp)
  const syntax::Token& TokenAt(int index) const { return tree_.tokens[index]; }
  static bool IsLeaf(const Node& node, std::string_view text, const syntax::Tree& tree);
  bool IsLeaf(const Node& node, std::string_view text) const { return IsLeaf(node, text, tree_); }
  static int FirstToken(const Node& node);
  static int LastToken(const Node& node);
  const Node* Child(const Node& node, std::string_view kind) const;
  std::vector<const Node*> Children(const Node& node, std::string_view kind) const;
  /// True when a comment sits anywhere between the first and the last token of [first, last].
  bool CommentsInside(int first, int last) const;

  /// The one-line text `build` lays out, leaving every comment in place: measures table columns.
  std::optional<std::string> Measure(const std::function<Doc()>& build);

  /// A token with the comments still attached to it.
  Doc Token(int index);
  Doc Token(const Node& leaf) { return Token(leaf.token); }
  /// The comments of a token the layout leaves out (an optional comma).
  Doc Skip(const Node& leaf);
  Doc LeadingComments(const std::vector<Comment>& comments, bool blank_before_token) const;
  Doc TrailingComments(const std::vector<Comment>& comments) const;

  /// Children printed one after another with single spaces, none before `,` `:` `?` `(` `)` nor after `(`;
  /// a final `,` (an optional separator) is left out.
  Doc Words(const Node& node);
  Doc Words(const Node& node, size_t begin, size_t end);
  /// Entries of a body: the child nodes between its opening and closing bracket.
  std::vector<Item> BodyItems(const Node& parent, const std::function<Doc(const Node&)>& print);
  Item MakeItem(const Node& parent, size_t index, const std::function<Doc(const Node&)>& print);
  Doc Body(const Node& parent, std::vector<Item> items, BodyStyle style);
  /// Dispatches on the node's kind.
  Doc Print(const Node& node);

  // ---------------------------------------------------------------- declarations (print_decl.cpp)
  Doc Decl(const Node& node);
  Doc Type(const Node& node);
  Doc Params(const Node* params);
  Doc FnBody(const Node& body);
  Doc TierBody(const Node& tier);
  Doc ThresholdBody(const Node& threshold);
  Doc Test(const Node& test);

  // ---------------------------------------------------------------- statements (print_stmt.cpp)
  Doc Stmt(const Node& node);
  Doc Block(const Node& block);
  Doc Rule(const Node& rule);
  Doc When(const Node& when);
  Doc Veto(const Node& veto);
  /// A condition followed by a block: its broken chains continue deeper than the block.
  Doc BlockCondition(const Node& expr);

  // ---------------------------------------------------------------- expressions (print_expr.cpp)
  Doc Expr(const Node& node, ExprContext context);
  Doc Expr(const Node& node) { return Expr(node, ExprContext{}); }
  Doc Primary(const Node& node, ExprContext context);
  Doc Chain(const Node& node, ExprContext context);
  Doc IfChain(const Node& node, ExprContext context);
  Doc Args(const Node* args);
  Doc RecordBody(const Node& body);

  const syntax::Tree& tree_;
  Comments comments_;
  bool measuring_ = false;  // tokens print bare and leave their comments to the real layout
};

}  // namespace charter::format
