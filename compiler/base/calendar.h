// Proleptic Gregorian calendar arithmetic on days since 1970-01-01 (UTC).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace charter {

struct CivilDate {
  int32_t year;
  uint32_t month;  // 1..12
  uint32_t day;    // 1..31
};

int32_t DaysFromCivil(CivilDate date);
CivilDate CivilFromDays(int32_t days);
bool IsValidCivil(CivilDate date);
/// 0 = Monday … 6 = Sunday.
uint32_t Weekday(int32_t days);

/// "YYYY-MM-DD"; nullopt when malformed or not a real date.
std::optional<int32_t> ParseDate(std::string_view text);
/// RFC 3339 "YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)" to microseconds since the epoch.
std::optional<int64_t> ParseTimestamp(std::string_view text);

std::string FormatDate(int32_t days);
std::string FormatTimestamp(int64_t micros);

}  // namespace charter
