#include "compiler/driver/args.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include <fmt/format.h>

#include "compiler/driver/verbs.h"

namespace charter::driver {

namespace {

const OptionSpec* FindLong(const VerbSpec& verb, std::string_view name) {
  for (const auto& option : verb.options) {
    if (option.name == name) return &option;
  }
  return nullptr;
}

const OptionSpec* FindShort(const VerbSpec& verb, char name) {
  for (const auto& option : verb.options) {
    if (option.short_name != 0 && option.short_name == name) return &option;
  }
  return nullptr;
}

/// `-p, --policy PATH` as help shows it.
std::string Label(const OptionSpec& option) {
  std::string label = option.short_name ? fmt::format("-{}, ", option.short_name) : "";
  label += fmt::format("--{}", option.name);
  if (!option.placeholder.empty()) {
    label += fmt::format(" {}", option.placeholder);
  } else if (!option.choices.empty()) {
    label += fmt::format(" {}", fmt::join(option.choices, "|"));
  }
  return label;
}

// Help starts in this column; a longer label puts its help on the next line.
constexpr size_t kHelpColumn = 24;

void AppendOption(std::string& out, std::string_view label, std::string_view help) {
  std::string line = fmt::format("  {}", label);
  bool first = true;
  size_t start = 0;
  for (;;) {
    size_t end = help.find('\n', start);
    std::string_view part = help.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (first && line.size() + 2 <= kHelpColumn) {
      line.resize(kHelpColumn, ' ');
    } else {
      out += line + "\n";
      line.assign(kHelpColumn, ' ');
    }
    line += part;
    first = false;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  out += line + "\n";
}

ArgsError Error(ArgsError::Kind kind, std::string option, std::string message) {
  return ArgsError{kind, std::move(option), std::move(message)};
}

}  // namespace

const std::vector<std::string>* ParsedArgs::Find(std::string_view name) const {
  // A name missing from the table is a typo in the verb, not the user's mistake.
  if (!FindLong(*verb_, name)) {
    throw std::logic_error(fmt::format("charter {}: no option --{} in its table", verb_->name, name));
  }
  auto it = values_.find(name);
  return it == values_.end() ? nullptr : &it->second;
}

size_t ParsedArgs::Count(std::string_view name) const {
  const auto* values = Find(name);
  return values ? values->size() : 0;
}

std::string ParsedArgs::Get(std::string_view name, std::string fallback) const {
  const auto* values = Find(name);
  return values ? values->back() : fallback;
}

std::vector<std::string> ParsedArgs::All(std::string_view name) const {
  const auto* values = Find(name);
  return values ? *values : std::vector<std::string>{};
}

std::string ChoiceList(const std::vector<std::string_view>& choices) {
  std::string out;
  for (size_t i = 0; i < choices.size(); ++i) {
    if (i > 0) out += i + 1 == choices.size() ? " or " : ", ";
    out += choices[i];
  }
  return out;
}

std::variant<ParsedArgs, ArgsError> ParseArgs(const VerbSpec& verb, const std::vector<std::string>& args) {
  ParsedArgs parsed(verb);
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      parsed.positional.insert(parsed.positional.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
      break;
    }
    if (arg.size() < 2 || arg[0] != '-') {  // `-` alone is standard input, a positional argument
      parsed.positional.push_back(arg);
      continue;
    }
    if (arg == "-h" || arg == "--help") {
      parsed.help = true;
      return parsed;
    }
    bool is_long = arg[1] == '-';
    size_t equals = arg.find('=');
    std::string written = arg.substr(0, equals);
    const OptionSpec* option = nullptr;
    if (is_long) {
      option = FindLong(verb, std::string_view(written).substr(2));
    } else if (written.size() == 2) {
      option = FindShort(verb, written[1]);
    }
    if (!option) {
      return Error(ArgsError::Kind::UnknownOption, written,
                   fmt::format("unknown option `{}`; run `charter {} --help`", written, verb.name));
    }
    std::string long_name = fmt::format("--{}", option->name);
    if (!option->repeatable && parsed.Has(option->name)) {
      return Error(ArgsError::Kind::Repeated, written, fmt::format("{} is given more than once", long_name));
    }
    std::string value;
    if (!option->takes_value()) {
      if (equals != std::string::npos) {
        return Error(ArgsError::Kind::UnwantedValue, written, fmt::format("{} takes no value", long_name));
      }
    } else if (equals != std::string::npos) {
      value = arg.substr(equals + 1);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return Error(ArgsError::Kind::MissingValue, written, fmt::format("{} needs a value", written));
    }
    if (!option->choices.empty() &&
        std::find(option->choices.begin(), option->choices.end(), value) == option->choices.end()) {
      return Error(ArgsError::Kind::NotAChoice, written,
                   fmt::format("{} takes {}, not `{}`", long_name, ChoiceList(option->choices), value));
    }
    parsed.Add(option->name, std::move(value));
  }
  return parsed;
}

std::string HelpText(const VerbSpec& verb) {
  std::string out(verb.synopsis);
  out += "\noptions:\n";
  for (const auto& option : verb.options) AppendOption(out, Label(option), option.help);
  AppendOption(out, "-h, --help", "show this help");
  if (!verb.notes.empty()) {
    out += "\n";
    out += verb.notes;
  }
  return out;
}

std::optional<ParsedArgs> ParseOrExplain(const VerbSpec& verb, const std::vector<std::string>& args, int& exit_code) {
  auto result = ParseArgs(verb, args);
  if (auto* error = std::get_if<ArgsError>(&result)) {
    fmt::print(stderr, "charter {}: {}\n", verb.name, error->message);
    exit_code = kExitUsage;
    return std::nullopt;
  }
  auto& parsed = std::get<ParsedArgs>(result);
  if (parsed.help) {
    std::fputs(HelpText(verb).c_str(), stdout);
    exit_code = kExitOk;
    return std::nullopt;
  }
  exit_code = kExitOk;
  return std::move(parsed);
}

}  // namespace charter::driver
