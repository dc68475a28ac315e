#include "tests/differential/types.h"

#include <map>

namespace charter::differential {

const std::vector<Field>& EventFields() {
  static const std::vector<Field> fields = {
      {"i1", Ty::Int},        {"i2", Ty::Int},         {"d1", Ty::Dec},       {"p1", Ty::Pct},
      {"s1", Ty::Str},        {"s2", Ty::Str},         {"b1", Ty::Bool},      {"dt1", Ty::Date},
      {"dt2", Ty::Date},      {"ts1", Ty::Ts},         {"ts2", Ty::Ts},       {"c1", Ty::Color},
      {"tier", Ty::Tier},     {"items", Ty::ListItem}, {"ballots", Ty::ListBallot},
      {"ints", Ty::ListInt},  {"strs", Ty::ListStr},   {"colors", Ty::SetColor},
      {"oi", Ty::OptInt},     {"os", Ty::OptStr},      {"od", Ty::OptDate},   {"orec", Ty::OptItem},
      {"odec", Ty::OptDec},
  };
  return fields;
}

const std::vector<Field>& ItemFields() {
  static const std::vector<Field> fields = {
      {"name", Ty::Str}, {"n", Ty::Int}, {"amount", Ty::Dec}, {"color", Ty::Color}, {"due", Ty::OptDate}};
  return fields;
}

const std::vector<Field>& BallotFields() {
  static const std::vector<Field> fields = {{"member", Ty::Str}, {"role", Ty::Role}, {"vote", Ty::Choice}};
  return fields;
}

const std::vector<std::string>& Members(Ty enum_type) {
  static const std::map<Ty, std::vector<std::string>> members = {
      {Ty::Color, {"red", "green", "blue"}},
      {Ty::Role, {"platform", "security", "leadership"}},
      {Ty::Choice, {"approve", "reject", "table", "abstain"}},
      {Ty::Tier, {"T1", "T2", "T3"}},
  };
  return members.at(enum_type);
}

std::string JsonSpelling(Ty enum_type, const std::string& member) {
  // Members with a JSON spelling that is not an identifier exercise the spelling tables.
  if (enum_type == Ty::Color && member == "green") return "gr-een";
  if (enum_type == Ty::Color && member == "blue") return "Blue Sky";
  if (enum_type == Ty::Choice && member == "abstain") return "abstain:yes";
  return member;
}

std::string TypeName(Ty ty) {
  switch (ty) {
    case Ty::Bool: return "bool";
    case Ty::Int: return "int";
    case Ty::Dec: return "decimal";
    case Ty::Pct: return "percent";
    case Ty::Str: return "string";
    case Ty::Date: return "date";
    case Ty::Ts: return "timestamp";
    case Ty::Dur: return "duration";
    case Ty::Biz: return "duration";
    case Ty::Color: return "Color";
    case Ty::Role: return "Role";
    case Ty::Choice: return "Choice";
    case Ty::Tier: return "Tier";
    case Ty::Item: return "Item";
    case Ty::Ballot: return "Ballot";
    case Ty::Tally: return "";
    case Ty::ListInt: return "list<int>";
    case Ty::ListStr: return "list<string>";
    case Ty::ListItem: return "list<Item>";
    case Ty::ListBallot: return "list<Ballot>";
    case Ty::SetColor: return "set<Color>";
    case Ty::OptInt: return "int?";
    case Ty::OptStr: return "string?";
    case Ty::OptDate: return "date?";
    case Ty::OptItem: return "Item?";
    case Ty::OptDec: return "decimal?";
  }
  return "";
}

std::vector<std::string> Vocabulary() {
  std::vector<std::string> decls = {
      "enum Color { red, green \"gr-een\", blue \"Blue Sky\" }",
      "enum Role { platform, security, leadership }",
      "enum Choice { approve, reject, table, abstain \"abstain:yes\" }",
      "record Item { name: string, n: int, amount: decimal, color: Color, due: date? }",
      "record Ballot { member: string, role: Role, vote: Choice }",
      "record TierProcess { rfc: bool, min_reviews: int, reviewers: set<Role> }",
      "tier Tier with TierProcess {\n"
      "  T1 \"Critical\": { rfc: true, min_reviews: 2, reviewers: [security, platform] }\n"
      "  T2 \"Normal\": { rfc: false, min_reviews: 1, reviewers: [platform] }\n"
      "  T3 \"Trivial\": { rfc: false, min_reviews: 0, reviewers: [] }\n"
      "}",
  };
  std::string event = "event e {\n";
  for (const Field& field : EventFields()) event += "  " + field.name + ": " + TypeName(field.ty) + "\n";
  decls.push_back(event + "}");
  return decls;
}

}  // namespace charter::differential
