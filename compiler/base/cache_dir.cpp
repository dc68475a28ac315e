#include "compiler/base/cache_dir.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <utility>
#include <vector>

namespace charter {

namespace fs = std::filesystem;

bool WriteCacheEntry(const std::string& path, std::string_view bytes, std::string& error) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  // A temporary name unique to this process: concurrent runs each write a whole entry and the last rename wins.
  std::string temporary = path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      fs::remove(temporary, ec);
      error = "cannot write " + temporary;
      return false;
    }
  }
  fs::rename(temporary, path, ec);
  if (ec) {
    fs::remove(temporary, ec);
    error = "cannot write " + path;
    return false;
  }
  return true;
}

void TouchCacheEntry(const std::string& path) {
  std::error_code ec;
  fs::last_write_time(path, fs::file_time_type::clock::now(), ec);
}

void PruneCacheEntries(const std::string& dir, std::string_view prefix, std::string_view extension, size_t keep) {
  std::error_code ec;
  std::vector<std::pair<fs::file_time_type, fs::path>> entries;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0 || entry.path().extension() != extension) continue;
    auto used = entry.last_write_time(ec);
    if (!ec) entries.emplace_back(used, entry.path());
  }
  if (entries.size() <= keep) return;
  std::sort(entries.begin(), entries.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  for (size_t i = keep; i < entries.size(); ++i) fs::remove(entries[i].second, ec);
}

}  // namespace charter
