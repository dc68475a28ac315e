#include "lsp/transport/framing.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

namespace charter::lsp {
namespace {

constexpr size_t kMaxHeaderBytes = 8192;  // a header block longer than this is garbage

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// RFC 7230's token characters: a header name made of anything else means the
// block is not a header at all (the rest of a body whose length was wrong).
bool IsHeaderName(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::strchr("!#$%&'*+-.^_`|~", c);
  });
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

struct HeaderBlock {
  long long length = -1;  // -1: no Content-Length
  std::string problem;
  bool conflicting = false;  // two Content-Length headers that disagree
};

// Reads `Name: value` lines; stops at the first problem. Unless `complete`,
// the text's last line may still be arriving, and only its name is judged.
HeaderBlock ReadHeaderLines(const std::string& header, bool complete) {
  HeaderBlock block;
  size_t at = 0;
  while (at < header.size()) {
    size_t eol = header.find('\n', at);
    bool partial = eol == std::string::npos && !complete;
    if (eol == std::string::npos) eol = header.size();
    std::string line = Trim(header.substr(at, eol - at));
    at = eol + 1;
    if (line.empty()) continue;
    size_t colon = line.find(':');
    if (partial) {
      std::string name = Trim(line.substr(0, colon));
      if (!name.empty() && !IsHeaderName(name)) block.problem = "malformed header line `" + line.substr(0, 60) + "`";
      return block;
    }
    std::string name = colon == std::string::npos ? "" : Trim(line.substr(0, colon));
    if (!IsHeaderName(name)) {
      block.problem = "malformed header line `" + line.substr(0, 60) + "`";
      return block;
    }
    std::string value = Trim(line.substr(colon + 1));
    if (Lower(name) != "content-length") continue;
    bool digits = !value.empty() && value.size() <= 18 &&
                  std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) {
      block.problem = "invalid Content-Length `" + value.substr(0, 40) + "`";
      return block;
    }
    long long length = std::stoll(value);
    if (block.length >= 0 && length != block.length) {
      block.problem = "two different Content-Length headers";
      block.conflicting = true;
      return block;
    }
    block.length = length;
  }
  return block;
}

}  // namespace

bool FrameReader::Fill() {
  if (eof_) return false;
  char chunk[65536];
  long n;
  do {
    n = read_(chunk, sizeof chunk);
  } while (n < 0 && errno == EINTR);
  if (n <= 0) {
    eof_ = true;
    return false;
  }
  buffer_.append(chunk, static_cast<size_t>(n));
  return true;
}

bool FrameReader::FindHeaderEnd(size_t& end) {
  size_t crlf = buffer_.find("\r\n\r\n");
  size_t lf = buffer_.find("\n\n");
  if (crlf == std::string::npos && lf == std::string::npos) return false;
  if (crlf != std::string::npos && (lf == std::string::npos || crlf <= lf + 1)) {
    end = crlf + 4;
  } else {
    end = lf + 2;
  }
  return true;
}

void FrameReader::DropUntilNextHeader() {
  // Keep from the next "Content-Length" (case-insensitive).
  for (;;) {
    std::string lower = Lower(buffer_);
    size_t next = lower.find("content-length");
    if (next != std::string::npos) {
      buffer_.erase(0, next);
      return;
    }
    // Keep a tail that might be the start of a split header name.
    if (buffer_.size() > 16) buffer_.erase(0, buffer_.size() - 16);
    if (!Fill()) {
      buffer_.clear();
      return;
    }
  }
}

bool FrameReader::Skip(size_t bytes) {
  while (bytes > 0) {
    if (buffer_.empty() && !Fill()) return false;
    size_t take = std::min(bytes, buffer_.size());
    buffer_.erase(0, take);
    bytes -= take;
  }
  return true;
}

Frame FrameReader::Next() {
  if (pending_skip_ > 0) {
    size_t bytes = pending_skip_;
    pending_skip_ = 0;
    if (!Skip(bytes)) return {};
  }
  if (resync_) {
    resync_ = false;
    DropUntilNextHeader();
  }
  for (;;) {
    // Leading blank lines between frames are harmless.
    size_t skip = 0;
    while (skip < buffer_.size() && (buffer_[skip] == '\r' || buffer_[skip] == '\n')) ++skip;
    buffer_.erase(0, skip);

    size_t header_end = 0;
    bool complete = false;
    HeaderBlock block;
    for (;;) {
      complete = FindHeaderEnd(header_end);
      // Lines are judged as they arrive: a sender waiting for the answer to a
      // malformed message gets its error without sending more.
      block = ReadHeaderLines(complete ? buffer_.substr(0, header_end) : buffer_, complete);
      if (complete || (!block.problem.empty() && !block.conflicting)) break;
      if (buffer_.size() > kMaxHeaderBytes) {
        block = {-1, "header block too long or not terminated", false};
        break;
      }
      if (!Fill()) return {};
      size_t lead = 0;
      while (lead < buffer_.size() && (buffer_[lead] == '\r' || buffer_[lead] == '\n')) ++lead;
      buffer_.erase(0, lead);
    }
    if (block.problem.empty() && block.length < 0) block.problem = "missing Content-Length header";
    if (!block.problem.empty()) {
      // A malformed block may hold the next message's header (the body before
      // it was longer than announced, or a blank line was left out), so the
      // search for it starts inside the block. Conflicting lengths come from
      // one sender's header: its body, of unknown length, is skipped whole.
      buffer_.erase(0, block.conflicting && complete ? header_end : 1);
      resync_ = true;
      return {Frame::Kind::Error, "", block.problem};
    }
    long long length = block.length;
    buffer_.erase(0, header_end);
    auto size = static_cast<size_t>(length);
    if (size > max_body_) {
      pending_skip_ = size;
      return {Frame::Kind::Error, "",
              "message of " + std::to_string(size) + " bytes exceeds the limit of " + std::to_string(max_body_)};
    }
    while (buffer_.size() < size) {
      if (!Fill()) return {};  // truncated at end of input
    }
    Frame frame{Frame::Kind::Message, buffer_.substr(0, size), ""};
    buffer_.erase(0, size);
    return frame;
  }
}

bool FrameWriter::Write(const std::string& body) {
  std::string frame = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  std::lock_guard<std::mutex> lock(mutex_);
  return write_(frame.data(), frame.size());
}

FrameReader::ReadFn FdReader(int fd) {
  return [fd](char* buffer, size_t size) -> long { return ::read(fd, buffer, size); };
}

FrameWriter::WriteFn FdWriter(int fd) {
  return [fd](const char* data, size_t size) {
    while (size > 0) {
      ssize_t n = ::write(fd, data, size);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      data += n;
      size -= static_cast<size_t>(n);
    }
    return true;
  };
}

}  // namespace charter::lsp
