#include "compiler/eval/decision_writer.h"

#include <fmt/format.h>

#include "compiler/base/byte_scan.h"
#include "compiler/eval/decision_json.h"

namespace charter::eval {

using namespace std::string_view_literals;

namespace {

constexpr auto kReplace = nlohmann::ordered_json::error_handler_t::replace;

void AppendDump(std::string& out, const nlohmann::ordered_json& json) { out += json.dump(-1, ' ', false, kReplace); }

/// Well-formed UTF-8 as nlohmann's decoder accepts it: no overlong forms, surrogates or values past U+10FFFF.
bool IsValidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char lead = byte(i);
    size_t length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                  : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (size_t k = 1; k < length; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80) return false;
    }
    unsigned char second = length > 1 ? byte(i + 1) : 0;
    if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second >= 0xA0) || (lead == 0xF0 && second < 0x90) ||
        (lead == 0xF4 && second >= 0x90)) {
      return false;
    }
    i += length;
  }
  return true;
}

}  // namespace

// fmt's integer formatting into a buffer, appended at once (a back_inserter appends a byte at a time).
void AppendJsonInt(std::string& out, int64_t n) {
  fmt::format_int text(n);
  out.append(text.data(), text.size());
}

void AppendJsonInt(std::string& out, uint64_t n) {
  fmt::format_int text(n);
  out.append(text.data(), text.size());
}

void AppendIdJson(std::string& out, const nlohmann::ordered_json& id) {
  if (id.is_string()) {
    AppendJsonString(out, id.get_ref<const std::string&>());
  } else if (!id.is_null()) {
    AppendDump(out, id);
  }
}

void AppendJsonString(std::string& out, std::string_view text) {
  // Most texts (codes, ids, names) are printable ASCII without quotes: copied in one piece.
  if (FindJsonSpecialOrNonAscii(text) == text.size()) {
    out.reserve(out.size() + text.size() + 2);
    out.push_back('"');
    out.append(text);
    out.push_back('"');
    return;
  }
  bool ascii = true;
  for (char c : text) ascii &= static_cast<unsigned char>(c) < 0x80;
  // nlohmann's replacement of bad bytes is subtle: let it do that rare case itself.
  if (!ascii && !IsValidUtf8(text)) return AppendDump(out, nlohmann::ordered_json(std::string(text)));
  out += '"';
  size_t plain = 0;  // bytes before `i` not yet copied: copied in runs, not a byte at a time
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20) continue;
    out.append(text.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<unsigned>(c));
    }
  }
  out.append(text.data() + plain, text.size() - plain);
  out += '"';
}

DecisionLineWriter::DecisionLineWriter(const ir::Module& module) : module_(module) {
  for (const ir::EventKind& kind : module.events) {
    KindText text;
    std::string name;
    AppendJsonString(name, kind.json_kind);
    text.allow = ",\"kind\":" + name + ",\"decision\":\"allow\",\"reasons\":";
    text.deny = ",\"kind\":" + name + ",\"decision\":\"deny\",\"reasons\":";
    for (const ir::OutputValue& value : kind.values) {
      std::string key;
      AppendJsonString(key, value.name);
      text.value_keys.push_back(key + ":");
    }
    kinds_.push_back(std::move(text));
  }
}

// Constant pieces go in as string_views, merged where they meet: each append is a call.
void DecisionLineWriter::AppendFindings(std::string& out, const std::vector<Finding>& findings, bool with_location) {
  if (findings.empty()) {
    out.append("[]"sv);
    return;
  }
  for (size_t i = 0; i < findings.size(); ++i) {
    out.append(i == 0 ? "[{\"code\":"sv : ",{\"code\":"sv);
    AppendJsonString(out, findings[i].code);
    out.append(",\"message\":"sv);
    AppendJsonString(out, findings[i].message);
    if (with_location) {
      out.append(",\"at\":"sv);
      const Span& at = findings[i].at;
      auto [it, inserted] = locations_.try_emplace(std::make_tuple(at.file, at.line, at.column));
      if (inserted) AppendJsonString(it->second, Location(module_.program->program->sources, at));
      out.append(it->second);
    }
    out.push_back('}');
  }
  out.push_back(']');
}

void DecisionLineWriter::Append(std::string& out, std::optional<size_t> line, int32_t event_kind,
                                const Decision& decision, std::string_view id_json) {
  const ir::EventKind& kind = module_.events[event_kind];
  const KindText& text = kinds_[event_kind];
  if (line) {
    out.append("{\"line\":"sv);
    AppendJsonInt(out, static_cast<uint64_t>(*line));
    if (!id_json.empty()) out.append(",\"id\":"sv);
  } else {
    out.append(id_json.empty() ? "{"sv : "{\"id\":"sv);
  }
  out.append(id_json);
  // Without a line or an id the kind comes first: no comma before it.
  std::string_view head = decision.allowed() ? text.allow : text.deny;
  out.append(!line && id_json.empty() ? head.substr(1) : head);
  AppendFindings(out, decision.reasons, true);
  out.append(",\"obligations\":"sv);
  AppendFindings(out, decision.obligations, false);
  out.append(",\"warnings\":"sv);
  AppendFindings(out, decision.warnings, false);
  out.append(",\"values\":{"sv);
  bool first = true;
  for (size_t v = 0; v < kind.values.size() && v < decision.values.size(); ++v) {
    if (!decision.values[v]) continue;
    if (!first) out += ',';
    first = false;
    out.append(text.value_keys[v]);
    const Value& value = *decision.values[v];
    const Type* type = kind.values[v].type;
    if (value.is_none()) {
      out += "null";
    } else if (type->kind == TypeKind::Bool) {
      out += value.as_bool() ? "true" : "false";
    } else if (type->kind == TypeKind::Int) {
      AppendJsonInt(out, value.as_int());
    } else {
      AppendDump(out, ToJson(value, type, *module_.program));
    }
  }
  if (!decision.trace.empty()) {
    out.append("},\"trace\":"sv);
    AppendDump(out, nlohmann::ordered_json(decision.trace));
    out.append("}\n"sv);
  } else {
    out.append("}}\n"sv);
  }
}

void AppendDecisionLine(std::string& out, const ir::Module& module, std::optional<size_t> line, int32_t event_kind,
                        const Decision& decision, std::string_view id_json) {
  DecisionLineWriter(module).Append(out, line, event_kind, decision, id_json);
}

}  // namespace charter::eval
