// `charter fmt`: the layout rules on small inputs, and on every .charter file of
// the repository (and of the documentation): idempotent, every comment kept in
// order, the same diagnostics before and after.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "compiler/diagnostics/render.h"
#include "compiler/format/comments.h"
#include "compiler/format/format.h"
#include "compiler/parse/syntax_tree.h"
#include "test_support.h"

using namespace charter;

namespace {

std::optional<std::string> Format(const std::string& text, const std::string& path = "t.charter") {
  DiagnosticSink diags;
  return format::FormatSource(path, text, diags);
}

std::string Formatted(const std::string& text) {
  auto out = Format(text);
  INFO(text);
  REQUIRE(out);
  return *out;
}

std::optional<syntax::Tree> Tree(const std::string& text) {
  SourceManager sources;
  DiagnosticSink diags;
  return syntax::ParseTree(sources.Add("t.charter", text), diags);
}

std::vector<std::string> CommentTexts(const std::string& text) {
  std::vector<std::string> comments;
  auto tree = Tree(text);
  if (!tree) return comments;
  for (const auto& token : tree->tokens) {
    if (token.channel != syntax::Channel::Code) comments.push_back(format::WithoutTrailingSpace(token.text));
  }
  return comments;
}

std::vector<std::string> Codes(const testing::CheckRun& run) {
  auto codes = run.Codes();
  std::sort(codes.begin(), codes.end());
  return codes;
}

// Every .charter file under tests/, policies/ and stdlib/, by path.
std::vector<std::string> CorpusFiles() {
  std::vector<std::string> files;
  for (const char* dir : {"tests", "policies", "stdlib"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(testing::SourcePath(dir))) {
      if (entry.path().extension() == ".charter") files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Formats `text` twice and checks what formatting promises.
void CheckFormats(const std::string& text, const std::string& path, std::string* once_out = nullptr) {
  auto once = Format(text, path);
  REQUIRE(once);
  auto twice = Format(*once, path);
  REQUIRE(twice);
  CHECK(*twice == *once);
  CHECK(CommentTexts(*once) == CommentTexts(text));
  CHECK((once->empty() || once->back() == '\n'));
  CHECK(once->find(" \n") == std::string::npos);
  CHECK(once->find("\n\n\n") == std::string::npos);
  if (once_out) *once_out = *once;
}

}  // namespace

TEST_CASE("Every .charter file formats idempotently with its comments and its diagnostics", "[format]") {
  size_t formatted = 0, refused = 0;
  for (const auto& path : CorpusFiles()) {
    INFO(path);
    std::string text;
    REQUIRE(ReadFile(path, text));
    if (!Format(text, path)) {
      // Refused only when it does not parse.
      SourceManager sources;
      DiagnosticSink diags;
      Parse(sources.Add(path, text), diags);
      CHECK(diags.HasErrors());
      ++refused;
      continue;
    }
    std::string once;
    CheckFormats(text, path, &once);
    auto before = testing::CheckText(text, path);
    auto after = testing::CheckText(once, path);
    CHECK(Codes(*after) == Codes(*before));
    bool shipped = path.find("/policies/") != std::string::npos || path.find("/stdlib/") != std::string::npos;
    if (shipped) CHECK(once == text);  // `charter fmt -w policies/ stdlib/` has been run
    ++formatted;
  }
  CHECK(formatted > 50);
  CHECK(refused >= 4);  // the syntax-error fixtures
}

TEST_CASE("Every charter example of the documentation formats idempotently with its comments", "[format]") {
  size_t examples = 0;
  for (const char* doc : {"docs/language.md", "README.md"}) {
    std::string text;
    REQUIRE(ReadFile(testing::SourcePath(doc), text));
    for (const auto& example : testing::CharterExamples(text)) {
      if (!Format(example.text)) continue;  // a fragment: a statement or an expression
      INFO(doc << ":\n" << example.text);
      CheckFormats(example.text, "doc.charter");
      ++examples;
    }
  }
  CHECK(examples > 10);
}

// The declarations of a shipped policy before its first test: every construct, few repeats.
std::string BeforeTests(const std::string& text) {
  auto tree = Tree(text);
  REQUIRE(tree);
  for (const auto& child : tree->root.children) {
    if (!child.IsToken() && child.children[0].kind == "testDecl") {
      int first = child.children[0].children[0].token;
      return text.substr(0, tree->tokens[first].span.offset);
    }
  }
  return text;
}

TEST_CASE("Formatting keeps comments anywhere between tokens, in order, and stays idempotent", "[format]") {
  for (const auto& file : CorpusFiles()) {
    std::string text;
    REQUIRE(ReadFile(file, text));
    // The policies' tests repeat a few constructs thousands of times.
    if (file.find("/policies/") != std::string::npos) text = BeforeTests(text);
    auto tree = Tree(text);
    if (!tree) continue;  // the syntax-error fixtures
    std::vector<std::string> code;
    for (const auto& token : tree->tokens) {
      if (token.channel == syntax::Channel::Code && token.kind != "EOF") code.push_back(token.text);
    }
    // Each variant puts a comment of one kind beside every token.
    using Decorate = std::function<std::string(size_t, const std::string&)>;
    std::vector<std::pair<std::string, Decorate>> variants = {
        {"trailing block", [](size_t i, const std::string& t) { return t + " /* b" + std::to_string(i) + " */ "; }},
        {"trailing line", [](size_t i, const std::string& t) { return t + " // l" + std::to_string(i) + "\n"; }},
        {"own line", [](size_t i, const std::string& t) { return "\n// o" + std::to_string(i) + "\n" + t + " "; }},
        {"own-line block",
         [](size_t i, const std::string& t) { return "\n/* p" + std::to_string(i) + " */\n" + t + " "; }},
        {"leading block",
         [](size_t i, const std::string& t) { return "\n/* q" + std::to_string(i) + " */ " + t + " "; }},
        {"doc and blank lines",
         [](size_t i, const std::string& t) {
           return i % 3 == 0 ? " " + t + " /// d" + std::to_string(i) + "\n\n\n"
                             : i % 3 == 1 ? "\n\n/* n */ " + t : " " + t;
         }},
    };
    for (const auto& [name, decorate] : variants) {
      std::string variant;
      for (size_t i = 0; i < code.size(); ++i) variant += decorate(i, code[i]);
      INFO(file << ", a " << name << " comment beside every token:\n" << variant);
      CheckFormats(variant, "t.charter");
    }
  }
}

TEST_CASE("Format layout: spaces around operators, blank lines collapsed, trailing white space and final newline",
          "[format]") {
  CHECK(Formatted("policy p   \n\n\n\nconst a=1+2*3-4/2\nconst b = approve>=4/5 of cast   \n\n\nconst c=-x") ==
        "policy p\n\nconst a = 1 + 2 * 3 - 4 / 2\nconst b = approve >= 4/5 of cast\n\nconst c = -x\n");
  CHECK(Formatted("const a = x not in [a,b] and y ?? 0 >= 1 or r?.f") ==
        "const a = x not in [a, b] and y ?? 0 >= 1 or r?.f\n");
  CHECK(Formatted("") == "");
  CHECK(Formatted("\r\nconst a = 1\r\n\r\n\r\nconst b = 2\r\n") == "const a = 1\n\nconst b = 2\n");
}

TEST_CASE("Format layout: literals are printed as written", "[format]") {
  std::string text =
      "const a = 62.50%\nconst b = 1.250\nconst c = \"a\\u00E9 \\{x\\} {n}\"\nconst d = r\"^\\d+$\"\n"
      "const e = 2026-11-23T10:30:00.5+01:00\nconst f = 5 business_days\nconst g = 2026-11-02\n";
  CHECK(Formatted(text) == text);
}

TEST_CASE("Format layout: a record literal stays on one line when it fits, else one field per line", "[format]") {
  CHECK(Formatted("const r = R{a:1,b:\"x\",}") == "const r = R { a: 1, b: \"x\" }\n");
  CHECK(Formatted("const r = Rec { alpha: \"aaaaaaaaaaaaaaaaaaaaaaa\", beta: \"bbbbbbbbbbbbbbbbbbbbbbbbbb\", "
                  "gamma: \"cccccccccccccccccccccc\" }") ==
        "const r = Rec {\n"
        "  alpha: \"aaaaaaaaaaaaaaaaaaaaaaa\",\n"
        "  beta: \"bbbbbbbbbbbbbbbbbbbbbbbbbb\",\n"
        "  gamma: \"cccccccccccccccccccccc\"\n"
        "}\n");
  // Exactly 100 columns fit.
  std::string hundred = "const r = R { a: \"" + std::string(79, 'x') + "\" }";
  REQUIRE(hundred.size() == 100);
  CHECK(Formatted(hundred) == hundred + "\n");
  CHECK(Formatted("const r = R { a: \"" + std::string(80, 'x') + "\" }") ==
        "const r = R {\n  a: \"" + std::string(80, 'x') + "\"\n}\n");
}

TEST_CASE("Format layout: a list stays on one line when it fits, else one element per line with a trailing comma",
          "[format]") {
  CHECK(Formatted("const l = [ 1,2, 3, ]") == "const l = [1, 2, 3]\n");
  CHECK(Formatted("const l = [\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\", "
                  "\"cccccccccccccccccccccccccccccc\"]") ==
        "const l = [\n"
        "  \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\n"
        "  \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\",\n"
        "  \"cccccccccccccccccccccccccccccc\",\n"
        "]\n");
}

TEST_CASE("Format layout: enum, record and event bodies and match arms keep the author's choice of one line",
          "[format]") {
  CHECK(Formatted("enum A {x,y,}\nrecord R {a:int,b:string}") ==
        "enum A { x, y }\nrecord R { a: int, b: string }\n");
  CHECK(Formatted("enum A {\n  x, y\n}\nevent e {\n  a: int, b: string?,\n}") ==
        "enum A {\n  x\n  y\n}\nevent e {\n  a: int\n  b: string?\n}\n");
  CHECK(Formatted("enum P { read \"r:x\", write \"w:x\" }") == "enum P { read \"r:x\", write \"w:x\" }\n");
  CHECK(Formatted("fn f(s: S) -> int = match s { a => 1, b, c => 2 }") ==
        "fn f(s: S) -> int = match s { a => 1, b, c => 2 }\n");
  CHECK(Formatted("fn f(s: S) -> int = match s {\n  a => 1, b, c => 2 }") ==
        "fn f(s: S) -> int =\n"
        "  match s {\n"
        "    a => 1,\n"
        "    b, c => 2,\n"
        "  }\n");
}

TEST_CASE("Format layout: a long require breaks before else, indented by 2 from the statement", "[format]") {
  CHECK(Formatted("rule r on e { require event.n >= 3 else \"few\": \"m\" }") ==
        "rule r on e {\n  require event.n >= 3 else \"few\": \"m\"\n}\n");
  CHECK(Formatted("rule r on e { require event.count >= 3 else \"too_few\": \"the change needs three approvals "
                  "from the council before it merges\" }") ==
        "rule r on e {\n"
        "  require event.count >= 3\n"
        "    else \"too_few\": \"the change needs three approvals from the council before it merges\"\n"
        "}\n");
}

TEST_CASE("Format layout: a long rule header breaks before when, indented by 4", "[format]") {
  CHECK(Formatted("rule council on change when not in_emergency(event) and (event.tier.council_vote or "
                  "event.breaking) { deny \"c\": \"m\" }") ==
        "rule council on change\n"
        "    when not in_emergency(event) and (event.tier.council_vote or event.breaking) {\n"
        "  deny \"c\": \"m\"\n"
        "}\n");
}

TEST_CASE("Format layout: blocks hold one statement per line; when/else chains share their braces' lines", "[format]") {
  CHECK(Formatted("rule r on e { let x = 1  when x > 0 { deny \"a\": \"m\" } else when x < 0 { warn \"b\": \"m\" } "
                  "else { oblige \"c\": \"m\" } value v = x }") ==
        "rule r on e {\n"
        "  let x = 1\n"
        "  when x > 0 {\n"
        "    deny \"a\": \"m\"\n"
        "  } else when x < 0 {\n"
        "    warn \"b\": \"m\"\n"
        "  } else {\n"
        "    oblige \"c\": \"m\"\n"
        "  }\n"
        "  value v = x\n"
        "}\n");
  CHECK(Formatted("rule r on e {\n  veto v in event.vetoes where v.by == security { valid when v.ok else warn "
                  "\"x\": \"m\"  deny \"y\": \"m\" }\n}") ==
        "rule r on e {\n"
        "  veto v in event.vetoes where v.by == security {\n"
        "    valid when v.ok else warn \"x\": \"m\"\n"
        "    deny \"y\": \"m\"\n"
        "  }\n"
        "}\n");
}

TEST_CASE("Format layout: chains break before each operator; inside parentheses they align", "[format]") {
  CHECK(Formatted("fn override_permitted(o: Override, level: Level) -> bool = not text.blank(o.justification) and "
                  "((o.by == platform_operations and level in [public, internal]) or (o.by == security and "
                  "o.security_patch))") ==
        "fn override_permitted(o: Override, level: Level) -> bool =\n"
        "  not text.blank(o.justification)\n"
        "    and ((o.by == platform_operations and level in [public, internal])\n"
        "         or (o.by == security and o.security_patch))\n");
  CHECK(Formatted("fn f(x: int) -> bool = x > 0") == "fn f(x: int) -> bool = x > 0\n");
}

TEST_CASE("Format layout: a long if chain breaks before each else, aligned with its if", "[format]") {
  CHECK(Formatted("rule r on violation { let action = if event.willful then revocation else if "
                  "event.prior_violations >= 1 then escalation else Action.warning }") ==
        "rule r on violation {\n"
        "  let action = if event.willful then revocation\n"
        "               else if event.prior_violations >= 1 then escalation\n"
        "               else Action.warning\n"
        "}\n");
}

TEST_CASE("Format layout: tier tables align their columns and threshold bands their arrows", "[format]") {
  CHECK(Formatted("tier T with P { T1 \"Critical\": {rfc: true, reviewers: []}\n"
                  "T2 \"Minor changes\": {rfc: false, reviewers: [platform]}, }") ==
        "tier T with P {\n"
        "  T1 \"Critical\":      { rfc: true,  reviewers: [] }\n"
        "  T2 \"Minor changes\": { rfc: false, reviewers: [platform] }\n"
        "}\n");
  // Rows with different fields align only their braces.
  CHECK(Formatted("tier T with P { A: { x: 1 }  Longer: { y: 22, x: 1 } }") ==
        "tier T with P {\n"
        "  A:      { x: 1 }\n"
        "  Longer: { y: 22, x: 1 }\n"
        "}\n");
  CHECK(Formatted("threshold s(x: percent in 0%..100%) -> L { < 25% => low  >= 25% and < 75% => mid  else => "
                  "high }") ==
        "threshold s(x: percent in 0%..100%) -> L {\n"
        "  < 25%            => low\n"
        "  >= 25% and < 75% => mid\n"
        "  else             => high\n"
        "}\n");
}

TEST_CASE("Format layout: quorum, vote and test bodies hold one clause per line", "[format]") {
  CHECK(Formatted("quorum q of B by role { at least 4 in total at least 1 security }\n"
                  "vote v of B by vote, role { approve: approve, yes reject: reject pass when approve >= 2/3 of cast "
                  "tie when approve == reject: leadership decides security may not be in the minority }\n"
                  "test \"t\" { given e { n: 1 } expect deny with \"a\",\"b\" expect not \"c\" expect value v = 1 }") ==
        "quorum q of B by role {\n"
        "  at least 4 in total\n"
        "  at least 1 security\n"
        "}\n"
        "vote v of B by vote, role {\n"
        "  approve: approve, yes\n"
        "  reject: reject\n"
        "  pass when approve >= 2/3 of cast\n"
        "  tie when approve == reject: leadership decides\n"
        "  security may not be in the minority\n"
        "}\n"
        "test \"t\" {\n"
        "  given e { n: 1 }\n"
        "  expect deny with \"a\", \"b\"\n"
        "  expect not \"c\"\n"
        "  expect value v = 1\n"
        "}\n");
}

TEST_CASE("Format layout: comments stay where they were: after their token, on their own lines, before a brace",
          "[format]") {
  CHECK(Formatted("/// Doc.\npolicy p // trailing\n\n\n// own line\nenum A { x, /* inline */ y } // after\n"
                  "rule r on e {\n  deny \"c\": \"m\"   // why\n\n\n  // last words\n}\n// the end\n") ==
        "/// Doc.\npolicy p // trailing\n\n// own line\nenum A { x, /* inline */ y } // after\n"
        "rule r on e {\n  deny \"c\": \"m\" // why\n\n  // last words\n}\n// the end\n");
  // A line comment inside a one-line body breaks it.
  CHECK(Formatted("enum A { x, // first\n y }") == "enum A {\n  x // first\n  y\n}\n");
  CHECK(Formatted("const r = R { a: 1 // one\n, b: 2 }") == "const r = R {\n  a: 1, // one\n  b: 2\n}\n");
  // A `/* */` before a token on its line stays there.
  CHECK(Formatted("enum V {\n  security\n  /* Engineering leadership */ leadership\n}") ==
        "enum V {\n  security\n  /* Engineering leadership */ leadership\n}\n");
}

TEST_CASE("The fixture tests/fmt/messy.charter formats to messy.charter.formatted", "[format]") {
  std::string messy, expected;
  REQUIRE(ReadFile(testing::SourcePath("tests/fmt/messy.charter"), messy));
  REQUIRE(ReadFile(testing::SourcePath("tests/fmt/messy.charter.formatted"), expected));
  CHECK(Formatted(messy) == expected);
}

TEST_CASE("Formatting refuses a file that does not parse, with the diagnostics charter check reports",
          "[format]") {
  DiagnosticSink diags;
  std::string broken = "policy p\nrule r on e {\n  require event.n > else \"c\": \"m\"\n}\n";
  auto out = format::FormatSource("broken.charter", broken, diags);
  CHECK_FALSE(out);
  REQUIRE(diags.HasErrors());
  CHECK(RenderShort(diags.diagnostics()[0]) == "3:19: error[E0001]: unexpected `>`; expected `else`");
  DiagnosticSink bad_character;
  CHECK_FALSE(format::FormatSource("t.charter", "const a = 1 # 2\n", bad_character));
  CHECK(bad_character.diagnostics().at(0).code() == std::string("E0002"));
  DiagnosticSink open_string;
  CHECK_FALSE(format::FormatSource("t.charter", "const a = \"open\n", open_string));
  CHECK(open_string.HasErrors());
}
