// Check(): name resolution, type checking and governance lints over a loaded program.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "compiler/check/types.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/load/load.h"

namespace charter {

/// What the rules of one event kind can produce; tests are checked against it,
/// and the evaluator reports in this vocabulary.
struct EventOutputs {
  std::set<std::string> reasons;
  std::set<std::string> warnings;
  std::set<std::string> obligations;
  std::map<std::string, const Type*> values;
};

/// The checked program: the AST annotated with types and resolutions, plus the
/// tables later phases need. Owns the program it was built from.
struct CheckedProgram {
  std::unique_ptr<Program> program;
  TypeContext types;
  std::map<const ast::Decl*, EventOutputs> outputs;  // by event declaration
  /// Declared type of each const, fn result, threshold result, and tier row record.
  std::map<const ast::Decl*, const Type*> decl_types;
  /// Resolved field types of each record and event, by field position.
  std::map<const ast::Decl*, std::vector<const Type*>> field_types;
  /// The type each `let` binds (declared, else inferred).
  std::map<const ast::LetStmt*, const Type*> let_types;
  /// Resolved parameter types of each fn, extern fn and threshold, by position.
  std::map<const ast::Decl*, std::vector<const Type*>> param_types;
};

struct CheckOptions {
  /// Report unused-definition warnings for these files only (the user's, not the stdlib's).
  bool lint_modules = false;
};

std::unique_ptr<CheckedProgram> Check(std::unique_ptr<Program> program, DiagnosticSink& diags,
                                      const CheckOptions& options = {});

}  // namespace charter
