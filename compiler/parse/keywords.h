// Charter's keywords, from keywords.def.
#pragma once

#include <string_view>
#include <vector>

namespace charter {

enum class KeywordClass { Reserved, Contextual };

/// Where a keyword begins something, as flags: what completion offers where.
enum KeywordStarts : unsigned {
  StartsNothing = 0,
  StartsDecl = 1,      // a top-level declaration
  StartsStmt = 2,      // a statement of a rule
  StartsTestStmt = 4,  // a statement of a test
  StartsExpect = 8,    // what follows `expect`
  StartsExpr = 16,     // in an expression
};

struct Keyword {
  std::string_view token;     // the grammar's lexer rule: `POLICY`
  std::string_view spelling;  // `policy`
  KeywordClass cls;
  unsigned starts;            // KeywordStarts flags
};

/// Every keyword, in keywords.def order.
const std::vector<Keyword>& AllKeywords();
/// The spellings of the keywords that start `where` (one KeywordStarts flag), in table order.
std::vector<std::string_view> KeywordsStarting(KeywordStarts where);
/// Any keyword, reserved or contextual.
bool IsKeyword(std::string_view word);
/// A keyword that can never be a name (`if`, `and`, `none`, ...).
bool IsReservedKeyword(std::string_view word);

}  // namespace charter
