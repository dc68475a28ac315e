// A piece is reused only when its text and the first word after it (which
// an unfinished declaration's error message names) are both unchanged.
#include "compiler/parse/parse_cache.h"

#include "compiler/ast/clone.h"
#include "compiler/parse/build_ast.h"

namespace charter {
namespace {

std::string KeyOf(const SourceFile& file, const Chunk& chunk, const Chunk* next) {
  uint32_t end = next ? next->keyword_offset + next->keyword_length : chunk.offset + chunk.length;
  std::string key(1, chunk.head ? 'h' : 'd');
  key.append(file.text(), chunk.offset, end - chunk.offset);
  return key;
}

std::unique_ptr<ast::File> CopyOf(const ast::File& tree, const ast::SpanMap& map) {
  auto copy = std::make_unique<ast::File>();
  copy->id = tree.id;
  copy->role = tree.role;
  for (const ast::Ident& part : tree.name) copy->name.push_back(ast::CloneIdent(part, map));
  copy->header_span = map(tree.header_span);
  for (const ast::Import& import : tree.imports) copy->imports.push_back(ast::CloneImport(import, map));
  for (const ast::DeclPtr& decl : tree.decls) copy->decls.push_back(ast::CloneDecl(*decl, map));
  return copy;
}

void Replay(const std::vector<Diagnostic>& cached, const ast::SpanMap& map, DiagnosticSink& diags) {
  for (const Diagnostic& original : cached) {
    Diagnostic& copy = diags.Report(original.kind, map(original.span), original.message);
    copy.notes = original.notes;
    for (const DiagLabel& label : original.labels) copy.labels.push_back({map(label.span), label.message});
    if (original.fix) copy.fix = FixIt{map(original.fix->span), original.fix->replacement, original.fix->message};
  }
}

}  // namespace

std::unique_ptr<ast::File> ParseCache::Get(const SourceFile& file, const Chunk& chunk, std::string_view sanitized,
                                           const Chunk* next, DiagnosticSink& diags) {
  std::lock_guard lock(mutex_);
  std::string key = KeyOf(file, chunk, next);
  auto found = entries_.find(key);
  if (found == entries_.end()) {
    ++misses_;
    Entry entry;
    DiagnosticSink own;
    entry.tree = ParseChunk(file, chunk, sanitized, next, own);
    entry.diagnostics = own.diagnostics();
    entry.offset = chunk.offset;
    found = entries_.emplace(std::move(key), std::move(entry)).first;
  } else {
    ++hits_;
  }
  Entry& entry = found->second;
  entry.round = round_;
  int64_t delta = static_cast<int64_t>(chunk.offset) - static_cast<int64_t>(entry.offset);
  ast::SpanMap map = [&file, delta](const Span& span) {
    if (!span.valid()) return span;
    return file.SpanAt(static_cast<uint32_t>(static_cast<int64_t>(span.offset) + delta), span.length);
  };
  Replay(entry.diagnostics, map, diags);
  auto copy = CopyOf(*entry.tree, map);
  copy->id = file.id();
  return copy;
}

void ParseCache::EndRound() {
  std::lock_guard lock(mutex_);
  std::erase_if(entries_, [&](const auto& item) { return item.second.round + kRoundsKept <= round_; });
  ++round_;
}

size_t ParseCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace charter
