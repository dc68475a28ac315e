// Lowering of rule statements; a veto becomes a loop over the vetoes filed.
#include "compiler/ir/lowerer.h"

namespace charter::ir {

Block Lowerer::LowerBlock(const ast::Block& block) {
  Block out;
  PushScope();
  for (const auto& stmt : block) LowerStmt(*stmt, out);
  PopScope();
  return out;
}

int32_t Lowerer::ValueIndex(const std::string& name) {
  auto& values = module_.events[current_event_].values;
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i].name == name) return static_cast<int32_t>(i);
  }
  const auto& outputs = program_.outputs[module_.events[current_event_].decl];
  auto it = outputs.values.find(name);
  values.push_back(OutputValue{name, it != outputs.values.end() ? it->second : types_.Error()});
  return static_cast<int32_t>(values.size() - 1);
}

Stmt Lowerer::Emit(SiteKind kind, const ast::Reason& reason, Span span, ExprPtr cond) {
  Stmt stmt;
  stmt.op = cond ? StmtOp::Require : StmtOp::Emit;
  stmt.span = span;
  stmt.expr = std::move(cond);
  stmt.message = ToText(LowerExpr(*reason.message));
  stmt.site = static_cast<int32_t>(module_.sites.size());
  module_.sites.push_back(Site{kind, reason.code, span, current_rule_});
  return stmt;
}

void Lowerer::LowerStmt(const ast::Stmt& stmt, Block& out) {
  switch (stmt.kind) {
    case ast::StmtKind::Let: {
      const auto& let = stmt.As<ast::LetStmt>();
      const Type* type = program_.let_types[&let];
      Stmt lowered;
      lowered.op = StmtOp::Let;
      lowered.span = stmt.span;
      lowered.expr = Coerce(LowerExpr(*let.value), type);
      lowered.slot = Bind(let.name.name, type ? type : lowered.expr->type);
      out.push_back(std::move(lowered));
      return;
    }
    case ast::StmtKind::Require: {
      const auto& require = stmt.As<ast::ReasonStmt>();
      out.push_back(Emit(SiteKind::Reason, require.reason, stmt.span, LowerExpr(*require.cond)));
      return;
    }
    case ast::StmtKind::Deny: out.push_back(Emit(SiteKind::Reason, stmt.As<ast::ReasonStmt>().reason, stmt.span)); return;
    case ast::StmtKind::Warn: out.push_back(Emit(SiteKind::Warning, stmt.As<ast::ReasonStmt>().reason, stmt.span)); return;
    case ast::StmtKind::Oblige:
      out.push_back(Emit(SiteKind::Obligation, stmt.As<ast::ReasonStmt>().reason, stmt.span));
      return;
    case ast::StmtKind::Value: {
      const auto& value = stmt.As<ast::ValueStmt>();
      Stmt lowered;
      lowered.op = StmtOp::SetValue;
      lowered.span = stmt.span;
      lowered.value = ValueIndex(value.name.name);
      lowered.expr = Coerce(LowerExpr(*value.value), module_.events[current_event_].values[lowered.value].type);
      out.push_back(std::move(lowered));
      return;
    }
    case ast::StmtKind::When: {
      const auto& when = stmt.As<ast::WhenStmt>();
      Stmt lowered;
      lowered.op = StmtOp::If;
      lowered.span = stmt.span;
      for (const auto& branch : when.branches) {
        Branch b;
        b.cond = LowerExpr(*branch.cond);
        b.body = LowerBlock(branch.body);
        lowered.branches.push_back(std::move(b));
      }
      if (when.otherwise) lowered.otherwise = LowerBlock(*when.otherwise);
      out.push_back(std::move(lowered));
      return;
    }
    case ast::StmtKind::Veto: LowerVeto(stmt.As<ast::VetoStmt>(), out); return;
  }
}

// for v in list { if where { if not valid { warn } else if overridden { } else { deny } } }
void Lowerer::LowerVeto(const ast::VetoStmt& veto, Block& out) {
  Stmt loop;
  loop.op = StmtOp::ForEach;
  loop.span = veto.span;
  loop.expr = LowerExpr(*veto.list);
  const Type* list = loop.expr->type;
  PushScope();
  loop.slot = Bind(veto.binder.name, list->element);
  Stmt decide;
  decide.op = StmtOp::If;
  decide.span = veto.span;
  if (veto.valid) {
    Branch invalid;
    invalid.cond = Not(LowerExpr(*veto.valid));
    if (veto.invalid_warning) {
      invalid.body.push_back(Emit(SiteKind::Warning, *veto.invalid_warning, veto.valid_spans.empty() ? veto.span
                                                                                                    : veto.valid_spans[0]));
    }
    decide.branches.push_back(std::move(invalid));
  }
  if (veto.overridden) {
    Branch overridden;
    overridden.cond = LowerExpr(*veto.overridden);
    decide.branches.push_back(std::move(overridden));
  }
  if (veto.deny) {
    decide.otherwise.push_back(
        Emit(SiteKind::Reason, *veto.deny, veto.deny_spans.empty() ? veto.span : veto.deny_spans[0]));
  }
  Block filtered;
  if (veto.where) {
    Stmt where;
    where.op = StmtOp::If;
    where.span = veto.span;
    Branch selected;
    selected.cond = LowerExpr(*veto.where);
    selected.body.push_back(std::move(decide));
    where.branches.push_back(std::move(selected));
    loop.body.push_back(std::move(where));
  } else {
    loop.body.push_back(std::move(decide));
  }
  PopScope();
  out.push_back(std::move(loop));
}

}  // namespace charter::ir
