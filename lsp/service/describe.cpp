#include "lsp/service/describe.h"

#include <fmt/format.h>

#include "compiler/check/methods.h"
#include "compiler/check/types.h"

namespace charter::lsp {
namespace {

using namespace ast;

std::string TypeOr(const Type* type, const std::string& fallback) {
  return type && !type->IsError() ? type->Name() : fallback;
}

std::string Block(const std::string& code, const std::string& doc) {
  std::string out = "```charter\n" + code + "\n```";
  if (!doc.empty()) out += "\n\n" + doc;
  return out;
}

}  // namespace

std::string ModuleName(const Analysis& analysis, FileId file) {
  if (file < analysis.program().files.size() && analysis.program().files[file]) {
    std::string name = analysis.program().files[file]->DottedName();
    if (!name.empty()) return name;
  }
  const SourceFile* source = analysis.Source(file);
  return source ? source->path() : "?";
}

std::vector<std::string> DeclParams(const Analysis& analysis, const ast::Decl& decl) {
  std::vector<std::string> out;
  switch (decl.kind) {
    case DeclKind::Fn:
    case DeclKind::ExternFn:
      for (const auto& p : decl.As<FnDecl>().params) out.push_back(p.name.name + ": " + TypeRefText(p.type));
      break;
    case DeclKind::Threshold: {
      const auto& t = decl.As<ThresholdDecl>();
      out.push_back(t.param.name.name + ": " + TypeRefText(t.param.type));
      break;
    }
    case DeclKind::Quorum: out.push_back("ballots: list<" + TypeRefText(decl.As<QuorumDecl>().ballot_type) + ">"); break;
    case DeclKind::Vote: out.push_back("ballots: list<" + TypeRefText(decl.As<VoteDecl>().ballot_type) + ">"); break;
    default: break;
  }
  (void)analysis;
  return out;
}

std::string DeclSignature(const Analysis& analysis, const ast::Decl& decl) {
  auto joined = [&] {
    std::string params;
    for (const auto& p : DeclParams(analysis, decl)) params += (params.empty() ? "" : ", ") + p;
    return params;
  };
  const std::string& name = decl.name.name;
  switch (decl.kind) {
    case DeclKind::Enum: {
      std::string members;
      for (const auto& m : decl.As<EnumDecl>().members) members += (members.empty() ? "" : ", ") + m.name.name;
      return "enum " + name + " { " + members + " }";
    }
    case DeclKind::Record: return "record " + name;
    case DeclKind::Event: {
      const auto& e = decl.As<EventDecl>();
      return "event " + name + (e.json_kind != name && !e.json_kind.empty() ? " kind \"" + e.json_kind + "\"" : "");
    }
    case DeclKind::Const: {
      auto type = analysis.checked->decl_types.find(&decl);
      return "const " + name + ": " + TypeOr(type != analysis.checked->decl_types.end() ? type->second : nullptr, "?");
    }
    case DeclKind::Fn: return "fn " + name + "(" + joined() + ") -> " + TypeRefText(decl.As<FnDecl>().result);
    case DeclKind::ExternFn: return "extern fn " + name + "(" + joined() + ") -> " + TypeRefText(decl.As<FnDecl>().result);
    case DeclKind::Tier: return "tier " + name + " with " + TypeRefText(decl.As<TierDecl>().row_type);
    case DeclKind::Quorum: return "quorum " + name + "(" + joined() + ") -> bool";
    case DeclKind::Vote: return "vote " + name + "(" + joined() + ") -> tally";
    case DeclKind::Threshold:
      return "threshold " + name + "(" + joined() + ") -> " + TypeRefText(decl.As<ThresholdDecl>().result);
    case DeclKind::Rule: return "rule " + name + " on " + decl.As<RuleDecl>().event.name;
    case DeclKind::Test: return "test \"" + name + "\"";
  }
  return name;
}

std::string DescribeSymbol(const Analysis& analysis, const Occurrence& o) {
  const SymbolId& t = o.target;
  switch (t.kind) {
    case SymKind::Decl: {
      std::string where;
      if (t.decl->file != analysis.entry && t.decl->file != kNoFile) where = "\n\n*from `" + ModuleName(analysis, t.decl->file) + "`*";
      return Block(DeclSignature(analysis, *t.decl), t.decl->doc) + where;
    }
    case SymKind::EnumMember: {
      std::string label, doc;
      if (t.decl->kind == DeclKind::Enum) {
        const auto& m = t.decl->As<EnumDecl>().members.at(t.index);
        label = m.label;
        doc = m.doc;
      } else {
        label = t.decl->As<TierDecl>().rows.at(t.index).label;
      }
      std::string member = t.decl->kind == DeclKind::Enum ? t.decl->As<EnumDecl>().members.at(t.index).name.name
                                                          : t.decl->As<TierDecl>().rows.at(t.index).member.name;
      std::string code = (t.decl->kind == DeclKind::Tier ? "tier " : "enum ") + t.decl->name.name + "." + member;
      if (!label.empty()) code += " \"" + label + "\"";
      std::string text = Block(code, doc);
      if (doc.empty() && !t.decl->doc.empty()) text += "\n\n" + t.decl->doc;
      return text;
    }
    case SymKind::Field: {
      const auto& record = t.decl->As<RecordDecl>();
      const auto& field = record.fields.at(t.index);
      const Type* type = nullptr;
      if (auto it = analysis.checked->field_types.find(t.decl); it != analysis.checked->field_types.end() &&
                                                               static_cast<size_t>(t.index) < it->second.size()) {
        type = it->second[t.index];
      }
      return Block("(field) " + record.name.name + "." + field.name.name + ": " + TypeOr(type, TypeRefText(field.type)),
                   field.doc);
    }
    case SymKind::Local: return Block(t.name + ": " + TypeOr(o.type, "?"), "");
    case SymKind::Module: return Block("module " + ModuleName(analysis, static_cast<FileId>(t.index)), "");
    case SymKind::Value: return Block("value " + t.name + (o.type ? ": " + TypeOr(o.type, "?") : ""), "an output value of the decision");
    case SymKind::Builtin: {
      static const std::pair<const char*, const char*> kBuiltins[] = {
          {"max", "max(a: T, b: T) -> T\n\nThe larger of two values of one ordered type."},
          {"min", "min(a: T, b: T) -> T\n\nThe smaller of two values of one ordered type."},
          {"abs", "abs(x: T) -> T\n\nThe absolute value of a number, percent or duration."},
          {"percent_of", "percent_of(part: decimal, whole: decimal) -> percent\n\npart / whole × 100, exact."}};
      for (auto [name, text] : kBuiltins) {
        if (t.name == name) {
          std::string s = text;
          size_t split = s.find("\n\n");
          return Block(s.substr(0, split), s.substr(split + 2));
        }
      }
      return Block(t.name, "");
    }
    case SymKind::Method: {
      if (t.index < 0 || static_cast<size_t>(t.index) >= AllMethods().size()) return Block(t.name, "");
      const MethodInfo& method = MethodOf(static_cast<MethodId>(t.index));
      return Block("(method) " + std::string(method.name) + method.Signature(o.type), std::string(method.doc));
    }
    case SymKind::ReasonCode: {
      // Where the code is produced and where tests expect it.
      std::string produced, expected;
      for (const auto& r : analysis.index.all()) {
        if (!(r.target == t)) continue;
        const SourceFile* source = analysis.Source(r.span.file);
        std::string at = fmt::format("line {}", r.span.line);
        if (source && r.span.file != analysis.entry) at = source->path() + ":" + std::to_string(r.span.line);
        (r.definition ? produced : expected) += (r.definition ? produced : expected).empty() ? at : ", " + at;
      }
      std::string text = Block("reason \"" + t.name + "\"", "");
      if (!produced.empty()) text += "\n\nproduced at " + produced;
      if (!expected.empty()) text += "\n\nexpected by tests at " + expected;
      return text;
    }
  }
  return "";
}

}  // namespace charter::lsp
