// Load(): entry files plus everything they import, parsed, in dependency order.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/base/source.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/parse/parse.h"

namespace charter {

struct LoadOptions {
  /// Where `import std.x` looks; defaults to $CHARTER_STDLIB or the built-in path.
  std::string stdlib_dir;
  /// Texts that replace files on disk (an editor's unsaved buffers), by path.
  std::map<std::string, std::string> overlays;
  /// Parse options for every file (a parse cache, leaving tests out).
  ParseOptions parse;
};

/// A set of parsed files; `modules` lists imports before their importers.
struct Program {
  SourceManager sources;
  std::vector<std::unique_ptr<ast::File>> files;   // indexed by FileId
  std::vector<FileId> order;                       // dependency order
  std::vector<FileId> entries;                     // the files asked for
  std::map<std::string, FileId> module_by_name;    // "std.time" → file
  /// For each file, the module each of its imports resolved to (by import index).
  std::map<FileId, std::vector<FileId>> resolved_imports;
  /// False when `test` declarations were left out (LoadOptions::parse).
  bool has_tests = true;

  const ast::File& file(FileId id) const { return *files.at(id); }
  bool IsEntry(FileId id) const;
};

std::unique_ptr<Program> Load(const std::vector<std::string>& paths, const LoadOptions& options,
                              DiagnosticSink& diags);

std::string DefaultStdlibDir();

}  // namespace charter
