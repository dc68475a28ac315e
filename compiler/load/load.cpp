#include "compiler/load/load.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>

#include "compiler/parse/parse.h"

namespace charter {

namespace fs = std::filesystem;

bool Program::IsEntry(FileId id) const { return std::find(entries.begin(), entries.end(), id) != entries.end(); }

std::string DefaultStdlibDir() {
  if (const char* env = std::getenv("CHARTER_STDLIB"); env && *env) return env;
  return CHARTER_STDLIB_DIR;
}

namespace {

class Loader {
 public:
  Loader(Program& program, const LoadOptions& options, DiagnosticSink& diags)
      : program_(program), options_(options), diags_(diags) {
    stdlib_ = options.stdlib_dir.empty() ? DefaultStdlibDir() : options.stdlib_dir;
  }

  // Reads and parses `path` once; returns its id or kNoFile when it cannot be read.
  FileId LoadFile(const std::string& path) {
    std::string key = Normalize(path);
    if (auto it = by_path_.find(key); it != by_path_.end()) return it->second;
    std::string text;
    if (auto overlay = options_.overlays.find(path); overlay != options_.overlays.end()) {
      text = overlay->second;
    } else if (!ReadFile(path, text)) {
      return kNoFile;
    }
    const SourceFile& source = program_.sources.Add(path, std::move(text));
    by_path_[key] = source.id();
    auto file = Parse(source, diags_, options_.parse);
    if (program_.files.size() <= source.id()) program_.files.resize(source.id() + 1);
    program_.files[source.id()] = std::move(file);
    ResolveImports(source.id(), path);
    return source.id();
  }

  void Order(FileId id) {
    if (state_[id] != 0) return;  // done, or on a cycle reported when it was resolved
    state_[id] = 1;
    for (FileId dep : program_.resolved_imports[id]) {
      if (dep != kNoFile) Order(dep);
    }
    state_[id] = 2;
    program_.order.push_back(id);
  }

 private:
  static std::string Normalize(const std::string& path) {
    std::error_code ec;
    auto canonical = fs::weakly_canonical(path, ec);
    return ec ? path : canonical.string();
  }

  void ResolveImports(FileId id, const std::string& path) {
    ast::File& file = *program_.files[id];
    std::string dotted = file.DottedName();
    if (!dotted.empty() && !program_.module_by_name.count(dotted)) program_.module_by_name[dotted] = id;
    std::vector<FileId> resolved;
    for (const ast::Import& import : file.imports) {
      std::string candidate;
      if (import.path.front().name == "std") {
        if (import.path.size() == 2) candidate = (fs::path(stdlib_) / (import.path[1].name + ".charter")).string();
      } else {
        fs::path relative = fs::path(path).parent_path();
        for (const auto& part : import.path) relative /= part.name;
        candidate = relative.string() + ".charter";
      }
      FileId dep = kNoFile;
      if (!candidate.empty()) {
        in_progress_.push_back(id);
        std::string key = Normalize(candidate);
        if (auto it = by_path_.find(key); it != by_path_.end() &&
            std::find(in_progress_.begin(), in_progress_.end(), it->second) != in_progress_.end()) {
          diags_.Report(DiagKind::ImportCycle, import.span,
                        "importing `" + import.Dotted() + "` creates a cycle: the modules import each other");
          in_progress_.pop_back();
          resolved.push_back(kNoFile);
          continue;
        }
        dep = LoadFile(candidate);
        in_progress_.pop_back();
      }
      if (dep == kNoFile) {
        auto& diag = diags_.Report(DiagKind::UnknownModule, import.span, "unknown module `" + import.Dotted() + "`");
        if (import.path.front().name == "std") {
          std::vector<std::string> names;
          std::error_code ec;
          for (const auto& entry : fs::directory_iterator(stdlib_, ec)) {
            if (entry.path().extension() == ".charter") names.push_back("std." + entry.path().stem().string());
          }
          std::sort(names.begin(), names.end());
          diag.SuggestClosest(Cover(import.path.front().span, import.path.back().span), import.Dotted(), names);
          std::string list;
          for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
          if (!list.empty()) diag.notes.push_back("the standard library has " + list);
        } else {
          diag.notes.push_back("looked for `" + candidate + "`");
        }
      }
      resolved.push_back(dep);
    }
    program_.resolved_imports[id] = std::move(resolved);
  }

  Program& program_;
  const LoadOptions& options_;
  DiagnosticSink& diags_;
  std::string stdlib_;
  std::map<std::string, FileId> by_path_;
  std::vector<FileId> in_progress_;
  std::map<FileId, int> state_;  // 0 unvisited, 1 being ordered, 2 ordered
};

}  // namespace

std::unique_ptr<Program> Load(const std::vector<std::string>& paths, const LoadOptions& options,
                              DiagnosticSink& diags) {
  auto program = std::make_unique<Program>();
  program->has_tests = !options.parse.skip_tests;
  Loader loader(*program, options, diags);
  for (const auto& path : paths) {
    FileId id = loader.LoadFile(path);
    if (id != kNoFile && !program->IsEntry(id)) program->entries.push_back(id);
  }
  for (FileId id : program->entries) loader.Order(id);
  return program;
}

}  // namespace charter
