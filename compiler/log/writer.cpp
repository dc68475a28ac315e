#include "compiler/log/writer.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include <fmt/format.h>

#include "compiler/base/calendar.h"
#include "compiler/log/record.h"

namespace charter::log {

std::string NowTimestamp() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  int64_t micros = std::chrono::duration_cast<std::chrono::microseconds>(now).count();
  int64_t seconds = micros / 1000000, frac = micros % 1000000;
  int64_t days = seconds / 86400, rem = seconds % 86400;
  return fmt::format("{}T{:02}:{:02}:{:02}.{:06}Z", FormatDate(static_cast<int32_t>(days)), rem / 3600,
                     (rem / 60) % 60, rem % 60, frac);
}

std::unique_ptr<LogWriter> LogWriter::Open(const std::string& path, ChainDigest digest, std::string& error) {
  // Reading is needed too: each append chains to the line before it.
  int fd = ::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    error = fmt::format("cannot open the decision log `{}`: {}", path, std::strerror(errno));
    return nullptr;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    error = fmt::format("the decision log `{}` is not a regular file", path);
    ::close(fd);
    return nullptr;
  }
  return std::unique_ptr<LogWriter>(new LogWriter(fd, path, std::move(digest)));
}

LogWriter::LogWriter(int fd, std::string path, ChainDigest digest)
    : fd_(fd), path_(std::move(path)), digest_(std::move(digest)) {}

LogWriter::~LogWriter() { ::close(fd_); }

bool LogWriter::Append(std::string_view body, std::string& error) {
  while (::flock(fd_, LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    error = fmt::format("cannot lock the decision log `{}`: {}", path_, std::strerror(errno));
    return false;
  }
  bool ok = AppendLocked(body, error);
  ::flock(fd_, LOCK_UN);
  return ok;
}

bool LogWriter::AppendLocked(std::string_view body, std::string& error) {
  struct stat st;
  if (::fstat(fd_, &st) != 0) {
    error = fmt::format("cannot stat the decision log `{}`: {}", path_, std::strerror(errno));
    return false;
  }
  std::string last;
  if (!ReadLastLine(st.st_size, last, error)) return false;
  std::string prev = kZeroDigest;
  if (st.st_size > 0) {
    auto tail = SplitTail(last);
    if (!tail) {
      error = fmt::format("the last line of `{}` is not a decision-log record; run `charter log verify`", path_);
      return false;
    }
    if (tail->chain != digest_.name()) {
      error = fmt::format("the decision log `{}` is chained with {}, not {}{}", path_, tail->chain, digest_.name(),
                          digest_.keyed() ? "" : "; give its --log-key-file");
      return false;
    }
    prev = digest_.Hex(last);
  }
  std::string line = SealLine(NowTimestamp(), body, digest_, prev);
  line += '\n';
  for (;;) {
    ssize_t written = ::write(fd_, line.data(), line.size());
    if (written == static_cast<ssize_t>(line.size())) return true;
    if (written < 0 && errno == EINTR) continue;
    int saved = errno;
    // A short write leaves a partial line: cut it off so the log stays whole.
    if (written > 0 && ::ftruncate(fd_, st.st_size) != 0) saved = errno;
    error = fmt::format("cannot append to the decision log `{}`: {}", path_,
                        written >= 0 ? "short write (disk full?)" : std::strerror(saved));
    return false;
  }
}

bool LogWriter::ReadLastLine(off_t size, std::string& line, std::string& error) {
  line.clear();
  if (size == 0) return true;
  // Read backwards in blocks until the newline that ends the line before the last.
  std::string tail;
  off_t end = size;
  char block[65536];
  for (;;) {
    off_t start = end > static_cast<off_t>(sizeof block) ? end - static_cast<off_t>(sizeof block) : 0;
    ssize_t n = ::pread(fd_, block, static_cast<size_t>(end - start), start);
    if (n < 0 && errno == EINTR) continue;
    if (n != end - start) {
      error = fmt::format("cannot read the decision log `{}`: {}", path_, n < 0 ? std::strerror(errno) : "short read");
      return false;
    }
    tail.insert(0, block, static_cast<size_t>(n));
    if (end == size && tail.back() != '\n') {
      error = fmt::format("the decision log `{}` ends in a partial line; run `charter log verify`", path_);
      return false;
    }
    size_t newline = tail.size() >= 2 ? tail.rfind('\n', tail.size() - 2) : std::string::npos;
    if (newline != std::string::npos) {
      line = tail.substr(newline + 1, tail.size() - newline - 2);
      return true;
    }
    if (start == 0) {
      line = tail.substr(0, tail.size() - 1);
      return true;
    }
    end = start;
  }
}

bool LogWriter::Sync(std::string& error) {
  if (::fsync(fd_) == 0) return true;
  error = fmt::format("cannot sync the decision log `{}`: {}", path_, std::strerror(errno));
  return false;
}

}  // namespace charter::log
