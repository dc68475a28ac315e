#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "compiler/base/calendar.h"
#include "compiler/base/mapped_file.h"
#include "compiler/base/rational.h"
#include "compiler/base/source.h"

using namespace charter;

TEST_CASE("Dates round-trip and know their weekday", "[base][calendar]") {
  auto monday = ParseDate("2026-11-02");
  REQUIRE(monday);
  CHECK(Weekday(*monday) == 0);
  CHECK(FormatDate(*monday) == "2026-11-02");
  CHECK(Weekday(*ParseDate("2026-11-08")) == 6);
  CHECK(ParseDate("2024-02-29"));
  CHECK_FALSE(ParseDate("2026-02-29"));
  CHECK_FALSE(ParseDate("2026-13-01"));
  CHECK_FALSE(ParseDate("2026-1-01"));
}

TEST_CASE("Timestamps honour offsets and fractions", "[base][calendar]") {
  auto utc = ParseTimestamp("2026-11-23T09:30:00Z");
  auto offset = ParseTimestamp("2026-11-23T10:30:00+01:00");
  REQUIRE(utc);
  REQUIRE(offset);
  CHECK(*utc == *offset);
  CHECK(FormatTimestamp(*utc) == "2026-11-23T09:30:00Z");
  CHECK(*ParseTimestamp("2026-11-23T09:30:00.25Z") - *utc == 250000);
  CHECK_FALSE(ParseTimestamp("2026-11-23T24:00:00Z"));
  CHECK_FALSE(ParseTimestamp("2026-11-23T09:30:00"));
}

TEST_CASE("Rational arithmetic is exact at percentage thresholds", "[base][rational]") {
  // (1 - 0.95) * 2000 must be exactly 100, not 99.99999.
  auto slo = *Rational::Decimal(95, 2);
  auto budget = Rational::Int(1).Sub(slo)->Mul(Rational::Int(2000));
  REQUIRE(budget);
  CHECK(*budget == Rational::Int(100));
  auto remaining = budget->Sub(Rational::Int(25))->Div(*budget)->Mul(Rational::Int(100));
  CHECK(*remaining == Rational::Int(75));
  CHECK(Rational::Int(1).Div(Rational::Int(3))->ToString() == "0.333333");
  CHECK(Rational::Decimal(625, 1)->ToString() == "62.5");
  CHECK_FALSE(Rational::Int(1).Div(Rational::Int(0)));
  CHECK_FALSE(Rational::Int(INT64_MAX).Add(Rational::Int(1)));
}

TEST_CASE("Spans carry line and column of a byte offset", "[base][source]") {
  SourceManager sources;
  const SourceFile& file = sources.Add("x.charter", "ab\ncd\n");
  Span span = file.SpanAt(4, 1);
  CHECK(span.line == 2);
  CHECK(span.column == 2);
  CHECK(file.Line(2) == "cd");
  CHECK(file.OffsetOf(2, 2) == 4);
}

namespace charter {
namespace {

TEST_CASE("Files are read whole, mapped, or refused when they are not readable files", "[base][files]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("charter-files-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string big(300000, 'x');  // past malloc's mmap threshold, and many pages
  for (size_t i = 0; i < big.size(); i += 4093) big[i] = static_cast<char>('a' + i % 26);
  std::ofstream(dir / "big", std::ios::binary) << big;
  std::ofstream(dir / "empty", std::ios::binary);
  std::string text;

  CHECK(ReadFile((dir / "big").string(), text));
  CHECK(text == big);
  CHECK(ReadFile((dir / "empty").string(), text));
  CHECK(text.empty());
  text = "stale";
  CHECK_FALSE(ReadFile((dir / "missing").string(), text));
  CHECK(text.empty());
  CHECK_FALSE(ReadFile(dir.string(), text));  // a directory

  CHECK(IsReadableFile((dir / "big").string()));
  CHECK(IsReadableFile((dir / "empty").string()));
  CHECK_FALSE(IsReadableFile((dir / "missing").string()));
  CHECK_FALSE(IsReadableFile(dir.string()));

  auto mapped = MappedFile::Open((dir / "big").string());
  REQUIRE(mapped);
  CHECK(mapped->bytes() == big);
  MappedFile moved = std::move(*mapped);
  CHECK(moved.bytes() == big);
  CHECK(mapped->bytes().empty());
  auto empty = MappedFile::Open((dir / "empty").string());
  REQUIRE(empty);
  CHECK(empty->bytes().empty());
  CHECK_FALSE(MappedFile::Open((dir / "missing").string()));
  CHECK_FALSE(MappedFile::Open(dir.string()));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace charter
