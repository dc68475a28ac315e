// Renderers for diagnostics: terminal text with caret excerpts, JSON, SARIF
// 2.1.0 and GitHub Actions workflow commands.
#pragma once

#include <string>
#include <vector>

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

/// A SARIF 2.1.0 log of one run (render_sarif.cpp): every registered code is a
/// rule, every diagnostic a result with its region, labels as related
/// locations and the fix-it as a fix.
nlohmann::ordered_json RenderSarif(const std::vector<Diagnostic>& diags, const SourceManager& sources);

/// One GitHub Actions annotation (render_github.cpp). Lines and columns as in
/// `Region`; an empty file or a zero line leaves the property out.
struct GithubAnnotation {
  std::string level = "error";  // error, warning or notice
  std::string file;
  uint32_t line = 0, column = 0, end_line = 0, end_column = 0;  // end_column inclusive, as GitHub reads it
  std::string title;
  std::string message;
};

/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message` and a newline,
/// with the escaping GitHub requires (`%`, CR, LF everywhere; `:` and `,` in properties).
std::string RenderGithub(const GithubAnnotation& annotation);

/// An annotation placed at `span` (no location when the span points nowhere).
GithubAnnotation GithubAnnotationAt(const Span& span, const SourceManager& sources);

/// A diagnostic as an annotation: the code and summary as title; labels, notes and fix-it join the message.
std::string RenderGithub(const Diagnostic& diag, const SourceManager& sources);

}  // namespace charter
