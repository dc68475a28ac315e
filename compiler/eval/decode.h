// Event decoding: one JSON document → the typed value of the event it names by
// `kind`, following the schema the policy declares. Every problem is an
// InputError naming the JSON path of the first offending value.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/check/check.h"
#include "compiler/eval/value.h"

namespace charter::eval {

struct DecodeLimits {
  size_t max_bytes = 1 << 20;  // one event
  unsigned max_depth = 64;     // nested arrays and objects
};

/// `{"path": "$.ballots[2].role", "message": "expected one of ...; got \"admin\""}`.
struct InputError {
  std::string path;
  std::string message;
};

struct DecodedEvent {
  const ast::EventDecl* event = nullptr;
  Value value;              // a record in the event's field order
  nlohmann::ordered_json id;  // the event's `id` as given (string or integer), null when absent
};

/// The JSON spelling of each member of an enum or tier, in declaration order:
/// its index is the member's value.
std::vector<std::string> EnumSpellings(const ast::Decl& decl);

/// False for the types an event cannot give (durations, tallies, none): rules compute them.
bool HasJsonForm(const Type* type);

class EventDecoder {
 public:
  /// `events`: the event kinds that may be decoded (those of the policies in use).
  EventDecoder(const CheckedProgram& program, std::vector<const ast::EventDecl*> events, DecodeLimits limits = {});

  /// Parses `json` and decodes it by its `kind`.
  std::variant<DecodedEvent, InputError> Decode(std::string_view json) const;

  /// Parses `json` and decodes it as a value of `type` (for tests and tools).
  std::variant<Value, InputError> DecodeAs(std::string_view json, const Type* type) const;

 private:
  const CheckedProgram& program_;
  std::map<std::string, const ast::EventDecl*> by_kind_;
  DecodeLimits limits_;
};

}  // namespace charter::eval
