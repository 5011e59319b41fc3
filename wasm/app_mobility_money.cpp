// The money side of the mobility tab (wasm/app_dashboards.cpp draws the rest): what moving costs (the bank
// statement's transport payments by the CLI's label rules plus the trip histories' ticket prices, per month
// and per km of each mode), the rules the person adds, and the comparison with a city's aggregate file.
// Every figure comes from challenges/mobility.h and challenges/territory.h, as `workbench challenge mobility`
// (tools/cli_mobility.h run_mobility) computes it.
#include "wasm/app_mobility_money.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "challenges/territory.h"
#include "imgui.h"
#include "viz/a11y.h"
#include "viz/chart_draw.h"
#include "viz/locale.h"
#include "viz/scale.h"
#include "wasm/app_dashboards.h"
#include "wasm/app_platform.h"
#include "wasm/app_ui.h"

namespace sdw::dash::money {
namespace {

// A city's aggregate files (the donation output's format) dropped with the person's own: read from their
// tables, kept by challenges/territory.h's rule, compared with the area the person picks.
std::vector<std::string> g_agg_tables;
std::string g_agg_sql;
challenge::MobilityAggregate g_agg;
std::vector<std::string> g_agg_areas;     // distinct areas of the file(s), sorted
std::string g_agg_area;                   // the area picked ("" none yet)
std::string g_agg_for;                    // the fetch the aggregate was read from

// The mobility budget (challenge 1 of La Rochelle): the bank's transport spending by the CLI's rules, plus the
// ticket prices of the trip histories, and the cost per km of each mode (challenges/mobility.h, as
// tools/cli_mobility.h run_mobility computes it).
std::vector<int64_t> g_mob_ticket_ts;
std::vector<double> g_mob_ticket_price;
challenge::MobilityBudget g_mob_budget;
std::vector<challenge::CategoryMonth> g_mob_budget_months;
std::vector<challenge::ModeCost> g_mob_costs;
std::string g_mob_budget_for;   // what it was computed from: the bank board's fetch and the trips
std::vector<challenge::LabelRule> g_mob_own_rules;   // the person's, newest first, applied before the defaults
char g_mob_rule_kw[96] = "";                         // the keyword being typed

const char* mob_budget_label(bool fr, const std::string& c) {
  struct Row { const char *id, *fr, *en; };
  static const Row rows[] = {{"fuel", "carburant", "fuel"},
                             {"tolls", "péages", "tolls"},
                             {"parking", "stationnement", "parking"},
                             {"train", "train (relevé bancaire)", "train (bank statement)"},
                             {"train_tickets", "billets de train (historique de voyages)", "train tickets (trip history)"},
                             {"transit", "transports en commun", "public transport"},
                             {"bike", "vélo", "bike"},
                             {"taxi", "taxi et VTC", "taxi and ride-hailing"}};
  for (const Row& r : rows)
    if (c == r.id) return fr ? r.fr : r.en;
  return c.c_str();
}

// The person adds what the rules missed: a word of a payment's label and its category (the file they save is
// the one `workbench challenge mobility --mobility-rules` reads, so the CLI gives the same budget).
void draw_mobility_rules(Lang l) {
  const bool fr = l == Lang::Fr;
  bool changed = false;
  const char* ask = fr ? "Un paiement de transport manque\u202F? Un mot de son libellé" : "A transport payment is missing? A word of its label";
  ImGui::SetNextItemWidth(260);
  ImGui::InputText(ask, g_mob_rule_kw, sizeof g_mob_rule_kw);
  ui::record("mob.rules.keyword");
  ui::ax_field("mob.rules.keyword", ask, g_mob_rule_kw, sizeof g_mob_rule_kw);
  const std::string kw = challenge::fold_label(g_mob_rule_kw);
  if (!kw.empty()) {
    ImGui::TextUnformatted(fr ? "Ajouter comme\u00A0:" : "Add as:");
    for (const challenge::LabelRule& d : challenge::default_mobility_rules()) {
      const std::string words = mob_budget_label(fr, d.category);
      ImGui::SameLine();   // the buttons wrap on a narrow window
      if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(words.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x) ImGui::NewLine();
      if (ui::button(words.c_str(), "mob.rules.add." + d.category,
                     (fr ? "Ajouter «\u00A0" + kw + "\u00A0» comme " : "Add \"" + kw + "\" as ") + words)) {
        g_mob_own_rules.insert(g_mob_own_rules.begin(), challenge::LabelRule{d.category, {kw}});
        g_mob_rule_kw[0] = 0;
        changed = true;
        break;
      }
    }
  }
  for (size_t i = 0; i < g_mob_own_rules.size(); i++) {
    const challenge::LabelRule& r = g_mob_own_rules[i];
    const std::string line = std::string(mob_budget_label(fr, r.category)) + " ← «\u00A0" + r.keywords[0] + "\u00A0»";
    ImGui::BulletText("%s", line.c_str());
    ImGui::SameLine();
    ImGui::PushID(int(i));
    if (ui::button(fr ? "Retirer" : "Remove", "mob.rules.remove." + std::to_string(i), (fr ? "Retirer la règle " : "Remove the rule ") + line)) {
      g_mob_own_rules.erase(g_mob_own_rules.begin() + std::ptrdiff_t(i));
      changed = true;
      ImGui::PopID();
      break;
    }
    ImGui::PopID();
  }
  if (!g_mob_own_rules.empty() &&
      ui::button(fr ? "Enregistrer mes règles (fichier)" : "Save my rules (file)", "mob.rules.save", fr ? "Enregistrer mes règles de budget mobilité (fichier)" : "Save my mobility budget rules (file)"))
    platform::save_bytes(fr ? "regles_mobilite.txt" : "mobility_rules.txt", "text/plain;charset=utf-8", challenge::format_mobility_rules(g_mob_own_rules));
  if (changed) platform::settings_changed(dash::settings_json().dump());   // kept with the encrypted workspace when it is on
}

// What moving costs: the bank statement's transport payments (the CLI's label rules) and the trip histories'
// ticket prices, per month, and per km of each mode, next to the CO₂ — the same functions and figures as
// `workbench challenge mobility` (budget.total_eur, budget.cost_per_km).
void draw_budget_impl(Lang l, const challenge::MobilityResult& result, const Columns* bank, const std::string& bank_sig) {
  const bool fr = l == Lang::Fr;
  const bool has_bank = bank && bank->rows > 0;
  const std::string sig = (has_bank ? bank_sig + "|" + std::to_string(bank->rows) : std::string("-")) + "|" +
                          std::to_string(g_mob_ticket_ts.size()) + "|" + std::to_string(result.total_km) + "|" +
                          challenge::format_mobility_rules(g_mob_own_rules);
  if (sig != g_mob_budget_for) {
    g_mob_budget_for = sig;
    const std::vector<int32_t> day = has_bank ? bank->whole<int32_t>(0) : std::vector<int32_t>();
    if (has_bank) {
      auto label = bank->views(1), cat = bank->views(3), cur = bank->views(4);
      g_mob_budget = challenge::mobility_budget(challenge::TransactionsView{day, label[0], bank->num[2], cat[0], cur[0]},
                                                challenge::mobility_rules_with(g_mob_own_rules));
    } else {
      g_mob_budget = {};
    }
    challenge::add_tickets(g_mob_budget, challenge::TicketsView{g_mob_ticket_ts, g_mob_ticket_price});
    g_mob_budget_months = challenge::budget_month_totals(g_mob_budget);
    g_mob_costs = challenge::budget_cost_per_km(g_mob_budget, result);
  }
  if (g_mob_budget.by_category.empty() || g_mob_budget_months.empty()) return;
  const char* title = fr ? "Budget mobilité" : "Mobility budget";
  ImGui::Spacing();
  ImGui::TextColored(ui::color_accent(), "%s", title);
  a11y::heading(2, title);
  // the period: calendar months from the first to the last month with spending
  const std::string& m0 = g_mob_budget_months.front().month;
  const std::string& m1 = g_mob_budget_months.back().month;
  const int months = (std::atoi(m1.c_str()) - std::atoi(m0.c_str())) * 12 + std::atoi(m1.c_str() + 5) - std::atoi(m0.c_str() + 5) + 1;
  std::string cats;
  for (const auto& c : g_mob_budget.by_category)
    cats += (cats.empty() ? "" : ", ") + std::string(mob_budget_label(fr, c.category)) + " " + format_number(l, c.eur, 2) + " €";
  const std::string sentence =
      fr ? "De " + month_label(l, m0) + " à " + month_label(l, m1) + " (" + format_count(l, uint64_t(months)) + " mois), vos dépenses de transport trouvées font " +
               format_number(l, g_mob_budget.total_eur, 2) + " €, soit " + format_number(l, g_mob_budget.total_eur / months, 0) + " € par mois : " + cats + "."
         : "From " + month_label(l, m0) + " to " + month_label(l, m1) + " (" + format_count(l, uint64_t(months)) + " months), the transport spending found comes to " +
               format_number(l, g_mob_budget.total_eur, 2) + " €, " + format_number(l, g_mob_budget.total_eur / months, 0) + " € a month: " + cats + ".";
  ui::text_wrapped(sentence);
  a11y::text(sentence, "text");
  a11y::figure(title, format_number(l, g_mob_budget.total_eur, 2) + " €");
  // per month
  static std::vector<std::string> names;
  static std::vector<const char*> labels;
  static std::vector<double> eur;
  names.clear(); labels.clear(); eur.clear();
  std::vector<std::vector<std::string>> rows;
  if (months > 120)   // decades: only the months with spending
    for (const auto& m : g_mob_budget_months) {
      names.push_back(month_label(l, m.month));
      eur.push_back(m.eur);
      rows.push_back({names.back(), format_number(l, m.eur, 2)});
    }
  for (int k = 0, y = std::atoi(m0.c_str()), mo = std::atoi(m0.c_str() + 5); months <= 120 && k < months; k++) {   // a month without spending: 0
    char key[16];
    std::snprintf(key, sizeof key, "%04d-%02d", y + (mo - 1 + k) / 12, (mo - 1 + k) % 12 + 1);
    double v = 0;
    for (const auto& m : g_mob_budget_months)
      if (m.month == key) v = m.eur;
    names.push_back(month_label(l, key));
    eur.push_back(v);
    rows.push_back({names.back(), format_number(l, v, 2)});
  }
  for (const auto& n : names) labels.push_back(n.c_str());
  const char* per_month = fr ? "Dépenses de transport par mois (€)" : "Transport spending per month (€)";
  ImGui::TextUnformatted(per_month);
  chart::BarSeries bs{"€", eur, 0xFF3B8BD9u};
  chart::BarChartSpec spec;
  spec.lang = l; spec.unit = "€"; spec.height = 180; spec.decimals = 0;
  chart::bar_chart("mob_budget_months", labels, std::span<const chart::BarSeries>(&bs, 1), spec);
  ui::record("mob.budget");
  a11y::table("mob.budget.months", per_month, {fr ? "Mois" : "Month", "€"}, rows);
  // per km of each mode
  std::vector<std::vector<std::string>> km_rows;
  for (const auto& c : g_mob_costs) {
    if (!(c.km > 0) || !(c.eur > 0) || !std::isfinite(c.eur_per_km)) continue;
    std::string parts;
    for (size_t a = 0, b; a <= c.categories.size(); a = b + 1) {
      b = c.categories.find('+', a);
      if (b == std::string::npos) b = c.categories.size();
      parts += (parts.empty() ? "" : ", ") + std::string(mob_budget_label(fr, c.categories.substr(a, b - a)));
    }
    const std::string line = std::string(challenge::mode_label(c.mode, fr)) + (fr ? " : " : ": ") + format_number(l, c.eur_per_km, 2) +
                             (fr ? " €/km (" : " €/km (") + format_number(l, c.eur, 2) + (fr ? " € pour " : " € for ") + format_number(l, c.km, 0) + " km ; " +
                             parts + ")";
    ImGui::BulletText("%s", line.c_str());
    km_rows.push_back({challenge::mode_label(c.mode, fr), format_number(l, c.eur, 2), format_number(l, c.km, 1), format_number(l, c.eur_per_km, 3)});
  }
  if (!km_rows.empty())
    a11y::table("mob.budget.per_km", fr ? "Coût par km de chaque mode" : "Cost per km of each mode",
                {"Mode", "€", "km", "€/km"}, km_rows);
  const char* rule = fr ? "Repérées dans les libellés du relevé (SNCF, péages, parkings, stations-service, réseaux de transport, vélos en libre-service, taxis) et dans les prix des billets de l’historique de voyages ; un mois qui a des billets ne compte pas en plus les paiements « train » de la banque (les mêmes billets payés par carte)."
                        : "Found in the statement's labels (SNCF, tolls, car parks, fuel stations, transport networks, bike sharing, taxis) and in the ticket prices of the trip history; a month with tickets does not also count the bank's train payments (the same tickets paid by card).";
  const ImVec4 dim = ui::color_dim();
  ui::text_wrapped(rule, &dim);
  a11y::text(rule, "note");
  draw_mobility_rules(l);
}

// "Compared with the territory": the person's share of km per mode next to an area's, from a city's aggregate
// file in the donation output's format dropped with the exports (challenges/territory.h compare_with_area, as
// `workbench challenge mobility --compare FILE --district CODE`).
void draw_compare_impl(Lang l, const challenge::MobilityResult& result, const Columns* agg, const std::string& agg_sig) {
  const bool fr = l == Lang::Fr;
  if (g_agg_tables.empty() || !agg) return;
  if (g_agg_for != agg_sig + "|" + std::to_string(agg->rows)) {
    g_agg_for = agg_sig + "|" + std::to_string(agg->rows);
    g_agg = {};
    g_agg.format = "table";
    const Columns& c = *agg;
    for (size_t i = 0; i < c.rows; i++) {
      challenge::AreaModeKm r;
      r.period = c.text[1][i];
      r.area = c.text[2][i];
      r.mode = c.text[3][i];
      r.km = c.num[4][i];
      r.records = std::isfinite(c.num[6][i]) ? int64_t(c.num[6][i]) : 0;
      if (!std::isfinite(r.km)) { if (!g_agg.bad_lines++) g_agg.first_bad_line = int64_t(i) + 1; continue; }
      challenge::add_aggregate_row(g_agg, c.text[0][i], c.text[5][i], std::move(r));
    }
    g_agg_areas.clear();
    for (const auto& r : g_agg.rows)
      if (std::find(g_agg_areas.begin(), g_agg_areas.end(), r.area) == g_agg_areas.end()) g_agg_areas.push_back(r.area);
    std::sort(g_agg_areas.begin(), g_agg_areas.end());
    if (std::find(g_agg_areas.begin(), g_agg_areas.end(), g_agg_area) == g_agg_areas.end()) g_agg_area = g_agg_areas.size() == 1 ? g_agg_areas[0] : "";
  }
  if (g_agg_areas.empty()) return;
  const char* title = fr ? "Comparé à votre territoire" : "Compared with your area";
  ImGui::Spacing();
  ImGui::TextColored(ui::color_accent(), "%s", title);
  a11y::heading(2, title);
  // the area: the only one of the file, else the person picks it (a list, and a field for a screen reader)
  if (g_agg_areas.size() > 1) {
    const char* pick = fr ? "Votre zone (code du fichier de la ville)" : "Your area (the city file's code)";
    ImGui::SetNextItemWidth(220);
    if (ImGui::BeginCombo(pick, g_agg_area.empty() ? (fr ? "choisir…" : "choose…") : g_agg_area.c_str())) {
      for (const std::string& a : g_agg_areas)
        if (ImGui::Selectable(a.c_str(), a == g_agg_area)) g_agg_area = a;
      ImGui::EndCombo();
    }
    ui::record("mob.compare.area");
    static char typed[64] = "";
    std::snprintf(typed, sizeof typed, "%s", g_agg_area.c_str());
    if (ui::ax_field("mob.compare.area", pick, typed, sizeof typed)) g_agg_area = typed;
  }
  if (g_agg_area.empty()) {
    const std::string n = fr ? "Le fichier de la ville couvre " + format_count(l, g_agg_areas.size()) + " zones : choisissez la vôtre."
                             : "The city's file covers " + format_count(l, g_agg_areas.size()) + " areas: pick yours.";
    ui::text_wrapped(n);
    a11y::text(n, "note");
    return;
  }
  const challenge::TerritoryCompare c =
      challenge::compare_with_area(g_agg, result, g_agg_area, g_agg_areas.size() == 1 ? "only_area" : "declared");
  if (!c.found) {
    const std::string n = fr ? "Aucune ligne pour la zone « " + g_agg_area + " » dans le fichier de la ville." : "No row for the area \"" + g_agg_area + "\" in the city's file.";
    ui::text_wrapped(n);
    a11y::text(n, "note");
    return;
  }
  // the sentence: the mode where the two differ most, then every mode as bars
  const challenge::ModeShare* most = nullptr;
  for (const auto& m : c.modes)
    if (!most || std::fabs(m.user_share - m.area_share) > std::fabs(most->user_share - most->area_share)) most = &m;
  const std::string period = c.period_first == c.period_last ? c.period_first : c.period_first + (fr ? " à " : " to ") + c.period_last;
  const std::string s =
      fr ? "Vous : " + format_number(l, 100 * most->user_share, 0) + " % de vos km en " + challenge::mode_label(most->mode, true) +
               " ; votre zone (" + c.area + ", " + period + ", " + format_number(l, c.area_km, 0) + " km de " +
               format_count(l, uint64_t(c.area_records)) + " trajets) : " + format_number(l, 100 * most->area_share, 0) + " %."
         : "You: " + format_number(l, 100 * most->user_share, 0) + "% of your km by " + challenge::mode_label(most->mode, false) + "; your area (" +
               c.area + ", " + period + ", " + format_number(l, c.area_km, 0) + " km over " + format_count(l, uint64_t(c.area_records)) +
               " trips): " + format_number(l, 100 * most->area_share, 0) + "%.";
  ui::text_wrapped(s);
  a11y::text(s, "text");
  static std::vector<const char*> cats;
  static std::vector<double> you, area;
  cats.clear(); you.clear(); area.clear();
  std::vector<std::vector<std::string>> rows;
  for (const auto& m : c.modes) {
    cats.push_back(challenge::mode_label(m.mode, fr));
    you.push_back(100 * m.user_share);
    area.push_back(100 * m.area_share);
    rows.push_back({cats.back(), format_number(l, 100 * m.user_share, 1), format_number(l, 100 * m.area_share, 1)});
  }
  const char* chart_title = fr ? "Part des km par mode (%)" : "Share of km per mode (%)";
  ImGui::TextUnformatted(chart_title);
  const chart::BarSeries series[2] = {{fr ? "vous" : "you", you, 0}, {fr ? "votre zone" : "your area", area, 0}};
  chart::BarChartSpec spec;
  spec.lang = l; spec.unit = "%"; spec.height = 200; spec.decimals = 0;
  chart::bar_chart("mob_compare_bars", cats, std::span<const chart::BarSeries>(series, 2), spec);
  ui::record("mob.compare");
  a11y::table("mob.compare.modes", chart_title, {"Mode", fr ? "vous (%)" : "you (%)", fr ? "votre zone (%)" : "your area (%)"}, rows);
  const char* how = fr ? "Le fichier de la ville est un agrégat anonyme au format des dons de données (km par mode, zone et mois) ; rien n’est envoyé pour comparer."
                       : "The city's file is an anonymous aggregate in the data donation format (km per mode, area and month); nothing is sent to compare.";
  const ImVec4 dim = ui::color_dim();
  ui::text_wrapped(how, &dim);
  a11y::text(how, "note");
}

}  // namespace

void set_tickets(std::vector<int64_t> ts_start_us, std::vector<double> price_eur) {
  g_mob_ticket_ts = std::move(ts_start_us);
  g_mob_ticket_price = std::move(price_eur);
  g_mob_budget_for.clear();
}
void draw_budget(Lang l, const challenge::MobilityResult& r, const Columns* bank, const std::string& bank_sig) {
  draw_budget_impl(l, r, bank, bank_sig);
}
void draw_compare(Lang l, const challenge::MobilityResult& r, const Columns* aggregate, const std::string& aggregate_sig) {
  draw_compare_impl(l, r, aggregate, aggregate_sig);
}
const char* aggregate_sql() { return g_agg_sql.c_str(); }
std::string rules_text() { return challenge::format_mobility_rules(g_mob_own_rules); }
void set_rules_text(const std::string& text) { g_mob_own_rules = challenge::parse_mobility_rules(text); }

nlohmann::json state_json(const challenge::MobilityResult& result) {
  using json = nlohmann::json;
  json j = json::object();
  json cats = json::object(), per_km = json::object();
  for (const auto& c : g_mob_budget.by_category) cats[c.category] = c.eur;
  for (const auto& c : g_mob_costs)
    if (std::isfinite(c.eur_per_km)) per_km[challenge::mode_id(c.mode)] = c.eur_per_km;
  if (!g_agg_tables.empty()) {
    const auto c = challenge::compare_with_area(g_agg, result, g_agg_area, g_agg_areas.size() == 1 ? "only_area" : "declared");
    json shares = json::object();
    for (const auto& m : c.modes) shares[challenge::mode_id(m.mode)] = {m.user_share, m.area_share};
    j["compare"] = {{"area", g_agg_area}, {"areas", g_agg_areas.size()}, {"found", c.found}, {"area_km", c.area_km}, {"shares", shares}};
  }
  j["budget"] = {{"own_rules", g_mob_own_rules.size()}, {"total_eur", g_mob_budget.total_eur}, {"by_category", cats}, {"eur_per_km", per_km}};
  return j;
}

}  // namespace sdw::dash::money

namespace sdw::dash {
bool is_aggregate_table(const std::vector<std::string>& c) {
  auto has = [&](const char* n) { return std::find(c.begin(), c.end(), n) != c.end(); };
  return has("part") && has("period") && has("area") && has("category") && has("value") && has("unit");
}
void set_aggregate_tables(std::vector<std::string> names) {
  if (names == money::g_agg_tables) return;
  money::g_agg_tables = std::move(names);
  money::g_agg_sql.clear();
  for (size_t i = 0; i < money::g_agg_tables.size(); i++) {
    std::string name = money::g_agg_tables[i];
    for (size_t p = name.find('"'); p != std::string::npos; p = name.find('"', p + 2)) name.insert(p, 1, '"');
    // texts as written (an area code keeps its leading zero when the CSV kept it as text); records may be absent
    money::g_agg_sql += std::string(i ? " UNION ALL " : "") +
                 "SELECT CAST(part AS VARCHAR) AS part, CAST(period AS VARCHAR) AS period, CAST(area AS VARCHAR) AS area, "
                 "CAST(category AS VARCHAR) AS category, TRY_CAST(value AS DOUBLE) AS value, CAST(unit AS VARCHAR) AS unit, "
                 "TRY_CAST(records AS DOUBLE) AS records FROM (SELECT * FROM \"" + name + "\" UNION ALL BY NAME SELECT NULL::DOUBLE AS records WHERE false)";
  }
}
}  // namespace sdw::dash
