// `charter fmt [-w|--check] FILE...`: print, rewrite or check the canonical layout.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fmt/format.h>

#include "compiler/diagnostics/render.h"
#include "compiler/driver/args.h"
#include "compiler/driver/policy_set.h"
#include "compiler/driver/verbs.h"
#include "compiler/format/format.h"

namespace charter::driver {

static const VerbSpec kFmt = {
    .name = "fmt",
    .synopsis =
        "usage: charter fmt [-w | --check] FILE...\n"
        "\n"
        "Lays policies out in Charter's one canonical layout, keeping every comment.\n"
        "A file that does not parse is refused and left as it is.\n",
    .options =
        {
            {.name = "write", .short_name = 'w', .help = "rewrite the files in place (those that change)"},
            {.name = "check", .help = "change nothing; list the files that are not formatted"},
        },
    .notes =
        "Without -w or --check, prints the formatted text of one FILE (`-` reads\n"
        "standard input). A directory stands for the .charter files directly inside it.\n"
        "\n"
        "exit: 0 done (with --check: all formatted), 1 --check found files to format,\n"
        "      2 a file does not parse or cannot be read or written, or bad usage\n",
};

namespace {

enum class FmtMode { Print, Write, Check };

bool ReadInput(const std::string& path, std::string& text) {
  if (path != "-") return ReadFile(path, text);
  text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  return !std::cin.bad();
}

// A temporary file beside the target, then rename(): readers see the old
// file or the new one, never half of it.
bool WriteAtomically(const std::string& path, const std::string& text, std::string& error) {
  std::error_code ec;
  std::filesystem::path target = std::filesystem::canonical(path, ec);  // write through a symlink
  if (ec) target = path;
  std::string temp = (target.parent_path() / ("." + target.filename().string() + ".fmt-XXXXXX")).string();
  int fd = mkstemp(temp.data());
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  struct stat original;
  if (stat(target.c_str(), &original) == 0) fchmod(fd, original.st_mode & 07777);
  size_t written = 0;
  while (written < text.size()) {
    ssize_t n = write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    written += static_cast<size_t>(n);
  }
  bool ok = written == text.size() && fsync(fd) == 0;
  if (!ok) error = std::strerror(errno);
  if (close(fd) != 0 && ok) {
    ok = false;
    error = std::strerror(errno);
  }
  if (ok && std::rename(temp.c_str(), target.c_str()) != 0) {
    ok = false;
    error = std::strerror(errno);
  }
  if (!ok) unlink(temp.c_str());
  return ok;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// `path:12: not formatted` and the first line that changes, before and after.
void PrintFirstDifference(const std::string& path, const std::string& before, const std::string& after) {
  std::vector<std::string> old_lines = Lines(before), new_lines = Lines(after);
  size_t i = 0;
  while (i < old_lines.size() && i < new_lines.size() && old_lines[i] == new_lines[i]) ++i;
  fmt::print("{}:{}: not formatted\n", path, i + 1);
  fmt::print("  - {}\n", i < old_lines.size() ? old_lines[i] : "(end of file)");
  fmt::print("  + {}\n", i < new_lines.size() ? new_lines[i] : "(end of file)");
}

}  // namespace

int RunFmt(const std::vector<std::string>& args) {
  int exit_code = kExitOk;
  auto parsed = ParseOrExplain(kFmt, args, exit_code);
  if (!parsed) return exit_code;
  FmtMode mode = FmtMode::Print;
  bool write = parsed->Has("write"), check = parsed->Has("check");
  std::vector<std::string> paths = parsed->positional;
  if (write && check) {
    fmt::print(stderr, "charter fmt: -w and --check exclude each other\n");
    return kExitUsage;
  }
  if (write) mode = FmtMode::Write;
  if (check) mode = FmtMode::Check;
  if (paths.empty()) {
    fmt::print(stderr, "charter fmt: no files given; run `charter fmt --help`\n");
    return kExitUsage;
  }
  std::vector<std::string> files = ExpandPolicyPaths(paths);
  if (mode == FmtMode::Print && files.size() != 1) {
    fmt::print(stderr, "charter fmt: prints one file ({} given); use -w or --check for several\n", files.size());
    return kExitUsage;
  }

  int status = kExitOk;
  size_t changed = 0;
  TextRenderOptions render;
  render.color = isatty(STDERR_FILENO);
  for (const auto& path : files) {
    if (path == "-" && mode == FmtMode::Write) {
      fmt::print(stderr, "charter fmt: cannot rewrite standard input\n");
      status = kExitUsage;
      continue;
    }
    std::string text;
    if (!ReadInput(path, text)) {
      fmt::print(stderr, "charter fmt: cannot read `{}`\n", path);
      status = kExitUsage;
      continue;
    }
    std::string name = path == "-" ? "<stdin>" : path;
    DiagnosticSink diags;
    auto formatted = format::FormatSource(name, text, diags);
    if (!formatted) {
      SourceManager sources;  // the diagnostics point into file 0
      sources.Add(name, text);
      diags.SortAndDedupe();
      for (const auto& diag : diags.diagnostics()) fmt::print(stderr, "{}\n", RenderText(diag, sources, render));
      fmt::print(stderr, "charter fmt: `{}` does not parse; left unchanged\n", name);
      status = kExitUsage;
      continue;
    }
    if (mode == FmtMode::Print) {
      std::fwrite(formatted->data(), 1, formatted->size(), stdout);
      continue;
    }
    if (*formatted == text) continue;
    ++changed;
    if (mode == FmtMode::Check) {
      PrintFirstDifference(name, text, *formatted);
      continue;
    }
    std::string error;
    if (!WriteAtomically(path, *formatted, error)) {
      fmt::print(stderr, "charter fmt: cannot write `{}`: {}\n", path, error);
      status = kExitUsage;
      continue;
    }
    fmt::print(stderr, "formatted {}\n", path);
  }
  if (mode == FmtMode::Check) {
    if (changed > 0) {
      fmt::print(stderr, "{} of {} file{} not formatted; run `charter fmt -w`\n", changed, files.size(),
                 files.size() == 1 ? "" : "s");
      if (status == kExitOk) status = kExitFindings;
    } else if (status == kExitOk) {
      fmt::print(stderr, "checked {} file{}: all formatted\n", files.size(), files.size() == 1 ? "" : "s");
    }
  }
  return status;
}

}  // namespace charter::driver
