// Declarations: collecting names per file, resolving types, and checking
// enums, records, events, constants, functions, rules and tests.
#include <algorithm>

#include "compiler/check/checker.h"

namespace charter {

std::unique_ptr<CheckedProgram> Check(std::unique_ptr<Program> program, DiagnosticSink& diags,
                                      const CheckOptions& options) {
  auto out = std::make_unique<CheckedProgram>();
  out->program = std::move(program);
  Checker checker(*out, diags, options);
  checker.Run();
  return out;
}

void Checker::Run() {
  for (FileId id : program_.order) CollectGlobals(program_.file(id));
  CheckKindsAcrossFiles();
  for (FileId id : program_.order) CheckFile(program_.file(id));
  CheckRecursion();
  ReportUnused();
}

// Policies given together decide one stream: each JSON kind must mean one event.
void Checker::CheckKindsAcrossFiles() {
  std::map<std::string, const ast::EventDecl*> json_kinds;
  for (FileId id : program_.order) {
    for (const auto& decl : program_.file(id).decls) {
      if (decl->kind != ast::DeclKind::Event) continue;
      const auto& event = decl->As<ast::EventDecl>();
      auto [it, inserted] = json_kinds.emplace(event.json_kind, &event);
      if (inserted || it->second->file == event.file) continue;  // same file: reported with its globals
      const SourceManager& sources = program_.sources;
      auto& diag = diags_.Report(DiagKind::DuplicateEventKind, event.json_kind_span,
                                 "JSON kind \"" + event.json_kind + "\" is declared by both `" +
                                     sources.Get(it->second->file).path() + "` and `" +
                                     sources.Get(event.file).path() + "`");
      diag.labels.push_back({it->second->json_kind_span, "first declared here"});
      diag.notes.push_back("policies evaluated together must not declare the same event kind");
    }
  }
}

void Checker::CollectGlobals(const ast::File& file) {
  auto& table = globals_[file.id];
  const auto& imports = program_.resolved_imports[file.id];
  for (size_t i = 0; i < file.imports.size(); ++i) {
    const ast::Import& import = file.imports[i];
    FileId module = i < imports.size() ? imports[i] : kNoFile;
    if (module == kNoFile) continue;
    const ast::Ident& name = import.LocalName();
    if (table.count(name.name)) {
      diags_.Report(DiagKind::DuplicateDefinition, name.span, "module name `" + name.name + "` is imported twice");
      continue;
    }
    table[name.name] = GlobalSymbol{nullptr, module, import.span};
  }
  std::map<std::string, const ast::EventDecl*> json_kinds;
  for (const auto& decl : file.decls) {
    if (decl->kind == ast::DeclKind::Rule || decl->kind == ast::DeclKind::Test) continue;
    const std::string& name = decl->name.name;
    if (auto it = table.find(name); it != table.end()) {
      auto& diag = diags_.Report(DiagKind::DuplicateDefinition, decl->name.span, "`" + name + "` is defined twice");
      Span first = it->second.decl ? it->second.decl->name.span : it->second.import_span;
      diag.labels.push_back({first, "first defined here"});
      continue;
    }
    table[name] = GlobalSymbol{decl.get(), kNoFile, {}};
    if (decl->kind == ast::DeclKind::Event) {
      const auto& event = decl->As<ast::EventDecl>();
      auto [it, inserted] = json_kinds.emplace(event.json_kind, &event);
      if (!inserted) {
        auto& diag = diags_.Report(DiagKind::DuplicateEventKind, event.json_kind_span,
                                   "events `" + it->second->name.name + "` and `" + event.name.name +
                                       "` are both bound to JSON kind \"" + event.json_kind + "\"");
        diag.labels.push_back({it->second->json_kind_span, "first bound here"});
      }
    }
  }
  // Rules need unique names too: the trace and coverage report name them.
  std::map<std::string, const ast::Decl*> rules;
  for (const auto& decl : file.decls) {
    if (decl->kind != ast::DeclKind::Rule && decl->kind != ast::DeclKind::Test) continue;
    std::string key = std::string(ast::DeclKindName(decl->kind)) + " " + decl->name.name;
    auto [it, inserted] = rules.emplace(key, decl.get());
    if (!inserted) {
      auto& diag = diags_.Report(DiagKind::DuplicateDefinition, decl->name.span,
                                 std::string(ast::DeclKindName(decl->kind)) + " `" + decl->name.name + "` is defined twice");
      diag.labels.push_back({it->second->name.span, "first defined here"});
    }
  }
}

const GlobalSymbol* Checker::LookupGlobal(const std::string& name) {
  auto& table = globals_[file_->id];
  auto it = table.find(name);
  return it == table.end() ? nullptr : &it->second;
}

const ast::Decl* Checker::LookupDecl(const std::string& name) {
  const GlobalSymbol* symbol = LookupGlobal(name);
  return symbol ? symbol->decl : nullptr;
}

std::vector<std::string> Checker::GlobalNames() const {
  std::vector<std::string> names;
  for (const auto& [name, symbol] : globals_.at(file_->id)) names.push_back(name);
  return names;
}

void Checker::MarkUsed(const ast::Decl* decl) {
  if (decl && decl != current_decl_) used_.insert(decl);
}

const Type* Checker::ResolveType(const ast::TypeRef& ref) {
  if (ref.name.name.empty()) return types_.Error();
  const Type* type = nullptr;
  const std::string& name = ref.name.name;
  if (name == "list" || name == "set") {
    if (ref.args.size() != 1) {
      diags_.Report(DiagKind::BadTypeArguments, ref.span, "`" + name + "` takes one element type, as in `" + name + "<string>`");
      return types_.Error();
    }
    const Type* element = ResolveType(ref.args[0]);
    type = name == "list" ? types_.List(element) : types_.Set(element);
  } else {
    if (!ref.args.empty()) {
      diags_.Report(DiagKind::BadTypeArguments, ref.span, "`" + name + "` takes no type arguments");
    }
    type = types_.Builtin(name);
    if (!type) {
      const ast::Decl* decl = LookupDecl(name);
      if (DeclaresType(decl)) {
        MarkUsed(decl);
        type = types_.Named(decl);
      }
    }
    if (!type) {
      std::vector<std::string> candidates = {"bool", "int", "decimal", "percent", "string", "date", "timestamp",
                                             "duration", "list", "set"};
      for (const auto& [n, symbol] : globals_[file_->id]) {
        if (DeclaresType(symbol.decl)) {
          candidates.push_back(n);
        }
      }
      auto& diag = diags_.Report(DiagKind::UnknownType, ref.name.span, "unknown type `" + name + "`");
      diag.SuggestClosest(ref.name.span, name, candidates);
      return types_.Error();
    }
  }
  return ref.optional ? types_.Optional(type) : type;
}

const Type* Checker::ResolveTypeIn(const ast::Decl& owner, const ast::TypeRef& ref) {
  const ast::File* saved = file_;
  file_ = &program_.file(owner.file);
  const Type* type = ResolveType(ref);
  file_ = saved;
  return type;
}

void Checker::CheckFile(const ast::File& file) {
  file_ = &file;
  if (file.role == ast::FileRole::Module) {
    // Modules are libraries: decisions live in policies, which import them.
    for (const auto& decl : file.decls) {
      if (decl->kind != ast::DeclKind::Event && decl->kind != ast::DeclKind::Rule && decl->kind != ast::DeclKind::Test) {
        continue;
      }
      diags_.Report(DiagKind::ModuleDeclaresRules, decl->name.span,
                    std::string("module `") + file.DottedName() + "` declares " + ast::DeclKindName(decl->kind) + " `" +
                        decl->name.name + "`; events, rules and tests belong in a `policy` file");
    }
  }
  // Tests last: they are checked against what the rules produce.
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& decl : file.decls) {
      if ((decl->kind == ast::DeclKind::Test) != (pass == 1)) continue;
      current_decl_ = decl.get();
      switch (decl->kind) {
        case ast::DeclKind::Enum: {
          std::map<std::string, Span> seen;
          for (const auto& member : decl->As<ast::EnumDecl>().members) {
            auto [it, inserted] = seen.emplace(member.name.name, member.name.span);
            if (!inserted) {
              diags_.Report(DiagKind::DuplicateDefinition, member.name.span,
                            "enum member `" + member.name.name + "` is listed twice")
                  .labels.push_back({it->second, "first listed here"});
            }
          }
          break;
        }
        case ast::DeclKind::Record: CheckRecordFields(decl->As<ast::RecordDecl>()); break;
        case ast::DeclKind::Event: CheckEvent(decl->As<ast::EventDecl>()); break;
        case ast::DeclKind::Const: ConstType(decl->As<ast::ConstDecl>()); break;
        case ast::DeclKind::Fn: CheckFn(decl->As<ast::FnDecl>()); break;
        case ast::DeclKind::ExternFn: CheckExternFn(decl->As<ast::FnDecl>()); break;
        case ast::DeclKind::Tier: CheckTier(decl->As<ast::TierDecl>()); break;
        case ast::DeclKind::Quorum: CheckQuorum(decl->As<ast::QuorumDecl>()); break;
        case ast::DeclKind::Vote: CheckVote(decl->As<ast::VoteDecl>()); break;
        case ast::DeclKind::Threshold: CheckThreshold(decl->As<ast::ThresholdDecl>()); break;
        case ast::DeclKind::Rule: CheckRule(decl->As<ast::RuleDecl>()); break;
        case ast::DeclKind::Test: CheckTest(decl->As<ast::TestDecl>()); break;
      }
      current_decl_ = nullptr;
    }
  }
}

void Checker::CheckRecordFields(const ast::RecordDecl& decl) {
  std::map<std::string, Span> seen;
  auto& field_types = out_.field_types[&decl];
  field_types.clear();
  for (const auto& field : decl.fields) {
    field_types.push_back(ResolveType(field.type));
    auto [it, inserted] = seen.emplace(field.name.name, field.name.span);
    if (!inserted) {
      diags_.Report(DiagKind::DuplicateDefinition, field.name.span, "field `" + field.name.name + "` is declared twice")
          .labels.push_back({it->second, "first declared here"});
    }
  }
}

void Checker::CheckEvent(const ast::EventDecl& decl) {
  CheckRecordFields(decl);
  // An event's JSON `kind` selects its declaration and `id` names its decision: a field of
  // that name would read the same key as something else, and every event would fail to decode.
  for (const auto& field : decl.fields) {
    if (field.name.name == "kind") {
      std::string renamed = decl.name.name + "_kind";
      auto& diag = diags_.Report(DiagKind::ReservedEventField, field.name.span,
                                 "an event cannot declare a field `kind`: the JSON key \"kind\" selects the event "
                                 "type (here \"" + decl.json_kind + "\")");
      diag.notes.push_back("send the value under another key and name the field after it, e.g. `" + renamed + "`");
      diag.fix = FixIt{field.name.span, renamed, "rename to `" + renamed + "`"};
    } else if (field.name.name == "id" && !(field.type.name.name == "string" && field.type.args.empty())) {
      auto& diag = diags_.Report(DiagKind::ReservedEventField, field.type.span,
                                 "an event's `id` is the decision's identifier and is a `string` (or `string?`), not `" +
                                     ast::TypeRefText(field.type) + "`");
      diag.fix = FixIt{field.type.name.span, "string", "declare it `string`"};
    }
  }
  out_.outputs[&decl];  // an event with no rules still has (empty) outputs
}

const Type* Checker::ConstType(const ast::ConstDecl& decl) {
  if (auto it = out_.decl_types.find(&decl); it != out_.decl_types.end()) return it->second;
  if (checking_consts_.count(&decl)) {
    diags_.Report(DiagKind::Recursion, decl.name.span, "constant `" + decl.name.name + "` is defined in terms of itself");
    return out_.decl_types[&decl] = types_.Error();
  }
  checking_consts_.insert(&decl);
  const ast::File* saved_file = file_;
  file_ = &program_.file(decl.file);
  const ast::Decl* saved_decl = current_decl_;
  current_decl_ = &decl;
  auto saved_scopes = std::move(scopes_);
  scopes_.clear();
  const Type* declared = decl.type ? ResolveType(*decl.type) : nullptr;
  const Type* actual = CheckExpr(*decl.value, declared);
  if (declared) ExpectType(*decl.value, actual, declared, "constant `" + decl.name.name + "`");
  scopes_ = std::move(saved_scopes);
  current_decl_ = saved_decl;
  file_ = saved_file;
  checking_consts_.erase(&decl);
  return out_.decl_types[&decl] = declared ? declared : actual;
}

const Type* Checker::FnResultType(const ast::FnDecl& decl) {
  if (auto it = out_.decl_types.find(&decl); it != out_.decl_types.end()) return it->second;
  return out_.decl_types[&decl] = ResolveTypeIn(decl, decl.result);
}

void Checker::CheckFn(const ast::FnDecl& decl) {
  const Type* result = FnResultType(decl);
  PushScope();
  auto& param_types = out_.param_types[&decl];
  param_types.clear();
  for (const auto& param : decl.params) {
    param_types.push_back(ResolveType(param.type));
    Bind(param.name, param_types.back());
  }
  for (const auto& let : decl.lets) CheckLet(*let);
  const Type* body = CheckExpr(*decl.body, result);
  ExpectType(*decl.body, body, result, "the result of `" + decl.name.name + "`");
  PopScope();
}

void Checker::CheckExternFn(const ast::FnDecl& decl) {
  const Type* result = FnResultType(decl);
  std::string signature = "(";
  auto& param_types = out_.param_types[&decl];
  param_types.clear();
  for (size_t i = 0; i < decl.params.size(); ++i) {
    param_types.push_back(ResolveType(decl.params[i].type));
    signature += (i ? ", " : "") + param_types.back()->Name();
  }
  signature += ") -> " + result->Name();
  std::string module = file_->DottedName();
  struct Builtin {
    const char* module;
    const char* name;
    const char* signature;
  };
  static const Builtin kBuiltins[] = {
#define BUILTIN(module, name, signature, symbol) {module, name, signature},
#include "compiler/check/builtins.def"
#undef BUILTIN
  };
  for (const auto& builtin : kBuiltins) {
    if (module != builtin.module || decl.name.name != builtin.name) continue;
    if (signature != builtin.signature) {
      diags_.Report(DiagKind::ExternMismatch, decl.span,
                    "extern `" + decl.name.name + "` is declared as `" + signature + "` but the builtin is `" +
                        builtin.signature + "`");
    }
    return;
  }
  diags_.Report(DiagKind::ExternMismatch, decl.name.span,
                "no builtin `" + decl.name.name + "` exists in module `" + (module.empty() ? "<unnamed>" : module) + "`")
      .notes.push_back("extern functions bind to the runtime's builtins; only stdlib modules declare them");
}

void Checker::CheckRule(const ast::RuleDecl& decl) {
  const ast::Decl* target = LookupDecl(decl.event.name);
  if (!target || target->kind != ast::DeclKind::Event) {
    std::vector<std::string> events;
    for (const auto& [name, symbol] : globals_[file_->id]) {
      if (symbol.decl && symbol.decl->kind == ast::DeclKind::Event) events.push_back(name);
    }
    auto& diag = diags_.Report(DiagKind::UnknownEventKind, decl.event.span,
                               "rule `" + decl.name.name + "` applies to `" + decl.event.name + "`, which is not an event");
    diag.SuggestClosest(decl.event.span, decl.event.name, events);
    // Check the body anyway so that its own errors are reported.
    current_event_ = nullptr;
  } else {
    MarkUsed(target);
    current_event_ = &target->As<ast::EventDecl>();
  }
  EventOutputs scratch;
  current_outputs_ = current_event_ ? &out_.outputs[current_event_] : &scratch;
  PushScope();
  Bind(ast::Ident{"event", decl.event.span}, current_event_ ? types_.Named(current_event_) : types_.Error());
  if (decl.when) {
    CheckCondition(*decl.when);
    WithFacts(FactsOf(*decl.when).when_true, [&] { CheckBlock(decl.body); });
  } else {
    CheckBlock(decl.body);
  }
  PopScope();
  current_event_ = nullptr;
  current_outputs_ = nullptr;
}

void Checker::CheckTest(const ast::TestDecl& decl) {
  const Type* given = CheckExpr(*decl.given);
  const EventOutputs* outputs = nullptr;
  if (given->kind == TypeKind::Record && given->decl->kind == ast::DeclKind::Event) {
    outputs = &out_.outputs[given->decl];
  } else if (!given->IsError()) {
    diags_.Report(DiagKind::TestGiven, decl.given->span,
                  "a test is given an event, such as `change { ... }`, not a `" + given->Name() + "`");
  }
  for (const auto& expect : decl.expectations) {
    if (!outputs) continue;
    const std::set<std::string>* pool = nullptr;
    const char* what = "";
    switch (expect.kind) {
      case ast::ExpectKind::Deny:
      case ast::ExpectKind::NotReason: pool = &outputs->reasons; what = "reason"; break;
      case ast::ExpectKind::Warn:
      case ast::ExpectKind::NoWarn: pool = &outputs->warnings; what = "warning"; break;
      case ast::ExpectKind::Oblige:
      case ast::ExpectKind::NoOblige: pool = &outputs->obligations; what = "obligation"; break;
      case ast::ExpectKind::Allow: break;
      case ast::ExpectKind::Value: {
        auto it = outputs->values.find(expect.value_name.name);
        if (it == outputs->values.end()) {
          std::vector<std::string> names;
          for (const auto& [name, type] : outputs->values) names.push_back(name);
          auto& diag = diags_.Report(DiagKind::UnknownValueName, expect.value_name.span,
                                     "no rule on `" + given->decl->name.name + "` sets a value `" +
                                         expect.value_name.name + "`");
          diag.SuggestClosest(expect.value_name.span, expect.value_name.name, names);
          CheckExpr(*expect.value);
        } else {
          const Type* actual = CheckExpr(*expect.value, it->second);
          ExpectType(*expect.value, actual, it->second, "value `" + expect.value_name.name + "`");
        }
        break;
      }
    }
    if (!pool) continue;
    for (const auto& [code, span] : expect.codes) {
      if (pool->count(code)) continue;
      auto& diag = diags_.Report(DiagKind::UnknownReasonCode, span,
                                 std::string("no rule on `") + given->decl->name.name + "` produces the " + what +
                                     " \"" + code + "\"");
      if (auto best = ClosestMatch(code, std::vector<std::string>(pool->begin(), pool->end()))) {
        diag.fix = FixIt{span, "\"" + *best + "\"", "did you mean \"" + *best + "\"?"};
      }
    }
  }
}

}  // namespace charter
