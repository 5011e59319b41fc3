// Enedis / Linky exports (tests/data/enedis, made by make_fixtures.py): detection against the generic CSV
// parser, load curves across both DST changes (hour counts and kWh sums per local day), daily
// consumption, index differences, maximum power, and chunk-size invariance.
#include <doctest/doctest.h>

#include <map>

#include "parsers/core/domain_table.h"
#include "parsers/formats/enedis.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

Parsed enedis(const char* name) { return parse_session(read_fixture(std::string("enedis/") + name), name); }

struct DayTotals {
  double hours = 0, kwh = 0;
  size_t rows = 0;
};

// per local (Paris) day of ts_start
std::map<int32_t, DayTotals> per_day(const Parsed& p) {
  std::map<int32_t, DayTotals> m;
  const Column& s = col(p, "ts_start");
  const Column& i = col(p, "interval_s");
  const Column& k = col(p, "kwh");
  for (size_t r = 0; r < s.size(); ++r) {
    DayTotals& d = m[local_date_of(s.i64[r], LocalZone::Paris)];
    d.hours += i.f64[r] / 3600;
    if (k.valid[r]) d.kwh += k.f64[r];
    ++d.rows;
  }
  return m;
}

int32_t day(int y, unsigned m, unsigned d) { return int32_t(days_from_civil(y, m, d)); }

}  // namespace

TEST_CASE("Enedis detection wins over the generic CSV parser") {
  struct Case {
    const char* file;
    int confidence;
  };
  const Case cases[] = {{"courbe_de_charge_printemps.csv", 90}, {"courbe_automne_sans_offset.csv", 85},
                        {"consommation_quotidienne.csv", 90},   {"index_quotidien.csv", 90},
                        {"puissance_max.csv", 90}};
  for (const Case& c : cases) {
    Parsed p = enedis(c.file);
    CHECK_MESSAGE(p.format == "enedis", c.file);
    CHECK_MESSAGE(p.confidence == c.confidence, c.file);
    REQUIRE(p.tables.size() == 1);
    CHECK(p.tables[0].domain == "energy_readings");
    CHECK(p.tables[0].name == "energy_readings");
    CHECK(!p.diag.failed);
  }
  CHECK(enedis_detect("Date;Valeur\n01/01/2023;12\n", "x.csv") == 0);
  CHECK(enedis_detect("Horodate;Libellé;Montant\n", "x.csv") == 0);
  // a generic preamble that is not Enedis' and a three-column table stay with the CSV parser
  CHECK(enedis_detect("Identifiant PRM;Type;Pas;Unite\n0123;Courbe;10 min;kW\nHorodate;Valeur;Note\n", "x.csv") == 0);
}

TEST_CASE("load curve over the spring-forward day: 46 half-hours, 23 h, kWh = W x 0.5 h / 1000") {
  Parsed p = enedis("courbe_de_charge_printemps.csv");
  CHECK(p.encoding == "utf-8-bom");
  const Table& t = p.tables[0];
  REQUIRE(t.rows() == 48 + 46 + 48);
  // columns: domain first, extras, provenance last
  const char* names[] = {"ts_start", "ts_end", "interval_s", "kwh", "power_w", "energy", "meter_id", "kind", "source",
                         "value", "unit", "index_wh", "ts_peak", "reading_type", "_file", "_entry", "_record"};
  REQUIRE(t.columns.size() == std::size(names));
  for (size_t i = 0; i < std::size(names); ++i) CHECK(t.columns[i].name == names[i]);

  // first row: Horodate 2023-03-25T00:30+01:00 is the END of [00:00, 00:30) local
  CHECK(col(p, "ts_start").i64[0] == utc_us(2023, 3, 24, 23, 0));
  CHECK(col(p, "ts_end").i64[0] == utc_us(2023, 3, 24, 23, 30));
  CHECK(col(p, "power_w").f64[0] == 200);
  CHECK(col(p, "kwh").f64[0] == doctest::Approx(0.1));  // 200 W for 30 min
  CHECK(col(p, "interval_s").f64[0] == 1800);
  CHECK(col(p, "meter_id").string_at(0) == "09876543210987");
  CHECK(col(p, "kind").string_at(0) == "load_curve");
  CHECK(col(p, "energy").string_at(0) == "electricity");
  CHECK(col(p, "_file").string_at(0) == "courbe_de_charge_printemps.csv");
  CHECK(col(p, "_entry").string_at(0) == "");
  CHECK(col(p, "_record").i64[141] == 141);
  // the empty value (row 19) is kept with no kWh
  CHECK(!col(p, "kwh").valid[19]);
  CHECK(col(p, "kwh").null_count == 1);
  CHECK(p.diag.count("enedis.missing_values") == 1);

  auto days = per_day(p);
  REQUIRE(days.size() == 3);
  CHECK(days[day(2023, 3, 25)].rows == 48);
  CHECK(days[day(2023, 3, 26)].rows == 46);
  CHECK(days[day(2023, 3, 26)].hours == doctest::Approx(23));
  CHECK(days[day(2023, 3, 27)].hours == doctest::Approx(24));
  // W = 200 + (i * 53) % 1800, row i; the day of 26 March is rows 48..93
  double w26 = 0, w25 = 0;
  for (int i = 48; i < 94; ++i) w26 += 200 + (i * 53) % 1800;
  for (int i = 0; i < 48; ++i)
    if (i != 19) w25 += 200 + (i * 53) % 1800;
  CHECK(days[day(2023, 3, 26)].kwh == doctest::Approx(w26 * 0.5 / 1000));
  CHECK(days[day(2023, 3, 25)].kwh == doctest::Approx(w25 * 0.5 / 1000));
  // across the jump: 01:30+01:00 then 03:00+02:00 are 30 min apart
  const Column& e = col(p, "ts_end");
  CHECK(e.i64[48 + 3] == utc_us(2023, 3, 26, 1, 0));   // 03:00+02:00
  CHECK(e.i64[48 + 3] - e.i64[48 + 2] == 1800000000);
  CHECK(e.utc_offset_min[48 + 2] == 60);
  CHECK(e.utc_offset_min[48 + 3] == 120);
  // metadata from the preamble
  bool has_unit = false;
  for (const auto& kv : t.meta) has_unit |= kv.first == "Unite" && kv.second == "W";
  CHECK(has_unit);
}

TEST_CASE("10-minute curve with local times only: the fall-back day has 150 steps and 25 hours") {
  Parsed p = enedis("courbe_automne_sans_offset.csv");
  REQUIRE(p.tables[0].rows() == 150);
  auto days = per_day(p);
  REQUIRE(days.size() == 1);
  CHECK(days[day(2023, 10, 29)].hours == doctest::Approx(25));
  double w = 0;
  for (int i = 0; i < 150; ++i) w += 1000 + (i * 7) % 600;
  CHECK(days[day(2023, 10, 29)].kwh == doctest::Approx(w / 6 / 1000));
  // the step came from the first two rows; the ambiguous 02:00..02:50 resolve to a regular series
  const Column& e = col(p, "ts_end");
  for (size_t i = 1; i < 150; ++i) CHECK_MESSAGE(e.i64[i] - e.i64[i - 1] == 600000000, i);
  CHECK(e.i64[149] == utc_us(2023, 10, 29, 23, 0));
  CHECK(col(p, "interval_s").f64[0] == 600);
  CHECK(!col(p, "meter_id").valid[0]);
}

TEST_CASE("daily consumption: Wh -> kWh per local day, 23 h on 26 March") {
  Parsed p = enedis("consommation_quotidienne.csv");
  REQUIRE(p.tables[0].rows() == 5);
  const Column& k = col(p, "kwh");
  CHECK(k.f64[0] == doctest::Approx(9.876));
  CHECK(k.f64[2] == doctest::Approx(8.123));
  CHECK(col(p, "interval_s").f64[2] == 82800);
  CHECK(col(p, "interval_s").f64[1] == 86400);
  CHECK(col(p, "ts_start").i64[2] == utc_us(2023, 3, 25, 23, 0));
  CHECK(col(p, "ts_end").i64[2] == utc_us(2023, 3, 26, 22, 0));
  CHECK(col(p, "kind").string_at(0) == "daily");
  CHECK(!col(p, "power_w").valid[0]);
}

TEST_CASE("daily index: EAS T differences give the kWh of each interval, the last reading has none") {
  Parsed p = enedis("index_quotidien.csv");
  REQUIRE(p.tables[0].rows() == 5);
  const Column& k = col(p, "kwh");
  CHECK(k.f64[0] == doctest::Approx(10.5));
  CHECK(k.f64[1] == doctest::Approx(12.3));
  CHECK(k.f64[2] == doctest::Approx(9.0));   // 29 October: 25 h
  CHECK(col(p, "interval_s").f64[2] == 90000);
  CHECK(k.f64[3] == doctest::Approx(7.5));
  CHECK(!k.valid[4]);
  CHECK(col(p, "index_wh").f64[0] == 18888888);
  CHECK(col(p, "reading_type").string_at(0) == "Arrêté quotidien");
  CHECK(col(p, "kind").string_at(4) == "index");
}

TEST_CASE("daily maximum power: VA in power_w, the peak instant kept") {
  Parsed p = enedis("puissance_max.csv");
  REQUIRE(p.tables[0].rows() == 3);
  CHECK(col(p, "power_w").f64[1] == 6120);
  CHECK(col(p, "ts_peak").i64[1] == utc_us(2023, 3, 26, 6, 4));
  CHECK(col(p, "interval_s").f64[1] == 82800);
  CHECK(!col(p, "kwh").valid[1]);
  CHECK(col(p, "unit").string_at(0) == "VA");
}

TEST_CASE("Enedis: a ZIP entry gets _entry, not _file; kW units scale") {
  const std::string text =
      "Identifiant PRM;Type de donnees;Unite;Pas en minutes\n12345;Courbe de charge;kW;60\nHorodate;Valeur\n"
      "2023-06-01T01:00:00+02:00;1,5\n2023-06-01T02:00:00+02:00;2\n";
  const FormatInfo* f = find_format("enedis");
  REQUIRE(f);
  ParseOptions o;
  o.file_name = "export/linky.csv";
  o.nesting = 1;
  auto parser = f->create(o);
  parser->feed(bytes_of(text));
  parser->finish();
  REQUIRE(parser->tables.size() == 1);
  const Table& t = parser->tables[0];
  REQUIRE(t.rows() == 2);
  CHECK(t.columns[t.columns.size() - 3].string_at(0) == "");
  CHECK(t.columns[t.columns.size() - 2].string_at(0) == "export/linky.csv");
  CHECK(t.columns[3].f64[0] == doctest::Approx(1.5));  // 1.5 kW for one hour
  CHECK(t.columns[4].f64[1] == 2000);
}

TEST_CASE("Enedis fixtures give identical output whatever the chunk size") {
  const char* files[] = {"courbe_de_charge_printemps.csv", "courbe_automne_sans_offset.csv",
                         "consommation_quotidienne.csv", "index_quotidien.csv", "puissance_max.csv"};
  for (const char* f : files) {
    const std::string data = read_fixture(std::string("enedis/") + f);
    const Parsed whole = parse_session(data, f);
    for (size_t chunk : {1, 2, 3, 7, 64, 4096}) {
      CHECK_MESSAGE(first_diff(parse_session(data, f, chunk).dump, whole.dump) == "", f << " chunk " << chunk);
      CHECK_MESSAGE(first_diff(parse_direct(data, f, chunk, "enedis").dump.substr(0), parse_direct(data, f, 0, "enedis").dump) == "",
                    f << " direct chunk " << chunk);
    }
  }
}
