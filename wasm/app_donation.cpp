// The "Faire un don / Donate" window (see app_donation.h). Asks DuckDB which columns the merged views
// have, fetches trips, visits, location points, energy readings and learning statements as columns, and
// hands them to the core (challenges/donation.h, the same code as `workbench donate`). The preview shows
// Donation::data itself, and the download button saves those very bytes.
// Owns: fetching, options and layout of the window. Does not own: aggregation, privacy rules, hashing.
#include "wasm/app_donation.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "challenges/donation.h"
#include "viz/a11y.h"
#include "wasm/app_ui.h"
#include "imgui.h"
#include "wasm/app_platform.h"

using json = nlohmann::json;

namespace sdw::donate {
namespace {

// ---------------------------------------------------------------- [SECTION] fetched columns
using Cols = Columns;   // wasm/app_columns.h

struct Fetch {
  explicit Fetch(const char* v) : view(v) {}
  const char* view;
  int request = 0;
  bool pending = false, done = false;
  Cols data;
};

// The columns each part reads; absent ones are fetched as NULL (a view only has the columns its tables have).
struct Wanted {
  const char* view;
  std::vector<std::pair<const char*, const char*>> cols;   // {expression, column it needs ("" none)}
  const char* where;
};
const Wanted k_wanted[] = {
  {"trips", {{"epoch_us(ts_start)::DOUBLE", "ts_start"}, {"distance_m", "distance_m"}, {"duration_s", "duration_s"},
             {"coalesce(mode, '')", "mode"}, {"coalesce(mode_raw, '')", "mode_raw"}, {"start_lat", "start_lat"},
             {"start_lon", "start_lon"}, {"end_lat", "end_lat"}, {"end_lon", "end_lon"}}, "ts_start IS NOT NULL ORDER BY ts_start"},
  {"visits", {{"epoch_us(ts_start)::DOUBLE", "ts_start"}, {"epoch_us(ts_end)::DOUBLE", "ts_end"}, {"lat", "lat"}, {"lon", "lon"}},
   "ts_start IS NOT NULL AND ts_end IS NOT NULL"},
  {"location_points", {{"epoch_us(ts)::DOUBLE", "ts"}, {"lat", "lat"}, {"lon", "lon"}},
   "ts IS NOT NULL AND lat IS NOT NULL USING SAMPLE reservoir(300000 ROWS) REPEATABLE (7)"},
  {"energy_readings", {{"epoch_us(ts_start)::DOUBLE", "ts_start"}, {"epoch_us(ts_end)::DOUBLE", "ts_end"}, {"interval_s", "interval_s"},
                       {"kwh", "kwh"}, {"coalesce(energy, 'electricity')", "energy"}, {"coalesce(kind, '')", "kind"}},
   "kwh IS NOT NULL AND ts_start IS NOT NULL ORDER BY ts_start"},
  {"learning_statements", {{"epoch_us(ts)::DOUBLE", "ts"}, {"coalesce(actor, '')", "actor"}, {"coalesce(verb, '')", "verb"},
                           {"coalesce(verb_id, '')", "verb_id"}, {"coalesce(object_id, '')", "object_id"},
                           {"coalesce(object_name, '')", "object_name"}, {"coalesce(course, '')", "course"}, {"duration_s", "duration_s"}},
   "ts IS NOT NULL ORDER BY ts"},
};
constexpr int k_views = 5;

struct Window {
  bool open = false;
  char purpose[200] = "";
  char district[25] = "";
  bool mobility = true, energy = true, learning = true, by_month = false;
  int k = challenge::k_donation_min_k;
  int view_tab = 0;
  // data
  std::string fetched_for;
  int schema_request = 0;
  std::map<std::string, std::set<std::string>> columns;   // view -> its columns
  Fetch fetch[k_views] = {Fetch("trips"), Fetch("visits"), Fetch("location_points"), Fetch("energy_readings"), Fetch("learning_statements")};
  bool dirty = true, built = false;
  std::string error;
  // owned input columns and the result
  std::vector<int64_t> trip_ts, visit_s, visit_e, point_ts, el_s, el_e, gas_s, gas_e, learn_ts;
  std::vector<double> trip_dist, trip_dur, slat, slon, elat, elon, vlat, vlon, plat, plon, el_kwh, gas_kwh, learn_dur;
  std::vector<std::string> trip_mode_s, trip_raw_s, actor_s, verb_s, verb_id_s, obj_s, obj_name_s, course_s;
  std::vector<std::string_view> trip_mode, trip_raw, actor, verb, verb_id, obj, obj_name, course;
  challenge::Donation donation;
  std::string summary_fr, summary_en;
};
Window g;
int g_next_request = 1 << 24;   // distinct from the SQL panel's and the dashboards' ids
RectRecorder g_record_rect = nullptr;
void record(const char* name) { if (g_record_rect) g_record_rect(name); }
const ImVec4 k_dim(0.65f, 0.68f, 0.72f, 1.0f);
const ImVec4 k_accent(0.55f, 0.78f, 1.0f, 1.0f);


std::string sql_for(const Wanted& w) {
  const auto& have = g.columns[w.view];
  std::string s = "SELECT ";
  for (size_t i = 0; i < w.cols.size(); ++i) {
    const bool text = std::string_view(w.cols[i].first).rfind("coalesce", 0) == 0;
    s += i ? ", " : "";
    s += have.count(w.cols[i].second) ? std::string(w.cols[i].first) : (text ? "''" : "NULL::DOUBLE");
    s += " AS c" + std::to_string(i);
  }
  return s + " FROM " + w.view + " WHERE " + w.where;
}

// The view has every column its WHERE tests ("ts IS NOT NULL"…): else there is nothing to fetch from it.
bool usable(const Wanted& w) {
  const auto it = g.columns.find(w.view);
  if (it == g.columns.end()) return false;
  const std::string_view where = w.where;
  for (const auto& [expr, col] : w.cols)
    if (*col && where.find(std::string(col) + " IS NOT NULL") != std::string_view::npos && !it->second.count(col)) return false;
  return true;
}

// ---------------------------------------------------------------- [SECTION] building
void build() {
  g.dirty = false;
  const Cols* c[k_views];
  for (int i = 0; i < k_views; ++i) c[i] = g.fetch[i].done && g.fetch[i].data.ok ? &g.fetch[i].data : nullptr;
  auto i64 = [](const Cols* x, size_t col, std::vector<int64_t>& out) {
    out.clear();
    if (x) for (double v : x->num[col]) out.push_back(std::isfinite(v) ? int64_t(v) : 0);
  };
  auto f64 = [](const Cols* x, size_t col, std::vector<double>& out) {
    out.clear();
    if (x) out = x->num[col];
  };
  auto str = [](const Cols* x, size_t col, std::vector<std::string>& own, std::vector<std::string_view>& view) {
    own.clear();
    if (x) own = x->text[col].v, own.resize(x->rows);   // a column that came as numbers reads as ""
    view.assign(own.begin(), own.end());
  };
  i64(c[0], 0, g.trip_ts), f64(c[0], 1, g.trip_dist), f64(c[0], 2, g.trip_dur), str(c[0], 3, g.trip_mode_s, g.trip_mode),
      str(c[0], 4, g.trip_raw_s, g.trip_raw), f64(c[0], 5, g.slat), f64(c[0], 6, g.slon), f64(c[0], 7, g.elat), f64(c[0], 8, g.elon);
  i64(c[1], 0, g.visit_s), i64(c[1], 1, g.visit_e), f64(c[1], 2, g.vlat), f64(c[1], 3, g.vlon);
  i64(c[2], 0, g.point_ts), f64(c[2], 1, g.plat), f64(c[2], 2, g.plon);
  g.el_s.clear(), g.el_e.clear(), g.el_kwh.clear(), g.gas_s.clear(), g.gas_e.clear(), g.gas_kwh.clear();
  if (const Cols* e = c[3])
    for (size_t r = 0; r < e->rows; ++r) {
      if (e->text[5][r] == "max_power") continue;
      const bool gas = e->text[4][r] == "gas";
      const int64_t s = int64_t(e->num[0][r]);
      int64_t end = std::isfinite(e->num[1][r]) ? int64_t(e->num[1][r]) : 0;
      if (!std::isfinite(e->num[1][r])) {
        if (!(e->num[2][r] > 0)) continue;
        end = s + int64_t(e->num[2][r] * 1e6);
      }
      (gas ? g.gas_s : g.el_s).push_back(s), (gas ? g.gas_e : g.el_e).push_back(end), (gas ? g.gas_kwh : g.el_kwh).push_back(e->num[3][r]);
    }
  i64(c[4], 0, g.learn_ts), str(c[4], 1, g.actor_s, g.actor), str(c[4], 2, g.verb_s, g.verb), str(c[4], 3, g.verb_id_s, g.verb_id),
      str(c[4], 4, g.obj_s, g.obj), str(c[4], 5, g.obj_name_s, g.obj_name), str(c[4], 6, g.course_s, g.course), f64(c[4], 7, g.learn_dur);

  challenge::DonationInput in;
  in.trips = {g.trip_ts, g.trip_dist, g.trip_dur, g.trip_mode, g.trip_raw, g.slat, g.slon, g.elat, g.elon, {}, {}};
  in.places = {g.visit_s, g.visit_e, g.vlat, g.vlon, g.point_ts, g.plat, g.plon};
  in.electricity = {g.el_s, g.el_e, {}, g.el_kwh};
  in.gas = {g.gas_s, g.gas_e, {}, g.gas_kwh};
  in.learning = {g.learn_ts, g.actor, g.verb, g.verb_id, g.obj, g.obj_name, g.course, g.learn_dur, {}, {}, {}};
  challenge::DonationOptions o;
  o.purpose = g.purpose;
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char day[16];
  std::strftime(day, sizeof day, "%Y-%m-%d", &tm);
  o.created = day;
  o.mobility = g.mobility, o.energy = g.energy, o.learning = g.learning, o.mobility_by_month = g.by_month;
  o.k = std::max(g.k, challenge::k_donation_min_k);
  o.district = g.district;
  g.donation = challenge::build_donation(in, o);
  g.summary_fr = challenge::donation_summary(g.donation, true);
  g.summary_en = challenge::donation_summary(g.donation, false);
  g.built = true;
}

void start_fetch(const std::string& sig) {
  g.fetched_for = sig;
  g.columns.clear();
  for (Fetch& f : g.fetch) f.pending = f.done = false, f.data = Cols();
  g.built = false;
  g.schema_request = g_next_request++;
  platform::fetch_columns(g.schema_request,
                          "SELECT table_name, column_name FROM information_schema.columns WHERE table_name IN "
                          "('trips', 'visits', 'location_points', 'energy_readings', 'learning_statements')");
}

// ---------------------------------------------------------------- [SECTION] drawing
void draw_preview(Lang l) {
  const challenge::Donation& d = g.donation;
  const bool fr = l == Lang::Fr;
  const int64_t suppressed = d.mobility.suppressed_cells + d.energy.suppressed_cells + d.learning.suppressed_cells;
  ImGui::TextColored(k_accent, "%s", tr(l, "donate.preview"));
  ImGui::Text("%s %s · %s %s · %s %lld · %s %s…", tr(l, "donate.rows"), format_count(l, d.rows.size()).c_str(), tr(l, "donate.size"),
              format_bytes(l, double(d.data.size())).c_str(), tr(l, "donate.suppressed"), (long long)suppressed,
              fr ? "empreinte du fichier" : "file fingerprint", d.sha256.substr(0, 16).c_str());
  record("donate.stats");
  ImGui::TextWrapped("%s", (fr ? g.summary_fr : g.summary_en).c_str());
  {   // what a screen reader gets of the preview: the figures, the plain-words summary, the rows themselves
    a11y::heading(2, tr(l, "donate.preview"));
    a11y::figure(tr(l, "donate.rows"), format_count(l, d.rows.size()));
    a11y::figure(tr(l, "donate.size"), format_bytes(l, double(d.data.size())));
    a11y::figure(tr(l, "donate.suppressed"), format_count(l, uint64_t(suppressed)));
    a11y::text(fr ? g.summary_fr : g.summary_en);
    std::vector<std::string> head;
    for (const auto& c : challenge::k_donation_columns) head.push_back(c.name);
    std::vector<std::vector<std::string>> rows;
    std::string_view data = d.data;
    for (size_t p = data.find('\n') + 1; p > 0 && p < data.size();) {
      const size_t e = data.find('\n', p);
      std::string_view line = data.substr(p, e == std::string_view::npos ? std::string_view::npos : e - p);
      std::vector<std::string> row;
      for (size_t c = 0; c < head.size(); ++c) {
        const size_t comma = line.find(',');
        row.emplace_back(line.substr(0, comma));
        line = comma == std::string_view::npos ? std::string_view() : line.substr(comma + 1);
      }
      rows.push_back(std::move(row));
      if (e == std::string_view::npos) break;
      p = e + 1;
    }
    a11y::table("donate.rows", fr ? "Lignes exactes du fichier qui serait donné" : "The exact rows of the file that would be given", head, rows);
  }
  if (ImGui::CollapsingHeader(tr(l, "donate.other_language"))) ImGui::TextWrapped("%s", (fr ? g.summary_en : g.summary_fr).c_str());
  const bool can_save = !d.rows.empty() && g.purpose[0];
  if (!can_save) ImGui::BeginDisabled();
  const bool download = ImGui::Button(tr(l, "donate.download"));
  record("donate.download");
  if ((ui::ax("donate.download", tr(l, "donate.download")) && can_save) || download) {
    platform::save_bytes(d.data_file.c_str(), "text/csv;charset=utf-8", d.data);
    platform::save_bytes(d.manifest_file.c_str(), "application/json", d.manifest);
  }
  if (!can_save) {
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextColored(k_dim, "%s", tr(l, g.purpose[0] ? "donate.nothing" : "donate.need_purpose"));
  }
  ImGui::SameLine();
  ImGui::TextColored(k_dim, "%s + %s", d.data_file.c_str(), d.manifest_file.c_str());
  if (ImGui::BeginTabBar("donation_views")) {
    if (ImGui::BeginTabItem(tr(l, "donate.table"))) {
      g.view_tab = 0;
      const int ncol = int(std::size(challenge::k_donation_columns));
      if (ImGui::BeginTable("donation_rows", ncol, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX,
                            ImVec2(0, ImGui::GetContentRegionAvail().y))) {
        for (const auto& c : challenge::k_donation_columns) ImGui::TableSetupColumn(c.name);
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableHeadersRow();
        // the rows as written: each line of the data under the header
        std::string_view data = d.data;
        size_t p = data.find('\n') + 1;
        ImGuiListClipper clip;
        std::vector<std::string_view> lines;
        while (p < data.size()) {
          const size_t e = data.find('\n', p);
          lines.push_back(data.substr(p, e - p));
          p = e + 1;
        }
        clip.Begin(int(lines.size()));
        while (clip.Step())
          for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
            ImGui::TableNextRow();
            std::string_view line = lines[size_t(r)];
            for (int c = 0; c < ncol; ++c) {
              const size_t comma = line.find(',');
              ImGui::TableSetColumnIndex(c);
              const std::string cell(line.substr(0, comma));
              ImGui::TextUnformatted(cell.c_str());
              line = comma == std::string_view::npos ? std::string_view() : line.substr(comma + 1);
            }
          }
        ImGui::EndTable();
      }
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr(l, "donate.raw"))) {
      g.view_tab = 1;
      ImGui::InputTextMultiline("##raw", const_cast<char*>(d.data.c_str()), d.data.size() + 1, ImVec2(-1, -1), ImGuiInputTextFlags_ReadOnly);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr(l, "donate.schema"))) {
      g.view_tab = 2;
      if (ImGui::BeginTable("donation_schema", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
        for (const char* h : {"donate.col_name", "donate.col_type", "donate.col_unit", "donate.col_desc"}) ImGui::TableSetupColumn(tr(l, h));
        ImGui::TableHeadersRow();
        for (const auto& c : challenge::k_donation_columns) {
          ImGui::TableNextRow();
          ImGui::TableSetColumnIndex(0), ImGui::TextUnformatted(c.name);
          ImGui::TableSetColumnIndex(1), ImGui::TextUnformatted(c.type);
          ImGui::TableSetColumnIndex(2), ImGui::TextUnformatted(c.unit);
          ImGui::TableSetColumnIndex(3), ImGui::TextWrapped("%s", fr ? c.fr : c.en);
        }
        ImGui::EndTable();
      }
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr(l, "donate.manifest"))) {
      g.view_tab = 3;
      ImGui::InputTextMultiline("##manifest", const_cast<char*>(d.manifest.c_str()), d.manifest.size() + 1, ImVec2(-1, -1),
                                ImGuiInputTextFlags_ReadOnly);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
}

}  // namespace

void toggle() { g.open = !g.open; }
void set_rect_recorder(RectRecorder f) { g_record_rect = f; }

bool on_columns(int request_id, Columns& answer) {
  if (request_id == g.schema_request) {
    g.schema_request = 0;
    Cols c = std::move(answer);
    if (!c.ok) {
      g.error = c.error;
      return true;
    }
    for (size_t r = 0; r < c.rows; ++r) g.columns[c.text[0][r]].insert(c.text[1][r]);
    for (int i = 0; i < k_views; ++i) {
      Fetch& f = g.fetch[i];
      if (!usable(k_wanted[i])) {
        f.done = true;   // the view is not there: nothing of that kind
        continue;
      }
      f.request = g_next_request++;
      f.pending = true;
      platform::fetch_columns(f.request, sql_for(k_wanted[i]).c_str());
    }
    g.dirty = true;
    return true;
  }
  for (Fetch& f : g.fetch)
    if (f.pending && f.request == request_id) {
      f.pending = false;
      f.done = true;
      f.data = std::move(answer);
      if (!f.data.ok) g.error = std::string(f.view) + ": " + f.data.error;
      g.dirty = true;
      return true;
    }
  return false;
}

void draw_window(Lang l, const std::vector<std::string>& views, uint64_t rows_total) {
  if (!g.open) return;
  std::string sig;
  for (const auto& v : views) sig += v + ",";
  sig += std::to_string(rows_total);
  if (sig != g.fetched_for && g.schema_request == 0 && std::none_of(std::begin(g.fetch), std::end(g.fetch), [](const Fetch& f) { return f.pending; }))
    start_fetch(sig);
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x * 0.7f, io.DisplaySize.y * 0.8f), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.15f, io.DisplaySize.y * 0.08f), ImGuiCond_Appearing);
  if (!ImGui::Begin(tr(l, "donate.title"), &g.open, ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  a11y::push("dialog", "donation", tr(l, "donate.title"));
  a11y::heading(2, tr(l, "donate.title"));
  ImGui::TextWrapped("%s", tr(l, "donate.intro"));
  a11y::text(tr(l, "donate.intro"));
  {   // closing, also from the keyboard (the title bar's × is not reachable there)
    const char* close = l == Lang::Fr ? "Fermer" : "Close";
    const bool c = ImGui::SmallButton(close);
    record("donate.close");
    if (ui::ax("donate.close", close) || c) g.open = false;
  }

  bool changed = false;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
  changed |= ImGui::InputTextWithHint("##purpose", tr(l, "donate.purpose_hint"), g.purpose, sizeof g.purpose);
  record("donate.purpose");
  changed |= ui::ax_field("donate.purpose", tr(l, "donate.purpose"), g.purpose, sizeof g.purpose);
  ImGui::SameLine();
  ImGui::TextUnformatted(tr(l, "donate.purpose"));
  changed |= ImGui::Checkbox(tr(l, "donate.part_mobility"), &g.mobility);
  record("donate.part_mobility");
  if (ui::ax("donate.part_mobility", tr(l, "donate.part_mobility"), "checkbox", g.mobility)) g.mobility = !g.mobility, changed = true;
  ImGui::SameLine();
  changed |= ImGui::Checkbox(tr(l, "donate.by_month"), &g.by_month);
  record("donate.by_month");
  if (ui::ax("donate.by_month", tr(l, "donate.by_month"), "checkbox", g.by_month)) g.by_month = !g.by_month, changed = true;
  ImGui::SameLine();
  changed |= ImGui::Checkbox(tr(l, "donate.part_energy"), &g.energy);
  record("donate.part_energy");
  if (ui::ax("donate.part_energy", tr(l, "donate.part_energy"), "checkbox", g.energy)) g.energy = !g.energy, changed = true;
  ImGui::SameLine();
  changed |= ImGui::Checkbox(tr(l, "donate.part_learning"), &g.learning);
  record("donate.part_learning");
  if (ui::ax("donate.part_learning", tr(l, "donate.part_learning"), "checkbox", g.learning)) g.learning = !g.learning, changed = true;
  ImGui::SetNextItemWidth(120 * ImGui::GetFontSize() / 13);
  if (ImGui::InputInt(tr(l, "donate.k"), &g.k)) {
    g.k = std::clamp(g.k, challenge::k_donation_min_k, 1000);
    changed = true;
  }
  record("donate.k");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(200 * ImGui::GetFontSize() / 13);
  changed |= ImGui::InputTextWithHint(tr(l, "donate.district"), "17300-MINIMES", g.district, sizeof g.district);
  changed |= ui::ax_field("donate.district", tr(l, "donate.district"), g.district, sizeof g.district);
  if (changed) g.dirty = true;
  ImGui::Separator();
  const bool loading = g.schema_request != 0 || std::any_of(std::begin(g.fetch), std::end(g.fetch), [](const Fetch& f) { return f.pending; });
  if (!g.error.empty()) ImGui::TextColored(ImVec4(1, 0.45f, 0.42f, 1), "%s", g.error.c_str());
  if (!g.error.empty()) a11y::text(g.error, "error");
  if (loading) {
    ImGui::TextColored(k_dim, "%s", tr(l, "dash.loading"));
    a11y::text(tr(l, "dash.loading"), "status");
  } else {
    if (g.dirty) build();
    if (g.built) draw_preview(l);
  }
  a11y::pop();
  ImGui::End();
}

json state_json() {
  json j = {{"open", g.open}, {"ready", g.built && !g.dirty}, {"error", g.error}};
  if (!g.built) return j;
  const challenge::Donation& d = g.donation;
  j["data"] = d.data;
  j["manifest"] = d.manifest;
  j["sha256"] = d.sha256;
  j["data_file"] = d.data_file;
  j["manifest_file"] = d.manifest_file;
  j["bytes"] = d.data.size();
  j["rows"] = d.rows.size();
  j["k"] = d.options.k;
  j["summary_fr"] = g.summary_fr;
  j["summary_en"] = g.summary_en;
  j["suppressed_cells"] = d.mobility.suppressed_cells + d.energy.suppressed_cells + d.learning.suppressed_cells;
  j["trip_ends_removed"] = d.trip_ends_removed;
  j["view_tab"] = g.view_tab;
  // for the donor's own check (and the tests): where home and work were found; never in the file
  if (d.places.home.found) j["home"] = {d.places.home.lat, d.places.home.lon};
  if (d.places.work.found) j["work"] = {d.places.work.lat, d.places.work.lon};
  return j;
}

}  // namespace sdw::donate
