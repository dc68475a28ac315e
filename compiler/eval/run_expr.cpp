// Evaluation of IR expressions. Integer overflow, division by zero and
// calendar values outside years 0000–9999 stop the event with an EvalError.
#include <fmt/format.h>

#include "compiler/eval/calendar_ops.h"
#include "compiler/eval/errors.h"
#include "compiler/eval/run.h"
#include "runtime/builtins/builtins.h"
#include "runtime/builtins/sequence.h"

namespace charter::eval {

namespace {

constexpr int kMaxCallDepth = 256;

bool CompareResult(ir::Cmp cmp, int order) {
  switch (cmp) {
    case ir::Cmp::Eq: return order == 0;
    case ir::Cmp::Ne: return order != 0;
    case ir::Cmp::Lt: return order < 0;
    case ir::Cmp::Le: return order <= 0;
    case ir::Cmp::Gt: return order > 0;
    case ir::Cmp::Ge: return order >= 0;
  }
  return false;
}

Rational AsRational(const Value& v) {
  return std::holds_alternative<int64_t>(v.data) ? Rational::Int(v.as_int()) : v.as_dec();
}

}  // namespace

void Run::Fail(const ir::Expr& expr, const std::string& message) const { throw EvalFailure{message, expr.span}; }

const Value& Run::GlobalValue(int64_t index) {
  auto& slot = interp_.globals_[index];
  if (!slot) {
    const ir::Global& global = interp_.module_.globals[index];
    Frame frame(static_cast<size_t>(global.frame_size));
    slot = Eval(*global.init, frame);
  }
  return *slot;
}

Value Run::Eval(const ir::Expr& e, Frame& frame) {
  using ir::Op;
  auto arg = [&](size_t i) { return Eval(*e.args[i], frame); };
  auto int_op = [&](auto op, const char* what) {
    int64_t x = arg(0).as_int(), y = arg(1).as_int(), r = 0;
    if (op(x, y, &r)) Fail(e, errors::IntOverflow(x, what, y));
    return Value::Int(r);
  };
  auto dec_op = [&](auto op, const char* what) {
    Rational x = AsRational(arg(0)), y = AsRational(arg(1));
    std::optional<Rational> r = op(x, y);
    if (!r) {
      if (e.op == Op::DecDiv && y.num == 0) Fail(e, errors::DecDivisionByZero(x));
      Fail(e, errors::DecOverflow(x, what, y));
    }
    return Value::Dec(*r);
  };
  switch (e.op) {
    case Op::ConstBool: return Value::Bool(e.imm != 0);
    case Op::ConstInt: return Value::Int(e.imm);
    case Op::ConstDec: return Value::Dec(e.dec);
    case Op::ConstStr: return Value::Str(e.str);
    case Op::ConstNone: return Value::None();
    case Op::Local: return frame[e.slot];
    case Op::Global: return GlobalValue(e.imm);
    case Op::LetIn:
      frame[e.slot] = arg(0);
      return arg(1);
    case Op::Fail: {
      std::string message = e.str;
      if (!e.args.empty()) message += " " + Text(arg(0), e.args[0]->type);
      Fail(e, message);
    }

    case Op::MakeRecord:
    case Op::MakeList:
    case Op::MakeSet: {
      Items items;
      items.reserve(e.args.size());
      for (size_t i = 0; i < e.args.size(); ++i) items.push_back(arg(i));
      if (e.op == Op::MakeSet) return Value::Set(items);
      return e.op == Op::MakeRecord ? Value::Record(std::move(items)) : Value::List(std::move(items));
    }
    case Op::Field: return arg(0).items().at(e.imm);
    case Op::OptField: {
      Value record = arg(0);
      return record.is_none() ? Value::None() : record.items().at(e.imm);
    }
    case Op::With: {
      Items fields = arg(0).items();
      for (size_t i = 0; i < e.fields.size(); ++i) fields.at(e.fields[i]) = arg(i + 1);
      return Value::Record(std::move(fields));
    }
    case Op::Index: {
      Value list = arg(0);
      int64_t i = arg(1).as_int();
      if (i < 0 || static_cast<size_t>(i) >= list.items().size()) Fail(e, "index out of range");
      return list.items()[i];
    }

    case Op::IsNone: return Value::Bool(arg(0).is_none());
    case Op::Unwrap: {
      Value value = arg(0);
      if (value.is_none()) Fail(e, errors::kProvenNone);
      return value;
    }
    case Op::Coalesce: {
      Value value = arg(0);
      return value.is_none() ? arg(1) : value;
    }

    case Op::Not: return Value::Bool(!arg(0).as_bool());
    case Op::And: return Value::Bool(arg(0).as_bool() && arg(1).as_bool());
    case Op::Or: return Value::Bool(arg(0).as_bool() || arg(1).as_bool());
    case Op::If: return arg(0).as_bool() ? arg(1) : arg(2);
    case Op::Switch: {
      int64_t member = arg(0).as_int();
      if (member < 0 || static_cast<size_t>(member) >= e.fields.size() || e.fields[member] < 0) {
        Fail(e, "no arm for this member");
      }
      return arg(1 + static_cast<size_t>(e.fields[member]));
    }

    case Op::CmpInt: {
      int64_t x = arg(0).as_int(), y = arg(1).as_int();
      return Value::Bool(CompareResult(e.cmp, x < y ? -1 : (x > y ? 1 : 0)));
    }
    case Op::CmpDec: return Value::Bool(CompareResult(e.cmp, AsRational(arg(0)).Compare(AsRational(arg(1)))));
    case Op::CmpStr: return Value::Bool(CompareResult(e.cmp, arg(0).as_str().compare(arg(1).as_str())));
    case Op::CmpBool: {
      // Operands in source order (declarators are sequenced; function arguments are not).
      bool x = arg(0).as_bool(), y = arg(1).as_bool();
      return Value::Bool(CompareResult(e.cmp, x == y ? 0 : 1));
    }
    case Op::CmpDeep: {
      Value x = arg(0), y = arg(1);
      return Value::Bool(CompareResult(e.cmp, Equal(x, y) ? 0 : 1));
    }

    case Op::IntNeg: {
      int64_t x = arg(0).as_int();
      if (x == INT64_MIN) Fail(e, errors::kNegOverflow);
      return Value::Int(-x);
    }
    case Op::IntAbs: {
      int64_t x = arg(0).as_int();
      if (x == INT64_MIN) Fail(e, errors::kAbsOverflow);
      return Value::Int(x < 0 ? -x : x);
    }
    case Op::IntAdd: return int_op([](int64_t x, int64_t y, int64_t* r) { return __builtin_add_overflow(x, y, r); }, "+");
    case Op::IntSub: return int_op([](int64_t x, int64_t y, int64_t* r) { return __builtin_sub_overflow(x, y, r); }, "-");
    case Op::IntMul: return int_op([](int64_t x, int64_t y, int64_t* r) { return __builtin_mul_overflow(x, y, r); }, "*");
    case Op::IntDiv: {
      int64_t x = arg(0).as_int(), y = arg(1).as_int();
      if (y == 0) Fail(e, errors::IntDivisionByZero(x));
      if (x == INT64_MIN && y == -1) Fail(e, errors::kDivOverflow);
      return Value::Int(x / y);
    }

    case Op::IntToDec: {
      int64_t x = arg(0).as_int();
      if (x == INT64_MIN) Fail(e, errors::kIntToDecOverflow);
      return Value::Dec(Rational::Int(x));
    }
    case Op::DecNeg: return Value::Dec(AsRational(arg(0)).Neg());
    case Op::DecAbs: {
      Rational x = AsRational(arg(0));
      return Value::Dec(x.num < 0 ? x.Neg() : x);
    }
    case Op::DecAdd: return dec_op([](const Rational& x, const Rational& y) { return x.Add(y); }, "+");
    case Op::DecSub: return dec_op([](const Rational& x, const Rational& y) { return x.Sub(y); }, "-");
    case Op::DecMul: return dec_op([](const Rational& x, const Rational& y) { return x.Mul(y); }, "*");
    case Op::DecDiv: return dec_op([](const Rational& x, const Rational& y) { return x.Div(y); }, "/");

    case Op::DateAddDays: {
      int64_t date = arg(0).as_int(), seconds = arg(1).as_int();
      auto days = DateAddSeconds(date, seconds);
      if (!days) Fail(e, errors::kDateRange);
      return Value::Int(*days);
    }
    case Op::DateAddBizDays: {
      int64_t date = arg(0).as_int(), business_days = arg(1).as_int();
      auto days = DateAddBusinessDays(date, business_days);
      if (!days) Fail(e, errors::kDateRange);
      return Value::Int(*days);
    }
    case Op::DateDiff: {
      int64_t x = arg(0).as_int(), y = arg(1).as_int();
      return Value::Int((x - y) * 86400);
    }
    case Op::TsAdd: {
      int64_t timestamp = arg(0).as_int(), seconds = arg(1).as_int();
      auto micros = TimestampAddSeconds(timestamp, seconds);
      if (!micros) Fail(e, errors::kTimestampRange);
      return Value::Int(*micros);
    }
    case Op::TsDiff: {
      int64_t x = arg(0).as_int(), y = arg(1).as_int();
      return Value::Int(TimestampDiffSeconds(x, y));
    }

    case Op::Call: case Op::CallBuiltin: return EvalCall(e, frame);
    case Op::Length: case Op::Contains: case Op::Any: case Op::All: case Op::CountIf: case Op::Filter: case Op::Map:
    case Op::SumInt: case Op::SumDec: case Op::MinBy: case Op::MaxBy: case Op::Distinct: case Op::ListConcat:
    case Op::ListAt: case Op::ListSlice: case Op::IndexOf: case Op::StrJoin:
      return EvalCollection(e, frame);
    case Op::StrAt: case Op::StrSlice: case Op::StrIndexOf:
    case Op::StrConcat: case Op::StrLower: case Op::StrUpper: case Op::StrTrim: case Op::StrLength:
    case Op::StrStartsWith: case Op::StrEndsWith: case Op::StrContains: case Op::StrMatches: case Op::StrSplit:
    case Op::ToText: case Op::Format:
      return EvalString(e, frame);
  }
  // Every op is a case above (-Wswitch): a new op in ops.def fails the build here until it is evaluated.
  Fail(e, std::string("internal error: cannot evaluate ") + ir::OpName(e.op));
}

Value Run::EvalCall(const ir::Expr& e, Frame& frame) {
  std::vector<Value> args;
  args.reserve(e.args.size());
  for (const auto& a : e.args) args.push_back(Eval(*a, frame));
  if (e.op == ir::Op::CallBuiltin) {
    auto result = eval::CallBuiltin(e.imm, args);
    // The builtin's error stops the event at the call.
    if (auto* error = std::get_if<EvalError>(&result)) Fail(e, error->message);
    return std::get<Value>(std::move(result));
  }
  const ir::Function& fn = interp_.module_.functions.at(e.imm);
  // Charter has no recursion; this only guards against a lowering bug.
  if (++call_depth_ > kMaxCallDepth) Fail(e, "calls nested too deeply");
  Frame callee(static_cast<size_t>(std::max<int32_t>(fn.frame_size, static_cast<int32_t>(args.size()))));
  for (size_t i = 0; i < args.size(); ++i) callee[i] = std::move(args[i]);
  if (!fn.body) Fail(e, "function `" + fn.name + "` has no body");
  Value result = Eval(*fn.body, callee);
  --call_depth_;
  return result;
}

Value Run::EvalCollection(const ir::Expr& e, Frame& frame) {
  using ir::Op;
  Value list = Eval(*e.args[0], frame);
  const Items& items = list.items();
  auto apply = [&](const Value& item) {
    frame[e.slot] = item;
    return Eval(*e.args[1], frame);
  };
  switch (e.op) {
    case Op::Length: return Value::Int(static_cast<int64_t>(items.size()));
    case Op::ListConcat: {
      Value other = Eval(*e.args[1], frame);
      Items both = items;
      both.insert(both.end(), other.items().begin(), other.items().end());
      return Value::List(std::move(both));
    }
    case Op::ListAt: {
      auto at = runtime::ResolveIndex(Eval(*e.args[1], frame).as_int(), items.size());
      return at ? items[*at] : Value::None();
    }
    case Op::ListSlice: {
      int64_t lo = Eval(*e.args[1], frame).as_int(), hi = Eval(*e.args[2], frame).as_int();
      auto [first, last] = runtime::ResolveSlice(lo, hi, items.size());
      return Value::List(Items(items.begin() + static_cast<ptrdiff_t>(first), items.begin() + static_cast<ptrdiff_t>(last)));
    }
    case Op::IndexOf: {
      Value needle = Eval(*e.args[1], frame);
      for (size_t i = 0; i < items.size(); ++i) {
        if (Equal(items[i], needle)) return Value::Int(static_cast<int64_t>(i));
      }
      return Value::None();
    }
    case Op::StrJoin: {
      std::string sep = Eval(*e.args[1], frame).as_str(), out;
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += sep;
        out += items[i].as_str();
      }
      return Value::Str(std::move(out));
    }
    case Op::Contains: {
      Value needle = Eval(*e.args[1], frame);
      for (const Value& item : items) {
        if (Equal(item, needle)) return Value::Bool(true);
      }
      return Value::Bool(false);
    }
    case Op::Any:
      for (const Value& item : items) {
        if (apply(item).as_bool()) return Value::Bool(true);
      }
      return Value::Bool(false);
    case Op::All:
      for (const Value& item : items) {
        if (!apply(item).as_bool()) return Value::Bool(false);
      }
      return Value::Bool(true);
    case Op::CountIf: {
      int64_t count = 0;
      for (const Value& item : items) count += apply(item).as_bool();
      return Value::Int(count);
    }
    case Op::Filter: {
      Items kept;
      for (const Value& item : items) {
        if (apply(item).as_bool()) kept.push_back(item);
      }
      return list.is_set() ? Value::Set(kept) : Value::List(std::move(kept));
    }
    case Op::Map: {
      Items mapped;
      mapped.reserve(items.size());
      for (const Value& item : items) mapped.push_back(apply(item));
      return Value::List(std::move(mapped));
    }
    case Op::SumInt: {
      int64_t sum = 0;
      for (const Value& item : items) {
        if (__builtin_add_overflow(sum, apply(item).as_int(), &sum)) Fail(e, errors::kIntSumOverflow);
      }
      return Value::Int(sum);
    }
    case Op::SumDec: {
      Rational sum;
      for (const Value& item : items) {
        auto next = sum.Add(AsRational(apply(item)));
        if (!next) Fail(e, errors::kDecSumOverflow);
        sum = *next;
      }
      return Value::Dec(sum);
    }
    case Op::MinBy:
    case Op::MaxBy: {
      std::optional<Value> best;
      for (const Value& item : items) {
        Value key = apply(item);
        int order = best ? Compare(key, *best) : 0;
        if (!best || (e.op == Op::MinBy ? order < 0 : order > 0)) best = std::move(key);
      }
      return best ? *best : Value::None();
    }
    case Op::Distinct: {
      Items keys;
      keys.reserve(items.size());
      for (const Value& item : items) keys.push_back(apply(item));
      return Value::Set(keys);
    }
    default: Fail(e, "internal error: not a collection operation");
  }
}

bool Run::Matches(const ir::Expr& e, const std::string& text, const std::string& pattern) {
  if (text.size() > errors::kMaxRegexInput) Fail(e, errors::RegexInputTooLong(text.size()));
  auto matched = interp_.regexes_.Match(e.imm, pattern, text);
  if (auto* error = std::get_if<std::string>(&matched)) Fail(e, *error);
  return std::get<bool>(matched);
}

Value Run::EvalString(const ir::Expr& e, Frame& frame) {
  using ir::Op;
  auto str = [&](size_t i) { return Eval(*e.args[i], frame).as_str(); };
  switch (e.op) {
    case Op::StrConcat: {
      std::string x = str(0);  // operands in source order: the first evaluation error wins
      return Value::Str(x + str(1));
    }
    case Op::StrLower: return Value::Str(runtime::AsciiLower(str(0)));
    case Op::StrUpper: return Value::Str(runtime::AsciiUpper(str(0)));
    case Op::StrTrim: return Value::Str(std::string(runtime::TrimSpace(str(0))));
    case Op::StrLength: return Value::Int(runtime::CodePointCount(str(0)));
    case Op::StrStartsWith: return Value::Bool(std::string_view(str(0)).starts_with(str(1)));
    case Op::StrEndsWith: return Value::Bool(std::string_view(str(0)).ends_with(str(1)));
    case Op::StrContains: return Value::Bool(str(0).find(str(1)) != std::string::npos);
    case Op::StrMatches: {
      std::string text = str(0), pattern = str(1);
      return Value::Bool(Matches(e, text, pattern));
    }
    case Op::StrSplit: {
      std::string text = str(0), sep = str(1);
      if (sep.empty()) Fail(e, errors::kEmptySeparator);
      Items parts;
      size_t start = 0;
      for (size_t at; (at = text.find(sep, start)) != std::string::npos; start = at + sep.size()) {
        parts.push_back(Value::Str(text.substr(start, at - start)));
      }
      parts.push_back(Value::Str(text.substr(start)));
      return Value::List(std::move(parts));
    }
    case Op::StrAt: {
      std::string text = str(0);
      auto piece = runtime::CodePointAt(text, Eval(*e.args[1], frame).as_int());
      return piece ? Value::Str(std::string(*piece)) : Value::None();
    }
    case Op::StrSlice: {
      std::string text = str(0);
      int64_t lo = Eval(*e.args[1], frame).as_int(), hi = Eval(*e.args[2], frame).as_int();
      return Value::Str(std::string(runtime::CodePointSlice(text, lo, hi)));
    }
    case Op::StrIndexOf: {
      std::string text = str(0), part = str(1);
      auto at = runtime::CodePointIndexOf(text, part);
      return at ? Value::Int(*at) : Value::None();
    }
    case Op::ToText: return Value::Str(Text(Eval(*e.args[0], frame), e.args[0]->type));
    case Op::Format: {
      std::string out;
      for (size_t i = 0; i < e.args.size(); ++i) out += str(i);
      return Value::Str(std::move(out));
    }
    default: Fail(e, std::string("internal error: cannot evaluate ") + ir::OpName(e.op));
  }
}

}  // namespace charter::eval
