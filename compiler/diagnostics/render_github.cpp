// `--format github`: GitHub Actions workflow commands, which the runner turns
// into annotations on the pull request's files.
#include <algorithm>

#include <fmt/format.h>

#include "compiler/diagnostics/region.h"
#include "compiler/diagnostics/render.h"

namespace charter {
namespace {

// The runner splits a command at `::`, its properties at `,` and `=`, and the
// whole at line ends, so these are percent-encoded (as @actions/core does).
std::string EscapeData(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string EscapeProperty(const std::string& text) {
  std::string out;
  for (char c : EscapeData(text)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

std::string Where(const Span& span, const SourceManager& sources) {
  if (!span.valid()) return "<unknown>";
  return fmt::format("{}:{}:{}", sources.Get(span.file).path(), span.line, span.column);
}

}  // namespace

std::string RenderGithub(const GithubAnnotation& a) {
  std::vector<std::string> properties;
  if (!a.file.empty()) properties.push_back("file=" + EscapeProperty(a.file));
  if (a.line > 0) {
    properties.push_back(fmt::format("line={}", a.line));
    if (a.column > 0) properties.push_back(fmt::format("col={}", a.column));
    if (a.end_line > 0) properties.push_back(fmt::format("endLine={}", a.end_line));
    if (a.end_column > 0) properties.push_back(fmt::format("endColumn={}", a.end_column));
  }
  if (!a.title.empty()) properties.push_back("title=" + EscapeProperty(a.title));
  return fmt::format("::{}{}{}::{}\n", a.level, properties.empty() ? "" : " ", fmt::join(properties, ","),
                     EscapeData(a.message));
}

GithubAnnotation GithubAnnotationAt(const Span& span, const SourceManager& sources) {
  GithubAnnotation a;
  auto region = RegionOf(span, sources);
  if (!region) return a;
  a.file = region->file;
  a.line = region->line;
  a.column = region->column;
  a.end_line = region->end_line;
  // GitHub's endColumn is the last column covered; a point stays a point.
  uint32_t last = region->end_column > 1 ? region->end_column - 1 : 1;
  a.end_column = region->end_line == region->line ? std::max(region->column, last) : last;
  return a;
}

std::string RenderGithub(const Diagnostic& diag, const SourceManager& sources) {
  GithubAnnotation a = GithubAnnotationAt(diag.span, sources);
  a.level = diag.severity == Severity::Error ? "error" : diag.severity == Severity::Warning ? "warning" : "notice";
  a.title = fmt::format("{}: {}", diag.code(), Info(diag.kind).summary);
  a.message = diag.message;
  for (const auto& label : diag.labels) a.message += fmt::format("\nnote: {} at {}", label.message, Where(label.span, sources));
  for (const auto& note : diag.notes) a.message += "\nnote: " + note;
  if (diag.fix) a.message += "\nhelp: " + diag.fix->message;
  return RenderGithub(a);
}

}  // namespace charter
