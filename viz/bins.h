// Histogram binning with nice edges, and category aggregation (sum by label, top N + "Autres").
// Owns: counting and grouping. Does not own: drawing (viz/chart_draw.cpp) or colours.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "viz/locale.h"

namespace sdw {

struct Histogram {
  std::vector<double> edges;      // bins + 1 increasing edges, multiples of `width`
  std::vector<uint64_t> counts;   // counts[i]: values in [edges[i], edges[i+1]) (last bin closed)
  double width = 1;
  uint64_t missing = 0;           // NaN values (not counted in any bin)
  uint64_t total() const;
};
// About `target_bins` bins of a nice width (1-2-5 × 10^n) covering every finite value.
Histogram histogram(std::span<const double> values, int target_bins);
// Same with a given domain; values outside [lo, hi] are clamped into the first/last bin.
Histogram histogram(std::span<const double> values, double lo, double hi, int target_bins);

struct CategoryTotal {
  std::string label;
  double value = 0;
  size_t count = 0;               // how many input rows
  bool is_other = false;          // the "Autres" / "Other" bucket
};
// Sums values by label, sorted by value (largest first, ties by label); NaN values are skipped.
std::vector<CategoryTotal> aggregate_categories(std::span<const std::string_view> labels, std::span<const double> values);
// Keeps the `n` largest and folds the rest into one "Autres"/"Other" entry (only when at least two
// categories would be folded: a lone leftover keeps its own name).
std::vector<CategoryTotal> top_n(std::vector<CategoryTotal> sorted, size_t n, Lang l);

}  // namespace sdw
