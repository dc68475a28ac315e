// Values as people read them in messages, and as decision JSON carries them.
#include <fmt/format.h>

#include "compiler/base/calendar.h"
#include "compiler/eval/interpreter.h"

namespace charter::eval {

std::string MemberSpelling(const ast::Decl* enum_decl, int64_t index) {
  if (!enum_decl || index < 0) return "?";
  if (enum_decl->kind == ast::DeclKind::Enum) {
    const auto& members = enum_decl->As<ast::EnumDecl>().members;
    if (static_cast<size_t>(index) >= members.size()) return "?";
    const auto& member = members[index];
    return member.label.empty() ? member.name.name : member.label;
  }
  const auto& rows = enum_decl->As<ast::TierDecl>().rows;
  return static_cast<size_t>(index) < rows.size() ? rows[index].member.name : "?";
}

static std::string DurationText(int64_t seconds) {
  struct Unit {
    int64_t length;
    const char* one;
    const char* many;
  };
  static const Unit kUnits[] = {{86400, "day", "days"}, {3600, "hour", "hours"}, {60, "minute", "minutes"}};
  for (const Unit& unit : kUnits) {
    if (seconds != 0 && seconds % unit.length == 0) {
      int64_t n = seconds / unit.length;
      return fmt::format("{} {}", n, n == 1 || n == -1 ? unit.one : unit.many);
    }
  }
  return fmt::format("{} {}", seconds, seconds == 1 || seconds == -1 ? "second" : "seconds");
}

static const std::vector<const Type*>& FieldTypes(const CheckedProgram& program, const ast::Decl* decl) {
  static const std::vector<const Type*> kNone;
  auto it = program.field_types.find(decl);
  return it == program.field_types.end() ? kNone : it->second;
}

static std::string Text(const Value& value, const Type* type, const CheckedProgram& program, bool nested) {
  if (value.is_none()) return "none";
  switch (type->kind) {
    case TypeKind::Bool: return value.as_bool() ? "true" : "false";
    case TypeKind::Int: return std::to_string(value.as_int());
    case TypeKind::Decimal: return value.as_dec().ToString();
    case TypeKind::Percent: return value.as_dec().ToString() + "%";
    case TypeKind::String: return nested ? nlohmann::json(value.as_str()).dump() : value.as_str();
    case TypeKind::Date: return FormatDate(static_cast<int32_t>(value.as_int()));
    case TypeKind::Timestamp: return FormatTimestamp(value.as_int());
    case TypeKind::Duration: return DurationText(value.as_int());
    case TypeKind::BusinessDays:
      return fmt::format("{} business {}", value.as_int(), value.as_int() == 1 ? "day" : "days");
    case TypeKind::Enum: return MemberSpelling(type->decl, value.as_int());
    case TypeKind::Optional: return Text(value, type->element, program, nested);
    case TypeKind::List:
    case TypeKind::Set: {
      std::string out = "[";
      for (const Value& item : value.items()) {
        if (out.size() > 1) out += ", ";
        out += Text(item, type->element, program, true);
      }
      return out + "]";
    }
    case TypeKind::Record: {
      const auto& record = type->decl->As<ast::RecordDecl>();
      const auto& types = FieldTypes(program, type->decl);
      std::string out = record.name.name + " {";
      for (size_t i = 0; i < record.fields.size() && i < value.items().size() && i < types.size(); ++i) {
        out += fmt::format("{} {}: {}", i ? "," : "", record.fields[i].name.name,
                           Text(value.items()[i], types[i], program, true));
      }
      return out + " }";
    }
    case TypeKind::Tally: {
      std::string out;
      const auto& fields = TallyFields();
      for (size_t i = 0; i < fields.size() && i < value.items().size(); ++i) {
        const Value& field = value.items()[i];
        out += fmt::format("{}{} {}", i ? ", " : "", fields[i].first,
                           fields[i].second == TypeKind::Int ? std::to_string(field.as_int())
                                                             : (field.as_bool() ? "true" : "false"));
      }
      return out;
    }
    default: return "?";
  }
}

std::string ToText(const Value& value, const Type* type, const CheckedProgram& program) {
  return Text(value, type, program, false);
}

static nlohmann::ordered_json Number(const Rational& r) {
  if (r.den == 1) return r.num;
  // Shortest round-trip printing of the nearest double shows 96.1 as 96.1.
  return std::stod(r.ToString(15));
}

nlohmann::ordered_json ToJson(const Value& value, const Type* type, const CheckedProgram& program) {
  if (value.is_none()) return nullptr;
  switch (type->kind) {
    case TypeKind::Bool: return value.as_bool();
    case TypeKind::Int: return value.as_int();
    case TypeKind::Decimal:
    case TypeKind::Percent: return Number(value.as_dec());
    case TypeKind::Optional: return ToJson(value, type->element, program);
    case TypeKind::List:
    case TypeKind::Set: {
      auto out = nlohmann::ordered_json::array();
      for (const Value& item : value.items()) out.push_back(ToJson(item, type->element, program));
      return out;
    }
    case TypeKind::Record: {
      const auto& record = type->decl->As<ast::RecordDecl>();
      const auto& types = FieldTypes(program, type->decl);
      auto out = nlohmann::ordered_json::object();
      for (size_t i = 0; i < record.fields.size() && i < value.items().size() && i < types.size(); ++i) {
        out[record.fields[i].name.name] = ToJson(value.items()[i], types[i], program);
      }
      return out;
    }
    case TypeKind::Tally: {
      auto out = nlohmann::ordered_json::object();
      const auto& fields = TallyFields();
      for (size_t i = 0; i < fields.size() && i < value.items().size(); ++i) {
        const Value& field = value.items()[i];
        if (fields[i].second == TypeKind::Int) {
          out[fields[i].first] = field.as_int();
        } else {
          out[fields[i].first] = field.as_bool();
        }
      }
      return out;
    }
    default: return ToText(value, type, program);
  }
}

}  // namespace charter::eval
