// JSON-RPC base protocol framing: `Content-Length: N\r\n\r\n` then N bytes.
// The reader tolerates partial reads, bad headers and oversized bodies: each
// problem is reported as a framing error and reading resynchronises on the
// next header, so one bad message never ends the session.
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>

namespace charter::lsp {

struct Frame {
  enum class Kind { Message, Error, End } kind = Kind::End;
  std::string body;   // Message: the JSON text
  std::string error;  // Error: what was wrong with the header or body
};

/// Reads frames from a byte source; `read` returns bytes read, 0 at end, <0 on error.
class FrameReader {
 public:
  using ReadFn = std::function<long(char* buffer, size_t size)>;
  FrameReader(ReadFn read, size_t max_body) : read_(std::move(read)), max_body_(max_body) {}

  Frame Next();

 private:
  bool Fill();                        // reads more; false at end of input
  bool FindHeaderEnd(size_t& end);    // index just past "\r\n\r\n" (or "\n\n")
  void DropUntilNextHeader();         // skips to the next "Content-Length:" after a bad header
  bool Skip(size_t bytes);            // discards a body without keeping it

  ReadFn read_;
  size_t max_body_;
  std::string buffer_;
  bool eof_ = false;
  // Recovery is lazy so that an error is reported before more input arrives.
  bool resync_ = false;     // drop input up to the next header first
  size_t pending_skip_ = 0; // bytes of a refused body still to discard
};

/// Writes frames; safe to call from several threads.
class FrameWriter {
 public:
  using WriteFn = std::function<bool(const char* data, size_t size)>;
  explicit FrameWriter(WriteFn write) : write_(std::move(write)) {}
  bool Write(const std::string& body);

 private:
  WriteFn write_;
  std::mutex mutex_;
};

/// A reader and a writer on file descriptors (stdin/stdout for `charter lsp`).
FrameReader::ReadFn FdReader(int fd);
FrameWriter::WriteFn FdWriter(int fd);

}  // namespace charter::lsp
