// The GNU build IDs of the running code, to key caches on: any rebuild of
// Charter changes them, so nothing one build stored is read by another.
#pragma once

#include <string>

namespace charter {

/// One line per loaded object that has a build ID: its path (empty for the
/// executable) and the ID in hex.
std::string LoadedBuildIds();

}  // namespace charter
