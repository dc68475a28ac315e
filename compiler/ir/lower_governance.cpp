// Governance declarations become ordinary IR functions of their ballots (or
// input): a quorum counts, a vote builds its tally, a threshold picks a band.
#include "compiler/ir/lowerer.h"

namespace charter::ir {

// element.field is one of `members`.
ExprPtr Lowerer::FieldIs(int32_t element_slot, const Type* element, int32_t field, const std::vector<int32_t>& members) {
  const Type* field_type = FieldType(element->decl, field);
  ExprPtr any;
  for (int32_t member : members) {
    ExprPtr read = Make(Op::Field, field_type, Span{});
    read->imm = field;
    read->args.push_back(LocalRef(element_slot, element, Span{}));
    any = Or(std::move(any), Compare(Cmp::Eq, std::move(read), ConstInt(member, field_type, Span{}), Span{}));
  }
  return any ? std::move(any) : ConstBool(false, Span{});
}

static ExprPtr CountWhere(ExprPtr list, int32_t slot, ExprPtr pred, const Type* int_type) {
  auto count = std::make_unique<Expr>();
  count->op = Op::CountIf;
  count->type = int_type;
  count->slot = slot;
  count->args.push_back(std::move(list));
  count->args.push_back(std::move(pred));
  return count;
}

void Lowerer::LowerQuorum(Function& fn, const ast::QuorumDecl& decl) {
  const auto& params = program_.param_types[&decl];
  if (params.empty()) return;
  const Type* list = params[0];
  const Type* ballot = list->element;
  const ast::Decl* ballot_decl = ballot->decl;
  fn.params = {list};
  fn.result = types_.Bool();
  int32_t ballots_slot = Bind("ballots", list);
  int32_t element = Fresh();
  int32_t role_field = FieldIndex(ballot_decl->As<ast::RecordDecl>(), decl.role_field.name);
  const ast::Decl* roles = FieldType(ballot_decl, role_field)->decl;
  ExprPtr all;
  for (const auto& clause : decl.clauses) {
    ExprPtr count;
    if (clause.total) {
      count = Make(Op::Length, types_.Int(), clause.span);
      count->args.push_back(LocalRef(ballots_slot, list, clause.span));
    } else {
      count = CountWhere(LocalRef(ballots_slot, list, clause.span), element,
                         FieldIs(element, ballot, role_field, {MemberIndex(roles, clause.role.name)}), types_.Int());
    }
    all = And(std::move(all), Compare(Cmp::Ge, std::move(count), Coerce(LowerExpr(*clause.count), types_.Int()),
                                      clause.span));
  }
  fn.body = all ? std::move(all) : ConstBool(true, decl.span);
}

void Lowerer::LowerVote(Function& fn, const ast::VoteDecl& decl) {
  const auto& params = program_.param_types[&decl];
  if (params.empty()) return;
  const Type* list = params[0];
  const Type* ballot = list->element;
  const ast::Decl* ballot_decl = ballot->decl;
  const auto& record = ballot_decl->As<ast::RecordDecl>();
  const Type* tally = types_.Tally(&decl);
  const Type* int_type = types_.Int();
  fn.params = {list};
  fn.result = tally;
  int32_t ballots_slot = Bind("ballots", list);
  int32_t choice_field = FieldIndex(record, decl.choice_field.name);
  const ast::Decl* choices = FieldType(ballot_decl, choice_field)->decl;
  int32_t role_field = decl.role_field ? FieldIndex(record, decl.role_field->name) : -1;
  const ast::Decl* roles = role_field >= 0 ? FieldType(ballot_decl, role_field)->decl : nullptr;
  std::map<std::string, std::vector<int32_t>> category;  // approve/reject/table → choice members
  for (const auto& c : decl.categories) {
    for (const auto& member : c.members) category[c.category.name].push_back(MemberIndex(choices, member.name));
  }
  auto ballots = [&] { return LocalRef(ballots_slot, list, decl.span); };
  auto count_in = [&](const std::string& name) {
    int32_t element = Fresh();
    return CountWhere(ballots(), element, FieldIs(element, ballot, choice_field, category[name]), int_type);
  };
  // Some ballot of `role_members` voted in `category_name`.
  auto any_of = [&](const std::vector<int32_t>& role_members, const std::string& category_name) {
    int32_t element = Fresh();
    ExprPtr any = Make(Op::Any, types_.Bool(), decl.span);
    any->slot = element;
    any->args.push_back(ballots());
    any->args.push_back(And(FieldIs(element, ballot, role_field, role_members),
                            FieldIs(element, ballot, choice_field, category[category_name])));
    return any;
  };
  // Bind the counts by name, as the checker did, so the clauses can read them.
  std::vector<std::pair<int32_t, ExprPtr>> lets;
  for (const char* name : {"approve", "reject", "table"}) {
    ExprPtr count = count_in(name);
    lets.emplace_back(Bind(name, int_type), std::move(count));
  }
  ExprPtr cast = Make(Op::Length, int_type, decl.span);
  cast->args.push_back(ballots());
  lets.emplace_back(Bind("cast", int_type), std::move(cast));
  int32_t approve = lets[0].first, cast_slot = lets[3].first;

  ExprPtr passes = decl.pass ? LowerExpr(*decl.pass) : ConstBool(false, decl.span);
  if (decl.tie && decl.tie_role && roles) {
    passes = Or(std::move(passes),
                And(LowerExpr(*decl.tie), any_of({MemberIndex(roles, decl.tie_role->name)}, "approve")));
  }
  int32_t passes_slot = Bind("passes", types_.Bool());
  lets.emplace_back(passes_slot, std::move(passes));

  std::vector<ExprPtr> fields;
  for (int32_t slot : {lets[0].first, lets[1].first, lets[2].first, cast_slot}) {
    fields.push_back(LocalRef(slot, int_type, decl.span));
  }
  fields.push_back(LocalRef(passes_slot, types_.Bool(), decl.span));
  std::vector<int32_t> protected_roles;
  for (const auto& role : decl.protected_roles) {
    if (roles) protected_roles.push_back(MemberIndex(roles, role.name));
  }
  fields.push_back(protected_roles.empty()
                       ? ConstBool(false, decl.span)
                       : And(LocalRef(passes_slot, types_.Bool(), decl.span), any_of(protected_roles, "reject")));
  fields.push_back(decl.tabled ? LowerExpr(*decl.tabled) : ConstBool(false, decl.span));
  fields.push_back(And(Compare(Cmp::Gt, LocalRef(cast_slot, int_type, decl.span), ConstInt(0, int_type, decl.span),
                               decl.span),
                       Compare(Cmp::Eq, LocalRef(approve, int_type, decl.span), LocalRef(cast_slot, int_type, decl.span),
                               decl.span)));
  ExprPtr body = Make(Op::MakeRecord, tally, decl.span, std::move(fields));
  for (auto it = lets.rbegin(); it != lets.rend(); ++it) {
    ExprPtr let = Make(Op::LetIn, tally, decl.span);
    let->slot = it->first;
    let->args.push_back(std::move(it->second));
    let->args.push_back(std::move(body));
    body = std::move(let);
  }
  fn.body = std::move(body);
}

void Lowerer::LowerThreshold(Function& fn, const ast::ThresholdDecl& decl) {
  const auto& params = program_.param_types[&decl];
  const Type* input = params.empty() ? types_.Error() : params[0];
  fn.params = {input};
  fn.result = program_.decl_types[&decl];
  int32_t x = Bind(decl.param.name.name, input);
  // No band holds: the input is outside the domain the checker covered.
  ExprPtr result = Make(Op::Fail, fn.result, decl.span);
  result->str = "`" + decl.name.name + "` has no band for " + decl.param.name.name;
  result->args.push_back(LocalRef(x, input, decl.span));
  for (auto band = decl.bands.rbegin(); band != decl.bands.rend(); ++band) {
    ExprPtr value = Coerce(LowerExpr(*band->result), fn.result);
    if (band->is_else) {
      result = std::move(value);
      continue;
    }
    ExprPtr cond;
    for (const auto& bound : band->bounds) {
      static const Cmp kCmp[] = {Cmp::Lt, Cmp::Le, Cmp::Gt, Cmp::Ge};
      cond = And(std::move(cond), Compare(kCmp[static_cast<int>(bound.op)], LocalRef(x, input, bound.span),
                                          Coerce(LowerExpr(*bound.value), input), bound.span));
    }
    ExprPtr pick = Make(Op::If, fn.result, band->span);
    pick->args.push_back(cond ? std::move(cond) : ConstBool(true, band->span));
    pick->args.push_back(std::move(value));
    pick->args.push_back(std::move(result));
    result = std::move(pick);
  }
  fn.body = std::move(result);
}

}  // namespace charter::ir
