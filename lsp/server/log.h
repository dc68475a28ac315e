// Where the server reports its own failures (a feature or a background job
// that threw, a notification that failed): they have no request to answer.
#pragma once

#include <functional>
#include <string>

namespace charter::lsp {

/// Takes one line without its newline; called from the main thread and the worker; must not throw.
using LogSink = std::function<void(const std::string& line)>;

/// Writes `charter lsp: LINE` to stderr, which editors show in the server's output channel.
LogSink StderrLog();

/// The text of the exception being handled; call only inside a catch block.
std::string CurrentExceptionText();

}  // namespace charter::lsp
