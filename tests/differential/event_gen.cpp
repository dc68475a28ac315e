#include "tests/differential/event_gen.h"

#include <limits>
#include <random>

#include "tests/differential/types.h"

namespace charter::differential {

namespace {

using Json = nlohmann::ordered_json;

class EventGenerator {
 public:
  explicit EventGenerator(uint64_t seed) : rng_(seed) {}

  Json Event() {
    Json event = Json::object();
    event["kind"] = "e";
    for (const Field& field : EventFields()) {
      bool optional = field.ty == Ty::OptInt || field.ty == Ty::OptStr || field.ty == Ty::OptDate ||
                      field.ty == Ty::OptItem || field.ty == Ty::OptDec;
      if (optional && Chance(20)) continue;  // an absent optional field is none too
      event[field.name] = Value(field.ty);
    }
    return event;
  }

 private:
  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool Chance(int percent) { return Pick(100) < percent; }
  template <typename T>
  const T& OneOf(const std::vector<T>& items) { return items[Pick(static_cast<int>(items.size()))]; }

  Json Int() {
    if (Chance(93)) return Pick(21) - 5;
    static const std::vector<int64_t> edges = {0, -1, 100, -100, 1000000, std::numeric_limits<int64_t>::max(),
                                               std::numeric_limits<int64_t>::min(), 4611686018427387904, 3037000500};
    return OneOf(edges);
  }
  /// Numbers as JSON text so that decimals stay exact through the decoder.
  Json Decimal() {
    static const std::vector<std::string> texts = {"0", "0.5", "1.25", "-3.75", "100", "0.1", "2.5", "1e2", "0.001",
                                                   "-0.3333", "7"};
    static const std::vector<std::string> edges = {"123456789.123456789", "9223372036854775807", "-9223372036854775807"};
    return Json::parse(Chance(6) ? OneOf(edges) : OneOf(texts));
  }
  Json Percent() {
    static const std::vector<std::string> texts = {"0", "25", "50", "62.5", "75", "99.99", "100", "0.5", "33.333"};
    return Json::parse(OneOf(texts));
  }
  Json String() {
    static const std::vector<std::string> texts = {
        "", "a", "abc", "Hello World", "  padded  ", "1.2.3", "1.2.3-rc.1+build.5", "01.2.3", "v1",
        "https://example.com/path", "https://sub.Example.com:8443/x?y", "http://user@host.org/",
        "ftp://a", "not a url", "café", "tab\there", "new\nline", "a,b,,c", "/a/../b", "a/b/c", "example.com",
        "red", "{braces}", "\"quoted\"", "ß", "\u0007bell"};
    return OneOf(texts);
  }
  Json Date() {
    static const std::vector<std::string> dates = {"2026-11-02", "2026-11-07", "2026-11-08", "2024-02-29",
                                                   "1970-01-01", "2000-01-01", "2026-12-25", "1999-12-31"};
    if (Chance(6)) return Chance(50) ? "0000-01-01" : "9999-12-31";
    return OneOf(dates);
  }
  Json Timestamp() {
    static const std::vector<std::string> stamps = {"2026-11-23T09:30:00Z", "2026-11-23T10:30:00.5+01:00",
                                                    "1970-01-01T00:00:00Z", "2024-02-29T23:59:59.999999Z",
                                                    "2026-01-01T00:00:00-08:00"};
    if (Chance(6)) return Chance(50) ? "0000-01-01T00:00:00Z" : "9999-12-31T23:59:59Z";
    return OneOf(stamps);
  }
  Json Member(Ty ty) { return JsonSpelling(ty, OneOf(Members(ty))); }
  Json List(Ty element) {
    Json list = Json::array();
    int count = Chance(25) ? 0 : 1 + Pick(4);
    for (int i = 0; i < count; ++i) list.push_back(Value(element));
    return list;
  }
  Json Item() {
    Json item = {{"name", String()}, {"n", Int()}, {"amount", Decimal()}, {"color", Member(Ty::Color)}};
    if (Chance(60)) item["due"] = Chance(20) ? Json(nullptr) : Date();
    return item;
  }
  Json Ballot() {
    static const std::vector<std::string> members = {"ana", "bo", "cy", "di"};
    return {{"member", OneOf(members)}, {"role", Member(Ty::Role)}, {"vote", Member(Ty::Choice)}};
  }

  Json Value(Ty ty) {
    switch (ty) {
      case Ty::Bool: return Chance(50);
      case Ty::Int: return Int();
      case Ty::Dec: return Decimal();
      case Ty::Pct: return Percent();
      case Ty::Str: return String();
      case Ty::Date: return Date();
      case Ty::Ts: return Timestamp();
      case Ty::Color: case Ty::Role: case Ty::Choice: case Ty::Tier: return Member(ty);
      case Ty::Item: return Item();
      case Ty::Ballot: return Ballot();
      case Ty::ListInt: return List(Ty::Int);
      case Ty::ListStr: return List(Ty::Str);
      case Ty::ListItem: return List(Ty::Item);
      case Ty::ListBallot: return List(Ty::Ballot);
      case Ty::SetColor: return List(Ty::Color);
      case Ty::OptInt: return Chance(30) ? Json(nullptr) : Int();
      case Ty::OptStr: return Chance(30) ? Json(nullptr) : String();
      case Ty::OptDate: return Chance(30) ? Json(nullptr) : Date();
      case Ty::OptItem: return Chance(30) ? Json(nullptr) : Item();
      case Ty::OptDec: return Chance(30) ? Json(nullptr) : Decimal();
      case Ty::Dur: case Ty::Biz: case Ty::Tally: break;  // not event field types
    }
    return nullptr;
  }

  std::mt19937_64 rng_;
};

}  // namespace

Json GenerateEvent(uint64_t seed) { return EventGenerator(seed).Event(); }

Json SimplestValue(const std::string& name) {
  for (const Field& field : EventFields()) {
    if (field.name != name) continue;
    switch (field.ty) {
      case Ty::Bool: return false;
      case Ty::Int: case Ty::Dec: case Ty::Pct: return 0;
      case Ty::Str: return "";
      case Ty::Date: return "2026-11-02";
      case Ty::Ts: return "2026-11-02T00:00:00Z";
      case Ty::Color: case Ty::Role: case Ty::Choice: case Ty::Tier: return JsonSpelling(field.ty, Members(field.ty)[0]);
      case Ty::ListInt: case Ty::ListStr: case Ty::ListItem: case Ty::ListBallot: case Ty::SetColor:
        return Json::array();
      default: return nullptr;
    }
  }
  return nullptr;
}

}  // namespace charter::differential
