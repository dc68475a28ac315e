#include "lsp/service/analysis.h"

namespace charter::lsp {

const ast::File* Analysis::EntryFile() const {
  if (entry == kNoFile || entry >= program().files.size()) return nullptr;
  return program().files[entry].get();
}

const SourceFile* Analysis::Source(FileId id) const {
  if (id == kNoFile || id >= program().sources.size()) return nullptr;
  return &program().sources.Get(id);
}

const ast::Decl* Analysis::FindDecl(const std::string& name) const {
  const ast::File* file = EntryFile();
  if (!file) return nullptr;
  for (const auto& decl : file->decls) {
    if (decl->name.name == name && decl->kind != ast::DeclKind::Test) return decl.get();
  }
  auto resolved = program().resolved_imports.find(entry);
  if (resolved == program().resolved_imports.end()) return nullptr;
  for (FileId module : resolved->second) {
    if (module == kNoFile) continue;
    for (const auto& decl : program().file(module).decls) {
      if (decl->name.name == name) return decl.get();
    }
  }
  return nullptr;
}

FileId Analysis::FindModule(const std::string& alias) const {
  const ast::File* file = EntryFile();
  if (!file) return kNoFile;
  auto resolved = program().resolved_imports.find(entry);
  for (size_t i = 0; i < file->imports.size(); ++i) {
    if (file->imports[i].path.empty() || file->imports[i].LocalName().name != alias) continue;
    if (resolved != program().resolved_imports.end() && i < resolved->second.size()) return resolved->second[i];
  }
  return kNoFile;
}

std::shared_ptr<const Analysis> Analyze(const std::string& path, const std::string& text,
                                        const AnalysisOptions& options) {
  auto analysis = std::make_shared<Analysis>();
  analysis->path = path;
  analysis->text = text;
  LoadOptions load;
  load.stdlib_dir = options.stdlib_dir;
  load.overlays = options.overlays;
  load.overlays[path] = text;
  load.parse.cache = options.parse_cache.get();
  DiagnosticSink diags;
  auto program = Load({path}, load, diags);
  if (options.parse_cache) options.parse_cache->EndRound();
  if (!program->entries.empty()) analysis->entry = program->entries.front();
  analysis->checked = Check(std::move(program), diags);
  diags.SortAndDedupe();
  analysis->diagnostics = diags.diagnostics();
  for (const auto& d : analysis->diagnostics) {
    std::string code = d.code();
    if (d.span.file == analysis->entry && code >= "E0001" && code <= "E0005") analysis->syntax_ok = false;
  }
  analysis->index.Build(*analysis->checked);
  const SourceManager& sources = analysis->checked->program->sources;
  for (FileId id = 0; id < sources.size(); ++id) analysis->lines.emplace_back(sources.Get(id).text());
  return analysis;
}

}  // namespace charter::lsp
