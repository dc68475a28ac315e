// The JIT's runtime tables as bytes (compiler/jit/host/tables.h): what the
// object cache keeps beside compiled code so that a hit skips the lowering.
#include <catch2/catch.hpp>

#include <random>

#include "compiler/jit/host/tables.h"
#include "test_support.h"

namespace charter {
namespace {

struct Loaded {
  DiagnosticSink diags;
  std::unique_ptr<CheckedProgram> checked;
};

std::unique_ptr<Loaded> LoadPolicy(const std::string& relative) {
  auto loaded = std::make_unique<Loaded>();
  auto program = Load({testing::SourcePath(relative)}, LoadOptions{}, loaded->diags);
  loaded->checked = Check(std::move(program), loaded->diags);
  REQUIRE(loaded->diags.ErrorCount() == 0);
  return loaded;
}

const ast::Decl* FindDecl(const CheckedProgram& checked, ast::DeclKind kind, const std::string& name) {
  for (const auto& file : checked.program->files) {
    if (!file) continue;
    for (const auto& decl : file->decls) {
      if (decl->kind == kind && decl->name.name == name) return decl.get();
    }
  }
  FAIL("no declaration " << name);
  return nullptr;
}

/// Tables with every kind of type the program has: scalars, its declarations'
/// field types, collections and optionals of named types, a tally.
jit::RuntimeTables TablesOf(CheckedProgram& checked) {
  jit::RuntimeTables tables;
  TypeContext& types = checked.types;
  tables.types = {types.Int(), types.Bool(), types.Decimal(), types.String(), types.Date(), types.None()};
  for (const auto& file : checked.program->files) {  // in declaration order, the same for every load
    if (!file) continue;
    for (const auto& decl : file->decls) {
      auto fields = checked.field_types.find(decl.get());
      if (fields != checked.field_types.end()) {
        tables.types.insert(tables.types.end(), fields->second.begin(), fields->second.end());
      }
    }
  }
  const Type* ballot = types.Named(FindDecl(checked, ast::DeclKind::Record, "Ballot"));
  const Type* role = types.Named(FindDecl(checked, ast::DeclKind::Enum, "Role"));
  tables.types.push_back(types.List(ballot));
  tables.types.push_back(types.Optional(types.List(types.Set(role))));
  tables.types.push_back(types.Tally(FindDecl(checked, ast::DeclKind::Vote, "council_vote")));
  tables.messages = {"", "quorum not met", std::string("a\0b", 3), "r\xc3\xa9sum\xc3\xa9"};
  tables.spans = {Span{}, Span{0, 12, 5, 3, 7}, Span{static_cast<FileId>(checked.program->sources.size() - 1), 1, 2, 3, 4}};
  return tables;
}

TEST_CASE("Runtime tables read back as the program's own types, messages and spans", "[jit][tables]") {
  auto loaded = LoadPolicy("policies/cicd-constitution.charter");
  jit::RuntimeTables tables = TablesOf(*loaded->checked);
  std::string bytes = jit::EncodeTables(tables, *loaded->checked);
  auto read = jit::DecodeTables(bytes, *loaded->checked);
  REQUIRE(read);
  CHECK(read->types == tables.types);  // the same interned pointers
  CHECK(read->messages == tables.messages);
  REQUIRE(read->spans.size() == tables.spans.size());
  for (size_t i = 0; i < tables.spans.size(); ++i) {
    const Span& a = read->spans[i];
    const Span& b = tables.spans[i];
    CHECK((a.file == b.file && a.offset == b.offset && a.length == b.length && a.line == b.line && a.column == b.column));
  }
  CHECK(jit::EncodeTables(*read, *loaded->checked) == bytes);
}

TEST_CASE("Damaged table bytes give no tables, never a crash", "[jit][tables]") {
  auto loaded = LoadPolicy("policies/cicd-constitution.charter");
  std::string bytes = jit::EncodeTables(TablesOf(*loaded->checked), *loaded->checked);
  for (size_t size = 0; size < bytes.size(); ++size) {
    CHECK_FALSE(jit::DecodeTables(std::string_view(bytes).substr(0, size), *loaded->checked));
  }
  CHECK_FALSE(jit::DecodeTables(bytes + "x", *loaded->checked));
  std::mt19937 random(7);
  for (int round = 0; round < 2000; ++round) {
    std::string damaged = bytes;
    for (int flip = 0; flip < 3; ++flip) damaged[random() % damaged.size()] ^= static_cast<char>(1 << (random() % 8));
    jit::DecodeTables(damaged, *loaded->checked);  // any answer but a crash (the sanitizer build checks)
  }
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "\x0d\x01";  // list of list of ... past the nesting limit
  CHECK_FALSE(jit::DecodeTables("\x01" + deep, *loaded->checked));
}

TEST_CASE("Tables read back against another load of the same program name its types", "[jit][tables]") {
  // As in a later process: the same text loaded again has other pointers at the same positions.
  auto writer = LoadPolicy("policies/cicd-constitution.charter");
  auto reader = LoadPolicy("policies/cicd-constitution.charter");
  std::string bytes = jit::EncodeTables(TablesOf(*writer->checked), *writer->checked);
  // The reader's checker and IR made the same types (here: the same calls make them).
  std::vector<const Type*> reader_types = TablesOf(*reader->checked).types;
  auto read = jit::DecodeTables(bytes, *reader->checked);
  REQUIRE(read);
  CHECK(read->types == reader_types);

  SECTION("a type the reading program never made is refused") {
    TypeContext& types = writer->checked->types;
    jit::RuntimeTables odd;
    odd.types = {types.Set(types.Set(types.Set(types.Named(FindDecl(*writer->checked, ast::DeclKind::Record, "Ballot")))))};
    CHECK_FALSE(jit::DecodeTables(jit::EncodeTables(odd, *writer->checked), *reader->checked));
  }
  SECTION("a declaration of another kind at the same position is refused") {
    auto other = LoadPolicy("policies/job-contracts.charter");
    const ast::Decl* vote = FindDecl(*writer->checked, ast::DeclKind::Vote, "council_vote");
    jit::RuntimeTables tally;
    tally.types = {writer->checked->types.Tally(vote)};
    std::string tally_bytes = jit::EncodeTables(tally, *writer->checked);
    CHECK(jit::DecodeTables(tally_bytes, *reader->checked));
    CHECK_FALSE(jit::DecodeTables(tally_bytes, *other->checked));  // job-contracts declares no vote
  }
  SECTION("a span in a file the program does not have is refused") {
    jit::RuntimeTables far_span;
    far_span.spans = {Span{static_cast<FileId>(writer->checked->program->sources.size()), 0, 1, 1, 1}};
    CHECK_FALSE(jit::DecodeTables(jit::EncodeTables(far_span, *writer->checked), *reader->checked));
  }
}

}  // namespace
}  // namespace charter
