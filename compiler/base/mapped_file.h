// A file's bytes mapped read-only into memory: for caches read once per
// process, where a read() into a fresh buffer costs a page fault per 4 KB
// page touched and a mapping of the page cache takes one per 16.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace charter {

class MappedFile {
 public:
  /// The regular file at `path`, mapped; nullopt when it cannot be opened or
  /// mapped (an empty file maps to no bytes).
  static std::optional<MappedFile> Open(const std::string& path);

  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  /// Valid while this object lives. Charter's caches replace entries by
  /// renaming, which leaves a mapped file as it was; a file rewritten in
  /// place while mapped may show through (readers check what they read), and
  /// one truncated in place faults on the bytes it lost.
  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

 private:
  MappedFile(void* data, size_t size) : data_(data), size_(size) {}
  void* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace charter
