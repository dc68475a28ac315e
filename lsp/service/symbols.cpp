#include "lsp/service/symbols.h"

#include <algorithm>

namespace charter::lsp {
namespace {

using namespace ast;

// Walks one file's declarations and records every name it can resolve.
class Indexer {
 public:
  Indexer(const CheckedProgram& checked, const File& file, std::vector<Occurrence>& out)
      : checked_(checked), program_(*checked.program), file_(file), out_(out) {}

  void Run() {
    const auto& imports = file_.imports;
    auto resolved = program_.resolved_imports.find(file_.id);
    for (size_t i = 0; i < imports.size(); ++i) {
      FileId module = resolved != program_.resolved_imports.end() && i < resolved->second.size()
                          ? resolved->second[i]
                          : kNoFile;
      if (module == kNoFile || imports[i].path.empty()) continue;
      SymbolId id{SymKind::Module, nullptr, static_cast<int>(module), {}, imports[i].LocalName().name};
      Add(imports[i].LocalName().span, id, true);
    }
    for (const auto& decl : file_.decls) Decl(*decl);
  }

 private:
  void Add(const Span& span, const SymbolId& target, bool definition = false, const Type* type = nullptr) {
    if (!span.valid() || span.length == 0) return;
    out_.push_back({span, target, definition, type});
  }

  const ast::Decl* LookupType(const std::string& name) const {
    for (const auto& d : file_.decls) {
      if (d->name.name == name && d->kind != DeclKind::Test) return d.get();
    }
    auto resolved = program_.resolved_imports.find(file_.id);
    if (resolved != program_.resolved_imports.end()) {
      for (FileId module : resolved->second) {
        if (module == kNoFile) continue;
        for (const auto& d : program_.file(module).decls) {
          if (d->name.name == name) return d.get();
        }
      }
    }
    return nullptr;
  }

  void TypeRefs(const TypeRef& type) {
    if (const ast::Decl* decl = LookupType(type.name.name)) Add(type.name.span, {SymKind::Decl, decl});
    for (const auto& arg : type.args) TypeRefs(arg);
  }

  // The record whose fields `.name` reads on a value of `type` (a tier reads its row record).
  const RecordDecl* RecordOf(const Type* type) const {
    while (type && (type->kind == TypeKind::Optional || type->kind == TypeKind::List || type->kind == TypeKind::Set)) {
      if (type->kind != TypeKind::Optional) return nullptr;
      type = type->element;
    }
    if (!type || !type->decl) return nullptr;
    if (type->kind == TypeKind::Record) return &type->decl->As<RecordDecl>();
    if (type->kind == TypeKind::Enum && type->decl->kind == DeclKind::Tier) {
      const ast::Decl* row = LookupType(type->decl->As<TierDecl>().row_type.name.name);
      if (row && (row->kind == DeclKind::Record || row->kind == DeclKind::Event)) return &row->As<RecordDecl>();
    }
    return nullptr;
  }

  void FieldRef(const RecordDecl* record, const Ident& name, const Type* type = nullptr) {
    if (!record) return;
    for (size_t i = 0; i < record->fields.size(); ++i) {
      if (record->fields[i].name.name == name.name) {
        Add(name.span, {SymKind::Field, record, static_cast<int>(i)}, false, type);
        return;
      }
    }
  }

  void MemberRef(const ast::Decl* enum_decl, const Ident& name) {
    if (!enum_decl) return;
    int index = MemberIndex(enum_decl, name.name);
    if (index >= 0) Add(name.span, {SymKind::EnumMember, enum_decl, index});
  }

  static int MemberIndex(const ast::Decl* enum_decl, const std::string& name) {
    if (enum_decl->kind == DeclKind::Enum) {
      const auto& members = enum_decl->As<EnumDecl>().members;
      for (size_t i = 0; i < members.size(); ++i) {
        if (members[i].name.name == name) return static_cast<int>(i);
      }
    } else if (enum_decl->kind == DeclKind::Tier) {
      const auto& rows = enum_decl->As<TierDecl>().rows;
      for (size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].member.name == name) return static_cast<int>(i);
      }
    }
    return -1;
  }

  void Local(const Ident& name, const Type* type = nullptr) {
    Add(name.span, {SymKind::Local, nullptr, -1, name.span, name.name}, true, type);
  }

  void Reason(const ast::Reason& reason, bool definition) { Code(reason.code, reason.code_span, definition); }

  void Code(const std::string& code, const Span& quoted, bool definition) {
    if (!quoted.valid() || quoted.length < 2) return;
    Span inner = quoted;
    inner.offset += 1;
    inner.column += 1;
    inner.length -= 2;
    SymbolId id{SymKind::ReasonCode, nullptr, -1, {}, code};
    if (inner.length == 0) return;
    out_.push_back({inner, id, definition, nullptr});
  }

  void Decl(const ast::Decl& decl) {
    if (decl.kind != DeclKind::Test) Add(decl.name.span, {SymKind::Decl, &decl}, true);
    current_ = &decl;
    switch (decl.kind) {
      case DeclKind::Enum: {
        const auto& members = decl.As<EnumDecl>().members;
        for (size_t i = 0; i < members.size(); ++i) {
          Add(members[i].name.span, {SymKind::EnumMember, &decl, static_cast<int>(i)}, true);
        }
        break;
      }
      case DeclKind::Record:
      case DeclKind::Event: {
        const auto& fields = decl.As<RecordDecl>().fields;
        auto types = checked_.field_types.find(&decl);
        for (size_t i = 0; i < fields.size(); ++i) {
          const Type* type = types != checked_.field_types.end() && i < types->second.size() ? types->second[i] : nullptr;
          Add(fields[i].name.span, {SymKind::Field, &decl, static_cast<int>(i)}, true, type);
          TypeRefs(fields[i].type);
        }
        break;
      }
      case DeclKind::Const: {
        const auto& c = decl.As<ConstDecl>();
        if (c.type) TypeRefs(*c.type);
        if (c.value) Expr(*c.value);
        break;
      }
      case DeclKind::Fn:
      case DeclKind::ExternFn: {
        const auto& fn = decl.As<FnDecl>();
        auto types = checked_.param_types.find(&decl);
        for (size_t i = 0; i < fn.params.size(); ++i) {
          const Type* type = types != checked_.param_types.end() && i < types->second.size() ? types->second[i] : nullptr;
          Local(fn.params[i].name, type);
          TypeRefs(fn.params[i].type);
        }
        TypeRefs(fn.result);
        for (const auto& let : fn.lets) Stmt(*let);
        if (fn.body) Expr(*fn.body);
        break;
      }
      case DeclKind::Tier: {
        const auto& tier = decl.As<TierDecl>();
        TypeRefs(tier.row_type);
        const ast::Decl* row = LookupType(tier.row_type.name.name);
        const RecordDecl* record =
            row && (row->kind == DeclKind::Record || row->kind == DeclKind::Event) ? &row->As<RecordDecl>() : nullptr;
        for (size_t i = 0; i < tier.rows.size(); ++i) {
          Add(tier.rows[i].member.span, {SymKind::EnumMember, &decl, static_cast<int>(i)}, true);
          Fields(record, tier.rows[i].fields);
        }
        break;
      }
      case DeclKind::Quorum: {
        const auto& q = decl.As<QuorumDecl>();
        TypeRefs(q.ballot_type);
        const RecordDecl* ballot = RecordByName(q.ballot_type.name.name);
        FieldRef(ballot, q.role_field);
        const ast::Decl* roles = EnumOfField(ballot, q.role_field.name);
        for (const auto& clause : q.clauses) {
          if (!clause.total) MemberRef(roles, clause.role);
          if (clause.count) Expr(*clause.count);
        }
        break;
      }
      case DeclKind::Vote: {
        const auto& v = decl.As<VoteDecl>();
        TypeRefs(v.ballot_type);
        const RecordDecl* ballot = RecordByName(v.ballot_type.name.name);
        FieldRef(ballot, v.choice_field);
        if (v.role_field) FieldRef(ballot, *v.role_field);
        const ast::Decl* choices = EnumOfField(ballot, v.choice_field.name);
        const ast::Decl* roles = v.role_field ? EnumOfField(ballot, v.role_field->name) : nullptr;
        for (const auto& category : v.categories) {
          for (const auto& member : category.members) MemberRef(choices, member);
        }
        for (const ExprPtr* e : {&v.pass, &v.tie, &v.tabled}) {
          if (*e) Expr(**e);
        }
        if (v.tie_role) MemberRef(roles, *v.tie_role);
        for (const auto& role : v.protected_roles) MemberRef(roles, role);
        break;
      }
      case DeclKind::Threshold: {
        const auto& t = decl.As<ThresholdDecl>();
        auto types = checked_.param_types.find(&decl);
        Local(t.param.name, types != checked_.param_types.end() && !types->second.empty() ? types->second[0] : nullptr);
        TypeRefs(t.param.type);
        TypeRefs(t.result);
        if (t.domain_low) Expr(*t.domain_low);
        if (t.domain_high) Expr(*t.domain_high);
        for (const auto& band : t.bands) {
          for (const auto& bound : band.bounds) {
            if (bound.value) Expr(*bound.value);
          }
          if (band.result) Expr(*band.result);
        }
        break;
      }
      case DeclKind::Rule: {
        const auto& rule = decl.As<RuleDecl>();
        if (const ast::Decl* event = LookupType(rule.event.name); event && event->kind == DeclKind::Event) {
          Add(rule.event.span, {SymKind::Decl, event});
        }
        if (rule.when) Expr(*rule.when);
        Block(rule.body);
        break;
      }
      case DeclKind::Test: {
        const auto& test = decl.As<TestDecl>();
        if (test.given) Expr(*test.given);
        for (const auto& e : test.expectations) {
          for (const auto& [code, span] : e.codes) Code(code, span, false);
          if (e.kind == ExpectKind::Value) {
            Add(e.value_name.span, {SymKind::Value, nullptr, -1, {}, e.value_name.name});
          }
          if (e.value) Expr(*e.value);
        }
        break;
      }
    }
  }

  const RecordDecl* RecordByName(const std::string& name) const {
    const ast::Decl* d = LookupType(name);
    return d && (d->kind == DeclKind::Record || d->kind == DeclKind::Event) ? &d->As<RecordDecl>() : nullptr;
  }

  const ast::Decl* EnumOfField(const RecordDecl* record, const std::string& field) const {
    if (!record) return nullptr;
    for (const auto& f : record->fields) {
      if (f.name.name == field) {
        const ast::Decl* d = LookupType(f.type.name.name);
        return d && (d->kind == DeclKind::Enum || d->kind == DeclKind::Tier) ? d : nullptr;
      }
    }
    return nullptr;
  }

  void Fields(const RecordDecl* record, const std::vector<FieldInit>& fields) {
    for (const auto& f : fields) {
      FieldRef(record, f.name, f.value ? f.value->type : nullptr);
      if (f.value) Expr(*f.value);
    }
  }

  void Block(const ast::Block& block) {
    for (const auto& stmt : block) Stmt(*stmt);
  }

  void Stmt(const ast::Stmt& stmt) {
    switch (stmt.kind) {
      case StmtKind::Let: {
        const auto& let = stmt.As<LetStmt>();
        auto type = checked_.let_types.find(&let);
        Local(let.name, type != checked_.let_types.end() ? type->second : nullptr);
        if (let.type) TypeRefs(*let.type);
        if (let.value) Expr(*let.value);
        break;
      }
      case StmtKind::Require:
      case StmtKind::Deny:
      case StmtKind::Warn:
      case StmtKind::Oblige: {
        const auto& r = stmt.As<ReasonStmt>();
        if (r.cond) Expr(*r.cond);
        Reason(r.reason, true);
        if (r.reason.message) Expr(*r.reason.message);
        break;
      }
      case StmtKind::Value: {
        const auto& v = stmt.As<ValueStmt>();
        Add(v.name.span, {SymKind::Value, nullptr, -1, {}, v.name.name}, true, v.value ? v.value->type : nullptr);
        if (v.value) Expr(*v.value);
        break;
      }
      case StmtKind::When: {
        const auto& w = stmt.As<WhenStmt>();
        for (const auto& branch : w.branches) {
          if (branch.cond) Expr(*branch.cond);
          Block(branch.body);
        }
        if (w.otherwise) Block(*w.otherwise);
        break;
      }
      case StmtKind::Veto: {
        const auto& v = stmt.As<VetoStmt>();
        Local(v.binder);
        for (const ExprPtr* e : {&v.list, &v.where, &v.valid, &v.overridden}) {
          if (*e) Expr(**e);
        }
        for (const auto* reason : {&v.invalid_warning, &v.deny}) {
          if (*reason) {
            Reason(**reason, true);
            if ((*reason)->message) Expr(*(*reason)->message);
          }
        }
        break;
      }
    }
  }

  void Expr(const ast::Expr& expr) {
    switch (expr.kind) {
      case ExprKind::Name: {
        const auto& name = expr.As<NameExpr>();
        switch (name.ref) {
          case NameRef::Local:
            if (name.name.name == "event" && current_ && current_->kind == DeclKind::Rule &&
                name.local_span.offset == current_->As<RuleDecl>().event.span.offset) {
              if (const ast::Decl* event = LookupType(current_->As<RuleDecl>().event.name)) {
                Add(name.name.span, {SymKind::Decl, event}, false, expr.type);
                if (!out_.empty() && out_.back().span.offset == name.name.span.offset) out_.back().alias = true;
              }
            } else {
              Add(name.name.span, {SymKind::Local, nullptr, -1, name.local_span, name.name.name}, false, expr.type);
            }
            break;
          case NameRef::Global:
            if (name.decl) Add(name.name.span, {SymKind::Decl, name.decl}, false, expr.type);
            break;
          case NameRef::EnumMember:
            if (name.decl) Add(name.name.span, {SymKind::EnumMember, name.decl, name.member_index}, false, expr.type);
            break;
          case NameRef::Module: {
            for (size_t i = 0; i < file_.imports.size(); ++i) {
              if (file_.imports[i].LocalName().name != name.name.name) continue;
              auto resolved = program_.resolved_imports.find(file_.id);
              if (resolved != program_.resolved_imports.end() && i < resolved->second.size() &&
                  resolved->second[i] != kNoFile) {
                Add(name.name.span, {SymKind::Module, nullptr, static_cast<int>(resolved->second[i]), {}, name.name.name});
              }
            }
            break;
          }
          case NameRef::Unresolved: break;
        }
        break;
      }
      case ExprKind::Call: {
        const auto& call = expr.As<CallExpr>();
        if (call.decl) {
          Add(call.callee.span, {SymKind::Decl, call.decl}, false, expr.type);
        } else if (call.callee.name == "max" || call.callee.name == "min" || call.callee.name == "abs" ||
                   call.callee.name == "percent_of") {
          Add(call.callee.span, {SymKind::Builtin, nullptr, -1, {}, call.callee.name}, false, expr.type);
        }
        for (const auto& arg : call.args) Expr(*arg);
        break;
      }
      case ExprKind::Member: {
        const auto& m = expr.As<MemberExpr>();
        if (m.object) Expr(*m.object);
        if (m.decl && (m.decl->kind == DeclKind::Enum || m.decl->kind == DeclKind::Tier)) {
          MemberRef(m.decl, m.name);
        } else if (m.decl) {
          Add(m.name.span, {SymKind::Decl, m.decl}, false, expr.type);
        } else if (!m.is_call && m.object) {
          FieldRef(RecordOf(m.object->type), m.name, expr.type);
        } else if (m.method >= 0) {
          Add(m.name.span, {SymKind::Method, nullptr, m.method, {}, m.name.name}, false, m.object ? m.object->type : nullptr);
        }
        for (const auto& arg : m.args) Expr(*arg);
        break;
      }
      case ExprKind::Record: {
        const auto& r = expr.As<RecordLit>();
        const RecordDecl* record = nullptr;
        if (r.decl) {
          Add(r.type_name.span, {SymKind::Decl, r.decl}, false, expr.type);
          if (r.decl->kind == DeclKind::Record || r.decl->kind == DeclKind::Event) record = &r.decl->As<RecordDecl>();
        }
        Fields(record, r.fields);
        break;
      }
      case ExprKind::Index: {
        const auto& index = expr.As<IndexExpr>();
        if (index.object) Expr(*index.object);
        if (index.index) Expr(*index.index);
        break;
      }
      case ExprKind::Slice: {
        const auto& slice = expr.As<SliceExpr>();
        if (slice.object) Expr(*slice.object);
        if (slice.lo) Expr(*slice.lo);
        if (slice.hi) Expr(*slice.hi);
        break;
      }
      case ExprKind::With: {
        const auto& w = expr.As<WithExpr>();
        if (w.base) Expr(*w.base);
        Fields(w.base ? RecordOf(w.base->type) : nullptr, w.fields);
        break;
      }
      case ExprKind::Lambda: {
        const auto& l = expr.As<LambdaExpr>();
        Local(l.param);
        if (l.body) Expr(*l.body);
        break;
      }
      case ExprKind::Unary:
        if (expr.As<UnaryExpr>().operand) Expr(*expr.As<UnaryExpr>().operand);
        break;
      case ExprKind::Binary: {
        const auto& b = expr.As<BinaryExpr>();
        if (b.lhs) Expr(*b.lhs);
        if (b.rhs) Expr(*b.rhs);
        break;
      }
      case ExprKind::Match: {
        const auto& m = expr.As<MatchExpr>();
        if (m.subject) Expr(*m.subject);
        const Type* subject = m.subject ? m.subject->type : nullptr;
        const ast::Decl* enum_decl = subject && subject->kind == TypeKind::Enum ? subject->decl : nullptr;
        for (const auto& arm : m.arms) {
          for (const auto& p : arm.patterns) MemberRef(enum_decl, p);
          if (arm.value) Expr(*arm.value);
        }
        break;
      }
      case ExprKind::If: {
        const auto& i = expr.As<IfExpr>();
        for (const ExprPtr* e : {&i.cond, &i.then_value, &i.else_value}) {
          if (*e) Expr(**e);
        }
        break;
      }
      case ExprKind::List:
        for (const auto& e : expr.As<ListLit>().elements) Expr(*e);
        break;
      case ExprKind::String:
        for (const auto& part : expr.As<StringLit>().parts) {
          if (part.expr) Expr(*part.expr);
        }
        break;
      case ExprKind::Fraction:
        if (expr.As<FractionOf>().whole) Expr(*expr.As<FractionOf>().whole);
        break;
      default: break;
    }
  }

  const CheckedProgram& checked_;
  const Program& program_;
  const File& file_;
  std::vector<Occurrence>& out_;
  const ast::Decl* current_ = nullptr;
};

}  // namespace

void SymbolIndex::Build(const CheckedProgram& checked) {
  occurrences_.clear();
  const Program& program = *checked.program;
  for (const auto& file : program.files) {
    if (file) Indexer(checked, *file, occurrences_).Run();
  }
  std::stable_sort(occurrences_.begin(), occurrences_.end(), [](const Occurrence& a, const Occurrence& b) {
    return a.span.file != b.span.file ? a.span.file < b.span.file : a.span.offset < b.span.offset;
  });
}

const Occurrence* SymbolIndex::At(FileId file, uint32_t offset) const {
  auto it = std::upper_bound(occurrences_.begin(), occurrences_.end(), std::make_pair(file, offset),
                             [](const std::pair<FileId, uint32_t>& key, const Occurrence& o) {
                               return key.first != o.span.file ? key.first < o.span.file : key.second < o.span.offset;
                             });
  // Prefer the occurrence starting at or before the cursor that still covers it.
  while (it != occurrences_.begin()) {
    --it;
    if (it->span.file != file) break;
    if (offset >= it->span.offset && offset <= it->span.end()) return &*it;
    if (it->span.end() + 64 < offset) break;
  }
  return nullptr;
}

std::vector<const Occurrence*> SymbolIndex::References(const SymbolId& target) const {
  std::vector<const Occurrence*> out;
  for (const auto& o : occurrences_) {
    if (o.target == target && !o.alias) out.push_back(&o);
  }
  return out;
}

Span SymbolIndex::Definition(const SymbolId& target) const {
  switch (target.kind) {
    case SymKind::Decl: return target.decl ? target.decl->name.span : Span{};
    case SymKind::EnumMember:
      if (!target.decl || target.index < 0) return {};
      if (target.decl->kind == ast::DeclKind::Enum) return target.decl->As<ast::EnumDecl>().members.at(target.index).name.span;
      if (target.decl->kind == ast::DeclKind::Tier) return target.decl->As<ast::TierDecl>().rows.at(target.index).member.span;
      return {};
    case SymKind::Field:
      if (!target.decl || target.index < 0) return {};
      return target.decl->As<ast::RecordDecl>().fields.at(target.index).name.span;
    case SymKind::Local: return target.def;
    case SymKind::Module:
    case SymKind::ReasonCode:
    case SymKind::Value:
      for (const auto& o : occurrences_) {
        if (o.definition && o.target == target) return o.span;
      }
      return {};
    case SymKind::Builtin:
    case SymKind::Method: return {};
  }
  return {};
}

}  // namespace charter::lsp
