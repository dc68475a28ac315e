// Event decoding: the document is parsed into a JsonValue tree (json_tree.h),
// then walked against the types the policy declares, field by field.
#include "compiler/eval/decode.h"

#include <algorithm>
#include <charconv>
#include <unordered_set>

#include <fmt/format.h>

#include "compiler/base/calendar.h"
#include "compiler/eval/json_number.h"
#include "compiler/eval/json_tree.h"

namespace charter::eval {
namespace {

using Kind = JsonValue::Kind;
using Result = std::optional<Value>;

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i > 0 ? ", " : "") + parts[i];
  return out;
}

/// Types with no JSON form (durations, tallies) are computed by rules, never given.
std::string NotGivenInEvents(const Type* type) {
  switch (type->kind) {
    case TypeKind::BusinessDays: return "a business_days duration cannot be given in an event";
    case TypeKind::Tally: return "a tally cannot be given in an event";
    case TypeKind::None: return "none cannot be given in an event";
    default: return "a " + type->Name() + " cannot be given in an event";
  }
}

/// A text that two values share exactly when Equal() holds for them (sets by content).
void AppendCanonical(std::string& out, const Value& value) {
  if (value.is_none()) {
    out += "n;";
  } else if (const bool* b = std::get_if<bool>(&value.data)) {
    out += *b ? "t;" : "f;";
  } else if (const int64_t* i = std::get_if<int64_t>(&value.data)) {
    out += fmt::format("r{}/1;", *i);  // an int equals the decimal of the same value
  } else if (const Rational* r = std::get_if<Rational>(&value.data)) {
    out += fmt::format("r{}/{};", r->num, r->den);
  } else if (const std::string* s = std::get_if<std::string>(&value.data)) {
    out += fmt::format("s{}:", s->size()) + *s;
  } else {
    std::vector<std::string> keys;
    for (const Value& item : value.items()) AppendCanonical(keys.emplace_back(), item);
    if (value.is_set()) std::sort(keys.begin(), keys.end());
    out += fmt::format("{}{}[", value.is_set() ? 'S' : 'L', keys.size());
    for (const std::string& key : keys) out += key;
    out += ']';
  }
}

/// Like Value::Set, but hashed: Value::Set compares every pair, and 1 MB of
/// repeated items must not take minutes.
Value MakeSet(Items items) {
  std::unordered_set<std::string> seen;
  Items unique;
  for (Value& item : items) {
    std::string key;
    AppendCanonical(key, item);
    if (seen.insert(std::move(key)).second) unique.push_back(std::move(item));
  }
  Value set;
  set.data = std::make_shared<const Seq>(Seq{std::move(unique), true});
  return set;
}

/// Walks a JSON tree against a type; on failure the first problem is in `error`.
class SchemaWalker {
 public:
  explicit SchemaWalker(const CheckedProgram& program) : program_(program) {}

  InputError error;

  Result Decode(const JsonValue& json, const Type* type, const std::string& path) {
    switch (type->kind) {
      case TypeKind::Optional:
        return json.kind == Kind::Null ? Value::None() : Decode(json, type->element, path);
      case TypeKind::Bool:
        if (json.kind != Kind::Bool) return Expected("true or false", json, path);
        return Value::Bool(json.boolean);
      case TypeKind::Int: return Int(json, path);
      case TypeKind::Decimal: case TypeKind::Percent: return Number(json, type->kind == TypeKind::Percent, path);
      case TypeKind::String:
        if (json.kind != Kind::String) return Expected("a string", json, path);
        return Value::Str(json.text);
      case TypeKind::Date: return Date(json, path);
      case TypeKind::Timestamp: return Timestamp(json, path);
      case TypeKind::Enum: return Enum(json, *type->decl, path);
      case TypeKind::Record: return Record(json, *type->decl, path);
      case TypeKind::List: case TypeKind::Set: return Sequence(json, type, path);
      default: return Fail(path, NotGivenInEvents(type));
    }
  }

  /// An object with the fields of a record or event, in declaration order; unknown keys are ignored.
  Result Record(const JsonValue& json, const ast::Decl& decl, const std::string& path) {
    if (json.kind != Kind::Object) return Expected("an object", json, path);
    auto types = program_.field_types.find(&decl);
    bool is_record = decl.kind == ast::DeclKind::Record || decl.kind == ast::DeclKind::Event;
    if (!is_record || types == program_.field_types.end()) {
      return Fail(path, "`" + decl.name.name + "` has no checked fields to decode");
    }
    const auto& fields = decl.As<ast::RecordDecl>().fields;
    Items values;
    for (size_t i = 0; i < fields.size() && i < types->second.size(); ++i) {
      const std::string& name = fields[i].name.name;
      Result value = Field(json.Find(name), types->second[i], path + PathKey(name));
      if (!value) return std::nullopt;
      values.push_back(std::move(*value));
    }
    return Value::Record(std::move(values));
  }

 private:
  /// A record field: absent means none for `T?`, and is an error otherwise.
  Result Field(const JsonValue* json, const Type* type, const std::string& path) {
    if (json) return Decode(*json, type, path);
    if (type->IsOptional()) return Value::None();
    // A required duration could never be given, so "missing" would mislead.
    return Fail(path, HasJsonForm(type) ? "missing required field" : NotGivenInEvents(type));
  }

  Result Int(const JsonValue& json, const std::string& path) {
    if (json.kind != Kind::Number || !IsIntegerSyntax(json.text)) return Expected("an integer", json, path);
    int64_t value = 0;
    auto [end, ec] = std::from_chars(json.text.data(), json.text.data() + json.text.size(), value);
    if (ec != std::errc() || end != json.text.data() + json.text.size()) return Fail(path, "integer out of range");
    return Value::Int(value);
  }

  // Percent holds the number of percent: 62.5 is 62.5%, and must lie in 0..100.
  Result Number(const JsonValue& json, bool percent, const std::string& path) {
    const char* expectation = percent ? "a percentage from 0 to 100" : "a number";
    if (json.kind != Kind::Number) return Expected(expectation, json, path);
    std::optional<Rational> value = ParseExactNumber(json.text);
    if (!value) return Fail(path, NumberProblem(json.text));
    if (percent && (*value < Rational::Int(0) || Rational::Int(100) < *value)) {
      return Expected(expectation, json, path);
    }
    return Value::Dec(*value);
  }

  Result Date(const JsonValue& json, const std::string& path) {
    std::optional<int32_t> days = json.kind == Kind::String ? ParseDate(json.text) : std::nullopt;
    if (!days) return Expected("a date \"YYYY-MM-DD\"", json, path);
    return Value::Int(*days);
  }

  Result Timestamp(const JsonValue& json, const std::string& path) {
    std::optional<int64_t> micros = json.kind == Kind::String ? ParseTimestamp(json.text) : std::nullopt;
    if (!micros) return Expected("an RFC 3339 timestamp", json, path);
    return Value::Int(*micros);
  }

  Result Enum(const JsonValue& json, const ast::Decl& decl, const std::string& path) {
    std::vector<std::string> spellings = EnumSpellings(decl);
    for (size_t i = 0; json.kind == Kind::String && i < spellings.size(); ++i) {
      if (spellings[i] == json.text) return Value::Int(static_cast<int64_t>(i));
    }
    return Expected("one of " + Join(spellings), json, path);
  }

  Result Sequence(const JsonValue& json, const Type* type, const std::string& path) {
    if (json.kind != Kind::Array) return Expected("an array", json, path);
    Items items;
    items.reserve(json.items.size());
    for (size_t i = 0; i < json.items.size(); ++i) {
      Result item = Decode(json.items[i], type->element, path + PathIndex(i));
      if (!item) return std::nullopt;
      items.push_back(std::move(*item));
    }
    return type->kind == TypeKind::Set ? MakeSet(std::move(items)) : Value::List(std::move(items));
  }

  Result Expected(const std::string& what, const JsonValue& got, const std::string& path) {
    return Fail(path, "expected " + what + "; got " + RenderJson(got));
  }

  Result Fail(const std::string& path, std::string message) {
    error = InputError{path, std::move(message)};
    return std::nullopt;
  }

  const CheckedProgram& program_;
};

using EventsByKind = std::map<std::string, const ast::EventDecl*>;

/// The event a document's `kind` names.
std::variant<const ast::EventDecl*, InputError> SelectEvent(const JsonValue& root, const EventsByKind& by_kind) {
  const JsonValue* kind = root.Find("kind");
  if (!kind) return InputError{"$.kind", "missing required field"};
  if (kind->kind != Kind::String) return InputError{"$.kind", "expected a string; got " + RenderJson(*kind)};
  auto it = by_kind.find(kind->text);
  if (it != by_kind.end()) return it->second;
  std::vector<std::string> known;
  for (const auto& [name, event] : by_kind) known.push_back(name);
  return InputError{"$.kind", "unknown event kind " + RenderJson(*kind) + "; expected one of " + Join(known)};
}

/// `id` as given: a string or an integer (null when absent or null), echoed in the decision.
std::variant<nlohmann::ordered_json, InputError> ReadId(const JsonValue* id) {
  if (!id || id->kind == Kind::Null) return nlohmann::ordered_json();
  if (id->kind == Kind::String) return nlohmann::ordered_json(id->text);
  if (id->kind != Kind::Number || !IsIntegerSyntax(id->text)) {
    return InputError{"$.id", "expected a string or an integer; got " + RenderJson(*id)};
  }
  const char* begin = id->text.data();
  const char* end = begin + id->text.size();
  int64_t signed_id = 0;
  if (auto parsed = std::from_chars(begin, end, signed_id); parsed.ec == std::errc() && parsed.ptr == end) {
    return nlohmann::ordered_json(signed_id);
  }
  uint64_t unsigned_id = 0;
  if (auto parsed = std::from_chars(begin, end, unsigned_id); parsed.ec == std::errc() && parsed.ptr == end) {
    return nlohmann::ordered_json(unsigned_id);
  }
  return InputError{"$.id", "integer out of range"};
}

}  // namespace

std::vector<std::string> EnumSpellings(const ast::Decl& decl) {
  std::vector<std::string> spellings;
  if (decl.kind == ast::DeclKind::Tier) {
    // A tier row's string is its title, not its spelling.
    for (const ast::TierRow& row : decl.As<ast::TierDecl>().rows) spellings.push_back(row.member.name);
  } else {
    for (const ast::EnumMember& member : decl.As<ast::EnumDecl>().members) {
      spellings.push_back(member.label.empty() ? member.name.name : member.label);
    }
  }
  return spellings;
}

bool HasJsonForm(const Type* type) {
  switch (type->kind) {
    case TypeKind::Duration: case TypeKind::BusinessDays: case TypeKind::Tally: case TypeKind::None:
    case TypeKind::Error:
      return false;
    default: return true;
  }
}

EventDecoder::EventDecoder(const CheckedProgram& program, std::vector<const ast::EventDecl*> events,
                           DecodeLimits limits)
    : program_(program), limits_(limits) {
  for (const ast::EventDecl* event : events) {
    if (event) by_kind_.emplace(event->json_kind, event);
  }
}

std::variant<DecodedEvent, InputError> EventDecoder::Decode(std::string_view json) const {
  auto parsed = ParseJson(json, limits_);
  if (auto* error = std::get_if<InputError>(&parsed)) return std::move(*error);
  const JsonValue& root = std::get<JsonValue>(parsed);
  if (root.kind != Kind::Object) return InputError{"$", "expected an object; got " + RenderJson(root)};
  auto event = SelectEvent(root, by_kind_);
  if (auto* error = std::get_if<InputError>(&event)) return std::move(*error);
  auto id = ReadId(root.Find("id"));
  if (auto* error = std::get_if<InputError>(&id)) return std::move(*error);
  const ast::EventDecl* decl = std::get<const ast::EventDecl*>(event);
  SchemaWalker walker(program_);
  Result value = walker.Record(root, *decl, "$");
  if (!value) return walker.error;
  return DecodedEvent{decl, std::move(*value), std::move(std::get<nlohmann::ordered_json>(id))};
}

std::variant<Value, InputError> EventDecoder::DecodeAs(std::string_view json, const Type* type) const {
  if (!type) return InputError{"$", "no type to decode as"};
  auto parsed = ParseJson(json, limits_);
  if (auto* error = std::get_if<InputError>(&parsed)) return std::move(*error);
  SchemaWalker walker(program_);
  Result value = walker.Decode(std::get<JsonValue>(parsed), type, "$");
  if (!value) return walker.error;
  return std::move(*value);
}

}  // namespace charter::eval
