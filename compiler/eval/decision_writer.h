// Decision JSON written straight to text: byte for byte what DecisionJson(...)
// dumps compactly, without a JSON tree per event (streams of decisions).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/eval/interpreter.h"

namespace charter::eval {

/// Writes the decision lines of one module's events. What is the same from
/// one decision to the next (each kind's name, its values' names, the
/// location of each rule that denies) is escaped once and kept.
class DecisionLineWriter {
 public:
  explicit DecisionLineWriter(const ir::Module& module);

  /// Appends `{"line"?, ...DecisionJson...}` and a newline to `out`, as
  /// `dump(-1, ' ', false, error_handler_t::replace)` would print it. `id_json`
  /// is the event's id as JSON text (AppendIdJson), empty when it has none.
  void Append(std::string& out, std::optional<size_t> line, int32_t event_kind, const Decision& decision,
              std::string_view id_json);

 private:
  struct KindText {
    std::string allow;  // `,"kind":"…","decision":"allow","reasons":`
    std::string deny;
    std::vector<std::string> value_keys;  // `"name":`
  };
  void AppendFindings(std::string& out, const std::vector<Finding>& findings, bool with_location);

  const ir::Module& module_;
  std::vector<KindText> kinds_;
  std::map<std::tuple<FileId, uint32_t, uint32_t>, std::string> locations_;  // `"path:line:column"` by span
};

/// One decision line, as DecisionLineWriter writes it (for a single decision).
void AppendDecisionLine(std::string& out, const ir::Module& module, std::optional<size_t> line, int32_t event_kind,
                        const Decision& decision, std::string_view id_json);

/// An id as DecisionJson prints it, nothing for null.
void AppendIdJson(std::string& out, const nlohmann::ordered_json& id);

/// `text` as nlohmann prints a string (ensure_ascii off, invalid UTF-8 replaced), quotes included.
void AppendJsonString(std::string& out, std::string_view text);

/// `n` in decimal, as nlohmann prints an integer.
void AppendJsonInt(std::string& out, int64_t n);
void AppendJsonInt(std::string& out, uint64_t n);

}  // namespace charter::eval
