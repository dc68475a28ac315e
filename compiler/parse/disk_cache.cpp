#include "compiler/parse/disk_cache.h"

#include <cstring>
#include <filesystem>
#include <functional>
#include <string_view>

#include <fmt/format.h>

#include "compiler/ast/serialize.h"
#include "compiler/base/build_id.h"
#include "compiler/base/cache_dir.h"
#include "compiler/base/mapped_file.h"

namespace charter {
namespace {

constexpr std::string_view kMagic = "CHARTERAST1\n";
// Each version of each policy file makes an entry: the least recently used past this many go.
constexpr size_t kMaxEntries = 128;

const std::string& BuildIds() {
  static const std::string ids = LoadedBuildIds();
  return ids;
}

// Not cryptographic: the text is compared byte for byte, and the checksum only detects damage.
uint64_t Hash(std::string_view bytes) { return std::hash<std::string_view>{}(bytes); }

void AppendU64(std::string& out, uint64_t value) { out.append(reinterpret_cast<const char*>(&value), sizeof value); }

bool ReadU64(std::string_view in, size_t& at, uint64_t& value) {
  if (in.size() - at < sizeof value) return false;
  std::memcpy(&value, in.data() + at, sizeof value);
  at += sizeof value;
  return true;
}

/// What the entry's tree depends on besides the text: the build and the options.
std::string Context(bool skip_tests) { return BuildIds() + (skip_tests ? "without tests\n" : "with tests\n"); }

std::string EntryPath(const std::string& dir, const SourceFile& file, bool skip_tests) {
  uint64_t key = Hash(Context(skip_tests)) ^ (Hash(file.text()) * 0x9E3779B97F4A7C15ull);
  return (std::filesystem::path(dir) / fmt::format("parse-{:016x}.ast", key)).string();
}

}  // namespace

std::unique_ptr<ast::File> LoadCachedParse(const std::string& dir, const SourceFile& file, bool skip_tests) {
  if (BuildIds().empty()) return nullptr;  // no build ID: another build could not be told apart
  std::string path = EntryPath(dir, file, skip_tests);
  auto entry = MappedFile::Open(path);
  if (!entry) return nullptr;
  std::string context = Context(skip_tests);
  std::string_view in = entry->bytes();
  // magic, context size and bytes, text size and bytes, tree size and bytes, checksum of all before it
  size_t at = kMagic.size();
  uint64_t size = 0, checksum = 0;
  if (in.substr(0, kMagic.size()) != kMagic || !ReadU64(in, at, size) || size != context.size() ||
      in.substr(at, size) != context) {
    return nullptr;
  }
  at += size;
  if (!ReadU64(in, at, size) || size != file.text().size() || in.substr(at, size) != file.text()) return nullptr;
  at += size;
  if (!ReadU64(in, at, size) || size > in.size() - at) return nullptr;
  std::string_view tree = in.substr(at, size);
  size_t checked = at + size;
  at = checked;
  if (!ReadU64(in, at, checksum) || at != in.size() || checksum != Hash(in.substr(0, checked))) return nullptr;
  auto read = ast::DeserializeFile(tree, file.id());
  if (read) TouchCacheEntry(path);  // pruning keeps what is in use
  return read;
}

void StoreCachedParse(const std::string& dir, const SourceFile& file, bool skip_tests, const ast::File& tree) {
  if (BuildIds().empty()) return;
  std::string context = Context(skip_tests);
  std::string bytes = ast::SerializeFile(tree);
  std::string entry(kMagic);
  AppendU64(entry, context.size());
  entry += context;
  AppendU64(entry, file.text().size());
  entry += file.text();
  AppendU64(entry, bytes.size());
  entry += bytes;
  AppendU64(entry, Hash(entry));
  std::string error;
  // A cache that cannot be written only costs the next run a parse.
  if (WriteCacheEntry(EntryPath(dir, file, skip_tests), entry, error)) PruneCacheEntries(dir, "parse-", ".ast", kMaxEntries);
}

}  // namespace charter
