// Tokens with their comments, sequences of entries in brackets, and the file:
// the pieces every construct's layout is built from.
#include <algorithm>

#include "compiler/format/printer.h"

namespace charter::format {
namespace {

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

bool Printer::IsLeaf(const Node& node, std::string_view text, const syntax::Tree& tree) {
  return node.IsToken() && tree.tokens[node.token].text == text;
}

int Printer::FirstToken(const Node& node) {
  if (node.IsToken()) return node.token;
  for (const auto& child : node.children) {
    int token = FirstToken(child);
    if (token >= 0) return token;
  }
  return -1;
}

int Printer::LastToken(const Node& node) {
  if (node.IsToken()) return node.token;
  for (auto it = node.children.rbegin(); it != node.children.rend(); ++it) {
    int token = LastToken(*it);
    if (token >= 0) return token;
  }
  return -1;
}

const Node* Printer::Child(const Node& node, std::string_view kind) const {
  for (const auto& child : node.children) {
    if (child.kind == kind) return &child;
  }
  return nullptr;
}

std::vector<const Node*> Printer::Children(const Node& node, std::string_view kind) const {
  std::vector<const Node*> out;
  for (const auto& child : node.children) {
    if (child.kind == kind) out.push_back(&child);
  }
  return out;
}

bool Printer::CommentsInside(int first, int last) const {
  for (int token = first; token <= last; ++token) {
    if (TokenAt(token).channel != syntax::Channel::Code) return true;
  }
  return false;
}

Doc Printer::LeadingComments(const std::vector<Comment>& comments, bool blank_before_token) const {
  if (comments.empty()) return Empty();
  std::vector<Doc> parts;
  for (size_t i = 0; i < comments.size(); ++i) {
    const Comment& comment = comments[i];
    if (i == 0) {
      parts.push_back(HardLine());
    } else {
      const Comment& previous = comments[i - 1];
      bool own_line = previous.line || previous.newline_after;
      parts.push_back(!own_line ? Text(" ") : comment.blank_before ? HardBlankLine() : HardLine());
    }
    parts.push_back(Text(comment.text));
  }
  const Comment& last = comments.back();
  // A `/* */` written on the token's line stays there.
  if (last.line || last.newline_after) {
    parts.push_back(blank_before_token ? HardBlankLine() : HardLine());
  } else {
    parts.push_back(Text(" "));
  }
  return Concat(std::move(parts));
}

Doc Printer::TrailingComments(const std::vector<Comment>& comments) const {
  std::vector<Doc> parts;
  for (const Comment& comment : comments) {
    parts.push_back(Text(" "));
    parts.push_back(Text(comment.text));
    if (comment.line) parts.push_back(HardLine());
  }
  return Concat(std::move(parts));
}

std::optional<std::string> Printer::Measure(const std::function<Doc()>& build) {
  bool was_measuring = measuring_;
  measuring_ = true;
  Doc doc = build();
  measuring_ = was_measuring;
  return RenderFlat(doc);
}

Doc Printer::Token(int index) {
  if (measuring_) return Text(TokenAt(index).text);
  auto leading = comments_.TakeLeading(index);
  auto trailing = comments_.TakeTrailing(index);
  return Concat({LeadingComments(leading, comments_.BlankBeforeToken(index)), Text(TokenAt(index).text),
                 TrailingComments(trailing)});
}

Doc Printer::Skip(const Node& leaf) {
  if (measuring_) return Empty();
  auto leading = comments_.TakeLeading(leaf.token);
  auto trailing = comments_.TakeTrailing(leaf.token);
  return Concat({LeadingComments(leading, false), TrailingComments(trailing)});
}

Doc Printer::Words(const Node& node) { return Words(node, 0, node.children.size()); }

Doc Printer::Words(const Node& node, size_t begin, size_t end) {
  std::vector<Doc> parts;
  bool space = false;
  for (size_t i = begin; i < end; ++i) {
    const Node& child = node.children[i];
    bool optional_separator = i + 1 == node.children.size() && IsLeaf(child, ",");
    if (optional_separator) {
      parts.push_back(Skip(child));
      continue;
    }
    bool tight = IsLeaf(child, ",") || IsLeaf(child, ":") || IsLeaf(child, "?") || IsLeaf(child, "(") ||
                 IsLeaf(child, ")");
    if (space && !tight) parts.push_back(Text(" "));
    parts.push_back(Print(child));
    space = !IsLeaf(child, "(");
  }
  return Concat(std::move(parts));
}

Printer::Item Printer::MakeItem(const Node& parent, size_t index, const std::function<Doc(const Node&)>& print) {
  const Node& node = parent.children[index];
  Item item;
  item.first = FirstToken(node);
  item.last = LastToken(node);
  // fieldDecl, tierRow, band and matchArm end in their own optional comma.
  if (!node.IsToken() && node.children.size() > 1 && IsLeaf(node.children.back(), ",")) {
    item.separator = node.children.back().token;
    item.last = LastToken(node.children[node.children.size() - 2]);
  } else if (index + 1 < parent.children.size() && IsLeaf(parent.children[index + 1], ",")) {
    item.separator = parent.children[index + 1].token;
  }
  item.print = [print, &node] { return print(node); };
  return item;
}

std::vector<Printer::Item> Printer::BodyItems(const Node& parent, const std::function<Doc(const Node&)>& print) {
  std::vector<Item> items;
  bool inside = false;
  for (size_t i = 0; i < parent.children.size(); ++i) {
    const Node& child = parent.children[i];
    if (IsLeaf(child, "{") || IsLeaf(child, "[")) {
      inside = true;
    } else if (inside && !child.IsToken()) {
      items.push_back(MakeItem(parent, i, print));
    }
  }
  return items;
}

Doc Printer::Body(const Node& parent, std::vector<Item> items, BodyStyle style) {
  auto open = std::find_if(parent.children.begin(), parent.children.end(),
                           [&](const Node& c) { return IsLeaf(c, "{") || IsLeaf(c, "["); });
  const Node& close = parent.children.back();  // every body ends its rule
  Doc open_doc = Token(*open);
  auto dangling = comments_.TakeLeading(close.token);
  if (items.empty() && dangling.empty()) return Concat({open_doc, Token(close)});

  bool broken = style.when == BodyStyle::Break::Always ||
                (style.when == BodyStyle::Break::IfSourceBroken && comments_.NewlineAfter(open->token));
  Doc edge_line = style.spaces_inside ? Line() : SoftLine();
  std::vector<Doc> inner;
  for (size_t i = 0; i < items.size(); ++i) {
    Item& item = items[i];
    bool blank = comments_.BlankBefore(item.first);
    auto leading = comments_.TakeLeading(item.first);
    auto trailing = comments_.TakeTrailing(item.last);
    if (item.separator >= 0) {
      for (auto& comment : comments_.TakeLeading(item.separator)) trailing.push_back(std::move(comment));
      for (auto& comment : comments_.TakeTrailing(item.separator)) trailing.push_back(std::move(comment));
    }
    if (i == 0) {
      inner.push_back(broken ? HardLine() : edge_line);
    } else {
      inner.push_back(style.keep_blank_lines && blank ? BlankLine() : Line());
    }
    inner.push_back(LeadingComments(leading, comments_.BlankBeforeToken(item.first)));
    inner.push_back(item.print());
    bool last = i + 1 == items.size();
    if (last) {
      inner.push_back(style.trailing_comma ? IfBreak(Text(","), Empty()) : Empty());
    } else {
      inner.push_back(IfBreak(Text(style.comma_when_broken ? "," : ""), Text(",")));
    }
    inner.push_back(TrailingComments(trailing));
  }
  if (!dangling.empty()) {
    bool blank = !items.empty() && comments_.BlankBefore(close.token);
    inner.push_back(blank ? HardBlankLine() : HardLine());
    inner.push_back(LeadingComments(dangling, false));
  }
  return Group(Concat({open_doc, Nest(kIndent, Concat(std::move(inner))), edge_line, Token(close)}));
}

Doc Printer::File(const Node& root) {
  std::vector<Doc> parts;
  bool first = true;
  for (size_t i = 0; i < root.children.size(); ++i) {
    const Node& child = root.children[i];
    if (child.IsToken()) continue;
    int first_token = FirstToken(child);
    bool blank = comments_.BlankBefore(first_token);
    auto leading = comments_.TakeLeading(first_token);
    auto trailing = comments_.TakeTrailing(LastToken(child));
    if (!first) parts.push_back(blank ? HardBlankLine() : HardLine());
    parts.push_back(LeadingComments(leading, comments_.BlankBeforeToken(first_token)));
    parts.push_back(Print(child));
    parts.push_back(TrailingComments(trailing));
    first = false;
  }
  const Node& eof = root.children.back();
  auto dangling = comments_.TakeLeading(eof.token);
  if (!dangling.empty()) {
    if (!first) parts.push_back(comments_.BlankBefore(eof.token) ? HardBlankLine() : HardLine());
    parts.push_back(LeadingComments(dangling, false));
  }
  return Concat(std::move(parts));
}

Doc Printer::Print(const Node& node) {
  if (node.IsToken()) return Token(node);
  if (node.kind == "qualifiedName") {
    std::vector<Doc> parts;
    for (const auto& child : node.children) parts.push_back(Print(child));
    return Concat(std::move(parts));
  }
  if (node.kind == "type") return Type(node);
  if (node.kind == "params") return Params(&node);
  if (node.kind == "args") return Args(&node);
  if (node.kind == "recordBody") return RecordBody(node);
  if (EndsWith(node.kind, "Expr") || EndsWith(node.kind, "Lit")) return Expr(node);
  if (EndsWith(node.kind, "Stmt") || EndsWith(node.kind, "Statement") || node.kind == "block" ||
      node.kind.rfind("veto", 0) == 0) {
    return Stmt(node);
  }
  return Decl(node);
}

}  // namespace charter::format
