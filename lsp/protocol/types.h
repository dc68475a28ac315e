// LSP 3.17 structures Charter's server uses, with to_json/from_json. Only what
// is used; from_json throws nlohmann::json::exception on missing or mistyped
// members, which the method table turns into InvalidParams.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lsp/protocol/line_index.h"

namespace charter::lsp {

using json = nlohmann::json;

void to_json(json& j, const Position& p);
void from_json(const json& j, Position& p);
void to_json(json& j, const Range& r);
void from_json(const json& j, Range& r);

struct Location {
  std::string uri;
  Range range;
};
void to_json(json& j, const Location& l);

struct TextDocumentPositionParams {
  std::string uri;
  Position position;
};
void from_json(const json& j, TextDocumentPositionParams& p);

struct DidOpenParams {
  std::string uri;
  std::string text;
  int64_t version = 0;
};
void from_json(const json& j, DidOpenParams& p);

struct ContentChange {
  std::optional<Range> range;  // absent: the whole text
  std::string text;
};
struct DidChangeParams {
  std::string uri;
  int64_t version = 0;
  std::vector<ContentChange> changes;
};
void from_json(const json& j, DidChangeParams& p);

struct UriParams {
  std::string uri;  // textDocument.uri
};
void from_json(const json& j, UriParams& p);

struct RangeParams {
  std::string uri;
  Range range;
};
void from_json(const json& j, RangeParams& p);

struct ReferenceParams : TextDocumentPositionParams {
  bool include_declaration = true;
};
void from_json(const json& j, ReferenceParams& p);

struct RenameParams : TextDocumentPositionParams {
  std::string new_name;
};
void from_json(const json& j, RenameParams& p);

struct ExecuteCommandParams {
  std::string command;
  json arguments = json::array();
};
void from_json(const json& j, ExecuteCommandParams& p);

struct TextEdit {
  Range range;
  std::string new_text;
};
void to_json(json& j, const TextEdit& e);

enum class DiagnosticSeverity { Error = 1, Warning = 2, Information = 3, Hint = 4 };

struct RelatedInformation {
  Location location;
  std::string message;
};
struct LspDiagnostic {
  Range range;
  DiagnosticSeverity severity = DiagnosticSeverity::Error;
  std::string code;
  std::string code_href;  // codeDescription.href, when there is a page for the code
  std::string message;
  std::vector<RelatedInformation> related;
};
void to_json(json& j, const LspDiagnostic& d);

// CompletionItemKind values used.
enum class CompletionKind {
  Method = 2, Function = 3, Field = 5, Variable = 6, Module = 9, Property = 10, Value = 12, Enum = 13,
  Keyword = 14, Snippet = 15, Constant = 21, Struct = 22, Event = 23, EnumMember = 20
};
struct CompletionItem {
  std::string label;
  CompletionKind kind = CompletionKind::Keyword;
  std::string detail;
  std::string documentation;  // markdown
  std::string insert_text;    // empty: the label
  bool snippet = false;
  std::string sort_text;
};
void to_json(json& j, const CompletionItem& c);

// SymbolKind values used.
enum class SymbolKind {
  Module = 2, Namespace = 3, Class = 5, Method = 6, Property = 7, Field = 8, Enum = 10, Function = 12,
  Variable = 13, Constant = 14, String = 15, Object = 19, EnumMember = 22, Struct = 23, Event = 24
};
struct DocumentSymbol {
  std::string name;
  std::string detail;
  SymbolKind kind = SymbolKind::Object;
  Range range;
  Range selection_range;
  std::vector<DocumentSymbol> children;
};
void to_json(json& j, const DocumentSymbol& s);

struct FoldingRange {
  uint32_t start_line = 0;
  uint32_t end_line = 0;
  std::string kind;  // "comment", "imports", or empty
};
void to_json(json& j, const FoldingRange& f);

struct ParameterInformation {
  std::string label;
};
struct SignatureInformation {
  std::string label;
  std::string documentation;
  std::vector<ParameterInformation> parameters;
};
void to_json(json& j, const SignatureInformation& s);

}  // namespace charter::lsp
