// The JIT's side of compiler/check/builtins.def: one extern "C" function per
// builtin, named by its symbol there, taking and returning cells. Generated
// code calls them by that name (RuntimeSymbols in engine.cpp binds each), so a
// builtin costs a direct call to runtime/builtins, with no Values in between.
#include <cstring>

#include "compiler/jit/runtime.h"
#include "runtime/builtins/builtins.h"

namespace rt = charter::runtime;

namespace {

charter::jit::Runtime& Host(CharterJitContext* ctx) { return *static_cast<charter::jit::Runtime*>(ctx->host); }
std::string_view Text(const CharterCell& c) { return {reinterpret_cast<const char*>(c.a), c.b}; }
int32_t Day(const CharterCell& c) { return static_cast<int32_t>(static_cast<int64_t>(c.a)); }
CharterCell Int(int64_t v) { return CharterCell{static_cast<uint64_t>(v), 0}; }
CharterCell Bool(bool v) { return CharterCell{v ? 1u : 0u, 0}; }

// `s` lower-cased into the event's arena, or none.
CharterCell LowerText(CharterJitContext* ctx, std::optional<std::string_view> s) {
  if (!s) return CharterCell{0, charter::jit::kCellNone};
  char* bytes = Host(ctx).arena.Bytes(s->size());
  std::memcpy(bytes, s->data(), s->size());
  rt::AsciiLowerInPlace(bytes, s->size());
  return CharterCell{reinterpret_cast<uint64_t>(bytes), s->size()};
}

}  // namespace

extern "C" {

void charter_time_business_days_between(CharterJitContext*, const CharterCell* a, CharterCell* out) {
  *out = Int(rt::BusinessDaysBetween(Day(a[0]), Day(a[1])));
}
void charter_time_days_between(CharterJitContext*, const CharterCell* a, CharterCell* out) {
  *out = Int(rt::DaysBetween(Day(a[0]), Day(a[1])));
}
void charter_time_date_of(CharterJitContext*, const CharterCell* a, CharterCell* out) {
  *out = Int(rt::DateOf(static_cast<int64_t>(a[0].a)));
}
void charter_text_has_control_chars(CharterJitContext*, const CharterCell* a, CharterCell* out) {
  *out = Bool(rt::HasControlChars(Text(a[0])));
}
void charter_url_scheme(CharterJitContext* ctx, const CharterCell* a, CharterCell* out) {
  *out = LowerText(ctx, rt::UrlSchemeAsWritten(Text(a[0])));
}
void charter_url_host(CharterJitContext* ctx, const CharterCell* a, CharterCell* out) {
  *out = LowerText(ctx, rt::UrlHostAsWritten(Text(a[0])));
}
void charter_semver_valid(CharterJitContext*, const CharterCell* a, CharterCell* out) {
  *out = Bool(rt::SemverValid(Text(a[0])));
}
void charter_semver_compare(CharterJitContext*, const CharterCell* a, CharterCell* out) {
  *out = Int(rt::SemverOrder(Text(a[0]), Text(a[1])));
}

}  // extern "C"
