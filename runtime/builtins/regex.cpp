#include "runtime/builtins/regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace charter::runtime {

namespace {

std::string ErrorText(int code) {
  PCRE2_UCHAR buffer[256];
  int length = pcre2_get_error_message(code, buffer, sizeof buffer);
  return length < 0 ? "error " + std::to_string(code) : std::string(reinterpret_cast<char*>(buffer), length);
}

// PCRE2's native code keeps its backtracking frames on a stack of its own,
// 32 KiB by default: too small for `(a|b)+` over a text of 4096 bytes.
struct MatchScratch {
  pcre2_jit_stack* stack = pcre2_jit_stack_create(64 * 1024, 16 * 1024 * 1024, nullptr);
  pcre2_match_context* context = pcre2_match_context_create(nullptr);
  MatchScratch() { pcre2_jit_stack_assign(context, nullptr, stack); }
  ~MatchScratch() {
    pcre2_match_context_free(context);
    pcre2_jit_stack_free(stack);
  }
};

pcre2_match_context* MatchContext() {
  thread_local MatchScratch scratch;
  return scratch.context;
}

}  // namespace

std::variant<Regex, std::string> Regex::Compile(std::string_view pattern) {
  // Whole-string matching, `$` only at the very end, `.` matching neither CR
  // nor LF, `\u`/`\x` escapes as in ECMAScript; bytes, not UTF-8.
  uint32_t options = PCRE2_ANCHORED | PCRE2_ENDANCHORED | PCRE2_DOLLAR_ENDONLY | PCRE2_ALT_BSUX |
                     PCRE2_NEVER_BACKSLASH_C | PCRE2_NEVER_UTF | PCRE2_NEVER_UCP;
  pcre2_compile_context* context = pcre2_compile_context_create(nullptr);
  pcre2_set_newline(context, PCRE2_NEWLINE_ANYCRLF);
  pcre2_set_compile_extra_options(context, PCRE2_EXTRA_ALT_BSUX);
  int error = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options, &error,
                                   &offset, context);
  pcre2_compile_context_free(context);
  if (!code) return ErrorText(error) + " at offset " + std::to_string(offset);
  pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);  // where the JIT is unavailable, the interpreter of PCRE2 matches
  return Regex(code, pcre2_match_data_create(1, nullptr));
}

Regex::Regex(Regex&& other) noexcept : code_(other.code_), match_(other.match_) {
  other.code_ = nullptr;
  other.match_ = nullptr;
}

Regex& Regex::operator=(Regex&& other) noexcept {
  std::swap(code_, other.code_);
  std::swap(match_, other.match_);
  return *this;
}

Regex::~Regex() {
  pcre2_match_data_free(match_);
  pcre2_code_free(code_);
}

std::optional<bool> Regex::FullMatch(std::string_view text, std::string& error) const {
  int result = pcre2_match(code_, reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(), 0, 0, match_, MatchContext());
  if (result >= 0) return true;
  if (result == PCRE2_ERROR_NOMATCH) return false;
  error = ErrorText(result);
  return std::nullopt;
}

RegexTable::RegexTable(const std::vector<std::string>& literals) {
  literals_.reserve(literals.size());
  for (const std::string& pattern : literals) literals_.push_back(Regex::Compile(pattern));
}

std::variant<bool, std::string> RegexTable::Match(int64_t literal, std::string_view pattern, std::string_view text) {
  const std::variant<Regex, std::string>* compiled = nullptr;
  if (literal >= 0 && static_cast<size_t>(literal) < literals_.size()) {
    compiled = &literals_[literal];
  } else {
    auto it = dynamic_.find(pattern);
    if (it == dynamic_.end()) {
      if (dynamic_.size() >= kDynamicKept) dynamic_.clear();
      it = dynamic_.emplace(std::string(pattern), Regex::Compile(pattern)).first;
    }
    compiled = &it->second;
  }
  if (const auto* invalid = std::get_if<std::string>(compiled)) {
    return "invalid regular expression \"" + std::string(pattern) + "\": " + *invalid;
  }
  std::string error;
  if (auto matched = std::get<Regex>(*compiled).FullMatch(text, error)) return *matched;
  return "regular expression failed: " + error;
}

}  // namespace charter::runtime
