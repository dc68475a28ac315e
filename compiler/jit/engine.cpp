#include "compiler/jit/engine.h"

#include <chrono>

#include <llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h>
#include <llvm/ExecutionEngine/Orc/LLJIT.h>
#include <llvm/ExecutionEngine/Orc/ThreadSafeModule.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/TargetParser/Host.h>

#include "compiler/jit/compile_object.h"
#include "compiler/jit/object_cache.h"
#include "compiler/jit/runtime.h"
#include "compiler/lower/codegen.h"

namespace charter::jit {

using DecideFn = int32_t (*)(CharterJitContext*, const CharterCell*);

namespace {

class LlvmEngine final : public Engine {
 public:
  explicit LlvmEngine(const ir::Module& module) : runtime(module) {}
  std::variant<eval::Decision, eval::EvalError> Decide(int32_t event_kind, const eval::Value& event) override;
  std::variant<eval::Decision, eval::EvalError> Decide(int32_t event_kind, const CharterCell& event) override;
  std::optional<eval::EvalError> DecideInto(int32_t event_kind, const CharterCell& event,
                                            eval::Decision& decision) override;
  const CompileReport& report() const override { return report_; }
  bool KnownKind(int32_t kind) const { return kind >= 0 && static_cast<size_t>(kind) < decide.size(); }
  static eval::EvalError UnknownKind(int32_t kind) {
    return eval::EvalError{"internal error: no event kind " + std::to_string(kind), Span{}};
  }
  bool Compile(const EngineOptions& options, std::string& error);

 private:
  /// Lowers the module (filling the runtime's tables) and compiles it to `object`, stored in `cache` if any.
  bool Generate(llvm::orc::JITTargetMachineBuilder& target, int opt_level, ObjectCache* cache,
                std::unique_ptr<llvm::MemoryBuffer>& object, std::string& error);

  std::optional<eval::EvalError> Run(int32_t event_kind, const CharterCell& event, eval::Decision& decision);
  CompileReport report_;
  Runtime runtime;
  std::unique_ptr<llvm::orc::LLJIT> jit;
  std::vector<DecideFn> decide;
  eval::Interpreter constants_interpreter{runtime.module};
};

// Chosen by measurement (docs/performance.md).
constexpr const char* kDefaultCpu = "x86-64-v3";
constexpr int kDefaultOptLevel = 1;

std::string Message(llvm::Error error) { return llvm::toString(std::move(error)); }



/// The runtime calls generated code may make, by name.
llvm::orc::SymbolMap RuntimeSymbols(llvm::orc::MangleAndInterner& mangle) {
  llvm::orc::SymbolMap symbols;
  auto add = [&](const char* name, auto* fn) {
    symbols[mangle(name)] = {llvm::orc::ExecutorAddr::fromPtr(reinterpret_cast<void*>(fn)),
                             llvm::JITSymbolFlags::Exported | llvm::JITSymbolFlags::Callable};
  };
  add("charter_rt_fail", &charter_rt_fail);
  add("charter_rt_fail_int", &charter_rt_fail_int);
  add("charter_rt_fail_value", &charter_rt_fail_value);
  add("charter_rt_emit", &charter_rt_emit);
  add("charter_rt_set_value", &charter_rt_set_value);
  add("charter_rt_dec", &charter_rt_dec);
  add("charter_rt_dec_cmp", &charter_rt_dec_cmp);
  add("charter_rt_str_cmp", &charter_rt_str_cmp);
  add("charter_rt_equal", &charter_rt_equal);
  add("charter_rt_compare", &charter_rt_compare);
  add("charter_rt_alloc", &charter_rt_alloc);
  add("charter_rt_set", &charter_rt_set);
  add("charter_rt_contains", &charter_rt_contains);
  add("charter_rt_str", &charter_rt_str);
  add("charter_rt_seq", &charter_rt_seq);
  add("charter_rt_to_text", &charter_rt_to_text);
  add("charter_rt_concat", &charter_rt_concat);
  add("charter_rt_calendar", &charter_rt_calendar);
#define BUILTIN(module, name, signature, symbol) add(#symbol, &symbol);
#include "compiler/check/builtins.def"
#undef BUILTIN
  return symbols;
}

}  // namespace

int OptLevel(const EngineOptions& options) { return options.opt_level < 0 ? kDefaultOptLevel : options.opt_level; }

/// The target machine: CPU and features as EngineOptions asks, else the default.
llvm::Expected<llvm::orc::JITTargetMachineBuilder> TargetFor(const EngineOptions& options) {
  auto builder = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!builder) return builder.takeError();
  std::string cpu = options.cpu.empty() ? kDefaultCpu : options.cpu;  // an x86 name; other targets use the host
  if (cpu != "host" && builder->getTargetTriple().isX86()) {
    // A named CPU brings its own features; the host's (AVX-512 among them) are dropped.
    builder->setCPU(cpu);
    builder->getFeatures() = llvm::SubtargetFeatures();
  }
  // The fast instruction selector below O2: SelectionDAG doubles the compile time (docs/performance.md).
  builder->setCodeGenOptLevel(OptLevel(options) <= 1 ? llvm::CodeGenOptLevel::None : llvm::CodeGenOptLevel::Default);
  return builder;
}


bool LlvmEngine::Compile(const EngineOptions& options, std::string& error) {
  static const bool initialized = [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    return true;
  }();
  (void)initialized;
  auto start = std::chrono::steady_clock::now();
  const ir::Module& module = runtime.module;

  // Constants are computed once, by the interpreter, and handed to the code as cells.
  for (size_t g = 0; g < module.globals.size(); ++g) {
    const ir::Global& global = module.globals[g];
    auto value = constants_interpreter.Evaluate(*global.init, global.frame_size);
    if (auto* failure = std::get_if<eval::EvalError>(&value)) {
      error = "constant `" + global.name + "` cannot be computed: " + failure->message;
      return false;
    }
    runtime.globals.push_back(ToCell(std::get<eval::Value>(value), global.type, runtime.program, runtime.global_arena));
  }
  runtime.context.globals = runtime.globals.data();

  auto target = TargetFor(options);
  if (!target) {
    error = Message(target.takeError());
    return false;
  }
  // A cache hit brings the object and the runtime's tables: no lowering, no code generation.
  std::optional<ObjectCache> cache;
  std::unique_ptr<llvm::MemoryBuffer> object;
  if (!options.cache_dir.empty()) {
    auto look_up = std::chrono::steady_clock::now();
    cache.emplace(options.cache_dir, *target, OptLevel(options), *runtime.program.program);
    if (auto entry = cache->Load(report_)) {
      if (auto tables = DecodeTables(entry->tables, runtime.program)) {
        runtime.tables = std::move(*tables);
        object = std::move(entry->object);
      } else {
        report_.cache = CompileReport::Cache::Rebuilt;
        report_.cache_note = "its tables name types or declarations the program does not have";
      }
    }
    report_.load_ms = MillisecondsSince(look_up);
  }
  if (!object && !Generate(*target, OptLevel(options), cache ? &*cache : nullptr, object, error)) return false;

  auto link = std::chrono::steady_clock::now();
  auto created = llvm::orc::LLJITBuilder().setJITTargetMachineBuilder(*target).create();
  if (!created) {
    error = Message(created.takeError());
    return false;
  }
  jit = std::move(*created);
  llvm::orc::MangleAndInterner mangle(jit->getExecutionSession(), jit->getDataLayout());
  if (auto err = jit->getMainJITDylib().define(llvm::orc::absoluteSymbols(RuntimeSymbols(mangle)))) {
    error = Message(std::move(err));
    return false;
  }
  if (auto err = jit->addObjectFile(std::move(object))) {
    error = Message(std::move(err));
    return false;
  }
  for (size_t k = 0; k < module.events.size(); ++k) {
    auto symbol = jit->lookup(lower::DecideSymbol(static_cast<int32_t>(k)));
    if (!symbol) {
      error = Message(symbol.takeError());
      return false;
    }
    decide.push_back(symbol->toPtr<DecideFn>());
  }
  report_.link_ms = MillisecondsSince(link);
  report_.total_ms = MillisecondsSince(start);
  return true;
}

bool LlvmEngine::Generate(llvm::orc::JITTargetMachineBuilder& target, int opt_level, ObjectCache* cache,
                          std::unique_ptr<llvm::MemoryBuffer>& object, std::string& error) {
  auto start = std::chrono::steady_clock::now();
  llvm::LLVMContext context;
  std::unique_ptr<llvm::Module> code;
  try {
    code = lower::GenerateModule(runtime.module, runtime, context);
  } catch (const std::exception& e) {
    error = e.what();
    return false;
  }
  report_.lower_ms = MillisecondsSince(start);
  auto machine = target.createTargetMachine();
  if (!machine) {
    error = Message(machine.takeError());
    return false;
  }
  code->setDataLayout((*machine)->createDataLayout());
  code->setTargetTriple((*machine)->getTargetTriple().str());
  auto compiled = CompileObject(*code, **machine, opt_level, report_);
  if (!compiled) {
    error = Message(compiled.takeError());
    return false;
  }
  object = std::move(*compiled);
  if (cache) cache->Store(EncodeTables(runtime.tables, runtime.program), *object, report_);
  return true;
}

std::variant<eval::Decision, eval::EvalError> LlvmEngine::Decide(int32_t event_kind, const eval::Value& event) {
  eval::Decision decision;
  if (!KnownKind(event_kind)) return UnknownKind(event_kind);
  runtime.BeginEvent(event_kind, decision);
  CharterCell cell = ToCell(event, runtime.module.events.at(event_kind).type, runtime.program, runtime.arena);
  if (auto error = Run(event_kind, cell, decision)) return *error;
  return decision;
}

std::variant<eval::Decision, eval::EvalError> LlvmEngine::Decide(int32_t event_kind, const CharterCell& event) {
  eval::Decision decision;
  if (auto error = DecideInto(event_kind, event, decision)) return *error;
  return decision;
}

std::optional<eval::EvalError> LlvmEngine::DecideInto(int32_t event_kind, const CharterCell& event,
                                                      eval::Decision& decision) {
  if (!KnownKind(event_kind)) return UnknownKind(event_kind);
  runtime.BeginEvent(event_kind, decision);
  return Run(event_kind, event, decision);
}

// After BeginEvent: the event's cells may live in the runtime's arena.
std::optional<eval::EvalError> LlvmEngine::Run(int32_t event_kind, const CharterCell& event, eval::Decision& decision) {
  decide[event_kind](&runtime.context, &event);
  if (runtime.error) return std::move(runtime.error);
  if (!decision.allowed()) decision.obligations.clear();
  return std::nullopt;
}

}  // namespace charter::jit

extern "C" __attribute__((visibility("default"))) const int charter_jit_abi_version = charter::jit::kAbiVersion;

// Nothing may leave the plugin as an exception: what anything in compiling throws becomes `error`.
extern "C" __attribute__((visibility("default"))) charter::jit::Engine* charter_jit_create_engine(
    const charter::ir::Module* module, const charter::jit::EngineOptions* options, std::string* error) noexcept {
  try {
    auto engine = std::make_unique<charter::jit::LlvmEngine>(*module);
    if (!engine->Compile(*options, *error)) return nullptr;
    return engine.release();
  } catch (const std::exception& e) {
    *error = std::string("internal error while compiling: ") + e.what();
  } catch (...) {
    *error = "internal error while compiling: an exception that is not a std::exception";
  }
  return nullptr;
}
