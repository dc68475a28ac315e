#include "compiler/driver/eval_github.h"

#include <fmt/format.h>

#include "compiler/diagnostics/render.h"

namespace charter::driver {
namespace {

using Json = nlohmann::ordered_json;

std::string Str(const Json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

// `policies/x.charter:189:3` → file, line, column (the path may itself hold colons).
GithubAnnotation At(const Json& at) {
  GithubAnnotation a;
  if (!at.is_string()) return a;
  std::string text = at.get<std::string>();
  size_t col = text.rfind(':');
  size_t line = col == std::string::npos || col == 0 ? std::string::npos : text.rfind(':', col - 1);
  if (line == std::string::npos) return a;
  try {
    a.line = static_cast<uint32_t>(std::stoul(text.substr(line + 1, col - line - 1)));
    a.column = static_cast<uint32_t>(std::stoul(text.substr(col + 1)));
    a.file = text.substr(0, line);
  } catch (const std::exception&) {
    a = GithubAnnotation();
  }
  return a;
}

// The head line `pretty` prints too: `[line N: ]id (kind) decision`.
std::string Head(const Json& result) {
  std::string head;
  if (result.contains("line")) head += fmt::format("line {}: ", Str(result["line"]));
  if (result.contains("id")) head += Str(result["id"]) + " ";
  if (result.contains("kind")) head += "(" + Str(result["kind"]) + ") ";
  return head + (result.contains("error") ? "error" : Str(result.value("decision", Json(""))));
}

}  // namespace

std::string GithubDecision(const Json& result, const std::string& input) {
  // Annotations name the event by id, or by kind and stream line when it has none.
  std::string who = result.contains("id") ? Str(result["id"]) : result.contains("kind") ? Str(result["kind"]) : "";
  if (!result.contains("id") && result.contains("line")) {
    who += fmt::format("{}line {}", who.empty() ? "" : " at ", Str(result["line"]));
  }
  if (who.empty()) who = "event";
  std::string out = Head(result) + "\n";
  if (result.contains("error")) {
    const Json& error = result["error"];
    GithubAnnotation a = At(error.value("at", Json()));
    std::string message = Str(error.value("message", Json("")));
    if (error.contains("path")) {
      // A malformed event: point at its line in the events file.
      if (input != "-") a.file = input;
      if (result.contains("line") && input != "-") a.line = result["line"].get<uint32_t>();
      a.title = fmt::format("malformed event ({})", who);
      message = Str(error["path"]) + ": " + message;
    } else {
      a.title = fmt::format("evaluation error ({})", who);
    }
    a.message = message;
    return out + RenderGithub(a);
  }
  for (const auto& reason : result.value("reasons", Json::array())) {
    GithubAnnotation a = At(reason.value("at", Json()));
    a.title = fmt::format("{} ({})", Str(reason.value("code", Json(""))), who);
    a.message = Str(reason.value("message", Json("")));
    out += RenderGithub(a);
  }
  for (const auto& warning : result.value("warnings", Json::array())) {
    GithubAnnotation a;
    a.level = "warning";
    a.title = fmt::format("{} ({})", Str(warning.value("code", Json(""))), who);
    a.message = Str(warning.value("message", Json("")));
    out += RenderGithub(a);
  }
  return out;
}

}  // namespace charter::driver
