#include "compiler/jit/object_cache.h"

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include <llvm/Analysis/CGSCCPassManager.h>
#include <llvm/Analysis/LoopAnalysisManager.h>
#include <llvm/Config/llvm-config.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/PassManager.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Transforms/InstCombine/InstCombine.h>
#include <llvm/Transforms/Scalar/EarlyCSE.h>
#include <llvm/Transforms/Scalar/SROA.h>
#include <llvm/Transforms/Scalar/SimplifyCFG.h>
#include <llvm/Support/SHA256.h>
#include <llvm/Support/raw_ostream.h>

#include "compiler/base/build_id.h"
#include "compiler/base/cache_dir.h"

namespace charter::jit {

namespace {

constexpr std::string_view kMagic = "CHARTEROBJ1\n";
// Every policy version and every charter build makes new entries: the least recently used past this many go.
constexpr size_t kMaxEntries = 64;

std::string Hex(llvm::ArrayRef<uint8_t> bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

std::string Sha256Hex(llvm::StringRef data) {
  auto digest = llvm::SHA256::hash(llvm::ArrayRef<uint8_t>(reinterpret_cast<const uint8_t*>(data.data()), data.size()));
  return Hex(digest);
}

}  // namespace

double MillisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

CachingCompiler::CachingCompiler(std::unique_ptr<llvm::TargetMachine> machine, int opt_level, std::string cache_dir,
                                 std::string program, CompileReport& report)
    : IRCompiler(llvm::orc::irManglingOptionsFromTargetOptions(machine->Options)),
      machine_(std::move(machine)), opt_level_(opt_level), cache_dir_(std::move(cache_dir)), program_(std::move(program)),
      report_(report) {}

std::string CachingCompiler::Key() const {
  std::string text;
  llvm::raw_string_ostream out(text);
  out << "llvm " << LLVM_VERSION_STRING << "\ntriple " << machine_->getTargetTriple().str() << "\ncpu "
      << machine_->getTargetCPU() << "\nfeatures " << machine_->getTargetFeatureString() << "\nopt "
      << opt_level_ << "\n";
  out << program_;
  return Sha256Hex(out.str());
}


std::string ProgramFingerprint(const Program& program) {
  const SourceManager& sources = program.sources;
  std::string out = program.has_tests ? "with tests\n" : "without tests\n";
  // The main program (empty name) and the plugin carry Charter's code; a
  // shared library's ID changes only with an upgrade, which is fine to key on too.
  out += LoadedBuildIds();
  for (size_t i = 0; i < sources.size(); ++i) {
    const SourceFile& file = sources.Get(static_cast<FileId>(i));
    out += fmt::format("file {} {}\n", file.path(), file.text().size());
    out += file.text();
  }
  return out;
}

std::unique_ptr<llvm::MemoryBuffer> CachingCompiler::Load(const std::string& path, const std::string& key) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return nullptr;
  std::string magic(kMagic.size(), '\0'), stored_key, size_text, digest;
  in.read(magic.data(), static_cast<std::streamsize>(magic.size()));
  std::getline(in, stored_key);
  std::getline(in, size_text);
  std::getline(in, digest);
  auto rebuilt = [&](const std::string& why) {
    report_.cache = CompileReport::Cache::Rebuilt;
    report_.cache_note = why;
    return nullptr;
  };
  if (!in || magic != kMagic || stored_key != key) return rebuilt("its header is damaged or belongs to other code");
  char* end = nullptr;
  unsigned long long size = std::strtoull(size_text.c_str(), &end, 10);
  if (size_text.empty() || *end != '\0' || size > (1ULL << 30)) return rebuilt("its size is damaged");
  std::string object(size, '\0');
  in.read(object.data(), static_cast<std::streamsize>(size));
  if (static_cast<unsigned long long>(in.gcount()) != size) return rebuilt("it is truncated");
  if (in.peek() != std::char_traits<char>::eof()) return rebuilt("it has bytes after the object");
  if (Sha256Hex(object) != digest) return rebuilt("its object does not match its SHA-256");
  return llvm::MemoryBuffer::getMemBufferCopy(object, path);
}

void CachingCompiler::Store(const std::string& path, const std::string& key, const llvm::MemoryBuffer& object) {
  std::string entry = fmt::format("{}{}\n{}\n{}\n", kMagic, key, object.getBufferSize(), Sha256Hex(object.getBuffer()));
  entry.append(object.getBufferStart(), object.getBufferSize());
  std::string error;
  if (!WriteCacheEntry(path, entry, error)) {
    report_.cache_note = error;
    return;
  }
  PruneCacheEntries(cache_dir_, "jit-", ".o", kMaxEntries);
}

void CachingCompiler::Optimize(llvm::Module& module) {
  if (opt_level_ == 0) return;
  llvm::LoopAnalysisManager loops;
  llvm::FunctionAnalysisManager functions;
  llvm::CGSCCAnalysisManager cgscc;
  llvm::ModuleAnalysisManager modules;
  llvm::PassBuilder builder(machine_.get());
  builder.registerModuleAnalyses(modules);
  builder.registerCGSCCAnalyses(cgscc);
  builder.registerFunctionAnalyses(functions);
  builder.registerLoopAnalyses(loops);
  builder.crossRegisterProxies(loops, functions, cgscc, modules);
  if (opt_level_ == 1) {
    // The lowering gives every value a stack slot; promoting them to registers and folding
    // what that exposes makes the code faster and, being smaller, quicker to generate.
    llvm::FunctionPassManager cleanup;
    cleanup.addPass(llvm::SROAPass(llvm::SROAOptions::ModifyCFG));
    cleanup.addPass(llvm::EarlyCSEPass());
    cleanup.addPass(llvm::InstCombinePass());
    cleanup.addPass(llvm::SimplifyCFGPass());
    llvm::ModulePassManager pipeline;
    pipeline.addPass(llvm::createModuleToFunctionPassAdaptor(std::move(cleanup)));
    pipeline.run(module, modules);
    return;
  }
  builder.buildPerModuleDefaultPipeline(opt_level_ == 2 ? llvm::OptimizationLevel::O2 : llvm::OptimizationLevel::O3)
      .run(module, modules);
}

llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> CachingCompiler::operator()(llvm::Module& module) {
  std::string key, path;
  if (!cache_dir_.empty()) {
    auto start = std::chrono::steady_clock::now();
    key = Key();
    path = (std::filesystem::path(cache_dir_) / ("jit-" + key.substr(0, 32) + ".o")).string();
    report_.cache_file = path;
    report_.cache = CompileReport::Cache::Miss;
    auto cached = Load(path, key);
    report_.load_ms = MillisecondsSince(start);
    if (cached) {
      report_.cache = CompileReport::Cache::Hit;
      TouchCacheEntry(path);  // pruning keeps what is in use
      return cached;
    }
  }
  auto start = std::chrono::steady_clock::now();
  Optimize(module);
  report_.optimize_ms = MillisecondsSince(start);
  start = std::chrono::steady_clock::now();
  llvm::orc::SimpleCompiler compile(*machine_);
  auto object = compile(module);
  report_.codegen_ms = MillisecondsSince(start);
  if (object && !cache_dir_.empty()) Store(path, key, **object);
  return object;
}

}  // namespace charter::jit
