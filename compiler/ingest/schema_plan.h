// Schema plans: what the fast event decoder (fast_decoder.h) needs to know of
// each event kind, worked out once from the checked program instead of per
// event: field names to cell indexes, enum spellings to member indexes, and
// which types an event can give at all.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/check/check.h"

namespace charter::ingest {

/// How one JSON value becomes one cell.
enum class PlanOp : uint8_t {
  Optional,  // null → none, else `element`
  Bool,
  Int,
  Decimal,
  Percent,
  String,
  Date,
  Timestamp,
  Enum,
  Record,
  List,
  Set,
  Never,  // no JSON form (durations, tallies, ...): giving one is an error
};

struct Plan;

struct PlanField {
  std::string name;
  const Plan* plan = nullptr;
  bool optional = false;  // absent means none; otherwise absent is an error
};

struct Plan {
  PlanOp op = PlanOp::Never;
  const Plan* element = nullptr;        // Optional, List, Set
  std::vector<std::string> spellings;   // Enum, by member index
  std::vector<PlanField> fields;        // Record, by cell index
  bool set_by_bits = false;             // Set: elements are equal when their cells are (not strings)
};

struct EventPlan {
  const ast::EventDecl* decl = nullptr;
  const Plan* record = nullptr;
  bool declares_kind_or_id = false;  // a field named `kind` or `id`: left to the slow decoder
};

class SchemaPlans {
 public:
  /// `events` in the order whose indexes Find returns (the module's event kinds).
  SchemaPlans(const CheckedProgram& program, const std::vector<const ast::EventDecl*>& events);
  SchemaPlans(const SchemaPlans&) = delete;
  SchemaPlans& operator=(const SchemaPlans&) = delete;

  /// The index of the event whose JSON kind is `kind`, or -1.
  int32_t Find(std::string_view kind) const;
  const EventPlan& event(int32_t index) const { return events_[index]; }

 private:
  const Plan* PlanOf(const Type* type);
  const Plan* RecordPlan(const ast::Decl& decl);

  const CheckedProgram& program_;
  std::deque<Plan> plans_;  // stable addresses: plans point at each other
  std::map<const void*, const Plan*> memo_;  // by Type, or by Decl for event records
  std::vector<EventPlan> events_;
  std::map<std::string, int32_t, std::less<>> by_kind_;
};

}  // namespace charter::ingest
