#include "tests/differential/shrink.h"

#include "tests/differential/event_gen.h"

namespace charter::differential {

namespace {

using Json = nlohmann::ordered_json;

class Shrinker {
 public:
  Shrinker(Program& program, Json& event, const StillFails& still_fails)
      : program_(program), event_(event), still_fails_(still_fails) {}

  void Run() {
    for (bool changed = true; changed;) {
      changed = false;
      changed |= DropEach(program_.rules);
      changed |= DropEach(program_.decls);
      for (Rule& rule : program_.rules) {
        changed |= Statements(rule.body);
        if (!rule.when.empty()) changed |= TryEdit(rule.when, std::string());
      }
      changed |= Event();
    }
  }

 private:
  bool Fails() { return still_fails_(program_, event_); }

  /// Replaces `slot` with `replacement`; keeps it if the disagreement persists.
  template <typename T>
  bool TryEdit(T& slot, T replacement) {
    T saved = std::move(slot);
    slot = std::move(replacement);
    if (Fails()) return true;
    slot = std::move(saved);
    return false;
  }

  template <typename T>
  bool DropEach(std::vector<T>& items) {
    bool changed = false;
    for (size_t i = 0; i < items.size();) {
      T saved = items[i];
      items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
      if (Fails()) {
        changed = true;
        continue;
      }
      items.insert(items.begin() + static_cast<std::ptrdiff_t>(i), std::move(saved));
      ++i;
    }
    return changed;
  }

  bool Statements(std::vector<Stmt>& stmts) {
    bool changed = DropEach(stmts);
    for (size_t i = 0; i < stmts.size(); ++i) {
      if (!stmts[i].block) continue;
      if (stmts[i].head.starts_with("when ")) {
        // Hoisting the body out of its `when` removes the condition as a suspect.
        std::vector<Stmt> saved = stmts;
        std::vector<Stmt> body = stmts[i].body;
        stmts.erase(stmts.begin() + static_cast<std::ptrdiff_t>(i));
        stmts.insert(stmts.begin() + static_cast<std::ptrdiff_t>(i), body.begin(), body.end());
        if (Fails()) return true;
        stmts = std::move(saved);
        if (!stmts[i].else_body.empty()) changed |= TryEdit(stmts[i].else_body, std::vector<Stmt>());
      }
      changed |= Statements(stmts[i].body);
      changed |= Statements(stmts[i].else_body);
    }
    return changed;
  }

  bool Event() {
    bool changed = false;
    std::vector<std::string> names;
    for (auto it = event_.begin(); it != event_.end(); ++it) if (it.key() != "kind") names.push_back(it.key());
    for (const std::string& name : names) {
      Json simplest = SimplestValue(name);
      if (simplest.is_null()) {
        Json saved = event_[name];
        event_.erase(name);
        if (Fails()) {
          changed = true;
          continue;
        }
        event_[name] = saved;
      } else if (event_[name] != simplest) {
        changed |= TryEdit(event_[name], simplest);
      }
      if (event_[name].is_array()) changed |= DropEach(event_[name].get_ref<Json::array_t&>());
    }
    return changed;
  }

  Program& program_;
  Json& event_;
  const StillFails& still_fails_;
};

}  // namespace

void Shrink(Program& program, Json& event, const StillFails& still_fails) { Shrinker(program, event, still_fails).Run(); }

}  // namespace charter::differential
