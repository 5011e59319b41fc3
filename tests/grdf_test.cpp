// GRDF daily gas exports (tests/data/grdf, made by make_fixtures.py): the full layout in Windows-1252 with
// metadata lines (PCE), a spring-forward day of 23 h and a day without energy; the short layout in UTF-8 with
// BOM around the 25-hour fall-back day; detection against Enedis; chunk invariance.
#include <doctest/doctest.h>

#include "parsers/formats/grdf.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

Parsed grdf(const char* name, size_t chunk = 0) {
  return parse_session(read_fixture(std::string("grdf/") + name), name, chunk);
}

double total(const Column& c) {
  double s = 0;
  for (size_t i = 0; i < c.size(); ++i)
    if (c.valid[i]) s += c.f64[i];
  return s;
}

}  // namespace

TEST_CASE("GRDF full layout: cp1252, metadata lines, PCE, decimal commas, DST day of 23 h, kWh from m3 x coefficient") {
  Parsed p = grdf("consommations_quotidiennes.csv");
  CHECK(p.format == "grdf");
  CHECK(p.confidence == 90);
  CHECK(p.encoding == "windows-1252");
  REQUIRE(p.tables.size() == 1);
  const Table& t = p.tables[0];
  CHECK(t.domain == "energy_readings");
  REQUIRE(t.rows() == 6);  // the "Total" line is skipped
  CHECK(col(p, "ts_start").type == ColumnType::Timestamp);
  CHECK(col(p, "kwh").type == ColumnType::Float64);
  CHECK(col(p, "m3").type == ColumnType::Float64);
  CHECK(col(p, "energy").string_at(0) == "gas");
  CHECK(col(p, "kind").string_at(0) == "daily");
  CHECK(col(p, "source").string_at(0) == "grdf");
  CHECK(col(p, "meter_id").string_at(5) == "21546000000000");
  // 49,61 + 47,14 + 36,23 + 34,65 + 38,28 + (3,40 x 11,26 = 38,284)
  CHECK(total(col(p, "kwh")) == doctest::Approx(244.194));
  CHECK(col(p, "kwh").f64[5] == doctest::Approx(38.284));
  CHECK(total(col(p, "m3")) == doctest::Approx(21.70));
  CHECK(col(p, "conversion_kwh_m3").f64[4] == doctest::Approx(11.26));
  CHECK(col(p, "index_end_m3").f64[0] == doctest::Approx(12349.61));
  CHECK(col(p, "reading_type").string_at(0) == "Mesuré");
  CHECK(col(p, "reading_type").string_at(4) == "Estimé");
  // 28/03/2024 is a CET day; 31/03/2024 loses an hour: 23:00Z -> 22:00Z, 82 800 s
  CHECK(col(p, "ts_start").i64[0] == utc_us(2024, 3, 27, 23, 0));
  CHECK(col(p, "ts_start").i64[3] == utc_us(2024, 3, 30, 23, 0));
  CHECK(col(p, "ts_end").i64[3] == utc_us(2024, 3, 31, 22, 0));
  CHECK(col(p, "interval_s").f64[3] == 82800);
  CHECK(col(p, "interval_s").f64[4] == 86400);
  CHECK(p.diag.count("grdf.skipped_rows") == 1);
  bool pce_meta = false;
  for (const auto& [k, v] : t.meta) pce_meta = pce_meta || (k == "pce" && v == "21546000000000");
  CHECK(pce_meta);
}

TEST_CASE("GRDF short layout: UTF-8 BOM, Date;Consommation (m3);Consommation (kWh), the 25-hour fall-back day") {
  Parsed p = grdf("conso_jour_court.csv");
  CHECK(p.format == "grdf");
  CHECK(p.encoding == "utf-8-bom");
  REQUIRE(p.tables[0].rows() == 3);
  CHECK(total(col(p, "kwh")) == doctest::Approx(61.21));
  CHECK(total(col(p, "m3")) == doctest::Approx(5.44));
  CHECK(col(p, "meter_id").valid[0] == 0);
  CHECK(col(p, "ts_start").i64[1] == utc_us(2024, 10, 26, 22, 0));
  CHECK(col(p, "ts_end").i64[1] == utc_us(2024, 10, 27, 23, 0));
  CHECK(col(p, "interval_s").f64[1] == 90000);
}

TEST_CASE("GRDF detection: needs m3 or GRDF metadata; Enedis and bank files are not gas") {
  CHECK(grdf_detect("Date;Consommation (m3);Consommation (kWh)\n01/01/2024;1,2;13,5\n", "x.csv") == 90);
  CHECK(grdf_detect("Date;Consommation (kWh)\n01/01/2024;13,5\n", "x.csv") == 0);  // could be electricity
  CHECK(grdf_detect("PCE;GI012345\nDate;Énergie (kWh)\n01/01/2024;13,5\n", "x.csv") == 90);
  CHECK(grdf_detect("Horodate;Valeur\n2024-01-01T00:30:00+01:00;512\n", "x.csv") == 0);
  CHECK(grdf_detect("Date;Libellé;Montant\n01/01/2024;CB;-3,2\n", "x.csv") == 0);
  const std::string data = read_fixture("grdf/consommations_quotidiennes.csv");
  const Parsed whole = parse_session(data, "g.csv");
  for (size_t chunk : {1, 7, 64}) CHECK(first_diff(parse_session(data, "g.csv", chunk).dump, whole.dump) == "");
}
