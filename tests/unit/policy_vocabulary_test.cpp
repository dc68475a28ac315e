// The shipped policies produce exactly the vocabulary of EVENTS.md: every
// reason code, warning, obligation and value of every event kind, and no other.
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace charter;
using charter::testing::SourcePath;

namespace {

struct Expected {
  const char* kind;
  std::set<std::string> reasons, warnings, obligations, values;
};

const Expected kEvents[] = {
    {"change",
     {"rfc_missing", "rfc_comment_period", "review_missing", "no_quorum", "tabled", "vote_failed",
      "security_in_minority", "security_veto", "leadership_veto", "notice_period", "migration_guide_missing",
      "rollback_plan_missing", "budget_freeze", "budget_deferred", "invalid_emergency", "baseline_lowered"},
     {"invalid_veto"},
     {"incident_report_24h", "postmortem_1w"},
     {"budget_status"}},
    {"slo_report",
     {"slo_ci_success_rate", "slo_build_duration", "slo_precommit_hooks", "slo_scan_coverage"},
     {},
     {},
     {"error_budget", "budget_remaining_pct", "budget_status"}},
    {"amendment",
     {"comment_period", "no_quorum", "supermajority_failed", "leadership_approval_missing",
      "security_approval_missing", "waiting_period"},
     {},
     {"council_review_10d"},
     {}},
    {"violation", {"access_revoked"}, {}, {}, {"action"}},
    {"secret", {"rotation_overdue", "compromised", "storage_prohibited", "secret_reused"}, {}, {}, {"rotate_by"}},
    {"contract_execution",
     {"approvals_missing", "vuln_critical", "vuln_high", "vuln_medium", "vuln_low", "permission_unavailable",
      "invalid_issue_number", "invalid_label", "untrusted_url", "script_in_comment", "invalid_version",
      "directory_traversal", "command_injection", "override_not_permitted"},
     {"over_privileged"},
     {"post_execution_justification", "compliance_review"},
     {"required_approvals", "audit_retention_days", "audit_encrypted"}},
    {"audit_deletion", {"retention_period"}, {}, {}, {}},
    {"incident", {"escalation_overdue"}, {}, {}, {"escalate_by"}},
    {"vulnerability", {"fix_overdue"}, {}, {}, {"fix_by"}},
};

}  // namespace

TEST_CASE("The shipped policies produce exactly the codes and values of EVENTS.md", "[policies]") {
  DiagnosticSink diags;
  auto checked = Check(Load({SourcePath("policies/cicd-constitution.charter"),
                             SourcePath("policies/job-contracts.charter")},
                            {}, diags),
                       diags);
  REQUIRE(diags.ErrorCount() == 0);
  std::map<std::string, const EventOutputs*> by_kind;
  for (const auto& [decl, outputs] : checked->outputs) {
    by_kind[decl->As<ast::EventDecl>().json_kind] = &outputs;
  }
  CHECK(by_kind.size() == std::size(kEvents));
  for (const Expected& expected : kEvents) {
    INFO("event kind " << expected.kind);
    REQUIRE(by_kind.count(expected.kind));
    const EventOutputs& outputs = *by_kind[expected.kind];
    CHECK(outputs.reasons == expected.reasons);
    CHECK(outputs.warnings == expected.warnings);
    CHECK(outputs.obligations == expected.obligations);
    std::set<std::string> values;
    for (const auto& [name, type] : outputs.values) values.insert(name);
    CHECK(values == expected.values);
  }
}
