#include <catch2/catch.hpp>

#include "compiler/base/calendar.h"
#include "runtime/builtins/builtins.h"
#include "runtime/builtins/sequence.h"

using namespace charter;
using namespace charter::runtime;

static int32_t D(const char* text) { return *ParseDate(text); }

TEST_CASE("Business days count the days after the start up to and including the end", "[runtime][time]") {
  CHECK(BusinessDaysBetween(D("2026-11-02"), D("2026-11-09")) == 5);  // Monday to Monday (EVENTS.md)
  CHECK(BusinessDaysBetween(D("2026-11-02"), D("2026-11-06")) == 4);  // Monday to Friday
  CHECK(BusinessDaysBetween(D("2026-11-06"), D("2026-11-09")) == 1);  // Friday to Monday
  CHECK(BusinessDaysBetween(D("2026-11-07"), D("2026-11-08")) == 0);  // Saturday to Sunday
  CHECK(BusinessDaysBetween(D("2026-11-02"), D("2026-11-02")) == 0);
  CHECK(BusinessDaysBetween(D("2026-11-09"), D("2026-11-02")) == -5);
  CHECK(BusinessDaysBetween(D("2026-10-01"), D("2026-10-16")) == 11);
}

TEST_CASE("Business days agree with a day-by-day count", "[runtime][time]") {
  int32_t start = D("2026-01-01");
  for (int32_t from = start; from < start + 14; ++from) {
    int64_t walked = 0;
    for (int32_t to = from; to < from + 40; ++to) {
      if (to > from && Weekday(to) < 5) ++walked;
      REQUIRE(BusinessDaysBetween(from, to) == walked);
      if (walked > 0 && Weekday(to) < 5) {
        // The n-th business day after `from` is exactly where the count reaches n.
        REQUIRE(AddBusinessDays(from, walked) == to);
      }
    }
  }
}

TEST_CASE("Calendar days and the date of a timestamp", "[runtime][time]") {
  CHECK(DaysBetween(D("2026-07-01"), D("2026-11-23")) == 145);
  CHECK(DateOf(*ParseTimestamp("2026-11-23T23:59:59Z")) == D("2026-11-23"));
  CHECK(DateOf(*ParseTimestamp("1969-12-31T23:00:00Z")) == D("1969-12-31"));
}

TEST_CASE("Control characters include C0, DEL and C1 but not other text", "[runtime][text]") {
  CHECK(HasControlChars("a\nb"));
  CHECK(HasControlChars(std::string("a\0b", 3)));
  CHECK(HasControlChars("a\x7f"));
  CHECK(HasControlChars("a\xc2\x85"));  // U+0085 NEXT LINE
  CHECK_FALSE(HasControlChars("plain text"));
  CHECK_FALSE(HasControlChars("caf\xc3\xa9 \xc2\xa0"));  // é and no-break space are not controls
}

TEST_CASE("URL hosts follow RFC 3986, userinfo included", "[runtime][url]") {
  CHECK(UrlHost("https://github.com/org/repo") == "github.com");
  CHECK(UrlHost("https://github.com@evil.example/x.tgz") == "evil.example");
  CHECK(UrlHost("https://user:pass@GitHub.COM:443/x") == "github.com");
  CHECK(UrlHost("https://github.com.evil.example/x") == "github.com.evil.example");
  CHECK(UrlHost("https://[::1]:8080/x") == "[::1]");
  CHECK(UrlHost("https://host?q=@evil") == "host");
  CHECK_FALSE(UrlHost("https://github.com\\@evil.example/"));  // a backslash is not allowed in an authority
  CHECK_FALSE(UrlHost("https://gith ub.com/"));
  CHECK_FALSE(UrlHost("https://github.com:44x/"));
  CHECK_FALSE(UrlHost("https:///path"));
  CHECK_FALSE(UrlHost("mailto:someone@example.com"));
  CHECK_FALSE(UrlHost("github.com/x"));
  CHECK(UrlScheme("HTTPS://x") == "https");
  CHECK(UrlScheme("git+ssh://x") == "git+ssh");
  CHECK_FALSE(UrlScheme("://x"));
  CHECK_FALSE(UrlScheme("1http://x"));
}

TEST_CASE("SemVer 2.0.0 validity is exact", "[runtime][semver]") {
  for (const char* good : {"1.2.3", "0.0.1", "10.20.30", "1.0.0-alpha.1", "1.0.0+build.77",
                           "2.1.0-beta+exp.sha.5114f85", "1.0.0-0A.is.legal", "1.0.0-x-y-z.--"}) {
    INFO(good);
    CHECK(SemverValid(good));
  }
  for (const char* bad : {"v1.2.3", "1.2", "01.2.3", "1.02.3", "1.2.3-", "1.2.3+", "1.2.3.4", "latest",
                          "1.2.3-01", "1.2.3-alpha..1", " 1.2.3", "1.2.3 ", "1.2.3-\xc3\xa9", ""}) {
    INFO(bad);
    CHECK_FALSE(SemverValid(bad));
  }
}

TEST_CASE("SemVer precedence follows section 11", "[runtime][semver]") {
  const char* ordered[] = {"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                           "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1"};
  for (size_t i = 0; i + 1 < std::size(ordered); ++i) {
    INFO(ordered[i] << " < " << ordered[i + 1]);
    CHECK(SemverCompare(ordered[i], ordered[i + 1]) == -1);
    CHECK(SemverCompare(ordered[i + 1], ordered[i]) == 1);
  }
  CHECK(SemverCompare("1.0.0+a", "1.0.0+b") == 0);
  CHECK(SemverCompare("99999999999999999999.0.0", "9.0.0") == 1);
  CHECK_FALSE(SemverCompare("1.0", "1.0.0"));
}

TEST_CASE("Positions count from 0, negative ones from the end, and slices clamp", "[runtime]") {
  using namespace charter::runtime;
  CHECK(ResolveIndex(0, 3) == std::optional<size_t>(0));
  CHECK(ResolveIndex(-1, 3) == std::optional<size_t>(2));
  CHECK(ResolveIndex(-3, 3) == std::optional<size_t>(0));
  CHECK_FALSE(ResolveIndex(3, 3));
  CHECK_FALSE(ResolveIndex(-4, 3));
  CHECK_FALSE(ResolveIndex(0, 0));
  CHECK_FALSE(ResolveIndex(INT64_MIN, 3));
  CHECK(ResolveSlice(1, 3, 5) == std::pair<size_t, size_t>(1, 3));
  CHECK(ResolveSlice(0, -1, 5) == std::pair<size_t, size_t>(0, 4));
  CHECK(ResolveSlice(-100, 100, 5) == std::pair<size_t, size_t>(0, 5));
  CHECK(ResolveSlice(4, 2, 5) == std::pair<size_t, size_t>(4, 4));
  CHECK(ResolveSlice(kSliceFromStart, kSliceToEnd, 5) == std::pair<size_t, size_t>(0, 5));
  CHECK(ResolveSlice(INT64_MIN, INT64_MAX, 0) == std::pair<size_t, size_t>(0, 0));
}

TEST_CASE("Strings are indexed and sliced by code point, never cutting a character", "[runtime]") {
  using namespace charter::runtime;
  const std::string text = "Zo\xc3\xab \xe2\x86\x92 \xf0\x9f\x9a\x80!";  // "Zoë → 🚀!"
  CHECK(CodePointAt(text, 2) == std::optional<std::string_view>("\xc3\xab"));
  CHECK(CodePointAt(text, -2) == std::optional<std::string_view>("\xf0\x9f\x9a\x80"));
  CHECK_FALSE(CodePointAt(text, 8));
  CHECK(CodePointSlice(text, 2, 5) == "\xc3\xab \xe2\x86\x92");
  CHECK(CodePointSlice(text, -2, kSliceToEnd) == "\xf0\x9f\x9a\x80!");
  CHECK(CodePointSlice(text, 5, 2).empty());
  CHECK(CodePointSlice("", 0, 3).empty());
  CHECK(CodePointIndexOf(text, "\xe2\x86\x92") == std::optional<int64_t>(4));
  CHECK(CodePointIndexOf(text, "!") == std::optional<int64_t>(7));
  CHECK_FALSE(CodePointIndexOf(text, "x"));
  CHECK(CodePointIndexOf(text, "") == std::optional<int64_t>(0));
}
