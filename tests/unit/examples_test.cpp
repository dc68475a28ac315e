// The sample events of examples/ get exactly the decisions and reason codes
// that examples/README.md tables promise, which include every example of
// EVENTS.md (`<kind>-events-md.json`). The README is the expectation.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "compiler/eval/decision_json.h"
#include "compiler/eval/decode.h"
#include "compiler/eval/interpreter.h"
#include "compiler/ir/ir.h"
#include "test_support.h"

using namespace charter;
using charter::testing::SourcePath;

namespace {

struct Row {
  std::vector<std::string> cells;
};

std::string Trim(const std::string& s) {
  size_t begin = s.find_first_not_of(" `*");
  size_t end = s.find_last_not_of(" `*");
  return begin == std::string::npos ? "" : s.substr(begin, end - begin + 1);
}

/// The rows of the table under the heading `section` in examples/README.md.
std::vector<Row> Table(const std::string& section) {
  std::ifstream in(SourcePath("examples/README.md"));
  std::vector<Row> rows;
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("#", 0) == 0) inside = line.find(section) != std::string::npos;
    if (!inside || line.rfind("| ", 0) != 0 || line.rfind("| ---", 0) == 0) continue;
    Row row;
    std::stringstream cells(line.substr(1));
    for (std::string cell; std::getline(cells, cell, '|');) row.cells.push_back(Trim(cell));
    if (row.cells.size() >= 4 && row.cells[0] != "file" && row.cells[0] != "line") rows.push_back(std::move(row));
  }
  return rows;
}

/// `approvals_missing (twice: ...), vuln_high` → {approvals_missing, vuln_high}.
std::set<std::string> Codes(const std::string& cell) {
  std::string plain = std::regex_replace(cell, std::regex("\\([^)]*\\)"), "");
  std::set<std::string> codes;
  std::regex code("[a-z][a-z0-9_]*");
  for (auto it = std::sregex_iterator(plain.begin(), plain.end(), code); it != std::sregex_iterator(); ++it) {
    codes.insert(it->str());
  }
  return codes;
}

struct Policies {
  DiagnosticSink diags;
  std::unique_ptr<CheckedProgram> checked;
  std::unique_ptr<ir::Module> module;
  std::unique_ptr<eval::Interpreter> interpreter;
  std::unique_ptr<eval::EventDecoder> decoder;

  Policies() {
    checked = Check(Load({SourcePath("policies/cicd-constitution.charter"), SourcePath("policies/job-contracts.charter")},
                         {}, diags),
                    diags);
    REQUIRE(diags.ErrorCount() == 0);
    module = ir::Lower(*checked);
    interpreter = std::make_unique<eval::Interpreter>(*module);
    std::vector<const ast::EventDecl*> events;
    for (const auto& kind : module->events) events.push_back(kind.decl);
    decoder = std::make_unique<eval::EventDecoder>(*checked, events);
  }

  /// {"decision", "reasons"} or {"error": path}.
  std::pair<std::string, std::set<std::string>> Decide(const std::string& json) {
    auto decoded = decoder->Decode(json);
    if (auto* error = std::get_if<eval::InputError>(&decoded)) return {"input error", {error->path}};
    auto& event = std::get<eval::DecodedEvent>(decoded);
    auto result = interpreter->Decide(module->FindEvent(event.event->json_kind), event.value);
    if (auto* error = std::get_if<eval::EvalError>(&result)) return {"evaluation error: " + error->message, {}};
    const auto& decision = std::get<eval::Decision>(result);
    std::set<std::string> codes;
    for (const auto& reason : decision.reasons) codes.insert(reason.code);
    return {decision.allowed() ? "allow" : "deny", codes};
  }
};

Policies& Shipped() {
  static Policies policies;
  return policies;
}

std::string ReadAll(const std::string& path) {
  std::string text;
  REQUIRE(ReadFile(path, text));
  return text;
}

std::vector<std::string> Lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("Each sample event file gets the decision and reasons examples/README.md gives", "[examples]") {
  size_t checked = 0, events_md = 0;
  for (const char* dir : {"cicd-constitution", "job-contracts"}) {
    for (const Row& row : Table(std::string(dir) + "/")) {
      const std::string& file = row.cells[0];
      INFO(dir << "/" << file);
      auto [decision, codes] = Shipped().Decide(ReadAll(SourcePath(std::string("examples/") + dir + "/" + file)));
      CHECK(decision == row.cells[1]);
      CHECK(codes == Codes(row.cells[2]));
      // The file name carries the decision too.
      if (file.find("-events-md") == std::string::npos) {
        CHECK(file.find("-" + row.cells[1] + "-") != std::string::npos);
      } else {
        ++events_md;
      }
      ++checked;
    }
  }
  CHECK(checked >= 40);
  CHECK(events_md == 9);  // one per event kind of EVENTS.md
}

TEST_CASE("The sample streams get one decision or error per line, as examples/README.md lists", "[examples]") {
  for (const char* stream : {"events.ndjson", "malformed.ndjson"}) {
    INFO(stream);
    std::vector<std::string> lines = Lines(SourcePath(std::string("examples/") + stream));
    std::vector<Row> rows = Table(stream);
    REQUIRE(rows.size() == lines.size());
    for (const Row& row : rows) {
      size_t line = std::stoul(row.cells[0]);
      INFO("line " << line);
      REQUIRE(line >= 1);
      REQUIRE(line <= lines.size());
      auto [decision, codes] = Shipped().Decide(lines[line - 1]);
      CHECK(decision == row.cells[3]);
      if (decision == "input error") {
        CHECK(codes == std::set<std::string>{Trim(row.cells[4].substr(0, row.cells[4].find(" (")))});
      } else {
        CHECK(codes == Codes(row.cells[4]));
      }
    }
  }
}
