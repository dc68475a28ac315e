// Rule bodies: let, require/deny/warn/oblige, value, when, veto.
#include <cctype>

#include "compiler/check/checker.h"

namespace charter {

const Type* Checker::CheckLet(const ast::LetStmt& let) {
  const Type* declared = let.type ? ResolveType(*let.type) : nullptr;
  const Type* actual = CheckExpr(*let.value, declared);
  if (declared) ExpectType(*let.value, actual, declared, "`" + let.name.name + "`");
  if (LookupLocal(let.name.name)) {
    diags_.Report(DiagKind::DuplicateDefinition, let.name.span, "`" + let.name.name + "` is already bound here")
        .labels.push_back({LookupLocal(let.name.name)->span, "first bound here"});
  }
  const Type* type = declared ? declared : actual;
  out_.let_types[&let] = type;
  Bind(let.name, type, true);
  return type;
}

static bool IsSnakeCase(const std::string& code) {
  if (code.empty() || !std::islower(static_cast<unsigned char>(code[0]))) return false;
  for (char c : code) {
    if (!std::islower(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c)) && c != '_') {
      return false;
    }
  }
  return true;
}

void Checker::CheckReason(const ast::Reason& reason, std::set<std::string>* codes) {
  if (reason.code_span.valid() && !IsSnakeCase(reason.code)) {
    diags_.Report(DiagKind::ReasonCodeStyle, reason.code_span,
                  "reason code \"" + reason.code + "\" is not snake_case; CI consumers match on these codes");
  }
  if (codes && !reason.code.empty()) codes->insert(reason.code);
  if (reason.message) {
    const Type* type = CheckExpr(*reason.message, types_.String());
    ExpectType(*reason.message, type, types_.String(), "a message");
  }
}

void Checker::CheckBlock(const ast::Block& block) {
  PushScope();
  for (const auto& stmt : block) CheckStmt(*stmt);
  PopScope();
}

void Checker::CheckStmt(const ast::Stmt& stmt) {
  EventOutputs& outputs = *current_outputs_;
  switch (stmt.kind) {
    case ast::StmtKind::Let: CheckLet(stmt.As<ast::LetStmt>()); break;
    case ast::StmtKind::Require: {
      const auto& require = stmt.As<ast::ReasonStmt>();
      CheckCondition(*require.cond);
      // The message explains the failure: facts that hold when the condition fails hold in it.
      WithFacts(FactsOf(*require.cond).when_false, [&] { CheckReason(require.reason, &outputs.reasons); });
      break;
    }
    case ast::StmtKind::Deny: CheckReason(stmt.As<ast::ReasonStmt>().reason, &outputs.reasons); break;
    case ast::StmtKind::Warn: CheckReason(stmt.As<ast::ReasonStmt>().reason, &outputs.warnings); break;
    case ast::StmtKind::Oblige: CheckReason(stmt.As<ast::ReasonStmt>().reason, &outputs.obligations); break;
    case ast::StmtKind::Value: {
      const auto& value = stmt.As<ast::ValueStmt>();
      const Type* type = CheckExpr(*value.value);
      auto [it, inserted] = outputs.values.emplace(value.name.name, type);
      if (!inserted && !Assignable(type, it->second) && !type->IsError()) {
        diags_.Report(DiagKind::TypeMismatch, value.value->span,
                      "value `" + value.name.name + "` is set elsewhere as a `" + it->second->Name() + "`, here as a `" +
                          type->Name() + "`");
      }
      break;
    }
    case ast::StmtKind::When: {
      const auto& when = stmt.As<ast::WhenStmt>();
      std::set<std::string> otherwise;  // facts of every earlier branch failing
      for (const auto& branch : when.branches) {
        WithFacts(otherwise, [&] {
          CheckCondition(*branch.cond);
          Facts facts = FactsOf(*branch.cond);
          WithFacts(facts.when_true, [&] { CheckBlock(branch.body); });
          otherwise.insert(facts.when_false.begin(), facts.when_false.end());
        });
      }
      if (when.otherwise) WithFacts(otherwise, [&] { CheckBlock(*when.otherwise); });
      break;
    }
    case ast::StmtKind::Veto: CheckVeto(stmt.As<ast::VetoStmt>()); break;
  }
}

}  // namespace charter
