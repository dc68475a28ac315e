#include "lsp/features/convert.h"

#include "lsp/server/documents.h"

namespace charter::lsp {

Range SpanRange(const Analysis& analysis, const Span& span) {
  const LineIndex* lines = analysis.Lines(span.file);
  if (!lines || !span.valid()) return {};
  return lines->ToRange(span.offset, span.length);
}

std::string FileUri(const Analysis& analysis, FileId file, const std::string& entry_uri) {
  if (file == analysis.entry) return entry_uri;
  const SourceFile* source = analysis.Source(file);
  return source ? PathToUri(source->path()) : entry_uri;
}

std::optional<Location> SpanLocation(const Analysis& analysis, const Span& span) {
  if (!span.valid() || !analysis.Source(span.file)) return std::nullopt;
  // The entry's URI is substituted by callers that know it; paths map to file URIs.
  return Location{PathToUri(analysis.Source(span.file)->path()), SpanRange(analysis, span)};
}

uint32_t EntryOffset(const Analysis& analysis, Position position) {
  const LineIndex* lines = analysis.Lines(analysis.entry);
  return lines ? lines->ToOffset(position) : 0;
}

LspDiagnostic ToLsp(const Analysis& analysis, const charter::Diagnostic& diag, const std::string& entry_uri) {
  LspDiagnostic out;
  out.range = diag.span.file == analysis.entry ? SpanRange(analysis, diag.span) : Range{};
  out.severity = diag.severity == Severity::Error     ? DiagnosticSeverity::Error
                 : diag.severity == Severity::Warning ? DiagnosticSeverity::Warning
                                                      : DiagnosticSeverity::Information;
  out.code = diag.code();
  out.message = diag.message;
  if (diag.span.file != analysis.entry && analysis.Source(diag.span.file)) {
    out.message += " (in " + analysis.Source(diag.span.file)->path() + ")";
  }
  for (const auto& note : diag.notes) out.message += "\nnote: " + note;
  if (diag.fix) out.message += "\nhelp: " + diag.fix->message;
  for (const auto& label : diag.labels) {
    if (!label.span.valid() || !analysis.Source(label.span.file)) continue;
    out.related.push_back({{FileUri(analysis, label.span.file, entry_uri), SpanRange(analysis, label.span)}, label.message});
  }
  return out;
}

}  // namespace charter::lsp
