// Food dashboard, receipt recognition details (issue 23): how many receipt lines and how much spending were
// recognised, the not-food lines set apart, the lines to check (unrecognised or matched with low confidence)
// each with a one-click assignment to an Agribalyse product or to "not food" (kept as user rules in the
// dashboard's FoodOptions and exportable as CSV), the out-of-season share of fresh produce per month and the
// three swaps that save the most. Drawn by draw_food (app_dashboards.cpp) below its own charts.
// Owns: this drawing. Does not own: any figure (challenges/food_match.cpp computes them all).
#include "wasm/app_food_match.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "challenges/common.h"
#include "challenges/food_match.h"
#include "imgui.h"
#include "viz/chart_draw.h"
#include "viz/locale.h"
#include "wasm/app_platform.h"
#include "wasm/app_ui.h"

namespace sdw::dash {
namespace {

const char* category_label(bool fr, const std::string& c) {
  struct Row { const char *id, *fr, *en; };
  static const Row rows[] = {{"discount", "remises", "discounts"},       {"deposit", "consignes", "deposits"},
                             {"bag", "sacs", "bags"},                    {"hygiene", "hygiène", "hygiene"},
                             {"cleaning", "entretien", "cleaning"},      {"fuel", "carburant", "fuel"},
                             {"service", "services", "services"},        {"household", "maison", "household"},
                             {"pet", "animaux", "pets"},                 {"empty", "lignes vides", "empty lines"},
                             {"user", "selon vos attributions", "by your assignments"}};
  for (const Row& r : rows)
    if (c == r.id) return fr ? r.fr : r.en;
  return c.c_str();
}

// A combo to assign one receipt label: a filter box, then "not food" and the Agribalyse products whose
// name contains the filter (at most 60 shown). Returns true when a rule was added.
bool assign_combo(Lang l, const std::string& label, const std::string& gtin, size_t n, challenge::FoodOptions& opts) {
  const bool fr = l == Lang::Fr;
  const challenge::FoodReference& ref = challenge::food_reference();
  static char filter[64] = "";
  bool added = false;
  ImGui::SetNextItemWidth(240);
  const std::string id = "##assign" + std::to_string(n);
  if (ImGui::BeginCombo(id.c_str(), fr ? "Attribuer…" : "Assign…")) {
    ImGui::SetNextItemWidth(220);
    ImGui::InputTextWithHint("##filter", fr ? "chercher un produit" : "search a product", filter, sizeof filter);
    auto add = [&](const std::string& code) {
      const std::string folded = gtin.empty() ? challenge::fold_label(label) : challenge::gtin_rule_label(gtin);
      opts.product_rules.erase(std::remove_if(opts.product_rules.begin(), opts.product_rules.end(),
                                              [&](const challenge::ProductRule& r) { return r.label == folded; }),
                               opts.product_rules.end());
      opts.product_rules.insert(opts.product_rules.begin(), challenge::ProductRule{folded, code});
      added = true;
      filter[0] = 0;
    };
    if (ImGui::Selectable(fr ? "Non alimentaire" : "Not food")) add("not_food");
    ui::record("food.match.assign." + std::to_string(n) + ".not_food");
    const std::string f = challenge::fold_label(filter);
    int shown = 0;
    for (const challenge::AgbProduct& p : ref.products) {
      if (!f.empty() && challenge::fold_label(p.name).find(f) == std::string::npos) continue;
      if (f.empty() && shown >= 20) break;
      if (++shown > 60) break;
      ImGui::PushID(p.code.c_str());
      char text[320];
      std::snprintf(text, sizeof text, "%s (%s kg CO₂e/kg)", p.name.c_str(), format_number(l, p.kgco2e_per_kg, 2).c_str());
      if (ImGui::Selectable(text)) add(p.code);
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  ui::record("food.match.assign." + std::to_string(n));
  return added;
}

}  // namespace

bool draw_food_details(Lang l, const challenge::FoodResult& r, const std::vector<std::string>& products,
                       const std::vector<std::string>& gtins, challenge::FoodOptions& opts, bool& dirty) {
  const challenge::FoodMatchSummary& m = r.match;
  if (m.lines.empty()) return false;   // matching off or no lines
  const bool fr = l == Lang::Fr;
  const challenge::FoodReference& ref = challenge::food_reference();
  auto label_of = [&](size_t i) { return i < products.size() ? products[i] : std::string(); };
  auto gtin_of = [&](size_t i) { return i < gtins.size() ? gtins[i] : std::string(); };
  const std::string rules_before = challenge::export_product_rules_csv(opts.product_rules);

  ImGui::Spacing();
  ImGui::TextColored(ui::color_accent(), "%s", fr ? "Ce que les tickets disent" : "What the receipts say");
  // coverage headline
  char cov[400];
  std::snprintf(cov, sizeof cov, fr ? "%s lignes alimentaires sur %s reconnues (%s %% des dépenses alimentaires)"
                                    : "%s of %s food lines recognised (%s %% of food spending)",
                format_count(l, uint64_t(m.lines_recognised)).c_str(), format_count(l, uint64_t(m.lines_food)).c_str(),
                format_number(l, 100 * m.spend_recognised_share, 0).c_str());
  ImGui::TextUnformatted(cov);
  ui::ax("food.match.coverage", cov, "text");
  ui::record("food.match.coverage");
  // not food
  if (m.lines_not_food > 0) {
    std::string cats;
    for (const auto& [c, n] : m.not_food_by_category)
      cats += (cats.empty() ? "" : ", ") + std::string(category_label(fr, c)) + " " + format_count(l, uint64_t(n));
    ImGui::TextColored(ui::color_dim(), "%s %s (%s)", format_count(l, uint64_t(m.lines_not_food)).c_str(),
                       fr ? "lignes non alimentaires mises à part" : "not-food lines set apart", cats.c_str());
  }
  // barcodes: read, and only ever used for the person's own assignments (no offline barcode table)
  if (m.lines_with_barcode > 0) {
    char bc[400];
    std::snprintf(bc, sizeof bc,
                  fr ? "%s lignes portent un code-barres ; aucune table code-barres → produit n’est embarquée, un code-barres sert à vos "
                       "attributions (%s lignes décidées ainsi)."
                     : "%s lines carry a barcode; no barcode → product table is shipped, a barcode keys your own assignments (%s lines "
                       "decided so).",
                  format_count(l, uint64_t(m.lines_with_barcode)).c_str(), format_count(l, uint64_t(m.lines_by_barcode)).c_str());
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ui::color_dim(), "%s", bc);
    ImGui::PopTextWrapPos();
    ui::ax("food.match.barcodes", bc, "text");
  }
  // lines to check: unrecognised, then low-confidence matches (distinct labels, at most 10)
  std::vector<size_t> check;
  std::vector<std::string> seen;
  auto push = [&](size_t i) {
    const std::string s = gtin_of(i).empty() ? label_of(i) : challenge::gtin_rule_label(gtin_of(i));
    if (s.empty() || std::find(seen.begin(), seen.end(), s) != seen.end() || check.size() >= 10) return;
    seen.push_back(s);
    check.push_back(i);
  };
  for (size_t i : m.unrecognised) push(i);
  for (size_t i = 0; i < m.lines.size(); ++i)
    if (m.lines[i].not_food.empty() && m.lines[i].match.product >= 0 && m.lines[i].match.confidence < 0.8) push(i);
  if (!check.empty()) {
    ImGui::TextUnformatted(fr ? "À vérifier (non reconnues ou correspondance incertaine)\u00A0:" : "To check (unrecognised or uncertain match):");
    for (size_t k = 0; k < check.size(); ++k) {
      const size_t i = check[k];
      const challenge::LineMatch& lm = m.lines[i];
      if (assign_combo(l, label_of(i), gtin_of(i), k, opts)) dirty = true;
      ImGui::SameLine();
      const std::string shown = gtin_of(i).empty() ? label_of(i) : label_of(i) + (fr ? " [code-barres " : " [barcode ") + gtin_of(i) + "]";
      if (lm.match.product >= 0)
        ImGui::Text("%s → %s (%s %%)", shown.c_str(), ref.products[size_t(lm.match.product)].name.c_str(),
                    format_number(l, 100 * lm.match.confidence, 0).c_str());
      else
        ImGui::Text("%s → %s", shown.c_str(), fr ? "non reconnue" : "unrecognised");
    }
  }
  if (!opts.product_rules.empty()) {
    ImGui::TextColored(ui::color_dim(), fr ? "Vos attributions : %s (appliquées avant la reconnaissance)" : "Your assignments: %s (applied before matching)",
                       format_count(l, opts.product_rules.size()).c_str());
    if (ui::button(fr ? "Copier en CSV" : "Copy as CSV", "food.match.rules_csv", fr ? "Copier les attributions en CSV" : "Copy the assignments as CSV"))
      ImGui::SetClipboardText(challenge::export_product_rules_csv(opts.product_rules).c_str());
    ImGui::SameLine();
    // the same file `workbench challenge food --food-rules FILE` reads
    if (ui::button(fr ? "Enregistrer les règles" : "Save the rules", "food.match.rules_save",
                   fr ? "Enregistrer les attributions (fichier CSV)" : "Save the assignments (CSV file)"))
      platform::save_bytes(fr ? "regles_alimentation.csv" : "food_rules.csv", "text/csv;charset=utf-8",
                           challenge::export_product_rules_csv(opts.product_rules));
    ImGui::SameLine();
    if (ui::button(fr ? "Annuler la dernière" : "Undo the last one", "food.match.rules_undo",
                   fr ? "Annuler la dernière attribution" : "Undo the last assignment")) {
      opts.product_rules.erase(opts.product_rules.begin());   // the newest is first
      dirty = true;
    }
    ImGui::SameLine();
    if (ui::button(fr ? "Tout annuler" : "Undo all", "food.match.rules_clear", fr ? "Annuler les attributions" : "Undo the assignments")) {
      opts.product_rules.clear();
      dirty = true;
    }
  }
  // seasons: share of fresh fruit and vegetables bought out of season, per month
  bool any_fresh = false;
  for (const auto& s : m.seasonal) any_fresh |= s.fresh_kg > 0;
  if (any_fresh) {
    ImGui::TextUnformatted(fr ? "Fruits et légumes frais achetés hors saison (% du poids, calendrier ADEME Impact CO₂)"
                              : "Fresh fruit and vegetables bought out of season (% of weight, ADEME Impact CO₂ calendar)");
    static std::vector<std::string> names;
    static std::vector<const char*> cats;
    static std::vector<double> share;
    names.clear(); cats.clear(); share.clear();
    for (const auto& s : m.seasonal) { names.push_back(s.month); share.push_back(100 * s.share_out); }
    for (const auto& n : names) cats.push_back(n.c_str());
    chart::BarSeries bs{fr ? "hors saison" : "out of season", share, 0xFF3B8BD9u};
    chart::BarChartSpec spec;
    spec.lang = l; spec.unit = "%"; spec.height = 160; spec.decimals = 0;
    chart::bar_chart("food_season_bars", cats, std::span<const chart::BarSeries>(&bs, 1), spec);
    ui::record("food.match.seasonal");
    for (const auto& s : m.seasonal)
      if (!s.out_of_season.empty()) {
        std::string out, in;
        for (const auto& x : s.out_of_season) out += (out.empty() ? "" : ", ") + x;
        for (size_t k = 0; k < s.in_season_swaps.size() && k < 5; ++k) in += (in.empty() ? "" : ", ") + s.in_season_swaps[k];
        ImGui::BulletText("%s%s: %s%s%s", s.month.c_str(), fr ? "\u00A0" : " ", out.c_str(), in.empty() ? "" : (fr ? " — de saison\u00A0: " : " — in season: "), in.c_str());
      }
  }
  if (m.air_lines > 0)
    ImGui::TextColored(ui::color_warn(), "%s %s", format_count(l, uint64_t(m.air_lines)).c_str(),
                       fr ? "lignes de produits importés par avion" : "lines of air-freighted products");
  // the three swaps that save the most
  if (!m.swaps.empty()) {
    ImGui::TextUnformatted(fr ? "Les trois changements qui comptent le plus (par an, à quantités égales)\u00A0:"
                              : "The three changes that matter most (per year, same quantities):");
    for (const auto& w : m.swaps) {
      std::string eur = std::isnan(w.saved_eur_per_year) ? std::string(fr ? "prix inconnu" : "price unknown")
                                                          : format_number(l, w.saved_eur_per_year, 0) + " €";
      ImGui::BulletText("%s → %s%s: %s kg CO₂e, %s", w.from_name.c_str(), w.to_name.c_str(), fr ? "\u00A0" : " ",
                        format_number(l, w.saved_kgco2e_per_year, 0).c_str(), eur.c_str());
    }
    ui::record("food.match.swaps");
    if (!m.method.empty()) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextColored(ui::color_dim(), "%s", m.method.c_str());
      ImGui::PopTextWrapPos();
    }
  }
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(ui::color_dim(), "%s", fr ? "Facteurs\u00A0: AGRIBALYSE 3.2 (ADEME/INRAE, Licence Ouverte Etalab)\u202F; saisons\u00A0: ADEME Impact CO₂."
                                               : "Factors: AGRIBALYSE 3.2 (ADEME/INRAE, Licence Ouverte Etalab); seasons: ADEME Impact CO₂.");
  ImGui::PopTextWrapPos();
  return challenge::export_product_rules_csv(opts.product_rules) != rules_before;
}

}  // namespace sdw::dash
