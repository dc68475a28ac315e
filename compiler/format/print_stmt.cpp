// Rules, blocks and statements: one statement per line; a clause that does not
// fit (`else "code": ...`, `when ...` in a rule header) continues on the next line.
#include "compiler/format/printer.h"

namespace charter::format {

Doc Printer::Stmt(const Node& node) {
  const std::string& kind = node.kind;
  if (kind == "letStatement") return Print(node.children[0]);
  if (kind == "block") return Block(node);
  if (kind == "whenStmt") return When(node);
  if (kind == "vetoStmt") return Veto(node);
  if (kind == "requireStmt" || kind == "vetoValid") {
    // `require cond else "code": message`, or the `else` on the next line.
    size_t otherwise = 0;
    while (otherwise < node.children.size() && !IsLeaf(node.children[otherwise], "else")) ++otherwise;
    std::vector<Doc> head;
    for (size_t i = 0; i < otherwise; ++i) {
      if (i > 0) head.push_back(Text(" "));
      head.push_back(node.children[i].IsToken() ? Token(node.children[i]) : Expr(node.children[i]));
    }
    if (otherwise == node.children.size()) return Concat(std::move(head));
    head.push_back(Nest(kIndent, Concat({Line(), Words(node, otherwise, node.children.size())})));
    return Group(Concat(std::move(head)));
  }
  return Words(node);
}

Doc Printer::Block(const Node& block) {
  auto print = [this](const Node& child) { return Print(child); };
  return Body(block, BodyItems(block, print), BodyStyle{});
}

Doc Printer::BlockCondition(const Node& expr) { return Nest(kIndent, Expr(expr)); }

Doc Printer::Rule(const Node& rule) {
  // rule NAME on EVENT [when COND] BLOCK
  std::vector<Doc> head;
  size_t i = 0;
  for (; i < rule.children.size() && !IsLeaf(rule.children[i], "when") && rule.children[i].kind != "block"; ++i) {
    if (i > 0) head.push_back(Text(" "));
    head.push_back(Print(rule.children[i]));
  }
  if (i < rule.children.size() && IsLeaf(rule.children[i], "when")) {
    head.push_back(Nest(kHeaderContinuation, Concat({Line(), Token(rule.children[i]), Text(" "),
                                                     BlockCondition(rule.children[i + 1])})));
  }
  return Concat({Group(Concat(std::move(head))), Text(" "), Block(rule.children.back())});
}

Doc Printer::When(const Node& when) {
  // when C { } else when C { } else { }
  std::vector<Doc> parts;
  for (size_t i = 0; i < when.children.size(); ++i) {
    const Node& child = when.children[i];
    if (IsLeaf(child, "when")) {
      parts.push_back(Token(child));
      parts.push_back(Text(" "));
    } else if (IsLeaf(child, "else")) {
      parts.push_back(Text(" "));
      parts.push_back(Token(child));
      parts.push_back(Text(" "));
    } else if (child.kind == "block") {
      if (!IsLeaf(when.children[i - 1], "else")) parts.push_back(Text(" "));
      parts.push_back(Block(child));
    } else {
      parts.push_back(BlockCondition(child));
    }
  }
  return Concat(std::move(parts));
}

Doc Printer::Veto(const Node& veto) {
  // veto NAME in EXPR [where EXPR] { clauses }
  std::vector<Doc> head;
  size_t i = 0;
  for (; i < veto.children.size() && !IsLeaf(veto.children[i], "where") && !IsLeaf(veto.children[i], "{"); ++i) {
    if (i > 0) head.push_back(Text(" "));
    head.push_back(Print(veto.children[i]));
  }
  if (IsLeaf(veto.children[i], "where")) {
    head.push_back(Nest(kHeaderContinuation, Concat({Line(), Token(veto.children[i]), Text(" "),
                                                     BlockCondition(veto.children[i + 1])})));
  }
  auto print = [this](const Node& child) { return Print(child); };
  return Concat({Group(Concat(std::move(head))), Text(" "), Body(veto, BodyItems(veto, print), BodyStyle{})});
}

}  // namespace charter::format
