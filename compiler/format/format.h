// `charter fmt`: the one canonical layout of Charter source.
//
// How. The formatter prints the token stream of the file, every channel
// included, guided by the parse tree (compiler/parse/syntax_tree.h), through a
// Wadler-style document with groups that break only when they do not fit in
// 100 columns (doc.h). Printing tokens rather than the AST means nothing the
// AST drops can be lost (parentheses, literal spellings, comments), and every
// comment is attached to a token: to the one it follows on its line, else to
// the one after it. A comment is therefore printed exactly once, in order, and
// where it was relative to the code. Idempotence follows from the layout
// depending only on the tokens, the comments, the empty lines between entries
// and (for the bodies named below) whether the author broke the body: all
// four come out of formatting unchanged. As a last guard, the result is parsed
// again and must hold the same tokens (commas aside) and the same comments, or
// the file is refused.
//
// The layout, with policies/*.charter as the reference:
// - 2-space indentation; no trailing white space; one final newline; `\n` line ends.
// - Empty lines between declarations, statements, fields, members, clauses and
//   comments are kept, collapsed to one; none at the start or end of a body.
// - Tokens are printed as written: strings, raw strings, numbers, dates,
//   durations byte for byte. Only optional commas change: entries on one line
//   are separated by commas with none after the last; entries one per line
//   take none (enum members, fields, tier rows, bands), one after each (match
//   arms, list elements) or one after each but the last (record literal
//   fields); a comma after the last argument or parameter goes.
// - Single spaces around binary operators, `=`, `=>`, `->`; after `,` and `:`.
// - Record literals and lists: on one line when they fit, else one entry per line.
// - Enum, record and event bodies and `match` arms: on one line when the author
//   wrote them on one line (`{` followed by the first entry) and they fit,
//   else one entry per line.
// - Rule, `when`, `veto`, fn-block, quorum, vote, threshold, tier and test bodies:
//   one entry per line.
// - A statement or clause that does not fit breaks before its `else`, indented 2
//   (`require ...` then `  else "code": message`); a rule or veto header breaks
//   before `when`/`where`, indented 4; `fn f() -> T = expr` puts the expression
//   on the next line, indented 2; a chain of `and`, `or`, `+`, ... breaks before
//   each operator, indented 2 (aligned with the first operand inside
//   parentheses, indented 4 in a condition before a block); an `if` chain breaks
//   before each `else`, aligned with its `if`. Argument lists, lambdas and
//   expectation lists never break for width.
// - Tier tables are aligned as columns: the `{` of every row, and each field
//   when all rows list the same fields. Threshold bands align their `=>`.
#pragma once

#include <optional>
#include <string>

#include "compiler/diagnostics/diagnostic.h"

namespace charter::format {

/// The canonical layout of `text` (a whole file), or nullopt when it does not
/// parse (diagnostics in `diags`, their spans in file id 0: `path` as given).
std::optional<std::string> FormatSource(const std::string& path, const std::string& text, DiagnosticSink& diags);

}  // namespace charter::format
