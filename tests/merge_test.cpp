// The one merge rule (parsers/core/domain_model.h) in the CLI's collectors (challenges/tables.cpp): overlapping
// exports count once. Fixtures: tests/data/merge/make_fixtures.py (hand-worked truths below), the Enedis
// load curve of tests/data/enedis. The same cases run through the browser's SQL in
// tests/views_native_test.cjs and through the page in tests/e2e/suites/same_figures.cjs.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "challenges/tables.h"
#include "parsers/core/domain_model.h"
#include "parsers/core/domain_table.h"
#include "parsers/core/domains.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::challenge;
namespace fs = std::filesystem;

namespace {

const char* k_semantic = "merge/Semantic Location History/2024/2024_JANUARY.json";
const char* k_android = "merge/Chronologie.json";

// Appends the tables of one file (as the CLI does for each argument).
void add(std::vector<Table>& all, const std::string& rel, const std::string& name) {
  test::Parsed p = test::parse_session(test::read_fixture(rel), name);
  REQUIRE_MESSAGE(!p.diag.failed, rel << ": " << p.diag.error.en);
  for (Table& t : p.tables) all.push_back(std::move(t));
}

double sum(const std::vector<double>& v) {
  double s = 0;
  for (double x : v)
    if (!std::isnan(x)) s += x;
  return s;
}

std::vector<double> sorted(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

TEST_CASE("merge: a Semantic month alone, then dropped twice, gives the same trips and km") {
  std::vector<Table> once, twice;
  add(once, k_semantic, "2024_JANUARY.json");
  add(twice, k_semantic, "2024_JANUARY.json");
  add(twice, k_semantic, "2024_JANUARY.json");
  const TripsColumns a = collect_trips(once), b = collect_trips(twice);
  // 800 + 5210 + 5190 + 3000 = 14 200 m
  CHECK(a.ts_start_us.size() == 4);
  CHECK(sum(a.distance_m) == 14200.0);
  CHECK(a.duplicates == 0);
  CHECK(b.ts_start_us.size() == 4);
  CHECK(sum(b.distance_m) == 14200.0);
  CHECK(b.duplicates == 4);
  CHECK(mobility_summary(b.view()).total_km == doctest::Approx(14.2));
  CHECK(mobility_summary(b.view()).total_km == mobility_summary(a.view()).total_km);
}

TEST_CASE("merge: Semantic + Android of the same days keep Android's rows where they overlap, in any order") {
  // Semantic: 800 (3 Jan, only there) + 5210 + 5190 + 3000; Android: 5234.5 + 5201 + 2987 (same trips) + 1500
  // (1 Feb). Android ranks before Semantic: 800 + 5234.5 + 5201 + 2987 + 1500 = 15 722.5 m (29 122.5 unmerged)
  for (bool android_first : {false, true}) {
    CAPTURE(android_first);
    std::vector<Table> all;
    if (android_first) add(all, k_android, "Chronologie.json");
    add(all, k_semantic, "2024_JANUARY.json");
    if (!android_first) add(all, k_android, "Chronologie.json");
    const TripsColumns t = collect_trips(all);
    CHECK(t.duplicates == 3);
    CHECK(sorted(t.distance_m) == std::vector<double>{800, 1500, 2987, 5201, 5234.5});
    CHECK(mobility_summary(t.view()).total_km == doctest::Approx(15.7225));
    // the home visit of the night of 14-15 January is in both: once for the donation's home/work
    const DonationColumns d = collect_donation(all);
    CHECK(d.visit_start_us.size() == 1);
    CHECK(d.visit_start_us[0] == test::utc_us(2024, 1, 14, 22, 0));
  }
}

TEST_CASE("merge: two Apple Health exports count each workout and sample once") {
  std::vector<Table> same, newer;
  add(same, "merge/apple_health_mars.xml", "export.xml");
  add(same, "merge/apple_health_mars.xml", "export.xml");
  add(newer, "merge/apple_health_mars.xml", "apple_health_mars.xml");
  add(newer, "merge/apple_health_avril.xml", "apple_health_avril.xml");
  const TripsColumns a = collect_trips(same), b = collect_trips(newer);
  // March: cycling 9.8 km + running 5.2 km; April repeats them and adds a 3.1 km walk
  CHECK(sorted(a.distance_m) == std::vector<double>{5200, 9800});
  CHECK(a.duplicates == 2);
  CHECK(sorted(b.distance_m) == std::vector<double>{3100, 5200, 9800});
  CHECK(b.duplicates == 2);
  CHECK(mobility_summary(b.view()).total_km == doctest::Approx(18.1));

  // health_measures has no collector: the rule itself, steps 523 + 1200 (+ 800 in April) = 2523
  std::vector<const Table*> measures;
  for (const Table& t : newer)
    if (t.domain == domain::k_health_measures) measures.push_back(&t);
  REQUIRE(measures.size() == 2);
  const auto keep = model::merge_keep(*model::find_domain(domain::k_health_measures), measures);
  double steps = 0;
  for (size_t ti = 0; ti < measures.size(); ++ti) {
    const Table& t = *measures[ti];
    const Column *type = nullptr, *value = nullptr;
    for (const Column& c : t.columns) {
      if (c.name == "type") type = &c;
      if (c.name == "value") value = &c;
    }
    REQUIRE((type && value));
    for (size_t r = 0; r < t.rows(); ++r)
      if (keep[ti][r] && type->string_at(r) == "steps") steps += value->f64[r];
  }
  CHECK(steps == 2523);
  CHECK(model::merge_dropped(keep) == 2);
}

TEST_CASE("merge: an Enedis load curve dropped twice gives the kWh of once") {
  std::vector<Table> once, twice;
  add(once, "enedis/courbe_de_charge_printemps.csv", "courbe.csv");
  add(twice, "enedis/courbe_de_charge_printemps.csv", "courbe.csv");
  add(twice, "enedis/courbe_de_charge_printemps.csv", "courbe (1).csv");
  const auto a = collect_energy(once), b = collect_energy(twice);
  REQUIRE(a.count("electricity"));
  REQUIRE(b.count("electricity"));
  const EnergyColumns &ea = a.at("electricity"), &eb = b.at("electricity");
  CHECK(ea.kwh.size() > 10);
  CHECK(eb.kwh.size() == ea.kwh.size());
  CHECK(sum(eb.kwh) == sum(ea.kwh));
  CHECK(eb.duplicates == ea.kwh.size());
}

namespace {

// A bank table as parsers write it: date, label, amount, then provenance.
Table bank_table(const std::string& file, std::initializer_list<std::tuple<int32_t, const char*, double>> rows) {
  Table t = make_domain_table(domain::k_transactions,
                              {{"date", ColumnType::Date}, {"label", ColumnType::String}, {"amount", ColumnType::Float64}});
  RowWriter w(t);
  uint64_t record = 0;
  for (const auto& [day, label, amount] : rows) {
    w.date(0, day);
    w.str(1, label);
    if (!std::isnan(amount)) w.f64(2, amount);
    w.end_row({file, ""}, record++);
  }
  return t;
}

}  // namespace

TEST_CASE("merge rule: rows of one table are never merged; the first of two equal sources wins; keyless rows stay") {
  const double nan = std::nan("");
  // 19 723 = 2024-01-01. Two identical coffees in one statement are two coffees.
  std::vector<Table> tables;
  tables.push_back(bank_table("releve_janvier.csv", {{19723, "CAFE DU PORT", -2.5}, {19723, "CAFE DU PORT", -2.5},
                                                     {19724, "LOYER", -650}, {19725, "SANS MONTANT", nan}}));
  // the same statement saved again under another name, plus February
  tables.push_back(bank_table("releve_janvier (1).csv", {{19723, "CAFE DU PORT", -2.5}, {19723, "CAFE DU PORT", -2.5},
                                                         {19724, "LOYER", -650}, {19725, "SANS MONTANT", nan},
                                                         {19754, "LOYER", -650}}));
  const TransactionColumns tx = collect_transactions(tables);
  // kept: the first file's 4 rows (its keyless row too) + the second's keyless row and February
  CHECK(tx.day == std::vector<int32_t>{19723, 19723, 19724, 19725, 19725, 19754});
  CHECK(tx.duplicates == 3);
  // the keep masks themselves
  std::vector<const Table*> ptrs = {&tables[0], &tables[1]};
  const auto keep = model::merge_keep(*model::find_domain("transactions"), ptrs);
  CHECK(keep[0] == std::vector<uint8_t>{1, 1, 1, 1});
  CHECK(keep[1] == std::vector<uint8_t>{0, 0, 0, 1, 1});
  // one table alone: everything kept, nothing looked at
  std::vector<const Table*> one = {&tables[1]};
  CHECK(model::merge_keep(*model::find_domain("transactions"), one)[0] == std::vector<uint8_t>{1, 1, 1, 1, 1});
}

TEST_CASE("merge rule as SQL: one relation is a plain select, several get the rule; missing columns become NULL") {
  const model::DomainSpec& trips = *model::find_domain("trips");
  const model::SourceRelation a{"trips_2024_january", {"ts_start", "distance_m", "source", "trip_key", "_file"}};
  const model::SourceRelation b{"trips_chronologie", {"ts_start", "distance_m", "source", "trip_key", "_file"}};
  const model::SourceRelation one[] = {a};
  CHECK(model::domain_view_sql(trips, one) == "SELECT * FROM \"trips_2024_january\"");
  const model::SourceRelation two[] = {a, b};
  const std::string sql = model::domain_view_sql(trips, two);
  CHECK(sql.find("UNION ALL BY NAME") != std::string::npos);
  CHECK(sql.find("QUALIFY __sdw_alt IS NULL OR dense_rank()") != std::string::npos);
  CHECK(sql.find("WHEN 'android' THEN 1") != std::string::npos);
  // the fallback key needs ts_end, which neither relation has: only the trip_key alternative is used
  CHECK(sql.find("\"ts_end\"") == std::string::npos);
  CHECK(sql.find("THEN \"trip_key\" END") != std::string::npos);

  const std::vector<std::string> cols = {"ts_start", "distance_m", "_file"};
  const std::string part = model::timeline_part_sql(trips, cols);
  CHECK(part.find("CAST(coalesce(NULL, NULL, 'trajet') AS VARCHAR) AS label") != std::string::npos);
  CHECK(part.find("CAST(\"distance_m\" / 1000.0 AS DOUBLE) AS value") != std::string::npos);
  CHECK(model::timeline_part_sql(*model::find_domain("location_points"), cols).empty());

  const std::string plan = model::views_plan_json(
      R"({"tables":[{"name":"trips_a","domain":"trips","columns":[{"name":"ts_start"}]},)"
      R"({"name":"notes","domain":"","columns":["x"]},{"name":"visits_a","domain":"visits","columns":["lat","lon","name"]}]})");
  CHECK(plan.find(R"("views":["trips","visits"])") != std::string::npos);
  CHECK(plan.find("DROP VIEW IF EXISTS \\\"energy_readings\\\"") != std::string::npos);
  CHECK(plan.find("CREATE OR REPLACE VIEW places AS") != std::string::npos);
  CHECK(plan.find("CREATE OR REPLACE VIEW timeline AS") != std::string::npos);
  CHECK(model::views_plan_json("[1,2").find("\"error\"") != std::string::npos);
}

TEST_CASE("merge rule as SQL: a relation in parts (an archive's entries in one table) ranks each part as a table") {
  const model::DomainSpec& trips = *model::find_domain("trips");
  const model::SourceRelation shared{"trips_takeout", {"ts_start", "trip_key", "_entry"}, "_entry"};
  const model::SourceRelation plain{"trips_chronologie", {"ts_start", "trip_key", "_entry"}};
  // one relation in parts still gets the rule: its parts may repeat each other
  const model::SourceRelation one[] = {shared};
  const std::string sql = model::domain_view_sql(trips, one);
  CHECK(sql.find("CAST(enum_code(\"_entry\") AS BIGINT) AS __sdw_part FROM \"trips_takeout\"") != std::string::npos);
  CHECK(sql.find("ORDER BY 0, __sdw_src, __sdw_part) = 1") != std::string::npos);
  CHECK(sql.find("EXCLUDE (__sdw_src, __sdw_part, __sdw_alt)") != std::string::npos);
  // beside a plain relation: that one is one part
  const model::SourceRelation two[] = {plain, shared};
  const std::string sql2 = model::domain_view_sql(trips, two);
  CHECK(sql2.find("0 AS __sdw_src, 0 AS __sdw_part FROM \"trips_chronologie\"") != std::string::npos);
  // without parts the SQL is what it was
  const model::SourceRelation none[] = {plain, plain};
  CHECK(model::domain_view_sql(trips, none).find("__sdw_part") == std::string::npos);
  const std::string plan = model::views_plan_json(
      R"({"tables":[{"name":"trips_takeout","domain":"trips","columns":["ts_start","trip_key","_entry"],"order":"_entry"}]})");
  CHECK(plan.find("__sdw_part") != std::string::npos);
}

// [SECTION] exporter for tests/views_native_test.cjs (skipped unless asked for)
//   SDW_VIEWS_EXPORT=DIR [SDW_VIEWS_PERSONAS=DIR] tests -tc='views export*' --no-skip
// writes, per case, DIR/<case>/load.sql (the parsers' domain tables as CREATE TABLE + INSERT, typed as the
// page's DuckDB tables are), DIR/<case>/plan.json (the browser's statements, views_plan_json) and
// DIR/<case>/native.json (what the CLI's merge keeps per domain: rows and totals), and DIR/domains.json.

namespace {

std::string sql_type(ColumnType t) {
  switch (t) {
    case ColumnType::Bool: return "BOOLEAN";
    case ColumnType::Int64: return "BIGINT";
    case ColumnType::Float64: return "DOUBLE";
    case ColumnType::Date: return "DATE";
    case ColumnType::Timestamp: return "TIMESTAMP";
    case ColumnType::String: return "VARCHAR";
  }
  return "VARCHAR";
}

std::string sql_text(std::string_view v) {
  std::string s = "'";
  for (char c : v) s += c == '\'' ? std::string("''") : std::string(1, c);
  return s + "'";
}

std::string sql_value(const Column& c, size_t r) {
  if (!c.valid[r]) return "NULL";
  switch (c.type) {
    case ColumnType::Bool: return c.i64[r] ? "TRUE" : "FALSE";
    case ColumnType::Int64: return std::to_string(c.i64[r]);
    case ColumnType::Float64: return "CAST(" + sql_text(format_double(c.f64[r])) + " AS DOUBLE)";   // exact
    case ColumnType::Date: return "CAST(DATE '1970-01-01' + INTERVAL " + std::to_string(c.i32[r]) + " DAY AS DATE)";
    case ColumnType::Timestamp: return "make_timestamp(" + std::to_string(c.i64[r]) + ")";
    case ColumnType::String: return sql_text(c.string_at(r));
  }
  return "NULL";
}

void export_case(const fs::path& dir, const std::string& name, const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<Table> all;
  for (const auto& [path, shown] : files) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), path);
    std::ostringstream ss;
    ss << in.rdbuf();
    test::Parsed p = test::parse_session(ss.str(), shown);
    for (Table& t : p.tables) all.push_back(std::move(t));
  }
  fs::create_directories(dir / name);
  std::ofstream load(dir / name / "load.sql");
  nlohmann::json req = {{"tables", nlohmann::json::array()}};
  size_t n = 0;
  for (const Table& t : all) {
    const std::string tname = "src" + std::to_string(n++) + "_" + t.name;
    std::string cols;
    nlohmann::json cj = nlohmann::json::array();
    for (const Column& c : t.columns) {
      cols += std::string(cols.empty() ? "" : ", ") + model::sql_ident(c.name) + " " + sql_type(c.type);
      cj.push_back(c.name);
    }
    load << "CREATE TABLE " << model::sql_ident(tname) << " (" << cols << ");\n";
    for (size_t r = 0; r < t.rows(); ++r) {
      load << "INSERT INTO " << model::sql_ident(tname) << " VALUES (";
      for (size_t c = 0; c < t.columns.size(); ++c) load << (c ? ", " : "") << sql_value(t.columns[c], r);
      load << ");\n";
    }
    req["tables"].push_back({{"name", tname}, {"domain", t.domain}, {"columns", cj}});
  }
  std::ofstream(dir / name / "plan.json") << model::views_plan_json(req.dump());
  // the native merge: kept rows and column totals per domain
  nlohmann::json native = nlohmann::json::object();
  for (const model::DomainSpec& d : model::domains()) {
    std::vector<const Table*> of;
    for (const Table& t : all)
      if (t.domain == d.name) of.push_back(&t);
    if (of.empty()) continue;
    const auto keep = model::merge_keep(d, of);
    nlohmann::json sums = nlohmann::json::object();
    size_t rows = 0;
    for (size_t ti = 0; ti < of.size(); ++ti)
      for (size_t r = 0; r < of[ti]->rows(); ++r) {
        if (!keep[ti][r]) continue;
        ++rows;
        for (const Column& c : of[ti]->columns)
          if (c.type == ColumnType::Float64 && c.valid[r] && !c.name.empty() && c.name[0] != '_')
            sums[c.name] = sums.value(c.name, 0.0) + c.f64[r];
      }
    native[d.name] = {{"rows", rows}, {"dropped", model::merge_dropped(keep)}, {"sums", sums}};
  }
  std::ofstream(dir / name / "native.json") << native.dump(1);
}

}  // namespace

TEST_CASE("views export for tests/views_native_test.cjs" * doctest::skip()) {
  const char* out = std::getenv("SDW_VIEWS_EXPORT");
  REQUIRE_MESSAGE(out, "set SDW_VIEWS_EXPORT=DIR");
  const fs::path dir(out);
  const std::string d = SDW_TEST_DATA;
  const std::string sem = d + "/" + k_semantic, android = d + "/" + k_android;
  const std::string mars = d + "/merge/apple_health_mars.xml", avril = d + "/merge/apple_health_avril.xml";
  const std::string curve = d + "/enedis/courbe_de_charge_printemps.csv", bank = d + "/bank/boursorama.csv";
  const std::string daily = d + "/enedis/index_quotidien.csv";
  export_case(dir, "semantic_once", {{sem, "2024_JANUARY.json"}});
  export_case(dir, "semantic_twice", {{sem, "2024_JANUARY.json"}, {sem, "2024_JANUARY.json"}});
  export_case(dir, "semantic_android", {{sem, "2024_JANUARY.json"}, {android, "Chronologie.json"}});
  export_case(dir, "android_semantic", {{android, "Chronologie.json"}, {sem, "2024_JANUARY.json"}});
  export_case(dir, "health_twice", {{mars, "export.xml"}, {mars, "export.xml"}});
  export_case(dir, "health_mars_avril", {{mars, "apple_health_mars.xml"}, {avril, "apple_health_avril.xml"}});
  export_case(dir, "enedis_once", {{curve, "courbe.csv"}});
  export_case(dir, "enedis_twice_with_index", {{curve, "courbe.csv"}, {curve, "courbe (1).csv"}, {daily, "index.csv"}});
  export_case(dir, "bank_once", {{bank, "boursorama.csv"}});
  export_case(dir, "bank_twice", {{bank, "boursorama.csv"}, {bank, "boursorama (1).csv"}});
  export_case(dir, "google_fixtures", {{d + "/google/Records.json", "Records.json"},
                                       {d + "/google/Semantic Location History/2023/2023_MARCH.json", "2023_MARCH.json"},
                                       {d + "/google/Chronologie.json", "Chronologie.json"},
                                       {d + "/google/location-history.json", "location-history.json"},
                                       {d + "/google/takeout.zip", "takeout.zip"}});
  if (const char* personas = std::getenv("SDW_VIEWS_PERSONAS")) {
    std::vector<std::pair<std::string, std::string>> files;
    std::vector<fs::path> paths;
    for (const auto& e : fs::recursive_directory_iterator(personas))
      if (e.is_regular_file() && e.path().filename() != "manifest.json" && e.path().filename() != "stats.json")
        paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    for (const fs::path& p : paths) files.emplace_back(p.string(), p.filename().string());
    export_case(dir, "personas", files);
  }
  nlohmann::json names = nlohmann::json::array();
  for (const model::DomainSpec& m : model::domains()) names.push_back(m.name);
  std::ofstream(dir / "domains.json") << names.dump();
}
