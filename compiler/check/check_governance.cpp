// Governance constructs: tier tables, quorums, vote tallies, threshold bands
// (proved free of gaps and overlaps) and vetoes.
#include <algorithm>
#include <numeric>

#include "compiler/base/calendar.h"
#include "compiler/check/checker.h"

namespace charter {

const ast::RecordDecl* Checker::BallotRecord(const ast::TypeRef& ref) {
  const Type* type = ResolveType(ref);
  if (type->kind == TypeKind::Record) return &type->decl->As<ast::RecordDecl>();
  if (!type->IsError()) {
    diags_.Report(DiagKind::TypeMismatch, ref.span, "ballots must be records, found `" + type->Name() + "`");
  }
  return nullptr;
}

const ast::Decl* Checker::EnumFieldOf(const ast::RecordDecl& record, const ast::Ident& field, const char* what) {
  for (const auto& f : record.fields) {
    if (f.name.name != field.name) continue;
    const Type* type = ResolveType(f.type);
    if (type->kind == TypeKind::Enum) return type->decl;
    diags_.Report(DiagKind::TypeMismatch, field.span,
                  std::string(what) + " field `" + field.name + "` must be an enum, found `" + type->Name() + "`");
    return nullptr;
  }
  std::vector<std::string> names;
  for (const auto& f : record.fields) names.push_back(f.name.name);
  auto& diag = diags_.Report(DiagKind::UnknownField, field.span,
                             "`" + record.name.name + "` has no field `" + field.name + "`");
  diag.SuggestClosest(field.span, field.name, names);
  return nullptr;
}

// ------------------------------------------------------------------ tier

void Checker::CheckTier(ast::TierDecl& decl) {
  const Type* row = ResolveType(decl.row_type);
  out_.decl_types[&decl] = row;
  if (row->kind != TypeKind::Record && !row->IsError()) {
    diags_.Report(DiagKind::TierRows, decl.row_type.span, "tier rows are records; `" + row->Name() + "` is not one");
  }
  std::map<std::string, Span> seen;
  for (auto& r : decl.rows) {
    auto [it, inserted] = seen.emplace(r.member.name, r.member.span);
    if (!inserted) {
      diags_.Report(DiagKind::TierRows, r.member.span, "tier `" + r.member.name + "` has two rows")
          .labels.push_back({it->second, "first row here"});
    }
    if (row->kind == TypeKind::Record) CheckRecordFields(row->decl->As<ast::RecordDecl>(), r.fields, r.member.span, true);
  }
  if (decl.rows.empty()) diags_.Report(DiagKind::TierRows, decl.name.span, "tier `" + decl.name.name + "` has no rows");
}

// ------------------------------------------------------------------ quorum

void Checker::CheckQuorum(ast::QuorumDecl& decl) {
  const ast::RecordDecl* ballot = BallotRecord(decl.ballot_type);
  if (ballot) out_.param_types[&decl] = {types_.List(types_.Named(ballot))};
  const ast::Decl* roles = ballot ? EnumFieldOf(*ballot, decl.role_field, "the quorum's role") : nullptr;
  if (decl.clauses.empty()) {
    diags_.Report(DiagKind::QuorumClauses, decl.name.span, "quorum `" + decl.name.name + "` sets no minimum")
        .notes.push_back("write `at least 4 in total` and/or `at least 1 platform`");
    return;
  }
  std::optional<int64_t> total;
  Span total_span;
  int64_t role_sum = 0;
  std::map<std::string, Span> seen;
  for (auto& clause : decl.clauses) {
    auto value = EvalConst(*clause.count, types_.Int());
    if (value && (value->number.den != 1 || value->number.num < 0)) {
      diags_.Report(DiagKind::QuorumClauses, clause.count->span, "a quorum minimum is a whole number of ballots");
      value.reset();
    }
    if (clause.total) {
      if (total) {
        diags_.Report(DiagKind::QuorumClauses, clause.span, "the quorum's total is given twice");
      } else if (value) {
        total = value->number.num;
        total_span = clause.span;
      }
      continue;
    }
    if (roles && MemberIndex(roles, clause.role.name) < 0) {
      ReportUnknownMember(roles, clause.role, DiagKind::QuorumClauses);
      continue;
    }
    auto [it, inserted] = seen.emplace(clause.role.name, clause.role.span);
    if (!inserted) {
      diags_.Report(DiagKind::QuorumClauses, clause.role.span, "`" + clause.role.name + "` has two minimums")
          .labels.push_back({it->second, "first given here"});
    }
    if (value) role_sum += value->number.num;
  }
  if (total && !seen.empty() && *total <= role_sum) {
    diags_.Report(DiagKind::QuorumTotalNeverBinds, total_span,
                  "the total of " + std::to_string(*total) + " never binds: the per-role minimums already require " +
                      std::to_string(role_sum) + " ballots");
  }
}

// ------------------------------------------------------------------ vote

void Checker::CheckVote(ast::VoteDecl& decl) {
  const ast::RecordDecl* ballot = BallotRecord(decl.ballot_type);
  if (ballot) out_.param_types[&decl] = {types_.List(types_.Named(ballot))};
  const ast::Decl* choices = ballot ? EnumFieldOf(*ballot, decl.choice_field, "the vote's choice") : nullptr;
  const ast::Decl* roles = nullptr;
  if (ballot && decl.role_field) roles = EnumFieldOf(*ballot, *decl.role_field, "the vote's role");

  std::map<std::string, Span> mapped;
  std::set<std::string> categories;
  for (const auto& category : decl.categories) {
    const std::string& name = category.category.name;
    if (name != "approve" && name != "reject" && name != "table") {
      auto& diag = diags_.Report(DiagKind::VoteCategories, category.category.span,
                                 "`" + name + "` is not a tally category; use approve, reject or table");
      diag.SuggestClosest(category.category.span, name, {"approve", "reject", "table"});
      continue;
    }
    if (!categories.insert(name).second) {
      diags_.Report(DiagKind::VoteCategories, category.category.span, "category `" + name + "` is listed twice");
    }
    for (const auto& member : category.members) {
      if (!choices) continue;
      if (MemberIndex(choices, member.name) < 0) {
        ReportUnknownMember(choices, member, DiagKind::VoteCategories);
        continue;
      }
      auto [it, inserted] = mapped.emplace(member.name, member.span);
      if (!inserted) {
        diags_.Report(DiagKind::VoteCategories, member.span, "`" + member.name + "` is counted in two categories")
            .labels.push_back({it->second, "first counted here"});
      }
    }
  }
  if (choices) {
    std::string missing;
    for (const auto& name : MemberNames(choices)) {
      if (!mapped.count(name)) missing += (missing.empty() ? "`" : ", `") + name + "`";
    }
    if (!missing.empty()) {
      diags_.Report(DiagKind::VoteCategories, decl.name.span,
                    "vote `" + decl.name.name + "` does not count " + missing + " in any category")
          .notes.push_back("every choice is counted exactly once, as approve, reject or table");
    }
  }
  if (!decl.pass) {
    diags_.Report(DiagKind::VoteCategories, decl.name.span, "vote `" + decl.name.name + "` has no `pass when` clause");
  }
  auto check_role = [&](const ast::Ident& role) {
    if (!decl.role_field) {
      diags_.Report(DiagKind::VoteRole, role.span,
                    "`" + role.name + "` names a role, but the vote has no role field; write `by " +
                        decl.choice_field.name + ", role`");
    } else if (roles && MemberIndex(roles, role.name) < 0) {
      ReportUnknownMember(roles, role, DiagKind::VoteRole);
    }
  };
  if (decl.tie_role) check_role(*decl.tie_role);
  for (const auto& role : decl.protected_roles) check_role(role);

  PushScope();
  for (const char* count : {"approve", "reject", "table", "cast"}) Bind(ast::Ident{count, decl.name.span}, types_.Int());
  for (ast::Expr* clause : {decl.pass.get(), decl.tie.get(), decl.tabled.get()}) {
    if (clause) CheckCondition(*clause);
  }
  PopScope();
}

// ------------------------------------------------------------------ threshold

namespace {

struct Endpoint {
  bool infinite = true;
  Rational value;
  bool closed = false;
};
struct Interval {
  Endpoint low, high;
  size_t band;
};

std::string Show(const Rational& value, const Type* type) {
  if (type->kind == TypeKind::Date) return FormatDate(static_cast<int32_t>(value.num));
  if (type->kind == TypeKind::Timestamp) return FormatTimestamp(value.num);
  std::string text = value.ToString();
  return type->kind == TypeKind::Percent ? text + "%" : text;
}

std::string ShowInterval(const Endpoint& low, const Endpoint& high, const Type* type) {
  std::string out = low.infinite ? "(-∞" : (low.closed ? "[" : "(") + Show(low.value, type);
  out += ", ";
  out += high.infinite ? "+∞)" : Show(high.value, type) + (high.closed ? "]" : ")");
  return out;
}

// The later of two lower endpoints / the earlier of two upper endpoints.
bool LowerAfter(const Endpoint& a, const Endpoint& b) {
  if (a.infinite || b.infinite) return !a.infinite && b.infinite;
  int c = a.value.Compare(b.value);
  return c > 0 || (c == 0 && !a.closed && b.closed);
}
bool UpperBefore(const Endpoint& a, const Endpoint& b) {
  if (a.infinite || b.infinite) return !a.infinite && b.infinite;
  int c = a.value.Compare(b.value);
  return c < 0 || (c == 0 && !a.closed && b.closed);
}
bool Empty(const Endpoint& low, const Endpoint& high) {
  if (low.infinite || high.infinite) return false;
  int c = low.value.Compare(high.value);
  return c > 0 || (c == 0 && !(low.closed && high.closed));
}

}  // namespace

void Checker::CheckThreshold(ast::ThresholdDecl& decl) {
  const Type* input = ResolveType(decl.param.type);
  out_.param_types[&decl] = {input};
  const Type* result = ResolveType(decl.result);
  // Dates count days and timestamps microseconds: both are discrete, like int.
  bool integral = input->kind == TypeKind::Int || input->kind == TypeKind::Date || input->kind == TypeKind::Timestamp;
  if (!(input->IsNumeric() || input->kind == TypeKind::Percent || input->kind == TypeKind::Duration ||
        input->kind == TypeKind::Date || input->kind == TypeKind::Timestamp || input->IsError())) {
    diags_.Report(DiagKind::ThresholdBand, decl.param.type.span,
                  "threshold input must be a number, percent, duration, date or timestamp, found `" + input->Name() + "`");
    input = types_.Error();
  }
  auto bound = [&](ast::Expr& expr) -> std::optional<Rational> {
    if (input->IsError()) return std::nullopt;
    auto value = EvalConst(expr, input);
    if (!value) return std::nullopt;
    if (!Assignable(value->type, input)) {
      ExpectType(expr, value->type, input, "a bound of `" + decl.name.name + "`");
      return std::nullopt;
    }
    return value->number;
  };
  Endpoint domain_low, domain_high;
  if (decl.domain_low && decl.domain_high) {
    auto lo = bound(*decl.domain_low), hi = bound(*decl.domain_high);
    if (lo) domain_low = {false, *lo, true};
    if (hi) domain_high = {false, *hi, true};
    if (lo && hi && *hi < *lo) {
      diags_.Report(DiagKind::ThresholdBand, decl.domain_low->span, "the domain's low end is above its high end");
    }
  }
  // Integers have no values between n and n + 1: close every bound.
  auto normalize = [&](Endpoint e, bool is_low) {
    if (!integral || e.infinite || e.closed) return e;
    Rational one = Rational::Int(1);
    e.value = is_low ? *e.value.Add(one) : *e.value.Sub(one);
    e.closed = true;
    return e;
  };
  std::vector<Interval> intervals;
  std::optional<size_t> else_band;
  bool all_bounds_known = !input->IsError();
  PushScope();
  Bind(decl.param.name, input);
  for (size_t i = 0; i < decl.bands.size(); ++i) {
    ast::Band& band = decl.bands[i];
    if (band.result) {
      const Type* type = CheckExpr(*band.result, result);
      ExpectType(*band.result, type, result, "a band of `" + decl.name.name + "`");
    }
    if (band.is_else) {
      if (else_band) diags_.Report(DiagKind::ThresholdBand, band.span, "a threshold has at most one `else` band");
      else if (i + 1 != decl.bands.size()) diags_.Report(DiagKind::ThresholdBand, band.span, "the `else` band comes last");
      else_band = i;
      continue;
    }
    Interval interval{Endpoint{}, Endpoint{}, i};
    bool has_low = false, has_high = false;
    for (auto& b : band.bounds) {
      auto value = bound(*b.value);
      if (!value) {
        all_bounds_known = false;
        continue;
      }
      bool is_low = b.op == ast::BoundOp::Gt || b.op == ast::BoundOp::Ge;
      bool& seen = is_low ? has_low : has_high;
      if (seen) {
        diags_.Report(DiagKind::ThresholdBand, b.span,
                      std::string("this band already has ") + (is_low ? "a lower" : "an upper") + " bound");
        continue;
      }
      seen = true;
      Endpoint e{false, *value, b.op == ast::BoundOp::Ge || b.op == ast::BoundOp::Le};
      if (is_low && LowerAfter(e, interval.low)) interval.low = e;
      if (!is_low && UpperBefore(e, interval.high)) interval.high = e;
    }
    interval.low = normalize(interval.low, true);
    interval.high = normalize(interval.high, false);
    if (Empty(interval.low, interval.high)) {
      diags_.Report(DiagKind::ThresholdBand, band.span, "this band covers no value: its bounds exclude each other");
      continue;
    }
    // Clip to the domain; a band wholly outside it can never be chosen.
    if (LowerAfter(normalize(domain_low, true), interval.low)) interval.low = normalize(domain_low, true);
    if (UpperBefore(normalize(domain_high, false), interval.high)) interval.high = normalize(domain_high, false);
    if (Empty(interval.low, interval.high)) {
      diags_.Report(DiagKind::UnreachableBand, band.span, "this band lies outside the domain of `" + decl.name.name +
                                                              "` and is never used");
      continue;
    }
    intervals.push_back(interval);
  }
  PopScope();
  if (!all_bounds_known) return;

  for (size_t a = 0; a < intervals.size(); ++a) {
    for (size_t b = a + 1; b < intervals.size(); ++b) {
      Endpoint low = LowerAfter(intervals[b].low, intervals[a].low) ? intervals[b].low : intervals[a].low;
      Endpoint high = UpperBefore(intervals[b].high, intervals[a].high) ? intervals[b].high : intervals[a].high;
      if (Empty(low, high)) continue;
      auto& diag = diags_.Report(DiagKind::ThresholdOverlap, decl.bands[intervals[b].band].span,
                                 "bands of `" + decl.name.name + "` overlap on " + ShowInterval(low, high, input));
      diag.labels.push_back({decl.bands[intervals[a].band].span, "this band also covers it"});
    }
  }
  std::sort(intervals.begin(), intervals.end(),
            [](const Interval& x, const Interval& y) { return LowerAfter(y.low, x.low); });
  // Sweep from the domain's low end; `reach` is the first value not yet covered.
  Endpoint reach = domain_low;
  std::vector<std::pair<Endpoint, Endpoint>> gaps;
  bool done = false;
  for (const auto& interval : intervals) {
    if (LowerAfter(interval.low, reach)) {
      Endpoint gap_high{false, interval.low.value, !interval.low.closed};
      if (integral && !gap_high.closed) gap_high = {false, *gap_high.value.Sub(Rational::Int(1)), true};
      if (!Empty(reach, gap_high)) gaps.emplace_back(reach, gap_high);
    }
    if (interval.high.infinite) {
      done = true;
      break;
    }
    Endpoint next{false, interval.high.value, !interval.high.closed};
    if (integral && interval.high.closed) next = {false, *interval.high.value.Add(Rational::Int(1)), true};
    if (LowerAfter(next, reach)) reach = next;
  }
  if (!done && !Empty(reach, domain_high)) {
    Endpoint high = domain_high;
    if (integral && !high.infinite) high.closed = true;
    if (!Empty(reach, high)) gaps.emplace_back(reach, high);
  }
  if (else_band) {
    if (gaps.empty()) {
      diags_.Report(DiagKind::UnreachableBand, decl.bands[*else_band].span,
                    "the `else` band is never used: the other bands cover every value");
    }
    return;
  }
  for (const auto& [low, high] : gaps) {
    if (integral && !low.infinite && !high.infinite && low.value == high.value && !(low.closed && high.closed)) continue;
    auto& diag = diags_.Report(DiagKind::ThresholdGap, decl.name.span,
                               "bands of `" + decl.name.name + "` leave " + ShowInterval(low, high, input) +
                                   " uncovered");
    diag.notes.push_back("add a band for it, or an `else` band");
  }
}

// ------------------------------------------------------------------ veto

void Checker::CheckVeto(const ast::VetoStmt& stmt) {
  const Type* list = CheckExpr(*stmt.list);
  const Type* element = types_.Error();
  if (list->kind == TypeKind::List || list->kind == TypeKind::Set) {
    element = list->element;
  } else if (!list->IsError()) {
    diags_.Report(DiagKind::TypeMismatch, stmt.list->span, "a veto ranges over a list, found `" + list->Name() + "`");
  }
  PushScope();
  Bind(stmt.binder, element);
  if (stmt.where) CheckCondition(*stmt.where);
  if (stmt.valid) {
    CheckCondition(*stmt.valid);
    if (stmt.invalid_warning) CheckReason(*stmt.invalid_warning, &current_outputs_->warnings);
  }
  if (stmt.overridden) CheckCondition(*stmt.overridden);
  if (stmt.deny) {
    CheckReason(*stmt.deny, &current_outputs_->reasons);
  } else {
    diags_.Report(DiagKind::VetoClauses, stmt.binder.span, "a veto needs a `deny \"code\": \"message\"` clause");
  }
  for (const auto* spans : {&stmt.valid_spans, &stmt.override_spans, &stmt.deny_spans}) {
    for (size_t i = 1; i < spans->size(); ++i) {
      diags_.Report(DiagKind::VetoClauses, (*spans)[i], "this veto clause is repeated")
          .labels.push_back({(*spans)[0], "first given here"});
    }
  }
  if (!stmt.overridden) {
    Span head = stmt.span;
    head.length = std::min<uint32_t>(head.length, 4);  // the `veto` keyword
    diags_.Report(DiagKind::VetoWithoutOverride, head, "this veto has no override path: once valid, it always denies");
  }
  scopes_.back()[stmt.binder.name].used = true;
  PopScope();
}

}  // namespace charter
