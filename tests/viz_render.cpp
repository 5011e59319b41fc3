// Headless render test for viz/*_draw.cpp: an ImGui context with a fixed 1280×800 display and a built
// font atlas, no GPU and no backend. Renders the demo and every chart for 60 frames with synthetic mouse
// input, and checks what reaches the draw lists: bounded vertex counts at 1M points, zoom about the
// cursor, pan by drag, shift+drag brushing, legend toggles, map zoom.
// Not named *_test.cpp on purpose: the main `tests` executable does not link ImGui.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "imgui.h"
#include "parsers/core/values.h"
#include "viz/chart_draw.h"
#include "viz/color.h"
#include "viz/demo_draw.h"
#include "viz/projection.h"

using namespace sdw;

namespace {

constexpr float k_w = 1280, k_h = 800;

struct Gui {
  Gui() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(k_w, k_h);
    io.DeltaTime = 1.0f / 60.0f;
    io.IniFilename = nullptr;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;   // as the OpenGL3 backend does
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    io.MousePos = ImVec2(-1, -1);
  }
  ~Gui() { ImGui::DestroyContext(); }
};

struct Input {
  ImVec2 mouse{-FLT_MAX, -FLT_MAX};
  bool down = false;
  bool shift = false;
  bool ctrl = false;
  float wheel = 0;
};

// One frame with a full-screen window; `body` draws inside it. Returns the frame's total vertices.
int frame(const Input& in, const std::function<void()>& body) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = in.mouse;
  io.MouseDown[0] = in.down;
  io.KeyShift = in.shift;
  io.KeyCtrl = in.ctrl;
  io.MouseWheel = in.wheel;
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(k_w, k_h));
  ImGui::Begin("host", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  body();
  ImGui::End();
  ImGui::Render();
  return ImGui::GetDrawData()->TotalVtxCount;
}

// Vertices a call adds to the current window's draw list.
int vertices_of(const std::function<void()>& draw) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const int before = dl->VtxBuffer.Size;
  draw();
  return dl->VtxBuffer.Size - before;
}

struct Series {
  std::vector<double> t, y;
};
Series make_series(size_t n, double step_s) {
  Series s;
  s.t.resize(n);
  s.y.resize(n);
  uint32_t r = 1;
  const double t0 = double(days_from_civil(2023, 1, 1) * 86400);
  for (size_t i = 0; i < n; i++) {
    r = r * 1664525u + 1013904223u;
    s.t[i] = t0 + double(i) * step_s;
    s.y[i] = 1.5 + std::sin(double(i) * 6.283 / 2880.0) + double(r >> 8) / double(1u << 24);
  }
  return s;
}

// Vertices of one time_series call at frame 2 (frame 1 fits the view), all data visible.
int series_vertices(const Series& s, chart::Decimation d, int* points = nullptr) {
  chart::TimeView v;
  const chart::SeriesY ys[] = {{"kW", s.y, 0}};
  chart::TimeSeriesSpec spec;
  spec.decimation = d;
  spec.legend = false;
  int verts = 0;
  for (int f = 0; f < 2; f++) frame({}, [&] { verts = vertices_of([&] { chart::time_series("ts", s.t, ys, spec, v); }); });
  if (points) *points = v.drawn_points;
  return verts;
}

}  // namespace

TEST_CASE("viz render: the demo window draws 60 frames with wheel, drag and hover, in French and English") {
  Gui gui;
  for (Lang l : {Lang::Fr, Lang::En}) {
    int max_vtx = 0;
    for (int f = 0; f < 60; f++) {
      Input in;
      in.mouse = ImVec2(200.0f + f * 12.0f, 120.0f + (f % 20) * 25.0f);
      in.wheel = (f % 15 == 5) ? 1.0f : (f % 15 == 10 ? -1.0f : 0.0f);
      in.down = f >= 40 && f < 50;
      bool open = true;
      const int vtx = frame(in, [&] { viz_demo_window(l, &open); });
      max_vtx = std::max(max_vtx, vtx);
      CHECK(open);
    }
    CHECK(max_vtx > 5000);      // something real was drawn
    CHECK(max_vtx < 400000);    // and bounded (200k density points, 17 520 readings, 3 tracks)
    MESSAGE("demo max vertices per frame: " << max_vtx);
  }
}

TEST_CASE("viz render: time-series vertices stay flat from 10k to 1M points") {
  Gui gui;
  const Series s10k = make_series(10000, 30), s1m = make_series(1000000, 30), s100k = make_series(100000, 30);
  int p10k = 0, p1m = 0, p_raw = 0;
  const int v10k = series_vertices(s10k, chart::Decimation::MinMax, &p10k);
  const int v1m = series_vertices(s1m, chart::Decimation::MinMax, &p1m);
  const int v_lttb = series_vertices(s1m, chart::Decimation::Lttb);
  const int v_raw = series_vertices(s100k, chart::Decimation::None, &p_raw);
  MESSAGE("vertices: 10k M4 " << v10k << " (" << p10k << " pts), 1M M4 " << v1m << " (" << p1m << " pts), 1M LTTB "
                              << v_lttb << ", 100k undecimated " << v_raw << " (" << p_raw << " pts)");
  const int plot_w = int(k_w);
  CHECK(p1m <= 4 * (plot_w + 2));          // M4: at most 4 points per pixel column
  CHECK(v1m < 24 * plot_w);                // a bounded multiple of the width, whatever N
  CHECK(v1m < 2 * v10k + 2000);            // 100× the points, about the same drawing
  CHECK(v_lttb < 24 * plot_w);
  CHECK(v_raw > 10 * v1m);                 // the undecimated draw is what decimation saves
  CHECK(p_raw >= 100000);
}

TEST_CASE("viz render: wheel zooms about the cursor, drag pans, shift+drag brushes, double-click fits") {
  Gui gui;
  const Series s = make_series(1441, 60);   // one day, one reading a minute
  chart::TimeView v;
  const chart::SeriesY ys[] = {{"A", s.y, 0}, {"B", s.y, 0}};
  chart::TimeSeriesSpec spec;
  spec.unit = "kW";
  auto draw = [&] { chart::time_series("ts", s.t, ys, spec, v); };
  const ImVec2 at(400, 180);
  frame({}, draw);                                   // fits
  CHECK(v.t0 == s.t.front());
  CHECK(v.t1 == s.t.back());
  Input hover;
  hover.mouse = at;
  frame(hover, draw);
  frame(hover, draw);
  REQUIRE(!std::isnan(v.hover_t));
  const double anchor_before = v.hover_t;
  const double span0 = v.t1 - v.t0;
  Input wheel = hover;
  wheel.wheel = 1;
  frame(wheel, draw);                                // the plain wheel scrolls the page, the chart stays
  CHECK((v.t1 - v.t0) == doctest::Approx(span0));
  wheel.ctrl = true;                                 // Ctrl+wheel (or a pinch on a touchpad) zooms
  frame(wheel, draw);
  CHECK((v.t1 - v.t0) == doctest::Approx(span0 / 1.25));
  wheel.ctrl = false;
  frame(hover, draw);
  const double px = (v.t1 - v.t0) / 1100.0;         // seconds per pixel (plot is ~1100-1250 px wide)
  CHECK(std::fabs(v.hover_t - anchor_before) <= 1.5 * px + 60);   // same instant under the cursor
  // about the cursor, not the centre: the left edge moved by (anchor - t0) × (1 - 1/1.25)
  CHECK(v.t0 > s.t.front() + 0.05 * span0);

  // API zoom (pinch): exact factor about the anchor
  chart::TimeView z;
  z.t0 = 0;
  z.t1 = 1000;
  z.zoom(2, 250);
  CHECK(z.t0 == doctest::Approx(125));
  CHECK(z.t1 == doctest::Approx(625));
  z.zoom(0.5, 250);
  CHECK(z.t0 == doctest::Approx(0));
  CHECK(z.t1 == doctest::Approx(1000));

  // drag 100 px to the right: content follows, the range moves back in time by 100 px worth
  const double t0_before = v.t0, span = v.t1 - v.t0;
  Input drag = hover;
  drag.down = true;
  frame(drag, draw);
  for (int i = 1; i <= 10; i++) {
    drag.mouse.x = at.x + 10.0f * i;
    frame(drag, draw);
  }
  drag.down = false;
  frame(drag, draw);
  const double moved = t0_before - v.t0;
  CHECK(moved > span * 100 / 1260);
  CHECK(moved < span * 100 / 1050);
  CHECK((v.t1 - v.t0) == doctest::Approx(span));
  CHECK(!v.has_selection);

  // shift+drag 200 px: a selection, the view does not move
  const double t0_fixed = v.t0;
  Input brush;
  brush.mouse = ImVec2(300, 180);
  frame(brush, draw);
  brush.shift = true;
  brush.down = true;
  frame(brush, draw);
  for (int i = 1; i <= 10; i++) {
    brush.mouse.x = 300 + 20.0f * i;
    frame(brush, draw);
  }
  brush.down = false;
  frame(brush, draw);
  CHECK(v.t0 == t0_fixed);
  REQUIRE(v.has_selection);
  CHECK(v.sel_t1 - v.sel_t0 > span * 200 / 1260);
  CHECK(v.sel_t1 - v.sel_t0 < span * 200 / 1050);

  // double-click shows everything again
  Input click;
  click.mouse = ImVec2(500, 180);
  frame(click, draw);
  for (int i = 0; i < 2; i++) {
    click.down = true;
    frame(click, draw);
    click.down = false;
    frame(click, draw);
  }
  CHECK(v.t0 == s.t.front());
  CHECK(v.t1 == s.t.back());

  // zooming in stops at min_span_seconds
  Input in = hover;
  in.wheel = 10;
  for (int i = 0; i < 10; i++) frame(in, draw);
  CHECK((v.t1 - v.t0) == doctest::Approx(spec.min_span_seconds));
}

TEST_CASE("viz render: clicking a legend entry hides its series") {
  Gui gui;
  const Series s = make_series(2000, 60);
  chart::TimeView v;
  const chart::SeriesY ys[] = {{"Consommation", s.y, 0}, {"Moyenne", s.y, 0}};
  chart::TimeSeriesSpec spec;
  auto draw = [&] { chart::time_series("ts", s.t, ys, spec, v); };
  int pts_both = 0;
  Input in;
  for (int f = 0; f < 2; f++) frame(in, draw);
  pts_both = v.drawn_points;
  // the first legend entry starts at the plot's left edge, on the first line
  in.mouse = ImVec2(80, 10);
  frame(in, draw);
  in.down = true;
  frame(in, draw);
  in.down = false;
  frame(in, draw);
  CHECK((v.hidden & 1u) == 1u);
  CHECK(v.drawn_points < pts_both);
  CHECK(v.drawn_points > 0);
}

TEST_CASE("viz render: bars, donut, histogram and calendar for 60 frames with hover") {
  Gui gui;
  const char* cats[] = {"S10", "S11", "S12", "S13", "S14", "S15"};
  const std::vector<double> car{120, 80, 95, 130, 60, 70}, bike{10, 25, 30, 12, 40, 45};
  const chart::BarSeries bars[] = {{"Voiture", car, 0}, {"Vélo", bike, 0}};
  const char* modes[] = {"Voiture", "Vélo", "Marche"};
  const std::vector<double> shares{555, 162, 40};
  std::vector<double> trips(1000000);
  uint32_t r = 3;
  for (double& x : trips) {
    r = r * 1664525u + 1013904223u;
    x = std::exp(double(r >> 8) / double(1u << 24) * 4);
  }
  std::vector<int32_t> days;
  std::vector<double> kwh;
  for (int32_t d = int32_t(days_from_civil(2022, 3, 1)); d < int32_t(days_from_civil(2024, 11, 1)); d++) {
    days.push_back(d);
    kwh.push_back(8 + 6 * std::cos(d / 58.0));
  }
  int v_bar = 0, v_donut = 0, v_hist = 0, v_cal = 0, hovered_bar = -2;
  for (int f = 0; f < 60; f++) {
    Input in;
    in.mouse = ImVec2(100.0f + f * 18.0f, 40.0f + f * 12.0f);
    frame(in, [&] {
      chart::BarChartSpec bs;
      bs.unit = "km";
      bs.stacked = f % 2;
      v_bar = vertices_of([&] { chart::bar_chart("bars", cats, bars, bs, &hovered_bar); });
      chart::DonutSpec ds;
      ds.unit = "km";
      ds.center_label = "au total";
      v_donut = vertices_of([&] { chart::donut("donut", modes, shares, ds); });
      chart::HistogramSpec hs;
      hs.unit = "km";
      v_hist = vertices_of([&] { chart::histogram("hist", trips, hs); });
      chart::CalendarSpec cs;
      cs.unit = "kWh";
      v_cal = vertices_of([&] { chart::calendar_heatmap("cal", days, kwh, cs); });
    });
  }
  MESSAGE("vertices: bars " << v_bar << ", donut " << v_donut << ", histogram (1M values) " << v_hist << ", calendar (3 years) " << v_cal);
  CHECK(v_bar > 12 * 4);
  CHECK(v_donut > 100);
  CHECK(v_hist > 0);
  CHECK(v_hist < 20000);            // 1M values, but only bins reach the draw list
  CHECK(v_cal > 3 * 365 * 4);       // one rectangle per day at least
  CHECK(v_cal < 3 * 366 * 60);
}

// Filled rectangles of colour `col`, at least `min_w` pixels wide, among the vertices [from, to) of a draw list
// (AddRectFilled without rounding writes exactly 4 vertices per rectangle; the legend's rounded swatch is
// made of narrower pieces).
struct Rect {
  float x0, y0, x1, y1;
  float h() const { return y1 - y0; }
};
std::vector<Rect> rects_of(const ImDrawList* dl, int from, int to, ImU32 col, float min_w = 8) {
  std::vector<Rect> out;
  for (int i = from; i + 3 < to; i++) {
    if (dl->VtxBuffer[i].col != col) continue;
    Rect r{1e9f, 1e9f, -1e9f, -1e9f};
    for (int k = 0; k < 4; k++) {
      const ImVec2 p = dl->VtxBuffer[i + k].pos;
      r.x0 = std::min(r.x0, p.x);
      r.y0 = std::min(r.y0, p.y);
      r.x1 = std::max(r.x1, p.x);
      r.y1 = std::max(r.y1, p.y);
    }
    if (r.x1 - r.x0 >= min_w) out.push_back(r);
    i += 3;
  }
  return out;
}

TEST_CASE("viz render: bar heights and positions follow the data, grouped and stacked") {
  Gui gui;
  const char* cats[] = {"S10", "S11", "S12", "S13", "S14", "S15"};
  const std::vector<double> car{120, 80, 95, 130, 60, 70}, bike{10, 25, 30, 12, 40, 45};
  // colours no other element uses, to find each series' rectangles
  const ImU32 k_car = IM_COL32(200, 10, 20, 255), k_bike = IM_COL32(10, 20, 200, 255);
  const chart::BarSeries bars[] = {{"Voiture", car, k_car}, {"Vélo", bike, k_bike}};
  for (bool stacked : {false, true}) {
    CAPTURE(stacked);
    std::vector<Rect> rc, rb;
    frame(Input{}, [&] {
      chart::BarChartSpec bs;
      bs.unit = "km";
      bs.stacked = stacked;
      ImDrawList* dl = ImGui::GetWindowDrawList();
      const int from = dl->VtxBuffer.Size;
      chart::bar_chart("bars", cats, bars, bs);
      rc = rects_of(dl, from, dl->VtxBuffer.Size, k_car);
      rb = rects_of(dl, from, dl->VtxBuffer.Size, k_bike);
    });
    REQUIRE(rc.size() == 6);
    REQUIRE(rb.size() == 6);
    // pixels per km, from the tallest car bar (130 km in S13); every bar's height is its value at that scale
    const float px = rc[3].h() / 130.0f;
    CHECK(px > 0.3f);
    for (size_t i = 0; i < 6; i++) {
      CAPTURE(i);
      CHECK(rc[i].h() == doctest::Approx(car[i] * px).epsilon(0.01));
      CHECK(rb[i].h() == doctest::Approx(bike[i] * px).epsilon(0.02));
      if (i) CHECK(rc[i].x0 > rc[i - 1].x1);                  // categories left to right, in order
      if (stacked) {
        CHECK(rc[i].y1 == doctest::Approx(rc[0].y1));         // car on the common baseline
        CHECK(rb[i].y1 == doctest::Approx(rc[i].y0));         // bike on top of car
        CHECK(rb[i].x0 == doctest::Approx(rc[i].x0));         // same column
      } else {
        CHECK(rc[i].y1 == doctest::Approx(rc[0].y1));         // both on the baseline
        CHECK(rb[i].y1 == doctest::Approx(rc[0].y1));
        CHECK(rb[i].x0 >= rc[i].x1 - 0.01f);                  // bike to the right of car, same slot
        CHECK(rb[i].x0 < (i + 1 < 6 ? rc[i + 1].x0 : 1e9f));
      }
    }
    // equal slots: the distance between neighbouring categories is constant
    CHECK(rc[5].x0 - rc[4].x0 == doctest::Approx(rc[1].x0 - rc[0].x0).epsilon(0.01));
  }
}

TEST_CASE("viz render: donut slices span their share of the circle, clockwise from 12 o'clock") {
  Gui gui;
  const char* modes[] = {"Voiture", "Vélo", "Marche"};
  const std::vector<double> shares{555, 162, 40};
  // 555 / 757 × 360° = 263.94°, 162 / 757 × 360° = 77.04°, 40 / 757 × 360° = 19.02°
  const double want_deg[] = {263.94, 77.04, 19.02}, start_deg[] = {0, 263.94, 340.98};
  std::vector<double> angles[3];
  frame(Input{}, [&] {
    chart::DonutSpec ds;
    ds.size = 200;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const int from = dl->VtxBuffer.Size;
    chart::donut("donut", modes, shares, ds);
    const ImVec2 c(p0.x + 100, p0.y + 100);   // the ring's centre: size / 2 from the cursor
    const float r_out = 94, r_in = r_out * ds.inner_ratio;
    for (int v = from; v < dl->VtxBuffer.Size; v++)
      for (size_t i = 0; i < 3; i++) {
        if (dl->VtxBuffer[v].col != okabe_ito(i)) continue;
        const float dx = dl->VtxBuffer[v].pos.x - c.x, dy = dl->VtxBuffer[v].pos.y - c.y, d = std::sqrt(dx * dx + dy * dy);
        if (d < r_in - 2 || d > r_out + 2) continue;   // the legend's swatches are beside the ring
        double a = std::atan2(double(dx), double(-dy)) * 180 / 3.14159265358979;
        if (a < 0) a += 360;
        angles[i].push_back(a);
      }
  });
  for (size_t i = 0; i < 3; i++) {
    CAPTURE(i);
    REQUIRE(angles[i].size() >= 4);
    std::vector<double>& a = angles[i];
    std::sort(a.begin(), a.end());
    // the arc's extent: 360° minus the largest empty gap around the circle; its start: the angle after that gap
    double gap = a.front() + 360 - a.back(), start = a.front();
    for (size_t k = 1; k < a.size(); k++)
      if (a[k] - a[k - 1] > gap) {
        gap = a[k] - a[k - 1];
        start = a[k];
      }
    // a thick stroke's square ends lean by up to half an arc segment (360° / 96 / 2 = 1.9°) outwards at
    // both ends, symmetrically: the extent within 1.9°, the slice's middle within 0.5°
    const double extent = 360 - gap;
    CHECK(std::fabs(extent - want_deg[i]) < 1.9);
    const double mid = std::fmod(start + extent / 2 - (start_deg[i] + want_deg[i] / 2) + 720 + 180, 360) - 180;
    CHECK(std::fabs(mid) < 0.5);
  }
}

TEST_CASE("viz render: histogram bars stand on their bins with heights of their counts") {
  Gui gui;
  // 0.5 | 1.5 1.7 | - | 3.1 3.2 3.3 | 4.8 with about 5 bins: width 1 (4.3 / 5 = 0.86 -> 1), edges 0..5,
  // counts 1, 2, 0, 3, 1 (the empty bin draws nothing)
  const std::vector<double> v{0.5, 1.5, 1.7, 3.1, 3.2, 3.3, 4.8};
  const ImU32 k_col = IM_COL32(30, 160, 40, 255);
  std::vector<Rect> r;
  frame(Input{}, [&] {
    chart::HistogramSpec hs;
    hs.bins = 5;
    hs.color = k_col;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int from = dl->VtxBuffer.Size;
    chart::histogram("hist5", v, hs);
    r = rects_of(dl, from, dl->VtxBuffer.Size, k_col);
  });
  REQUIRE(r.size() == 4);
  const float px = r[3].h();          // one value's height (the last bin holds 1)
  CHECK(px > 10);
  CHECK(r[0].h() == doctest::Approx(1 * px).epsilon(0.01));
  CHECK(r[1].h() == doctest::Approx(2 * px).epsilon(0.01));
  CHECK(r[2].h() == doctest::Approx(3 * px).epsilon(0.01));
  for (const Rect& b : r) CHECK(b.y1 == doctest::Approx(r[0].y1));   // all on the axis
  const float slot = r[1].x0 - r[0].x0;  // bins 0 and 1 are neighbours
  CHECK(r[2].x0 - r[1].x0 == doctest::Approx(2 * slot).epsilon(0.01));   // bin 2 is empty: bin 3 two slots on
  CHECK(r[3].x0 - r[2].x0 == doctest::Approx(slot).epsilon(0.01));
}

TEST_CASE("viz render: map with a million density points stays bounded; zoom keeps the anchor") {
  Gui gui;
  std::vector<double> lon(1000000), lat(1000000);
  uint32_t r = 5;
  for (size_t i = 0; i < lon.size(); i++) {
    r = r * 1664525u + 1013904223u;
    const double a = double(r >> 8) / double(1u << 24);
    r = r * 1664525u + 1013904223u;
    const double b = double(r >> 8) / double(1u << 24);
    lon[i] = -1.15 + (a - 0.5) * 0.1;
    lat[i] = 46.16 + (b - 0.5) * 0.06;
  }
  std::vector<double> tlon, tlat;
  for (int i = 0; i < 200000; i++) {   // a long GPS track: 200k points on a small loop
    tlon.push_back(-1.15 + 0.02 * std::cos(i * 1e-3));
    tlat.push_back(46.16 + 0.012 * std::sin(i * 1e-3));
  }
  const chart::MapPolyline tracks[] = {{tlon, tlat, 3}};
  const std::vector<double> clon{-1.15, -1.16}, clat{46.16, 46.155}, cval{60, 15};
  chart::MapState st;
  chart::MapSpec spec;
  spec.tracks = tracks;
  spec.density_lon = lon;
  spec.density_lat = lat;
  spec.circle_lon = clon;
  spec.circle_lat = clat;
  spec.circle_value = cval;
  spec.circle_unit = "min";
  spec.height = 500;
  int verts = 0;
  auto draw = [&] { verts = vertices_of([&] { chart::map_view("map", spec, st); }); };
  int max_verts = 0;
  for (int f = 0; f < 60; f++) {
    Input in;
    in.mouse = ImVec2(300.0f + f * 10.0f, 250.0f);
    in.wheel = f == 20 ? 1.0f : 0.0f;
    in.ctrl = f == 20;
    frame(in, draw);
    max_verts = std::max(max_verts, verts);
  }
  const int cells = int(std::ceil(1264 / 5.0) * std::ceil(500 / 5.0));
  MESSAGE("map vertices per frame (1M density points + 200k-point track): " << max_verts << ", drawn points " << st.drawn_points);
  CHECK(max_verts < 4 * cells + 40000);
  CHECK(st.drawn_points < cells + 20000);   // the track was simplified to pixels, not 200k points
  CHECK(st.drawn_points > 100);

  // pinch/API zoom keeps the world point under the anchor
  const WorldPoint before = screen_to_world(st.view, st.viewport, {300, 200});
  const double ppu = st.view.pixels_per_unit;
  st.zoom(2.0, 300, 200);
  CHECK(st.view.pixels_per_unit == doctest::Approx(ppu * 2));
  const WorldPoint after = screen_to_world(st.view, st.viewport, {300, 200});
  CHECK(after.x == doctest::Approx(before.x).epsilon(1e-12));
  CHECK(after.y == doctest::Approx(before.y).epsilon(1e-12));
  // the wheel at frame 20 zoomed by 1.25 about the cursor
  chart::MapState w;
  Input in;
  in.mouse = ImVec2(400, 200);
  frame(in, [&] { chart::map_view("map2", spec, w); });
  const double ppu0 = w.view.pixels_per_unit;
  in.wheel = 1;
  frame(in, [&] { chart::map_view("map2", spec, w); });   // the plain wheel leaves the map (it scrolls the page)
  CHECK(w.view.pixels_per_unit == doctest::Approx(ppu0));
  in.ctrl = true;
  frame(in, [&] { chart::map_view("map2", spec, w); });
  CHECK(w.view.pixels_per_unit == doctest::Approx(ppu0 * 1.25));
  in.ctrl = false;
  in.wheel = 0;   // after a click on the map the plain wheel is the map's, until the pointer leaves it
  in.down = true;
  frame(in, [&] { chart::map_view("map2", spec, w); });
  in.down = false;
  frame(in, [&] { chart::map_view("map2", spec, w); });
  in.wheel = 1;
  frame(in, [&] { chart::map_view("map2", spec, w); });
  CHECK(w.view.pixels_per_unit == doctest::Approx(ppu0 * 1.25 * 1.25));
}

TEST_CASE("viz render: places on the map are named: the largest ones beside their circle, none over another") {
  Gui gui;
  const std::vector<double> lon = {-1.15, -0.60, -1.1501, 0.34}, lat = {46.16, 46.15, 46.1601, 46.58}, hours = {900, 200, 150, 40};
  const std::vector<std::string> names = {"Domicile", "Bureau, Périgny", "Boulangerie", "?"};
  chart::MapSpec spec;
  spec.circle_lon = lon;
  spec.circle_lat = lat;
  spec.circle_value = hours;
  spec.circle_unit = "h";
  chart::MapState st;
  auto glyphs = [&](bool named) {
    spec.circle_names = named ? std::span<const std::string>(names) : std::span<const std::string>();
    int v = 0;
    frame({}, [&] { v = vertices_of([&] { chart::map_view("named", spec, st); }); });
    return v;
  };
  glyphs(false);   // fits the view
  const int plain = glyphs(false), named = glyphs(true);
  MESSAGE("map vertices without names " << plain << ", with " << named);
  // "Domicile" and "Bureau, Périgny" are written (4 vertices a glyph, plus plates); "Boulangerie" sits on
  // top of Domicile (11 m away) and is left out; "?" is never written
  const int domicile = 8 * 4, bureau = 14 * 4, boulangerie = 11 * 4;
  CHECK(named - plain >= domicile + bureau);
  CHECK(named - plain < domicile + bureau + boulangerie + 40);
}

// [SECTION] optional screenshot: SDW_VIZ_PNG=out.png rasterises the demo frame in software (no GPU),
// so the charts can be looked at without a browser. Not an assertion; a tool for reviewing layouts.

namespace {

uint32_t crc32(const unsigned char* p, size_t n, uint32_t c = 0xFFFFFFFFu) {
  for (size_t i = 0; i < n; i++) {
    c ^= p[i];
    for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
  }
  return c;
}

// PNG with stored (uncompressed) deflate blocks: no zlib needed.
void write_png(const char* path, const std::vector<unsigned char>& rgb, int w, int h) {
  std::vector<unsigned char> raw;
  for (int y = 0; y < h; y++) {
    raw.push_back(0);
    raw.insert(raw.end(), rgb.begin() + size_t(y) * w * 3, rgb.begin() + size_t(y + 1) * w * 3);
  }
  std::vector<unsigned char> z{0x78, 0x01};
  uint32_t a = 1, b = 0;
  for (unsigned char c : raw) { a = (a + c) % 65521; b = (b + a) % 65521; }
  for (size_t off = 0; off < raw.size(); off += 65535) {
    const size_t len = std::min<size_t>(65535, raw.size() - off);
    z.push_back(off + len == raw.size() ? 1 : 0);
    z.push_back(len & 0xFF); z.push_back(len >> 8); z.push_back(~len & 0xFF); z.push_back((~len >> 8) & 0xFF);
    z.insert(z.end(), raw.begin() + off, raw.begin() + off + len);
  }
  const uint32_t adler = (b << 16) | a;
  for (int k = 3; k >= 0; k--) z.push_back((adler >> (8 * k)) & 0xFF);
  FILE* f = std::fopen(path, "wb");
  if (!f) return;
  auto chunk = [&](const char* type, const std::vector<unsigned char>& data) {
    unsigned char len[4] = {(unsigned char)(data.size() >> 24), (unsigned char)(data.size() >> 16), (unsigned char)(data.size() >> 8), (unsigned char)data.size()};
    std::fwrite(len, 1, 4, f);
    std::vector<unsigned char> td(type, type + 4);
    td.insert(td.end(), data.begin(), data.end());
    std::fwrite(td.data(), 1, td.size(), f);
    const uint32_t c = crc32(td.data(), td.size()) ^ 0xFFFFFFFFu;
    unsigned char cb[4] = {(unsigned char)(c >> 24), (unsigned char)(c >> 16), (unsigned char)(c >> 8), (unsigned char)c};
    std::fwrite(cb, 1, 4, f);
  };
  std::fwrite("\x89PNG\r\n\x1a\n", 1, 8, f);
  std::vector<unsigned char> ihdr{(unsigned char)(w >> 24), (unsigned char)(w >> 16), (unsigned char)(w >> 8), (unsigned char)w,
                                  (unsigned char)(h >> 24), (unsigned char)(h >> 16), (unsigned char)(h >> 8), (unsigned char)h, 8, 2, 0, 0, 0};
  chunk("IHDR", ihdr);
  chunk("IDAT", z);
  chunk("IEND", {});
  std::fclose(f);
}

// Triangle rasteriser for ImDrawData: vertex colours × font-atlas alpha, alpha blending, clip rects.
void rasterise(const ImDrawData* dd, std::vector<unsigned char>& rgb, int w, int h) {
  unsigned char* tex = nullptr;
  int tw = 0, th = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&tex, &tw, &th);
  std::vector<float> acc(size_t(w) * h * 3, 0.0f);
  for (int n = 0; n < dd->CmdListsCount; n++) {
    const ImDrawList* dl = dd->CmdLists[n];
    for (const ImDrawCmd& cmd : dl->CmdBuffer) {
      if (cmd.UserCallback) continue;
      for (unsigned e = 0; e + 2 < cmd.ElemCount; e += 3) {
        const ImDrawVert* v[3];
        for (int k = 0; k < 3; k++) v[k] = &dl->VtxBuffer[int(cmd.VtxOffset + dl->IdxBuffer[int(cmd.IdxOffset + e + k)])];
        const float x0 = std::max({cmd.ClipRect.x, 0.0f, std::min({v[0]->pos.x, v[1]->pos.x, v[2]->pos.x})});
        const float x1 = std::min({cmd.ClipRect.z, float(w), std::max({v[0]->pos.x, v[1]->pos.x, v[2]->pos.x})});
        const float y0 = std::max({cmd.ClipRect.y, 0.0f, std::min({v[0]->pos.y, v[1]->pos.y, v[2]->pos.y})});
        const float y1 = std::min({cmd.ClipRect.w, float(h), std::max({v[0]->pos.y, v[1]->pos.y, v[2]->pos.y})});
        const float area = (v[1]->pos.x - v[0]->pos.x) * (v[2]->pos.y - v[0]->pos.y) - (v[2]->pos.x - v[0]->pos.x) * (v[1]->pos.y - v[0]->pos.y);
        if (std::fabs(area) < 1e-6f) continue;
        for (int y = int(y0); y < int(std::ceil(y1)); y++) {
          for (int x = int(x0); x < int(std::ceil(x1)); x++) {
            const float px = x + 0.5f, py = y + 0.5f;
            float wgt[3];
            for (int k = 0; k < 3; k++) {
              const ImDrawVert* a = v[(k + 1) % 3];
              const ImDrawVert* b = v[(k + 2) % 3];
              wgt[k] = ((b->pos.x - a->pos.x) * (py - a->pos.y) - (px - a->pos.x) * (b->pos.y - a->pos.y)) / area;
            }
            if (wgt[0] < 0 || wgt[1] < 0 || wgt[2] < 0) continue;
            float col[4] = {0, 0, 0, 0}, u = 0, vv = 0;
            for (int k = 0; k < 3; k++) {
              const ImU32 c = v[k]->col;
              for (int ch = 0; ch < 4; ch++) col[ch] += wgt[k] * float((c >> (8 * ch)) & 0xFF) / 255.0f;
              u += wgt[k] * v[k]->uv.x;
              vv += wgt[k] * v[k]->uv.y;
            }
            const int tx = std::clamp(int(u * tw), 0, tw - 1), ty = std::clamp(int(vv * th), 0, th - 1);
            const float alpha = col[3] * tex[(size_t(ty) * tw + tx) * 4 + 3] / 255.0f;
            float* d = &acc[(size_t(y) * w + x) * 3];
            for (int ch = 0; ch < 3; ch++) d[ch] = d[ch] * (1 - alpha) + col[ch] * alpha;
          }
        }
      }
    }
  }
  rgb.resize(acc.size());
  for (size_t i = 0; i < acc.size(); i++) rgb[i] = (unsigned char)std::clamp(int(acc[i] * 255 + 0.5f), 0, 255);
}

}  // namespace

TEST_CASE("viz render: screenshot of the demo (only with SDW_VIZ_PNG)") {
  const char* out = std::getenv("SDW_VIZ_PNG");
  if (!out) return;
  const char* scroll = std::getenv("SDW_VIZ_SCROLL");
  const char* lang = std::getenv("SDW_VIZ_LANG");
  Gui gui;
  ImGui::GetStyle().AntiAliasedLinesUseTex = false;   // the rasteriser samples only the font alpha
  Input in;
  if (const char* m = std::getenv("SDW_VIZ_MOUSE")) std::sscanf(m, "%f,%f", &in.mouse.x, &in.mouse.y);
  for (int f = 0; f < 4; f++) {
    frame(in, [&] {
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImVec2(k_w, k_h));
      bool open = true;
      viz_demo_window(lang && std::string(lang) == "en" ? Lang::En : Lang::Fr, &open);
      if (scroll) { ImGui::Begin(tr(lang && std::string(lang) == "en" ? Lang::En : Lang::Fr, "viz.demo.title")); ImGui::SetScrollY(float(std::atof(scroll))); ImGui::End(); }
    });
  }
  std::vector<unsigned char> rgb;
  rasterise(ImGui::GetDrawData(), rgb, int(k_w), int(k_h));
  write_png(out, rgb, int(k_w), int(k_h));
}
