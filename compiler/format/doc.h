// A Wadler-style document algebra and its renderer: the formatter describes
// where a line may break, and the renderer picks the breaks that keep lines
// within the width, outermost group first.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace charter::format {

struct DocNode;
/// Immutable and shared, so a piece can be reused cheaply.
using Doc = std::shared_ptr<const DocNode>;

struct DocNode {
  enum class Kind { Text, Line, Concat, Nest, Align, Group, IfBreak };
  Kind kind = Kind::Text;
  std::string text;  // Text: the text; Line: what it prints when its group is flat
  int width = 0;     // Text: display width in code points; Nest: the extra indentation
  /// Line: always breaks (a hard line) / leaves one empty line when it breaks.
  bool hard_line = false;
  bool blank = false;
  std::vector<Doc> parts;  // Concat: the parts; Nest, Align, Group: one child; IfBreak: broken, flat
  /// Something inside must break (a hard line), so every enclosing group breaks.
  bool hard = false;
};

Doc Text(std::string text);
/// A space, or a line break when the enclosing group breaks.
Doc Line();
/// Nothing, or a line break when the enclosing group breaks.
Doc SoftLine();
/// A line break when the enclosing group breaks, leaving one empty line; flat, a space.
Doc BlankLine();
/// Always a line break (never two in a row: at the start of a line it does nothing).
Doc HardLine();
/// Always a line break and one empty line (collapsing with any empty line already there).
Doc HardBlankLine();
Doc Concat(std::vector<Doc> parts);
/// Breaks inside `doc` indent `by` more than the enclosing indentation.
Doc Nest(int by, Doc doc);
/// Breaks inside `doc` indent to the column where `doc` starts.
Doc Align(Doc doc);
/// Printed flat when it fits in the width, else with its lines broken.
Doc Group(Doc doc);
/// `broken` when the enclosing group breaks, else `flat`.
Doc IfBreak(Doc broken, Doc flat);
Doc Empty();

/// Lays `doc` out within `width` columns. Lines carry no trailing white space.
std::string Render(const Doc& doc, int width);
/// The one-line text of `doc`, or nullopt when something inside must break.
std::optional<std::string> RenderFlat(const Doc& doc);
/// Display width of `text` in code points.
int DisplayWidth(const std::string& text);

}  // namespace charter::format
