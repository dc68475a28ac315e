#include "lsp/server/log.h"

#include <cstdio>
#include <exception>
#include <stdexcept>

namespace charter::lsp {

LogSink StderrLog() {
  // One fprintf per line: stdio locks the stream, so the worker's lines never interleave with the main thread's.
  return [](const std::string& line) { std::fprintf(stderr, "charter lsp: %s\n", line.c_str()); };
}

std::string CurrentExceptionText() {
  try {
    throw;
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "an exception that is not a std::exception";
  }
}

}  // namespace charter::lsp
