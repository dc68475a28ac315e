#include "compiler/ingest/schema_plan.h"

#include "compiler/eval/decode.h"

namespace charter::ingest {

SchemaPlans::SchemaPlans(const CheckedProgram& program, const std::vector<const ast::EventDecl*>& events)
    : program_(program) {
  for (const ast::EventDecl* decl : events) {
    EventPlan plan;
    plan.decl = decl;
    if (decl) {
      plan.record = RecordPlan(*decl);
      for (const PlanField& field : plan.record->fields) {
        plan.declares_kind_or_id |= field.name == "kind" || field.name == "id";
      }
      // The first event of a kind wins, as in eval::EventDecoder's map.
      by_kind_.emplace(decl->json_kind, static_cast<int32_t>(events_.size()));
    }
    events_.push_back(plan);
  }
}

int32_t SchemaPlans::Find(std::string_view kind) const {
  auto it = by_kind_.find(kind);
  return it == by_kind_.end() ? -1 : it->second;
}

const Plan* SchemaPlans::RecordPlan(const ast::Decl& decl) {
  if (auto it = memo_.find(&decl); it != memo_.end()) return it->second;
  Plan& plan = plans_.emplace_back();
  memo_[&decl] = &plan;  // before the fields: a record may reach itself through a list
  auto types = program_.field_types.find(&decl);
  bool is_record = decl.kind == ast::DeclKind::Record || decl.kind == ast::DeclKind::Event;
  if (!is_record || types == program_.field_types.end()) return &plan;  // Never
  plan.op = PlanOp::Record;
  const auto& fields = decl.As<ast::RecordDecl>().fields;
  for (size_t i = 0; i < fields.size() && i < types->second.size(); ++i) {
    const Type* type = types->second[i];
    plan.fields.push_back(PlanField{fields[i].name.name, nullptr, type->IsOptional()});
  }
  // Built after the vector is complete: PlanOf may add plans, never fields to this one.
  for (size_t i = 0; i < plan.fields.size(); ++i) plan.fields[i].plan = PlanOf(types->second[i]);
  return &plan;
}

const Plan* SchemaPlans::PlanOf(const Type* type) {
  if (type->kind == TypeKind::Record) return type->decl ? RecordPlan(*type->decl) : &plans_.emplace_back();
  if (auto it = memo_.find(type); it != memo_.end()) return it->second;
  Plan& plan = plans_.emplace_back();
  memo_[type] = &plan;
  switch (type->kind) {
    case TypeKind::Optional: plan.op = PlanOp::Optional; break;
    case TypeKind::Bool: plan.op = PlanOp::Bool; break;
    case TypeKind::Int: plan.op = PlanOp::Int; break;
    case TypeKind::Decimal: plan.op = PlanOp::Decimal; break;
    case TypeKind::Percent: plan.op = PlanOp::Percent; break;
    case TypeKind::String: plan.op = PlanOp::String; break;
    case TypeKind::Date: plan.op = PlanOp::Date; break;
    case TypeKind::Timestamp: plan.op = PlanOp::Timestamp; break;
    case TypeKind::Enum:
      plan.op = PlanOp::Enum;
      plan.spellings = eval::EnumSpellings(*type->decl);
      break;
    case TypeKind::List: plan.op = PlanOp::List; break;
    case TypeKind::Set: plan.op = PlanOp::Set; break;
    default: plan.op = PlanOp::Never; break;
  }
  if (plan.op == PlanOp::Optional || plan.op == PlanOp::List || plan.op == PlanOp::Set) {
    const Plan* element = PlanOf(type->element);
    plan.element = element;
    // Sets of these compare by their two words; any other element type is left to the slow decoder.
    switch (element->op) {
      case PlanOp::Bool: case PlanOp::Int: case PlanOp::Decimal: case PlanOp::Percent: case PlanOp::Date:
      case PlanOp::Timestamp: case PlanOp::Enum:
        plan.set_by_bits = true;
        break;
      default: break;
    }
  }
  return &plan;
}

}  // namespace charter::ingest
