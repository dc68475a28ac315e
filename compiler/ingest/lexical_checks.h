// Lexical checks the fast decoder makes itself, where simdjson On Demand is
// more lenient than nlohmann/json (which eval::EventDecoder uses): unescaped
// control bytes, bad escapes and lone surrogates in strings, number syntax,
// and numbers a double cannot hold. Failing one only sends the document to
// the slow decoder, so each check may refuse more than nlohmann does, never less.
#pragma once

#include <string_view>

namespace charter::ingest {

/// True when `text` holds no backslash and no control byte: then every string
/// in it is its raw bytes between quotes, and strings pass HasStrictStrings.
bool IsPlainText(std::string_view text);

/// False when a string in `text` holds a control byte, a bad escape or a lone
/// surrogate escape, or when `text` holds a NUL or a control byte outside strings
/// that is not JSON whitespace.
bool HasStrictStrings(std::string_view text);

/// A JSON number literal that nlohmann reads as a finite double.
bool IsStrictNumber(std::string_view token);

/// `token` without the whitespace that follows it in the document.
std::string_view TrimToken(std::string_view token);

}  // namespace charter::ingest
