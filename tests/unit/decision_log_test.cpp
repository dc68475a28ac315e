// The decision log (compiler/log/): records chain to the line before them,
// `verify` names the first line of every kind of tampering, the writer keeps
// the chain whole under concurrent appends, and export filters by time.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "compiler/log/export.h"
#include "compiler/log/record.h"
#include "compiler/log/verify.h"
#include "compiler/log/writer.h"
#include "test_support.h"

extern char** environ;

using namespace charter;
using namespace charter::log;
namespace fs = std::filesystem;

namespace {

const std::string kKey = "0123456789abcdef0123456789abcdef";

/// A fresh directory under the system's temporary directory, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string templ = (fs::temp_directory_path() / "charter-log-XXXXXX").string();
    REQUIRE(mkdtemp(templ.data()) != nullptr);
    path = templ;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string File(const std::string& name) const { return (path / name).string(); }
};

/// The body of a record for event `id` denied (odd ids) or allowed.
std::string Body(int id) {
  static const std::vector<PolicyRef> kPolicies = {{"log_ping", "tests/log/ping.charter", Sha256Hex("policy")}};
  std::string event = "{\"kind\":\"ping\",\"id\":\"P-" + std::to_string(id) + "\",\"n\":" + std::to_string(id) + "}";
  nlohmann::ordered_json result = {{"id", "P-" + std::to_string(id)}, {"kind", "ping"}};
  result["decision"] = id % 2 ? "deny" : "allow";
  result["reasons"] = nlohmann::ordered_json::array();
  if (id % 2) result["reasons"].push_back({{"code", "too_big"}, {"message", "n is big"}});
  RecordInput input;
  input.policies = &kPolicies;
  input.event = event;
  input.result = &result;
  return RecordBody(input);
}

/// Writes `count` records to a new log at `path`.
void WriteLog(const std::string& path, int count, const ChainDigest& digest = ChainDigest()) {
  std::string error;
  auto writer = LogWriter::Open(path, digest, error);
  REQUIRE(writer);
  for (int i = 1; i <= count; ++i) REQUIRE(writer->Append(Body(i), error));
  REQUIRE(writer->Sync(error));
}

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void WriteLines(const std::string& path, const std::vector<std::string>& lines, bool final_newline = true) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (size_t i = 0; i < lines.size(); ++i) out << lines[i] << (i + 1 < lines.size() || final_newline ? "\n" : "");
}

/// Replaces the first `from` in `line` by `to`.
std::string Replace(std::string line, const std::string& from, const std::string& to) {
  size_t at = line.find(from);
  REQUIRE(at != std::string::npos);
  return line.replace(at, from.size(), to);
}

/// `line` with its hash recomputed under `digest`, as a forger without the key would.
std::string Reseal(const std::string& line, const ChainDigest& digest) {
  auto tail = SplitTail(line);
  REQUIRE(tail);
  return std::string(tail->prefix) + ",\"hash\":\"" + digest.Hex(tail->prefix) + "\"}";
}

VerifyReport Check(const std::string& path, const ChainDigest& digest = ChainDigest()) {
  VerifyReport report = VerifyFile(path, digest);
  INFO("line " << report.line << ": " << report.problem);
  return report;
}

}  // namespace

TEST_CASE("A log written record by record verifies, and its head is the last line's digest", "[log]") {
  TempDir dir;
  std::string path = dir.File("decisions.log");
  WriteLog(path, 5);
  auto report = Check(path);
  CHECK(report.status == VerifyStatus::Ok);
  CHECK(report.records == 5);
  CHECK(report.chain == "sha256");
  auto lines = ReadLines(path);
  REQUIRE(lines.size() == 5);
  CHECK(report.head == Sha256Hex(lines[4]));
  CHECK(lines[0].find("\"prev\":\"" + kZeroDigest + "\"") != std::string::npos);
  CHECK(lines[1].find("\"prev\":\"" + Sha256Hex(lines[0]) + "\"") != std::string::npos);
  auto record = nlohmann::json::parse(lines[0]);
  CHECK(record["v"] == 1);
  CHECK(record["decision"] == "deny");
  CHECK(record["codes"] == nlohmann::json::array({"too_big"}));
  CHECK(record["event"]["id"] == "P-1");
  CHECK(record["event_sha256"] == Sha256Hex("{\"kind\":\"ping\",\"id\":\"P-1\",\"n\":1}"));
  CHECK(record["policy"][0]["name"] == "log_ping");
}

TEST_CASE("An empty log verifies with no records", "[log]") {
  TempDir dir;
  std::string path = dir.File("empty.log");
  WriteLines(path, {}, false);
  auto report = Check(path);
  CHECK(report.status == VerifyStatus::Ok);
  CHECK(report.records == 0);
}

TEST_CASE("Tamper: an edited field is reported at its line", "[log]") {
  TempDir dir;
  std::string path = dir.File("decisions.log");
  WriteLog(path, 5);
  auto lines = ReadLines(path);
  lines[2] = Replace(lines[2], "\"decision\":\"deny\"", "\"decision\":\"allow\"");
  WriteLines(path, lines);
  auto report = Check(path);
  CHECK(report.status == VerifyStatus::Tampered);
  CHECK(report.line == 3);
  CHECK(report.records == 2);
  CHECK_THAT(report.problem, Catch::Contains("hash does not match"));
}

TEST_CASE("Tamper: an edited record whose hash was recomputed breaks the next line's prev", "[log]") {
  TempDir dir;
  std::string path = dir.File("decisions.log");
  WriteLog(path, 5);
  auto lines = ReadLines(path);
  lines[2] = Reseal(Replace(lines[2], "\"decision\":\"deny\"", "\"decision\":\"allow\""), ChainDigest());
  WriteLines(path, lines);
  auto report = Check(path);
  CHECK(report.status == VerifyStatus::Tampered);
  CHECK(report.line == 4);
  CHECK_THAT(report.problem, Catch::Contains("`prev` does not match line 3"));
}

TEST_CASE("Tamper: a deleted line is reported at the line after the gap", "[log]") {
  TempDir dir;
  std::string path = dir.File("decisions.log");
  WriteLog(path, 5);
  auto lines = ReadLines(path);
  lines.erase(lines.begin() + 2);
  WriteLines(path, lines);
  auto report = Check(path);
  CHECK(report.status == VerifyStatus::Tampered);
  CHECK(report.line == 3);
  CHECK_THAT(report.problem, Catch::Contains("deleted, inserted or reordered"));
}

TEST_CASE("Tamper: deleted first lines are reported at the new first line", "[log]") {
  TempDir dir;
  std::string path = dir.File("decisions.log");
  WriteLog(path, 5);
  auto lines = ReadLines(path);
  lines.erase(lines.begin(), lines.begin() + 2);
  WriteLines(path, lines);
  auto report = Check(path);
  CHECK(report.status == VerifyStatus::Tampered);
  CHECK(report.line == 1);
  CHECK_THAT(report.problem, Catch::Contains("not the log's first record"));
}

TEST_CASE("Tamper: two reordered lines are reported at the first of them", "[log]") {
  TempDir dir;
  std::string path = dir.File("decisions.log");
  WriteLog(path, 5);
  auto lines = ReadLines(path);
  std::swap(lines[1], lines[2]);
  WriteLines(path, lines);
  auto report = Check(path);
  CHECK(report.status == VerifyStatus::Tampered);
  CHECK(report.line == 2);
}

TEST_CASE("Tamper: a truncated tail without a newline is reported", "[log]") {
  TempDir dir;
  std::string path = dir.File("decisions.log");
  WriteLog(path, 5);
  auto lines = ReadLines(path);
  SECTION("the whole last line, its newline cut") { WriteLines(path, lines, false); }
  SECTION("the last line cut in the middle") {
    lines[4] = lines[4].substr(0, lines[4].size() / 2);
    WriteLines(path, lines, false);
  }
  auto report = Check(path);
  CHECK(report.status == VerifyStatus::Tampered);
  CHECK(report.line == 5);
  CHECK(report.records == 4);
  CHECK_THAT(report.problem, Catch::Contains("truncated"));
}

TEST_CASE("Tamper: cut JSON ended with a newline is reported", "[log]") {
  TempDir dir;
  std::string path = dir.File("decisions.log");
  WriteLog(path, 5);
  auto lines = ReadLines(path);
  lines[4] = lines[4].substr(0, lines[4].size() - 40);
  WriteLines(path, lines);
  auto report = Check(path);
  CHECK(report.status == VerifyStatus::Tampered);
  CHECK(report.line == 5);
  CHECK_THAT(report.problem, Catch::Contains("not a complete record"));
}

TEST_CASE("Tamper: an appended forged line is reported", "[log]") {
  TempDir dir;
  std::string path = dir.File("decisions.log");
  WriteLog(path, 5);
  auto lines = ReadLines(path);
  SECTION("a copy of an earlier record") { lines.push_back(lines[1]); }
  SECTION("a hand-made allow with a plausible hash") {
    lines.push_back(Reseal(Replace(lines[3], "\"P-4\"", "\"P-99\""), ChainDigest()));
  }
  WriteLines(path, lines);
  auto report = Check(path);
  CHECK(report.status == VerifyStatus::Tampered);
  CHECK(report.line == 6);
  CHECK(report.records == 5);
}

TEST_CASE("Tamper: without a key a forger who recomputes every digest goes unseen; the key is the defence",
          "[log]") {
  TempDir dir;
  std::string path = dir.File("decisions.log");
  auto forge = [&](const ChainDigest& forger) {
    auto lines = ReadLines(path);
    auto tail = SplitTail(lines.back());
    REQUIRE(tail);
    std::string prev = forger.Hex(lines.back());
    std::string body = Body(2);
    lines.push_back(SealLine("2030-01-01T00:00:00.000000Z", body, forger, prev));
    WriteLines(path, lines);
  };
  SECTION("plain SHA-256 chain") {
    WriteLog(path, 3);
    forge(ChainDigest());
    CHECK(Check(path).status == VerifyStatus::Ok);
  }
  SECTION("HMAC chain: the forger has no key") {
    WriteLog(path, 3, ChainDigest(kKey));
    forge(ChainDigest("a guess at the key, 32 bytes long"));
    auto report = Check(path, ChainDigest(kKey));
    CHECK(report.status == VerifyStatus::Tampered);
    CHECK(report.line == 4);
  }
}

TEST_CASE("Tamper: a keyed log checked with another key fails at its first line", "[log]") {
  TempDir dir;
  std::string path = dir.File("decisions.log");
  WriteLog(path, 3, ChainDigest(kKey));
  CHECK(Check(path, ChainDigest(kKey)).status == VerifyStatus::Ok);
  auto report = Check(path, ChainDigest("another key of thirty-two bytes!"));
  CHECK(report.status == VerifyStatus::Tampered);
  CHECK(report.line == 1);
  CHECK_THAT(report.problem, Catch::Contains("the key differs"));
}

TEST_CASE("Tamper: a keyed log rewritten as a plain SHA-256 chain fails under the key", "[log]") {
  TempDir dir;
  std::string path = dir.File("decisions.log");
  WriteLog(path, 3);
  auto report = Check(path, ChainDigest(kKey));
  CHECK(report.status == VerifyStatus::Tampered);
  CHECK(report.line == 1);
  CHECK_THAT(report.problem, Catch::Contains("unkeyed line in a keyed log"));
}

TEST_CASE("A keyed log verified without its key asks for the key", "[log]") {
  TempDir dir;
  std::string path = dir.File("decisions.log");
  WriteLog(path, 2, ChainDigest(kKey));
  auto report = Check(path);
  CHECK(report.status == VerifyStatus::NeedsKey);
}

TEST_CASE("The writer refuses to extend a log it cannot chain to", "[log]") {
  TempDir dir;
  std::string path = dir.File("decisions.log");
  std::string error;
  SECTION("a partial last line") {
    WriteLog(path, 2);
    auto lines = ReadLines(path);
    WriteLines(path, lines, false);
    auto writer = LogWriter::Open(path, ChainDigest(), error);
    REQUIRE(writer);
    CHECK_FALSE(writer->Append(Body(3), error));
    CHECK_THAT(error, Catch::Contains("partial line"));
  }
  SECTION("a plain chain extended with a key") {
    WriteLog(path, 2);
    auto writer = LogWriter::Open(path, ChainDigest(kKey), error);
    REQUIRE(writer);
    CHECK_FALSE(writer->Append(Body(3), error));
    CHECK_THAT(error, Catch::Contains("chained with sha256"));
  }
  SECTION("a file that is not a log") {
    WriteLines(path, {"hello"});
    auto writer = LogWriter::Open(path, ChainDigest(), error);
    REQUIRE(writer);
    CHECK_FALSE(writer->Append(Body(3), error));
    CHECK_THAT(error, Catch::Contains("not a decision-log record"));
  }
  CHECK(ReadLines(path).size() <= 2);
}

TEST_CASE("A record keeps the event byte for byte on one line, or only its hash when redacted", "[log]") {
  CHECK(MinifyJson("{ \"a\" : [1.50, 2e3],\n \"b\": \" x \\\" y \" }") == "{\"a\":[1.50,2e3],\"b\":\" x \\\" y \"}");
  std::vector<PolicyRef> policies = {{"p", "p.charter", Sha256Hex("p")}};
  std::string event = "{\n  \"kind\": \"ping\",\n  \"n\": 1.10\n}\n";
  nlohmann::ordered_json result = {{"kind", "ping"}, {"decision", "allow"}, {"reasons", nlohmann::ordered_json::array()}};
  RecordInput input;
  input.policies = &policies;
  input.event = event;
  input.result = &result;
  std::string body = RecordBody(input);
  CHECK_THAT(body, Catch::Contains("\"event\":{\"kind\":\"ping\",\"n\":1.10}"));
  CHECK_THAT(body, Catch::Contains("\"event_sha256\":\"" + Sha256Hex(event) + "\""));
  CHECK_THAT(body, Catch::Contains("\"id\":null"));
  input.redact = true;
  body = RecordBody(input);
  CHECK_THAT(body, !Catch::Contains("\"event\":"));
  CHECK_THAT(body, Catch::Contains("\"event_sha256\":\"" + Sha256Hex(event) + "\""));
}

TEST_CASE("Export keeps the records of a time window and summarises them", "[log]") {
  std::vector<PolicyRef> policies = {{"log_ping", "ping.charter", Sha256Hex("p")}};
  std::string log;
  std::string prev = kZeroDigest;
  const char* times[] = {"2026-04-30T23:59:59.999999Z", "2026-05-01T00:00:00.000000Z", "2026-05-15T12:00:00.000000Z",
                         "2026-06-01T00:00:00.000000Z"};
  for (int i = 0; i < 4; ++i) {
    std::string line = SealLine(times[i], Body(i + 1), ChainDigest(), prev);
    prev = Sha256Hex(line);
    log += line + "\n";
  }
  ExportOptions options;
  options.since = ParseBound("2026-05-01");
  options.until = ParseBound("2026-06-01");
  REQUIRE(options.since);
  REQUIRE(options.until);
  SECTION("JSON") {
    std::istringstream in(log);
    std::ostringstream out;
    CHECK(Export(in, options, out) == 2);
    auto report = nlohmann::json::parse(out.str());
    CHECK(report["since"] == "2026-05-01T00:00:00Z");
    REQUIRE(report["records"].size() == 2);
    CHECK(report["records"][0]["line"] == 2);
    CHECK(report["records"][0]["id"] == "P-2");
    CHECK_FALSE(report["records"][0].contains("hash"));
    CHECK(report["summary"]["deny"] == 1);
    CHECK(report["summary"]["allow"] == 1);
    CHECK(report["summary"]["by_code"]["too_big"] == 1);
  }
  SECTION("CSV") {
    options.format = ExportFormat::Csv;
    std::istringstream in(log);
    std::ostringstream out;
    CHECK(Export(in, options, out) == 2);
    CHECK(out.str() ==
          "ts,id,kind,decision,codes,policy\n"
          "2026-05-01T00:00:00.000000Z,P-2,ping,allow,,log_ping\n"
          "2026-05-15T12:00:00.000000Z,P-3,ping,deny,too_big,log_ping\n");
  }
}

TEST_CASE("Two charter eval processes appending 10,000 decisions each keep one whole chain", "[log]") {
  TempDir dir;
  std::string events = dir.File("events.ndjson");
  {
    std::ofstream out(events, std::ios::binary);
    for (int i = 1; i <= 10000; ++i) out << "{\"kind\":\"ping\",\"id\":\"P-" << i << "\",\"n\":" << i % 7 << "}\n";
  }
  std::string log = dir.File("decisions.log");
  std::string policy = testing::SourcePath("tests/log/ping.charter");
  std::string devnull = "/dev/null";
  std::vector<pid_t> children;
  for (int writer = 0; writer < 2; ++writer) {
    std::vector<std::string> args = {CHARTER_BINARY, "eval", "-p", policy, "--events", events, "--log", log};
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, devnull.c_str(), O_WRONLY, 0);
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, CHARTER_BINARY, &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 1);  // some pings are denied
  }
  auto report = Check(log);
  CHECK(report.status == VerifyStatus::Ok);
  CHECK(report.records == 20000);
  auto lines = ReadLines(log);
  CHECK(lines.size() == 20000);
  // Every event of both writers is there exactly once each.
  std::map<std::string, int> seen;
  for (const auto& line : lines) ++seen[nlohmann::json::parse(line)["id"].get<std::string>()];
  CHECK(seen.size() == 10000);
  CHECK(std::all_of(seen.begin(), seen.end(), [](const auto& entry) { return entry.second == 2; }));
}
