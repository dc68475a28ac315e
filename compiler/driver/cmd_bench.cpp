// `charter bench -p POLICY --events FILE`: how fast each engine decides a
// stream — end to end through `charter eval`, per decision on events decoded
// beforehand, and what compiling costs cold and from the object cache.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/driver/args.h"
#include "compiler/driver/engines.h"
#include "compiler/driver/line_reader.h"
#include "compiler/driver/policy_set.h"
#include "compiler/driver/verbs.h"
#include "compiler/eval/decision_writer.h"
#include "compiler/eval/decode.h"
#include "compiler/ingest/bare_pass.h"
#include "compiler/ingest/fast_decoder.h"
#include "compiler/jit/host/cells.h"

namespace charter::driver {

static const VerbSpec kBench = {
    .name = "bench",
    .synopsis =
        "usage: charter bench -p POLICY [-p POLICY...] --events FILE.ndjson [options]\n"
        "\n"
        "Measures each engine on a stream of events:\n"
        "  end to end   `charter eval --events FILE` run as a child process (read,\n"
        "               decode, decide, write): events/s, MB/s, wall time, peak RSS;\n"
        "               and once started: the same less an empty stream's run;\n"
        "  decide       decisions on events decoded beforehand, in a loop: ns/decision;\n"
        "  phases       simdjson alone over the file, reading each line: a skim (index\n"
        "               it, count the top-level fields) and a walk (visit every value,\n"
        "               keep nothing); the fast decoder alone and the decision writer\n"
        "               alone, in a loop: ns/event of the fastest pass;\n"
        "  compile      the JIT cold (no object cache) and from the object cache.\n"
        "It also prints a checksum of the decisions (allowed count and FNV-1a 32 of the\n"
        "sorted reason codes of each event) to compare engines and other tools.\n",
    .options =
        {
            kPolicyOption,
            {.name = "events", .placeholder = "FILE", .help = "the stream (one JSON event per line)"},
            {.name = "engine", .choices = {"interp", "jit", "both"}, .help = "the engines to measure (default both)"},
            {.name = "decide-events",
             .placeholder = "N",
             .help = "events decoded for the decide loop (default 100000)"},
            {.name = "min-seconds", .placeholder = "S", .help = "run the decide loop at least S seconds (default 1)"},
            {.name = "jit-cpu", .placeholder = "NAME", .help = "the JIT's target CPU: host or an LLVM CPU name"},
            {.name = "jit-opt",
             .placeholder = "0|1|2|3",
             .help = "the JIT's IR passes: none, clean-up (default), O2, O3"},
            {.name = "format", .choices = {"text", "json"}, .help = "output format (default text)"},
        },
    .notes = "",
};

namespace {

struct BenchOptions {
  std::vector<std::string> policies;
  std::string events;
  bool interp = true, jit = true;
  size_t decide_events = 100000;
  double min_seconds = 1;
  jit::EngineOptions jit_options;
  std::string format = "text";
};

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// FNV-1a 32 over the sorted reason codes of each event, "code,code\n" per event.
struct Checksum {
  uint64_t allowed = 0, denied = 0, errors = 0;
  uint32_t fnv = 2166136261u;
  void Add(const std::variant<eval::Decision, eval::EvalError>& result) {
    const auto* decision = std::get_if<eval::Decision>(&result);
    if (!decision) {
      ++errors;
      return Mix("!error\n");
    }
    (decision->allowed() ? allowed : denied) += 1;
    std::vector<std::string> codes;
    for (const auto& reason : decision->reasons) codes.push_back(reason.code);
    std::sort(codes.begin(), codes.end());
    std::string line;
    for (size_t i = 0; i < codes.size(); ++i) line += (i ? "," : "") + codes[i];
    Mix(line + "\n");
  }
  void Mix(const std::string& bytes) {
    for (unsigned char c : bytes) fnv = (fnv ^ c) * 16777619u;
  }
  bool operator==(const Checksum& other) const {
    return allowed == other.allowed && denied == other.denied && errors == other.errors && fnv == other.fnv;
  }
};

struct EndToEnd {
  int exit_code = -1;
  double seconds = 0;
  double peak_rss_mb = 0;
  double startup_seconds = 0;  // the same command on an empty stream: loading, compiling, exiting
};

/// Runs `charter eval --verbose` on `events` with stdout to /dev/null; wall
/// time, and the peak RSS the child reports on stderr.
EndToEnd RunEvalOn(const BenchOptions& options, const char* engine, const std::string& events) {
  std::string log = (std::filesystem::temp_directory_path() / fmt::format("charter-bench-{}.err", getpid())).string();
  std::vector<std::string> args = {"/proc/self/exe", "eval", "--verbose", "--engine", engine, "--events", events};
  for (const auto& policy : options.policies) {
    args.push_back("-p");
    args.push_back(policy);
  }
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  EndToEnd result;
  auto start = std::chrono::steady_clock::now();
  pid_t child = fork();
  if (child == 0) {
    std::FILE* out = std::freopen("/dev/null", "w", stdout);
    std::FILE* err = std::freopen(log.c_str(), "w", stderr);
    (void)out;
    (void)err;
    execv(argv[0], argv.data());
    _exit(127);
  }
  if (child < 0) return result;
  int status = 0;
  if (waitpid(child, &status, 0) < 0) return result;
  result.seconds = SecondsSince(start);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(log);
  for (std::string line; std::getline(err, line);) {
    auto at = line.find("peak RSS ");
    if (at != std::string::npos) result.peak_rss_mb = std::strtod(line.c_str() + at + 9, nullptr);
  }
  std::error_code ec;
  std::filesystem::remove(log, ec);
  return result;
}

/// The stream end to end, and the fastest of three start-ups (an empty stream) to tell the fixed cost apart.
EndToEnd RunEval(const BenchOptions& options, const char* engine) {
  EndToEnd result = RunEvalOn(options, engine, options.events);
  for (int i = 0; i < 3; ++i) {
    double seconds = RunEvalOn(options, engine, "/dev/null").seconds;
    if (i == 0 || seconds < result.startup_seconds) result.startup_seconds = seconds;
  }
  return result;
}

/// Events per second once started: the stream's time less the start-up's;
/// none when the events took less time than starting up, which a run's
/// noise could then outweigh (a handful of sample events, say).
std::optional<double> SteadyEventsPerSecond(const EndToEnd& e, uint64_t lines) {
  double seconds = e.seconds - e.startup_seconds;
  if (seconds < e.startup_seconds || seconds <= 0) return std::nullopt;
  return static_cast<double>(lines) / seconds;
}

struct Decoded {
  // The lines decoded, as read, end to end in one buffer: a string per line would sit between
  // the events' values and spread them over memory (the interpreter's loop ran a third slower).
  std::string text_bytes;
  std::vector<std::pair<size_t, size_t>> texts;  // offset and size in text_bytes
  std::vector<int32_t> kinds;
  std::vector<eval::Value> events;  // for the interpreter
  std::vector<CharterCell> cells;   // the same events in the JIT's layout, in `arena`
  jit::Arena arena;
  uint64_t lines = 0, bytes = 0, bad_lines = 0;
};

/// Reads the stream: counts lines and bytes, and decodes the first `limit` events.
bool ReadStream(const PolicySet& set, const BenchOptions& options, Decoded& out) {
  std::FILE* file = std::fopen(options.events.c_str(), "rb");
  if (!file) {
    fmt::print(stderr, "charter bench: cannot read `{}`\n", options.events);
    return false;
  }
  std::vector<const ast::EventDecl*> decls;
  for (const auto& kind : set.module->events) decls.push_back(kind.decl);
  eval::EventDecoder decoder(*set.checked, decls);
  LineReader reader(file, 1 << 20);
  std::string_view line;
  bool too_long = false;
  while (reader.Next(line, too_long)) {
    ++out.lines;
    out.bytes += line.size() + 1;
    if (out.events.size() >= options.decide_events) continue;
    auto decoded = decoder.Decode(line);
    if (too_long || std::holds_alternative<eval::InputError>(decoded)) {
      ++out.bad_lines;
      continue;
    }
    auto& event = std::get<eval::DecodedEvent>(decoded);
    int32_t kind = set.module->FindEvent(event.event->json_kind);
    out.kinds.push_back(kind);
    out.cells.push_back(jit::ToCell(event.value, set.module->events[kind].type, *set.checked, out.arena));
    out.events.push_back(std::move(event.value));
    out.texts.emplace_back(out.text_bytes.size(), line.size());
    out.text_bytes.append(line);
  }
  std::fclose(file);
  return true;
}

struct DecideLoop {
  double ns_per_decision = 0;
  uint64_t decisions = 0;
  Checksum checksum;  // of one pass
};

/// `decide` gives a decision for the checksum; `step` decides as a stream
/// does (the JIT reusing one decision's storage) and says whether it allowed.
template <typename Event, typename DecideFn, typename StepFn>
DecideLoop RunDecideLoop(const Decoded& decoded, const std::vector<Event>& events, double min_seconds,
                         DecideFn decide, StepFn step) {
  DecideLoop loop;
  if (events.empty()) return loop;
  for (size_t i = 0; i < events.size(); ++i) loop.checksum.Add(decide(decoded.kinds[i], events[i]));
  auto start = std::chrono::steady_clock::now();
  double seconds = 0;
  uint64_t allowed = 0;
  do {
    for (size_t i = 0; i < events.size(); ++i) allowed += step(decoded.kinds[i], events[i]) ? 1 : 0;
    loop.decisions += events.size();
    seconds = SecondsSince(start);
  } while (seconds < min_seconds);
  loop.ns_per_decision = seconds * 1e9 / static_cast<double>(loop.decisions);
  if (allowed > loop.decisions) std::abort();  // uses `allowed`, so no call is optimised out
  return loop;
}

/// Runs `pass` over `count` items until `min_seconds` have gone by (at least
/// three times): ns per item of the fastest pass, the figure least disturbed
/// by other work on the machine.
template <typename PassFn>
double NsPerItem(size_t count, double min_seconds, PassFn pass) {
  if (count == 0) return 0;
  auto start = std::chrono::steady_clock::now();
  double best = 0;
  for (int passes = 0; passes < 3 || SecondsSince(start) < min_seconds; ++passes) {
    auto pass_start = std::chrono::steady_clock::now();
    pass();
    double seconds = SecondsSince(pass_start);
    if (passes == 0 || seconds < best) best = seconds;
  }
  return best * 1e9 / static_cast<double>(count);
}

/// Where an event's time goes outside the decision, each phase alone.
struct Phases {
  double skim_seconds = 0;  // the whole file: read, and BarePass::Skim per line
  double walk_seconds = 0;  // the whole file: read, and BarePass::Walk per line
  uint64_t bare_refused = 0;
  double decode_ns = 0;     // the fast decoder, per event (in memory)
  uint64_t decode_declined = 0;
  double write_ns = 0;      // a decision line, per event
};

/// Seconds to read the stream and pass each line to `pass`; false if it cannot be read.
template <typename PassFn>
bool TimeFilePass(const BenchOptions& options, double& seconds, uint64_t& refused, PassFn pass) {
  std::FILE* file = std::fopen(options.events.c_str(), "rb");
  if (!file) return false;
  LineReader reader(file, 1 << 20);
  std::string_view line;
  bool too_long = false;
  refused = 0;
  auto start = std::chrono::steady_clock::now();
  while (reader.Next(line, too_long)) refused += too_long || !pass(line) ? 1 : 0;
  seconds = SecondsSince(start);
  std::fclose(file);
  return true;
}

bool MeasureBarePasses(const BenchOptions& options, Phases& phases) {
  ingest::BarePass bare;
  uint64_t sink = 0;
  bool read = TimeFilePass(options, phases.skim_seconds, phases.bare_refused,
                           [&](std::string_view line) { return bare.Skim(line, sink); }) &&
              TimeFilePass(options, phases.walk_seconds, phases.bare_refused,
                           [&](std::string_view line) { return bare.Walk(line, sink); });
  if (sink == 1) std::fputc(' ', stderr);  // uses `sink`, so no visit is optimised out
  return read;
}

void MeasurePhases(const PolicySet& set, const Decoded& decoded, const std::vector<eval::Decision>& decisions,
                   const BenchOptions& options, Phases& phases) {
  std::vector<const ast::EventDecl*> decls;
  for (const auto& kind : set.module->events) decls.push_back(kind.decl);
  ingest::FastDecoder fast(*set.checked, decls);
  std::vector<std::string_view> accepted;  // the slow decoder's lines are measured by the engines' end to end
  for (auto [offset, size] : decoded.texts) {
    std::string_view text(decoded.text_bytes.data() + offset, size);
    if (fast.Decode(text)) {
      accepted.push_back(text);
    } else {
      ++phases.decode_declined;
    }
  }
  phases.decode_ns = NsPerItem(accepted.size(), options.min_seconds, [&] {
    for (std::string_view text : accepted) {
      if (!fast.Decode(text)) std::abort();
    }
  });
  std::string out;
  eval::DecisionLineWriter writer(*set.module);
  phases.write_ns = NsPerItem(decisions.size(), options.min_seconds, [&] {
    for (size_t i = 0; i < decisions.size(); ++i) {
      out.clear();
      writer.Append(out, i + 1, decoded.kinds[i], decisions[i], "\"RUN-0000001\"");
    }
  });
}

struct EngineFigures {
  std::string engine;
  EndToEnd end_to_end;
  DecideLoop decide;
  double compile_cold_ms = -1, compile_cached_ms = -1;
  bool cached_hit = false;
};

/// Compiles twice into a fresh cache directory: cold (a miss that stores), then a hit.
bool MeasureCompile(const PolicySet& set, const BenchOptions& options, EngineFigures& figures) {
  std::string dir = (std::filesystem::temp_directory_path() / fmt::format("charter-bench-{}", getpid())).string();
  jit::EngineOptions jit_options = options.jit_options;
  jit_options.cache_dir = dir;
  std::string error;
  auto cold = jit::Engine::Create(*set.module, jit_options, error);
  auto cached = cold ? jit::Engine::Create(*set.module, jit_options, error) : nullptr;
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  if (!cold || !cached) {
    fmt::print(stderr, "charter bench: the JIT cannot compile the policies: {}\n", error);
    return false;
  }
  figures.compile_cold_ms = cold->report().total_ms;
  figures.compile_cached_ms = cached->report().total_ms;
  figures.cached_hit = cached->report().cache == jit::CompileReport::Cache::Hit;
  return true;
}

double EventsPerSecond(const Decoded& decoded, double seconds) {
  return seconds > 0 ? static_cast<double>(decoded.lines) / seconds : 0;
}

double MegabytesPerSecond(const Decoded& decoded, double seconds) {
  return seconds > 0 ? static_cast<double>(decoded.bytes) / 1e6 / seconds : 0;
}

nlohmann::ordered_json PhasesJson(const Phases& p, const Decoded& decoded) {
  auto pass = [&](double seconds) {
    return nlohmann::ordered_json{{"seconds", seconds},
                                  {"events_per_s", EventsPerSecond(decoded, seconds)},
                                  {"mb_per_s", MegabytesPerSecond(decoded, seconds)}};
  };
  return {{"simdjson_skim", pass(p.skim_seconds)},
          {"simdjson_walk", pass(p.walk_seconds)},
          {"simdjson_refused", p.bare_refused},
          {"fast_decode", {{"ns_per_event", p.decode_ns}, {"declined", p.decode_declined}}},
          {"write_decision", {{"ns_per_event", p.write_ns}}}};
}

nlohmann::ordered_json FiguresJson(const EngineFigures& f, const Decoded& decoded, const Phases& phases) {
  nlohmann::ordered_json out;
  out["engine"] = f.engine;
  const EndToEnd& e = f.end_to_end;
  out["end_to_end"] = {{"exit", e.exit_code},
                       {"seconds", e.seconds},
                       {"events_per_s", e.seconds > 0 ? static_cast<double>(decoded.lines) / e.seconds : 0},
                       {"mb_per_s", e.seconds > 0 ? static_cast<double>(decoded.bytes) / 1e6 / e.seconds : 0},
                       {"peak_rss_mb", e.peak_rss_mb},
                       {"startup_seconds", e.startup_seconds},
                       {"steady_events_per_s", nullptr},
                       {"of_simdjson_skim", e.seconds > 0 ? phases.skim_seconds / e.seconds : 0},
                       {"of_simdjson_walk", e.seconds > 0 ? phases.walk_seconds / e.seconds : 0}};
  if (auto steady = SteadyEventsPerSecond(e, decoded.lines)) out["end_to_end"]["steady_events_per_s"] = *steady;
  out["decide"] = {{"events", decoded.events.size()},
                   {"decisions", f.decide.decisions},
                   {"ns_per_decision", f.decide.ns_per_decision}};
  out["checksum"] = {{"allowed", f.decide.checksum.allowed},
                     {"denied", f.decide.checksum.denied},
                     {"errors", f.decide.checksum.errors},
                     {"fnv1a32", f.decide.checksum.fnv}};
  if (f.compile_cold_ms >= 0) {
    out["compile_ms"] = {{"cold", f.compile_cold_ms}, {"cached", f.compile_cached_ms}, {"cache_hit", f.cached_hit}};
  }
  return out;
}

void PrintText(const std::vector<EngineFigures>& all, const Decoded& decoded, const Phases& phases,
               const BenchOptions& options) {
  fmt::print("stream: {} ({} lines, {:.1f} MB); loops on the first {} decoded events\n", options.events,
             decoded.lines, static_cast<double>(decoded.bytes) / 1e6, decoded.events.size());
  fmt::print("  simdjson skim   {:>12.0f} events/s {:>9.1f} MB/s  {:.3f} s  (read, index, count fields)\n",
             EventsPerSecond(decoded, phases.skim_seconds), MegabytesPerSecond(decoded, phases.skim_seconds),
             phases.skim_seconds);
  fmt::print("  simdjson walk   {:>12.0f} events/s {:>9.1f} MB/s  {:.3f} s  (read, visit every value)\n",
             EventsPerSecond(decoded, phases.walk_seconds), MegabytesPerSecond(decoded, phases.walk_seconds),
             phases.walk_seconds);
  fmt::print("  fast decode     {:>12.1f} ns/event{}\n", phases.decode_ns,
             phases.decode_declined ? fmt::format(" ({} lines left to the slow decoder)", phases.decode_declined) : "");
  fmt::print("  write decision  {:>12.1f} ns/event\n", phases.write_ns);
  for (const auto& f : all) {
    const EndToEnd& e = f.end_to_end;
    fmt::print("\n{}\n", f.engine);
    fmt::print("  end to end  {:>12.0f} events/s {:>9.1f} MB/s  {:.3f} s wall  peak RSS {:.1f} MB  (exit {})\n",
               EventsPerSecond(decoded, e.seconds), MegabytesPerSecond(decoded, e.seconds), e.seconds,
               e.peak_rss_mb, e.exit_code);
    if (auto steady = SteadyEventsPerSecond(e, decoded.lines)) {
      fmt::print("  once started{:>12.0f} events/s  (less {:.1f} ms of start-up: an empty stream)\n", *steady,
                 e.startup_seconds * 1e3);
    } else {
      fmt::print("  once started  too short a stream to tell from its {:.1f} ms of start-up (an empty stream)\n",
                 e.startup_seconds * 1e3);
    }
    fmt::print("              {:>11.0f} % of the simdjson skim's speed, {:.0f} % of the walk's\n",
               e.seconds > 0 ? 100 * phases.skim_seconds / e.seconds : 0,
               e.seconds > 0 ? 100 * phases.walk_seconds / e.seconds : 0);
    fmt::print("  decide      {:>12.1f} ns/decision ({} decisions)\n", f.decide.ns_per_decision, f.decide.decisions);
    if (f.compile_cold_ms >= 0) {
      fmt::print("  compile     {:>12.1f} ms cold, {:.1f} ms from the object cache{}\n", f.compile_cold_ms,
                 f.compile_cached_ms, f.cached_hit ? "" : " (no cache hit!)");
    }
    fmt::print("  checksum    {} allowed, {} denied, {} errors, fnv1a32 {:08x}\n", f.decide.checksum.allowed,
               f.decide.checksum.denied, f.decide.checksum.errors, f.decide.checksum.fnv);
  }
  if (all.size() == 2 && all[0].decide.ns_per_decision > 0 && all[1].decide.ns_per_decision > 0) {
    fmt::print("\njit / interp: decide {:.1f}x faster, end to end {:.2f}x\n",
               all[0].decide.ns_per_decision / all[1].decide.ns_per_decision,
               all[1].end_to_end.seconds > 0 ? all[0].end_to_end.seconds / all[1].end_to_end.seconds : 0);
  }
}

bool ParseOptions(const std::vector<std::string>& args, BenchOptions& options, int& exit_code) {
  auto parsed = ParseOrExplain(kBench, args, exit_code);
  if (!parsed) return false;
  exit_code = kExitUsage;
  if (!parsed->positional.empty()) {
    fmt::print(stderr, "charter bench: unknown argument `{}`; run `charter bench --help`\n", parsed->positional[0]);
    return false;
  }
  // A number in [low, high], or false after saying why not.
  auto number = [&](const char* name, double low, double high, double& out) {
    if (!parsed->Has(name)) return true;
    std::string v = parsed->Get(name);
    char* end = nullptr;
    out = std::strtod(v.c_str(), &end);
    if (v.empty() || *end != '\0' || !(out >= low && out <= high)) {
      fmt::print(stderr, "charter bench: --{} takes a number from {} to {}, not `{}`\n", name, low, high, v);
      return false;
    }
    return true;
  };
  options.policies = parsed->All("policy");
  options.events = parsed->Get("events");
  std::string engine = parsed->Get("engine", "both");
  options.interp = engine != "jit";
  options.jit = engine != "interp";
  double decide_events = static_cast<double>(options.decide_events), opt_level = options.jit_options.opt_level;
  if (!number("decide-events", 1, 1e8, decide_events) || !number("min-seconds", 0, 3600, options.min_seconds) ||
      !number("jit-opt", 0, 3, opt_level)) {
    return false;
  }
  options.decide_events = static_cast<size_t>(decide_events);
  options.jit_options.opt_level = static_cast<int>(opt_level);
  options.jit_options.cpu = parsed->Get("jit-cpu");
  options.format = parsed->Get("format", options.format);
  if (options.policies.empty() || options.events.empty()) {
    fmt::print(stderr, "charter bench: give -p POLICY and --events FILE\n");
    exit_code = kExitUsage;
    return false;
  }
  return true;
}

}  // namespace

int RunBench(const std::vector<std::string>& args) {
  BenchOptions options;
  int exit_code = kExitOk;
  if (!ParseOptions(args, options, exit_code)) return exit_code;
  auto set = LoadPolicySet("bench", ExpandPolicyPaths(options.policies), Tests::Skip);
  if (!set) return kExitUsage;
  Decoded decoded;
  if (!ReadStream(*set, options, decoded)) return kExitUsage;
  if (decoded.events.empty()) {
    fmt::print(stderr, "charter bench: no event of `{}` could be decoded\n", options.events);
    return kExitBadEvent;
  }

  std::vector<EngineFigures> all;
  if (options.interp) {
    EngineFigures f;
    f.engine = "interp";
    eval::Interpreter interpreter(*set->module);
    auto decide = [&](int32_t kind, const eval::Value& event) { return interpreter.Decide(kind, event); };
    auto step = [&](int32_t kind, const eval::Value& event) {
      auto result = interpreter.Decide(kind, event);
      auto* decision = std::get_if<eval::Decision>(&result);
      return decision && decision->allowed();
    };
    f.decide = RunDecideLoop(decoded, decoded.events, options.min_seconds, decide, step);
    f.end_to_end = RunEval(options, "interp");
    all.push_back(std::move(f));
  }
  if (options.jit) {
    EngineFigures f;
    f.engine = "jit";
    if (!MeasureCompile(*set, options, f)) return kExitUsage;
    std::string error;
    auto engine = jit::Engine::Create(*set->module, options.jit_options, error);
    if (!engine) {
      fmt::print(stderr, "charter bench: the JIT cannot compile the policies: {}\n", error);
      return kExitUsage;
    }
    eval::Decision reused;
    auto decide = [&](int32_t kind, const CharterCell& event) { return engine->Decide(kind, event); };
    auto step = [&](int32_t kind, const CharterCell& event) {
      return !engine->DecideInto(kind, event, reused) && reused.allowed();
    };
    f.decide = RunDecideLoop(decoded, decoded.cells, options.min_seconds, decide, step);
    f.end_to_end = RunEval(options, "jit");
    all.push_back(std::move(f));
  }
  // The writer's input, made after the decide loops so that nothing they time allocates besides the engines.
  std::vector<eval::Decision> decisions;
  eval::Interpreter interpreter(*set->module);
  for (size_t i = 0; i < decoded.events.size(); ++i) {
    auto result = interpreter.Decide(decoded.kinds[i], decoded.events[i]);
    decisions.push_back(std::holds_alternative<eval::Decision>(result) ? std::move(std::get<eval::Decision>(result))
                                                                         : eval::Decision{});
  }
  Phases phases;
  if (!MeasureBarePasses(options, phases)) return kExitUsage;
  MeasurePhases(*set, decoded, decisions, options, phases);
  if (options.format == "json") {
    nlohmann::ordered_json out;
    out["events"] = options.events;
    out["lines"] = decoded.lines;
    out["bytes"] = decoded.bytes;
    out["phases"] = PhasesJson(phases, decoded);
    for (const auto& f : all) out["engines"].push_back(FiguresJson(f, decoded, phases));
    fmt::print("{}\n", out.dump(2));
  } else {
    PrintText(all, decoded, phases, options);
  }
  if (all.size() == 2 && !(all[0].decide.checksum == all[1].decide.checksum)) {
    fmt::print(stderr, "charter bench: the engines decided differently (checksums differ)\n");
    return kExitFindings;
  }
  return kExitOk;
}

}  // namespace charter::driver
