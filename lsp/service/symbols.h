// Every name in a checked program, with what it refers to: the one index
// behind hover, definition, references, rename and semantic tokens.
#pragma once

#include <string>
#include <vector>

#include "compiler/check/check.h"

namespace charter::lsp {

enum class SymKind {
  Decl,        // decl
  EnumMember,  // decl (enum or tier), index
  Field,       // decl (record or event), index
  Local,       // def: where the let, parameter, lambda or binder is bound; name
  Module,      // index: the module's FileId; name: the alias
  ReasonCode,  // name: the code
  Value,       // name: the output value
  Builtin,     // name: a global builtin function (max, min, abs, percent_of)
  Method,      // index: a MethodId of compiler/check/methods.def; name: the method
};

struct SymbolId {
  SymbolId(SymKind k = SymKind::Decl, const ast::Decl* d = nullptr, int i = -1, Span at = {}, std::string n = {})
      : kind(k), decl(d), index(i), def(at), name(std::move(n)) {}
  SymKind kind = SymKind::Decl;
  const ast::Decl* decl = nullptr;
  int index = -1;
  Span def;
  std::string name;
  bool operator==(const SymbolId& o) const {
    return kind == o.kind && decl == o.decl && index == o.index && def.file == o.def.file &&
           def.offset == o.def.offset && name == o.name;
  }
};

struct Occurrence {
  Span span;  // the name itself (for reason codes: the code without its quotes)
  SymbolId target;
  bool definition = false;
  const Type* type = nullptr;  // the type there, when the checker knew it
  bool alias = false;          // `event` in a rule: resolves to the event, but is a keyword
};

class SymbolIndex {
 public:
  void Build(const CheckedProgram& checked);
  /// The occurrence covering byte `offset` of `file` (an end touching the cursor counts).
  const Occurrence* At(FileId file, uint32_t offset) const;
  /// Every occurrence of `target` (without `event` keyword aliases).
  std::vector<const Occurrence*> References(const SymbolId& target) const;
  /// Where a symbol is defined (invalid for builtins).
  Span Definition(const SymbolId& target) const;
  const std::vector<Occurrence>& all() const { return occurrences_; }

 private:
  std::vector<Occurrence> occurrences_;  // sorted by file, then offset
};

using ast::TypeRefText;

}  // namespace charter::lsp
