// Decisions as EVENTS.md specifies them ("Decision output"), in JSON and as
// text for people.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "compiler/eval/decode.h"
#include "compiler/eval/interpreter.h"

namespace charter::eval {

/// `policies/cicd-constitution.charter:88:5`.
std::string Location(const SourceManager& sources, Span span);

/// {"id", "kind", "decision", "reasons", "obligations", "warnings", "values"[, "trace"]}.
nlohmann::ordered_json DecisionJson(const ir::Module& module, int32_t event_kind, const Decision& decision,
                                    const nlohmann::ordered_json& id);

/// {"line"?, "error": {"path", "message"}} for an event that could not be decoded.
nlohmann::ordered_json InputErrorJson(std::optional<size_t> line, const InputError& error);

/// {"line"?, "id", "kind", "error": {"message", "at"}} for an event whose evaluation stopped.
nlohmann::ordered_json EvalErrorJson(const ir::Module& module, std::optional<size_t> line, int32_t event_kind,
                                     const nlohmann::ordered_json& id, const EvalError& error);

/// The decision JSON rendered for a terminal: one line per reason, warning, obligation and value.
std::string PrettyDecision(const nlohmann::ordered_json& decision);

}  // namespace charter::eval
