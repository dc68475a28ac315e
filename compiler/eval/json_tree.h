// A parsed JSON document that keeps what a DOM of doubles would lose: the raw
// text of every number (decimals stay exact) and the order of object keys.
// Parsing enforces the decoder's limits and rejects duplicate keys, so every
// problem is already an InputError with its JSON path.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "compiler/eval/decode.h"

namespace charter::eval {

struct JsonMember;

struct JsonValue {
  enum class Kind { Null, Bool, Number, String, Array, Object };
  Kind kind = Kind::Null;
  bool boolean = false;
  std::string text;                 // a number's raw text, or a string's content (valid UTF-8)
  std::vector<JsonValue> items;     // Array
  std::vector<JsonMember> members;  // Object, in document order, keys unique

  /// The member named `key`, or null.
  const JsonValue* Find(std::string_view key) const;
};

struct JsonMember {
  std::string key;
  JsonValue value;
};

/// Parses one JSON document within `limits` (size, depth); no exception escapes.
std::variant<JsonValue, InputError> ParseJson(std::string_view text, const DecodeLimits& limits);

/// `.name` for identifier keys, `["odd key"]` for any other.
std::string PathKey(std::string_view key);
/// `[3]`.
std::string PathIndex(size_t index);

/// `text` as a JSON string literal, quotes included.
std::string QuoteJson(std::string_view text);
/// Compact JSON text of `value`, cut after `max_chars` code points with "...".
std::string RenderJson(const JsonValue& value, size_t max_chars = 40);
/// `text` cut after `max_chars` code points with "...", never inside a code point.
std::string TruncateText(std::string_view text, size_t max_chars);

}  // namespace charter::eval
