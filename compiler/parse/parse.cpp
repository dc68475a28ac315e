// Runs the ANTLR lexer and parser, turns their errors into diagnostics, and
// hands the parse tree to the AST builder.
#include "compiler/parse/parse.h"

#include <regex>

#include "CharterLexer.h"
#include "CharterParser.h"
#include "antlr4-runtime.h"
#include "compiler/parse/build_ast.h"

namespace charter {
namespace {

using charter_grammar::CharterLexer;
using charter_grammar::CharterParser;

// Rewrites ANTLR's messages ("mismatched input 'x' expecting {...}") into the
// shorter wording Charter uses everywhere.
std::string FriendlySyntaxMessage(const std::string& raw) {
  auto name_tokens = [](std::string text) {
    static const std::pair<const char*, const char*> kNames[] = {
        {"<EOF>", "end of file"}, {"IDENT", "a name"},    {"STRING", "a string"},
        {"INT", "a number"},      {"DECIMAL", "a number"}, {"PERCENT", "a percentage"}};
    for (auto [from, to] : kNames) {
      size_t at;
      while ((at = text.find(from)) != std::string::npos) text.replace(at, std::string(from).size(), to);
    }
    return text;
  };
  auto expected_part = [&](const std::string& expecting) -> std::string {
    size_t commas = std::count(expecting.begin(), expecting.end(), ',');
    if (commas >= 6) return "";
    std::string text = expecting;
    if (!text.empty() && text.front() == '{') text = text.substr(1, text.size() - 2);
    for (char& c : text) if (c == '\'') c = '`';
    return "; expected " + name_tokens(text);
  };
  auto quote = [&](std::string text) {
    if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'') text = text.substr(1, text.size() - 2);
    if (text == "<EOF>") return std::string("end of file");
    if (text.size() > 40) text = text.substr(0, 40) + "…";
    return "`" + text + "`";
  };
  std::smatch m;
  static const std::regex kMismatched(R"(^(?:mismatched|extraneous) input (.*) expecting (.*)$)");
  static const std::regex kMissing(R"(^missing (.*) at (.*)$)");
  static const std::regex kNoViable(R"(^no viable alternative at input (.*)$)");
  if (std::regex_match(raw, m, kMismatched)) return "unexpected " + quote(m[1]) + expected_part(m[2]);
  if (std::regex_match(raw, m, kMissing)) {
    std::string what = m[1];
    // A keyword-or-name set is long; the soft keywords are all names, so say that.
    if (std::count(what.begin(), what.end(), ',') >= 6) {
      what = what.find("IDENT") != std::string::npos ? "IDENT" : "a token";
    }
    for (char& c : what) if (c == '\'') c = '`';
    return "missing " + name_tokens(what) + " before " + quote(m[2]);
  }
  if (std::regex_match(raw, m, kNoViable)) {
    // ANTLR quotes the whole stretch it could not decide on.
    return "cannot parse " + quote(m[1]);
  }
  return raw;
}

class SyntaxErrorListener : public antlr4::BaseErrorListener {
 public:
  SyntaxErrorListener(const SourceFile& file, const OffsetMap& offsets, DiagnosticSink& diags)
      : file_(file), offsets_(offsets), diags_(diags) {}

  void syntaxError(antlr4::Recognizer*, antlr4::Token* offending, size_t line, size_t position,
                   const std::string& message, std::exception_ptr) override {
    if (offending && (offending->getType() == CharterLexer::ERROR_CHAR ||
                      offending->getType() == CharterLexer::UNTERMINATED_STRING)) {
      return;  // already reported by the token scan, with a better message
    }
    Span span;
    if (offending && offending->getType() != antlr4::Token::EOF) {
      span = offsets_.TokenSpan(offending);
    } else if (offending) {
      span = file_.SpanAt(static_cast<uint32_t>(file_.text().size()), 0);
    } else {
      span = file_.SpanAt(file_.OffsetOf(static_cast<uint32_t>(line), static_cast<uint32_t>(position + 1)), 1);
    }
    // One syntax error per line: ANTLR's recovery often reports the same break twice.
    if (span.line == last_line_) return;
    last_line_ = span.line;
    diags_.Report(DiagKind::SyntaxError, span, FriendlySyntaxMessage(message));
  }

 private:
  const SourceFile& file_;
  const OffsetMap& offsets_;
  DiagnosticSink& diags_;
  uint32_t last_line_ = 0;
};

void ReportBadTokens(antlr4::CommonTokenStream& tokens, const OffsetMap& offsets, DiagnosticSink& diags) {
  for (antlr4::Token* token : tokens.getTokens()) {
    if (token->getType() == CharterLexer::ERROR_CHAR) {
      diags.Report(DiagKind::InvalidCharacter, offsets.TokenSpan(token),
                   "unexpected character `" + token->getText() + "`");
    } else if (token->getType() == CharterLexer::UNTERMINATED_STRING) {
      diags.Report(DiagKind::InvalidLiteral, offsets.TokenSpan(token), "string is not closed before the end of the line")
          .fix = FixIt{offsets.TokenSpan(token), token->getText() + "\"", "close the string with `\"`"};
    }
  }
}

}  // namespace

OffsetMap::OffsetMap(const SourceFile& file, uint32_t base, std::string_view text) : file_(file), base_(base) {
  // ANTLR indexes code points; spans are bytes.
  for (uint32_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) byte_of_code_point_.push_back(i);
  }
  byte_of_code_point_.push_back(static_cast<uint32_t>(text.size()));
}

uint32_t OffsetMap::Byte(size_t code_point) const {
  if (code_point >= byte_of_code_point_.size()) return base_ + byte_of_code_point_.back();
  return base_ + byte_of_code_point_[code_point];
}

Span OffsetMap::TokenSpan(const antlr4::Token* token) const {
  if (!token || token->getType() == antlr4::Token::EOF) return file_.SpanAt(Byte(SIZE_MAX), 0);
  uint32_t begin = Byte(token->getStartIndex());
  uint32_t end = Byte(token->getStopIndex() + 1);
  return file_.SpanAt(begin, end > begin ? end - begin : 0);
}

Span OffsetMap::RangeSpan(const antlr4::Token* start, const antlr4::Token* stop) const {
  if (!start) return {};
  Span first = TokenSpan(start);
  if (!stop || stop->getTokenIndex() < start->getTokenIndex()) return first;
  return Cover(first, TokenSpan(stop));
}

// Byte offsets of invalid UTF-8 sequences; ANTLR's decoder throws on them.
std::vector<uint32_t> InvalidUtf8(std::string_view text) {
  std::vector<uint32_t> bad;
  for (size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
    bool ok = length > 0 && i + length <= text.size();
    for (size_t k = 1; ok && k < length; ++k) ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (ok && length == 2) ok = byte >= 0xC2;  // overlong
    if (!ok) {
      bad.push_back(static_cast<uint32_t>(i));
      ++i;
    } else {
      i += length;
    }
  }
  return bad;
}

// The text ANTLR sees: each invalid byte becomes `?`, so byte offsets stay aligned.
std::string Sanitized(std::string_view text) {
  std::string out(text);
  for (uint32_t at : InvalidUtf8(text)) out[at] = '?';
  return out;
}

struct ParsedText {
  antlr4::ANTLRInputStream input;
  CharterLexer lexer;
  antlr4::CommonTokenStream tokens;
  CharterParser parser;
  explicit ParsedText(std::string_view text)
      : input(Sanitized(text)), lexer(&input), tokens(&lexer), parser(&tokens) {
    lexer.removeErrorListeners();
    parser.removeErrorListeners();
  }
};

std::unique_ptr<ast::File> Parse(const SourceFile& file, DiagnosticSink& diags) {
  for (uint32_t at : InvalidUtf8(file.text())) {
    diags.Report(DiagKind::InvalidCharacter, file.SpanAt(at, 1), "the file is not valid UTF-8 here");
  }
  ParsedText parsed(file.text());
  OffsetMap offsets(file, 0, Sanitized(file.text()));
  SyntaxErrorListener listener(file, offsets, diags);
  parsed.lexer.addErrorListener(&listener);
  parsed.parser.addErrorListener(&listener);
  parsed.tokens.fill();
  ReportBadTokens(parsed.tokens, offsets, diags);
  CharterParser::FileContext* tree = parsed.parser.file();
  AstBuilder builder(file, offsets, parsed.tokens, diags);
  return builder.BuildFile(tree);
}

ast::ExprPtr ParseInterpolation(const SourceFile& file, uint32_t base, std::string_view text, DiagnosticSink& diags) {
  ParsedText parsed(text);
  OffsetMap offsets(file, base, Sanitized(text));
  SyntaxErrorListener listener(file, offsets, diags);
  parsed.lexer.addErrorListener(&listener);
  parsed.parser.addErrorListener(&listener);
  parsed.tokens.fill();
  ReportBadTokens(parsed.tokens, offsets, diags);
  CharterParser::ExprOnlyContext* tree = parsed.parser.exprOnly();
  AstBuilder builder(file, offsets, parsed.tokens, diags);
  return builder.BuildExpr(tree ? tree->expr() : nullptr);
}

}  // namespace charter
