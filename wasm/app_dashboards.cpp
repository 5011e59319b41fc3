// The challenge dashboards (mobility, energy, learning) as tabs of the right-hand panel. Each asks the
// page for the columns of a merged domain view (SQL over DuckDB), hands them to the core's challenge
// functions (challenges/, the same code as `workbench challenge`), and draws the result with viz/.
// Owns: fetching, caching and layout of the dashboards. Does not own: any figure's computation.
#include "wasm/app_dashboards.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "challenges/energy.h"
#include "challenges/learning.h"
#include "challenges/mobility.h"
#include "imgui.h"
#include "viz/chart_draw.h"
#include "viz/guides.h"
#include "viz/locale.h"
#include "wasm/app_platform.h"

using json = nlohmann::json;

namespace sdw::dash {
namespace {

// ---------------------------------------------------------------- fetched columns
struct Columns {
  bool ok = false, has = false;
  std::string error;
  size_t rows = 0;
  std::vector<std::vector<double>> num;         // per column (NaN for null / text)
  std::vector<std::vector<std::string>> text;   // per column (empty string for null)
  std::vector<std::vector<std::string_view>> views(size_t c) const;
};

struct Board {
  const char* id;            // "energy"
  const char* view;          // merged view it needs
  const char* guide;         // guide to show when the view is missing
  const char* sql;           // what to fetch
  int request = 0;
  std::string fetched_for;   // views signature the data was fetched for
  Columns data;
  bool dirty = true;         // recompute from data
};

Board g_boards[] = {
  {"mobility", "trips", "google_timeline",
   "SELECT epoch_us(ts_start)::DOUBLE AS t, distance_m, duration_s, coalesce(mode, '') AS mode, coalesce(mode_raw, '') AS mode_raw "
   "FROM trips WHERE ts_start IS NOT NULL ORDER BY ts_start"},
  {"energy", "energy_readings", "enedis",
   "SELECT epoch_us(ts_start)::DOUBLE AS s, epoch_us(ts_end)::DOUBLE AS e, interval_s, kwh FROM energy_readings "
   "WHERE kwh IS NOT NULL AND coalesce(energy, 'electricity') = 'electricity' ORDER BY ts_start"},
  {"learning", "learning_statements", "lrs",
   "SELECT epoch_us(ts)::DOUBLE AS t, coalesce(actor, '') AS actor, coalesce(verb, '') AS verb, coalesce(verb_id, '') AS verb_id, "
   "coalesce(object_id, '') AS object_id, coalesce(object_name, '') AS object_name, coalesce(course, '') AS course, "
   "duration_s, score_scaled, CASE WHEN success IS NULL THEN -1 WHEN success THEN 1 ELSE 0 END AS success, "
   "CASE WHEN completion IS NULL THEN -1 WHEN completion THEN 1 ELSE 0 END AS completion "
   "FROM learning_statements WHERE ts IS NOT NULL ORDER BY ts"},
};
int g_next_request = 1 << 20;   // distinct from the SQL panel's ids

Board* board(std::string_view id) {
  for (auto& b : g_boards)
    if (id == b.id) return &b;
  return nullptr;
}

std::string views_signature(const std::vector<std::string>& views, uint64_t rows_total) {
  std::string s;
  for (const auto& v : views) s += v + ",";
  return s + std::to_string(rows_total);
}

// Results cached between frames (recomputed when data or options change).
challenge::MobilityOptions g_mob_opts;
challenge::MobilityResult g_mob;
challenge::EnergyOptions g_energy_opts;
challenge::EnergyResult g_energy;
std::vector<int32_t> g_energy_days;
std::vector<double> g_energy_kwh;
std::string g_actor;
std::vector<challenge::ActorCount> g_actors;
challenge::LearningResult g_learning;
std::vector<int32_t> g_learning_days;
std::vector<double> g_learning_minutes;

const ImVec4 k_dim(0.65f, 0.68f, 0.72f, 1.0f);
const ImVec4 k_accent(0.55f, 0.78f, 1.0f, 1.0f);

const char* t(Lang l, const char* key) { return tr(l, key); }
const char* colon(Lang l) { return l == Lang::Fr ? " : " : ": "; }   // French puts a space before the colon

void source_line(Lang l, const challenge::FactorSource& s) {
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(k_dim, "%s %s (%s, %s %s) — %s", t(l, "dash.factors"), s.name.c_str(), s.origin.c_str(),
                     t(l, "dash.data_of"), s.date.c_str(), s.licence.c_str());
  ImGui::PopTextWrapPos();
}

void missing(Lang l, const Board& b, std::string& open_guide) {
  ImGui::Dummy(ImVec2(0, 8));
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(k_dim, "%s", t(l, (std::string("dash.missing.") + b.id).c_str()));
  ImGui::PopTextWrapPos();
  if (const Guide* gd = find_guide(b.guide)) {
    if (ImGui::Button(guide_title(*gd, l))) open_guide = gd->id;
  }
}

// ---------------------------------------------------------------- mobility
void compute_mobility(const Columns& c) {
  auto modes = c.views(3), raws = c.views(4);
  std::vector<int64_t> ts(c.rows);
  for (size_t i = 0; i < c.rows; i++) ts[i] = static_cast<int64_t>(c.num[0][i]);
  challenge::TripsView v{ts, c.num[1], c.num[2], modes[0], raws[0]};
  g_mob = challenge::mobility_summary(v, g_mob_opts);
}

void draw_mobility(Lang l) {
  const auto& r = g_mob;
  ImGui::TextColored(k_accent, "%s", t(l, "dash.mobility.title"));
  ImGui::Text("%s km · %s %s · %s kgCO2e", format_number(l, r.total_km, 1).c_str(), format_count(l, r.trips.size()).c_str(),
              t(l, "dash.trips"), format_number(l, r.total_kgco2e, 1).c_str());
  bool changed = false;
  changed |= ImGui::Checkbox(t(l, "dash.mobility.construction"), &g_mob_opts.include_construction);
  ImGui::SameLine();
  bool electric = g_mob_opts.car_energy == challenge::CarEnergy::Electric;
  if (ImGui::Checkbox(t(l, "dash.mobility.electric"), &electric)) {
    g_mob_opts.car_energy = electric ? challenge::CarEnergy::Electric : challenge::CarEnergy::Thermal;
    changed = true;
  }
  ImGui::SameLine();
  int occ = static_cast<int>(g_mob_opts.car_occupants);
  ImGui::SetNextItemWidth(120);
  if (ImGui::SliderInt(t(l, "dash.mobility.occupants"), &occ, 1, 5)) { g_mob_opts.car_occupants = occ; changed = true; }
  if (changed) board("mobility")->dirty = true;

  static std::vector<const char*> cats;
  static std::vector<double> km, co2;
  cats.clear(); km.clear(); co2.clear();
  for (const auto& m : r.by_mode) {
    cats.push_back(challenge::mode_label(m.mode, l == Lang::Fr));
    km.push_back(m.km);
    co2.push_back(m.kgco2e);
  }
  if (cats.empty()) { ImGui::TextColored(k_dim, "%s", t(l, "viz.no_data")); return; }
  const float w = ImGui::GetContentRegionAvail().x;
  ImGui::BeginChild("mob_km", ImVec2(w * 0.5f - 4, 300));
  ImGui::TextUnformatted(t(l, "dash.mobility.km_by_mode"));
  chart::BarSeries s1{t(l, "dash.km"), km, 0};
  chart::BarChartSpec spec;
  spec.lang = l; spec.unit = "km"; spec.height = 240; spec.decimals = 0;
  chart::bar_chart("km_mode", cats, std::span<const chart::BarSeries>(&s1, 1), spec);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("mob_co2", ImVec2(0, 300));
  ImGui::TextUnformatted(t(l, "dash.mobility.co2_by_mode"));
  chart::BarSeries s2{"kgCO2e", co2, 0xFFB27200u};
  spec.unit = "kgCO2e"; spec.decimals = 1;
  chart::bar_chart("co2_mode", cats, std::span<const chart::BarSeries>(&s2, 1), spec);
  ImGui::EndChild();
  for (const auto& wi : r.what_if) {
    if (wi.car_km <= 0) continue;
    const std::string alt_key = "dash.alt." + wi.alternative;   // ADEME slug -> words
    ImGui::BulletText("%s %s km %s %s%s%s kgCO2e %s (%s → %s)", t(l, "dash.mobility.whatif1"), format_number(l, wi.car_km, 0).c_str(),
                      t(l, "dash.mobility.whatif2"), has_translation(alt_key) ? t(l, alt_key.c_str()) : wi.alternative.c_str(), colon(l),
                      format_number(l, wi.saved_kgco2e, 1).c_str(),
                      t(l, "dash.mobility.saved"), format_number(l, wi.car_kgco2e, 1).c_str(),
                      format_number(l, wi.alternative_kgco2e, 1).c_str());
  }
  source_line(l, r.source);
}

// ---------------------------------------------------------------- energy
void compute_energy(const Columns& c) {
  std::vector<int64_t> s(c.rows), e(c.rows);
  for (size_t i = 0; i < c.rows; i++) {
    s[i] = static_cast<int64_t>(c.num[0][i]);
    e[i] = std::isnan(c.num[1][i]) ? 0 : static_cast<int64_t>(c.num[1][i]);
  }
  challenge::EnergyView v{s, e, c.num[2], c.num[3]};
  g_energy = challenge::energy_summary(v, g_energy_opts);
  g_energy_days.clear();
  g_energy_kwh.clear();
  for (const auto& d : g_energy.days) { g_energy_days.push_back(d.day); g_energy_kwh.push_back(d.kwh); }
}

void draw_energy(Lang l) {
  const auto& r = g_energy;
  ImGui::TextColored(k_accent, "%s", t(l, "dash.energy.title"));
  if (r.days.empty()) { ImGui::TextColored(k_dim, "%s", t(l, "viz.no_data")); return; }
  ImGui::Text("%s kWh · %s %s · %s : %s W · %s : %s €", format_number(l, r.total_kwh, 1).c_str(),
              format_count(l, r.days.size()).c_str(), t(l, "dash.days"), t(l, "dash.energy.base_load"),
              std::isnan(r.base_load_w) ? "–" : format_number(l, r.base_load_w, 0).c_str(), t(l, "dash.energy.cost"),
              format_number(l, r.total_cost_eur, 2).c_str());
  float price = static_cast<float>(g_energy_opts.tariff.base_eur_kwh);
  ImGui::SetNextItemWidth(160);
  if (ImGui::InputFloat(t(l, "dash.energy.price"), &price, 0.01f, 0.05f, "%.4f")) {
    g_energy_opts.tariff.base_eur_kwh = std::max(0.0f, price);
    board("energy")->dirty = true;
  }
  ImGui::SameLine();
  ImGui::TextColored(k_dim, "%s", t(l, "dash.energy.price_note"));
  ImGui::TextUnformatted(t(l, "dash.energy.per_day"));
  chart::CalendarSpec cs;
  cs.lang = l; cs.unit = "kWh"; cs.cell = 13;
  chart::calendar_heatmap("energy_cal", g_energy_days, g_energy_kwh, cs);
  static std::vector<const char*> hours;
  static char hour_labels[24][8];
  if (hours.empty())
    for (int h = 0; h < 24; h++) { std::snprintf(hour_labels[h], sizeof hour_labels[h], "%dh", h); hours.push_back(hour_labels[h]); }
  std::vector<double> hourly(r.hourly_mean.begin(), r.hourly_mean.end());
  bool any_hour = false;
  for (double& x : hourly) { any_hour |= !std::isnan(x); if (std::isnan(x)) x = 0; }
  ImGui::TextUnformatted(t(l, "dash.energy.per_hour"));
  chart::BarChartSpec spec;
  spec.lang = l; spec.unit = "kWh"; spec.height = 200; spec.decimals = 2; spec.value_labels = false;
  if (any_hour) {
    chart::BarSeries s{t(l, "dash.energy.mean_kwh"), hourly, 0xFFE9B456u};
    chart::bar_chart("energy_hour", hours, std::span<const chart::BarSeries>(&s, 1), spec);
  } else {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(k_dim, "%s", t(l, "dash.energy.need_curve"));   // daily readings have no hours
    ImGui::PopTextWrapPos();
  }
  static std::vector<const char*> months;
  static std::vector<std::string> month_names;
  static std::vector<double> month_kwh;
  months.clear(); month_names.clear(); month_kwh.clear();
  for (const auto& m : r.months) { month_names.push_back(m.month); month_kwh.push_back(m.kwh); }
  for (const auto& n : month_names) months.push_back(n.c_str());
  ImGui::TextUnformatted(t(l, "dash.energy.per_month"));
  chart::BarSeries sm{"kWh", month_kwh, 0};
  spec.height = 200; spec.decimals = 0; spec.value_labels = true;
  chart::bar_chart("energy_month", months, std::span<const chart::BarSeries>(&sm, 1), spec);
  ImGui::TextColored(k_dim, "%s", t(l, "dash.energy.source"));
}

// ---------------------------------------------------------------- learning
void compute_learning(const Columns& c) {
  std::vector<int64_t> ts(c.rows);
  for (size_t i = 0; i < c.rows; i++) ts[i] = static_cast<int64_t>(c.num[0][i]);
  auto v1 = c.views(1), v2 = c.views(2), v3 = c.views(3), v4 = c.views(4), v5 = c.views(5), v6 = c.views(6);
  std::vector<int8_t> succ(c.rows), comp(c.rows);
  for (size_t i = 0; i < c.rows; i++) {
    succ[i] = static_cast<int8_t>(std::isnan(c.num[9][i]) ? -1 : c.num[9][i]);
    comp[i] = static_cast<int8_t>(std::isnan(c.num[10][i]) ? -1 : c.num[10][i]);
  }
  g_actors = challenge::learning_actors(v1[0]);
  if (g_actor.empty() && !g_actors.empty()) g_actor = g_actors[0].actor;
  challenge::LearningView v{ts, v1[0], v2[0], v3[0], v4[0], v5[0], v6[0], c.num[7], c.num[8], succ, comp};
  challenge::LearningOptions o;
  o.actor = g_actor;
  g_learning = challenge::learning_summary(v, o);
  g_learning_days.clear();
  g_learning_minutes.clear();
  for (const auto& d : g_learning.days) { g_learning_days.push_back(d.day); g_learning_minutes.push_back(d.seconds / 60); }
}

void draw_learning(Lang l) {
  const auto& r = g_learning;
  ImGui::TextColored(k_accent, "%s", t(l, "dash.learning.title"));
  if (!g_actors.empty()) {
    ImGui::SetNextItemWidth(260);
    if (ImGui::BeginCombo(t(l, "dash.learning.who"), g_actor.c_str())) {
      for (const auto& a : g_actors)
        if (ImGui::Selectable(a.actor.c_str(), a.actor == g_actor)) { g_actor = a.actor; board("learning")->dirty = true; }
      ImGui::EndCombo();
    }
  }
  ImGui::Text("%s %s · %s %s · %s %s", format_count(l, r.statements).c_str(), t(l, "dash.learning.traces"),
              format_number(l, r.total_seconds / 3600, 1).c_str(), t(l, "dash.learning.hours"),
              format_count(l, r.sessions.size()).c_str(), t(l, "dash.learning.sessions"));
  if (!std::isnan(r.completion_rate))
    ImGui::Text("%s%s%s %%", t(l, "dash.learning.completed"), colon(l), format_number(l, r.completion_rate * 100, 0).c_str());
  if (!std::isnan(r.success_rate)) {
    ImGui::SameLine();
    ImGui::Text("· %s%s%s %%", t(l, "dash.learning.success"), colon(l), format_number(l, r.success_rate * 100, 0).c_str());
  }
  ImGui::TextUnformatted(t(l, "dash.learning.per_day"));
  chart::CalendarSpec cs;
  cs.lang = l; cs.unit = "min"; cs.cell = 13; cs.decimals = 0;
  chart::calendar_heatmap("learning_cal", g_learning_days, g_learning_minutes, cs);
  static std::vector<const char*> courses;
  static std::vector<double> minutes;
  courses.clear(); minutes.clear();
  for (const auto& c : r.by_course) { courses.push_back(c.name.empty() ? "—" : c.name.c_str()); minutes.push_back(c.seconds / 60); }
  if (!courses.empty()) {
    ImGui::TextUnformatted(t(l, "dash.learning.per_course"));
    chart::BarSeries s{"min", minutes, 0};
    chart::BarChartSpec spec;
    spec.lang = l; spec.unit = "min"; spec.height = 200;
    chart::bar_chart("learning_course", courses, std::span<const chart::BarSeries>(&s, 1), spec);
  }
  ImGui::TextUnformatted(t(l, "dash.learning.verbs"));
  for (const auto& v : r.verbs)
    ImGui::BulletText("%s%s%s", (l == Lang::En ? v.en : v.fr).empty() ? v.verb.c_str() : (l == Lang::En ? v.en : v.fr).c_str(),
                      colon(l), format_count(l, v.count).c_str());
}

}  // namespace

std::vector<std::vector<std::string_view>> Columns::views(size_t c) const {
  std::vector<std::vector<std::string_view>> out(1);
  if (c >= text.size()) return out;
  out[0].reserve(text[c].size());
  for (const auto& s : text[c]) out[0].push_back(s);
  return out;
}

bool on_columns(int request_id, const char* result_json) {
  Board* b = nullptr;
  for (auto& x : g_boards)
    if (x.request == request_id) b = &x;
  if (!b) return false;
  b->request = 0;
  Columns c;
  c.has = true;
  json j = json::parse(result_json, nullptr, false);
  if (j.is_discarded() || !j.value("ok", false)) {
    c.error = j.is_discarded() ? "invalid" : j.value("error", "");
    b->data = std::move(c);
    return true;
  }
  c.ok = true;
  const auto& cols = j["data"];
  c.rows = j.value("rows", (size_t)0);
  c.num.resize(cols.size());
  c.text.resize(cols.size());
  for (size_t k = 0; k < cols.size(); k++) {
    c.num[k].assign(c.rows, std::nan(""));
    c.text[k].assign(c.rows, std::string());
    for (size_t i = 0; i < c.rows && i < cols[k].size(); i++) {
      const auto& v = cols[k][i];
      if (v.is_number()) c.num[k][i] = v.get<double>();
      else if (v.is_string()) c.text[k][i] = v.get<std::string>();
      else if (v.is_boolean()) c.num[k][i] = v.get<bool>() ? 1 : 0;
    }
  }
  b->data = std::move(c);
  b->dirty = true;
  return true;
}

void draw_tab(const char* id, Lang l, const std::vector<std::string>& views, uint64_t rows_total, std::string& open_guide) {
  Board* b = board(id);
  if (!b) return;
  bool present = false;
  for (const auto& v : views) present |= v == b->view;
  if (!present) { missing(l, *b, open_guide); return; }
  const std::string sig = views_signature(views, rows_total);
  if (b->fetched_for != sig && b->request == 0) {   // new or changed sources: fetch again
    b->fetched_for = sig;
    b->request = g_next_request++;
    platform::fetch_columns(b->request, b->sql);
  }
  if (!b->data.has || b->request) { ImGui::TextColored(k_dim, "%s", t(l, "dash.loading")); }
  if (!b->data.has) return;
  if (!b->data.ok) { ImGui::TextColored(ImVec4(1, 0.45f, 0.42f, 1), "%s", b->data.error.c_str()); return; }
  if (b->dirty) {
    b->dirty = false;
    if (std::string_view(id) == "mobility") compute_mobility(b->data);
    else if (std::string_view(id) == "energy") compute_energy(b->data);
    else if (std::string_view(id) == "learning") compute_learning(b->data);
  }
  if (std::string_view(id) == "mobility") draw_mobility(l);
  else if (std::string_view(id) == "energy") draw_energy(l);
  else if (std::string_view(id) == "learning") draw_learning(l);
}

json state_json() {
  json j;
  j["mobility"] = {{"km", g_mob.total_km}, {"kgco2e", g_mob.total_kgco2e}, {"trips", g_mob.trips.size()}};
  j["energy"] = {{"kwh", g_energy.total_kwh}, {"days", g_energy.days.size()}, {"base_load_w", std::isnan(g_energy.base_load_w) ? 0 : g_energy.base_load_w}};
  j["learning"] = {{"actor", g_actor}, {"statements", g_learning.statements}, {"seconds", g_learning.total_seconds}};
  return j;
}

}  // namespace sdw::dash
