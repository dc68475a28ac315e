// Counts nesting on the parse tree's parent chain as each rule is entered, and
// once more over the finished tree with an explicit stack.
#include "compiler/parse/depth_limit.h"

#include <utility>
#include <vector>

namespace charter {
namespace {

using charter_grammar::CharterParser;

// Rule invocations per level: the longest cycle of the grammar (expr → primary
// → recordBody → fieldInit → expr) has four, and declarations add a few.
constexpr int kMaxRuleDepth = 8 * kMaxNesting;

size_t RuleOf(antlr4::tree::ParseTree* node) {
  auto* ctx = dynamic_cast<antlr4::ParserRuleContext*>(node);
  return ctx ? ctx->getRuleIndex() : SIZE_MAX;
}

// Every cycle of the grammar passes through one of these, so bounding them
// bounds the tree. `primary` counts only inside a fraction (`1/2 of 1/2 of x`),
// its one cycle that has no `expr`.
const char* LevelOf(antlr4::ParserRuleContext* ctx) {
  switch (ctx->getRuleIndex()) {
    case CharterParser::RuleExpr: return "expression";
    case CharterParser::RuleType: return "type";
    case CharterParser::RuleBlock: return "block";
    case CharterParser::RulePrimary:
      return RuleOf(ctx->parent) == CharterParser::RulePrimary ? "expression" : nullptr;
    default: return nullptr;
  }
}

// Throws when `ctx`, about to be entered below its parent chain, is one level too deep.
void CheckEntry(antlr4::ParserRuleContext* ctx, antlr4::Token* current) {
  int rules = 0;
  for (antlr4::tree::ParseTree* at = ctx; at; at = at->parent) ++rules;
  // Real files nest a few dozen rules; only deep ones pay for the finer count.
  if (rules <= kMaxNesting) return;
  const char* what = LevelOf(ctx);
  int levels = 0;
  for (antlr4::tree::ParseTree* at = ctx; at; at = at->parent) {
    if (LevelOf(static_cast<antlr4::ParserRuleContext*>(at))) ++levels;
  }
  if (levels > kMaxNesting || rules > kMaxRuleDepth) throw NestingTooDeep{current, what ? what : "expression"};
}

}  // namespace

void LimitedParser::enterRule(antlr4::ParserRuleContext* ctx, size_t state, size_t rule) {
  CheckEntry(ctx, getCurrentToken());
  CharterParser::enterRule(ctx, state, rule);
}

void LimitedParser::enterRecursionRule(antlr4::ParserRuleContext* ctx, size_t state, size_t rule, int precedence) {
  CheckEntry(ctx, getCurrentToken());
  CharterParser::enterRecursionRule(ctx, state, rule, precedence);
}

std::optional<NestingTooDeep> FindTooDeep(antlr4::ParserRuleContext* root) {
  if (!root) return std::nullopt;
  std::vector<std::pair<antlr4::ParserRuleContext*, int>> pending{{root, 0}};
  while (!pending.empty()) {
    auto [ctx, above] = pending.back();
    pending.pop_back();
    const char* what = LevelOf(ctx);
    int levels = above + (what ? 1 : 0);
    if (levels > kMaxNesting) return NestingTooDeep{ctx->getStart(), what};
    for (auto it = ctx->children.rbegin(); it != ctx->children.rend(); ++it) {
      if (auto* child = dynamic_cast<antlr4::ParserRuleContext*>(*it)) pending.push_back({child, levels});
    }
  }
  return std::nullopt;
}

std::optional<NestingTooDeep> PrescanTooDeep(antlr4::CommonTokenStream& tokens) {
  std::vector<antlr4::Token*> code;
  for (antlr4::Token* token : tokens.getTokens()) {
    if (token->getChannel() == antlr4::Token::DEFAULT_CHANNEL) code.push_back(token);
  }
  int brackets = 0;
  for (antlr4::Token* token : code) {
    std::string text = token->getText();
    if (text == "(" || text == "[" || text == "{") {
      if (++brackets > kMaxNesting + 1) return NestingTooDeep{token, "expression"};
    } else if ((text == ")" || text == "]" || text == "}") && brackets > 0) {
      --brackets;
    }
  }
  // Fraction k of a run is level k: the first is its expression's own level.
  int run = 0;
  for (size_t i = 0; i + 3 < code.size();) {
    bool head = code[i]->getType() == CharterParser::INT && code[i + 1]->getText() == "/" &&
                code[i + 2]->getType() == CharterParser::INT && code[i + 3]->getType() == CharterParser::OF;
    if (!head) {
      run = 0;
      ++i;
      continue;
    }
    if (++run > kMaxNesting) return NestingTooDeep{code[i], "expression"};
    i += 4;
  }
  return std::nullopt;
}

std::string TooDeepMessage(const NestingTooDeep& deep) {
  return std::string(deep.what) + " nests deeper than " + std::to_string(kMaxNesting) + " levels";
}

}  // namespace charter
