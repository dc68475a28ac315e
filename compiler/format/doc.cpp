// The renderer follows Wadler's "prettier printer" with Prettier's refinements:
// a group is flat when it and the rest of its line fit; hard lines force every
// enclosing group to break.
#include "compiler/format/doc.h"

#include <utility>

namespace charter::format {
namespace {

Doc Make(DocNode node) { return std::make_shared<const DocNode>(std::move(node)); }

Doc Wrap(DocNode::Kind kind, Doc child, int width = 0) {
  DocNode node;
  node.kind = kind;
  node.hard = child->hard;
  node.width = width;
  node.parts.push_back(std::move(child));
  return Make(std::move(node));
}

Doc MakeLine(std::string flat, bool hard, bool blank) {
  DocNode node;
  node.kind = DocNode::Kind::Line;
  node.text = std::move(flat);
  node.hard_line = hard;
  node.hard = hard;
  node.blank = blank;
  return Make(std::move(node));
}

enum class Mode { Flat, Break };

struct Command {
  int indent;
  Mode mode;
  const DocNode* doc;
};

class Renderer {
 public:
  explicit Renderer(int width) : width_(width) {}

  std::string Run(const Doc& root) {
    std::vector<Command> stack{{0, Mode::Break, root.get()}};
    while (!stack.empty()) {
      Command command = stack.back();
      stack.pop_back();
      const DocNode& doc = *command.doc;
      switch (doc.kind) {
        case DocNode::Kind::Text:
          Write(doc.text, doc.width);
          break;
        case DocNode::Kind::Concat:
          for (auto it = doc.parts.rbegin(); it != doc.parts.rend(); ++it) {
            stack.push_back({command.indent, command.mode, it->get()});
          }
          break;
        case DocNode::Kind::Nest:
          stack.push_back({command.indent + doc.width, command.mode, doc.parts[0].get()});
          break;
        case DocNode::Kind::Align:
          stack.push_back({Column(), command.mode, doc.parts[0].get()});
          break;
        case DocNode::Kind::Group: {
          // Flat inside a flat group; else flat when nothing inside must break and it fits.
          Mode mode = command.mode;
          if (mode == Mode::Break && !doc.hard && Fits(doc.parts[0].get(), stack, width_ - Column())) {
            mode = Mode::Flat;
          }
          stack.push_back({command.indent, mode, doc.parts[0].get()});
          break;
        }
        case DocNode::Kind::IfBreak:
          stack.push_back({command.indent, command.mode, doc.parts[command.mode == Mode::Break ? 0 : 1].get()});
          break;
        case DocNode::Kind::Line:
          if (command.mode == Mode::Flat && !doc.hard_line) {
            Write(doc.text, static_cast<int>(doc.text.size()));
          } else {
            Newline(command.indent, doc.blank);
          }
          break;
      }
    }
    Newline(0, false);
    return out_;
  }

 private:
  int Column() const { return at_line_start_ ? indent_ : column_; }

  void Write(const std::string& text, int width) {
    if (text.empty()) return;
    // A separating space never starts a line (a comment's line break came first).
    if (at_line_start_ && text.find_first_not_of(' ') == std::string::npos) return;
    if (at_line_start_) {
      out_.append(static_cast<size_t>(indent_), ' ');
      column_ = indent_;
      at_line_start_ = false;
    }
    out_ += text;
    size_t newline = text.rfind('\n');
    column_ = newline == std::string::npos ? column_ + width : DisplayWidth(text.substr(newline + 1));
  }

  // Never two line breaks in a row, and at most one empty line.
  void Newline(int indent, bool blank) {
    if (!at_line_start_) {
      while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\t')) out_.pop_back();
      out_ += '\n';
      at_line_start_ = true;
    }
    if (blank && !out_.empty() && !(out_.size() >= 2 && out_[out_.size() - 2] == '\n')) out_ += '\n';
    indent_ = indent;
  }

  // Does `doc`, flat, and the rest of the current line fit in `left` columns?
  bool Fits(const DocNode* doc, const std::vector<Command>& rest, int left) const {
    std::vector<std::pair<Mode, const DocNode*>> pending{{Mode::Flat, doc}};
    size_t next_rest = rest.size();
    while (left >= 0) {
      if (pending.empty()) {
        if (next_rest == 0) return true;
        const Command& command = rest[--next_rest];
        pending.push_back({command.mode, command.doc});
        continue;
      }
      auto [mode, node] = pending.back();
      pending.pop_back();
      switch (node->kind) {
        case DocNode::Kind::Text:
          left -= node->width;
          break;
        case DocNode::Kind::Concat:
          for (auto it = node->parts.rbegin(); it != node->parts.rend(); ++it) pending.push_back({mode, it->get()});
          break;
        case DocNode::Kind::Nest:
        case DocNode::Kind::Align:
          pending.push_back({mode, node->parts[0].get()});
          break;
        case DocNode::Kind::Group:
          pending.push_back({node->hard ? Mode::Break : mode, node->parts[0].get()});
          break;
        case DocNode::Kind::IfBreak:
          pending.push_back({mode, node->parts[mode == Mode::Break ? 0 : 1].get()});
          break;
        case DocNode::Kind::Line:
          if (mode == Mode::Break || node->hard_line) return true;
          left -= static_cast<int>(node->text.size());
          break;
      }
    }
    return false;
  }

  int width_;
  std::string out_;
  int column_ = 0;
  int indent_ = 0;
  bool at_line_start_ = true;
};

bool FlatText(const DocNode& doc, std::string& out) {
  switch (doc.kind) {
    case DocNode::Kind::Text:
      out += doc.text;
      return doc.text.find('\n') == std::string::npos;
    case DocNode::Kind::Line:
      out += doc.text;
      return !doc.hard_line;
    case DocNode::Kind::Concat:
      for (const auto& part : doc.parts) {
        if (!FlatText(*part, out)) return false;
      }
      return true;
    case DocNode::Kind::Nest:
    case DocNode::Kind::Align:
    case DocNode::Kind::Group:
      return FlatText(*doc.parts[0], out);
    case DocNode::Kind::IfBreak:
      return FlatText(*doc.parts[1], out);
  }
  return false;
}

}  // namespace

int DisplayWidth(const std::string& text) {
  int width = 0;
  for (char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return width;
}

Doc Text(std::string text) {
  DocNode node;
  node.kind = DocNode::Kind::Text;
  node.width = DisplayWidth(text);
  node.hard = text.find('\n') != std::string::npos;  // a multi-line block comment
  node.text = std::move(text);
  return Make(std::move(node));
}

Doc Line() { return MakeLine(" ", false, false); }
Doc SoftLine() { return MakeLine("", false, false); }
Doc BlankLine() { return MakeLine(" ", false, true); }
Doc HardLine() { return MakeLine("", true, false); }
Doc HardBlankLine() { return MakeLine("", true, true); }

Doc Concat(std::vector<Doc> parts) {
  DocNode node;
  node.kind = DocNode::Kind::Concat;
  for (const auto& part : parts) node.hard = node.hard || part->hard;
  node.parts = std::move(parts);
  return Make(std::move(node));
}

Doc Nest(int by, Doc doc) { return Wrap(DocNode::Kind::Nest, std::move(doc), by); }
Doc Align(Doc doc) { return Wrap(DocNode::Kind::Align, std::move(doc)); }
Doc Group(Doc doc) { return Wrap(DocNode::Kind::Group, std::move(doc)); }

Doc IfBreak(Doc broken, Doc flat) {
  DocNode node;
  node.kind = DocNode::Kind::IfBreak;
  node.hard = flat->hard;
  node.parts = {std::move(broken), std::move(flat)};
  return Make(std::move(node));
}

Doc Empty() { return Text(""); }

std::string Render(const Doc& doc, int width) { return Renderer(width).Run(doc); }

std::optional<std::string> RenderFlat(const Doc& doc) {
  std::string out;
  if (!FlatText(*doc, out)) return std::nullopt;
  return out;
}

}  // namespace charter::format
