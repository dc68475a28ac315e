// Calls: user functions, governance declarations (quorum, vote, threshold),
// global builtins, module functions, and methods on strings, lists and sets.
#include <variant>

#include "compiler/check/checker.h"
#include "compiler/check/methods.h"
#include "runtime/builtins/regex.h"

namespace charter {

bool Checker::CheckArgCount(size_t given, size_t min, size_t max, Span span, const std::string& what) {
  if (given >= min && given <= max) return true;
  std::string expected = min == max ? std::to_string(min) : std::to_string(min) + " or " + std::to_string(max);
  diags_.Report(DiagKind::ArgumentCount, span,
                what + " takes " + expected + " argument" + (max == 1 ? "" : "s") + ", given " + std::to_string(given));
  return false;
}

const Type* Checker::CheckUserCall(const ast::FnDecl& fn, std::vector<ast::ExprPtr>& args, Span span) {
  MarkUsed(&fn);
  if (current_decl_) calls_[current_decl_].insert(&fn);
  std::vector<const Type*> params;
  for (const auto& param : fn.params) params.push_back(ResolveTypeIn(fn, param.type));
  CheckArgCount(args.size(), params.size(), params.size(), span, "`" + fn.name.name + "`");
  for (size_t i = 0; i < args.size(); ++i) {
    const Type* want = i < params.size() ? params[i] : nullptr;
    const Type* actual = CheckExpr(*args[i], want);
    if (want) ExpectType(*args[i], actual, want, "argument `" + fn.params[i].name.name + "` of `" + fn.name.name + "`");
  }
  return FnResultType(fn);
}

const Type* Checker::CheckCall(ast::CallExpr& expr, const Type* expected) {
  (void)expected;
  const std::string& name = expr.callee.name;
  if (const ast::Decl* decl = LookupDecl(name)) {
    expr.decl = decl;
    MarkUsed(decl);
    switch (decl->kind) {
      case ast::DeclKind::Fn:
      case ast::DeclKind::ExternFn: return CheckUserCall(decl->As<ast::FnDecl>(), expr.args, expr.span);
      case ast::DeclKind::Quorum:
      case ast::DeclKind::Vote: {
        const auto& ballot = decl->kind == ast::DeclKind::Quorum ? decl->As<ast::QuorumDecl>().ballot_type
                                                                 : decl->As<ast::VoteDecl>().ballot_type;
        const Type* want = types_.List(ResolveType(ballot));
        if (CheckArgCount(expr.args.size(), 1, 1, expr.span, "`" + name + "`")) {
          const Type* actual = CheckExpr(*expr.args[0], want);
          ExpectType(*expr.args[0], actual, want, "`" + name + "`");
        }
        return decl->kind == ast::DeclKind::Quorum ? types_.Bool() : types_.Tally(decl);
      }
      case ast::DeclKind::Threshold: {
        const auto& threshold = decl->As<ast::ThresholdDecl>();
        const Type* want = ResolveType(threshold.param.type);
        if (CheckArgCount(expr.args.size(), 1, 1, expr.span, "`" + name + "`")) {
          const Type* actual = CheckExpr(*expr.args[0], want);
          ExpectType(*expr.args[0], actual, want, "`" + name + "`");
        }
        if (current_decl_) calls_[current_decl_].insert(decl);
        return ResolveType(threshold.result);
      }
      default:
        diags_.Report(DiagKind::UnknownFunction, expr.callee.span,
                      "`" + name + "` is " + (decl->kind == ast::DeclKind::Enum ? "an " : "a ") +
                          ast::DeclKindName(decl->kind) + " and cannot be called");
        for (auto& arg : expr.args) CheckExpr(*arg);
        return types_.Error();
    }
  }
  // Global builtins.
  std::vector<const Type*> args;
  auto check_args = [&](const Type* want) {
    for (auto& arg : expr.args) args.push_back(CheckExpr(*arg, want));
  };
  if (name == "max" || name == "min") {
    check_args(nullptr);
    if (!CheckArgCount(args.size(), 2, 2, expr.span, "`" + name + "`")) return types_.Error();
    const Type* joined = Join(args[0], args[1]);
    if (!joined || !(joined->IsNumeric() || joined->IsError() || joined->kind == TypeKind::Percent ||
                     joined->kind == TypeKind::Duration || joined->kind == TypeKind::Date ||
                     joined->kind == TypeKind::Timestamp)) {
      diags_.Report(DiagKind::BadOperands, expr.span,
                    "`" + name + "` compares two values of one ordered type, found `" + args[0]->Name() + "` and `" +
                        args[1]->Name() + "`");
      return types_.Error();
    }
    return joined;
  }
  if (name == "abs") {
    check_args(nullptr);
    if (!CheckArgCount(args.size(), 1, 1, expr.span, "`abs`")) return types_.Error();
    return args[0];
  }
  if (name == "percent_of") {
    check_args(types_.Decimal());
    if (!CheckArgCount(args.size(), 2, 2, expr.span, "`percent_of`")) return types_.Error();
    for (size_t i = 0; i < 2; ++i) ExpectType(*expr.args[i], args[i], types_.Decimal(), "`percent_of`");
    return types_.Percent();
  }
  std::vector<std::string> candidates = {"max", "min", "abs", "percent_of"};
  for (const auto& [global, symbol] : globals_[file_->id]) {
    if (symbol.decl && (symbol.decl->kind == ast::DeclKind::Fn || symbol.decl->kind == ast::DeclKind::Quorum ||
                        symbol.decl->kind == ast::DeclKind::Vote || symbol.decl->kind == ast::DeclKind::Threshold)) {
      candidates.push_back(global);
    }
  }
  auto& diag = diags_.Report(DiagKind::UnknownFunction, expr.callee.span, "unknown function `" + name + "`");
  diag.SuggestClosest(expr.callee.span, name, candidates);
  for (auto& arg : expr.args) {
    if (arg->kind != ast::ExprKind::Lambda) CheckExpr(*arg);
  }
  return types_.Error();
}

const Type* Checker::CheckModuleCall(ast::MemberExpr& expr, FileId module) {
  const ast::File& file = program_.file(module);
  std::vector<std::string> names;
  for (const auto& decl : file.decls) {
    if (decl->kind == ast::DeclKind::Rule || decl->kind == ast::DeclKind::Test) continue;
    names.push_back(decl->name.name);
    if (decl->name.name != expr.name.name) continue;
    expr.decl = decl.get();
    MarkUsed(decl.get());
    if (decl->kind == ast::DeclKind::Fn || decl->kind == ast::DeclKind::ExternFn) {
      if (!expr.is_call) {
        diags_.Report(DiagKind::TypeMismatch, expr.span, "`" + expr.name.name + "` is a function; call it");
        return types_.Error();
      }
      return CheckUserCall(decl->As<ast::FnDecl>(), expr.args, expr.span);
    }
    if (decl->kind == ast::DeclKind::Const && !expr.is_call) return ConstType(decl->As<ast::ConstDecl>());
    diags_.Report(DiagKind::UnknownFunction, expr.name.span,
                  "`" + expr.name.name + "` in module `" + file.DottedName() + "` cannot be used this way");
    return types_.Error();
  }
  auto& diag = diags_.Report(DiagKind::UnknownFunction, expr.name.span,
                             "module `" + file.DottedName() + "` has no `" + expr.name.name + "`");
  diag.SuggestClosest(expr.name.span, expr.name.name, names);
  for (auto& arg : expr.args) {
    if (arg->kind != ast::ExprKind::Lambda) CheckExpr(*arg);
  }
  return types_.Error();
}

const Type* Checker::CheckLambda(ast::Expr& arg, const Type* element, const Type* expected_body) {
  if (arg.kind != ast::ExprKind::Lambda) {
    diags_.Report(DiagKind::TypeMismatch, arg.span, "expected a predicate such as `x => x.role == security`");
    CheckExpr(arg);
    return types_.Error();
  }
  auto& lambda = arg.As<ast::LambdaExpr>();
  PushScope();
  Bind(lambda.param, element);
  const Type* body = expected_body && expected_body->kind == TypeKind::Bool ? CheckCondition(*lambda.body)
                                                                             : CheckExpr(*lambda.body, expected_body);
  PopScope();
  lambda.type = body;
  return body;
}

namespace {

bool SummableType(const Type* t) {
  return t->IsNumeric() || t->kind == TypeKind::Percent || t->kind == TypeKind::Duration || t->IsError();
}
bool OrderedType(const Type* t) {
  switch (t->kind) {
    case TypeKind::Int: case TypeKind::Decimal: case TypeKind::Percent: case TypeKind::String: case TypeKind::Date:
    case TypeKind::Timestamp: case TypeKind::Duration: case TypeKind::Error: return true;
    default: return false;
  }
}

}  // namespace

const Type* Checker::CheckMethod(ast::MemberExpr& expr, const Type* object) {
  const std::string& name = expr.name.name;
  auto& args = expr.args;
  std::string what = "`." + name + "`";
  if (object->IsOptional()) {
    auto key = PathKey(*expr.object);
    diags_.Report(DiagKind::UncheckedOptional, expr.object->span,
                  "`" + (key ? *key : std::string("this value")) + "` may be none; check it before calling " + what);
    object = object->element;
  }
  auto check_args_alone = [&] {
    for (auto& arg : args) {
      if (arg->kind != ast::ExprKind::Lambda) CheckExpr(*arg);
    }
  };
  const MethodInfo* method = FindMethod(object, name);
  if (!method) {
    auto& diag = diags_.Report(DiagKind::UnknownFunction, expr.name.span,
                               "a `" + object->Name() + "` has no method `" + name + "`");
    if (const MethodInfo* alias = MethodAlias(object, name)) {
      std::string charter_name(alias->name);
      diag.fix = FixIt{expr.name.span, charter_name, "Charter calls it `" + charter_name + "`"};
    } else {
      std::vector<std::string> names;
      for (const MethodInfo* m : MethodsOf(object)) names.emplace_back(m->name);
      diag.SuggestClosest(expr.name.span, name, names);
    }
    check_args_alone();
    return types_.Error();
  }
  expr.method = static_cast<int>(method->id);

  auto plain_args = [&](std::initializer_list<const Type*> want) {
    if (!CheckArgCount(args.size(), want.size(), want.size(), expr.name.span, what)) {
      check_args_alone();
      return false;
    }
    size_t i = 0;
    for (const Type* type : want) {
      const Type* actual = CheckExpr(*args[i], type);
      ExpectType(*args[i], actual, type, what);
      ++i;
    }
    return true;
  };
  const Type* element = object->element;
  // The lambda's result (or the element itself where the lambda may be left out).
  const Type* selected = element;
  bool args_ok = true;
  switch (method->args) {
    case MethodArgs::None: args_ok = plain_args({}); break;
    case MethodArgs::Text: args_ok = plain_args({types_.String()}); break;
    case MethodArgs::Element: args_ok = plain_args({element}); break;
    case MethodArgs::Pred:
      if (CheckArgCount(args.size(), 1, 1, expr.name.span, what)) CheckLambda(*args[0], element, types_.Bool());
      break;
    case MethodArgs::OptPred:
      if (args.empty()) break;
      if (!CheckArgCount(args.size(), 0, 1, expr.name.span, what)) break;
      CheckLambda(*args[0], element, types_.Bool());
      break;
    case MethodArgs::Sel:
      if (!CheckArgCount(args.size(), 1, 1, expr.name.span, what)) return types_.Error();
      selected = CheckLambda(*args[0], element, nullptr);
      break;
    case MethodArgs::OptSel:
      if (args.empty()) break;
      if (!CheckArgCount(args.size(), 0, 1, expr.name.span, what)) return types_.Error();
      selected = CheckLambda(*args[0], element, nullptr);
      break;
  }
  if (method->id == MethodId::StrMatches && args_ok && args[0]->kind == ast::ExprKind::String) {
    if (auto pattern = args[0]->As<ast::StringLit>().Constant()) {
      auto compiled = runtime::Regex::Compile(*pattern);
      if (auto* error = std::get_if<std::string>(&compiled)) {
        diags_.Report(DiagKind::InvalidLiteral, args[0]->span, "invalid regular expression: " + *error);
      }
    }
  }
  switch (method->result) {
    case MethodResult::String: return types_.String();
    case MethodResult::Int: return types_.Int();
    case MethodResult::Bool: return types_.Bool();
    case MethodResult::Decimal: return types_.Decimal();
    case MethodResult::Strings: return types_.List(types_.String());
    case MethodResult::Receiver: return object;
    case MethodResult::ListOfSelected: return selected->IsError() ? types_.Error() : types_.List(selected);
    case MethodResult::SetOfSelected: return selected->IsError() ? types_.Error() : types_.Set(selected);
    case MethodResult::OptionalElement: return types_.Optional(element);
    case MethodResult::OptionalInt: return types_.Optional(types_.Int());
    case MethodResult::Sum:
    case MethodResult::OptionalOrdered: {
      bool sum = method->result == MethodResult::Sum;
      if (!(sum ? SummableType(selected) : OrderedType(selected))) {
        diags_.Report(DiagKind::BadOperands, expr.name.span,
                      what + " needs " + (sum ? "numbers" : "ordered values") + ", found `" + selected->Name() + "`" +
                          (args.empty() ? "; pass a selector such as `x => x.count`" : ""));
        return types_.Error();
      }
      // The minimum of nothing does not exist; the sum of nothing is zero.
      return sum ? selected : types_.Optional(selected);
    }
  }
  return types_.Error();
}

}  // namespace charter
