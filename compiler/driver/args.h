// One command-line parser for every verb: a verb declares its options in a
// table, and parsing, the usage errors and `--help` all follow that table.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace charter::driver {

/// One option of a verb. Given as `--name value`, `--name=value`, or `-s value`
/// when it has a short name; a flag (no placeholder, no choices) takes no value.
struct OptionSpec {
  std::string_view name = {};                  // the long name, without `--`
  char short_name = 0;                         // `-p`; 0 for none
  std::string_view placeholder = {};           // the value's name in help (PATH); empty for a flag or choices
  std::vector<std::string_view> choices = {};  // the values allowed, in the order help and errors list them
  bool repeatable = false;                     // may be given more than once; else a second time is an error
  std::string_view help = {};                  // one line, or several separated by '\n'

  bool takes_value() const { return !placeholder.empty() || !choices.empty(); }
};

/// `-p PATH`, repeatable: the policies of eval and bench.
inline const OptionSpec kPolicyOption{.name = "policy",
                                      .short_name = 'p',
                                      .placeholder = "PATH",
                                      .repeatable = true,
                                      .help = "a policy file or a directory of them (repeatable)"};

/// A verb's command line: what `--help` prints around the generated option list, and the options.
struct VerbSpec {
  std::string_view name = {};      // as in `charter NAME`, e.g. "check", "log"
  std::string_view synopsis = {};  // printed before "options:": the usage lines and what the verb does
  std::vector<OptionSpec> options = {};
  std::string_view notes = {};     // printed after the options (exit codes); may be empty
};

/// What went wrong, worded for `charter VERB: MESSAGE`.
struct ArgsError {
  enum class Kind { UnknownOption, MissingValue, NotAChoice, Repeated, UnwantedValue };
  Kind kind;
  std::string option;   // as written, without any `=value`
  std::string message;
};

/// The options and positional arguments of one command line. Options are
/// looked up by long name, which must be in the verb's table.
class ParsedArgs {
 public:
  explicit ParsedArgs(const VerbSpec& verb) : verb_(&verb) {}

  bool help = false;                    // -h or --help was given
  std::vector<std::string> positional;  // in order; everything after `--` too

  /// Whether the option was given (for a flag: it is set).
  bool Has(std::string_view name) const { return Count(name) > 0; }
  /// How many times the option was given.
  size_t Count(std::string_view name) const;
  /// The option's value, or `fallback` when it was not given.
  std::string Get(std::string_view name, std::string fallback = {}) const;
  /// Every value of a repeatable option, in order.
  std::vector<std::string> All(std::string_view name) const;

  /// Parser side: records one occurrence.
  void Add(std::string_view name, std::string value) { values_[std::string(name)].push_back(std::move(value)); }

 private:
  const std::vector<std::string>* Find(std::string_view name) const;
  const VerbSpec* verb_;
  std::map<std::string, std::vector<std::string>, std::less<>> values_;
};

/// Parses `args` (the words after the verb) against the verb's table.
/// `-h`/`--help` stops parsing with `help` set; `--` ends the options.
std::variant<ParsedArgs, ArgsError> ParseArgs(const VerbSpec& verb, const std::vector<std::string>& args);

/// The verb's `--help` text: synopsis, the options from the table, -h/--help, notes.
std::string HelpText(const VerbSpec& verb);

/// "a, b or c": the allowed values as an error message lists them.
std::string ChoiceList(const std::vector<std::string_view>& choices);

/// ParseArgs for a verb's entry point: prints the help (exit 0) or the error
/// (exit 2) itself and then gives nothing, with `exit_code` set.
std::optional<ParsedArgs> ParseOrExplain(const VerbSpec& verb, const std::vector<std::string>& args, int& exit_code);

}  // namespace charter::driver
