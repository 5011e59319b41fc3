// Decimation of (x, y) series for drawing: min/max per pixel column (M4: first, min, max, last) and
// largest-triangle-three-buckets (LTTB). Both return indices into the input, so exact values stay
// available for tooltips, and a NaN y in the output (the index of a NaN input) marks a gap to keep.
// Owns: choosing which points to draw. Does not own: projecting them to pixels (viz/chart_draw.cpp).
#pragma once
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace sdw {

// [first, last) of the points to draw for the window [x0, x1] of sorted xs: the points inside plus
// one neighbour on each side, so lines run to the plot edges.
std::pair<size_t, size_t> visible_range(std::span<const double> xs, double x0, double x1);

// M4 decimation of the points of [x0, x1] into `columns` pixel columns. `out` is cleared, then gets
// increasing indices: for each column its first, min, max and last point, so the drawn envelope and
// the global min/max are exact. NaN runs are kept as one NaN index (at most 2 gaps per column; finer
// gaps merge). Output size <= 14 * (columns + 2), whatever the input size.
void decimate_minmax(std::span<const double> xs, std::span<const double> ys, double x0, double x1,
                     int columns, std::vector<uint32_t>& out);

// LTTB down to about `threshold` points (never fewer than 2 per NaN-free run). Keeps the first and
// last point of every run and one NaN index per gap. `out` is cleared first.
void lttb(std::span<const double> xs, std::span<const double> ys, size_t threshold, std::vector<uint32_t>& out);

}  // namespace sdw
