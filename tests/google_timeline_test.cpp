// Google location history (parsers/formats/google/) on fixtures made by tests/data/google/make_fixtures.py:
// detection of every shape, exact values (E7, durations across DST, modes, distances, iOS "geo:" and
// Android "°" strings), warnings with record indexes, truncation, chunk-size invariance, and the dedup keys
// across shapes in a Takeout-like ZIP.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <set>

#include "parsers/formats/google/google.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

const size_t k_chunks[] = {1, 2, 3, 7, 64, 4096};

Parsed fixture(const std::string& rel, size_t chunk = 0) {
  const size_t slash = rel.find_last_of('/');
  return parse_session(read_fixture("google/" + rel), slash == std::string::npos ? rel : rel.substr(slash + 1), chunk);
}

const Table& table(const Parsed& p, const std::string& domain) {
  for (const Table& t : p.tables)
    if (t.domain == domain) return t;
  FAIL("no table of domain " << domain);
  return p.tables[0];
}

const Column& column(const Table& t, const std::string& name) {
  for (const Column& c : t.columns)
    if (c.name == name) return c;
  FAIL("no column " << name << " in " << t.name);
  return t.columns[0];
}

std::string text(const Table& t, const std::string& name, size_t row) { return column(t, name).value_text(row); }
double num(const Table& t, const std::string& name, size_t row) { return column(t, name).f64.at(row); }

const Message* find_warning(const Diagnostics& d, const std::string& code) {
  for (const Message& m : d.warnings)
    if (m.code == code) return &m;
  return nullptr;
}

// every domain table: the domain's own columns first, provenance last (parsers/core/domains.h)
void check_layout(const Table& t) {
  REQUIRE(t.columns.size() >= 3);
  const size_t n = t.columns.size();
  CHECK(t.columns[n - 3].name == "_file");
  CHECK(t.columns[n - 2].name == "_entry");
  CHECK(t.columns[n - 1].name == "_record");
  CHECK(t.columns[n - 1].type == ColumnType::Int64);
  for (const Column& c : t.columns) CHECK_MESSAGE(c.size() == t.rows(), t.name << "." << c.name);
}

}  // namespace

// [SECTION] helpers

TEST_CASE("google: lat/lng strings of iOS and Android") {
  struct Case { const char* s; bool ok; double lat, lon; };
  const Case cases[] = {
      {"46.1580419°, -1.1530201°", true, 46.1580419, -1.1530201},
      {"46.158°,-1.153°", true, 46.158, -1.153},
      {"geo:46.158042,-1.153020", true, 46.158042, -1.15302},
      {" geo:-33.4489,-70.6693 ", true, -33.4489, -70.6693},
      {"48.8584°, 2.2945°", true, 48.8584, 2.2945},
      {"46.158", false, 0, 0},
      {"geo:", false, 0, 0},
      {"91°, 0°", false, 0, 0},
      {"46.1°, -181°", false, 0, 0},
      {"46.1°, -1.1° x", false, 0, 0},
      {"", false, 0, 0},
  };
  for (const Case& c : cases) {
    double lat = 0, lon = 0;
    CHECK_MESSAGE(google_parse_latlng(c.s, lat, lon) == c.ok, c.s);
    if (c.ok) {
      CHECK(lat == c.lat);
      CHECK(lon == c.lon);
    }
  }
}

TEST_CASE("google: activity types to our mode ids") {
  struct Case { const char* raw; const char* mode; };
  const Case cases[] = {
      {"IN_VEHICLE", "car"}, {"ON_BICYCLE", "bike"}, {"ON_FOOT", "walk"}, {"WALKING", "walk"}, {"RUNNING", "run"},
      {"STILL", "still"}, {"IN_RAIL_VEHICLE", "train"}, {"IN_TRAIN", "train"}, {"IN_BUS", "bus"}, {"TILTING", ""},
      {"UNKNOWN", ""}, {"IN_PASSENGER_VEHICLE", "car"}, {"CYCLING", "bike"}, {"IN_SUBWAY", "metro"},
      {"IN_TRAM", "tram"}, {"FLYING", "plane"}, {"IN_FERRY", "boat"}, {"MOTORCYCLING", "motorbike"},
      {"walking", "walk"}, {"in passenger vehicle", "car"}, {"in train", "train"}, {"SKIING", nullptr}, {"", nullptr},
  };
  for (const Case& c : cases) {
    const char* m = google_mode(c.raw);
    if (!c.mode) CHECK_MESSAGE(m == nullptr, c.raw);
    else {
      REQUIRE_MESSAGE(m, c.raw);
      CHECK_MESSAGE(std::string(m) == c.mode, c.raw);
    }
  }
}

TEST_CASE("google: dedup keys") {
  const int64_t t = utc_us(2023, 3, 26, 6, 45);  // 1679813100 s
  CHECK(google_point_key(t, 46.1580419, -1.1530201) == "1679813100|4615804|-115302");
  CHECK(google_point_key(t + 999999, 46.1580419, -1.1530201) == "1679813100|4615804|-115302");  // seconds floored
  CHECK(google_point_key(-1, 0, 0) == "-1|0|0");
  // segments: minute rounded to nearest, 1e-4 degrees
  CHECK(google_segment_key(t, 46.1580419, -1.1530201) == "27996885|461580|-11530");
  CHECK(google_segment_key(t + 29000000, 46.15804, -1.15302) == "27996885|461580|-11530");
  CHECK(google_segment_key(t + 31000000, 46.1580419, -1.1530201) == "27996886|461580|-11530");
  CHECK(google_segment_key(t, 46.158042, -1.153020) == google_segment_key(t, 46.1580419, -1.1530201));  // iOS 6 decimals
}

// [SECTION] detection

TEST_CASE("google: detection of every shape beats the generic json parser") {
  struct Case { const char* head; const char* name; const char* format; };
  const Case cases[] = {
      {"{\n  \"locations\": [{\n    \"latitudeE7\": 461234567,", "Records.json", "google_records"},
      {"\xEF\xBB\xBF{\"locations\" : [ {\"timestampMs\": \"1\", \"latitudeE7\": 1", "x.json", "google_records"},
      {"{\"locations\": [{\"lat\": 46.1}]}", "Records.json", "json"},  // not Google's layout
      {"{\n  \"timelineObjects\": [{", "2023_MARS.json", "google_semantic"},
      {"\xEF\xBB\xBF{\"timelineObjects\":[]}", "x", "google_semantic"},
      {"[{\"endTime\":\"2024-01-01T10:00:00.000+01:00\",\"startTime\":\"2024-01-01T08:00:00.000+01:00\",\"visit\":{", "location-history.json", "google_ios"},
      {"[ {\"startTime\": \"x\", \"timelinePath\": []}]", "x.json", "google_ios"},
      {"[{\"startTime\": \"2024-01-01\", \"title\": \"meeting\"}]", "calendar.json", "json"},
      {"{\n  \"semanticSegments\": [", "Timeline.json", "google_android"},
      {"{\"rawSignals\": [{\"position\": {}}]}", "Chronologie.json", "google_android"},
      {"{\"timelineEdits\": []}", "Timeline Edits.json", "google_edits"},
      {"{\"text\": \"\\\"locations\\\": and \\\"latitudeE7\\\" in a string\"}", "notes.json", "json"},
      {"{\"a\": 1}", "Chronologie.json", "json"},  // a French name alone is only a hint
  };
  for (const Case& c : cases) {
    Detection d = detect_format(c.head, c.name);
    REQUIRE_MESSAGE(d.format, c.head);
    CHECK_MESSAGE(std::string(d.format->id) == c.format, c.head);
    if (std::string(c.format).rfind("google_", 0) == 0) CHECK(d.confidence == 95);
  }
}

// [SECTION] Records.json

TEST_CASE("google_records: E7 exact, overflow fixed, timestampMs, offsets, activity guesses, skipped entries") {
  Parsed p = fixture("Records.json");
  CHECK(p.format == "google_records");
  REQUIRE(!p.diag.failed);
  REQUIRE(p.tables.size() == 1);
  const Table& t = table(p, "location_points");
  CHECK(t.name == "location_points_Records");
  check_layout(t);
  REQUIRE(t.rows() == 6);  // 8 entries: one without coordinates, one exact duplicate
  CHECK(column(t, "ts").type == ColumnType::Timestamp);
  CHECK(column(t, "lat").type == ColumnType::Float64);
  CHECK(column(t, "activity_confidence").type == ColumnType::Int64);
  CHECK(column(t, "point_key").type == ColumnType::String);
  // E7 -> degrees, exactly the double nearest to the decimal
  CHECK(num(t, "lat", 0) == 46.1580419);
  CHECK(num(t, "lon", 0) == -1.1530201);
  CHECK(text(t, "lat", 0) == "46.1580419");
  // overflowed longitude (-11534567 + 2^32) fixed
  CHECK(num(t, "lon", 3) == -1.1534567);
  const Column& ts = column(t, "ts");
  CHECK(ts.i64[0] == utc_us(2023, 3, 26, 0, 30));
  CHECK(ts.utc_offset_min[0] == k_unknown_offset);  // "Z": the instant in UTC, no local offset
  CHECK(ts.i64[1] == utc_us(2023, 3, 26, 1, 0) + 250000);  // 03:00:00.250+02:00, just after the jump
  CHECK(ts.utc_offset_min[1] == 120);
  CHECK(ts.i64[2] == utc_us(2023, 3, 26, 6, 45));  // timestampMs "1679813100000"
  CHECK(ts.utc_offset_min[2] == k_unknown_offset);
  CHECK(ts.i64[4] == utc_us(2023, 3, 26, 7, 5) + 500000);
  CHECK(ts.i64[5] == utc_us(2023, 10, 29, 0, 30));
  // top guess of the first activity entry
  CHECK(text(t, "activity", 0) == "still");
  CHECK(!column(t, "activity").valid[1]);
  CHECK(text(t, "activity", 2) == "car");
  CHECK(text(t, "activity_confidence", 2) == "75");
  CHECK(text(t, "activity_raw", 2) == "IN_VEHICLE");
  CHECK(column(t, "activity").valid[3]);
  CHECK(text(t, "activity", 3) == "");  // TILTING
  CHECK(text(t, "activity", 4) == "bus");
  CHECK(num(t, "accuracy_m", 2) == 10);
  CHECK(num(t, "altitude_m", 2) == 12);
  CHECK(num(t, "velocity_m_s", 2) == 3);
  CHECK(text(t, "signal", 2) == "GPS");
  CHECK(text(t, "source", 0) == "records");
  CHECK(text(t, "point_kind", 0) == "fix");
  CHECK(text(t, "point_key", 2) == "1679813100|4615804|-115302");
  // provenance: record index in "locations"
  CHECK(text(t, "_file", 0) == "Records.json");
  CHECK(text(t, "_entry", 0) == "");
  const Column& rec = column(t, "_record");
  CHECK(std::vector<int64_t>(rec.i64.begin(), rec.i64.end()) == std::vector<int64_t>{0, 1, 2, 3, 6, 7});
  // warnings
  const Message* w = find_warning(p.diag, "google.no_coordinates");
  REQUIRE(w);
  CHECK(w->en.find("record 5 (locations[5])") != std::string::npos);
  CHECK(w->where.line == 87);
  REQUIRE(find_warning(p.diag, "google.e7_overflow"));
  CHECK(find_warning(p.diag, "google.e7_overflow")->en.find("first at record 3") != std::string::npos);
  REQUIRE(find_warning(p.diag, "google.duplicate_points"));
  CHECK(find_warning(p.diag, "google.duplicate_points")->info);
}

TEST_CASE("google_records: malformed entries are skipped with their index; truncation keeps complete records") {
  SUBCASE("bad entries") {
    const std::string doc =
        "{\"locations\": [1, {\"latitudeE7\": \"abc\", \"longitudeE7\": 1, \"timestamp\": \"2023-01-01T00:00:00Z\"},"
        " {\"latitudeE7\": 2000000000, \"longitudeE7\": 0, \"timestamp\": \"2023-01-01T00:00:00Z\"},"
        " {\"latitudeE7\": 1, \"longitudeE7\": 2, \"timestamp\": \"yesterday\"},"
        " {\"latitudeE7\": -339000000, \"longitudeE7\": -706000000, \"timestampMs\": 1672531200000}]}";
    Parsed p = parse_session(doc, "Records.json");
    REQUIRE(!p.diag.failed);
    const Table& t = table(p, "location_points");
    REQUIRE(t.rows() == 1);
    CHECK(num(t, "lat", 0) == -33.9);  // southern and western hemispheres
    CHECK(num(t, "lon", 0) == -70.6);
    CHECK(column(t, "ts").i64[0] == utc_us(2023, 1, 1, 0, 0));
    CHECK(p.diag.count("google.no_coordinates") == 2);  // the scalar and the unreadable latitude
    CHECK(p.diag.count("google.bad_coordinates") == 1);
    CHECK(p.diag.count("google.no_timestamp") == 1);
    CHECK(find_warning(p.diag, "google.bad_coordinates")->en.find("record 2") != std::string::npos);
  }
  SUBCASE("truncated") {
    const std::string full = read_fixture("google/Records.json");
    const size_t cut = full.find("\"latitudeE7\": 461620000");  // inside entry 6
    REQUIRE(cut != std::string::npos);
    for (size_t chunk : k_chunks) {
      Parsed p = parse_session(full.substr(0, cut), "Records.json", chunk);
      REQUIRE(!p.diag.failed);
      const Table& t = table(p, "location_points");
      CHECK(t.rows() == 4);  // entries 0-3 (4 duplicate, 5 no coordinates), 6 cut
      const Message* w = find_warning(p.diag, "google.truncated");
      REQUIRE(w);
      CHECK(w->en.find("the 6 complete record(s) read before are kept") != std::string::npos);
    }
    Parsed none = parse_session(full.substr(0, 60), "Records.json");
    CHECK(none.diag.failed);
    CHECK(none.diag.error.code.rfind("json.", 0) == 0);
    CHECK(none.tables.empty());
  }
}

TEST_CASE("google_records: a file larger than the head streams with bounded state") {
  std::string doc = "{\"locations\": [";
  int64_t sum = 0;
  for (int i = 0; i < 5000; ++i) {
    const int64_t lat = 461234567 + i;
    sum += lat;
    doc += std::string(i ? ",\n" : "") + "{\"latitudeE7\": " + std::to_string(lat) +
           ", \"longitudeE7\": -11234567, \"accuracy\": 20, \"timestamp\": \"2023-03-26T01:30:" +
           (i % 2 ? "00.123Z" : "01Z") + "\", \"source\": \"WIFI\", \"activity\": [{\"activity\": [{\"type\": \"WALKING\", "
           "\"confidence\": 80}]}]}";
  }
  doc += "]}";
  REQUIRE(doc.size() > 2 * k_head_bytes);
  for (size_t chunk : {size_t(1000), size_t(65536), size_t(0)}) {
    Parsed p = parse_session(doc, "Records.json", chunk);
    const Table& t = table(p, "location_points");
    REQUIRE(t.rows() == 5000);
    int64_t s = 0;
    for (double v : column(t, "lat").f64) s += std::llround(v * 1e7);
    CHECK(s == sum);
    CHECK(text(t, "activity", 4999) == "walk");
  }
}

// [SECTION] Semantic Location History

TEST_CASE("google_semantic: visits and trips of a month across the spring-forward day") {
  Parsed p = fixture("Semantic Location History/2023/2023_MARCH.json");
  CHECK(p.format == "google_semantic");
  REQUIRE(!p.diag.failed);
  REQUIRE(p.tables.size() == 3);
  for (const Table& t : p.tables) check_layout(t);
  const Table& v = table(p, "visits");
  CHECK(v.name == "visits_2023_MARCH");
  REQUIRE(v.rows() == 2);  // the child visit is not counted
  CHECK(num(v, "duration_s", 0) == 27900);  // 00:00+01:00 -> 08:45+02:00 = 7 h 45
  CHECK(num(v, "lat", 0) == 46.1580419);
  CHECK(num(v, "lon", 0) == -1.1530201);
  CHECK(text(v, "place_id", 0) == "ChIJhome");
  CHECK(text(v, "name", 0) == "Domicile");
  CHECK(text(v, "semantic_type", 0) == "TYPE_HOME");
  CHECK(num(v, "confidence", 0) == 0.95);
  CHECK(text(v, "source", 0) == "semantic");
  CHECK(text(v, "address", 1) == "Avenue Michel Crépeau, 17000 La Rochelle");
  CHECK(column(v, "ts_start").i64[1] == utc_us(2023, 3, 26, 7, 5));  // startTimestampMs
  CHECK(num(v, "duration_s", 1) == 28500);
  CHECK(text(v, "_record", 1) == "2");
  CHECK(find_warning(p.diag, "google.child_visits"));

  const Table& t = table(p, "trips");
  REQUIRE(t.rows() == 3);
  CHECK(text(t, "mode", 0) == "car");
  CHECK(text(t, "mode_raw", 0) == "IN_PASSENGER_VEHICLE");
  CHECK(num(t, "distance_m", 0) == 2345);
  CHECK(num(t, "duration_s", 0) == 1200);
  CHECK(num(t, "confidence", 0) == 0.925);
  CHECK(text(t, "n_points", 0) == "5");  // 3 waypoints + 2 raw points
  CHECK(num(t, "start_lon", 0) == -1.1530201);
  CHECK(num(t, "end_lat", 0) == 46.162);
  CHECK(text(t, "mode_inferred", 0) == "false");
  CHECK(text(t, "mode", 1) == "train");
  CHECK(text(t, "origin", 1) == "La Rochelle-Ville");
  CHECK(text(t, "destination", 1) == "Niort");
  CHECK(num(t, "distance_m", 1) == 61234);  // simplifiedRawPath.distanceMeters when "distance" is absent
  CHECK(text(t, "mode", 2) == "bike");  // from activities[0] (no activityType)
  CHECK(num(t, "duration_s", 2) == 900);
  CHECK(!column(t, "distance_m").valid[2]);
  CHECK(!column(t, "price_eur").valid[0]);

  const Table& pts = table(p, "location_points");
  REQUIRE(pts.rows() == 5);
  CHECK(text(pts, "point_kind", 0) == "waypoint");
  CHECK(!column(pts, "ts").valid[0]);
  CHECK(text(pts, "point_key", 0) == text(t, "trip_key", 0) + "|w0");
  CHECK(text(pts, "trip_key", 4) == text(t, "trip_key", 0));
  CHECK(text(pts, "point_kind", 3) == "raw_path");
  CHECK(column(pts, "ts").i64[4] == utc_us(2023, 3, 26, 6, 50));  // timestampMs
  CHECK(num(pts, "lon", 4) == -1.1534567);
  CHECK(text(pts, "source", 4) == "semantic");
}

TEST_CASE("google_semantic: French Takeout path, BOM, fall-back day") {
  const std::string rel = "Historique des positions/Semantic Location History/2023/2023_OCTOBRE.json";
  const std::string data = read_fixture("google/" + rel);
  REQUIRE(data.substr(0, 3) == "\xEF\xBB\xBF");
  Parsed p = parse_session(data, rel);
  CHECK(p.format == "google_semantic");
  const Table& v = table(p, "visits");
  CHECK(v.name == "visits_2023_OCTOBRE");
  REQUIRE(v.rows() == 1);
  CHECK(num(v, "duration_s", 0) == 14400);  // 00:30+02:00 -> 03:30+01:00: four hours, three on the wall clock
  const Table& t = table(p, "trips");
  REQUIRE(t.rows() == 1);
  CHECK(text(t, "mode", 0) == "walk");
  CHECK(num(t, "distance_m", 0) == 1234);
  CHECK(table(p, "location_points").rows() == 0);
}

// [SECTION] iOS

TEST_CASE("google_ios: geo: strings, numbers as strings, timelinePath minutes, nested visits") {
  Parsed p = fixture("location-history.json");
  CHECK(p.format == "google_ios");
  REQUIRE(!p.diag.failed);
  for (const Table& t : p.tables) check_layout(t);
  const Table& v = table(p, "visits");
  REQUIRE(v.rows() == 1);  // the hierarchyLevel "1" visit is not counted
  CHECK(num(v, "lat", 0) == 46.158042);
  CHECK(num(v, "lon", 0) == -1.15302);
  CHECK(num(v, "duration_s", 0) == 7200);
  CHECK(column(v, "ts_start").utc_offset_min[0] == 60);
  CHECK(text(v, "semantic_type", 0) == "Home");
  CHECK(num(v, "confidence", 0) == 0.9);
  CHECK(text(v, "source", 0) == "ios");
  CHECK(find_warning(p.diag, "google.nested_visits"));
  CHECK(find_warning(p.diag, "google.memories"));
  const Table& t = table(p, "trips");
  REQUIRE(t.rows() == 2);
  CHECK(text(t, "mode", 0) == "walk");
  CHECK(text(t, "mode_raw", 0) == "walking");
  CHECK(num(t, "distance_m", 0) == 1234.5);
  CHECK(num(t, "duration_s", 0) == 1230);
  CHECK(num(t, "end_lon", 0) == -1.168823);
  CHECK(text(t, "mode", 1) == "car");  // "in passenger vehicle"
  CHECK(num(t, "duration_s", 1) == 3600);  // 2024-03-31 01:30+01:00 -> 03:30+02:00
  const Table& pts = table(p, "location_points");
  REQUIRE(pts.rows() == 3);
  CHECK(column(pts, "ts").i64[1] == utc_us(2024, 1, 1, 9, 10));  // start + 10 minutes
  CHECK(column(pts, "ts").utc_offset_min[1] == 60);
  CHECK(num(pts, "lat", 2) == 46.14721);
  CHECK(text(pts, "point_kind", 2) == "timeline_path");
  CHECK(text(pts, "_record", 2) == "2");
}

// [SECTION] Android

TEST_CASE("google_android: ° strings, timezone offset fields, raw signals, frequent places") {
  Parsed p = fixture("Chronologie.json");
  CHECK(p.format == "google_android");
  REQUIRE(!p.diag.failed);
  REQUIRE(p.tables.size() == 4);
  for (size_t i = 0; i < 3; ++i) check_layout(p.tables[i]);
  const Table& v = table(p, "visits");
  REQUIRE(v.rows() == 2);
  CHECK(num(v, "lat", 0) == 46.1580419);
  CHECK(num(v, "lon", 0) == -1.1530201);
  CHECK(num(v, "duration_s", 0) == 14400);  // 2023-10-29 fall-back
  CHECK(column(v, "ts_start").utc_offset_min[0] == 120);
  CHECK(column(v, "ts_end").utc_offset_min[0] == 60);
  CHECK(num(v, "duration_s", 1) == 3600);  // 2025-03-30 spring-forward: 01:30+01:00 -> 03:30+02:00
  CHECK(text(v, "semantic_type", 1) == "WORK");
  const Table& t = table(p, "trips");
  REQUIRE(t.rows() == 2);
  CHECK(text(t, "mode", 0) == "car");
  CHECK(text(t, "mode_raw", 0) == "IN_PASSENGER_VEHICLE");
  CHECK(num(t, "distance_m", 0) == 1234.5);
  CHECK(num(t, "confidence", 0) == 0.9);
  CHECK(num(t, "start_lat", 0) == 46.1472103);
  // "2025-04-01T08:00:00.000" without offset, startTimeTimezoneUtcOffsetMinutes 120
  CHECK(column(t, "ts_start").i64[1] == utc_us(2025, 4, 1, 6, 0));
  CHECK(column(t, "ts_start").utc_offset_min[1] == 120);
  CHECK(text(t, "mode", 1) == "bike");
  const Table& pts = table(p, "location_points");
  REQUIRE(pts.rows() == 4);  // 2 timelinePath points + 2 positions (one duplicate dropped)
  CHECK(text(pts, "point_kind", 0) == "timeline_path");
  CHECK(column(pts, "ts").i64[0] == utc_us(2025, 3, 30, 1, 31));
  CHECK(num(pts, "lon", 1) == -1.16);
  CHECK(text(pts, "point_kind", 2) == "raw_signal");
  CHECK(num(pts, "accuracy_m", 2) == 12);
  CHECK(num(pts, "altitude_m", 2) == 5);
  CHECK(num(pts, "velocity_m_s", 3) == 1.5);
  CHECK(text(pts, "signal", 3) == "GPS");
  CHECK(text(pts, "source", 3) == "android");
  CHECK(text(pts, "_record", 3) == "4");  // index in rawSignals
  CHECK(find_warning(p.diag, "google.signals_skipped"));
  CHECK(find_warning(p.diag, "google.duplicate_points"));
  const Table& fp = p.tables[3];
  CHECK(fp.name == "frequent_places_Chronologie");
  CHECK(fp.domain == "");
  REQUIRE(fp.rows() == 2);
  CHECK(text(fp, "label", 1) == "WORK");
  CHECK(num(fp, "lat", 1) == 46.1472103);
}

TEST_CASE("google_ios: an unreadable position is reported in valid UTF-8 (fuzz: cut inside a '°')") {
  const std::string bad = std::string(39, '9') + "°°°°";
  const std::string doc = "[{\"startTime\":\"2024-01-01T08:00:00+01:00\",\"endTime\":\"2024-01-01T09:00:00+01:00\","
                          "\"visit\":{\"topCandidate\":{\"placeLocation\":\"" + bad + "\"}}}]";
  Parsed p = parse_session(doc, "location-history.json");
  CHECK(p.format == "google_ios");
  const Message* m = find_warning(p.diag, "google.bad_latlng");
  REQUIRE(m);
  CHECK(m->en.find(std::string(39, '9') + "…") != std::string::npos);
  CHECK(m->en.find("record 0 ([0])") != std::string::npos);
  const Table& v = table(p, "visits");
  REQUIRE(v.rows() == 1);  // kept, without a position
  CHECK(!column(v, "lat").valid[0]);
  CHECK(!column(v, "visit_key").valid[0]);
}

TEST_CASE("google_edits: recognised and skipped, no table, not an error") {
  Parsed p = fixture("Timeline Edits.json");
  CHECK(p.format == "google_edits");
  CHECK(!p.diag.failed);
  CHECK(p.tables.empty());
  const Message* m = find_warning(p.diag, "google.edits_skipped");
  REQUIRE(m);
  CHECK(m->info);
}

// [SECTION] every fixture, every chunk size

TEST_CASE("google: chunk-size invariance on every fixture") {
  const char* files[] = {"Records.json", "Semantic Location History/2023/2023_MARCH.json",
                         "Historique des positions/Semantic Location History/2023/2023_OCTOBRE.json",
                         "location-history.json", "Chronologie.json", "Timeline Edits.json", "takeout.zip"};
  for (const char* f : files) {
    const std::string whole = fixture(f).dump;
    for (size_t chunk : k_chunks) {
      const std::string d = fixture(f, chunk).dump;
      CHECK_MESSAGE(d == whole, f << " chunk " << chunk << " " << first_diff(d, whole));
    }
  }
}

// [SECTION] dedup across shapes

TEST_CASE("google: a Takeout-like ZIP, duplicates across shapes share keys") {
  Parsed p = fixture("takeout.zip");
  CHECK(p.format == "zip");
  REQUIRE(!p.diag.failed);
  // what the browser's views do: UNION ALL BY NAME per domain, then one row per key
  std::map<std::string, std::vector<const Table*>> by_domain;
  for (const Table& t : p.tables)
    if (!t.domain.empty()) by_domain[t.domain].push_back(&t);
  auto keys = [&](const std::string& domain, const std::string& key_col, size_t& rows, size_t& nulls) {
    std::multiset<std::string> out;
    rows = nulls = 0;
    for (const Table* t : by_domain[domain]) {
      const Column& k = column(*t, key_col);
      for (size_t i = 0; i < t->rows(); ++i, ++rows) {
        if (!k.valid[i]) { ++nulls; continue; }
        out.insert(k.value_text(i));
      }
    }
    return out;
  };
  size_t rows = 0, nulls = 0;
  const auto pk = keys("location_points", "point_key", rows, nulls);
  // Records 6 + Semantic March 5 + Android 4 points
  CHECK(rows == 15);
  CHECK(nulls == 0);
  CHECK(std::set<std::string>(pk.begin(), pk.end()).size() == 12);
  CHECK(pk.count("1679813400|4616000|-115346") == 3);  // Records (overflow fixed), Semantic raw path, Android raw signal
  CHECK(pk.count("1679813100|4615804|-115302") == 2);  // Records timestampMs, Semantic raw path
  const auto vk = keys("visits", "visit_key", rows, nulls);
  CHECK(rows == 5);  // March 2 + October 1 + Android 2
  CHECK(std::set<std::string>(vk.begin(), vk.end()).size() == 4);  // October's home visit is also in Chronologie.json
  CHECK(vk.count("28308870|461580|-11530") == 2);
  const auto tk = keys("trips", "trip_key", rows, nulls);
  CHECK(rows == 6);
  CHECK(std::set<std::string>(tk.begin(), tk.end()).size() == 6);
  // provenance inside the archive: the entry path
  const Table& rec = *by_domain["location_points"][0];
  CHECK(text(rec, "_entry", 0) == "Takeout/Historique des positions/Records.json");
  CHECK(rec.entry == "Takeout/Historique des positions/Records.json");
  // each entry recognised; the edits entry is ok without tables
  ParseOptions o;
  o.file_name = "takeout.zip";
  Session s(o);
  const std::string zip = read_fixture("google/takeout.zip");
  s.feed(bytes_of(zip));
  s.finish();
  std::map<std::string, std::string> formats;
  for (const EntryResult& e : s.entries()) {
    formats[e.path] = e.format ? e.format->id : "-";
    CHECK_MESSAGE(e.status == "ok", e.path);
    if (e.format && std::string(e.format->id) == "google_edits") CHECK(e.table_count == 0);
  }
  CHECK(formats["Takeout/Historique des positions/Records.json"] == "google_records");
  CHECK(formats["Takeout/Historique des positions/Semantic Location History/2023/2023_MARS.json"] == "google_semantic");
  CHECK(formats["Takeout/Historique des positions/Semantic Location History/2023/2023_OCTOBRE.json"] == "google_semantic");
  CHECK(formats["Takeout/Historique des positions/Timeline Edits.json"] == "google_edits");
  CHECK(formats["Chronologie.json"] == "google_android");
}

// Issue 17: Android segments with both timelinePath and visit, rawSignals with activityRecord before position,
// translated file names (tests/data/google/device_2026/make_fixtures.py).
TEST_CASE("google on-device 2026: path AND visit kept, orphan level-1 visit kept, position after activityRecord kept") {
  for (const char* name : {"Chronologie.json", "Vos trajets.json"}) {
    CAPTURE(name);
    const std::string data = read_fixture(std::string("google/device_2026/") + name);
    const Parsed p = parse_session(data, name);
    REQUIRE_MESSAGE(p.format == "google_android", p.dump);
    const Table* visits = nullptr;
    const Table* points = nullptr;
    for (const Table& t : p.tables) {
      if (t.domain == "visits") visits = &t;
      if (t.domain == "location_points") points = &t;
    }
    REQUIRE(visits);
    REQUIRE(points);
    // HOME (level 0) and the Louvre visit (level 1, no parent contains 09:00-10:00); the café (13:00-14:00,
    // inside HOME 12:00-18:00) is nested and not counted
    CHECK(visits->rows() == 2);
    // the two timelinePath points of the path+visit segment, and the raw position listed after its activityRecord
    REQUIRE(points->rows() == 3);
    CHECK(points->columns[0].value_text(0) == "2025-06-14T07:00:00Z");  // 09:00+02:00
    CHECK(points->columns[0].value_text(2) == "2025-06-14T07:05:00Z");
    CHECK(p.diag.count("google.nested_visits") == 1);
    CHECK(p.diag.count("google.nested_without_parent") == 1);
    CHECK(p.diag.count("google.path_and_visit") == 1);
    bool signals_right = false;
    for (const Message& m : p.diag.warnings)
      if (m.code == "google.signals_skipped") signals_right = m.en.rfind("1 activity record(s) and 0 Wi-Fi", 0) == 0;
    CHECK(signals_right);  // only the entry without a position is counted as skipped
  }
  const Parsed ios = parse_session(read_fixture("google/device_2026/location-history.json"), "location-history.json");
  CHECK(ios.format == "google_ios");
}
