// Parse tree → AST for expressions and literals.
#include <cctype>
#include <charconv>
#include <iterator>

#include "compiler/base/calendar.h"
#include "compiler/parse/build_ast.h"

namespace charter {

using P = charter_grammar::CharterParser;

ast::ExprPtr AstBuilder::Error(antlr4::ParserRuleContext* ctx) const {
  return std::make_unique<ast::ErrorExpr>(SpanOf(ctx));
}

static ast::ExprPtr Binary(Span span, ast::BinaryOp op, Span op_span, ast::ExprPtr lhs, ast::ExprPtr rhs) {
  auto expr = std::make_unique<ast::BinaryExpr>(span, op, std::move(lhs), std::move(rhs));
  expr->op_span = op_span;
  return expr;
}

ast::ExprPtr AstBuilder::BuildExpr(P::ExprContext* ctx) {
  if (!ctx || !ctx->getStart()) return Error(ctx);
  Span span = SpanOf(ctx);
  auto operands = [&](auto* c) { return std::make_pair(BuildExpr(c->expr(0)), BuildExpr(c->expr(1))); };
  auto op_span = [&](antlr4::Token* token) { return offsets_.TokenSpan(token); };

  if (auto* c = dynamic_cast<P::OrExprContext*>(ctx)) {
    auto [l, r] = operands(c);
    return Binary(span, ast::BinaryOp::Or, op_span(c->op), std::move(l), std::move(r));
  }
  if (auto* c = dynamic_cast<P::AndExprContext*>(ctx)) {
    auto [l, r] = operands(c);
    return Binary(span, ast::BinaryOp::And, op_span(c->op), std::move(l), std::move(r));
  }
  if (auto* c = dynamic_cast<P::NotExprContext*>(ctx)) {
    return std::make_unique<ast::UnaryExpr>(span, ast::UnaryOp::Not, BuildExpr(c->expr()));
  }
  if (auto* c = dynamic_cast<P::CompareExprContext*>(ctx)) {
    static const std::pair<const char*, ast::BinaryOp> kOps[] = {
        {"==", ast::BinaryOp::Eq}, {"!=", ast::BinaryOp::Ne}, {"<", ast::BinaryOp::Lt},
        {"<=", ast::BinaryOp::Le}, {">", ast::BinaryOp::Gt},  {">=", ast::BinaryOp::Ge}};
    ast::BinaryOp op = ast::BinaryOp::Eq;
    std::string text = c->op ? c->op->getText() : "==";
    for (auto [spelling, value] : kOps) {
      if (text == spelling) op = value;
    }
    auto [l, r] = operands(c);
    return Binary(span, op, op_span(c->op), std::move(l), std::move(r));
  }
  if (auto* c = dynamic_cast<P::InExprContext*>(ctx)) {
    auto [l, r] = operands(c);
    Span in_span = SpanOf(c->IN());
    if (c->NOT()) in_span = Cover(SpanOf(c->NOT()), in_span);
    return Binary(span, c->NOT() ? ast::BinaryOp::NotIn : ast::BinaryOp::In, in_span, std::move(l), std::move(r));
  }
  if (auto* c = dynamic_cast<P::DefaultExprContext*>(ctx)) {
    auto [l, r] = operands(c);
    Span between = l->span;
    return Binary(span, ast::BinaryOp::Default, between, std::move(l), std::move(r));
  }
  if (auto* c = dynamic_cast<P::AddExprContext*>(ctx)) {
    auto [l, r] = operands(c);
    ast::BinaryOp op = c->op && c->op->getText() == "-" ? ast::BinaryOp::Sub : ast::BinaryOp::Add;
    return Binary(span, op, op_span(c->op), std::move(l), std::move(r));
  }
  if (auto* c = dynamic_cast<P::MulExprContext*>(ctx)) {
    auto [l, r] = operands(c);
    ast::BinaryOp op = c->op && c->op->getText() == "/" ? ast::BinaryOp::Div : ast::BinaryOp::Mul;
    return Binary(span, op, op_span(c->op), std::move(l), std::move(r));
  }
  if (auto* c = dynamic_cast<P::NegExprContext*>(ctx)) {
    return std::make_unique<ast::UnaryExpr>(span, ast::UnaryOp::Neg, BuildExpr(c->expr()));
  }
  if (auto* c = dynamic_cast<P::MemberExprContext*>(ctx)) {
    auto expr = std::make_unique<ast::MemberExpr>(span);
    expr->object = BuildExpr(c->expr());
    expr->name = MakeIdent(c->ident());
    expr->is_call = c->children.size() > 3;
    expr->args = BuildArgs(c->args());
    return expr;
  }
  if (auto* c = dynamic_cast<P::OptMemberExprContext*>(ctx)) {
    auto expr = std::make_unique<ast::MemberExpr>(span);
    expr->object = BuildExpr(c->expr());
    expr->name = MakeIdent(c->ident());
    expr->optional_chain = true;
    return expr;
  }
  if (auto* c = dynamic_cast<P::IndexExprContext*>(ctx)) {
    auto expr = std::make_unique<ast::IndexExpr>(span);
    expr->object = BuildExpr(c->expr(0));
    expr->index = BuildExpr(c->index);
    return expr;
  }
  if (auto* c = dynamic_cast<P::SliceExprContext*>(ctx)) {
    auto expr = std::make_unique<ast::SliceExpr>(span);
    expr->object = BuildExpr(c->expr(0));
    if (c->lo) expr->lo = BuildExpr(c->lo);
    if (c->hi) expr->hi = BuildExpr(c->hi);
    return expr;
  }
  if (auto* c = dynamic_cast<P::WithExprContext*>(ctx)) {
    auto expr = std::make_unique<ast::WithExpr>(span);
    expr->base = BuildExpr(c->expr());
    expr->fields = BuildRecordBody(c->recordBody());
    return expr;
  }
  if (auto* c = dynamic_cast<P::PrimaryExprContext*>(ctx)) return BuildPrimary(c->primary());
  return Error(ctx);
}

std::vector<ast::ExprPtr> AstBuilder::BuildArgs(P::ArgsContext* ctx) {
  std::vector<ast::ExprPtr> args;
  if (!ctx) return args;
  for (auto* arg : ctx->arg()) {
    if (auto* lambda = dynamic_cast<P::LambdaArgContext*>(arg)) {
      args.push_back(std::make_unique<ast::LambdaExpr>(SpanOf(lambda), MakeIdent(lambda->ident()),
                                                       BuildExpr(lambda->expr())));
    } else if (auto* plain = dynamic_cast<P::PlainArgContext*>(arg)) {
      args.push_back(BuildExpr(plain->expr()));
    }
  }
  return args;
}

std::vector<ast::FieldInit> AstBuilder::BuildRecordBody(P::RecordBodyContext* ctx) {
  std::vector<ast::FieldInit> fields;
  if (!ctx) return fields;
  for (auto* field : ctx->fieldInit()) {
    ast::FieldInit init{MakeIdent(field->ident()), BuildExpr(field->expr())};
    if (!init.name.name.empty()) fields.push_back(std::move(init));
  }
  return fields;
}

static bool ParseInt64(std::string_view text, int64_t& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

ast::ExprPtr AstBuilder::BuildNumber(antlr4::tree::TerminalNode* node, ast::ExprKind kind) {
  Span span = SpanOf(node);
  std::string text = node ? node->getText() : "0";
  if (kind == ast::ExprKind::Int) {
    int64_t value = 0;
    if (!ParseInt64(text, value)) {
      diags_.Report(DiagKind::InvalidLiteral, span, "integer literal `" + Shortened(text) + "` does not fit in 64 bits");
    }
    return std::make_unique<ast::IntLit>(span, value);
  }
  if (kind == ast::ExprKind::Percent) text.pop_back();
  std::string digits;
  int32_t scale = 0;
  size_t dot = text.find('.');
  if (dot == std::string::npos) {
    digits = text;
  } else {
    digits = text.substr(0, dot) + text.substr(dot + 1);
    scale = static_cast<int32_t>(text.size() - dot - 1);
  }
  // Trailing zeros after the point carry no value; dropping them keeps more literals in range.
  while (scale > 0 && digits.size() > 1 && digits.back() == '0') {
    digits.pop_back();
    --scale;
  }
  int64_t mantissa = 0;
  if (!ParseInt64(digits, mantissa) || scale > 18) {
    diags_.Report(DiagKind::InvalidLiteral, span, "number `" + Shortened(node ? node->getText() : "") + "` has too many digits");
    mantissa = 0;
    scale = 0;
  }
  return std::make_unique<ast::DecimalLit>(kind, span, mantissa, scale);
}

// The literal's text with escapes resolved (no interpolation); for codes, labels and titles.
std::string AstBuilder::StringValue(antlr4::tree::TerminalNode* node) {
  auto expr = BuildString(node, false);
  auto value = expr->As<ast::StringLit>().Constant();
  if (!value) {
    diags_.Report(DiagKind::BadInterpolation, expr->span, "interpolation is not allowed in this string");
    return "";
  }
  return *value;
}

ast::ExprPtr AstBuilder::BuildString(antlr4::tree::TerminalNode* node, bool raw) {
  Span span = SpanOf(node);
  auto lit = std::make_unique<ast::StringLit>(span, raw);
  if (!node) return lit;
  std::string_view source(file_.text());
  size_t begin = span.offset + (raw ? 2 : 1);
  size_t end = span.end() - 1;
  if (raw) {
    lit->parts.push_back({std::string(source.substr(begin, end - begin)), nullptr});
    return lit;
  }
  std::string text;
  auto flush = [&] {
    if (!text.empty()) lit->parts.push_back({std::move(text), nullptr});
    text.clear();
  };
  for (size_t i = begin; i < end; ++i) {
    char c = source[i];
    if (c == '\\' && i + 1 < end) {
      char e = source[++i];
      switch (e) {
        case 'n': text += '\n'; break;
        case 't': text += '\t'; break;
        case 'r': text += '\r'; break;
        case '"': case '\\': case '{': case '}': text += e; break;
        case 'u': {
          // \uXXXX: a code point from the Basic Multilingual Plane, stored as UTF-8.
          uint32_t code = 0;
          size_t digits = 0;
          for (; digits < 4 && i + 1 < end && std::isxdigit(static_cast<unsigned char>(source[i + 1])); ++digits) {
            char h = source[++i];
            code = code * 16 + static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
          }
          if (digits != 4 || (code >= 0xD800 && code <= 0xDFFF)) {
            diags_.Report(DiagKind::InvalidLiteral, file_.SpanAt(static_cast<uint32_t>(i - 1 - digits), static_cast<uint32_t>(digits + 2)),
                          "`\\u` takes four hex digits naming a non-surrogate code point, as in `\\u00A0`");
            break;
          }
          if (code < 0x80) {
            text += static_cast<char>(code);
          } else if (code < 0x800) {
            text += static_cast<char>(0xC0 | (code >> 6));
            text += static_cast<char>(0x80 | (code & 0x3F));
          } else {
            text += static_cast<char>(0xE0 | (code >> 12));
            text += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            text += static_cast<char>(0x80 | (code & 0x3F));
          }
          break;
        }
        default:
          diags_.Report(DiagKind::InvalidLiteral, file_.SpanAt(static_cast<uint32_t>(i - 1), 2),
                        std::string("unknown escape `\\") + e + "`; use \\n, \\t, \\r, \\\", \\\\, \\{, \\} or \\uXXXX");
      }
      continue;
    }
    if (c == '}') {
      diags_.Report(DiagKind::BadInterpolation, file_.SpanAt(static_cast<uint32_t>(i), 1),
                    "unmatched `}` in a string; write `\\}` for a literal brace");
      continue;
    }
    if (c != '{') {
      text += c;
      continue;
    }
    // `{expr}`: find the matching brace, skipping nested strings and braces.
    size_t depth = 1, j = i + 1;
    bool in_string = false;
    for (; j < end && depth > 0; ++j) {
      if (in_string) {
        if (source[j] == '\\') ++j;
        else if (source[j] == '"') in_string = false;
      } else if (source[j] == '"') {
        in_string = true;
      } else if (source[j] == '{') {
        ++depth;
      } else if (source[j] == '}') {
        --depth;
      }
    }
    if (depth != 0) {
      diags_.Report(DiagKind::BadInterpolation, file_.SpanAt(static_cast<uint32_t>(i), 1),
                    "`{` starts an interpolation that is never closed; write `\\{` for a literal brace");
      break;
    }
    std::string_view inner = source.substr(i + 1, j - 1 - (i + 1));
    if (inner.find_first_not_of(" \t") == std::string_view::npos) {
      diags_.Report(DiagKind::BadInterpolation, file_.SpanAt(static_cast<uint32_t>(i), static_cast<uint32_t>(j - i)),
                    "empty interpolation `{}`");
    } else {
      flush();
      lit->parts.push_back({"", ParseInterpolation(file_, static_cast<uint32_t>(i + 1), inner, diags_)});
    }
    i = j - 1;
  }
  flush();
  return lit;
}

static const std::pair<const char*, ast::DurationUnit> kDurationUnits[] = {
    {"second", ast::DurationUnit::Seconds},  {"seconds", ast::DurationUnit::Seconds},
    {"minute", ast::DurationUnit::Minutes},  {"minutes", ast::DurationUnit::Minutes},
    {"hour", ast::DurationUnit::Hours},      {"hours", ast::DurationUnit::Hours},
    {"day", ast::DurationUnit::Days},        {"days", ast::DurationUnit::Days},
    {"week", ast::DurationUnit::Weeks},      {"weeks", ast::DurationUnit::Weeks},
    {"business_day", ast::DurationUnit::BusinessDays}, {"business_days", ast::DurationUnit::BusinessDays}};

ast::ExprPtr AstBuilder::BuildPrimary(P::PrimaryContext* ctx) {
  if (!ctx || !ctx->getStart()) return Error(ctx);
  Span span = SpanOf(ctx);
  if (auto* c = dynamic_cast<P::FractionLitContext*>(ctx)) {
    auto num = BuildNumber(c->INT(0), ast::ExprKind::Int);
    auto den = BuildNumber(c->INT(1), ast::ExprKind::Int);
    return std::make_unique<ast::FractionOf>(span, num->As<ast::IntLit>().value, den->As<ast::IntLit>().value,
                                             BuildPrimary(c->primary()));
  }
  if (auto* c = dynamic_cast<P::DurationLitContext*>(ctx)) {
    auto amount = BuildNumber(c->INT(), ast::ExprKind::Int);
    ast::Ident unit = MakeIdent(c->ident());
    for (auto [name, value] : kDurationUnits) {
      if (unit.name == name) return std::make_unique<ast::DurationLit>(span, amount->As<ast::IntLit>().value, value);
    }
    std::vector<std::string> names;  // plural first: "dayz" should suggest "days"
    for (auto it = std::rbegin(kDurationUnits); it != std::rend(kDurationUnits); ++it) names.push_back(it->first);
    auto& diag = diags_.Report(DiagKind::UnknownDurationUnit, unit.span, "unknown duration unit `" + unit.name + "`");
    diag.notes.push_back("units are seconds, minutes, hours, days, weeks and business_days");
    diag.SuggestClosest(unit.span, unit.name, names);
    return Error(ctx);
  }
  if (auto* c = dynamic_cast<P::IntLitContext*>(ctx)) return BuildNumber(c->INT(), ast::ExprKind::Int);
  if (auto* c = dynamic_cast<P::DecimalLitContext*>(ctx)) return BuildNumber(c->DECIMAL(), ast::ExprKind::Decimal);
  if (auto* c = dynamic_cast<P::PercentLitContext*>(ctx)) return BuildNumber(c->PERCENT(), ast::ExprKind::Percent);
  if (auto* c = dynamic_cast<P::StringLitContext*>(ctx)) return BuildString(c->STRING(), false);
  if (auto* c = dynamic_cast<P::RawStringLitContext*>(ctx)) return BuildString(c->RAW_STRING(), true);
  if (auto* c = dynamic_cast<P::DateLitContext*>(ctx)) {
    auto days = ParseDate(c->DATE()->getText());
    if (!days) diags_.Report(DiagKind::InvalidLiteral, span, "`" + c->DATE()->getText() + "` is not a calendar date");
    return std::make_unique<ast::DateLit>(span, days.value_or(0));
  }
  if (auto* c = dynamic_cast<P::TimestampLitContext*>(ctx)) {
    auto micros = ParseTimestamp(c->TIMESTAMP()->getText());
    if (!micros) {
      diags_.Report(DiagKind::InvalidLiteral, span, "`" + c->TIMESTAMP()->getText() + "` is not a valid RFC 3339 timestamp");
    }
    return std::make_unique<ast::TimestampLit>(span, micros.value_or(0));
  }
  if (auto* c = dynamic_cast<P::BoolLitContext*>(ctx)) return std::make_unique<ast::BoolLit>(span, c->TRUE() != nullptr);
  if (dynamic_cast<P::NoneLitContext*>(ctx)) return std::make_unique<ast::NoneLit>(span);
  if (auto* c = dynamic_cast<P::ListLitContext*>(ctx)) {
    auto list = std::make_unique<ast::ListLit>(span);
    for (auto* element : c->expr()) list->elements.push_back(BuildExpr(element));
    return list;
  }
  if (auto* c = dynamic_cast<P::RecordLitContext*>(ctx)) {
    auto record = std::make_unique<ast::RecordLit>(span);
    record->type_name = MakeIdent(c->ident());
    record->fields = BuildRecordBody(c->recordBody());
    return record;
  }
  if (auto* c = dynamic_cast<P::CallExprContext*>(ctx)) {
    auto call = std::make_unique<ast::CallExpr>(span);
    call->callee = MakeIdent(c->ident());
    call->args = BuildArgs(c->args());
    return call;
  }
  if (auto* c = dynamic_cast<P::NameExprContext*>(ctx)) {
    ast::Ident name = MakeIdent(c->ident());
    return std::make_unique<ast::NameExpr>(span, name);
  }
  if (auto* c = dynamic_cast<P::MatchExprContext*>(ctx)) {
    auto match = std::make_unique<ast::MatchExpr>(span);
    match->subject = BuildExpr(c->expr());
    for (auto* arm : c->matchArm()) {
      ast::MatchArm out;
      for (auto* pattern : arm->pattern()) {
        if (pattern->ident()) out.patterns.push_back(MakeIdent(pattern->ident()));
        else out.patterns.push_back(ast::Ident{"_", SpanOf(pattern)});
      }
      out.value = BuildExpr(arm->expr());
      out.span = SpanOf(arm);
      match->arms.push_back(std::move(out));
    }
    return match;
  }
  if (auto* c = dynamic_cast<P::IfExprContext*>(ctx)) {
    auto expr = std::make_unique<ast::IfExpr>(span);
    expr->cond = BuildExpr(c->expr(0));
    expr->then_value = BuildExpr(c->expr(1));
    expr->else_value = BuildExpr(c->expr(2));
    return expr;
  }
  if (auto* c = dynamic_cast<P::ParenExprContext*>(ctx)) return BuildExpr(c->expr());
  return Error(ctx);
}

}  // namespace charter
