// Enedis 2025 exports (parsers/formats/enedis_2025.cpp) read through the XLSX reader: load curve weeks with text or
// date-cell timestamps, the DST nights, daily, max power, index. Expected values worked by hand from
// tests/data/xlsx/make_fixtures.py (1.2 kW everywhere but one 3.14159 kW slot, 'NA' in spring's 02:00/02:30).
#include <doctest/doctest.h>

#include <cmath>
#include <set>

#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

const Table& energy(const Parsed& p) {
  for (const Table& t : p.tables)
    if (t.domain == "energy_readings") return t;
  FAIL("no energy_readings table: " << p.dump);
  static Table none;
  return none;
}
const Column& col(const Table& t, std::string_view name) {
  for (const Column& c : t.columns)
    if (c.name == name) return c;
  FAIL("no column " << name);
  return t.columns[0];
}
double sum(const Column& c) {
  double s = 0;
  for (size_t i = 0; i < c.size(); ++i)
    if (c.valid[i]) s += c.f64[i];
  return s;
}

}  // namespace

TEST_CASE("enedis 2025: a load-curve week in kW with text timestamps and the spring-forward night") {
  const Parsed p = parse_session(read_fixture("xlsx/enedis_courbe_2025-03-24_2025-03-30.xlsx"), "enedis_courbe_2025-03-24_2025-03-30.xlsx");
  REQUIRE_MESSAGE(!p.diag.failed, p.dump);
  CHECK(p.format == "xlsx");
  const Table& t = energy(p);
  // 6 days x 48 half hours + 30/03 (23 h: 46 slots; its 02:00 and 02:30 'NA' slots are skipped) = 334
  REQUIRE(t.rows() == 334);
  CHECK(col(t, "meter_id").value_text(0) == "09876543210987");
  CHECK(col(t, "kind").value_text(0) == "load_curve");
  CHECK(col(t, "unit").value_text(0) == "kW");
  // Début 24/03/2025 00:00 Paris (+01:00) = 23:00Z; 30 min
  CHECK(col(t, "ts_start").value_text(0) == "2025-03-23T23:00:00Z");
  CHECK(col(t, "ts_end").value_text(0) == "2025-03-23T23:30:00Z");
  CHECK(col(t, "interval_s").f64[0] == 1800);
  CHECK(col(t, "power_w").f64[0] == doctest::Approx(1200));
  // 333 slots x 1.2 kW x 0.5 h + 3.14159 kW x 0.5 h = 199.8 + 1.570795 = 201.370795 kWh
  CHECK(sum(col(t, "kwh")) == doctest::Approx(201.370795).epsilon(1e-9));
  // 30/03: 01:30 local (+01:00) = 00:30Z, then 03:00 local (+02:00) = 01:00Z: no hole, no overlap
  const Column& ts = col(t, "ts_start");
  bool found = false;
  for (size_t i = 0; i + 1 < t.rows(); ++i)
    if (ts.value_text(i) == "2025-03-30T00:30:00Z") {
      CHECK(ts.value_text(i + 1) == "2025-03-30T01:00:00Z");
      found = true;
    }
  CHECK(found);
  CHECK(p.diag.count("enedis_2025.dst_gap_slots") == 1);
}

TEST_CASE("enedis 2025: the next week with Excel date cells, and the same layout saved as CSV") {
  const Parsed p = parse_session(read_fixture("xlsx/enedis_courbe_2025-03-30_2025-04-05.xlsx"), "w2.xlsx");
  REQUIRE_MESSAGE(!p.diag.failed, p.dump);
  const Table& t = energy(p);
  REQUIRE(t.rows() == 334);  // 30/03 (46) + 6 x 48
  CHECK(col(t, "ts_start").value_text(0) == "2025-03-29T23:00:00Z");
  CHECK(sum(col(t, "kwh")) == doctest::Approx(334 * 0.6));
  CHECK(col(t, "_file").value_text(0) == "w2.xlsx");

  const std::string csv =
      "Point Référence Mesure (PRM) : ;09876543210987;Type de comptage : ;Consommation Horaire\n"
      ";;Plage horaire\n"
      ";;Début;Fin;Valeur (en kW)\n"
      ";;24/03/2025 00:00:00;24/03/2025 00:30:00;0,732\n"
      ";;24/03/2025 00:30:00;24/03/2025 01:00:00;NA\n";
  const Parsed c = parse_session(csv, "export.csv");
  CHECK(c.format == "enedis_2025");
  const Table& ct = energy(c);
  REQUIRE(ct.rows() == 2);
  CHECK(col(ct, "kwh").f64[0] == doctest::Approx(0.366));  // 0.732 kW x 0.5 h
  CHECK_FALSE(col(ct, "kwh").valid[1]);                     // NA (not a DST slot): kept, kWh empty
  CHECK(c.diag.count("enedis_2025.missing_values") == 1);
}

TEST_CASE("enedis 2025: autumn's repeated hour comes twice and maps to distinct instants") {
  const Parsed p = parse_session(read_fixture("xlsx/enedis_courbe_automne_2025.xlsx"), "automne.xlsx");
  REQUIRE_MESSAGE(!p.diag.failed, p.dump);
  const Table& t = energy(p);
  REQUIRE(t.rows() == 98);  // 25/10: 48 slots, 26/10: 25 h = 50 slots
  std::set<std::string> starts;
  for (size_t i = 0; i < t.rows(); ++i) starts.insert(col(t, "ts_start").value_text(i));
  CHECK(starts.size() == 98);
  CHECK(starts.count("2025-10-26T00:00:00Z") == 1);  // 02:00 +02:00
  CHECK(starts.count("2025-10-26T01:00:00Z") == 1);  // 02:00 +01:00
  // 96 first-time slots at 2 kW x 0.5 h + 2 repeated slots at 1 kW x 0.5 h = 96 + 1 = 97 kWh
  CHECK(sum(col(t, "kwh")) == doctest::Approx(97));
}

TEST_CASE("enedis 2025: daily consumption, max power and index sheets") {
  const Parsed d = parse_session(read_fixture("xlsx/enedis_quotidien_2026-01-01_2026-01-07.xlsx"), "q.xlsx");
  REQUIRE_MESSAGE(!d.diag.failed, d.dump);
  const Table& dt = energy(d);
  REQUIRE(dt.rows() == 7);
  CHECK(col(dt, "kind").value_text(0) == "daily");
  CHECK(col(dt, "ts_start").value_text(0) == "2025-12-31T23:00:00Z");
  CHECK(col(dt, "ts_end").value_text(0) == "2026-01-01T23:00:00Z");
  // 6.329 + 3.217 + 4.966 + 3.655 + 3.636 + 5.762 = 27.565 (the NA day kept without kWh)
  CHECK(sum(col(dt, "kwh")) == doctest::Approx(27.565));
  CHECK_FALSE(col(dt, "kwh").valid[2]);

  const Parsed m = parse_session(read_fixture("xlsx/enedis_puissance_max.xlsx"), "p.xlsx");
  REQUIRE_MESSAGE(!m.diag.failed, m.dump);
  const Table& mt = energy(m);
  REQUIRE(mt.rows() == 2);
  CHECK(col(mt, "kind").value_text(0) == "max_power");
  CHECK(col(mt, "power_w").f64[0] == doctest::Approx(5876));
  CHECK(col(mt, "ts_peak").value_text(0) == "2026-01-01T18:42:00Z");  // 19:42 Paris in winter

  const Parsed x = parse_session(read_fixture("xlsx/enedis_index.xlsx"), "i.xlsx");
  REQUIRE_MESSAGE(!x.diag.failed, x.dump);
  const Table& xt = energy(x);
  REQUIRE(xt.rows() == 3);
  CHECK(col(xt, "kind").value_text(0) == "index");
  CHECK(col(xt, "kwh").f64[0] == doctest::Approx(6.329));  // 12352.007 - 12345.678
  CHECK(col(xt, "kwh").f64[1] == doctest::Approx(7.993));  // 12360 - 12352.007
  CHECK_FALSE(col(xt, "kwh").valid[2]);
  CHECK(col(xt, "index_wh").f64[0] == doctest::Approx(12345678));
}

#include "challenges/coverage.h"

TEST_CASE("enedis 2025: three weekly files of one meter, covered period and the missing day") {
  std::vector<int64_t> ts;
  std::vector<double> kwh;
  std::set<std::pair<std::string, int64_t>> keys;  // (meter_id, ts_start): what the merge dedups on
  size_t rows = 0;
  for (const char* f : {"xlsx/enedis_courbe_2025-03-24_2025-03-30.xlsx", "xlsx/enedis_courbe_2025-03-30_2025-04-05.xlsx",
                        "xlsx/enedis_courbe_2025-04-07_2025-04-13.xlsx"}) {
    const Parsed p = parse_session(read_fixture(f), f);
    const Table& t = energy(p);
    for (size_t i = 0; i < t.rows(); ++i) {
      ts.push_back(col(t, "ts_start").i64[i]);
      kwh.push_back(col(t, "kwh").valid[i] ? col(t, "kwh").f64[i] : NAN);
      keys.insert({col(t, "meter_id").value_text(i), col(t, "ts_start").i64[i]});
      CHECK(col(t, "meter_id").value_text(i) == "09876543210987");
      CHECK(col(t, "kind").value_text(i) == "load_curve");
    }
    rows += t.rows();
  }
  // 334 + 334 + 336 rows; 30/03 (46 slots) is in the first two files: 46 duplicate keys for the merge
  CHECK(rows == 1004);
  CHECK(keys.size() == 1004 - 46);
  challenge::EnergyView v;
  v.ts_start_us = ts;
  v.kwh = kwh;
  const challenge::Coverage c = challenge::energy_coverage(v);
  REQUIRE(c.any);
  CHECK(challenge::day_key(c.from) == "2025-03-24");
  CHECK(challenge::day_key(c.to) == "2025-04-13");
  CHECK(c.days == 21);
  REQUIRE(c.missing_days.size() == 1);
  CHECK(challenge::day_key(c.missing_days[0]) == "2025-04-06");
}
