// The host side of generated code: tables the code refers to by index (types,
// messages, spans, regexes), the event's arena, and the decision being built.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "compiler/eval/interpreter.h"
#include "compiler/ir/ir.h"
#include "compiler/jit/abi.h"
#include "compiler/jit/host/cells.h"
#include "compiler/jit/host/tables.h"
#include "runtime/builtins/regex.h"

namespace charter::jit {

struct Runtime {
  explicit Runtime(const ir::Module& module);

  /// Index of `type` in `tables.types` (codegen registers every type it needs).
  int32_t TypeId(const Type* type);
  int32_t MessageId(const std::string& message);
  int32_t SpanId(Span span);

  /// Starts event kind `event`, whose decision is built into `out` (its storage reused).
  void BeginEvent(int32_t event, eval::Decision& out);
  void Fail(std::string message, int32_t span);

  const ir::Module& module;
  const CheckedProgram& program;
  CharterJitContext context{};
  RuntimeTables tables;  // filled by the lowering, or read back from the object cache
  std::map<const Type*, int32_t> type_ids;  // the lowering's index of tables.types
  runtime::RegexTable regexes;  // literals compiled once
  Arena arena;          // one event's values
  Arena global_arena;   // the module's constants
  std::vector<CharterCell> globals;

  // The decision being built, for the event kind `event`.
  int32_t event = -1;
  const std::vector<ir::OutputValue>* values = nullptr;  // the event kind's
  eval::Decision* decision = nullptr;
  std::optional<eval::EvalError> error;
  // Findings of earlier decisions, kept for their strings' storage: a stream of denies allocates nothing.
  std::vector<eval::Finding> spare_findings;
};

}  // namespace charter::jit
