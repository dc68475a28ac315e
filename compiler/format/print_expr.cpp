// Expressions: flat when they fit; a chain of one operator breaks before each
// operator, `if` chains break before each `else` aligned under the `if`, and
// brackets break one entry per line. Calls never break for width.
#include "compiler/format/printer.h"

namespace charter::format {
namespace {

// Operators whose chains print as one list of operands: `a and b and c`.
bool Flattens(const std::string& kind) {
  return kind == "mulExpr" || kind == "addExpr" || kind == "defaultExpr" || kind == "andExpr" || kind == "orExpr";
}

bool IsChain(const std::string& kind) {
  return Flattens(kind) || kind == "inExpr" || kind == "compareExpr";
}

}  // namespace

Doc Printer::Expr(const Node& node, ExprContext context) {
  const std::string& kind = node.kind;
  ExprContext inner{context.breakable, kIndent};
  if (kind == "primaryExpr") return Primary(node.children[0], context);
  if (IsChain(kind)) return Chain(node, context);
  if (kind == "memberExpr" || kind == "optMemberExpr" || kind == "negExpr" || kind == "indexExpr" ||
      kind == "sliceExpr") {
    // a.b, a.b(args), a?.b, -a, a[i], a[lo:hi]
    std::vector<Doc> parts;
    for (const auto& child : node.children) {
      if (child.kind == "args") {
        parts.push_back(Args(&child));
      } else if (child.IsToken() || child.kind == "ident") {
        parts.push_back(Print(child));
      } else {
        parts.push_back(Expr(child, inner));
      }
    }
    return Concat(std::move(parts));
  }
  if (kind == "withExpr") {
    return Concat({Expr(node.children[0], inner), Text(" "), Token(node.children[1]), Text(" "),
                   RecordBody(node.children[2])});
  }
  if (kind == "notExpr") return Concat({Token(node.children[0]), Text(" "), Expr(node.children[1], inner)});
  return Primary(node, context);
}

Doc Printer::Primary(const Node& node, ExprContext context) {
  const std::string& kind = node.kind;
  auto print = [this](const Node& child) { return Print(child); };
  if (kind == "fractionLit") {
    // 4/5 of cast
    return Concat({Token(node.children[0]), Token(node.children[1]), Token(node.children[2]), Text(" "),
                   Token(node.children[3]), Text(" "), Primary(node.children[4], context)});
  }
  if (kind == "listLit") {
    BodyStyle style;
    style.when = BodyStyle::Break::IfTooLong;
    style.comma_when_broken = true;
    style.trailing_comma = true;
    style.spaces_inside = false;
    style.keep_blank_lines = false;
    return Body(node, BodyItems(node, print), style);
  }
  if (kind == "recordLit") return Concat({Print(node.children[0]), Text(" "), RecordBody(node.children[1])});
  if (kind == "callExpr") {
    const Node* args = Child(node, "args");
    return Concat({Print(node.children[0]), Token(node.children[1]), Args(args), Token(node.children.back())});
  }
  if (kind == "matchExpr") {
    BodyStyle style;
    style.when = BodyStyle::Break::IfSourceBroken;
    style.comma_when_broken = true;
    style.trailing_comma = true;
    return Concat({Token(node.children[0]), Text(" "), Expr(node.children[1]), Text(" "),
                   Body(node, BodyItems(node, print), style)});
  }
  if (kind == "ifExpr") return IfChain(node, context);
  if (kind == "parenExpr") {
    // A chain broken inside parentheses lines up with its first operand.
    return Concat({Token(node.children[0]), Align(Expr(node.children[1], ExprContext{context.breakable, 0})),
                   Token(node.children[2])});
  }
  return Words(node);
}

Doc Printer::Chain(const Node& node, ExprContext context) {
  std::vector<const Node*> operands;
  std::vector<std::vector<const Node*>> operators;
  bool right_associative = node.kind == "andExpr";
  std::function<void(const Node&)> collect = [&](const Node& binary) {
    const Node& lhs = binary.children.front();
    const Node& rhs = binary.children.back();
    if (Flattens(binary.kind) && !right_associative && lhs.kind == binary.kind) {
      collect(lhs);
    } else {
      operands.push_back(&lhs);
    }
    operators.emplace_back();
    for (size_t i = 1; i + 1 < binary.children.size(); ++i) operators.back().push_back(&binary.children[i]);
    if (Flattens(binary.kind) && right_associative && rhs.kind == binary.kind) {
      collect(rhs);
    } else {
      operands.push_back(&rhs);
    }
  };
  collect(node);

  ExprContext inner{context.breakable, kIndent};
  std::vector<Doc> rest;
  for (size_t i = 1; i < operands.size(); ++i) {
    rest.push_back(context.breakable ? Line() : Text(" "));
    for (const Node* op : operators[i - 1]) {
      rest.push_back(Token(*op));
      rest.push_back(Text(" "));
    }
    rest.push_back(Expr(*operands[i], inner));
  }
  Doc first = Expr(*operands[0], inner);
  if (!context.breakable) return Concat({first, Concat(std::move(rest))});
  return Group(Concat({first, Nest(context.chain_indent, Concat(std::move(rest)))}));
}

Doc Printer::IfChain(const Node& node, ExprContext context) {
  // if C then A else if D then B else E: each `else` under the first `if`.
  ExprContext inner{context.breakable, kIndent};
  std::vector<Doc> parts;
  const Node* current = &node;
  while (true) {
    const auto& c = current->children;  // IF cond THEN value ELSE otherwise
    parts.push_back(Group(Concat({Token(c[0]), Text(" "), Expr(c[1], inner), Line(), Token(c[2]), Text(" "),
                                  Expr(c[3], inner)})));
    parts.push_back(Line());
    parts.push_back(Token(c[4]));
    parts.push_back(Text(" "));
    const Node& otherwise = c[5];
    if (otherwise.kind == "primaryExpr" && otherwise.children[0].kind == "ifExpr") {
      current = &otherwise.children[0];
      continue;
    }
    parts.push_back(Expr(otherwise, inner));
    break;
  }
  return Group(Align(Concat(std::move(parts))));
}

Doc Printer::Args(const Node* args) {
  if (!args) return Empty();
  ExprContext context{false, kIndent};
  std::vector<Doc> parts;
  for (size_t i = 0; i < args->children.size(); ++i) {
    const Node& child = args->children[i];
    if (IsLeaf(child, ",")) {
      if (i + 1 == args->children.size()) {
        parts.push_back(Skip(child));
      } else {
        parts.push_back(Token(child));
        parts.push_back(Text(" "));
      }
    } else if (child.kind == "lambdaArg") {
      parts.push_back(Concat({Print(child.children[0]), Text(" "), Token(child.children[1]), Text(" "),
                              Expr(child.children[2], context)}));
    } else {
      parts.push_back(Expr(child.children[0], context));
    }
  }
  return Concat(std::move(parts));
}

Doc Printer::RecordBody(const Node& body) {
  BodyStyle style;
  style.when = BodyStyle::Break::IfTooLong;
  style.comma_when_broken = true;
  style.keep_blank_lines = false;
  auto print = [this](const Node& child) { return Print(child); };
  return Body(body, BodyItems(body, print), style);
}

}  // namespace charter::format
