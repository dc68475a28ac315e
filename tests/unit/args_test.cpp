// The verbs' one argument parser (compiler/driver/args.h): both value
// spellings, short names, positionals and `--`, the usage errors worded from
// the table, and `--help` generated from it.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "compiler/driver/args.h"

using namespace charter::driver;

namespace {

const VerbSpec kDemo = {
    .name = "demo",
    .synopsis = "usage: charter demo [options] FILE...\n",
    .options =
        {
            {.name = "policy", .short_name = 'p', .placeholder = "PATH", .repeatable = true, .help = "a policy"},
            {.name = "format", .choices = {"text", "json", "sarif"}, .help = "output format\nsecond line"},
            {.name = "strict", .help = "exit 1 on warnings"},
            {.name = "verbose", .short_name = 'v', .help = "say more"},
        },
    .notes = "exit: 0 fine\n",
};

ParsedArgs Parsed(const std::vector<std::string>& args) {
  auto result = ParseArgs(kDemo, args);
  if (auto* error = std::get_if<ArgsError>(&result)) FAIL("unexpected error: " << error->message);
  return std::get<ParsedArgs>(std::move(result));
}

ArgsError Failed(const std::vector<std::string>& args) {
  auto result = ParseArgs(kDemo, args);
  REQUIRE(std::holds_alternative<ArgsError>(result));
  return std::get<ArgsError>(std::move(result));
}

}  // namespace

TEST_CASE("A value is read the same after `=` and as the next argument", "[args]") {
  CHECK(Parsed({"--format=json"}).Get("format") == "json");
  CHECK(Parsed({"--format", "json"}).Get("format") == "json");
  CHECK(Parsed({"-p", "a.charter"}).Get("policy") == "a.charter");
  CHECK(Parsed({"--policy=a.charter"}).Get("policy") == "a.charter");
}

TEST_CASE("An option not given reads as the fallback, a flag as absent", "[args]") {
  ParsedArgs parsed = Parsed({});
  CHECK(parsed.Get("format", "text") == "text");
  CHECK_FALSE(parsed.Has("strict"));
  CHECK(parsed.All("policy").empty());
}

TEST_CASE("A repeatable option keeps every value in order", "[args]") {
  ParsedArgs parsed = Parsed({"-p", "a", "--policy", "b", "--policy=c"});
  CHECK(parsed.All("policy") == std::vector<std::string>{"a", "b", "c"});
  CHECK(parsed.Count("policy") == 3);
}

TEST_CASE("Positionals keep their order among options; `-` is one; `--` ends the options", "[args]") {
  ParsedArgs parsed = Parsed({"x", "--strict", "-", "-v", "--", "--format", "-p"});
  CHECK(parsed.positional == std::vector<std::string>{"x", "-", "--format", "-p"});
  CHECK(parsed.Has("strict"));
  CHECK(parsed.Has("verbose"));
  CHECK_FALSE(parsed.Has("format"));
}

TEST_CASE("A value may begin with a dash when it is the next argument", "[args]") {
  CHECK(Parsed({"-p", "-odd-name"}).Get("policy") == "-odd-name");
}

TEST_CASE("An unknown option is named with the verb's help command", "[args]") {
  ArgsError error = Failed({"--fast"});
  CHECK(error.kind == ArgsError::Kind::UnknownOption);
  CHECK(error.message == "unknown option `--fast`; run `charter demo --help`");
  CHECK(Failed({"--fast=yes"}).message == "unknown option `--fast`; run `charter demo --help`");
  CHECK(Failed({"-x"}).message == "unknown option `-x`; run `charter demo --help`");
  CHECK(Failed({"-pv"}).kind == ArgsError::Kind::UnknownOption);
}

TEST_CASE("An option that takes a value and is last says it needs one", "[args]") {
  ArgsError error = Failed({"a", "--format"});
  CHECK(error.kind == ArgsError::Kind::MissingValue);
  CHECK(error.message == "--format needs a value");
  CHECK(Failed({"-p"}).message == "-p needs a value");
}

TEST_CASE("A value outside the choices lists them all, as the table orders them", "[args]") {
  ArgsError error = Failed({"--format=xml"});
  CHECK(error.kind == ArgsError::Kind::NotAChoice);
  CHECK(error.message == "--format takes text, json or sarif, not `xml`");
  CHECK(Failed({"--format", ""}).message == "--format takes text, json or sarif, not ``");
}

TEST_CASE("An option not marked repeatable may be given once", "[args]") {
  ArgsError error = Failed({"--format=json", "--format", "text"});
  CHECK(error.kind == ArgsError::Kind::Repeated);
  CHECK(error.message == "--format is given more than once");
  CHECK(Failed({"--strict", "--strict"}).kind == ArgsError::Kind::Repeated);
  CHECK(Failed({"-v", "--verbose"}).message == "--verbose is given more than once");
}

TEST_CASE("A flag given a value is refused", "[args]") {
  ArgsError error = Failed({"--strict=yes"});
  CHECK(error.kind == ArgsError::Kind::UnwantedValue);
  CHECK(error.message == "--strict takes no value");
}

TEST_CASE("-h and --help stop parsing, even before a bad option", "[args]") {
  CHECK(Parsed({"-h"}).help);
  CHECK(Parsed({"--format=json", "--help", "--fast"}).help);
  CHECK_FALSE(Parsed({"--", "--help"}).help);
}

TEST_CASE("Asking for an option the table lacks is a programming error", "[args]") {
  CHECK_THROWS_AS(Parsed({}).Get("fromat"), std::logic_error);
}

TEST_CASE("Help lists every option of the table, its choices or placeholder, then -h and the notes", "[args]") {
  CHECK(HelpText(kDemo) ==
        "usage: charter demo [options] FILE...\n"
        "\n"
        "options:\n"
        "  -p, --policy PATH     a policy\n"
        "  --format text|json|sarif\n"
        "                        output format\n"
        "                        second line\n"
        "  --strict              exit 1 on warnings\n"
        "  -v, --verbose         say more\n"
        "  -h, --help            show this help\n"
        "\n"
        "exit: 0 fine\n");
}

TEST_CASE("Choices read as a list: a, b or c", "[args]") {
  CHECK(ChoiceList({"a"}) == "a");
  CHECK(ChoiceList({"a", "b"}) == "a or b");
  CHECK(ChoiceList({"a", "b", "c"}) == "a, b or c");
}
