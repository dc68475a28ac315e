// Loading policies for the verbs that run them (eval, test): expand
// directories, load, check, lower; report errors the way `charter check` does.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "compiler/ir/ir.h"
#include "compiler/parse/disk_cache.h"

namespace charter::driver {

/// A directory stands for the .charter files directly inside it, sorted.
std::vector<std::string> ExpandPolicyPaths(const std::vector<std::string>& paths);

struct PolicySet {
  std::unique_ptr<CheckedProgram> checked;
  std::unique_ptr<ir::Module> module;
  // Where loading went (`eval --verbose`): reading and parsing, checking, lowering to the IR.
  double load_ms = 0, check_ms = 0, lower_ms = 0;
  size_t files = 0;
  DiskParseStats parse_cache;
};

/// Whether a verb runs the policies' `test` declarations. Verbs that do not
/// leave them unparsed: most of a policy's text is its tests, so `eval`
/// starts several times faster, and a broken test does not stop decisions
/// (`charter check` and `charter test` still report it).
enum class Tests { Load, Skip };

/// Loads, checks and lowers `files`. On an unreadable file or any error,
/// prints the diagnostics to stderr (prefixed by `verb`) and returns null.
/// With `parse_cache_dir`, parsed files are read back from and kept there
/// (compiler/parse/disk_cache.h).
std::unique_ptr<PolicySet> LoadPolicySet(const std::string& verb, const std::vector<std::string>& files, Tests tests,
                                         const std::string& parse_cache_dir = "");

}  // namespace charter::driver
