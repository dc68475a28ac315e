// Declarations: a header on one line, then a body laid out by the rules of format.h.
#include <algorithm>

#include "compiler/format/printer.h"

namespace charter::format {
namespace {

size_t IndexOf(const Node& node, std::string_view text, const syntax::Tree& tree) {
  for (size_t i = 0; i < node.children.size(); ++i) {
    const Node& child = node.children[i];
    if (child.IsToken() && tree.tokens[child.token].text == text) return i;
  }
  return node.children.size();
}

std::string Padded(const std::string& text, int width) {
  return text + std::string(static_cast<size_t>(std::max(0, width - DisplayWidth(text))), ' ');
}

}  // namespace

Doc Printer::Decl(const Node& node) {
  const std::string& kind = node.kind;
  auto print = [this](const Node& child) { return Print(child); };
  size_t brace = IndexOf(node, "{", tree_);
  if (kind == "decl") return Print(node.children[0]);
  if (kind == "enumDecl" || kind == "recordDecl" || kind == "eventDecl") {
    BodyStyle style;
    style.when = BodyStyle::Break::IfSourceBroken;
    return Concat({Words(node, 0, brace), Text(" "), Body(node, BodyItems(node, print), style)});
  }
  if (kind == "quorumDecl" || kind == "voteDecl") {
    return Concat({Words(node, 0, brace), Text(" "), Body(node, BodyItems(node, print), BodyStyle{})});
  }
  if (kind == "tierDecl") return Concat({Words(node, 0, brace), Text(" "), TierBody(node)});
  if (kind == "thresholdDecl") return Concat({Words(node, 0, brace), Text(" "), ThresholdBody(node)});
  if (kind == "fnDecl") {
    const Node& body = node.children.back();
    return Concat({Words(node, 0, node.children.size() - 1), FnBody(body)});
  }
  if (kind == "ruleDecl") return Rule(node);
  if (kind == "testDecl") return Test(node);
  if (kind == "range" || kind == "bandValue") {
    std::vector<Doc> parts;
    for (const auto& child : node.children) parts.push_back(Print(child));
    return Concat(std::move(parts));
  }
  return Words(node);
}

Doc Printer::Type(const Node& node) {
  std::vector<Doc> parts;
  for (const auto& child : node.children) {
    parts.push_back(Print(child));
    if (IsLeaf(child, ",")) parts.push_back(Text(" "));
  }
  return Concat(std::move(parts));
}

Doc Printer::Params(const Node* params) {
  if (!params) return Empty();
  std::vector<Doc> parts;
  for (size_t i = 0; i < params->children.size(); ++i) {
    const Node& child = params->children[i];
    if (IsLeaf(child, ",") && i + 1 == params->children.size()) {
      parts.push_back(Skip(child));
    } else if (IsLeaf(child, ",")) {
      parts.push_back(Token(child));
      parts.push_back(Text(" "));
    } else {
      parts.push_back(Print(child));
    }
  }
  return Concat(std::move(parts));
}

Doc Printer::FnBody(const Node& body) {
  if (IsLeaf(body.children[0], "=")) {
    // `fn f(...) -> T = expr`, or the expression on the next line when it does not fit.
    return Group(Concat({Text(" "), Token(body.children[0]), Nest(kIndent, Concat({Line(), Expr(body.children[1])}))}));
  }
  auto print = [this](const Node& child) { return Print(child); };
  return Concat({Text(" "), Body(body, BodyItems(body, print), BodyStyle{})});
}

// A tier table keeps its columns aligned: the `{` of every row, and each field
// when all rows list the same fields. A row holding a comment is not aligned.
Doc Printer::TierBody(const Node& tier) {
  std::vector<const Node*> rows = Children(tier, "tierRow");
  bool aligned = true;
  for (const Node* row : rows) {
    size_t colon = IndexOf(*row, ":", tree_);
    const Node* body = Child(*row, "recordBody");
    if (colon == row->children.size() || !body || CommentsInside(FirstToken(*row), LastToken(*body))) aligned = false;
  }
  auto print = [this](const Node& child) { return Print(child); };
  std::vector<Item> items = BodyItems(tier, print);
  if (!aligned) return Body(tier, std::move(items), BodyStyle{});

  struct RowCells {
    std::string name;
    std::vector<std::string> fields;  // `name: value`
    std::vector<std::string> field_names;
  };
  std::vector<RowCells> cells;
  for (const Node* row : rows) {
    RowCells out;
    auto name = Measure([&] { return Words(*row, 0, IndexOf(*row, ":", tree_) + 1); });
    if (!name) return Body(tier, std::move(items), BodyStyle{});
    out.name = *name;
    for (const Node* field : Children(*Child(*row, "recordBody"), "fieldInit")) {
      auto text = Measure([&] { return Print(*field); });
      if (!text) return Body(tier, std::move(items), BodyStyle{});
      out.fields.push_back(*text);
      out.field_names.push_back(TokenAt(FirstToken(*field)).text);
    }
    cells.push_back(std::move(out));
  }
  int name_width = 0;
  for (const auto& row : cells) name_width = std::max(name_width, DisplayWidth(row.name));
  bool same_fields = std::all_of(cells.begin(), cells.end(),
                                 [&](const RowCells& row) { return row.field_names == cells[0].field_names; });
  std::vector<int> column_widths(cells.empty() ? 0 : cells[0].fields.size(), 0);
  if (same_fields) {
    for (const auto& row : cells) {
      for (size_t j = 0; j < row.fields.size(); ++j) {
        column_widths[j] = std::max(column_widths[j], DisplayWidth(row.fields[j]) + 1);
      }
    }
  }
  for (size_t i = 0; i < items.size(); ++i) {
    const RowCells& row = cells[i];
    std::string text = Padded(row.name, name_width) + " {";
    for (size_t j = 0; j < row.fields.size(); ++j) {
      bool last = j + 1 == row.fields.size();
      std::string cell = last ? row.fields[j] : row.fields[j] + ",";
      text += " " + (same_fields && !last ? Padded(cell, column_widths[j]) : cell);
    }
    text += row.fields.empty() ? "}" : " }";
    items[i].print = [text] { return Text(text); };
  }
  return Body(tier, std::move(items), BodyStyle{});
}

// Bands keep their `=>` in one column, unless a comment sits inside a band.
Doc Printer::ThresholdBody(const Node& threshold) {
  std::vector<const Node*> bands = Children(threshold, "band");
  bool aligned = true;
  for (const Node* band : bands) {
    size_t arrow = IndexOf(*band, "=>", tree_);
    if (arrow == band->children.size() || CommentsInside(FirstToken(*band), band->children[arrow].token)) {
      aligned = false;
    }
  }
  auto print = [this](const Node& child) { return Print(child); };
  std::vector<Item> items = BodyItems(threshold, print);
  if (!aligned) return Body(threshold, std::move(items), BodyStyle{});
  std::vector<std::string> bounds;
  int width = 0;
  for (const Node* band : bands) {
    auto text = Measure([&] { return Words(*band, 0, IndexOf(*band, "=>", tree_)); });
    if (!text) return Body(threshold, std::move(items), BodyStyle{});
    width = std::max(width, DisplayWidth(*text));
    bounds.push_back(*text);
  }
  for (size_t i = 0; i < items.size(); ++i) {
    const Node* band = bands[i];
    std::string bound = Padded(bounds[i], width);
    items[i].print = [this, band, bound] {
      size_t arrow = IndexOf(*band, "=>", tree_);
      return Concat({Text(bound), Text(" "), Token(band->children[arrow]), Text(" "), Expr(band->children[arrow + 1])});
    };
  }
  return Body(threshold, std::move(items), BodyStyle{});
}

Doc Printer::Test(const Node& test) {
  std::vector<Item> items;
  auto print = [this](const Node& child) { return Print(child); };
  for (size_t i = 0; i < test.children.size(); ++i) {
    const Node& child = test.children[i];
    if (IsLeaf(child, "given") && i + 1 < test.children.size()) {
      const Node& value = test.children[i + 1];
      Item given;
      given.first = child.token;
      given.last = LastToken(value);
      given.print = [this, &child, &value] { return Concat({Token(child), Text(" "), Expr(value)}); };
      items.push_back(std::move(given));
      ++i;
    } else if (!child.IsToken()) {
      items.push_back(MakeItem(test, i, print));
    }
  }
  return Concat({Token(test.children[0]), Text(" "), Token(test.children[1]), Text(" "),
                 Body(test, std::move(items), BodyStyle{})});
}

}  // namespace charter::format
