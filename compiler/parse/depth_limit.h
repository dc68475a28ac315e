// How deeply expressions, types and blocks may nest. Enforced while ANTLR
// parses, so that no recursive walk after it (the AST builder, the checker,
// the formatter, lowering, the parse-cache serializer, the language server)
// can run out of stack, whatever the input.
#pragma once

#include <optional>
#include <string>

#include "CharterParser.h"
#include "antlr4-runtime.h"
#include "compiler/parse/parse.h"

namespace charter {

/// Thrown by LimitedParser when a rule would nest deeper than kMaxNesting; the
/// parse is abandoned.
struct NestingTooDeep {
  antlr4::Token* token;  // where the offending level begins
  const char* what;      // "expression", "type" or "block"
};

/// The grammar's parser, refusing to recurse past kMaxNesting levels.
class LimitedParser : public charter_grammar::CharterParser {
 public:
  using CharterParser::CharterParser;
  void enterRule(antlr4::ParserRuleContext* ctx, size_t state, size_t rule) override;
  void enterRecursionRule(antlr4::ParserRuleContext* ctx, size_t state, size_t rule, int precedence) override;
};

/// The first subtree of `root` nested deeper than kMaxNesting, or nullopt. A
/// left-associative chain (`1 + 1 + …`, `x.f().f()…`) nests one level per
/// operator in the tree although the parser builds it in a loop, so a tree
/// LimitedParser accepted is walked once more (without recursion) here.
std::optional<NestingTooDeep> FindTooDeep(antlr4::ParserRuleContext* root);

/// Text certain to nest too deep, found on `tokens` before parsing: brackets
/// open more than kMaxNesting + 1 deep (a declaration's own `{` is not a
/// level), or a run of more than kMaxNesting fractions (`1/2 of 1/2 of … x`).
/// ANTLR's prediction looks far ahead in both (`f(f(f(…` took minutes), so
/// the parser's own check came too late.
std::optional<NestingTooDeep> PrescanTooDeep(antlr4::CommonTokenStream& tokens);

/// "expression nests deeper than 256 levels".
std::string TooDeepMessage(const NestingTooDeep& deep);

}  // namespace charter
