// Bytes written by one process and read back by a later one (the parse
// cache's trees, the object cache's runtime tables): unsigned LEB128 numbers
// and length-prefixed byte strings. The reader never trusts its input: every
// read is bounds-checked, a failure sticks, and counts and nesting are limited
// so damaged bytes cannot make it allocate or recurse without bound.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace charter::archive {

class Writer {
 public:
  static constexpr bool kReading = false;

  void U(uint64_t& value) {
    uint64_t v = value;
    while (v >= 0x80) {
      out_.push_back(static_cast<char>(v | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void Bytes(std::string& text) {
    uint64_t size = text.size();
    U(size);
    out_.append(text);
  }
  size_t Count(size_t size) {
    uint64_t n = size;
    U(n);
    return size;
  }
  bool Enter() { return true; }
  void Leave() {}
  void Fail() {}
  bool ok() const { return true; }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  static constexpr bool kReading = true;
  /// `max_depth`: how deeply Enter() may nest before the input counts as damaged.
  Reader(std::string_view in, uint32_t max_depth) : in_(in), max_depth_(max_depth) {}

  void U(uint64_t& value) {
    value = 0;
    for (int shift = 0; shift < 64 && ok_; shift += 7) {
      if (at_ >= in_.size()) return Fail();
      auto byte = static_cast<uint8_t>(in_[at_++]);
      value |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return;
    }
    Fail();
  }
  void Bytes(std::string& text) {
    uint64_t size = 0;
    U(size);
    if (!ok_ || size > in_.size() - at_) return Fail();
    text.assign(in_.data() + at_, size);
    at_ += size;
  }
  // Every element takes at least one byte, so a count past the bytes left is damage, not a huge allocation.
  size_t Count(size_t) {
    uint64_t n = 0;
    U(n);
    if (!ok_ || n > in_.size() - at_) {
      Fail();
      return 0;
    }
    return static_cast<size_t>(n);
  }
  bool Enter() {
    if (++depth_ > max_depth_) Fail();
    return ok_;
  }
  void Leave() { --depth_; }
  void Fail() { ok_ = false; }
  bool ok() const { return ok_; }
  bool AtEnd() const { return at_ == in_.size(); }

 private:
  std::string_view in_;
  size_t at_ = 0;
  uint32_t max_depth_;
  uint32_t depth_ = 0;
  bool ok_ = true;
};

}  // namespace charter::archive
