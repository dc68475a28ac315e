// `charter eval -p POLICY... [EVENT.json|-]` and `--events FILE.ndjson`:
// decide events against the policies and print one decision per event.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <memory>

#include <fmt/format.h>

#include "compiler/base/source.h"
#include "compiler/driver/args.h"
#include "compiler/driver/eval_github.h"
#include "compiler/driver/eval_log.h"
#include "compiler/driver/engines.h"
#include "compiler/driver/line_reader.h"
#include "compiler/driver/policy_set.h"
#include "compiler/driver/verbs.h"
#include "compiler/eval/decision_json.h"
#include "compiler/eval/decision_writer.h"
#include "compiler/ingest/fast_decoder.h"
#include "compiler/jit/host/cells.h"

namespace charter::driver {

static const VerbSpec kEval = {
    .name = "eval",
    .synopsis =
        "usage: charter eval -p POLICY [-p POLICY...] [options] [EVENT.json | -]\n"
        "       charter eval -p POLICY [-p POLICY...] [options] --events FILE.ndjson\n"
        "\n"
        "Decides events against the policies. One event is read from a file or\n"
        "standard input (`-`, the default); --events reads one event per line\n"
        "(`-` for standard input) and prints one decision per line, in order.\n",
    .options =
        {
            kPolicyOption,
            {.name = "events", .placeholder = "FILE", .help = "a stream of events, one JSON object per line"},
            {.name = "format",
             .choices = {"json", "pretty", "github"},
             .help = "output format (default json); github: annotations at\n"
                     "the rules that denied, for GitHub Actions"},
            {.name = "explain",
             .help = "add the trace: rules run, requirements and compared values\n"
                     "(decided by the interpreter, which keeps the trace)"},
            {.name = "engine",
             .choices = {"auto", "jit", "interp"},
             .help = "the interpreter, the LLVM JIT, or auto (default): the\n"
                     "interpreter for one event or a stream file under\n"
                     "2 MB, the JIT for larger files and standard input"},
            {.name = "no-cache",
             .help = "parse the policies and compile the JIT's code afresh,\n"
                     "without the caches ($XDG_CACHE_HOME/charter, else\n"
                     "~/.cache/charter)"},
            {.name = "verbose",
             .help = "say on stderr what loading and compiling did (times, the\n"
                     "engine, the JIT's cache hit or miss)"},
            {.name = "max-event-bytes", .placeholder = "N", .help = "the size limit of one event (default 1048576)"},
            {.name = "log", .placeholder = "FILE", .help = "append a hash-chained record of each decision to FILE"},
            {.name = "log-key-file",
             .placeholder = "FILE",
             .help = "chain the log with HMAC-SHA256 under the key in FILE"},
            {.name = "log-redact", .help = "log the event's hash but not the event itself"},
        },
    .notes =
        "exit: 0 every event allowed, 1 a deny, 2 policy errors, bad usage or a log\n"
        "      that cannot be written (the run stops before showing an unlogged decision),\n"
        "      3 a malformed event or an evaluation error (the stream goes on)\n",
};

namespace {

struct EvalOptions {
  std::vector<std::string> policies;
  std::string event_file;
  std::string events_stream;
  std::string format = "json";
  bool explain = false;
  size_t max_event_bytes = 1 << 20;
  EvalLogOptions log;
  EngineKind engine = EngineKind::Auto;
  bool no_cache = false;
  bool verbose = false;
};

enum class Outcome { Allow, Deny, Error, Stop };  // Stop: the decision log could not be written

/// An event's id as given: the fast decoder's view, or the slow decoder's JSON.
/// Streams print it as text; a JSON value is made only where a tree is built.
class EventIdRef {
 public:
  explicit EventIdRef(const ingest::EventId& fast) : fast_(&fast) {}
  explicit EventIdRef(const nlohmann::ordered_json& json) : json_(&json) {}

  nlohmann::ordered_json Json() const {
    if (json_) return *json_;
    switch (fast_->kind) {
      case ingest::EventId::Kind::String: return nlohmann::ordered_json(std::string(fast_->text));
      case ingest::EventId::Kind::Signed: return nlohmann::ordered_json(fast_->signed_value);
      case ingest::EventId::Kind::Unsigned: return nlohmann::ordered_json(fast_->unsigned_value);
      case ingest::EventId::Kind::None: break;
    }
    return nlohmann::ordered_json();
  }

  void AppendJson(std::string& out) const {
    if (json_) return eval::AppendIdJson(out, *json_);
    switch (fast_->kind) {
      case ingest::EventId::Kind::String: return eval::AppendJsonString(out, fast_->text);
      case ingest::EventId::Kind::Signed: return eval::AppendJsonInt(out, fast_->signed_value);
      case ingest::EventId::Kind::Unsigned: return eval::AppendJsonInt(out, fast_->unsigned_value);
      case ingest::EventId::Kind::None: break;
    }
  }

 private:
  const ingest::EventId* fast_ = nullptr;
  const nlohmann::ordered_json* json_ = nullptr;
};

class Evaluator {
 public:
  Evaluator(const PolicySet& set, const EvalOptions& options, std::unique_ptr<Decider> decider)
      : set_(set), options_(options), decider_(std::move(decider)),
        decoder_(*set.checked, EventDecls(set), Limits(options)) {
    // Decoding straight into cells skips the JSON tree: the JIT reads cells, and even the
    // interpreter is faster reading a Value made from them (docs/performance.md).
    if (!options.explain) {
      fast_ = std::make_unique<ingest::FastDecoder>(*set.checked, EventDecls(set), Limits(options));
    }
  }

  void set_log(EvalLog* log) { log_ = log; }
  /// Off for streams, which flush before waiting for input instead of after every decision.
  void set_flush_each(bool flush) { flush_each_ = flush; }

  /// `readable_after`: bytes after `text` that may be read (FastDecoder::Decode).
  Outcome Decide(std::string_view text, std::optional<size_t> line, size_t readable_after = 0) {
    // The fast decoder only says yes or no; every no is decoded again below, which words the error.
    if (std::optional<ingest::FastEvent> event = fast_ ? fast_->Decode(text, readable_after) : std::nullopt) {
      EventIdRef id(event->id);
      if (decider_->has_jit()) {
        if (auto error = decider_->DecideCells(event->kind, event->value, decision_)) {
          return Failed(*error, event->kind, id, text, line);
        }
        return Decided(decision_, event->kind, id, text, line);
      }
      const ir::EventKind& kind = set_.module->events[event->kind];
      auto result = decider_->Decide(event->kind, jit::FromCell(event->value, kind.type, *set_.checked), false);
      return Finish(result, event->kind, id, text, line);
    }
    auto decoded = decoder_.Decode(text);
    if (auto* error = std::get_if<eval::InputError>(&decoded)) {
      if (!Emit(text, eval::InputErrorJson(line, *error))) return Outcome::Stop;
      return Outcome::Error;
    }
    auto& event = std::get<eval::DecodedEvent>(decoded);
    int32_t kind = set_.module->FindEvent(event.event->json_kind);
    return Finish(decider_->Decide(kind, event.value, options_.explain), kind, EventIdRef(event.id), text, line);
  }

  /// An input error for an event that was cut at the size limit (`kept` is
  /// what was read of it): its real size is unknown, so only the limit is named.
  Outcome TooLarge(std::string_view kept, std::optional<size_t> line, const char* what) {
    eval::InputError error{"$", fmt::format("the {} exceeds the {}-byte limit", what, options_.max_event_bytes)};
    if (!Emit(kept, eval::InputErrorJson(line, error))) return Outcome::Stop;
    return Outcome::Error;
  }

 private:
  Outcome Finish(const std::variant<eval::Decision, eval::EvalError>& result, int32_t kind, const EventIdRef& id,
                 std::string_view text, std::optional<size_t> line) {
    if (auto* error = std::get_if<eval::EvalError>(&result)) return Failed(*error, kind, id, text, line);
    return Decided(std::get<eval::Decision>(result), kind, id, text, line);
  }

  Outcome Failed(const eval::EvalError& error, int32_t kind, const EventIdRef& id, std::string_view text,
                 std::optional<size_t> line) {
    if (!Emit(text, eval::EvalErrorJson(*set_.module, line, kind, id.Json(), error))) return Outcome::Stop;
    return Outcome::Error;
  }

  Outcome Decided(const eval::Decision& decision, int32_t kind, const EventIdRef& id, std::string_view text,
                  std::optional<size_t> line) {
    if (!log_ && json_format_) {  // nothing else needs the JSON tree: write the text directly
      id_text_.clear();
      id.AppendJson(id_text_);
      text_.clear();
      line_writer_.Append(text_, line, kind, decision, id_text_);
      fwrite_unlocked(text_.data(), 1, text_.size(), stdout);
      if (flush_each_) std::fflush(stdout);
      return decision.allowed() ? Outcome::Allow : Outcome::Deny;
    }
    nlohmann::ordered_json out;
    if (line) out["line"] = *line;
    nlohmann::ordered_json body = eval::DecisionJson(*set_.module, kind, decision, id.Json());
    for (auto it = body.begin(); it != body.end(); ++it) out[it.key()] = std::move(*it);
    if (!Emit(text, out)) return Outcome::Stop;
    return decision.allowed() ? Outcome::Allow : Outcome::Deny;
  }

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
  // The record is on disk before the decision is shown: nothing is acted on unlogged.
  bool Emit(std::string_view event, const nlohmann::ordered_json& out) {
    std::string error;
    if (log_ && !log_->Record(event, out, error)) {
      fmt::print(stderr, "charter eval: {}\n", error);
      return false;
    }
    Print(out);
    return true;
  }
  void Print(const nlohmann::ordered_json& out) {
    if (options_.format == "github") {
      fmt::print("{}", GithubDecision(out, options_.events_stream.empty() ? options_.event_file : options_.events_stream));
    } else if (options_.format == "pretty") {
      fmt::print("{}", eval::PrettyDecision(out));
    } else {
      fmt::print("{}\n", out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    }
    if (flush_each_) std::fflush(stdout);
  }

  const PolicySet& set_;
  const EvalOptions& options_;
  std::unique_ptr<Decider> decider_;
  eval::EventDecoder decoder_;
  std::unique_ptr<ingest::FastDecoder> fast_;  // null: every event takes decoder_
  bool json_format_ = options_.format == "json";
  eval::DecisionLineWriter line_writer_{*set_.module};
  std::string text_;     // the decision being written, reused
  std::string id_text_;  // its id as JSON text, reused
  eval::Decision decision_;  // the JIT's, reused from one event to the next
  bool flush_each_ = true;
  EvalLog* log_ = nullptr;
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
  // Decisions leave in large writes; nothing is printed yet. glibc ignores the size given
  // with no buffer (it took st_blksize, 4 KiB: ~40 writes per thousand decisions), so the
  // buffer is ours, and static: stdio flushes it at exit.
  static char stdout_buffer[256 * 1024];
  if (!isatty(fileno(stdout))) std::setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);
  // A live stream (a pipe, a terminal) sees each decision before charter waits for the next
  // event; reading a regular file never waits.
  struct stat input {};
  bool live = ::fstat(fileno(file), &input) != 0 || !S_ISREG(input.st_mode);
  LineReader reader(file, options.max_event_bytes, live ? std::function<void()>([] { std::fflush(stdout); }) : nullptr);
  evaluator.set_flush_each(false);
  std::string_view line;
  bool too_long = false, any_error = false, any_deny = false;
  while (reader.Next(line, too_long)) {
    if (!too_long && line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank lines separate nothing
    Outcome outcome;
    if (too_long) {
      outcome = evaluator.TooLarge(line, reader.number(), "line");
    } else {
      outcome = evaluator.Decide(line, reader.number(), reader.slack());
    }
    if (outcome == Outcome::Stop) {
      if (file != stdin) std::fclose(file);
      return kExitUsage;
    }
    any_error |= outcome == Outcome::Error;
    any_deny |= outcome == Outcome::Deny;
  }
  bool read_error = std::ferror(file) || reader.failed();
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
      // The rest is not read: standard input may never end.
      if (text.size() > options.max_event_bytes) {
        Outcome outcome = evaluator.TooLarge(text, std::nullopt, "event");
        return outcome == Outcome::Stop ? kExitUsage : ExitCode(true, false);
      }
    }
  } else if (!ReadFile(options.event_file, text)) {
    fmt::print(stderr, "charter eval: cannot read `{}`\n", options.event_file);
    return kExitUsage;
  }
  Outcome outcome = evaluator.Decide(text, std::nullopt);
  if (outcome == Outcome::Stop) return kExitUsage;
  return ExitCode(outcome == Outcome::Error, outcome == Outcome::Deny);
}

// The options as EvalOptions; false after printing why a value is refused.
bool ReadEvalOptions(const ParsedArgs& parsed, EvalOptions& options) {
  options.policies = parsed.All("policy");
  options.events_stream = parsed.Get("events");
  options.format = parsed.Get("format", options.format);
  options.log.path = parsed.Get("log");
  options.log.key_file = parsed.Get("log-key-file");
  options.log.redact = parsed.Has("log-redact");
  options.explain = parsed.Has("explain");
  options.no_cache = parsed.Has("no-cache");
  options.verbose = parsed.Has("verbose");
  if (parsed.Has("engine")) ParseEngine(parsed.Get("engine"), options.engine);  // the table allows only its names
  if (parsed.Has("max-event-bytes")) {
    std::string v = parsed.Get("max-event-bytes");
    char* end = nullptr;
    unsigned long long n = std::strtoull(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n == 0 || n > (1ULL << 30)) {
      fmt::print(stderr, "charter eval: --max-event-bytes takes a size from 1 to 1073741824, not `{}`\n", v);
      return false;
    }
    options.max_event_bytes = n;
  }
  return true;
}

}  // namespace

int RunEval(const std::vector<std::string>& args) {
  int exit_code = kExitOk;
  auto parsed = ParseOrExplain(kEval, args, exit_code);
  if (!parsed) return exit_code;
  EvalOptions options;
  if (!ReadEvalOptions(*parsed, options)) return kExitUsage;
  const std::vector<std::string>& positional = parsed->positional;
  if (options.policies.empty()) {
    fmt::print(stderr, "charter eval: no policy given; use -p POLICY\n");
    return kExitUsage;
  }
  if (positional.size() > 1 || (!positional.empty() && !options.events_stream.empty())) {
    fmt::print(stderr, "charter eval: give one event file, or --events for a stream\n");
    return kExitUsage;
  }
  options.event_file = positional.empty() ? "-" : positional[0];
  EngineKind engine = options.engine;
  if (engine == EngineKind::Auto) engine = ChooseEngine(options.events_stream);
  if (engine == EngineKind::Jit) jit::Engine::Preload();
  auto set = LoadPolicySet("eval", ExpandPolicyPaths(options.policies), Tests::Skip,
                           options.no_cache ? "" : jit::DefaultCacheDir());
  if (!set) return kExitUsage;
  if (options.log.path.empty() && (!options.log.key_file.empty() || options.log.redact)) {
    fmt::print(stderr, "charter eval: --log-key-file and --log-redact need --log FILE\n");
    return kExitUsage;
  }
  std::string error;
  auto decider = Decider::Make(*set->module, engine, JitOptions(options.no_cache), error);
  if (!decider) {
    fmt::print(stderr, "charter eval: the JIT cannot compile the policies: {}\n", error);
    return kExitUsage;
  }
  if (options.verbose) {
    fmt::print(stderr,
               "charter eval: policies: {:.1f} ms to read and parse ({} of {} files read back from the parse cache), "
               "{:.1f} ms to check, {:.1f} ms to lower; engine: {}\n",
               set->load_ms, set->parse_cache.read_back, set->files, set->check_ms, set->lower_ms,
               decider->has_jit() ? "jit" : "interpreter");
    if (decider->jit_report()) PrintCompileReport("eval", *decider->jit_report());
  }
  Evaluator evaluator(*set, options, std::move(decider));
  std::unique_ptr<EvalLog> log;
  if (!options.log.path.empty()) {
    std::string error;
    options.log.max_event_bytes = options.max_event_bytes;
    log = EvalLog::Open(options.log, *set, error);
    if (!log) {
      fmt::print(stderr, "charter eval: {}\n", error);
      return kExitUsage;
    }
    evaluator.set_log(log.get());
  }
  int code = options.events_stream.empty() ? EvalOne(evaluator, options) : EvalStream(evaluator, options);
  if (std::string error; log && !log->Finish(error)) {
    fmt::print(stderr, "charter eval: {}\n", error);
    return kExitUsage;
  }
  if (options.verbose) fmt::print(stderr, "charter eval: peak RSS {:.1f} MB\n", PeakRssMegabytes());
  return code;
}

}  // namespace charter::driver
