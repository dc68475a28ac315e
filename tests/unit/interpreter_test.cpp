// The reference interpreter, end to end from policy text and event JSON:
// exact arithmetic, calendar rules, strings, collections, governance
// constructs, and evaluation errors that stop an event instead of guessing.
#include <catch2/catch.hpp>

#include "compiler/eval/decision_json.h"
#include "compiler/eval/decode.h"
#include "compiler/eval/interpreter.h"
#include "compiler/ir/ir.h"
#include "compiler/jit/engine.h"
#include "test_support.h"

using namespace charter;
using charter::testing::CheckText;

namespace {

/// A policy compiled to IR with an interpreter, ready to decide JSON events.
struct Engine {
  std::unique_ptr<testing::CheckRun> run;
  std::unique_ptr<ir::Module> module;
  std::unique_ptr<eval::Interpreter> interpreter;
  std::unique_ptr<jit::Engine> jit;

  explicit Engine(const std::string& text) : run(CheckText(text)) {
    INFO(text);
    for (const auto& d : run->diags.diagnostics()) UNSCOPED_INFO(d.code() << " " << d.message);
    REQUIRE(run->Errors() == 0);
    module = ir::Lower(*run->checked);
    interpreter = std::make_unique<eval::Interpreter>(*module);
    std::string error;
    jit = jit::Engine::Create(*module, jit::EngineOptions{}, error);
    INFO(error);
    REQUIRE(jit);
  }

  /// The decision JSON for `json`, or {"error": message} when evaluation stops.
  nlohmann::ordered_json Decide(const std::string& json, bool explain = false) {
    std::vector<const ast::EventDecl*> events;
    for (const auto& kind : module->events) events.push_back(kind.decl);
    eval::EventDecoder decoder(*run->checked, events);
    auto decoded = decoder.Decode(json);
    auto* error = std::get_if<eval::InputError>(&decoded);
    if (error) FAIL("input error at " << error->path << ": " << error->message);
    auto& event = std::get<eval::DecodedEvent>(decoded);
    int32_t kind = module->FindEvent(event.event->json_kind);
    auto to_json = [&](const std::variant<eval::Decision, eval::EvalError>& result) -> nlohmann::ordered_json {
      if (auto* failure = std::get_if<eval::EvalError>(&result)) {
        return {{"error", failure->message}, {"line", failure->at.line}};
      }
      return eval::DecisionJson(*module, kind, std::get<eval::Decision>(result), nullptr);
    };
    nlohmann::ordered_json decided = to_json(interpreter->Decide(kind, event.value, explain));
    // Every case here is also a differential test: the JIT must decide (or fail) identically.
    nlohmann::ordered_json compiled = to_json(jit->Decide(kind, event.value));
    nlohmann::ordered_json without_trace = decided;
    without_trace.erase("trace");
    CHECK(compiled.dump() == without_trace.dump());
    return decided;
  }

  std::vector<std::string> Reasons(const std::string& json) {
    std::vector<std::string> codes;
    for (const auto& r : Decide(json)["reasons"]) codes.push_back(r["code"]);
    return codes;
  }
};

}  // namespace

TEST_CASE("Decimal arithmetic is exact at thresholds", "[interp]") {
  Engine engine(R"(policy p
event e { total: int, failed: int, rate: percent }
rule r on e {
  let budget = (1 - 0.95) * event.total
  value budget = budget
  value left = percent_of(budget - event.failed, budget)
  value exactly_75 = percent_of(budget - event.failed, budget) == 75%
  value third = 1 / 3
  value rate_fraction = event.rate.fraction()
}
)");
  auto d = engine.Decide(R"({"kind": "e", "total": 2000, "failed": 25, "rate": 96.1})");
  CHECK(d["values"]["budget"] == 100);
  CHECK(d["values"]["left"] == 75);
  CHECK(d["values"]["exactly_75"] == true);
  CHECK(d["values"]["third"].get<double>() == Approx(1.0 / 3));
  CHECK(d["values"]["rate_fraction"].dump() == "0.961");
}

TEST_CASE("Overflow, division by zero and a value outside every band stop the event", "[interp]") {
  Engine engine(R"(policy p
event e { a: int, b: int, pct: percent }
threshold band(x: percent in 0%..100%) -> int {
  < 50% => 1
  >= 50% and <= 100% => 2
}
rule r on e {
  value product = event.a * event.b
  value ratio = event.a / event.b
  value band = band(event.pct)
}
)");
  auto overflow = engine.Decide(R"({"kind": "e", "a": 9223372036854775807, "b": 2, "pct": 10})");
  CHECK(overflow["error"] == "integer overflow in 9223372036854775807 * 2");
  CHECK(overflow["line"] == 8);
  auto zero = engine.Decide(R"({"kind": "e", "a": 1, "b": 0, "pct": 10})");
  CHECK(zero["error"] == "division by zero: 1 / 0");
  CHECK(zero["line"] == 9);
  auto fine = engine.Decide(R"({"kind": "e", "a": 7, "b": 2, "pct": 50})");
  CHECK(fine["values"]["ratio"] == 3.5);
  CHECK(fine["values"]["band"] == 2);
}

TEST_CASE("A threshold input outside its bands is an evaluation error, not a guess", "[interp]") {
  Engine engine(R"(policy p
event e { n: int }
threshold size(n: int in 0..10) -> string {
  < 5 => "small"
  >= 5 and <= 10 => "large"
}
rule r on e { value size = size(event.n) }
)");
  CHECK(engine.Decide(R"({"kind": "e", "n": 10})")["values"]["size"] == "large");
  auto outside = engine.Decide(R"({"kind": "e", "n": 11})");
  CHECK(outside["error"] == "`size` has no band for n 11");
}

TEST_CASE("Business days count Monday to Friday, after the start up to and including the end", "[interp]") {
  Engine engine(R"(policy p
import std.time
event e { posted: date, decided: date }
rule r on e {
  value plus_5 = event.posted + 5 business_days
  value minus_1 = event.posted - 1 business_days
  value between = time.business_days_between(event.posted, event.decided)
  value calendar = event.decided - event.posted
  value ok = event.decided >= event.posted + 5 business_days
}
)");
  auto monday = engine.Decide(R"({"kind": "e", "posted": "2026-11-02", "decided": "2026-11-09"})");
  CHECK(monday["values"]["plus_5"] == "2026-11-09");
  CHECK(monday["values"]["minus_1"] == "2026-10-30");
  CHECK(monday["values"]["between"] == 5);
  CHECK(monday["values"]["calendar"] == "7 days");
  CHECK(monday["values"]["ok"] == true);
  auto friday = engine.Decide(R"({"kind": "e", "posted": "2026-11-02", "decided": "2026-11-06"})");
  CHECK(friday["values"]["between"] == 4);
  CHECK(friday["values"]["ok"] == false);
  // From a Saturday, one business day later is Monday, one earlier is Friday.
  auto saturday = engine.Decide(R"({"kind": "e", "posted": "2026-11-07", "decided": "2026-11-09"})");
  CHECK(saturday["values"]["plus_5"] == "2026-11-13");
  CHECK(saturday["values"]["minus_1"] == "2026-11-06");
  CHECK(saturday["values"]["between"] == 1);
}

TEST_CASE("Timestamps add calendar durations and compare as instants", "[interp]") {
  Engine engine(R"(policy p
event e { at: timestamp, seen: timestamp }
rule r on e {
  value deadline = event.at + 1 hour
  value late = event.seen > event.at + 1 hour
  value waited = event.seen - event.at
}
)");
  auto d = engine.Decide(R"({"kind": "e", "at": "2026-11-23T09:00:00+01:00", "seen": "2026-11-23T09:30:00Z"})");
  CHECK(d["values"]["deadline"] == "2026-11-23T09:00:00Z");
  CHECK(d["values"]["late"] == true);
  CHECK(d["values"]["waited"] == "90 minutes");
}

TEST_CASE("String methods: ASCII case, Unicode trim and length, full-match regexes, split", "[interp]") {
  Engine engine(R"(policy p
event e { s: string }
rule r on e {
  value lower = event.s.lower()
  value trimmed = event.s.trim()
  value length = event.s.length()
  value label = event.s.matches(r"^[A-Za-z0-9-]+$")
  value partial = event.s.matches("b")
  value parts = event.s.split("/")
  value has = event.s.contains("Ä")
}
)");
  auto d = engine.Decide(R"({"kind": "e", "s": "\u3000ÄB/c\u00a0"})");
  CHECK(d["values"]["lower"] == "\u3000Äb/c\u00a0");
  CHECK(d["values"]["trimmed"] == "ÄB/c");
  CHECK(d["values"]["length"] == 6);
  CHECK(d["values"]["label"] == false);
  CHECK(d["values"]["partial"] == false);
  CHECK(d["values"]["parts"] == nlohmann::ordered_json({"\u3000ÄB", "c\u00a0"}));
  CHECK(d["values"]["has"] == true);
  CHECK(engine.Decide(R"({"kind": "e", "s": "needs-triage"})")["values"]["label"] == true);
  // A regex over a huge input is refused rather than risking the stack.
  auto huge = engine.Decide(R"({"kind": "e", "s": ")" + std::string(5000, 'a') + R"("})");
  CHECK(huge["error"] == "text of 5000 bytes is too long to match a regular expression (limit 4096)");
}

TEST_CASE("Both operands failing: the left one's error wins, on both engines", "[interp]") {
  // Each rule's two operands fail on lines 4 and 5 of their rule; evaluation is in source order.
  auto line_of_error = [](const std::string& rule, const std::string& event) {
    Engine engine("policy p\nevent e { t: timestamp, d: date, i: int, z: int }\n" + rule);
    auto decided = engine.Decide(event);
    INFO(decided.dump());
    REQUIRE(decided.contains("error"));
    return decided["line"].get<int>();
  };
  const std::string late = R"({"kind": "e", "t": "9999-12-31T23:30:00Z", "d": "9999-12-31", "i": 1, "z": 0})";
  CHECK(line_of_error("rule r on e {\n  value x = (event.t + 1 hour) -\n    (event.t + 2 hours)\n}\n", late) == 4);
  CHECK(line_of_error("rule r on e {\n  value x = (event.d + 1 day) -\n    (event.d + 2 days)\n}\n", late) == 4);
  CHECK(line_of_error("rule r on e {\n  value x = (if event.i / event.z > 0 then \"a\" else \"b\") +\n"
                      "    (if event.i / event.z > 0 then \"c\" else \"d\")\n}\n", late) == 4);
  CHECK(line_of_error("rule r on e {\n  value x = [event.i / event.z] ==\n    [event.i / event.z]\n}\n", late) == 4);
  CHECK(line_of_error("rule r on e {\n  value x = (event.i / event.z > 0) ==\n    (event.i / event.z > 0)\n}\n", late) == 4);
}

TEST_CASE("Regexes computed per event: matched, and an invalid one stops the event", "[interp]") {
  Engine engine(R"(policy p
event e { s: string, pattern: string }
rule r on e {
  value ok = event.s.matches(event.pattern)
}
)");
  CHECK(engine.Decide(R"({"kind": "e", "s": "v1.2", "pattern": "v\\d+(\\.\\d+)*"})")["values"]["ok"] == true);
  CHECK(engine.Decide(R"({"kind": "e", "s": "v1.", "pattern": "v\\d+(\\.\\d+)*"})")["values"]["ok"] == false);
  auto invalid = engine.Decide(R"({"kind": "e", "s": "x", "pattern": "(x"})");
  CHECK(invalid["error"] == "invalid regular expression \"(x\": missing closing parenthesis at offset 2");
  auto runaway = engine.Decide(R"({"kind": "e", "s": ")" + std::string(4000, 'a') + R"(!", "pattern": "(a|aa)+"})");
  CHECK(runaway["error"] == "regular expression failed: match limit exceeded");
}

TEST_CASE("Collections: counts, filters, distinct sets, min and max of nothing", "[interp]") {
  Engine engine(R"(policy p
record Item { name: string, n: int }
event e { items: list<Item>, tags: set<string> }
rule r on e {
  value count = event.items.count(i => i.n > 1)
  value names = event.items.filter(i => i.n > 1).map(i => i.name)
  value distinct = event.items.map(i => i.name).distinct().count()
  value total = event.items.sum(i => i.n)
  value smallest = event.items.min(i => i.n) ?? -1
  value same_tags = event.tags == ["b", "a"]
  value all_big = event.items.all(i => i.n > 0)
}
)");
  auto d = engine.Decide(R"({"kind": "e", "items": [{"name": "a", "n": 1}, {"name": "b", "n": 2}, {"name": "a", "n": 3}],
                             "tags": ["a", "b", "a"]})");
  CHECK(d["values"]["count"] == 2);
  CHECK(d["values"]["names"] == nlohmann::ordered_json({"b", "a"}));
  CHECK(d["values"]["distinct"] == 2);
  CHECK(d["values"]["total"] == 6);
  CHECK(d["values"]["smallest"] == 1);
  CHECK(d["values"]["same_tags"] == true);
  CHECK(d["values"]["all_big"] == true);
  auto empty = engine.Decide(R"({"kind": "e", "items": [], "tags": []})");
  CHECK(empty["values"]["smallest"] == -1);
  CHECK(empty["values"]["all_big"] == true);
  CHECK(empty["values"]["total"] == 0);
}

TEST_CASE("Votes: tie-break, protected minority, tabling and unanimity", "[interp]") {
  Engine engine(R"(policy p
enum Role { platform, security, leadership }
enum Choice { approve, approve_with_conditions, reject, table }
record Ballot { role: Role, vote: Choice }
vote council of Ballot by vote, role {
  approve: approve, approve_with_conditions
  reject: reject
  table: table
  pass when approve >= 3 and approve > reject
  tie when approve == reject and approve >= 3: leadership decides
  security may not be in the minority
  tabled when table > approve and table > reject
}
event e { ballots: list<Ballot> }
rule r on e {
  let t = council(event.ballots)
  value passes = t.passes
  value minority = t.minority
  value tabled = t.tabled
  value unanimous = t.unanimous
}
)");
  auto ballots = [&](const std::string& list) {
    return engine.Decide(R"({"kind": "e", "ballots": [)" + list + "]}")["values"];
  };
  std::string a = R"({"role": "platform", "vote": "approve"})";
  std::string c = R"({"role": "platform", "vote": "approve_with_conditions"})";
  std::string r = R"({"role": "platform", "vote": "reject"})";
  std::string lead = R"({"role": "leadership", "vote": "approve"})";
  std::string sec_reject = R"({"role": "security", "vote": "reject"})";
  std::string t = R"({"role": "platform", "vote": "table"})";
  CHECK(ballots(a + "," + c + "," + a)["passes"] == true);
  CHECK(ballots(a + "," + c + "," + a)["unanimous"] == true);
  CHECK(ballots(a + "," + a + "," + a + "," + r + "," + r + "," + r)["passes"] == false);
  CHECK(ballots(a + "," + a + "," + lead + "," + r + "," + r + "," + r)["passes"] == true);
  auto minority = ballots(a + "," + a + "," + a + "," + sec_reject);
  CHECK(minority["passes"] == true);
  CHECK(minority["minority"] == true);
  CHECK(ballots(t + "," + t + "," + a)["tabled"] == true);
  CHECK(ballots("")["unanimous"] == false);
}

TEST_CASE("Vetoes: an invalid one warns, an overridden one is silent, obligations vanish on deny", "[interp]") {
  Engine engine(R"(policy p
record Veto { reason: string }
event e { vetoes: list<Veto>, override: bool }
rule r on e {
  veto v in event.vetoes {
    valid when v.reason != ""
      else warn "invalid_veto": "no reason"
    overridden when event.override
    deny "vetoed": "vetoed: {v.reason}"
  }
  oblige "follow_up": "follow up"
}
)");
  auto invalid = engine.Decide(R"({"kind": "e", "vetoes": [{"reason": ""}], "override": false})");
  CHECK(invalid["decision"] == "allow");
  CHECK(invalid["warnings"][0]["code"] == "invalid_veto");
  CHECK(invalid["obligations"][0]["code"] == "follow_up");
  auto vetoed = engine.Decide(R"({"kind": "e", "vetoes": [{"reason": "risky"}, {"reason": "late"}], "override": false})");
  CHECK(vetoed["decision"] == "deny");
  CHECK(vetoed["reasons"].size() == 2);
  CHECK(vetoed["reasons"][1]["message"] == "vetoed: late");
  CHECK(vetoed["obligations"].empty());
  auto overridden = engine.Decide(R"({"kind": "e", "vetoes": [{"reason": "risky"}], "override": true})");
  CHECK(overridden["decision"] == "allow");
}

TEST_CASE("Every failed requirement is listed, and the last value set wins", "[interp]") {
  Engine engine(R"(policy p
event e { a: int, b: int }
rule first on e {
  require event.a > 0 else "a_positive": "a is {event.a}"
  require event.b > 0 else "b_positive": "b is {event.b}"
  value v = "first"
}
rule second on e { value v = "second" }
)");
  auto d = engine.Decide(R"({"kind": "e", "a": 0, "b": -1})");
  REQUIRE(d["reasons"].size() == 2);
  CHECK(d["reasons"][0]["code"] == "a_positive");
  CHECK(d["reasons"][0]["message"] == "a is 0");
  CHECK(d["reasons"][0]["at"] == "test.charter:4:3");
  CHECK(d["reasons"][1]["code"] == "b_positive");
  CHECK(d["values"]["v"] == "second");
}

TEST_CASE("Optionals: defaults, chains and narrowing", "[interp]") {
  Engine engine(R"(policy p
record Rfc { posted: date }
event e { rfc: Rfc?, note: string? }
rule r on e {
  value posted = event.rfc?.posted
  value note = event.note ?? "none given"
  when event.rfc != none {
    value weekday_later = event.rfc.posted + 1 business_days
  }
}
)");
  auto absent = engine.Decide(R"({"kind": "e"})");
  CHECK(absent["values"]["posted"].is_null());
  CHECK(absent["values"]["note"] == "none given");
  CHECK_FALSE(absent["values"].contains("weekday_later"));
  auto given = engine.Decide(R"({"kind": "e", "rfc": {"posted": "2026-11-06"}, "note": "hi"})");
  CHECK(given["values"]["weekday_later"] == "2026-11-09");
  CHECK(given["values"]["note"] == "hi");
}

TEST_CASE("Explain traces rules, requirements and the values they compared", "[interp]") {
  Engine engine(R"(policy p
event e { approve: int, skip: bool }
rule votes on e {
  require event.approve >= 3 else "vote_failed": "too few"
}
rule skipped on e when event.skip { deny "never": "never" }
)");
  auto d = engine.Decide(R"({"kind": "e", "approve": 2, "skip": false})", true);
  std::vector<std::string> trace = d["trace"];
  CHECK(trace == std::vector<std::string>{"rule votes: ran", "  require \"vote_failed\": failed (2 >= 3)",
                                          "rule skipped: skipped, its `when` is false"});
}

// Found by the differential tester (tests/differential/): the JIT reported a
// decimal sum's overflow as a plain addition.
TEST_CASE("A decimal sum that overflows is reported as a sum", "[interp]") {
  Engine engine(R"(policy p
event e { xs: list<decimal> }
rule r on e {
  value total = event.xs.sum(x => x)
}
)");
  auto d = engine.Decide(R"({"kind": "e", "xs": [0.5, 9223372036854775807]})");
  CHECK(d["error"] == "decimal overflow in sum");
  CHECK(engine.Decide(R"({"kind": "e", "xs": [0.5, 0.25]})")["values"]["total"] == 0.75);
}

// Found by the differential tester: the JIT evaluated the right operand of an
// int/date/timestamp comparison and of a date difference first, so when both
// sides fail it reported the right side's error, not the first one.
TEST_CASE("Operands are evaluated left to right: the first evaluation error wins", "[interp]") {
  Engine engine(R"(policy p
import std.time
event e { t: timestamp, d: date, compare: bool }
rule compared on e when event.compare {
  value same = event.t + 1 hour == event.t + 2 hours
}
rule subtracted on e when not event.compare {
  value gap = time.date_of(event.t + 1 hour) - (event.d + 1 day)
}
)");
  for (const char* compare : {"true", "false"}) {
    auto d = engine.Decide(std::string(R"({"kind": "e", "t": "9999-12-31T23:59:59Z", "d": "9999-12-31", "compare": )") +
                           compare + "}");
    CHECK(d["error"] == "timestamp outside the years 0000 to 9999");
  }
}

// Found by the differential tester: lowering a call kept a reference to the
// callee's parameter types while lowering the arguments, which can lower other
// functions for the first time and move the function table (a use after free).
TEST_CASE("A call whose arguments are first calls of other functions lowers safely", "[interp]") {
  std::string policy = "policy p\nevent e { n: int }\n";
  std::string rule = "rule r on e {\n";
  for (int i = 0; i < 12; ++i) {
    std::string k = std::to_string(i);
    policy += "fn f" + k + "(s: string, n: int) -> string = s + \"" + k + "\"\n";
    policy += "threshold t" + k + "(x: int) -> string {\n  < " + k + " => \"lo\"\n  else => \"hi\"\n}\n";
    rule += "  value v" + k + " = f" + k + "(t" + k + "(event.n), event.n)\n";
  }
  Engine engine(policy + rule + "}\n");
  auto d = engine.Decide(R"({"kind": "e", "n": 5})");
  CHECK(d["values"]["v0"] == "hi0");
  CHECK(d["values"]["v11"] == "lo11");
}

// Found by the differential tester under UBSan: decimal subtraction negated
// its right operand, and an int of INT64_MIN as a decimal cannot be negated.
TEST_CASE("An int of INT64_MIN has no decimal value; decimal subtraction reaches -INT64_MAX", "[interp]") {
  Engine engine(R"(policy p
event e { n: int, d: decimal }
rule r on e {
  value diff = event.d - event.n
}
)");
  CHECK(engine.Decide(R"({"kind": "e", "n": -9223372036854775808, "d": 0})")["error"] ==
        "decimal overflow: -9223372036854775808 has no decimal value");
  CHECK(engine.Decide(R"({"kind": "e", "n": -9223372036854775807, "d": 0})")["values"]["diff"] ==
        9223372036854775807LL);
  CHECK(engine.Decide(R"({"kind": "e", "n": 9223372036854775807, "d": -1})")["error"] ==
        "decimal overflow in -1 - 9223372036854775807");
}
