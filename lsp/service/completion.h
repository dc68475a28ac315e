// Completion and call context at a cursor. Works on half-typed text: the
// token context comes from the current text, the declarations from the
// newest analysis (and the newest one without syntax errors as a fallback).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lsp/service/analysis.h"

namespace charter::lsp {

struct Suggestion {
  enum class Kind { Keyword, Snippet, Function, Field, Variable, Constant, Module, Enum, EnumMember, Type, Event, Method, Value };
  std::string label;
  Kind kind = Kind::Keyword;
  std::string detail;
  std::string doc;
  std::string insert;  // empty: the label
  bool snippet = false;
};

/// The analyses completion may consult, newest first (either may be null).
struct Knowledge {
  std::shared_ptr<const Analysis> latest;
  std::shared_ptr<const Analysis> last_good;
};

std::vector<Suggestion> Complete(const std::string& text, uint32_t offset, const Knowledge& knowledge);

/// A call the cursor is inside: `name(` or `module.name(`, and the argument index.
struct CallSite {
  std::string object;  // the module alias or receiver text, when there is one
  std::string name;
  uint32_t argument = 0;
};
std::optional<CallSite> FindCall(const std::string& text, uint32_t offset);

}  // namespace charter::lsp
