// `s.matches(re)`: Charter's one regular-expression engine, used by the
// checker (to validate literal patterns) and by both evaluation engines.
// PCRE2, compiled once per pattern and JIT-compiled to native code where
// PCRE2 supports it, matching bytes (docs/language.md, "Regular expressions").
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

struct pcre2_real_code_8;
struct pcre2_real_match_data_8;

namespace charter::runtime {

class Regex {
 public:
  /// The compiled pattern, or why it is invalid ("missing closing parenthesis at offset 3").
  static std::variant<Regex, std::string> Compile(std::string_view pattern);

  Regex(Regex&& other) noexcept;
  Regex& operator=(Regex&& other) noexcept;
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;
  ~Regex();

  /// Whether the whole of `text` matches; nullopt with `error` set when
  /// matching gave up (PCRE2's match or depth limit).
  std::optional<bool> FullMatch(std::string_view text, std::string& error) const;

 private:
  Regex(pcre2_real_code_8* code, pcre2_real_match_data_8* match) : code_(code), match_(match) {}
  pcre2_real_code_8* code_ = nullptr;
  pcre2_real_match_data_8* match_ = nullptr;  // scratch for one match at a time: a Regex is not shared between threads
};

/// An engine's patterns: the program's literals compiled up front (by index,
/// as the IR numbers them), and patterns computed per event compiled on first
/// use and kept, up to a bound, so a stream of distinct patterns runs in
/// constant memory.
class RegexTable {
 public:
  explicit RegexTable(const std::vector<std::string>& literals);

  /// Whether all of `text` matches literal `literal` (when >= 0) or else
  /// `pattern`; otherwise the evaluation error, worded for the user.
  std::variant<bool, std::string> Match(int64_t literal, std::string_view pattern, std::string_view text);

 private:
  static constexpr size_t kDynamicKept = 256;
  std::vector<std::variant<Regex, std::string>> literals_;
  std::map<std::string, std::variant<Regex, std::string>, std::less<>> dynamic_;
};

}  // namespace charter::runtime
