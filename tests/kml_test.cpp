// KML parser on real-shaped fixtures (tests/data/kml, made by tests/data/make_fixtures.py) and inline
// documents: My Maps layers, Location History gx:Track pairing, TimeSpan/TimeStamp, streamed coordinates,
// chunk-size invariance.
#include <doctest/doctest.h>

#include "parsers/formats/kml.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

const Message* find_warning(const Diagnostics& d, const std::string& code) {
  for (const Message& m : d.warnings)
    if (m.code == code) return &m;
  return nullptr;
}

}  // namespace

TEST_CASE("kml detection") {
  CHECK(kml_detect("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">", "") == 90);
  CHECK(kml_detect("<kml:kml>", "") == 90);
  CHECK(kml_detect("<gpx>", "x.kml") == 0);
  CHECK(kml_detect("{\"type\":\"FeatureCollection\"}", "x.kml") == 0);
}

TEST_CASE("Google My Maps export: layers, points, a line, a polygon, CDATA descriptions") {
  Parsed p = parse_session(read_fixture("kml/my_maps.kml"), "my_maps.kml");
  CHECK(p.format == "kml");
  REQUIRE(!p.diag.failed);
  const Table& t = p.tables[0];
  CHECK(t.name == "my_maps");
  CHECK(t.rows() == 2 + 5 + 4);
  std::vector<std::string> names;
  for (const Column& c : t.columns) names.push_back(c.name + ":" + column_type_name(c.type));
  CHECK(names == std::vector<std::string>{"placemark:int64", "folder:string", "name:string", "description:string",
                                          "kind:string", "part:int64", "seq:int64", "time:timestamp",
                                          "begin:timestamp", "end:timestamp", "lon:float64", "lat:float64",
                                          "alt_m:float64"});
  CHECK(col(p, "name").string_at(0) == "Crêperie « Chez Anne »");
  CHECK(col(p, "description").string_at(0) == "Très bonne galette <b>complète</b><br>Réserver le soir");
  CHECK(col(p, "folder").string_at(0) == "Lieux");
  CHECK(col(p, "folder").string_at(2) == "Balades");
  CHECK(col(p, "kind").string_at(0) == "point");
  CHECK(col(p, "lon").f64[0] == -3.9826);
  CHECK(col(p, "lat").f64[0] == 48.7262);
  CHECK(col(p, "alt_m").f64[0] == 0);
  CHECK(!col(p, "alt_m").valid[1]);  // "lon,lat" without altitude
  CHECK(!col(p, "description").valid[1]);
  CHECK(col(p, "kind").string_at(2) == "line");
  CHECK(col(p, "description").string_at(2) == "GR34 & retour");
  CHECK(col(p, "seq").i64[6] == 5);
  CHECK(col(p, "lon").f64[6] == -4.0001);  // two tuples on one line
  CHECK(col(p, "kind").string_at(7) == "polygon");
  CHECK(col(p, "placemark").i64[10] == 4);
  CHECK(col(p, "time").null_count == 11);
  CHECK(t.meta == std::vector<std::pair<std::string, std::string>>{{"placemarks", "4"}, {"document", "Vacances Bretagne 2023"}});
  CHECK(p.diag.warnings.empty());
}

TEST_CASE("Location History: gx:Track when/coord pairs (alternating or in two runs), TimeSpan placemarks") {
  Parsed p = parse_session(read_fixture("kml/location_history.kml"), "location_history.kml");
  REQUIRE(!p.diag.failed);
  const Table& t = p.tables[0];
  CHECK(t.rows() == 50 + 5 + 1 + 3);
  const Column& time = col(p, "time");
  CHECK(time.i64[0] == utc_us(2013, 5, 1, 7, 0));
  CHECK(time.utc_offset_min[0] == -420);
  CHECK(time.value_text(1) == "2013-05-01T07:01:00.037Z");
  CHECK(time.i64[49] == utc_us(2013, 5, 1, 7, 49) + 813000);  // (49 * 37) % 1000 ms
  CHECK(col(p, "lon").f64[49] == doctest::Approx(-122.0751));
  CHECK(col(p, "lat").f64[49] == doctest::Approx(37.42245));
  // the second track lists its 5 whens first, then its 5 coords: the i-th goes with the i-th
  for (size_t i = 0; i < 5; ++i) {
    CHECK(time.i64[50 + i] == utc_us(2013, 5, 2, 10, int(i)));
    CHECK(col(p, "alt_m").f64[50 + i] == 30 + double(i));
    CHECK(col(p, "placemark").i64[50 + i] == 2);
  }
  CHECK(col(p, "kind").string_at(55) == "point");
  CHECK(col(p, "name").string_at(55) == "Maison");
  CHECK(col(p, "begin").value_text(55) == "2013-05-02T12:00:00Z");
  CHECK(col(p, "end").value_text(55) == "2013-05-02T18:30:00Z");
  CHECK(!time.valid[55]);
  CHECK(col(p, "kind").string_at(58) == "line");
  CHECK(col(p, "end").value_text(58) == "2013-05-02T19:00:00Z");
  CHECK(p.diag.warnings.empty());
}

TEST_CASE("inline KML quirks") {
  {  // unmatched when/coord, a bad coordinate, a TimeStamp, MultiGeometry parts, a zone-less time in Paris
    Parsed p = parse_session(
        "<kml xmlns:gx='http://www.google.com/kml/ext/2.2'><Placemark><TimeStamp><when>2023-07-01T12:00:00</when></TimeStamp>"
        "<MultiGeometry><Point><coordinates>1,2</coordinates></Point>"
        "<LineString><coordinates>1,2 x,3 3,4,5</coordinates></LineString></MultiGeometry></Placemark>\n"
        "<Placemark><gx:Track><when>2023-01-01T00:00:00Z</when><when>2023-01-01T00:01:00Z</when>"
        "<gx:coord>1 2 3</gx:coord></gx:Track></Placemark></kml>",
        "x.kml");
    REQUIRE(!p.diag.failed);
    CHECK(p.tables[0].rows() == 4);
    CHECK(col(p, "part").i64[1] == 2);
    CHECK(col(p, "time").i64[0] == utc_us(2023, 7, 1, 10, 0));  // 12:00 in Paris (CEST) = 10:00Z
    CHECK(col(p, "time").i64[1] == utc_us(2023, 7, 1, 10, 0));  // the placemark's TimeStamp on each point
    CHECK(col(p, "alt_m").f64[2] == 5);
    CHECK(col(p, "time").i64[3] == utc_us(2023, 1, 1, 0, 0));
    CHECK(find_warning(p.diag, "kml.bad_coord"));
    const Message* m = find_warning(p.diag, "kml.track_mismatch");
    REQUIRE(m);
    CHECK(m->en == "gx:Track (line 2): 1 <when> and 0 <gx:coord> without a partner");
  }
  {  // a LineString of 200 000 points (about 5 MB of <coordinates> text) streams past the text cap
    std::string doc = "<kml><Placemark><LineString><coordinates>\n";
    for (int i = 0; i < 200000; ++i) doc += std::to_string(i % 180) + ".12345678," + std::to_string(i % 90) + ".12345678,100\n";
    doc += "</coordinates></LineString></Placemark></kml>";
    Parsed p = parse_session(doc, "long.kml", 4096);
    REQUIRE(!p.diag.failed);
    CHECK(p.tables[0].rows() == 200000);
    CHECK(col(p, "lon").f64[199999] == 19.12345678);  // 199999 % 180
    CHECK(p.diag.warnings.empty());
  }
}

TEST_CASE("every KML fixture gives identical output whatever the chunk size") {
  for (const char* name : {"my_maps.kml", "location_history.kml"}) {
    const std::string data = read_fixture(std::string("kml/") + name);
    const Parsed whole = parse_session(data, name);
    for (size_t chunk : {1, 2, 3, 7, 64, 4096}) {
      CHECK_MESSAGE(first_diff(parse_session(data, name, chunk).dump, whole.dump) == "", name << " chunk " << chunk);
      CHECK_MESSAGE(first_diff(parse_direct(data, name, chunk, "kml").dump, whole.dump) == "", name << " direct " << chunk);
    }
  }
}
