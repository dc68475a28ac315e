#include "compiler/diagnostics/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace charter {

const DiagKindInfo& Info(DiagKind kind) {
  static const DiagKindInfo kInfos[] = {
#define X(name, code, severity, summary) {code, Severity::severity, summary},
#include "compiler/diagnostics/diagnostic_kinds.def"
#undef X
  };
  return kInfos[static_cast<size_t>(kind)];
}

const std::vector<DiagKind>& AllDiagKinds() {
  static const std::vector<DiagKind> kAll = {
#define X(name, code, severity, summary) DiagKind::name,
#include "compiler/diagnostics/diagnostic_kinds.def"
#undef X
  };
  return kAll;
}

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

Diagnostic& DiagnosticSink::Report(DiagKind kind, Span span, std::string message) {
  diagnostics_.push_back(Diagnostic{kind, Info(kind).severity, span, std::move(message), {}, {}, std::nullopt});
  return diagnostics_.back();
}

size_t DiagnosticSink::ErrorCount() const {
  return std::count_if(diagnostics_.begin(), diagnostics_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

size_t DiagnosticSink::WarningCount() const {
  return std::count_if(diagnostics_.begin(), diagnostics_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Warning; });
}

void DiagnosticSink::SortAndDedupe() {
  auto key = [](const Diagnostic& d) {
    return std::make_tuple(d.span.file, d.span.offset, std::string(d.code()), d.message);
  };
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  diagnostics_.erase(std::unique(diagnostics_.begin(), diagnostics_.end(),
                                 [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
                     diagnostics_.end());
}

static size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string> ClosestMatch(const std::string& word, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  size_t best_distance = std::max<size_t>(1, word.size() / 3);
  for (const auto& candidate : candidates) {
    if (candidate == word) continue;
    size_t distance = EditDistance(word, candidate);
    if (distance <= best_distance && (!best || distance < EditDistance(word, *best))) best = candidate;
  }
  return best;
}

void Diagnostic::SuggestClosest(Span at, const std::string& word, const std::vector<std::string>& candidates) {
  if (auto best = ClosestMatch(word, candidates)) fix = FixIt{at, *best, "did you mean `" + *best + "`?"};
}

}  // namespace charter
