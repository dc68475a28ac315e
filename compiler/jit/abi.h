// The calling convention between code the JIT generates and the host: every
// Charter value is one 16-byte Cell, and generated code talks to the host only
// through the JitContext and the extern "C" functions declared here.
#pragma once

#include <cstdint>
#include <iterator>

extern "C" {

/// One value. By static type:
///   bool, int, date, timestamp, duration (s), business days, enum member: a;
///   decimal and percent: a = numerator, b = denominator (> 0);
///   string: a = pointer to UTF-8 bytes, b = length;
///   list, set: a = pointer to b Cells; record, tally: a = pointer to its field Cells, b = count.
/// An optional that is none has b == kCellNone (no present value uses that b).
struct CharterCell {
  uint64_t a;
  uint64_t b;
};

/// Per-engine state the generated code reads and the runtime calls write.
struct CharterJitContext {
  int32_t failed;             // set by charter_rt_fail*: the event stops
  int32_t pad;
  const CharterCell* globals;  // constants, computed once
  void* host;                  // the engine (charter::jit::Runtime)
};

// ---- runtime calls made by generated code (compiler/jit/runtime_calls.cpp).
// Cells cross the boundary by pointer, so that no struct-passing ABI rule applies.
void charter_rt_fail(CharterJitContext* ctx, int32_t message, int32_t span);
void charter_rt_fail_int(CharterJitContext* ctx, int32_t what, int64_t x, int64_t y, int32_t span);
void charter_rt_fail_value(CharterJitContext* ctx, int32_t message, const CharterCell* value, int32_t type, int32_t span);
void charter_rt_emit(CharterJitContext* ctx, int32_t site, const CharterCell* message);
void charter_rt_set_value(CharterJitContext* ctx, int32_t value, const CharterCell* v);
void charter_rt_dec(CharterJitContext* ctx, int32_t op, const CharterCell* x, const CharterCell* y, int32_t span,
                    CharterCell* out);
int32_t charter_rt_dec_cmp(const CharterCell* x, const CharterCell* y);
int32_t charter_rt_str_cmp(const CharterCell* x, const CharterCell* y);
int32_t charter_rt_equal(CharterJitContext* ctx, const CharterCell* x, const CharterCell* y, int32_t type);
int32_t charter_rt_compare(CharterJitContext* ctx, const CharterCell* x, const CharterCell* y, int32_t type);
CharterCell* charter_rt_alloc(CharterJitContext* ctx, uint64_t cells);
void charter_rt_set(CharterJitContext* ctx, const CharterCell* list, int32_t element_type, CharterCell* out);
int32_t charter_rt_contains(CharterJitContext* ctx, const CharterCell* list, const CharterCell* x, int32_t element_type);
void charter_rt_str(CharterJitContext* ctx, int32_t op, const CharterCell* x, const CharterCell* y, int64_t imm,
                    int32_t span, CharterCell* out);
void charter_rt_seq(CharterJitContext* ctx, int32_t op, const CharterCell* x, const CharterCell* y,
                    const CharterCell* z, int32_t element_type, CharterCell* out);
void charter_rt_to_text(CharterJitContext* ctx, const CharterCell* v, int32_t type, CharterCell* out);
void charter_rt_concat(CharterJitContext* ctx, const CharterCell* parts, int64_t count, CharterCell* out);
int64_t charter_rt_calendar(CharterJitContext* ctx, int32_t op, int64_t x, int64_t y, int32_t span);

// ---- builtins (compiler/jit/builtin_calls.cpp): one per compiler/check/builtins.def entry, by its symbol.
#define BUILTIN(module, name, signature, symbol) \
  void symbol(CharterJitContext* ctx, const CharterCell* args, CharterCell* out);
#include "compiler/check/builtins.def"
#undef BUILTIN

}  // extern "C"

namespace charter::jit {

/// The C symbol of builtin `index` of compiler/check/builtins.def.
inline const char* BuiltinSymbol(int64_t index) {
  static constexpr const char* kSymbols[] = {
#define BUILTIN(module, name, signature, symbol) #symbol,
#include "compiler/check/builtins.def"
#undef BUILTIN
  };
  return index >= 0 && static_cast<size_t>(index) < std::size(kSymbols) ? kSymbols[index] : nullptr;
}

inline constexpr uint64_t kCellNone = ~uint64_t{0};

/// charter_rt_dec's operations.
enum class DecOp : int32_t { Add, Sub, Mul, Div, Sum };  // Sum: an addition inside `xs.sum(...)`
/// charter_rt_str's operations.
enum class StrOp : int32_t { Lower, Upper, Trim, Length, StartsWith, EndsWith, Contains, Matches, Split };
/// charter_rt_seq's operations: positions in lists and strings (runtime/builtins/sequence.h).
enum class SeqOp : int32_t { ListConcat, ListAt, ListSlice, IndexOf, StrJoin, StrAt, StrSlice, StrIndexOf };
/// charter_rt_calendar's operations.
enum class CalendarOp : int32_t { DateAddSeconds, DateAddBusinessDays, TimestampAdd, TimestampDiff };
/// charter_rt_fail_int's messages.
enum class IntFailure : int32_t { Add, Sub, Mul, Div, DivZero, Neg, Abs, Sum, Date, Timestamp, ToDecimal };

}  // namespace charter::jit
