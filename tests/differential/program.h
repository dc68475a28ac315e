// A generated Charter program kept as a tree of declarations, rules and
// statements, so that the shrinker can drop pieces and render the rest.
#pragma once

#include <string>
#include <vector>

namespace charter::differential {

/// One statement; a block (`when`, `veto`) has a body and, for `when`, an
/// optional else body. A plain statement is its whole text in `head`.
struct Stmt {
  std::string head;
  bool block = false;
  std::vector<Stmt> body;
  std::vector<Stmt> else_body;
};

struct Rule {
  std::string name;
  std::string when;  // empty: the rule always runs
  std::vector<Stmt> body;
};

struct Program {
  std::vector<std::string> imports;
  std::vector<std::string> prelude;  // enums, records and the event: never shrunk
  std::vector<std::string> decls;    // consts, fns, quorum, vote, threshold: shrinkable
  std::vector<Rule> rules;
};

/// The program as Charter source text.
std::string Render(const Program& program);

/// Statements in the program, counting nested ones.
size_t StatementCount(const Program& program);

}  // namespace charter::differential
