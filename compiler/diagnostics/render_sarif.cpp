// `charter check --format sarif`: diagnostics as a SARIF 2.1.0 log, the format
// code-scanning services (GitHub, GitLab, Azure DevOps) ingest.
#include <array>
#include <cstdio>

#include "compiler/diagnostics/region.h"
#include "compiler/diagnostics/render.h"

namespace charter {
namespace {

using Json = nlohmann::ordered_json;

// Where the SARIF rules send a reader; the language reference lives beside the code.
constexpr const char* kInformationUri = "https://github.com/charter-lang/charter";

const char* const kRuleNames[] = {
#define X(name, code, severity, summary) #name,
#include "compiler/diagnostics/diagnostic_kinds.def"
#undef X
};

const char* Level(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

// A path as a URI reference: relative paths stay relative (resolved against the
// repository root by viewers), absolute ones become file:// URIs; bytes outside
// RFC 3986's unreserved set and `/` are percent-encoded.
std::string PathUri(const std::string& path) {
  std::string out = !path.empty() && path[0] == '/' ? "file://" : "";
  for (unsigned char c : path) {
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                 c == '_' || c == '~' || c == '/';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      std::array<char, 4> hex{};
      std::snprintf(hex.data(), hex.size(), "%%%02X", c);
      out += hex.data();
    }
  }
  return out;
}

Json RegionJson(const Region& region) {
  return {{"startLine", region.line},
          {"startColumn", region.column},
          {"endLine", region.end_line},
          {"endColumn", region.end_column}};
}

Json ArtifactLocation(const Region& region) { return {{"uri", PathUri(region.file)}}; }

// {"physicalLocation": {...}}, or null when the span points nowhere.
Json PhysicalLocation(const Span& span, const SourceManager& sources) {
  auto region = RegionOf(span, sources);
  if (!region) return nullptr;
  return {{"physicalLocation", {{"artifactLocation", ArtifactLocation(*region)}, {"region", RegionJson(*region)}}}};
}

Json Rules() {
  Json rules = Json::array();
  for (DiagKind kind : AllDiagKinds()) {
    const DiagKindInfo& info = Info(kind);
    rules.push_back({{"id", info.code},
                     {"name", kRuleNames[static_cast<size_t>(kind)]},
                     {"shortDescription", {{"text", info.summary}}},
                     {"defaultConfiguration", {{"level", Level(info.severity)}}}});
  }
  return rules;
}

Json Result(const Diagnostic& diag, const SourceManager& sources) {
  std::string text = diag.message;
  for (const auto& note : diag.notes) text += "\nnote: " + note;
  Json result = {{"ruleId", diag.code()},
                 {"ruleIndex", static_cast<size_t>(diag.kind)},
                 {"level", Level(diag.severity)},
                 {"message", {{"text", text}}}};
  Json location = PhysicalLocation(diag.span, sources);
  if (!location.is_null()) result["locations"] = Json::array({location});
  Json related = Json::array();
  for (const auto& label : diag.labels) {
    Json item = PhysicalLocation(label.span, sources);
    if (item.is_null()) continue;
    item = Json{{"id", related.size() + 1}, {"physicalLocation", item["physicalLocation"]}};
    item["message"] = {{"text", label.message}};
    related.push_back(std::move(item));
  }
  if (!related.empty()) result["relatedLocations"] = std::move(related);
  if (diag.fix) {
    if (auto region = RegionOf(diag.fix->span, sources)) {
      Json replacement = {{"deletedRegion", RegionJson(*region)}, {"insertedContent", {{"text", diag.fix->replacement}}}};
      Json change = {{"artifactLocation", ArtifactLocation(*region)}, {"replacements", Json::array({replacement})}};
      result["fixes"] = Json::array({{{"description", {{"text", diag.fix->message}}},
                                      {"artifactChanges", Json::array({change})}}});
    }
  }
  return result;
}

}  // namespace

Json RenderSarif(const std::vector<Diagnostic>& diags, const SourceManager& sources) {
  Json driver = {{"name", "charter"},
                 {"version", CHARTER_VERSION},
                 {"semanticVersion", CHARTER_VERSION},
                 {"informationUri", kInformationUri},
                 {"rules", Rules()}};
  Json results = Json::array();
  for (const auto& diag : diags) results.push_back(Result(diag, sources));
  Json run = {{"tool", {{"driver", std::move(driver)}}},
              {"invocations", Json::array({{{"executionSuccessful", true}}})},
              {"columnKind", "utf16CodeUnits"},
              {"results", std::move(results)}};
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs", Json::array({std::move(run)})}};
}

}  // namespace charter
