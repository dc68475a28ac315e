// The language service's unit of work: one document analysed with the same
// front end as `charter check` (Load with the editor's unsaved texts, then
// Check), plus the symbol index built from the checked tree. Knows nothing
// of LSP; features read it, never change it.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "compiler/parse/parse_cache.h"
#include "lsp/protocol/line_index.h"
#include "lsp/service/symbols.h"

namespace charter::lsp {

struct Analysis {
  std::string path;                         // the entry file
  std::string text;                         // its text, as analysed
  std::unique_ptr<CheckedProgram> checked;  // never null
  std::vector<charter::Diagnostic> diagnostics;  // sorted, all files
  FileId entry = kNoFile;
  bool syntax_ok = true;                    // no E0001–E0005 in the entry file
  SymbolIndex index;
  std::vector<LineIndex> lines;             // by FileId, over the program's source texts

  const Program& program() const { return *checked->program; }
  const ast::File* EntryFile() const;
  const SourceFile* Source(FileId id) const;
  /// A declaration of the entry file or its imports, by name (the entry's first).
  const ast::Decl* FindDecl(const std::string& name) const;
  /// The module an import alias of the entry file names, or kNoFile.
  FileId FindModule(const std::string& alias) const;
  /// Line table of a file of the program (null for an unknown id).
  const LineIndex* Lines(FileId id) const { return id < lines.size() ? &lines[id] : nullptr; }
};

struct AnalysisOptions {
  std::string stdlib_dir;                       // empty: the built-in one
  std::map<std::string, std::string> overlays;  // other open documents, by path
  /// Declarations parsed by earlier analyses, reused while their text is unchanged.
  std::shared_ptr<ParseCache> parse_cache;
};

std::shared_ptr<const Analysis> Analyze(const std::string& path, const std::string& text,
                                        const AnalysisOptions& options);

}  // namespace charter::lsp
