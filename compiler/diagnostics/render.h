// Renderers for diagnostics: terminal text with caret excerpts, and JSON.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "compiler/diagnostics/diagnostic.h"

namespace charter {

struct TextRenderOptions {
  bool color = false;
  bool excerpt = true;  // source line and caret under each location
};

/// `file:line:col: error[E0203]: message`, the source line, a caret, labels, notes, fix-it.
std::string RenderText(const Diagnostic& diag, const SourceManager& sources, const TextRenderOptions& options);

/// One-line form used by golden tests: `line:col: severity[code]: message (fix: replacement)`.
std::string RenderShort(const Diagnostic& diag);

/// A JSON object with code, severity, message, file, range (1-based), labels, notes and fix.
nlohmann::json RenderJson(const Diagnostic& diag, const SourceManager& sources);

}  // namespace charter
