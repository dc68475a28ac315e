#include "compiler/eval/decision_json.h"

#include <fmt/format.h>

namespace charter::eval {

std::string Location(const SourceManager& sources, Span span) {
  if (span.file == kNoFile) return "";
  return fmt::format("{}:{}:{}", sources.Get(span.file).path(), span.line, span.column);
}

static nlohmann::ordered_json Findings(const std::vector<Finding>& findings, const SourceManager& sources,
                                       bool with_location) {
  auto out = nlohmann::ordered_json::array();
  for (const Finding& finding : findings) {
    nlohmann::ordered_json item = {{"code", finding.code}, {"message", finding.message}};
    if (with_location) item["at"] = Location(sources, finding.at);
    out.push_back(std::move(item));
  }
  return out;
}

nlohmann::ordered_json DecisionJson(const ir::Module& module, int32_t event_kind, const Decision& decision,
                                    const nlohmann::ordered_json& id) {
  const CheckedProgram& program = *module.program;
  const SourceManager& sources = program.program->sources;
  const ir::EventKind& kind = module.events[event_kind];
  nlohmann::ordered_json out;
  if (!id.is_null()) out["id"] = id;
  out["kind"] = kind.json_kind;
  out["decision"] = decision.allowed() ? "allow" : "deny";
  out["reasons"] = Findings(decision.reasons, sources, true);
  out["obligations"] = Findings(decision.obligations, sources, false);
  out["warnings"] = Findings(decision.warnings, sources, false);
  auto values = nlohmann::ordered_json::object();
  for (size_t v = 0; v < kind.values.size() && v < decision.values.size(); ++v) {
    if (decision.values[v]) values[kind.values[v].name] = ToJson(*decision.values[v], kind.values[v].type, program);
  }
  out["values"] = std::move(values);
  if (!decision.trace.empty()) out["trace"] = decision.trace;
  return out;
}

nlohmann::ordered_json InputErrorJson(std::optional<size_t> line, const InputError& error) {
  nlohmann::ordered_json out;
  if (line) out["line"] = *line;
  out["error"] = {{"path", error.path}, {"message", error.message}};
  return out;
}

nlohmann::ordered_json EvalErrorJson(const ir::Module& module, std::optional<size_t> line, int32_t event_kind,
                                     const nlohmann::ordered_json& id, const EvalError& error) {
  nlohmann::ordered_json out;
  if (line) out["line"] = *line;
  if (!id.is_null()) out["id"] = id;
  out["kind"] = module.events[event_kind].json_kind;
  out["error"] = {{"message", error.message}, {"at", Location(module.program->program->sources, error.at)}};
  return out;
}

static std::string Str(const nlohmann::ordered_json& j) { return j.is_string() ? j.get<std::string>() : j.dump(); }

std::string PrettyDecision(const nlohmann::ordered_json& d) {
  std::string out;
  std::string head;
  if (d.contains("line")) head += fmt::format("line {}: ", d["line"].dump());
  if (d.contains("id")) head += Str(d["id"]) + " ";
  if (d.contains("kind")) head += "(" + Str(d["kind"]) + ") ";
  if (d.contains("error")) {
    const auto& error = d["error"];
    out += head + "error: " + Str(error["message"]);
    if (error.contains("path")) out += " at " + Str(error["path"]);
    if (error.contains("at")) out += " [" + Str(error["at"]) + "]";
    return out + "\n";
  }
  out += head + Str(d["decision"]) + "\n";
  for (const auto& r : d["reasons"]) out += fmt::format("  reason     {}: {}  [{}]\n", Str(r["code"]), Str(r["message"]), Str(r["at"]));
  for (const auto& w : d["warnings"]) out += fmt::format("  warning    {}: {}\n", Str(w["code"]), Str(w["message"]));
  for (const auto& o : d["obligations"]) out += fmt::format("  obligation {}: {}\n", Str(o["code"]), Str(o["message"]));
  for (const auto& [name, value] : d["values"].items()) out += fmt::format("  value      {} = {}\n", name, Str(value));
  if (d.contains("trace")) {
    out += "  trace:\n";
    for (const auto& line : d["trace"]) out += "    " + Str(line) + "\n";
  }
  return out;
}

}  // namespace charter::eval
