// Runs the ANTLR lexer and parser, turns their errors into diagnostics, and
// hands the parse tree to the AST builder.
#include "compiler/parse/parse.h"

#include <optional>
#include <string_view>

#include "CharterLexer.h"
#include "CharterParser.h"
#include "antlr4-runtime.h"
#include "compiler/parse/build_ast.h"
#include "compiler/parse/chunks.h"
#include "compiler/parse/depth_limit.h"
#include "compiler/parse/disk_cache.h"
#include "compiler/parse/parse_cache.h"

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
    return "`" + Shortened(text) + "`";
  };
  // Plain prefix and separator searches, not std::regex: its matcher recurses
  // once per character and overflowed the stack on a 50,000-character token.
  auto starts = [&](std::string_view prefix) { return std::string_view(raw).substr(0, prefix.size()) == prefix; };
  for (std::string_view prefix : {"mismatched input ", "extraneous input "}) {
    size_t expecting = raw.rfind(" expecting ");
    if (starts(prefix) && expecting != std::string::npos && expecting >= prefix.size()) {
      return "unexpected " + quote(raw.substr(prefix.size(), expecting - prefix.size())) +
             expected_part(raw.substr(expecting + 11));
    }
  }
  // The expected set never holds " at " (its names are quoted), the token's text may.
  if (size_t at = raw.find(" at "); starts("missing ") && at != std::string::npos) {
    std::string what = raw.substr(8, at - 8);
    // A keyword-or-name set is long; the soft keywords are all names, so say that.
    if (std::count(what.begin(), what.end(), ',') >= 6) {
      what = what.find("IDENT") != std::string::npos ? "IDENT" : "a token";
    }
    for (char& c : what) if (c == '\'') c = '`';
    return "missing " + name_tokens(what) + " before " + quote(raw.substr(at + 4));
  }
  if (std::string_view prefix = "no viable alternative at input "; starts(prefix)) {
    // ANTLR quotes the whole stretch it could not decide on.
    return "cannot parse " + quote(raw.substr(prefix.size()));
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
    std::string friendly = FriendlySyntaxMessage(message);
    if (offending && offending->getType() != antlr4::Token::EOF) {
      span = offsets_.TokenSpan(offending);
    } else if (offending && next_declaration_) {
      // The piece ends where the next declaration begins: name that, as a
      // parse of the whole file would.
      span = *next_declaration_;
      std::string next = "`" + std::string(file_.text().substr(span.offset, span.length)) + "`";
      for (size_t at; (at = friendly.find("end of file")) != std::string::npos;) friendly.replace(at, 11, next);
    } else if (offending) {
      span = file_.SpanAt(offsets_.Byte(SIZE_MAX), 0);
    } else {
      span = file_.SpanAt(file_.OffsetOf(static_cast<uint32_t>(line), static_cast<uint32_t>(position + 1)), 1);
    }
    // One syntax error per line: ANTLR's recovery often reports the same break twice.
    if (span.line == last_line_) return;
    last_line_ = span.line;
    diags_.Report(DiagKind::SyntaxError, span, friendly);
  }

  /// The text parsed is one declaration; `next` is the first word of the one after it.
  void EndsBefore(Span next) { next_declaration_ = next; }

 private:
  const SourceFile& file_;
  const OffsetMap& offsets_;
  DiagnosticSink& diags_;
  uint32_t last_line_ = 0;
  std::optional<Span> next_declaration_;
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

std::string Shortened(std::string_view text, size_t limit) {
  if (text.size() <= limit) return std::string(text);
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
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

namespace {

struct ParsedText {
  antlr4::ANTLRInputStream input;
  CharterLexer lexer;
  antlr4::CommonTokenStream tokens;
  LimitedParser parser;
  explicit ParsedText(std::string_view sanitized)
      : input(sanitized.data(), sanitized.size()), lexer(&input), tokens(&lexer), parser(&tokens) {
    lexer.removeErrorListeners();
    parser.removeErrorListeners();
  }

  // Parses with `rule`; text nested deeper than kMaxNesting is reported
  // instead, and yields null.
  template <typename Context>
  Context* Run(Context* (CharterParser::*rule)(), antlr4::ANTLRErrorListener& listener, const OffsetMap& offsets,
               DiagnosticSink& diags) {
    std::optional<NestingTooDeep> deep = PrescanTooDeep(tokens);
    Context* tree = nullptr;
    try {
      if (!deep) tree = SllThenLl(rule, listener);
      if (!deep) deep = FindTooDeep(tree);
    } catch (const NestingTooDeep& thrown) {
      deep = thrown;
    }
    if (!deep) return tree;
    diags.Report(DiagKind::NestingTooDeep, offsets.TokenSpan(deep->token), TooDeepMessage(*deep));
    return nullptr;
  }

  // SLL prediction first, which is several times faster and decides every
  // valid input the same way; only text that fails it is parsed again with
  // full LL and error recovery, so syntax errors read as they always did.
  template <typename Context>
  Context* SllThenLl(Context* (CharterParser::*rule)(), antlr4::ANTLRErrorListener& listener) {
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    try {
      return (parser.*rule)();
    } catch (const antlr4::ParseCancellationException&) {
    }
    parser.reset();
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::LL);
    parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
    parser.addErrorListener(&listener);
    return (parser.*rule)();
  }
};

}  // namespace

std::unique_ptr<ast::File> ParseChunk(const SourceFile& file, const Chunk& chunk, std::string_view sanitized,
                                      const Chunk* next, DiagnosticSink& diags) {
  ParsedText parsed(sanitized);
  OffsetMap offsets(file, chunk.offset, sanitized);
  SyntaxErrorListener listener(file, offsets, diags);
  if (next) listener.EndsBefore(file.SpanAt(next->keyword_offset, next->keyword_length));
  parsed.lexer.addErrorListener(&listener);
  parsed.tokens.fill();
  ReportBadTokens(parsed.tokens, offsets, diags);
  AstBuilder builder(file, offsets, parsed.tokens, diags);
  if (chunk.head) {
    auto* tree = parsed.Run(&CharterParser::file, listener, offsets, diags);
    return tree ? builder.BuildFile(tree) : std::make_unique<ast::File>();
  }
  auto* tree = parsed.Run(&CharterParser::declarations, listener, offsets, diags);
  return tree ? builder.BuildDeclarations(tree) : std::make_unique<ast::File>();
}

namespace {

std::unique_ptr<ast::File> ParseText(const SourceFile& file, DiagnosticSink& diags, const ParseOptions& options) {
  for (uint32_t at : InvalidUtf8(file.text())) {
    diags.Report(DiagKind::InvalidCharacter, file.SpanAt(at, 1), "the file is not valid UTF-8 here");
  }
  std::string sanitized = Sanitized(file.text());
  std::vector<Chunk> chunks = SplitDeclarations(file.text());
  auto out = std::make_unique<ast::File>();
  out->id = file.id();
  for (size_t i = 0; i < chunks.size(); ++i) {
    const Chunk& chunk = chunks[i];
    if (chunk.test && options.skip_tests) continue;
    const Chunk* next = i + 1 < chunks.size() ? &chunks[i + 1] : nullptr;
    std::string_view piece = std::string_view(sanitized).substr(chunk.offset, chunk.length);
    std::unique_ptr<ast::File> part = options.cache ? options.cache->Get(file, chunk, piece, next, diags)
                                                    : ParseChunk(file, chunk, piece, next, diags);
    if (chunk.head) {
      out->role = part->role;
      out->name = std::move(part->name);
      out->header_span = part->header_span;
      out->imports = std::move(part->imports);
    }
    for (auto& decl : part->decls) {
      decl->file = file.id();
      out->decls.push_back(std::move(decl));
    }
  }
  return out;
}

}  // namespace

std::unique_ptr<ast::File> Parse(const SourceFile& file, DiagnosticSink& diags, const ParseOptions& options) {
  const std::string& dir = options.disk_cache_dir;
  if (!dir.empty()) {
    if (auto cached = LoadCachedParse(dir, file, options.skip_tests)) {
      if (options.disk_stats) ++options.disk_stats->read_back;
      return cached;
    }
  }
  size_t reported = diags.diagnostics().size();
  auto out = ParseText(file, diags, options);
  // A file with anything to report is parsed every time, so its diagnostics are never lost.
  if (!dir.empty() && diags.diagnostics().size() == reported) {
    StoreCachedParse(dir, file, options.skip_tests, *out);
    if (options.disk_stats) ++options.disk_stats->stored;
  }
  return out;
}

ast::ExprPtr ParseInterpolation(const SourceFile& file, uint32_t base, std::string_view text, DiagnosticSink& diags) {
  std::string sanitized = Sanitized(text);
  ParsedText parsed(sanitized);
  OffsetMap offsets(file, base, sanitized);
  SyntaxErrorListener listener(file, offsets, diags);
  parsed.lexer.addErrorListener(&listener);
  parsed.tokens.fill();
  ReportBadTokens(parsed.tokens, offsets, diags);
  CharterParser::ExprOnlyContext* tree = parsed.Run(&CharterParser::exprOnly, listener, offsets, diags);
  if (!tree) return std::make_unique<ast::ErrorExpr>(file.SpanAt(base, static_cast<uint32_t>(text.size())));
  AstBuilder builder(file, offsets, parsed.tokens, diags);
  return builder.BuildExpr(tree->expr());
}

}  // namespace charter
