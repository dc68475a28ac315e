#include "compiler/jit/object_cache.h"

#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include <llvm/Config/llvm-config.h>
#include <llvm/Support/BLAKE3.h>
#include <llvm/Support/raw_ostream.h>

#include "compiler/base/build_id.h"
#include "compiler/base/cache_dir.h"
#include "compiler/base/mapped_file.h"

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
  auto file = MappedFile::Open(path_);  // read in place: each part is copied once, where it is kept
  if (!file) return std::nullopt;
  std::string_view in = file->bytes();
  auto rebuilt = [&](const std::string& why) -> std::optional<CachedCode> {
    report.cache = CompileReport::Cache::Rebuilt;
    report.cache_note = why;
    return std::nullopt;
  };
  // The header: magic, then the key, the two sizes and the checksum, a line each.
  auto next_line = [&in](std::string_view& line) {
    size_t end = in.find('\n');
    if (end == std::string_view::npos) return false;
    line = in.substr(0, end);
    in.remove_prefix(end + 1);
    return true;
  };
  std::string_view stored_key, sizes_line, checksum;
  bool header = in.substr(0, kMagic.size()) == kMagic;
  if (header) in.remove_prefix(kMagic.size());
  if (!header || !next_line(stored_key) || !next_line(sizes_line) || !next_line(checksum) || stored_key != key_) {
    return rebuilt("its header is damaged or belongs to other code");
  }
  size_t space = sizes_line.find(' ');
  unsigned long long tables_size = 0, object_size = 0;
  if (space == std::string_view::npos || !ParseSize(std::string(sizes_line.substr(0, space)), tables_size) ||
      !ParseSize(std::string(sizes_line.substr(space + 1)), object_size)) {
    return rebuilt("its sizes are damaged");
  }
  if (in.size() < tables_size + object_size) return rebuilt("it is truncated");
  if (in.size() > tables_size + object_size) return rebuilt("it has bytes after the object");
  std::string_view tables = in.substr(0, tables_size);
  std::string_view object = in.substr(tables_size);
  if (Checksum(tables, object) != checksum) return rebuilt("its contents do not match their checksum");
  CachedCode code;
  code.tables = std::string(tables);
  code.object = llvm::MemoryBuffer::getMemBufferCopy(llvm::StringRef(object.data(), object.size()), path_);
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
