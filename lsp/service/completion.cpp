#include "lsp/service/completion.h"

#include <algorithm>
#include <set>

#include "compiler/check/methods.h"
#include "compiler/check/types.h"
#include "lsp/service/describe.h"
#include "lsp/service/lexer.h"

namespace charter::lsp {
namespace {

using namespace ast;
using K = Suggestion::Kind;

// What the tokens before the cursor say about where it is.
struct Context {
  std::vector<Token> before;       // significant tokens before the cursor (no comments)
  int depth = 0;                   // brace depth at the cursor
  std::string decl_keyword;        // the enclosing top-level declaration's keyword
  std::string decl_name;
  std::string rule_event;          // for a rule: the event it is on
  uint32_t decl_start = 0;
  std::string prefix;              // the word being typed
};

Context Scan(const std::string& text, uint32_t offset, const std::vector<Token>& tokens) {
  Context c;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.offset >= offset) break;
    if (t.kind == TokenKind::Comment || t.kind == TokenKind::DocComment) continue;
    if ((t.kind == TokenKind::Ident || t.kind == TokenKind::Keyword) && t.end() >= offset) {
      c.prefix = text.substr(t.offset, offset - t.offset);
      break;
    }
    std::string_view word = t.text(text);
    if (t.kind == TokenKind::Punct && word == "{") ++c.depth;
    if (t.kind == TokenKind::Punct && word == "}") c.depth = std::max(0, c.depth - 1);
    if (c.depth == 0 && t.kind == TokenKind::Keyword &&
        (word == "rule" || word == "test" || word == "fn" || word == "enum" || word == "record" || word == "event" ||
         word == "const" || word == "tier" || word == "quorum" || word == "vote" || word == "threshold")) {
      // `event` at depth 0 is only a declaration at the start of a line.
      uint32_t line_start = t.offset;
      while (line_start > 0 && text[line_start - 1] != '\n') --line_start;
      if (text.find_first_not_of(" \t", line_start) == t.offset) {
        c.decl_keyword = word;
        c.decl_start = t.offset;
        c.decl_name.clear();
        c.rule_event.clear();
        if (i + 1 < tokens.size() && tokens[i + 1].offset < offset) c.decl_name = tokens[i + 1].text(text);
        if (word == "rule" && i + 3 < tokens.size() && tokens[i + 2].text(text) == "on") {
          c.rule_event = tokens[i + 3].text(text);
        }
      }
    }
    c.before.push_back(t);
  }
  return c;
}

// A value's shape, enough to list what follows a `.`.
struct View {
  enum class Kind { None, Record, EnumValue, EnumType, Module, Builtin } kind = Kind::None;
  const Decl* decl = nullptr;
  const Type* type = nullptr;
  FileId module = kNoFile;
  const Analysis* analysis = nullptr;
};

class Completer {
 public:
  Completer(const std::string& text, uint32_t offset, const Knowledge& k)
      : text_(text), offset_(offset), tokens_(Lex(text)), ctx_(Scan(text, offset, tokens_)) {
    if (k.latest) analyses_.push_back(k.latest.get());
    if (k.last_good && k.last_good != k.latest) analyses_.push_back(k.last_good.get());
  }

  std::vector<Suggestion> Run() {
    if (InComment()) return {};
    if (const Token* s = StringAtCursor()) return InString(*s);
    const auto& b = ctx_.before;
    size_t n = b.size();
    auto word = [&](size_t from_end) -> std::string {
      return from_end <= n ? std::string(b[n - from_end].text(text_)) : std::string();
    };
    if (n >= 1 && word(1) == "import") return Modules();
    if (n >= 2 && word(1) == "." && word(2) == "std" && n >= 3 && word(3) == "import") return Modules();
    if (n >= 1 && (word(1) == "." || word(1) == "?.")) {
      View view = ResolveChain(n - 1);
      return Members(view);
    }
    if (n >= 1 && (word(1) == "==" || word(1) == "!=")) {
      View view = ResolveChain(n - 1);
      if (view.kind == View::Kind::EnumValue) return EnumMembers(view.decl, false);
    }
    if (auto members = ListOfMembers(); !members.empty()) return members;
    if (n >= 1 && word(1) == "expect") return Expectations();
    if (ctx_.depth == 0) return TopLevel();
    return Expression();
  }

 private:
  bool InComment() const {
    for (const Token& t : tokens_) {
      if (t.offset >= offset_) break;
      if ((t.kind == TokenKind::Comment || t.kind == TokenKind::DocComment) && offset_ > t.offset &&
          (offset_ < t.end() || (offset_ == t.end() && (text_[t.offset + 1] == '/' || !t.terminated)))) {
        return true;
      }
    }
    return false;
  }

  const Token* StringAtCursor() const {
    for (const Token& t : tokens_) {
      if (t.offset >= offset_) break;
      if ((t.kind == TokenKind::String || t.kind == TokenKind::RawString) && offset_ > t.offset &&
          (offset_ < t.end() || !t.terminated)) {
        return &t;
      }
    }
    return nullptr;
  }

  // ---------------------------------------------------------------- strings

  std::vector<Suggestion> InString(const Token& s) {
    // Tokens before the string decide whether it holds a reason code.
    std::vector<std::string> words;
    for (const Token& t : tokens_) {
      if (t.offset >= s.offset) break;
      if (t.kind != TokenKind::Comment && t.kind != TokenKind::DocComment) words.emplace_back(t.text(text_));
    }
    // Skip back over `"a", ` lists of an expectation.
    size_t i = words.size();
    while (i >= 2 && words[i - 1] == "," && !words[i - 2].empty() && words[i - 2][0] == '"') i -= 2;
    auto at = [&](size_t back) { return i >= back ? words[i - back] : std::string(); };
    enum { kNone, kReasons, kWarnings, kObligations } want = kNone;
    if (at(1) == "else" || at(1) == "deny" || at(1) == "with" || (at(1) == "not" && at(2) == "expect")) want = kReasons;
    if (at(1) == "warn") want = kWarnings;
    if (at(1) == "oblige") want = kObligations;
    if (want == kNone) return {};
    // Inside a statement (`warn "`), any code goes; in a test, the codes the rules produce.
    std::set<std::string> codes;
    for (const Analysis* a : analyses_) {
      for (const auto& [decl, outputs] : a->checked->outputs) {
        const auto& set = want == kWarnings ? outputs.warnings : want == kObligations ? outputs.obligations : outputs.reasons;
        codes.insert(set.begin(), set.end());
      }
      for (const auto& o : a->index.all()) {
        if (o.span.file == a->entry && o.target.kind == SymKind::ReasonCode && o.definition && want == kReasons &&
            at(2) != "expect") {
          codes.insert(o.target.name);
        }
      }
    }
    // Codes typed in the current text count too (the file may not check yet).
    for (size_t t = 0; t + 1 < tokens_.size(); ++t) {
      if (tokens_[t].kind == TokenKind::String && tokens_[t].terminated && tokens_[t + 1].text(text_) == ":" &&
          tokens_[t].offset != s.offset && t > 0) {
        std::string_view prev = tokens_[t - 1].text(text_);
        bool match = want == kWarnings ? prev == "warn" : want == kObligations ? prev == "oblige" : prev == "else" || prev == "deny";
        if (match) codes.insert(std::string(tokens_[t].text(text_).substr(1, tokens_[t].length - 2)));
      }
    }
    std::vector<Suggestion> out;
    for (const auto& code : codes) {
      if (code.empty()) continue;
      out.push_back({code, K::Value, want == kWarnings ? "warning" : want == kObligations ? "obligation" : "reason code", "",
                     "", false});
    }
    return out;
  }

  // ---------------------------------------------------------------- chains

  // Resolves `a.b.c` ending just before token `end` (an index into before).
  View ResolveChain(size_t end) {
    const auto& b = ctx_.before;
    std::vector<std::string> parts;
    size_t i = end;
    while (i > 0) {
      const Token& t = b[i - 1];
      if (t.kind != TokenKind::Ident && t.kind != TokenKind::Keyword) return {};
      parts.insert(parts.begin(), std::string(t.text(text_)));
      --i;
      if (i > 0 && (b[i - 1].text(text_) == "." || b[i - 1].text(text_) == "?.")) {
        --i;
        continue;
      }
      break;
    }
    if (parts.empty()) return {};
    View view = Head(parts[0]);
    for (size_t p = 1; p < parts.size() && view.kind != View::Kind::None; ++p) view = Step(view, parts[p]);
    return view;
  }

  View FromType(const Type* type, const Analysis* a) {
    while (type && type->kind == TypeKind::Optional) type = type->element;
    if (!type || type->IsError()) return {};
    View v;
    v.analysis = a;
    v.type = type;
    if (type->kind == TypeKind::Record) return v.kind = View::Kind::Record, v.decl = type->decl, v;
    if (type->kind == TypeKind::Enum) return v.kind = View::Kind::EnumValue, v.decl = type->decl, v;
    v.kind = View::Kind::Builtin;
    return v;
  }

  View Head(const std::string& name) {
    for (const Analysis* a : analyses_) {
      if (name == "event" && ctx_.decl_keyword == "rule") {
        const Decl* event = a->FindDecl(ctx_.rule_event);
        if (event && event->kind == DeclKind::Event) return {View::Kind::Record, event, nullptr, kNoFile, a};
      }
      // A local of the enclosing declaration, typed by the checker when it last saw it.
      if (const Decl* enclosing = ctx_.decl_name.empty() ? nullptr : a->FindDecl(ctx_.decl_name)) {
        for (const auto& o : a->index.all()) {
          if (o.span.file != a->entry || o.span.offset < enclosing->span.offset || o.span.offset > enclosing->span.end()) continue;
          if (o.target.kind == SymKind::Local && o.target.name == name && o.type) return FromType(o.type, a);
        }
      }
      if (FileId module = a->FindModule(name); module != kNoFile) return {View::Kind::Module, nullptr, nullptr, module, a};
      if (const Decl* decl = a->FindDecl(name)) {
        if (decl->kind == DeclKind::Enum || decl->kind == DeclKind::Tier) return {View::Kind::EnumType, decl, nullptr, kNoFile, a};
        if (decl->kind == DeclKind::Const) {
          auto type = a->checked->decl_types.find(decl);
          if (type != a->checked->decl_types.end()) return FromType(type->second, a);
        }
      }
    }
    return {};
  }

  const RecordDecl* RowRecord(const View& v) {
    if (!v.decl || v.decl->kind != DeclKind::Tier) return nullptr;
    const Decl* row = v.analysis->FindDecl(v.decl->As<TierDecl>().row_type.name.name);
    return row && (row->kind == DeclKind::Record || row->kind == DeclKind::Event) ? &row->As<RecordDecl>() : nullptr;
  }

  View Step(const View& v, const std::string& name) {
    const RecordDecl* record = v.kind == View::Kind::Record ? &v.decl->As<RecordDecl>()
                               : v.kind == View::Kind::EnumValue ? RowRecord(v)
                                                                 : nullptr;
    if (!record) return {};
    auto types = v.analysis->checked->field_types.find(record);
    for (size_t i = 0; i < record->fields.size(); ++i) {
      if (record->fields[i].name.name != name) continue;
      if (types == v.analysis->checked->field_types.end() || i >= types->second.size()) return {};
      return FromType(types->second[i], v.analysis);
    }
    return {};
  }

  // ---------------------------------------------------------------- lists

  std::vector<Suggestion> Fields(const RecordDecl& record, const Analysis* a) {
    std::vector<Suggestion> out;
    auto types = a->checked->field_types.find(&record);
    for (size_t i = 0; i < record.fields.size(); ++i) {
      const auto& f = record.fields[i];
      std::string type = types != a->checked->field_types.end() && i < types->second.size() && types->second[i] &&
                                 !types->second[i]->IsError()
                             ? types->second[i]->Name()
                             : TypeRefText(f.type);
      out.push_back({f.name.name, K::Field, type, f.doc, "", false});
    }
    return out;
  }

  std::vector<Suggestion> Methods(const Type* type) {
    std::vector<Suggestion> out;
    if (!type || type->IsOptional()) return out;
    for (const MethodInfo* m : MethodsOf(type)) {
      std::string name(m->name);
      out.push_back({name, K::Method, name + m->Signature(type), std::string(m->doc), m->Snippet(), true});
    }
    return out;
  }

  std::vector<Suggestion> EnumMembers(const Decl* decl, bool qualified) {
    std::vector<Suggestion> out;
    (void)qualified;
    if (decl->kind == DeclKind::Enum) {
      for (const auto& m : decl->As<EnumDecl>().members) {
        out.push_back({m.name.name, K::EnumMember, decl->name.name + (m.label.empty() ? "" : " \"" + m.label + "\""), m.doc, "", false});
      }
    } else if (decl->kind == DeclKind::Tier) {
      for (const auto& r : decl->As<TierDecl>().rows) {
        out.push_back({r.member.name, K::EnumMember, decl->name.name + (r.label.empty() ? "" : " \"" + r.label + "\""), "", "", false});
      }
    }
    return out;
  }

  std::vector<Suggestion> Members(const View& v) {
    switch (v.kind) {
      case View::Kind::Record: return Fields(v.decl->As<RecordDecl>(), v.analysis);
      case View::Kind::EnumValue:
        if (const RecordDecl* row = RowRecord(v)) return Fields(*row, v.analysis);
        return {};
      case View::Kind::EnumType: return EnumMembers(v.decl, true);
      case View::Kind::Module: {
        std::vector<Suggestion> out;
        for (const auto& decl : v.analysis->program().file(v.module).decls) {
          if (decl->kind == DeclKind::Fn || decl->kind == DeclKind::ExternFn) {
            std::string snippet = decl->name.name + "(";
            const auto& params = decl->As<FnDecl>().params;
            for (size_t i = 0; i < params.size(); ++i) {
              snippet += (i ? ", " : "") + std::string("${") + std::to_string(i + 1) + ":" + params[i].name.name + "}";
            }
            out.push_back({decl->name.name, K::Function, DeclSignature(*v.analysis, *decl), decl->doc, snippet + ")", true});
          } else if (decl->name.span.valid()) {
            out.push_back({decl->name.name, K::Constant, DeclSignature(*v.analysis, *decl), decl->doc, "", false});
          }
        }
        return out;
      }
      case View::Kind::Builtin: return Methods(v.type);
      case View::Kind::None: return {};
    }
    return {};
  }

  // `x in [a, b, ` and `Type { field: ` expect enum members.
  std::vector<Suggestion> ListOfMembers() {
    const auto& b = ctx_.before;
    size_t i = b.size();
    while (i > 0) {
      std::string_view w = b[i - 1].text(text_);
      if (w == "[" ) {
        if (i >= 2 && b[i - 2].text(text_) == "in") {
          View view = ResolveChain(i - 2);
          if (view.kind == View::Kind::EnumValue) return EnumMembers(view.decl, false);
        }
        return {};
      }
      if (w == "," || b[i - 1].kind == TokenKind::Ident || b[i - 1].kind == TokenKind::Keyword) {
        --i;
        continue;
      }
      break;
    }
    // `Ballot { member: "a", role: ` → the field's enum.
    if (b.size() >= 2 && b.back().text(text_) == ":" && b[b.size() - 2].kind != TokenKind::String) {
      std::string field(b[b.size() - 2].text(text_));
      int depth = 0;
      for (size_t j = b.size() - 2; j > 0; --j) {
        std::string_view w = b[j - 1].text(text_);
        if (w == "}" || w == ")" || w == "]") ++depth;
        if (w == "{" || w == "(" || w == "[") {
          if (depth-- > 0) continue;
          if (w != "{" || j < 2) break;
          std::string type(b[j - 2].text(text_));
          for (const Analysis* a : analyses_) {
            const Decl* decl = a->FindDecl(type);
            if (!decl || (decl->kind != DeclKind::Record && decl->kind != DeclKind::Event)) continue;
            View record{View::Kind::Record, decl, nullptr, kNoFile, a};
            View field_view = Step(record, field);
            if (field_view.kind == View::Kind::EnumValue) return EnumMembers(field_view.decl, false);
            return {};
          }
          break;
        }
      }
    }
    return {};
  }

  // ---------------------------------------------------------------- keywords and names

  static Suggestion Keyword(std::string_view word) { return {std::string(word), K::Keyword, "", "", "", false}; }
  static Suggestion Snippet(const char* label, const char* detail, const char* body) {
    return {label, K::Snippet, detail, "", body, true};
  }

  std::vector<Suggestion> Modules() {
    std::vector<Suggestion> out;
    for (const char* m : {"std.time", "std.text", "std.url", "std.semver"}) {
      out.push_back({m, K::Module, "standard library", "", ctx_.before.size() >= 2 && ctx_.before.back().text(text_) == "." ? std::string(m).substr(4) : "", false});
    }
    return out;
  }

  std::vector<Suggestion> Expectations() {
    std::vector<Suggestion> out;
    for (std::string_view w : KeywordsStarting(StartsExpect)) out.push_back(Keyword(w));
    out.push_back(Snippet("deny with", "expect deny with \"code\"", "deny with \"$1\""));
    return out;
  }

  std::vector<Suggestion> TopLevel() {
    std::vector<Suggestion> out;
    // Declarations with a template below are offered as that snippet.
    for (std::string_view w : KeywordsStarting(StartsDecl)) {
      if (w != "rule" && w != "quorum" && w != "threshold" && w != "test") out.push_back(Keyword(w));
    }
    out.push_back(Snippet("rule", "rule NAME on EVENT { ... }", "rule ${1:name} on ${2:event} {\n\t$0\n}"));
    out.push_back(Snippet("quorum", "quorum NAME of BALLOT by ROLE { ... }",
                          "quorum ${1:name} of ${2:Ballot} by ${3:role} {\n\tat least ${4:4} in total\n\tat least ${5:1} ${6:member}\n}"));
    out.push_back(Snippet("threshold", "threshold NAME(x: T) -> R { bands }",
                          "threshold ${1:name}(${2:value}: ${3:percent} in ${4:0%}..${5:100%}) -> ${6:string} {\n\t< ${7:50%} => ${8:\"low\"}\n\telse => ${9:\"high\"}\n}"));
    out.push_back(Snippet("test", "test \"...\" { given ... expect ... }",
                          "test \"${1:description}\" {\n\tgiven ${2:event} {\n\t\t$3\n\t}\n\texpect ${4:allow}\n}"));
    return out;
  }

  std::vector<Suggestion> Expression() {
    std::vector<Suggestion> out;
    bool statement_start = StatementStart();
    if (ctx_.decl_keyword == "rule" && statement_start) {
      for (std::string_view w : KeywordsStarting(StartsStmt)) {
        if (w != "veto") out.push_back(Keyword(w));
      }
      out.push_back(Snippet("veto", "veto v in LIST where C { ... }",
                            "veto ${1:v} in ${2:event.vetoes} where ${3:$1.by == security} {\n\tvalid when ${4:true} else warn \"${5:invalid_veto}\": \"${6:message}\"\n\toverridden when ${7:false}\n\tdeny \"${8:vetoed}\": \"${9:message}\"\n}"));
      out.push_back(Snippet("require", "require C else \"code\": message", "require ${1:condition}\n\t\telse \"${2:code}\": \"${3:message}\""));
    }
    if (ctx_.decl_keyword == "test" && statement_start) {
      for (std::string_view w : KeywordsStarting(StartsTestStmt)) out.push_back(Keyword(w));
    }
    for (std::string_view w : KeywordsStarting(StartsExpr)) out.push_back(Keyword(w));
    if (ctx_.decl_keyword == "rule") out.push_back({"event", K::Variable, ctx_.rule_event, "the event being decided", "", false});
    for (const auto& local : Locals()) out.push_back({local, K::Variable, "local", "", "", false});
    std::set<std::string> seen;
    for (const Analysis* a : analyses_) {
      const File* file = a->EntryFile();
      if (!file) continue;
      for (const auto& import : file->imports) {
        if (!import.path.empty() && seen.insert(import.LocalName().name).second) {
          out.push_back({import.LocalName().name, K::Module, "module " + import.Dotted(), "", "", false});
        }
      }
      for (const auto& decl : file->decls) {
        if (decl->kind == DeclKind::Rule || decl->kind == DeclKind::Test || !decl->name.span.valid()) continue;
        if (!seen.insert(decl->name.name).second) continue;
        K kind = K::Function;
        switch (decl->kind) {
          case DeclKind::Const: kind = K::Constant; break;
          case DeclKind::Enum:
          case DeclKind::Tier: kind = K::Enum; break;
          case DeclKind::Record: kind = K::Type; break;
          case DeclKind::Event: kind = K::Event; break;
          default: break;
        }
        out.push_back({decl->name.name, kind, DeclSignature(*a, *decl), decl->doc, "", false});
      }
    }
    static const std::pair<const char*, const char*> kBuiltins[] = {
        {"max", "max(a: T, b: T) -> T"}, {"min", "min(a: T, b: T) -> T"}, {"abs", "abs(x: T) -> T"},
        {"percent_of", "percent_of(part: decimal, whole: decimal) -> percent"}};
    for (auto [name, signature] : kBuiltins) out.push_back({name, K::Function, signature, "builtin", "", false});
    return out;
  }

  // The cursor starts a statement: after `{`, `}`, or a complete previous line.
  bool StatementStart() const {
    if (ctx_.before.empty()) return true;
    const Token& last = ctx_.before.back();
    std::string_view w = last.text(text_);
    if (w == "{" || w == "}") return true;
    // A line break since the last token, and that token can end an expression.
    uint32_t from = last.end();
    uint32_t to = offset_ - static_cast<uint32_t>(ctx_.prefix.size());
    bool newline = text_.find('\n', from) < to;
    bool continues = last.kind == TokenKind::Punct && w != ")" && w != "]";
    bool keyword_continues = w == "and" || w == "or" || w == "not" || w == "else" || w == "in" || w == "then";
    return newline && !continues && !keyword_continues;
  }

  // Names bound in the enclosing declaration before the cursor: lets, parameters, lambda and veto binders.
  std::vector<std::string> Locals() const {
    std::vector<std::string> out;
    const auto& b = ctx_.before;
    for (size_t i = 0; i < b.size(); ++i) {
      if (b[i].offset < ctx_.decl_start) continue;
      std::string_view w = b[i].text(text_);
      auto next_ident = [&]() -> std::string {
        return i + 1 < b.size() && (b[i + 1].kind == TokenKind::Ident || b[i + 1].kind == TokenKind::Keyword)
                   ? std::string(b[i + 1].text(text_))
                   : std::string();
      };
      if (w == "let" || w == "veto") {
        if (auto n = next_ident(); !n.empty()) out.push_back(n);
      } else if (w == "=>" && i > 0 && b[i - 1].kind == TokenKind::Ident) {
        out.emplace_back(b[i - 1].text(text_));
      } else if (w == ":" && i > 1 && (b[i - 2].text(text_) == "(" || b[i - 2].text(text_) == ",") &&
                 (ctx_.decl_keyword == "fn" || ctx_.decl_keyword == "threshold")) {
        out.emplace_back(b[i - 1].text(text_));
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  const std::string& text_;
  uint32_t offset_;
  std::vector<Token> tokens_;
  Context ctx_;
  std::vector<const Analysis*> analyses_;
};

}  // namespace

std::vector<Suggestion> Complete(const std::string& text, uint32_t offset, const Knowledge& knowledge) {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  return Completer(text, offset, knowledge).Run();
}

std::optional<CallSite> FindCall(const std::string& text, uint32_t offset) {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  std::vector<Token> tokens;
  for (const Token& t : Lex(text)) {
    if (t.offset >= offset) break;
    if (t.kind != TokenKind::Comment && t.kind != TokenKind::DocComment) tokens.push_back(t);
  }
  uint32_t argument = 0;
  int depth = 0;
  for (size_t i = tokens.size(); i > 0; --i) {
    std::string_view w = tokens[i - 1].text(text);
    if (w == ")" || w == "]" || w == "}") {
      ++depth;
    } else if (w == "(" || w == "[" || w == "{") {
      if (depth > 0) {
        --depth;
        continue;
      }
      if (w != "(" || i < 2) return std::nullopt;
      const Token& callee = tokens[i - 2];
      if (callee.kind != TokenKind::Ident && callee.kind != TokenKind::Keyword) return std::nullopt;
      CallSite site{"", std::string(callee.text(text)), argument};
      if (i >= 4 && tokens[i - 3].text(text) == ".") site.object = std::string(tokens[i - 4].text(text));
      return site;
    } else if (w == "," && depth == 0) {
      ++argument;
    } else if (depth == 0 && tokens[i - 1].kind == TokenKind::Keyword &&
               (w == "rule" || w == "require" || w == "let" || w == "when" || w == "value")) {
      return std::nullopt;  // a statement boundary: not inside a call
    }
  }
  return std::nullopt;
}

}  // namespace charter::lsp
