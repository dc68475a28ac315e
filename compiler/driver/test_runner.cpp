#include "compiler/driver/test_runner.h"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/eval/decision_json.h"

namespace charter::driver {

namespace {

std::string Codes(const std::vector<eval::Finding>& findings) {
  std::string out;
  for (const auto& finding : findings) out += (out.empty() ? "" : ", ") + finding.code;
  return "[" + out + "]";
}

std::string Quoted(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& code : codes) out += (out.empty() ? "\"" : ", \"") + code + "\"";
  return out;
}

bool Has(const std::vector<eval::Finding>& findings, const std::string& code) {
  return std::any_of(findings.begin(), findings.end(), [&](const eval::Finding& f) { return f.code == code; });
}

std::string Verdict(const eval::Decision& decision) {
  return decision.allowed() ? "allow" : "deny with reasons " + Codes(decision.reasons);
}

class Judge {
 public:
  Judge(const ir::Module& module, eval::Interpreter& interpreter, const ir::TestCase& test, const eval::Decision& decision,
        TestResult& result)
      : module_(module), interpreter_(interpreter), test_(test), decision_(decision), result_(result) {}

  void Check(const ir::Expectation& e) {
    using K = ir::ExpectKind;
    switch (e.kind) {
      case K::Allow:
        if (!decision_.allowed()) Fail(e, "allow", Verdict(decision_));
        return;
      case K::Deny: {
        std::vector<std::string> missing;
        for (const auto& code : e.codes) {
          if (!Has(decision_.reasons, code)) missing.push_back(code);
        }
        if (decision_.allowed() || !missing.empty()) {
          Fail(e, e.codes.empty() ? "deny" : "deny with " + Quoted(e.codes), Verdict(decision_));
        }
        return;
      }
      case K::NotReason: Absent(e, decision_.reasons, "no reason", "reasons"); return;
      case K::Warn: Present(e, decision_.warnings, "warning", "warnings"); return;
      case K::NoWarn: Absent(e, decision_.warnings, "no warning", "warnings"); return;
      case K::Oblige: Present(e, decision_.obligations, "obligation", "obligations"); return;
      case K::NoOblige: Absent(e, decision_.obligations, "no obligation", "obligations"); return;
      case K::Value: CheckValue(e); return;
    }
  }

 private:
  void Fail(const ir::Expectation& e, std::string expected, std::string actual) {
    result_.failures.push_back({std::move(expected), std::move(actual), e.span});
  }
  void Present(const ir::Expectation& e, const std::vector<eval::Finding>& found, const char* what, const char* list) {
    for (const auto& code : e.codes) {
      if (!Has(found, code)) Fail(e, fmt::format("{} \"{}\"", what, code), fmt::format("{} {}", list, Codes(found)));
    }
  }
  void Absent(const ir::Expectation& e, const std::vector<eval::Finding>& found, const char* what, const char* list) {
    for (const auto& code : e.codes) {
      if (Has(found, code)) Fail(e, fmt::format("{} \"{}\"", what, code), fmt::format("{} {}", list, Codes(found)));
    }
  }
  void CheckValue(const ir::Expectation& e) {
    const ir::OutputValue& output = module_.events[test_.event_kind].values.at(e.value);
    const CheckedProgram& program = *module_.program;
    auto expected = interpreter_.Evaluate(*e.expected, test_.frame_size);
    if (auto* error = std::get_if<eval::EvalError>(&expected)) {
      Fail(e, "value " + output.name, "the expected value failed: " + error->message);
      return;
    }
    const eval::Value& want = std::get<eval::Value>(expected);
    std::string want_text = fmt::format("value {} = {}", output.name, eval::ToText(want, output.type, program));
    const auto& got = decision_.values.at(e.value);
    if (!got) {
      Fail(e, want_text, fmt::format("value {} was not set", output.name));
    } else if (!eval::Equal(*got, want)) {
      Fail(e, want_text, fmt::format("value {} = {}", output.name, eval::ToText(*got, output.type, program)));
    }
  }

  const ir::Module& module_;
  eval::Interpreter& interpreter_;
  const ir::TestCase& test_;
  const eval::Decision& decision_;
  TestResult& result_;
};

}  // namespace

std::vector<TestResult> RunTests(const ir::Module& module, eval::Interpreter& interpreter, const DecideFn& decide) {
  std::vector<TestResult> results;
  const SourceManager& sources = module.program->program->sources;
  for (const ir::TestCase& test : module.tests) {
    TestResult result;
    result.test = &test;
    auto given = interpreter.Evaluate(*test.given, test.frame_size);
    if (auto* error = std::get_if<eval::EvalError>(&given)) {
      result.error = "the given event failed: " + error->message + " at " + eval::Location(sources, error->at);
      results.push_back(std::move(result));
      continue;
    }
    auto decided = decide(test.event_kind, std::get<eval::Value>(given));
    if (auto* error = std::get_if<eval::EvalError>(&decided)) {
      result.error = "evaluation failed: " + error->message + " at " + eval::Location(sources, error->at);
      results.push_back(std::move(result));
      continue;
    }
    const auto& decision = std::get<eval::Decision>(decided);
    result.decision = eval::DecisionJson(module, test.event_kind, decision, nullptr);
    Judge judge(module, interpreter, test, decision, result);
    for (const auto& expectation : test.expectations) judge.Check(expectation);
    results.push_back(std::move(result));
  }
  return results;
}

std::vector<TestResult> RunTests(const ir::Module& module, eval::Interpreter& interpreter) {
  return RunTests(module, interpreter,
                  [&](int32_t kind, const eval::Value& event) { return interpreter.Decide(kind, event); });
}

}  // namespace charter::driver
