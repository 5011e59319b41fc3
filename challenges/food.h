// Food challenge ("La Toque Verte"): receipt / loyalty-card lines mapped to ADEME Agribalyse food slugs by
// an editable keyword mapping, weights from the unit or the label ("1L x6", "500 g", "x4"), kgCO2e per
// month, top contributors, lower-carbon swaps with the saving; unmapped lines are reported.
// Does not own: reading tables, drawing, JSON.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "challenges/common.h"
#include "challenges/factors.h"
#include "challenges/food_match.h"

namespace sdw::challenge {

// A label rule for food: keywords (as LabelRule: folded, whole words, '*' prefix) -> an ADEME food slug,
// with the weight of one piece when the receipt counts pieces and the label gives no weight.
struct FoodRule {
  std::string slug;                    // "boeuf", "poulet"… (data/ademe/impactco2_food_factors_kgCO2e_per_kg.csv)
  std::vector<std::string> keywords;   // "STEAK HACHE", "BOEUF"…
  double kg_per_piece = k_nan;         // e.g. 0.1 for a steak haché, 0.06 for an egg
};
std::vector<FoodRule> default_food_rules();   // documented in food.cpp; first match wins
struct FoodSwap {
  std::string from, to;                // slugs: "boeuf" -> "poulet"
};
std::vector<FoodSwap> default_food_swaps();

struct PurchasesView {                 // columns of purchases
  std::span<const int32_t> day;        // local day (from ts, else date)
  std::span<const std::string_view> product;
  std::span<const double> quantity;    // NaN = absent (1 piece)
  std::span<const std::string_view> unit;   // "kg", "g", "l", "pièce"… may be empty
  std::span<const double> amount;      // EUR; may be empty
  std::span<const std::string_view> ean;   // barcode printed on the line (normalize_gtin); may be empty
};

// Weight in kg of one receipt line: kg/g/l/cl/ml units read the quantity; pieces multiply the quantity by
// the pack weight found in the label ("1L x6" = 6 kg, "500g" = 0.5 kg, litres counted as kg) or by
// multiplier x kg_per_piece ("x4" steaks); NaN when unknown.
double line_weight_kg(std::string_view product, double quantity, std::string_view unit, double kg_per_piece);

struct FoodOptions {
  std::vector<FoodRule> rules = default_food_rules();
  std::vector<FoodSwap> swaps = default_food_swaps();
  size_t top = 5;
  // Receipt recognition (food_match.h): not-food lines set apart, every other line matched to an Agribalyse
  // 3.2 product whose kgCO2e/kg is used when the match is confident enough; off = keyword rules only.
  bool match_products = true;
  std::vector<ProductRule> product_rules;   // user assignments, applied first
  double min_confidence = 0.5;
};
enum class FoodStatus : uint8_t { Mapped, Unmapped, NoFactor, NoWeight, NotFood };
const char* food_status_id(FoodStatus s);   // "mapped", "unmapped", "no_factor", "no_weight", "not_food"
struct FoodLine {
  FoodStatus status = FoodStatus::Unmapped;
  std::string slug;                    // "" when unmapped
  double kg = k_nan, kgco2e = 0;
};
struct FoodMonth {
  std::string month;
  double kg = 0, kgco2e = 0, eur = 0;  // eur: of the lines counted
  int64_t lines = 0;
};
struct FoodContributor {
  std::string slug;
  std::string name;                    // reference product name when the slug is an Agribalyse one ("agb:20009")
  double kg = 0, kgco2e = 0, eur = 0;
  int64_t lines = 0;
};
struct FoodSwapResult {
  std::string from, to;
  double kg = 0;                       // same mass swapped
  double from_kgco2e = 0, to_kgco2e = 0, saved_kgco2e = 0;
};
struct FoodResult {
  std::vector<FoodLine> lines;                  // input order
  std::vector<FoodMonth> months;
  std::vector<FoodContributor> top;             // largest kgCO2e first, at most options.top
  std::vector<FoodSwapResult> swaps;            // for slugs present, largest saving first
  std::vector<size_t> unmapped;                 // indices of lines not counted (any status but Mapped)
  double total_kg = 0, total_kgco2e = 0;
  int64_t mapped = 0, not_mapped = 0, no_factor = 0, no_weight = 0, not_food = 0;
  FactorSource source;
  FoodMatchSummary match;                       // per-line matches, coverage, seasons, swaps (match_products)
};
FoodResult food_summary(const PurchasesView& v, const FoodOptions& o = {});

}  // namespace sdw::challenge
