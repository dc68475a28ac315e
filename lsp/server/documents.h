// Open documents: their text (kept current by incremental edits), version,
// and the analyses made of them.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lsp/protocol/types.h"
#include "lsp/service/analysis.h"

namespace charter::lsp {

struct Document {
  std::string uri;
  std::string path;  // the file path the front end sees
  std::string text;
  int64_t version = 0;
  uint64_t generation = 0;                     // bumped on every change
  std::shared_ptr<const Analysis> analysis;    // the newest, possibly of an older text
  uint64_t analysed_generation = UINT64_MAX;   // the generation `analysis` is of
  uint64_t failed_generation = UINT64_MAX;     // a generation whose analysis threw: not tried again
  std::shared_ptr<const Analysis> last_good;   // the newest without syntax errors
  bool fresh() const { return analysis && analysed_generation == generation; }
};

/// Applies one change; ranges are in UTF-16 positions of the current text.
void ApplyChange(std::string& text, const ContentChange& change);

std::string UriToPath(const std::string& uri);
std::string PathToUri(const std::string& path);

}  // namespace charter::lsp
