// Food challenge computations (see food.h).
// Default mapping: French receipt words -> the ADEME slugs present in data/ademe. With match_products (the
// default) every line is first checked against not-food keywords, then matched to an Agribalyse 3.2 product
// (food_match.cpp) whose factor is used; lines matched to nothing are reported, never guessed.
#include "challenges/food.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <fast_float/fast_float.h>

namespace sdw::challenge {

std::vector<FoodRule> default_food_rules() {
  return {
      // composite dishes first (they name their meat)
      {"cheeseburger", {"CHEESEBURGER*"}, 0.2},
      {"burgervegetarien", {"BURGER VEGETARIEN", "BURGER VEGGIE", "VEGGIE BURGER"}, 0.2},
      {"burgerpoulet", {"BURGER POULET", "CHICKEN BURGER"}, 0.2},
      {"hachevegetal", {"HACHE VEGETAL", "STEAK VEGETAL", "STEAKS VEGETAUX"}, 0.1},
      {"nuggetsvegetaux", {"NUGGETS VEGETAUX", "NUGGETS VEGETAL"}, k_nan},
      {"saucissevegetale", {"SAUCISSE VEGETALE", "SAUCISSES VEGETALES"}, 0.05},
      {"boulettesvegetales", {"BOULETTES VEGETALES"}, k_nan},
      {"galettevegetale", {"GALETTE VEGETALE", "GALETTES VEGETALES"}, 0.1},
      {"kebab", {"KEBAB"}, 0.3},
      {"pizza", {"PIZZA*"}, 0.4},
      {"sushis", {"SUSHI*", "MAKI*"}, k_nan},
      {"pateatartiner", {"PATE A TARTINER", "NUTELLA"}, k_nan},
      {"painauchocolat", {"PAIN AU CHOCOLAT", "PAINS AU CHOCOLAT", "CHOCOLATINE*"}, 0.07},
      {"painauxraisins", {"PAIN AUX RAISINS", "PAINS AUX RAISINS"}, 0.1},
      {"chaussonauxpommes", {"CHAUSSON AUX POMMES", "CHAUSSONS AUX POMMES"}, 0.1},
      {"paindemie", {"PAIN DE MIE"}, k_nan},
      {"fromageblanc", {"FROMAGE BLANC", "FAISSELLE"}, k_nan},
      {"pommedeterre", {"POMME DE TERRE", "POMMES DE TERRE", "PDT"}, k_nan},
      {"haricotsrouges", {"HARICOTS ROUGES", "HARICOT ROUGE"}, k_nan},
      {"poischiches", {"POIS CHICHE*", "HOUMOUS", "HOUMMOS"}, k_nan},
      // meat and fish
      {"boeuf", {"STEAK HACHE", "STEAKS HACHES", "BOEUF", "ENTRECOTE", "BAVETTE", "FAUX FILET", "RUMSTECK",
                 "BOURGUIGNON", "ROSBIF", "HACHE"}, 0.1},
      {"veau", {"VEAU", "ESCALOPE DE VEAU"}, 0.15},
      {"poulet", {"POULET", "DINDE", "VOLAILLE", "AIGUILLETTES", "NUGGETS"}, 0.15},
      {"canard", {"CANARD", "MAGRET"}, k_nan},
      {"lapin", {"LAPIN"}, k_nan},
      {"porc", {"PORC", "JAMBON", "LARDONS", "SAUCISSE*", "SAUCISSON", "CHIPOLATA*", "COTE DE PORC", "RILLETTES"}, 0.05},
      {"crevettes", {"CREVETTE*", "GAMBAS"}, k_nan},
      {"moules", {"MOULES"}, k_nan},
      {"huitres", {"HUITRE*"}, k_nan},
      {"cabillaud", {"CABILLAUD", "MORUE"}, k_nan},
      {"lieu", {"LIEU", "COLIN"}, k_nan},
      {"dorade", {"DORADE", "DAURADE"}, k_nan},
      {"saumon", {"SAUMON"}, k_nan},
      {"thon", {"THON"}, k_nan},
      {"sardines", {"SARDINE*", "MAQUEREAU*"}, k_nan},
      // dairy and eggs
      {"beurre", {"BEURRE"}, k_nan},
      {"mozarella", {"MOZZARELLA", "MOZARELLA"}, 0.125},
      {"feta", {"FETA"}, k_nan},
      {"fromagebleu", {"ROQUEFORT", "BLEU D AUVERGNE", "FOURME"}, k_nan},
      {"fromagemolle", {"CAMEMBERT", "BRIE", "COULOMMIERS", "REBLOCHON", "MUNSTER", "CHEVRE"}, 0.25},
      {"fromagedure", {"EMMENTAL", "COMTE", "GRUYERE", "CANTAL", "TOMME", "RACLETTE", "PARMESAN", "FROMAGE RAPE",
                       "FROMAGE"}, k_nan},
      {"yaourt", {"YAOURT*", "YOGOURT*", "SKYR"}, 0.125},
      {"lait", {"LAIT"}, k_nan},  // no milk factor in the ADEME extract: reported as no_factor
      {"oeuf", {"OEUF*"}, 0.06},
      {"matieregrasse", {"MARGARINE", "HUILE"}, k_nan},
      // starch, pulses, bakery, sweets
      {"riz", {"RIZ"}, k_nan},
      {"pates", {"PATES", "SPAGHETTI*", "PENNE", "TAGLIATELLE*", "FUSILLI", "COQUILLETTES", "MACARONI*", "RAVIOLI*"}, k_nan},
      {"boulgour", {"BOULGOUR", "BOULGHOUR"}, k_nan},
      {"ble", {"BLE", "SEMOULE", "EBLY"}, k_nan},
      {"lentilles", {"LENTILLE*"}, k_nan},
      {"tofu", {"TOFU"}, k_nan},
      {"frites", {"FRITES"}, k_nan},
      {"croissant", {"CROISSANT*"}, 0.06},
      {"baguette", {"BAGUETTE*", "TRADITION"}, 0.25},
      {"brownie", {"BROWNIE*"}, k_nan},
      {"cookie", {"COOKIE*"}, k_nan},
      {"madeleine", {"MADELEINE*"}, 0.025},
      {"boucheechocolat", {"BOUCHEE CHOCOLAT", "BOUCHEES CHOCOLAT", "ROCHER*"}, k_nan},
      {"bonbons", {"BONBON*", "CONFISERIE*"}, k_nan},
  };
}

std::vector<FoodSwap> default_food_swaps() {
  return {{"boeuf", "poulet"},        {"boeuf", "hachevegetal"}, {"boeuf", "lentilles"},
          {"veau", "poulet"},         {"crevettes", "moules"},   {"cabillaud", "sardines"},
          {"cheeseburger", "burgervegetarien"}, {"beurre", "matieregrasse"}, {"fromagedure", "fromageblanc"}};
}

const char* food_status_id(FoodStatus s) {
  switch (s) {
    case FoodStatus::Mapped: return "mapped";
    case FoodStatus::Unmapped: return "unmapped";
    case FoodStatus::NoFactor: return "no_factor";
    case FoodStatus::NoWeight: return "no_weight";
    case FoodStatus::NotFood: return "not_food";
  }
  return "unmapped";
}

namespace {
// Lower-case ASCII copy, '×' -> 'x', decimal commas kept.
std::string lower_ascii(std::string_view s) {
  std::string o;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (uint8_t(c) == 0xC3 && i + 1 < s.size() && uint8_t(s[i + 1]) == 0x97) {
      o += 'x';
      ++i;
    } else {
      o += char(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
  }
  return o;
}
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || uint8_t(c) >= 0x80; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
double to_num(const std::string& s) {
  double v = k_nan;
  fast_float::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// Pack weight (kg) and multiplier from a label: "1l x6" -> (1, 6); "500 g" -> (0.5, 1); "x4" -> (NaN, 4).
void label_pack(std::string_view label, double& kg, double& mult) {
  const std::string s = lower_ascii(label);
  kg = k_nan;
  mult = 1;
  for (size_t i = 0; i < s.size(); ++i) {
    // multiplier: "x6" / "x 6" / "6x" as a token
    if (s[i] == 'x' && (i == 0 || !is_alpha(s[i - 1]))) {
      size_t j = i + 1;
      while (j < s.size() && s[j] == ' ') ++j;
      size_t k = j;
      while (k < s.size() && is_digit(s[k])) ++k;
      if (k > j && (k == s.size() || !is_alpha(s[k]))) {
        mult = to_num(s.substr(j, k - j));
        i = k - 1;
        continue;
      }
    }
    if (!is_digit(s[i]) || (i > 0 && (is_digit(s[i - 1]) || (is_alpha(s[i - 1]) && s[i - 1] != 'x') || s[i - 1] == ',' || s[i - 1] == '.')))
      continue;
    size_t k = i;
    std::string num;
    while (k < s.size() && (is_digit(s[k]) || ((s[k] == ',' || s[k] == '.') && k + 1 < s.size() && is_digit(s[k + 1])))) {
      num += s[k] == ',' ? '.' : s[k];
      ++k;
    }
    size_t u = k;
    while (u < s.size() && s[u] == ' ') ++u;
    size_t e = u;
    while (e < s.size() && is_alpha(s[e])) ++e;
    std::string unit = s.substr(u, e - u);
    const double v = to_num(num);
    if (unit.size() > 1 && unit.back() == 'x' && e < s.size() && is_digit(s[e])) {   // "1lx6": pack glued to its count
      unit.pop_back();
      size_t d = e;
      while (d < s.size() && is_digit(s[d])) ++d;
      if (mult == 1) mult = to_num(s.substr(e, d - e));
      k = d;
    }
    if (unit == "x" && mult == 1) {  // "6x" handled here ("6x125g")
      mult = v;
      i = u;
      continue;
    }
    double f = k_nan;
    if (unit == "kg" || unit == "l" || unit == "lt" || unit == "ltr") f = 1;
    else if (unit == "g" || unit == "gr" || unit == "ml") f = 0.001;
    else if (unit == "cl") f = 0.01;
    if (!std::isnan(f)) kg = v * f;
    i = k - 1;
  }
}
}  // namespace

double line_weight_kg(std::string_view product, double quantity, std::string_view unit, double kg_per_piece) {
  const std::string u = lower_ascii(trim_view(unit));
  if (!std::isnan(quantity)) {
    if (u == "kg" || u == "l") return quantity;
    if (u == "g" || u == "ml") return quantity / 1000;
    if (u == "cl") return quantity / 100;
  }
  const double count = std::isnan(quantity) ? 1.0 : quantity;
  double pack, mult;
  label_pack(product, pack, mult);
  if (!std::isnan(pack)) return count * pack * mult;
  if (!std::isnan(kg_per_piece)) return count * mult * kg_per_piece;
  return k_nan;
}

FoodResult food_summary(const PurchasesView& v, const FoodOptions& o) {
  FoodResult r;
  const FactorTables& f = ademe_factors();
  const FoodReference& ref = food_reference();
  r.source = f.food_source;
  std::vector<LabelRule> rules;
  for (const FoodRule& fr : o.rules) rules.push_back({fr.slug, fr.keywords});
  std::map<std::string, FoodMonth> months;
  std::map<std::string, FoodContributor> contrib;
  int64_t barcodes = 0, by_barcode = 0;
  for (size_t i = 0; i < v.day.size(); ++i) {
    FoodLine line;
    const std::string_view product = i < v.product.size() ? v.product[i] : std::string_view{};
    const double qty = i < v.quantity.size() ? v.quantity[i] : k_nan;
    const std::string_view unit = i < v.unit.size() ? v.unit[i] : std::string_view{};
    const std::string gtin = i < v.ean.size() ? normalize_gtin(v.ean[i]) : std::string();
    if (!gtin.empty()) ++barcodes;
    LineMatch lm;
    if (o.match_products) lm = match_line(ref, product, o.product_rules, o.min_confidence, gtin);
    if (lm.by_barcode) ++by_barcode;
    const int rule = lm.not_food.empty() ? match_rule(rules, fold_label(product)) : -1;
    if (!lm.not_food.empty()) {
      line.status = FoodStatus::NotFood;
    } else if (lm.match.product >= 0) {   // Agribalyse product: its factor; weight from unit, label or portion
      const AgbProduct& p = ref.products[size_t(lm.match.product)];
      line.slug = rule >= 0 ? o.rules[size_t(rule)].slug : "agb:" + p.code;
      const double per_piece = rule >= 0 && !std::isnan(o.rules[size_t(rule)].kg_per_piece)
                                   ? o.rules[size_t(rule)].kg_per_piece : typical_portion_kg(ref, product, lm.match.product);
      line.kg = line_weight_kg(product, qty, unit, per_piece);
      if (std::isnan(line.kg)) line.status = FoodStatus::NoWeight;
      else {
        line.status = FoodStatus::Mapped;
        line.kgco2e = line.kg * p.kgco2e_per_kg;
      }
    } else if (rule < 0) {
      line.status = FoodStatus::Unmapped;
    } else {
      const FoodRule& fr = o.rules[size_t(rule)];
      line.slug = fr.slug;
      const FoodFactor* ff = f.food_by_slug(fr.slug);
      line.kg = line_weight_kg(product, qty, unit, fr.kg_per_piece);
      if (!ff) line.status = FoodStatus::NoFactor;
      else if (std::isnan(line.kg)) line.status = FoodStatus::NoWeight;
      else {
        line.status = FoodStatus::Mapped;
        line.kgco2e = line.kg * ff->kg_per_kg;
      }
    }
    if (o.match_products) {
      lm.recognised = line.status == FoodStatus::Mapped;
      if (lm.recognised) { lm.kg = line.kg; lm.kgco2e = line.kgco2e; }
      r.match.lines.push_back(lm);
    }
    switch (line.status) {
      case FoodStatus::NotFood: ++r.not_food; break;
      case FoodStatus::Mapped: ++r.mapped; break;
      case FoodStatus::Unmapped: ++r.not_mapped; break;
      case FoodStatus::NoFactor: ++r.no_factor; break;
      case FoodStatus::NoWeight: ++r.no_weight; break;
    }
    if (line.status == FoodStatus::Mapped) {
      const double eur = i < v.amount.size() && !std::isnan(v.amount[i]) ? v.amount[i] : 0.0;
      FoodMonth& m = months[month_key(v.day[i])];
      m.month = month_key(v.day[i]);
      m.kg += line.kg;
      m.kgco2e += line.kgco2e;
      m.eur += eur;
      ++m.lines;
      FoodContributor& c = contrib[line.slug];
      c.slug = line.slug;
      if (lm.match.product >= 0 && line.slug.rfind("agb:", 0) == 0) c.name = ref.products[size_t(lm.match.product)].name;
      c.kg += line.kg;
      c.kgco2e += line.kgco2e;
      c.eur += eur;
      ++c.lines;
      r.total_kg += line.kg;
      r.total_kgco2e += line.kgco2e;
    } else if (line.status != FoodStatus::NotFood) {
      r.unmapped.push_back(i);
    }
    r.lines.push_back(std::move(line));
  }
  for (auto& [k, m] : months) r.months.push_back(m);
  for (auto& [k, c] : contrib) r.top.push_back(c);
  std::stable_sort(r.top.begin(), r.top.end(), [](const FoodContributor& a, const FoodContributor& b) { return a.kgco2e > b.kgco2e; });
  for (const FoodSwap& s : o.swaps) {
    auto it = contrib.find(s.from);
    const FoodFactor* to = f.food_by_slug(s.to);
    if (it == contrib.end() || !to) continue;
    FoodSwapResult w{s.from, s.to, it->second.kg, it->second.kgco2e, it->second.kg * to->kg_per_kg, 0};
    w.saved_kgco2e = w.from_kgco2e - w.to_kgco2e;
    r.swaps.push_back(w);
  }
  std::stable_sort(r.swaps.begin(), r.swaps.end(), [](const FoodSwapResult& a, const FoodSwapResult& b) { return a.saved_kgco2e > b.saved_kgco2e; });
  if (r.top.size() > o.top) r.top.resize(o.top);
  if (o.match_products) summarize_food_matches(ref, r.match, v.day, v.amount);
  r.match.lines_with_barcode = barcodes;
  r.match.lines_by_barcode = by_barcode;
  return r;
}

}  // namespace sdw::challenge
