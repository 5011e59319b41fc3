// Synthetic data and the demo window. The data is generated once, deterministically (a fixed LCG),
// so screenshots and the headless test see the same pictures every run.
#include "viz/demo_draw.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "imgui.h"
#include "parsers/core/values.h"
#include "viz/basemap.h"
#include "viz/chart_draw.h"
#include "viz/scale.h"

namespace sdw {

namespace {

constexpr double k_pi = 3.14159265358979323846;

struct Rng {
  uint32_t s;
  double uniform() { s = s * 1664525u + 1013904223u; return double(s >> 8) / double(1u << 24); }
  double normal() {   // Box–Muller
    const double u = std::max(1e-12, uniform()), v = uniform();
    return std::sqrt(-2 * std::log(u)) * std::cos(2 * k_pi * v);
  }
};

struct DemoData {
  // electricity, 2023, every 30 min
  std::vector<double> t, kw, kw_avg;
  std::vector<int32_t> days;
  std::vector<double> kwh_day;
  // one million 30-second readings (made on demand)
  std::vector<double> t_1m, kw_1m;
  // mobility
  std::vector<std::string> week_names;
  std::vector<const char*> week_labels;
  std::vector<std::vector<double>> km;   // [mode][week]
  std::vector<double> km_total;          // per mode
  std::vector<double> trip_km;
  // map
  std::vector<std::vector<double>> track_lon, track_lat;
  std::vector<int> track_mode;
  std::vector<double> visit_lon, visit_lat, visit_min;
  std::vector<double> dens_lon, dens_lat;
  bool dens_1m = false;
};

// Household power: base load, heating in winter, morning and evening peaks (local time).
double power_kw(double t, Rng& r) {
  const LocalTime lt = paris_local_time(t);
  const double h = lt.hour + lt.minute / 60.0;
  const double doy = (days_from_civil(lt.year, lt.month, lt.day) - days_from_civil(lt.year, 1, 1)) / 365.0;
  const double winter = 0.5 + 0.5 * std::cos(2 * k_pi * (doy - 0.03));
  double p = 0.25 + 1.6 * winter * (h < 6 ? 0.6 : 1.0);
  p += 0.9 * std::exp(-0.5 * std::pow((h - 7.5) / 0.8, 2)) + 1.4 * std::exp(-0.5 * std::pow((h - 19.5) / 1.5, 2));
  if (lt.weekday >= 5) p += 0.4 * std::exp(-0.5 * std::pow((h - 12.5) / 1.2, 2));
  p += 0.15 * r.normal();
  if (r.uniform() < 0.01) p += 2.5;   // kettle, oven
  return std::max(0.08, p);
}

void make_density(std::vector<double>& lon, std::vector<double>& lat, size_t n) {
  Rng r{99};
  lon.resize(n);
  lat.resize(n);
  const double cx[] = {-1.152, -1.170, -1.135, -1.195, -1.100}, cy[] = {46.159, 46.148, 46.168, 46.176, 46.150};
  const double sd[] = {0.004, 0.006, 0.003, 0.008, 0.012};
  for (size_t i = 0; i < n; i++) {
    const size_t k = size_t(r.uniform() * 5) % 5;
    lon[i] = cx[k] + r.normal() * sd[k] * 1.45;   // degrees of longitude are shorter at 46° N
    lat[i] = cy[k] + r.normal() * sd[k];
  }
}
void make_density(DemoData& d, size_t n) { make_density(d.dens_lon, d.dens_lat, n); }

DemoData& data() {
  static DemoData d;
  static bool ready = false;
  if (ready) return d;
  ready = true;
  Rng r{12345};
  // ---- electricity: local 2023-01-01 00:00 to 2024-01-01 00:00
  const double t0 = double(paris_midnight_utc(days_from_civil(2023, 1, 1)));
  const double t1 = double(paris_midnight_utc(days_from_civil(2024, 1, 1)));
  for (double t = t0; t < t1; t += 1800) {
    d.t.push_back(t);
    d.kw.push_back(power_kw(t, r));
  }
  // a three-day meter outage in June, shown as a gap
  const double gap0 = double(paris_midnight_utc(days_from_civil(2023, 6, 12)));
  for (size_t i = 0; i < d.t.size(); i++)
    if (d.t[i] >= gap0 && d.t[i] < gap0 + 3 * 86400) d.kw[i] = NAN;
  d.kw_avg.resize(d.kw.size());
  double acc = 0;
  int cnt = 0;
  for (size_t i = 0; i < d.kw.size(); i++) {   // trailing 24 h mean of what exists
    if (!std::isnan(d.kw[i])) { acc += d.kw[i]; cnt++; }
    if (i >= 48 && !std::isnan(d.kw[i - 48])) { acc -= d.kw[i - 48]; cnt--; }
    d.kw_avg[i] = cnt > 24 ? acc / cnt : NAN;
  }
  for (size_t i = 0; i < d.t.size(); i++) {
    if (std::isnan(d.kw[i])) continue;
    const LocalTime lt = paris_local_time(d.t[i]);
    const int32_t day = int32_t(days_from_civil(lt.year, lt.month, lt.day));
    d.days.push_back(day);
    d.kwh_day.push_back(d.kw[i] * 0.5);   // kW over 30 min -> kWh; calendar sums per day
  }
  // ---- mobility: 12 weeks, 5 modes
  const double base[] = {120, 35, 25, 40, 12};   // car, train, transit, bike, walk (km/week)
  d.km.assign(5, std::vector<double>(12));
  d.km_total.assign(5, 0);
  for (int w = 0; w < 12; w++) {
    d.week_names.push_back(std::string("S") + std::to_string(w + 10));
    for (int m = 0; m < 5; m++) {
      double v = base[m] * (0.6 + 0.8 * r.uniform());
      if (m == 1 && w % 4 != 2) v = 0;            // a train trip once a month
      if (m == 3) v *= 0.6 + 0.05 * w;            // cycling grows with spring
      d.km[size_t(m)][size_t(w)] = std::round(v);
      d.km_total[size_t(m)] += std::round(v);
    }
  }
  for (const auto& s : d.week_names) d.week_labels.push_back(s.c_str());
  for (int i = 0; i < 2000; i++) d.trip_km.push_back(std::exp(1.2 + 0.9 * r.normal()));
  // ---- map: tracks around La Rochelle (46.16 N, 1.15 W)
  {
    std::vector<double> lon, lat;   // bike loop around the old harbour
    for (int i = 0; i <= 1500; i++) {
      const double a = 2 * k_pi * i / 1500;
      lon.push_back(-1.152 + 0.018 * std::cos(a) + 0.002 * std::sin(7 * a) + 0.00002 * r.normal());
      lat.push_back(46.158 + 0.010 * std::sin(a) + 0.0015 * std::cos(5 * a) + 0.00001 * r.normal());
    }
    d.track_lon.push_back(lon); d.track_lat.push_back(lat); d.track_mode.push_back(3);
    lon.clear(); lat.clear();       // car to Île de Ré over the bridge
    for (int i = 0; i <= 800; i++) {
      const double u = i / 800.0;
      lon.push_back(-1.150 - 0.26 * u + 0.004 * std::sin(9 * u));
      lat.push_back(46.160 + 0.035 * u + 0.01 * std::sin(3 * k_pi * u));
    }
    d.track_lon.push_back(lon); d.track_lat.push_back(lat); d.track_mode.push_back(0);
    lon.clear(); lat.clear();       // walk in the old town
    for (int i = 0; i <= 300; i++) {
      const double u = i / 300.0;
      lon.push_back(-1.1535 + 0.006 * u + 0.0005 * std::sin(20 * u));
      lat.push_back(46.1590 + 0.003 * std::sin(2 * k_pi * u));
    }
    d.track_lon.push_back(lon); d.track_lat.push_back(lat); d.track_mode.push_back(4);
  }
  const double vlon[] = {-1.1515, -1.1440, -1.1700, -1.2100, -1.3600, -1.1380, -1.1600, -1.1250};
  const double vlat[] = {46.1580, 46.1620, 46.1500, 46.1700, 46.2000, 46.1500, 46.1680, 46.1550};
  const double vmin[] = {480, 95, 45, 30, 180, 20, 60, 15};
  d.visit_lon.assign(vlon, vlon + 8);
  d.visit_lat.assign(vlat, vlat + 8);
  d.visit_min.assign(vmin, vmin + 8);
  make_density(d, 200000);
  return d;
}

}  // namespace

DemoProbe g_probe;

const DemoProbe& viz_demo_probe() { return g_probe; }

// [SECTION] bench mode

namespace {

struct BenchData {
  int kind = 0;
  int64_t n = 0;
  bool decimate = true;
  int made_kind = 0;          // what the vectors below hold
  int64_t made_n = 0;
  std::vector<double> t, y;   // timeline
  std::vector<double> lon, lat;   // density
  chart::TimeView view;
  chart::MapState map;
};

BenchData& bench() {
  static BenchData b;
  return b;
}

// Cheap to make at 10M points: a daily cycle, a slow seasonal drift, noise and rare spikes (kW).
void make_bench_series(BenchData& b) {
  Rng r{2024};
  const size_t n = size_t(b.n);
  b.t.resize(n);
  b.y.resize(n);
  const double t0 = double(paris_midnight_utc(days_from_civil(2015, 1, 1)));
  for (size_t i = 0; i < n; i++) {
    const double t = t0 + 30.0 * double(i);
    b.t[i] = t;
    const double day = std::fmod(t, 86400.0) / 86400.0, year = t / (365.25 * 86400.0);
    double v = 0.9 + 0.7 * std::cos(2 * k_pi * year) + 0.6 * std::sin(2 * k_pi * (day - 0.3)) + 0.3 * r.uniform();
    if (r.uniform() < 0.002) v += 2.5;
    b.y[i] = std::max(0.08, v);
  }
}

void bench_window(Lang l, bool* open) {
  BenchData& b = bench();
  if (b.made_kind != b.kind || b.made_n != b.n) {
    std::vector<double>().swap(b.t);   // free the other kind's points first
    std::vector<double>().swap(b.y);
    std::vector<double>().swap(b.lon);
    std::vector<double>().swap(b.lat);
    if (b.kind == 1) make_bench_series(b);
    else make_density(b.lon, b.lat, size_t(b.n));
    b.made_kind = b.kind;
    b.made_n = b.n;
  }
  ImGui::SetNextWindowSize(ImVec2(1000, 560), ImGuiCond_Always);
  if (!ImGui::Begin(tr(l, "viz.demo.title"), open)) {
    ImGui::End();
    return;
  }
  g_probe.bench_kind = b.kind;
  g_probe.bench_n = b.n;
  g_probe.bench_decimate = b.decimate;
  if (b.kind == 1) {
    const chart::SeriesY s[] = {{tr(l, "viz.demo.consumption"), b.y, 0}};
    chart::TimeSeriesSpec spec;
    spec.lang = l;
    spec.unit = "kW";
    spec.height = 400;
    spec.decimation = b.decimate ? chart::Decimation::MinMax : chart::Decimation::None;
    chart::time_series("bench_timeline", b.t, s, spec, b.view);
    g_probe.drawn_points = b.view.drawn_points;
  } else {
    const Basemap& bm = shared_basemap();
    const auto base = chart::basemap_lines(bm);
    chart::MapSpec spec;
    spec.lang = l;
    if (!bm.empty()) spec.basemap = base;
    spec.density_lon = b.lon;
    spec.density_lat = b.lat;
    chart::map_view("bench_map", spec, b.map);
    g_probe.drawn_points = b.map.drawn_points;
  }
  ImGui::End();
}

}  // namespace

void viz_demo_set_bench(int kind, int64_t n, bool decimate) {
  BenchData& b = bench();
  kind = kind == 1 || kind == 2 ? kind : 0;
  n = std::max<int64_t>(0, n);
  if (kind != b.kind || n != b.n || decimate != b.decimate) {
    b.view = chart::TimeView{};   // fit the new data
    b.map = chart::MapState{};
  }
  b.kind = kind;
  b.n = n;
  b.decimate = decimate;
  g_probe.bench_kind = kind;
  g_probe.bench_n = n;
  g_probe.bench_decimate = decimate;
  g_probe.drawn_points = 0;
  if (kind == 0) {   // back to the normal demo: give the memory back to the allocator
    b.made_kind = 0;
    b.made_n = 0;
    std::vector<double>().swap(b.t);
    std::vector<double>().swap(b.y);
    std::vector<double>().swap(b.lon);
    std::vector<double>().swap(b.lat);
  }
}

// [SECTION] demo window

void viz_demo_window(Lang l, bool* open) {
  if (bench().kind != 0) {
    bench_window(l, open);
    return;
  }
  ImGui::SetNextWindowSize(ImVec2(980, 720), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin(tr(l, "viz.demo.title"), open)) {
    ImGui::End();
    return;
  }
  DemoData& d = data();

  // ---- electricity timeline
  static chart::TimeView power_view;
  static bool million = false;
  if (ImGui::CollapsingHeader(tr(l, "viz.demo.power"), ImGuiTreeNodeFlags_DefaultOpen)) {
    const chart::SeriesY s[] = {{tr(l, "viz.demo.consumption"), d.kw, 0}, {tr(l, "viz.demo.rolling"), d.kw_avg, 0}};
    chart::TimeSeriesSpec spec;
    spec.lang = l;
    spec.unit = "kW";
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    chart::time_series("power", d.t, s, spec, power_view);
    g_probe = {power_view.t0, power_view.t1, p0.x, p0.y, p0.x + w, p0.y + spec.height};
    g_probe.drawn_points = power_view.drawn_points;
    ImGui::TextDisabled("%s", tr(l, "viz.hint.timeline"));
    if (power_view.has_selection) {
      ImGui::SameLine();
      ImGui::Text("· %s : %s → %s", tr(l, "viz.selection"), format_local_datetime(l, power_view.sel_t0).c_str(),
                  format_local_datetime(l, power_view.sel_t1).c_str());
    }
    ImGui::Checkbox(tr(l, "viz.demo.million_toggle"), &million);
    if (million) {
      if (d.t_1m.empty()) {
        Rng r{7};
        const double t0 = d.t.front();
        d.t_1m.resize(1000000);
        d.kw_1m.resize(1000000);
        for (size_t i = 0; i < d.t_1m.size(); i++) {
          d.t_1m[i] = t0 + 30.0 * double(i);
          d.kw_1m[i] = power_kw(d.t_1m[i], r);
        }
      }
      static chart::TimeView v1m;
      const chart::SeriesY s1[] = {{tr(l, "viz.demo.million"), d.kw_1m, 0}};
      chart::TimeSeriesSpec spec1;
      spec1.lang = l;
      spec1.unit = "kW";
      spec1.height = 220;
      chart::time_series("million", d.t_1m, s1, spec1, v1m);
    }
  }

  // ---- calendar
  if (ImGui::CollapsingHeader(tr(l, "viz.demo.calendar"), ImGuiTreeNodeFlags_DefaultOpen)) {
    chart::CalendarSpec spec;
    spec.lang = l;
    spec.unit = "kWh";
    chart::calendar_heatmap("calendar", d.days, d.kwh_day, spec);
  }

  // ---- mobility categories
  static bool stacked = true;
  const char* modes[] = {tr(l, "viz.mode.car"), tr(l, "viz.mode.train"), tr(l, "viz.mode.transit"),
                         tr(l, "viz.mode.bike"), tr(l, "viz.mode.walk")};
  // tr() returns stable pointers into the table, so the array above stays valid for this frame.
  if (ImGui::CollapsingHeader(tr(l, "viz.demo.km_week"), ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::Checkbox(tr(l, "viz.demo.stacked"), &stacked);
    chart::BarSeries bs[5];
    for (int m = 0; m < 5; m++) bs[m] = {modes[m], d.km[size_t(m)], 0};
    chart::BarChartSpec spec;
    spec.lang = l;
    spec.unit = "km";
    spec.stacked = stacked;
    spec.value_labels = stacked;
    chart::bar_chart("km_week", d.week_labels, bs, spec);
  }
  if (ImGui::CollapsingHeader(tr(l, "viz.demo.km_share"), ImGuiTreeNodeFlags_DefaultOpen)) {
    chart::DonutSpec spec;
    spec.lang = l;
    spec.unit = "km";
    spec.center_label = tr(l, "viz.demo.total");
    chart::donut("km_share", modes, d.km_total, spec);
  }
  if (ImGui::CollapsingHeader(tr(l, "viz.demo.hist"), ImGuiTreeNodeFlags_DefaultOpen)) {
    chart::HistogramSpec spec;
    spec.lang = l;
    spec.unit = "km";
    spec.count_label = tr(l, "viz.demo.trips");
    spec.bins = 30;
    chart::histogram("trips", d.trip_km, spec);
  }

  // ---- map
  static chart::MapState map_state;
  static bool dens_1m = false;
  if (ImGui::CollapsingHeader(tr(l, "viz.demo.map"), ImGuiTreeNodeFlags_DefaultOpen)) {
    if (ImGui::Checkbox(tr(l, "viz.demo.density_toggle"), &dens_1m)) make_density(d, dens_1m ? 1000000 : 200000);
    std::vector<chart::MapPolyline> tracks;   // three spans: not proportional to the points
    for (size_t i = 0; i < d.track_lon.size(); i++) tracks.push_back({d.track_lon[i], d.track_lat[i], d.track_mode[i]});
    const Basemap& bm = shared_basemap();
    const auto base = chart::basemap_lines(bm);
    chart::MapSpec spec;
    spec.lang = l;
    if (!bm.empty()) spec.basemap = base;
    spec.tracks = tracks;
    spec.category_labels = std::span<const char* const>(modes, 5);
    spec.circle_lon = d.visit_lon;
    spec.circle_lat = d.visit_lat;
    spec.circle_value = d.visit_min;
    spec.circle_label = tr(l, "viz.demo.visits");
    spec.circle_unit = "min";
    spec.density_lon = d.dens_lon;
    spec.density_lat = d.dens_lat;
    chart::map_view("map", spec, map_state);
    ImGui::TextDisabled("%s", tr(l, "viz.hint.map"));
  }
  ImGui::End();
}

}  // namespace sdw
