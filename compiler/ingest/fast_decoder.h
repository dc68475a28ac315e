// The fast event decoder: one JSON document straight into the flat cells both
// engines read (compiler/jit/abi.h), with simdjson On Demand and no tree in
// between. It accepts exactly what eval::EventDecoder accepts and yields the
// same event; on anything else it only says no, and the caller re-decodes the
// document with eval::EventDecoder, which words the error (docs/jit.md).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "compiler/check/check.h"
#include "compiler/eval/decode.h"
#include "compiler/ingest/schema_plan.h"
#include "compiler/jit/abi.h"

namespace charter::ingest {

/// An event's `id` as given: echoed in its decision.
struct EventId {
  enum class Kind : uint8_t { None, String, Signed, Unsigned };
  Kind kind = Kind::None;
  std::string_view text;  // String
  int64_t signed_value = 0;
  uint64_t unsigned_value = 0;
};

/// A decoded event; its cells and id live until the decoder's next Decode.
struct FastEvent {
  int32_t kind = -1;  // index into the events the decoder was built with
  CharterCell value{0, 0};  // the event's record, fields in declaration order
  EventId id;
};

/// Not thread-safe: one decoder per thread (it owns the parser and the arena).
class FastDecoder {
 public:
  /// `events`: as for eval::EventDecoder; FastEvent::kind indexes this vector.
  FastDecoder(const CheckedProgram& program, const std::vector<const ast::EventDecl*>& events,
              eval::DecodeLimits limits = {});
  ~FastDecoder();
  FastDecoder(const FastDecoder&) = delete;
  FastDecoder& operator=(const FastDecoder&) = delete;

  /// The event `json` holds, or nullopt for any problem (or any case this decoder leaves to the slow one).
  /// `readable_after`: how many bytes after `json` may be read. With simdjson's padding's worth, and
  /// a line end right after the document, it is parsed where it lies instead of copied; it must then
  /// stay unchanged until the next Decode, since the event's strings point into it.
  std::optional<FastEvent> Decode(std::string_view json, size_t readable_after = 0);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace charter::ingest
