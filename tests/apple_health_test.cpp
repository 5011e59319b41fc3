// Apple Health export (tests/data/apple_health, made by make_fixtures.py): export.xml with its internal DTD,
// local offsets +0100/+0200 across the spring-forward night, category samples, Records inside a Correlation,
// workouts of two iOS generations, an ActivitySummary; the export ZIP with its workout-route GPX; a cut file;
// entity hardening; chunk invariance.
#include <doctest/doctest.h>

#include "parsers/formats/apple_health.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

const Table& table(const Parsed& p, const char* domain) {
  for (const Table& t : p.tables)
    if (t.domain == domain) return t;
  FAIL("no table " << domain);
  return p.tables[0];
}

const Column& column(const Table& t, const char* name) {
  for (const Column& c : t.columns)
    if (c.name == name) return c;
  FAIL("no column " << name);
  return t.columns[0];
}

}  // namespace

TEST_CASE("Apple Health export.xml: Records -> health_measures with short types, offsets across DST kept") {
  Parsed p = parse_session(read_fixture("apple_health/export.xml"), "export.xml");
  CHECK(p.format == "apple_health");
  CHECK(p.confidence == 95);
  REQUIRE(p.tables.size() == 2);
  const Table& m = table(p, "health_measures");
  REQUIRE(m.rows() == 12);  // 9 top-level Records (not the one inside <Correlation>) + 3 summary values
  const Column &type = column(m, "type"), &value = column(m, "value"), &start = column(m, "ts_start");
  CHECK(value.type == ColumnType::Float64);
  CHECK(start.type == ColumnType::Timestamp);
  CHECK(type.string_at(0) == "steps");
  CHECK(value.f64[0] == 523);
  CHECK(column(m, "unit").string_at(0) == "count");
  CHECK(column(m, "device").string_at(0) == "iPhone de Léa");
  CHECK(column(m, "source").string_at(0) == "apple_health");
  CHECK(column(m, "type_raw").string_at(0) == "HKQuantityTypeIdentifierStepCount");
  // "2024-03-02 07:55:00 +0100" -> 06:55Z; "2024-03-31 03:10:00 +0200" -> 01:10Z, offsets kept
  CHECK(start.i64[0] == utc_us(2024, 3, 2, 6, 55));
  CHECK(start.utc_offset_min[0] == 60);
  CHECK(start.i64[2] == utc_us(2024, 3, 31, 1, 10));
  CHECK(start.utc_offset_min[2] == 120);
  // the night record spans the change: 23:50 +0100 -> 01:40 +0100 is 1 h 50
  CHECK(column(m, "ts_end").i64[1] - start.i64[1] == int64_t(110) * 60 * 1000000);
  double steps = 0;
  for (size_t i = 0; i < m.rows(); ++i)
    if (type.string_at(i) == "steps") steps += value.f64[i];
  CHECK(steps == 523 + 1204 + 311);
  CHECK(type.string_at(3) == "heart_rate");
  CHECK(type.string_at(4) == "distance_walking_running");
  CHECK(type.string_at(5) == "active_energy");
  CHECK(type.string_at(6) == "sleep");
  CHECK(value.valid[6] == 0);
  CHECK(column(m, "category").string_at(6) == "AsleepCore");
  CHECK(type.string_at(7) == "EnvironmentalSoundReduction");  // unknown: the identifier without its prefix
  CHECK(type.string_at(8) == "blood_pressure_systolic");
  CHECK(type.string_at(9) == "summary_active_energy");
  CHECK(value.f64[9] == 412.5);
  CHECK(start.i64[9] == utc_us(2024, 3, 30, 23, 0));                 // local day 31 March, 23 h long
  CHECK(column(m, "ts_end").i64[9] == utc_us(2024, 3, 31, 22, 0));
  bool export_date = false;
  for (const auto& [k, v] : m.meta) export_date = export_date || (k == "export_date" && v == "2024-04-02 21:14:33 +0200");
  CHECK(export_date);
}

TEST_CASE("Apple Health workouts -> trips: mode, distance from attributes or WorkoutStatistics, duration, route file") {
  Parsed p = parse_session(read_fixture("apple_health/export.xml"), "export.xml");
  const Table& t = table(p, "trips");
  REQUIRE(t.rows() == 3);
  CHECK(column(t, "mode").string_at(0) == "bike");
  CHECK(column(t, "mode_raw").string_at(0) == "Cycling");
  CHECK(column(t, "distance_m").f64[0] == doctest::Approx(9800));
  CHECK(column(t, "duration_s").f64[0] == doctest::Approx(35.2 * 60));
  CHECK(column(t, "energy_kcal").f64[0] == doctest::Approx(243.1));
  CHECK(column(t, "route_file").string_at(0) == "/workout-routes/route_2024-03-02_8.05am.gpx");
  CHECK(column(t, "ts_start").i64[0] == utc_us(2024, 3, 2, 7, 5));
  CHECK(column(t, "mode").string_at(1) == "run");
  CHECK(column(t, "distance_m").f64[1] == doctest::Approx(5020));  // WorkoutStatistics sum 5.02 km
  CHECK(column(t, "energy_kcal").f64[1] == doctest::Approx(301.4));
  CHECK(column(t, "ts_start").i64[1] == utc_us(2024, 3, 31, 16, 30));
  CHECK(column(t, "mode").string_at(2) == "other");
  CHECK(column(t, "distance_m").valid[2] == 0);
  CHECK(column(t, "source").string_at(2) == "apple_health");
}

TEST_CASE("Apple Health export ZIP: export.xml and the workout-route GPX both read, the CDA file skipped") {
  Parsed p = parse_session(read_fixture("apple_health/export.zip"), "export.zip");
  CHECK(p.format == "zip");
  size_t measures = 0, trips = 0, gpx_points = 0;
  for (const Table& t : p.tables) {
    if (t.domain == "health_measures") measures += t.rows();
    else if (t.domain == "trips") trips += t.rows();
    else if (t.name == "route_2024-03-02_8.05am") gpx_points += t.rows();
  }
  CHECK(measures == 12);
  CHECK(trips == 3);
  CHECK(gpx_points == 3);
}

TEST_CASE("Apple Health: a cut export keeps its rows; external entities refused; chunk invariance") {
  const std::string data = read_fixture("apple_health/export.xml");
  const size_t cut = data.find("<Workout workoutActivityType=\"HKWorkoutActivityTypeRunning\"");
  REQUIRE(cut != std::string::npos);
  Parsed p = parse_session(data.substr(0, cut + 40), "export.xml");
  CHECK_FALSE(p.diag.failed);
  CHECK(p.diag.count("apple_health.truncated") == 1);
  CHECK(table(p, "trips").rows() == 1);
  const std::string evil =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE HealthData [\n<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n"
      "<HealthData locale=\"fr_FR\"><Record type=\"HKQuantityTypeIdentifierStepCount\" sourceName=\"&x;\" "
      "startDate=\"2024-03-02 07:55:00 +0100\" endDate=\"2024-03-02 08:05:00 +0100\" value=\"1\"/></HealthData>";
  Parsed e = parse_session(evil, "export.xml");
  CHECK(e.format == "apple_health");
  CHECK(e.diag.failed);
  CHECK(e.diag.error.code == "xml.external_entity");
  const Parsed whole = parse_session(data, "export.xml");
  for (size_t chunk : {1, 13, 4096}) CHECK(first_diff(parse_session(data, "export.xml", chunk).dump, whole.dump) == "");
}
