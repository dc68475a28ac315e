// Evaluation of rules and statements, and the Interpreter's entry points.
#include "compiler/eval/interpreter.h"

#include <fmt/format.h>

#include "compiler/eval/run.h"

namespace charter::eval {

Interpreter::Interpreter(const ir::Module& module) : module_(module), regexes_(module.regexes) {
  globals_.resize(module.globals.size());
  coverage_.rule_runs.resize(module.rules.size());
  coverage_.site_fired.resize(module.sites.size());
  coverage_.require_held.resize(module.sites.size());
}

Interpreter::~Interpreter() = default;

std::variant<Decision, EvalError> Interpreter::Decide(int32_t event_kind, const Value& event, bool explain) {
  Decision decision;
  const ir::EventKind& kind = module_.events.at(event_kind);
  decision.values.resize(kind.values.size());
  Run run(*this, &decision, explain);
  try {
    for (int32_t r : kind.rules) run.RunRule(r, event);
  } catch (const EvalFailure& failure) {
    return EvalError{failure.message, failure.at};
  }
  if (!decision.allowed()) decision.obligations.clear();
  return decision;
}

std::variant<Value, EvalError> Interpreter::Evaluate(const ir::Expr& expr, int32_t frame_size) {
  Run run(*this, nullptr, false);
  try {
    Frame frame(static_cast<size_t>(frame_size));
    return run.Eval(expr, frame);
  } catch (const EvalFailure& failure) {
    return EvalError{failure.message, failure.at};
  }
}

// ------------------------------------------------------------------ rules and statements

void Run::RunRule(int32_t index, const Value& event) {
  const ir::Rule& rule = interp_.module_.rules[index];
  Frame frame(static_cast<size_t>(std::max(rule.frame_size, 1)));
  frame[0] = event;
  current_event_ = rule.event_kind;
  if (rule.guard && !Eval(*rule.guard, frame).as_bool()) {
    if (decision_ && explain_) Trace(0, fmt::format("rule {}: skipped, its `when` is false", rule.name));
    return;
  }
  ++interp_.coverage_.rule_runs[index];
  if (decision_ && explain_) Trace(0, fmt::format("rule {}: ran", rule.name));
  RunBlock(rule.body, frame, 1);
}

void Run::RunBlock(const ir::Block& block, Frame& frame, int depth) {
  for (const ir::Stmt& stmt : block) RunStmt(stmt, frame, depth);
}

void Run::RunStmt(const ir::Stmt& stmt, Frame& frame, int depth) {
  switch (stmt.op) {
    case ir::StmtOp::Let: frame[stmt.slot] = Eval(*stmt.expr, frame); return;
    case ir::StmtOp::Require: {
      bool held = Eval(*stmt.expr, frame).as_bool();
      const ir::Site& site = interp_.module_.sites[stmt.site];
      if (explain_) {
        Trace(depth, fmt::format("require \"{}\": {}{}", site.code, held ? "held" : "failed",
                                 Explain(*stmt.expr, frame)));
      }
      if (held) {
        ++interp_.coverage_.require_held[stmt.site];
        return;
      }
      AddFinding(stmt, frame);
      return;
    }
    case ir::StmtOp::Emit: {
      if (explain_) {
        static const char* const kVerbs[] = {"deny", "warn", "oblige"};
        const ir::Site& site = interp_.module_.sites[stmt.site];
        Trace(depth, fmt::format("{} \"{}\"", kVerbs[static_cast<int>(site.kind)], site.code));
      }
      AddFinding(stmt, frame);
      return;
    }
    case ir::StmtOp::SetValue: {
      Value value = Eval(*stmt.expr, frame);
      if (decision_) {
        if (explain_) {
          if (const ir::OutputValue* output = ValueInfo(stmt.value)) Trace(depth, fmt::format("value {} = {}", output->name, Text(value, output->type)));
        }
        decision_->values[stmt.value] = std::move(value);
      }
      return;
    }
    case ir::StmtOp::If:
      for (const ir::Branch& branch : stmt.branches) {
        if (Eval(*branch.cond, frame).as_bool()) {
          if (explain_) Trace(depth, "when: true" + Explain(*branch.cond, frame));
          RunBlock(branch.body, frame, depth + 1);
          return;
        }
      }
      RunBlock(stmt.otherwise, frame, depth + 1);
      return;
    case ir::StmtOp::ForEach: {
      Value list = Eval(*stmt.expr, frame);
      for (const Value& item : list.items()) {
        frame[stmt.slot] = item;
        RunBlock(stmt.body, frame, depth + 1);
      }
      return;
    }
  }
}

void Run::AddFinding(const ir::Stmt& stmt, Frame& frame) {
  const ir::Site& site = interp_.module_.sites[stmt.site];
  ++interp_.coverage_.site_fired[stmt.site];
  if (!decision_) return;
  Finding finding{stmt.site, site.code, Eval(*stmt.message, frame).as_str(), site.span};
  switch (site.kind) {
    case ir::SiteKind::Reason: decision_->reasons.push_back(std::move(finding)); break;
    case ir::SiteKind::Warning: decision_->warnings.push_back(std::move(finding)); break;
    case ir::SiteKind::Obligation: decision_->obligations.push_back(std::move(finding)); break;
  }
}

const ir::OutputValue* Run::ValueInfo(int32_t value) const {
  // The value belongs to the event being decided; find it by the current rule's event.
  if (current_event_ < 0) return nullptr;
  const auto& values = interp_.module_.events[current_event_].values;
  return value >= 0 && static_cast<size_t>(value) < values.size() ? &values[value] : nullptr;
}

void Run::Trace(int depth, const std::string& text) {
  if (!decision_) return;
  decision_->trace.push_back(std::string(static_cast<size_t>(depth) * 2, ' ') + text);
}

std::string Run::Text(const Value& value, const Type* type) const {
  return ToText(value, type, *interp_.module_.program);
}

// For a failed or held comparison, the values compared: `approve votes 2 < 3`.
std::string Run::Explain(const ir::Expr& cond, Frame& frame) {
  switch (cond.op) {
    case ir::Op::CmpInt: case ir::Op::CmpDec: case ir::Op::CmpStr: case ir::Op::CmpBool: case ir::Op::CmpDeep: {
      Value lhs = Eval(*cond.args[0], frame);
      Value rhs = Eval(*cond.args[1], frame);
      return fmt::format(" ({} {} {})", Text(lhs, cond.args[0]->type), ir::CmpSpelling(cond.cmp),
                         Text(rhs, cond.args[1]->type));
    }
    case ir::Op::Not: return Explain(*cond.args[0], frame);
    case ir::Op::Field:
      // `tally.passes`: the counts behind the outcome.
      if (cond.args[0]->type->kind == TypeKind::Tally) {
        return " (" + Text(Eval(*cond.args[0], frame), cond.args[0]->type) + ")";
      }
      return "";
    case ir::Op::Call: {
      std::string args;
      for (const auto& arg : cond.args) {
        Value value = Eval(*arg, frame);
        bool list = arg->type->kind == TypeKind::List || arg->type->kind == TypeKind::Set;
        std::string text = list ? fmt::format("{} {}", value.items().size(), arg->type->element->Name())
                                : Text(value, arg->type);
        if (text.size() > 60) text = text.substr(0, 57) + "...";
        args += (args.empty() ? "" : ", ") + text;
      }
      const ir::Function& fn = interp_.module_.functions[cond.imm];
      return fmt::format(" ({}({}) = {})", fn.name, args, Text(Eval(cond, frame), cond.type));
    }
    case ir::Op::And:
    case ir::Op::Or: {
      std::string lhs = Explain(*cond.args[0], frame);
      // The right side was evaluated only when the left did not decide.
      bool left = Eval(*cond.args[0], frame).as_bool();
      if (left == (cond.op == ir::Op::Or)) return lhs;
      std::string rhs = Explain(*cond.args[1], frame);
      if (lhs.empty()) return rhs;
      if (rhs.empty()) return lhs;
      return lhs + (cond.op == ir::Op::And ? " and" : " or") + rhs;
    }
    default: return "";
  }
}

}  // namespace charter::eval
