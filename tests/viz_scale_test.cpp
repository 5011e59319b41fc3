// viz/scale: nice linear ticks, value formatting, Europe/Paris time ticks across DST, label thinning.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "parsers/core/values.h"
#include "viz/scale.h"

using namespace sdw;

namespace {
double utc(int y, unsigned m, unsigned d, int h = 0, int mi = 0) {
  return double(days_from_civil(y, m, d) * 86400 + h * 3600 + mi * 60);
}
std::vector<double> instants(const std::vector<TimeTick>& t) {
  std::vector<double> v;
  for (const auto& x : t) v.push_back(x.t);
  return v;
}
std::vector<std::string> labels(const std::vector<TimeTick>& t) {
  std::vector<std::string> v;
  for (const auto& x : t) v.push_back(x.label);
  return v;
}
}  // namespace

TEST_CASE("viz scale: nice steps are 1, 2 or 5 times a power of ten") {
  CHECK(nice_step(10, 5) == doctest::Approx(2));
  CHECK(nice_step(1, 5) == doctest::Approx(0.2));
  CHECK(nice_step(1000, 5) == doctest::Approx(200));
  CHECK(nice_step(7, 5) == doctest::Approx(1));
  CHECK(nice_step(0.7, 5) == doctest::Approx(0.1));
  CHECK(nice_step(37, 5) == doctest::Approx(5));
  CHECK(decimals_for_step(0.2) == 1);
  CHECK(decimals_for_step(0.05) == 2);
  CHECK(decimals_for_step(5) == 0);
}

TEST_CASE("viz scale: linear ticks inside the domain, no negative zero") {
  auto t = linear_ticks(0.3, 9.7, 5);
  CHECK(t.step == doctest::Approx(2));
  REQUIRE(t.values.size() == 4);
  CHECK(t.values[0] == doctest::Approx(2));
  CHECK(t.values[3] == doctest::Approx(8));
  auto s = linear_ticks(-1, 1, 4);
  CHECK(s.step == doctest::Approx(0.5));
  CHECK(s.decimals == 1);
  REQUIRE(s.values.size() == 5);
  CHECK(s.values[2] == 0.0);
  CHECK(!std::signbit(s.values[2]));
  auto flat = linear_ticks(3, 3, 5);   // a flat series still gets ticks around it
  CHECK(flat.values.size() >= 2);
  double lo = 0.3, hi = 9.7;
  nice_domain(lo, hi, 5);
  CHECK(lo == doctest::Approx(0));
  CHECK(hi == doctest::Approx(10));
}

TEST_CASE("viz scale: values with units in French and English typography") {
  CHECK(format_value(Lang::Fr, 1234.5, 1, "kWh") == "1\u202F234,5\u00A0kWh");
  CHECK(format_value(Lang::En, 1234.5, 1, "kWh") == "1,234.5 kWh");
  CHECK(format_value(Lang::Fr, 12, 0) == "12");
  CHECK(format_tick(Lang::Fr, 2500000, 500000) == "2,5\u00A0M");
  CHECK(format_tick(Lang::En, 2500000, 500000) == "2.5M");
  CHECK(format_tick(Lang::Fr, 1500, 500) == "1\u202F500");
  CHECK(format_tick(Lang::En, 0.25, 0.05) == "0.25");
}

TEST_CASE("viz scale: step choice follows span and width, from years down to seconds") {
  auto s = choose_time_step(365 * 86400.0, 1200);
  CHECK(s.unit == TimeUnit::Month);
  CHECK(s.count == 1);
  s = choose_time_step(3600, 1200);
  CHECK(s.unit == TimeUnit::Minute);
  CHECK(s.count == 5);
  s = choose_time_step(10 * 365 * 86400.0, 800);
  CHECK(s.unit == TimeUnit::Year);
  s = choose_time_step(2 * 86400.0, 1000);
  CHECK(s.unit == TimeUnit::Hour);      // two days on 1000 px: every 6 hours, dates at midnight
  CHECK(s.count == 6);
  s = choose_time_step(8 * 86400.0, 1000);
  CHECK(s.unit == TimeUnit::Day);       // "lun. 27 mars" needs about 100 px
  CHECK(s.count == 1);
  s = choose_time_step(60, 1000);
  CHECK(s.unit == TimeUnit::Second);
  s = choose_time_step(31 * 86400.0, 1000);
  CHECK(s.unit == TimeUnit::Week);
  s = choose_time_step(500 * 365 * 86400.0, 800);
  CHECK(s.unit == TimeUnit::Year);
  CHECK(s.count == 50);
}

TEST_CASE("viz scale: day ticks sit at Paris midnight across the spring DST change (2023-03-26)") {
  auto t = time_ticks(utc(2023, 3, 24, 12), utc(2023, 3, 28, 12), TimeStep{TimeUnit::Day, 1}, Lang::Fr);
  REQUIRE(t.size() == 4);
  CHECK(instants(t) == std::vector<double>{utc(2023, 3, 24, 23), utc(2023, 3, 25, 23), utc(2023, 3, 26, 22),
                                           utc(2023, 3, 27, 22)});
  CHECK(labels(t) == std::vector<std::string>{"sam. 25 mars", "dim. 26 mars", "lun. 27 mars", "mar. 28 mars"});
  auto en = time_ticks(utc(2023, 3, 24, 12), utc(2023, 3, 28, 12), TimeStep{TimeUnit::Day, 1}, Lang::En);
  CHECK(en[2].label == "Mon 27 Mar");
}

TEST_CASE("viz scale: day ticks across the autumn DST change (2023-10-29)") {
  auto t = time_ticks(utc(2023, 10, 27, 12), utc(2023, 10, 30, 12), TimeStep{TimeUnit::Day, 1}, Lang::Fr);
  CHECK(instants(t) == std::vector<double>{utc(2023, 10, 27, 22), utc(2023, 10, 28, 22), utc(2023, 10, 29, 23)});
  CHECK(labels(t) == std::vector<std::string>{"sam. 28 oct.", "dim. 29 oct.", "lun. 30 oct."});
}

TEST_CASE("viz scale: hour ticks follow the Paris clock: 02:00 twice in October, never in March") {
  auto a = time_ticks(utc(2023, 10, 28, 23), utc(2023, 10, 29, 3), TimeStep{TimeUnit::Hour, 1}, Lang::Fr);
  CHECK(labels(a) == std::vector<std::string>{"01:00", "02:00", "02:00", "03:00", "04:00"});
  auto s = time_ticks(utc(2023, 3, 26, 0), utc(2023, 3, 26, 3), TimeStep{TimeUnit::Hour, 1}, Lang::Fr);
  CHECK(labels(s) == std::vector<std::string>{"01:00", "03:00", "04:00", "05:00"});
  // every 6 hours on the spring day: local 00, 06, 12, 18; midnight is labelled with the date
  auto six = time_ticks(utc(2023, 3, 25, 22), utc(2023, 3, 26, 20), TimeStep{TimeUnit::Hour, 6}, Lang::Fr);
  CHECK(instants(six) == std::vector<double>{utc(2023, 3, 25, 23), utc(2023, 3, 26, 4), utc(2023, 3, 26, 10),
                                             utc(2023, 3, 26, 16)});
  CHECK(six[0].label == "dim. 26 mars");
  CHECK(six[0].major);
  CHECK(six[1].label == "06:00");
}

TEST_CASE("viz scale: month ticks at local midnight of the 1st, the year on January") {
  auto t = time_ticks(utc(2022, 12, 31, 22), utc(2023, 12, 31, 22), TimeStep{TimeUnit::Month, 1}, Lang::Fr);
  REQUIRE(t.size() == 12);
  CHECK(t[0].t == utc(2022, 12, 31, 23));
  CHECK(t[0].label == "2023");
  CHECK(t[0].major);
  CHECK(t[1].label == "févr.");
  CHECK(t[3].t == utc(2023, 3, 31, 22));   // 1 April 00:00 CEST
  CHECK(t[3].label == "avr.");
  CHECK(t[7].label == "août");
  CHECK(t[11].label == "déc.");
  auto q = time_ticks(utc(2023, 1, 1), utc(2024, 12, 31), TimeStep{TimeUnit::Month, 3}, Lang::En);
  CHECK(labels(q) == std::vector<std::string>{"Apr", "Jul", "Oct", "2024", "Apr", "Jul", "Oct"});
}

TEST_CASE("viz scale: week ticks on Mondays, minute ticks, year ticks") {
  auto w = time_ticks(utc(2023, 3, 20), utc(2023, 4, 20), TimeStep{TimeUnit::Week, 1}, Lang::Fr);
  REQUIRE(w.size() == 4);
  CHECK(w[0].t == utc(2023, 3, 26, 22));   // Monday 27 March 00:00 CEST
  CHECK(w[0].label == "27 mars");
  CHECK(w[1].label == "3 avr.");
  CHECK(w[1].major);                       // first Monday of April
  auto m = time_ticks(utc(2023, 6, 1, 10, 0), utc(2023, 6, 1, 10, 30), TimeStep{TimeUnit::Minute, 15}, Lang::Fr);
  CHECK(labels(m) == std::vector<std::string>{"12:00", "12:15", "12:30"});
  auto y = time_ticks(utc(2011, 6, 1), utc(2023, 6, 1), TimeStep{TimeUnit::Year, 5}, Lang::Fr);
  CHECK(labels(y) == std::vector<std::string>{"2015", "2020"});
  CHECK(y[0].t == utc(2014, 12, 31, 23));
}

TEST_CASE("viz scale: automatic ticks never exceed what the width can hold") {
  for (double span : {60.0, 3600.0, 86400.0, 7 * 86400.0, 90 * 86400.0, 3 * 365 * 86400.0}) {
    for (double width : {300.0, 800.0, 1600.0}) {
      auto t = time_ticks(utc(2023, 1, 1), utc(2023, 1, 1) + span, width, Lang::Fr);
      CAPTURE(span);
      CAPTURE(width);
      CHECK(t.size() >= 2);
      CHECK(double(t.size()) <= width / 30 + 2);
    }
  }
}

TEST_CASE("viz scale: tooltip date-time in local time") {
  CHECK(format_local_datetime(Lang::Fr, utc(2023, 3, 27, 12, 30)) == "lun. 27 mars 2023 14:30");
  CHECK(format_local_datetime(Lang::En, utc(2023, 1, 2, 12, 30)) == "Mon 2 Jan 2023 13:30");
  CHECK(format_local_date(Lang::Fr, days_from_civil(2023, 8, 15)) == "mar. 15 août 2023");
  auto lt = paris_local_time(utc(2023, 10, 29, 0, 30));   // 02:30 CEST, first pass
  CHECK(lt.hour == 2);
  CHECK(lt.offset_minutes == 120);
  CHECK(paris_local_time(utc(2023, 10, 29, 1, 30)).offset_minutes == 60);
}

TEST_CASE("viz scale: label thinning drops overlaps, keeps priorities") {
  std::vector<double> c{0, 10, 20, 30}, w{15, 15, 15, 15};
  auto keep = thin_labels(c, w, 0);
  CHECK(keep == std::vector<uint8_t>{1, 0, 1, 0});
  std::vector<uint8_t> prio{0, 1, 0, 0};
  keep = thin_labels(c, w, 0, prio);
  CHECK(keep == std::vector<uint8_t>{0, 1, 0, 1});
  std::vector<double> far{0, 100, 200};
  std::vector<double> fw{20, 20, 20};
  CHECK(thin_labels(far, fw, 4) == std::vector<uint8_t>{1, 1, 1});
}
