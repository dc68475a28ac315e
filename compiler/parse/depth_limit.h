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

/// A run of more than kMaxNesting fractions (`1/2 of 1/2 of … x`) in `tokens`,
/// found before parsing: ANTLR's prediction looks ahead through the whole run
/// at each of its levels, so such text took seconds to reach the limit.
std::optional<NestingTooDeep> FindLongFractionRun(antlr4::CommonTokenStream& tokens);

/// "expression nests deeper than 256 levels".
std::string TooDeepMessage(const NestingTooDeep& deep);

}  // namespace charter
