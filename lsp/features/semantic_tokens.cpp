// textDocument/semanticTokens/full: keywords, literals and comments from the
// editor lexer; names classified by what they resolve to in the symbol index.
#include <map>

#include "lsp/features/convert.h"
#include "lsp/features/features.h"
#include "lsp/service/lexer.h"

namespace charter::lsp {

namespace {

enum TokenType { kNamespace, kType, kEnum, kEnumMember, kProperty, kFunction, kVariable, kParameter, kKeyword,
                 kString, kNumber, kComment, kOperator };

int Classify(const Occurrence& o) {
  if (o.alias) return kKeyword;
  switch (o.target.kind) {
    case SymKind::Decl:
      switch (o.target.decl->kind) {
        case ast::DeclKind::Enum:
        case ast::DeclKind::Tier: return kEnum;
        case ast::DeclKind::Record:
        case ast::DeclKind::Event: return kType;
        case ast::DeclKind::Const: return kVariable;
        default: return kFunction;
      }
    case SymKind::EnumMember: return kEnumMember;
    case SymKind::Field:
    case SymKind::Value: return kProperty;
    case SymKind::Local: return kParameter;
    case SymKind::Module: return kNamespace;
    case SymKind::Builtin:
    case SymKind::Method: return kFunction;
    case SymKind::ReasonCode: return kString;
  }
  return kVariable;
}

class Encoder {
 public:
  Encoder(std::string_view text, const LineIndex& lines) : text_(text), lines_(lines) {}

  // Adds a token; one that spans lines is split at line ends.
  void Add(uint32_t offset, uint32_t length, int type, int modifiers = 0) {
    if (length == 0 || offset < last_end_) return;  // never overlap
    uint32_t end = offset + length;
    while (offset < end) {
      Position start = lines_.ToPosition(offset);
      uint32_t line_end = std::min(end, lines_.LineEnd(start.line));
      if (line_end > offset) {
        uint32_t units = Utf16Length(text_.substr(offset, line_end - offset));
        uint32_t delta_line = start.line - prev_line_;
        uint32_t delta_char = delta_line == 0 ? start.character - prev_char_ : start.character;
        data_.insert(data_.end(), {delta_line, delta_char, units, static_cast<uint32_t>(type), static_cast<uint32_t>(modifiers)});
        prev_line_ = start.line;
        prev_char_ = start.character;
      }
      if (start.line + 1 >= lines_.LineCount()) break;
      offset = lines_.LineStart(start.line + 1);
    }
    last_end_ = end;
  }
  std::vector<uint32_t> Take() { return std::move(data_); }

 private:
  std::string_view text_;
  const LineIndex& lines_;
  std::vector<uint32_t> data_;
  uint32_t prev_line_ = 0, prev_char_ = 0, last_end_ = 0;
};

}  // namespace

const std::vector<std::string>& SemanticTokenTypes() {
  static const std::vector<std::string> kTypes = {"namespace", "type", "enum", "enumMember", "property", "function", "variable",
                                                  "parameter", "keyword", "string", "number", "comment", "operator"};
  return kTypes;
}

void RegisterSemanticTokens(MethodTable& table, Workspace&) {
  table.Analysed<UriParams>(
      "textDocument/semanticTokens/full", [](const UriParams&, const Document&, const Analysis& analysis) -> Result {
        const std::string& text = analysis.text;
        const LineIndex* lines = analysis.Lines(analysis.entry);
        if (!lines) return nlohmann::json{{"data", nlohmann::json::array()}};
        std::map<uint32_t, const Occurrence*> names;  // entry-file occurrences by offset
        for (const auto& o : analysis.index.all()) {
          if (o.span.file == analysis.entry && o.target.kind != SymKind::ReasonCode) names.emplace(o.span.offset, &o);
        }
        Encoder out(text, *lines);
        auto name_token = [&](const Token& t) {
          auto it = names.find(t.offset);
          if (it != names.end() && it->second->span.length == t.length) {
            out.Add(t.offset, t.length, Classify(*it->second), it->second->definition ? 1 : 0);
          } else if (t.kind == TokenKind::Keyword) {
            out.Add(t.offset, t.length, kKeyword);
          }
        };
        for (const Token& t : Lex(text)) {
          switch (t.kind) {
            case TokenKind::Ident:
            case TokenKind::Keyword: name_token(t); break;
            case TokenKind::Number: out.Add(t.offset, t.length, kNumber); break;
            case TokenKind::Comment:
            case TokenKind::DocComment: out.Add(t.offset, t.length, kComment); break;
            case TokenKind::RawString: out.Add(t.offset, t.length, kString); break;
            case TokenKind::String: {
              // String pieces around `{interpolations}`, whose names are classified.
              uint32_t piece = t.offset;
              for (uint32_t i = t.offset + 1; i < t.end(); ++i) {
                char c = text[i];
                if (c == '\\') {
                  ++i;
                } else if (c == '{') {
                  out.Add(piece, i - piece, kString);
                  uint32_t close = i;
                  while (close < t.end() && text[close] != '}') ++close;
                  for (const Token& inner : Lex(std::string_view(text).substr(i + 1, close - i - 1))) {
                    Token shifted = inner;
                    shifted.offset += i + 1;
                    if (inner.kind == TokenKind::Ident || inner.kind == TokenKind::Keyword) name_token(shifted);
                    if (inner.kind == TokenKind::Number) out.Add(shifted.offset, shifted.length, kNumber);
                  }
                  piece = close;
                  i = close;
                }
              }
              out.Add(piece, t.end() - piece, kString);
              break;
            }
            default: break;
          }
        }
        return nlohmann::json{{"data", out.Take()}};
      });
}

}  // namespace charter::lsp
