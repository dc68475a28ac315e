// ANTLR parse tree → syntax::Tree. Parses once; only a file that does not
// parse is parsed again by Parse(), so that its diagnostics read exactly as
// `charter check` prints them.
#include "compiler/parse/syntax_tree.h"

#include <cxxabi.h>

#include <cctype>
#include <cstdlib>
#include <typeindex>
#include <unordered_map>

#include "CharterLexer.h"
#include "CharterParser.h"
#include "antlr4-runtime.h"
#include "compiler/parse/build_ast.h"
#include "compiler/parse/depth_limit.h"
#include "compiler/parse/parse.h"

namespace charter::syntax {
namespace {

using charter_grammar::CharterLexer;
using charter_grammar::CharterParser;

class CountingErrorListener : public antlr4::BaseErrorListener {
 public:
  void syntaxError(antlr4::Recognizer*, antlr4::Token*, size_t, size_t, const std::string&,
                   std::exception_ptr) override {
    ++errors;
  }
  size_t errors = 0;
};

// `charter_grammar::CharterParser::RequireStmtContext` → `requireStmt`. The
// generated class is the only place a labelled alternative's label survives,
// and reading it from the type keeps this file free of a copy of the grammar.
std::string KindOf(const antlr4::ParserRuleContext& ctx, const CharterParser& parser) {
  const char* mangled = typeid(ctx).name();
  int status = 0;
  char* demangled = abi::__cxa_demangle(mangled, nullptr, nullptr, &status);
  std::string name = status == 0 && demangled ? demangled : "";
  std::free(demangled);
  size_t colons = name.rfind("::");
  if (colons != std::string::npos) name = name.substr(colons + 2);
  const std::string suffix = "Context";
  if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
    name.resize(name.size() - suffix.size());
    name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
    return name;
  }
  return parser.getRuleNames().at(ctx.getRuleIndex());
}

class TreeBuilder {
 public:
  explicit TreeBuilder(const CharterParser& parser) : parser_(parser) {}

  Node Build(antlr4::tree::ParseTree* tree) {
    Node node;
    if (auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(tree)) {
      node.token = static_cast<int32_t>(terminal->getSymbol()->getTokenIndex());
      return node;
    }
    auto* ctx = static_cast<antlr4::ParserRuleContext*>(tree);
    auto [it, inserted] = kinds_.try_emplace(std::type_index(typeid(*ctx)));
    if (inserted) it->second = KindOf(*ctx, parser_);
    node.kind = it->second;
    node.children.reserve(ctx->children.size());
    for (auto* child : ctx->children) node.children.push_back(Build(child));
    return node;
  }

 private:
  const CharterParser& parser_;
  std::unordered_map<std::type_index, std::string> kinds_;
};

Channel ChannelOf(size_t channel) {
  if (channel == 2) return Channel::Doc;
  return channel == antlr4::Token::DEFAULT_CHANNEL ? Channel::Code : Channel::Comment;
}

std::string TokenKind(const antlr4::dfa::Vocabulary& vocabulary, size_t type) {
  if (type == antlr4::Token::EOF) return "EOF";
  std::string symbolic = vocabulary.getSymbolicName(type);
  if (!symbolic.empty() && symbolic.rfind("T__", 0) != 0) return symbolic;
  return vocabulary.getLiteralName(type);
}

// SLL first, as Parse() does: full LL looks through the whole rule stack at
// every decision that reaches the end of a rule, which made long chains
// (`a and b and …`) quadratic. SLL stops at any syntax error, so text it
// accepts has none; the rest is parsed again with LL, counting its errors.
CharterParser::FileContext* ParseFile(LimitedParser& parser, antlr4::CommonTokenStream& tokens,
                                      CountingErrorListener& listener) {
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    return parser.file();
  } catch (const antlr4::ParseCancellationException&) {
  }
  tokens.seek(0);
  parser.reset();
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::LL);
  parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
  parser.addErrorListener(&listener);
  return parser.file();
}

}  // namespace

std::optional<Tree> ParseTree(const SourceFile& file, DiagnosticSink& diags) {
  std::string text = Sanitized(file.text());
  antlr4::ANTLRInputStream input(text);
  CharterLexer lexer(&input);
  antlr4::CommonTokenStream tokens(&lexer);
  LimitedParser parser(&tokens);
  CountingErrorListener listener;
  lexer.removeErrorListeners();
  parser.removeErrorListeners();
  lexer.addErrorListener(&listener);
  tokens.fill();
  CharterParser::FileContext* root = nullptr;
  bool too_deep = PrescanTooDeep(tokens).has_value();
  try {
    if (!too_deep) root = ParseFile(parser, tokens, listener);
    too_deep = too_deep || FindTooDeep(root).has_value();
  } catch (const NestingTooDeep&) {
    too_deep = true;  // Parse() below says where
  }

  bool broken = too_deep || listener.errors > 0 || !InvalidUtf8(file.text()).empty();
  for (antlr4::Token* token : tokens.getTokens()) {
    size_t type = token->getType();
    if (type == CharterLexer::ERROR_CHAR || type == CharterLexer::UNTERMINATED_STRING) broken = true;
  }
  if (broken) {
    size_t before = diags.ErrorCount();
    Parse(file, diags);
    if (diags.ErrorCount() == before) diags.Report(DiagKind::SyntaxError, file.SpanAt(0, 0), "the file does not parse");
    return std::nullopt;
  }

  Tree tree;
  OffsetMap offsets(file, 0, text);
  const auto& vocabulary = lexer.getVocabulary();
  tree.tokens.reserve(tokens.size());
  for (antlr4::Token* token : tokens.getTokens()) {
    Token out;
    out.kind = TokenKind(vocabulary, token->getType());
    out.channel = ChannelOf(token->getChannel());
    out.span = offsets.TokenSpan(token);
    out.text = token->getType() == antlr4::Token::EOF ? "" : file.text().substr(out.span.offset, out.span.length);
    tree.tokens.push_back(std::move(out));
  }
  TreeBuilder builder(parser);
  tree.root = builder.Build(root);
  return tree;
}

}  // namespace charter::syntax
