// `charter eval --format github`: a decision as GitHub Actions annotations.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace charter::driver {

/// A line `PR-205 (change) deny` (as `--format pretty` heads it), then one
/// `::error` per reason at the policy rule that failed (its `at`), titled with
/// the code and the event id, and one `::warning` per warning. A malformed
/// event is an `::error` at its line of `input` (the events file; no location
/// for standard input).
std::string GithubDecision(const nlohmann::ordered_json& result, const std::string& input);

}  // namespace charter::driver
