#include "compiler/diagnostics/render.h"

#include <algorithm>

#include <fmt/format.h>

namespace charter {
namespace {

struct Palette {
  const char* bold = "";
  const char* red = "";
  const char* yellow = "";
  const char* cyan = "";
  const char* green = "";
  const char* reset = "";
};

Palette MakePalette(bool color) {
  if (!color) return {};
  return {"\x1b[1m", "\x1b[1;31m", "\x1b[1;33m", "\x1b[1;36m", "\x1b[1;32m", "\x1b[0m"};
}

const char* SeverityColor(Severity severity, const Palette& p) {
  switch (severity) {
    case Severity::Error: return p.red;
    case Severity::Warning: return p.yellow;
    case Severity::Note: return p.cyan;
  }
  return p.red;
}

std::string Location(const Span& span, const SourceManager& sources) {
  if (!span.valid()) return "<unknown>";
  return fmt::format("{}:{}:{}", sources.Get(span.file).path(), span.line, span.column);
}

// The source line with a caret run under the span (clipped to the first line).
void AppendExcerpt(std::string& out, const Span& span, const SourceManager& sources, const char* marker_color,
                   const std::string& label, const Palette& p) {
  if (!span.valid()) return;
  const SourceFile& file = sources.Get(span.file);
  std::string_view line = file.Line(span.line);
  std::string gutter = std::to_string(span.line);
  std::string pad(gutter.size(), ' ');
  out += fmt::format("{}{} |{}\n", p.cyan, pad, p.reset);
  out += fmt::format("{}{} |{} {}\n", p.cyan, gutter, p.reset, line);
  size_t column = std::min<size_t>(span.column - 1, line.size());
  size_t end = std::min<size_t>(column + span.length, line.size());
  // Columns are bytes; the terminal shows characters, so count UTF-8 lead bytes.
  auto is_lead = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
  std::string spaces;
  for (size_t i = 0; i < column; ++i) {
    if (line[i] == '\t') spaces += '\t';
    else if (is_lead(line[i])) spaces += ' ';
  }
  size_t width = 0;
  for (size_t i = column; i < end; ++i) width += is_lead(line[i]) ? 1 : 0;
  width = std::max<size_t>(1, width);
  out += fmt::format("{}{} |{} {}{}{}{}{}\n", p.cyan, pad, p.reset, spaces, marker_color, std::string(width, '^'),
                     label.empty() ? "" : " " + label, p.reset);
}

}  // namespace

std::string RenderText(const Diagnostic& diag, const SourceManager& sources, const TextRenderOptions& options) {
  Palette p = MakePalette(options.color);
  const char* color = SeverityColor(diag.severity, p);
  std::string out = fmt::format("{}{}:{} {}{}[{}]{}: {}{}{}\n", p.bold, Location(diag.span, sources), p.reset, color,
                                SeverityName(diag.severity), diag.code(), p.reset, p.bold, diag.message, p.reset);
  if (options.excerpt) AppendExcerpt(out, diag.span, sources, color, "", p);
  for (const auto& label : diag.labels) {
    out += fmt::format("{}note{}: {} at {}\n", p.cyan, p.reset, label.message, Location(label.span, sources));
    if (options.excerpt) AppendExcerpt(out, label.span, sources, p.cyan, "", p);
  }
  for (const auto& note : diag.notes) out += fmt::format("  {}= note{}: {}\n", p.cyan, p.reset, note);
  if (diag.fix) {
    out += fmt::format("  {}= help{}: {}\n", p.green, p.reset, diag.fix->message);
  }
  return out;
}

std::string RenderShort(const Diagnostic& diag) {
  std::string out = fmt::format("{}:{}: {}[{}]: {}", diag.span.line, diag.span.column, SeverityName(diag.severity),
                                diag.code(), diag.message);
  if (diag.fix) out += " (fix: " + diag.fix->replacement + ")";
  return out;
}

static nlohmann::json SpanJson(const Span& span, const SourceManager& sources) {
  if (!span.valid()) return nullptr;
  const SourceFile& file = sources.Get(span.file);
  Span end = file.SpanAt(span.end(), 0);
  return {{"file", file.path()},
          {"line", span.line},
          {"column", span.column},
          {"end_line", end.line},
          {"end_column", end.column},
          {"offset", span.offset},
          {"length", span.length}};
}

nlohmann::json RenderJson(const Diagnostic& diag, const SourceManager& sources) {
  nlohmann::json out = {{"code", diag.code()},
                        {"severity", SeverityName(diag.severity)},
                        {"message", diag.message},
                        {"location", SpanJson(diag.span, sources)}};
  nlohmann::json labels = nlohmann::json::array();
  for (const auto& label : diag.labels) {
    labels.push_back({{"message", label.message}, {"location", SpanJson(label.span, sources)}});
  }
  out["labels"] = labels;
  out["notes"] = diag.notes;
  if (diag.fix) {
    out["fix"] = {{"message", diag.fix->message},
                  {"replacement", diag.fix->replacement},
                  {"location", SpanJson(diag.fix->span, sources)}};
  }
  return out;
}

}  // namespace charter
