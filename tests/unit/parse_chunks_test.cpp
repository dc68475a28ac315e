// Declaration-by-declaration parsing: where files are cut, and that a tree
// reused from the parse cache is the tree a fresh parse gives, span for span.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fmt/format.h>

#include "compiler/ast/clone.h"
#include "compiler/ast/print.h"
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
