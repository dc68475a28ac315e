// Runtime values of the reference interpreter. A value's static type is known
// from the IR, so the representation is untyped: dates, timestamps, durations,
// business days and enum members are all integers, and records and lists are
// both sequences (a record's fields by declaration order).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "compiler/base/rational.h"

namespace charter {
struct Type;
}

namespace charter::eval {

struct Value;
using Items = std::vector<Value>;

/// A record, tally, list or set. Sets keep their first-seen order and compare
/// as sets, which is why they are marked.
struct Seq {
  Items items;
  bool is_set = false;
};

/// Representation by static type:
///   bool → bool; int, date (days since 1970-01-01), timestamp (µs since the
///   epoch), duration (seconds), business days (a count), enum (member index)
///   → int64_t; decimal and percent (the number of percent) → Rational;
///   string → std::string (UTF-8); record, tally, list, set → Items;
///   none → std::monostate.
struct Value {
  using Data = std::variant<std::monostate, bool, int64_t, Rational, std::string, std::shared_ptr<const Seq>>;
  Data data;

  Value() = default;
  static Value None() { return Value(); }
  static Value Bool(bool b) { return Value(Data(b)); }
  static Value Int(int64_t i) { return Value(Data(i)); }
  static Value Dec(Rational r) { return Value(Data(r)); }
  static Value Str(std::string s) { return Value(Data(std::move(s))); }
  static Value Record(Items fields) { return Value(Data(std::make_shared<const Seq>(Seq{std::move(fields), false}))); }
  static Value List(Items items) { return Value(Data(std::make_shared<const Seq>(Seq{std::move(items), false}))); }
  /// Drops repeats, keeping the first of each.
  static Value Set(const Items& items);

  bool is_none() const { return std::holds_alternative<std::monostate>(data); }
  bool as_bool() const { return std::get<bool>(data); }
  int64_t as_int() const { return std::get<int64_t>(data); }
  const Rational& as_dec() const { return std::get<Rational>(data); }
  const std::string& as_str() const { return std::get<std::string>(data); }
  const Items& items() const { return std::get<std::shared_ptr<const Seq>>(data)->items; }
  bool is_set() const { return std::get<std::shared_ptr<const Seq>>(data)->is_set; }

 private:
  explicit Value(Data d) : data(std::move(d)) {}
};

/// Structural equality: sets compare as sets, decimals exactly; an int equals
/// the decimal of the same value.
bool Equal(const Value& a, const Value& b);
/// Order of two values of one ordered type (numbers, strings by bytes, which
/// is code point order in UTF-8, dates, ...): -1, 0, 1.
int Compare(const Value& a, const Value& b);

}  // namespace charter::eval
