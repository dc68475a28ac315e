// The extern "C" functions generated code calls (declared in abi.h). They
// reuse the interpreter's semantics (errors.h, calendar_ops.h, format.cpp) so
// that both engines decide and fail identically.
#include <cstring>

#include <fmt/format.h>

#include "compiler/eval/calendar_ops.h"
#include "compiler/eval/errors.h"
#include "compiler/jit/cell_ops.h"
#include "compiler/jit/runtime.h"
#include "runtime/builtins/builtins.h"

namespace charter::jit {

Runtime::Runtime(const ir::Module& m) : module(m), program(*m.program), regexes(m.regexes) { context.host = this; }

int32_t Runtime::TypeId(const Type* type) {
  auto [it, inserted] = type_ids.emplace(type, static_cast<int32_t>(tables.types.size()));
  if (inserted) tables.types.push_back(type);
  return it->second;
}

int32_t Runtime::MessageId(const std::string& message) {
  tables.messages.push_back(message);
  return static_cast<int32_t>(tables.messages.size() - 1);
}

int32_t Runtime::SpanId(Span span) {
  tables.spans.push_back(span);
  return static_cast<int32_t>(tables.spans.size() - 1);
}

void Runtime::BeginEvent(int32_t kind, eval::Decision& out) {
  arena.Reset();
  event = kind;
  values = &module.events[kind].values;  // `kind` was checked by the engine
  decision = &out;
  // Cleared, not rebuilt: a stream reuses one decision's vectors, and its findings' strings.
  constexpr size_t kMaxSpareFindings = 256;
  for (std::vector<eval::Finding>* findings : {&out.reasons, &out.warnings, &out.obligations}) {
    for (eval::Finding& finding : *findings) {
      if (spare_findings.size() < kMaxSpareFindings) spare_findings.push_back(std::move(finding));
    }
    findings->clear();
  }
  out.trace.clear();
  out.values.assign(values->size(), std::nullopt);
  error.reset();
  context.failed = 0;
}

void Runtime::Fail(std::string message, int32_t span) {
  if (context.failed) return;
  context.failed = 1;
  error = eval::EvalError{std::move(message), span >= 0 ? tables.spans.at(span) : Span{}};
}

}  // namespace charter::jit

using charter::Rational;
using charter::jit::kCellNone;
using charter::jit::Runtime;
namespace eval = charter::eval;

namespace {

Runtime& Host(CharterJitContext* ctx) { return *static_cast<Runtime*>(ctx->host); }
Rational Dec(CharterCell c) { return Rational{static_cast<int64_t>(c.a), static_cast<int64_t>(c.b)}; }
CharterCell Cell(const Rational& r) { return CharterCell{static_cast<uint64_t>(r.num), static_cast<uint64_t>(r.den)}; }
std::string_view Str(CharterCell c) { return {reinterpret_cast<const char*>(c.a), c.b}; }

CharterCell NewString(Runtime& host, std::string_view s) {
  char* bytes = host.arena.Bytes(s.size());
  std::memcpy(bytes, s.data(), s.size());
  return CharterCell{reinterpret_cast<uint64_t>(bytes), s.size()};
}

eval::Value ValueOf(Runtime& host, CharterCell cell, int32_t type) {
  return charter::jit::FromCell(cell, host.tables.types.at(type), host.program);
}

// String methods over cells; Matches and Split can fail the event.
CharterCell StrOp(CharterJitContext* ctx, int32_t op, CharterCell x, CharterCell y, int64_t imm, int32_t span) {
  namespace errors = charter::eval::errors;
  namespace rt = charter::runtime;
  using charter::jit::StrOp;
  Runtime& host = Host(ctx);
  std::string_view s = Str(x);
  switch (static_cast<StrOp>(op)) {
    case StrOp::Lower:
    case StrOp::Upper: {
      CharterCell out = NewString(host, s);
      char* bytes = reinterpret_cast<char*>(out.a);
      if (static_cast<StrOp>(op) == StrOp::Lower) {
        rt::AsciiLowerInPlace(bytes, s.size());
      } else {
        rt::AsciiUpperInPlace(bytes, s.size());
      }
      return out;
    }
    case StrOp::Trim: {
      std::string_view kept = rt::TrimSpace(s);  // a part of `s`, which outlives the event's use of it
      return CharterCell{reinterpret_cast<uint64_t>(kept.data()), kept.size()};
    }
    case StrOp::Length: return CharterCell{static_cast<uint64_t>(rt::CodePointCount(s)), 0};
    case StrOp::StartsWith: return CharterCell{s.starts_with(Str(y)) ? 1u : 0u, 0};
    case StrOp::EndsWith: return CharterCell{s.ends_with(Str(y)) ? 1u : 0u, 0};
    case StrOp::Contains: return CharterCell{s.find(Str(y)) != std::string_view::npos ? 1u : 0u, 0};
    case StrOp::Matches: {
      if (s.size() > errors::kMaxRegexInput) {
        host.Fail(errors::RegexInputTooLong(s.size()), span);
        return CharterCell{0, 0};
      }
      auto matched = host.regexes.Match(imm, Str(y), s);
      if (auto* error = std::get_if<std::string>(&matched)) {
        host.Fail(*error, span);
        return CharterCell{0, 0};
      }
      return CharterCell{std::get<bool>(matched) ? 1u : 0u, 0};
    }
    case StrOp::Split: {
      std::string_view sep = Str(y);
      if (sep.empty()) {
        host.Fail(errors::kEmptySeparator, span);
        return CharterCell{0, 0};
      }
      // Counted first, so the parts go straight into the arena.
      size_t count = 1;
      for (size_t at = s.find(sep); at != std::string_view::npos; at = s.find(sep, at + sep.size())) ++count;
      CharterCell* cells = host.arena.Cells(count);
      size_t start = 0;
      for (size_t i = 0; i + 1 < count; ++i) {
        size_t at = s.find(sep, start);
        cells[i] = CharterCell{reinterpret_cast<uint64_t>(s.data() + start), at - start};
        start = at + sep.size();
      }
      cells[count - 1] = CharterCell{reinterpret_cast<uint64_t>(s.data() + start), s.size() - start};
      return CharterCell{reinterpret_cast<uint64_t>(cells), count};
    }
  }
  return CharterCell{0, 0};
}

}  // namespace

extern "C" {

void charter_rt_fail(CharterJitContext* ctx, int32_t message, int32_t span) {
  Runtime& host = Host(ctx);
  host.Fail(host.tables.messages.at(message), span);
}

void charter_rt_fail_int(CharterJitContext* ctx, int32_t what, int64_t x, int64_t y, int32_t span) {
  namespace errors = charter::eval::errors;
  using charter::jit::IntFailure;
  std::string message;
  switch (static_cast<IntFailure>(what)) {
    case IntFailure::Add: message = errors::IntOverflow(x, "+", y); break;
    case IntFailure::Sub: message = errors::IntOverflow(x, "-", y); break;
    case IntFailure::Mul: message = errors::IntOverflow(x, "*", y); break;
    case IntFailure::Div: message = errors::kDivOverflow; break;
    case IntFailure::DivZero: message = errors::IntDivisionByZero(x); break;
    case IntFailure::Neg: message = errors::kNegOverflow; break;
    case IntFailure::Abs: message = errors::kAbsOverflow; break;
    case IntFailure::Sum: message = errors::kIntSumOverflow; break;
    case IntFailure::Date: message = errors::kDateRange; break;
    case IntFailure::Timestamp: message = errors::kTimestampRange; break;
    case IntFailure::ToDecimal: message = errors::kIntToDecOverflow; break;
  }
  Host(ctx).Fail(message, span);
}

void charter_rt_fail_value(CharterJitContext* ctx, int32_t message, const CharterCell* value, int32_t type,
                           int32_t span) {
  Runtime& host = Host(ctx);
  const charter::Type* t = host.tables.types.at(type);
  host.Fail(host.tables.messages.at(message) + " " + eval::ToText(ValueOf(host, *value, type), t, host.program), span);
}

void charter_rt_emit(CharterJitContext* ctx, int32_t site, const CharterCell* message) {
  Runtime& host = Host(ctx);
  const charter::ir::Site& s = host.module.sites.at(site);
  eval::Finding finding;
  if (!host.spare_findings.empty()) {
    finding = std::move(host.spare_findings.back());
    host.spare_findings.pop_back();
  }
  finding.site = site;
  finding.code.assign(s.code);
  finding.message.assign(Str(*message));
  finding.at = s.span;
  switch (s.kind) {
    case charter::ir::SiteKind::Reason: host.decision->reasons.push_back(std::move(finding)); break;
    case charter::ir::SiteKind::Warning: host.decision->warnings.push_back(std::move(finding)); break;
    case charter::ir::SiteKind::Obligation: host.decision->obligations.push_back(std::move(finding)); break;
  }
}

void charter_rt_set_value(CharterJitContext* ctx, int32_t value, const CharterCell* v) {
  Runtime& host = Host(ctx);
  // Read back at once: the arena does not outlive the event.
  host.decision->values[value] = charter::jit::FromCell(*v, (*host.values)[value].type, host.program);
}

void charter_rt_dec(CharterJitContext* ctx, int32_t op, const CharterCell* x, const CharterCell* y, int32_t span,
                    CharterCell* out) {
  namespace errors = charter::eval::errors;
  using charter::jit::DecOp;
  Rational a = Dec(*x), b = Dec(*y);
  std::optional<Rational> r;
  const char* what = "+";
  switch (static_cast<DecOp>(op)) {
    case DecOp::Add: r = a.Add(b); what = "+"; break;
    case DecOp::Sub: r = a.Sub(b); what = "-"; break;
    case DecOp::Mul: r = a.Mul(b); what = "*"; break;
    case DecOp::Div: r = a.Div(b); what = "/"; break;
    case DecOp::Sum: r = a.Add(b); break;
  }
  *out = r ? Cell(*r) : CharterCell{0, 1};
  if (r) return;
  if (static_cast<DecOp>(op) == DecOp::Div && b.num == 0) {
    Host(ctx).Fail(errors::DecDivisionByZero(a), span);
  } else if (static_cast<DecOp>(op) == DecOp::Sum) {
    Host(ctx).Fail(errors::kDecSumOverflow, span);
  } else {
    Host(ctx).Fail(errors::DecOverflow(a, what, b), span);
  }
}

int32_t charter_rt_dec_cmp(const CharterCell* x, const CharterCell* y) { return Dec(*x).Compare(Dec(*y)); }

int32_t charter_rt_str_cmp(const CharterCell* x, const CharterCell* y) {
  int c = Str(*x).compare(Str(*y));
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

int32_t charter_rt_equal(CharterJitContext* ctx, const CharterCell* x, const CharterCell* y, int32_t type) {
  Runtime& host = Host(ctx);
  return charter::jit::CellEqual(*x, *y, host.tables.types[type], host.program) ? 1 : 0;
}

int32_t charter_rt_compare(CharterJitContext* ctx, const CharterCell* x, const CharterCell* y, int32_t type) {
  return charter::jit::CellCompare(*x, *y, Host(ctx).tables.types[type]);
}

CharterCell* charter_rt_alloc(CharterJitContext* ctx, uint64_t cells) { return Host(ctx).arena.Cells(cells); }

void charter_rt_set(CharterJitContext* ctx, const CharterCell* list, int32_t element_type, CharterCell* out) {
  Runtime& host = Host(ctx);
  const auto* cells = reinterpret_cast<const CharterCell*>(list->a);
  CharterCell* unique = host.arena.Cells(list->b);
  uint64_t kept = 0;
  for (uint64_t i = 0; i < list->b; ++i) {
    bool seen = false;
    for (uint64_t k = 0; k < kept && !seen; ++k) seen = charter_rt_equal(ctx, &unique[k], &cells[i], element_type) != 0;
    if (!seen) unique[kept++] = cells[i];
  }
  *out = CharterCell{reinterpret_cast<uint64_t>(unique), kept};
}

int32_t charter_rt_contains(CharterJitContext* ctx, const CharterCell* list, const CharterCell* x, int32_t element_type) {
  const auto* cells = reinterpret_cast<const CharterCell*>(list->a);
  for (uint64_t i = 0; i < list->b; ++i) {
    if (charter_rt_equal(ctx, &cells[i], x, element_type)) return 1;
  }
  return 0;
}

void charter_rt_str(CharterJitContext* ctx, int32_t op, const CharterCell* x, const CharterCell* y, int64_t imm,
                    int32_t span, CharterCell* out) {
  *out = StrOp(ctx, op, *x, y ? *y : CharterCell{0, 0}, imm, span);
}

void charter_rt_to_text(CharterJitContext* ctx, const CharterCell* v, int32_t type, CharterCell* out) {
  Runtime& host = Host(ctx);
  using charter::TypeKind;
  const charter::Type* t = host.tables.types.at(type);
  // The common cases of a message's interpolations, without a Value or a std::string (eval::ToText's spellings).
  switch (t->kind) {
    case TypeKind::String: *out = *v; return;  // a string is its own text
    case TypeKind::Int: {
      fmt::format_int digits(static_cast<int64_t>(v->a));
      *out = NewString(host, std::string_view(digits.data(), digits.size()));
      return;
    }
    case TypeKind::Bool: *out = NewString(host, v->a ? "true" : "false"); return;
    default: break;
  }
  *out = NewString(host, eval::ToText(ValueOf(host, *v, type), t, host.program));
}

void charter_rt_concat(CharterJitContext* ctx, const CharterCell* parts, int64_t count, CharterCell* out) {
  uint64_t size = 0;
  for (int64_t i = 0; i < count; ++i) size += parts[i].b;
  char* bytes = Host(ctx).arena.Bytes(size);
  char* at = bytes;
  for (int64_t i = 0; i < count; ++i) {
    if (parts[i].b) std::memcpy(at, reinterpret_cast<const char*>(parts[i].a), parts[i].b);
    at += parts[i].b;
  }
  *out = CharterCell{reinterpret_cast<uint64_t>(bytes), size};
}

int64_t charter_rt_calendar(CharterJitContext* ctx, int32_t op, int64_t x, int64_t y, int32_t span) {
  namespace errors = charter::eval::errors;
  using charter::jit::CalendarOp;
  std::optional<int64_t> result;
  switch (static_cast<CalendarOp>(op)) {
    case CalendarOp::DateAddSeconds: result = eval::DateAddSeconds(x, y); break;
    case CalendarOp::DateAddBusinessDays: result = eval::DateAddBusinessDays(x, y); break;
    case CalendarOp::TimestampAdd: result = eval::TimestampAddSeconds(x, y); break;
    case CalendarOp::TimestampDiff: return eval::TimestampDiffSeconds(x, y);
  }
  if (result) return *result;
  Host(ctx).Fail(static_cast<CalendarOp>(op) == CalendarOp::TimestampAdd ? errors::kTimestampRange : errors::kDateRange,
                 span);
  return 0;
}

}  // extern "C"
