// PrintAst(): the text form of an ast::File behind `charter check --dump=ast`.
#pragma once

#include <string>

#include "compiler/ast/ast.h"

namespace charter::ast {

std::string PrintAst(const File& file);

}  // namespace charter::ast
