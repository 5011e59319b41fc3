// GPX parser on real-shaped fixtures (tests/data/gpx, made by tests/data/make_fixtures.py) and inline
// documents: coordinates, times with offsets across DST, extensions, per-track summaries (haversine),
// GPX 1.0 quirks, XML errors with line and offset, entity attacks, chunk-size invariance.
#include <doctest/doctest.h>

#include "parsers/formats/gpx.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

Parsed gpx(std::string_view text, size_t chunk = 0) { return parse_session(text, "trace.gpx", chunk); }

std::string meta(const Table& t, const std::string& key) {
  for (const auto& [k, v] : t.meta)
    if (k == key) return v;
  FAIL("no meta " << key);
  return "";
}

const Message* find_warning(const Diagnostics& d, const std::string& code) {
  for (const Message& m : d.warnings)
    if (m.code == code) return &m;
  return nullptr;
}

}  // namespace

TEST_CASE("gpx detection") {
  struct Case { const char* head; int score; };
  const Case cases[] = {
      {"<?xml version=\"1.0\"?>\n<gpx version=\"1.1\">", 90},
      {"\xEF\xBB\xBF<gpx>", 90},
      {"<?xml version='1.0'?><!-- exported --><!DOCTYPE gpx><gpx\n version='1.0'>", 90},
      {"<g:gpx xmlns:g=\"http://www.topografix.com/GPX/1/1\">", 90},
      {"<kml>", 0},
      {"<gpxdata>", 0},
      {"a;b\n1;2\n", 0},
      {"<?xml version=\"1.0\"?>", 0},
      {"<!DOCTYPE gpx [<!ENTITY a 'x'><!ENTITY b 'y'>]><gpx>", 90},
  };
  for (const Case& c : cases) CHECK_MESSAGE(gpx_detect(c.head, "x.gpx") == c.score, c.head);
  CHECK(haversine_m(48.8566, 2.3522, 48.8566, 2.3522) == 0);
  CHECK(haversine_m(0, 0, 1, 0) == doctest::Approx(111195.08).epsilon(1e-6));  // 1 degree of the 6371008.8 m sphere
}

TEST_CASE("Strava-like run: extensions, two segments, offsets across the 2023-10-29 fall-back, trailing garbage") {
  Parsed p = parse_session(read_fixture("gpx/strava_run.gpx"), "strava_run.gpx");
  CHECK(p.format == "gpx");
  REQUIRE(!p.diag.failed);
  REQUIRE(p.tables.size() == 1);
  const Table& t = p.tables[0];
  CHECK(t.name == "strava_run");
  CHECK(t.rows() == 120);
  std::vector<std::string> names;
  for (const Column& c : t.columns) names.push_back(c.name + ":" + column_type_name(c.type));
  CHECK(names == std::vector<std::string>{"kind:string", "track:string", "segment:int64", "seq:int64", "time:timestamp",
                                          "lat:float64", "lon:float64", "ele_m:float64", "hr:float64", "cad:float64"});
  CHECK(col(p, "kind").string_at(0) == "track");
  CHECK(col(p, "track").string_at(0) == "Course de nuit – changement d’heure");
  CHECK(col(p, "lat").f64[0] == 48.8566);
  CHECK(col(p, "lon").f64[0] == 2.3522);
  CHECK(col(p, "lat").f64[119] == 48.8674025);  // printed by make_fixtures.py
  CHECK(col(p, "lon").f64[119] == 2.3495703);
  CHECK(col(p, "segment").i64[59] == 1);
  CHECK(col(p, "segment").i64[60] == 2);
  CHECK(col(p, "seq").i64[0] == 1);
  CHECK(col(p, "seq").i64[119] == 120);
  CHECK(col(p, "ele_m").null_count == 12);  // every tenth point from the 5th has no <ele>
  CHECK(col(p, "hr").f64[0] == 120);
  CHECK(col(p, "cad").f64[5] == 85);

  const Column& time = col(p, "time");
  CHECK(time.null_count == 0);
  CHECK(time.i64[0] == utc_us(2023, 10, 29, 0, 50));
  CHECK(time.utc_offset_min[0] == 120);
  CHECK(time.value_text(7) == "2023-10-29T00:50:35.25Z");  // fractional seconds
  // segment 2 starts 3 min after segment 1 ends; 01:00Z (03:00 CEST -> 02:00 CET) falls at row 85
  CHECK(time.i64[60] == utc_us(2023, 10, 29, 0, 57, 55));
  CHECK(time.utc_offset_min[84] == 120);
  CHECK(time.utc_offset_min[85] == 60);
  CHECK(time.i64[85] - time.i64[84] == 5000000);  // same instants spacing though the wall clock went back
  for (size_t i = 1; i < 120; ++i)
    if (i != 60 && i != 7 && i != 8) CHECK(time.i64[i] - time.i64[i - 1] == 5000000);  // row 7 is at .25 s

  CHECK(meta(t, "gpx_version") == "1.1");
  CHECK(meta(t, "creator") == "StravaGPX");
  CHECK(meta(t, "time") == "2023-10-29T00:50:00Z");
  CHECK(meta(t, "track.1.name") == "Course de nuit – changement d’heure");
  CHECK(meta(t, "track.1.points") == "120");
  // the generator stepped 1293.332 m along great circles (haversine of the rounded points: 1293.339 m);
  // no distance counted across the pause between segments
  const double dist = std::stod(meta(t, "track.1.distance_m"));
  CHECK(dist == doctest::Approx(1293.332).epsilon(0.005));
  CHECK(dist == doctest::Approx(1293.339).epsilon(0.0001));
  CHECK(meta(t, "track.1.duration_s") == "770");
  CHECK(meta(t, "track.1.start") == "2023-10-29T00:50:00Z");
  CHECK(meta(t, "track.1.end") == "2023-10-29T01:02:50Z");

  const Message* trailing = find_warning(p.diag, "xml.trailing");
  REQUIRE(trailing);
  CHECK(trailing->where.line == 1203);
  CHECK(trailing->en.find("Data after the end of the XML document ignored") == 0);
  CHECK(p.diag.warnings.size() == 1);
}

TEST_CASE("Garmin GPX 1.0 in ISO-8859-1: waypoints, route, speed, missing and zone-less times, a bad point") {
  Parsed p = parse_session(read_fixture("gpx/garmin_etrex_1_0.gpx"), "garmin_etrex_1_0.gpx");
  REQUIRE(!p.diag.failed);
  const Table& t = p.tables[0];
  CHECK(t.rows() == 10);  // 2 waypoints, 3 route points, 5 of 6 track points
  const Column& kind = col(p, "kind");
  CHECK(kind.string_at(0) == "waypoint");
  CHECK(kind.string_at(2) == "route");
  CHECK(kind.string_at(5) == "track");
  CHECK(col(p, "name").string_at(1) == "Lac Achard é");
  CHECK(col(p, "name").string_at(4) == "Arrivée");
  CHECK(!col(p, "track").valid[0]);  // waypoints belong to no track
  CHECK(col(p, "track").string_at(2) == "Itinéraire");
  CHECK(!col(p, "segment").valid[2]);
  CHECK(col(p, "segment").i64[5] == 1);
  CHECK(col(p, "ele_m").f64[0] == 1203.5);
  const Column& time = col(p, "time");
  CHECK(!time.valid[7]);                                         // no <time>
  CHECK(time.i64[8] == utc_us(2008, 6, 1, 8, 0, 30));            // no zone: UTC, as the schema says
  CHECK(time.utc_offset_min[8] == k_unknown_offset);
  CHECK(time.value_text(9) == "2008-06-01T08:00:50.5Z");
  const Column& speed = col(p, "speed_m_s");
  CHECK(speed.f64[5] == 1.5);
  CHECK(!speed.valid[7]);
  CHECK(meta(t, "gpx_version") == "1.0");
  CHECK(meta(t, "time") == "2008-06-01T18:00:00Z");
  CHECK(meta(t, "track.1.name") == "ACTIVE LOG");
  CHECK(meta(t, "track.1.points") == "5");
  CHECK(meta(t, "route.1.points") == "3");
  const Message* bad = find_warning(p.diag, "gpx.bad_point");
  REQUIRE(bad);
  CHECK(bad->where.line == 17);
  CHECK(bad->fr == "Point sans lat/lon valides ignoré (ligne 17)");
}

TEST_CASE("inline GPX quirks and failures") {
  {  // attributes in any order, prefix on every element, no time, no elevation
    Parsed p = gpx("<g:gpx xmlns:g='http://www.topografix.com/GPX/1/1'><g:trk><g:trkseg>"
                   "<g:trkpt lon='2.5' lat='48.5'/><g:trkpt lat=' 48.6 ' lon='+2.6'></g:trkpt>"
                   "</g:trkseg></g:trk></g:gpx>");
    REQUIRE(!p.diag.failed);
    CHECK(p.tables[0].rows() == 2);
    CHECK(col(p, "lat").f64[1] == 48.6);
    CHECK(col(p, "lon").f64[1] == 2.6);
    CHECK(col(p, "time").null_count == 2);
    CHECK(col(p, "track").string_at(0) == "1");  // no <name>: the index
  }
  {  // truncated file: the points read are kept, with a warning saying where
    Parsed p = gpx("<gpx><trk><trkseg><trkpt lat='1' lon='2'><time>2023-01-01T00:00:00Z</time></trkpt>\n"
                   "<trkpt lat='1.1' lon='2.1'><time>2023-01-01T00:0");
    REQUIRE(!p.diag.failed);
    CHECK(p.tables[0].rows() == 1);
    const Message* m = find_warning(p.diag, "gpx.truncated");
    REQUIRE(m);
    CHECK(m->where.line == 2);
    CHECK(m->en.find("the 1 points read are kept") != std::string::npos);
  }
  {  // mismatched tags: a clear XML error with line and byte offset
    Parsed p = gpx("<gpx>\n<trk>\n<trkseg></trk>\n</gpx>");
    REQUIRE(p.diag.failed);
    CHECK(p.diag.error.code == "xml.tag_mismatch");
    CHECK(p.diag.error.where.line == 3);
    CHECK(p.diag.error.where.byte_offset == 22);  // expat points at the name in "</trk>"
    CHECK(p.diag.error.en == "Invalid XML: closing tag does not match the opening tag (line 3, byte 22)");
    CHECK(p.diag.error.fr == "XML invalide : balise fermante qui ne correspond pas à la balise ouvrante (ligne 3, octet 22)");
    CHECK(p.tables.empty());
  }
  {  // billion laughs: expat's amplification limit stops it
    std::string doc = "<?xml version='1.0'?><!DOCTYPE gpx [<!ENTITY a0 'dadadadadadadadadadadadadadadada'>";
    for (int i = 1; i < 10; ++i) {
      doc += "<!ENTITY a" + std::to_string(i) + " '";
      for (int k = 0; k < 10; ++k) doc += "&a" + std::to_string(i - 1) + ";";
      doc += "'>";
    }
    doc += "]><gpx><wpt lat='1' lon='2'><name>&a9;</name></wpt></gpx>";
    Parsed p = gpx(doc);
    REQUIRE(p.diag.failed);
    CHECK(p.diag.error.code == "xml.entity_amplification");
  }
  {  // external entity: refused, nothing fetched
    Parsed p = gpx("<?xml version='1.0'?><!DOCTYPE gpx [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                   "<gpx><wpt lat='1' lon='2'><name>&x;</name></wpt></gpx>");
    REQUIRE(p.diag.failed);
    CHECK(p.diag.error.code == "xml.external_entity");
    CHECK(p.diag.error.en.rfind("External entity \"x\" refused", 0) == 0);
  }
  {  // an empty document is a valid GPX with no points
    Parsed p = gpx("<gpx version='1.1' creator='x'/>");
    REQUIRE(!p.diag.failed);
    CHECK(p.tables[0].rows() == 0);
    CHECK(find_warning(p.diag, "gpx.empty"));
  }
  {  // unreadable time: null plus a warning
    Parsed p = gpx("<gpx><wpt lat='1' lon='2'><time>hier</time></wpt></gpx>");
    CHECK(!col(p, "time").valid[0]);
    CHECK(find_warning(p.diag, "gpx.bad_time"));
  }
}

TEST_CASE("every GPX fixture gives identical output whatever the chunk size") {
  for (const char* name : {"strava_run.gpx", "garmin_etrex_1_0.gpx"}) {
    const std::string data = read_fixture(std::string("gpx/") + name);
    const Parsed whole = parse_session(data, name);
    for (size_t chunk : {1, 2, 3, 7, 64, 4096}) {
      CHECK_MESSAGE(first_diff(parse_session(data, name, chunk).dump, whole.dump) == "", name << " chunk " << chunk);
      CHECK_MESSAGE(first_diff(parse_direct(data, name, chunk, "gpx").dump, whole.dump) == "", name << " direct " << chunk);
    }
  }
}
