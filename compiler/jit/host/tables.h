// The tables generated code refers to by index (types, messages, spans), and
// their bytes in the object cache: a cache hit reads them back beside the
// object instead of lowering the module again only to rebuild them.
//
// Types are written by structure (kind, element, and a declaration as file and
// position) and read back as the program's own interned types; spans and
// messages as they are. The cache entry's key pins the program's text and
// Charter's build, so the same declarations and types exist on reading.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/base/source.h"
#include "compiler/check/check.h"

namespace charter::jit {

struct RuntimeTables {
  std::vector<const Type*> types;
  std::vector<std::string> messages;
  std::vector<Span> spans;
};

/// `tables`, whose types and spans belong to `program`, as bytes.
std::string EncodeTables(const RuntimeTables& tables, const CheckedProgram& program);

/// EncodeTables' bytes back; nullopt when they are damaged or name a type,
/// declaration or file `program` does not have.
std::optional<RuntimeTables> DecodeTables(std::string_view bytes, const CheckedProgram& program);

}  // namespace charter::jit
