// What simdjson alone costs on a document, as yardsticks for `charter bench`
// (docs/performance.md): a skim (stage 1 and a count of the top-level fields:
// the "bare simdjson pass" the throughput target is stated against) and a walk
// that visits every value and keeps nothing (the floor for any decoder that
// reads every value with On Demand).
#pragma once

#include <string_view>
#include <vector>

#include <simdjson.h>

namespace charter::ingest {

/// Not thread-safe: one per thread (it owns the parser and the padded buffer).
class BarePass {
 public:
  /// Walks `json`; false if simdjson refuses it. `sink` mixes what was seen, so no read is optimised out.
  bool Walk(std::string_view json, uint64_t& sink);
  /// Indexes `json` and counts its top-level fields.
  bool Skim(std::string_view json, uint64_t& sink);

 private:
  bool Iterate(std::string_view json, simdjson::ondemand::document& doc);
  bool Visit(simdjson::ondemand::value value, uint64_t& sink);

  simdjson::ondemand::parser parser_;
  std::vector<char> padded_;
};

}  // namespace charter::ingest
