// Internal to compiler/parse: converts ANTLR contexts into ast nodes.
#pragma once

#include <string_view>
#include <vector>

#include "CharterParser.h"
#include "antlr4-runtime.h"
#include "compiler/ast/ast.h"
#include "compiler/diagnostics/diagnostic.h"

namespace charter {

/// Maps ANTLR's code-point token indices to byte spans of the source file.
class OffsetMap {
 public:
  /// `text` starts at byte `base` of `file` (an interpolation parses a slice).
  OffsetMap(const SourceFile& file, uint32_t base, std::string_view text);
  uint32_t Byte(size_t code_point) const;
  Span TokenSpan(const antlr4::Token* token) const;
  Span RangeSpan(const antlr4::Token* start, const antlr4::Token* stop) const;

 private:
  const SourceFile& file_;
  uint32_t base_;
  std::vector<uint32_t> byte_of_code_point_;
};

/// Byte offsets of invalid UTF-8 sequences; ANTLR's decoder throws on them.
std::vector<uint32_t> InvalidUtf8(std::string_view text);
/// The text ANTLR sees: each invalid byte becomes `?`, so byte offsets stay aligned.
std::string Sanitized(std::string_view text);

/// `text` cut to its first `limit` bytes (on a character boundary) and an
/// ellipsis, for quoting source text in a message.
std::string Shortened(std::string_view text, size_t limit = 40);

struct Chunk;
/// Parses one piece of `file` (`sanitized` is its text); `next` is the piece after it, if any.
std::unique_ptr<ast::File> ParseChunk(const SourceFile& file, const Chunk& chunk, std::string_view sanitized,
                                      const Chunk* next, DiagnosticSink& diags);

/// Parses the expression inside `{...}` of a string literal; `base` is its byte offset.
ast::ExprPtr ParseInterpolation(const SourceFile& file, uint32_t base, std::string_view text, DiagnosticSink& diags);

class AstBuilder {
  using P = charter_grammar::CharterParser;

 public:
  AstBuilder(const SourceFile& file, const OffsetMap& offsets, antlr4::CommonTokenStream& tokens, DiagnosticSink& diags)
      : file_(file), offsets_(offsets), tokens_(tokens), diags_(diags) {}

  std::unique_ptr<ast::File> BuildFile(P::FileContext* ctx);
  /// A file holding only the declarations of one piece.
  std::unique_ptr<ast::File> BuildDeclarations(P::DeclarationsContext* ctx);
  ast::ExprPtr BuildExpr(P::ExprContext* ctx);

 private:
  Span SpanOf(antlr4::ParserRuleContext* ctx) const;
  Span SpanOf(antlr4::tree::TerminalNode* node) const;
  std::string DocBefore(antlr4::ParserRuleContext* ctx) const;

  ast::Ident MakeIdent(P::IdentContext* ctx) const;
  ast::TypeRef MakeType(P::TypeContext* ctx) const;
  std::vector<ast::Param> MakeParams(P::ParamsContext* ctx) const;

  void AddDecls(const std::vector<P::DeclContext*>& decls, ast::File& file);
  ast::DeclPtr BuildDecl(P::DeclContext* ctx);
  ast::DeclPtr BuildEnum(P::EnumDeclContext* ctx);
  ast::DeclPtr BuildRecord(P::RecordDeclContext* ctx);
  ast::DeclPtr BuildEvent(P::EventDeclContext* ctx);
  ast::DeclPtr BuildConst(P::ConstDeclContext* ctx);
  ast::DeclPtr BuildFn(P::FnDeclContext* ctx);
  ast::DeclPtr BuildExternFn(P::ExternFnDeclContext* ctx);
  ast::DeclPtr BuildTier(P::TierDeclContext* ctx);
  ast::DeclPtr BuildQuorum(P::QuorumDeclContext* ctx);
  ast::DeclPtr BuildVote(P::VoteDeclContext* ctx);
  ast::DeclPtr BuildThreshold(P::ThresholdDeclContext* ctx);
  ast::DeclPtr BuildRule(P::RuleDeclContext* ctx);
  ast::DeclPtr BuildTest(P::TestDeclContext* ctx);
  std::vector<ast::FieldDecl> BuildFields(const std::vector<P::FieldDeclContext*>& fields);

  ast::Block BuildBlock(P::BlockContext* ctx);
  ast::StmtPtr BuildStmt(P::StmtContext* ctx);
  std::unique_ptr<ast::LetStmt> BuildLet(P::LetStmtContext* ctx);
  ast::Reason BuildReason(P::ReasonContext* ctx);

  ast::ExprPtr BuildPrimary(P::PrimaryContext* ctx);
  ast::ExprPtr BuildBandValue(P::BandValueContext* ctx);
  std::vector<ast::ExprPtr> BuildArgs(P::ArgsContext* ctx);
  std::vector<ast::FieldInit> BuildRecordBody(P::RecordBodyContext* ctx);
  ast::ExprPtr BuildString(antlr4::tree::TerminalNode* node, bool raw);
  ast::ExprPtr BuildNumber(antlr4::tree::TerminalNode* node, ast::ExprKind kind);
  ast::ExprPtr Error(antlr4::ParserRuleContext* ctx) const;
  std::string StringValue(antlr4::tree::TerminalNode* node);

  const SourceFile& file_;
  const OffsetMap& offsets_;
  antlr4::CommonTokenStream& tokens_;
  DiagnosticSink& diags_;
};

}  // namespace charter
