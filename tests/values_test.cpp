// Cell grammar: numbers with French/English separators, null tokens, booleans, dates, date-times,
// and the Europe/Paris DST rules (offsets, spring-forward gap, fall-back overlap).
#include <doctest/doctest.h>

#include <cmath>

#include "parsers/core/values.h"
#include "tests/test_util.h"

using namespace sdw;
using sdw::test::utc_us;

TEST_CASE("null tokens are whole trimmed cells only") {
  for (const char* s : {"", "null", "NULL", "NA", "N/A", "n/a", "-", "  -  ", " NA\t"})
    CHECK_MESSAGE(is_null_token(trim(s)), std::string(s));
  for (const char* s : {"--", "Null", "na", "N/A/B", "0", "-1", "none"}) CHECK_MESSAGE(!is_null_token(trim(s)), std::string(s));
  CHECK(trim("\xC2\xA0 12 \xC2\xA0") == "12");
}

TEST_CASE("integers") {
  struct Case { const char* in; bool ok; int64_t v; };
  const Case cases[] = {
      {"0", true, 0}, {"42", true, 42}, {"-7", true, -7}, {"+3", true, 3},
      {"1 234", true, 1234}, {"1\xC2\xA0" "234\xC2\xA0" "567", true, 1234567}, {"-1\xE2\x80\xAF" "234", true, -1234},
      {"9223372036854775807", true, INT64_MAX}, {"-9223372036854775808", true, INT64_MIN},
      {"9223372036854775808", false, 0}, {"0123", false, 0}, {"01234567890123", false, 0}, {"00", false, 0},
      {"12 34", false, 0}, {"1 2345", false, 0}, {"1234 567", false, 0}, {"1.234", false, 0}, {"1,5", false, 0},
      {"1e5", false, 0}, {"", false, 0}, {"-", false, 0}, {"12a", false, 0}, {"1 234 ", false, 0},
  };
  for (const Case& c : cases) {
    int64_t v = -1;
    CHECK_MESSAGE(parse_int(c.in, v) == c.ok, std::string(c.in));
    if (c.ok) CHECK_MESSAGE(v == c.v, std::string(c.in));
  }
}

TEST_CASE("floats: decimal comma or dot, grouped thousands, exponents") {
  struct Case { const char* in; bool ok; double v; };
  const Case cases[] = {
      {"1234.5", true, 1234.5}, {"-12,5", true, -12.5}, {"1 234,56", true, 1234.56},
      {"1\xE2\x80\xAF" "234,56", true, 1234.56}, {"1\xC2\xA0" "234,56", true, 1234.56}, {"+3", true, 3.0},
      {"1e5", true, 1e5}, {"1.5E-3", true, 1.5e-3}, {"1.234,56", true, 1234.56}, {"1.234.567,8", true, 1234567.8},
      {"1,234.5", true, 1234.5}, {"0,5", true, 0.5}, {"-0.25", true, -0.25}, {",5", true, 0.5},
      {"12", true, 12.0}, {"1,5e3", true, 1500.0},
      {"1.234.567", false, 0}, {"1,2,3", false, 0}, {"0123,5", false, 0}, {"1.", false, 0}, {"e5", false, 0},
      {"1e", false, 0}, {"12 3,4", false, 0}, {"1.2.3,4", false, 0}, {"abc", false, 0}, {"1,5 €", false, 0},
      {"2023-01-01", false, 0}, {"12.03.2023", false, 0}, {"nan", false, 0}, {"inf", false, 0},
  };
  for (const Case& c : cases) {
    double v = -1;
    CHECK_MESSAGE(parse_float(c.in, v) == c.ok, std::string(c.in));
    if (c.ok) CHECK_MESSAGE(v == doctest::Approx(c.v).epsilon(1e-15), std::string(c.in));
  }
}

TEST_CASE("booleans: words only, never 0/1") {
  bool b = false;
  for (const char* s : {"true", "TRUE", "True", "vrai", "VRAI", "oui", "Oui", "yes", "YES"}) {
    CHECK_MESSAGE(parse_bool(s, b), std::string(s));
    CHECK(b);
  }
  for (const char* s : {"false", "FALSE", "faux", "non", "NON", "no", "No"}) {
    CHECK_MESSAGE(parse_bool(s, b), std::string(s));
    CHECK(!b);
  }
  for (const char* s : {"0", "1", "y", "n", "vraiment", "nope", ""}) CHECK_MESSAGE(!parse_bool(s, b), std::string(s));
  CHECK(value_type_bits("1", LocalZone::Paris) == (k_can_int | k_can_float));
  CHECK(value_type_bits("oui", LocalZone::Paris) == k_can_bool);
}

TEST_CASE("dates: French and ISO shapes, calendar validated") {
  struct Case { const char* in; bool ok; int y; unsigned m, d; };
  const Case cases[] = {
      {"31/12/2023", true, 2023, 12, 31}, {"1/3/2023", true, 2023, 3, 1}, {"05/01/23", true, 2023, 1, 5},
      {"05/01/69", true, 2069, 1, 5}, {"05/01/70", true, 1970, 1, 5}, {"05/01/99", true, 1999, 1, 5},
      {"29-02-2024", true, 2024, 2, 29}, {"14.07.1789", true, 1789, 7, 14}, {"2023-03-26", true, 2023, 3, 26},
      {"2023/03/26", true, 2023, 3, 26}, {"2000-02-29", true, 2000, 2, 29},
      {"29/02/2023", false, 0, 0, 0}, {"1900-02-29", false, 0, 0, 0}, {"31/04/2023", false, 0, 0, 0},
      {"00/01/2023", false, 0, 0, 0}, {"12/13/2023", false, 0, 0, 0}, {"2023-3-26x", false, 0, 0, 0},
      {"2023.03.26", false, 0, 0, 0}, {"12/03/2023 10:00", false, 0, 0, 0}, {"2023-03", false, 0, 0, 0},
      {"26/03-2023", false, 0, 0, 0}, {"123/03/2023", false, 0, 0, 0}, {"12/03/202", false, 0, 0, 0},
  };
  for (const Case& c : cases) {
    int32_t days = -1;
    CHECK_MESSAGE(parse_date(c.in, days) == c.ok, std::string(c.in));
    if (c.ok) CHECK_MESSAGE(int64_t(days) * 86400000000LL == utc_us(c.y, c.m, c.d, 0, 0), std::string(c.in));
  }
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(2000, 3, 1) == 11017);
  CHECK(format_date(19442) == "2023-03-26");
  CHECK(format_date(-1) == "1969-12-31");
}

TEST_CASE("Europe/Paris offsets and transitions (EU rule)") {
  const int64_t s = 1000000;
  // 2023: summer time from 2023-03-26 01:00Z to 2023-10-29 01:00Z
  CHECK(paris_offset_minutes(utc_us(2023, 3, 26, 0, 59, 59) / s) == 60);
  CHECK(paris_offset_minutes(utc_us(2023, 3, 26, 1, 0) / s) == 120);
  CHECK(paris_offset_minutes(utc_us(2023, 10, 29, 0, 59, 59) / s) == 120);
  CHECK(paris_offset_minutes(utc_us(2023, 10, 29, 1, 0) / s) == 60);
  CHECK(paris_offset_minutes(utc_us(2024, 3, 31, 1, 0) / s) == 120);  // 2024: last Sunday is the 31st
  CHECK(paris_offset_minutes(utc_us(2024, 3, 30, 12, 0) / s) == 60);
  CHECK(paris_offset_minutes(utc_us(2021, 10, 31, 0, 30) / s) == 120);
  CHECK(paris_offset_minutes(utc_us(1980, 7, 1, 0, 0) / s) == 120);  // EU rule applied to every year

  LocalResolution gap = paris_local_to_utc(utc_us(2023, 3, 26, 2, 30) / s);
  CHECK(gap.kind == LocalKind::Gap);
  CHECK(gap.utc_seconds * s == utc_us(2023, 3, 26, 1, 30));
  CHECK(gap.offset_minutes == 60);

  LocalResolution ov = paris_local_to_utc(utc_us(2023, 10, 29, 2, 30) / s);
  CHECK(ov.kind == LocalKind::Overlap);
  CHECK(ov.utc_seconds * s == utc_us(2023, 10, 29, 0, 30));
  CHECK(ov.offset_minutes == 120);
  CHECK(ov.second_utc_seconds * s == utc_us(2023, 10, 29, 1, 30));
  CHECK(ov.second_offset_minutes == 60);

  LocalResolution before = paris_local_to_utc(utc_us(2023, 10, 29, 1, 59) / s);
  CHECK(before.kind == LocalKind::Normal);
  CHECK(before.utc_seconds * s == utc_us(2023, 10, 28, 23, 59));
  LocalResolution after = paris_local_to_utc(utc_us(2023, 10, 29, 3, 0) / s);
  CHECK(after.kind == LocalKind::Normal);
  CHECK(after.utc_seconds * s == utc_us(2023, 10, 29, 2, 0));
  CHECK(paris_local_to_utc(utc_us(2023, 3, 26, 3, 0) / s).utc_seconds * s == utc_us(2023, 3, 26, 1, 0));
  CHECK(paris_local_to_utc(utc_us(2023, 3, 26, 2, 0) / s).kind == LocalKind::Gap);
  CHECK(paris_local_to_utc(utc_us(2023, 10, 29, 2, 0) / s).kind == LocalKind::Overlap);
}

TEST_CASE("date-times: ISO 8601, offsets, French day-first, local times") {
  struct Case { const char* in; bool ok; int64_t us; int16_t off; LocalKind kind; };
  const Case cases[] = {
      {"2023-03-26T02:30:00", true, utc_us(2023, 3, 26, 1, 30), k_unknown_offset, LocalKind::Gap},
      {"2023-01-01T00:30:00+01:00", true, utc_us(2022, 12, 31, 23, 30), 60, LocalKind::Normal},
      {"2023-07-14 12:00:00+0200", true, utc_us(2023, 7, 14, 10, 0), 120, LocalKind::Normal},
      {"2023-07-14T12:00:00+02", true, utc_us(2023, 7, 14, 10, 0), 120, LocalKind::Normal},
      {"2023-07-14T12:00:00Z", true, utc_us(2023, 7, 14, 12, 0), 0, LocalKind::Normal},
      {"2023-07-14T12:00:00.250Z", true, utc_us(2023, 7, 14, 12, 0) + 250000, 0, LocalKind::Normal},
      {"2023-07-14T12:00:00.1234567-05:30", true, utc_us(2023, 7, 14, 17, 30) + 123456, -330, LocalKind::Normal},
      {"2023-07-14 12:00", true, utc_us(2023, 7, 14, 10, 0), k_unknown_offset, LocalKind::Normal},
      {"14/07/2023 12:00", true, utc_us(2023, 7, 14, 10, 0), k_unknown_offset, LocalKind::Normal},
      {"14/01/2023 9:05:07", true, utc_us(2023, 1, 14, 8, 5, 7), k_unknown_offset, LocalKind::Normal},
      {"29/10/2023 02:30", true, utc_us(2023, 10, 29, 0, 30), k_unknown_offset, LocalKind::Overlap},
      {"2023-07-14T24:00:00", false, 0, 0, LocalKind::Normal}, {"2023-07-14T12:60", false, 0, 0, LocalKind::Normal},
      {"2023-07-14T12", false, 0, 0, LocalKind::Normal}, {"2023-07-14T12:00:00+1", false, 0, 0, LocalKind::Normal},
      {"2023-07-14T12:00:00Zx", false, 0, 0, LocalKind::Normal}, {"2023-07-14", false, 0, 0, LocalKind::Normal},
      {"2023-02-30T12:00:00", false, 0, 0, LocalKind::Normal},
  };
  for (const Case& c : cases) {
    DateTime dt;
    CHECK_MESSAGE(parse_datetime(c.in, LocalZone::Paris, dt) == c.ok, std::string(c.in));
    if (!c.ok) continue;
    CHECK_MESSAGE(dt.utc_us == c.us, std::string(c.in));
    CHECK_MESSAGE(dt.offset_min == c.off, std::string(c.in));
    CHECK_MESSAGE(dt.kind == c.kind, std::string(c.in));
  }
  DateTime dt;
  REQUIRE(parse_datetime("2023-03-26T02:30:00", LocalZone::Utc, dt));
  CHECK(dt.utc_us == utc_us(2023, 3, 26, 2, 30));
  CHECK(dt.kind == LocalKind::Normal);
  REQUIRE(parse_datetime("2023-07-14", LocalZone::Paris, dt, true));
  CHECK(dt.date_only);
  CHECK(dt.utc_us == utc_us(2023, 7, 13, 22, 0));
  CHECK(format_timestamp(utc_us(2023, 3, 26, 1, 30)) == "2023-03-26T01:30:00Z");
  CHECK(format_timestamp(utc_us(2023, 3, 26, 1, 30) + 250000) == "2023-03-26T01:30:00.25Z");
  CHECK(format_timestamp(-1) == "1969-12-31T23:59:59.999999Z");
}

TEST_CASE("float formatting is the shortest round trip") {
  CHECK(format_double(0.1 + 0.2) == "0.30000000000000004");
  CHECK(format_double(1234.56) == "1234.56");
  CHECK(format_double(-12.5) == "-12.5");
  CHECK(format_double(1e21) == "1e+21");
  for (double v : {M_PI, 1.0 / 3, 123456789.123456789, 5e-324, 1.7976931348623157e308}) {
    double back = std::strtod(format_double(v).c_str(), nullptr);
    CHECK(back == v);
  }
}
