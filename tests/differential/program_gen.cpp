#include "tests/differential/program_gen.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <random>

#include "tests/differential/types.h"

namespace charter::differential {

namespace {

struct Var {
  std::string name;
  Ty ty;
};

/// A callable the expression generator may use: a `fn`, threshold or quorum.
struct Callable {
  std::string name;
  std::vector<Ty> params;
  Ty result;
};

using Production = std::function<std::optional<std::string>()>;

std::string Paren(const std::string& text) { return "(" + text + ")"; }

class Generator {
 public:
  Generator(uint64_t seed, const ProgramShape& shape) : rng_(seed), shape_(shape) {}

  Program Generate() {
    Program program;
    program.imports = {"std.time", "std.text", "std.url", "std.semver"};
    program.prelude = Vocabulary();
    GenerateConstants(program);
    GenerateGovernance(program);
    for (int i = 0; i < shape_.functions; ++i) program.decls.push_back(GenerateFunction(i));
    for (int i = 0; i < shape_.rules; ++i) program.rules.push_back(GenerateRule(i));
    return program;
  }

 private:
  // ---------------------------------------------------------------- randomness
  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool Chance(int percent) { return Pick(100) < percent; }
  template <typename T>
  const T& OneOf(const std::vector<T>& items) { return items[Pick(static_cast<int>(items.size()))]; }
  std::string Fresh(const std::string& prefix) { return prefix + std::to_string(fresh_++); }

  // ---------------------------------------------------------------- scope
  /// A narrowed path shadows the optional of the same name declared before it.
  bool Visible(size_t index) const {
    for (size_t later = index + 1; later < env_.size(); ++later) if (env_[later].name == env_[index].name) return false;
    return true;
  }
  bool HasVar(Ty ty) const {
    for (size_t i = 0; i < env_.size(); ++i) if (env_[i].ty == ty && Visible(i)) return true;
    return false;
  }
  std::optional<std::string> VarOf(Ty ty) {
    std::vector<std::string> names;
    for (size_t i = 0; i < env_.size(); ++i) if (env_[i].ty == ty && Visible(i)) names.push_back(env_[i].name);
    if (names.empty()) return std::nullopt;
    return OneOf(names);
  }
  /// Runs `body` with `var` in scope, as a lambda parameter or a narrowed path.
  std::string With(const std::string& name, Ty ty, const std::function<std::string()>& body) {
    env_.push_back({name, ty});
    std::string text = body();
    env_.pop_back();
    return text;
  }

  /// Whether an expression of `ty` can be written here: inside an interpolation
  /// no string literal may appear, so string-made values need a variable.
  bool CanMake(Ty ty) const {
    switch (ty) {
      case Ty::Str: case Ty::ListStr: case Ty::Item: case Ty::Ballot: case Ty::ListItem: case Ty::ListBallot:
        return !in_interpolation_ || HasVar(ty);
      case Ty::OptStr: return HasVar(Ty::OptStr) || CanMake(Ty::Str);
      case Ty::OptItem: return HasVar(Ty::OptItem);
      case Ty::Tally: return has_vote_ && HasVar(Ty::ListBallot);
      default: return true;
    }
  }

  // ---------------------------------------------------------------- literals
  std::string IntLiteral() {
    static const std::vector<std::string> values = {"0", "1", "2", "3", "5", "7", "10", "42", "100", "(-1)", "(-7)",
                                                     "9223372036854775807", "4611686018427387904", "1000000007"};
    return Chance(95) ? std::to_string(Pick(12)) : OneOf(values);
  }
  std::string DecLiteral() {
    static const std::vector<std::string> values = {"0.5", "1.25", "0.1", "2.0", "100.001", "3.14159", "0.000001",
                                                    "(-2.5)", "92233720368.54775807", "0.3333", "7.0"};
    return OneOf(values);
  }
  std::string PctLiteral() {
    static const std::vector<std::string> values = {"0%", "25%", "62.5%", "100%", "150%", "0.5%", "50%", "99.99%"};
    return OneOf(values);
  }
  std::string StrLiteral() {
    static const std::vector<std::string> values = {
        "\"\"", "\"a\"", "\"Hello\"", "\" x y \"", "\"a,b,,c\"", "\"1.2.3\"", "\"1.2.3-rc.1\"", "\"v1.0\"",
        "\"https://Example.com/x\"", "\"http://user@a.b:80/p\"", "\"caf\\u00e9\"", "\"tab\\there\"",
        "\"q\\\"uote\"", "\"brace \\{x\\}\"", "\"back\\\\slash\"", "\"/a/../b\"", "\"a/b\"", "\",\"", "\"/\"",
        "\"example.com\"", "\"line\\nbreak\""};
    return OneOf(values);
  }
  std::string DateLiteral() {
    static const std::vector<std::string> values = {"2026-11-02", "2000-02-29", "1970-01-01", "2024-12-31",
                                                    "2026-11-07", "2026-01-01"};
    // The first and last representable days reach the calendar's range errors.
    if (Chance(5)) return Chance(50) ? "0000-01-01" : "9999-12-31";
    return OneOf(values);
  }
  std::string TsLiteral() {
    static const std::vector<std::string> values = {"2026-11-23T09:30:00Z", "2026-11-23T10:30:00.5+01:00",
                                                    "1970-01-01T00:00:00Z", "2024-02-29T12:00:00-05:30"};
    if (Chance(5)) return Chance(50) ? "0000-01-01T00:00:00Z" : "9999-12-31T23:59:59Z";
    return OneOf(values);
  }
  std::string DurLiteral() {
    static const std::vector<std::string> units = {"seconds", "minutes", "hours", "days", "weeks"};
    static const std::vector<int> amounts = {0, 1, 2, 5, 7, 90};
    int amount = Chance(3) ? 1000000 : OneOf(amounts);
    std::string unit = OneOf(units);
    if (amount == 1) unit.pop_back();
    return Paren(std::to_string(amount) + " " + unit);
  }
  std::string DaysLiteral() { return Paren(std::to_string(Pick(100)) + (Chance(70) ? " days" : " weeks")); }
  std::string BizLiteral() {
    int amount = Pick(12);
    return Paren(std::to_string(amount) + (amount == 1 ? " business_day" : " business_days"));
  }
  std::string Member(Ty ty) {
    std::string member = OneOf(Members(ty));
    return Chance(25) ? TypeName(ty) + "." + member : member;
  }
  std::string ItemLiteral(int depth) {
    return "Item { name: " + Expr(Ty::Str, depth) + ", n: " + Expr(Ty::Int, depth) + ", amount: " +
           Expr(Ty::Dec, depth) + ", color: " + Expr(Ty::Color, depth) +
           (Chance(50) ? "" : ", due: " + (Chance(50) ? std::string("none") : Expr(Ty::Date, depth))) + " }";
  }
  std::string BallotLiteral(int depth) {
    return "Ballot { member: " + Expr(Ty::Str, depth) + ", role: " + Expr(Ty::Role, depth) +
           ", vote: " + Expr(Ty::Choice, depth) + " }";
  }

  /// An expression of `ty` with no further structure: a variable or a literal.
  std::string Leaf(Ty ty) {
    if (Chance(60)) if (auto var = VarOf(ty)) return *var;
    switch (ty) {
      case Ty::Bool: return Chance(50) ? "true" : "false";
      case Ty::Int: return IntLiteral();
      case Ty::Dec: return DecLiteral();
      case Ty::Pct: return PctLiteral();
      case Ty::Str: return in_interpolation_ ? *VarOf(ty) : StrLiteral();
      case Ty::Date: return DateLiteral();
      case Ty::Ts: return TsLiteral();
      case Ty::Dur: return DurLiteral();
      case Ty::Biz: return BizLiteral();
      case Ty::Color: case Ty::Role: case Ty::Choice: case Ty::Tier: return Member(ty);
      case Ty::Item: return in_interpolation_ ? *VarOf(ty) : ItemLiteral(0);
      case Ty::Ballot: return in_interpolation_ ? *VarOf(ty) : BallotLiteral(0);
      case Ty::Tally: return vote_name_ + "(" + *VarOf(Ty::ListBallot) + ")";
      case Ty::ListInt: return "[" + IntLiteral() + ", " + IntLiteral() + "]";
      case Ty::ListStr: return in_interpolation_ ? *VarOf(ty) : "[" + StrLiteral() + ", " + StrLiteral() + "]";
      case Ty::ListItem: return in_interpolation_ ? *VarOf(ty) : "[" + ItemLiteral(0) + "]";
      case Ty::ListBallot: return in_interpolation_ ? *VarOf(ty) : "[" + BallotLiteral(0) + "]";
      case Ty::SetColor: return "[" + Member(Ty::Color) + ", " + Member(Ty::Color) + "]";
      case Ty::OptInt: return "[" + IntLiteral() + "].max(" + Lambda(Ty::Int, [](const std::string& x) { return x; }) + ")";
      case Ty::OptStr: {
        if (auto var = VarOf(ty)) return *var;
        return "url.host(" + Leaf(Ty::Str) + ")";
      }
      case Ty::OptDate: return "[" + DateLiteral() + "].min(" + Lambda(Ty::Date, [](const std::string& x) { return x; }) + ")";
      case Ty::OptItem: return *VarOf(ty);
      case Ty::OptDec: return "[" + DecLiteral() + "].max(" + Lambda(Ty::Dec, [](const std::string& x) { return x; }) + ")";
    }
    return "";
  }

  /// `xN => body(xN)`, with xN in scope as an element of type `element`.
  std::string Lambda(Ty element, const std::function<std::string(const std::string&)>& body) {
    std::string name = Fresh("x");
    return name + " => " + With(name, element, [&] { return body(name); });
  }
  std::string LambdaOf(Ty element, Ty result, int depth) {
    return Lambda(element, [&](const std::string&) { return Expr(result, depth); });
  }

  // ---------------------------------------------------------------- expressions
  std::string Expr(Ty ty, int depth) {
    if (depth <= 0 || Chance(20)) return Leaf(ty);
    std::vector<Production> productions = Productions(ty, depth - 1);
    for (const Callable& fn : callables_) {
      if (fn.result != ty) continue;
      productions.push_back([this, fn, depth]() -> std::optional<std::string> {
        std::string call = fn.name + "(";
        for (size_t i = 0; i < fn.params.size(); ++i) {
          if (!CanMake(fn.params[i])) return std::nullopt;
          call += (i ? ", " : "") + Expr(fn.params[i], depth - 1);
        }
        return call + ")";
      });
    }
    for (int attempt = 0; attempt < 8 && !productions.empty(); ++attempt) {
      if (auto text = productions[Pick(static_cast<int>(productions.size()))]()) return *text;
    }
    return Leaf(ty);
  }

  /// Mostly a number that cannot be zero, so that division by zero stays one error path among many.
  std::string Denominator(int d) {
    if (Chance(15)) return Expr(OneOf(std::vector<Ty>{Ty::Int, Ty::Dec}), d);
    return Chance(50) ? "max(1, " + Expr(Ty::Int, d) + ")" : "max(0.5, " + Expr(Ty::Dec, d) + ")";
  }

  std::string Binary(const std::string& op, Ty l, Ty r, int d) { return Paren(Expr(l, d) + " " + op + " " + Expr(r, d)); }

  /// `if C then A else B` and `match` over an enum, for any result type.
  void AddBranching(std::vector<Production>& out, Ty ty, int d) {
    out.push_back([=, this]() -> std::optional<std::string> {
      return Paren("if " + Expr(Ty::Bool, d) + " then " + Expr(ty, d) + " else " + Expr(ty, d));
    });
    if (in_interpolation_) return;  // a match's braces would end the interpolation
    out.push_back([=, this]() -> std::optional<std::string> {
      Ty subject = OneOf(std::vector<Ty>{Ty::Color, Ty::Role, Ty::Choice, Ty::Tier});
      std::vector<std::string> members = Members(subject);
      std::shuffle(members.begin(), members.end(), rng_);
      std::string text = "match " + Expr(subject, d) + " { ";
      size_t covered = Chance(30) ? members.size() - 1 : members.size();
      for (size_t i = 0; i < covered;) {
        size_t take = std::min(covered - i, static_cast<size_t>(1 + Pick(2)));
        for (size_t k = 0; k < take; ++k) text += (k ? ", " : "") + members[i + k];
        text += " => " + Expr(ty, d) + ", ";
        i += take;
      }
      if (covered < members.size()) text += "_ => " + Expr(ty, d) + ", ";
      return Paren(text + "}");
    });
  }

  /// Runs `use` with an optional variable narrowed to its inner type, as after `v != none`.
  std::optional<std::string> Narrowed(Ty optional, Ty inner, const std::function<std::string(const std::string&)>& use) {
    auto var = VarOf(optional);
    if (!var) return std::nullopt;
    return With(*var, inner, [&] { return use(*var); });
  }

  /// `(if v != none then A else B)` with v narrowed in A only.
  std::optional<std::string> NarrowedIf(Ty optional, Ty inner, Ty result, int d) {
    auto var = VarOf(optional);
    if (!var) return std::nullopt;
    std::string then = With(*var, inner, [&] { return Expr(result, d); });
    return Paren("if " + *var + " != none then " + then + " else " + Expr(result, d));
  }

  /// A method or field receiver: anything but a variable needs parentheses (`(T1).rfc`, `(-1).x`).
  std::string Recv(const std::string& text) {
    bool is_var = std::any_of(env_.begin(), env_.end(), [&](const Var& v) { return v.name == text; });
    return is_var ? text : Paren(text);
  }

  std::vector<Production> Productions(Ty ty, int d) {
    std::vector<Production> out;
    auto add = [&](std::function<std::optional<std::string>()> f) { out.push_back(std::move(f)); };
    auto when = [&](bool ok, std::function<std::optional<std::string>()> f) { if (ok) out.push_back(std::move(f)); };
    switch (ty) {
      case Ty::Int:
        add([=, this] { return Binary("+", Ty::Int, Ty::Int, d); });
        add([=, this] { return Binary("-", Ty::Int, Ty::Int, d); });
        add([=, this] { return Binary("*", Ty::Int, Ty::Int, d); });
        add([=, this] { return Paren("-" + Expr(Ty::Int, d)); });
        add([=, this] { return "abs(" + Expr(Ty::Int, d) + ")"; });
        add([=, this] { return std::string(Chance(50) ? "max(" : "min(") + Expr(Ty::Int, d) + ", " + Expr(Ty::Int, d) + ")"; });
        add([=, this] { return Recv(Expr(Ty::ListInt, d)) + ".count()"; });
        add([=, this] { return Recv(Expr(Ty::ListInt, d)) + ".distinct().count()"; });
        when(CanMake(Ty::ListStr), [=, this] { return Recv(Expr(Ty::ListStr, d)) + ".distinct(" + LambdaOf(Ty::Str, Ty::Int, d) + ").count()"; });
        add([=, this] { return Recv(Expr(Ty::ListInt, d)) + ".sum(" + LambdaOf(Ty::Int, Ty::Int, d) + ")"; });
        add([=, this] { return Recv(Expr(Ty::ListInt, d)) + ".count(" + LambdaOf(Ty::Int, Ty::Bool, d) + ")"; });
        when(CanMake(Ty::ListItem), [=, this] { return Recv(Expr(Ty::ListItem, d)) + ".sum(" + Lambda(Ty::Item, [](auto x) { return x + ".n"; }) + ")"; });
        when(CanMake(Ty::ListItem), [=, this] { return Recv(Expr(Ty::ListItem, d)) + ".count(" + LambdaOf(Ty::Item, Ty::Bool, d) + ")"; });
        when(CanMake(Ty::ListBallot), [=, this] { return Recv(Expr(Ty::ListBallot, d)) + ".count(" + LambdaOf(Ty::Ballot, Ty::Bool, d) + ")"; });
        when(CanMake(Ty::SetColor), [=, this] { return Recv(Expr(Ty::SetColor, d)) + ".count()"; });
        when(CanMake(Ty::Str), [=, this] { return Recv(Expr(Ty::Str, d)) + ".length()"; });
        // Positions: indexes and slices from either end, concatenation, index_of.
        add([=, this] { return Paren(Recv(Expr(Ty::ListInt, d)) + "[" + Expr(Ty::Int, d) + "] ?? " + Expr(Ty::Int, d)); });
        add([=, this] { return Paren(Recv(Expr(Ty::ListInt, d)) + ".index_of(" + Expr(Ty::Int, d) + ") ?? " + Expr(Ty::Int, d)); });
        add([=, this] { return Paren(Recv(Expr(Ty::ListInt, d)) + (Chance(50) ? ".first()" : ".last()") + " ?? " + Expr(Ty::Int, d)); });
        add([=, this] { return Recv(Expr(Ty::ListInt, d)) + "[" + Expr(Ty::Int, d) + ":" + Expr(Ty::Int, d) + "].count()"; });
        add([=, this] { return Paren(Expr(Ty::ListInt, d) + " + " + Expr(Ty::ListInt, d)) + ".count()"; });
        when(CanMake(Ty::Str), [=, this] { return Paren(Recv(Expr(Ty::Str, d)) + ".index_of(" + Expr(Ty::Str, d) + ") ?? " + Expr(Ty::Int, d)); });
        when(CanMake(Ty::ListStr), [=, this] { return Recv(Expr(Ty::ListStr, d)) + ".count()"; });
        add([=, this] { return Paren(Expr(Ty::OptInt, d) + " ?? " + Expr(Ty::Int, d)); });
        add([=, this] { return Paren(Recv(Expr(Ty::ListInt, d)) + ".max(" + LambdaOf(Ty::Int, Ty::Int, d) + ") ?? " + Expr(Ty::Int, d)); });
        when(HasVar(Ty::OptItem), [=, this] { return Paren(*VarOf(Ty::OptItem) + "?.n ?? " + Expr(Ty::Int, d)); });
        add([=, this] { return NarrowedIf(Ty::OptInt, Ty::Int, Ty::Int, d); });
        add([=, this] { return "time.days_between(" + Expr(Ty::Date, d) + ", " + Expr(Ty::Date, d) + ")"; });
        add([=, this] { return "time.business_days_between(" + Expr(Ty::Date, d) + ", " + Expr(Ty::Date, d) + ")"; });
        add([=, this] { return "time.days_since(" + Expr(Ty::Date, d) + ", " + Expr(Ty::Date, d) + ")"; });
        when(CanMake(Ty::Str), [=, this] { return "semver.compare(" + Expr(Ty::Str, d) + ", " + Expr(Ty::Str, d) + ")"; });
        add([=, this] { return Recv(Expr(Ty::Tier, d)) + ".min_reviews"; });
        when(CanMake(Ty::Item), [=, this] { return Recv(Expr(Ty::Item, d)) + ".n"; });
        when(CanMake(Ty::Tally), [=, this] { return Recv(Expr(Ty::Tally, d)) + "." + OneOf(std::vector<std::string>{"approve", "reject", "table", "cast"}); });
        AddBranching(out, ty, d);
        break;
      case Ty::Dec:
        add([=, this] { return Paren(Expr(OneOf(std::vector<Ty>{Ty::Int, Ty::Dec}), d) + " / " + Denominator(d)); });
        add([=, this] { return Binary(OneOf(std::vector<std::string>{"+", "-", "*"}), Ty::Dec, OneOf(std::vector<Ty>{Ty::Int, Ty::Dec}), d); });
        add([=, this] { return Binary(OneOf(std::vector<std::string>{"+", "-", "*"}), Ty::Int, Ty::Dec, d); });
        add([=, this] { return Paren("-" + Expr(Ty::Dec, d)); });
        add([=, this] { return "abs(" + Expr(Ty::Dec, d) + ")"; });
        add([=, this] { return std::string(Chance(50) ? "max(" : "min(") + Expr(Ty::Dec, d) + ", " + Expr(Ty::Dec, d) + ")"; });
        add([=, this] { return Recv(Expr(Ty::Pct, d)) + ".fraction()"; });
        add([=, this] { return Binary("/", Ty::Pct, Ty::Pct, d); });
        add([=, this] { return Binary("/", Ty::Dur, Ty::Dur, d); });
        add([=, this] { return Paren(Expr(Ty::OptDec, d) + " ?? " + Expr(Ty::Dec, d)); });
        when(CanMake(Ty::ListItem), [=, this] { return Recv(Expr(Ty::ListItem, d)) + ".sum(" + Lambda(Ty::Item, [](auto x) { return x + ".amount"; }) + ")"; });
        when(CanMake(Ty::Item), [=, this] { return Recv(Expr(Ty::Item, d)) + ".amount"; });
        AddBranching(out, ty, d);
        break;
      case Ty::Pct:
        add([=, this] { return Binary(Chance(50) ? "+" : "-", Ty::Pct, Ty::Pct, d); });
        add([=, this] { return Binary("*", Ty::Pct, OneOf(std::vector<Ty>{Ty::Int, Ty::Dec}), d); });
        add([=, this] { return Binary("*", OneOf(std::vector<Ty>{Ty::Int, Ty::Dec}), Ty::Pct, d); });
        add([=, this] { return Paren(Expr(Ty::Pct, d) + " / " + Denominator(d)); });
        add([=, this] { return "percent_of(" + Expr(OneOf(std::vector<Ty>{Ty::Int, Ty::Dec}), d) + ", " + Expr(OneOf(std::vector<Ty>{Ty::Int, Ty::Dec}), d) + ")"; });
        add([=, this] { return std::string(Chance(50) ? "max(" : "min(") + Expr(Ty::Pct, d) + ", " + Expr(Ty::Pct, d) + ")"; });
        add([=, this] { return Paren("-" + Expr(Ty::Pct, d)); });
        add([=, this] { return Recv(Expr(Ty::ListInt, d)) + ".sum(" + Lambda(Ty::Int, [](auto x) { return x + " * 1%"; }) + ")"; });
        AddBranching(out, ty, d);
        break;
      case Ty::Str:
        if (in_interpolation_) {
          add([=, this] { return Recv(Expr(Ty::Str, d)) + "." + OneOf(std::vector<std::string>{"lower()", "upper()", "trim()"}); });
          add([=, this] { return Binary("+", Ty::Str, Ty::Str, d); });
          when(HasVar(Ty::Item), [=, this] { return *VarOf(Ty::Item) + ".name"; });
          break;
        }
        add([=, this] { return Recv(Expr(Ty::Str, d)) + "." + OneOf(std::vector<std::string>{"lower()", "upper()", "trim()"}); });
        add([=, this] { return Binary("+", Ty::Str, Ty::Str, d); });
        add([=, this] { return Interpolated(d); });
        add([=, this] { return Interpolated(d); });
        add([=, this] { return Paren(Expr(Ty::OptStr, d) + " ?? " + Expr(Ty::Str, d)); });
        add([=, this] { return Paren(Recv(Expr(Ty::Str, d)) + "[" + Expr(Ty::Int, d) + "] ?? " + Expr(Ty::Str, d)); });
        add([=, this] { return Recv(Expr(Ty::Str, d)) + "[" + (Chance(70) ? Expr(Ty::Int, d) : "") + ":" + (Chance(70) ? Expr(Ty::Int, d) : "") + "]"; });
        when(CanMake(Ty::ListStr), [=, this] { return Recv(Expr(Ty::ListStr, d)) + ".join(" + Expr(Ty::Str, d) + ")"; });
        when(CanMake(Ty::ListStr), [=, this] { return Paren(Recv(Expr(Ty::ListStr, d)) + "[" + Expr(Ty::Int, d) + "] ?? " + Expr(Ty::Str, d)); });
        add([=, this] { return Paren("url.scheme(" + Expr(Ty::Str, d) + ") ?? " + Expr(Ty::Str, d)); });
        add([=, this] { return Paren("url.host(" + Expr(Ty::Str, d) + ") ?? \"\""); });
        add([=, this] { return Recv(Expr(Ty::Item, d)) + ".name"; });
        add([=, this] { return Paren(Recv(Expr(Ty::ListStr, d)) + ".max(" + LambdaOf(Ty::Str, Ty::Str, d) + ") ?? " + Expr(Ty::Str, d)); });
        add([=, this] { return NarrowedIf(Ty::OptStr, Ty::Str, Ty::Str, d); });
        AddBranching(out, ty, d);
        break;
      case Ty::Bool:
        for (Ty t : {Ty::Int, Ty::Dec, Ty::Pct, Ty::Str, Ty::Date, Ty::Ts, Ty::Dur, Ty::Biz}) {
          when(CanMake(t), [=, this] { return Binary(OneOf(std::vector<std::string>{"<", "<=", ">", ">=", "==", "!="}), t, t, d); });
        }
        add([=, this] { return Binary(OneOf(std::vector<std::string>{"<", ">=", "=="}), Ty::Int, Ty::Dec, d); });
        for (Ty t : {Ty::Color, Ty::Role, Ty::Choice, Ty::Tier, Ty::Bool, Ty::ListInt, Ty::Item}) {
          when(CanMake(t), [=, this] { return Binary(Chance(50) ? "==" : "!=", t, t, d); });
        }
        add([=, this] { return Binary(Chance(50) ? "and" : "or", Ty::Bool, Ty::Bool, d); });
        add([=, this] { return Paren("not " + Expr(Ty::Bool, d)); });
        add([=, this] { return Paren(Expr(Ty::Color, d) + (Chance(50) ? " in " : " not in ") + Expr(Ty::SetColor, d)); });
        add([=, this] { return Paren(Expr(Ty::Int, d) + (Chance(50) ? " in " : " not in ") + Expr(Ty::ListInt, d)); });
        add([=, this] { return Paren(Expr(Ty::Role, d) + " in " + Recv(Expr(Ty::Tier, d)) + ".reviewers"); });
        when(CanMake(Ty::Str), [=, this] {
          return Recv(Expr(Ty::Str, d)) + "." + OneOf(std::vector<std::string>{"starts_with", "ends_with", "contains"}) + "(" + Expr(Ty::Str, d) + ")";
        });
        when(!in_interpolation_, [=, this] {
          return Recv(Expr(Ty::Str, d)) + ".matches(" + OneOf(std::vector<std::string>{"r\"^[a-z]+$\"", "r\"^\\d+(\\.\\d+)*$\"", "r\".*a.*\"", "r\"\"", "k_pattern"}) + ")";
        });
        when(CanMake(Ty::ListStr), [=, this] { return Recv(Expr(Ty::ListStr, d)) + ".contains(" + Expr(Ty::Str, d) + ")"; });
        add([=, this] { return Recv(Expr(Ty::ListInt, d)) + "." + (Chance(50) ? "any(" : "all(") + LambdaOf(Ty::Int, Ty::Bool, d) + ")"; });
        when(CanMake(Ty::ListItem), [=, this] { return Recv(Expr(Ty::ListItem, d)) + "." + (Chance(50) ? "any(" : "all(") + LambdaOf(Ty::Item, Ty::Bool, d) + ")"; });
        when(CanMake(Ty::ListBallot), [=, this] { return Recv(Expr(Ty::ListBallot, d)) + ".any(" + LambdaOf(Ty::Ballot, Ty::Bool, d) + ")"; });
        add([=, this] { return Recv(Expr(Ty::SetColor, d)) + ".all(" + LambdaOf(Ty::Color, Ty::Bool, d) + ")"; });
        add([=, this] { return Recv(Expr(Ty::ListInt, d)) + ".is_empty()"; });
        add([=, this] { return Recv(Expr(Ty::SetColor, d)) + ".contains(" + Expr(Ty::Color, d) + ")"; });
        for (Ty t : {Ty::OptInt, Ty::OptStr, Ty::OptDate, Ty::OptItem, Ty::OptDec}) {
          when(HasVar(t), [=, this] { return Paren(*VarOf(t) + (Chance(50) ? " == none" : " != none")); });
        }
        add([=, this] { return Narrowed(Ty::OptInt, Ty::Int, [&](const std::string& v) { return Paren(v + " == none or " + Expr(Ty::Bool, d)); }); });
        add([=, this] { return Narrowed(Ty::OptDate, Ty::Date, [&](const std::string& v) { return Paren(v + " != none and " + Expr(Ty::Bool, d)); }); });
        add([=, this] { return Narrowed(Ty::OptItem, Ty::Item, [&](const std::string& v) { return Paren(v + " != none and " + Expr(Ty::Bool, d)); }); });
        when(CanMake(Ty::Str), [=, this] {
          return OneOf(std::vector<std::string>{"text.blank(", "text.has_control_chars(", "text.has_whitespace_or_control(", "semver.valid("}) + Expr(Ty::Str, d) + ")";
        });
        when(CanMake(Ty::Str), [=, this] { return "url.host_matches(" + Expr(Ty::Str, d) + ", " + Expr(Ty::Str, d) + ")"; });
        when(CanMake(Ty::Str) && CanMake(Ty::ListStr), [=, this] { return "url.trusted(" + Expr(Ty::Str, d) + ", " + Expr(Ty::ListStr, d) + ")"; });
        add([=, this] { return Recv(Expr(Ty::Tier, d)) + ".rfc"; });
        when(CanMake(Ty::ListBallot), [=, this] { return quorum_name_ + "(" + Expr(Ty::ListBallot, d) + ")"; });
        when(CanMake(Ty::Tally), [=, this] { return Recv(Expr(Ty::Tally, d)) + "." + OneOf(std::vector<std::string>{"passes", "minority", "tabled", "unanimous"}); });
        AddBranching(out, ty, d);
        break;
      case Ty::Date:
        add([=, this] { return Paren(Expr(Ty::Date, d) + (Chance(50) ? " + " : " - ") + DaysLiteral()); });
        add([=, this] { return Paren(Expr(Ty::Date, d) + (Chance(50) ? " + " : " - ") + Expr(Ty::Biz, d)); });
        add([=, this] { return Paren(Expr(Ty::Date, d) + " + " + Expr(Ty::Dur, d)); });
        add([=, this] { return "time.date_of(" + Expr(Ty::Ts, d) + ")"; });
        add([=, this] { return Paren(Expr(Ty::OptDate, d) + " ?? " + Expr(Ty::Date, d)); });
        add([=, this] { return std::string(Chance(50) ? "max(" : "min(") + Expr(Ty::Date, d) + ", " + Expr(Ty::Date, d) + ")"; });
        when(CanMake(Ty::Item), [=, this] { return Paren(Recv(Expr(Ty::Item, d)) + ".due ?? " + Expr(Ty::Date, d)); });
        AddBranching(out, ty, d);
        break;
      case Ty::Ts:
        add([=, this] { return Paren(Expr(Ty::Ts, d) + (Chance(50) ? " + " : " - ") + Expr(Ty::Dur, d)); });
        add([=, this] { return std::string(Chance(50) ? "max(" : "min(") + Expr(Ty::Ts, d) + ", " + Expr(Ty::Ts, d) + ")"; });
        AddBranching(out, ty, d);
        break;
      case Ty::Dur:
        add([=, this] { return Binary("-", Ty::Date, Ty::Date, d); });
        add([=, this] { return Binary("-", Ty::Ts, Ty::Ts, d); });
        add([=, this] { return Binary(Chance(50) ? "+" : "-", Ty::Dur, Ty::Dur, d); });
        add([=, this] { return Chance(50) ? Binary("*", Ty::Dur, Ty::Int, d) : Binary("*", Ty::Int, Ty::Dur, d); });
        add([=, this] { return Binary("/", Ty::Dur, Ty::Int, d); });
        add([=, this] { return Paren("-" + Expr(Ty::Dur, d)); });
        add([=, this] { return Recv(Expr(Ty::ListInt, d)) + ".sum(" + Lambda(Ty::Int, [](auto x) { return x + " * 1 hour"; }) + ")"; });
        add([=, this] { return std::string(Chance(50) ? "max(" : "min(") + Expr(Ty::Dur, d) + ", " + Expr(Ty::Dur, d) + ")"; });
        AddBranching(out, ty, d);
        break;
      case Ty::Biz:
        add([=, this] { return Binary(Chance(50) ? "+" : "-", Ty::Biz, Ty::Biz, d); });
        add([=, this] { return Binary("*", Ty::Biz, Ty::Int, d); });
        break;
      case Ty::Color:
        when(CanMake(Ty::Item), [=, this] { return Recv(Expr(Ty::Item, d)) + ".color"; });
        AddBranching(out, ty, d);
        break;
      case Ty::Role:
        when(CanMake(Ty::Ballot), [=, this] { return Recv(Expr(Ty::Ballot, d)) + ".role"; });
        AddBranching(out, ty, d);
        break;
      case Ty::Choice:
        when(CanMake(Ty::Ballot), [=, this] { return Recv(Expr(Ty::Ballot, d)) + ".vote"; });
        AddBranching(out, ty, d);
        break;
      case Ty::Tier:
        AddBranching(out, ty, d);
        break;
      case Ty::SetColor:
        // `distinct` gives the set of keys (docs/language.md says a list of elements; the checker and both engines agree on a set).
        when(CanMake(Ty::ListItem), [=, this] { return Recv(Expr(Ty::ListItem, d)) + ".distinct(" + LambdaOf(Ty::Item, Ty::Color, d) + ")"; });
        add([=, this] { return Recv(Expr(Ty::ListInt, d)) + ".distinct(" + LambdaOf(Ty::Int, Ty::Color, d) + ")"; });
        break;
      case Ty::Item:
        when(!in_interpolation_, [=, this] { return ItemLiteral(d); });
        when(!in_interpolation_, [=, this] {
          const Field& field = OneOf(ItemFields());
          return Paren(Expr(Ty::Item, d) + " with { " + field.name + ": " +
                       (field.ty == Ty::OptDate ? Expr(Ty::Date, d) : Expr(field.ty, d)) + " }");
        });
        add([=, this] { return NarrowedIf(Ty::OptItem, Ty::Item, Ty::Item, d); });
        break;
      case Ty::ListInt:
        add([=, this] { return Paren(Expr(Ty::ListInt, d) + " + " + Expr(Ty::ListInt, d)); });
        add([=, this] { return Recv(Expr(Ty::ListInt, d)) + "[" + Expr(Ty::Int, d) + ":]"; });
        add([=, this] { return Recv(Expr(Ty::ListInt, d)) + ".filter(" + LambdaOf(Ty::Int, Ty::Bool, d) + ")"; });
        add([=, this] { return Recv(Expr(Ty::ListInt, d)) + ".map(" + LambdaOf(Ty::Int, Ty::Int, d) + ")"; });
        when(CanMake(Ty::ListItem), [=, this] { return Recv(Expr(Ty::ListItem, d)) + ".map(" + LambdaOf(Ty::Item, Ty::Int, d) + ")"; });
        break;
      case Ty::ListStr:
        when(CanMake(Ty::Str), [=, this] { return Recv(Expr(Ty::Str, d)) + ".split(" + Expr(Ty::Str, d) + ")"; });
        when(CanMake(Ty::ListStr), [=, this] { return Recv(Expr(Ty::ListStr, d)) + ".filter(" + LambdaOf(Ty::Str, Ty::Bool, d) + ")"; });
        when(CanMake(Ty::ListStr), [=, this] { return Recv(Expr(Ty::ListStr, d)) + ".map(" + LambdaOf(Ty::Str, Ty::Str, d) + ")"; });
        when(CanMake(Ty::ListItem), [=, this] { return Recv(Expr(Ty::ListItem, d)) + ".map(" + Lambda(Ty::Item, [](auto x) { return x + ".name"; }) + ")"; });
        when(CanMake(Ty::ListBallot), [=, this] { return Recv(Expr(Ty::ListBallot, d)) + ".map(" + Lambda(Ty::Ballot, [](auto x) { return x + ".member"; }) + ")"; });
        break;
      case Ty::ListItem:
        when(CanMake(Ty::ListItem), [=, this] { return Recv(Expr(Ty::ListItem, d)) + ".filter(" + LambdaOf(Ty::Item, Ty::Bool, d) + ")"; });
        when(CanMake(Ty::ListItem), [=, this] { return Recv(Expr(Ty::ListItem, d)) + ".map(" + LambdaOf(Ty::Item, Ty::Item, d) + ")"; });
        break;
      case Ty::ListBallot:
        when(CanMake(Ty::ListBallot), [=, this] { return Recv(Expr(Ty::ListBallot, d)) + ".filter(" + LambdaOf(Ty::Ballot, Ty::Bool, d) + ")"; });
        break;
      case Ty::OptInt:
        add([=, this] { return Expr(Ty::ListInt, d) + (Chance(50) ? ".max(" : ".min(") + LambdaOf(Ty::Int, Ty::Int, d) + ")"; });
        when(CanMake(Ty::ListItem), [=, this] { return Recv(Expr(Ty::ListItem, d)) + ".min(" + Lambda(Ty::Item, [](auto x) { return x + ".n"; }) + ")"; });
        when(HasVar(Ty::OptItem), [=, this] { return *VarOf(Ty::OptItem) + "?.n"; });
        break;
      case Ty::OptDec:
        when(CanMake(Ty::ListItem), [=, this] { return Expr(Ty::ListItem, d) + (Chance(50) ? ".max(" : ".min(") + Lambda(Ty::Item, [](auto x) { return x + ".amount"; }) + ")"; });
        when(HasVar(Ty::OptItem), [=, this] { return *VarOf(Ty::OptItem) + "?.amount"; });
        break;
      case Ty::OptDate:
        when(CanMake(Ty::ListItem), [=, this] { return Recv(Expr(Ty::ListItem, d)) + ".max(" + Lambda(Ty::Item, [this, d](auto x) { return Paren(x + ".due ?? " + Expr(Ty::Date, d)); }) + ")"; });
        break;
      case Ty::OptStr:
        when(CanMake(Ty::Str), [=, this] { return "url." + std::string(Chance(50) ? "host(" : "scheme(") + Expr(Ty::Str, d) + ")"; });
        when(HasVar(Ty::OptItem), [=, this] { return *VarOf(Ty::OptItem) + "?.name"; });
        break;
      default: break;
    }
    return out;
  }

  /// A string literal with escapes and `{expr}` pieces of many types.
  std::string Interpolated(int d) {
    static const std::vector<std::string> texts = {"", "x=", " and ", "caf\\u00e9 ", "\\t", "\\\"q\\\" ", "\\{lit\\} ", ": "};
    std::string text = "\"";
    int pieces = 1 + Pick(3);
    bool outer = in_interpolation_;
    for (int i = 0; i < pieces; ++i) {
      text += OneOf(texts);
      in_interpolation_ = true;
      std::vector<Ty> types = {Ty::Int, Ty::Dec, Ty::Pct, Ty::Date, Ty::Ts, Ty::Dur, Ty::Biz, Ty::Bool, Ty::Color,
                               Ty::Choice, Ty::Tier, Ty::ListInt, Ty::SetColor};
      // Optionals are refused in messages (E0204): they are defaulted with `??` instead.
      for (Ty t : {Ty::Str, Ty::ListStr}) if (HasVar(t)) types.push_back(t);
      text += "{" + Expr(OneOf(types), std::min(d, 2)) + "}";
      in_interpolation_ = outer;
    }
    return text + OneOf(texts) + "\"";
  }

  // ---------------------------------------------------------------- declarations
  void GenerateConstants(Program& program) {
    program.decls.push_back("const k_int = " + IntLiteral());
    program.decls.push_back("const k_date = " + DateLiteral());
    program.decls.push_back("const k_pct: percent = " + PctLiteral());
    program.decls.push_back("const k_colors: set<Color> = [" + Member(Ty::Color) + ", " + Member(Ty::Color) + "]");
    program.decls.push_back("const k_str = " + StrLiteral());
    program.decls.push_back("const k_dur = " + DurLiteral());
    program.decls.push_back("const k_pattern = r\"^[A-Za-z0-9-]+$\"");
    globals_ = {{"k_int", Ty::Int}, {"k_date", Ty::Date}, {"k_pct", Ty::Pct}, {"k_colors", Ty::SetColor},
                {"k_str", Ty::Str}, {"k_dur", Ty::Dur}};
  }

  void GenerateGovernance(Program& program) {
    int total = 1 + Pick(4);
    std::string quorum = "quorum " + quorum_name_ + " of Ballot by role {\n";
    if (Chance(70)) quorum += "  at least " + std::to_string(total) + " in total\n";
    quorum += "  at least " + std::to_string(1 + Pick(2)) + " " + OneOf(std::vector<std::string>{"platform", "security"}) + "\n";
    if (Chance(50)) quorum += "  at least 1 leadership\n";
    program.decls.push_back(quorum + "}");

    std::vector<std::string> passes = {"approve >= 2/3 of cast", "approve > reject", "approve >= 2 and approve > reject",
                                       "approve >= 1/2 of cast and table < 2", "cast >= 1"};
    std::string vote = "vote " + vote_name_ + " of Ballot by vote, role {\n  approve: approve\n";
    vote += Chance(50) ? "  reject: reject, abstain\n  table: table\n" : "  reject: reject\n  table: table, abstain\n";
    vote += "  pass when " + OneOf(passes) + "\n";
    if (Chance(60)) vote += "  tie when approve == reject and approve >= 1: " + OneOf(Members(Ty::Role)) + " decides\n";
    if (Chance(60)) vote += "  security may not be in the minority\n";
    if (Chance(60)) vote += "  tabled when table > approve\n";
    program.decls.push_back(vote + "}");
    has_vote_ = true;

    int low = 1 + Pick(60), high = low + 1 + Pick(38);
    program.decls.push_back("threshold band_pct(x: percent in 0%..100%) -> int {\n  < " + std::to_string(low) +
                            "% => 1\n  >= " + std::to_string(low) + "% and < " + std::to_string(high) + "% => 2\n  >= " +
                            std::to_string(high) + "% => 3\n}");
    int cut = Pick(20) - 5;
    program.decls.push_back("threshold band_int(x: int in -100..100) -> Color {\n  <= " + std::to_string(cut) +
                            " => red\n  > " + std::to_string(cut) + " and < 50 => green\n  >= 50 => blue\n}");
    program.decls.push_back("threshold band_date(x: date) -> string {\n  < 2000-01-01 => \"old\"\n"
                            "  >= 2000-01-01 and < 2026-11-05 => \"recent\"\n  else => \"new\"\n}");
    program.decls.push_back("threshold band_dec(x: decimal) -> bool {\n  <= 0.5 => false\n  > 0.5 => true\n}");
    program.decls.push_back("threshold band_dur(x: duration) -> int {\n  < 1 day => 0\n"
                            "  >= 1 day and <= 30 days => 1\n  else => 2\n}");
    callables_ = {{"band_pct", {Ty::Pct}, Ty::Int}, {"band_int", {Ty::Int}, Ty::Color},
                  {"band_date", {Ty::Date}, Ty::Str}, {"band_dec", {Ty::Dec}, Ty::Bool},
                  {"band_dur", {Ty::Dur}, Ty::Int}};
  }

  std::string GenerateFunction(int index) {
    static const std::vector<Ty> params = {Ty::Int, Ty::Dec, Ty::Pct, Ty::Str, Ty::Date, Ty::Bool, Ty::Color,
                                           Ty::ListInt, Ty::Item, Ty::ListItem, Ty::Ts, Ty::OptInt};
    static const std::vector<Ty> results = {Ty::Int, Ty::Dec, Ty::Pct, Ty::Str, Ty::Date, Ty::Bool, Ty::Color,
                                            Ty::Dur, Ty::ListInt, Ty::OptInt};
    Callable fn{"f" + std::to_string(index), {}, OneOf(results)};
    env_ = globals_;
    std::string text = "fn " + fn.name + "(";
    int count = 1 + Pick(3);
    for (int i = 0; i < count; ++i) {
      Ty ty = OneOf(params);
      std::string name = "a" + std::to_string(i);
      fn.params.push_back(ty);
      env_.push_back({name, ty});
      text += (i ? ", " : "") + name + ": " + TypeName(ty);
    }
    text += ") -> " + TypeName(fn.result);
    if (Chance(50)) {
      text += " = " + Expr(fn.result, shape_.max_depth);
    } else {
      text += " {\n";
      for (int i = 0, lets = 1 + Pick(2); i < lets; ++i) {
        Ty ty = OneOf(results);
        std::string name = Fresh("l");
        text += "  let " + name + ": " + TypeName(ty) + " = " + Expr(ty, shape_.max_depth) + "\n";
        env_.push_back({name, ty});
      }
      // Line breaks do not end expressions: a result starting with `(` would call the last let's value.
      std::string result = Fresh("l");
      text += "  let " + result + " = " + Expr(fn.result, shape_.max_depth) + "\n  " + result + "\n}";
    }
    callables_.push_back(fn);
    return text;
  }

  // ---------------------------------------------------------------- rules
  Rule GenerateRule(int index) {
    Rule rule;
    rule.name = "r" + std::to_string(index);
    env_ = globals_;
    for (const Field& field : EventFields()) env_.push_back({"event." + field.name, field.ty});
    if (Chance(15)) {
      rule.when = Expr(Ty::Bool, 2);
    } else if (Chance(10)) {
      rule.when = "event.oi != none";
      env_.push_back({"event.oi", Ty::Int});
    }
    rule.body = Statements(shape_.statements_per_rule, 0);
    return rule;
  }

  std::vector<Stmt> Statements(int count, int nesting) {
    size_t scope = env_.size();
    std::vector<Stmt> out;
    for (int i = 0; i < count; ++i) out.push_back(Statement(nesting));
    env_.resize(scope);
    return out;
  }

  std::string Code() { return "\"" + OneOf(std::vector<std::string>{"c_a", "c_b", "c_c", "c_d"}) + std::to_string(Pick(3)) + "\""; }
  std::string Message() { return Chance(70) ? Interpolated(shape_.max_depth) : Expr(Ty::Str, shape_.max_depth); }

  Stmt Statement(int nesting) {
    static const std::vector<Ty> value_types = {
        Ty::Bool, Ty::Int, Ty::Dec, Ty::Pct, Ty::Str, Ty::Date, Ty::Ts, Ty::Dur, Ty::Biz, Ty::Color, Ty::Tier,
        Ty::Item, Ty::Tally, Ty::ListInt, Ty::ListStr, Ty::ListItem, Ty::SetColor, Ty::OptInt, Ty::OptStr,
        Ty::OptDate, Ty::OptDec, Ty::OptItem};
    int depth = shape_.max_depth;
    int choice = Pick(nesting < 2 ? 100 : 80);
    Stmt stmt;
    if (choice < 18) {
      Ty ty = OneOf(value_types);
      if (!CanMake(ty)) ty = Ty::Int;
      std::string name = Fresh("l");
      bool annotate = Chance(50) && ty != Ty::Biz && ty != Ty::Tally;
      stmt.head = "let " + name + (annotate ? ": " + TypeName(ty) : "") + " = " + Expr(ty, depth);
      env_.push_back({name, ty});
    } else if (choice < 38) {
      stmt.head = "require " + Expr(Ty::Bool, depth) + "\n    else " + Code() + ": " + Message();
    } else if (choice < 48) {
      // An unconditional deny at the top of a rule would deny every event: keep those inside `when`.
      std::vector<std::string> kinds = {"warn ", "oblige "};
      if (nesting > 0) kinds.push_back("deny ");
      stmt.head = OneOf(kinds) + Code() + ": " + Message();
    } else if (choice < 68) {
      Ty ty = OneOf(value_types);
      if (!CanMake(ty)) ty = Ty::Int;
      stmt.head = "value " + Fresh("v") + " = " + Expr(ty, depth);
    } else if (choice < 75) {
      stmt.head = "veto " + Veto();
      stmt.block = true;
      stmt.body = VetoClauses();
      env_.pop_back();
    } else if (choice < 80) {
      stmt.head = "warn " + Code() + ": " + Message();
    } else {
      stmt.block = true;
      size_t scope = env_.size();
      static const std::vector<std::pair<const char*, Ty>> optionals = {
          {"event.oi", Ty::Int}, {"event.os", Ty::Str}, {"event.od", Ty::Date}, {"event.orec", Ty::Item}, {"event.odec", Ty::Dec}};
      if (Chance(35)) {
        auto [name, inner] = OneOf(optionals);
        stmt.head = std::string("when ") + name + " != none";
        env_.push_back({name, inner});
      } else {
        stmt.head = "when " + Expr(Ty::Bool, depth);
      }
      stmt.body = Statements(1 + Pick(3), nesting + 1);
      env_.resize(scope);
      if (Chance(40)) stmt.else_body = Statements(1 + Pick(2), nesting + 1);
    }
    return stmt;
  }

  static Stmt Plain(std::string text) {
    Stmt stmt;
    stmt.head = std::move(text);
    return stmt;
  }

  /// `v in LIST where C`; leaves the binder in scope for the clauses.
  std::string Veto() {
    std::string list = Expr(Ty::ListBallot, 1);
    std::string name = Fresh("b");
    env_.push_back({name, Ty::Ballot});
    std::string head = name + " in " + list;
    if (Chance(70)) head += " where " + Expr(Ty::Bool, 2);
    return head;
  }
  std::vector<Stmt> VetoClauses() {
    std::vector<Stmt> clauses;
    if (Chance(60)) {
      std::string valid = "valid when " + Expr(Ty::Bool, 2);
      if (Chance(60)) valid += "\n      else warn " + Code() + ": " + Message();
      clauses.push_back(Plain(valid));
    }
    if (Chance(50)) clauses.push_back(Plain("overridden when " + Expr(Ty::Bool, 2)));
    clauses.push_back(Plain("deny " + Code() + ": " + Message()));
    return clauses;
  }

  std::mt19937_64 rng_;
  ProgramShape shape_;
  std::vector<Var> env_;
  std::vector<Var> globals_;
  std::vector<Callable> callables_;
  std::string quorum_name_ = "q";
  std::string vote_name_ = "tv";
  bool has_vote_ = false;
  bool in_interpolation_ = false;
  int fresh_ = 0;
};

}  // namespace

Program GenerateProgram(uint64_t seed, const ProgramShape& shape) { return Generator(seed, shape).Generate(); }

}  // namespace charter::differential
