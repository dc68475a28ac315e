#include "compiler/eval/value.h"

namespace charter::eval {

Value Value::Set(const Items& items) {
  Items unique;
  for (const Value& item : items) {
    bool seen = false;
    for (const Value& kept : unique) seen = seen || Equal(kept, item);
    if (!seen) unique.push_back(item);
  }
  return Value(Data(std::make_shared<const Seq>(Seq{std::move(unique), true})));
}

static bool SetContains(const Items& items, const Value& value) {
  for (const Value& item : items) {
    if (Equal(item, value)) return true;
  }
  return false;
}

bool Equal(const Value& a, const Value& b) {
  // Ints meet decimals where an int flowed into a decimal slot.
  if (std::holds_alternative<int64_t>(a.data) && std::holds_alternative<Rational>(b.data)) {
    return Rational::Int(a.as_int()) == b.as_dec();
  }
  if (std::holds_alternative<Rational>(a.data) && std::holds_alternative<int64_t>(b.data)) return Equal(b, a);
  if (a.data.index() != b.data.index()) return false;
  if (!std::holds_alternative<std::shared_ptr<const Seq>>(a.data)) return a.data == b.data;
  const Items& x = a.items();
  const Items& y = b.items();
  if (x.size() != y.size()) return false;
  if (a.is_set() || b.is_set()) {
    for (const Value& item : x) {
      if (!SetContains(y, item)) return false;
    }
    return true;
  }
  for (size_t i = 0; i < x.size(); ++i) {
    if (!Equal(x[i], y[i])) return false;
  }
  return true;
}

int Compare(const Value& a, const Value& b) {
  auto sign = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
  if (std::holds_alternative<int64_t>(a.data) && std::holds_alternative<int64_t>(b.data)) {
    return sign(a.as_int(), b.as_int());
  }
  auto as_rational = [](const Value& v) {
    return std::holds_alternative<int64_t>(v.data) ? Rational::Int(v.as_int()) : v.as_dec();
  };
  if (std::holds_alternative<std::string>(a.data)) return sign(a.as_str(), b.as_str());
  if (std::holds_alternative<bool>(a.data)) return sign(a.as_bool(), b.as_bool());
  return as_rational(a).Compare(as_rational(b));
}

}  // namespace charter::eval
