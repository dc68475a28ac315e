// Charter's cache directory ($XDG_CACHE_HOME/charter) holds compiled objects
// and parsed files; both are written whole and renamed into place, and both
// keep only the most recently used entries.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace charter {

/// Writes `bytes` to `path` through a temporary file renamed into place, so that
/// readers never see half an entry; false (and `error` says why) when it cannot.
bool WriteCacheEntry(const std::string& path, std::string_view bytes, std::string& error);

/// Marks the entry at `path` as just used (its modification time), for PruneCacheEntries.
void TouchCacheEntry(const std::string& path);

/// Removes the least recently used entries of `dir` named `<prefix>*<extension>`
/// past the `keep` newest, by modification time.
void PruneCacheEntries(const std::string& dir, std::string_view prefix, std::string_view extension, size_t keep);

}  // namespace charter
