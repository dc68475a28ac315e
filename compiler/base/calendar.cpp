#include "compiler/base/calendar.h"

#include <fmt/format.h>

namespace charter {

// Howard Hinnant's days_from_civil / civil_from_days.
int32_t DaysFromCivil(CivilDate date) {
  int32_t y = date.year - (date.month <= 2 ? 1 : 0);
  int32_t era = (y >= 0 ? y : y - 399) / 400;
  uint32_t yoe = static_cast<uint32_t>(y - era * 400);
  uint32_t mp = (date.month + 9) % 12;
  uint32_t doy = (153 * mp + 2) / 5 + date.day - 1;
  uint32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

CivilDate CivilFromDays(int32_t days) {
  int32_t z = days + 719468;
  int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  uint32_t doe = static_cast<uint32_t>(z - era * 146097);
  uint32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int32_t y = static_cast<int32_t>(yoe) + era * 400;
  uint32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  uint32_t mp = (5 * doy + 2) / 153;
  uint32_t d = doy - (153 * mp + 2) / 5 + 1;
  uint32_t m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2 ? 1 : 0), m, d};
}

bool IsValidCivil(CivilDate date) {
  if (date.month < 1 || date.month > 12 || date.day < 1) return false;
  static const uint32_t kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
  uint32_t limit = kDays[date.month - 1] + (date.month == 2 && leap ? 1 : 0);
  return date.day <= limit;
}

uint32_t Weekday(int32_t days) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  int32_t w = (days + 3) % 7;
  return static_cast<uint32_t>(w < 0 ? w + 7 : w);
}

static bool Digits(std::string_view text, size_t at, size_t count, uint32_t& out) {
  if (at + count > text.size()) return false;
  out = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + static_cast<uint32_t>(text[i] - '0');
  }
  return true;
}

std::optional<int32_t> ParseDate(std::string_view text) {
  uint32_t y, m, d;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (!Digits(text, 0, 4, y) || !Digits(text, 5, 2, m) || !Digits(text, 8, 2, d)) return std::nullopt;
  CivilDate date{static_cast<int32_t>(y), m, d};
  if (!IsValidCivil(date)) return std::nullopt;
  return DaysFromCivil(date);
}

std::optional<int64_t> ParseTimestamp(std::string_view text) {
  if (text.size() < 20 || (text[10] != 'T' && text[10] != 't')) return std::nullopt;
  auto date = ParseDate(text.substr(0, 10));
  uint32_t hh, mm, ss;
  if (!date || text[13] != ':' || text[16] != ':') return std::nullopt;
  if (!Digits(text, 11, 2, hh) || !Digits(text, 14, 2, mm) || !Digits(text, 17, 2, ss)) return std::nullopt;
  if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  size_t at = 19;
  int64_t micros = 0;
  if (at < text.size() && text[at] == '.') {
    ++at;
    size_t digits = 0;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      if (digits < 6) micros = micros * 10 + (text[at] - '0');
      ++digits;
      ++at;
    }
    if (digits == 0) return std::nullopt;
    for (size_t i = digits; i < 6; ++i) micros *= 10;
  }
  int64_t offset_seconds = 0;
  if (at < text.size() && (text[at] == 'Z' || text[at] == 'z')) {
    ++at;
  } else if (at + 6 == text.size() && (text[at] == '+' || text[at] == '-') && text[at + 3] == ':') {
    uint32_t oh, om;
    if (!Digits(text, at + 1, 2, oh) || !Digits(text, at + 4, 2, om) || oh > 23 || om > 59) return std::nullopt;
    offset_seconds = (text[at] == '+' ? 1 : -1) * static_cast<int64_t>(oh * 3600 + om * 60);
    at += 6;
  } else {
    return std::nullopt;
  }
  if (at != text.size()) return std::nullopt;
  int64_t seconds = static_cast<int64_t>(*date) * 86400 + hh * 3600 + mm * 60 + ss - offset_seconds;
  return seconds * 1000000 + micros;
}

std::string FormatDate(int32_t days) {
  CivilDate c = CivilFromDays(days);
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

std::string FormatTimestamp(int64_t micros) {
  int64_t seconds = micros >= 0 ? micros / 1000000 : -((-micros + 999999) / 1000000);
  int64_t frac = micros - seconds * 1000000;
  int64_t days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
  int64_t rem = seconds - days * 86400;
  std::string out = fmt::format("{}T{:02}:{:02}:{:02}", FormatDate(static_cast<int32_t>(days)), rem / 3600,
                                (rem / 60) % 60, rem % 60);
  if (frac != 0) out += fmt::format(".{:06}", frac);
  return out + "Z";
}

}  // namespace charter
