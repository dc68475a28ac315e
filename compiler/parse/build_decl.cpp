// Parse tree → AST for files, declarations and statements.
#include "compiler/parse/build_ast.h"

namespace charter {

using P = charter_grammar::CharterParser;

Span AstBuilder::SpanOf(antlr4::ParserRuleContext* ctx) const {
  if (!ctx) return {};
  return offsets_.RangeSpan(ctx->getStart(), ctx->getStop());
}

Span AstBuilder::SpanOf(antlr4::tree::TerminalNode* node) const {
  return node ? offsets_.TokenSpan(node->getSymbol()) : Span{};
}

std::string AstBuilder::DocBefore(antlr4::ParserRuleContext* ctx) const {
  if (!ctx || !ctx->getStart() || ctx->getStart()->getTokenIndex() >= tokens_.size()) return "";
  std::string doc;
  for (antlr4::Token* token : tokens_.getHiddenTokensToLeft(ctx->getStart()->getTokenIndex(), 2)) {
    std::string line = token->getText().substr(3);
    if (!line.empty() && line.front() == ' ') line.erase(0, 1);
    if (!doc.empty()) doc += '\n';
    doc += line;
  }
  return doc;
}

ast::Ident AstBuilder::MakeIdent(P::IdentContext* ctx) const {
  if (!ctx || ctx->getStart() == nullptr) return {};
  return ast::Ident{ctx->getText(), SpanOf(ctx)};
}

ast::TypeRef AstBuilder::MakeType(P::TypeContext* ctx) const {
  ast::TypeRef type;
  if (!ctx) return type;
  type.name = MakeIdent(ctx->ident());
  for (auto* arg : ctx->type()) type.args.push_back(MakeType(arg));
  type.optional = !ctx->children.empty() && ctx->children.back()->getText() == "?";
  type.span = SpanOf(ctx);
  return type;
}

std::vector<ast::Param> AstBuilder::MakeParams(P::ParamsContext* ctx) const {
  std::vector<ast::Param> params;
  if (!ctx) return params;
  for (auto* param : ctx->param()) params.push_back({MakeIdent(param->ident()), MakeType(param->type())});
  return params;
}

std::unique_ptr<ast::File> AstBuilder::BuildFile(P::FileContext* ctx) {
  auto file = std::make_unique<ast::File>();
  file->id = file_.id();
  if (!ctx) return file;
  if (auto* header = ctx->header()) {
    file->role = header->MODULE() ? ast::FileRole::Module : ast::FileRole::Policy;
    if (auto* name = header->qualifiedName()) {
      for (auto* part : name->ident()) file->name.push_back(MakeIdent(part));
    }
    file->header_span = SpanOf(header);
  }
  for (auto* import : ctx->importDecl()) {
    ast::Import out;
    if (auto* name = import->qualifiedName()) {
      for (auto* part : name->ident()) out.path.push_back(MakeIdent(part));
    }
    if (import->AS()) out.alias = MakeIdent(import->ident());
    out.span = SpanOf(import);
    if (!out.path.empty()) file->imports.push_back(std::move(out));
  }
  AddDecls(ctx->decl(), *file);
  return file;
}

std::unique_ptr<ast::File> AstBuilder::BuildDeclarations(P::DeclarationsContext* ctx) {
  auto file = std::make_unique<ast::File>();
  file->id = file_.id();
  if (ctx) AddDecls(ctx->decl(), *file);
  return file;
}

void AstBuilder::AddDecls(const std::vector<P::DeclContext*>& decls, ast::File& file) {
  for (auto* decl : decls) {
    if (auto built = BuildDecl(decl)) {
      built->file = file_.id();
      file.decls.push_back(std::move(built));
    }
  }
}

ast::DeclPtr AstBuilder::BuildDecl(P::DeclContext* ctx) {
  if (!ctx) return nullptr;
  ast::DeclPtr decl;
  if (auto* c = ctx->enumDecl()) decl = BuildEnum(c);
  else if (auto* c = ctx->recordDecl()) decl = BuildRecord(c);
  else if (auto* c = ctx->eventDecl()) decl = BuildEvent(c);
  else if (auto* c = ctx->constDecl()) decl = BuildConst(c);
  else if (auto* c = ctx->fnDecl()) decl = BuildFn(c);
  else if (auto* c = ctx->externFnDecl()) decl = BuildExternFn(c);
  else if (auto* c = ctx->tierDecl()) decl = BuildTier(c);
  else if (auto* c = ctx->quorumDecl()) decl = BuildQuorum(c);
  else if (auto* c = ctx->voteDecl()) decl = BuildVote(c);
  else if (auto* c = ctx->thresholdDecl()) decl = BuildThreshold(c);
  else if (auto* c = ctx->ruleDecl()) decl = BuildRule(c);
  else if (auto* c = ctx->testDecl()) decl = BuildTest(c);
  if (decl) decl->doc = DocBefore(ctx);
  // A declaration whose name did not parse cannot be referred to; drop it.
  if (decl && decl->name.name.empty()) return nullptr;
  return decl;
}

ast::DeclPtr AstBuilder::BuildEnum(P::EnumDeclContext* ctx) {
  auto decl = std::make_unique<ast::EnumDecl>(SpanOf(ctx));
  decl->name = MakeIdent(ctx->ident());
  for (auto* member : ctx->enumMember()) {
    ast::EnumMember out{MakeIdent(member->ident()), member->STRING() ? StringValue(member->STRING()) : "",
                        DocBefore(member)};
    if (!out.name.name.empty()) decl->members.push_back(std::move(out));
  }
  return decl;
}

std::vector<ast::FieldDecl> AstBuilder::BuildFields(const std::vector<P::FieldDeclContext*>& fields) {
  std::vector<ast::FieldDecl> out;
  for (auto* field : fields) {
    ast::FieldDecl built{MakeIdent(field->ident()), MakeType(field->type()), DocBefore(field)};
    if (!built.name.name.empty()) out.push_back(std::move(built));
  }
  return out;
}

ast::DeclPtr AstBuilder::BuildRecord(P::RecordDeclContext* ctx) {
  auto decl = std::make_unique<ast::RecordDecl>(SpanOf(ctx));
  decl->name = MakeIdent(ctx->ident());
  decl->fields = BuildFields(ctx->fieldDecl());
  return decl;
}

ast::DeclPtr AstBuilder::BuildEvent(P::EventDeclContext* ctx) {
  auto decl = std::make_unique<ast::EventDecl>(SpanOf(ctx));
  decl->name = MakeIdent(ctx->ident());
  decl->fields = BuildFields(ctx->fieldDecl());
  if (ctx->STRING()) {
    decl->json_kind = StringValue(ctx->STRING());
    decl->json_kind_span = SpanOf(ctx->STRING());
  } else {
    decl->json_kind = decl->name.name;
    decl->json_kind_span = decl->name.span;
  }
  return decl;
}

ast::DeclPtr AstBuilder::BuildConst(P::ConstDeclContext* ctx) {
  auto decl = std::make_unique<ast::ConstDecl>(SpanOf(ctx));
  decl->name = MakeIdent(ctx->ident());
  if (ctx->type()) decl->type = MakeType(ctx->type());
  decl->value = BuildExpr(ctx->expr());
  return decl;
}

ast::DeclPtr AstBuilder::BuildFn(P::FnDeclContext* ctx) {
  auto decl = std::make_unique<ast::FnDecl>(SpanOf(ctx));
  decl->name = MakeIdent(ctx->ident());
  decl->params = MakeParams(ctx->params());
  decl->result = MakeType(ctx->type());
  if (auto* body = ctx->fnBody()) {
    for (auto* let : body->letStmt()) decl->lets.push_back(BuildLet(let));
    decl->body = BuildExpr(body->expr());
  } else {
    decl->body = Error(ctx);
  }
  return decl;
}

ast::DeclPtr AstBuilder::BuildExternFn(P::ExternFnDeclContext* ctx) {
  auto decl = std::make_unique<ast::FnDecl>(SpanOf(ctx), ast::DeclKind::ExternFn);
  decl->name = MakeIdent(ctx->ident());
  decl->params = MakeParams(ctx->params());
  decl->result = MakeType(ctx->type());
  return decl;
}

ast::DeclPtr AstBuilder::BuildTier(P::TierDeclContext* ctx) {
  auto decl = std::make_unique<ast::TierDecl>(SpanOf(ctx));
  decl->name = MakeIdent(ctx->ident());
  decl->row_type = MakeType(ctx->type());
  for (auto* row : ctx->tierRow()) {
    ast::TierRow out;
    out.member = MakeIdent(row->ident());
    if (row->STRING()) out.label = StringValue(row->STRING());
    out.fields = BuildRecordBody(row->recordBody());
    out.span = SpanOf(row);
    if (!out.member.name.empty()) decl->rows.push_back(std::move(out));
  }
  return decl;
}

ast::DeclPtr AstBuilder::BuildQuorum(P::QuorumDeclContext* ctx) {
  auto decl = std::make_unique<ast::QuorumDecl>(SpanOf(ctx));
  decl->name = MakeIdent(ctx->ident(0));
  decl->ballot_type = MakeType(ctx->type());
  decl->role_field = MakeIdent(ctx->ident(1));
  for (auto* clause : ctx->quorumClause()) {
    ast::QuorumClause out;
    out.span = SpanOf(clause);
    P::QuorumCountContext* count = nullptr;
    if (auto* total = dynamic_cast<P::QuorumTotalContext*>(clause)) {
      out.total = true;
      count = total->quorumCount();
    } else if (auto* role = dynamic_cast<P::QuorumRoleContext*>(clause)) {
      out.role = MakeIdent(role->ident());
      count = role->quorumCount();
    }
    if (count && count->INT()) {
      out.count = BuildNumber(count->INT(), ast::ExprKind::Int);
    } else if (count && count->ident()) {
      ast::Ident name = MakeIdent(count->ident());
      out.count = std::make_unique<ast::NameExpr>(name.span, name);
    } else {
      out.count = Error(clause);
    }
    decl->clauses.push_back(std::move(out));
  }
  return decl;
}

ast::DeclPtr AstBuilder::BuildVote(P::VoteDeclContext* ctx) {
  auto decl = std::make_unique<ast::VoteDecl>(SpanOf(ctx));
  auto idents = ctx->ident();
  decl->name = MakeIdent(ctx->ident(0));
  decl->ballot_type = MakeType(ctx->type());
  decl->choice_field = MakeIdent(ctx->ident(1));
  if (idents.size() > 2) decl->role_field = MakeIdent(idents[2]);
  for (auto* clause : ctx->voteClause()) {
    if (auto* c = dynamic_cast<P::VoteCategoryContext*>(clause)) {
      ast::VoteCategory category;
      auto names = c->ident();
      if (names.empty()) continue;
      category.category = MakeIdent(names[0]);
      for (size_t i = 1; i < names.size(); ++i) category.members.push_back(MakeIdent(names[i]));
      decl->categories.push_back(std::move(category));
    } else if (auto* c = dynamic_cast<P::VotePassContext*>(clause)) {
      decl->pass = BuildExpr(c->expr());
      decl->pass_span = SpanOf(c);
    } else if (auto* c = dynamic_cast<P::VoteTieContext*>(clause)) {
      decl->tie = BuildExpr(c->expr());
      decl->tie_role = MakeIdent(c->ident());
    } else if (auto* c = dynamic_cast<P::VoteMinorityContext*>(clause)) {
      decl->protected_roles.push_back(MakeIdent(c->ident()));
    } else if (auto* c = dynamic_cast<P::VoteTabledContext*>(clause)) {
      decl->tabled = BuildExpr(c->expr());
    }
  }
  return decl;
}

ast::ExprPtr AstBuilder::BuildBandValue(P::BandValueContext* ctx) {
  if (!ctx) return Error(ctx);
  ast::ExprPtr value = ctx->primary() ? BuildPrimary(ctx->primary()) : Error(ctx);
  if (!ctx->children.empty() && ctx->children.front()->getText() == "-") {
    return std::make_unique<ast::UnaryExpr>(SpanOf(ctx), ast::UnaryOp::Neg, std::move(value));
  }
  return value;
}

ast::DeclPtr AstBuilder::BuildThreshold(P::ThresholdDeclContext* ctx) {
  auto decl = std::make_unique<ast::ThresholdDecl>(SpanOf(ctx));
  decl->name = MakeIdent(ctx->ident());
  if (auto* param = ctx->param()) decl->param = {MakeIdent(param->ident()), MakeType(param->type())};
  if (auto* range = ctx->range()) {
    decl->domain_low = BuildBandValue(range->bandValue(0));
    decl->domain_high = BuildBandValue(range->bandValue(1));
  }
  decl->result = MakeType(ctx->type());
  for (auto* band : ctx->band()) {
    ast::Band out;
    out.span = SpanOf(band);
    out.is_else = band->ELSE() != nullptr;
    for (auto* bound : band->bandBound()) {
      ast::BoundOp op = ast::BoundOp::Lt;
      std::string text = bound->op ? bound->op->getText() : "<";
      if (text == "<=") op = ast::BoundOp::Le;
      else if (text == ">") op = ast::BoundOp::Gt;
      else if (text == ">=") op = ast::BoundOp::Ge;
      out.bounds.push_back({op, BuildBandValue(bound->bandValue()), SpanOf(bound)});
    }
    out.result = BuildExpr(band->expr());
    decl->bands.push_back(std::move(out));
  }
  return decl;
}

ast::DeclPtr AstBuilder::BuildRule(P::RuleDeclContext* ctx) {
  auto decl = std::make_unique<ast::RuleDecl>(SpanOf(ctx));
  decl->name = MakeIdent(ctx->ident(0));
  decl->event = MakeIdent(ctx->ident(1));
  if (ctx->expr()) decl->when = BuildExpr(ctx->expr());
  decl->body = BuildBlock(ctx->block());
  return decl;
}

ast::DeclPtr AstBuilder::BuildTest(P::TestDeclContext* ctx) {
  auto decl = std::make_unique<ast::TestDecl>(SpanOf(ctx));
  if (ctx->STRING()) {
    decl->title = StringValue(ctx->STRING());
    decl->name = ast::Ident{decl->title, SpanOf(ctx->STRING())};
  }
  decl->given = BuildExpr(ctx->expr());
  for (auto* expect : ctx->expectation()) {
    ast::Expectation out;
    out.span = SpanOf(expect);
    auto codes = [&](const std::vector<antlr4::tree::TerminalNode*>& nodes) {
      for (auto* node : nodes) out.codes.emplace_back(StringValue(node), SpanOf(node));
    };
    if (dynamic_cast<P::ExpectAllowContext*>(expect)) {
      out.kind = ast::ExpectKind::Allow;
    } else if (auto* c = dynamic_cast<P::ExpectDenyContext*>(expect)) {
      out.kind = ast::ExpectKind::Deny;
      codes(c->STRING());
    } else if (auto* c = dynamic_cast<P::ExpectNotReasonContext*>(expect)) {
      out.kind = ast::ExpectKind::NotReason;
      codes(c->STRING());
    } else if (auto* c = dynamic_cast<P::ExpectWarnContext*>(expect)) {
      out.kind = ast::ExpectKind::Warn;
      codes({c->STRING()});
    } else if (auto* c = dynamic_cast<P::ExpectNoWarnContext*>(expect)) {
      out.kind = ast::ExpectKind::NoWarn;
      codes({c->STRING()});
    } else if (auto* c = dynamic_cast<P::ExpectObligeContext*>(expect)) {
      out.kind = ast::ExpectKind::Oblige;
      codes({c->STRING()});
    } else if (auto* c = dynamic_cast<P::ExpectNoObligeContext*>(expect)) {
      out.kind = ast::ExpectKind::NoOblige;
      codes({c->STRING()});
    } else if (auto* c = dynamic_cast<P::ExpectValueContext*>(expect)) {
      out.kind = ast::ExpectKind::Value;
      out.value_name = MakeIdent(c->ident());
      out.value = BuildExpr(c->expr());
    } else {
      continue;
    }
    // Drop codes whose token was missing (error recovery inserts nothing).
    std::erase_if(out.codes, [](const auto& code) { return !code.second.valid(); });
    decl->expectations.push_back(std::move(out));
  }
  return decl;
}

// ------------------------------------------------------------------ statements

ast::Block AstBuilder::BuildBlock(P::BlockContext* ctx) {
  ast::Block block;
  if (!ctx) return block;
  for (auto* stmt : ctx->stmt()) {
    if (auto built = BuildStmt(stmt)) block.push_back(std::move(built));
  }
  return block;
}

std::unique_ptr<ast::LetStmt> AstBuilder::BuildLet(P::LetStmtContext* ctx) {
  auto let = std::make_unique<ast::LetStmt>(SpanOf(ctx));
  if (!ctx) return let;
  let->name = MakeIdent(ctx->ident());
  if (ctx->type()) let->type = MakeType(ctx->type());
  let->value = BuildExpr(ctx->expr());
  return let;
}

ast::Reason AstBuilder::BuildReason(P::ReasonContext* ctx) {
  ast::Reason reason;
  if (!ctx) return reason;
  if (ctx->STRING()) {
    reason.code = StringValue(ctx->STRING());
    reason.code_span = SpanOf(ctx->STRING());
  }
  reason.message = BuildExpr(ctx->expr());
  return reason;
}

ast::StmtPtr AstBuilder::BuildStmt(P::StmtContext* ctx) {
  Span span = SpanOf(ctx);
  if (auto* c = dynamic_cast<P::LetStatementContext*>(ctx)) {
    auto let = BuildLet(c->letStmt());
    if (let->name.name.empty()) return nullptr;
    return let;
  }
  if (auto* c = dynamic_cast<P::RequireStmtContext*>(ctx)) {
    auto stmt = std::make_unique<ast::ReasonStmt>(ast::StmtKind::Require, span);
    stmt->cond = BuildExpr(c->expr());
    stmt->reason = BuildReason(c->reason());
    return stmt;
  }
  auto reason_stmt = [&](ast::StmtKind kind, P::ReasonContext* reason) {
    auto stmt = std::make_unique<ast::ReasonStmt>(kind, span);
    stmt->reason = BuildReason(reason);
    return stmt;
  };
  if (auto* c = dynamic_cast<P::DenyStmtContext*>(ctx)) return reason_stmt(ast::StmtKind::Deny, c->reason());
  if (auto* c = dynamic_cast<P::WarnStmtContext*>(ctx)) return reason_stmt(ast::StmtKind::Warn, c->reason());
  if (auto* c = dynamic_cast<P::ObligeStmtContext*>(ctx)) return reason_stmt(ast::StmtKind::Oblige, c->reason());
  if (auto* c = dynamic_cast<P::ValueStmtContext*>(ctx)) {
    auto stmt = std::make_unique<ast::ValueStmt>(span);
    stmt->name = MakeIdent(c->ident());
    stmt->value = BuildExpr(c->expr());
    return stmt;
  }
  if (auto* c = dynamic_cast<P::WhenStmtContext*>(ctx)) {
    auto stmt = std::make_unique<ast::WhenStmt>(span);
    auto conds = c->expr();
    auto blocks = c->block();
    for (size_t i = 0; i < conds.size() && i < blocks.size(); ++i) {
      stmt->branches.push_back({BuildExpr(conds[i]), BuildBlock(blocks[i])});
    }
    if (blocks.size() > conds.size()) stmt->otherwise = BuildBlock(blocks.back());
    return stmt;
  }
  if (auto* c = dynamic_cast<P::VetoStmtContext*>(ctx)) {
    auto stmt = std::make_unique<ast::VetoStmt>(span);
    stmt->binder = MakeIdent(c->ident());
    auto exprs = c->expr();
    stmt->list = BuildExpr(exprs.empty() ? nullptr : exprs[0]);
    if (c->WHERE() && exprs.size() > 1) stmt->where = BuildExpr(exprs[1]);
    for (auto* clause : c->vetoClause()) {
      Span clause_span = SpanOf(clause);
      if (auto* valid = dynamic_cast<P::VetoValidContext*>(clause)) {
        stmt->valid_spans.push_back(clause_span);
        stmt->valid = BuildExpr(valid->expr());
        if (valid->reason()) stmt->invalid_warning = BuildReason(valid->reason());
      } else if (auto* over = dynamic_cast<P::VetoOverrideContext*>(clause)) {
        stmt->override_spans.push_back(clause_span);
        stmt->overridden = BuildExpr(over->expr());
      } else if (auto* deny = dynamic_cast<P::VetoDenyContext*>(clause)) {
        stmt->deny_spans.push_back(clause_span);
        stmt->deny = BuildReason(deny->reason());
      }
    }
    return stmt;
  }
  return nullptr;
}

}  // namespace charter
