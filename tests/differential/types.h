// The Charter types the generators know, and the fixed vocabulary (enums,
// records, the event `e`) every generated program declares.
#pragma once

#include <string>
#include <vector>

namespace charter::differential {

enum class Ty {
  Bool, Int, Dec, Pct, Str, Date, Ts, Dur, Biz, Color, Role, Choice, Tier, Item, Ballot, Tally,
  ListInt, ListStr, ListItem, ListBallot, SetColor, OptInt, OptStr, OptDate, OptItem, OptDec,
};

struct Field {
  std::string name;
  Ty ty;
};

/// The fields of event `e`, in declaration order.
const std::vector<Field>& EventFields();
/// Fields of the records `Item` and `Ballot`.
const std::vector<Field>& ItemFields();
const std::vector<Field>& BallotFields();

/// Members of the enums, by Charter name; JSON spellings differ for some.
const std::vector<std::string>& Members(Ty enum_type);
/// The JSON spelling of a member (its quoted string when it has one).
std::string JsonSpelling(Ty enum_type, const std::string& member);

/// The Charter spelling of a type, as written in declarations.
std::string TypeName(Ty ty);

/// The declarations every program starts with (enums, records, tier, event).
std::vector<std::string> Vocabulary();

}  // namespace charter::differential
