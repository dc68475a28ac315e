#include "tests/differential/engine_pair.h"

#include "compiler/diagnostics/render.h"
#include "compiler/eval/decision_json.h"
#include "compiler/load/load.h"

namespace charter::differential {

std::unique_ptr<EnginePair> EnginePair::Compile(const std::string& source, const std::string& cache_dir,
                                                std::string& error) {
  std::unique_ptr<EnginePair> pair(new EnginePair());
  DiagnosticSink diags;
  LoadOptions options;
  options.overlays[kProgramPath] = source;
  auto program = Load({kProgramPath}, options, diags);
  if (program && !diags.HasErrors()) pair->checked_ = Check(std::move(program), diags);
  if (!pair->checked_ || diags.HasErrors()) {
    diags.SortAndDedupe();
    for (const Diagnostic& diag : diags.diagnostics()) {
      if (diag.severity == Severity::Error) error += RenderShort(diag) + "\n";
    }
    if (error.empty()) error = "the program did not load\n";
    return nullptr;
  }
  pair->module_ = ir::Lower(*pair->checked_);
  pair->interpreter_ = std::make_unique<eval::Interpreter>(*pair->module_);
  jit::EngineOptions jit_options;
  jit_options.cache_dir = cache_dir;
  pair->jit_ = jit::Engine::Create(*pair->module_, jit_options, error);
  if (!pair->jit_) return nullptr;
  if (!cache_dir.empty()) {
    pair->jit_ = jit::Engine::Create(*pair->module_, jit_options, error);
    if (!pair->jit_) return nullptr;
    if (pair->jit_->report().cache != jit::CompileReport::Cache::Hit) {
      error = "the second compile was not read back from the object cache in " + cache_dir + ": " +
              pair->jit_->report().cache_note + "\n";
      return nullptr;
    }
  }
  std::vector<const ast::EventDecl*> events;
  for (const auto& kind : pair->module_->events) events.push_back(kind.decl);
  pair->decoder_ = std::make_unique<eval::EventDecoder>(*pair->checked_, events);
  return pair;
}

Outcome EnginePair::Decide(const nlohmann::ordered_json& event) {
  Outcome outcome;
  auto decoded = decoder_->Decode(event.dump());
  if (auto* input = std::get_if<eval::InputError>(&decoded)) {
    outcome.input_error = input->path + ": " + input->message;
    return outcome;
  }
  const auto& value = std::get<eval::DecodedEvent>(decoded);
  int32_t kind = module_->FindEvent(value.event->json_kind);
  auto render = [&](const std::variant<eval::Decision, eval::EvalError>& result) {
    if (auto* failure = std::get_if<eval::EvalError>(&result)) {
      return eval::EvalErrorJson(*module_, std::nullopt, kind, value.id, *failure).dump();
    }
    return eval::DecisionJson(*module_, kind, std::get<eval::Decision>(result), value.id).dump();
  };
  outcome.interpreter = render(interpreter_->Decide(kind, value.value));
  outcome.jit = render(jit_->Decide(kind, value.value));
  return outcome;
}

}  // namespace charter::differential
