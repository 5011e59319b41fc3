// Food challenge: label weights ("1L x6", "500g", "x4" pieces), keyword mapping to ADEME slugs, lines
// without a factor or a weight reported, kgCO2e per month, top contributors and swaps. Hand-worked values
// from data/ademe/impactco2_food_factors_kgCO2e_per_kg.csv (boeuf 28.009, poulet 4.56, lentilles 0.582…).
#include <doctest/doctest.h>

#include "challenges/food.h"
#include "parsers/core/values.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::challenge;

TEST_CASE("challenge food: weights from units and labels") {
  CHECK(line_weight_kg("Pommes Golden bio", 1.254, "kg", k_nan) == doctest::Approx(1.254));
  CHECK(line_weight_kg("Lait demi-écrémé 1L x6", 2, "pièce", k_nan) == doctest::Approx(12));
  CHECK(line_weight_kg("Steak haché 5% MG x4", 1, "pièce", 0.1) == doctest::Approx(0.4));
  CHECK(line_weight_kg("Lentilles vertes 500g", 1, "", k_nan) == doctest::Approx(0.5));
  CHECK(line_weight_kg("Yaourts nature 4x125g", 2, "", k_nan) == doctest::Approx(1.0));
  CHECK(line_weight_kg("Emmental râpé 200 g", k_nan, "", k_nan) == doctest::Approx(0.2));
  CHECK(line_weight_kg("Huile d'olive 75cl", 1, "", k_nan) == doctest::Approx(0.75));
  CHECK(line_weight_kg("Riz basmati 1,5 kg", 1, "", k_nan) == doctest::Approx(1.5));
  CHECK(line_weight_kg("Filet de cabillaud", 412, "g", k_nan) == doctest::Approx(0.412));
  CHECK(std::isnan(line_weight_kg("Brocolis", 1, "pièce", k_nan)));
}

TEST_CASE("challenge food: mapping, months, top contributors, swaps, unmapped lines reported") {
  const int32_t mar4 = int32_t(days_from_civil(2023, 3, 4)), apr2 = int32_t(days_from_civil(2023, 4, 2));
  const int32_t day[] = {mar4, mar4, mar4, mar4, apr2, apr2};
  const std::string_view product[] = {"Pommes Golden bio", "Lait demi-écrémé 1L x6", "Steak haché 5% MG x4",
                                      "Filet de cabillaud", "Lentilles vertes 500g", "Escalope poulet fermier"};
  const double qty[] = {1.254, 2, 1, 0.412, 1, 2};
  const std::string_view unit[] = {"kg", "pièce", "pièce", "kg", "", "pièce"};
  const double eur[] = {3.75, 10.68, 6.49, 10.26, 2.4, 7.0};
  FoodOptions keywords_only;   // the ADEME-category keyword path alone (Agribalyse matching: food_match_test.cpp)
  keywords_only.match_products = false;
  FoodResult r = food_summary(PurchasesView{day, product, qty, unit, eur}, keywords_only);
  CHECK(r.source.date == "2025-01-15");
  REQUIRE(r.lines.size() == 6);
  CHECK(r.lines[0].status == FoodStatus::Unmapped);   // apples: no factor family in the extract
  CHECK(r.lines[1].status == FoodStatus::NoFactor);   // milk: mapped to "lait", absent from the extract
  CHECK(r.lines[2].slug == "boeuf");
  CHECK(r.lines[2].kgco2e == doctest::Approx(0.4 * 28.009));
  CHECK(r.lines[3].slug == "cabillaud");
  CHECK(r.lines[3].kgco2e == doctest::Approx(0.412 * 12.086));
  CHECK(r.lines[4].kgco2e == doctest::Approx(0.5 * 0.582));
  CHECK(r.lines[5].kgco2e == doctest::Approx(2 * 0.15 * 4.56));
  CHECK(r.unmapped == std::vector<size_t>{0, 1});
  CHECK(r.mapped == 4);
  CHECK(r.not_mapped == 1);
  CHECK(r.no_factor == 1);
  REQUIRE(r.months.size() == 2);
  CHECK(r.months[0].kgco2e == doctest::Approx(11.2036 + 4.979432));
  CHECK(r.months[1].kgco2e == doctest::Approx(0.291 + 1.368));
  CHECK(r.top[0].slug == "boeuf");
  CHECK(r.total_kgco2e == doctest::Approx(11.2036 + 4.979432 + 0.291 + 1.368));
  REQUIRE(!r.swaps.empty());
  // best saving first: 0.4 kg boeuf -> lentilles: 11.2036 - 0.2328
  CHECK(r.swaps[0].from == "boeuf");
  CHECK(r.swaps[0].to == "lentilles");
  CHECK(r.swaps[0].saved_kgco2e == doctest::Approx(11.2036 - 0.4 * 0.582));
  bool poulet = false;
  for (const auto& s : r.swaps)
    if (s.from == "boeuf" && s.to == "poulet") {
      poulet = true;
      CHECK(s.saved_kgco2e == doctest::Approx(0.4 * (28.009 - 4.56)));
    }
  CHECK(poulet);
  // the mapping is editable: the user maps apples to… nothing better exists, but potatoes would count
  FoodOptions o;
  o.match_products = false;
  o.rules.insert(o.rules.begin(), FoodRule{"pommedeterre", {"POMMES GOLDEN"}, k_nan});
  CHECK(food_summary(PurchasesView{day, product, qty, unit, eur}, o).lines[0].kgco2e == doctest::Approx(1.254 * 0.706));
}
