// GeoJSON parser on tests/data/geojson (made by tests/data/json/make_fixtures.py): feature table,
// vertex table with parts and elevation, member order, null geometry, invalid coordinates, shapes.
#include <doctest/doctest.h>

#include "parsers/formats/geojson.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

const Column& column(const Table& t, const std::string& name) {
  for (const Column& c : t.columns)
    if (c.name == name) return c;
  FAIL("no column " << name);
  return t.columns[0];
}

std::string row(const Table& t, size_t r) {
  std::string s;
  for (const Column& c : t.columns) s += (s.empty() ? "" : "|") + (c.valid[r] ? c.value_text(r) : "-");
  return s;
}

}  // namespace

TEST_CASE("FeatureCollection: points, lines with ele, polygon with hole, multi-lines, null geometry") {
  Parsed p = parse_session(read_fixture("geojson/sorties.geojson"), "sorties.geojson");
  CHECK(p.format == "geojson");
  CHECK(p.confidence == 90);
  REQUIRE(!p.diag.failed);
  REQUIRE(p.tables.size() == 2);
  const Table& f = p.tables[0];
  CHECK(f.name == "sorties");
  CHECK(f.rows() == 6);
  const char* fixed[] = {"feature_index", "geometry_type", "lon", "lat", "n_points", "id"};
  for (size_t i = 0; i < 6; ++i) CHECK(f.columns[i].name == fixed[i]);
  CHECK(column(f, "lon").type == ColumnType::Float64);
  CHECK(column(f, "n_points").type == ColumnType::Int64);
  CHECK(row(f, 0) == "0|Point|2.3522219|48.856614|1|p1|Notre-Dame à Paris|3|true|-|-");
  // "coordinates" before "type" in the geometry, "properties" before "geometry"
  CHECK(row(f, 1) == "1|LineString|2.35|48.85|3|t1|Balade à vélo|1|-|[\"2023-05-01T08:00:00Z\",\"2023-05-01T08:05:00Z\"]|-");
  CHECK(row(f, 2) == "2|Polygon|2|48|8|z1|Parc|-|-|-|12.5");
  CHECK(row(f, 4) == "4|-|-|-|0|n1|-|-|-|-|-");
  CHECK(column(f, "id").type == ColumnType::String);  // "p1"... then 42: text
  CHECK(column(f, "id").string_at(5) == "42");
  CHECK(column(f, "properties.nom").string_at(5) == "Villes 🏙");
  CHECK(column(f, "properties.surface_ha").type == ColumnType::Float64);

  const Table& v = p.tables[1];
  CHECK(v.name == "sorties_points");
  CHECK(v.rows() == 3 + 8 + 5 + 2);
  const char* cols[] = {"feature_index", "part", "seq", "lon", "lat", "ele"};
  REQUIRE(v.columns.size() == 6);
  for (size_t i = 0; i < 6; ++i) CHECK(v.columns[i].name == cols[i]);
  CHECK(row(v, 0) == "1|0|0|2.35|48.85|35");
  CHECK(row(v, 2) == "1|0|2|2.37|48.861|37.25");
  CHECK(row(v, 3) == "2|0|0|2|48|-");      // outer ring
  CHECK(row(v, 7) == "2|1|0|2.02|48.02|-");  // the hole is part 1
  CHECK(row(v, 11) == "3|0|0|5|45|-");
  CHECK(row(v, 13) == "3|1|0|5.2|45.2|-");
  CHECK(row(v, 14) == "3|1|1|-|-|-");       // lat 95: left empty, reported
  CHECK(row(v, 16) == "5|0|0|-1.55|47.21|-");
  CHECK(row(v, 17) == "5|0|1|-0.57|44.84|-");

  REQUIRE(p.diag.warnings.size() == 1);
  const Message& w = p.diag.warnings[0];
  CHECK(w.code == "geojson.bad_coordinate");
  CHECK(w.where.line == 15);
  CHECK(w.where.byte_offset == read_fixture("geojson/sorties.geojson").find("[5.3, 95.0]"));
  CHECK(w.en.find("lon 5.3, lat 95 outside [-180, 180]") != std::string::npos);
  CHECK(w.fr.find("hors de [-180, 180]") != std::string::npos);
}

TEST_CASE("a single Feature without the .geojson name, and a bare geometry") {
  Parsed p = parse_session(read_fixture("geojson/single_feature.json"), "single_feature.json");
  CHECK(p.format == "geojson");
  REQUIRE(p.tables.size() == 2);
  CHECK(row(p.tables[0], 0) == "0|LineString|4.83|45.76|4|Trace du matin|course");
  CHECK(p.tables[1].rows() == 4);
  CHECK(p.tables[1].columns.size() == 5);  // no elevation anywhere: no ele column

  Parsed g = parse_session("{\"coordinates\": [[1, 2], [3, 4]], \"type\": \"LineString\"}", "ligne.geojson");
  CHECK(g.format == "geojson");
  REQUIRE(g.tables.size() == 2);
  CHECK(row(g.tables[0], 0) == "0|LineString|1|2|2");
  CHECK(g.tables[1].rows() == 2);
}

TEST_CASE("only points: no vertex table; MultiPolygon rings numbered across polygons; GeometryCollection") {
  Parsed p = parse_session(
      "{\"type\":\"FeatureCollection\",\"features\":["
      "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2,3]},\"properties\":{}},"
      "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[-181,2]},\"properties\":{}}]}",
      "pts.geojson", 3);
  REQUIRE(p.tables.size() == 1);
  CHECK(row(p.tables[0], 0) == "0|Point|1|2|1");
  CHECK(row(p.tables[0], 1) == "1|Point|-|-|1");
  CHECK(p.diag.count("geojson.bad_coordinate") == 1);

  Parsed m = parse_session(
      "{\"type\":\"Feature\",\"properties\":null,\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":"
      "[[[[0,0],[1,0],[0,1],[0,0]]],[[[5,5],[6,5],[5,6],[5,5]],[[5.1,5.1],[5.2,5.1],[5.1,5.2],[5.1,5.1]]]]}}",
      "mp.geojson", 1);
  REQUIRE(m.tables.size() == 2);
  CHECK(row(m.tables[0], 0) == "0|MultiPolygon|0|0|12");
  CHECK(row(m.tables[1], 4) == "0|1|0|5|5");
  CHECK(row(m.tables[1], 8) == "0|2|0|5.1|5.1");

  Parsed c = parse_session(
      "{\"type\":\"Feature\",\"properties\":{\"n\":1},\"geometry\":{\"type\":\"GeometryCollection\",\"geometries\":["
      "{\"type\":\"Point\",\"coordinates\":[7,8]},{\"type\":\"LineString\",\"coordinates\":[[1,1],[2,2]]}]}}",
      "gc.geojson");
  REQUIRE(c.tables.size() == 2);
  CHECK(row(c.tables[0], 0) == "0|GeometryCollection|7|8|3|1");
  CHECK(c.tables[1].rows() == 2);
}

TEST_CASE("malformed GeoJSON: truncated, junk coordinates") {
  const std::string full = read_fixture("geojson/sorties.geojson");
  for (size_t cut = 50; cut < full.size() - 4; cut += 97) {
    Parsed p = parse_session(std::string_view(full).substr(0, cut), "sorties.geojson", 7);
    CHECK_MESSAGE(p.diag.failed, cut);
    CHECK(p.tables.empty());
  }
  Parsed j = parse_session(
      "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\","
      "\"coordinates\":[[1,\"a\"],[2],[3,4]]},\"properties\":{}}]}",
      "j.geojson");
  REQUIRE(!j.diag.failed);
  CHECK(j.tables[1].rows() == 3);
  CHECK(j.diag.count("geojson.bad_coordinate") == 2);
  CHECK(j.diag.warnings[0].en.find("not numeric") != std::string::npos);
  CHECK(j.diag.warnings[1].en.find("fewer than 2 numbers") != std::string::npos);
}

// Issue 17: coordinates written as strings, epoch timestamps in seconds and milliseconds.
TEST_CASE("geojson: string coordinates and epoch timestamps are read, with notes") {
  const std::string data = R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"name":"a","timestamp":1718348400},"geometry":{"type":"Point","coordinates":["2.3522","48.8566"]}},
 {"type":"Feature","properties":{"name":"b","time":1718348460000},"geometry":{"type":"Point","coordinates":[2.35,48.85]}},
 {"type":"Feature","properties":{"name":"c","timestamp":42},"geometry":{"type":"Point","coordinates":["x","48.85"]}}]})";
  const Parsed p = parse_session(data, "points.geojson");
  REQUIRE_MESSAGE(!p.diag.failed, p.dump);
  const Table& t = p.tables.at(0);
  const Column* lat = nullptr;
  const Column* time = nullptr;
  for (const Column& c : t.columns) {
    if (c.name == "lat") lat = &c;
    if (c.name == "time_utc") time = &c;
  }
  REQUIRE(lat);
  REQUIRE_MESSAGE(time, p.dump);
  CHECK(lat->f64[0] == doctest::Approx(48.8566));  // from the string "48.8566"
  CHECK_FALSE(lat->valid[2]);                        // "x" is not a number: position left empty, warned
  CHECK(time->type == ColumnType::Timestamp);
  // 1718348400 s = 2024-06-14T07:00:00Z; 1718348460000 ms = one minute later
  CHECK(time->value_text(0) == "2024-06-14T07:00:00Z");
  CHECK(time->value_text(1) == "2024-06-14T07:01:00Z");
  CHECK_FALSE(time->valid[2]);  // 42: neither seconds nor milliseconds of a plausible date
  CHECK(p.diag.count("geojson.string_coordinates") == 1);
  CHECK(p.diag.count("geojson.epoch_time") == 1);
  CHECK(p.diag.count("geojson.bad_coordinate") == 1);
}
