// charter_differential: random programs × random events, decided by the
// interpreter and the JIT; any difference is shrunk and printed.
//
//   charter_differential [--seed S] [--programs N] [--events M] [--seconds T] [--rules R] [--out DIR]
//                        [--cache DIR]
//
// With --cache, every other program is decided by a JIT read back from the
// object cache in DIR (code and runtime tables, no lowering), the rest by a
// freshly compiled one.
//
// Exit codes: 0 the engines agreed on everything; 1 they disagreed (a minimal
// reproducer is printed and written to DIR); 2 the generator produced a
// program that does not check or an event that does not decode (a generator bug).
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>

#include "tests/differential/engine_pair.h"
#include "tests/differential/event_gen.h"
#include "tests/differential/program_gen.h"
#include "tests/differential/shrink.h"

using namespace charter::differential;
using Json = nlohmann::ordered_json;

namespace {

struct Options {
  uint64_t seed = 1;
  long programs = 20;
  long events = 30;
  double seconds = 0;  // > 0: run until this much time has passed, ignoring `programs`
  ProgramShape shape;
  std::string out = ".";
  std::string cache;  // the object cache directory, empty for none
};

bool ParseOptions(int argc, char** argv, Options& options) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (i + 1 >= argc) return false;
    std::string value = argv[++i];
    if (arg == "--seed") options.seed = std::stoull(value);
    else if (arg == "--programs") options.programs = std::stol(value);
    else if (arg == "--events") options.events = std::stol(value);
    else if (arg == "--seconds") options.seconds = std::stod(value);
    else if (arg == "--rules") options.shape.rules = std::stoi(value);
    else if (arg == "--out") options.out = value;
    else if (arg == "--cache") options.cache = value;
    else return false;
  }
  return true;
}

/// Seeds for program p and event k that do not overlap across runs with nearby seeds (splitmix64).
uint64_t Mix(uint64_t seed, uint64_t a, uint64_t b = 0) {
  uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (a + 1) + 0xbf58476d1ce4e5b9ULL * (b + 1);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/// The cache directory program `p` is compiled through: every other program, when there is one.
std::string CacheFor(const Options& options, long p) { return p % 2 == 1 ? options.cache : ""; }

int Report(Program program, Json event, const Options& options, uint64_t program_seed, const std::string& cache) {
  std::cout << "DISAGREEMENT (program seed " << program_seed << (cache.empty() ? "" : ", JIT from the object cache")
            << "); shrinking...\n" << std::flush;
  Shrink(program, event, [&](const Program& candidate, const Json& candidate_event) {
    std::string error;
    auto engines = EnginePair::Compile(Render(candidate), cache, error);
    if (!engines) return false;
    Outcome outcome = engines->Decide(candidate_event);
    return outcome.input_error.empty() && !outcome.Agrees();
  });
  std::string source = Render(program);
  std::string error;
  auto engines = EnginePair::Compile(source, cache, error);
  Outcome outcome = engines->Decide(event);
  std::string program_path = options.out + "/differential_repro.charter";
  std::string event_path = options.out + "/differential_repro.json";
  std::ofstream(program_path) << source;
  std::ofstream(event_path) << event.dump() << "\n";
  std::cout << "---- program (" << program_path << ")\n" << source << "---- event (" << event_path << ")\n"
            << event.dump() << "\n---- interpreter\n" << outcome.interpreter << "\n---- jit\n" << outcome.jit
            << "\n---- reproduce\ncharter eval --engine interp -p " << program_path << " " << event_path
            << "\ncharter eval --engine jit -p " << program_path << " " << event_path << "\n";
  return 1;
}

/// allow / deny / error, to show that the run reached every kind of outcome.
std::string OutcomeKind(const std::string& json) {
  auto parsed = Json::parse(json);
  return parsed.contains("error") ? "error" : parsed.value("decision", "?");
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseOptions(argc, argv, options)) {
    std::cerr << "usage: charter_differential [--seed S] [--programs N] [--events M] [--seconds T] [--rules R] "
                 "[--out DIR] [--cache DIR]\n";
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  std::map<std::string, long> outcomes;
  long programs = 0;
  for (long p = 0; options.seconds > 0 ? elapsed() < options.seconds : p < options.programs; ++p, ++programs) {
    uint64_t program_seed = Mix(options.seed, static_cast<uint64_t>(p));
    Program program = GenerateProgram(program_seed, options.shape);
    std::string source = Render(program);
    // Should an engine crash, the program it was given is left behind.
    std::ofstream(options.out + "/differential_current.charter") << source;
    std::string error;
    std::string cache = CacheFor(options, p);
    auto engines = EnginePair::Compile(source, cache, error);
    if (!engines) {
      std::cout << "GENERATOR BUG: program seed " << program_seed << " does not compile:\n" << error
                << "---- program\n" << source;
      return 2;
    }
    for (long k = 0; k < options.events; ++k) {
      Json event = GenerateEvent(Mix(program_seed, static_cast<uint64_t>(k)));
      Outcome outcome = engines->Decide(event);
      if (!outcome.input_error.empty()) {
        std::cout << "GENERATOR BUG: event does not decode: " << outcome.input_error << "\n" << event.dump() << "\n";
        return 2;
      }
      if (!outcome.Agrees()) return Report(program, event, options, program_seed, cache);
      ++outcomes[OutcomeKind(outcome.interpreter)];
    }
  }
  std::cout << "engines agree: seed " << options.seed << ", " << programs << " programs x " << options.events
            << " events";
  if (!options.cache.empty()) std::cout << " (" << programs / 2 << " programs' JIT read back from the object cache)";
  for (const auto& [kind, count] : outcomes) std::cout << ", " << count << " " << kind;
  std::cout << " (" << static_cast<long>(elapsed() * 1000) << " ms)\n";
  return 0;
}
