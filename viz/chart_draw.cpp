// Chart drawing on ImGui draw lists. Index:
//   [SECTION] shared helpers (colours, text, scratch buffers, caches)
//   [SECTION] time series
//   [SECTION] bar chart, donut, histogram
//   [SECTION] calendar heatmap
//   [SECTION] map
// Per-frame work proportional to N is limited to a linear scan of the visible points (decimation,
// density binning); what reaches the draw list is bounded by pixels. Buffers are file-level vectors
// whose capacity is kept between frames (ImGui runs on one thread).
#include "viz/chart_draw.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"   // SetItemUsingMouseWheel
#include "parsers/core/values.h"   // days_from_civil
#include "viz/bins.h"
#include "viz/color.h"
#include "viz/decimate.h"
#include "viz/scale.h"

namespace sdw::chart {

// [SECTION] shared helpers

namespace {

// The wheel zooms a chart only when the person means it: Ctrl held (browsers also send a touchpad pinch as
// Ctrl+wheel), or after a click on the chart until the pointer leaves it. Otherwise the wheel scrolls the
// page like everywhere else, so a long dashboard can be read with the wheel over its charts.
// Call right after the chart's item; true when this frame's wheel is the chart's.
bool wheel_zooms(bool hovered) {
  ImGuiStorage* st = ImGui::GetStateStorage();
  const ImGuiID engaged = ImGui::GetItemID() ^ 0x5EEDu;
  if (!hovered) { st->SetBool(engaged, false); return false; }
  if (ImGui::IsItemClicked(ImGuiMouseButton_Left) || ImGui::IsItemClicked(ImGuiMouseButton_Right)) st->SetBool(engaged, true);
  const bool zooms = ImGui::GetIO().KeyCtrl || st->GetBool(engaged);
  if (zooms) ImGui::SetItemUsingMouseWheel();   // the window under it does not scroll
  return zooms;
}


constexpr double k_pi = 3.14159265358979323846;

ImU32 text_col() { return ImGui::GetColorU32(ImGuiCol_Text); }
ImU32 dim_col() { return ImGui::GetColorU32(ImGuiCol_TextDisabled); }
ImU32 grid_col(float a = 0.35f) { return ImGui::GetColorU32(ImGuiCol_Border, a); }
ImU32 plot_bg() { return ImGui::GetColorU32(ImGuiCol_FrameBg, 0.5f); }

uint32_t series_color(uint32_t c, size_t i) { return c ? c : okabe_ito(i); }

float text_w(const std::string& s) { return ImGui::CalcTextSize(s.c_str()).x; }
float text_w(const char* s) { return ImGui::CalcTextSize(s).x; }

void text_at(ImDrawList* dl, ImVec2 p, ImU32 col, const std::string& s) { dl->AddText(p, col, s.c_str()); }

// Colour swatch + label, as legends and tooltips show them.
void swatch(ImDrawList* dl, ImVec2 p, uint32_t col, float size) {
  dl->AddRectFilled(p, ImVec2(p.x + size, p.y + size), col, 2.0f);
}

void tooltip_swatch_line(uint32_t col, const std::string& text) {
  const float h = ImGui::GetTextLineHeight();
  ImVec2 p = ImGui::GetCursorScreenPos();
  swatch(ImGui::GetWindowDrawList(), ImVec2(p.x, p.y + h * 0.15f), col, h * 0.7f);
  ImGui::Dummy(ImVec2(h, h));
  ImGui::SameLine();
  ImGui::TextUnformatted(text.c_str());
}

// Scratch buffers shared by all charts (one thread); capacity persists between frames.
std::vector<uint32_t> g_idx;
std::vector<ImVec2> g_pts;
std::vector<uint32_t> g_grid;

// Dear ImGui 1.86's AddPolyline takes 40 bytes a point on the stack (alloca) and emscripten's stack is 5 MB:
// a polyline past ~130 000 points overflowed it ("memory access out of bounds", the app dead). Long ones are
// drawn in pieces that share their end points.
void polyline(ImDrawList* dl, const ImVec2* pts, int n, ImU32 col, float thickness) {
  constexpr int k_piece = 16384;
  for (int a = 0; a + 1 < n; a += k_piece - 1) dl->AddPolyline(pts + a, std::min(k_piece, n - a), col, ImDrawFlags_None, thickness);
}

// Draws pts as polylines broken wherever a point is NaN.
int stroke_runs(ImDrawList* dl, const ImVec2* pts, int n, ImU32 col, float thickness) {
  int drawn = 0, start = 0;
  for (int i = 0; i <= n; i++) {
    if (i == n || std::isnan(pts[i].y)) {
      const int len = i - start;
      if (len >= 2) polyline(dl, pts + start, len, col, thickness);
      else if (len == 1) dl->AddCircleFilled(pts[start], thickness * 1.5f, col, 8);
      drawn += len;
      start = i + 1;
    }
  }
  return drawn;
}

// Y axis with nice ticks: grid lines across `plot`, labels right-aligned left of it.
void draw_y_axis(ImDrawList* dl, const ImRect& plot, const LinearTicks& ticks, const LinearScale& ys, Lang l) {
  const float h = ImGui::GetTextLineHeight();
  for (double v : ticks.values) {
    const float y = float(ys.map(v));
    dl->AddLine(ImVec2(plot.Min.x, y), ImVec2(plot.Max.x, y), grid_col(v == 0 ? 0.8f : 0.3f));
    const std::string s = format_tick(l, v, ticks.step);
    text_at(dl, ImVec2(plot.Min.x - 6 - text_w(s), y - h * 0.5f), dim_col(), s);
  }
}

float y_label_width(const LinearTicks& ticks, Lang l) {
  float w = 0;
  for (double v : ticks.values) w = std::max(w, text_w(format_tick(l, v, ticks.step)));
  return w;
}

// Category/tick labels centred on xs, thinned so none overlap.
void draw_x_labels(ImDrawList* dl, std::span<const double> xs, std::span<const std::string> labels,
                   std::span<const uint8_t> priority, float y, ImU32 col) {
  std::vector<double> widths(labels.size());
  for (size_t i = 0; i < labels.size(); i++) widths[i] = text_w(labels[i]);
  const auto keep = thin_labels(xs, widths, 8.0, priority);
  for (size_t i = 0; i < labels.size(); i++)
    if (keep[i]) text_at(dl, ImVec2(float(xs[i] - widths[i] * 0.5), y), col, labels[i]);
}

void no_data(ImDrawList* dl, const ImRect& r, Lang l) {
  const char* s = tr(l, "viz.no_data");
  const ImVec2 sz = ImGui::CalcTextSize(s);
  dl->AddText(ImVec2(r.GetCenter().x - sz.x * 0.5f, r.GetCenter().y - sz.y * 0.5f), dim_col(), s);
}

// Per-chart caches, dropped when a chart has not been drawn for a while.
template <class T>
struct Cache {
  struct Entry { T value; int last_frame = 0; };
  std::unordered_map<ImGuiID, Entry> map;
  T& get(ImGuiID id) {
    const int frame = ImGui::GetFrameCount();
    if (frame % 300 == 0) {
      for (auto it = map.begin(); it != map.end();) it = frame - it->second.last_frame > 600 ? map.erase(it) : ++it;
    }
    Entry& e = map[id];
    e.last_frame = frame;
    return e.value;
  }
};

// The last min/max decimation of a time series chart, reused while its view does not move.
struct DecCache {
  const double* t_ptr = nullptr;
  size_t n = 0;
  double t0 = 0, t1 = 0, y_lo = 0, y_hi = 0;
  int columns = 0;
  uint32_t hidden = 0;
  std::vector<const double*> y_ptr;
  std::vector<std::vector<uint32_t>> idx;
};
Cache<DecCache> g_dec;

// Mercator y of a latitude array, cached by (pointer, size): x is linear in longitude and needs none.
struct MercY { const double* ptr = nullptr; size_t size = 0; std::vector<double> y; };
Cache<MercY> g_merc;
const std::vector<double>& mercator_y(ImGuiID id, std::span<const double> lat) {
  MercY& m = g_merc.get(id);
  if (m.ptr != lat.data() || m.size != lat.size()) {
    m.ptr = lat.data();
    m.size = lat.size();
    m.y.resize(lat.size());
    for (size_t i = 0; i < lat.size(); i++) m.y[i] = std::isnan(lat[i]) ? NAN : mercator(0, lat[i]).y;
  }
  return m.y;
}

}  // namespace

// [SECTION] time series

void TimeView::zoom(double factor, double anchor_t) {
  if (!(factor > 0) || !valid()) return;
  t0 = anchor_t - (anchor_t - t0) / factor;
  t1 = anchor_t + (t1 - anchor_t) / factor;
}

void TimeView::pan(double dt_seconds) {
  t0 += dt_seconds;
  t1 += dt_seconds;
}

namespace {

int64_t local_days(const LocalTime& t) { return days_from_civil(t.year, t.month, t.day); }

// Per-series M4 indices, reused between frames.
std::vector<std::vector<uint32_t>> g_series_idx;

// Text under the tick labels giving the larger context ("lun. 27 mars 2023", "mars 2023", "2023").
std::string time_context(double t0, double t1, TimeStep step, Lang l) {
  const LocalTime a = paris_local_time(t0), b = paris_local_time(t1);
  switch (step.unit) {
    case TimeUnit::Second:
    case TimeUnit::Minute:
    case TimeUnit::Hour: {
      std::string s = format_local_date(l, local_days(a));
      if (a.year != b.year || a.month != b.month || a.day != b.day)
        s += " – " + format_local_date(l, local_days(b));
      return s;
    }
    case TimeUnit::Day:
    case TimeUnit::Week: {
      std::string s = std::string(month_abbrev(l, a.month)) + " " + std::to_string(a.year);
      if (a.year != b.year || a.month != b.month) s += " – " + std::string(month_abbrev(l, b.month)) + " " + std::to_string(b.year);
      return s;
    }
    case TimeUnit::Month:
      return a.year == b.year ? std::to_string(a.year) : std::to_string(a.year) + " – " + std::to_string(b.year);
    case TimeUnit::Year:
      return {};
  }
  return {};
}

}  // namespace

bool time_series(const char* id, std::span<const double> t, std::span<const SeriesY> series,
                 const TimeSeriesSpec& spec, TimeView& view) {
  ImGui::PushID(id);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImGuiIO& io = ImGui::GetIO();
  const Lang l = spec.lang;
  const float lh = ImGui::GetTextLineHeight();
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const float width = std::max(120.0f, ImGui::GetContentRegionAvail().x);
  const float height = std::max(120.0f, spec.height);
  const size_t n = t.size();
  bool changed = false;
  view.hover_t = NAN;
  view.drawn_points = 0;

  // Full data range and initial fit.
  double data_t0 = n ? t.front() : 0, data_t1 = n ? t.back() : 1;
  if (!(data_t1 > data_t0)) { data_t0 -= 1800; data_t1 += 1800; }
  if (!view.valid()) { view.t0 = data_t0; view.t1 = data_t1; }

  // Legend row, then the unit line, then the plot; x labels and the context line below.
  const float legend_h = spec.legend && !series.empty() ? lh + 6 : 0;
  const float top = legend_h + lh + 4;
  const float bottom = lh * 2 + 10;

  // Y range from what is visible: M4 keeps every column's extremes, so this is exact. The indices are
  // kept for drawing unless the interaction below moves the view.
  const int columns = std::max(1, int(width));
  const double dec_t0 = view.t0, dec_t1 = view.t1;
  if (g_series_idx.size() < series.size()) g_series_idx.resize(series.size());
  // A view that has not moved since the last frame (same data, range, width, hidden series) reuses the
  // last decimation: an idle chart costs the same at 10 million points as at 10 thousand; only zooming
  // and panning rescan the visible points.
  DecCache& dc = g_dec.get(ImGui::GetID("dec"));
  const bool same = dc.t_ptr == t.data() && dc.n == n && dc.t0 == view.t0 && dc.t1 == view.t1 && dc.columns == columns &&
                    dc.hidden == view.hidden && dc.idx.size() == series.size() &&
                    [&] { for (size_t s = 0; s < series.size(); s++) if (dc.y_ptr[s] != series[s].ys.data()) return false; return true; }();
  double y_lo = INFINITY, y_hi = -INFINITY;
  if (same) {
    for (size_t s = 0; s < series.size(); s++) g_series_idx[s] = dc.idx[s];
    y_lo = dc.y_lo;
    y_hi = dc.y_hi;
  } else {
    for (size_t s = 0; s < series.size(); s++) {
      g_series_idx[s].clear();
      if (view.hidden & (1u << (s & 31))) continue;
      const auto ys = series[s].ys.first(std::min(series[s].ys.size(), n));
      decimate_minmax(t.first(ys.size()), ys, view.t0, view.t1, columns, g_series_idx[s]);
      for (uint32_t i : g_series_idx[s]) {
        if (t[i] < view.t0 || t[i] > view.t1 || std::isnan(ys[i])) continue;
        y_lo = std::min(y_lo, ys[i]);
        y_hi = std::max(y_hi, ys[i]);
      }
    }
    dc.t_ptr = t.data(); dc.n = n; dc.t0 = view.t0; dc.t1 = view.t1; dc.columns = columns; dc.hidden = view.hidden;
    dc.y_ptr.assign(series.size(), nullptr);
    dc.idx.resize(series.size());
    for (size_t s = 0; s < series.size(); s++) { dc.y_ptr[s] = series[s].ys.data(); dc.idx[s] = g_series_idx[s]; }
    dc.y_lo = y_lo;
    dc.y_hi = y_hi;
  }
  const bool any = y_lo <= y_hi;
  if (!any) { y_lo = 0; y_hi = 1; }
  if (spec.y_from_zero && y_lo >= 0) y_lo = 0;
  const int y_target = std::max(2, int((height - top - bottom) / (lh * 2.5f)));
  nice_domain(y_lo, y_hi, y_target);
  const LinearTicks yt = linear_ticks(y_lo, y_hi, y_target);

  const float left = y_label_width(yt, l) + 12;
  const ImRect plot(ImVec2(p0.x + left, p0.y + top), ImVec2(p0.x + width - 8, p0.y + height - bottom));
  const float plot_w = plot.GetWidth();
  view.plot_x0 = plot.Min.x; view.plot_y0 = plot.Min.y; view.plot_x1 = plot.Max.x; view.plot_y1 = plot.Max.y;
  LinearScale xs{view.t0, view.t1, plot.Min.x, plot.Max.x};
  const LinearScale ys{y_lo, y_hi, plot.Max.y, plot.Min.y};

  // ---- interaction
  ImGui::SetCursorScreenPos(plot.Min);
  ImGui::InvisibleButton("plot", plot.GetSize(), ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  const double mouse_t = xs.invert(io.MousePos.x);
  if (wheel_zooms(hovered) && io.MouseWheel != 0) {
    view.zoom(std::pow(1.25, double(io.MouseWheel)), mouse_t);
    changed = true;
  }
  if (ImGui::IsItemActivated() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    view.brushing = io.KeyShift;
    view.brush_anchor = mouse_t;
  }
  if (active && ImGui::IsMouseDown(ImGuiMouseButton_Left) && io.MouseDelta.x != 0) {
    if (view.brushing) {
      view.has_selection = true;
      view.sel_t0 = std::min(view.brush_anchor, mouse_t);
      view.sel_t1 = std::max(view.brush_anchor, mouse_t);
    } else {
      view.pan(-double(io.MouseDelta.x) * (view.t1 - view.t0) / plot_w);
    }
    changed = true;
  }
  if (ImGui::IsItemDeactivated()) view.brushing = false;
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    view.t0 = data_t0;
    view.t1 = data_t1;
    changed = true;
  }
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right) && view.has_selection) {
    view.has_selection = false;
    changed = true;
  }
  // Limits: not finer than min_span, not wider than 1.5× the data.
  {
    const double span = view.t1 - view.t0, c = (view.t0 + view.t1) * 0.5;
    const double max_span = std::max(spec.min_span_seconds, (data_t1 - data_t0) * 1.5);
    if (span < spec.min_span_seconds) { view.t0 = c - spec.min_span_seconds / 2; view.t1 = c + spec.min_span_seconds / 2; }
    if (span > max_span) { view.t0 = c - max_span / 2; view.t1 = c + max_span / 2; }
    xs = LinearScale{view.t0, view.t1, plot.Min.x, plot.Max.x};
  }

  // ---- axes and grid
  dl->AddRectFilled(plot.Min, plot.Max, plot_bg());
  draw_y_axis(dl, plot, yt, ys, l);
  if (spec.unit && *spec.unit) text_at(dl, ImVec2(p0.x, plot.Min.y - lh - 2), dim_col(), spec.unit);
  const float char_w = ImGui::CalcTextSize("0123456789").x / 10.0f;
  const TimeStep step = choose_time_step(view.t1 - view.t0, plot_w, char_w);
  const auto ticks = time_ticks(view.t0, view.t1, step, l);
  {
    std::vector<double> centers;
    std::vector<std::string> labels;
    std::vector<uint8_t> prio;
    for (const auto& tk : ticks) {
      const float x = float(xs.map(tk.t));
      dl->AddLine(ImVec2(x, plot.Min.y), ImVec2(x, plot.Max.y), grid_col(tk.major ? 0.6f : 0.25f));
      dl->AddLine(ImVec2(x, plot.Max.y), ImVec2(x, plot.Max.y + 4), dim_col());
      centers.push_back(x);
      labels.push_back(tk.label);
      prio.push_back(tk.major ? 1 : 0);
    }
    draw_x_labels(dl, centers, labels, prio, plot.Max.y + 5, text_col());
    const std::string ctx = time_context(view.t0, view.t1, step, l);
    if (!ctx.empty()) text_at(dl, ImVec2(plot.Min.x, plot.Max.y + lh + 8), dim_col(), ctx);
  }

  // ---- selection band
  dl->PushClipRect(plot.Min, plot.Max, true);
  if (view.has_selection) {
    const float a = float(xs.map(view.sel_t0)), b = float(xs.map(view.sel_t1));
    dl->AddRectFilled(ImVec2(a, plot.Min.y), ImVec2(b, plot.Max.y), ImGui::GetColorU32(ImGuiCol_TextSelectedBg));
    dl->AddLine(ImVec2(a, plot.Min.y), ImVec2(a, plot.Max.y), ImGui::GetColorU32(ImGuiCol_PlotHistogram));
    dl->AddLine(ImVec2(b, plot.Min.y), ImVec2(b, plot.Max.y), ImGui::GetColorU32(ImGuiCol_PlotHistogram));
  }
  // ---- highlighted interval (the item selected elsewhere): at least 3 px wide, so a short one shows
  if (std::isfinite(spec.mark_t0)) {
    const float a = float(xs.map(spec.mark_t0));
    const float b = std::max(a + 3.0f, float(xs.map(std::isfinite(spec.mark_t1) ? spec.mark_t1 : spec.mark_t0)));
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_PlotLinesHovered);
    dl->AddRectFilled(ImVec2(a, plot.Min.y), ImVec2(b, plot.Max.y), with_alpha(ink, 70));
    dl->AddRect(ImVec2(a, plot.Min.y), ImVec2(b, plot.Max.y), ink, 0, 0, 1.5f);
  }

  // ---- series
  const bool moved = view.t0 != dec_t0 || view.t1 != dec_t1;
  for (size_t s = 0; s < series.size(); s++) {
    if (view.hidden & (1u << (s & 31))) continue;
    const auto ysd = series[s].ys.first(std::min(series[s].ys.size(), n));
    const auto ts = t.first(ysd.size());
    size_t base = 0;
    switch (spec.decimation) {
      case Decimation::MinMax:
        if (moved) decimate_minmax(ts, ysd, view.t0, view.t1, columns, g_idx);
        else g_idx.swap(g_series_idx[s]);   // swap, not copy: both keep their capacity
        break;
      case Decimation::Lttb: {
        auto [b, e] = visible_range(ts, view.t0, view.t1);
        base = b;
        lttb(ts.subspan(b, e - b), ysd.subspan(b, e - b), size_t(columns) * 2, g_idx);
        break;
      }
      case Decimation::None: {
        auto [b, e] = visible_range(ts, view.t0, view.t1);
        g_idx.resize(e - b);
        for (size_t i = b; i < e; i++) g_idx[i - b] = uint32_t(i);
        break;
      }
    }
    g_pts.resize(g_idx.size());
    for (size_t k = 0; k < g_idx.size(); k++) {
      const size_t i = base + g_idx[k];
      g_pts[k] = ImVec2(float(xs.map(ts[i])), std::isnan(ysd[i]) ? NAN : float(ys.map(ysd[i])));
    }
    const ImU32 col = series_color(series[s].color, s);
    view.drawn_points += stroke_runs(dl, g_pts.data(), int(g_pts.size()), col, spec.line_thickness);
    // Sparse data: mark the readings themselves.
    if (g_pts.size() < size_t(plot_w / 10)) {
      for (const ImVec2& p : g_pts)
        if (!std::isnan(p.y)) dl->AddCircleFilled(p, 2.5f, col, 8);
    }
  }
  if (!any) no_data(dl, plot, l);

  // ---- hover: nearest instant, every series' exact value
  if (hovered && n > 0 && !(active && ImGui::IsMouseDragging(ImGuiMouseButton_Left))) {
    size_t i = size_t(std::lower_bound(t.begin(), t.end(), mouse_t) - t.begin());
    if (i == n || (i > 0 && mouse_t - t[i - 1] < t[i] - mouse_t)) i = i == 0 ? 0 : i - 1;
    const float x = float(xs.map(t[i]));
    if (std::fabs(x - io.MousePos.x) < std::max(24.0f, plot_w * 0.05f)) {
      view.hover_t = t[i];
      dl->AddLine(ImVec2(x, plot.Min.y), ImVec2(x, plot.Max.y), dim_col());
      ImGui::BeginTooltip();
      ImGui::TextUnformatted(format_local_datetime(l, t[i]).c_str());
      const int dec = spec.tooltip_decimals >= 0 ? spec.tooltip_decimals : std::min(3, yt.decimals + 1);
      for (size_t s = 0; s < series.size(); s++) {
        if ((view.hidden & (1u << (s & 31))) || i >= series[s].ys.size()) continue;
        const double v = series[s].ys[i];
        const ImU32 col = series_color(series[s].color, s);
        if (!std::isnan(v)) dl->AddCircleFilled(ImVec2(x, float(ys.map(v))), 4.0f, col, 12);
        std::string line = std::string(series[s].label) + " : ";
        if (l == Lang::En) line = std::string(series[s].label) + ": ";
        line += std::isnan(v) ? std::string(tr(l, "viz.no_data")) : format_value(l, v, dec, spec.unit ? spec.unit : "");
        tooltip_swatch_line(col, line);
      }
      ImGui::EndTooltip();
    }
  }
  dl->PopClipRect();
  dl->AddRect(plot.Min, plot.Max, grid_col(0.7f));

  // ---- legend (click toggles a series)
  if (legend_h > 0) {
    float x = plot.Min.x;
    const float y = p0.y + 2;
    for (size_t s = 0; s < series.size(); s++) {
      const bool hidden = view.hidden & (1u << (s & 31));
      const float w = lh + 4 + text_w(series[s].label);
      const ImRect r(ImVec2(x, y), ImVec2(x + w, y + lh));
      swatch(dl, ImVec2(x, y + lh * 0.15f), hidden ? with_alpha(series_color(series[s].color, s), 60) : series_color(series[s].color, s), lh * 0.7f);
      dl->AddText(ImVec2(x + lh + 4, y), hidden ? dim_col() : text_col(), series[s].label);
      if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(r.Min, r.Max) && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        view.hidden ^= 1u << (s & 31);
        changed = true;
      }
      x += w + 16;
    }
  }

  ImGui::SetCursorScreenPos(p0);
  ImGui::Dummy(ImVec2(width, height));
  ImGui::PopID();
  return changed;
}

// [SECTION] bar chart, donut, histogram

bool bar_chart(const char* id, std::span<const char* const> categories, std::span<const BarSeries> series,
               const BarChartSpec& spec, int* hovered_out) {
  ImGui::PushID(id);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Lang l = spec.lang;
  const float lh = ImGui::GetTextLineHeight();
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const float width = std::max(120.0f, ImGui::GetContentRegionAvail().x);
  const float height = std::max(100.0f, spec.height);
  const size_t nc = categories.size(), ns = series.size();
  auto value = [&](size_t s, size_t c) { return c < series[s].values.size() ? series[s].values[c] : NAN; };

  // value range
  double lo = 0, hi = 0;
  for (size_t c = 0; c < nc; c++) {
    double pos = 0, neg = 0;
    for (size_t s = 0; s < ns; s++) {
      const double v = value(s, c);
      if (std::isnan(v)) continue;
      if (spec.stacked) (v >= 0 ? pos : neg) += v;
      else { hi = std::max(hi, v); lo = std::min(lo, v); }
    }
    if (spec.stacked) { hi = std::max(hi, pos); lo = std::min(lo, neg); }
  }
  const float legend_h = ns > 1 ? lh + 6 : 0;
  const float top = legend_h + lh + 4 + (spec.value_labels ? lh : 0);
  // Category labels on one row when they fit their slots, else on two staggered rows.
  float widest = 0;
  for (size_t c = 0; c < nc; c++) widest = std::max(widest, text_w(categories[c]));
  const float est_slot = nc ? (width - 70) / float(nc) : width;
  const int label_rows = nc > 1 && widest + 8 > est_slot ? 2 : 1;
  const float bottom = lh * float(label_rows) + 8;
  const int y_target = std::max(2, int((height - top - bottom) / (lh * 2.5f)));
  if (hi == lo) hi = lo + 1;
  nice_domain(lo, hi, y_target);
  const LinearTicks yt = linear_ticks(lo, hi, y_target);
  const float left = y_label_width(yt, l) + 12;
  const ImRect plot(ImVec2(p0.x + left, p0.y + top), ImVec2(p0.x + width - 8, p0.y + height - bottom));
  const LinearScale ys{lo, hi, plot.Max.y, plot.Min.y};

  ImGui::SetCursorScreenPos(plot.Min);
  ImGui::InvisibleButton("plot", plot.GetSize());
  const bool hovered = ImGui::IsItemHovered();
  const bool clicked = ImGui::IsItemClicked();

  dl->AddRectFilled(plot.Min, plot.Max, plot_bg());
  draw_y_axis(dl, plot, yt, ys, l);
  if (spec.unit && *spec.unit) text_at(dl, ImVec2(p0.x, p0.y + legend_h), dim_col(), spec.unit);

  const float slot = nc ? plot.GetWidth() / float(nc) : plot.GetWidth();
  int hover_c = -1;
  if (hovered && nc) hover_c = std::clamp(int((ImGui::GetIO().MousePos.x - plot.Min.x) / slot), 0, int(nc) - 1);
  if (hover_c >= 0)
    dl->AddRectFilled(ImVec2(plot.Min.x + slot * hover_c, plot.Min.y), ImVec2(plot.Min.x + slot * (hover_c + 1), plot.Max.y),
                      ImGui::GetColorU32(ImGuiCol_HeaderHovered, 0.35f));
  const float y0 = float(ys.map(0));
  // Bars: at most one rectangle per pixel column per series beyond the first thousand categories would
  // be pointless; categories are few by nature, so every bar is drawn.
  for (size_t c = 0; c < nc; c++) {
    const float x0 = plot.Min.x + slot * c;
    double pos = 0, neg = 0;
    float top_y = y0;
    for (size_t s = 0; s < ns; s++) {
      const double v = value(s, c);
      if (std::isnan(v)) continue;
      const ImU32 col = series_color(series[s].color, s);
      float bx0, bx1, ya, yb;
      if (spec.stacked) {
        bx0 = x0 + slot * 0.15f;
        bx1 = x0 + slot * 0.85f;
        double& acc = v >= 0 ? pos : neg;
        ya = float(ys.map(acc));
        acc += v;
        yb = float(ys.map(acc));
      } else {
        const float bw = slot * 0.8f / float(ns);
        bx0 = x0 + slot * 0.1f + bw * s;
        bx1 = bx0 + bw;
        ya = y0;
        yb = float(ys.map(v));
      }
      bx1 = std::max(bx1 - (slot > 6 ? 1.0f : 0.0f), bx0 + 1);
      dl->AddRectFilled(ImVec2(bx0, std::min(ya, yb)), ImVec2(bx1, std::max(ya, yb)), col);
      top_y = std::min(top_y, std::min(ya, yb));
      if (spec.value_labels && !spec.stacked) {
        const std::string s_v = format_number(l, v, spec.decimals);
        const float w = text_w(s_v);
        if (w <= bx1 - bx0 + 4) text_at(dl, ImVec2((bx0 + bx1 - w) * 0.5f, std::min(ya, yb) - lh - 1), text_col(), s_v);
      }
    }
    if (spec.value_labels && spec.stacked && (pos != 0 || neg != 0)) {
      const std::string s_v = format_number(l, pos + neg, spec.decimals);
      const float w = text_w(s_v);
      if (w <= slot) text_at(dl, ImVec2(x0 + (slot - w) * 0.5f, top_y - lh - 1), text_col(), s_v);
    }
  }
  dl->AddLine(ImVec2(plot.Min.x, y0), ImVec2(plot.Max.x, y0), grid_col(0.9f));
  {
    std::vector<double> centers(nc);
    std::vector<std::string> labels(nc);
    for (size_t c = 0; c < nc; c++) {
      centers[c] = plot.Min.x + slot * (c + 0.5);
      labels[c] = categories[c];
    }
    if (label_rows == 1) {
      draw_x_labels(dl, centers, labels, {}, plot.Max.y + 4, text_col());
    } else {
      for (size_t row = 0; row < 2; row++) {
        std::vector<double> rc;
        std::vector<std::string> rl;
        for (size_t c = row; c < nc; c += 2) { rc.push_back(centers[c]); rl.push_back(labels[c]); }
        draw_x_labels(dl, rc, rl, {}, plot.Max.y + 4 + lh * float(row), text_col());
      }
    }
  }
  if (nc == 0) no_data(dl, plot, l);
  if (ns > 1) {
    float x = plot.Min.x;
    for (size_t s = 0; s < ns; s++) {
      swatch(dl, ImVec2(x, p0.y + 2 + lh * 0.15f), series_color(series[s].color, s), lh * 0.7f);
      dl->AddText(ImVec2(x + lh + 4, p0.y + 2), text_col(), series[s].label);
      x += lh + 20 + text_w(series[s].label);
    }
  }
  if (hover_c >= 0) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(categories[size_t(hover_c)]);
    double total = 0;
    for (size_t s = 0; s < ns; s++) {
      const double v = value(s, size_t(hover_c));
      if (!std::isnan(v)) total += v;
      tooltip_swatch_line(series_color(series[s].color, s),
                          std::string(series[s].label) + (l == Lang::Fr ? " : " : ": ") + format_value(l, v, spec.decimals, spec.unit));
    }
    if (spec.stacked && ns > 1)
      ImGui::Text("%s%s%s", "Total", l == Lang::Fr ? " : " : ": ", format_value(l, total, spec.decimals, spec.unit).c_str());
    ImGui::EndTooltip();
  }
  dl->AddRect(plot.Min, plot.Max, grid_col(0.7f));
  if (hovered_out) *hovered_out = hover_c;
  ImGui::SetCursorScreenPos(p0);
  ImGui::Dummy(ImVec2(width, height));
  ImGui::PopID();
  return clicked && hover_c >= 0;
}

bool donut(const char* id, std::span<const char* const> labels, std::span<const double> values,
           const DonutSpec& spec, int* hovered_out) {
  ImGui::PushID(id);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImGuiIO& io = ImGui::GetIO();
  const Lang l = spec.lang;
  const float lh = ImGui::GetTextLineHeight();
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const size_t n = std::min(labels.size(), values.size());
  double total = 0;
  for (size_t i = 0; i < n; i++)
    if (values[i] > 0) total += values[i];

  const float size = std::max(80.0f, spec.size);
  const ImVec2 c(p0.x + size * 0.5f, p0.y + size * 0.5f);
  const float r_out = size * 0.5f - 6, r_in = r_out * std::clamp(spec.inner_ratio, 0.0f, 0.95f);
  ImGui::InvisibleButton("donut", ImVec2(size, size));
  const bool hovered = ImGui::IsItemHovered();
  const bool clicked = ImGui::IsItemClicked();

  // Slice under the mouse: angle from 12 o'clock, clockwise.
  int hover = -1;
  const float dx = io.MousePos.x - c.x, dy = io.MousePos.y - c.y;
  const float dist = std::sqrt(dx * dx + dy * dy);
  if (hovered && dist >= r_in && dist <= r_out + 4 && total > 0) {
    double a = std::atan2(double(dx), double(-dy));
    if (a < 0) a += 2 * k_pi;
    double acc = 0;
    for (size_t i = 0; i < n; i++) {
      if (!(values[i] > 0)) continue;
      acc += values[i] / total * 2 * k_pi;
      if (a <= acc) { hover = int(i); break; }
    }
  }
  double a0 = -k_pi / 2;
  const ImU32 sep = ImGui::GetColorU32(ImGuiCol_WindowBg);
  for (size_t i = 0; i < n && total > 0; i++) {
    if (!(values[i] > 0)) continue;
    const double a1 = a0 + values[i] / total * 2 * k_pi;
    const float grow = int(i) == hover ? 4.0f : 0.0f;
    const float rm = (r_out + r_in) * 0.5f + grow * 0.5f, th = r_out - r_in + grow;
    const int segs = std::max(2, int((a1 - a0) / (2 * k_pi) * 96));
    dl->PathArcTo(c, rm, float(a0), float(a1), segs);
    dl->PathStroke(okabe_ito(i), ImDrawFlags_None, th);
    dl->AddLine(ImVec2(c.x + std::cos(float(a0)) * r_in, c.y + std::sin(float(a0)) * r_in),
                ImVec2(c.x + std::cos(float(a0)) * (r_out + 1), c.y + std::sin(float(a0)) * (r_out + 1)), sep, 2.0f);
    a0 = a1;
  }
  if (total > 0) {
    // The total in the hole: on one line when it fits, else the number over its unit.
    const std::string tot = format_value(l, total, spec.decimals, spec.unit);
    const std::string num = format_number(l, total, spec.decimals);
    const bool split = text_w(tot) > 2 * r_in - 8 && spec.unit && *spec.unit;
    std::vector<std::pair<std::string, ImU32>> lines;
    if (split) { lines.push_back({num, text_col()}); lines.push_back({spec.unit, dim_col()}); }
    else lines.push_back({tot, text_col()});
    if (spec.center_label) lines.push_back({spec.center_label, dim_col()});
    float y = c.y - lh * float(lines.size()) * 0.5f;
    for (const auto& [t, col] : lines) { text_at(dl, ImVec2(c.x - text_w(t) * 0.5f, y), col, t); y += lh; }
  } else {
    no_data(dl, ImRect(p0, ImVec2(p0.x + size, p0.y + size)), l);
  }

  // Legend to the right (swatch, label, value, share), or under the donut when it would not fit there.
  std::vector<std::string> legend(n);
  float legend_w = 0;
  for (size_t i = 0; i < n; i++) {
    const double share = total > 0 && values[i] > 0 ? values[i] / total * 100 : 0;
    legend[i] = std::string(labels[i]) + "  " + format_value(l, values[i], spec.decimals, spec.unit) + "  (" +
                format_number(l, share, share < 10 ? 1 : 0) + (l == Lang::Fr ? "\u202F%)" : "%)");
    legend_w = std::max(legend_w, text_w(legend[i]) + lh + 8);
  }
  const bool beside = legend_w <= ImGui::GetContentRegionAvail().x - size - ImGui::GetStyle().ItemSpacing.x;
  if (beside) ImGui::SameLine();
  ImGui::BeginGroup();
  if (beside) ImGui::Dummy(ImVec2(1, std::max(0.0f, size * 0.5f - (lh + 4) * float(n) * 0.5f)));
  for (size_t i = 0; i < n; i++) {
    tooltip_swatch_line(okabe_ito(i), legend[i]);
    if (ImGui::IsItemHovered()) hover = int(i);
  }
  ImGui::EndGroup();
  if (hover >= 0) {
    const double share = total > 0 ? values[size_t(hover)] / total * 100 : 0;
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(labels[size_t(hover)]);
    ImGui::Text("%s", format_value(l, values[size_t(hover)], spec.decimals, spec.unit).c_str());
    ImGui::Text("%s%s%s", tr(l, "viz.share"), l == Lang::Fr ? " : " : ": ",
                (format_number(l, share, 1) + (l == Lang::Fr ? "\u202F%" : "%")).c_str());
    ImGui::EndTooltip();
  }
  if (hovered_out) *hovered_out = hover;
  ImGui::PopID();
  return clicked && hover >= 0;
}

namespace {
struct HistCache { const double* ptr = nullptr; size_t size = 0; int bins = 0; Histogram h; };
Cache<HistCache> g_hist;
}  // namespace

bool histogram(const char* id, std::span<const double> values, const HistogramSpec& spec) {
  ImGui::PushID(id);
  HistCache& hc = g_hist.get(ImGui::GetID("hist"));
  if (hc.ptr != values.data() || hc.size != values.size() || hc.bins != spec.bins) {
    hc.ptr = values.data();
    hc.size = values.size();
    hc.bins = spec.bins;
    hc.h = sdw::histogram(values, spec.bins);
  }
  const Histogram& h = hc.h;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Lang l = spec.lang;
  const float lh = ImGui::GetTextLineHeight();
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const float width = std::max(120.0f, ImGui::GetContentRegionAvail().x);
  const float height = std::max(100.0f, spec.height);
  uint64_t max_c = 1;
  for (uint64_t c : h.counts) max_c = std::max(max_c, c);
  double lo = 0, hi = double(max_c);
  const float top = lh + 6, bottom = lh * 2 + 8;
  const int y_target = std::max(2, int((height - top - bottom) / (lh * 2.5f)));
  nice_domain(lo, hi, y_target);
  LinearTicks yt = linear_ticks(lo, hi, y_target);
  if (yt.step < 1) yt = linear_ticks(0, std::max(hi, 1.0), 1);   // counts are whole numbers
  const float left = y_label_width(yt, l) + 12;
  const ImRect plot(ImVec2(p0.x + left, p0.y + top), ImVec2(p0.x + width - 24 - text_w(spec.unit), p0.y + height - bottom));
  const LinearScale ys{lo, hi, plot.Max.y, plot.Min.y};
  ImGui::SetCursorScreenPos(plot.Min);
  ImGui::InvisibleButton("plot", plot.GetSize());
  const bool hovered = ImGui::IsItemHovered();

  dl->AddRectFilled(plot.Min, plot.Max, plot_bg());
  draw_y_axis(dl, plot, yt, ys, l);
  text_at(dl, ImVec2(p0.x, p0.y), dim_col(), spec.count_label ? spec.count_label : tr(l, "viz.count"));
  if (h.counts.empty()) {
    no_data(dl, plot, l);
  } else {
    const LinearScale xs{h.edges.front(), h.edges.back(), plot.Min.x, plot.Max.x};
    const ImU32 col = spec.color ? spec.color : okabe_ito(4);
    int hover = -1;
    if (hovered) {
      const double v = xs.invert(ImGui::GetIO().MousePos.x);
      hover = std::clamp(int((v - h.edges.front()) / h.width), 0, int(h.counts.size()) - 1);
    }
    for (size_t b = 0; b < h.counts.size(); b++) {
      const float x0 = float(xs.map(h.edges[b])), x1 = float(xs.map(h.edges[b + 1]));
      const ImU32 c = int(b) == hover ? ImGui::GetColorU32(ImGuiCol_PlotHistogramHovered) : col;
      if (h.counts[b]) dl->AddRectFilled(ImVec2(x0, float(ys.map(double(h.counts[b])))), ImVec2(std::max(x0 + 1, x1 - 1), plot.Max.y), c);
    }
    // x axis: nice ticks over the edges, unit at the end of the axis
    const int x_target = std::max(2, int(plot.GetWidth() / 80));
    const LinearTicks xt = linear_ticks(h.edges.front(), h.edges.back(), x_target);
    std::vector<double> centers;
    std::vector<std::string> labels;
    for (double v : xt.values) {
      const float x = float(xs.map(v));
      dl->AddLine(ImVec2(x, plot.Max.y), ImVec2(x, plot.Max.y + 4), dim_col());
      centers.push_back(x);
      labels.push_back(format_tick(l, v, xt.step));
    }
    draw_x_labels(dl, centers, labels, {}, plot.Max.y + 5, text_col());
    if (spec.unit && *spec.unit) text_at(dl, ImVec2(plot.Max.x + 16, plot.Max.y + 5 + lh), dim_col(), spec.unit);
    if (hover >= 0) {
      const int dec = decimals_for_step(h.width);
      ImGui::BeginTooltip();
      ImGui::Text("%s – %s", format_number(l, h.edges[size_t(hover)], dec).c_str(),
                  format_value(l, h.edges[size_t(hover) + 1], dec, spec.unit).c_str());
      ImGui::Text("%s%s%s", spec.count_label ? spec.count_label : tr(l, "viz.count"), l == Lang::Fr ? " : " : ": ",
                  format_count(l, h.counts[size_t(hover)]).c_str());
      ImGui::EndTooltip();
    }
  }
  dl->AddRect(plot.Min, plot.Max, grid_col(0.7f));
  ImGui::SetCursorScreenPos(p0);
  ImGui::Dummy(ImVec2(width, height));
  ImGui::PopID();
  return hovered;
}

// [SECTION] calendar heatmap

namespace {
struct CalCache { const int32_t* days = nullptr; const double* values = nullptr; size_t size = 0; int bins = 0;
                  BinMode mode = BinMode::Quantile; CalendarLayout layout; };
Cache<CalCache> g_cal;
}  // namespace

bool calendar_heatmap(const char* id, std::span<const int32_t> days, std::span<const double> values,
                      const CalendarSpec& spec, int32_t* clicked_day) {
  ImGui::PushID(id);
  CalCache& cc = g_cal.get(ImGui::GetID("cal"));
  if (cc.days != days.data() || cc.values != values.data() || cc.size != days.size() || cc.bins != spec.bins ||
      cc.mode != spec.mode) {
    cc.days = days.data();
    cc.values = values.data();
    cc.size = days.size();
    cc.bins = spec.bins;
    cc.mode = spec.mode;
    cc.layout = calendar_layout(days, values, spec.bins, spec.mode);
  }
  const CalendarLayout& L = cc.layout;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImGuiIO& io = ImGui::GetIO();
  const Lang l = spec.lang;
  const float lh = ImGui::GetTextLineHeight();
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const float width = std::max(200.0f, ImGui::GetContentRegionAvail().x);
  const float left = std::max(text_w(weekday_abbrev(l, 0)), text_w(weekday_abbrev(l, 2))) + 8;
  const float gap = 2;
  const float cell = std::clamp((width - left) / 54.0f - gap, 4.0f, spec.cell);
  const float pitch = cell + gap;
  const float year_h = lh * 2 + 7 * pitch + 6;   // year title, month labels, 7 rows
  const float legend_h = lh * 2 + 16;
  const float height = float(std::max<size_t>(1, L.years.size())) * year_h + legend_h;

  ImGui::InvisibleButton("cal", ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered();
  const bool clicked = ImGui::IsItemClicked();
  bool result = false;
  const CalendarCell* hover = nullptr;
  const ImU32 empty = ImGui::GetColorU32(ImGuiCol_FrameBg);

  if (L.years.empty()) no_data(dl, ImRect(p0, ImVec2(p0.x + width, p0.y + year_h)), l);
  for (size_t yi = 0; yi < L.years.size(); yi++) {
    const CalendarYear& y = L.years[yi];
    const float by = p0.y + float(yi) * year_h;
    text_at(dl, ImVec2(p0.x, by), text_col(), std::to_string(y.year));
    const float gy = by + lh * 2;
    const float gx = p0.x + left;
    for (int m = 0; m < 12; m++)
      dl->AddText(ImVec2(gx + y.month_col[size_t(m)] * pitch, by + lh), dim_col(), month_abbrev(l, unsigned(m + 1)));
    for (int r = 0; r < 7; r += 2) dl->AddText(ImVec2(p0.x, gy + r * pitch + (cell - lh) * 0.5f), dim_col(), weekday_abbrev(l, r));
    for (size_t k = 0; k < y.cell_count; k++) {
      const CalendarCell& c = L.cells[y.first_cell + k];
      const ImVec2 a(gx + c.col * pitch, gy + c.row * pitch), b(a.x + cell, a.y + cell);
      dl->AddRectFilled(a, b, c.bin >= 0 ? L.legend[size_t(c.bin)].color : empty, cell > 6 ? 2.0f : 0.0f);
      if (hovered && io.MousePos.x >= a.x && io.MousePos.x < a.x + pitch && io.MousePos.y >= a.y && io.MousePos.y < a.y + pitch)
        hover = &c;
    }
    // month boundaries: a line between the last week of a month and the next
    for (int m = 1; m < 12; m++) {
      const float x = gx + y.month_col[size_t(m)] * pitch - gap * 0.5f;
      dl->AddLine(ImVec2(x, gy - 2), ImVec2(x, gy + 7 * pitch - gap + 2), grid_col(0.25f));
    }
  }
  if (hover) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(format_local_date(l, hover->day).c_str());
    ImGui::TextUnformatted(std::isnan(hover->value) ? tr(l, "viz.no_data")
                                                    : format_value(l, hover->value, spec.decimals, spec.unit).c_str());
    ImGui::EndTooltip();
    if (clicked) {
      if (clicked_day) *clicked_day = hover->day;
      result = true;
    }
  }

  // legend: "Moins" [bins] "Plus", bin edges under the boundaries
  if (!L.legend.empty()) {
    const float ly = p0.y + float(L.years.size()) * year_h + 4;
    float x = p0.x + left;
    const char* less = tr(l, "viz.less");
    text_at(dl, ImVec2(x, ly), dim_col(), less);
    x += text_w(less) + 6;
    const float sw = std::max(36.0f, cell * 3);
    std::vector<double> centers;
    std::vector<std::string> labels;
    const int dec = spec.decimals;
    for (size_t b = 0; b < L.legend.size(); b++) {
      const ImVec2 a(x + sw * b, ly), e(x + sw * (b + 1) - 2, ly + lh);
      dl->AddRectFilled(a, e, L.legend[b].color, 2.0f);
      if (ImGui::IsMouseHoveringRect(a, e)) {
        ImGui::BeginTooltip();
        ImGui::Text("%s – %s", format_number(l, L.legend[b].lo, dec).c_str(), format_value(l, L.legend[b].hi, dec, spec.unit).c_str());
        ImGui::EndTooltip();
      }
      centers.push_back(x + sw * b);
      labels.push_back(format_number(l, L.legend[b].lo, dec));
    }
    centers.push_back(x + sw * L.legend.size());
    labels.push_back(format_number(l, L.legend.back().hi, dec));
    text_at(dl, ImVec2(x + sw * L.legend.size() + 6, ly), dim_col(), tr(l, "viz.more"));
    draw_x_labels(dl, centers, labels, {}, ly + lh + 2, dim_col());
    const std::string info = format_count(l, L.days_with_data) + " " + tr(l, "viz.days_with_data") + (spec.unit && *spec.unit ? std::string(" · ") + spec.unit : "");
    text_at(dl, ImVec2(x + sw * L.legend.size() + 16 + text_w(tr(l, "viz.more")), ly), dim_col(), info);
  }
  ImGui::PopID();
  return result;
}

// [SECTION] map

namespace {

// Cohen–Sutherland outcode of a screen point against the viewport grown by a margin.
inline int outcode(float x, float y, float w, float h) {
  const float m = 64;
  return (x < -m) | ((x > w + m) << 1) | ((y < -m) << 2) | ((y > h + m) << 3);
}

// Pixel stamps for polylines: a point landing on a pixel this polyline already covered is not drawn
// again, so a track that loops a thousand times costs what its footprint costs. A generation counter
// avoids clearing the array per polyline.
std::vector<uint16_t> g_stamp;
uint16_t g_generation = 0;

// Projects and simplifies one polyline: points within 1 px of the last kept one and points on pixels
// already covered are skipped (the line breaks there), runs outside the viewport collapse to their ends.
// Points drawn are bounded by the pixels covered, not by the input size. Returns points drawn.
int draw_polyline(ImDrawList* dl, ImGuiID cache_id, const MapPolyline& pl, const MapView& v, const Viewport& vp,
                  ImVec2 origin, ImU32 col, float thickness) {
  const size_t n = std::min(pl.lon.size(), pl.lat.size());
  if (n == 0) return 0;
  const std::vector<double>& my = mercator_y(cache_id, pl.lat.first(n));
  const int w = int(vp.width), h = int(vp.height);
  const int sw = (w + 1) / 2, sh = (h + 1) / 2;   // stamps on 2×2-pixel cells (lines are 2-3 px wide)
  if (g_stamp.size() != size_t(sw) * size_t(sh)) { g_stamp.assign(size_t(sw) * size_t(sh), 0); g_generation = 0; }
  if (++g_generation == 0) { std::fill(g_stamp.begin(), g_stamp.end(), 0); g_generation = 1; }
  const uint16_t gen = g_generation;
  g_pts.clear();
  int drawn = 0;
  auto flush = [&] {
    if (g_pts.size() >= 2) polyline(dl, g_pts.data(), int(g_pts.size()), col, thickness);
    drawn += int(g_pts.size());
    g_pts.clear();
  };
  int prev_code = -1;
  ImVec2 prev(0, 0), last_kept(1e9f, 1e9f);
  bool prev_skipped = false;   // prev was not emitted and must start the next run
  size_t cur_cell = SIZE_MAX;
  bool covered = false;        // the current cell was covered before this polyline entered it
  for (size_t i = 0; i < n; i++) {
    if (std::isnan(pl.lon[i]) || std::isnan(my[i])) { flush(); prev_code = -1; prev_skipped = false; cur_cell = SIZE_MAX; continue; }
    const float sx = float(((pl.lon[i] + 180.0) / 360.0 - v.center_x) * v.pixels_per_unit + vp.width * 0.5);
    const float sy = float((my[i] - v.center_y) * v.pixels_per_unit + vp.height * 0.5);
    const ImVec2 p(origin.x + sx, origin.y + sy);
    const int code = outcode(sx, sy, float(w), float(h));
    bool skip = prev_code >= 0 && (code & prev_code);   // both outside on the same side
    if (sx >= 0 && sy >= 0 && int(sx) < w && int(sy) < h) {
      const size_t cell = size_t(int(sy) / 2) * size_t(sw) + size_t(int(sx) / 2);
      if (cell != cur_cell) {
        covered = g_stamp[cell] == gen;
        g_stamp[cell] = gen;
        cur_cell = cell;
      }
      if (covered) {
        // ground this polyline already drew: end the line here, resume when it leaves covered cells
        if (!prev_skipped && !g_pts.empty()) { g_pts.push_back(p); flush(); }
        skip = true;
      }
    } else {
      cur_cell = SIZE_MAX;
    }
    if (skip) {
      prev_skipped = true;
      prev = p;
      prev_code = code;
      continue;
    }
    if (prev_skipped) { flush(); g_pts.push_back(prev); last_kept = prev; prev_skipped = false; }
    if (std::fabs(p.x - last_kept.x) + std::fabs(p.y - last_kept.y) >= 1.0f || i + 1 == n) {
      g_pts.push_back(p);
      last_kept = p;
    }
    prev_code = code;
    prev = p;
  }
  flush();
  return drawn;
}

void extend_bounds(std::span<const double> lon, std::span<const double> lat, double b[4]) {
  const size_t n = std::min(lon.size(), lat.size());
  for (size_t i = 0; i < n; i++) {
    if (std::isnan(lon[i]) || std::isnan(lat[i])) continue;
    b[0] = std::min(b[0], lon[i]);
    b[1] = std::min(b[1], lat[i]);
    b[2] = std::max(b[2], lon[i]);
    b[3] = std::max(b[3], lat[i]);
  }
}

std::string lon_lat_text(Lang l, double lon, double lat) {
  const char* ns = lat >= 0 ? "N" : "S";
  const char* ew = lon >= 0 ? "E" : (l == Lang::Fr ? "O" : "W");
  return format_number(l, std::fabs(lat), 4) + "° " + ns + ", " + format_number(l, std::fabs(lon), 4) + "° " + ew;
}

}  // namespace

bool map_view(const char* id, const MapSpec& spec, MapState& st) {
  ImGui::PushID(id);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImGuiIO& io = ImGui::GetIO();
  const Lang l = spec.lang;
  const float lh = ImGui::GetTextLineHeight();
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const float width = std::max(160.0f, ImGui::GetContentRegionAvail().x);
  const float height = std::max(120.0f, spec.height);
  st.viewport = Viewport{width, height};
  const Viewport& vp = st.viewport;
  st.drawn_points = 0;
  bool changed = false;

  auto refit = [&] {
    double b[4] = {INFINITY, INFINITY, -INFINITY, -INFINITY};
    for (const auto& t : spec.tracks) extend_bounds(t.lon, t.lat, b);
    extend_bounds(spec.circle_lon, spec.circle_lat, b);
    extend_bounds(spec.density_lon, spec.density_lat, b);
    if (!(b[2] >= b[0]))
      for (const auto& t : spec.basemap) extend_bounds(t.lon, t.lat, b);
    if (b[2] >= b[0]) st.view = fit_bounds(b[0], b[1], b[2], b[3], vp, 24);
    else st.view = fit_bounds(-180, -70, 180, 80, vp, 0);
  };
  if (!st.fitted) { refit(); st.fitted = true; }

  ImGui::InvisibleButton("map", ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  const WorldPoint mouse{io.MousePos.x - p0.x, io.MousePos.y - p0.y};
  if (wheel_zooms(hovered) && io.MouseWheel != 0) { st.zoom(std::pow(1.25, double(io.MouseWheel)), mouse.x, mouse.y); changed = true; }
  if (active && ImGui::IsMouseDown(ImGuiMouseButton_Left) && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
    pan(st.view, io.MouseDelta.x, io.MouseDelta.y);
    changed = true;
  }
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) { refit(); changed = true; }
  const MapView& v = st.view;

  const ImVec2 p1(p0.x + width, p0.y + height);
  dl->AddRectFilled(p0, p1, ImGui::GetColorU32(ImGuiCol_FrameBg, 0.9f));
  dl->PushClipRect(p0, p1, true);

  // basemap
  for (size_t i = 0; i < spec.basemap.size(); i++)
    st.drawn_points += draw_polyline(dl, ImGui::GetID(spec.basemap[i].lat.data()), spec.basemap[i], v, vp, p0, grid_col(0.9f), 1.0f);

  // density: screen grid of counts, log colour scale
  const size_t nd = std::min(spec.density_lon.size(), spec.density_lat.size());
  uint32_t dmax = 0;
  if (nd) {
    const float cpx = std::max(2.0f, spec.density_cell_px);
    const int gw = int(std::ceil(width / cpx)), gh = int(std::ceil(height / cpx));
    g_grid.assign(size_t(gw) * size_t(gh), 0);
    const std::vector<double>& my = mercator_y(ImGui::GetID("density"), spec.density_lat.first(nd));
    const double k = v.pixels_per_unit / cpx;
    const double ox = (width * 0.5 - v.center_x * v.pixels_per_unit) / cpx;
    const double oy = (height * 0.5 - v.center_y * v.pixels_per_unit) / cpx;
    for (size_t i = 0; i < nd; i++) {
      const double gx = (spec.density_lon[i] + 180.0) / 360.0 * k + ox;
      const double gy = my[i] * k + oy;
      if (!(gx >= 0 && gx < gw && gy >= 0 && gy < gh)) continue;   // also drops NaN
      uint32_t& c = g_grid[size_t(int(gy)) * size_t(gw) + size_t(int(gx))];
      dmax = std::max(dmax, ++c);
    }
    const double norm = 1.0 / std::log1p(double(std::max<uint32_t>(dmax, 1)));
    for (int gy = 0; gy < gh; gy++) {
      for (int gx = 0; gx < gw; gx++) {
        const uint32_t c = g_grid[size_t(gy) * size_t(gw) + size_t(gx)];
        if (!c) continue;
        const ImVec2 a(p0.x + gx * cpx, p0.y + gy * cpx);
        dl->AddRectFilled(a, ImVec2(a.x + cpx, a.y + cpx), with_alpha(viridis(0.15 + 0.85 * std::log1p(double(c)) * norm), 210));
        st.drawn_points++;
      }
    }
  }

  // tracks
  for (size_t i = 0; i < spec.tracks.size(); i++)
    st.drawn_points += draw_polyline(dl, ImGui::GetID(spec.tracks[i].lat.data()), spec.tracks[i], v, vp, p0,
                                     okabe_ito(size_t(spec.tracks[i].category)), 2.5f);
  if (spec.highlight_track >= 0 && size_t(spec.highlight_track) < spec.tracks.size()) {
    const MapPolyline& hl = spec.tracks[size_t(spec.highlight_track)];
    draw_polyline(dl, ImGui::GetID(hl.lat.data()), hl, v, vp, p0, grid_col(1.0f), 8.0f);   // outline, then the colour
    draw_polyline(dl, ImGui::GetID(hl.lat.data()), hl, v, vp, p0, okabe_ito(size_t(hl.category)), 5.0f);
  }

  // circles: area proportional to value
  const size_t nc = std::min({spec.circle_lon.size(), spec.circle_lat.size(), spec.circle_value.size()});
  int hover_circle = -1;
  if (nc) {
    double vmax = 0;
    for (size_t i = 0; i < nc; i++)
      if (spec.circle_value[i] > vmax) vmax = spec.circle_value[i];
    const std::vector<double>& my = mercator_y(ImGui::GetID("circles"), spec.circle_lat.first(nc));
    const ImU32 fill = with_alpha(okabe_ito(5), 150), edge = okabe_ito(5);
    for (size_t i = 0; i < nc; i++) {
      const double val = spec.circle_value[i];
      if (std::isnan(val) || std::isnan(my[i])) continue;
      const float r = 3.0f + 14.0f * float(std::sqrt(std::max(0.0, val) / (vmax > 0 ? vmax : 1)));
      const WorldPoint s = world_to_screen(v, vp, {(spec.circle_lon[i] + 180.0) / 360.0, my[i]});
      if (s.x < -r || s.y < -r || s.x > width + r || s.y > height + r) continue;
      const ImVec2 c(p0.x + float(s.x), p0.y + float(s.y));
      dl->AddCircleFilled(c, r, fill, 20);
      dl->AddCircle(c, r, edge, 20, 1.0f);
      st.drawn_points++;
      if (hovered && ImLengthSqr(ImVec2(io.MousePos.x - c.x, io.MousePos.y - c.y)) <= r * r) hover_circle = int(i);
    }
  }
  // the names of the largest places in view, beside their circle (on a plate, never over one another)
  if (nc && !spec.circle_names.empty() && spec.circle_name_labels > 0) {
    const std::vector<double>& my = mercator_y(ImGui::GetID("circles"), spec.circle_lat.first(nc));
    std::vector<size_t> order;
    for (size_t i = 0; i < nc && i < spec.circle_names.size(); i++) {
      const std::string& nm = spec.circle_names[i];
      if (nm.empty() || nm == "?" || std::isnan(spec.circle_value[i]) || std::isnan(my[i])) continue;
      const WorldPoint s = world_to_screen(v, vp, {(spec.circle_lon[i] + 180.0) / 360.0, my[i]});
      if (s.x >= 0 && s.y >= 0 && s.x <= width && s.y <= height) order.push_back(i);
    }
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return spec.circle_value[a] > spec.circle_value[b]; });
    std::vector<ImRect> taken;
    int written = 0;
    for (size_t i : order) {
      if (written >= spec.circle_name_labels) break;
      const WorldPoint s = world_to_screen(v, vp, {(spec.circle_lon[i] + 180.0) / 360.0, my[i]});
      const std::string& nm = spec.circle_names[i];
      const ImVec2 a(p0.x + float(s.x) + 12, p0.y + float(s.y) - lh * 0.5f);
      const ImRect box(ImVec2(a.x - 3, a.y - 1), ImVec2(a.x + text_w(nm.c_str()) + 3, a.y + lh + 1));
      bool clash = false;
      for (const ImRect& t : taken) clash = clash || t.Overlaps(box);
      if (clash) continue;
      taken.push_back(box);
      dl->AddRectFilled(box.Min, box.Max, ImGui::GetColorU32(ImGuiCol_WindowBg, 0.8f), 3.0f);
      dl->AddText(a, text_col(), nm.c_str());
      written++;
    }
  }
  dl->PopClipRect();

  // scale bar, bottom-left, on a plate
  {
    double lon, lat;
    inverse_mercator(v.center_x, v.center_y, lon, lat);
    const ScaleBar sb = scale_bar(l, lat, v.pixels_per_unit, std::min(160.0, width * 0.3));
    if (sb.pixels > 0) {
      const ImVec2 a(p0.x + 10, p1.y - lh - 16);
      dl->AddRectFilled(ImVec2(a.x - 4, a.y - 2), ImVec2(a.x + float(sb.pixels) + 8 + text_w(sb.label) + 4, p1.y - 4),
                        ImGui::GetColorU32(ImGuiCol_WindowBg, 0.8f), 3.0f);
      const float y = a.y + lh + 4;
      dl->AddLine(ImVec2(a.x, y), ImVec2(a.x + float(sb.pixels), y), text_col(), 2.0f);
      dl->AddLine(ImVec2(a.x, y - 5), ImVec2(a.x, y), text_col(), 2.0f);
      dl->AddLine(ImVec2(a.x + float(sb.pixels), y - 5), ImVec2(a.x + float(sb.pixels), y), text_col(), 2.0f);
      text_at(dl, ImVec2(a.x + float(sb.pixels) + 8, a.y + 4), text_col(), sb.label);
    }
  }

  // legend, top-left: track categories, circles, density
  {
    float y = p0.y + 6;
    const float x = p0.x + 8;
    auto plate_line = [&](uint32_t col, const char* label, bool circle) {
      dl->AddRectFilled(ImVec2(x - 4, y - 1), ImVec2(x + lh + 6 + text_w(label) + 4, y + lh + 1), ImGui::GetColorU32(ImGuiCol_WindowBg, 0.75f), 3.0f);
      if (circle) dl->AddCircleFilled(ImVec2(x + lh * 0.5f, y + lh * 0.5f), lh * 0.35f, col, 12);
      else dl->AddLine(ImVec2(x, y + lh * 0.5f), ImVec2(x + lh, y + lh * 0.5f), col, 3.0f);
      dl->AddText(ImVec2(x + lh + 6, y), text_col(), label);
      y += lh + 4;
    };
    for (size_t c = 0; c < spec.category_labels.size(); c++)   // an empty label: a colour not drawn this time
      if (spec.category_labels[c] && *spec.category_labels[c]) plate_line(okabe_ito(c), spec.category_labels[c], false);
    if (nc && spec.circle_label && *spec.circle_label) plate_line(with_alpha(okabe_ito(5), 200), spec.circle_label, true);
    if (nd && dmax > 0) plate_line(viridis(0.7), tr(l, "viz.demo.density"), true);
  }

  // hover: circle tooltip, else the coordinates under the mouse
  if (hovered && !(active && ImGui::IsMouseDragging(ImGuiMouseButton_Left))) {
    if (hover_circle >= 0) {
      ImGui::BeginTooltip();
      const size_t hc = size_t(hover_circle);
      const bool named = hc < spec.circle_names.size() && !spec.circle_names[hc].empty() && spec.circle_names[hc] != "?";
      if (named) ImGui::TextUnformatted(spec.circle_names[hc].c_str());
      else if (spec.circle_label && *spec.circle_label) ImGui::TextUnformatted(spec.circle_label);
      ImGui::TextUnformatted(format_value(l, spec.circle_value[hc], spec.circle_value[hc] < 10 ? 1 : 0, spec.circle_unit).c_str());
      ImGui::TextUnformatted(lon_lat_text(l, spec.circle_lon[size_t(hover_circle)], spec.circle_lat[size_t(hover_circle)]).c_str());
      ImGui::EndTooltip();
    } else {
      const WorldPoint w = screen_to_world(v, vp, mouse);
      double lon, lat;
      inverse_mercator(w.x, w.y, lon, lat);
      const std::string s = lon_lat_text(l, lon, lat);
      text_at(dl, ImVec2(p1.x - text_w(s) - 8, p1.y - lh - 6), dim_col(), s);
    }
  }
  dl->AddRect(p0, p1, grid_col(0.7f));
  ImGui::PopID();
  return changed;
}

}  // namespace sdw::chart
