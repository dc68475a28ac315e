// Decoding walks the document once with simdjson On Demand against the
// event's schema plan, writing cells into a per-event bump arena. Anything
// unusual returns false all the way up; the slow decoder then has the last word.
#include "compiler/ingest/fast_decoder.h"

#include <algorithm>
#include <charconv>
#include <cstring>

#include <simdjson.h>

#include "compiler/base/calendar.h"
#include "compiler/eval/json_number.h"
#include "compiler/ingest/lexical_checks.h"
#include "compiler/jit/host/cells.h"

namespace charter::ingest {

namespace od = simdjson::ondemand;

namespace {

// Sets this large go to the slow decoder, whose hashing keeps them linear.
constexpr size_t kMaxFastSetItems = 256;
// Past this many unknown keys in one object, duplicates are found by sorting.
constexpr size_t kLinearKeyCheck = 16;

CharterCell Bits(int64_t a, int64_t b = 0) { return CharterCell{static_cast<uint64_t>(a), static_cast<uint64_t>(b)}; }
CharterCell None() { return CharterCell{0, jit::kCellNone}; }

bool Integer(std::string_view text, int64_t& out) {
  if (!IsStrictNumber(text) || !eval::IsIntegerSyntax(text)) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

struct FastDecoder::Impl {
  Impl(const CheckedProgram& program, const std::vector<const ast::EventDecl*>& events, eval::DecodeLimits l)
      : plans(program, events), limits(l) {}

  std::optional<FastEvent> Decode(std::string_view json, size_t readable_after);
  bool FindKind(od::document& doc, int32_t& kind);
  bool Object(od::object object, const Plan& plan, CharterCell& out, FastEvent* root);
  bool RootKey(std::string_view key, od::value value, FastEvent& event, bool& handled);
  bool Value(od::value value, const Plan& plan, CharterCell& out);
  bool Sequence(od::value value, const Plan& plan, CharterCell& out);
  bool Dedupe(size_t at, const Plan& plan);
  bool Skip(od::value value);
  bool Enter() { return ++depth <= limits.max_depth; }
  bool Key(od::field& field, std::string_view& key);
  bool String(od::value& value, std::string_view& text);
  bool UniqueKeys(size_t at);

  SchemaPlans plans;
  eval::DecodeLimits limits;
  od::parser parser;
  std::vector<char> padded;  // the document and simdjson's padding when it is copied; reused
  const char* buffer_end = nullptr;  // the end of the readable bytes the document is parsed in
  jit::Arena arena;
  // Stacks shared by every level of one document, so nesting allocates nothing once warm.
  std::vector<CharterCell> items;           // list items being read
  std::vector<uint64_t> seen;               // bitsets of the record fields given
  std::vector<std::string_view> unknown;    // keys no field names, for duplicates
  unsigned depth = 0;
  bool kind_seen = false, id_seen = false;
  bool plain = false;  // no escapes in the document: strings are read in place, not unescaped
};

// A key is read in place when the document has no escapes: its raw bytes end at the next quote.
bool FastDecoder::Impl::Key(od::field& field, std::string_view& key) {
  if (!plain) return !field.unescaped_key().get(key);
  const char* start = field.key().raw();
  const auto* quote = static_cast<const char*>(std::memchr(start, '"', static_cast<size_t>(buffer_end - start)));
  if (!quote) return false;
  key = std::string_view(start, static_cast<size_t>(quote - start));
  return true;
}

// A string value in place, likewise: its token is the quotes, its bytes and any whitespace after.
bool FastDecoder::Impl::String(od::value& value, std::string_view& text) {
  if (!plain) return !value.get_string().get(text);
  std::string_view token = TrimToken(value.raw_json_token());
  if (token.size() < 2 || token.front() != '"' || token.back() != '"') return false;
  text = token.substr(1, token.size() - 2);
  return true;
}

std::optional<FastEvent> FastDecoder::Impl::Decode(std::string_view json, size_t readable_after) {
  if (json.size() > limits.max_bytes) return std::nullopt;
  plain = IsPlainText(json);
  if (!plain && !HasStrictStrings(json)) return std::nullopt;
  // A scalar ends at the line end at the latest, so nothing is read as part of the document beyond it.
  const char* buffer = json.data();
  size_t capacity = json.size() + readable_after;
  if (readable_after < simdjson::SIMDJSON_PADDING || (json.data()[json.size()] != '\n' && json.data()[json.size()] != '\r')) {
    padded.resize(json.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(padded.data(), json.data(), json.size());
    std::memset(padded.data() + json.size(), 0, simdjson::SIMDJSON_PADDING);
    buffer = padded.data();
    capacity = padded.size();
  }
  buffer_end = buffer + capacity;
  arena.Reset();
  items.clear();
  seen.clear();
  unknown.clear();
  depth = 0;
  kind_seen = id_seen = false;

  od::document doc;
  if (parser.iterate(buffer, json.size(), capacity).get(doc)) return std::nullopt;
  FastEvent event;
  if (!FindKind(doc, event.kind)) return std::nullopt;
  const EventPlan& plan = plans.event(event.kind);
  if (plan.declares_kind_or_id) return std::nullopt;
  doc.rewind();
  od::object root;
  if (doc.get_object().get(root)) return std::nullopt;
  if (!Object(root, *plan.record, event.value, &event)) return std::nullopt;
  // Only the end of input may follow the object (a second document, or garbage, must not).
  if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) return std::nullopt;
  return event;
}

// The kind may come after fields that need it: a first pass finds it, then the document is rewound.
bool FastDecoder::Impl::FindKind(od::document& doc, int32_t& kind) {
  od::object root;
  if (doc.get_object().get(root)) return false;
  for (auto result : root) {
    if (result.error()) return false;
    od::field& field = result.value_unsafe();  // in place: moving a field out costs a store-forwarding stall
    std::string_view key, name;
    if (!Key(field, key)) return false;
    if (key != "kind") continue;
    if (!String(field.value(), name)) return false;
    kind = plans.Find(name);
    return kind >= 0 && plans.event(kind).record->op == PlanOp::Record;
  }
  return false;
}

bool FastDecoder::Impl::Object(od::object object, const Plan& plan, CharterCell& out, FastEvent* root) {
  if (!Enter()) return false;
  size_t count = plan.fields.size();
  CharterCell* cells = arena.Cells(count);
  size_t seen_at = seen.size(), unknown_at = unknown.size();
  seen.resize(seen_at + (count + 63) / 64, 0);
  size_t next = 0;
  for (auto result : object) {
    if (result.error()) return false;
    od::field& field = result.value_unsafe();  // in place: moving a field out costs a store-forwarding stall
    std::string_view key;
    if (!Key(field, key)) return false;
    // Producers mostly write fields in declaration order: look where the last one was found first.
    size_t index = count;
    for (size_t k = 0; k < count; ++k) {
      size_t at = next + k < count ? next + k : next + k - count;
      if (plan.fields[at].name == key) {
        index = at;
        break;
      }
    }
    if (index < count) {
      next = index + 1 == count ? 0 : index + 1;
      uint64_t& word = seen[seen_at + index / 64];
      uint64_t bit = uint64_t{1} << (index % 64);
      if (word & bit) return false;  // duplicate key
      word |= bit;
      if (!Value(field.value(), *plan.fields[index].plan, cells[index])) return false;
      continue;
    }
    if (root) {
      bool handled = false;
      if (!RootKey(key, field.value(), *root, handled)) return false;
      if (handled) continue;
    }
    unknown.push_back(key);
    if (!Skip(field.value())) return false;
  }
  if (!UniqueKeys(unknown_at)) return false;
  for (size_t i = 0; i < count; ++i) {
    if (seen[seen_at + i / 64] & (uint64_t{1} << (i % 64))) continue;
    if (!plan.fields[i].optional) return false;  // missing required field
    cells[i] = None();
  }
  seen.resize(seen_at);
  unknown.resize(unknown_at);
  --depth;
  out = CharterCell{reinterpret_cast<uint64_t>(cells), count};
  return true;
}

// `kind` was read by FindKind; here it only must not repeat. `id`: a string or an integer, or null.
bool FastDecoder::Impl::RootKey(std::string_view key, od::value value, FastEvent& event, bool& handled) {
  if (key == "kind") {
    handled = true;
    if (kind_seen) return false;
    kind_seen = true;
    std::string_view name;
    return String(value, name);
  }
  if (key != "id") return true;
  handled = true;
  if (id_seen) return false;
  id_seen = true;
  od::json_type type;
  if (value.type().get(type)) return false;
  EventId& id = event.id;
  switch (type) {
    case od::json_type::null: return TrimToken(value.raw_json_token()) == "null";
    case od::json_type::string:
      id.kind = EventId::Kind::String;
      return String(value, id.text);
    case od::json_type::number: {
      std::string_view text = TrimToken(value.raw_json_token());
      if (Integer(text, id.signed_value)) {
        id.kind = EventId::Kind::Signed;
        return true;
      }
      if (!IsStrictNumber(text) || !eval::IsIntegerSyntax(text)) return false;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id.unsigned_value);
      id.kind = EventId::Kind::Unsigned;
      return ec == std::errc() && end == text.data() + text.size();
    }
    default: return false;
  }
}

bool FastDecoder::Impl::Value(od::value value, const Plan& plan, CharterCell& out) {
  od::json_type type;
  if (value.type().get(type)) return false;
  std::string_view text;
  switch (plan.op) {
    case PlanOp::Optional:
      if (type == od::json_type::null) {
        out = None();
        return TrimToken(value.raw_json_token()) == "null";
      }
      return Value(value, *plan.element, out);
    case PlanOp::Bool:
      if (type != od::json_type::boolean) return false;
      text = TrimToken(value.raw_json_token());
      out = Bits(text == "true");
      return text == "true" || text == "false";
    case PlanOp::Int: {
      int64_t n = 0;
      if (type != od::json_type::number || !Integer(TrimToken(value.raw_json_token()), n)) return false;
      out = Bits(n);
      return true;
    }
    case PlanOp::Decimal:
    case PlanOp::Percent: {
      if (type != od::json_type::number) return false;
      text = TrimToken(value.raw_json_token());
      if (!IsStrictNumber(text)) return false;
      std::optional<Rational> number = eval::ParseExactNumber(text);
      if (!number) return false;
      if (plan.op == PlanOp::Percent && (*number < Rational::Int(0) || Rational::Int(100) < *number)) return false;
      out = Bits(number->num, number->den);
      return true;
    }
    case PlanOp::String:
      // The bytes stay in the parser's string buffer, which lives until the next document.
      if (type != od::json_type::string || !String(value, text)) return false;
      out = CharterCell{reinterpret_cast<uint64_t>(text.data()), text.size()};
      return true;
    case PlanOp::Date: {
      if (type != od::json_type::string || !String(value, text)) return false;
      std::optional<int32_t> days = ParseDate(text);
      if (!days) return false;
      out = Bits(*days);
      return true;
    }
    case PlanOp::Timestamp: {
      if (type != od::json_type::string || !String(value, text)) return false;
      std::optional<int64_t> micros = ParseTimestamp(text);
      if (!micros) return false;
      out = Bits(*micros);
      return true;
    }
    case PlanOp::Enum:
      if (type != od::json_type::string || !String(value, text)) return false;
      for (size_t i = 0; i < plan.spellings.size(); ++i) {
        if (plan.spellings[i] == text) {
          out = Bits(static_cast<int64_t>(i));
          return true;
        }
      }
      return false;
    case PlanOp::Record: {
      od::object object;
      if (type != od::json_type::object || value.get_object().get(object)) return false;
      return Object(object, plan, out, nullptr);
    }
    case PlanOp::List:
    case PlanOp::Set:
      if (type != od::json_type::array) return false;
      return Sequence(value, plan, out);
    case PlanOp::Never: return false;
  }
  return false;
}

bool FastDecoder::Impl::Sequence(od::value value, const Plan& plan, CharterCell& out) {
  od::array array;
  if (value.get_array().get(array) || !Enter()) return false;
  size_t at = items.size();
  for (auto result : array) {
    od::value item;
    CharterCell cell;
    // `items` may grow inside Value (nested lists): the cell is pushed after it returns.
    if (std::move(result).get(item) || !Value(item, *plan.element, cell)) return false;
    items.push_back(cell);
  }
  if (plan.op == PlanOp::Set && !Dedupe(at, plan)) return false;
  size_t count = items.size() - at;
  CharterCell* cells = arena.Cells(count);
  std::copy(items.begin() + static_cast<std::ptrdiff_t>(at), items.end(), cells);
  items.resize(at);
  --depth;
  out = CharterCell{reinterpret_cast<uint64_t>(cells), count};
  return true;
}

// A set keeps the first of each value, in order (eval's MakeSet).
bool FastDecoder::Impl::Dedupe(size_t at, const Plan& plan) {
  bool strings = plan.element->op == PlanOp::String;
  if ((!plan.set_by_bits && !strings) || items.size() - at > kMaxFastSetItems) return false;
  auto same = [strings](CharterCell x, CharterCell y) {
    if (!strings) return x.a == y.a && x.b == y.b;
    return x.b == y.b && std::memcmp(reinterpret_cast<const void*>(x.a), reinterpret_cast<const void*>(y.a), x.b) == 0;
  };
  size_t kept = at;
  for (size_t i = at; i < items.size(); ++i) {
    bool repeat = false;
    for (size_t k = at; k < kept && !repeat; ++k) repeat = same(items[k], items[i]);
    if (!repeat) items[kept++] = items[i];
  }
  items.resize(kept);
  return true;
}

// A value no field asks for is still read through: it must be JSON the slow decoder accepts.
bool FastDecoder::Impl::Skip(od::value value) {
  od::json_type type;
  if (value.type().get(type)) return false;
  std::string_view text;
  switch (type) {
    case od::json_type::object: {
      od::object object;
      if (value.get_object().get(object) || !Enter()) return false;
      size_t unknown_at = unknown.size();
      for (auto result : object) {
        if (result.error()) return false;
        od::field& field = result.value_unsafe();
        std::string_view key;
        if (!Key(field, key)) return false;
        unknown.push_back(key);
        if (!Skip(field.value())) return false;
      }
      if (!UniqueKeys(unknown_at)) return false;
      unknown.resize(unknown_at);
      --depth;
      return true;
    }
    case od::json_type::array: {
      od::array array;
      if (value.get_array().get(array) || !Enter()) return false;
      for (auto result : array) {
        od::value item;
        if (std::move(result).get(item) || !Skip(item)) return false;
      }
      --depth;
      return true;
    }
    case od::json_type::string: return String(value, text);
    case od::json_type::number: return IsStrictNumber(TrimToken(value.raw_json_token()));
    case od::json_type::boolean:
      text = TrimToken(value.raw_json_token());
      return text == "true" || text == "false";
    case od::json_type::null: return TrimToken(value.raw_json_token()) == "null";
  }
  return false;
}

bool FastDecoder::Impl::UniqueKeys(size_t at) {
  size_t count = unknown.size() - at;
  if (count < 2) return true;
  auto begin = unknown.begin() + static_cast<std::ptrdiff_t>(at);
  if (count <= kLinearKeyCheck) {
    for (auto i = begin; i != unknown.end(); ++i) {
      if (std::find(begin, i, *i) != i) return false;
    }
    return true;
  }
  std::vector<std::string_view> sorted(begin, unknown.end());
  std::sort(sorted.begin(), sorted.end());
  return std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
}

FastDecoder::FastDecoder(const CheckedProgram& program, const std::vector<const ast::EventDecl*>& events,
                         eval::DecodeLimits limits)
    : impl_(std::make_unique<Impl>(program, events, limits)) {}

FastDecoder::~FastDecoder() = default;

std::optional<FastEvent> FastDecoder::Decode(std::string_view json, size_t readable_after) {
  return impl_->Decode(json, readable_after);
}

}  // namespace charter::ingest
