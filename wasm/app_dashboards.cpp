// The challenge dashboards (mobility, energy, learning) as tabs of the right-hand panel. Each asks the
// page for the columns of a merged domain view (SQL over DuckDB), hands them to the core's challenge
// functions (challenges/, the same code as `workbench challenge`), and draws the result with viz/.
// Owns: fetching, caching and layout of the dashboards. Does not own: any figure's computation.
#include "wasm/app_dashboards.h"
#include "wasm/app_columns.h"
#include "wasm/app_energy_save.h"
#include "wasm/app_food_match.h"
#include "wasm/app_mobility_money.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "challenges/budget.h"
#include "challenges/common.h"
#include "challenges/energy.h"
#include "challenges/factors.h"
#include "challenges/food.h"
#include "challenges/footprint.h"
#include "challenges/headline.h"
#include "challenges/learning.h"
#include "challenges/mobility.h"
#include "challenges/segment.h"
#include "challenges/tables.h"
#include "challenges/tz.h"
#include "parsers/core/values.h"
#include "imgui.h"
#include "viz/basemap.h"
#include "viz/chart_draw.h"
#include "viz/guides.h"
#include "viz/locale.h"
#include "viz/scale.h"
#include "viz/svg.h"
#include "wasm/app_platform.h"
#include "wasm/app_reveal.h"
#include "wasm/app_ui.h"
#include "viz/a11y.h"

using json = nlohmann::json;

namespace sdw::dash {
namespace {

using sdw::Columns;   // wasm/app_columns.h

// energy_readings with the columns only some meters write (gas volume, energy kind) as NULL when no source
// has them: a view of electricity alone has no m3 (Binder Error before).
#define k_energy_view "(SELECT * FROM energy_readings UNION ALL BY NAME SELECT NULL::VARCHAR AS energy, NULL::DOUBLE AS m3 WHERE false)"

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
   // a mode the parser itself guessed is guessed again with our thresholds (challenges/tables.cpp collect_trips)
   "SELECT epoch_us(ts_start)::DOUBLE AS t, distance_m, duration_s, CASE WHEN mode_inferred THEN '' ELSE coalesce(mode, '') END AS mode, "
   "coalesce(mode_raw, '') AS mode_raw, start_lat, start_lon, end_lat, end_lon, "
   // the offset the export wrote (a view has "<ts>_utc_offset_min" only when some source wrote one: the union adds it)
   "CASE WHEN ts_start_utc_offset_min BETWEEN -1080 AND 1080 THEN ts_start_utc_offset_min END AS off, "
   "price_eur "   // a ticket's price (SNCF Connect): the mobility budget counts it (challenges/mobility.h add_tickets)
   "FROM (SELECT * FROM trips UNION ALL BY NAME SELECT NULL::SMALLINT AS ts_start_utc_offset_min, NULL::DOUBLE AS price_eur WHERE false) "
   "WHERE ts_start IS NOT NULL ORDER BY ts_start"},
  {"mob_trace", "location_points", "google_timeline", nullptr},   // raw positions to segment (sql: trace_sql())
  {"mob_tracks", "", "gpx", nullptr},                             // GPX/KML tracks (sql: g_tracks_sql)
  {"mob_compare", "", "", nullptr},                               // a city's aggregate files (sql: money::aggregate_sql())
  {"energy", "energy_readings", "enedis",
   "SELECT epoch_us(ts_start)::DOUBLE AS s, epoch_us(ts_end)::DOUBLE AS e, interval_s, kwh FROM " k_energy_view " "
   "WHERE kwh IS NOT NULL AND coalesce(energy, 'electricity') = 'electricity' ORDER BY ts_start"},
  {"learning", "learning_statements", "lrs",
   "SELECT epoch_us(ts)::DOUBLE AS t, coalesce(actor, '') AS actor, coalesce(verb, '') AS verb, coalesce(verb_id, '') AS verb_id, "
   "coalesce(object_id, '') AS object_id, coalesce(object_name, '') AS object_name, coalesce(course, '') AS course, "
   "duration_s, score_scaled, CASE WHEN success IS NULL THEN -1 WHEN success THEN 1 ELSE 0 END AS success, "
   "CASE WHEN completion IS NULL THEN -1 WHEN completion THEN 1 ELSE 0 END AS completion, "
   "CASE WHEN ts_utc_offset_min BETWEEN -1080 AND 1080 THEN ts_utc_offset_min END AS off "
   "FROM (SELECT * FROM learning_statements UNION ALL BY NAME SELECT NULL::SMALLINT AS ts_utc_offset_min WHERE false) "
   "WHERE ts IS NOT NULL ORDER BY ts"},
  {"food", "purchases", "receipts",
   "SELECT epoch_us(ts)::DOUBLE AS t, (date - DATE '1970-01-01')::DOUBLE AS d, coalesce(product, '') AS product, quantity, "
   "coalesce(unit, '') AS unit, amount, coalesce(ean, '') AS ean "
   "FROM (SELECT * FROM purchases UNION ALL BY NAME SELECT NULL::VARCHAR AS ean WHERE false) "
   "ORDER BY coalesce(ts, CAST(date AS TIMESTAMP))"},
  {"budget", "transactions", "bank",
   "SELECT (date - DATE '1970-01-01')::DOUBLE AS d, coalesce(label, '') AS label, amount, coalesce(category, '') AS category, "
   "coalesce(currency, '') AS currency FROM transactions WHERE date IS NOT NULL AND amount IS NOT NULL ORDER BY date"},
  {"mob_points", "location_points", "google_timeline",   // the mobility map (a fixed sample past 200 000 points)
   "SELECT lon, lat FROM location_points WHERE lat IS NOT NULL AND lon IS NOT NULL "
   "USING SAMPLE reservoir(200000 ROWS) REPEATABLE (42)"},
  {"mob_visits", "visits", "google_timeline",
   "SELECT lon, lat, hours, name, visits FROM places WHERE hours > 0 ORDER BY hours DESC"},   // places: visits gathered and named
  {"gas", "energy_readings", "enedis",   // read by the energy tab: GRDF daily gas, when present
   "SELECT epoch_us(ts_start)::DOUBLE AS s, epoch_us(ts_end)::DOUBLE AS e, interval_s, kwh, m3 FROM " k_energy_view " "
   "WHERE kwh IS NOT NULL AND energy = 'gas' ORDER BY ts_start"},
  {"health", "health_records", "bank",   // read by the budget tab when present
   "SELECT (date - DATE '1970-01-01')::DOUBLE AS d, amount_paid, amount_reimbursed FROM health_records WHERE date IS NOT NULL ORDER BY date"},
  {"footprint", "activity", "facebook",
   "SELECT epoch_us(ts)::DOUBLE AS t, coalesce(platform, '') AS platform, coalesce(kind, '') AS kind, "
   "CASE WHEN ts_utc_offset_min BETWEEN -1080 AND 1080 THEN ts_utc_offset_min END AS off "
   "FROM (SELECT * FROM activity UNION ALL BY NAME SELECT NULL::SMALLINT AS ts_utc_offset_min WHERE false) "
   "WHERE ts IS NOT NULL ORDER BY ts"},
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
challenge::EnergyOptions g_gas_opts = [] {
  challenge::EnergyOptions o;
  o.energy = "gas";
  o.tariff = challenge::default_tariff("gas");
  return o;
}();
challenge::EnergyResult g_gas;
std::vector<int32_t> g_energy_days;
std::vector<double> g_energy_kwh;
std::string g_actor;
std::vector<challenge::ActorCount> g_actors;
challenge::LearningResult g_learning;
std::vector<int32_t> g_learning_days;
std::vector<double> g_learning_minutes;
challenge::FoodOptions g_food_opts;
challenge::FoodResult g_food;
std::vector<std::string> g_food_products;   // per line, for the unmapped list
std::vector<int32_t> g_food_days;           // per line, local day (the headline's period)
std::vector<std::string> g_food_gtins;      // per line, its barcode (challenge::normalize_gtin), "" when none
challenge::BudgetOptions g_budget_opts;
challenge::BudgetResult g_budget;
std::vector<std::string> g_budget_labels;   // per transaction
challenge::HealthResult g_health;
bool g_health_present = false;
challenge::FootprintResult g_footprint;

RectRecorder g_record_rect = nullptr;
void record(const char* name) { if (g_record_rect) g_record_rect(name); }


const char* t(Lang l, const char* key) { return tr(l, key); }
const char* colon(Lang l) { return l == Lang::Fr ? "\u00A0: " : ": "; }   // French puts a space before the colon

void source_line(Lang l, const challenge::FactorSource& s) {
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(ui::color_dim(), "%s %s (%s, %s %s) — %s", t(l, "dash.factors"), s.name.c_str(), s.origin.c_str(),
                     t(l, "dash.data_of"), s.date.c_str(), s.licence.c_str());
  ImGui::PopTextWrapPos();
}

void missing(Lang l, const Board& b, std::string& open_guide) {
  ImGui::Dummy(ImVec2(0, 8));
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(ui::color_dim(), "%s", t(l, (std::string("dash.missing.") + b.id).c_str()));
  ImGui::PopTextWrapPos();
  if (const Guide* gd = find_guide(b.guide)) {
    if (ImGui::Button(guide_title(*gd, l))) open_guide = gd->id;
  }
}

// ---------------------------------------------------------------- mobility
// Raw positions of the files that gave no trips, one trace per file (the CLI's rule, challenges/tables.h
// collect_trips_segmented); the optional columns only when the view has them.
const char* trace_sql(bool with_trips) {
  static const std::string file = "coalesce(\"_file\", '') || chr(10) || coalesce(\"_entry\", '')";
  static const std::string base =
      "SELECT epoch_us(ts)::DOUBLE AS t_us, COLUMNS('^(lat|lon|accuracy_m|velocity_m_s|activity|activity_confidence|ts_utc_offset_min)$'), " + file +
      " AS trace FROM location_points WHERE lat IS NOT NULL AND lon IS NOT NULL";
  static const std::string all = base + " ORDER BY trace, t_us NULLS LAST";
  static const std::string except = base + " AND " + file + " NOT IN (SELECT DISTINCT " + file + " FROM trips) ORDER BY trace, t_us NULLS LAST";
  return with_trips ? except.c_str() : all.c_str();
}

std::vector<TrackTable> g_track_tables;
std::string g_tracks_sql;
// Every track point of the GPX/KML tables, in file order (the CLI's order: one trace per track run);
// written once per change of the track tables (set_track_tables), not per frame.
void build_tracks_sql() {
  g_tracks_sql.clear();
  for (size_t i = 0; i < g_track_tables.size(); i++) {
    const TrackTable& t = g_track_tables[i];
    std::string name = t.name;
    for (size_t p = name.find('"'); p != std::string::npos; p = name.find('"', p + 2)) name.insert(p, 1, '"');
    g_tracks_sql += std::string(i ? " UNION ALL " : "") + "SELECT " + std::to_string(i) + " AS tbl, r, coalesce(" +
                    (t.kml ? "placemark" : "track") + ", '') AS grp, epoch_us(\"time\")::DOUBLE AS t_us, lat, lon, time_utc_offset_min AS off "
                    "FROM (SELECT *, rowid AS r FROM \"" + name + "\" UNION ALL BY NAME SELECT NULL::SMALLINT AS time_utc_offset_min WHERE false) "
                    "WHERE kind = 'track'";   // the union adds the offset column as NULL when the file wrote none
  }
  g_tracks_sql = "SELECT tbl, grp, t_us, lat, lon, off FROM (" + g_tracks_sql + ") ORDER BY tbl, r";
}

challenge::SegmentNotes g_mob_notes;
double g_mob_segmented_km = 0;                              // km of the trips rebuilt from raw positions
challenge::SegmentResult g_mob_segments;                    // visits and rebuilt trips (the trip list)
// Each trip as a line on the map, coloured by its mode (the mode every figure counts it under): the export's
// trips as a straight line start → end, the rebuilt ones along their positions.
struct TripLine {
  std::vector<double> lon, lat;
  challenge::Mode mode = challenge::Mode::Other;
  int64_t start_us = 0;        // the trip's start: links the line to its row of the trip list
};
std::vector<TripLine> g_mob_lines;
int64_t g_mob_selected = -1;   // start of the trip picked in the list (-1: none): drawn wider on the map
std::vector<challenge::ModeCorrection> g_mob_corrections;   // the user's (exportable, `workbench challenge mobility --corrections`)
bool g_mob_similar = true;                                  // a correction applies to the trips with the same ends

// The timeline of the mobility tab: every trip (exports' and rebuilt) by start, km cumulated per mode. A range
// brushed on it (or a month picked with the buttons) filters the trip list and the trips drawn on the map.
struct TimelineTrip {
  int64_t start_us = 0, end_us = 0;
  challenge::Mode mode = challenge::Mode::Other;
  double km = 0;
};
std::vector<TimelineTrip> g_mob_tl_trips;          // sorted by start
std::vector<double> g_mob_tl_t;                    // two points per trip, both at its start (a step), UTC seconds
std::vector<std::vector<double>> g_mob_tl_cum;     // per mode present (Mode order): km cumulated at each start
std::vector<challenge::Mode> g_mob_tl_modes;
chart::TimeView g_mob_tl;
bool in_period(int64_t start_us) {
  if (!g_mob_tl.has_selection) return true;
  const double s = double(start_us) / 1e6;
  return s >= g_mob_tl.sel_t0 && s <= g_mob_tl.sel_t1;
}

// The trips the exports give plus the segmented raw positions, merged by the same rule as the CLI.
void compute_mobility(const Columns* trips, const Columns* trace, const Columns* tracks) {
  challenge::TripsColumns o;
  if (trips && trips->ok) {
    const std::vector<int64_t> ts = trips->whole<int64_t>(0);
    for (size_t i = 0; i < trips->rows; i++) {
      o.ts_start_us.push_back(ts[i]);
      // local offset: the export's, else the start's time zone (challenges/tables.cpp collect_trips does the same)
      const double off = trips->num.size() > 9 ? trips->num[9][i] : std::nan("");
      o.ts_start_off.push_back(challenge::record_offset(std::isnan(off) ? challenge::k_no_offset : int16_t(off), trips->num[5][i],
                                                        trips->num[6][i], ts[i]));
      o.distance_m.push_back(trips->num[1][i]);
      o.duration_s.push_back(trips->num[2][i]);
      o.mode.text.push_back(trips->text[3][i]);
      o.mode_raw.text.push_back(trips->text[4][i]);
      o.mode_inferred.push_back(0);
      o.confidence.push_back(std::nan(""));
      o.price_eur.push_back(trips->num.size() > 10 ? trips->num[10][i] : std::nan(""));
    }
  }
  std::vector<challenge::PointTrace> traces;
  // the offset the export wrote for a fix (the CLI's TracePoint::offset_min); without one, the position's zone
  auto written_offset = [](double v) -> int16_t {
    return std::isfinite(v) && v > -18 * 60 && v < 18 * 60 ? static_cast<int16_t>(v) : challenge::k_no_offset;
  };
  if (trace && trace->ok && trace->rows) {
    auto col = [&](const char* n) {
      for (size_t k = 0; k < trace->names.size(); k++)
        if (trace->names[k] == n) return int(k);
      return -1;
    };
    const int t = col("t_us"), la = col("lat"), lo = col("lon"), ac = col("accuracy_m"), ve = col("velocity_m_s"), act = col("activity"),
              cf = col("activity_confidence"), tr = col("trace"), of = col("ts_utc_offset_min");
    for (size_t i = 0; i < trace->rows && t >= 0 && la >= 0 && lo >= 0 && tr >= 0; i++) {
      const std::string& f = trace->text[size_t(tr)][i];
      if (traces.empty() || traces.back().file != f) {
        traces.emplace_back();
        traces.back().file = f;
      }
      challenge::TracePoint p;
      const double us = trace->num[size_t(t)][i];
      p.ts_us = std::isnan(us) ? challenge::k_no_time : static_cast<int64_t>(us);
      p.lat = trace->num[size_t(la)][i];
      p.lon = trace->num[size_t(lo)][i];
      if (ac >= 0) p.accuracy_m = static_cast<float>(trace->num[size_t(ac)][i]);
      if (ve >= 0) p.velocity_m_s = static_cast<float>(trace->num[size_t(ve)][i]);
      if (of >= 0) p.offset_min = written_offset(trace->num[size_t(of)][i]);
      if (act >= 0 && !trace->text[size_t(act)][i].empty() && challenge::mode_from_id(trace->text[size_t(act)][i], p.activity)) {
        p.has_activity = true;
        const double c = cf >= 0 ? trace->num[size_t(cf)][i] : 0;
        p.activity_confidence = static_cast<uint8_t>(c >= 0 && c <= 100 ? c : 0);
      }
      traces.back().points.push_back(p);
    }
  }
  if (tracks && tracks->ok && tracks->rows && tracks->num.size() >= 5) {   // GPX tracks, then KML placemarks
    int cur_tbl = -1;
    std::string cur_grp;
    for (size_t i = 0; i < tracks->rows; i++) {
      const int tbl = static_cast<int>(tracks->num[0][i]);
      const std::string& grp = tracks->text[1][i];
      if (tbl < 0 || size_t(tbl) >= g_track_tables.size()) continue;
      if (traces.empty() || tbl != cur_tbl || grp != cur_grp) {
        cur_tbl = tbl;
        cur_grp = grp;
        challenge::PointTrace tr;
        tr.file = g_track_tables[size_t(tbl)].name;
        for (const auto& [track, type] : g_track_tables[size_t(tbl)].types)
          if (track == grp) tr.has_mode = challenge::mode_from_activity_type(type, tr.mode);
        traces.push_back(std::move(tr));
      }
      challenge::TracePoint p;
      const double us = tracks->num[2][i];
      p.ts_us = std::isnan(us) ? challenge::k_no_time : static_cast<int64_t>(us);
      p.lat = tracks->num[3][i];
      p.lon = tracks->num[4][i];
      if (tracks->num.size() >= 6) p.offset_min = written_offset(tracks->num[5][i]);
      traces.back().points.push_back(p);
    }
  }
  o.mode.finish();
  o.mode_raw.finish();
  const size_t given = o.ts_start_us.size();   // the exports' trips; the rebuilt ones come after
  challenge::add_segmented(o, traces, challenge::SegmentOptions{}, &g_mob_notes, &g_mob_segments, g_mob_corrections);
  g_mob_segmented_km = 0;
  for (size_t i = given; i < o.distance_m.size(); i++) g_mob_segmented_km += o.distance_m[i] / 1000;
  g_mob = challenge::mobility_summary(o.view(), g_mob_opts);
  money::set_tickets(o.ts_start_us, o.price_eur);   // the budget counts ticket prices (wasm/app_mobility_money.cpp)
  // ---- the timeline: trips by start, km cumulated per mode
  {
    const size_t before = g_mob_tl_trips.size();
    g_mob_tl_trips.clear();
    for (size_t i = 0; i < o.ts_start_us.size() && i < g_mob.trips.size(); i++) {
      if (o.ts_start_us[i] == challenge::k_no_time) continue;
      const double d = o.duration_s[i];
      g_mob_tl_trips.push_back({o.ts_start_us[i], o.ts_start_us[i] + (std::isfinite(d) && d > 0 ? int64_t(d * 1e6) : 0), g_mob.trips[i].mode,
                                g_mob.trips[i].km});
    }
    std::stable_sort(g_mob_tl_trips.begin(), g_mob_tl_trips.end(), [](const TimelineTrip& a, const TimelineTrip& b) { return a.start_us < b.start_us; });
    g_mob_tl_t.clear();
    g_mob_tl_modes.clear();
    g_mob_tl_cum.clear();
    std::vector<int> slot(size_t(challenge::k_mode_count), -1);
    for (const TimelineTrip& t : g_mob_tl_trips) slot[size_t(t.mode)] = 0;
    for (size_t m = 0; m < slot.size(); m++)
      if (slot[m] == 0) { slot[m] = int(g_mob_tl_modes.size()); g_mob_tl_modes.push_back(challenge::Mode(m)); }
    g_mob_tl_cum.assign(g_mob_tl_modes.size(), {});
    std::vector<double> run(g_mob_tl_modes.size(), 0);
    for (const TimelineTrip& t : g_mob_tl_trips) {   // a step at each start: the level before, then after
      for (int after = 0; after < 2; after++) {
        if (after) run[size_t(slot[size_t(t.mode)])] += t.km;
        g_mob_tl_t.push_back(double(t.start_us) / 1e6);
        for (size_t k = 0; k < run.size(); k++) g_mob_tl_cum[k].push_back(run[k]);
      }
    }
    if (g_mob_tl_trips.size() != before) g_mob_tl.fit();   // other files: show them whole (a correction keeps the view)
  }
  // ---- the lines of the map
  g_mob_lines.clear();
  auto finite = [](double a, double b, double c, double d) { return std::isfinite(a) && std::isfinite(b) && std::isfinite(c) && std::isfinite(d); };
  for (size_t i = 0; i < given && trips && trips->num.size() >= 9 && i < g_mob.trips.size(); i++) {
    const double la0 = trips->num[5][i], lo0 = trips->num[6][i], la1 = trips->num[7][i], lo1 = trips->num[8][i];
    if (!finite(la0, lo0, la1, lo1)) continue;
    g_mob_lines.push_back({{lo0, lo1}, {la0, la1}, g_mob.trips[i].mode, o.ts_start_us[i]});
  }
  for (size_t i = given; i < o.ts_start_us.size() && i < g_mob.trips.size(); i++) {
    const auto it = std::find_if(g_mob_segments.trips.begin(), g_mob_segments.trips.end(),
                                 [&](const challenge::SegTrip& x) { return x.start_us == o.ts_start_us[i]; });
    if (it == g_mob_segments.trips.end()) continue;
    TripLine line;
    line.mode = g_mob.trips[i].mode;
    line.start_us = it->start_us;
    if (finite(it->start_lat, it->start_lon, 0, 0)) { line.lon.push_back(it->start_lon); line.lat.push_back(it->start_lat); }
    for (const challenge::PointTrace& tr : traces) {   // the positions of the trace that holds this trip
      const auto first = std::lower_bound(tr.points.begin(), tr.points.end(), it->start_us,
                                          [](const challenge::TracePoint& p, int64_t t) { return p.ts_us < t; });
      if (first == tr.points.end() || first->ts_us > it->end_us) continue;
      for (auto p = first; p != tr.points.end() && p->ts_us <= it->end_us; ++p)
        if (finite(p->lat, p->lon, 0, 0)) { line.lon.push_back(p->lon); line.lat.push_back(p->lat); }
      break;
    }
    if (finite(it->end_lat, it->end_lon, 0, 0)) { line.lon.push_back(it->end_lon); line.lat.push_back(it->end_lat); }
    if (line.lon.size() >= 2) g_mob_lines.push_back(std::move(line));
  }
}

// Where the points and visits are, over the offline basemap (coasts and borders, no tiles).
// A place's name for the map: its name or address when the export has one; Google's semantic types in
// words ("HOME" -> "Domicile"); nothing for UNKNOWN and other codes (the circle stays, unlabelled).
std::string place_label(Lang l, const std::string& name) {
  const bool fr = l == Lang::Fr;
  if (name == "HOME" || name == "INFERRED_HOME") return fr ? "Domicile" : "Home";
  if (name == "WORK" || name == "INFERRED_WORK") return fr ? "Travail" : "Work";
  if (name == "SEARCHED_ADDRESS") return fr ? "Adresse recherchée" : "Searched address";
  const bool code = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; });
  return code || name == "?" ? std::string() : name;
}
std::vector<std::string> g_mob_place_names;   // place_label() of each visited place, in the map's language
chart::MapState g_mob_map;
std::string g_mob_map_for;   // data signature the map was fitted to
void draw_mobility_map(Lang l) {
  const Board* pts = board("mob_points");
  const Board* vis = board("mob_visits");
  const bool has_pts = pts->data.ok && pts->data.rows > 0, has_vis = vis->data.ok && vis->data.rows > 0;
  if (!has_pts && !has_vis && g_mob_lines.empty()) return;
  const std::string sig = pts->fetched_for + "|" + std::to_string(pts->data.rows) + "|" + std::to_string(vis->data.rows) + "|" +
                          std::to_string(g_mob_lines.size());
  if (sig != g_mob_map_for) { g_mob_map_for = sig; g_mob_map.fitted = false; }
  const Basemap& bm = shared_basemap();
  const auto base = chart::basemap_lines(bm);
  chart::MapSpec spec;
  spec.lang = l;
  spec.height = 360;
  if (!bm.empty()) spec.basemap = base;
  if (has_pts) { spec.density_lon = pts->data.num[0]; spec.density_lat = pts->data.num[1]; }
  if (has_vis) {
    spec.circle_lon = vis->data.num[0];
    spec.circle_lat = vis->data.num[1];
    spec.circle_value = vis->data.num[2];
    g_mob_place_names.clear();
    for (const std::string& n : vis->data.text[3]) g_mob_place_names.push_back(place_label(l, n));
    spec.circle_names = g_mob_place_names;
    spec.circle_label = t(l, "dash.mobility.visits");
    spec.circle_unit = "h";
  }
  // trips coloured by mode: one colour per mode present, in Mode order, named in the legend (and said in words)
  static std::vector<chart::MapPolyline> lines;
  static std::vector<std::string> mode_names;
  static std::vector<const char*> mode_labels;
  lines.clear();
  mode_names.clear();
  mode_labels.clear();
  std::vector<int> cat_of(size_t(challenge::k_mode_count), -1), count(size_t(challenge::k_mode_count), 0);
  for (const TripLine& line : g_mob_lines)
    if (in_period(line.start_us)) count[size_t(line.mode)]++;
  std::string said;
  // a mode's colour is its slot among the timeline's modes (every trip's), so it is the same on both charts;
  // the legend names only the modes drawn
  std::vector<int> slot(size_t(challenge::k_mode_count), -1);
  for (size_t k = 0; k < g_mob_tl_modes.size(); k++) slot[size_t(g_mob_tl_modes[k])] = int(k);
  int next = int(g_mob_tl_modes.size());
  for (size_t m = 0; m < size_t(challenge::k_mode_count); m++)
    if (count[m]) {
      if (slot[m] < 0) slot[m] = next++;
      cat_of[m] = slot[m];
      said += (said.empty() ? "" : ", ") + std::string(challenge::mode_label(challenge::Mode(m), l == Lang::Fr)) + " (" + format_count(l, count[m]) + ")";
    }
  int cats = 0;
  for (size_t m = 0; m < size_t(challenge::k_mode_count); m++) cats = std::max(cats, cat_of[m] + 1);
  mode_names.assign(size_t(cats), std::string());
  for (size_t m = 0; m < size_t(challenge::k_mode_count); m++)
    if (cat_of[m] >= 0) mode_names[size_t(cat_of[m])] = challenge::mode_label(challenge::Mode(m), l == Lang::Fr);
  for (const std::string& n : mode_names) mode_labels.push_back(n.c_str());
  for (const TripLine& line : g_mob_lines) {
    if (!in_period(line.start_us)) continue;   // a period brushed on the timeline
    if (g_mob_selected >= 0 && line.start_us == g_mob_selected) spec.highlight_track = int(lines.size());
    lines.push_back({line.lon, line.lat, cat_of[size_t(line.mode)]});
  }
  spec.tracks = lines;
  spec.category_labels = mode_labels;
  ImGui::TextUnformatted(t(l, "dash.mobility.map"));
  if (!said.empty()) {
    const std::string legend = std::string(t(l, "dash.mobility.map_lines")) + (l == Lang::Fr ? "\u00A0: " : ": ") + said + ".";
    ui::text_wrapped(legend);
    a11y::text(legend, "note");
  }
  chart::map_view("mob_map", spec, g_mob_map);
  record("mob.map");
  ImGui::TextColored(ui::color_dim(), "%s", t(l, "viz.hint.map"));
}

// Local civil day (Europe/Paris, the timeline's axis) of an instant, and the UTC second its month starts.
int64_t paris_day(double utc_s) { return challenge::paris_local(int64_t(utc_s * 1e6)).day; }
double month_start(int64_t year, int month) {   // month may run past 12 or below 1
  while (month > 12) { month -= 12; year++; }
  while (month < 1) { month += 12; year--; }
  return double(sdw::paris_midnight_utc(days_from_civil(year, unsigned(month), 1)));
}

// Every trip on a time axis, km cumulated per mode; the trip picked in the list is marked on it. Shift+drag
// (or the month buttons, for a keyboard, a finger or a screen reader) chooses the period the list and the
// map's trips show.
void draw_mobility_timeline(Lang l) {
  if (g_mob_tl_trips.size() < 2) return;
  const bool fr = l == Lang::Fr;
  const char* title = fr ? "Kilomètres cumulés par mode, trajet après trajet (km)" : "Kilometres cumulated per mode, trip after trip (km)";
  ImGui::TextUnformatted(title);
  static std::vector<std::string> names;
  static std::vector<chart::SeriesY> series;
  names.clear();
  series.clear();
  std::string said;
  for (size_t k = 0; k < g_mob_tl_modes.size(); k++) {
    names.push_back(challenge::mode_label(g_mob_tl_modes[k], fr));
    said += (said.empty() ? "" : ", ") + names.back() + " " + format_number(l, g_mob_tl_cum[k].back(), 1) + " km";
  }
  for (size_t k = 0; k < names.size(); k++) series.push_back({names[k].c_str(), g_mob_tl_cum[k], 0});
  chart::TimeSeriesSpec spec;
  spec.lang = l;
  spec.unit = "km";
  spec.height = 200;
  spec.decimation = chart::Decimation::None;   // steps between trips: every trip is a point
  spec.tooltip_decimals = 1;
  for (const TimelineTrip& t : g_mob_tl_trips)
    if (g_mob_selected >= 0 && t.start_us == g_mob_selected) { spec.mark_t0 = double(t.start_us) / 1e6; spec.mark_t1 = double(t.end_us) / 1e6; }
  chart::time_series("mob_timeline", g_mob_tl_t, series, spec, g_mob_tl);
  record("mob.timeline");
  const std::string sum = std::string(title) + (fr ? ", du " : ", from ") + sdw::format_local_date(l, paris_day(g_mob_tl_t.front())) +
                          (fr ? " au " : " to ") + sdw::format_local_date(l, paris_day(g_mob_tl_t.back())) + (fr ? " : " : ": ") + said + ".";
  a11y::text(sum, "note");
  {
    const ImVec4 dim = ui::color_dim();
    ui::text_wrapped(fr ? "Maj + glisser sur la frise : choisir une période (la liste et les trajets de la carte la suivent) ; clic droit : l’effacer."
                        : "Shift + drag on the timeline: choose a period (the list and the map's trips follow it); right-click: clear it.",
                     &dim);
  }
  // month by month, for every input: from the chosen period's month, else from the data's last (◀) or first (▶) month
  auto pick_month = [&](int delta) {
    const bool sel = g_mob_tl.has_selection;
    const sdw::LocalTime r = sdw::paris_local_time(sel ? g_mob_tl.sel_t0 + 1 : delta > 0 ? g_mob_tl_t.front() : g_mob_tl_t.back());
    const int m = int(r.month) + (sel ? delta : 0);
    g_mob_tl.has_selection = true;
    g_mob_tl.sel_t0 = month_start(r.year, m);
    g_mob_tl.sel_t1 = month_start(r.year, m + 1) - 1e-3;
    const double pad = (g_mob_tl.sel_t1 - g_mob_tl.sel_t0) * 0.1;   // the month in view, a little around it
    g_mob_tl.t0 = g_mob_tl.sel_t0 - pad;
    g_mob_tl.t1 = g_mob_tl.sel_t1 + pad;
  };
  if (ui::button(fr ? "◀ Mois précédent" : "◀ Previous month", "mob.period.prev",
                 fr ? "Période : mois précédent" : "Period: previous month"))
    pick_month(-1);
  ImGui::SameLine();
  if (ui::button(fr ? "Mois suivant ▶" : "Next month ▶", "mob.period.next", fr ? "Période : mois suivant" : "Period: next month")) pick_month(+1);
  if (g_mob_tl.has_selection) {
    ImGui::SameLine();
    if (ui::button(fr ? "Toute la période" : "Whole period", "mob.period.all", fr ? "Toute la période" : "Whole period")) {
      g_mob_tl.has_selection = false;
      g_mob_tl.fit();
    }
  }
  if (g_mob_tl.has_selection) {
    size_t n = 0;
    for (const TimelineTrip& t : g_mob_tl_trips) n += in_period(t.start_us);
    const std::string s = (fr ? "Période choisie : du " : "Chosen period: from ") + sdw::format_local_date(l, paris_day(g_mob_tl.sel_t0)) +
                          (fr ? " au " : " to ") + sdw::format_local_date(l, paris_day(g_mob_tl.sel_t1)) + " — " +
                          (fr ? format_count(l, n) + " trajet" + (n > 1 ? "s" : "") + " sur " + format_count(l, g_mob_tl_trips.size()) + "."
                              : format_count(l, n) + " of " + format_count(l, g_mob_tl_trips.size()) + " trips.");
    ImGui::TextUnformatted(s.c_str());
    a11y::text(s, "status");
  }
}

// The trips rebuilt from raw positions, one row each: when, from → to, km, the mode and how sure the guess
// is. The person corrects a mode for this trip or for every trip between the same two places; every
// figure is computed again, and the corrections can be saved as a file the CLI reads (--corrections).
void draw_trip_list(Lang l) {
  const bool fr = l == Lang::Fr;
  const auto& trips = g_mob_segments.trips;
  if (trips.empty()) return;
  const char* title = fr ? "Trajets reconstitués\u00A0: vérifiez les modes" : "Rebuilt trips: check the modes";
  ImGui::TextColored(ui::color_accent(), "%s", title);
  a11y::heading(2, title);
  const char* similar = fr ? "Corriger aussi les trajets semblables (mêmes départ et arrivée, à 300 m près)"
                           : "Also correct similar trips (same start and end, within 300 m)";
  ImGui::Checkbox(similar, &g_mob_similar);
  record("mob.similar");
  if (ui::ax("mob.similar", similar, "checkbox", g_mob_similar)) g_mob_similar = !g_mob_similar;
  // a place's words: the nearest named place of the places view within 300 m, else its coordinates
  const Board* vis = board("mob_visits");
  auto place = [&](double lat, double lon) {
    std::string best;
    double best_d = 300;
    if (vis->data.ok && vis->data.text.size() > 3)
      for (size_t i = 0; i < vis->data.rows; i++) {
        const double dy = (vis->data.num[1][i] - lat) * 111320.0, dx = (vis->data.num[0][i] - lon) * 111320.0 * std::cos(lat * 3.14159265 / 180);
        const double d = std::sqrt(dx * dx + dy * dy);
        const std::string name = place_label(l, vis->data.text[3][i]);
        if (d < best_d && !name.empty()) { best_d = d; best = name; }
      }
    return best.empty() ? format_number(l, lat, 3) + (fr ? "\u202F; " : ", ") + format_number(l, lon, 3) : best;
  };
  bool changed = false;
  // the words of each row first: the table below may be out of sight (then ImGui skips it), the accessible
  // layer still gets every row and every correction button
  std::vector<std::vector<std::string>> rows;
  for (const challenge::SegTrip& t : trips) {
    const std::string sure = t.mode_source == challenge::ModeSource::User ? (fr ? "corrigé par vous" : "corrected by you")
                             : !t.mode_inferred                           ? (fr ? "donné par l’export" : "given by the export")
                                                                          : format_number(l, t.confidence * 100, 0) + " %" + (fr ? " (deviné)" : " (guessed)");
    rows.push_back({challenge::day_key(int32_t(t.start_us / 86400000000LL)), place(t.start_lat, t.start_lon) + " → " + place(t.end_lat, t.end_lon),
                    format_number(l, t.distance_m / 1000, 1), challenge::mode_label(t.mode, fr), sure});
  }
  std::vector<size_t> shown;   // the trips of the period brushed on the timeline (all without one)
  for (size_t i = 0; i < trips.size(); i++)
    if (in_period(trips[i].start_us)) shown.push_back(i);
  if (shown.size() < trips.size()) {
    const std::string n = fr ? format_count(l, shown.size()) + " trajet" + (shown.size() > 1 ? "s" : "") + " sur " + format_count(l, trips.size()) +
                                   " dans la période choisie sur la frise."
                             : format_count(l, shown.size()) + " of " + format_count(l, trips.size()) + " trips in the period chosen on the timeline.";
    ImGui::TextColored(ui::color_dim(), "%s", n.c_str());
    a11y::text(n, "note");
  }
  int picked = -1;
  size_t picked_trip = 0;
  const ImGuiTableFlags tf = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  // as tall as its rows (a header and one combo per row), at most 12 rows then it scrolls
  const float cell_y = ImGui::GetStyle().CellPadding.y * 2;
  const float h = ImGui::GetTextLineHeight() + cell_y + std::min(11.0f, float(std::max<size_t>(1, shown.size()))) * (ImGui::GetFrameHeight() + cell_y) + 2;
  if (ImGui::BeginTable("trip_list", 5, tf, ImVec2(0, h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(fr ? "Date" : "Date");
    ImGui::TableSetupColumn(fr ? "Départ → arrivée" : "From → to");
    ImGui::TableSetupColumn("km");
    ImGui::TableSetupColumn(fr ? "Mode" : "Mode");
    ImGui::TableSetupColumn(fr ? "Certitude" : "Certainty");
    ImGui::TableHeadersRow();
    for (size_t i : shown) {
      ImGui::PushID(int(i));
      ImGui::TableNextRow();
      for (int c = 0; c < 5; c++) {
        ImGui::TableNextColumn();
        if (c == 0) {   // the date picks the trip: it is drawn wider on the map (click again: none)
          const bool sel = g_mob_selected == trips[i].start_us;
          if (ImGui::Selectable(rows[i][0].c_str(), sel)) g_mob_selected = sel ? -1 : trips[i].start_us;
          record(("mob.trip." + std::to_string(i) + ".show").c_str());
          continue;
        }
        if (c != 3) { ImGui::TextUnformatted(rows[i][size_t(c)].c_str()); continue; }
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##mode", rows[i][3].c_str())) {
          for (int m = 0; m < challenge::k_mode_count; m++)
            if (ImGui::Selectable(challenge::mode_label(challenge::Mode(m), fr), challenge::Mode(m) == trips[i].mode)) picked = m, picked_trip = i;
          ImGui::EndCombo();
        }
        record(("mob.trip." + std::to_string(i)).c_str());
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  // screen readers and keyboards: "show on the map" (pressed: shown), then one button per other mode, named with the trip
  for (size_t i : shown) {
    const bool sel = g_mob_selected == trips[i].start_us;
    if (ui::ax("mob.trip." + std::to_string(i) + ".show",
               std::string(fr ? "Voir sur la carte le trajet du " : "Show on the map the trip of ") + rows[i][0] + ", " + rows[i][1], "toggle", sel))
      g_mob_selected = sel ? -1 : trips[i].start_us;
  }
  for (size_t i : shown)
    for (int m = 0; m < challenge::k_mode_count; m++)
      if (challenge::Mode(m) != trips[i].mode &&
          ui::ax("mob.trip." + std::to_string(i) + "." + challenge::mode_id(challenge::Mode(m)),
                 std::string(fr ? "Trajet du " : "Trip of ") + rows[i][0] + ", " + rows[i][1] + (fr ? "\u00A0: " : ": ") +
                     challenge::mode_label(challenge::Mode(m), fr)))
        picked = m, picked_trip = i;
  if (picked >= 0) {
    const challenge::SegTrip& t = trips[picked_trip];
    challenge::ModeCorrection c;
    c.mode = challenge::Mode(picked);
    c.trip_start_us = t.start_us;
    c.similar = g_mob_similar;
    c.from_lat = t.start_lat; c.from_lon = t.start_lon; c.to_lat = t.end_lat; c.to_lon = t.end_lon;
    g_mob_corrections.push_back(c);
    changed = true;
  }
  std::vector<std::vector<std::string>> shown_rows;
  for (size_t i : shown) shown_rows.push_back(rows[i]);
  a11y::table("mob.trips", title, {fr ? "Date" : "Date", fr ? "Départ → arrivée" : "From → to", "km", "Mode", fr ? "Certitude" : "Certainty"}, shown_rows);
  if (!g_mob_corrections.empty()) {
    const std::string n = format_count(l, g_mob_corrections.size()) + (fr ? " correction(s)" : " correction(s)");
    ImGui::TextUnformatted(n.c_str());
    ImGui::SameLine();
    const char* save = fr ? "Enregistrer mes corrections (fichier)" : "Save my corrections (file)";
    const bool s = ImGui::SmallButton(save);
    record("mob.corrections.save");
    if (ui::ax("mob.corrections.save", save) || s)
      platform::save_bytes(fr ? "corrections_trajets.txt" : "trip_corrections.txt", "text/plain;charset=utf-8",
                           challenge::format_corrections(g_mob_corrections));
    ImGui::SameLine();
    const char* undo = fr ? "Annuler la dernière" : "Undo the last one";
    const bool u = ImGui::SmallButton(undo);
    record("mob.corrections.undo");
    if (ui::ax("mob.corrections.undo", undo) || u) { g_mob_corrections.pop_back(); changed = true; }
  }
  if (changed) {
    board("mobility")->dirty = true;   // every figure computed again with the corrections
    platform::settings_changed(settings_json().dump());   // kept with the encrypted workspace when it is on
  }
}

void draw_mobility(Lang l) {
  const auto& r = g_mob;
  const auto h = challenge::mobility_headline(r, g_mob_opts, l == Lang::Fr);
  ui::headline(l, "mobility", h.sentence, h.yearly, h.comparison, h.note, h.method);
  a11y::figure(t(l, "dash.km"), format_number(l, r.total_km, 1) + " km");
  a11y::figure(t(l, "dash.trips"), format_count(l, r.trips.size()));
  a11y::figure(t(l, "dash.emissions"), format_number(l, r.total_kgco2e, 1) + " kg CO₂e");
  if (g_mob_notes.traces > 0) {   // trips rebuilt from raw positions: say so, and from what
    const bool fr = l == Lang::Fr;
    const std::string s = fr ? format_count(l, uint64_t(g_mob_notes.trips)) + " trajet" + (g_mob_notes.trips > 1 ? "s" : "") +
                                   " reconstitué" + (g_mob_notes.trips > 1 ? "s" : "") + " à partir de " + format_count(l, uint64_t(g_mob_notes.points)) +
                                   " positions brutes (arrêts de 5 min au moins dans un rayon de 150 m = lieux visités\u202F; les modes devinés d’après la vitesse sont des estimations)."
                             : format_count(l, uint64_t(g_mob_notes.trips)) + " trip" + (g_mob_notes.trips == 1 ? "" : "s") + " rebuilt from " +
                                   format_count(l, uint64_t(g_mob_notes.points)) +
                                   " raw positions (stops of at least 5 min within 150 m = places visited; modes guessed from speed are estimates).";
    ui::text_wrapped(s, nullptr);
    a11y::text(s, "note");
  }
  bool changed = false;
  changed |= ImGui::Checkbox(t(l, "dash.mobility.construction"), &g_mob_opts.include_construction);
  if (ui::ax("mob.construction", t(l, "dash.mobility.construction"), "checkbox", g_mob_opts.include_construction)) {
    g_mob_opts.include_construction = !g_mob_opts.include_construction;
    changed = true;
  }
  ImGui::SameLine();
  bool electric = g_mob_opts.car_energy == challenge::CarEnergy::Electric;
  bool flip = ImGui::Checkbox(t(l, "dash.mobility.electric"), &electric);
  if (ui::ax("mob.electric", t(l, "dash.mobility.electric"), "checkbox", electric)) { electric = !electric; flip = true; }
  if (flip) {
    g_mob_opts.car_energy = electric ? challenge::CarEnergy::Electric : challenge::CarEnergy::Thermal;
    changed = true;
  }
  ImGui::SameLine();
  int occ = static_cast<int>(g_mob_opts.car_occupants);
  ImGui::SetNextItemWidth(120);
  if (ImGui::SliderInt(t(l, "dash.mobility.occupants"), &occ, 1, 5)) { g_mob_opts.car_occupants = occ; changed = true; }
  // carpooling: ImpactCO₂ divides the car by its occupants; the other method counts the whole car (stated in the
  // headline's method and the exported figures, as `workbench challenge mobility --carpool-method alternative`)
  bool whole_car = g_mob_opts.carpool == challenge::CarpoolMethod::Vehicle;
  const char* whole_label = l == Lang::Fr ? "Covoiturage\u00A0: compter toute la voiture pour moi (sans diviser par les occupants)"
                                          : "Carpooling: count the whole car to me (not divided by the occupants)";
  bool carpool_flip = ImGui::Checkbox(whole_label, &whole_car);
  record("mob.whole_car");
  if (ui::ax("mob.whole_car", whole_label, "checkbox", whole_car)) { whole_car = !whole_car; carpool_flip = true; }
  if (carpool_flip) {
    g_mob_opts.carpool = whole_car ? challenge::CarpoolMethod::Vehicle : challenge::CarpoolMethod::Occupants;
    changed = true;
  }
  if (changed) board("mobility")->dirty = true;

  static std::vector<const char*> cats;
  static std::vector<double> km, co2;
  cats.clear(); km.clear(); co2.clear();
  for (const auto& m : r.by_mode) {
    cats.push_back(challenge::mode_label(m.mode, l == Lang::Fr));
    km.push_back(m.km);
    co2.push_back(m.kgco2e);
  }
  if (cats.empty()) { ImGui::TextColored(ui::color_dim(), "%s", t(l, "viz.no_data")); return; }
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
  chart::BarSeries s2{"kg CO₂e", co2, 0xFFB27200u};
  spec.unit = "kg CO₂e"; spec.decimals = 1;
  chart::bar_chart("co2_mode", cats, std::span<const chart::BarSeries>(&s2, 1), spec);
  ImGui::EndChild();
  for (const auto& wi : r.what_if) {
    if (wi.car_km <= 0) continue;
    const std::string alt_key = "dash.alt." + wi.alternative;   // ADEME slug -> words
    const bool saves = wi.saved_kgco2e >= 0;   // a nearly empty bus can emit more per person than a car
    ImGui::BulletText("%s %s km %s %s%s%s kg CO₂e %s (%s → %s)", t(l, "dash.mobility.whatif1"), format_number(l, wi.car_km, 0).c_str(),
                      t(l, "dash.mobility.whatif2"), has_translation(alt_key) ? t(l, alt_key.c_str()) : wi.alternative.c_str(), colon(l),
                      format_number(l, std::fabs(wi.saved_kgco2e), 1).c_str(),
                      t(l, saves ? "dash.mobility.saved" : "dash.mobility.more"), format_number(l, wi.car_kgco2e, 1).c_str(),
                      format_number(l, wi.alternative_kgco2e, 1).c_str());
  }
  {
    Board* bu = board("budget");
    Board* ag = board("mob_compare");
    money::draw_budget(l, g_mob, bu->data.has && bu->data.ok ? &bu->data : nullptr, bu->fetched_for);
    money::draw_compare(l, g_mob, ag->data.has && ag->data.ok ? &ag->data : nullptr, ag->fetched_for);
  }
  draw_mobility_timeline(l);
  draw_trip_list(l);
  draw_mobility_map(l);
  source_line(l, r.source);
}

// ---------------------------------------------------------------- energy
void draw_gas(Lang l);   // below: the gas part of the energy tab

// The electricity and gas boards fetch the same columns (start, end, interval_s, kwh[, m3]).
challenge::EnergyResult energy_of(const Columns& c, const challenge::EnergyOptions& o) {
  const std::vector<int64_t> s = c.whole<int64_t>(0), e = c.whole<int64_t>(1);
  const std::span<const double> m3 = c.num.size() > 4 ? std::span<const double>(c.num[4]) : std::span<const double>();
  return challenge::energy_summary(challenge::EnergyView{s, e, c.num[2], c.num[3], m3}, o);
}

void compute_energy(const Columns& c) {
  g_energy = energy_of(c, g_energy_opts);
  g_energy_days.clear();
  g_energy_kwh.clear();
  for (const auto& d : g_energy.days) { g_energy_days.push_back(d.day); g_energy_kwh.push_back(d.kwh); }
}

void draw_energy(Lang l) {
  const auto& r = g_energy;
  const auto h = challenge::energy_headline(r, l == Lang::Fr);
  ui::headline(l, "energy", h.sentence, h.yearly, h.comparison, h.note, h.method);
  if (r.days.empty()) { draw_gas(l); return; }
  a11y::figure(t(l, "dash.energy.total"), format_number(l, r.total_kwh, 1) + " kWh");
  a11y::figure(t(l, "dash.energy.base_load"), std::isnan(r.base_load_w) ? "–" : format_number(l, r.base_load_w, 0) + " W");
  a11y::figure(t(l, "dash.energy.cost"), format_number(l, r.total_cost_eur, 2) + " €");
  const char* sp = l == Lang::Fr ? "\u00A0" : " ";   // the space before the colon: a no-break one in French
  ImGui::Text("%s kWh · %s %s · %s%s: %s W · %s%s: %s €", format_number(l, r.total_kwh, 1).c_str(),
              format_count(l, r.days.size()).c_str(), t(l, "dash.days"), t(l, "dash.energy.base_load"), sp,
              std::isnan(r.base_load_w) ? "–" : format_number(l, r.base_load_w, 0).c_str(), t(l, "dash.energy.cost"), sp,
              format_number(l, r.total_cost_eur, 2).c_str());
  float price = static_cast<float>(g_energy_opts.tariff.base_eur_kwh);
  ImGui::SetNextItemWidth(160);
  if (ui::input_number(t(l, "dash.energy.price"), &price, 4, l)) {
    g_energy_opts.tariff.base_eur_kwh = std::max(0.0f, price);
    board("energy")->dirty = true;
  }
  record("dash.energy.price");
  ImGui::SameLine();
  ImGui::TextColored(ui::color_dim(), "%s", t(l, "dash.energy.price_note"));
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
    ImGui::TextColored(ui::color_dim(), "%s", t(l, "dash.energy.need_curve"));   // daily readings have no hours
    ImGui::PopTextWrapPos();
  }
  static std::vector<const char*> months;
  static std::vector<std::string> month_names;
  static std::vector<double> month_kwh;
  months.clear(); month_names.clear(); month_kwh.clear();
  for (const auto& m : r.months) { month_names.push_back(month_label(l, m.month, h.period)); month_kwh.push_back(m.kwh); }
  for (const auto& n : month_names) months.push_back(n.c_str());
  ImGui::TextUnformatted(t(l, "dash.energy.per_month"));
  chart::BarSeries sm{"kWh", month_kwh, 0};
  spec.height = 200; spec.decimals = 0; spec.value_labels = true;
  chart::bar_chart("energy_month", months, std::span<const chart::BarSeries>(&sm, 1), spec);
  ImGui::TextColored(ui::color_dim(), "%s", t(l, "dash.energy.source"));
  if (const auto& d = board("energy")->data; d.num.size() > 3) draw_energy_savings(l, d.num[0], d.num[1], d.num[3]);   // wasm/app_energy_save.cpp
  draw_gas(l);
}

void compute_gas(const Columns& c) { g_gas = energy_of(c, g_gas_opts); }

void draw_gas(Lang l) {
  const auto& r = g_gas;
  if (r.days.empty()) return;
  ImGui::Separator();
  ImGui::TextColored(ui::color_accent(), "%s", t(l, "dash.gas.title"));
  std::string m3 = std::isnan(r.total_m3) ? "" : " · " + format_number(l, r.total_m3, 0) + " m³";
  const char* sp = l == Lang::Fr ? "\u00A0" : " ";   // the space before the colon: a no-break one in French
  ImGui::Text("%s kWh%s · %s%s: %s € · %s%s: %s %%", format_number(l, r.total_kwh, 0).c_str(), m3.c_str(), t(l, "dash.energy.cost"), sp,
              format_number(l, r.total_cost_eur, 0).c_str(), t(l, "dash.gas.heating"), sp,
              std::isnan(r.heating_share) ? "–" : format_number(l, r.heating_share * 100, 0).c_str());
  float price = static_cast<float>(g_gas_opts.tariff.base_eur_kwh);
  ImGui::SetNextItemWidth(160);
  if (ui::input_number(t(l, "dash.gas.price"), &price, 4, l)) {
    g_gas_opts.tariff.base_eur_kwh = std::max(0.0f, price);
    board("gas")->dirty = true;
  }
  static std::vector<std::string> names;
  static std::vector<const char*> months;
  static std::vector<double> kwh;
  names.clear(); months.clear(); kwh.clear();
  for (const auto& m : r.months) { names.push_back(month_label(l, m.month)); kwh.push_back(m.kwh); }
  for (const auto& n : names) months.push_back(n.c_str());
  ImGui::TextUnformatted(t(l, "dash.gas.per_month"));
  chart::BarSeries s{"kWh", kwh, 0xFF3C8CE6u};
  chart::BarChartSpec spec;
  spec.lang = l; spec.unit = "kWh"; spec.height = 200; spec.decimals = 0;
  chart::bar_chart("gas_month", months, std::span<const chart::BarSeries>(&s, 1), spec);
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(ui::color_dim(), "%s", t(l, "dash.gas.source"));
  ImGui::PopTextWrapPos();
}

// ---------------------------------------------------------------- learning
void compute_learning(const Columns& c) {
  const std::vector<int64_t> ts = c.whole<int64_t>(0);
  auto v1 = c.views(1), v2 = c.views(2), v3 = c.views(3), v4 = c.views(4), v5 = c.views(5), v6 = c.views(6);
  std::vector<int8_t> succ(c.rows), comp(c.rows);
  for (size_t i = 0; i < c.rows; i++) {
    succ[i] = static_cast<int8_t>(std::isnan(c.num[9][i]) ? -1 : c.num[9][i]);
    comp[i] = static_cast<int8_t>(std::isnan(c.num[10][i]) ? -1 : c.num[10][i]);
  }
  g_actors = challenge::learning_actors(v1[0]);
  if (g_actor.empty() && !g_actors.empty()) g_actor = g_actors[0].actor;
  std::vector<int16_t> off(c.rows, challenge::k_no_offset);   // the offsets the export wrote (else Paris)
  for (size_t i = 0; i < c.rows && c.num.size() > 11; i++)
    if (!std::isnan(c.num[11][i])) off[i] = static_cast<int16_t>(c.num[11][i]);
  challenge::LearningView v{ts, v1[0], v2[0], v3[0], v4[0], v5[0], v6[0], c.num[7], c.num[8], succ, comp, off};
  challenge::LearningOptions o;
  o.actor = g_actor;
  g_learning = challenge::learning_summary(v, o);
  g_learning_days.clear();
  g_learning_minutes.clear();
  for (const auto& d : g_learning.days) { g_learning_days.push_back(d.day); g_learning_minutes.push_back(d.seconds / 60); }
}

void draw_learning(Lang l) {
  const auto& r = g_learning;
  const auto h = challenge::learning_headline(r, l == Lang::Fr);
  ui::headline(l, "learning", h.sentence, h.yearly, h.comparison, h.note, h.method);
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


// ---------------------------------------------------------------- food
// A food slug in the UI language ("boeuf" -> "Bœuf" / "Beef").
const char* food_name(Lang l, const std::string& slug) {
  const std::string key = "food." + slug;
  return has_translation(key) ? t(l, key.c_str()) : slug.c_str();
}

// A contributor of the food total: an Agribalyse product by its name (French only in Agribalyse 3.2), an
// ADEME slug in the UI language — never the "agb:31032" code.
const char* contributor_name(Lang l, const challenge::FoodContributor& c) { return c.name.empty() ? food_name(l, c.slug) : c.name.c_str(); }

void compute_food(const Columns& c) {
  std::vector<int32_t> day(c.rows);
  for (size_t i = 0; i < c.rows; i++) {
    if (!std::isnan(c.num[0][i])) day[i] = challenge::paris_local(static_cast<int64_t>(c.num[0][i])).day;
    else day[i] = std::isnan(c.num[1][i]) ? 0 : static_cast<int32_t>(c.num[1][i]);
  }
  auto product = c.views(2), unit = c.views(4), ean = c.views(6);
  challenge::PurchasesView v{day, product[0], c.num[3], unit[0], c.num[5], ean[0]};
  g_food = challenge::food_summary(v, g_food_opts);
  g_food_days = day;
  g_food_products = c.text[2].v;
  g_food_gtins.assign(c.rows, std::string());
  for (size_t i = 0; i < c.rows && i < ean[0].size(); i++) g_food_gtins[i] = challenge::normalize_gtin(ean[0][i]);
}

void draw_food(Lang l) {
  const auto& r = g_food;
  const auto h = challenge::food_headline(r, g_food_days, l == Lang::Fr);
  ui::headline(l, "food", h.sentence, h.yearly, h.comparison, h.note, h.method);
  ImGui::Text("%s kg CO₂e · %s kg · %s %s (%s %s)", format_number(l, r.total_kgco2e, 1).c_str(), format_number(l, r.total_kg, 1).c_str(),
              format_count(l, r.lines.size()).c_str(), t(l, "dash.food.lines"), format_count(l, r.mapped).c_str(), t(l, "dash.food.counted"));
  if (r.lines.empty()) { ImGui::TextColored(ui::color_dim(), "%s", t(l, "viz.no_data")); return; }
  static std::vector<std::string> month_names;
  static std::vector<const char*> months;
  static std::vector<double> month_co2;
  month_names.clear(); months.clear(); month_co2.clear();
  for (const auto& m : r.months) { month_names.push_back(month_label(l, m.month, h.period)); month_co2.push_back(m.kgco2e); }
  for (const auto& n : month_names) months.push_back(n.c_str());
  ImGui::TextUnformatted(t(l, "dash.food.per_month"));
  chart::BarSeries sm{"kg CO₂e", month_co2, 0xFF5FB36Eu};
  chart::BarChartSpec spec;
  spec.lang = l; spec.unit = "kg CO₂e"; spec.height = 220; spec.decimals = r.total_kgco2e < 100 ? 1 : 0;
  chart::bar_chart("food_month_bars", months, std::span<const chart::BarSeries>(&sm, 1), spec);
  ImGui::TextUnformatted(t(l, "dash.food.top"));
  static std::vector<const char*> top_names;
  static std::vector<double> top_co2;
  top_names.clear(); top_co2.clear();
  double rest = r.total_kgco2e;
  for (const auto& c : r.top) { top_names.push_back(contributor_name(l, c)); top_co2.push_back(c.kgco2e); rest -= c.kgco2e; }
  if (rest > 0.05) { top_names.push_back(t(l, "viz.other")); top_co2.push_back(rest); }   // the donut adds up to the total
  chart::DonutSpec ds;
  ds.lang = l; ds.unit = "kg CO₂e"; ds.size = 170;
  ds.decimals = r.total_kgco2e < 100 ? 1 : 0;   // a few receipts: "0,4 kg", not "0 kg"
  chart::donut("food_top_donut", top_names, top_co2, ds);
  if (!r.swaps.empty()) {
    ImGui::TextUnformatted(t(l, "dash.food.swaps"));
    for (size_t i = 0; i < r.swaps.size() && i < 3; i++) {
      const auto& sw = r.swaps[i];
      ImGui::BulletText("%s → %s (%s kg)%s%s %s kg CO₂e", food_name(l, sw.from), food_name(l, sw.to), format_number(l, sw.kg, 1).c_str(),
                        colon(l), t(l, "dash.food.saves"), format_number(l, sw.saved_kgco2e, 1).c_str());
    }
  }
  // The user corrects the mapping: each distinct unrecognised product gets a slug (or is left out).
  if (!r.unmapped.empty()) {
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ui::color_dim(), "%s", t(l, "dash.food.unmapped"));
    ImGui::PopTextWrapPos();
    std::vector<std::string> seen;
    const auto& factors = challenge::ademe_factors().food;
    for (size_t idx : r.unmapped) {
      if (idx >= g_food_products.size() || r.lines[idx].status == challenge::FoodStatus::NoWeight) continue;
      const std::string& product = g_food_products[idx];
      if (product.empty() || std::find(seen.begin(), seen.end(), product) != seen.end()) continue;
      seen.push_back(product);
      if (seen.size() > 8) break;
      ImGui::PushID(product.c_str());
      ImGui::SetNextItemWidth(220);
      if (ImGui::BeginCombo("##slug", t(l, "dash.food.pick"))) {
        for (const auto& f : factors)
          if (ImGui::Selectable(food_name(l, f.slug))) {
            g_food_opts.rules.insert(g_food_opts.rules.begin(), challenge::FoodRule{f.slug, {challenge::fold_label(product)}, std::nan("")});
            board("food")->dirty = true;
          }
        ImGui::EndCombo();
      }
      ImGui::SameLine();
      ImGui::TextUnformatted(product.c_str());
      ImGui::PopID();
    }
  }
  if (r.no_weight > 0) ImGui::TextColored(ui::color_dim(), "%s %s", format_count(l, r.no_weight).c_str(), t(l, "dash.food.no_weight"));
  if (draw_food_details(l, r, g_food_products, g_food_gtins, g_food_opts, board("food")->dirty))   // wasm/app_food_match.cpp
    platform::settings_changed(settings_json().dump());   // the assignments are kept with the encrypted workspace
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(ui::color_dim(), "%s", t(l, "dash.food.source"));
  ImGui::PopTextWrapPos();
}

// ---------------------------------------------------------------- budget (+ health)
const char* category_name(Lang l, const std::string& id) {
  const std::string key = "budget.cat." + id;
  return has_translation(key) ? t(l, key.c_str()) : id.c_str();
}

void compute_budget(const Columns& c) {
  const std::vector<int32_t> day = c.whole<int32_t>(0);
  auto label = c.views(1), cat = c.views(3), cur = c.views(4);
  challenge::TransactionsView v{day, label[0], c.num[2], cat[0], cur[0]};
  g_budget = challenge::budget_summary(v, g_budget_opts);
  g_budget_labels = c.text[1].v;
}

void compute_health(const Columns& c) {
  const std::vector<int32_t> day = c.whole<int32_t>(0);
  challenge::HealthView v{day, c.num[1], c.num[2]};
  g_health = challenge::health_summary(v);
}

void draw_budget(Lang l) {
  const auto& r = g_budget;
  // figures of the main currency; other currencies on their own line, never added (no invented rate)
  const std::string unit = r.currency.empty() || r.currency == "EUR" ? "€" : r.currency;
  {
    const auto h = challenge::budget_headline(r, l == Lang::Fr);
    ui::headline(l, "budget", h.sentence, h.yearly, h.comparison, h.note, h.method);
  }
  ImGui::Text("%s %s %s · %s %s %s · %s %s", format_number(l, r.income, 0).c_str(), unit.c_str(), t(l, "dash.budget.income"),
              format_number(l, r.spending, 0).c_str(), unit.c_str(), t(l, "dash.budget.spending"),
              format_count(l, g_budget_labels.size()).c_str(), t(l, "sql.rows"));
  for (size_t i = 1; i < r.by_currency.size(); i++)
    ImGui::TextColored(ui::color_dim(), "%s %s %s · %s %s %s", format_number(l, r.by_currency[i].income, 0).c_str(), r.by_currency[i].currency.c_str(),
                       t(l, "dash.budget.income"), format_number(l, r.by_currency[i].spending, 0).c_str(),
                       r.by_currency[i].currency.c_str(), t(l, "dash.budget.spending"));
  if (r.months.empty()) { ImGui::TextColored(ui::color_dim(), "%s", t(l, "viz.no_data")); return; }
  // Stacked bars: the 6 largest categories, the rest as "other".
  static std::vector<std::string> month_names;
  static std::vector<const char*> months;
  static std::vector<std::vector<double>> values;
  static std::vector<std::string> names;
  static std::vector<chart::BarSeries> series;
  month_names.clear(); months.clear(); values.clear(); names.clear(); series.clear();
  std::vector<std::string> keys;
  for (const auto& m : r.months) { keys.push_back(m.month); month_names.push_back(month_label(l, m.month)); }
  for (const auto& n : month_names) months.push_back(n.c_str());
  std::vector<std::string> top;
  for (const auto& c : r.by_category)
    if (top.size() < 6 && c.category != "other") top.push_back(c.category);
  values.assign(top.size() + 1, std::vector<double>(month_names.size(), 0.0));
  for (const auto& cm : r.by_month) {
    size_t mi = std::find(keys.begin(), keys.end(), cm.month) - keys.begin();
    size_t ci = std::find(top.begin(), top.end(), cm.category) - top.begin();
    if (mi < month_names.size()) values[ci][mi] += cm.eur;
  }
  for (const auto& c : top) names.push_back(category_name(l, c));
  names.push_back(category_name(l, "other"));
  for (size_t i = 0; i < values.size(); i++) series.push_back({names[i].c_str(), values[i], 0});
  ImGui::TextUnformatted(t(l, "dash.budget.per_month"));
  chart::BarChartSpec spec;
  spec.lang = l; spec.unit = unit.c_str(); spec.height = 240; spec.stacked = true; spec.decimals = 0;
  chart::bar_chart("budget_month", months, series, spec);
  spec.unit = "€";  // health records are in EUR
  if (g_health_present && !g_health.months.empty()) {
    static std::vector<std::string> hm_names;
    static std::vector<const char*> hm;
    static std::vector<double> paid, reimb, remaining;
    hm_names.clear(); hm.clear(); paid.clear(); reimb.clear(); remaining.clear();
    for (const auto& m : g_health.months) { hm_names.push_back(month_label(l, m.month)); reimb.push_back(m.reimbursed); remaining.push_back(m.remaining); }
    for (const auto& n : hm_names) hm.push_back(n.c_str());
    ImGui::Text("%s%s%s € %s · %s € %s · %s € %s", t(l, "dash.budget.health"), colon(l), format_number(l, g_health.paid, 2).c_str(),
                t(l, "dash.budget.paid"), format_number(l, g_health.reimbursed, 2).c_str(), t(l, "dash.budget.reimbursed"),
                format_number(l, g_health.remaining, 2).c_str(), t(l, "dash.budget.remaining"));
    chart::BarSeries hs[2] = {{t(l, "dash.budget.reimbursed"), reimb, 0xFF5FB36Eu}, {t(l, "dash.budget.remaining"), remaining, 0xFF4E6BE0u}};
    spec.height = 180; spec.decimals = 0;
    chart::bar_chart("health_month", hm, hs, spec);
  }
  // The user corrects categories: an uncategorised label gets one, for every transaction with that label.
  if (r.uncategorised > 0) {
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ui::color_dim(), "%s", t(l, "dash.budget.uncategorised"));
    ImGui::PopTextWrapPos();
    static const char* k_cats[] = {"groceries", "housing", "energy", "telecom", "transport", "health", "insurance",
                                   "restaurants", "leisure", "shopping", "cash", "taxes", "bank_fees", "savings"};
    std::vector<std::string> seen;
    for (size_t i = 0; i < r.tx_category.size() && i < g_budget_labels.size(); i++) {
      if (r.tx_category[i] != "other") continue;
      const std::string folded = challenge::fold_label(g_budget_labels[i]);
      if (folded.empty() || std::find(seen.begin(), seen.end(), folded) != seen.end()) continue;
      seen.push_back(folded);
      if (seen.size() > 8) break;
      ImGui::PushID(folded.c_str());
      ImGui::SetNextItemWidth(200);
      if (ImGui::BeginCombo("##cat", t(l, "dash.food.pick"))) {
        for (const char* c : k_cats)
          if (ImGui::Selectable(category_name(l, c))) {
            g_budget_opts.rules.insert(g_budget_opts.rules.begin(), challenge::LabelRule{c, {folded}});
            board("budget")->dirty = true;
          }
        ImGui::EndCombo();
      }
      ImGui::SameLine();
      ImGui::TextUnformatted(g_budget_labels[i].c_str());
      ImGui::PopID();
    }
  }
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(ui::color_dim(), "%s", t(l, "dash.budget.source"));
  ImGui::PopTextWrapPos();
}

// ---------------------------------------------------------------- digital footprint
void compute_footprint(const Columns& c) {
  const std::vector<int64_t> ts = c.whole<int64_t>(0);
  auto platform = c.views(1), kind = c.views(2);
  std::vector<int16_t> off(c.rows, challenge::k_no_offset);   // the offsets the export wrote (else Paris)
  for (size_t i = 0; i < c.rows && c.num.size() > 3; i++)
    if (!std::isnan(c.num[3][i])) off[i] = static_cast<int16_t>(c.num[3][i]);
  challenge::ActivityView v{ts, platform[0], kind[0], off};
  g_footprint = challenge::footprint_summary(v, 3);
}

void draw_footprint(Lang l) {
  const auto& r = g_footprint;
  const auto h = challenge::footprint_headline(r, l == Lang::Fr);
  ui::headline(l, "footprint", h.sentence, h.yearly, h.comparison, h.note, h.method);
  ImGui::Text("%s %s · %s %s", format_count(l, r.events).c_str(), t(l, "dash.footprint.events"), format_count(l, r.night_events).c_str(),
              t(l, "dash.footprint.night"));
  if (r.events == 0) { ImGui::TextColored(ui::color_dim(), "%s", t(l, "viz.no_data")); return; }
  static std::vector<const char*> hours;
  static char hour_labels[24][8];
  if (hours.empty())
    for (int h = 0; h < 24; h++) { std::snprintf(hour_labels[h], sizeof hour_labels[h], "%dh", h); hours.push_back(hour_labels[h]); }
  std::vector<double> by_hour(r.by_hour.begin(), r.by_hour.end());
  ImGui::TextUnformatted(t(l, "dash.footprint.per_hour"));
  chart::BarChartSpec spec;
  spec.lang = l; spec.unit = t(l, "dash.footprint.events"); spec.height = 190; spec.value_labels = false;
  chart::BarSeries sh{t(l, "dash.footprint.events"), by_hour, 0xFFD98A4Fu};
  chart::bar_chart("fp_hour", hours, std::span<const chart::BarSeries>(&sh, 1), spec);
  ImGui::TextUnformatted(t(l, "dash.footprint.per_weekday"));
  std::vector<const char*> days;
  for (int d = 0; d < 7; d++) days.push_back(weekday_abbrev(l, d));
  std::vector<double> by_day(r.by_weekday.begin(), r.by_weekday.end());
  chart::BarSeries sd{t(l, "dash.footprint.events"), by_day, 0};
  spec.height = 170; spec.value_labels = true;
  chart::bar_chart("fp_weekday", days, std::span<const chart::BarSeries>(&sd, 1), spec);
  ImGui::TextUnformatted(t(l, "dash.footprint.per_platform"));
  static std::vector<const char*> plat;
  static std::vector<double> plat_n;
  plat.clear(); plat_n.clear();
  for (const auto& p : r.by_platform) { plat.push_back(p.name.empty() ? "—" : p.name.c_str()); plat_n.push_back(static_cast<double>(p.count)); }
  chart::DonutSpec ds;
  ds.lang = l; ds.unit = t(l, "dash.footprint.events"); ds.size = 160;
  chart::donut("fp_platform_donut", plat, plat_n, ds);
  std::string busiest;
  for (const auto& h : r.busiest_hours) {
    if (!busiest.empty()) busiest += ", ";
    busiest += std::to_string(h.hour) + " h (" + format_count(l, h.count) + ")";
  }
  ImGui::Text("%s %s", t(l, "dash.footprint.busiest"), busiest.c_str());
  ImGui::PushTextWrapPos(0);
  ImGui::TextColored(ui::color_dim(), "%s", t(l, "dash.footprint.source"));
  ImGui::PopTextWrapPos();
}

// ---------------------------------------------------------------- figures as CSV
// The dashboard's figures as a small CSV (UTF-8 with BOM, ';' and decimal commas in French so a
// spreadsheet opens it right), the same numbers as on screen.
struct Csv {
  Lang l;
  std::string out = "\xEF\xBB\xBF";
  char sep() const { return l == Lang::Fr ? ';' : ','; }
  void cell(const std::string& s, bool last = false) {
    bool quote = s.find_first_of(";,\"\n") != std::string::npos;
    std::string v = s;
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) { v = "'" + v; }
    if (quote) {
      std::string q = "\"";
      for (char ch : v) { if (ch == '"') q += '"'; q += ch; }
      v = q + "\"";
    }
    out += v;
    out += last ? '\n' : sep();
  }
  void num(double x, int decimals, bool last = false) {
    if (std::isnan(x)) { cell("", last); return; }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
    std::string s = buf;
    if (l == Lang::Fr) for (char& ch : s) if (ch == '.') ch = ',';
    out += s;
    out += last ? '\n' : sep();
  }
};

std::string figures_csv(std::string_view id, Lang l) {
  Csv c{l};
  const bool fr = l == Lang::Fr;
  if (id == "mobility") {
    c.cell(fr ? "mode" : "mode"); c.cell("km"); c.cell(fr ? "trajets" : "trips"); c.cell("kg CO₂e", true);
    for (const auto& m : g_mob.by_mode) {
      c.cell(challenge::mode_label(m.mode, fr)); c.num(m.km, 3); c.num(static_cast<double>(m.trips), 0); c.num(m.kgco2e, 3, true);
    }
    // how it was computed, the carpooling method with it
    c.cell(fr ? "méthode" : "method"); c.cell(challenge::mobility_headline(g_mob, g_mob_opts, fr).method, true);
  } else if (id == "energy") {
    c.cell(fr ? "mois" : "month"); c.cell("kWh", true);
    for (const auto& m : g_energy.months) { c.cell(m.month); c.num(m.kwh, 3, true); }
    c.cell(fr ? "jour" : "day"); c.cell("kWh", true);
    for (const auto& d : g_energy.days) { c.cell(challenge::day_key(d.day)); c.num(d.kwh, 3, true); }
  } else if (id == "learning") {
    c.cell(fr ? "matière" : "subject"); c.cell("minutes", true);
    for (const auto& x : g_learning.by_course) { c.cell(x.name); c.num(x.seconds / 60, 1, true); }
    c.cell(fr ? "jour" : "day"); c.cell("minutes", true);
    for (const auto& d : g_learning.days) { c.cell(challenge::day_key(d.day)); c.num(d.seconds / 60, 1, true); }
  } else if (id == "food") {
    c.cell(fr ? "mois" : "month"); c.cell("kg"); c.cell("kg CO₂e"); c.cell(fr ? "lignes" : "lines", true);
    for (const auto& m : g_food.months) { c.cell(m.month); c.num(m.kg, 3); c.num(m.kgco2e, 3); c.num(static_cast<double>(m.lines), 0, true); }
    c.cell(fr ? "aliment" : "food"); c.cell("kg"); c.cell("kg CO₂e"); c.cell(fr ? "lignes" : "lines", true);
    for (const auto& x : g_food.top) { c.cell(contributor_name(l, x)); c.num(x.kg, 3); c.num(x.kgco2e, 3); c.num(static_cast<double>(x.lines), 0, true); }
  } else if (id == "budget") {
    const std::string cur = g_budget.currency.empty() ? "EUR" : g_budget.currency;  // main currency's figures only
    c.cell(fr ? "mois" : "month"); c.cell(fr ? "catégorie" : "category"); c.cell((fr ? "dépenses (" : "spending (") + cur + ")");
    c.cell(fr ? "opérations" : "transactions", true);
    for (const auto& m : g_budget.by_month) { c.cell(m.month); c.cell(category_name(l, m.category)); c.num(m.eur, 2); c.num(static_cast<double>(m.count), 0, true); }
    for (const auto& m : g_health.months) {
      c.cell(m.month); c.cell(fr ? "santé\u00A0: reste à charge" : "health: left to pay"); c.num(m.remaining, 2); c.num(static_cast<double>(m.records), 0, true);
    }
  } else if (id == "footprint") {
    c.cell(fr ? "jour" : "weekday");
    for (int h = 0; h < 24; h++) c.cell(std::to_string(h) + "h", h == 23);
    for (int d = 0; d < 7; d++) {
      c.cell(weekday_abbrev(l, d));
      for (int h = 0; h < 24; h++) c.num(static_cast<double>(g_footprint.by_weekday_hour[d][h]), 0, h == 23);
    }
  }
  return c.out;
}

// The stated answer of dashboard `id` from its last computed figures (the same sentence as on screen).
challenge::Headline headline_of(std::string_view id, Lang l) {
  const bool fr = l == Lang::Fr;
  if (id == "mobility") return challenge::mobility_headline(g_mob, g_mob_opts, fr);
  if (id == "energy") return challenge::energy_headline(g_energy, fr);
  if (id == "learning") return challenge::learning_headline(g_learning, fr);
  if (id == "food") return challenge::food_headline(g_food, g_food_days, fr);
  if (id == "budget") return challenge::budget_headline(g_budget, fr);
  if (id == "footprint") return challenge::footprint_headline(g_footprint, fr);
  return {};
}

// The dashboard's main chart alone as a picture people can keep or show (viz/svg.h): the stated answer as
// its title, what is measured and the period under it, the unit, the source. The same figures as on screen.
std::string chart_picture(std::string_view id, Lang l) {
  const bool fr = l == Lang::Fr;
  svg::BarPicture p;
  p.lang = l;
  std::vector<std::string> cats;
  std::vector<double> vals;
  const challenge::Headline h = headline_of(id, l);
  std::string what;
  if (id == "mobility") {
    for (const auto& m : g_mob.by_mode) { cats.push_back(challenge::mode_label(m.mode, fr)); vals.push_back(m.kgco2e); }
    what = fr ? "Émissions par mode de transport" : "Emissions by transport mode";
    p.unit = "kg CO₂e";
    p.decimals = 1;
    p.source = std::string(t(l, "dash.factors")) + " " + g_mob.source.name + " (" + g_mob.source.origin + ", " + t(l, "dash.data_of") +
               " " + g_mob.source.date + ")";
  } else if (id == "energy") {
    for (const auto& m : g_energy.months) { cats.push_back(month_label(l, m.month, h.period)); vals.push_back(m.kwh); }
    what = fr ? "Consommation d’électricité par mois" : "Electricity use by month";
    p.unit = "kWh";
    p.source = t(l, "dash.energy.source");
  } else if (id == "learning") {
    for (const auto& x : g_learning.by_course) { cats.push_back(x.name); vals.push_back(x.seconds / 60); }
    what = fr ? "Temps d’apprentissage par matière" : "Learning time by subject";
    p.unit = "min";
    p.source = fr ? "Traces xAPI de votre établissement (durées déclarées ou écarts entre activités)"
                  : "Your school’s xAPI traces (stated durations or gaps between activities)";
  } else if (id == "food") {
    for (const auto& x : g_food.top) { cats.push_back(contributor_name(l, x)); vals.push_back(x.kgco2e); }
    what = fr ? "Les aliments qui pèsent le plus" : "The foods that weigh most";
    p.unit = "kg CO₂e";
    p.decimals = 1;
    p.source = t(l, "dash.food.source");
  } else if (id == "budget") {
    for (const auto& c : g_budget.by_category) { cats.push_back(category_name(l, c.category)); vals.push_back(c.eur); }
    what = fr ? "Dépenses par catégorie" : "Spending by category";
    p.unit = g_budget.currency.empty() || g_budget.currency == "EUR" ? "€" : g_budget.currency;
    p.source = t(l, "dash.budget.source");
  } else if (id == "footprint") {
    for (int d = 0; d < 7; d++) { cats.push_back(weekday_abbrev(l, d)); vals.push_back(static_cast<double>(g_footprint.by_weekday[d])); }
    what = fr ? "Évènements datés par jour de la semaine" : "Dated events by day of the week";
    p.unit = fr ? "évènements" : "events";
    p.source = t(l, "dash.footprint.source");
  }
  p.title = h.sentence;
  p.subtitle = h.period.empty() ? what : what + " — " + challenge::period_text(h.period, fr);
  return svg::bar_chart(p, cats, vals);
}

void export_bar(const char* id, Lang l) {
  // file names in the person's language ("mobilite_chiffres.csv", "mobility_figures.csv")
  static const std::pair<const char*, const char*> k_fr[] = {{"mobility", "mobilite"}, {"energy", "energie"}, {"food", "alimentation"},
                                                            {"learning", "apprentissage"}, {"budget", "budget"}, {"footprint", "numerique"}};
  std::string name = id;
  if (l == Lang::Fr)
    for (const auto& [en, fr] : k_fr)
      if (name == en) name = fr;
  const std::string stem = name + (l == Lang::Fr ? "_chiffres" : "_figures");
  const bool csv = ImGui::SmallButton(t(l, "dash.export_csv"));
  if (ui::ax("dash.export_csv", t(l, "dash.export_csv")) || csv) {
    const std::string bytes = figures_csv(id, l);
    platform::save_bytes((stem + ".csv").c_str(), "text/csv;charset=utf-8", bytes);
  }
  record("dash.export_csv");
  ImGui::SameLine();
  const bool picture = ImGui::SmallButton(t(l, "dash.export_png"));
  if (ui::ax("dash.export_png", t(l, "dash.export_png")) || picture) platform::save_svg((name + (l == Lang::Fr ? "_graphique.svg" : "_chart.svg")).c_str(), chart_picture(id, l), true);
  record("dash.export_png");
}
}  // namespace

// "2024-10" -> "oct. 2024" / "Oct 2024" (axis labels in the UI language).
// A month only partly covered by the data gets " *" (the headline's note explains the star).
std::string month_label(Lang l, const std::string& key, const challenge::Period& covered) {
  if (key.size() != 7 || key[4] != '-') return key;
  const unsigned m = static_cast<unsigned>(std::atoi(key.c_str() + 5));
  if (m < 1 || m > 12) return key;
  return std::string(month_abbrev(l, m)) + " " + key.substr(0, 4) + (challenge::month_is_partial(key, covered) ? " *" : "");
}

bool on_columns(int request_id, Columns& answer) {
  if (reveal_ui::on_columns(request_id, answer)) return true;   // the reveal tab (wasm/app_reveal.cpp)
  if (energy_save_on_columns(request_id, answer)) return true;   // a dropped Tempo calendar (wasm/app_energy_save.cpp)
  Board* b = nullptr;
  for (auto& x : g_boards)
    if (x.request == request_id) b = &x;
  if (!b) return false;
  b->request = 0;
  b->data = std::move(answer);
  b->dirty = b->data.ok;
  return true;
}

namespace {
bool present(const Board& x, const std::vector<std::string>& views) { return std::find(views.begin(), views.end(), x.view) != views.end(); }
void fetch(Board& x, const std::string& sig) {   // new or changed sources: fetch again
  if (x.fetched_for != sig && x.request == 0) {
    x.fetched_for = sig;
    x.request = g_next_request++;
    platform::fetch_columns(x.request, x.sql);
  }
}
void compute(Board& b) {   // the figures, once per fetched data
  if (!b.dirty) return;
  b.dirty = false;
  const std::string_view sid(b.id);
  if (sid == "energy") compute_energy(b.data);
  else if (sid == "learning") compute_learning(b.data);
  else if (sid == "food") compute_food(b.data);
  else if (sid == "budget") compute_budget(b.data);
  else if (sid == "footprint") compute_footprint(b.data);
}
enum class Prep { Missing, Loading, Error, Ready };
// Fetches what dashboard `b` needs (again when the sources change) and computes its figures once the data
// is in. Mobility reads two boards: the trips exports give, and the raw positions of the files that gave
// none, segmented here by the core exactly as `workbench challenge mobility` does.
Prep prepare(Board& b, const std::vector<std::string>& views, const std::string& sig, std::string& error) {
  if (std::string_view(b.id) == "mobility") {
    Board& tr = *board("mob_trace");
    Board& tk = *board("mob_tracks");
    const bool has_trips = present(b, views), has_points = present(tr, views), has_tracks = !g_track_tables.empty();
    if (!has_trips && !has_points && !has_tracks) return Prep::Missing;
    tr.sql = trace_sql(has_trips);
    if (has_tracks) {
      tk.sql = g_tracks_sql.c_str();
      fetch(tk, sig + "|tracks:" + tk.sql);
    } else if (tk.data.has) { tk.data = {}; tk.dirty = true; tk.fetched_for.clear(); }
    if (has_tracks && !tk.data.has) return Prep::Loading;
    if (tk.data.has && !tk.data.ok) { error = tk.data.error; return Prep::Error; }
    if (has_trips) fetch(b, sig);
    else if (b.data.has) { b.data = {}; b.dirty = true; b.fetched_for.clear(); }
    if (has_points) fetch(tr, sig);
    else if (tr.data.has) { tr.data = {}; tr.dirty = true; tr.fetched_for.clear(); }
    if ((has_trips && !b.data.has) || (has_points && !tr.data.has)) return Prep::Loading;
    for (const Board* x : {&b, &tr})
      if (x->data.has && !x->data.ok) { error = x->data.error; return Prep::Error; }
    Board& ag = *board("mob_compare");   // a city's aggregate files, for the comparison (not waited for)
    if (*money::aggregate_sql()) {
      ag.sql = money::aggregate_sql();
      fetch(ag, sig + "|agg:" + ag.sql);
    } else if (ag.data.has) { ag.data = {}; ag.fetched_for.clear(); }
    Board& bu = *board("budget");   // the bank's statement, for the mobility budget (not waited for)
    if (present(bu, views)) fetch(bu, sig);
    else if (bu.data.has) { bu.data = {}; bu.dirty = true; bu.fetched_for.clear(); }
    if (b.dirty || tr.dirty || tk.dirty) {
      b.dirty = tr.dirty = tk.dirty = false;
      compute_mobility(has_trips ? &b.data : nullptr, has_points ? &tr.data : nullptr, has_tracks ? &tk.data : nullptr);
    }
    return Prep::Ready;
  }
  if (!present(b, views)) return Prep::Missing;
  fetch(b, sig);
  if (!b.data.has) return Prep::Loading;
  if (!b.data.ok) { error = b.data.error; return Prep::Error; }
  compute(b);
  return Prep::Ready;
}
}  // namespace

std::string answer(const char* id, Lang l, const std::vector<std::string>& views, uint64_t rows_total) {
  Board* b = board(id);
  std::string error;
  if (!b || prepare(*b, views, views_signature(views, rows_total), error) != Prep::Ready) return "";
  return headline_of(id, l).sentence;
}

void set_track_tables(std::vector<TrackTable> tables) {
  g_track_tables = std::move(tables);
  build_tracks_sql();
}
bool has_track_tables() { return !g_track_tables.empty(); }
bool is_track_table(const std::vector<std::string>& c, bool* kml) {
  auto has = [&](const char* n) { return std::find(c.begin(), c.end(), n) != c.end(); };
  const bool gpx = has("kind") && has("track") && has("seq") && has("time") && has("ele_m") && has("lat") && has("lon");
  const bool k = !gpx && has("placemark") && has("kind") && has("time") && has("alt_m") && has("lat") && has("lon");
  if (kml) *kml = k;
  return gpx || k;
}

bool has_tab(const char* id) { return std::string_view(id) == "reveal" || board(id) != nullptr; }

void draw_tab(const char* id, Lang l, const std::vector<std::string>& views, uint64_t rows_total, std::string& open_guide) {
  if (std::string_view(id) == "reveal") {   // its own file: wasm/app_reveal.cpp
    reveal_ui::draw_reveal(l, views, rows_total, record);
    return;
  }
  Board* b = board(id);
  if (!b) return;
  const std::string sig = views_signature(views, rows_total);
  std::string error;
  const Prep prep = prepare(*b, views, sig, error);
  if (prep == Prep::Missing) { missing(l, *b, open_guide); return; }
  const std::string_view sid(id);
  if (sid == "mobility")
    for (const char* extra : {"mob_points", "mob_visits"})
      if (Board* x = board(extra); present(*x, views)) fetch(*x, sig);
  if (sid == "energy") {
    energy_save_views(views, rows_total);   // a dropped Tempo calendar (wasm/app_energy_save.cpp)
    Board* gas = board("gas");
    fetch(*gas, sig);
    if (gas->data.ok && gas->dirty) { gas->dirty = false; compute_gas(gas->data); }
  }
  Board* health = board("health");
  g_health_present = sid == "budget" && present(*health, views);
  if (g_health_present) {
    fetch(*health, sig);
    if (health->data.ok && health->dirty) { health->dirty = false; compute_health(health->data); }
  }
  const bool refreshing = b->request || (sid == "mobility" && (board("mob_trace")->request || board("mob_tracks")->request));
  if (prep == Prep::Loading || refreshing) ImGui::TextColored(ui::color_dim(), "%s", t(l, "dash.loading"));
  if (prep == Prep::Loading) return;
  if (prep == Prep::Error) { ImGui::TextColored(ui::color_error(), "%s", error.c_str()); return; }
  export_bar(id, l);
  if (sid == "mobility") draw_mobility(l);
  else if (sid == "energy") draw_energy(l);
  else if (sid == "learning") draw_learning(l);
  else if (sid == "food") draw_food(l);
  else if (sid == "budget") draw_budget(l);
  else if (sid == "footprint") draw_footprint(l);
}

void set_rect_recorder(RectRecorder f) { g_record_rect = f; }

json settings_json() {
  return {{"mobility_corrections", challenge::format_corrections(g_mob_corrections)},
          {"mobility_rules", money::rules_text()},
          {"food_rules", challenge::export_product_rules_csv(g_food_opts.product_rules)}};
}

void apply_settings(const json& s) {
  if (s.is_object() && s.contains("mobility_corrections") && s["mobility_corrections"].is_string()) {
    g_mob_corrections = challenge::parse_corrections(s["mobility_corrections"].get<std::string>());
    board("mobility")->dirty = true;
  }
  if (s.is_object() && s.contains("mobility_rules") && s["mobility_rules"].is_string())
    money::set_rules_text(s["mobility_rules"].get<std::string>());
  if (s.is_object() && s.contains("food_rules") && s["food_rules"].is_string()) {
    g_food_opts.product_rules = challenge::import_product_rules_csv(s["food_rules"].get<std::string>());
    board("food")->dirty = true;
  }
}

json state_json() {
  json j;
  j["mobility"] = {{"km", g_mob.total_km}, {"kgco2e", g_mob.total_kgco2e}, {"trips", g_mob.trips.size()},
                   {"segmented_trips", g_mob_notes.trips}, {"segmented_km", g_mob_segmented_km}, {"traces", g_mob_notes.traces}, {"points", g_mob_notes.points},
                   {"corrections", g_mob_corrections.size()}};
  {
    json modes = json::array();
    for (const auto& t : g_mob_segments.trips) modes.push_back(challenge::mode_id(t.mode));
    j["mobility"]["rebuilt_modes"] = modes;
    int selected = -1;
    for (size_t i = 0; i < g_mob_segments.trips.size(); i++)
      if (g_mob_segments.trips[i].start_us == g_mob_selected) selected = int(i);
    j["mobility"]["selected_trip"] = selected;
    size_t drawn = 0;
    for (const TripLine& line : g_mob_lines) drawn += in_period(line.start_us);
    j["mobility"]["map_lines"] = drawn;
    // the timeline's plot area (CSS pixels, where a person drags) and the period chosen on it
    const float d = ui::dpr();
    j["mobility"]["timeline"] = {{"plot", {g_mob_tl.plot_x0 / d, g_mob_tl.plot_y0 / d, g_mob_tl.plot_x1 / d, g_mob_tl.plot_y1 / d}},
                                 {"t0", g_mob_tl.t0}, {"t1", g_mob_tl.t1}, {"selection", g_mob_tl.has_selection},
                                 {"sel_t0", g_mob_tl.sel_t0}, {"sel_t1", g_mob_tl.sel_t1}, {"trips", g_mob_tl_trips.size()}};
    json mark = nullptr;   // the trip picked in the list, marked on the timeline: [start, end] UTC seconds
    for (const TimelineTrip& t : g_mob_tl_trips)
      if (g_mob_selected >= 0 && t.start_us == g_mob_selected) mark = {double(t.start_us) / 1e6, double(t.end_us) / 1e6};
    j["mobility"]["timeline"]["mark"] = mark;
    json by = json::object();
    for (const auto& m : g_mob.by_mode) by[challenge::mode_id(m.mode)] = m.km;
    j["mobility"]["km_by_mode"] = by;
    j["mobility"].update(money::state_json(g_mob));
  }
  j["gas"] = {{"kwh", g_gas.total_kwh}, {"days", g_gas.days.size()}, {"m3", std::isnan(g_gas.total_m3) ? 0 : g_gas.total_m3},
              {"cost_eur", g_gas.total_cost_eur}};
  j["energy"] = {{"kwh", g_energy.total_kwh}, {"days", g_energy.days.size()}, {"base_load_w", std::isnan(g_energy.base_load_w) ? 0 : g_energy.base_load_w},
                 {"cost_eur", g_energy.total_cost_eur}, {"price_eur_kwh", g_energy_opts.tariff.base_eur_kwh}};
  j["learning"] = {{"actor", g_actor}, {"statements", g_learning.statements}, {"seconds", g_learning.total_seconds}};
  j["food"] = {{"lines", g_food.lines.size()}, {"mapped", g_food.mapped}, {"kg", g_food.total_kg}, {"kgco2e", g_food.total_kgco2e},
               {"unmapped", g_food.unmapped.size()}, {"rules", g_food_opts.rules.size()}, {"top", g_food.top.size()},
                 {"product_rules", g_food_opts.product_rules.size()}, {"lines_with_barcode", g_food.match.lines_with_barcode},
                 {"lines_by_barcode", g_food.match.lines_by_barcode}};
  j["budget"] = {{"income", g_budget.income}, {"spending", g_budget.spending}, {"months", g_budget.months.size()},
                 {"uncategorised", g_budget.uncategorised}, {"health_paid", g_health.paid}, {"health_reimbursed", g_health.reimbursed}};
  j["reveal"] = reveal_ui::state_json();
  j["footprint"] = {{"events", g_footprint.events}, {"night", g_footprint.night_events}, {"platforms", g_footprint.by_platform.size()}};
  return j;
}

}  // namespace sdw::dash
