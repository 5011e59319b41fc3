// Mobility challenge: ADEME factors read from data/ademe (the API default: 100 km by petrol/diesel car =
// 11.0558 kgCO2e), construction share, carpooling, electric car, train and plane bands, mode inference
// from speed, ISO weeks and months in Paris time, "what if" and the mobility budget. Hand-worked values.
#include <doctest/doctest.h>

#include "challenges/mobility.h"
#include "parsers/core/values.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::challenge;
using sdw::test::utc_us;

TEST_CASE("challenge factors: the ADEME tables come from data/ademe with their source and date") {
  const FactorTables& f = ademe_factors();
  CHECK(f.errors.empty());
  CHECK(f.transport.size() == 48);
  CHECK(f.food.size() == 59);
  const TransportFactor* car = f.transport_by_slug("voiturethermique");
  REQUIRE(car);
  CHECK(car->id == 4);
  CHECK(car->per_vehicle);
  CHECK(car->fuel_usage_g_km == doctest::Approx(110.558));
  CHECK(car->api_default_g_km == doctest::Approx(110.56));  // ADEME's rounded column
  CHECK(f.transport_by_slug("avion-courtcourrier")->display_km_range == "{\"min\": 300, \"max\": 1000}");
  CHECK(f.food_by_slug("boeuf")->kg_per_kg == doctest::Approx(28.009));
  CHECK(f.transport_source.snapshot == "8076a4895ecebd0c781ec6489ba2008b87915b09");
  CHECK(f.transport_source.date == "2026-07-01");
  CHECK(f.transport_source.origin == "github.com/incubateur-ademe/impactco2");
  CHECK(f.transport_source.licence.find("MIT") == 0);
  CHECK(f.food_source.date == "2025-01-15");
  CHECK(f.food_source.name.find("Agribalyse 3.2") != std::string::npos);
}

TEST_CASE("challenge mobility: 100 km by petrol/diesel car = 11.0558 kgCO2e (ADEME API default)") {
  MobilityOptions o;
  CHECK(trip_kgco2e(Mode::Car, 100, o) == doctest::Approx(11.0558).epsilon(1e-12));
  o.include_construction = true;  // 31.696 + 110.558 g/km
  CHECK(trip_kgco2e(Mode::Car, 100, o) == doctest::Approx(14.2254).epsilon(1e-12));
  o.include_construction = false;
  o.car_occupants = 2;  // carpooling: per vehicle-km / 2
  CHECK(trip_kgco2e(Mode::Car, 100, o) == doctest::Approx(5.5279).epsilon(1e-12));
  o.car_occupants = 1;
  o.car_energy = CarEnergy::Electric;  // 12.088 g/km
  CHECK(trip_kgco2e(Mode::Car, 100, o) == doctest::Approx(1.2088).epsilon(1e-12));
}

TEST_CASE("challenge mobility: train, plane, bus, tram, bike and walk factors") {
  MobilityOptions o;
  CHECK(choose_factor(Mode::Train, 400, "", o).slug == "tgv");
  CHECK(trip_kgco2e(Mode::Train, 400, o) == doctest::Approx(0.92));          // 2.3 g/km
  CHECK(choose_factor(Mode::Train, 50, "", o).slug == "ter");
  CHECK(trip_kgco2e(Mode::Train, 50, o) == doctest::Approx(1.145));          // 22.9 g/km
  CHECK(choose_factor(Mode::Train, 200, "TER Nouvelle-Aquitaine", o).slug == "ter");  // the export's hint wins
  CHECK(choose_factor(Mode::Train, 50, "TGV INOUI", o).slug == "tgv");
  CHECK(choose_factor(Mode::Train, 585, "Intercités de nuit", o).slug == "intercites");
  CHECK(trip_kgco2e(Mode::Plane, 800, o) == doctest::Approx(179.36));        // court-courrier 123.2 + 101 contrails
  CHECK(choose_factor(Mode::Plane, 1500, "", o).slug == "avion-moyencourrier");
  CHECK(trip_kgco2e(Mode::Plane, 1500, o) == doctest::Approx(276.45));       // 184.3 g/km
  CHECK(choose_factor(Mode::Plane, 3000, "", o).slug == "avion-moyenlongcourrier");
  CHECK(choose_factor(Mode::Plane, 9000, "", o).slug == "avion-longcourrier");
  CHECK(trip_kgco2e(Mode::Bus, 10, o) == doctest::Approx(1.135));
  CHECK(trip_kgco2e(Mode::Tram, 5, o) == doctest::Approx(0.019));
  CHECK(trip_kgco2e(Mode::Metro, 5, o) == doctest::Approx(0.021));
  CHECK(trip_kgco2e(Mode::Bike, 10, o) == 0.0);
  CHECK(trip_kgco2e(Mode::Walk, 3, o) == 0.0);
  o.ebike = true;
  CHECK(trip_kgco2e(Mode::Bike, 10, o) == doctest::Approx(0.0223));
  o.car_occupants = 3;  // not a per-vehicle factor: unchanged
  CHECK(trip_kgco2e(Mode::Bus, 10, o) == doctest::Approx(1.135));
  CHECK(choose_factor(Mode::Boat, 10, "", o).slug.empty());
}

TEST_CASE("challenge mobility: mode inferred from speed") {
  CHECK(infer_mode(3000, 1800).mode == Mode::Walk);      // 6 km/h
  CHECK(infer_mode(10000, 1800).mode == Mode::Bike);     // 20 km/h
  CHECK(infer_mode(30000, 1800).mode == Mode::Car);      // 60 km/h
  CHECK(infer_mode(400000, 7200).mode == Mode::Train);   // 200 km/h
  CHECK(infer_mode(800000, 5400).mode == Mode::Plane);   // 533 km/h
  CHECK(infer_mode(50000, 600).mode == Mode::Train);     // 300 km/h but 50 km: not a plane
  CHECK(infer_mode(3000, 1800).inferred);
  InferredMode u = infer_mode(k_nan, 1800);
  CHECK(u.unknown);
  CHECK_FALSE(u.inferred);
  CHECK(u.mode == Mode::Other);
  CHECK(infer_mode(3500, 0).unknown);
}

TEST_CASE("challenge mobility: per mode, ISO week and month in Paris time, what if") {
  // 2023-03-26T22:30Z is Monday 27 March 00:30 in Paris (CEST): ISO week 13, not the Sunday's week 12.
  const int64_t ts[] = {utc_us(2023, 3, 26, 22, 30), utc_us(2023, 3, 26, 8, 0), utc_us(2023, 3, 31, 22, 30),
                        utc_us(2023, 3, 20, 7, 0), utc_us(2023, 3, 20, 17, 0)};
  const double dist[] = {100000, 3000, 400000, 10000, 2000};
  const double dur[] = {3600, 1800, 7200, 1800, k_nan};
  const std::string_view mode[] = {"car", "", "train", "", ""};
  TripsView v{ts, dist, dur, mode, {}};
  MobilityResult r = mobility_summary(v);
  REQUIRE(r.trips.size() == 5);
  CHECK(r.trips[0].factor_slug == "voiturethermique");
  CHECK(r.trips[0].kgco2e == doctest::Approx(11.0558));
  CHECK(r.trips[1].mode == Mode::Walk);
  CHECK(r.trips[1].inferred);
  CHECK(r.trips[3].mode == Mode::Bike);
  CHECK(r.trips[4].unknown);
  CHECK(r.trips[4].mode == Mode::Other);
  CHECK(r.total_km == doctest::Approx(515));
  CHECK(r.km_without_factor == doctest::Approx(2));
  CHECK(r.total_kgco2e == doctest::Approx(11.0558 + 0.92));
  CHECK(r.source.date == "2026-07-01");
  REQUIRE(r.by_mode.size() == 5);  // walk, bike, car, train, other
  CHECK(r.by_mode[0].mode == Mode::Walk);
  CHECK(r.by_mode[0].inferred == 1);
  CHECK(r.by_mode[2].mode == Mode::Car);
  CHECK(r.by_mode[2].km == doctest::Approx(100));
  // weeks: W12 holds the walk (Sun 26) and the bike + other (Mon 20); W13 the car (Mon 27) and the train (Sat 1 Apr)
  std::vector<std::string> weeks;
  for (const auto& p : r.by_week) weeks.push_back(p.period + ":" + mode_id(p.mode));
  CHECK(weeks == std::vector<std::string>{"2023-W12:walk", "2023-W12:bike", "2023-W12:other", "2023-W13:car",
                                          "2023-W13:train"});
  std::vector<std::string> months;
  for (const auto& p : r.by_month) months.push_back(p.period + ":" + mode_id(p.mode));
  CHECK(months == std::vector<std::string>{"2023-03:walk", "2023-03:bike", "2023-03:car", "2023-03:other",
                                           "2023-04:train"});  // 31 March 22:30Z = 1 April local
  CHECK(iso_week_key(int32_t(days_from_civil(2021, 1, 1))) == "2020-W53");
  CHECK(iso_week_key(int32_t(days_from_civil(2024, 12, 30))) == "2025-W01");
  REQUIRE(r.what_if.size() == 3);
  CHECK(r.what_if[0].alternative == "ter");
  CHECK(r.what_if[0].car_km == doctest::Approx(100));
  CHECK(r.what_if[0].alternative_kgco2e == doctest::Approx(2.29));
  CHECK(r.what_if[0].saved_kgco2e == doctest::Approx(8.7658));
  CHECK(r.what_if[1].alternative == "busthermique");
  CHECK(r.what_if[1].saved_kgco2e == doctest::Approx(11.0558 - 11.35));  // ADEME's bus is worse than a solo car here
  CHECK(r.what_if[2].alternative == "velo");
  CHECK(r.what_if[2].saved_kgco2e == doctest::Approx(11.0558));
}

TEST_CASE("challenge mobility: label rules and the mobility budget") {
  CHECK(fold_label("Péage A10 – Vinci Autoroutes") == "PEAGE A10 VINCI AUTOROUTES");
  CHECK(fold_label("  Œufs frais ×6 ") == "OEUFS FRAIS 6");
  CHECK(keyword_matches("CB TAN NANTES", "TAN"));
  CHECK_FALSE(keyword_matches("CB INSTANT CAFE", "TAN"));
  CHECK(keyword_matches("STATION CARBURANT U", "CARBU*"));
  CHECK(keyword_matches("PRLV VINCI AUTOROUTES SA", "vinci autoroutes"));
  const int32_t d[] = {int32_t(days_from_civil(2023, 3, 2)), int32_t(days_from_civil(2023, 3, 5)),
                       int32_t(days_from_civil(2023, 3, 9)), int32_t(days_from_civil(2023, 3, 10)),
                       int32_t(days_from_civil(2023, 3, 15)), int32_t(days_from_civil(2023, 4, 2)),
                       int32_t(days_from_civil(2023, 4, 3))};
  const std::string_view label[] = {"CB TOTALENERGIES 01/03", "PEAGE APRR",  "CB SNCF CONNECT", "CB INSTANT CAFE",
                                    "CB YELO LA ROCHELLE",    "REMB SNCF",   "CB SHELL LYON"};
  const double amount[] = {-60, -12.5, -45, -3, -30, 10, -50};
  auto rules = default_mobility_rules();
  MobilityBudget b = mobility_budget(TransactionsView{d, label, amount, {}}, rules);
  CHECK(b.matched_rule[3] == -1);
  CHECK(b.total_eur == doctest::Approx(60 + 12.5 + 45 + 30 - 10 + 50));
  std::vector<std::string> got;
  for (const auto& c : b.by_month) got.push_back(c.month + " " + c.category + " " + format_double(c.eur));
  CHECK(got == std::vector<std::string>{"2023-03 fuel 60", "2023-03 tolls 12.5", "2023-03 train 45",
                                        "2023-03 transit 30", "2023-04 fuel 50", "2023-04 train -10"});
  // rules are editable: a user adds their own station
  rules.push_back({"fuel", {"STATION DU PORT"}});
  const std::string_view l2[] = {"CB STATION DU PORT"};
  const double a2[] = {-20};
  MobilityBudget b2 = mobility_budget(TransactionsView{std::span(d, 1), l2, a2, {}}, rules);
  CHECK(b2.total_eur == doctest::Approx(20));
}

TEST_CASE("mobility budget: the person's own rules as a file, read first, the same in the page and the CLI") {
  // as the page saves them (and a hand-edited copy: BOM, CRLF, a comment, a bad category, a missing keyword)
  const std::string text = "\xEF\xBB\xBF# category;keyword\r\nparking;La Rochelle Port\r\ncar;MAIF\r\nfuel;\r\n\r\ntolls; Pont de l’île de Ré \r\n";
  int64_t bad = 0, first = 0;
  const std::vector<LabelRule> own = parse_mobility_rules(text, &bad, &first);
  REQUIRE(own.size() == 2);
  CHECK(own[0].category == "parking");
  CHECK(own[0].keywords == std::vector<std::string>{"LA ROCHELLE PORT"});
  CHECK(own[1].keywords == std::vector<std::string>{"PONT DE L ILE DE RE"});
  CHECK(bad == 2);      // "car" is not a mobility category; "fuel;" has no keyword
  CHECK(first == 3);
  CHECK(parse_mobility_rules(format_mobility_rules(own)).size() == 2);   // what is saved reads back
  // Léa's statement's labels (dist/samples/lea): the port's car park was not a mobility payment, now it is
  const int32_t d[] = {int32_t(days_from_civil(2025, 6, 28)), int32_t(days_from_civil(2025, 6, 29))};
  const std::string_view label[] = {"CARTE X4512 28/06 LA ROCHELLE PORT", "CARTE X4512 29/06 PAYBYPHONE ROYAN"};
  const double amount[] = {-6, -2.4};
  const auto all = mobility_rules_with(own);
  CHECK(all.size() == default_mobility_rules().size() + 2);
  CHECK(mobility_budget(TransactionsView{d, label, amount, {}}, default_mobility_rules()).total_eur == doctest::Approx(2.4));
  const MobilityBudget b = mobility_budget(TransactionsView{d, label, amount, {}}, all);
  CHECK(b.total_eur == doctest::Approx(8.4));
  REQUIRE(b.by_category.size() == 1);
  CHECK(b.by_category[0].category == "parking");
  CHECK(b.by_category[0].count == 2);
}
