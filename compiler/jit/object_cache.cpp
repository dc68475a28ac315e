#include "compiler/jit/object_cache.h"

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include <llvm/Config/llvm-config.h>
#include <llvm/Support/BLAKE3.h>
#include <llvm/Support/raw_ostream.h>

#include "compiler/base/build_id.h"
#include "compiler/base/cache_dir.h"

namespace charter::jit {

namespace {

constexpr std::string_view kMagic = "CHARTEROBJ2\n";
// Every policy version and every charter build makes new entries: the least recently used past this many go.
constexpr size_t kMaxEntries = 64;
constexpr unsigned long long kMaxPartBytes = 1ULL << 30;

std::string Hex(llvm::ArrayRef<uint8_t> bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

/// The checksum of an entry's tables and object.
std::string Checksum(std::string_view tables, std::string_view object) {
  llvm::BLAKE3 hash;
  hash.update(llvm::StringRef(tables.data(), tables.size()));
  hash.update(llvm::StringRef(object.data(), object.size()));
  return Hex(hash.final());
}

bool ParseSize(const std::string& text, unsigned long long& size) {
  char* end = nullptr;
  size = std::strtoull(text.c_str(), &end, 10);
  return !text.empty() && *end == '\0' && size <= kMaxPartBytes;
}

}  // namespace

ObjectCache::ObjectCache(const std::string& dir, const llvm::orc::JITTargetMachineBuilder& target, int opt_level,
                         const Program& program)
    : dir_(dir) {
  llvm::BLAKE3 hash;
  std::string header;
  llvm::raw_string_ostream out(header);
  out << "llvm " << LLVM_VERSION_STRING << "\ntriple " << target.getTargetTriple().str() << "\ncpu "
      << target.getCPU() << "\nfeatures " << target.getFeatures().getString() << "\nopt " << opt_level << "\n"
      << (program.has_tests ? "with tests\n" : "without tests\n");
  // The main program (empty name) and the plugin carry Charter's code; a
  // shared library's ID changes only with an upgrade, which is fine to key on too.
  out << LoadedBuildIds();
  hash.update(out.str());
  // Hashed where they lie: a copy of ~300 KB of policies costs more than the hash.
  for (size_t i = 0; i < program.sources.size(); ++i) {
    const SourceFile& file = program.sources.Get(static_cast<FileId>(i));
    hash.update(fmt::format("file {} {}\n", file.path(), file.text().size()));
    hash.update(file.text());
  }
  key_ = Hex(hash.final());
  path_ = (std::filesystem::path(dir_) / ("jit-" + key_.substr(0, 32) + ".o")).string();
}

std::optional<CachedCode> ObjectCache::Load(CompileReport& report) {
  report.cache_file = path_;
  report.cache = CompileReport::Cache::Miss;
  std::ifstream in(path_, std::ios::binary);
  if (!in) return std::nullopt;
  std::string magic(kMagic.size(), '\0'), stored_key, sizes_line, checksum;
  in.read(magic.data(), static_cast<std::streamsize>(magic.size()));
  std::getline(in, stored_key);
  std::getline(in, sizes_line);
  std::getline(in, checksum);
  auto rebuilt = [&](const std::string& why) -> std::optional<CachedCode> {
    report.cache = CompileReport::Cache::Rebuilt;
    report.cache_note = why;
    return std::nullopt;
  };
  if (!in || magic != kMagic || stored_key != key_) return rebuilt("its header is damaged or belongs to other code");
  size_t space = sizes_line.find(' ');
  unsigned long long tables_size = 0, object_size = 0;
  if (space == std::string::npos || !ParseSize(sizes_line.substr(0, space), tables_size) ||
      !ParseSize(sizes_line.substr(space + 1), object_size)) {
    return rebuilt("its sizes are damaged");
  }
  CachedCode code;
  code.tables.resize(tables_size);
  std::string object(object_size, '\0');
  in.read(code.tables.data(), static_cast<std::streamsize>(tables_size));
  in.read(object.data(), static_cast<std::streamsize>(object_size));
  if (!in) return rebuilt("it is truncated");
  if (in.peek() != std::char_traits<char>::eof()) return rebuilt("it has bytes after the object");
  if (Checksum(code.tables, object) != checksum) return rebuilt("its contents do not match their checksum");
  code.object = llvm::MemoryBuffer::getMemBufferCopy(object, path_);
  report.cache = CompileReport::Cache::Hit;
  TouchCacheEntry(path_);  // pruning keeps what is in use
  return code;
}

void ObjectCache::Store(const std::string& tables, const llvm::MemoryBuffer& object, CompileReport& report) {
  std::string_view code(object.getBufferStart(), object.getBufferSize());
  std::string entry = fmt::format("{}{}\n{} {}\n{}\n", kMagic, key_, tables.size(), code.size(), Checksum(tables, code));
  entry += tables;
  entry += code;
  std::string error;
  if (!WriteCacheEntry(path_, entry, error)) {
    report.cache_note = error;
    return;
  }
  PruneCacheEntries(dir_, "jit-", ".o", kMaxEntries);
}

}  // namespace charter::jit
