#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "compiler/diagnostics/render.h"
#include "test_support.h"

using namespace charter;
using charter::testing::CheckText;
using charter::testing::SourcePath;

TEST_CASE("The shipped policies check clean", "[check][policies]") {
  for (const char* policy : {"policies/cicd-constitution.charter", "policies/job-contracts.charter"}) {
    DiagnosticSink diags;
    auto checked = Check(Load({SourcePath(policy)}, {}, diags), diags);
    INFO(policy);
    for (const auto& d : diags.diagnostics()) {
      INFO(RenderShort(d));
      CHECK(d.severity == Severity::Note);
    }
  }
}

TEST_CASE("Every diagnostic code has a golden test that produces it", "[check][golden]") {
  std::set<std::string> produced;
  std::regex code(R"(\[([EWN][0-9]{4})\])");
  for (const auto& entry : std::filesystem::directory_iterator(SourcePath("tests/check"))) {
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("// EXPECT: ", 0) != 0) continue;
      for (std::sregex_iterator it(line.begin(), line.end(), code), end; it != end; ++it) produced.insert((*it)[1]);
    }
  }
  for (DiagKind kind : AllDiagKinds()) {
    INFO(Info(kind).code << " " << Info(kind).summary);
    CHECK(produced.count(Info(kind).code) == 1);
  }
}

TEST_CASE("A file with several errors reports each of them", "[check]") {
  auto run = CheckText(R"(policy p
enum Role { platform, security }
event e { rate: percent, at: date? }
rule r on e {
  require event.rate >= 95 else "a": "m"
  require event.at > 2026-01-01 else "b": "m"
  require evnt.rate > 1% else "c": "m"
}
)");
  auto codes = run->Codes();
  CHECK(std::count(codes.begin(), codes.end(), "E0202") == 1);
  CHECK(std::count(codes.begin(), codes.end(), "E0204") == 1);
  CHECK(std::count(codes.begin(), codes.end(), "E0101") == 1);
}

TEST_CASE("Checking a path narrows an optional", "[check][optional]") {
  auto run = CheckText(R"(policy p
record Rfc { posted: date, decided: date }
event e { rfc: Rfc? }
rule r on e {
  require event.rfc != none and event.rfc.decided >= event.rfc.posted else "a": "m"
  when event.rfc == none { deny "b": "m" } else { require event.rfc.decided > 2026-01-01 else "c": "{event.rfc.posted}" }
  require event.rfc == none or event.rfc.posted > 2026-01-01 else "d": "m"
}
rule s on e when event.rfc != none { require event.rfc.posted > 2026-01-01 else "e": "m" }
)");
  CHECK(run->Errors() == 0);
}

TEST_CASE("A bare enum member is typed by what it is compared with", "[check][enum]") {
  auto run = CheckText(R"(policy p
enum Role { platform, security }
enum Team { security, docs }
record Review { role: Role }
event e { reviews: list<Review>, team: Team }
rule r on e {
  require event.reviews.any(x => x.role == security) and event.team == security else "a": "m"
  require event.team in [docs, security] else "b": "m"
}
)");
  CHECK(run->Errors() == 0);
}

TEST_CASE("Threshold gap names the uncovered interval", "[check][threshold]") {
  auto run = CheckText(R"(policy p
enum S { low, high }
threshold t(x: percent in 0%..100%) -> S { < 25% => low  > 25% => high }
event e { p: percent }
rule r on e { value v = t(event.p) }
)");
  REQUIRE(run->Errors() == 1);
  CHECK(run->diags.diagnostics()[0].message == "bands of `t` leave [25%, 25%] uncovered");
}

TEST_CASE("Check never reads the disk for overlaid text", "[check]") {
  auto run = CheckText("policy p\nevent e { n: int }\n", "/nonexistent/dir/p.charter");
  CHECK(run->Errors() == 0);
}

TEST_CASE("Governance constructs give typed values", "[check][governance]") {
  auto run = CheckText(R"(policy p
enum Role { platform, security, leadership }
enum Choice { approve, reject, table }
record Ballot { role: Role, vote: Choice }
record Process { rfc: bool, reviewers: set<Role> }
tier Tier with Process {
  T1 "Critical": { rfc: true, reviewers: [] }
  T2 "Security": { rfc: true, reviewers: [security, platform] }
}
vote council of Ballot by vote, role {
  approve: approve
  reject: reject
  table: table
  pass when approve >= 3
}
event e { tier: Tier, ballots: list<Ballot>, posted: date, decided: date, rate: percent, runs: int }
rule r on e {
  let tally = council(event.ballots)
  let approvals: int = tally.approve + tally.cast
  let unanimous: bool = tally.unanimous and tally.passes and not tally.minority and not tally.tabled
  let needs_rfc: bool = event.tier.rfc and event.tier.reviewers.contains(security)
  let deadline: date = event.posted + 5 business_days
  let elapsed = event.decided - event.posted
  let budget: decimal = (1 - event.rate.fraction()) * event.runs
  let share: percent = percent_of(approvals, max(1, tally.cast))
  require approvals > 0 and unanimous and needs_rfc and event.decided >= deadline and elapsed > 14 days
    and budget >= 0 and share > 50% else "c": "m"
}
)");
  for (const auto& d : run->diags.diagnostics()) INFO(RenderShort(d));
  CHECK(run->diags.diagnostics().empty());
}

TEST_CASE("Test blocks are checked against what the rules produce", "[check][test]") {
  auto run = CheckText(R"(policy p
event e { n: int }
rule r on e {
  require event.n > 0 else "not_positive": "m"
  value doubled = event.n * 2
}
test "ok" {
  given e { n: 1 }
  expect allow
  expect value doubled = 2
}
test "typo" {
  given e { n: 0 }
  expect deny with "not_postive"
}
)");
  REQUIRE(run->Errors() == 1);
  const Diagnostic& diag = run->diags.diagnostics()[0];
  CHECK(diag.kind == DiagKind::UnknownReasonCode);
  REQUIRE(diag.fix);
  CHECK(diag.fix->replacement == "\"not_positive\"");
}
