// Train-trip history exports (tests/data/trains, made by make_fixtures.py): SNCF Connect-style and
// Trainline-style CSVs -> trips; station lookup and distances, night train across the fall-back,
// prices and currencies, unknown stations; chunk-size invariance.
#include <doctest/doctest.h>

#include "parsers/formats/gpx.h"
#include "parsers/formats/trains.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

Parsed trains(const char* name) { return parse_session(read_fixture(std::string("trains/") + name), name); }

double dist(const char* a, const char* b) {
  const Station* x = find_station(a);
  const Station* y = find_station(b);
  REQUIRE(x);
  REQUIRE(y);
  return haversine_m(x->lat, x->lon, y->lat, y->lon);
}

}  // namespace

TEST_CASE("station lookup: accents, case, hyphens, St, unique prefixes, platform suffixes") {
  struct Case {
    const char* written;
    const char* station;  // nullptr: unknown or ambiguous
  };
  const Case cases[] = {
      {"Marseille St-Charles", "Marseille Saint-Charles"}, {"MARSEILLE SAINT CHARLES", "Marseille Saint-Charles"},
      {"La Rochelle", "La Rochelle Ville"},                {"PARIS MONTPARNASSE 1 ET 2", "Paris Montparnasse"},
      {"Paris Gare du Nord", "Paris Nord"},                {"Nimes", "Nîmes"},
      {"Orleans", "Orléans"},                              {"Paris", nullptr},
      {"Dinard Plage", nullptr},                           {"", nullptr},
  };
  for (const Case& c : cases) {
    const Station* s = find_station(c.written);
    if (!c.station) CHECK_MESSAGE(s == nullptr, c.written);
    else {
      REQUIRE_MESSAGE(s, c.written);
      CHECK_MESSAGE(std::string(s->name) == c.station, c.written);
    }
  }
  // great-circle distances from the table (not rail distances)
  CHECK(dist("Paris Montparnasse", "La Rochelle Ville") == doctest::Approx(396364).epsilon(1e-4));
  CHECK(dist("Paris Gare de Lyon", "Marseille Saint-Charles") == doctest::Approx(658250).epsilon(1e-4));
}

TEST_CASE("SNCF Connect history: trips with local times, distance, price in euros") {
  Parsed p = trains("sncf_connect_voyages.csv");
  CHECK(p.format == "trains");
  CHECK(p.confidence == 86);
  CHECK(p.encoding == "utf-8-bom");
  REQUIRE(p.tables.size() == 1);
  const Table& t = p.tables[0];
  CHECK(t.domain == "trips");
  CHECK(t.name == "trips");
  REQUIRE(t.rows() == 5);
  CHECK(col(p, "ts_start").i64[0] == utc_us(2023, 7, 14, 6, 12));
  CHECK(col(p, "ts_end").i64[0] == utc_us(2023, 7, 14, 9, 5));
  CHECK(col(p, "duration_s").f64[0] == 2 * 3600 + 53 * 60);
  CHECK(col(p, "distance_m").f64[0] == doctest::Approx(dist("Paris Montparnasse", "La Rochelle Ville")));
  CHECK(col(p, "distance_m").f64[1] == doctest::Approx(col(p, "distance_m").f64[0]));  // return trip
  CHECK(col(p, "origin").string_at(1) == "La Rochelle");
  CHECK(col(p, "destination").string_at(1) == "PARIS MONTPARNASSE 1 ET 2");
  CHECK(col(p, "price_eur").f64[0] == 112);
  CHECK(col(p, "price_eur").f64[1] == doctest::Approx(98.4));
  CHECK(col(p, "mode").string_at(0) == "train");
  CHECK(col(p, "mode_raw").string_at(0) == "TGV INOUI");
  CHECK(col(p, "mode_inferred").i64[0] == 0);
  CHECK(col(p, "train_number").string_at(0) == "8381");
  CHECK(col(p, "passengers").i64[0] == 2);
  CHECK(col(p, "booking_ref").string_at(0) == "QXZ7PL");
  CHECK(col(p, "start_lat").f64[0] == doctest::Approx(48.8412));
  // night train leaving 28 October 22:47 (+02:00), arriving 29 October 07:31 (+01:00): 8 h 44 on the wall
  // clock, 9 h 44 of travel
  CHECK(col(p, "ts_start").i64[2] == utc_us(2023, 10, 28, 20, 47));
  CHECK(col(p, "ts_end").i64[2] == utc_us(2023, 10, 29, 6, 31));
  CHECK(col(p, "duration_s").f64[2] == 35040);
  CHECK(col(p, "travel_class").string_at(2) == "Couchette");
  // cancelled trip kept with its status; unknown station: no distance, no end coordinates
  CHECK(col(p, "status").string_at(3) == "Annulé");
  CHECK(!col(p, "distance_m").valid[4]);
  CHECK(col(p, "start_lat").valid[4]);
  CHECK(!col(p, "end_lat").valid[4]);
  CHECK(!col(p, "train_number").valid[4]);
  CHECK(p.diag.count("trains.unknown_station") == 1);
  CHECK(col(p, "_record").i64[4] == 4);
}

TEST_CASE("Trainline bookings: English headers, ISO dates, a GBP price kept out of price_eur") {
  Parsed p = trains("trainline_bookings.csv");
  CHECK(p.format == "trains");
  REQUIRE(p.tables[0].rows() == 3);
  CHECK(col(p, "ts_start").i64[0] == utc_us(2024, 3, 30, 8, 14));   // before the spring change: +01:00
  CHECK(col(p, "ts_start").i64[1] == utc_us(2024, 3, 31, 14, 2));   // after it: +02:00
  CHECK(col(p, "distance_m").f64[0] == doctest::Approx(dist("Paris Gare de Lyon", "Marseille Saint-Charles")));
  CHECK(col(p, "price_eur").f64[0] == doctest::Approx(45.9));
  CHECK(!col(p, "price_eur").valid[2]);
  CHECK(col(p, "price").f64[2] == 78);
  CHECK(col(p, "currency").string_at(2) == "GBP");
  CHECK(col(p, "booking_ref").string_at(2) == "TL-90001");
  CHECK(col(p, "carrier").string_at(2) == "Eurostar");
}

TEST_CASE("train detection needs date, origin and destination") {
  CHECK(trains_detect("Date;Origine;Destination;Prix\n", "x.csv") == 86);
  CHECK(trains_detect("Date;Libellé;Montant\n", "x.csv") == 0);
  CHECK(trains_detect("Horodate;Valeur\n", "x.csv") == 0);
}

TEST_CASE("train fixtures give identical output whatever the chunk size") {
  const char* files[] = {"sncf_connect_voyages.csv", "trainline_bookings.csv"};
  for (const char* f : files) {
    const std::string data = read_fixture(std::string("trains/") + f);
    const Parsed whole = parse_session(data, f);
    for (size_t chunk : {1, 2, 3, 7, 64, 4096})
      CHECK_MESSAGE(first_diff(parse_session(data, f, chunk).dump, whole.dump) == "", f << " chunk " << chunk);
  }
}
