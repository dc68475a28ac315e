// Charter's typed intermediate representation: the one input of both engines
// (the reference interpreter in compiler/eval and the LLVM JIT). Lowering
// (lower.cpp) resolves every name to a frame slot, global or function index,
// turns governance constructs (tier, quorum, vote, threshold, veto) into plain
// expressions and loops, and makes every conversion explicit (int → decimal,
// optional → value), so an engine never looks at the AST. See docs/ir.md.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compiler/base/rational.h"
#include "compiler/base/source.h"
#include "compiler/check/check.h"

namespace charter::ir {

enum class Op : uint8_t {
#define IR_OP(name, operands, meaning) name,
#include "compiler/ir/ops.def"
#undef IR_OP
};
const char* OpName(Op op);

enum class Cmp : uint8_t { Eq, Ne, Lt, Le, Gt, Ge };
const char* CmpSpelling(Cmp cmp);

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
  Op op;
  const Type* type;  // the result's type
  Span span;         // where evaluation errors are reported
  std::vector<ExprPtr> args;
  int64_t imm = 0;
  int32_t slot = -1;
  Cmp cmp = Cmp::Eq;
  Rational dec;
  std::string str;
  std::vector<int32_t> fields;  // With: the replaced fields; Switch: arm of each enum member
};

// ------------------------------------------------------------------ statements

enum class StmtOp : uint8_t {
  Let,       // slot = expr
  Require,   // when expr is false, add the reason of `site` (message: message)
  Emit,      // add the deny reason, warning or obligation of `site` unconditionally
  SetValue,  // output value `value` = expr
  If,        // the first branch whose condition holds, else `otherwise`
  ForEach,   // for each element of expr, bound to `slot`: body
};

struct Stmt;
using Block = std::vector<Stmt>;

struct Branch {
  ExprPtr cond;
  Block body;
};

struct Stmt {
  StmtOp op;
  Span span;
  ExprPtr expr;
  ExprPtr message;  // Require, Emit
  int32_t slot = -1;
  int32_t site = -1;
  int32_t value = -1;
  std::vector<Branch> branches;
  Block otherwise;  // If
  Block body;       // ForEach
};

// ------------------------------------------------------------------ module

enum class SiteKind : uint8_t { Reason, Warning, Obligation };

/// A statement that can add a reason, warning or obligation; `at` in decisions,
/// and the unit of `charter test --coverage`.
struct Site {
  SiteKind kind;
  std::string code;
  Span span;
  int32_t rule = -1;
};

/// A function frame: parameters in slots 0..params-1, then lets and lambda elements.
struct Function {
  std::string name;
  const ast::Decl* decl = nullptr;  // fn, quorum, vote or threshold
  std::vector<const Type*> params;
  const Type* result = nullptr;
  ExprPtr body;
  int32_t frame_size = 0;
};

/// A constant or a tier's table of rows, computed once per process.
struct Global {
  std::string name;
  const Type* type = nullptr;
  ExprPtr init;
  int32_t frame_size = 0;
};

/// A rule: `event` is slot 0.
struct Rule {
  std::string name;
  const ast::RuleDecl* decl = nullptr;
  int32_t event_kind = -1;
  ExprPtr guard;  // null: always runs
  Block body;
  int32_t frame_size = 1;
};

struct OutputValue {
  std::string name;
  const Type* type = nullptr;
};

struct EventKind {
  std::string json_kind;
  const ast::EventDecl* decl = nullptr;
  const Type* type = nullptr;
  std::vector<int32_t> rules;       // in evaluation order
  std::vector<OutputValue> values;  // SetValue's `value` indexes this
};

enum class ExpectKind : uint8_t { Allow, Deny, NotReason, Warn, NoWarn, Oblige, NoOblige, Value };

struct Expectation {
  ExpectKind kind;
  std::vector<std::string> codes;
  int32_t value = -1;  // Value: the output value
  ExprPtr expected;    // Value: evaluated in the test's frame
  Span span;
};

struct TestCase {
  std::string title;
  const ast::TestDecl* decl = nullptr;
  int32_t event_kind = -1;
  ExprPtr given;  // the event record
  std::vector<Expectation> expectations;
  int32_t frame_size = 0;
};

struct Module {
  const CheckedProgram* program = nullptr;
  std::vector<Function> functions;
  std::vector<Global> globals;
  std::vector<Rule> rules;
  std::vector<EventKind> events;
  std::vector<Site> sites;
  std::vector<std::string> regexes;  // literal patterns of StrMatches, by imm
  std::vector<TestCase> tests;

  /// The event kind with this JSON `kind`, or -1.
  int32_t FindEvent(const std::string& json_kind) const;
};

/// Lowers a checked program without errors. Rules and tests come from the
/// entry files (each event's rules in the order the files were given).
std::unique_ptr<Module> Lower(CheckedProgram& program);

/// A readable listing for `charter check --dump=ir` and the golden IR tests.
std::string Print(const Module& module);

}  // namespace charter::ir
