// ParseCache: the trees of declarations already parsed, by their text, so an
// editor's keystroke reparses only the declaration it changed.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/parse/chunks.h"

namespace charter {

class ParseCache {
 public:
  /// The tree and diagnostics of one piece of `file` (see Parse): a copy of
  /// the cached ones, moved to where the piece now sits, or a fresh parse.
  std::unique_ptr<ast::File> Get(const SourceFile& file, const Chunk& chunk, std::string_view sanitized,
                                 const Chunk* next, DiagnosticSink& diags);

  /// Ends one round of parses (one analysis): pieces no round has used in
  /// the last `kRoundsKept` rounds are dropped, so memory follows the texts
  /// being edited, not their history.
  void EndRound();

  size_t size() const;
  uint64_t hits() const { return hits_; }
  uint64_t misses() const { return misses_; }

  static constexpr uint64_t kRoundsKept = 3;

 private:
  struct Entry {
    std::unique_ptr<ast::File> tree;  // never handed out: the checker annotates trees
    std::vector<Diagnostic> diagnostics;
    uint32_t offset = 0;  // where the piece was when parsed
    uint64_t round = 0;   // the last round that used it
  };

  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  uint64_t round_ = 0;
  uint64_t hits_ = 0;
  uint64_t misses_ = 0;
};

}  // namespace charter
