// Receipt-line recognition (see food_match.h).
// [SECTION] table parsing  [SECTION] words  [SECTION] rules  [SECTION] matching  [SECTION] summaries
#include "challenges/food_match.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fast_float/fast_float.h>

#include "challenges/common.h"

namespace sdw::challenge {

namespace embedded {
extern const char* const agribalyse_csv;
extern const char* const agribalyse_sources_md;
extern const char* const food_lexicon_csv;
extern const char* const food_not_food_csv;
extern const char* const food_portions_csv;
extern const char* const food_seasons_csv;
extern const char* const food_swaps_csv;
extern const char* const food_sources_md;
}  // namespace embedded

namespace {

// ---------------------------------------------------------------- [SECTION] table parsing
// Fields of one ';'-separated line; "double quotes" protect ';' and "" is a quote.
std::vector<std::string> split_fields(std::string_view line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') { out.back() += '"'; ++i; }
      else if (c == '"') quoted = false;
      else out.back() += c;
    } else if (c == '"' && out.back().empty()) quoted = true;
    else if (c == ';') out.emplace_back();
    else out.back() += c;
  }
  return out;
}

// Calls f(line_number, fields) for every data line: blank lines, '#' comments and the header are skipped.
template <class F>
void for_each_row(std::string_view text, F&& f) {
  size_t pos = 0, line_no = 0;
  bool header = true;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    ++line_no;
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim_view(line).empty() || line.front() == '#') {
      if (end == text.size()) break;
      continue;
    }
    if (header) header = false;
    else f(line_no, split_fields(line));
    if (end == text.size()) break;
  }
}

double to_double(const std::string& s) {
  double v = std::nan("");
  fast_float::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

bool is_stop_word(std::string_view w) {
  static const char* const k[] = {"DE", "DU", "DES", "D", "L", "LA", "LE", "LES", "A", "AU", "AUX", "ET", "OU", "EN",
                                  "AVEC", "POUR", "PAR", "SUR", "UN", "UNE", "TYPE", "DIT", "EX", "ENVIRON"};
  for (const char* s : k)
    if (w == s) return true;
  return false;
}

bool contains_word(const std::vector<std::string>& v, std::string_view w) {
  return std::find(v.begin(), v.end(), w) != v.end();
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] words
std::vector<std::string> normalize_words(std::string_view label) {
  std::vector<std::string> out;
  const std::string folded = fold_label(label);
  size_t pos = 0;
  while (pos < folded.size()) {
    size_t end = folded.find(' ', pos);
    if (end == std::string::npos) end = folded.size();
    std::string w = folded.substr(pos, end - pos);
    pos = end + 1;
    if (w.empty() || is_stop_word(w)) continue;
    if (std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    if (w.size() > 3 && (w.back() == 'S' || w.back() == 'X')) w.pop_back();   // plural -> singular
    if (!contains_word(out, w)) out.push_back(std::move(w));
  }
  return out;
}

namespace {
// Lexicon steps on already normalized words: abbreviations expanded, drop words removed.
std::vector<std::string> apply_lexicon(const FoodReference& ref, const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const std::string& w : words) {
    auto it = std::find_if(ref.abbreviations.begin(), ref.abbreviations.end(), [&](const auto& a) { return a.first == w; });
    std::vector<std::string> expanded = it == ref.abbreviations.end() ? std::vector<std::string>{w} : normalize_words(it->second);
    for (std::string& e : expanded) {
      if (std::binary_search(ref.drop_words.begin(), ref.drop_words.end(), e)) continue;
      if (!contains_word(out, e)) out.push_back(std::move(e));
    }
  }
  return out;
}
}  // namespace

std::vector<std::string> receipt_words(const FoodReference& ref, std::string_view label) {
  // "1/2 ECR" is demi-écrémé: the fraction would otherwise vanish with the other digits.
  std::string s(label);
  for (size_t p; (p = s.find("1/2")) != std::string::npos;) s.replace(p, 3, " DEMI ");
  return apply_lexicon(ref, normalize_words(s));
}

// ---------------------------------------------------------------- reference parsing
int FoodReference::product_by_code(std::string_view code) const {
  for (size_t i = 0; i < products.size(); ++i)
    if (products[i].code == code) return int(i);
  return -1;
}

FoodReference parse_food_reference(std::string_view agribalyse_csv, std::string_view lexicon_csv,
                                   std::string_view not_food_csv, std::string_view portions_csv,
                                   std::string_view seasons_csv, std::string_view swaps_csv) {
  FoodReference r;
  auto bad = [&](const char* file, size_t line, const std::string& why) {
    r.errors.push_back(std::string(file) + ":" + std::to_string(line) + ": " + why);
  };
  for_each_row(agribalyse_csv, [&](size_t n, const std::vector<std::string>& f) {
    if (f.size() < 8) return bad("agribalyse_3.2_synthese_co2.csv", n, "expected 8 fields");
    AgbProduct p;
    p.code = f[0]; p.ciqual = f[1]; p.group = f[2]; p.subgroup = f[3]; p.name = f[4];
    p.season_code = f[5] == "0" ? 0 : f[5] == "1" ? 1 : 2;
    p.by_air = f[6] == "1";
    p.kgco2e_per_kg = to_double(f[7]);
    if (std::isnan(p.kgco2e_per_kg)) return bad("agribalyse_3.2_synthese_co2.csv", n, "kgco2e_per_kg is not a number");
    p.tokens = normalize_words(p.name);
    p.head = normalize_words(std::string_view(p.name).substr(0, p.name.find(',')));
    r.products.push_back(std::move(p));
  });
  // Lexicon: abbreviations and drop words first, aliases normalized with them.
  std::vector<std::pair<std::string, std::string>> alias_rows;
  for_each_row(lexicon_csv, [&](size_t n, const std::vector<std::string>& f) {
    if (f.size() < 3) return bad("receipt_lexicon.csv", n, "expected kind;receipt_word;becomes");
    const std::vector<std::string> key = normalize_words(f[1]);
    if (f[0] == "abbr" && key.size() == 1) r.abbreviations.emplace_back(key[0], f[2]);
    else if (f[0] == "drop" && key.size() == 1) r.drop_words.push_back(key[0]);
    else if (f[0] == "alias") alias_rows.emplace_back(f[1], f[2]);
    else bad("receipt_lexicon.csv", n, "unknown kind or empty word");
  });
  std::sort(r.drop_words.begin(), r.drop_words.end());
  for (const auto& [phrase, code] : alias_rows) {
    std::string key;
    for (const std::string& w : apply_lexicon(r, normalize_words(phrase))) key += (key.empty() ? "" : " ") + w;
    if (r.product_by_code(code) < 0) r.errors.push_back("receipt_lexicon.csv: alias " + phrase + " -> unknown code " + code);
    else if (!key.empty()) r.aliases.emplace_back(key, code);
  }
  for_each_row(not_food_csv, [&](size_t n, const std::vector<std::string>& f) {
    if (f.size() < 2 || f[1].empty()) return bad("not_food_keywords.csv", n, "expected category;keyword");
    r.not_food.push_back({f[0], f[1]});
  });
  for_each_row(portions_csv, [&](size_t n, const std::vector<std::string>& f) {
    if (f.size() < 2) return bad("portions.csv", n, "expected match;kg_per_unit");
    const double kg = to_double(f[1]);
    if (!(kg > 0)) return bad("portions.csv", n, "kg_per_unit must be > 0");
    r.portions.push_back({f[0], kg, f.size() > 2 ? f[2] : ""});
  });
  for_each_row(seasons_csv, [&](size_t n, const std::vector<std::string>& f) {
    if (f.size() < 4) return bad("seasonality_impactco2.csv", n, "expected slug;nom;code_agb;mois");
    SeasonEntry e{f[0], f[1], f[2], 0, false, normalize_words(f[1])};
    size_t pos = 0;
    while (pos <= f[3].size()) {
      size_t end = f[3].find(',', pos);
      if (end == std::string::npos) end = f[3].size();
      const double m = to_double(f[3].substr(pos, end - pos));
      if (m >= 1 && m <= 12) e.months |= uint16_t(1u << (int(m) - 1));
      else bad("seasonality_impactco2.csv", n, "month outside 1..12");
      pos = end + 1;
    }
    const int p = r.product_by_code(e.code);
    e.fruit = p >= 0 && r.products[size_t(p)].subgroup == "fruits";
    r.seasons.push_back(std::move(e));
  });
  for_each_row(swaps_csv, [&](size_t n, const std::vector<std::string>& f) {
    if (f.size() < 3) return bad("swaps.csv", n, "expected family;from;to");
    SwapPair s{f[0], {}, f[2], f.size() > 3 ? f[3] : ""};
    size_t pos = 0;
    while (pos <= f[1].size()) {
      size_t end = f[1].find('|', pos);
      if (end == std::string::npos) end = f[1].size();
      if (end > pos) s.from.push_back(f[1].substr(pos, end - pos));
      pos = end + 1;
    }
    if (r.product_by_code(s.to) < 0) return bad("swaps.csv", n, "unknown code " + s.to);
    r.swaps.push_back(std::move(s));
  });
  // Search index.
  std::map<std::string, std::vector<int>> index;
  for (size_t i = 0; i < r.products.size(); ++i)
    for (const std::string& w : r.products[i].tokens) index[w].push_back(int(i));
  const double n = double(std::max<size_t>(1, r.products.size()));
  for (auto& [w, ps] : index) {
    r.vocab.push_back(w);
    r.idf.push_back(std::log(1.0 + n / double(ps.size())));
    r.postings.push_back(std::move(ps));
  }
  return r;
}

const FoodReference& food_reference() {
  static const FoodReference r = [] {
    FoodReference x = parse_food_reference(embedded::agribalyse_csv, embedded::food_lexicon_csv, embedded::food_not_food_csv,
                                           embedded::food_portions_csv, embedded::food_seasons_csv, embedded::food_swaps_csv);
    x.sources_agribalyse = embedded::agribalyse_sources_md;
    x.sources_food = embedded::food_sources_md;
    return x;
  }();
  return r;
}

// ---------------------------------------------------------------- [SECTION] rules
std::string export_product_rules_csv(std::span<const ProductRule> rules) {
  std::string out = "label;code\r\n";
  for (const ProductRule& r : rules) {
    std::string label = r.label;
    std::replace(label.begin(), label.end(), ';', ' ');
    out += label + ";" + r.code + "\r\n";
  }
  return out;
}

std::vector<ProductRule> import_product_rules_csv(std::string_view csv, std::vector<std::string>* errors) {
  std::vector<ProductRule> out;
  if (csv.size() >= 3 && uint8_t(csv[0]) == 0xEF && uint8_t(csv[1]) == 0xBB && uint8_t(csv[2]) == 0xBF) csv.remove_prefix(3);
  for_each_row(csv, [&](size_t n, const std::vector<std::string>& f) {
    const std::string label = f.empty() ? "" : fold_label(f[0]);
    const std::string code = f.size() > 1 ? std::string(trim_view(f[1])) : "";
    if (label.empty() || code.empty()) {
      if (errors) errors->push_back("line " + std::to_string(n) + ": expected label;code (ligne " + std::to_string(n) + "\u00A0: libellé;code attendus)");
      return;
    }
    out.push_back({label, code});
  });
  return out;
}

const char* match_method_id(MatchMethod m) {
  switch (m) {
    case MatchMethod::None: return "none";
    case MatchMethod::Rule: return "rule";
    case MatchMethod::Alias: return "alias";
    case MatchMethod::Fuzzy: return "fuzzy";
  }
  return "none";
}

std::string not_food_category(const FoodReference& ref, std::string_view label) {
  const std::string folded = fold_label(label);
  if (folded.empty()) return "empty";
  for (const NotFoodKeyword& k : ref.not_food)
    if (keyword_matches(folded, k.keyword)) return k.category;
  return "";
}

// ---------------------------------------------------------------- [SECTION] matching
namespace {
bool prefix_related(std::string_view a, std::string_view b) {   // "CAROT" ~ "CAROTTE" (either way)
  if (a.size() <= b.size()) return a.size() >= 3 && b.substr(0, a.size()) == a;
  return b.size() >= 4 && a.substr(0, b.size()) == b;
}
bool in_list(std::string_view w, std::initializer_list<const char*> l) {
  for (const char* s : l)
    if (w == s) return true;
  return false;
}
bool processed_word(std::string_view w) {
  return in_list(w, {"CUIT", "CUITE", "APPERTISE", "APPERTISEE", "SURGELE", "SURGELEE", "SECHE", "SECHEE", "PUREE", "POUDRE",
                     "DESHYDRATE", "DESHYDRATEE", "RECONSTITUE", "RECONSTITUEE", "FRIT", "FRITE", "GRILLE", "GRILLEE", "ROTI",
                     "ROTIE", "BOUILLI", "BOUILLIE", "BRAISE", "BRAISEE", "MAISON", "INFANTILE", "BEBE", "EGOUTTE", "EGOUTTEE",
                     "REHYDRATEE", "POELE", "POELEE", "VAPEUR", "FOUR", "SIROP", "NOURRISSON", "FUME", "FUMEE", "MARINE"});
}
bool default_form_word(std::string_view w) {
  return in_list(w, {"CRU", "CRUE", "NATURE", "PRECISION", "COURANT", "COURANTE", "STANDARD", "ENTIER", "ENTIERE", "FRAICHE"});
}
}  // namespace

ProductMatch match_product(const FoodReference& ref, std::string_view label, std::span<const ProductRule> rules,
                           double min_confidence) {
  ProductMatch best;
  const std::string folded = fold_label(label);
  for (const ProductRule& r : rules)
    if (r.label == folded) {
      best.product = ref.product_by_code(r.code);
      if (best.product >= 0) { best.confidence = 1; best.method = MatchMethod::Rule; }
      return best;
    }
  const std::vector<std::string> words = receipt_words(ref, label);
  if (words.empty()) return best;
  // Aliases: the longest alias phrase found as consecutive words.
  size_t alias_len = 0;
  for (const auto& [phrase, code] : ref.aliases) {
    const std::vector<std::string> a = normalize_words(phrase);
    if (a.size() <= alias_len || a.size() > words.size()) continue;
    for (size_t s = 0; s + a.size() <= words.size(); ++s)
      if (std::equal(a.begin(), a.end(), words.begin() + long(s))) {
        alias_len = a.size();
        best = {ref.product_by_code(code), 0.6 + 0.4 * double(a.size()) / double(words.size()), MatchMethod::Alias};
        break;
      }
  }
  // Fuzzy: word overlap weighted by rarity, exact or prefix, over the products sharing a word.
  double mean_idf = 0;
  for (double v : ref.idf) mean_idf += v;
  mean_idf = ref.idf.empty() ? 1 : mean_idf / double(ref.idf.size());
  std::vector<double> weight(words.size());
  std::set<int> candidates;
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string& w = words[k];
    double sum = 0;
    int related = 0;
    auto take = [&](size_t vi) {
      sum += ref.idf[vi];
      ++related;
      candidates.insert(ref.postings[vi].begin(), ref.postings[vi].end());
    };
    auto lo = std::lower_bound(ref.vocab.begin(), ref.vocab.end(), w);
    if (lo != ref.vocab.end() && *lo == w) take(size_t(lo - ref.vocab.begin()));
    if (w.size() >= 3)
      for (auto it = lo; it != ref.vocab.end() && it->compare(0, w.size(), w) == 0; ++it)
        if (*it != w) take(size_t(it - ref.vocab.begin()));
    for (size_t len = 4; len < w.size(); ++len) {
      auto it = std::lower_bound(ref.vocab.begin(), ref.vocab.end(), std::string_view(w).substr(0, len));
      if (it != ref.vocab.end() && *it == std::string_view(w).substr(0, len)) take(size_t(it - ref.vocab.begin()));
    }
    weight[k] = related ? sum / related : 0.3 * mean_idf;
  }
  double total_w = 0;
  for (double v : weight) total_w += v;
  for (int pi : candidates) {
    const AgbProduct& p = ref.products[size_t(pi)];
    double got = 0;
    size_t matched_tokens = 0, head_hit = 0;
    std::vector<bool> used(p.tokens.size(), false);
    for (size_t k = 0; k < words.size(); ++k) {
      double m = 0;
      for (size_t j = 0; j < p.tokens.size(); ++j) {
        const double s = p.tokens[j] == words[k] ? 1.0 : prefix_related(words[k], p.tokens[j]) ? 0.85 : 0.0;
        if (s > 0 && !used[j]) { used[j] = true; ++matched_tokens; }
        m = std::max(m, s);
      }
      got += m * weight[k];
    }
    for (const std::string& h : p.head)
      for (const std::string& w : words)
        if (h == w || prefix_related(w, h)) { ++head_hit; break; }
    const double cov = total_w > 0 ? got / total_w : 0;
    if (head_hit == 0 || cov < 0.45) continue;
    const double head_cov = p.head.empty() ? 0 : double(head_hit) / double(p.head.size());
    const double extra = double(p.tokens.size() - matched_tokens);
    double score = 0.55 * cov + 0.35 * head_cov + 0.10 / (1.0 + 0.5 * extra);
    double adjust = 0;
    for (const std::string& t : p.tokens) {
      if (contains_word(words, t)) continue;
      if (default_form_word(t)) adjust += 0.04;
      else if (processed_word(t)) adjust -= 0.03;
    }
    score += std::clamp(adjust, -0.12, 0.04);
    score = std::clamp(score, 0.0, 1.0);
    const bool better = score > best.confidence + 1e-9 ||
                        (std::fabs(score - best.confidence) <= 1e-9 && best.method == MatchMethod::Fuzzy &&
                         p.name.size() < ref.products[size_t(best.product)].name.size());
    // An alias is an editorial choice: a fuzzy candidate must beat it clearly to replace it.
    if (better && !(best.method == MatchMethod::Alias && score <= best.confidence + 0.05)) best = {pi, score, MatchMethod::Fuzzy};
  }
  if (best.confidence < min_confidence) best = {-1, best.confidence, MatchMethod::None};
  return best;
}

std::string normalize_gtin(std::string_view code) {
  std::string d;
  for (char c : code) {
    if (c >= '0' && c <= '9') d += c;
    else if (c != ' ' && c != '-') return "";
  }
  if (d.size() == 12) d = "0" + d;                           // UPC-A is an EAN-13 with a leading 0
  if (d.size() == 14 && d[0] == '0') d.erase(0, 1);           // GTIN-14 of a single item
  if (d.size() != 13 && d.size() != 8) return "";
  if (d.find_first_not_of('0') == std::string::npos) return "";
  // Restricted circulation numbers are the store's own (weighed items with their price or weight inside,
  // coupons): the same code is a different thing elsewhere, so they key nothing. EAN-13 prefixes 02, 04,
  // 20–29 (and 05 coupons, 98–99); EAN-8 prefixes 0 and 2 (GS1 General Specifications, 1.4.3).
  if (d.size() == 13 && (d.compare(0, 2, "02") == 0 || d.compare(0, 2, "04") == 0 || d.compare(0, 2, "05") == 0 ||
                         d[0] == '2' || d.compare(0, 2, "98") == 0 || d.compare(0, 2, "99") == 0))
    return "";
  if (d.size() == 8 && (d[0] == '0' || d[0] == '2')) return "";
  int sum = 0;                                                // weights 3,1,3… from the right, check digit excluded
  for (size_t i = 0; i + 1 < d.size(); ++i) sum += (d[d.size() - 2 - i] - '0') * (i % 2 == 0 ? 3 : 1);
  return (10 - sum % 10) % 10 == d.back() - '0' ? d : "";
}

std::string gtin_rule_label(std::string_view gtin) { return "EAN " + std::string(gtin); }

LineMatch match_line(const FoodReference& ref, std::string_view label, std::span<const ProductRule> rules,
                     double min_confidence, std::string_view gtin) {
  if (!gtin.empty()) {
    const std::string key = gtin_rule_label(gtin);
    if (std::any_of(rules.begin(), rules.end(), [&](const ProductRule& r) { return r.label == key; })) {
      LineMatch l = match_line(ref, key, rules, min_confidence);
      l.by_barcode = true;
      return l;
    }
  }
  LineMatch l;
  const std::string folded = fold_label(label);
  for (const ProductRule& r : rules)
    if (r.label == folded && r.code == "not_food") {
      l.not_food = "user";
      return l;
    }
  const bool user_code = std::any_of(rules.begin(), rules.end(), [&](const ProductRule& r) { return r.label == folded; });
  if (!user_code) l.not_food = not_food_category(ref, label);
  if (l.not_food.empty()) l.match = match_product(ref, label, rules, min_confidence);
  return l;
}

double typical_portion_kg(const FoodReference& ref, std::string_view label, int product) {
  const std::string folded = fold_label(label);
  for (const Portion& p : ref.portions)
    if (!p.match.empty() && p.match[0] != '@' && keyword_matches(folded, p.match)) return p.kg;
  if (product < 0 || size_t(product) >= ref.products.size()) return std::nan("");
  const std::string& sg = ref.products[size_t(product)].subgroup;
  for (const Portion& p : ref.portions)
    if (!p.match.empty() && p.match[0] == '@' && std::string_view(p.match).substr(1) == sg) return p.kg;
  return std::nan("");
}

int season_entry_for(const FoodReference& ref, int product) {
  if (product < 0 || size_t(product) >= ref.products.size()) return -1;
  const AgbProduct& p = ref.products[size_t(product)];
  for (size_t i = 0; i < ref.seasons.size(); ++i)
    if (ref.seasons[i].code == p.code) return int(i);
  static const char* const fresh_groups[] = {"fruits", "légumes", "herbes", "fruits à coque et graines oléagineuses"};
  if (std::none_of(std::begin(fresh_groups), std::end(fresh_groups), [&](const char* g) { return p.subgroup == g; })) return -1;
  if (std::any_of(p.tokens.begin(), p.tokens.end(), [](const std::string& t) { return processed_word(t); })) return -1;
  if (!contains_word(p.tokens, "CRU") && !contains_word(p.tokens, "CRUE") && !contains_word(p.tokens, "FRAICHE") &&
      !contains_word(p.tokens, "FRAI"))
    return -1;
  int best = -1;
  size_t best_n = 0;
  for (size_t i = 0; i < ref.seasons.size(); ++i) {
    const auto& t = ref.seasons[i].tokens;
    if (t.empty() || p.head.empty() || t[0] != p.head[0] || t.size() <= best_n) continue;
    if (std::all_of(t.begin(), t.end(), [&](const std::string& w) { return contains_word(p.head, w); })) {
      best = int(i);
      best_n = t.size();
    }
  }
  return best;
}

// ---------------------------------------------------------------- [SECTION] summaries
namespace {
bool swap_predicate(const AgbProduct& p, const std::string& pred) {
  if (pred.rfind("name:", 0) == 0) return fold_label(p.name).rfind(pred.substr(5), 0) == 0;
  if (pred.rfind("sg:", 0) == 0) return p.subgroup == pred.substr(3);
  return p.code == pred;
}
}  // namespace

void summarize_food_matches(const FoodReference& ref, FoodMatchSummary& s, std::span<const int32_t> day,
                            std::span<const double> amount) {
  auto eur = [&](size_t i) { return i < amount.size() && !std::isnan(amount[i]) ? amount[i] : 0.0; };
  std::map<std::string, int64_t> by_cat;
  int32_t first = 0, last = -1;
  s.lines_total = int64_t(s.lines.size());
  for (size_t i = 0; i < s.lines.size(); ++i) {
    const LineMatch& l = s.lines[i];
    if (i < day.size()) {
      if (last < first) first = last = day[i];
      first = std::min(first, day[i]);
      last = std::max(last, day[i]);
    }
    if (!l.not_food.empty()) {
      ++s.lines_not_food;
      s.not_food.push_back(i);
      ++by_cat[l.not_food];
      continue;
    }
    ++s.lines_food;
    if (eur(i) > 0) s.spend_food += eur(i);
    if (l.recognised) {
      ++s.lines_recognised;
      if (eur(i) > 0) s.spend_recognised += eur(i);
    } else {
      s.unrecognised.push_back(i);
    }
  }
  s.not_food_by_category.assign(by_cat.begin(), by_cat.end());
  s.spend_recognised_share = s.spend_food > 0 ? s.spend_recognised / s.spend_food : 0;
  s.days = last >= first ? double(last - first + 1) : 0;
  // Season calendar, month by month.
  std::map<std::string, SeasonMonth> months;
  for (size_t i = 0; i < s.lines.size() && i < day.size(); ++i) {
    const LineMatch& l = s.lines[i];
    if (!l.recognised || l.match.product < 0) continue;
    const AgbProduct& p = ref.products[size_t(l.match.product)];
    const std::string key = month_key(day[i]);
    SeasonMonth& m = months[key];
    m.month = key;
    if (p.by_air) { m.air_kg += l.kg; ++s.air_lines; }
    const int e = season_entry_for(ref, l.match.product);
    if (e < 0) continue;
    m.fresh_kg += l.kg;
    const int month = std::stoi(key.substr(5, 2));
    const SeasonEntry& se = ref.seasons[size_t(e)];
    if (!(se.months & (1u << (month - 1)))) {
      m.out_of_season_kg += l.kg;
      if (!contains_word(m.out_of_season, se.slug)) m.out_of_season.push_back(se.slug);
    }
  }
  for (auto& [key, m] : months) {
    m.share_out = m.fresh_kg > 0 ? m.out_of_season_kg / m.fresh_kg : 0;
    if (m.out_of_season.empty()) { s.seasonal.push_back(m); continue; }
    const int month = std::stoi(key.substr(5, 2));
    bool want_fruit = false, want_veg = false;
    for (const std::string& slug : m.out_of_season)
      for (const SeasonEntry& se : ref.seasons)
        if (se.slug == slug) (se.fruit ? want_fruit : want_veg) = true;
    std::vector<std::pair<double, std::string>> cands;
    for (const SeasonEntry& se : ref.seasons) {
      const int p = ref.product_by_code(se.code);
      if (p < 0 || se.months == 0x0FFF || ref.products[size_t(p)].by_air) continue;   // all-year imports, planes
      if (!(se.months & (1u << (month - 1))) || !(se.fruit ? want_fruit : want_veg)) continue;
      cands.emplace_back(ref.products[size_t(p)].kgco2e_per_kg, se.slug);
    }
    std::sort(cands.begin(), cands.end());
    for (size_t k = 0; k < cands.size() && k < 3; ++k) m.in_season_swaps.push_back(cands[k].second);
    s.seasonal.push_back(m);
  }
  // Swaps that matter: same mass, yearly figures, best target per family, three largest savings.
  const double per_year = s.days > 0 ? 365.0 / s.days : 0;
  std::map<std::string, ProductSwap> best_by_family;
  for (const SwapPair& sp : ref.swaps) {
    const int to = ref.product_by_code(sp.to);
    if (to < 0) continue;
    double kg = 0, co2 = 0, spent = 0, to_kg = 0, to_spent = 0;
    std::map<int, double> kg_by_product;
    for (size_t i = 0; i < s.lines.size(); ++i) {
      const LineMatch& l = s.lines[i];
      if (!l.recognised || l.match.product < 0) continue;
      if (l.match.product == to) { to_kg += l.kg; to_spent += eur(i); continue; }
      const AgbProduct& p = ref.products[size_t(l.match.product)];
      if (std::none_of(sp.from.begin(), sp.from.end(), [&](const std::string& pred) { return swap_predicate(p, pred); })) continue;
      kg += l.kg; co2 += l.kgco2e; spent += eur(i);
      kg_by_product[l.match.product] += l.kg;
    }
    const double saved = co2 - kg * ref.products[size_t(to)].kgco2e_per_kg;
    if (kg <= 0 || saved <= 0) continue;
    int main_product = kg_by_product.begin()->first;
    for (const auto& [pi, k] : kg_by_product)
      if (k > kg_by_product[main_product]) main_product = pi;
    ProductSwap w;
    w.family = sp.family;
    w.from_name = ref.products[size_t(main_product)].name;
    w.to_code = sp.to;
    w.to_name = ref.products[size_t(to)].name;
    w.note = sp.note;
    w.kg_per_year = kg * per_year;
    w.saved_kgco2e_per_year = saved * per_year;
    w.eur_per_kg_from = spent / kg;
    w.eur_per_kg_to = to_kg > 0 ? to_spent / to_kg : std::nan("");
    w.saved_eur_per_year = to_kg > 0 ? (spent - kg * w.eur_per_kg_to) * per_year : std::nan("");
    auto it = best_by_family.find(sp.family);
    if (it == best_by_family.end() || w.saved_kgco2e_per_year > it->second.saved_kgco2e_per_year) best_by_family[sp.family] = w;
  }
  for (auto& [f, w] : best_by_family) s.swaps.push_back(w);
  std::stable_sort(s.swaps.begin(), s.swaps.end(),
                   [](const ProductSwap& a, const ProductSwap& b) { return a.saved_kgco2e_per_year > b.saved_kgco2e_per_year; });
  if (s.swaps.size() > 3) s.swaps.resize(3);
  s.method =
      "Swaps: kg bought x (Agribalyse 3.2 kgCO2e/kg of the products bought - of the alternative), scaled to a year "
      "(x 365 / days covered by the receipts); euros from the prices paid on these receipts, unknown when the "
      "alternative was never bought. Season: ADEME Impact CO2 calendar, fresh fruit and vegetables only.";
}

}  // namespace sdw::challenge
