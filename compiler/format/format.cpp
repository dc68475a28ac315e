#include "compiler/format/format.h"

#include "compiler/format/printer.h"
#include "compiler/parse/syntax_tree.h"

namespace charter::format {
namespace {

struct Mark {
  std::string text;
  uint32_t offset;
};

// What formatting must preserve: the code tokens, commas aside (some are
// optional), and the comments, trailing white space aside.
std::vector<Mark> Preserved(const syntax::Tree& tree) {
  std::vector<Mark> marks;
  for (const auto& token : tree.tokens) {
    if (token.channel == syntax::Channel::Code && token.text == ",") continue;
    std::string text = token.channel == syntax::Channel::Code ? token.text : WithoutTrailingSpace(token.text);
    marks.push_back({text, token.span.offset});
  }
  return marks;
}

}  // namespace

std::optional<std::string> FormatSource(const std::string& path, const std::string& text, DiagnosticSink& diags) {
  SourceManager sources;
  const SourceFile& file = sources.Add(path, text);
  auto tree = syntax::ParseTree(file, diags);
  if (!tree) return std::nullopt;
  Printer printer(*tree, text);
  std::string formatted = Render(printer.File(tree->root), kWidth);

  SourceManager check_sources;
  DiagnosticSink check_diags;
  auto again = syntax::ParseTree(check_sources.Add(path, formatted), check_diags);
  std::vector<Mark> before = Preserved(*tree);
  std::vector<Mark> after = again ? Preserved(*again) : std::vector<Mark>{};
  size_t same = 0;
  while (same < before.size() && same < after.size() && before[same].text == after[same].text) ++same;
  if (!again || same < before.size() || same < after.size()) {
    uint32_t at = same < before.size() ? before[same].offset : static_cast<uint32_t>(text.size());
    diags.Report(DiagKind::SyntaxError, file.SpanAt(at, 0),
                 "internal error: formatting would change the program here; the file is left as it is");
    return std::nullopt;
  }
  return formatted;
}

}  // namespace charter::format
