// Decimation kernels. Both run in one pass over the visible points and write into a caller-owned
// vector, so a chart reuses the same buffer from frame to frame.
#include "viz/decimate.h"

#include <algorithm>
#include <cmath>

namespace sdw {

std::pair<size_t, size_t> visible_range(std::span<const double> xs, double x0, double x1) {
  const size_t n = xs.size();
  if (n == 0) return {0, 0};
  size_t b = size_t(std::lower_bound(xs.begin(), xs.end(), x0) - xs.begin());
  size_t e = size_t(std::upper_bound(xs.begin(), xs.end(), x1) - xs.begin());
  if (b > 0) b--;
  if (e < n) e++;
  return {b, std::max(b, e)};
}

// [SECTION] min/max per column (M4)

namespace {

struct Group {
  size_t first = 0, last = 0, lo = 0, hi = 0;
  bool any = false;
  void add(size_t i, double y, std::span<const double> ys) {
    if (!any) { first = last = lo = hi = i; any = true; return; }
    last = i;
    if (y < ys[lo]) lo = i;
    if (y > ys[hi]) hi = i;
  }
  void flush(std::vector<uint32_t>& out) {
    if (!any) return;
    size_t v[4] = {first, lo, hi, last};
    std::sort(v, v + 4);
    for (int k = 0; k < 4; k++)
      if (k == 0 || v[k] != v[k - 1]) out.push_back(uint32_t(v[k]));
    any = false;
  }
};

}  // namespace

void decimate_minmax(std::span<const double> xs, std::span<const double> ys, double x0, double x1,
                     int columns, std::vector<uint32_t>& out) {
  out.clear();
  const size_t n = std::min(xs.size(), ys.size());
  if (n == 0 || columns < 1 || !(x1 > x0)) return;
  auto [b, e] = visible_range(xs.first(n), x0, x1);
  const double k = columns / (x1 - x0);
  Group g;
  long cur = -2;           // current column; -1 and `columns` hold the edge neighbours
  int gaps_in_col = 0;
  for (size_t i = b; i < e; i++) {
    const double y = ys[i];
    long c = long(std::floor((xs[i] - x0) * k));
    c = std::clamp(c, -1L, long(columns));
    if (c != cur) {
      g.flush(out);
      cur = c;
      gaps_in_col = 0;
    }
    if (std::isnan(y)) {
      if (gaps_in_col >= 2) continue;   // sub-pixel gaps beyond two per column merge
      g.flush(out);
      if (!out.empty() && !std::isnan(ys[out.back()])) {
        out.push_back(uint32_t(i));
        gaps_in_col++;
      }
      continue;
    }
    g.add(i, y, ys);
  }
  g.flush(out);
}

// [SECTION] LTTB

namespace {

// LTTB over the NaN-free run [s, s + len), emitting `k` points.
void lttb_run(std::span<const double> xs, std::span<const double> ys, size_t s, size_t len, size_t k,
              std::vector<uint32_t>& out) {
  if (k >= len || len <= 2) {
    for (size_t i = 0; i < len; i++) out.push_back(uint32_t(s + i));
    return;
  }
  if (k < 2) k = 2;
  out.push_back(uint32_t(s));
  if (k > 2) {
    const double every = double(len - 2) / double(k - 2);
    size_t a = s;
    for (size_t i = 0; i + 2 < k; i++) {
      // average of the next bucket
      size_t avg_b = s + size_t(std::floor((i + 1) * every)) + 1;
      size_t avg_e = s + std::min(size_t(std::floor((i + 2) * every)) + 1, len);
      if (avg_b >= avg_e) avg_b = avg_e - 1;
      double ax = 0, ay = 0;
      for (size_t j = avg_b; j < avg_e; j++) { ax += xs[j]; ay += ys[j]; }
      ax /= double(avg_e - avg_b);
      ay /= double(avg_e - avg_b);
      // point of this bucket making the largest triangle with a and the average
      const size_t rb = s + size_t(std::floor(i * every)) + 1;
      const size_t re = std::min(s + size_t(std::floor((i + 1) * every)) + 1, s + len - 1);
      double best = -1;
      size_t pick = rb;
      const double px = xs[a], py = ys[a];
      for (size_t j = rb; j < re; j++) {
        const double area = std::fabs((px - ax) * (ys[j] - py) - (px - xs[j]) * (ay - py));
        if (area > best) { best = area; pick = j; }
      }
      out.push_back(uint32_t(pick));
      a = pick;
    }
  }
  out.push_back(uint32_t(s + len - 1));
}

}  // namespace

void lttb(std::span<const double> xs, std::span<const double> ys, size_t threshold, std::vector<uint32_t>& out) {
  out.clear();
  const size_t n = std::min(xs.size(), ys.size());
  if (n == 0) return;
  size_t finite = 0;
  for (size_t i = 0; i < n; i++) finite += !std::isnan(ys[i]);
  if (finite == 0) return;
  if (threshold < 2) threshold = 2;
  size_t i = 0;
  bool emitted = false;
  while (i < n) {
    if (std::isnan(ys[i])) {
      if (emitted) out.push_back(uint32_t(i));   // one marker per gap (none before the first run)
      while (i < n && std::isnan(ys[i])) i++;
      continue;
    }
    size_t s = i;
    while (i < n && !std::isnan(ys[i])) i++;
    const size_t len = i - s;
    const size_t k = std::max<size_t>(std::min<size_t>(len, 2),
                                      size_t(std::llround(double(threshold) * double(len) / double(finite))));
    lttb_run(xs, ys, s, len, k, out);
    emitted = true;
  }
  if (!out.empty() && std::isnan(ys[out.back()])) out.pop_back();   // trailing gap: nothing after it
}

}  // namespace sdw
