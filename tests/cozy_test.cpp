// Cozy Cloud doctype files (tests/data/cozy, made by make_fixtures.py): bank operations in a {"docs": […]}
// wrapper with UTC instants of local midnights, bills (Ameli and mutuelle refunds -> health_records, a phone bill
// -> transactions), CoachCO2 timeseries (sections -> trips, timestamped vertices -> location_points); the export
// ZIP; detection by name and by content; chunk invariance.
#include <doctest/doctest.h>

#include "parsers/formats/cozy.h"
#include "tests/fuzz/fuzz_harness.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

Parsed cozy(const char* name, size_t chunk = 0) { return parse_session(read_fixture(std::string("cozy/") + name), name, chunk); }

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

TEST_CASE("Cozy io.cozy.bank.operations: {\"docs\": […]}, UTC instants to Paris days, category ids, doc without date") {
  Parsed p = cozy("io.cozy.bank.operations.json");
  CHECK(p.format == "cozy");
  CHECK(p.confidence == 92);
  REQUIRE(p.tables.size() == 1);
  const Table& t = table(p, "transactions");
  REQUIRE(t.rows() == 3);
  CHECK(column(t, "date").type == ColumnType::Date);
  CHECK(column(t, "date").value_text(0) == "2024-01-05");  // 2024-01-04T23:00:00.000Z
  CHECK(column(t, "date").value_text(1) == "2024-01-05");  // 2024-01-05T00:00:00+01:00
  CHECK(column(t, "date").value_text(2) == "2024-02-01");
  CHECK(column(t, "amount").f64[0] == doctest::Approx(-54.32));
  double sum = 0;
  for (size_t i = 0; i < t.rows(); ++i) sum += column(t, "amount").f64[i];
  CHECK(sum == doctest::Approx(2008.68));
  CHECK(column(t, "label").string_at(0) == "CB CARREFOUR NANTES");
  CHECK(column(t, "detail").string_at(0) == "CARTE X1234 04/01 CARREFOUR NANTES");
  CHECK(column(t, "category").string_at(1) == "200110");  // manual beats cozy
  CHECK(column(t, "currency").string_at(2) == "EUR");      // default
  CHECK(column(t, "account").string_at(0) == "c0ffee01");
  CHECK(column(t, "source").string_at(0) == "cozy");
  CHECK(p.diag.count("cozy.skipped_docs") == 1);
}

TEST_CASE("Cozy io.cozy.bills: health refunds -> health_records (care date, paid, reimbursed), others -> transactions") {
  Parsed p = cozy("io.cozy.bills.json");
  REQUIRE(p.tables.size() == 2);
  const Table& h = table(p, "health_records");
  REQUIRE(h.rows() == 2);
  CHECK(column(h, "date").value_text(0) == "2024-01-15");
  CHECK(column(h, "payment_date").value_text(0) == "2024-01-18");
  CHECK(column(h, "provider").string_at(0) == "Ameli");
  CHECK(column(h, "provider").string_at(1) == "Harmonie Mutuelle");
  CHECK(column(h, "label").string_at(0) == "Consultation médecin généraliste");
  CHECK(column(h, "amount_paid").f64[0] == 26.5);
  CHECK(column(h, "amount_reimbursed").f64[0] + column(h, "amount_reimbursed").f64[1] == 25);
  CHECK(column(h, "beneficiary").string_at(0) == "MARTIN LÉA");
  const Table& t = table(p, "transactions");
  REQUIRE(t.rows() == 1);
  CHECK(column(t, "amount").f64[0] == doctest::Approx(-19.99));
  CHECK(column(t, "label").string_at(0) == "Free Mobile");
  CHECK(column(t, "category").string_at(0) == "phone");
  CHECK(column(t, "date").value_text(0) == "2024-01-10");
}

TEST_CASE("Cozy io.cozy.timeseries.geojson: CoachCO2 sections -> trips with modes, vertices with timestamps -> points") {
  Parsed p = cozy("io.cozy.timeseries.geojson.json");
  const Table& tr = table(p, "trips");
  REQUIRE(tr.rows() == 3);
  CHECK(column(tr, "mode").string_at(0) == "bike");
  CHECK(column(tr, "mode_raw").string_at(0) == "BICYCLING");  // manual_mode wins
  CHECK(column(tr, "mode").string_at(1) == "bus");            // sensed_mode "PredictedModeTypes.BUS"
  CHECK(column(tr, "mode").string_at(2) == "car");
  CHECK(column(tr, "distance_m").f64[0] == 1240.5);
  CHECK(column(tr, "duration_s").f64[0] == 720);
  CHECK(column(tr, "ts_start").i64[0] == utc_us(2024, 3, 31, 6, 5));   // 08:05+02:00
  CHECK(column(tr, "ts_start").i64[2] == utc_us(2024, 3, 29, 16, 40)); // "17:40:00" local, CET
  CHECK(column(tr, "n_points").i64[0] == 4);
  CHECK(column(tr, "start_lat").f64[0] == 47.2184);
  CHECK(column(tr, "end_lon").f64[1] == -1.5207);
  const Table& pt = table(p, "location_points");
  REQUIRE(pt.rows() == 8);  // the start place + 4 bike vertices + 3 car vertices (the bus has no timestamps)
  CHECK(column(pt, "ts").i64[0] == utc_us(2024, 3, 30, 18, 2, 11));
  CHECK(column(pt, "ts").i64[2] == utc_us(2024, 3, 31, 6, 9));
  CHECK(column(pt, "lon").f64[2] == -1.5491);
  CHECK(column(pt, "activity").string_at(2) == "bike");
}

TEST_CASE("Cozy export ZIP, detection by content, chunk invariance") {
  Parsed z = parse_session(read_fixture("cozy/cozy_export.zip"), "cozy_export.zip");
  size_t tx = 0, hr = 0, trips = 0;
  for (const Table& t : z.tables) {
    if (t.domain == "transactions") tx += t.rows();
    if (t.domain == "health_records") hr += t.rows();
    if (t.domain == "trips") trips += t.rows();
  }
  CHECK(tx == 4);
  CHECK(hr == 2);
  CHECK(trips == 3);
  const std::string ops = read_fixture("cozy/io.cozy.bank.operations.json");
  CHECK(cozy_detect(ops, "export-banque.json") == 88);
  CHECK(cozy_detect("[{\"_id\":\"a\",\"_rev\":\"1-x\",\"name\":\"Léa\"}]", "contacts.json") == 0);  // other doctype: generic JSON
  CHECK(cozy_detect("[{\"a\":1}]", "io.cozy.bills.json") == 92);
  Parsed anon = parse_session(ops, "export-banque.json");
  CHECK(anon.format == "cozy");
  CHECK(anon.tables[0].rows() == 3);
  for (const char* f : {"io.cozy.bank.operations.json", "io.cozy.timeseries.geojson.json"}) {
    const Parsed whole = cozy(f);
    for (size_t chunk : {1, 7, 300}) CHECK(first_diff(cozy(f, chunk).dump, whole.dump) == "");
  }
}

TEST_CASE("Cozy fuzz regression: a timestamps array out of range (1.7e72 ms) keeps the section, drops its points") {
  const std::string doc =
      "[{\"_id\":\"t\",\"cozyMetadata\":{},\"series\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\","
      "\"coordinates\":[[-1.55,47.21],[-1.54,47.22]]},\"properties\":{\"start_fmt_time\":\"2024-03-31T08:05:00+02:00\","
      "\"timestamps\":[1.71187e72,1711865340000]}}]}]";
  Parsed p = parse_session(doc, "io.cozy.timeseries.geojson.json");
  REQUIRE(p.tables.size() == 1);
  CHECK(p.tables[0].domain == "trips");
  CHECK(p.tables[0].rows() == 1);
  // the input libFuzzer found (tests/data/fuzz_regressions/cozy), through the same harness: no UB, valid output
  const std::string crash = read_fixture("fuzz_regressions/cozy/timestamp_out_of_range");
  CHECK(fuzz::run_parser("cozy", reinterpret_cast<const uint8_t*>(crash.data()), crash.size()) == 0);
}

TEST_CASE("Cozy file keyed by doctype (cozy-banks fixtures): each array read by its key, other doctypes named (issue 17)") {
  Parsed p = cozy("cozy_banks_keyed.json");
  CHECK(p.format == "cozy");
  CHECK(p.confidence == 92);  // the first key is a doctype, whatever the file name
  REQUIRE(p.tables.size() == 2);
  const Table& t = table(p, "transactions");
  REQUIRE(t.rows() == 5);  // 4 operations + the phone bill
  double sum = 0;
  for (size_t i = 0; i < t.rows(); ++i) sum += column(t, "amount").f64[i];
  CHECK(sum == doctest::Approx(2521.05));  // -1231 - 77.5 + 3870.54 - 25 - 15.99
  CHECK(column(t, "date").value_text(0) == "2017-08-25");
  CHECK(column(t, "currency").string_at(0) == "EUR");  // "€"
  CHECK(column(t, "category").string_at(2) == "200110");
  CHECK(column(t, "label").string_at(4) == "Free Mobile");
  CHECK(column(t, "amount").f64[4] == doctest::Approx(-15.99));
  const Table& h = table(p, "health_records");
  REQUIRE(h.rows() == 1);
  CHECK(column(h, "date").value_text(0) == "2017-08-20");
  CHECK(column(h, "amount_paid").f64[0] == doctest::Approx(25));
  CHECK(column(h, "amount_reimbursed").f64[0] == doctest::Approx(17.5));
  CHECK(p.diag.count("cozy.empty") == 0);
  REQUIRE(p.diag.count("cozy.unknown_docs") == 1);
  for (const Message& m : p.diag.warnings) {
    if (m.code == "cozy.unknown_docs") {
      CHECK(m.en.find("4 document(s)") == 0);
      CHECK(m.en.find("io.cozy.files : 2") != std::string::npos);
      CHECK(m.en.find("io.cozy.bank.accounts : 2") != std::string::npos);
    }
    if (m.code == "cozy.currency_assumed") CHECK(m.en.find("2 transaction(s)") == 0);  // one operation, the bill
  }
  CHECK(p.diag.count("cozy.currency_assumed") == 1);
  const std::string all = read_fixture("cozy/cozy_banks_keyed.json");
  for (size_t chunk : {1, 13, 4096}) CHECK(first_diff(cozy("cozy_banks_keyed.json", chunk).dump, p.dump) == "");
  // named like cozy-banks' monthly fixture (io.cozy.bank.operations.january.json) but holding bills too
  Parsed named = parse_session(all, "io.cozy.bank.operations.january.json");
  CHECK(named.tables.size() == 2);
}
