// Charts drawn on ImGui draw lists, in the spirit of ImPlot: spans of plain data plus a small spec
// struct, state the caller keeps (TimeView, MapState), French or English labels, tooltips.
// Owns: layout, interaction and drawing of every chart. Does not own: ticks, decimation, projection,
// colours or binning (viz/scale, decimate, projection, color, calendar, bins), nor any data source.
// Drawing cost is bounded by the chart's pixel size, not by N: series are decimated per pixel column,
// density layers binned into a screen grid, buffers reused between frames.
#pragma once
#include <cmath>
#include <cstdint>
#include <array>
#include <span>

#include "viz/calendar.h"
#include "viz/basemap.h"
#include "viz/locale.h"
#include "viz/projection.h"

namespace sdw::chart {

// [SECTION] time series

struct SeriesY {
  const char* label = "";
  std::span<const double> ys;            // same length as the time array; NaN = gap
  uint32_t color = 0;                    // packed RGBA; 0 = Okabe-Ito colour of the series index
};

enum class Decimation : uint8_t { MinMax, Lttb, None };   // None: for measurements only

struct TimeSeriesSpec {
  Lang lang = Lang::Fr;
  const char* unit = "";                 // y unit, shown above the axis and in the tooltip ("kW")
  float height = 280;                    // pixels; width = available width
  Decimation decimation = Decimation::MinMax;
  bool legend = true;
  bool y_from_zero = true;               // start the y axis at 0 when every value is >= 0
  int tooltip_decimals = -1;             // -1: one more than the y tick labels
  double min_span_seconds = 60;          // zoom-in limit
  float line_thickness = 1.5f;
  double mark_t0 = NAN, mark_t1 = NAN;   // an interval to highlight (a selected item), UTC seconds; NaN: none
};

struct TimeView {
  double t0 = 0, t1 = 0;                 // visible range, UTC seconds; t1 <= t0: fit the data next frame
  bool has_selection = false;            // brushed range (shift+drag); right-click clears it
  double sel_t0 = 0, sel_t1 = 0;
  uint32_t hidden = 0;                   // bit i set: series i hidden (click its legend entry)
  double hover_t = NAN;                  // data instant under the mouse this frame, NaN if none
  float plot_x0 = 0, plot_y0 = 0, plot_x1 = 0, plot_y1 = 0;   // last frame's plot area, screen pixels
  int drawn_points = 0;                  // points sent to the draw list last frame (all series)
  // interaction state, owned by time_series()
  bool brushing = false;
  double brush_anchor = 0;

  void zoom(double factor, double anchor_t);   // factor > 1 zooms in; anchor_t keeps its place
  void pan(double dt_seconds);                 // shifts the range by dt
  void fit() { t1 = t0; }
  bool valid() const { return t1 > t0; }
};

// Several series sharing one sorted time axis. Wheel zooms about the cursor, drag pans, shift+drag
// brushes a range into view.sel_*, double-click shows everything. Returns true when the view changed.
bool time_series(const char* id, std::span<const double> t_seconds_utc, std::span<const SeriesY> series,
                 const TimeSeriesSpec& spec, TimeView& view);

// [SECTION] categories

struct BarSeries {
  const char* label = "";
  std::span<const double> values;        // one per category
  uint32_t color = 0;                    // 0 = Okabe-Ito by index
};

struct BarChartSpec {
  Lang lang = Lang::Fr;
  const char* unit = "";
  float height = 240;
  bool stacked = false;                  // else grouped side by side
  bool value_labels = true;              // value (or stack total) above each bar when it fits
  int decimals = 0;
};
// Vertical bars. Returns true when a bar was clicked; *hovered gets the category under the mouse (-1).
bool bar_chart(const char* id, std::span<const char* const> categories, std::span<const BarSeries> series,
               const BarChartSpec& spec, int* hovered = nullptr);

struct DonutSpec {
  Lang lang = Lang::Fr;
  const char* unit = "";
  float size = 200;                      // diameter in pixels (the legend goes to its right)
  float inner_ratio = 0.58f;
  int decimals = 0;
  const char* center_label = nullptr;    // under the total, e.g. "Total"
};
bool donut(const char* id, std::span<const char* const> labels, std::span<const double> values,
           const DonutSpec& spec, int* hovered = nullptr);

struct HistogramSpec {
  Lang lang = Lang::Fr;
  const char* unit = "";                 // unit of the values (x axis)
  const char* count_label = nullptr;     // y axis title; nullptr = "Nombre"/"Count"
  float height = 220;
  int bins = 20;                         // target; edges are nice numbers
  uint32_t color = 0;
};
// Bins are cached per chart while (data pointer, size, bins) stay the same.
bool histogram(const char* id, std::span<const double> values, const HistogramSpec& spec);

// [SECTION] calendar heatmap

struct CalendarSpec {
  Lang lang = Lang::Fr;
  const char* unit = "";
  float cell = 12;                       // preferred cell size; shrinks to fit the width
  int bins = 5;
  BinMode mode = BinMode::Quantile;
  int decimals = 1;
};
// One block per year, weeks in columns, Monday first; legend of the colour bins below.
// Layout is cached per chart while (data pointers, size, bins, mode) stay the same.
bool calendar_heatmap(const char* id, std::span<const int32_t> days, std::span<const double> values,
                      const CalendarSpec& spec, int32_t* clicked_day = nullptr);

// [SECTION] map

struct MapPolyline {
  std::span<const double> lon, lat;      // degrees; NaN breaks the line
  int category = 0;                      // Okabe-Ito colour index (tracks)
};

struct MapSpec {
  Lang lang = Lang::Fr;
  float height = 420;
  std::span<const MapPolyline> basemap;        // coastlines, borders (lon/lat); nothing drawn if empty
  std::span<const MapPolyline> tracks;         // coloured by category
  std::span<const char* const> category_labels;  // legend of track categories
  int highlight_track = -1;                    // a track drawn last, wider and outlined (the selected trip)
  std::span<const double> circle_lon, circle_lat, circle_value;  // circles, area ∝ value
  std::span<const std::string> circle_names;   // optional: the place's name ("" or "?" when unknown)
  int circle_name_labels = 6;                  // the largest circles in view get their name written beside them
  const char* circle_label = "";
  const char* circle_unit = "";
  std::span<const double> density_lon, density_lat;  // up to millions of points, binned on screen
  float density_cell_px = 5;
};

struct MapState {
  MapView view;
  Viewport viewport;                     // last drawn size
  bool fitted = false;                   // false: fit the data next frame
  int drawn_points = 0;                  // polyline points + density cells + circles last frame
  // Pinch or programmatic zoom about a point given in pixels from the map's top-left corner.
  void zoom(double factor, double sx, double sy) { zoom_about(view, viewport, factor, {sx, sy}); }
};
bool map_view(const char* id, const MapSpec& spec, MapState& state);
// The offline basemap (viz/basemap.h) as MapSpec::basemap lines: coastlines, then borders. The
// spans point into `b`, which must outlive the draw.
inline std::array<MapPolyline, 2> basemap_lines(const Basemap& b) {
  return {MapPolyline{b.coast_lon, b.coast_lat, 0}, MapPolyline{b.border_lon, b.border_lat, 0}};
}

}  // namespace sdw::chart
