// The one diagnostic type: produced by every phase, rendered for terminals,
// JSON, SARIF and the language server alike.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/base/source.h"

namespace charter {

enum class Severity { Error, Warning, Note };

enum class DiagKind {
#define X(name, code, severity, summary) name,
#include "compiler/diagnostics/diagnostic_kinds.def"
#undef X
};

struct DiagKindInfo {
  const char* code;
  Severity severity;
  const char* summary;
};
const DiagKindInfo& Info(DiagKind kind);
/// Every registered kind, in declaration order.
const std::vector<DiagKind>& AllDiagKinds();
const char* SeverityName(Severity severity);

/// A secondary location with a label ("first defined here").
struct DiagLabel {
  Span span;
  std::string message;
};

/// A textual edit that fixes the problem; `replacement` replaces `span`.
struct FixIt {
  Span span;
  std::string replacement;
  std::string message;  // "did you mean `security`?"
};

struct Diagnostic {
  DiagKind kind;
  Severity severity;
  Span span;
  std::string message;
  std::vector<DiagLabel> labels;
  std::vector<std::string> notes;
  std::optional<FixIt> fix;

  const char* code() const { return Info(kind).code; }
  /// Adds the fix "did you mean `x`?" replacing `span` when a candidate is a likely typo of `word`.
  void SuggestClosest(Span span, const std::string& word, const std::vector<std::string>& candidates);
};

/// Collects diagnostics; phases add to it and never throw across phase boundaries.
class DiagnosticSink {
 public:
  /// Starts a diagnostic of `kind` at `span`; returns it for labels, notes and fixes.
  Diagnostic& Report(DiagKind kind, Span span, std::string message);

  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  size_t ErrorCount() const;
  size_t WarningCount() const;
  bool HasErrors() const { return ErrorCount() > 0; }
  /// Orders by file, then position, then code, and drops exact duplicates.
  void SortAndDedupe();
  void Clear() { diagnostics_.clear(); }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// The closest candidate by edit distance, if it is close enough to be a likely typo.
std::optional<std::string> ClosestMatch(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace charter
