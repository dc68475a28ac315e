// A message body → JSON, refusing nesting deep enough to exhaust the stack of
// nlohmann::json's recursive parser (and of everything that walks the value).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace charter::lsp {

/// Arrays and objects nested deeper than this are refused; LSP messages nest a dozen.
inline constexpr size_t kMaxJsonNesting = 512;

/// The parsed body, or nullopt with the reason in `error` (invalid JSON, or
/// nested deeper than kMaxJsonNesting, which is found before parsing).
std::optional<nlohmann::json> ParseMessage(const std::string& text, std::string& error);

}  // namespace charter::lsp
