// What simdjson alone costs on a document, as yardsticks for `charter bench`
// (docs/performance.md): a skim (stage 1 and a count of the top-level fields:
// the "bare simdjson pass" the throughput target is stated against) and a walk
// that visits every value and keeps nothing (the floor for any decoder that
// reads every value with On Demand).
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

namespace charter::ingest {

/// Not thread-safe: one per thread (it owns the parser and the padded buffer).
class BarePass {
 public:
  BarePass();
  ~BarePass();
  BarePass(const BarePass&) = delete;
  BarePass& operator=(const BarePass&) = delete;

  /// Walks `json`; false if simdjson refuses it. `sink` mixes what was seen, so no read is optimised out.
  bool Walk(std::string_view json, uint64_t& sink);
  /// Indexes `json` and counts its top-level fields.
  bool Skim(std::string_view json, uint64_t& sink);

 private:
  // simdjson stays out of this header: its types' layout depends on macros only the ingest library is built with.
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace charter::ingest
