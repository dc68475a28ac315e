// Lowering of declarations: the module's functions, globals, event kinds,
// rules and tests. Functions and globals are lowered when first referenced.
#include "compiler/ir/lowerer.h"

namespace charter::ir {

int32_t Module::FindEvent(const std::string& json_kind) const {
  for (size_t i = 0; i < events.size(); ++i) {
    if (events[i].json_kind == json_kind) return static_cast<int32_t>(i);
  }
  return -1;
}

std::unique_ptr<Module> Lower(CheckedProgram& program) {
  auto module = std::make_unique<Module>();
  module->program = &program;
  Lowerer(program, *module).Run();
  return module;
}

int32_t Lowerer::Bind(const std::string& name, const Type* type) {
  int32_t slot = Fresh();
  frame_->scopes.back()[name] = Local{slot, type};
  return slot;
}

int32_t Lowerer::Fresh() { return frame_->size++; }

const Lowerer::Local* Lowerer::Lookup(const std::string& name) const {
  for (auto scope = frame_->scopes.rbegin(); scope != frame_->scopes.rend(); ++scope) {
    if (auto it = scope->find(name); it != scope->end()) return &it->second;
  }
  return nullptr;
}

void Lowerer::Run() {
  const Program& program = *program_.program;
  for (FileId id : program.order) {
    for (const auto& decl : program.file(id).decls) {
      if (decl->kind == ast::DeclKind::Event) EventIndex(decl.get());
    }
  }
  for (FileId id : program.entries) {
    for (const auto& decl : program.file(id).decls) {
      if (decl->kind == ast::DeclKind::Rule) LowerRule(decl->As<ast::RuleDecl>());
    }
  }
  for (FileId id : program.entries) {
    for (const auto& decl : program.file(id).decls) {
      if (decl->kind == ast::DeclKind::Test) LowerTest(decl->As<ast::TestDecl>());
    }
  }
}

int32_t Lowerer::EventIndex(const ast::Decl* decl) {
  if (auto it = events_.find(decl); it != events_.end()) return it->second;
  const auto& event = decl->As<ast::EventDecl>();
  EventKind kind;
  kind.json_kind = event.json_kind;
  kind.decl = &event;
  kind.type = types_.Named(&event);
  module_.events.push_back(std::move(kind));
  return events_[decl] = static_cast<int32_t>(module_.events.size() - 1);
}

void Lowerer::LowerRule(const ast::RuleDecl& decl) {
  const ast::Decl* event = nullptr;
  for (const auto& [candidate, index] : events_) {
    if (candidate->name.name == decl.event.name && candidate->file == decl.file) event = candidate;
  }
  if (!event) {
    for (const auto& [candidate, index] : events_) {
      if (candidate->name.name == decl.event.name) event = candidate;
    }
  }
  if (!event) return;  // the checker reported it
  Rule rule;
  rule.name = decl.name.name;
  rule.decl = &decl;
  rule.event_kind = EventIndex(event);
  Frame frame;
  Frame* saved = frame_;
  frame_ = &frame;
  current_event_ = rule.event_kind;
  current_rule_ = static_cast<int32_t>(module_.rules.size());
  module_.rules.emplace_back();  // reserve the index sites refer to
  Bind("event", module_.events[rule.event_kind].type);
  if (decl.when) rule.guard = LowerExpr(*decl.when);
  rule.body = LowerBlock(decl.body);
  rule.frame_size = frame.size;
  frame_ = saved;
  module_.events[rule.event_kind].rules.push_back(current_rule_);
  module_.rules[current_rule_] = std::move(rule);
  current_rule_ = -1;
}

void Lowerer::LowerTest(const ast::TestDecl& decl) {
  if (!decl.given || !decl.given->type || decl.given->type->kind != TypeKind::Record) return;
  const ast::Decl* event = decl.given->type->decl;
  if (event->kind != ast::DeclKind::Event) return;
  TestCase test;
  test.title = decl.title;
  test.decl = &decl;
  test.event_kind = EventIndex(event);
  Frame frame;
  Frame* saved = frame_;
  frame_ = &frame;
  current_event_ = test.event_kind;
  test.given = LowerExpr(*decl.given);
  const EventOutputs& outputs = program_.outputs[event];
  for (const auto& expectation : decl.expectations) {
    Expectation lowered;
    lowered.kind = static_cast<ExpectKind>(expectation.kind);
    lowered.span = expectation.span;
    for (const auto& [code, span] : expectation.codes) lowered.codes.push_back(code);
    if (expectation.kind == ast::ExpectKind::Value && expectation.value) {
      lowered.value = ValueIndex(expectation.value_name.name);
      auto it = outputs.values.find(expectation.value_name.name);
      lowered.expected = Coerce(LowerExpr(*expectation.value), it != outputs.values.end() ? it->second : nullptr);
    }
    test.expectations.push_back(std::move(lowered));
  }
  test.frame_size = frame.size;
  frame_ = saved;
  current_event_ = -1;
  module_.tests.push_back(std::move(test));
}

int32_t Lowerer::FunctionIndex(const ast::Decl* decl) {
  if (auto it = functions_.find(decl); it != functions_.end()) return it->second;
  auto index = static_cast<int32_t>(module_.functions.size());
  functions_[decl] = index;
  module_.functions.emplace_back();  // reserved; lowering the body may add more
  Function fn;
  fn.name = decl->name.name;
  fn.decl = decl;
  Frame frame;
  Frame* saved = frame_;
  frame_ = &frame;
  switch (decl->kind) {
    case ast::DeclKind::Fn: LowerFunctionBody(fn, decl->As<ast::FnDecl>()); break;
    case ast::DeclKind::Quorum: LowerQuorum(fn, decl->As<ast::QuorumDecl>()); break;
    case ast::DeclKind::Vote: LowerVote(fn, decl->As<ast::VoteDecl>()); break;
    case ast::DeclKind::Threshold: LowerThreshold(fn, decl->As<ast::ThresholdDecl>()); break;
    default: break;
  }
  fn.frame_size = frame.size;
  frame_ = saved;
  module_.functions[index] = std::move(fn);
  return index;
}

void Lowerer::LowerFunctionBody(Function& fn, const ast::FnDecl& decl) {
  fn.params = program_.param_types[&decl];
  fn.result = program_.decl_types[&decl];
  for (size_t i = 0; i < decl.params.size(); ++i) Bind(decl.params[i].name.name, fn.params[i]);
  // `let`s before the body nest around it: let a = x; let b = y; body.
  std::vector<std::pair<int32_t, ExprPtr>> lets;
  for (const auto& let : decl.lets) {
    const Type* type = program_.let_types[let.get()];
    ExprPtr value = Coerce(LowerExpr(*let->value), type);
    lets.emplace_back(Bind(let->name.name, type), std::move(value));
  }
  ExprPtr body = Coerce(LowerExpr(*decl.body), fn.result);
  for (auto it = lets.rbegin(); it != lets.rend(); ++it) {
    const Type* type = body->type;
    Span span = body->span;
    std::vector<ExprPtr> args;
    args.push_back(std::move(it->second));
    args.push_back(std::move(body));
    body = Make(Op::LetIn, type, span, std::move(args));
    body->slot = it->first;
  }
  fn.body = std::move(body);
}

int32_t Lowerer::GlobalIndex(const ast::Decl* decl) {
  if (auto it = globals_.find(decl); it != globals_.end()) return it->second;
  auto index = static_cast<int32_t>(module_.globals.size());
  globals_[decl] = index;
  module_.globals.emplace_back();
  Global global;
  global.name = decl->name.name;
  Frame frame;
  Frame* saved = frame_;
  frame_ = &frame;
  if (decl->kind == ast::DeclKind::Const) {
    const auto& constant = decl->As<ast::ConstDecl>();
    global.type = program_.decl_types[decl];
    global.init = Coerce(LowerExpr(*constant.value), global.type);
  } else {
    // A tier's rows, indexed by member: `event.tier.rfc` reads row[tier].rfc.
    const auto& tier = decl->As<ast::TierDecl>();
    const Type* row = program_.decl_types[decl];
    global.name = tier.name.name + ".rows";
    global.type = types_.List(row);
    std::vector<ExprPtr> rows;
    const auto& record = row->decl->As<ast::RecordDecl>();
    for (const auto& r : tier.rows) {
      std::vector<ExprPtr> fields;
      for (size_t f = 0; f < record.fields.size(); ++f) {
        const ast::FieldInit* init = nullptr;
        for (const auto& candidate : r.fields) {
          if (candidate.name.name == record.fields[f].name.name) init = &candidate;
        }
        const Type* field_type = FieldType(&record, static_cast<int32_t>(f));
        fields.push_back(init ? Coerce(LowerExpr(*init->value), field_type) : Make(Op::ConstNone, field_type, r.span));
      }
      rows.push_back(Make(Op::MakeRecord, row, r.span, std::move(fields)));
    }
    global.init = Make(Op::MakeList, global.type, tier.span, std::move(rows));
  }
  global.frame_size = frame.size;
  frame_ = saved;
  module_.globals[index] = std::move(global);
  return index;
}

int32_t Lowerer::BuiltinIndex(const ast::FnDecl& decl) const {
  struct Builtin {
    const char* module;
    const char* name;
  };
  static const Builtin kBuiltins[] = {
#define BUILTIN(module, name, signature, symbol) {module, name},
#include "compiler/check/builtins.def"
#undef BUILTIN
  };
  std::string module = program_.program->file(decl.file).DottedName();
  for (size_t i = 0; i < std::size(kBuiltins); ++i) {
    if (module == kBuiltins[i].module && decl.name.name == kBuiltins[i].name) return static_cast<int32_t>(i);
  }
  return -1;
}

const Type* Lowerer::FieldType(const ast::Decl* record, int32_t field) const {
  auto it = program_.field_types.find(record);
  if (it == program_.field_types.end() || field < 0 || static_cast<size_t>(field) >= it->second.size()) {
    return types_.Error();
  }
  return it->second[field];
}

int32_t Lowerer::FieldIndex(const ast::RecordDecl& record, const std::string& name) {
  for (size_t i = 0; i < record.fields.size(); ++i) {
    if (record.fields[i].name.name == name) return static_cast<int32_t>(i);
  }
  return -1;
}

int32_t Lowerer::MemberIndex(const ast::Decl* enum_decl, const std::string& name) {
  if (enum_decl->kind == ast::DeclKind::Enum) {
    const auto& members = enum_decl->As<ast::EnumDecl>().members;
    for (size_t i = 0; i < members.size(); ++i) {
      if (members[i].name.name == name) return static_cast<int32_t>(i);
    }
  } else if (enum_decl->kind == ast::DeclKind::Tier) {
    const auto& rows = enum_decl->As<ast::TierDecl>().rows;
    for (size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].member.name == name) return static_cast<int32_t>(i);
    }
  }
  return -1;
}

}  // namespace charter::ir
