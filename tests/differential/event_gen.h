// Random events for the fixed event `e` of types.h, as JSON: mostly ordinary
// values, with boundary values (0, negatives, INT64 extremes, empty lists,
// none, the first and last representable dates) often enough to reach the
// engines' error paths.
#pragma once

#include <cstdint>

#include <nlohmann/json.hpp>

namespace charter::differential {

/// The same seed always gives the same event.
nlohmann::ordered_json GenerateEvent(uint64_t seed);

/// The simplest JSON value for the field `name` of event `e` (0, "", [], null...);
/// the shrinker replaces values by it.
nlohmann::ordered_json SimplestValue(const std::string& name);

}  // namespace charter::differential
