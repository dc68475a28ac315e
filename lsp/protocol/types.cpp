#include "lsp/protocol/types.h"

namespace charter::lsp {

void to_json(json& j, const Position& p) { j = json{{"line", p.line}, {"character", p.character}}; }
void from_json(const json& j, Position& p) {
  p.line = j.at("line").get<uint32_t>();
  p.character = j.at("character").get<uint32_t>();
}
void to_json(json& j, const Range& r) { j = json{{"start", r.start}, {"end", r.end}}; }
void from_json(const json& j, Range& r) {
  r.start = j.at("start").get<Position>();
  r.end = j.at("end").get<Position>();
}
void to_json(json& j, const Location& l) { j = json{{"uri", l.uri}, {"range", l.range}}; }

void from_json(const json& j, TextDocumentPositionParams& p) {
  p.uri = j.at("textDocument").at("uri").get<std::string>();
  p.position = j.at("position").get<Position>();
}

void from_json(const json& j, DidOpenParams& p) {
  const json& doc = j.at("textDocument");
  p.uri = doc.at("uri").get<std::string>();
  p.text = doc.at("text").get<std::string>();
  p.version = doc.value("version", int64_t{0});
}

void from_json(const json& j, DidChangeParams& p) {
  p.uri = j.at("textDocument").at("uri").get<std::string>();
  p.version = j.at("textDocument").value("version", int64_t{0});
  for (const json& change : j.at("contentChanges")) {
    ContentChange c;
    if (change.contains("range")) c.range = change.at("range").get<Range>();
    c.text = change.at("text").get<std::string>();
    p.changes.push_back(std::move(c));
  }
}

void from_json(const json& j, UriParams& p) { p.uri = j.at("textDocument").at("uri").get<std::string>(); }

void from_json(const json& j, RangeParams& p) {
  p.uri = j.at("textDocument").at("uri").get<std::string>();
  p.range = j.at("range").get<Range>();
}

void from_json(const json& j, ReferenceParams& p) {
  from_json(j, static_cast<TextDocumentPositionParams&>(p));
  if (j.contains("context")) p.include_declaration = j.at("context").value("includeDeclaration", true);
}

void from_json(const json& j, RenameParams& p) {
  from_json(j, static_cast<TextDocumentPositionParams&>(p));
  p.new_name = j.at("newName").get<std::string>();
}

void from_json(const json& j, ExecuteCommandParams& p) {
  p.command = j.at("command").get<std::string>();
  if (j.contains("arguments")) p.arguments = j.at("arguments");
  if (!p.arguments.is_array()) throw json::type_error::create(302, "arguments must be an array", nullptr);
}

void to_json(json& j, const TextEdit& e) { j = json{{"range", e.range}, {"newText", e.new_text}}; }

void to_json(json& j, const LspDiagnostic& d) {
  j = json{{"range", d.range}, {"severity", static_cast<int>(d.severity)}, {"source", "charter"},
           {"message", d.message}};
  if (!d.code.empty()) j["code"] = d.code;
  if (!d.code_href.empty()) j["codeDescription"] = {{"href", d.code_href}};
  if (!d.related.empty()) {
    json related = json::array();
    for (const auto& r : d.related) related.push_back({{"location", r.location}, {"message", r.message}});
    j["relatedInformation"] = std::move(related);
  }
}

void to_json(json& j, const CompletionItem& c) {
  j = json{{"label", c.label}, {"kind", static_cast<int>(c.kind)}};
  if (!c.detail.empty()) j["detail"] = c.detail;
  if (!c.documentation.empty()) j["documentation"] = {{"kind", "markdown"}, {"value", c.documentation}};
  if (!c.insert_text.empty()) j["insertText"] = c.insert_text;
  if (c.snippet) j["insertTextFormat"] = 2;
  if (!c.sort_text.empty()) j["sortText"] = c.sort_text;
}

void to_json(json& j, const DocumentSymbol& s) {
  j = json{{"name", s.name.empty() ? std::string("?") : s.name}, {"kind", static_cast<int>(s.kind)},
           {"range", s.range}, {"selectionRange", s.selection_range}};
  if (!s.detail.empty()) j["detail"] = s.detail;
  if (!s.children.empty()) j["children"] = s.children;
}

void to_json(json& j, const FoldingRange& f) {
  j = json{{"startLine", f.start_line}, {"endLine", f.end_line}};
  if (!f.kind.empty()) j["kind"] = f.kind;
}

void to_json(json& j, const SignatureInformation& s) {
  json params = json::array();
  for (const auto& p : s.parameters) params.push_back({{"label", p.label}});
  j = json{{"label", s.label}, {"parameters", params}};
  if (!s.documentation.empty()) j["documentation"] = {{"kind", "markdown"}, {"value", s.documentation}};
}

}  // namespace charter::lsp
