// `charter eval -p POLICY... [EVENT.json|-]` and `--events FILE.ndjson`:
// decide events against the policies and print one decision per event.
#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "compiler/base/source.h"
#include "compiler/driver/line_reader.h"
#include "compiler/driver/policy_set.h"
#include "compiler/driver/verbs.h"
#include "compiler/eval/decision_json.h"

namespace charter::driver {

static const char kEvalUsage[] =
    "usage: charter eval -p POLICY [-p POLICY...] [options] [EVENT.json | -]\n"
    "       charter eval -p POLICY [-p POLICY...] [options] --events FILE.ndjson\n"
    "\n"
    "Decides events against the policies. One event is read from a file or\n"
    "standard input (`-`, the default); --events reads one event per line\n"
    "(`-` for standard input) and prints one decision per line, in order.\n"
    "\n"
    "options:\n"
    "  -p, --policy PATH    a policy file or a directory of them (repeatable)\n"
    "  --events FILE        a stream of events, one JSON object per line\n"
    "  --format json|pretty output format (default json)\n"
    "  --explain            add the trace: rules run, requirements and compared values\n"
    "  --max-event-bytes N  the size limit of one event (default 1048576)\n"
    "  -h, --help           show this help\n"
    "\n"
    "exit: 0 every event allowed, 1 a deny, 2 policy errors or bad usage,\n"
    "      3 a malformed event or an evaluation error (the stream goes on)\n";

namespace {

struct EvalOptions {
  std::vector<std::string> policies;
  std::string event_file;
  std::string events_stream;
  std::string format = "json";
  bool explain = false;
  size_t max_event_bytes = 1 << 20;
};

enum class Outcome { Allow, Deny, Error };

class Evaluator {
 public:
  Evaluator(const PolicySet& set, const EvalOptions& options)
      : set_(set), options_(options), interpreter_(*set.module), decoder_(*set.checked, EventDecls(set), Limits(options)) {}

  Outcome Decide(std::string_view text, std::optional<size_t> line) {
    auto decoded = decoder_.Decode(text);
    if (auto* error = std::get_if<eval::InputError>(&decoded)) {
      Print(eval::InputErrorJson(line, *error));
      return Outcome::Error;
    }
    auto& event = std::get<eval::DecodedEvent>(decoded);
    int32_t kind = set_.module->FindEvent(event.event->json_kind);
    auto result = interpreter_.Decide(kind, event.value, options_.explain);
    if (auto* error = std::get_if<eval::EvalError>(&result)) {
      Print(eval::EvalErrorJson(*set_.module, line, kind, event.id, *error));
      return Outcome::Error;
    }
    const auto& decision = std::get<eval::Decision>(result);
    nlohmann::ordered_json out;
    if (line) out["line"] = *line;
    nlohmann::ordered_json body = eval::DecisionJson(*set_.module, kind, decision, event.id);
    for (auto it = body.begin(); it != body.end(); ++it) out[it.key()] = std::move(*it);
    Print(out);
    return decision.allowed() ? Outcome::Allow : Outcome::Deny;
  }

 private:
  static std::vector<const ast::EventDecl*> EventDecls(const PolicySet& set) {
    std::vector<const ast::EventDecl*> events;
    for (const auto& kind : set.module->events) events.push_back(kind.decl);
    return events;
  }
  static eval::DecodeLimits Limits(const EvalOptions& options) {
    eval::DecodeLimits limits;
    limits.max_bytes = options.max_event_bytes;
    return limits;
  }
  void Print(const nlohmann::ordered_json& out) {
    if (options_.format == "pretty") {
      fmt::print("{}", eval::PrettyDecision(out));
    } else {
      fmt::print("{}\n", out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    }
    std::fflush(stdout);
  }

  const PolicySet& set_;
  const EvalOptions& options_;
  eval::Interpreter interpreter_;
  eval::EventDecoder decoder_;
};

int ExitCode(bool any_error, bool any_deny) {
  if (any_error) return kExitBadEvent;
  return any_deny ? kExitFindings : kExitOk;
}

int EvalStream(Evaluator& evaluator, const EvalOptions& options) {
  std::FILE* file = options.events_stream == "-" ? stdin : std::fopen(options.events_stream.c_str(), "rb");
  if (!file) {
    fmt::print(stderr, "charter eval: cannot read `{}`\n", options.events_stream);
    return kExitUsage;
  }
  LineReader reader(file, options.max_event_bytes);
  std::string line;
  bool too_long = false, any_error = false, any_deny = false;
  while (reader.Next(line, too_long)) {
    if (!too_long && line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank lines separate nothing
    Outcome outcome;
    if (too_long) {
      // Let the decoder word the size error, as for a single event.
      outcome = evaluator.Decide(std::string(options.max_event_bytes + 1, ' '), reader.number());
    } else {
      outcome = evaluator.Decide(line, reader.number());
    }
    any_error |= outcome == Outcome::Error;
    any_deny |= outcome == Outcome::Deny;
  }
  bool read_error = std::ferror(file);
  if (file != stdin) std::fclose(file);
  if (read_error) {
    fmt::print(stderr, "charter eval: error reading `{}`\n", options.events_stream);
    return kExitUsage;
  }
  return ExitCode(any_error, any_deny);
}

int EvalOne(Evaluator& evaluator, const EvalOptions& options) {
  std::string text;
  if (options.event_file == "-") {
    char buffer[65536];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0;) {
      text.append(buffer, n);
      if (text.size() > options.max_event_bytes) break;  // the decoder reports the size
    }
  } else if (!ReadFile(options.event_file, text)) {
    fmt::print(stderr, "charter eval: cannot read `{}`\n", options.event_file);
    return kExitUsage;
  }
  Outcome outcome = evaluator.Decide(text, std::nullopt);
  return ExitCode(outcome == Outcome::Error, outcome == Outcome::Deny);
}

}  // namespace

int RunEval(const std::vector<std::string>& args) {
  EvalOptions options;
  std::vector<std::string> positional;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](const char* name, std::string& out) {
      if (i + 1 >= args.size()) {
        fmt::print(stderr, "charter eval: {} needs a value\n", name);
        return false;
      }
      out = args[++i];
      return true;
    };
    std::string v;
    if (arg == "-h" || arg == "--help") {
      std::fputs(kEvalUsage, stdout);
      return kExitOk;
    } else if (arg == "-p" || arg == "--policy") {
      if (!value("--policy", v)) return kExitUsage;
      options.policies.push_back(v);
    } else if (arg == "--events") {
      if (!value("--events", options.events_stream)) return kExitUsage;
    } else if (arg == "--format") {
      if (!value("--format", options.format)) return kExitUsage;
      if (options.format != "json" && options.format != "pretty") {
        fmt::print(stderr, "charter eval: --format takes json or pretty, not `{}`\n", options.format);
        return kExitUsage;
      }
    } else if (arg == "--explain") {
      options.explain = true;
    } else if (arg == "--max-event-bytes") {
      if (!value("--max-event-bytes", v)) return kExitUsage;
      char* end = nullptr;
      unsigned long long n = std::strtoull(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || n == 0 || n > (1ULL << 30)) {
        fmt::print(stderr, "charter eval: --max-event-bytes takes a size from 1 to 1073741824, not `{}`\n", v);
        return kExitUsage;
      }
      options.max_event_bytes = n;
    } else if (arg.size() > 1 && arg[0] == '-') {
      fmt::print(stderr, "charter eval: unknown option `{}`; run `charter eval --help`\n", arg);
      return kExitUsage;
    } else {
      positional.push_back(arg);
    }
  }
  if (options.policies.empty()) {
    fmt::print(stderr, "charter eval: no policy given; use -p POLICY\n");
    return kExitUsage;
  }
  if (positional.size() > 1 || (!positional.empty() && !options.events_stream.empty())) {
    fmt::print(stderr, "charter eval: give one event file, or --events for a stream\n");
    return kExitUsage;
  }
  options.event_file = positional.empty() ? "-" : positional[0];
  auto set = LoadPolicySet("eval", ExpandPolicyPaths(options.policies));
  if (!set) return kExitUsage;
  Evaluator evaluator(*set, options);
  return options.events_stream.empty() ? EvalOne(evaluator, options) : EvalStream(evaluator, options);
}

}  // namespace charter::driver
