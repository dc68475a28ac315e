#include "compiler/log/record.h"

#include <fmt/format.h>

namespace charter::log {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

Json CodesOf(const Json& result, const char* list) {
  Json codes = Json::array();
  if (!result.contains(list)) return codes;
  for (const auto& item : result[list]) {
    if (item.contains("code")) codes.push_back(item["code"]);
  }
  return codes;
}

bool IsHex64(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

constexpr std::string_view kHashKey = ",\"hash\":\"";
constexpr std::string_view kPrevKey = ",\"prev\":\"";
constexpr std::string_view kChainKey = ",\"chain\":\"";

}  // namespace

std::string MinifyJson(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false, escaped = false;
  // A UTF-8 byte order mark is white space to JSON parsers but not inside a line.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  for (char c : text) {
    if (in_string) {
      out += c;
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      continue;
    } else {
      if (c == '"') in_string = true;
      out += c;
    }
  }
  return out;
}

std::string RecordBody(const RecordInput& input) {
  const Json& result = *input.result;
  Json policies = Json::array();
  for (const auto& policy : *input.policies) {
    policies.push_back({{"name", policy.name}, {"file", policy.file}, {"sha256", policy.sha256}});
  }
  std::string body = "\"policy\":" + Dump(policies);
  body += ",\"charter\":\"" CHARTER_VERSION "\"";
  body += ",\"event_sha256\":" + (input.event ? "\"" + Sha256Hex(*input.event) + "\"" : std::string("null"));
  // The event is embedded as received (minified) when it is JSON; its hash is checked against it by readers.
  if (input.event && !input.redact && Json::accept(*input.event)) body += ",\"event\":" + MinifyJson(*input.event);
  body += ",\"id\":" + Dump(result.contains("id") ? result["id"] : Json());
  body += ",\"kind\":" + Dump(result.contains("kind") ? result["kind"] : Json());
  bool error = result.contains("error");
  body += ",\"decision\":" + Dump(error ? Json("error") : result.value("decision", Json("error")));
  body += ",\"codes\":" + Dump(CodesOf(result, "reasons"));
  body += ",\"warnings\":" + Dump(CodesOf(result, "warnings"));
  body += ",\"obligations\":" + Dump(CodesOf(result, "obligations"));
  if (error) body += ",\"error\":" + Dump(result["error"]);
  return body;
}

std::string SealLine(std::string_view ts, std::string_view body, const ChainDigest& digest, std::string_view prev) {
  std::string line = fmt::format("{{\"v\":{},\"ts\":\"{}\",{}{}{}\"{}{}\"", kRecordVersion, ts, body, kChainKey,
                                 digest.name(), kPrevKey, prev);
  std::string hash = digest.Hex(line);
  line += kHashKey;
  line += hash;
  line += "\"}";
  return line;
}

std::optional<LineTail> SplitTail(std::string_view line) {
  const size_t hash_tail = kHashKey.size() + 64 + 2;  // ,"hash":"<64>"}
  const size_t prev_tail = kPrevKey.size() + 64 + 1;  // ,"prev":"<64>"
  if (line.size() < hash_tail + prev_tail || line.substr(line.size() - 2) != "\"}") return std::nullopt;
  LineTail tail;
  tail.prefix = line.substr(0, line.size() - hash_tail);
  if (line.substr(tail.prefix.size(), kHashKey.size()) != kHashKey) return std::nullopt;
  tail.hash = line.substr(tail.prefix.size() + kHashKey.size(), 64);
  std::string_view rest = tail.prefix.substr(0, tail.prefix.size() - prev_tail);
  if (tail.prefix.substr(rest.size(), kPrevKey.size()) != kPrevKey || tail.prefix.back() != '"') return std::nullopt;
  tail.prev = tail.prefix.substr(rest.size() + kPrevKey.size(), 64);
  size_t chain = rest.rfind(kChainKey);
  if (chain == std::string_view::npos || rest.back() != '"') return std::nullopt;
  tail.chain = rest.substr(chain + kChainKey.size(), rest.size() - chain - kChainKey.size() - 1);
  if (!IsHex64(tail.hash) || !IsHex64(tail.prev)) return std::nullopt;
  return tail;
}

}  // namespace charter::log
