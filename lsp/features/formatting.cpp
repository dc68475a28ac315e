// textDocument/formatting and rangeFormatting through `charter fmt`'s
// FormatSource, on the worker (it parses). The answer is the smallest set of
// line edits; a range request keeps those that touch the range.
#include "lsp/features/features.h"

#include "compiler/format/format.h"

namespace charter::lsp {

namespace {

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      lines.push_back(text.substr(start, i - start + (i < text.size() ? 1 : 0)));
      start = i + 1;
    }
  }
  return lines;
}

}  // namespace

/// Line-level edits turning `before` into `after`: hunks between common lines.
std::vector<TextEdit> LineEdits(const std::string& before, const std::string& after) {
  std::vector<std::string> a = SplitLines(before), b = SplitLines(after);
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) ++suffix;
  std::vector<TextEdit> edits;
  size_t n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;
  if (n == 0 && m == 0) return edits;
  // Small middles get an LCS so that each changed stretch is its own edit.
  std::vector<std::pair<size_t, size_t>> common;  // matching (i, j) in the middle
  if (n * m <= 4'000'000) {
    std::vector<std::vector<uint16_t>> lcs(n + 1, std::vector<uint16_t>(m + 1, 0));
    for (size_t i = n; i-- > 0;) {
      for (size_t j = m; j-- > 0;) {
        lcs[i][j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    for (size_t i = 0, j = 0; i < n && j < m;) {
      if (a[prefix + i] == b[prefix + j]) {
        common.emplace_back(i, j);
        ++i, ++j;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        ++i;
      } else {
        ++j;
      }
    }
  }
  common.emplace_back(n, m);
  size_t i = 0, j = 0;
  for (auto [ci, cj] : common) {
    if (ci > i || cj > j) {
      std::string replacement;
      for (size_t k = j; k < cj; ++k) replacement += b[prefix + k];
      auto line = [&](size_t index) { return static_cast<uint32_t>(prefix + index); };
      edits.push_back({{{line(i), 0}, {line(ci), 0}}, replacement});
    }
    i = ci + 1;
    j = cj + 1;
  }
  return edits;
}

void RegisterFormatting(MethodTable& table, Workspace& workspace) {
  auto format = [&workspace](const std::string& uri, std::optional<Range> range, Reply reply) {
    const Document* doc = workspace.Find(uri);
    if (!doc) return reply(RpcError{error_code::kRequestFailed, "the document is not open"});
    std::string path = doc->path, text = doc->text;
    auto result = std::make_shared<Result>(nlohmann::json::array());
    workspace.OnWorker(
        [path, text, range, result] {
          DiagnosticSink diags;
          std::optional<std::string> formatted = charter::format::FormatSource(path, text, diags);
          if (!formatted) {
            *result = RpcError{error_code::kRequestFailed, "the document does not parse; fix the syntax errors first"};
            return;
          }
          nlohmann::json edits = nlohmann::json::array();
          for (const TextEdit& edit : LineEdits(text, *formatted)) {
            if (range && (edit.range.end.line < range->start.line || edit.range.start.line > range->end.line)) continue;
            edits.push_back(edit);
          }
          *result = edits;
        },
        [result, reply](const JobFailure& failure) {
          if (failure) return reply(RpcError{error_code::kInternalError, "formatting failed: " + *failure});
          reply(*result);
        });
  };
  table.RawRequest("textDocument/formatting", [format](const nlohmann::json& params, Reply reply) {
    format(params.get<UriParams>().uri, std::nullopt, std::move(reply));
  });
  table.RawRequest("textDocument/rangeFormatting", [format](const nlohmann::json& params, Reply reply) {
    auto p = params.get<RangeParams>();
    format(p.uri, p.range, std::move(reply));
  });
}

}  // namespace charter::lsp
