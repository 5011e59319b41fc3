// Calendar heatmap layout and binning.
#include "viz/calendar.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "parsers/core/values.h"
#include "viz/color.h"
#include "viz/scale.h"

namespace sdw {

std::vector<double> quantile_edges(std::span<const double> values, int bins) {
  std::vector<double> v;
  v.reserve(values.size());
  for (double x : values)
    if (!std::isnan(x)) v.push_back(x);
  std::vector<double> edges;
  if (v.empty() || bins < 1) return edges;
  std::sort(v.begin(), v.end());
  for (int i = 0; i <= bins; i++) {
    // linear interpolation between order statistics (type 7, as R and numpy)
    const double pos = double(i) / bins * double(v.size() - 1);
    const size_t k = size_t(pos);
    const double frac = pos - double(k);
    const double q = k + 1 < v.size() ? v[k] + (v[k + 1] - v[k]) * frac : v[k];
    if (edges.empty() || q > edges.back()) edges.push_back(q);
  }
  if (edges.size() == 1) edges.push_back(edges[0]);   // all equal: one bin
  return edges;
}

std::vector<double> linear_edges(double lo, double hi, int bins) {
  std::vector<double> edges;
  if (bins < 1 || !std::isfinite(lo) || !std::isfinite(hi)) return edges;
  if (hi < lo) std::swap(lo, hi);
  for (int i = 0; i <= bins; i++) edges.push_back(lo + (hi - lo) * i / bins);
  if (hi == lo) edges.resize(2);
  return edges;
}

int bin_index(double v, std::span<const double> edges) {
  if (std::isnan(v) || edges.size() < 2) return -1;
  const int bins = int(edges.size()) - 1;
  // first edge strictly greater than v, minus one; clamp into [0, bins - 1] (last bin closed)
  const int i = int(std::upper_bound(edges.begin(), edges.end(), v) - edges.begin()) - 1;
  return std::clamp(i, 0, bins - 1);
}

CalendarLayout calendar_layout(std::span<const int32_t> days, std::span<const double> values, int bins, BinMode mode) {
  CalendarLayout out;
  bins = std::clamp(bins, 1, 32);   // bins are int8_t in cells
  const size_t n = std::min(days.size(), values.size());
  std::vector<std::pair<int32_t, double>> daily;
  daily.reserve(n);
  for (size_t i = 0; i < n; i++)
    if (!std::isnan(values[i])) daily.emplace_back(days[i], values[i]);
  std::sort(daily.begin(), daily.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t w = 0;   // merge same-day rows
  for (size_t i = 0; i < daily.size(); i++) {
    if (w > 0 && daily[w - 1].first == daily[i].first) daily[w - 1].second += daily[i].second;
    else daily[w++] = daily[i];
  }
  daily.resize(w);
  out.days_with_data = daily.size();
  if (daily.empty()) return out;

  std::vector<double> totals(daily.size());
  out.min = out.max = daily[0].second;
  for (size_t i = 0; i < daily.size(); i++) {
    totals[i] = daily[i].second;
    out.min = std::min(out.min, totals[i]);
    out.max = std::max(out.max, totals[i]);
  }
  const std::vector<double> edges =
      mode == BinMode::Quantile ? quantile_edges(totals, bins) : linear_edges(out.min, out.max, bins);
  const size_t nb = edges.size() - 1;
  for (size_t b = 0; b < nb; b++) {
    const double t = nb == 1 ? 1.0 : double(b) / double(nb - 1);
    out.legend.push_back({edges[b], edges[b + 1], viridis(t)});
  }

  size_t k = 0;   // cursor into daily
  while (k < daily.size()) {
    int64_t y;
    unsigned m, d;
    civil_from_days(daily[k].first, y, m, d);
    CalendarYear year;
    year.year = y;
    const int64_t jan1 = days_from_civil(y, 1, 1);
    const int64_t next = days_from_civil(y + 1, 1, 1);
    const int lead = weekday_monday0(jan1);       // empty rows above 1 January in column 0
    year.first_cell = out.cells.size();
    year.cell_count = size_t(next - jan1);
    year.columns = int((next - 1 - jan1 + lead) / 7) + 1;
    for (unsigned mo = 1; mo <= 12; mo++)
      year.month_col[mo - 1] = int16_t((days_from_civil(y, mo, 1) - jan1 + lead) / 7);
    for (int64_t day = jan1; day < next; day++) {
      CalendarCell c;
      c.day = int32_t(day);
      c.col = int16_t((day - jan1 + lead) / 7);
      c.row = int8_t(weekday_monday0(day));
      if (k < daily.size() && daily[k].first == day) {
        c.value = daily[k].second;
        c.bin = int8_t(bin_index(c.value, edges));
        k++;
      } else {
        c.value = NAN;
      }
      out.cells.push_back(c);
    }
    out.years.push_back(year);
  }
  return out;
}

}  // namespace sdw
