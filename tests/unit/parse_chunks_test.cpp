// Declaration-by-declaration parsing: where files are cut, and that a tree
// reused from the parse cache is the tree a fresh parse gives, span for span.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fmt/format.h>

#include "compiler/ast/clone.h"
#include "compiler/ast/print.h"
#include "compiler/ast/serialize.h"
#include "compiler/parse/chunks.h"
#include "compiler/parse/parse.h"
#include "compiler/parse/parse_cache.h"
#include "test_support.h"

using namespace charter;

namespace {

// The first line of each piece after the head.
std::vector<std::string> FirstLines(const std::string& text) {
  std::vector<std::string> lines;
  for (const Chunk& chunk : SplitDeclarations(text)) {
    if (chunk.head) continue;
    std::string piece = text.substr(chunk.offset, chunk.length);
    piece.erase(0, piece.find_first_not_of('\n'));
    lines.push_back(piece.substr(0, piece.find('\n')));
  }
  return lines;
}

// Every span of a tree, by a walk written apart from ast::CloneDecl, so a
// field the cloner forgets shows up as a difference.
struct SpanWalk {
  std::string out;
  void S(const Span& span) { out += fmt::format("{}+{}@{}:{} ", span.offset, span.length, span.line, span.column); }
  void I(const ast::Ident& ident) { out += ident.name + " "; S(ident.span); }
  void T(const ast::TypeRef& type) {
    I(type.name);
    S(type.span);
    for (const auto& arg : type.args) T(arg);
  }
  void F(const std::vector<ast::FieldInit>& fields) {
    for (const auto& field : fields) { I(field.name); E(field.value.get()); }
  }
  void R(const ast::Reason& reason) { S(reason.code_span); E(reason.message.get()); }
  void E(const ast::Expr* expr) {
    if (!expr) { out += "- "; return; }
    out += fmt::format("{}:", ast::ExprKindName(expr->kind));
    S(expr->span);
    using K = ast::ExprKind;
    switch (expr->kind) {
      case K::String: for (const auto& part : expr->As<ast::StringLit>().parts) E(part.expr.get()); break;
      case K::Fraction: E(expr->As<ast::FractionOf>().whole.get()); break;
      case K::List: for (const auto& e : expr->As<ast::ListLit>().elements) E(e.get()); break;
      case K::Record: I(expr->As<ast::RecordLit>().type_name); F(expr->As<ast::RecordLit>().fields); break;
      case K::Name: I(expr->As<ast::NameExpr>().name); break;
      case K::Lambda: I(expr->As<ast::LambdaExpr>().param); E(expr->As<ast::LambdaExpr>().body.get()); break;
      case K::Call: I(expr->As<ast::CallExpr>().callee); for (const auto& a : expr->As<ast::CallExpr>().args) E(a.get()); break;
      case K::Member: {
        const auto& m = expr->As<ast::MemberExpr>();
        E(m.object.get()); I(m.name); out += fmt::format("{}{} ", m.is_call, m.optional_chain);
        for (const auto& a : m.args) E(a.get());
        break;
      }
      case K::With: E(expr->As<ast::WithExpr>().base.get()); F(expr->As<ast::WithExpr>().fields); break;
      case K::Unary: E(expr->As<ast::UnaryExpr>().operand.get()); break;
      case K::Binary: {
        const auto& b = expr->As<ast::BinaryExpr>();
        S(b.op_span); E(b.lhs.get()); E(b.rhs.get());
        break;
      }
      case K::Match:
        E(expr->As<ast::MatchExpr>().subject.get());
        for (const auto& arm : expr->As<ast::MatchExpr>().arms) {
          for (const auto& p : arm.patterns) I(p);
          E(arm.value.get()); S(arm.span);
        }
        break;
      case K::If: {
        const auto& i = expr->As<ast::IfExpr>();
        E(i.cond.get()); E(i.then_value.get()); E(i.else_value.get());
        break;
      }
      default: break;
    }
  }
  void B(const ast::Block& block) { for (const auto& stmt : block) St(*stmt); }
  void St(const ast::Stmt& stmt) {
    S(stmt.span);
    using K = ast::StmtKind;
    switch (stmt.kind) {
      case K::Let: { const auto& l = stmt.As<ast::LetStmt>(); I(l.name); if (l.type) T(*l.type); E(l.value.get()); break; }
      case K::Value: I(stmt.As<ast::ValueStmt>().name); E(stmt.As<ast::ValueStmt>().value.get()); break;
      case K::When:
        for (const auto& branch : stmt.As<ast::WhenStmt>().branches) { E(branch.cond.get()); B(branch.body); }
        if (stmt.As<ast::WhenStmt>().otherwise) B(*stmt.As<ast::WhenStmt>().otherwise);
        break;
      case K::Veto: {
        const auto& v = stmt.As<ast::VetoStmt>();
        I(v.binder); E(v.list.get()); E(v.where.get()); E(v.valid.get());
        if (v.invalid_warning) R(*v.invalid_warning);
        E(v.overridden.get());
        if (v.deny) R(*v.deny);
        for (const auto* spans : {&v.valid_spans, &v.override_spans, &v.deny_spans}) for (const auto& s : *spans) S(s);
        break;
      }
      default: E(stmt.As<ast::ReasonStmt>().cond.get()); R(stmt.As<ast::ReasonStmt>().reason); break;
    }
  }
  void D(const ast::Decl& decl) {
    S(decl.span); I(decl.name);
    using K = ast::DeclKind;
    switch (decl.kind) {
      case K::Enum: for (const auto& m : decl.As<ast::EnumDecl>().members) I(m.name); break;
      case K::Record: case K::Event:
        for (const auto& f : decl.As<ast::RecordDecl>().fields) { I(f.name); T(f.type); }
        if (decl.kind == K::Event) S(decl.As<ast::EventDecl>().json_kind_span);
        break;
      case K::Const: if (decl.As<ast::ConstDecl>().type) T(*decl.As<ast::ConstDecl>().type); E(decl.As<ast::ConstDecl>().value.get()); break;
      case K::Fn: case K::ExternFn: {
        const auto& fn = decl.As<ast::FnDecl>();
        for (const auto& p : fn.params) { I(p.name); T(p.type); }
        T(fn.result);
        for (const auto& let : fn.lets) St(*let);
        E(fn.body.get());
        break;
      }
      case K::Tier:
        T(decl.As<ast::TierDecl>().row_type);
        for (const auto& row : decl.As<ast::TierDecl>().rows) { I(row.member); F(row.fields); S(row.span); }
        break;
      case K::Quorum: {
        const auto& q = decl.As<ast::QuorumDecl>();
        T(q.ballot_type); I(q.role_field);
        for (const auto& c : q.clauses) { E(c.count.get()); I(c.role); S(c.span); }
        break;
      }
      case K::Vote: {
        const auto& v = decl.As<ast::VoteDecl>();
        T(v.ballot_type); I(v.choice_field);
        if (v.role_field) I(*v.role_field);
        for (const auto& c : v.categories) { I(c.category); for (const auto& m : c.members) I(m); }
        E(v.pass.get()); S(v.pass_span); E(v.tie.get());
        if (v.tie_role) I(*v.tie_role);
        for (const auto& r : v.protected_roles) I(r);
        E(v.tabled.get());
        break;
      }
      case K::Threshold: {
        const auto& t = decl.As<ast::ThresholdDecl>();
        I(t.param.name); T(t.param.type); E(t.domain_low.get()); E(t.domain_high.get()); T(t.result);
        for (const auto& band : t.bands) {
          for (const auto& bound : band.bounds) { E(bound.value.get()); S(bound.span); }
          E(band.result.get()); S(band.span);
        }
        break;
      }
      case K::Rule: I(decl.As<ast::RuleDecl>().event); E(decl.As<ast::RuleDecl>().when.get()); B(decl.As<ast::RuleDecl>().body); break;
      case K::Test:
        E(decl.As<ast::TestDecl>().given.get());
        for (const auto& x : decl.As<ast::TestDecl>().expectations) {
          for (const auto& code : x.codes) S(code.second);
          I(x.value_name); E(x.value.get()); S(x.span);
        }
        break;
    }
    out += "\n";
  }
};

// Everything a parse produced, spans included, as text to compare.
std::string Describe(const ast::File& file, const DiagnosticSink& diags) {
  std::string out = ast::PrintAst(file);
  std::string spans;
  ast::SpanMap record = [&](const Span& span) {
    spans += fmt::format("{}:{}+{}@{}:{} ", span.file, span.offset, span.length, span.line, span.column);
    return span;
  };
  for (const ast::Import& import : file.imports) ast::CloneImport(import, record);
  for (const ast::DeclPtr& decl : file.decls) {
    ast::CloneDecl(*decl, record);
    spans += fmt::format("[{} doc={} file={}]\n", decl->name.name, decl->doc, decl->file);
  }
  out += spans;
  SpanWalk walk;
  for (const ast::DeclPtr& decl : file.decls) walk.D(*decl);
  out += walk.out;
  for (const Diagnostic& d : diags.diagnostics()) {
    out += fmt::format("{} {}:{}+{}@{}:{} {}\n", d.code(), d.span.file, d.span.offset, d.span.length, d.span.line,
                       d.span.column, d.message);
    for (const DiagLabel& label : d.labels) out += fmt::format("  label {}+{} {}\n", label.span.offset, label.span.length, label.message);
    if (d.fix) out += fmt::format("  fix {}+{} {}\n", d.fix->span.offset, d.fix->span.length, d.fix->replacement);
  }
  return out;
}

std::string ParseDescribed(const std::string& text, ParseCache* cache) {
  SourceManager sources;
  DiagnosticSink diags;
  ParseOptions options;
  options.cache = cache;
  auto file = Parse(sources.Add("t.charter", text), diags, options);
  return Describe(*file, diags);
}

// The text with lines added above the first declaration (every piece moves
// down) and one declaration changed.
std::string Edited(const std::string& text) {
  std::vector<Chunk> chunks = SplitDeclarations(text);
  std::string edited = text;
  if (chunks.size() > 2) edited.insert(chunks[2].offset + chunks[2].length, "\n// edited\n\n");
  if (chunks.size() > 1) edited.insert(chunks[1].offset, "\n\n// moved down\n");
  return edited;
}

std::vector<std::string> CharterFiles() {
  std::vector<std::string> paths;
  for (const char* dir : {"policies", "tests", "stdlib", "examples"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(testing::SourcePath(dir))) {
      if (entry.path().extension() == ".charter" && entry.path().string().find("node_modules") == std::string::npos) {
        paths.push_back(entry.path().string());
      }
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace

TEST_CASE("A file is cut before each declaration, doc comments and all", "[parse][chunks]") {
  std::string text =
      "policy p\nimport std.time\n\n/// The limit.\nconst a = 1\n"
      "rule r on e {\n  require a > 0\n    else \"x\": \"rule y on z\"\n}\n"
      "/* block\nrule hidden on e {}\n*/\n"
      "extern\nfn f(x: int) -> int\n"
      "test \"t\" { given e {} expect allow }\n"
      "enum E { a }\nrecord R { rule: int }\nevent e kind \"e\" { tier: int }\n";
  std::vector<Chunk> chunks = SplitDeclarations(text);
  REQUIRE(chunks.front().head);
  CHECK(text.substr(0, chunks[1].offset) == "policy p\nimport std.time\n");
  CHECK(FirstLines(text) == std::vector<std::string>{"/// The limit.", "rule r on e {", "test \"t\" { given e {} expect allow }",
                                                     "enum E { a }", "record R { rule: int }",
                                                     "event e kind \"e\" { tier: int }"});
  // The pieces cover the text exactly.
  uint32_t at = 0;
  for (const Chunk& chunk : chunks) {
    CHECK(chunk.offset == at);
    at += chunk.length;
  }
  CHECK(at == text.size());
  CHECK(chunks[3].test);
  CHECK_FALSE(chunks[2].test);
}

TEST_CASE("A soft keyword followed by an operator word does not start a declaration", "[parse][chunks]") {
  std::string text = "const x = [1]\nconst y = 1 +\n  2\nconst z = true\n  and\nrule in [1]\n";
  CHECK(FirstLines(text) == std::vector<std::string>{"const x = [1]", "const y = 1 +", "const z = true"});
}

TEST_CASE("An unfinished declaration does not swallow the next one", "[parse][chunks]") {
  std::string text =
      "policy p\nevent e kind \"e\" { n: int }\nrule a on e {\n  require event.n > 0 else \"a\": \"m\"\n\n"
      "rule b on e {\n  deny \"b\": \"m\"\n}\n";
  SourceManager sources;
  DiagnosticSink diags;
  auto file = Parse(sources.Add("t.charter", text), diags);
  REQUIRE(file->decls.size() == 3);
  CHECK(file->decls[2]->name.name == "b");
  REQUIRE(diags.diagnostics().size() == 1);
  const Diagnostic& error = diags.diagnostics()[0];
  CHECK(error.code() == std::string("E0001"));
  CHECK(error.span.line == 6);
  CHECK(error.span.column == 1);
  CHECK(error.message.find("`rule`") != std::string::npos);
  CHECK(error.message.find("end of file") == std::string::npos);
}

TEST_CASE("Verbs that run no tests parse no tests", "[parse][chunks]") {
  std::string text = "policy p\nevent e kind \"e\" { n: int }\ntest \"t\" { given e { n: } expect allow }\nconst c = 1\n";
  SourceManager sources;
  DiagnosticSink diags;
  ParseOptions options;
  options.skip_tests = true;
  auto file = Parse(sources.Add("t.charter", text), diags, options);
  CHECK(diags.diagnostics().empty());
  REQUIRE(file->decls.size() == 2);
  CHECK(file->decls[1]->name.name == "c");
}

TEST_CASE("A tree from the parse cache is the tree of a fresh parse, after edits", "[parse][chunks]") {
  std::vector<std::string> paths = CharterFiles();
  REQUIRE(paths.size() > 50);
  for (const std::string& path : paths) {
    std::string text;
    REQUIRE(ReadFile(path, text));
    INFO(path);
    ParseCache cache;
    CHECK(ParseDescribed(text, &cache) == ParseDescribed(text, nullptr));
    cache.EndRound();
    uint64_t misses = cache.misses();
    std::string edited = Edited(text);
    CHECK(ParseDescribed(edited, &cache) == ParseDescribed(edited, nullptr));
    // Parsed again: the head and the two pieces whose text changed, and the
    // piece before the second (the comment above its successor grew).
    CHECK(cache.misses() - misses <= 4);
  }
}

TEST_CASE("The parse cache keeps only what recent rounds used", "[parse][chunks]") {
  ParseCache cache;
  std::string text;
  REQUIRE(ReadFile(testing::SourcePath("policies/job-contracts.charter"), text));
  for (int round = 0; round < 10; ++round) {
    std::string edited = text + fmt::format("\nconst extra_{} = {}\n", round, round);
    ParseDescribed(edited, &cache);
    cache.EndRound();
  }
  size_t pieces = SplitDeclarations(text).size();
  // The unchanged pieces, plus one `extra_` constant (and the piece before it) per kept round.
  CHECK(cache.size() <= pieces + 2 * ParseCache::kRoundsKept);
  CHECK(cache.hits() >= 9 * (pieces - 2));
}

// The disk parse cache stores trees as bytes (compiler/ast/serialize.h).
TEST_CASE("A tree read back from its bytes is the tree that was written, for every file", "[parse][serialize]") {
  for (const std::string& path : CharterFiles()) {
    std::string text;
    REQUIRE(ReadFile(path, text));
    INFO(path);
    for (bool skip_tests : {false, true}) {
      SourceManager sources;
      DiagnosticSink diags;
      ParseOptions options;
      options.skip_tests = skip_tests;
      const SourceFile& source = sources.Add(path, text);
      auto parsed = Parse(source, diags, options);
      std::string bytes = ast::SerializeFile(*parsed);
      auto read = ast::DeserializeFile(bytes, source.id());
      REQUIRE(read);
      CHECK(read->id == parsed->id);
      CHECK(Describe(*read, diags) == Describe(*parsed, diags));
      CHECK(ast::SerializeFile(*read) == bytes);
    }
  }
}

TEST_CASE("Damaged bytes give no tree, never a partial one or a crash", "[parse][serialize]") {
  std::string text;
  REQUIRE(ReadFile(testing::SourcePath("policies/job-contracts.charter"), text));
  SourceManager sources;
  DiagnosticSink diags;
  ParseOptions options;
  options.skip_tests = true;
  const SourceFile& source = sources.Add("job-contracts.charter", text);
  std::string bytes = ast::SerializeFile(*Parse(source, diags, options));
  REQUIRE(bytes.size() > 1000);
  // Every cut is refused: the reader runs out before the tree is whole.
  for (size_t size = 0; size < bytes.size(); size += 1 + size / 50) {
    INFO("cut at " << size);
    CHECK(ast::DeserializeFile(std::string_view(bytes).substr(0, size), source.id()) == nullptr);
  }
  CHECK(ast::DeserializeFile(bytes + "x", source.id()) == nullptr);
  // Flipped bytes may still read as some tree, but never crash (the ASan build runs this too).
  uint32_t state = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string damaged = bytes;
    for (int flips = 0; flips < 3; ++flips) {
      state = state * 1103515245u + 12345u;
      damaged[(state >> 8) % damaged.size()] ^= static_cast<char>(1u << ((state >> 4) % 8));
    }
    ast::DeserializeFile(damaged, source.id());
  }
  // Nesting deeper than any parse is refused rather than followed.
  // A file of one `const` whose value is `not not not ...`, 100,000 deep: role, name, header span,
  // imports, one declaration (present, Const, span, name, doc, no type), then the value.
  std::string deep("\x00\x00" "\x00\x00\x00\x00\x00" "\x00" "\x01" "\x01\x03" "\x00\x00\x00\x00\x00"
                   "\x00\x00\x00\x00\x00\x00" "\x00" "\x00", 24);
  for (int i = 0; i < 100000; ++i) deep += std::string("\x01\x12\x00\x00\x00\x00\x00\x00", 8);  // present, Unary, span, not
  deep += '\x00';  // the innermost operand: absent
  CHECK(ast::DeserializeFile(deep, source.id()) == nullptr);
  // The same, 50 deep, is a tree: the limit is what refused it.
  std::string shallow = deep.substr(0, 24 + 8 * 50) + '\x00';
  auto read = ast::DeserializeFile(shallow, source.id());
  REQUIRE(read);
  CHECK(read->decls.size() == 1);
}
