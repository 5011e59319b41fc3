// Offline time zones (challenges/tz.h): the zone of a position walked in tz-lookup's quadtree exactly as its
// tz.js does (answers of tz.js 11.7.0 for the same points), and offsets from tzdata's transitions and POSIX
// rules: the US and EU DST dates, the US rule before 2007, the southern hemisphere, half- and
// quarter-hour zones, Iran's and Brazil's abolished summer times, years past the tables.
#include <doctest/doctest.h>

#include <string_view>

#include "challenges/common.h"
#include "challenges/tz.h"
#include "parsers/core/values.h"

using namespace sdw;
using namespace sdw::challenge;

namespace {
constexpr int64_t k_min_us = 60LL * 1000000;
}  // namespace

TEST_CASE("time zones: the zone of a position (tz-lookup's quadtree) and its offset (tzdata's rules)") {
  // answers of tz.js (npm @photostructure/tz-lookup 11.7.0) for the same points: the C++ walk is the same
  struct P {
    double lat, lon;
    const char* zone;
  };
  const P points[] = {{40.7128, -74.0060, "America/New_York"}, {48.8566, 2.3522, "Europe/Paris"}, {45.5017, -73.5673, "America/Toronto"},
                      {46.1580, -1.1530, "Europe/Paris"},      {51.5074, -0.1278, "Europe/London"}, {35.6762, 139.6503, "Asia/Tokyo"},
                      {-33.8688, 151.2093, "Australia/Sydney"}, {27.7172, 85.3240, "Asia/Kathmandu"}, {35.6892, 51.3890, "Asia/Tehran"},
                      {-43.9500, -176.5600, "Pacific/Chatham"}, {19.4326, -99.1332, "America/Mexico_City"}, {-15.7939, -47.8828, "America/Sao_Paulo"},
                      {41.3874, 2.1686, "Europe/Madrid"},      {33.5731, -7.5898, "Africa/Casablanca"}, {64.1466, -21.9426, "Atlantic/Reykjavik"}};
  for (const P& p : points) {
    CAPTURE(p.zone);
    CHECK(zone_at(p.lat, p.lon) == p.zone);
  }
  CHECK(zone_at(91, 0).empty());
  CHECK(position_offset(0, 0, 0) == k_no_offset);   // (0, 0): a missing position, not the Gulf of Guinea

  auto utc = [](int y, int m, int d, int h, int mi) { return (int64_t(days_from_civil(y, unsigned(m), unsigned(d))) * 1440 + h * 60 + mi) * k_min_us; };
  // New York: EDT from 9 March 2025 07:00 UTC, EST from 2 November 2025 06:00 UTC
  CHECK(zone_offset("America/New_York", utc(2025, 3, 9, 6, 59)) == -300);
  CHECK(zone_offset("America/New_York", utc(2025, 3, 9, 7, 0)) == -240);
  CHECK(zone_offset("America/New_York", utc(2025, 11, 2, 5, 59)) == -240);
  CHECK(zone_offset("America/New_York", utc(2025, 11, 2, 6, 0)) == -300);
  CHECK(zone_offset("America/New_York", utc(2006, 4, 2, 7, 0)) == -240);   // before the 2007 US rule: first Sunday of April
  CHECK(zone_offset("America/New_York", utc(2006, 3, 20, 12, 0)) == -300);
  // Paris: the EU rule, 01:00 UTC on the last Sundays of March and October
  CHECK(zone_offset("Europe/Paris", utc(2025, 10, 26, 0, 59)) == 120);
  CHECK(zone_offset("Europe/Paris", utc(2025, 10, 26, 1, 0)) == 60);
  // southern hemisphere and odd offsets
  CHECK(zone_offset("Australia/Sydney", utc(2025, 1, 15, 0, 0)) == 660);
  CHECK(zone_offset("Australia/Sydney", utc(2025, 7, 15, 0, 0)) == 600);
  CHECK(zone_offset("Asia/Kathmandu", utc(2025, 7, 15, 0, 0)) == 345);
  CHECK(zone_offset("Pacific/Chatham", utc(2025, 1, 15, 0, 0)) == 825);
  CHECK(zone_offset("Asia/Tehran", utc(2021, 7, 15, 0, 0)) == 270);   // Iran's summer time, abolished in 2022
  CHECK(zone_offset("Asia/Tehran", utc(2023, 7, 15, 0, 0)) == 210);
  CHECK(zone_offset("America/Sao_Paulo", utc(2018, 1, 15, 12, 0)) == -120);   // Brazil's summer time, until 2019
  CHECK(zone_offset("America/Sao_Paulo", utc(2020, 1, 15, 12, 0)) == -180);
  CHECK(zone_offset("Nowhere/Atlantis", 0) == k_no_offset);
  // and for any year: the rule, not a table that ends
  CHECK(zone_offset("Europe/Paris", utc(2051, 7, 1, 12, 0)) == 120);
  CHECK(zone_offset("America/New_York", utc(2051, 1, 1, 12, 0)) == -300);
}
