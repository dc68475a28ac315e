// One pass over the text counting brackets outside strings, then the parse.
#include "lsp/transport/parse_message.h"

namespace charter::lsp {
namespace {

bool NestsTooDeep(const std::string& text) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonNesting) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

}  // namespace

std::optional<nlohmann::json> ParseMessage(const std::string& text, std::string& error) {
  if (NestsTooDeep(text)) {
    error = "arrays and objects nest deeper than " + std::to_string(kMaxJsonNesting) + " levels";
    return std::nullopt;
  }
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    error = e.what();
    return std::nullopt;
  }
}

}  // namespace charter::lsp
