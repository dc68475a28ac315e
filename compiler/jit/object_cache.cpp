#include "compiler/jit/object_cache.h"

#include <elf.h>
#include <link.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <cstring>
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

namespace {

/// The NT_GNU_BUILD_ID note of each loaded object that has one, in load order.
int CollectBuildIds(dl_phdr_info* info, size_t, void* data) {
  auto& ids = *static_cast<std::string*>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& header = info->dlpi_phdr[i];
    if (header.p_type != PT_NOTE) continue;
    const char* at = reinterpret_cast<const char*>(info->dlpi_addr + header.p_vaddr);
    const char* end = at + header.p_memsz;
    while (at + sizeof(ElfW(Nhdr)) <= end) {
      const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(at);
      const char* name = at + sizeof(ElfW(Nhdr));
      const char* desc = name + ((note->n_namesz + 3) & ~3u);
      if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
        ids += std::string(info->dlpi_name) + " " +
               Hex(llvm::ArrayRef<uint8_t>(reinterpret_cast<const uint8_t*>(desc), note->n_descsz)) + "\n";
      }
      at = desc + ((note->n_descsz + 3) & ~3u);
    }
  }
  return 0;
}

}  // namespace

std::string ProgramFingerprint(const Program& program) {
  const SourceManager& sources = program.sources;
  std::string out = program.has_tests ? "with tests\n" : "without tests\n";
  // The main program (empty name) and the plugin carry Charter's code; a
  // shared library's ID changes only with an upgrade, which is fine to key on too.
  dl_iterate_phdr(CollectBuildIds, &out);
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
  std::error_code ec;
  std::filesystem::create_directories(cache_dir_, ec);
  // A temporary name unique to this process, renamed into place: concurrent
  // runs each write a whole entry and the last rename wins.
  std::string temporary = path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << kMagic << key << '\n' << object.getBufferSize() << '\n' << Sha256Hex(object.getBuffer()) << '\n';
    out.write(object.getBufferStart(), static_cast<std::streamsize>(object.getBufferSize()));
    out.close();
    if (!out) {
      std::filesystem::remove(temporary, ec);
      report_.cache_note = "cannot write " + temporary;
      return;
    }
  }
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::filesystem::remove(temporary, ec);
    report_.cache_note = "cannot write " + path;
    return;
  }
  PruneCache(cache_dir_, kMaxEntries);
}

void PruneCache(const std::string& dir, size_t keep) {
  std::error_code ec;
  std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> entries;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind("jit-", 0) != 0 || entry.path().extension() != ".o") continue;
    auto used = entry.last_write_time(ec);
    if (!ec) entries.emplace_back(used, entry.path());
  }
  if (entries.size() <= keep) return;
  std::sort(entries.begin(), entries.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  for (size_t i = keep; i < entries.size(); ++i) std::filesystem::remove(entries[i].second, ec);
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
      // A hit marks the entry used (its modification time), so pruning keeps what is in use.
      std::error_code ec;
      std::filesystem::last_write_time(path, std::filesystem::file_time_type::clock::now(), ec);
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
