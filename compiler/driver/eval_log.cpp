#include "compiler/driver/eval_log.h"

#include <filesystem>

#include "compiler/log/crypto.h"

namespace charter::driver {

std::unique_ptr<EvalLog> EvalLog::Open(const EvalLogOptions& options, const PolicySet& set, std::string& error) {
  if (!log::LoadCrypto(&error)) return nullptr;  // before any record, rather than records without digests
  log::ChainDigest digest;
  if (!options.key_file.empty()) {
    std::string key;
    error = log::ReadKeyFile(options.key_file, key);
    if (!error.empty()) return nullptr;
    digest = log::ChainDigest(std::move(key));
  }
  // Every file the decisions depend on, hashed as evaluated; the stdlib is pinned by the record's `charter` version.
  const Program& program = *set.checked->program;
  std::vector<log::PolicyRef> policies;
  for (FileId id : program.order) {
    const SourceFile& source = program.sources.Get(id);
    std::string name = program.file(id).DottedName();
    if (name.rfind("std.", 0) == 0) continue;
    if (name.empty()) name = std::filesystem::path(source.path()).stem().string();
    policies.push_back({name, source.path(), log::Sha256Hex(source.text())});
  }
  auto writer = log::LogWriter::Open(options.path, std::move(digest), error);
  if (!writer) return nullptr;
  return std::unique_ptr<EvalLog>(new EvalLog(options, std::move(policies), std::move(writer)));
}

bool EvalLog::Record(std::string_view event, const nlohmann::ordered_json& result, std::string& error) {
  log::RecordInput input;
  input.policies = &policies_;
  if (event.size() <= options_.max_event_bytes) input.event = event;
  input.redact = options_.redact;
  input.result = &result;
  return writer_->Append(log::RecordBody(input), error);
}

}  // namespace charter::driver
