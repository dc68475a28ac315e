// The fast event decoder (compiler/ingest) against eval::EventDecoder: on every
// document, either both yield the same event or the fast one declines; a
// decline that the slow decoder accepts only costs time, and the shipped
// examples must not cause any. Decisions through the JIT from fast-decoded
// cells equal the interpreter's from slow-decoded values.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "compiler/eval/decision_json.h"
#include "compiler/eval/decode.h"
#include "compiler/eval/decision_writer.h"
#include "compiler/eval/interpreter.h"
#include "compiler/ingest/fast_decoder.h"
#include "compiler/ingest/lexical_checks.h"
#include "compiler/ir/ir.h"
#include "compiler/jit/engine.h"
#include "compiler/jit/host/cells.h"
#include "test_support.h"

using namespace charter;
using charter::testing::SourcePath;

namespace {

const char* const kPolicy = R"(policy fast_decode_test

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
  tags: set<string>?
  grid: list<list<int>>?
  later: duration?
}

event named kind "named-event" {
  id: string
}
)";

const char* const kSample = R"({"kind": "sample", "count": 2000, "ratio": 96.1, "share": 62.5, "name": "ana",
  "day": "2026-11-02", "at": "2026-11-23T10:30:00.5+01:00", "flag": true,
  "roles": ["security", "platform", "security"], "perms": ["issues:read", "pull-requests:read"],
  "ballots": [{"member": "ana", "role": "platform"}, {"member": "bo", "role": "security"}],
  "note": "hello"})";

/// A checked program, its module, and both decoders over the module's event kinds.
struct Setup {
  DiagnosticSink diags;
  std::unique_ptr<testing::CheckRun> run;
  std::unique_ptr<CheckedProgram> checked_files;
  CheckedProgram* checked = nullptr;
  std::unique_ptr<ir::Module> module;
  std::vector<const ast::EventDecl*> events;

  void Finish() {
    REQUIRE(checked);
    module = ir::Lower(*checked);
    for (const auto& kind : module->events) events.push_back(kind.decl);
  }
  eval::EventDecoder Slow(eval::DecodeLimits limits = {}) const { return eval::EventDecoder(*checked, events, limits); }
  std::unique_ptr<ingest::FastDecoder> Fast(eval::DecodeLimits limits = {}) const {
    return std::make_unique<ingest::FastDecoder>(*checked, events, limits);
  }
};

const Setup& Sample() {
  static const Setup* setup = [] {
    auto* s = new Setup;
    s->run = testing::CheckText(kPolicy);
    for (const auto& d : s->run->diags.diagnostics()) UNSCOPED_INFO(d.code() << " " << d.message);
    REQUIRE(s->run->Errors() == 0);
    s->checked = s->run->checked.get();
    s->Finish();
    return s;
  }();
  return *setup;
}

const Setup& Shipped() {
  static const Setup* setup = [] {
    auto* s = new Setup;
    s->checked_files = Check(Load({SourcePath("policies/cicd-constitution.charter"),
                                   SourcePath("policies/job-contracts.charter")},
                                  {}, s->diags),
                             s->diags);
    REQUIRE(s->diags.ErrorCount() == 0);
    s->checked = s->checked_files.get();
    s->Finish();
    return s;
  }();
  return *setup;
}

/// Values equal in every detail: representation, order, set marks (eval::Equal is looser).
bool Same(const eval::Value& x, const eval::Value& y) {
  if (x.data.index() != y.data.index()) return false;
  if (const auto* r = std::get_if<Rational>(&x.data)) {
    const Rational& s = std::get<Rational>(y.data);
    return r->num == s.num && r->den == s.den;
  }
  if (std::holds_alternative<std::shared_ptr<const eval::Seq>>(x.data)) {
    if (x.is_set() != y.is_set() || x.items().size() != y.items().size()) return false;
    for (size_t i = 0; i < x.items().size(); ++i) {
      if (!Same(x.items()[i], y.items()[i])) return false;
    }
    return true;
  }
  return x.data == y.data;
}

nlohmann::ordered_json IdJson(const ingest::EventId& id) {
  switch (id.kind) {
    case ingest::EventId::Kind::String: return std::string(id.text);
    case ingest::EventId::Kind::Signed: return id.signed_value;
    case ingest::EventId::Kind::Unsigned: return id.unsigned_value;
    case ingest::EventId::Kind::None: break;
  }
  return nullptr;
}

enum class Verdict { BothDecoded, BothRefused, FastDeclined };

/// Decodes `json` both ways; fails the test when the fast decoder accepts what the
/// slow one refuses, or yields another event.
Verdict Compare(const Setup& setup, ingest::FastDecoder& fast, const eval::EventDecoder& slow, std::string_view json) {
  INFO("document: " << json);
  auto expected = slow.Decode(json);
  std::optional<ingest::FastEvent> got = fast.Decode(json);
  auto* error = std::get_if<eval::InputError>(&expected);
  if (!got) return error ? Verdict::BothRefused : Verdict::FastDeclined;
  INFO("slow decoder: " << (error ? error->path + " | " + error->message : "ok"));
  REQUIRE(error == nullptr);
  const auto& event = std::get<eval::DecodedEvent>(expected);
  REQUIRE(got->kind >= 0);
  REQUIRE(setup.events.at(got->kind) == event.event);
  const Type* type = setup.module->events[got->kind].type;
  CHECK(Same(jit::FromCell(got->value, type, *setup.checked), event.value));
  CHECK(IdJson(got->id) == event.id);
  return Verdict::BothDecoded;
}

Verdict CompareSample(std::string_view json, eval::DecodeLimits limits = {}) {
  auto fast = Sample().Fast(limits);
  return Compare(Sample(), *fast, Sample().Slow(limits), json);
}

/// `document` with its top-level `key` replaced by (or given) the raw JSON `value`, first.
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

std::vector<std::string> Lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

// ------------------------------------------------------------------ the shipped examples

TEST_CASE("fast decode: every shipped event decodes fast, to the slow decoder's value", "[fast_decode]") {
  const Setup& setup = Shipped();
  auto fast = setup.Fast();
  eval::EventDecoder slow = setup.Slow();
  size_t decoded = 0;
  for (const std::string& line : Lines(SourcePath("examples/events.ndjson"))) {
    CHECK(Compare(setup, *fast, slow, line) == Verdict::BothDecoded);
    ++decoded;
  }
  CHECK(decoded == 21);
  size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(SourcePath("examples"))) {
    if (entry.path().extension() != ".json" || entry.path().filename() == "roles.json") continue;
    INFO(entry.path());
    CHECK(Compare(setup, *fast, slow, ReadAll(entry.path())) == Verdict::BothDecoded);
    ++files;
  }
  CHECK(files >= 40);
}

// `charter eval --events` lets the decoder parse a line where the reader holds it, with the next
// lines after it: whatever follows the line end must change nothing, for whole and cut documents alike.
TEST_CASE("fast decode: a document read in place decodes as its copy does", "[fast_decode]") {
  const Setup& setup = Shipped();
  auto copied = setup.Fast();
  auto in_place = setup.Fast();
  // Digits, quotes and brackets after the line end: anything a scalar or string read past it would take in.
  const std::string after = "\n9\"}]" + std::string(80, '7') + "\"}";
  std::vector<std::string> documents = Lines(SourcePath("examples/events.ndjson"));
  for (const std::string& line : Lines(SourcePath("examples/malformed.ndjson"))) documents.push_back(line);
  size_t cuts = documents.size();
  for (size_t d = 0; d < cuts; ++d) {
    for (size_t size = 0; size < documents[d].size(); size += 7) documents.push_back(documents[d].substr(0, size));
  }
  size_t both = 0, neither = 0;
  for (const std::string& document : documents) {
    INFO("document: " << document);
    std::string buffer = document + after;
    std::optional<ingest::FastEvent> expected = copied->Decode(document);
    std::optional<ingest::FastEvent> got = in_place->Decode(std::string_view(buffer.data(), document.size()), after.size());
    REQUIRE(expected.has_value() == got.has_value());
    if (!expected) {
      ++neither;
      continue;
    }
    ++both;
    REQUIRE(expected->kind == got->kind);
    const Type* type = setup.module->events[got->kind].type;
    CHECK(Same(jit::FromCell(got->value, type, *setup.checked), jit::FromCell(expected->value, type, *setup.checked)));
    CHECK(IdJson(got->id) == IdJson(expected->id));
  }
  CHECK(both >= 21);
  CHECK(neither > 1000);
}

TEST_CASE("fast decode: every malformed line is refused by both decoders", "[fast_decode]") {
  const Setup& setup = Shipped();
  auto fast = setup.Fast();
  eval::EventDecoder slow = setup.Slow();
  for (const std::string& line : Lines(SourcePath("examples/malformed.ndjson"))) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Verdict verdict = Compare(setup, *fast, slow, line);
    CHECK(verdict != Verdict::FastDeclined);
  }
}

// ------------------------------------------------------------------ edge cases

TEST_CASE("fast decode: fields in any order, the kind last, extra fields ignored", "[fast_decode]") {
  CHECK(CompareSample(kSample) == Verdict::BothDecoded);
  std::string kind_last = Without(kSample, "kind");
  kind_last.back() = ',';
  kind_last += "\"kind\": \"sample\"}";
  CHECK(CompareSample(kind_last) == Verdict::BothDecoded);
  CHECK(CompareSample(With(kSample, "zzz", R"({"deep": [1, {"x": null}], "odd key": 1e5, "t": true})")) ==
        Verdict::BothDecoded);
  CHECK(CompareSample(With(kSample, "id", "\"PR-7\"")) == Verdict::BothDecoded);
  CHECK(CompareSample(std::string(" \n") + kSample + "\r\n ") == Verdict::BothDecoded);
}

TEST_CASE("fast decode: optional fields absent, null or given; required ones missing", "[fast_decode]") {
  CHECK(CompareSample(With(kSample, "note", "null")) == Verdict::BothDecoded);
  CHECK(CompareSample(With(kSample, "best", R"({"role": "security", "member": "x"})")) == Verdict::BothDecoded);
  CHECK(CompareSample(With(kSample, "tags", R"(["a", "b", "a", "c", "b"])")) == Verdict::BothDecoded);
  CHECK(CompareSample(With(kSample, "grid", R"([[1, 2], [], [3]])")) == Verdict::BothDecoded);
  CHECK(CompareSample(With(kSample, "later", "null")) == Verdict::BothDecoded);
  CHECK(CompareSample(With(kSample, "later", "60")) == Verdict::BothRefused);
  CHECK(CompareSample(Without(kSample, "count")) == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "ballots", R"([{"member": "ana"}])")) == Verdict::BothRefused);
}

TEST_CASE("fast decode: strings with escapes decode to the same bytes", "[fast_decode]") {
  CHECK(CompareSample(With(kSample, "name", R"("a\"b\\c\/d\b\f\n\r\t")")) == Verdict::BothDecoded);
  CHECK(CompareSample(With(kSample, "name", R"("\u00e9\u20ac\ud83d\ude00 é€😀 \u0000")")) == Verdict::BothDecoded);
  CHECK(CompareSample(With(kSample, "perms", R"(["issues\u003aread"])")) == Verdict::BothDecoded);
  // An escaped key names the same field, and the same kind.
  CHECK(CompareSample(R"({"k\u0069nd": "sample", "c\u006funt": 3, )" + Without(kSample, "count").substr(1)) !=
        Verdict::FastDeclined);
  CHECK(CompareSample(With(kSample, "name", R"("\ud800")")) == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "name", R"("\udc00")")) == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "name", R"("\ud800\u0041")")) == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "name", R"("\u12G4")")) == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "name", R"("\x")")) == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "name", "\"tab\there\"")) == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "zzz", "\"nul\x01\"")) == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "zzz", R"("\q")")) == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "name", "\"\xC3\x28\"")) == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "name", "\"\xED\xA0\x80\"")) == Verdict::BothRefused);
  CHECK(CompareSample(std::string(kSample) + std::string(1, '\0')) == Verdict::BothRefused);
}

TEST_CASE("fast decode: duplicate keys are refused at every level", "[fast_decode]") {
  CHECK(CompareSample(R"({"kind": "sample", "kind": "sample"})") == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "kind", R"("sample", "kind": "sample")")) == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "id", R"("a", "id": "b")")) == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "count", R"(1, "count": 2)")) == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "zzz", R"(1, "zzz": 2)")) == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "ballots", R"([{"member": "a", "role": "platform", "role": "security"}])")) ==
        Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "zzz", R"([{}, {"b": 1, "c": {"d": 1, "d": 1}}])")) == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "zzz", R"({"a": 1, "\u0061": 2})")) == Verdict::BothRefused);
  std::string many = "{";
  for (int i = 0; i < 40; ++i) many += "\"k" + std::to_string(i) + "\": 1, ";
  CHECK(CompareSample(With(kSample, "zzz", many + "\"k7\": 2}")) == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "zzz", many + "\"k40\": 2}")) == Verdict::BothDecoded);
}

TEST_CASE("fast decode: nesting is limited as in the slow decoder", "[fast_decode]") {
  eval::DecodeLimits limits;
  limits.max_depth = 4;
  CHECK(CompareSample(With(kSample, "zzz", "[[[1]]]"), limits) == Verdict::BothDecoded);
  CHECK(CompareSample(With(kSample, "zzz", "[[[[1]]]]"), limits) == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "grid", "[[1]]"), limits) == Verdict::BothDecoded);
  CHECK(CompareSample(With(kSample, "zzz", R"([1, [2, {"a": {}}]])"), limits) == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "zzz", std::string(63, '[') + std::string(63, ']'))) == Verdict::BothDecoded);
  CHECK(CompareSample(With(kSample, "zzz", std::string(64, '[') + std::string(64, ']'))) == Verdict::BothRefused);
  CHECK(CompareSample(std::string(100000, '[')) == Verdict::BothRefused);
  std::string objects;
  for (int i = 0; i < 10000; ++i) objects += "{\"a\":";
  CHECK(CompareSample(objects) == Verdict::BothRefused);
}

TEST_CASE("fast decode: numbers are read from their text, exactly", "[fast_decode]") {
  for (const char* ratio : {"0", "-0", "96.1", "1e3", "1E-3", "0.000", "12345678901234567.5", "-2.50e+2", "1e-9"}) {
    CHECK(CompareSample(With(kSample, "ratio", ratio)) == Verdict::BothDecoded);
  }
  for (const char* ratio : {"1e400", "123456789012345678901234567890", "1e19", "01", "1.", ".5", "+1", "1e", "--1",
                            "0x10", "NaN", "Infinity", "1.5.3", "\"1\"", "1e-30"}) {
    CHECK(CompareSample(With(kSample, "ratio", ratio)) == Verdict::BothRefused);
  }
  for (const char* count : {"0", "-0", "9223372036854775807", "-9223372036854775808"}) {
    CHECK(CompareSample(With(kSample, "count", count)) == Verdict::BothDecoded);
  }
  for (const char* count : {"9223372036854775808", "18446744073709551616", "1.0", "1e2", "true", "null"}) {
    CHECK(CompareSample(With(kSample, "count", count)) == Verdict::BothRefused);
  }
  for (const char* share : {"0", "100", "100.0", "62.5", "1e2"}) {
    CHECK(CompareSample(With(kSample, "share", share)) == Verdict::BothDecoded);
  }
  for (const char* share : {"-0.1", "100.01", "1e3"}) CHECK(CompareSample(With(kSample, "share", share)) == Verdict::BothRefused);
  // Numbers nobody reads are still numbers nlohmann must read as finite doubles.
  CHECK(CompareSample(With(kSample, "zzz", "1e299")) == Verdict::BothDecoded);
  // Near the largest double the fast decoder does not try to tell, and declines.
  CHECK(CompareSample(With(kSample, "zzz", "1e308")) == Verdict::FastDeclined);
  CHECK(CompareSample(With(kSample, "zzz", "1e400")) == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "zzz", "[1, 2e999]")) == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "zzz", std::string(400, '9'))) == Verdict::BothRefused);
  CHECK(CompareSample(With(kSample, "zzz", "1e-999")) == Verdict::BothDecoded);
}

TEST_CASE("fast decode: the id is a string, an integer or null", "[fast_decode]") {
  for (const char* id : {"\"PR-123\"", "\"\"", "42", "-7", "0", "18446744073709551615", "null", "\"\\u00e9\""}) {
    CHECK(CompareSample(With(kSample, "id", id)) == Verdict::BothDecoded);
  }
  for (const char* id : {"1.5", "true", "[\"PR\"]", "{}", "99999999999999999999999", "1e2"}) {
    CHECK(CompareSample(With(kSample, "id", id)) == Verdict::BothRefused);
  }
  // An event that declares an `id` field is left to the slow decoder.
  CHECK(CompareSample(R"({"kind": "named-event", "id": "x"})") == Verdict::FastDeclined);
}

TEST_CASE("fast decode: wrong types, unknown kinds and broken documents are refused", "[fast_decode]") {
  for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
           {"count", "\"1\""}, {"flag", "1"}, {"flag", "tru"}, {"name", "5"}, {"day", "\"2026-02-30\""},
           {"at", "\"yesterday\""}, {"roles", "[\"admin\"]"}, {"roles", "\"security\""}, {"perms", "[\"issues_read\"]"},
           {"ballots", "{}"}, {"best", "[]"}, {"note", "nul"}, {"grid", "[[1], 2]"}, {"tags", "[1]"}}) {
    INFO(key << " = " << value);
    CHECK(CompareSample(With(kSample, key, value)) == Verdict::BothRefused);
  }
  for (std::string document : {std::string(""), std::string("   "), std::string("[]"), std::string("null"),
                               std::string("{}"), std::string(R"({"kind": 5})"), std::string(R"({"kind": "nope"})"),
                               std::string(kSample) + " x", std::string(kSample) + std::string(kSample),
                               std::string(kSample) + "}", std::string(kSample).substr(0, 100),
                               With(kSample, "zzz", "[1 2]"), With(kSample, "zzz", "{\"a\" 1}"),
                               With(kSample, "zzz", "[1,]"), With(kSample, "zzz", "{\"a\": 1,}")}) {
    INFO(document);
    CHECK(CompareSample(document) != Verdict::FastDeclined);
  }
  // nlohmann skips a byte order mark; the fast decoder leaves such documents to it.
  CHECK(CompareSample("\xEF\xBB\xBF" + std::string(kSample)) == Verdict::FastDeclined);
}

TEST_CASE("fast decode: the size limit is the slow decoder's", "[fast_decode]") {
  eval::DecodeLimits limits;
  limits.max_bytes = std::string_view(kSample).size();
  CHECK(CompareSample(kSample, limits) == Verdict::BothDecoded);
  limits.max_bytes -= 1;
  CHECK(CompareSample(kSample, limits) == Verdict::BothRefused);
}

TEST_CASE("fast decode: sets keep the first of each member, in order", "[fast_decode]") {
  auto fast = Sample().Fast();
  std::optional<ingest::FastEvent> event = fast->Decode(With(kSample, "roles", R"(["leadership", "security", "leadership", "platform", "security"])"));
  REQUIRE(event);
  const auto* fields = reinterpret_cast<const CharterCell*>(event->value.a);
  CharterCell roles = fields[7];
  REQUIRE(roles.b == 3);
  const auto* members = reinterpret_cast<const CharterCell*>(roles.a);
  CHECK(members[0].a == 2);
  CHECK(members[1].a == 1);
  CHECK(members[2].a == 0);
  // Large sets are left to the slow decoder, which hashes them.
  std::string many = "[";
  for (int i = 0; i < 300; ++i) many += std::string(i ? ", " : "") + "\"t" + std::to_string(i % 7) + "\"";
  CHECK(CompareSample(With(kSample, "tags", many + "]")) == Verdict::FastDeclined);
}

TEST_CASE("fast decode: the arena is reused from event to event", "[fast_decode]") {
  // A decoder that reads many events of growing and shrinking size keeps giving the right values.
  auto fast = Sample().Fast();
  eval::EventDecoder slow = Sample().Slow();
  for (int i = 0; i < 200; ++i) {
    std::string tags = "[";
    for (int k = 0; k < (i * 37) % 250; ++k) tags += std::string(k ? "," : "") + "\"" + std::string(k % 50, 'x') + std::to_string(k) + "\"";
    CHECK(Compare(Sample(), *fast, slow, With(kSample, "tags", tags + "]")) == Verdict::BothDecoded);
  }
  jit::Arena arena;
  CharterCell* big = arena.Cells(100000);
  CHECK(big[99999].a == 0);
  char* bytes = arena.Bytes(10);
  CharterCell* small = arena.Cells(3);
  CHECK(reinterpret_cast<uintptr_t>(small) % alignof(CharterCell) == 0);
  CHECK(reinterpret_cast<char*>(small) >= bytes + 10);
  arena.Reset();
  CHECK(arena.Cells(1) != nullptr);
}

TEST_CASE("fast decode: lexical checks refuse what nlohmann refuses", "[fast_decode]") {
  CHECK(ingest::HasStrictStrings(R"({"a": "b\n\u00e9\ud83d\ude00"})"));
  CHECK(ingest::HasStrictStrings("{\n\t\"a\": 1\r\n}"));
  CHECK_FALSE(ingest::HasStrictStrings("{\"a\": \"b\tc\"}"));
  CHECK_FALSE(ingest::HasStrictStrings(R"({"a": "\ude00"})"));
  CHECK_FALSE(ingest::HasStrictStrings(R"({"a": "\ud83d"})"));
  CHECK_FALSE(ingest::HasStrictStrings(R"({"a": "\u00g0"})"));
  CHECK_FALSE(ingest::HasStrictStrings(R"({"a": "\)"));
  CHECK_FALSE(ingest::HasStrictStrings(std::string("{\"a\": 1}\0", 9)));
  CHECK(ingest::IsStrictNumber("-0.5e-3"));
  CHECK_FALSE(ingest::IsStrictNumber("-"));
  CHECK_FALSE(ingest::IsStrictNumber("1e309"));
  CHECK(ingest::TrimToken("12 \r\n\t") == "12");
}

// ------------------------------------------------------------------ decisions

namespace {

/// Decision JSON for a document: the interpreter on the slow decoder's value, and
/// the JIT on the fast decoder's cells (when it decodes it).
struct Deciders {
  const Setup& setup = Shipped();
  eval::EventDecoder slow = setup.Slow();
  std::unique_ptr<ingest::FastDecoder> fast = setup.Fast();
  eval::Interpreter interpreter{*setup.module};
  std::unique_ptr<jit::Engine> jit;

  Deciders() {
    std::string error;
    jit = jit::Engine::Create(*setup.module, jit::EngineOptions{}, error);
    INFO(error);
    REQUIRE(jit);
  }

  static constexpr size_t kLine = 7;

  /// As `charter eval` printed a decision before: a JSON tree, dumped.
  std::string Json(int32_t kind, const nlohmann::ordered_json& id,
                   const std::variant<eval::Decision, eval::EvalError>& result) {
    if (auto* failure = std::get_if<eval::EvalError>(&result)) {
      return eval::EvalErrorJson(*setup.module, kLine, kind, id, *failure).dump() + "\n";
    }
    nlohmann::ordered_json out;
    out["line"] = kLine;
    nlohmann::ordered_json body = eval::DecisionJson(*setup.module, kind, std::get<eval::Decision>(result), id);
    for (auto it = body.begin(); it != body.end(); ++it) out[it.key()] = *it;
    return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  }

  std::string Slow(std::string_view json) {
    auto decoded = slow.Decode(json);
    if (auto* error = std::get_if<eval::InputError>(&decoded)) return eval::InputErrorJson(kLine, *error).dump() + "\n";
    auto& event = std::get<eval::DecodedEvent>(decoded);
    int32_t kind = setup.module->FindEvent(event.event->json_kind);
    return Json(kind, event.id, interpreter.Decide(kind, event.value));
  }

  /// What `charter eval --engine jit` prints now: fast decoding, the JIT on cells and the
  /// decision written as text; the slow path for what the fast decoder declines.
  std::string Fast(std::string_view json, bool& declined) {
    std::optional<ingest::FastEvent> event = fast->Decode(json);
    declined = !event;
    if (!event) return Slow(json);
    nlohmann::ordered_json id = IdJson(event->id);
    auto result = jit->Decide(event->kind, event->value);
    if (std::holds_alternative<eval::EvalError>(result)) return Json(event->kind, id, result);
    std::string id_json, text;
    eval::AppendIdJson(id_json, id);
    eval::AppendDecisionLine(text, *setup.module, kLine, event->kind, std::get<eval::Decision>(result), id_json);
    return text;
  }
};

}  // namespace

TEST_CASE("fast decode: shipped events get the same decision JSON both ways", "[fast_decode]") {
  Deciders deciders;
  for (const std::string& line : Lines(SourcePath("examples/events.ndjson"))) {
    bool declined = false;
    CHECK(deciders.Fast(line, declined) == deciders.Slow(line));
    CHECK_FALSE(declined);
  }
}

TEST_CASE("fast decode: thousands of mutated events get the same decision or the same error", "[fast_decode]") {
  Deciders deciders;
  std::vector<std::string> seeds = Lines(SourcePath("examples/events.ndjson"));
  std::mt19937 random(20261123);
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random); };
  const std::string alphabet = "{}[]\",:\\ 0123456789.eE-+tfnulr\"abu\x01\x7f\xc3\xa9\xff";
  size_t decoded = 0, declined_total = 0;
  const int kCases = 6000;
  for (int i = 0; i < kCases; ++i) {
    std::string text = seeds[pick(seeds.size())];
    int edits = 1 + static_cast<int>(pick(3));
    for (int e = 0; e < edits && !text.empty(); ++e) {
      size_t at = pick(text.size());
      size_t length = 1 + pick(std::min<size_t>(16, text.size() - at));
      switch (pick(6)) {
        case 0: text.erase(at, length); break;                              // delete bytes
        case 1: text.insert(at, text.substr(at, length)); break;            // repeat bytes
        case 2: text[at] = alphabet[pick(alphabet.size())]; break;          // alter a byte
        case 3: text.insert(at, 1, alphabet[pick(alphabet.size())]); break;  // insert a byte
        case 4: {  // repeat a whole field (a duplicate key, or a comma error)
          size_t start = text.find(", \"", at);
          size_t end = start == std::string::npos ? start : text.find(", \"", start + 3);
          if (end != std::string::npos) text.insert(end, text.substr(start, end - start));
          break;
        }
        default: {  // drop a whole field
          size_t start = text.find(", \"", at);
          size_t end = start == std::string::npos ? start : text.find(", \"", start + 3);
          if (end != std::string::npos) text.erase(start, end - start);
          break;
        }
      }
    }
    INFO("case " << i << ": " << text);
    bool declined = false;
    std::string fast = deciders.Fast(text, declined);
    REQUIRE(fast == deciders.Slow(text));
    // The value check: whenever the fast decoder decodes, the event equals the slow decoder's.
    if (!declined) {
      ++decoded;
      CHECK(Compare(deciders.setup, *deciders.fast, deciders.slow, text) == Verdict::BothDecoded);
    } else if (Compare(deciders.setup, *deciders.fast, deciders.slow, text) == Verdict::FastDeclined) {
      ++declined_total;
    }
  }
  // The mutations keep a fair share of events valid, and the fast path takes nearly all of those.
  CHECK(decoded > kCases / 20);
  CHECK(declined_total * 50 < decoded);
}

TEST_CASE("fast decode: strings are written as nlohmann writes them", "[fast_decode]") {
  for (std::string text : {std::string("plain"), std::string("q\"b\\s/"), std::string("\b\f\n\r\t\x01\x1f\x7f"),
                           std::string("nul\0x", 5), std::string("é€😀"), std::string("bad \xff byte"),
                           std::string("cut \xe2\x82"), std::string("surrogate \xed\xa0\x80"),
                           std::string("overlong \xc0\xaf"), std::string("")}) {
    std::string written;
    eval::AppendJsonString(written, text);
    CHECK(written == nlohmann::ordered_json(text).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  }
}
