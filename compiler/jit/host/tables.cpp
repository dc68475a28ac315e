#include "compiler/jit/host/tables.h"

#include <map>
#include <utility>

#include "compiler/base/archive.h"

namespace charter::jit {

namespace {

constexpr uint64_t kNone = 0;  // no element, no declaration, no file: every other number is one past an index
// Types nest as deeply as the program writes them; far deeper bytes are damage.
constexpr uint32_t kMaxTypeDepth = 256;
constexpr uint64_t kLastKind = static_cast<uint64_t>(TypeKind::Tally);

/// Each declaration of the program as (file, position among the file's declarations).
std::map<const ast::Decl*, std::pair<uint64_t, uint64_t>> DeclPositions(const Program& program) {
  std::map<const ast::Decl*, std::pair<uint64_t, uint64_t>> positions;
  for (size_t f = 0; f < program.files.size(); ++f) {
    if (!program.files[f]) continue;
    const auto& decls = program.files[f]->decls;
    for (size_t d = 0; d < decls.size(); ++d) positions[decls[d].get()] = {f, d};
  }
  return positions;
}

void WriteType(archive::Writer& out, const Type* type,
               const std::map<const ast::Decl*, std::pair<uint64_t, uint64_t>>& positions) {
  uint64_t kind = static_cast<uint64_t>(type->kind);
  out.U(kind);
  uint64_t has_element = type->element ? 1 : 0;
  out.U(has_element);
  if (type->element) WriteType(out, type->element, positions);
  uint64_t file = kNone, decl = kNone;
  if (type->decl) {
    auto [f, d] = positions.at(type->decl);  // every type's declaration is one of the program's
    file = f + 1;
    decl = d + 1;
  }
  out.U(file);
  out.U(decl);
}

const Type* ReadType(archive::Reader& in, const CheckedProgram& program) {
  if (!in.Enter()) return nullptr;
  uint64_t kind = 0, has_element = 0, file = 0, decl = 0;
  in.U(kind);
  in.U(has_element);
  const Type* element = nullptr;
  if (in.ok() && has_element == 1) element = ReadType(in, program);
  in.U(file);
  in.U(decl);
  in.Leave();
  if (!in.ok() || kind > kLastKind || has_element > 1 || (has_element && !element)) return nullptr;
  const ast::Decl* declaration = nullptr;
  if (file != kNone || decl != kNone) {
    const auto& files = program.program->files;
    if (file == kNone || file > files.size() || !files[file - 1] || decl == kNone ||
        decl > files[file - 1]->decls.size()) {
      return nullptr;
    }
    declaration = files[file - 1]->decls[decl - 1].get();
  }
  return program.types.Find(static_cast<TypeKind>(kind), element, declaration);
}

void WriteSpan(archive::Writer& out, const Span& span) {
  uint64_t fields[] = {span.file == kNoFile ? kNone : static_cast<uint64_t>(span.file) + 1, span.offset,
                       span.length, span.line, span.column};
  for (uint64_t& field : fields) out.U(field);
}

bool ReadSpan(archive::Reader& in, size_t files, Span& span) {
  uint64_t fields[5] = {};
  for (uint64_t& field : fields) in.U(field);
  if (!in.ok() || fields[0] > files) return false;
  for (int i = 1; i < 5; ++i) {
    if (fields[i] > UINT32_MAX) return false;
  }
  span.file = fields[0] == kNone ? kNoFile : static_cast<FileId>(fields[0] - 1);
  span.offset = static_cast<uint32_t>(fields[1]);
  span.length = static_cast<uint32_t>(fields[2]);
  span.line = static_cast<uint32_t>(fields[3]);
  span.column = static_cast<uint32_t>(fields[4]);
  return true;
}

}  // namespace

std::string EncodeTables(const RuntimeTables& tables, const CheckedProgram& program) {
  archive::Writer out;
  auto positions = DeclPositions(*program.program);
  out.Count(tables.types.size());
  for (const Type* type : tables.types) WriteType(out, type, positions);
  out.Count(tables.messages.size());
  for (std::string message : tables.messages) out.Bytes(message);
  out.Count(tables.spans.size());
  for (const Span& span : tables.spans) WriteSpan(out, span);
  return out.Take();
}

std::optional<RuntimeTables> DecodeTables(std::string_view bytes, const CheckedProgram& program) {
  archive::Reader in(bytes, kMaxTypeDepth);
  RuntimeTables tables;
  tables.types.resize(in.Count(0));
  for (const Type*& type : tables.types) {
    type = ReadType(in, program);
    if (!type) return std::nullopt;
  }
  tables.messages.resize(in.Count(0));
  for (std::string& message : tables.messages) in.Bytes(message);
  tables.spans.resize(in.Count(0));
  size_t files = program.program->sources.size();
  for (Span& span : tables.spans) {
    if (!ReadSpan(in, files, span)) return std::nullopt;
  }
  if (!in.ok() || !in.AtEnd()) return std::nullopt;
  return tables;
}

}  // namespace charter::jit
