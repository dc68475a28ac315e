#include "compiler/eval/json_tree.h"

#include <exception>
#include <optional>
#include <unordered_set>

#include <fmt/format.h>

namespace charter::eval {

const JsonValue* JsonValue::Find(std::string_view key) const {
  for (const JsonMember& member : members) {
    if (member.key == key) return &member.value;
  }
  return nullptr;
}

// ------------------------------------------------------------------ paths and rendering

static bool IsIdentifier(std::string_view key) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (key.empty() || !letter(key[0])) return false;
  for (char c : key) {
    if (!letter(c) && !digit(c)) return false;
  }
  return true;
}

std::string PathKey(std::string_view key) {
  return IsIdentifier(key) ? "." + std::string(key) : "[" + QuoteJson(key) + "]";
}

std::string PathIndex(size_t index) { return "[" + std::to_string(index) + "]"; }

std::string QuoteJson(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string TruncateText(std::string_view text, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    bool starts_code_point = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_code_point && chars++ == max_chars) return std::string(text.substr(0, i)) + "...";
  }
  return std::string(text);
}

// Renders at most about `budget` bytes: a 1 MB array is cut, not copied, before truncation.
static void AppendJson(std::string& out, const JsonValue& value, size_t budget) {
  if (out.size() >= budget) return;
  switch (value.kind) {
    case JsonValue::Kind::Null: out += "null"; return;
    case JsonValue::Kind::Bool: out += value.boolean ? "true" : "false"; return;
    case JsonValue::Kind::Number: out += value.text.substr(0, budget); return;
    case JsonValue::Kind::String: out += QuoteJson(std::string_view(value.text).substr(0, budget)); return;
    case JsonValue::Kind::Array:
      out += '[';
      for (size_t i = 0; i < value.items.size() && out.size() < budget; ++i) {
        if (i > 0) out += ',';
        AppendJson(out, value.items[i], budget);
      }
      out += ']';
      return;
    case JsonValue::Kind::Object:
      out += '{';
      for (size_t i = 0; i < value.members.size() && out.size() < budget; ++i) {
        if (i > 0) out += ',';
        out += QuoteJson(std::string_view(value.members[i].key).substr(0, budget)) + ":";
        AppendJson(out, value.members[i].value, budget);
      }
      out += '}';
      return;
  }
}

std::string RenderJson(const JsonValue& value, size_t max_chars) {
  std::string out;
  // A code point takes at most 4 bytes, so the budget never cuts inside the kept part.
  AppendJson(out, value, max_chars * 4 + 8);
  return TruncateText(out, max_chars);
}

/// The length of the UTF-8 sequence `lead` starts, or 0 when no sequence starts with it.
static size_t Utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

/// Whether the `length` bytes at `text[at]` are well formed: no overlong form, surrogate or value past U+10FFFF.
static bool IsWellFormed(std::string_view text, size_t at, size_t length) {
  if (length == 0 || at + length > text.size()) return false;
  for (size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(text[at + k]) & 0xC0) != 0x80) return false;
  }
  unsigned char lead = static_cast<unsigned char>(text[at]);
  unsigned char second = length > 1 ? static_cast<unsigned char>(text[at + 1]) : 0;
  return !(lead == 0xE0 && second < 0xA0) && !(lead == 0xED && second >= 0xA0) && !(lead == 0xF0 && second < 0x90) &&
         !(lead == 0xF4 && second >= 0x90);
}

// Replaces every byte that is not part of well-formed UTF-8 with U+FFFD, so that
// messages quoting bad input stay printable and serializable.
static std::string ValidUtf8(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    size_t length = Utf8Length(static_cast<unsigned char>(text[i]));
    if (IsWellFormed(text, i, length)) {
      out += text.substr(i, length);
      i += length;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

// ------------------------------------------------------------------ parsing

namespace {

using Json = nlohmann::json;

/// Builds a JsonValue tree from nlohmann's SAX events, tracking the path of the
/// value being read so that limit and duplicate-key errors can name it.
class TreeBuilder : public nlohmann::json_sax<Json> {
 public:
  explicit TreeBuilder(const DecodeLimits& limits) : limits_(limits) {}

  JsonValue& root() { return root_; }
  const std::optional<InputError>& error() const { return error_; }

  bool null() override { return Add(JsonValue{}) != nullptr; }
  bool boolean(bool value) override {
    JsonValue node = Node(JsonValue::Kind::Bool);
    node.boolean = value;
    return Add(std::move(node)) != nullptr;
  }
  bool number_integer(number_integer_t value) override { return AddNumber(std::to_string(value)); }
  bool number_unsigned(number_unsigned_t value) override { return AddNumber(std::to_string(value)); }
  // nlohmann hands over the literal as written; its double is never used.
  bool number_float(number_float_t, const string_t& text) override { return AddNumber(text); }
  bool string(string_t& value) override {
    JsonValue node = Node(JsonValue::Kind::String);
    node.text = std::move(value);
    return Add(std::move(node)) != nullptr;
  }
  bool binary(binary_t&) override { return Fail("$", "binary values are not JSON"); }

  bool start_object(std::size_t) override { return Open(JsonValue::Kind::Object); }
  bool key(string_t& key) override {
    Frame& frame = stack_.back();
    frame.key = key;
    if (!frame.keys.insert(std::move(key)).second) return Fail(PendingPath(), "duplicate key");
    return true;
  }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(JsonValue::Kind::Array); }
  bool end_array() override { return Close(); }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    // 406: a number too large for a double; the JSON is well formed, the value is not usable.
    if (ex.id == 406) return Fail(PendingPath(), "number out of range");
    size_t byte = position > 0 ? position - 1 : 0;  // nlohmann counts the offending byte as read
    return Fail("$", fmt::format("invalid JSON at byte {}: {}", byte, CleanMessage(ex.what())));
  }

 private:
  struct Frame {
    JsonValue* node;
    std::string key;  // objects: the key of the value being read
    std::unordered_set<std::string> keys;
  };

  static JsonValue Node(JsonValue::Kind kind) {
    JsonValue node;
    node.kind = kind;
    return node;
  }

  /// Places `node` where the document is, returning where it now lives.
  JsonValue* Add(JsonValue node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return &root_;
    }
    Frame& frame = stack_.back();
    if (frame.node->kind == JsonValue::Kind::Array) {
      frame.node->items.push_back(std::move(node));
      return &frame.node->items.back();
    }
    frame.node->members.push_back(JsonMember{frame.key, std::move(node)});
    return &frame.node->members.back().value;
  }

  bool AddNumber(std::string text) {
    JsonValue node = Node(JsonValue::Kind::Number);
    node.text = std::move(text);
    return Add(std::move(node)) != nullptr;
  }

  // Only the innermost container grows while it is open, so the pointers on the stack stay valid.
  bool Open(JsonValue::Kind kind) {
    if (stack_.size() >= limits_.max_depth) {
      return Fail(PendingPath(), fmt::format("nesting deeper than {} levels", limits_.max_depth));
    }
    stack_.push_back(Frame{Add(Node(kind)), {}, {}});
    return true;
  }

  bool Close() {
    stack_.pop_back();
    return true;
  }

  /// The path of the value about to be read (or of the key just read).
  std::string PendingPath() const {
    std::string path = "$";
    for (size_t i = 0; i < stack_.size(); ++i) {
      const Frame& frame = stack_[i];
      if (frame.node->kind == JsonValue::Kind::Object) {
        path += PathKey(frame.key);
      } else {
        bool innermost = i + 1 == stack_.size();
        path += PathIndex(frame.node->items.size() - (innermost ? 0 : 1));
      }
    }
    return path;
  }

  bool Fail(std::string path, std::string message) {
    if (!error_) error_ = InputError{std::move(path), std::move(message)};
    return false;
  }

  /// "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." → "syntax error ...".
  static std::string CleanMessage(std::string_view what) {
    if (size_t bracket = what.find("] "); what.starts_with("[json.exception.") && bracket != std::string_view::npos) {
      what.remove_prefix(bracket + 2);
    }
    if (size_t colon = what.find(": "); what.starts_with("parse error") && colon != std::string_view::npos) {
      what.remove_prefix(colon + 2);
    }
    return TruncateText(ValidUtf8(what), 160);
  }

  const DecodeLimits& limits_;
  JsonValue root_;
  std::vector<Frame> stack_;
  std::optional<InputError> error_;
};

}  // namespace

std::variant<JsonValue, InputError> ParseJson(std::string_view text, const DecodeLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return InputError{"$",
                      fmt::format("the document is {} bytes; the limit is {} bytes", text.size(), limits.max_bytes)};
  }
  TreeBuilder builder(limits);
  bool parsed = false;
  try {
    parsed = Json::sax_parse(text.begin(), text.end(), &builder);
  } catch (const std::exception& ex) {
    // The SAX parser reports through parse_error; this only catches exhaustion such as bad_alloc.
    return InputError{"$", "invalid JSON: " + ValidUtf8(ex.what())};
  }
  if (builder.error()) return *builder.error();
  if (!parsed) return InputError{"$", "invalid JSON"};
  // nlohmann takes a NUL byte for the end of input; one that follows a whole document is trailing garbage.
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return InputError{"$", fmt::format("invalid JSON at byte {}: unexpected NUL byte; expected end of input", nul)};
  }
  return std::move(builder.root());
}

}  // namespace charter::eval
