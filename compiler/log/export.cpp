#include "compiler/log/export.h"

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "compiler/base/calendar.h"

namespace charter::log {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::string Text(const Json& value) {
  if (value.is_null()) return "";
  return value.is_string() ? value.get<std::string>() : Dump(value);
}

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Joined(const Json& list, const char* member) {
  std::string out;
  if (!list.is_array()) return out;
  for (const auto& item : list) {
    Json value = !member ? item : item.is_object() ? item.value(member, Json()) : Json();
    out += (out.empty() ? "" : ";") + Text(value);
  }
  return out;
}

std::string BoundText(const std::optional<int64_t>& bound) { return bound ? FormatTimestamp(*bound) : ""; }

}  // namespace

std::optional<int64_t> ParseBound(const std::string& text) {
  if (text.size() == 10) {
    auto days = ParseDate(text);
    if (!days) return std::nullopt;
    return static_cast<int64_t>(*days) * 86400 * 1000000;
  }
  return ParseTimestamp(text);
}

size_t Export(std::istream& in, const ExportOptions& options, std::ostream& out) {
  bool json = options.format == ExportFormat::Json;
  if (json) {
    Json since = options.since ? Json(BoundText(options.since)) : Json();
    Json until = options.until ? Json(BoundText(options.until)) : Json();
    out << "{\"since\":" << Dump(since) << ",\"until\":" << Dump(until) << ",\"records\":[";
  } else {
    out << "ts,id,kind,decision,codes,policy\n";
  }
  size_t count = 0;
  std::map<std::string, size_t> decisions, by_kind, by_code;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    auto record = Json::parse(line, nullptr, false);
    if (record.is_discarded() || !record.is_object() || !record.contains("ts") || !record["ts"].is_string()) continue;
    auto ts = ParseTimestamp(record["ts"].get<std::string>());
    if (!ts || (options.since && *ts < *options.since) || (options.until && *ts >= *options.until)) continue;
    std::string decision = Text(record.value("decision", Json()));
    ++decisions[decision];
    ++by_kind[Text(record.value("kind", Json()))];
    for (const auto& code : record.value("codes", Json::array())) ++by_code[Text(code)];
    if (json) {
      Json item = {{"line", number}};
      for (auto it = record.begin(); it != record.end(); ++it) {
        if (it.key() != "v" && it.key() != "chain" && it.key() != "prev" && it.key() != "hash") item[it.key()] = *it;
      }
      out << (count ? "," : "") << "\n" << Dump(item);
    } else {
      out << CsvField(Text(record["ts"])) << ',' << CsvField(Text(record.value("id", Json()))) << ','
          << CsvField(Text(record.value("kind", Json()))) << ',' << CsvField(decision) << ','
          << CsvField(Joined(record.value("codes", Json::array()), nullptr)) << ','
          << CsvField(Joined(record.value("policy", Json::array()), "name")) << "\n";
    }
    ++count;
  }
  if (json) {
    Json summary = {{"total", count},
                    {"allow", decisions["allow"]},
                    {"deny", decisions["deny"]},
                    {"error", decisions["error"]},
                    {"by_kind", by_kind},
                    {"by_code", by_code}};
    out << (count ? "\n" : "") << "],\"summary\":" << Dump(summary) << "}\n";
  }
  return count;
}

}  // namespace charter::log
