#include "compiler/base/mapped_file.h"

#include <sys/mman.h>
#include <unistd.h>

#include <utility>

#include "compiler/base/source.h"

namespace charter {

std::optional<MappedFile> MappedFile::Open(const std::string& path) {
  size_t size = 0;
  int fd = OpenRegularFile(path, size);
  if (fd < 0) return std::nullopt;
  void* data = nullptr;
  if (size > 0) {
    data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (data == MAP_FAILED) {
      ::close(fd);
      return std::nullopt;
    }
  }
  ::close(fd);  // the mapping keeps the file
  return MappedFile(data, size);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    if (data_) ::munmap(data_, size_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

MappedFile::~MappedFile() {
  if (data_) ::munmap(data_, size_);
}

}  // namespace charter
