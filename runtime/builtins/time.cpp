#include "compiler/base/calendar.h"
#include "runtime/builtins/builtins.h"

namespace charter::runtime {

// Business days in (from, to] for from <= to, in O(1): whole weeks have five,
// then the remaining days are walked (at most six).
static int64_t ForwardBusinessDays(int32_t from, int32_t to) {
  int64_t span = static_cast<int64_t>(to) - from;
  int64_t count = (span / 7) * 5;
  uint32_t weekday = Weekday(from);
  for (int64_t i = 0; i < span % 7; ++i) {
    weekday = (weekday + 1) % 7;
    if (weekday < 5) ++count;
  }
  return count;
}

int64_t BusinessDaysBetween(int32_t from, int32_t to) {
  return from <= to ? ForwardBusinessDays(from, to) : -ForwardBusinessDays(to, from);
}

int64_t DaysBetween(int32_t from, int32_t to) { return static_cast<int64_t>(to) - from; }

// Going back mirrors going forward: from a weekend, the business days before
// it are those before the Monday after it.
static int32_t SubtractBusinessDays(int32_t date, int64_t n) {
  int64_t day = date;
  if (Weekday(date) >= 5) day += 7 - Weekday(date);
  day -= (n / 5) * 7;
  uint32_t weekday = Weekday(static_cast<int32_t>(day));
  for (int64_t left = n % 5; left > 0;) {
    --day;
    weekday = (weekday + 6) % 7;
    if (weekday < 5) --left;
  }
  return static_cast<int32_t>(day);
}

int32_t AddBusinessDays(int32_t date, int64_t n) {
  if (n == 0) return date;
  if (n < 0) return SubtractBusinessDays(date, -n);
  // From a weekend the next business days are those after the Friday before it.
  int64_t day = date;
  if (Weekday(date) >= 5) day -= Weekday(date) - 4;
  day += (n / 5) * 7;
  uint32_t weekday = Weekday(static_cast<int32_t>(day));
  for (int64_t left = n % 5; left > 0;) {
    ++day;
    weekday = (weekday + 1) % 7;
    if (weekday < 5) --left;
  }
  return static_cast<int32_t>(day);
}

int32_t DateOf(int64_t micros) {
  constexpr int64_t kDay = 86400LL * 1000000;
  int64_t days = micros >= 0 ? micros / kDay : -((-micros + kDay - 1) / kDay);
  return static_cast<int32_t>(days);
}

}  // namespace charter::runtime
