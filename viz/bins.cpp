// Histogram and category helpers.
#include "viz/bins.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "viz/scale.h"

namespace sdw {

uint64_t Histogram::total() const {
  uint64_t t = 0;
  for (uint64_t c : counts) t += c;
  return t;
}

Histogram histogram(std::span<const double> values, int target_bins) {
  double lo = INFINITY, hi = -INFINITY;
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  if (!(hi >= lo)) {  // nothing finite
    Histogram h;
    for (double v : values) h.missing += std::isnan(v);
    return h;
  }
  return histogram(values, lo, hi, target_bins);
}

Histogram histogram(std::span<const double> values, double lo, double hi, int target_bins) {
  Histogram h;
  if (target_bins < 1) target_bins = 1;
  if (hi < lo) std::swap(lo, hi);
  if (hi == lo) { lo -= 0.5; hi += 0.5; }
  h.width = nice_step(hi - lo, target_bins);
  const double first = std::floor(lo / h.width + 1e-9) * h.width;
  int bins = int(std::ceil((hi - first) / h.width - 1e-9));
  if (bins < 1) bins = 1;
  h.edges.resize(size_t(bins) + 1);
  for (int i = 0; i <= bins; i++) h.edges[size_t(i)] = first + i * h.width;
  h.counts.assign(size_t(bins), 0);
  for (double v : values) {
    if (std::isnan(v)) { h.missing++; continue; }
    long b = long(std::floor((v - first) / h.width));
    b = std::clamp(b, 0L, long(bins - 1));
    h.counts[size_t(b)]++;
  }
  return h;
}

std::vector<CategoryTotal> aggregate_categories(std::span<const std::string_view> labels, std::span<const double> values) {
  std::vector<CategoryTotal> out;
  std::unordered_map<std::string_view, size_t> index;
  const size_t n = std::min(labels.size(), values.size());
  for (size_t i = 0; i < n; i++) {
    if (std::isnan(values[i])) continue;
    auto [it, fresh] = index.emplace(labels[i], out.size());
    if (fresh) out.push_back({std::string(labels[i]), 0, 0, false});
    out[it->second].value += values[i];
    out[it->second].count++;
  }
  std::sort(out.begin(), out.end(), [](const CategoryTotal& a, const CategoryTotal& b) {
    return a.value != b.value ? a.value > b.value : a.label < b.label;
  });
  return out;
}

std::vector<CategoryTotal> top_n(std::vector<CategoryTotal> sorted, size_t n, Lang l) {
  if (sorted.size() <= n + 1) return sorted;
  CategoryTotal other{tr(l, "viz.other"), 0, 0, true};
  for (size_t i = n; i < sorted.size(); i++) {
    other.value += sorted[i].value;
    other.count += sorted[i].count;
  }
  sorted.resize(n);
  sorted.push_back(std::move(other));
  return sorted;
}

}  // namespace sdw
