// Local time from the data (issues #17 and #20): each record's hours are read at the offset its export wrote
// (Google on-device "-05:00" with startTimeTimezoneUtcOffsetMinutes, xAPI "-04:00", Apple Health "-0500"),
// and Europe/Paris (with its DST rules) only when none was written ("Z" is the instant in UTC, not a local
// offset). Generated files with known truth go through the real parsers, challenges/tables.cpp and the
// challenges: three weeks in New York across the US DST change (leaves home 08:10 New York time, not
// 14:10 or 13:10 Paris time), a Paris trace across the October DST change written with offsets and
// again in UTC ("Z": the offsets then come from the places' time zone), a pupil's exchange year in
// Montréal (xAPI: no positions, so without offsets Paris), and `workbench reveal --json` on the New York
// file. The zone lookup itself: tests/tz_test.cpp.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "challenges/learning.h"
#include "challenges/mobility.h"
#include "challenges/reveal.h"
#include "challenges/tables.h"
#include "challenges/tz.h"
#include "parsers/core/values.h"
#include "test_util.h"

using namespace sdw;
using namespace sdw::challenge;
using namespace sdw::test;
namespace fs = std::filesystem;

namespace {

constexpr int64_t k_min_us = 60LL * 1000000;

// A wall-clock time of local day `day` at `off` minutes east of UTC, as UTC µs.
int64_t at_local(int32_t day, int h, int m, int off) { return (int64_t(day) * 1440 + h * 60 + m - off) * k_min_us; }

// "2025-03-03T08:10:00.000-05:00" (the on-device export's way), or "…Z" when `zulu`.
std::string iso(int64_t utc_us, int off, bool zulu = false) {
  const int64_t local_min = utc_us / k_min_us + (zulu ? 0 : off);
  const int32_t day = int32_t(local_min / 1440 - (local_min % 1440 < 0));
  const int64_t mod = local_min - int64_t(day) * 1440;
  int64_t y;
  unsigned mo, d;
  civil_from_days(day, y, mo, d);
  char b[64];
  if (zulu) std::snprintf(b, sizeof b, "%04lld-%02u-%02uT%02d:%02d:00.000Z", (long long)y, mo, d, int(mod / 60), int(mod % 60));
  else std::snprintf(b, sizeof b, "%04lld-%02u-%02uT%02d:%02d:00.000%c%02d:%02d", (long long)y, mo, d, int(mod / 60), int(mod % 60),
                     off < 0 ? '-' : '+', std::abs(off) / 60, std::abs(off) % 60);
  return b;
}

// An Android on-device export (Timeline.json, "semanticSegments") of visits, as the phone writes it: local
// times with their offset, and the offset again in *TimezoneUtcOffsetMinutes. With `zulu`, the same instants
// written in UTC without those fields (what a converter or an older export gives).
struct Stay {
  int64_t s, e;
  int off_s, off_e;
  double lat, lon;
};
std::string android_export(const std::vector<Stay>& visits, bool zulu = false) {
  std::string out = "{\n  \"semanticSegments\": [\n";
  for (size_t i = 0; i < visits.size(); ++i) {
    const Stay& v = visits[i];
    char ll[64];
    std::snprintf(ll, sizeof ll, "%.7f°, %.7f°", v.lat, v.lon);
    out += std::string(i ? ",\n" : "") + "    {\"startTime\": \"" + iso(v.s, v.off_s, zulu) + "\", \"endTime\": \"" + iso(v.e, v.off_e, zulu) + "\", ";
    if (!zulu)
      out += "\"startTimeTimezoneUtcOffsetMinutes\": " + std::to_string(v.off_s) + ", \"endTimeTimezoneUtcOffsetMinutes\": " +
             std::to_string(v.off_e) + ", ";
    out += "\"visit\": {\"hierarchyLevel\": 0, \"probability\": 0.9, \"topCandidate\": {\"placeId\": \"ChIJ" + std::to_string(int(v.lat * 1000)) +
           "\", \"semanticType\": \"UNKNOWN\", \"probability\": 0.9, \"placeLocation\": {\"latLng\": \"" + ll + "\"}}}}";
  }
  return out + "\n  ]\n}\n";
}

// A commuter's weeks: on weekdays home until 08:10, at work 08:40-17:20, home again from 17:50; weekends at
// home. `off_of(day)` is the place's UTC offset on that local day (the switch happens at night).
template <class Off>
std::vector<Stay> commuter(int32_t first, int32_t days, double hlat, double hlon, double wlat, double wlon, Off off_of) {
  std::vector<Stay> v;
  int32_t since_day = first - 1;
  int since_h = 17, since_m = 50;
  for (int32_t d = first; d < first + days; ++d) {
    if (weekday_of(d) >= 5) continue;
    v.push_back({at_local(since_day, since_h, since_m, off_of(since_day)), at_local(d, 8, 10, off_of(d)), off_of(since_day), off_of(d), hlat, hlon});
    v.push_back({at_local(d, 8, 40, off_of(d)), at_local(d, 17, 20, off_of(d)), off_of(d), off_of(d), wlat, wlon});
    since_day = d;
  }
  const int32_t end = first + days;
  v.push_back({at_local(since_day, since_h, since_m, off_of(since_day)), at_local(end, 7, 0, off_of(end)), off_of(since_day), off_of(end), hlat, hlon});
  return v;
}

RevealResult reveal_of(const std::string& doc, const std::string& name) {
  Parsed p = parse_session(doc, name);
  REQUIRE(p.format == "google_android");
  const std::vector<int32_t> src(p.tables.size(), 0);
  RevealColumns c = collect_reveal(p.tables, src);
  std::vector<SourceDesc> sources = {{name, "google_android", {"visits"}, {"ts_start", "lat", "lon"}, 0}};
  return reveal(c.input(sources));
}
const Inference* kind_of(const RevealResult& r, const std::string& kind) {
  for (const Inference& x : r.inferences)
    if (x.kind == kind) return &x;
  return nullptr;
}
int64_t count_of(const Inference& x, const std::string& name) {
  for (const RevealCount& c : x.evidence.counts)
    if (c.name == name) return c.value;
  return -1;
}

// New York: EST (-05:00) until Sunday 9 March 2025 02:00, EDT (-04:00) after.
const int32_t k_ny_first = int32_t(days_from_civil(2025, 3, 3));   // a Monday
const int32_t k_us_dst = int32_t(days_from_civil(2025, 3, 9));
int ny_off(int32_t day) { return day >= k_us_dst ? -240 : -300; }
constexpr double NY_HOME_LAT = 40.6782, NY_HOME_LON = -73.9442, NY_WORK_LAT = 40.7580, NY_WORK_LON = -73.9855;

std::vector<Stay> new_york_weeks() { return commuter(k_ny_first, 21, NY_HOME_LAT, NY_HOME_LON, NY_WORK_LAT, NY_WORK_LON, ny_off); }

}  // namespace

TEST_CASE("local time: \"Z\" is the instant in UTC, not a local offset; written offsets are kept") {
  DateTime dt;
  REQUIRE(parse_datetime("2025-03-10T12:10:00Z", LocalZone::Paris, dt));
  CHECK(dt.offset_min == 0);
  CHECK(dt.utc_designator);
  CHECK(dt.local_offset() == k_unknown_offset);
  REQUIRE(parse_datetime("2025-03-10T08:10:00-04:00", LocalZone::Paris, dt));
  CHECK(dt.local_offset() == -240);
  REQUIRE(parse_datetime("2024-03-10 08:12:00 -0500", LocalZone::Paris, dt));   // Apple Health's way
  CHECK(dt.local_offset() == -300);
  REQUIRE(parse_datetime("2025-01-10T08:10:00+00:00", LocalZone::Paris, dt));   // London in winter: a real offset
  CHECK(dt.local_offset() == 0);
  CHECK_FALSE(dt.utc_designator);

  // the helpers: the written offset, else Europe/Paris with its DST (CET in January, CEST in July)
  const int64_t jan = at_local(int32_t(days_from_civil(2025, 1, 15)), 12, 0, 0), jul = at_local(int32_t(days_from_civil(2025, 7, 15)), 12, 0, 0);
  CHECK(local_time(jan, k_no_offset).hour == 13);
  CHECK(local_time(jul, k_no_offset).hour == 14);
  CHECK(local_time(jan, -300).hour == 7);
  CHECK(local_time(jan, 330).minute == 17 * 60 + 30);   // India, +05:30
  CHECK(local_time(at_local(int32_t(days_from_civil(2025, 1, 15)), 23, 0, 0), -300).day == int32_t(days_from_civil(2025, 1, 15)));
  CHECK(local_time(at_local(int32_t(days_from_civil(2025, 1, 15)), 23, 0, 0), k_no_offset).day == int32_t(days_from_civil(2025, 1, 16)));
}

TEST_CASE("local time: the parsers keep the export's local offsets and drop \"Z\"") {
  // Android on-device: both offsets written
  const std::vector<Stay> v = {{at_local(k_us_dst - 1, 20, 0, -300), at_local(k_us_dst, 8, 10, -240), -300, -240, NY_HOME_LAT, NY_HOME_LON}};
  Parsed p = parse_session(android_export(v), "Timeline.json");
  const Table* visits = nullptr;
  for (const Table& t : p.tables)
    if (t.domain == "visits") visits = &t;
  REQUIRE(visits);
  const Column* s = nullptr;
  const Column* e = nullptr;
  for (const Column& c : visits->columns) {
    if (c.name == "ts_start") s = &c;
    if (c.name == "ts_end") e = &c;
  }
  REQUIRE((s && e));
  CHECK(s->utc_offset_min[0] == -300);
  CHECK(e->utc_offset_min[0] == -240);
  // the same instants in UTC: no local offset
  Parsed z = parse_session(android_export(v, true), "Timeline.json");
  for (const Table& t : z.tables)
    if (t.domain == "visits")
      for (const Column& c : t.columns)
        if (c.name == "ts_start") {
          CHECK(c.i64[0] == v[0].s);
          CHECK(c.utc_offset_min[0] == k_unknown_offset);
        }
  // xAPI with an offset, and one with "Z"
  const std::string st = R"([{"actor":{"name":"A","mbox":"mailto:a@x.fr"},"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},)"
                         R"("object":{"id":"https://x.fr/a"},"timestamp":"2024-11-04T17:00:00-05:00"},)"
                         R"({"actor":{"name":"A","mbox":"mailto:a@x.fr"},"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},)"
                         R"("object":{"id":"https://x.fr/a"},"timestamp":"2024-11-04T22:00:00Z"}])";
  Parsed x = parse_session(st, "statements.json");
  REQUIRE(x.format == "xapi");
  LearningColumns lc = collect_learning(x.tables);
  REQUIRE(lc.ts_off.size() == 2);
  CHECK(lc.ts_off[0] == -300);
  CHECK(lc.ts_off[1] == k_no_offset);
  CHECK(lc.ts_us[0] == lc.ts_us[1]);   // the same instant
}

TEST_CASE("local time: three weeks in New York across the US DST change give New York hours") {
  const std::vector<Stay> weeks = new_york_weeks();
  const RevealResult r = reveal_of(android_export(weeks), "Timeline.json");
  REQUIRE(r.home.found);
  CHECK(std::abs(r.home.lat - NY_HOME_LAT) < 0.001);
  CHECK(std::abs(r.home.lon - NY_HOME_LON) < 0.001);
  REQUIRE(r.work.found);
  CHECK(std::abs(r.work.lat - NY_WORK_LAT) < 0.001);
  const Inference* home = kind_of(r, "home");
  REQUIRE(home);
  CHECK(count_of(*home, "nights_at_home") == 22);   // every night from Sunday 2 to Sunday 23 March, 22:00-06:00 New York time
  CHECK(home->evidence.en.find("each position's local time") != std::string::npos);
  CHECK(count_of(*home, "offsets_written") == int64_t(2 * weeks.size()));   // both ends of every visit
  CHECK(count_of(*home, "offsets_from_time_zone") == 0);
  const Inference* s = kind_of(r, "schedule");
  REQUIRE(s);
  CHECK(count_of(*s, "working_days") == 15);
  CHECK(count_of(*s, "leave_home_min") == 8 * 60 + 10);     // 08:10 New York, before and after the change
  CHECK(count_of(*s, "arrive_work_min") == 8 * 60 + 40);
  CHECK(count_of(*s, "leave_work_min") == 17 * 60 + 20);
  CHECK(count_of(*s, "back_home_min") == 17 * 60 + 50);
  CHECK(count_of(*s, "days_at_work_Monday") == 3);
  CHECK(count_of(*s, "days_at_work_Saturday") == 0);
  CHECK(s->text_en.find("leaves home around 8:10") != std::string::npos);
  // every departure at 8:10: one time, not "between 8:10 and 8:10"
  CHECK(s->evidence.en.find("at least half of the departures fall at 8:10.") != std::string::npos);
  CHECK(s->evidence.fr.find("la moitié des départs au moins tombe à 8 h 10.") != std::string::npos);

  // the same file written in UTC ("Z", no offsets): the offsets come from the places' time zone
  // (America/New_York, challenges/tz.h), so the same New York hours
  const RevealResult z = reveal_of(android_export(weeks, true), "Timeline.json");
  const Inference* sz = kind_of(z, "schedule");
  REQUIRE(sz);
  CHECK(count_of(*sz, "leave_home_min") == 8 * 60 + 10);
  CHECK(count_of(*sz, "back_home_min") == 17 * 60 + 50);
  CHECK(count_of(*kind_of(z, "home"), "offsets_written") == 0);
  CHECK(count_of(*kind_of(z, "home"), "offsets_from_time_zone") == int64_t(2 * weeks.size()));

  // without offsets nor usable positions' zones (Paris is the default), the hours would be Paris's: 14:10
  // (CET, first week) or 13:10 (the two weeks the US is on summer time and France not yet), median 13:10.
  // Shown with the core alone, positions stripped of their zone by giving Paris offsets explicitly.
  Parsed p = parse_session(android_export(weeks, true), "Timeline.json");
  RevealColumns c = collect_reveal(p.tables, std::vector<int32_t>(p.tables.size(), 0));
  for (size_t i = 0; i < c.visit_start_us.size(); ++i) {
    c.visit_start_off[i] = int16_t(offset_or_paris(c.visit_start_us[i], k_no_offset));
    c.visit_end_off[i] = int16_t(offset_or_paris(c.visit_end_us[i], k_no_offset));
  }
  std::vector<SourceDesc> sources = {{"Timeline.json", "google_android", {"visits"}, {"ts_start", "lat", "lon"}, 0}};
  const Inference* sp = kind_of(reveal(c.input(sources)), "schedule");
  REQUIRE(sp);
  CHECK(count_of(*sp, "leave_home_min") == 13 * 60 + 10);
}

TEST_CASE("local time: a Paris trace across the October DST change, with offsets and in UTC, gives Paris hours") {
  // Lyon, 13 October - 2 November 2025; CEST (+02:00) until Sunday 26 October 03:00, CET (+01:00) after
  const int32_t first = int32_t(days_from_civil(2025, 10, 13)), switch_day = int32_t(days_from_civil(2025, 10, 26));
  auto paris = [&](int32_t d) { return d >= switch_day ? 60 : 120; };
  const std::vector<Stay> weeks = commuter(first, 21, 45.7640, 4.8357, 45.7800, 4.8700, paris);
  for (bool zulu : {false, true}) {
    CAPTURE(zulu);
    const RevealResult r = reveal_of(android_export(weeks, zulu), "Timeline.json");
    const Inference* s = kind_of(r, "schedule");
    REQUIRE(s);
    CHECK(count_of(*s, "working_days") == 15);
    CHECK(count_of(*s, "leave_home_min") == 8 * 60 + 10);
    CHECK(count_of(*s, "back_home_min") == 17 * 60 + 50);
    const Inference* h = kind_of(r, "home");
    REQUIRE(h);
    CHECK(count_of(*h, "nights_at_home") == 22);   // Sunday 12 to Sunday 2 November
    CHECK(count_of(*h, "offsets_written") == (zulu ? 0 : int64_t(2 * weeks.size())));
    CHECK(count_of(*h, "offsets_from_time_zone") == (zulu ? int64_t(2 * weeks.size()) : 0));   // Lyon: Europe/Paris
  }
}

TEST_CASE("local time: a pupil's exchange year in Montréal (xAPI with offsets) is read in Montréal hours") {
  // school days from Tuesday 3 September 2024 to Friday 27 June 2025; homework 17:00-18:30 Montréal time
  // (EDT -04:00 until 3 November, EST -05:00 until 9 March, EDT after), statements every 30 minutes or less
  const int32_t first = int32_t(days_from_civil(2024, 9, 3)), last = int32_t(days_from_civil(2025, 6, 27));
  const int32_t est0 = int32_t(days_from_civil(2024, 11, 3)), est1 = int32_t(days_from_civil(2025, 3, 9));
  auto mtl = [&](int32_t d) { return d >= est0 && d < est1 ? -300 : -240; };
  int64_t n = 0, days = 0;
  auto statements = [&](bool zulu) {   // "2024-09-03T17:00:00-04:00", or the same instant as "2024-09-03T21:00:00Z"
    std::string doc = "[";
    n = days = 0;
    for (int32_t d = first; d <= last; ++d) {
      if (weekday_of(d) >= 5) continue;
      ++days;
      for (int m : {0, 20, 40, 60, 80}) {
        const std::string t = iso(at_local(d, 17, m, mtl(d)), mtl(d), zulu);
        doc += std::string(n++ ? "," : "") + R"({"actor":{"name":"Léa Martin","mbox":"mailto:lea@college.fr"},)"
               R"("verb":{"id":"http://adlnet.gov/expapi/verbs/experienced","display":{"en-US":"experienced"}},)"
               R"("object":{"id":"https://college.fr/maths/)" + std::to_string(m) + R"(","definition":{"name":{"en-US":"Exercise"}}},)"
               R"("context":{"contextActivities":{"grouping":[{"id":"https://college.fr/maths","definition":{"name":{"en-US":"Maths"}}}]}},)"
               R"("timestamp":")" + t.substr(0, 19) + t.substr(23) + "\"}";
      }
    }
    return doc + "]";
  };
  const std::string doc = statements(false);
  Parsed p = parse_session(doc, "statements.json");
  REQUIRE(p.format == "xapi");
  LearningColumns lc = collect_learning(p.tables);
  REQUIRE(int64_t(lc.ts_us.size()) == n);
  const LearningResult lr = learning_summary(lc.view(), {});
  CHECK(int64_t(lr.sessions.size()) == days);
  CHECK(int64_t(lr.days.size()) == days);   // one local day per school day (in Paris time 18:20 EST is past midnight)
  for (const LearningDay& d : lr.days) CHECK(weekday_of(d.day) < 5);
  for (const LearningSession& s : lr.sessions) CHECK(local_time(s.start_us, s.start_off).hour == 17);

  const std::vector<int32_t> src(p.tables.size(), 0);
  RevealColumns c = collect_reveal(p.tables, src);
  std::vector<SourceDesc> sources = {{"statements.json", "xapi", {"learning_statements"}, {"ts", "actor"}, 0}};
  const RevealResult r = reveal(c.input(sources));
  const Inference* x = kind_of(r, "learning_time");
  REQUIRE(x);
  // the busiest three-hour window of session starts holds 17:00 (every session starts then, Montréal time)
  auto window_holds = [](const Inference& i, int h) { return (h - count_of(i, "start_hour") + 24) % 24 < 3; };
  CHECK(window_holds(*x, 17));
  CHECK_FALSE(window_holds(*x, 23));
  CHECK(count_of(*x, "start_hour") == 17);   // "between 17:00 and 20:00", the window starting at the first busy hour
  CHECK(x->text_en.find("between 17:00 and 20:00") != std::string::npos);
  CHECK(count_of(*x, "late_sessions") == 0);
  CHECK(r.sources[0].first_day == first);
  CHECK(r.sources[0].last_day == last);

  // without the offsets (the same instants in UTC), the evenings fall at 22:00-23:00 Paris time
  const std::string z = statements(true);
  REQUIRE(z.find("-05:00") == std::string::npos);
  REQUIRE(z.find(":00Z\"") != std::string::npos);
  Parsed pz = parse_session(z, "statements.json");
  RevealColumns cz = collect_reveal(pz.tables, src);
  const RevealResult rz = reveal(cz.input(sources));
  const Inference* xz = kind_of(rz, "learning_time");
  REQUIRE(xz);
  CHECK(window_holds(*xz, 22));   // 17:00 EDT/EST is 23:00 in Paris, 22:00 in the weeks the clocks change apart
  CHECK(window_holds(*xz, 23));
  CHECK_FALSE(window_holds(*xz, 17));
  CHECK(count_of(*xz, "late_sessions") == days);
}

TEST_CASE("local time: mobility and the footprint count a trip or an event on its local day") {
  // a trip at 21:30 on Monday 3 March 2025 in New York is 03:30 on Tuesday in Paris
  const int64_t t = at_local(k_ny_first, 21, 30, -300);
  const std::vector<int64_t> ts = {t};
  const std::vector<double> dist = {5000}, dur = {900};
  const std::vector<std::string_view> mode = {"car"};
  const std::vector<int16_t> off = {-300}, none = {k_no_offset};
  TripsView v{ts, dist, dur, mode, {}, {}, {}, off};
  const MobilityResult m = mobility_summary(v);
  REQUIRE(m.trips.size() == 1);
  CHECK(m.trips[0].day == k_ny_first);
  v.ts_start_off = none;
  CHECK(mobility_summary(v).trips[0].day == k_ny_first + 1);

  const std::vector<std::string_view> plat = {"Spotify"}, kind = {"listen"};
  const FootprintResult f = footprint_summary(ActivityView{ts, plat, kind, off});
  CHECK(f.by_hour[21] == 1);
  CHECK(f.by_weekday[0] == 1);
  const FootprintResult fp = footprint_summary(ActivityView{ts, plat, kind, none});
  CHECK(fp.by_hour[3] == 1);
  CHECK(fp.by_weekday[1] == 1);
}

TEST_CASE("local time: `workbench reveal --json` on the New York export shows New York hours") {
  const fs::path dir = fs::temp_directory_path() / ("sdw_local_time_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / "Timeline.json";
  std::ofstream(file, std::ios::binary) << android_export(new_york_weeks());
  const std::string out = sdw::test::run_workbench("reveal --json --lang en \"" + file.string() + "\"");
  fs::remove_all(dir);
  const nlohmann::json j = nlohmann::json::parse(out);
  const nlohmann::json* s = nullptr;
  for (const auto& x : j["inferences"])
    if (x["kind"] == "schedule") s = &x;
  REQUIRE(s);
  INFO(s->dump());
  CHECK((*s)["evidence"]["counts"]["leave_home_min"] == 8 * 60 + 10);
  CHECK((*s)["evidence"]["counts"]["back_home_min"] == 17 * 60 + 50);
  CHECK((*s)["text_en"].get<std::string>().find("leaves home around 8:10") != std::string::npos);
}

TEST_CASE("local time: plays written in UTC take the offset of the positions at the time (a New York stay)") {
  // the New York weeks, and listening every 20 minutes from 07:00 to 21:40 New York time, in UTC ("Z", as
  // Spotify writes it): the plays get New York's offset from the visits around them, so the quiet hours
  // (sleep) are 22:00-07:00 there; read in Paris time they would fall in the Paris afternoon and night
  const std::vector<Stay> weeks = new_york_weeks();
  Parsed p = parse_session(android_export(weeks), "Timeline.json");
  RevealColumns c = collect_reveal(p.tables, std::vector<int32_t>(p.tables.size(), 0));
  for (int32_t d = k_ny_first - 1; d < k_ny_first + 21; ++d)
    for (int m = 7 * 60; m < 22 * 60; m += 20) {
      c.activity.ts_us.push_back(at_local(d, m / 60, m % 60, ny_off(d)));
      c.activity.ts_off.push_back(k_no_offset);   // "Z"
      c.activity.platform.text.push_back("Spotify");
      c.activity.kind.text.push_back("listen");
      c.activity_source.push_back(1);
    }
  c.activity.platform.finish();
  c.activity.kind.finish();
  std::vector<SourceDesc> sources = {{"Timeline.json", "google_android", {"visits"}, {"ts_start", "lat", "lon"}, 0},
                                     {"StreamingHistory_music_0.json", "spotify", {"activity"}, {"ts", "platform"}, 0}};
  const RevealResult r = reveal(c.input(sources));
  const Inference* s = kind_of(r, "sleep");
  REQUIRE(s);
  CHECK(count_of(*s, "start_hour") == 22);
  CHECK(count_of(*s, "end_hour") == 7);
  CHECK(count_of(*s, "events_at_local_offset") == count_of(*s, "events"));
  CHECK(kind_of(r, "night_use") == nullptr);   // nothing after 21:40 New York time

  // the same plays alone (no positions): Paris time, 13:00-03:40 (12:00-02:40 in the weeks the US is on
  // summer time and France not yet): late-night use, and no 22:00-07:00 sleep
  RevealColumns alone;
  alone.activity = c.activity;
  alone.activity.platform.finish();
  alone.activity.kind.finish();
  alone.activity_source = c.activity_source;
  const RevealResult ra = reveal(alone.input(sources));
  if (const Inference* sa = kind_of(ra, "sleep")) CHECK(count_of(*sa, "start_hour") != 22);
  REQUIRE(kind_of(ra, "night_use"));
  CHECK(count_of(*kind_of(ra, "night_use"), "late_nights") >= 20);
}
