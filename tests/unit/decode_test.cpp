// Event decoding: JSON documents to typed values by the policy's schema, and
// every kind of input error with its exact path and message.
#include <catch2/catch.hpp>

#include <cstring>
#include <random>

#include "compiler/base/calendar.h"
#include "compiler/eval/decode.h"
#include "test_support.h"

using namespace charter;
using namespace charter::eval;
using charter::testing::SourcePath;

namespace {

/// A checked program with its event declarations and named declarations.
struct Schema {
  std::unique_ptr<CheckedProgram> checked;
  std::vector<const ast::EventDecl*> events;
  std::map<std::string, const ast::Decl*> decls;

  explicit Schema(std::unique_ptr<CheckedProgram> program) : checked(std::move(program)) {
    for (FileId id : checked->program->entries) {
      for (const auto& decl : checked->program->file(id).decls) {
        decls[decl->name.name] = decl.get();
        if (decl->kind == ast::DeclKind::Event) events.push_back(&decl->As<ast::EventDecl>());
      }
    }
  }
  EventDecoder Decoder(DecodeLimits limits = {}) const { return EventDecoder(*checked, events, limits); }
  const Type* Named(const std::string& name) const { return checked->types.Named(decls.at(name)); }
};

/// The two shipped policies, loaded once.
const Schema& Shipped() {
  static const Schema schema = [] {
    DiagnosticSink diags;
    auto checked = Check(Load({SourcePath("policies/cicd-constitution.charter"),
                               SourcePath("policies/job-contracts.charter")},
                              {}, diags),
                         diags);
    REQUIRE(diags.ErrorCount() == 0);
    return Schema(std::move(checked));
  }();
  return schema;
}

const char* const kTestPolicy = R"(policy decode_test

enum Role { platform, security, leadership, developer }

enum Permission {
  issues_read "issues:read"
  pull_requests_read "pull-requests:read"
}

record Ballot { member: string, role: Role }

event sample {
  count: int
  ratio: decimal
  share: percent
  name: string
  day: date
  at: timestamp
  flag: bool
  roles: set<Role>
  perms: list<Permission>
  ballots: list<Ballot>
  note: string?
  best: Ballot?
}

event timed kind "timed-event" {
  wait: duration
  later: duration?
}
)";

/// The small policy above, which has every JSON type and two that have none.
const Schema& Sample() {
  static const Schema schema = [] {
    auto run = charter::testing::CheckText(kTestPolicy);
    REQUIRE(run->Errors() == 0);
    return Schema(std::move(run->checked));
  }();
  return schema;
}

const char* const kSample = R"({"kind": "sample", "count": 2000, "ratio": 96.1, "share": 62.5, "name": "ana",
  "day": "2026-11-02", "at": "2026-11-23T10:30:00.5+01:00", "flag": true,
  "roles": ["security", "platform", "security"], "perms": ["issues:read", "pull-requests:read"],
  "ballots": [{"member": "ana", "role": "platform"}, {"member": "bo", "role": "security"}],
  "note": "hello"})";

const char* const kChange = R"({"kind": "change", "id": "PR-123", "tier": "T3",
 "security_sensitive": false, "breaking": false, "critical": false,
 "error_budget_remaining": 62.5,
 "rfc": {"posted": "2026-11-02", "decided": "2026-11-10"},
 "reviews": [{"user": "ana", "role": "platform", "state": "approved"}],
 "ballots": [{"member": "a", "role": "platform", "vote": "approve"},
             {"member": "b", "role": "security", "vote": "reject"},
             {"member": "c", "role": "leadership", "vote": "table"}],
 "vetoes": [],
 "leadership_approval": false,
 "notice_days": 0, "migration_guide": false, "rollback_plan": false,
 "emergency": null})";

const char* const kContract = R"({"kind": "contract_execution",
 "contract": {"id": "JC-TRIAGE-001", "level": "confidential", "standard": true,
              "permissions": ["issues:read", "issues:write"]},
 "available_permissions": ["issues:read", "issues:write", "contents:read"],
 "approvals": [{"user": "ana", "teams": ["security"]}],
 "authorized_approvers": ["ana"],
 "vulnerabilities": {"critical": 0, "high": 0, "medium": 3, "low": 12},
 "inputs": {"issue_number": 12345},
 "trusted_domains": ["github.com"],
 "override": null})";

/// `document` with its top-level `key` replaced by (or given) the raw JSON `value`.
std::string With(std::string_view document, const std::string& key, const std::string& value) {
  auto json = nlohmann::ordered_json::parse(document);
  json.erase(key);
  std::string text = json.dump();
  return "{" + nlohmann::json(key).dump() + ":" + value + (json.empty() ? "" : ",") + text.substr(1);
}

std::string Without(std::string_view document, const std::string& key) {
  auto json = nlohmann::ordered_json::parse(document);
  json.erase(key);
  return json.dump();
}

/// "path | message" of a failed decode, or "ok".
template <typename T>
std::string Outcome(const std::variant<T, InputError>& result) {
  if (const InputError* error = std::get_if<InputError>(&result)) return error->path + " | " + error->message;
  return "ok";
}

std::string ErrorOf(std::string_view document) { return Outcome(Sample().Decoder().Decode(document)); }
std::string SampleWith(const std::string& key, const std::string& value) { return ErrorOf(With(kSample, key, value)); }

/// The decoded event value; fails the test on an input error.
Value Decoded(const Schema& schema, std::string_view document) {
  auto result = schema.Decoder().Decode(document);
  INFO(Outcome(result));
  REQUIRE(std::holds_alternative<DecodedEvent>(result));
  return std::get<DecodedEvent>(result).value;
}

Rational R(int64_t num, int64_t den) { return *Rational::Make(num, den); }

}  // namespace

// ------------------------------------------------------------------ values

TEST_CASE("decode: an event decodes to a record of its fields in declaration order", "[decode]") {
  auto result = Shipped().Decoder().Decode(kChange);
  INFO(Outcome(result));
  REQUIRE(std::holds_alternative<DecodedEvent>(result));
  const DecodedEvent& decoded = std::get<DecodedEvent>(result);
  CHECK(decoded.event->json_kind == "change");
  CHECK(decoded.id == "PR-123");
  const Items& fields = decoded.value.items();
  REQUIRE(fields.size() == 14);
  CHECK(fields[0].as_int() == 2);  // T3, the third tier row
  CHECK(fields[1].as_bool() == false);
  CHECK(fields[4].as_dec() == R(125, 2));  // 62.5 percent
  const Items& rfc = fields[5].items();
  REQUIRE(rfc.size() == 2);
  CHECK(rfc[0].as_int() == *ParseDate("2026-11-02"));
  CHECK(rfc[1].as_int() == *ParseDate("2026-11-10"));
  const Items& ballots = fields[7].items();
  REQUIRE(ballots.size() == 3);
  CHECK(ballots[1].items()[0].as_str() == "b");
  CHECK(ballots[1].items()[1].as_int() == 1);  // security
  CHECK(ballots[2].items()[2].as_int() == 3);  // table
  CHECK(fields[8].items().empty());
  CHECK(fields[10].as_int() == 0);
  CHECK(fields[13].is_none());
}

TEST_CASE("decode: every JSON type decodes to its value representation", "[decode]") {
  Value event = Decoded(Sample(), kSample);
  const Items& f = event.items();
  REQUIRE(f.size() == 12);
  CHECK(f[0].as_int() == 2000);
  CHECK(f[1].as_dec() == R(961, 10));
  CHECK(f[2].as_dec() == R(125, 2));
  CHECK(f[3].as_str() == "ana");
  CHECK(f[4].as_int() == *ParseDate("2026-11-02"));
  CHECK(f[5].as_int() == *ParseTimestamp("2026-11-23T09:30:00.5Z"));
  CHECK(f[6].as_bool() == true);
  CHECK(f[8].items().size() == 2);
  CHECK(f[8].items()[1].as_int() == 1);  // "pull-requests:read" is the second member
  CHECK(f[9].items()[1].items()[1].as_int() == 1);
  CHECK(f[10].as_str() == "hello");
  CHECK(f[11].is_none());
}

TEST_CASE("decode: numbers are exact decimals, never binary floating point", "[decode]") {
  auto decode = [](const char* literal) {
    auto result = Sample().Decoder().DecodeAs(literal, Sample().checked->types.Decimal());
    INFO(literal << ": " << Outcome(result));
    REQUIRE(std::holds_alternative<Value>(result));
    return std::get<Value>(result).as_dec();
  };
  CHECK(decode("96.1") == R(961, 10));
  CHECK(decode("62.5") == R(125, 2));
  CHECK(decode("1e2") == R(100, 1));
  CHECK(decode("0.05") == R(1, 20));
  CHECK(decode("-0.05") == R(-1, 20));
  CHECK(decode("5E-2") == R(1, 20));
  CHECK(decode("1.5e+1") == R(15, 1));
  CHECK(decode("100e-2") == R(1, 1));
  CHECK(decode("96.10000") == R(961, 10));
  CHECK(decode("0.1") == R(1, 10));
  CHECK(decode("-0") == R(0, 1));
  CHECK(decode("0e999999999999") == R(0, 1));
  CHECK(decode("12") == R(12, 1));
  CHECK(decode("9223372036854775807") == R(INT64_MAX, 1));
  CHECK(decode("0.000000000000000001") == R(1, 1000000000000000000));
}

TEST_CASE("decode: 2000 runs with 25 failures: the counts and rates arrive exactly", "[decode]") {
  Value slo = Decoded(Shipped(), R"({"kind": "slo_report", "ci_success_rate": 98.75, "build_duration_p50_s": 240,
    "precommit_hook_p50_s": 12, "security_scan_coverage": 100, "total_runs": 2000, "failed_runs": 25})");
  const Items& f = slo.items();
  CHECK(f[0].as_dec() == R(395, 4));
  CHECK(f[3].as_dec() == R(100, 1));
  CHECK(f[4].as_int() == 2000);
  CHECK(f[5].as_int() == 25);
  // The decoded rate agrees exactly with the decoded counts: (100 - 98.75) / 100 is 25 / 2000.
  Rational failure_rate = *Rational::Make(f[5].as_int(), f[4].as_int());
  CHECK(*Rational::Int(100).Sub(f[0].as_dec())->Div(Rational::Int(100)) == failure_rate);
  // A 95% SLO allows 5% failures: 25 of 100 allowed are used, exactly 75% of the budget is left.
  Rational used = *failure_rate.Div(R(5, 100));
  CHECK(*Rational::Int(1).Sub(used) == R(3, 4));
}

TEST_CASE("decode: sets collapse repeats, keeping the first of each", "[decode]") {
  Value event = Decoded(Sample(), kSample);
  const Value& roles = event.items()[7];
  CHECK(roles.is_set());
  REQUIRE(roles.items().size() == 2);
  CHECK(roles.items()[0].as_int() == 1);  // security
  CHECK(roles.items()[1].as_int() == 0);  // platform

  TypeContext& types = Sample().checked->types;
  auto decode_set = [&](const std::string& json, const Type* element) {
    auto result = Sample().Decoder().DecodeAs(json, types.Set(element));
    INFO(Outcome(result));
    REQUIRE(std::holds_alternative<Value>(result));
    return std::get<Value>(result);
  };
  CHECK(decode_set("[1, 2, 1, 3, 2]", types.Int()).items().size() == 3);
  CHECK(decode_set("[0.5, 0.50, 5e-1, 1]", types.Decimal()).items().size() == 2);
  CHECK(decode_set(R"(["a", "b", "a"])", types.String()).items().size() == 2);
  CHECK(decode_set(R"([[1, 2], [2, 1], [1, 2, 2]])", types.Set(types.Int())).items().size() == 1);
  CHECK(decode_set(R"([[1, 2], [2, 1]])", types.List(types.Int())).items().size() == 2);
  const Type* ballot = Sample().Named("Ballot");
  Value ballots = decode_set(R"([{"member": "a", "role": "platform"}, {"role": "platform", "member": "a"},
                                  {"member": "a", "role": "security"}])",
                             ballot);
  CHECK(ballots.items().size() == 2);

  std::string many = "[";
  for (int i = 0; i < 200000; ++i) many += (i ? "," : "") + std::to_string(i % 7);
  CHECK(decode_set(many + "]", types.Int()).items().size() == 7);
}

TEST_CASE("decode: an optional field may be absent or null, a required one neither", "[decode]") {
  CHECK(Decoded(Sample(), Without(kSample, "note")).items()[10].is_none());
  CHECK(Decoded(Sample(), With(kSample, "note", "null")).items()[10].is_none());
  CHECK(Decoded(Sample(), With(kSample, "note", "\"\"")).items()[10].as_str().empty());
  Value best = Decoded(Sample(), With(kSample, "best", R"({"member": "cy", "role": "developer"})")).items()[11];
  REQUIRE(!best.is_none());
  CHECK(best.items()[1].as_int() == 3);
  CHECK(ErrorOf(Without(kSample, "name")) == "$.name | missing required field");
  CHECK(SampleWith("name", "null") == "$.name | expected a string; got null");
  CHECK(SampleWith("best", R"({"member": "cy"})") == "$.best.role | missing required field");
  CHECK(SampleWith("best", "[]") == "$.best | expected an object; got []");

  // contract_execution: used_permissions absent, every input but one absent, override null.
  Value contract = Decoded(Shipped(), kContract);
  CHECK(contract.items()[0].items()[4].is_none());
  const Items& inputs = contract.items()[5].items();
  CHECK(inputs[0].as_int() == 12345);
  for (size_t i = 1; i < inputs.size(); ++i) CHECK(inputs[i].is_none());
  CHECK(contract.items()[7].is_none());
}

TEST_CASE("decode: enum members are read by their JSON spelling", "[decode]") {
  Value contract = Decoded(Shipped(), kContract);
  const Items& permissions = contract.items()[0].items()[3].items();
  REQUIRE(permissions.size() == 2);
  CHECK(permissions[0].as_int() == 0);  // "issues:read" is issues_read
  CHECK(permissions[1].as_int() == 1);
  // The member's name is not its spelling.
  std::string misspelt = std::string(kContract);
  misspelt.replace(misspelt.find("\"issues:write\"]"), 14, "\"issues_write\"");
  CHECK(Outcome(Shipped().Decoder().Decode(misspelt)) ==
        "$.contract.permissions[1] | expected one of issues:read, issues:write, pull-requests:read, "
        "pull-requests:write, contents:read, contents:write, packages:read, packages:write; got \"issues_write\"");
  // A tier member is spelt by its name; the string after it is a title.
  CHECK(Outcome(Shipped().Decoder().Decode(With(kChange, "tier", "\"Workflow Changes\""))) ==
        "$.tier | expected one of T1, T2, T3, T4, T5; got \"Workflow Changes\"");
  CHECK(Decoded(Shipped(), With(kChange, "tier", "\"T1\"")).items()[0].as_int() == 0);
}

// ------------------------------------------------------------------ type errors

TEST_CASE("decode: a wrong JSON type names what was expected and what was given", "[decode]") {
  CHECK(SampleWith("count", "\"12\"") == "$.count | expected an integer; got \"12\"");
  CHECK(SampleWith("flag", "1") == "$.flag | expected true or false; got 1");
  CHECK(SampleWith("flag", "\"true\"") == "$.flag | expected true or false; got \"true\"");
  CHECK(SampleWith("name", "12") == "$.name | expected a string; got 12");
  CHECK(SampleWith("ratio", "\"0.5\"") == "$.ratio | expected a number; got \"0.5\"");
  CHECK(SampleWith("roles", "\"security\"") == "$.roles | expected an array; got \"security\"");
  CHECK(SampleWith("ballots", R"({"member": "a"})") == "$.ballots | expected an array; got {\"member\":\"a\"}");
  CHECK(SampleWith("ballots", "[{\"member\": \"a\", \"role\": \"platform\"}, 7]") ==
        "$.ballots[1] | expected an object; got 7");
  CHECK(SampleWith("perms", "[\"issues:read\", true]") ==
        "$.perms[1] | expected one of issues:read, pull-requests:read; got true");
}

TEST_CASE("decode: an int is a JSON integer within 64 bits", "[decode]") {
  CHECK(SampleWith("count", "1.5") == "$.count | expected an integer; got 1.5");
  CHECK(SampleWith("count", "1e3") == "$.count | expected an integer; got 1e3");
  CHECK(SampleWith("count", "2.0") == "$.count | expected an integer; got 2.0");
  CHECK(SampleWith("count", "9223372036854775808") == "$.count | integer out of range");
  CHECK(SampleWith("count", "99999999999999999999999") == "$.count | integer out of range");
  CHECK(SampleWith("count", "-9223372036854775809") == "$.count | integer out of range");
  CHECK(Decoded(Sample(), With(kSample, "count", "-9223372036854775808")).items()[0].as_int() == INT64_MIN);
  CHECK(Decoded(Sample(), With(kSample, "count", "9223372036854775807")).items()[0].as_int() == INT64_MAX);
  CHECK(Decoded(Sample(), With(kSample, "count", "-0")).items()[0].as_int() == 0);
}

TEST_CASE("decode: a decimal that no exact rational holds is out of range", "[decode]") {
  CHECK(SampleWith("ratio", "1e400") == "$.ratio | number out of range");
  CHECK(SampleWith("ratio", "-1e400") == "$.ratio | number out of range");
  CHECK(SampleWith("ratio", "1e-400") == "$.ratio | number out of range");
  CHECK(SampleWith("ratio", "1e19") == "$.ratio | number out of range");
  CHECK(SampleWith("ratio", "123456789012345678901") == "$.ratio | number out of range");
  CHECK(SampleWith("ratio", "0.12345678901234567890123") ==
        "$.ratio | number too precise: 23 significant digits, more than an exact decimal holds");
  CHECK(SampleWith("ratio", "-3.1415926535897932384") ==
        "$.ratio | number too precise: 20 significant digits, more than an exact decimal holds");
  CHECK(SampleWith("ratio", "3.141592653589793238") == "ok");  // 19 digits that fit
  CHECK(SampleWith("ratio", "1e99999999999999999999") == "$.ratio | number out of range");
  CHECK(SampleWith("ratio", "-9223372036854775808") == "$.ratio | number out of range");
  // Inside arrays, the overflow is reported at the element.
  CHECK(ErrorOf(With(kSample, "ignored", "[1, 2, 1e999]")) == "$.ignored[2] | number out of range");
}

TEST_CASE("decode: a percent is a number from 0 to 100", "[decode]") {
  CHECK(SampleWith("share", "150") == "$.share | expected a percentage from 0 to 100; got 150");
  CHECK(SampleWith("share", "-0.5") == "$.share | expected a percentage from 0 to 100; got -0.5");
  CHECK(SampleWith("share", "100.01") == "$.share | expected a percentage from 0 to 100; got 100.01");
  CHECK(SampleWith("share", "\"50%\"") == "$.share | expected a percentage from 0 to 100; got \"50%\"");
  CHECK(Decoded(Sample(), With(kSample, "share", "0")).items()[2].as_dec() == R(0, 1));
  CHECK(Decoded(Sample(), With(kSample, "share", "100")).items()[2].as_dec() == R(100, 1));
  CHECK(Decoded(Sample(), With(kSample, "share", "1e2")).items()[2].as_dec() == R(100, 1));
  CHECK(Decoded(Sample(), With(kSample, "share", "99.999")).items()[2].as_dec() == R(99999, 1000));
}

TEST_CASE("decode: dates are real calendar days and timestamps RFC 3339", "[decode]") {
  CHECK(SampleWith("day", "\"2026-02-30\"") == "$.day | expected a date \"YYYY-MM-DD\"; got \"2026-02-30\"");
  CHECK(SampleWith("day", "\"2026-1-2\"") == "$.day | expected a date \"YYYY-MM-DD\"; got \"2026-1-2\"");
  CHECK(SampleWith("day", "20261102") == "$.day | expected a date \"YYYY-MM-DD\"; got 20261102");
  CHECK(Decoded(Sample(), With(kSample, "day", "\"2024-02-29\"")).items()[4].as_int() == *ParseDate("2024-02-29"));
  CHECK(SampleWith("at", "\"2026-11-23 09:30:00\"") ==
        "$.at | expected an RFC 3339 timestamp; got \"2026-11-23 09:30:00\"");
  CHECK(SampleWith("at", "\"2026-11-23T09:30:00\"") ==
        "$.at | expected an RFC 3339 timestamp; got \"2026-11-23T09:30:00\"");
  CHECK(SampleWith("at", "\"2026-11-23\"") == "$.at | expected an RFC 3339 timestamp; got \"2026-11-23\"");
  CHECK(Decoded(Sample(), With(kSample, "at", "\"1970-01-01T00:00:01Z\"")).items()[5].as_int() == 1000000);
}

TEST_CASE("decode: enum errors list the members in declaration order", "[decode]") {
  std::string document = kChange;
  document.replace(document.find("\"role\": \"leadership\""), 20, "\"role\": \"admin\"");
  CHECK(Outcome(Shipped().Decoder().Decode(document)) ==
        "$.ballots[2].role | expected one of platform, security, leadership, developer; got \"admin\"");
  CHECK(SampleWith("roles", "[\"platform\", 3]") ==
        "$.roles[1] | expected one of platform, security, leadership, developer; got 3");
  CHECK(SampleWith("roles", "[\"Platform\"]") ==
        "$.roles[0] | expected one of platform, security, leadership, developer; got \"Platform\"");
}

TEST_CASE("decode: durations cannot be given in an event", "[decode]") {
  EventDecoder decoder = Sample().Decoder();
  CHECK(Outcome(decoder.Decode(R"({"kind": "timed-event", "wait": 5})")) ==
        "$.wait | a duration cannot be given in an event");
  CHECK(Outcome(decoder.Decode(R"({"kind": "timed-event"})")) == "$.wait | a duration cannot be given in an event");
  CHECK(Outcome(decoder.Decode(R"({"kind": "timed-event", "wait": 5, "later": "1 day"})")) ==
        "$.wait | a duration cannot be given in an event");
  CHECK(Outcome(decoder.DecodeAs("3", Sample().checked->types.BusinessDays())) ==
        "$ | a business_days duration cannot be given in an event");
}

TEST_CASE("decode: long values are cut in messages", "[decode]") {
  std::string long_name = "\"" + std::string(100, 'x') + "\"";
  CHECK(SampleWith("count", long_name) == "$.count | expected an integer; got \"" + std::string(39, 'x') + "...");
  std::string long_array = "[" + std::string(5000, '[') + std::string(5000, ']') + "]";
  DecodeLimits deep;
  deep.max_depth = 10000;
  auto result = Sample().Decoder(deep).Decode(With(kSample, "name", long_array));
  CHECK(Outcome(result) == "$.name | expected a string; got " + std::string(40, '[') + "...");
  // A multi-byte character is never split.
  std::string accents;
  for (int i = 0; i < 50; ++i) accents += "é";
  CHECK(SampleWith("count", "\"" + accents + "\"") ==
        "$.count | expected an integer; got \"" + accents.substr(0, 39 * 2) + "...");
}

// ------------------------------------------------------------------ kind and id

TEST_CASE("decode: the kind selects the event", "[decode]") {
  EventDecoder decoder = Shipped().Decoder();
  CHECK(Outcome(decoder.Decode(R"({"kind": "foo"})")) ==
        "$.kind | unknown event kind \"foo\"; expected one of amendment, audit_deletion, change, "
        "contract_execution, incident, secret, slo_report, violation, vulnerability");
  CHECK(Outcome(decoder.Decode(R"({"id": 1})")) == "$.kind | missing required field");
  CHECK(Outcome(decoder.Decode(R"({"kind": 3})")) == "$.kind | expected a string; got 3");
  CHECK(Outcome(decoder.Decode(R"({"kind": null})")) == "$.kind | expected a string; got null");
  CHECK(Outcome(decoder.Decode(R"({"kind": "Change"})")).starts_with("$.kind | unknown event kind \"Change\""));
  CHECK(Outcome(decoder.Decode("[1, 2]")) == "$ | expected an object; got [1,2]");
  CHECK(Outcome(decoder.Decode("\"change\"")) == "$ | expected an object; got \"change\"");
  CHECK(Outcome(Sample().Decoder().Decode(R"({"kind": "timed"})")) ==
        "$.kind | unknown event kind \"timed\"; expected one of sample, timed-event");
  // Only the events given to the decoder are known.
  EventDecoder only_change(*Shipped().checked, {&Shipped().decls.at("change")->As<ast::EventDecl>()});
  CHECK(Outcome(only_change.Decode(R"({"kind": "secret"})")) ==
        "$.kind | unknown event kind \"secret\"; expected one of change");
}

TEST_CASE("decode: the id is a string or an integer, echoed as given", "[decode]") {
  auto id_of = [](const std::string& id) {
    auto result = Sample().Decoder().Decode(With(kSample, "id", id));
    INFO(Outcome(result));
    REQUIRE(std::holds_alternative<DecodedEvent>(result));
    return std::get<DecodedEvent>(result).id;
  };
  auto decoded = Sample().Decoder().Decode(kSample);
  REQUIRE(std::holds_alternative<DecodedEvent>(decoded));
  CHECK(std::get<DecodedEvent>(decoded).id.is_null());
  CHECK(id_of("\"PR-123\"") == "PR-123");
  CHECK(id_of("42").is_number_integer());
  CHECK(id_of("42") == 42);
  CHECK(id_of("-7") == -7);
  CHECK(id_of("18446744073709551615") == 18446744073709551615ull);
  CHECK(id_of("null").is_null());
  CHECK(SampleWith("id", "1.5") == "$.id | expected a string or an integer; got 1.5");
  CHECK(SampleWith("id", "true") == "$.id | expected a string or an integer; got true");
  CHECK(SampleWith("id", "[\"PR\"]") == "$.id | expected a string or an integer; got [\"PR\"]");
  CHECK(SampleWith("id", "99999999999999999999999") == "$.id | integer out of range");
}

// ------------------------------------------------------------------ documents

TEST_CASE("decode: unknown fields are ignored, but must still be JSON", "[decode]") {
  CHECK(Decoded(Sample(), With(kSample, "extra", R"({"deep": [1, {"x": null}], "odd key": 1e5})")).items().size() ==
        12);
  CHECK(ErrorOf(With(kSample, "odd key", R"({"a": 1, "a": 2})")) == "$[\"odd key\"].a | duplicate key");
  CHECK(ErrorOf(With(kSample, "list", R"([{}, {"b": 1, "c": {"d": 1, "d": 1}}])")) == "$.list[1].c.d | duplicate key");
}

TEST_CASE("decode: duplicate keys are an error at the key", "[decode]") {
  CHECK(ErrorOf(R"({"kind": "sample", "kind": "sample"})") == "$.kind | duplicate key");
  CHECK(ErrorOf(With(kSample, "count", "1, \"count\": 2")) == "$.count | duplicate key");
  CHECK(SampleWith("ballots", R"([{"member": "a", "role": "platform", "role": "security"}])") ==
        "$.ballots[0].role | duplicate key");
  CHECK(ErrorOf(With(kSample, "x", R"({"é ü": 1, "é ü": 1})")) == "$.x[\"é ü\"] | duplicate key");
  CHECK(ErrorOf(With(kSample, "x", R"({"a\"b": 1, "a\"b": 1})")) == "$.x[\"a\\\"b\"] | duplicate key");
  CHECK(ErrorOf(With(kSample, "x", R"({"": 1, "": 1})")) == "$.x[\"\"] | duplicate key");
  CHECK(ErrorOf(With(kSample, "x", R"({"1a": 1, "1a": 1})")) == "$.x[\"1a\"] | duplicate key");
}

TEST_CASE("decode: nesting deeper than the limit stops parsing", "[decode]") {
  DecodeLimits limits;
  limits.max_depth = 4;
  EventDecoder decoder = Sample().Decoder(limits);
  CHECK(Outcome(decoder.Decode(With(kSample, "extra", "[[[1]]]"))) == "ok");
  CHECK(Outcome(decoder.Decode(With(kSample, "extra", "[[[[1]]]]"))) ==
        "$.extra[0][0][0] | nesting deeper than 4 levels");
  CHECK(Outcome(decoder.Decode(With(kSample, "extra", "[1, [2, {\"a\": {}}]]"))) ==
        "$.extra[1][1].a | nesting deeper than 4 levels");
  // The default limit stops a million brackets without recursing through them.
  std::string brackets(1000000, '[');
  std::string path = "$";
  for (int i = 0; i < 64; ++i) path += "[0]";
  CHECK(Outcome(Sample().Decoder().Decode(brackets)) == path + " | nesting deeper than 64 levels");
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  CHECK(Outcome(Sample().Decoder().Decode(objects)).ends_with(".a | nesting deeper than 64 levels"));
}

TEST_CASE("decode: documents over the size limit are refused before parsing", "[decode]") {
  DecodeLimits limits;
  limits.max_bytes = 40;
  EventDecoder decoder = Sample().Decoder(limits);
  std::string document = R"({"kind": "timed-event", "later": null})";
  CHECK(document.size() == 38);
  CHECK(Outcome(decoder.Decode(document)) == "$.wait | a duration cannot be given in an event");
  document += "   ";
  CHECK(Outcome(decoder.Decode(document)) == "$ | the document is 41 bytes; the limit is 40 bytes");
  CHECK(Outcome(decoder.DecodeAs(document, Sample().checked->types.Int())) ==
        "$ | the document is 41 bytes; the limit is 40 bytes");
  std::string big = "\"" + std::string(1 << 20, 'x') + "\"";
  CHECK(Outcome(Sample().Decoder().Decode(big)) == "$ | the document is 1048578 bytes; the limit is 1048576 bytes");
}

TEST_CASE("decode: syntax errors name the byte, in a clean message", "[decode]") {
  EventDecoder decoder = Sample().Decoder();
  CHECK(Outcome(decoder.Decode("")) ==
        "$ | invalid JSON at byte 0: syntax error while parsing value - unexpected end of input; "
        "expected '[', '{', or a literal");
  CHECK(Outcome(decoder.Decode(R"({"kind": "sample",})")) ==
        "$ | invalid JSON at byte 18: syntax error while parsing object key - unexpected '}'; expected string literal");
  CHECK(Outcome(decoder.Decode(R"({"kind": tru})")) ==
        "$ | invalid JSON at byte 12: syntax error while parsing value - invalid literal; last read: '\"kind\": tru}'");
  CHECK(Outcome(decoder.Decode("{} x")) ==
        "$ | invalid JSON at byte 3: syntax error while parsing value - invalid literal; last read: '{} x'; "
        "expected end of input");
  CHECK(Outcome(decoder.Decode("{}{}")).starts_with("$ | invalid JSON at byte 2: syntax error"));
  for (const char* bad : {"{", "{\"kind\"", "[1,]", "{'kind': 1}", "01", "1.", "-", "+1", ".5", "NaN", "Infinity",
                          "{\"a\" 1}", "\"\\x\"", "/* c */ {}", "{\"kind\": \"sample\"}}"}) {
    std::string outcome = Outcome(decoder.Decode(bad));
    INFO(bad << " → " << outcome);
    CHECK(outcome.starts_with("$ | invalid JSON at byte "));
    CHECK(outcome.find("json.exception") == std::string::npos);
    CHECK(outcome.find("line") == std::string::npos);
  }
}

TEST_CASE("decode: invalid UTF-8, NUL bytes and lone surrogates are syntax errors", "[decode]") {
  EventDecoder decoder = Sample().Decoder();
  // The bad byte is quoted as U+FFFD: whatever the input, the message itself is valid UTF-8.
  CHECK(Outcome(decoder.Decode("{\"name\": \"a\xff" "b\"}")) ==
        "$ | invalid JSON at byte 11: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; "
        "last read: '\"a\xEF\xBF\xBD'");
  CHECK(Outcome(decoder.Decode("\"\xed\xa0\x80\"")) ==  // an encoded surrogate
        "$ | invalid JSON at byte 2: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; "
        "last read: '\"\xEF\xBF\xBD\xEF\xBF\xBD'");
  CHECK(Outcome(decoder.Decode("\xff")) ==
        "$ | invalid JSON at byte 0: syntax error while parsing value - invalid literal; last read: '\xEF\xBF\xBD'");
  for (std::string bad : {std::string("\"\xc3\""), std::string("\"\xe2\x82\""), std::string("\"\xf8\x88\x80\x80\x80\""),
                          std::string("\"\xc0\xaf\""), std::string("\"\xf4\x90\x80\x80\""),
                          std::string("{\"kind\": \"sample\"\xfe}"), With(kSample, "name", "\"\xe9t\xe9\"")}) {
    std::string message = Outcome(decoder.Decode(bad));
    INFO(message);
    CHECK(message.starts_with("$ | invalid JSON at byte "));
    CHECK_NOTHROW(nlohmann::json(message).dump());
  }
  CHECK(Outcome(decoder.Decode(std::string("{\"kind\": \"sam\0ple\"}", 19))) ==
        "$ | invalid JSON at byte 13: syntax error while parsing value - invalid string: control character U+0000 "
        "(NUL) must be escaped to \\u0000; last read: '\"sam<U+0000>'");
  CHECK(Outcome(decoder.Decode(std::string("{}\0", 3))) ==
        "$ | invalid JSON at byte 2: unexpected NUL byte; expected end of input");
  CHECK(Outcome(decoder.Decode(std::string(kSample) + std::string("\0{}", 3))) ==
        "$ | invalid JSON at byte " + std::to_string(std::strlen(kSample)) +
            ": unexpected NUL byte; expected end of input");
  CHECK(Outcome(decoder.Decode(std::string("[1,\0 2]", 7))) ==
        "$ | invalid JSON at byte 3: syntax error while parsing value - unexpected end of input; "
        "expected '[', '{', or a literal");
  CHECK(Outcome(decoder.Decode(R"({"a": "\ud800"})")) ==
        "$ | invalid JSON at byte 13: syntax error while parsing value - invalid string: surrogate U+D800..U+DBFF "
        "must be followed by U+DC00..U+DFFF; last read: '\"\\ud800\"'");
  CHECK(Outcome(decoder.Decode(R"({"a": "\udc00"})")) ==
        "$ | invalid JSON at byte 12: syntax error while parsing value - invalid string: surrogate U+DC00..U+DFFF "
        "must follow U+D800..U+DBFF; last read: '\"\\udc00'");
  // Escaped NUL and a proper surrogate pair are fine.
  Value named = Decoded(Sample(), With(kSample, "name", R"("a\u0000\ud83d\ude00")"));
  CHECK(named.items()[3].as_str() == std::string("a\0\xf0\x9f\x98\x80", 6));
  // A UTF-8 byte order mark is skipped; a broken one is an error.
  CHECK(Outcome(decoder.Decode("\xef\xbb\xbf" + std::string(kSample))) == "ok");
  CHECK(Outcome(decoder.Decode("\xef\xbb{}")) ==
        "$ | invalid JSON at byte 2: syntax error while parsing value - invalid BOM; must be 0xEF 0xBB 0xBF if given; "
        "last read: '\xEF\xBF\xBD\xEF\xBF\xBD{'");
}

TEST_CASE("decode: DecodeAs decodes any type with paths rooted at $", "[decode]") {
  TypeContext& types = Sample().checked->types;
  EventDecoder decoder = Sample().Decoder();
  CHECK(Outcome(decoder.DecodeAs("[1, \"x\"]", types.List(types.Int()))) == "$[1] | expected an integer; got \"x\"");
  CHECK(Outcome(decoder.DecodeAs("null", types.Int())) == "$ | expected an integer; got null");
  CHECK(Outcome(decoder.DecodeAs("{\"member\": 1}", Sample().Named("Ballot"))) ==
        "$.member | expected a string; got 1");
  CHECK(Outcome(decoder.DecodeAs("5", nullptr)) == "$ | no type to decode as");
  auto optional = decoder.DecodeAs("null", types.Optional(types.Date()));
  REQUIRE(std::holds_alternative<Value>(optional));
  CHECK(std::get<Value>(optional).is_none());
  auto list = decoder.DecodeAs("[[\"2026-11-02\"], []]", types.List(types.List(types.Date())));
  REQUIRE(std::holds_alternative<Value>(list));
  CHECK(std::get<Value>(list).items()[0].items()[0].as_int() == *ParseDate("2026-11-02"));
  CHECK(std::get<Value>(list).items()[1].items().empty());
  auto sample = decoder.DecodeAs(kSample, Sample().Named("sample"));
  REQUIRE(std::holds_alternative<Value>(sample));
  CHECK(std::get<Value>(sample).items()[0].as_int() == 2000);
}

TEST_CASE("decode: no input crashes, hangs or throws", "[decode]") {
  EventDecoder decoder = Shipped().Decoder();
  const std::string seeds[] = {kChange, kContract, "{\"kind\":\"change\",\"a\":[1,{\"b\":\"\\u00e9\"}]}"};
  std::mt19937 random(20261102);
  const char alphabet[] = "{}[]\",:\\0123456789.eE+-tfnul \xff\xc3\xa9\x00";
  size_t decoded = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string document = seeds[round % std::size(seeds)];
    int edits = 1 + static_cast<int>(random() % 4);
    for (int e = 0; e < edits && !document.empty(); ++e) {
      size_t at = random() % document.size();
      char c = alphabet[random() % (sizeof alphabet - 1)];
      switch (random() % 3) {
        case 0: document[at] = c; break;
        case 1: document.insert(at, 1, c); break;
        default: document.erase(at, 1 + random() % 8); break;
      }
    }
    std::variant<DecodedEvent, InputError> result;
    REQUIRE_NOTHROW(result = decoder.Decode(document));
    if (std::holds_alternative<DecodedEvent>(result)) ++decoded;
    if (const InputError* error = std::get_if<InputError>(&result)) {
      INFO(document);
      CHECK(error->path.starts_with("$"));
      CHECK_NOTHROW(nlohmann::json(error->message).dump());
      CHECK_NOTHROW(nlohmann::json(error->path).dump());
    }
  }
  CHECK(decoded < 3000);
  // Random bytes.
  for (int round = 0; round < 2000; ++round) {
    std::string bytes(random() % 64, '\0');
    for (char& c : bytes) c = static_cast<char>(random() % 256);
    REQUIRE_NOTHROW(decoder.Decode(bytes));
  }
}
