#include "compiler/driver/engines.h"

namespace charter::driver {

bool ParseEngine(const std::string& text, EngineKind& kind) {
  if (text == "auto") kind = EngineKind::Auto;
  else if (text == "interp") kind = EngineKind::Interp;
  else if (text == "jit") kind = EngineKind::Jit;
  else return false;
  return true;
}

std::unique_ptr<Decider> Decider::Make(const ir::Module& module, EngineKind kind, std::string& error) {
  std::unique_ptr<Decider> decider(new Decider(module));
  if (kind == EngineKind::Jit) {
    decider->jit_ = jit::Engine::Create(module, error);
    if (!decider->jit_) return nullptr;
  }
  return decider;
}

std::variant<eval::Decision, eval::EvalError> Decider::Decide(int32_t event_kind, const eval::Value& event, bool explain) {
  if (jit_ && !explain) return jit_->Decide(event_kind, event);
  return interpreter_.Decide(event_kind, event, explain);
}

}  // namespace charter::driver
