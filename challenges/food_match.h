// Receipt-line recognition for the food challenge: French till-receipt labels ("CAR. RAPEES BIO 500G",
// "LAIT 1/2 ECR UHT 1LX6", "REMISE FIDELITE") -> not food, or the Agribalyse 3.2 product they name, with a
// confidence; typical portions, the ADEME Impact CO2 season calendar, lower-carbon swaps and coverage.
// Owns: the reference tables (data/agribalyse/, data/food/, embedded at build time) and that matching.
// Does not own: weights from units and labels or the monthly totals (food.cpp), JSON, drawing.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sdw::challenge {

// ---------------------------------------------------------------- reference tables
struct AgbProduct {                    // one row of data/agribalyse/agribalyse_3.2_synthese_co2.csv
  std::string code, ciqual;            // "20009", "13025_2" / CIQUAL code
  std::string group, subgroup;         // "fruits, légumes, légumineuses et oléagineux" / "légumes"
  std::string name;                    // "Carotte, crue"
  int season_code = 2;                 // 0 off season, 1 in season, 2 French consumption mix
  bool by_air = false;                 // code avion = 1
  double kgco2e_per_kg = 0;
  std::vector<std::string> tokens;     // normalized name words (see normalize_words)
  std::vector<std::string> head;       // normalized words of the name's first comma segment
};
struct SeasonEntry {                   // one row of data/food/seasonality_impactco2.csv
  std::string slug, name, code;        // "carotte", "Carotte", "20009"
  uint16_t months = 0;                 // bit m-1 set when month m (1..12) is in season
  bool fruit = false;                  // its product is in the Agribalyse "fruits" sub-group
  std::vector<std::string> tokens;     // normalized name words
};
struct NotFoodKeyword { std::string category, keyword; };
struct Portion { std::string match; double kg = 0; std::string note; };   // "@sous-groupe" or a keyword
struct SwapPair { std::string family; std::vector<std::string> from; std::string to; std::string note; };

struct FoodReference {
  std::vector<AgbProduct> products;
  std::vector<SeasonEntry> seasons;
  std::vector<NotFoodKeyword> not_food;
  std::vector<Portion> portions;
  std::vector<SwapPair> swaps;
  std::vector<std::pair<std::string, std::string>> abbreviations;  // normalized word -> words
  std::vector<std::string> drop_words;                              // normalized, sorted
  std::vector<std::pair<std::string, std::string>> aliases;         // normalized phrase -> AGB code
  std::string sources_agribalyse, sources_food;                     // the two SOURCES.md as shipped
  std::vector<std::string> errors;                                   // malformed rows, with file and line
  int product_by_code(std::string_view code) const;                  // index, -1 when absent
  // Search index (built by parse_food_reference): vocabulary word -> products holding it; idf per word.
  std::vector<std::string> vocab;
  std::vector<std::vector<int>> postings;
  std::vector<double> idf;
};
// The shipped tables, parsed once from the copies embedded at build time.
const FoodReference& food_reference();
// The same parse over any texts (tests).
FoodReference parse_food_reference(std::string_view agribalyse_csv, std::string_view lexicon_csv,
                                   std::string_view not_food_csv, std::string_view portions_csv,
                                   std::string_view seasons_csv, std::string_view swaps_csv);

// ---------------------------------------------------------------- labels
// Words of a label as the matcher sees them: fold_label, digits-bearing words and stop words ("DE", "AUX")
// removed, plural dropped ("CAROTTES" -> "CAROTTE", "GATEAUX" -> "GATEAU"). No lexicon applied.
std::vector<std::string> normalize_words(std::string_view label);
// The same plus the receipt lexicon: abbreviations expanded ("CAR" -> "CAROTTE"), brand / marketing /
// unit words dropped ("BIO", "FRAIS", "LT"). "CAR. RAPEES BIO 500G" -> {"CAROTTE", "RAPEE"}.
std::vector<std::string> receipt_words(const FoodReference& ref, std::string_view label);

// ---------------------------------------------------------------- matching
// A user assignment, applied before any matching: a receipt label (folded, whole label) -> an Agribalyse
// code, or "not_food". Exported and imported as CSV "label;code".
struct ProductRule { std::string label; std::string code; };
// A receipt's barcode (EAN-13, EAN-8, UPC-A or GTIN-14, spaces allowed) as 13 digits (8 for EAN-8) when its
// check digit is right and it names a product everywhere (not a store's own weighed-item or coupon code),
// else "". No barcode -> product table is shipped (Open Food Facts' is gigabytes), so a
// barcode only keys the person's own assignments: an assignment made on a line with a barcode is the rule
// "EAN <digits>" and applies to every line with that barcode, whatever its label (stores print it differently).
std::string normalize_gtin(std::string_view code);
std::string gtin_rule_label(std::string_view gtin);   // "EAN 3017620422003"
std::string export_product_rules_csv(std::span<const ProductRule> rules);
// Rows it could not read are skipped and named in `errors` ("line 3: …").
std::vector<ProductRule> import_product_rules_csv(std::string_view csv, std::vector<std::string>* errors = nullptr);

enum class MatchMethod : uint8_t { None, Rule, Alias, Fuzzy };
const char* match_method_id(MatchMethod m);   // "none", "rule", "alias", "fuzzy"
struct ProductMatch {
  int product = -1;                    // index in FoodReference::products, -1 when none
  double confidence = 0;               // 0..1
  MatchMethod method = MatchMethod::None;
};
// The not-food category of a label ("discount", "hygiene"…), "" when it is not a not-food line.
std::string not_food_category(const FoodReference& ref, std::string_view label);
// Best Agribalyse product for a receipt label (user rules first, then aliases, then a scored fuzzy match
// on word overlap with abbreviation / prefix expansion). Below `min_confidence` product stays -1.
ProductMatch match_product(const FoodReference& ref, std::string_view label,
                           std::span<const ProductRule> rules = {}, double min_confidence = 0.5);
// One receipt line: user rules first ("not_food" or a code), then the not-food keywords, then
// match_product. The weight and factor are added by the caller (food_summary).
struct LineMatch;
// `gtin` (normalize_gtin) first: a rule for the line's barcode wins over one for its label.
LineMatch match_line(const FoodReference& ref, std::string_view label, std::span<const ProductRule> rules = {},
                     double min_confidence = 0.5, std::string_view gtin = {});
// Weight of one piece for a label with no weight (portions.csv: keyword first, then the matched
// product's sub-group); NaN when none applies.
double typical_portion_kg(const FoodReference& ref, std::string_view label, int product);
// The season calendar entry of a fresh fruit or vegetable product, -1 for anything else.
int season_entry_for(const FoodReference& ref, int product);

// ---------------------------------------------------------------- per-line results and summaries
struct LineMatch {
  std::string not_food;                // not-food category, "" for a food line
  ProductMatch match;
  bool recognised = false;             // counted with a factor and a weight
  bool by_barcode = false;             // a rule for the line's barcode decided
  double kg = 0, kgco2e = 0;           // when recognised
};
struct SeasonMonth {
  std::string month;                   // "2024-11"
  double fresh_kg = 0, out_of_season_kg = 0, share_out = 0;   // fresh fruit & vegetables with a calendar
  double air_kg = 0;                   // air-freighted products
  std::vector<std::string> out_of_season;                     // season slugs bought out of season
  std::vector<std::string> in_season_swaps;                   // in-season slugs of the same kind, lowest kgCO2e first
};
struct ProductSwap {
  std::string family, from_name, to_code, to_name, note;
  double kg_per_year = 0;              // bought, annualized
  double saved_kgco2e_per_year = 0;
  double saved_eur_per_year = 0;       // NaN when the alternative's price is not in the receipts
  double eur_per_kg_from = 0, eur_per_kg_to = 0;   // to: NaN when unknown
};
struct FoodMatchSummary {
  std::vector<LineMatch> lines;        // input order
  int64_t lines_total = 0, lines_not_food = 0, lines_food = 0, lines_recognised = 0;
  int64_t lines_with_barcode = 0, lines_by_barcode = 0;   // valid barcodes read; lines a barcode rule decided
  double spend_food = 0, spend_recognised = 0, spend_recognised_share = 0;
  std::vector<size_t> not_food;        // line indices
  std::vector<std::pair<std::string, int64_t>> not_food_by_category;
  std::vector<size_t> unrecognised;    // food lines not counted
  std::vector<SeasonMonth> seasonal;
  int64_t air_lines = 0;
  std::vector<ProductSwap> swaps;      // at most 3, largest yearly saving first
  double days = 0;                     // span of the receipts, for the yearly figures
  std::string method;                  // one sentence: how swaps and seasons were computed
};
// Coverage, season months and the three best swaps from lines already matched and weighed.
void summarize_food_matches(const FoodReference& ref, FoodMatchSummary& s, std::span<const int32_t> day,
                            std::span<const double> amount);

}  // namespace sdw::challenge
