// "Économiser / Save money" in the energy tab: which EDF regulated tariff fits the load curve (table + bar chart
// of the yearly cost), what solar panels would give (sliders, day profile consumption vs production), the home
// next to published averages, every figure with its source, and a CSV of the figures. Owns: that section's UI
// and its cached results. Does not own: any computation (challenges/tariffs, solar, energy_save).
#include "wasm/app_energy_save.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "challenges/energy_save.h"
#include "challenges/tariffs.h"
#include "imgui.h"
#include "viz/a11y.h"
#include "viz/chart_draw.h"
#include "wasm/app_platform.h"
#include "wasm/app_ui.h"

namespace sdw::dash {
namespace {

const char* L(Lang l, const char* fr, const char* en) { return l == Lang::Fr ? fr : en; }

struct State {
  // inputs
  int kva = 6;
  int current = 0;                       // 0 base, 1 hphc, 2 tempo
  char hc_text[64] = "22:00-06:00";
  float kwc = 3, tilt = 30, azimuth = 0, battery = 0, lat = 47.218f, lon = -1.554f, cost = 2000;
  bool cost_given = false;
  int occupants = 0, heating = 0;       // heating: 0 unknown, 1 electric, 2 gas, 3 other
  // cache
  std::string signature;
  std::vector<int64_t> s, e;
  std::vector<double> kwh;
  challenge::TariffComparison cmp;
  challenge::SolarResult solar;
  challenge::EnergyContext context;
  bool hc_ok = true;
  // Tempo calendars dropped by the person (the view tempo_days), laid over the shipped one
  std::string tempo_fetched_for;
  int tempo_request = 0;
  std::string tempo_error;
  int tempo_version = 0;                 // bumped when the calendar changes: the figures are computed again
  challenge::TempoCalendar calendar = challenge::shipped_tempo_calendar();
};
State g;

const char* k_ids[3] = {"base", "hphc", "tempo"};

bool parse_hc(const char* text, std::vector<challenge::HourRange>& out) {
  out.clear();
  std::string s = text;
  size_t p = 0;
  while (p < s.size()) {
    size_t c = s.find(',', p);
    const std::string r = s.substr(p, c == std::string::npos ? std::string::npos : c - p);
    int h1, m1, h2, m2;
    if (std::sscanf(r.c_str(), " %d:%d - %d:%d", &h1, &m1, &h2, &m2) != 4 || h1 < 0 || h1 > 24 || h2 < 0 || h2 > 24 || m1 < 0 ||
        m1 > 59 || m2 < 0 || m2 > 59)
      return false;
    out.push_back(challenge::HourRange{h1 * 60 + m1, h2 * 60 + m2});
    if (c == std::string::npos) break;
    p = c + 1;
  }
  return !out.empty();
}

void recompute(double total_kwh, int64_t days) {
  const challenge::EnergyView v{g.s, g.e, {}, g.kwh};
  challenge::TariffOptions o;
  o.kva = g.kva;
  o.current = k_ids[g.current];
  std::vector<challenge::HourRange> hc;
  g.hc_ok = parse_hc(g.hc_text, hc);
  if (g.hc_ok) o.offpeak_hours = hc;
  g.cmp = challenge::compare_tariffs(v, o, challenge::shipped_tariffs(), g.calendar);
  challenge::SolarOptions so;
  so.pv.kwc = g.kwc, so.pv.tilt_deg = g.tilt, so.pv.azimuth_deg = g.azimuth, so.pv.lat = g.lat, so.pv.lon = g.lon;
  so.battery_kwh = g.battery;
  so.install_eur_per_kwc = g.cost;
  so.install_cost_given = g.cost_given;
  for (const auto& t : g.cmp.tariffs)
    if (t.id == o.current && t.kwh_total > 0) so.price_eur_kwh = t.energy_eur / t.kwh_total;
  g.solar = challenge::simulate_solar(v, so);
  challenge::HouseholdProfile hp;
  hp.occupants = g.occupants;
  static const char* heat[4] = {"unknown", "electric", "gas", "other"};
  hp.heating = heat[g.heating];
  g.context = challenge::energy_context(total_kwh, days, hp);
}

std::string num(Lang l, double v, int d) { return std::isnan(v) ? std::string("–") : format_number(l, v, d); }

std::string csv(Lang l) {
  const bool fr = l == Lang::Fr;
  const char sep = fr ? ';' : ',';
  std::string out = "\xEF\xBB\xBF";
  auto cell = [&](const std::string& s, bool last = false) { out += s; out += last ? '\n' : sep; };
  auto n = [&](double v, int d, bool last = false) {
    char b[64];
    if (std::isnan(v)) b[0] = 0;
    else std::snprintf(b, sizeof b, "%.*f", d, v);
    std::string s = b;
    if (fr) std::replace(s.begin(), s.end(), '.', ',');
    cell(s, last);
  };
  cell(fr ? "option" : "option"); cell(fr ? "coût période (€)" : "period cost (€)"); cell(fr ? "coût par an (€)" : "cost per year (€)");
  cell("kWh HP"); cell("kWh HC", true);
  for (const auto& t : g.cmp.tariffs) {
    cell(t.id); n(t.available ? t.cost_eur : NAN, 2); n(t.available ? t.cost_eur_per_year : NAN, 2); n(t.kwh_hp, 3); n(t.kwh_hc, 3, true);
  }
  cell(fr ? "tempo couleur" : "tempo colour"); cell("kWh HP"); cell("kWh HC", true);
  for (int k = 1; k <= 3; ++k) {
    const auto& t = g.cmp.tariffs[2];
    cell(challenge::tempo_colour_id(challenge::TempoColour(k))); n(t.kwh_by_colour[size_t(k)][0], 3); n(t.kwh_by_colour[size_t(k)][1], 3, true);
  }
  cell(fr ? "solaire" : "solar"); cell(fr ? "valeur" : "value", true);
  const auto& s = g.solar;
  const std::pair<const char*, double> rows[] = {{"kwc", s.kwc}, {"production_kwh", s.production_kwh}, {"self_consumed_kwh", s.self_consumed_kwh},
                                                 {"exported_kwh", s.exported_kwh}, {"self_consumption_rate", s.self_consumption_rate},
                                                 {"self_sufficiency_rate", s.self_sufficiency_rate}, {"savings_eur_per_year", s.savings_eur_per_year},
                                                 {"export_income_eur_per_year", s.export_income_eur_per_year}, {"payback_years", s.payback_years}};
  for (const auto& [k, v] : rows) { cell(k); n(v, 4, true); }
  cell(fr ? "heure" : "hour"); cell(fr ? "consommation moyenne (kWh)" : "mean consumption (kWh)"); cell(fr ? "production moyenne (kWh)" : "mean production (kWh)", true);
  for (int h = 0; h < 24; ++h) { cell(std::to_string(h) + "h"); n(s.day_consumption_kwh[size_t(h)], 4); n(s.day_production_kwh[size_t(h)], 4, true); }
  return out;
}

}  // namespace

void draw_energy_savings(Lang l, std::span<const double> start_us, std::span<const double> end_us, std::span<const double> kwh) {
  const size_t n = std::min({start_us.size(), end_us.size(), kwh.size()});
  if (n == 0) return;
  // recompute when the readings or an input changed
  double sum = 0;
  for (size_t i = 0; i < n; ++i) sum += std::isnan(kwh[i]) ? 0 : kwh[i];
  char sig[512];
  std::snprintf(sig, sizeof sig, "%zu|%.0f|%.0f|%.6f|%d|%d|%s|%g|%g|%g|%g|%g|%g|%g|%d|%d|%d|%d", n, start_us[0], start_us[n - 1], sum, g.kva,
                g.current, g.hc_text, g.kwc, g.tilt, g.azimuth, g.battery, g.lat, g.lon, g.cost, g.cost_given, g.occupants, g.heating,
                g.tempo_version);
  if (g.signature != sig) {
    g.signature = sig;
    g.s.resize(n), g.e.resize(n), g.kwh.assign(kwh.begin(), kwh.begin() + long(n));
    for (size_t i = 0; i < n; ++i) {
      g.s[i] = std::isnan(start_us[i]) ? 0 : int64_t(start_us[i]);
      g.e[i] = std::isnan(end_us[i]) ? 0 : int64_t(end_us[i]);
    }
    // days of readings for the context: local days seen
    std::vector<int32_t> days;
    for (size_t i = 0; i < n; ++i) days.push_back(challenge::paris_local(g.s[i]).day);
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    recompute(sum, int64_t(days.size()));
  }
  const auto& c = g.cmp;
  ImGui::Separator();
  ImGui::TextColored(ui::color_accent(), "%s", L(l, "Économiser", "Save money"));
  ui::record("energy_save.title");
  ImGui::PushTextWrapPos(0);
  // ---- tariffs
  static const char* kvas[] = {"3", "6", "9", "12", "15", "18", "24", "30", "36"};
  int kva_index = int(std::find_if(std::begin(kvas), std::end(kvas), [](const char* k) { return std::atoi(k) == g.kva; }) - std::begin(kvas));
  ImGui::SetNextItemWidth(90);
  if (ImGui::Combo(L(l, "kVA (puissance du compteur)", "kVA (meter power)"), &kva_index, kvas, IM_ARRAYSIZE(kvas))) g.kva = std::atoi(kvas[kva_index]);
  ImGui::SameLine();
  static const char* current_fr[] = {"Base", "Heures creuses", "Tempo"};
  static const char* current_en[] = {"Base", "Off-peak hours", "Tempo"};
  ImGui::SetNextItemWidth(150);
  ImGui::Combo(L(l, "contrat actuel", "current contract"), &g.current, l == Lang::Fr ? current_fr : current_en, 3);
  ImGui::SetNextItemWidth(220);
  ImGui::InputText(L(l, "heures creuses (plages locales)", "off-peak hours (local ranges)"), g.hc_text, sizeof g.hc_text);
  if (!g.hc_ok) ImGui::TextColored(ui::color_warn(), "%s", L(l, "Plages illisibles\u00A0: 22:00-06:00 utilisé (format 22:00-06:00,12:00-14:00).",
                                                              "Unreadable ranges: 22:00-06:00 used (format 22:00-06:00,12:00-14:00)."));
  if (c.days > 0)
    ImGui::Text("%s %s → %s (%lld %s), %d kVA", L(l, "Tarifs EDF réglementés en vigueur chaque jour,", "EDF regulated tariffs in force each day,"),
                challenge::day_key(c.first_day).c_str(), challenge::day_key(c.last_day).c_str(), (long long)c.days, L(l, "jours", "days"), c.kva);
  if (ImGui::BeginTable("energy_save_tariffs", 6, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    // the option's name and its "cheapest" mark stay on one line (they were broken inside words)
    const float option_w = ImGui::CalcTextSize(L(l, "Heures creuses  ✓ le moins cher", "Off-peak hours  ✓ cheapest")).x + ImGui::GetStyle().CellPadding.x * 2;
    ImGui::TableSetupColumn(L(l, "Option", "Option"), ImGuiTableColumnFlags_WidthFixed, option_w);
    ImGui::TableSetupColumn(L(l, "Coût période (€)", "Period cost (€)"));
    ImGui::TableSetupColumn(L(l, "Par an (€)", "Per year (€)"));
    ImGui::TableSetupColumn("kWh HP");
    ImGui::TableSetupColumn("kWh HC");
    ImGui::TableSetupColumn(L(l, "Tempo\u00A0: kWh bleu / blanc / rouge", "Tempo: kWh blue / white / red"));
    ImGui::TableHeadersRow();
    for (size_t k = 0; k < c.tariffs.size(); ++k) {
      const auto& t = c.tariffs[k];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%s%s", (l == Lang::Fr ? current_fr : current_en)[k], t.id == c.best ? (l == Lang::Fr ? "  ✓ le moins cher" : "  ✓ cheapest") : "");
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(t.available ? num(l, t.cost_eur, 2).c_str() : L(l, "indisponible", "not available"));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(t.available ? num(l, t.cost_eur_per_year, 0).c_str() : "–");
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(num(l, t.kwh_hp, 0).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(num(l, t.kwh_hc, 0).c_str());
      ImGui::TableNextColumn();
      if (t.id == "tempo") {
        auto col = [&](int i) { return t.kwh_by_colour[size_t(i)][0] + t.kwh_by_colour[size_t(i)][1]; };
        ImGui::Text("%s / %s / %s", num(l, col(1), 0).c_str(), num(l, col(2), 0).c_str(), num(l, col(3), 0).c_str());
      }
    }
    ImGui::EndTable();
  }
  ui::record("energy_save.table");
  {   // the same table for screen readers and tests: figures to the cent, kWh to the hundredth
    a11y::heading(3, L(l, "Économiser\u00A0: quel tarif pour votre courbe", "Save money: which tariff fits your curve"));
    std::vector<std::vector<std::string>> rows;
    for (size_t k = 0; k < c.tariffs.size(); ++k) {
      const auto& t = c.tariffs[k];
      auto col = [&](int i) { return t.kwh_by_colour[size_t(i)][0] + t.kwh_by_colour[size_t(i)][1]; };
      rows.push_back({t.id, t.available ? num(l, t.cost_eur, 2) : L(l, "indisponible", "not available"), t.available ? num(l, t.cost_eur_per_year, 2) : "–",
                      num(l, t.kwh_hp, 2), num(l, t.kwh_hc, 2),
                      t.id == "tempo" ? num(l, col(1), 2) + " / " + num(l, col(2), 2) + " / " + num(l, col(3), 2) + " / " + num(l, col(0), 2) : ""});
    }
    a11y::table("energy_save.tariffs", L(l, "Coût de chaque option sur la période de la courbe", "Cost of each option over the curve's period"),
                {L(l, "option", "option"), L(l, "coût période (€)", "period cost (€)"), L(l, "par an (€)", "per year (€)"), "kWh HP", "kWh HC",
                 L(l, "Tempo\u00A0: kWh bleu / blanc / rouge / sans couleur", "Tempo: kWh blue / white / red / no colour")},
                rows);
  }
  if (!std::isnan(c.saving_eur_per_year) && c.saving_eur_per_year > 0.5) {
    const std::string t = std::string(L(l, "Économie possible\u00A0: ", "Possible saving: ")) + num(l, c.saving_eur_per_year, 0) +
                          L(l, " € par an en changeant d’option.", " € a year by switching option.");
    ImGui::TextColored(ui::color_ok(), "%s", t.c_str());
    a11y::text(t);
  } else if (!c.best.empty()) {
    const char* t = L(l, "Votre contrat actuel est déjà le moins cher pour cette courbe.", "Your current contract is already the cheapest for this curve.");
    ImGui::TextColored(ui::color_ok(), "%s", t);
    a11y::text(t);
  }
  static std::vector<double> per_year(3);
  const char* cats[3];
  for (size_t k = 0; k < 3 && k < c.tariffs.size(); ++k) {
    per_year[k] = c.tariffs[k].available ? c.tariffs[k].cost_eur_per_year : 0;
    cats[k] = (l == Lang::Fr ? current_fr : current_en)[k];
  }
  chart::BarChartSpec spec;
  spec.lang = l; spec.unit = "€"; spec.height = 170; spec.decimals = 0;
  chart::BarSeries bs{L(l, "coût par an", "cost per year"), per_year, 0xFF3C8CE6u};
  chart::bar_chart("energy_save_bars", std::span<const char* const>(cats, 3), std::span<const chart::BarSeries>(&bs, 1), spec);
  ui::record("energy_save.bars");
  if (!g.tempo_error.empty()) {
    const std::string e = std::string(L(l, "Calendrier Tempo déposé illisible\u00A0: ", "Dropped Tempo calendar unreadable: ")) + g.tempo_error;
    ImGui::TextColored(ui::color_warn(), "%s", e.c_str());
    a11y::text(e, "warning");
  }
  for (const auto& m : c.notes) {
    const std::string& text = l == Lang::Fr ? m.fr : m.en;
    ImGui::TextColored(m.code == "tariffs.tempo_unknown" ? ui::color_warn() : ui::color_dim(), "• %s", text.c_str());
    a11y::text(text, "note");
  }
  ui::record("energy_save.notes");

  // ---- solar
  ImGui::Spacing();
  ImGui::TextColored(ui::color_accent(), "%s", L(l, "Et avec des panneaux solaires\u202F?", "And with solar panels?"));
  ImGui::SetNextItemWidth(200);
  ImGui::SliderFloat(L(l, "puissance (kWc)", "peak power (kWc)"), &g.kwc, 0.5f, 9.0f, "%.1f");
  ui::record("energy_save.kwc");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(200);
  ImGui::SliderFloat(L(l, "inclinaison (°)", "tilt (°)"), &g.tilt, 0, 90, "%.0f");
  ImGui::SetNextItemWidth(200);
  ImGui::SliderFloat(L(l, "orientation (°\u202F; 0 = sud, -90 = est)", "azimuth (°; 0 = south, -90 = east)"), &g.azimuth, -90, 90, "%.0f");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(200);
  ImGui::SliderFloat(L(l, "batterie (kWh)", "battery (kWh)"), &g.battery, 0, 15, "%.1f");
  ImGui::SetNextItemWidth(120);
  ui::input_number(L(l, "latitude", "latitude"), &g.lat, 3, l);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(120);
  ui::input_number(L(l, "longitude", "longitude"), &g.lon, 3, l);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(120);
  if (ui::input_number(L(l, "coût (€/kWc, votre devis)", "cost (€/kWc, your quote)"), &g.cost, 0, l)) g.cost_given = true;
  const auto& s = g.solar;
  if (s.hours > 0) {
    ImGui::Text("%s %s kWh · %s %s %% · %s %s %% · %s %s kWh/kWc/%s", L(l, "Production\u00A0:", "Production:"), num(l, s.production_kwh, 0).c_str(),
                L(l, "autoconsommée", "self-consumed"), num(l, 100 * s.self_consumption_rate, 0).c_str(), L(l, "autonomie", "self-sufficiency"),
                num(l, 100 * s.self_sufficiency_rate, 0).c_str(), L(l, "rendement", "yield"), num(l, s.kwh_per_kwc_per_year, 0).c_str(), L(l, "an", "yr"));
    ImGui::Text("%s %s €/%s · %s %s €/%s · %s %s € (%s %s €) · %s %s %s", L(l, "Économie\u00A0:", "Saving:"), num(l, s.savings_eur_per_year, 0).c_str(),
                L(l, "an", "yr"), L(l, "vente du surplus\u00A0:", "surplus sold:"), num(l, s.export_income_eur_per_year, 0).c_str(), L(l, "an", "yr"),
                L(l, "coût net", "net cost"), num(l, s.net_cost_eur, 0).c_str(), L(l, "prime", "premium"), num(l, s.prime_eur, 0).c_str(),
                L(l, "retour sur investissement", "payback"), num(l, s.payback_years, 1).c_str(), L(l, "ans", "years"));
    ui::record("energy_save.solar_figures");
    static std::vector<const char*> hours;
    static char labels[24][8];
    if (hours.empty())
      for (int h = 0; h < 24; ++h) { std::snprintf(labels[h], sizeof labels[h], "%dh", h); hours.push_back(labels[h]); }
    static std::vector<double> cons(24), prod(24);
    for (int h = 0; h < 24; ++h) {
      cons[size_t(h)] = std::isnan(s.day_consumption_kwh[size_t(h)]) ? 0 : s.day_consumption_kwh[size_t(h)];
      prod[size_t(h)] = std::isnan(s.day_production_kwh[size_t(h)]) ? 0 : s.day_production_kwh[size_t(h)];
    }
    ImGui::TextUnformatted(L(l, "Journée moyenne\u00A0: consommation et production solaire (kWh par heure)", "Average day: consumption and solar production (kWh per hour)"));
    chart::BarSeries two[2] = {{L(l, "consommation", "consumption"), cons, 0xFFE9B456u}, {L(l, "production", "production"), prod, 0xFF00C8F0u}};
    chart::BarChartSpec ps;
    ps.lang = l; ps.unit = "kWh"; ps.height = 190; ps.decimals = 2; ps.value_labels = false;
    chart::bar_chart("energy_save_day", hours, std::span<const chart::BarSeries>(two, 2), ps);
    ui::record("energy_save.day_chart");
  }
  for (const auto& m : s.notes) ImGui::TextColored(ui::color_dim(), "• %s", (l == Lang::Fr ? m.fr : m.en).c_str());

  // ---- context
  ImGui::Spacing();
  ImGui::TextColored(ui::color_accent(), "%s", L(l, "À côté des moyennes publiées", "Next to published averages"));
  ImGui::SetNextItemWidth(90);
  ImGui::InputInt(L(l, "personnes", "people"), &g.occupants);
  g.occupants = std::clamp(g.occupants, 0, 20);
  ImGui::SameLine();
  static const char* heat_fr[] = {"chauffage\u202F?", "électrique", "gaz", "autre"};
  static const char* heat_en[] = {"heating?", "electric", "gas", "other"};
  ImGui::SetNextItemWidth(130);
  ImGui::Combo(L(l, "chauffage", "heating"), &g.heating, l == Lang::Fr ? heat_fr : heat_en, 4);
  ImGui::Text("%s %s kWh/%s", L(l, "Vous\u00A0:", "You:"), num(l, g.context.user_kwh_per_year, 0).c_str(), L(l, "an", "yr"));
  for (const auto& line : g.context.lines)
    ImGui::BulletText("%s kWh/%s — %s (×%s) [%s]", num(l, line.kwh_per_year, 0).c_str(), L(l, "an", "yr"),
                      (l == Lang::Fr ? line.basis_fr : line.basis_en).c_str(), num(l, line.ratio, 1).c_str(), line.source.c_str());
  for (const auto& m : g.context.notes) ImGui::TextColored(ui::color_dim(), "• %s", (l == Lang::Fr ? m.fr : m.en).c_str());
  ImGui::TextColored(ui::color_dim(), "%s", L(l, "Sources\u00A0: data/energy/SOURCES.md (grilles EDF, calendrier Tempo RTE, tarif d’achat EDF OA, moyennes ADEME / RTE / ORE).",
                                                "Sources: data/energy/SOURCES.md (EDF grids, RTE Tempo calendar, EDF OA purchase price, ADEME / RTE / ORE averages)."));
  if (ImGui::SmallButton(L(l, "Exporter ces chiffres (CSV)", "Export these figures (CSV)"))) {
    const std::string bytes = csv(l);
    platform::save_bytes(l == Lang::Fr ? "defi_energie_economiser.csv" : "challenge_energy_save.csv", "text/csv;charset=utf-8", bytes);
  }
  ui::record("energy_save.export_csv");
  ImGui::PopTextWrapPos();
}

void energy_save_views(const std::vector<std::string>& views, uint64_t rows_total) {
  const bool present = std::find(views.begin(), views.end(), "tempo_days") != views.end();
  std::string sig;
  if (present) {
    for (const auto& v : views) sig += v + ",";
    sig += std::to_string(rows_total);
  }
  if (sig == g.tempo_fetched_for || g.tempo_request) return;
  g.tempo_fetched_for = sig;
  if (!present) {   // no calendar dropped (or the last one removed): the shipped one alone
    if (!g.calendar.origin.empty() || !g.tempo_error.empty()) {
      g.calendar = challenge::shipped_tempo_calendar();
      g.tempo_error.clear();
      ++g.tempo_version;
    }
    return;
  }
  static int next = 1 << 24;   // distinct from the dashboards' and the SQL panel's request ids
  g.tempo_request = next++;
  platform::fetch_columns(g.tempo_request,
                          "SELECT (\"day\" - DATE '1970-01-01')::DOUBLE AS d, coalesce(colour, '') AS colour, coalesce(\"_file\", '') AS f, "
                          "coalesce(\"_entry\", '') AS e FROM tempo_days WHERE \"day\" IS NOT NULL ORDER BY f, e, d");
}

bool energy_save_on_columns(int request_id, Columns& answer) {
  if (request_id == 0 || request_id != g.tempo_request) return false;
  g.tempo_request = 0;
  g.tempo_error.clear();
  std::vector<challenge::TempoFile> files;
  if (!answer.ok) g.tempo_error = answer.error;
  else if (answer.num.size() >= 4 && answer.text.size() >= 4) {
    const std::vector<int32_t> day = answer.whole<int32_t>(0);
    for (size_t r = 0; r < answer.rows; ++r) {
      const std::string name = challenge::tempo_file_name(answer.text[2][r], answer.text[3][r]);
      if (files.empty() || files.back().name != name) files.push_back(challenge::TempoFile{name, {}});
      const challenge::TempoColour c = challenge::tempo_colour_of_id(answer.text[1][r]);
      if (c != challenge::TempoColour::Unknown) files.back().calendar.days[day[r]] = c;
    }
  }
  g.calendar = challenge::merge_tempo_calendars(challenge::shipped_tempo_calendar(), std::move(files));
  ++g.tempo_version;
  return true;
}

}  // namespace sdw::dash
