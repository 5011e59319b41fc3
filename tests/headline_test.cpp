// The stated answers (challenges/headline.h): periods in words, partial months, the sentences with their
// yearly equivalent and sourced comparison. Expected strings are written out by hand (French typography:
// U+202F between thousands, U+00A0 before units, « » quotes).
#include <doctest/doctest.h>

#include "challenges/headline.h"

using namespace sdw::challenge;

namespace {
constexpr int32_t k_2024_03_01 = 19783, k_2024_05_29 = 19872, k_2023_12_15 = 19706, k_2024_01_02 = 19724;
const std::string nb = "\u00A0";    // before a unit
const std::string th = "\u202F";    // thousands
}  // namespace

TEST_CASE("headline: periods in words, French and English") {
  Period p;
  p.add(k_2024_05_29);
  p.add(k_2024_03_01);
  CHECK(p.days() == 90);
  CHECK(period_text(p, true) == "du 1er mars au 29 mai 2024");
  CHECK(period_text(p, false) == "from 1 March to 29 May 2024");
  Period q{k_2023_12_15, k_2024_01_02};
  CHECK(period_text(q, true) == "du 15 décembre 2023 au 2 janvier 2024");
  Period one{k_2024_03_01, k_2024_03_01};
  CHECK(period_text(one, true) == "le 1er mars 2024");
  CHECK(period_text(Period{}, true).empty());
}

TEST_CASE("headline: a month only partly covered is marked") {
  Period p{k_2024_03_01, k_2024_05_29};
  CHECK_FALSE(month_is_partial("2024-03", p));   // starts on the 1st
  CHECK_FALSE(month_is_partial("2024-04", p));
  CHECK(month_is_partial("2024-05", p));          // ends on the 29th of 31
  CHECK(month_text("2024-05", true, true) == "mai 2024 *");
  CHECK(month_text("2024-05", false) == "May 2024");
}

TEST_CASE("headline: the references come from data/references/comparisons.csv with their source and year") {
  const Reference* r = find_reference("mobility_co2_person_year");
  REQUIRE(r);
  CHECK(r->value == doctest::Approx(1920));
  CHECK(r->year == "2008");
  CHECK(r->source.find("SDES") != std::string::npos);
  CHECK(find_reference("electricity_kwh_person_year"));
  CHECK_FALSE(find_reference("nope"));
}

TEST_CASE("headline: mobility states period, figure, yearly pace and the national average with its source") {
  MobilityResult r;
  TripResult a, b;
  a.day = k_2024_03_01; a.km = 100; a.kgco2e = 15;
  b.day = k_2024_05_29; b.km = 50; b.kgco2e = 5;
  r.trips = {a, b};
  r.total_km = 150;
  r.total_kgco2e = 20;
  MobilityOptions o;
  Headline h = mobility_headline(r, o, true);
  CHECK(h.sentence == "Du 1er mars au 29 mai 2024 (90" + nb + "jours), vos 2" + nb + "trajets font 150,0" + nb + "km et émettent 20,0" + nb + "kg CO₂e.");
  // 20 kg × 365 / 90 days = 81.1 kg; 150 km × 365 / 90 = 608 km
  CHECK(h.yearly == "Sur un an au même rythme, cela ferait environ 81,1" + nb + "kg CO₂e et 608" + nb + "km.");
  // 81.1 / 1 920 = 4 %
  CHECK(h.comparison.find("1" + th + "920" + nb + "kg CO₂ par an (SDES") != std::string::npos);
  CHECK(h.comparison.find("données 2008") != std::string::npos);
  CHECK(h.comparison.find("en représente 4" + nb + "%.") != std::string::npos);
  CHECK(h.method.find("1 occupant") != std::string::npos);
  Headline en = mobility_headline(r, o, false);
  CHECK(en.sentence == "From 1 March to 29 May 2024 (90" + nb + "days), your 2" + nb + "trips cover 150.0" + nb + "km and emit 20.0" + nb + "kg CO₂e.");
}

TEST_CASE("headline: one day, one trip, one month are said in the singular (French and English)") {
  MobilityResult r;
  TripResult a;
  a.day = k_2024_03_01; a.km = 1.2; a.kgco2e = 0.2;
  r.trips = {a};
  r.total_km = 1.2;
  r.total_kgco2e = 0.2;
  CHECK(mobility_headline(r, {}, true).sentence == "Le 1er mars 2024 (1" + nb + "jour), votre trajet fait 1,2" + nb + "km et émet 0,2" + nb + "kg CO₂e.");
  CHECK(mobility_headline(r, {}, false).sentence == "On 1 March 2024 (1" + nb + "day), your 1" + nb + "trip covers 1.2" + nb + "km and emits 0.2" + nb + "kg CO₂e.");
  BudgetResult b;
  b.months = {{"2025-01", 1850, 197.49, 1652.51}};
  b.spending = 197.49;
  b.income = 1850;
  const Headline hb = budget_headline(b, true);
  CHECK(hb.comparison.find("par mois sur ce mois (vos propres relevés)") != std::string::npos);
  CHECK(hb.comparison.find("1 mois") == std::string::npos);
  CHECK(budget_headline(b, false).comparison.find("a month over this month") != std::string::npos);
  b.by_category = {{"", "other", 120, 1}};
  // French typography: no-break spaces before the colon and inside the guillemets (a line never breaks there)
  CHECK(budget_headline(b, true).sentence.find("premier poste de dépenses\u00A0: «\u00A0Autres\u00A0»") != std::string::npos);
  CHECK(french_spaces("a : b ; « c » ?") == "a\u00A0: b\u00A0; «\u00A0c\u00A0»\u00A0?");
  CHECK(budget_headline(b, false).sentence.find("largest spending: “Other”") != std::string::npos);
}

TEST_CASE("headline: a whole year gets no yearly extrapolation; empty data says so") {
  MobilityResult r;
  TripResult a, b;
  a.day = 19723; b.day = 19723 + 364;   // 2024-01-01 .. 2024-12-30: 365 days
  a.km = 10; b.km = 10; a.kgco2e = 1; b.kgco2e = 1;
  r.trips = {a, b};
  r.total_km = 20; r.total_kgco2e = 2;
  CHECK(mobility_headline(r, {}, true).yearly.empty());
  CHECK(mobility_headline(MobilityResult{}, {}, true).sentence == "Aucun trajet dans vos fichiers pour l’instant.");
}

TEST_CASE("headline: energy and budget") {
  EnergyResult e;
  e.energy = "electricity";
  for (int32_t d = k_2024_03_01; d <= k_2024_05_29; d++) e.days.push_back({d, 10, 24, 48, true});
  e.total_kwh = 900;
  e.months = {{"2024-03"}, {"2024-04"}, {"2024-05"}};
  Headline h = energy_headline(e, true);
  CHECK(h.sentence == "Du 1er mars au 29 mai 2024 (90" + nb + "jours), votre logement a consommé 900" + nb + "kWh d’électricité, soit 10,0" + nb + "kWh par jour.");
  CHECK(h.yearly.find("3" + th + "650" + nb + "kWh") != std::string::npos);   // 900 × 365 / 90
  CHECK(h.note == "Les mois marqués * ne sont couverts qu’en partie par vos fichiers.");
  CHECK(h.comparison.find("2" + th + "500" + nb + "kWh") != std::string::npos);

  BudgetResult b;
  b.currency = "CAD";
  b.months = {{"2024-01", 1000, 345, 655}};
  b.income = 1000;
  b.spending = 345;
  Headline hb = budget_headline(b, false);
  CHECK(hb.sentence == "In January 2024, 345.00" + nb + "CAD went out of your accounts and 1,000.00" + nb + "CAD came in.");
  CHECK(hb.sentence.find("€") == std::string::npos);   // never a euro sign on a Canadian statement
}
