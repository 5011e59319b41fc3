// energy_coverage: one pass marking the local day of each reading's start, then the holes between the first
// and the last marked day.
#include "challenges/coverage.h"

#include <algorithm>
#include <cmath>

#include "challenges/common.h"

namespace sdw::challenge {

Coverage energy_coverage(const EnergyView& v) {
  Coverage c;
  std::vector<int32_t> days;
  days.reserve(v.ts_start_us.size() / 24 + 1);
  for (size_t i = 0; i < v.ts_start_us.size(); ++i) {
    if (i < v.kwh.size() && std::isnan(v.kwh[i])) continue;
    const int32_t d = paris_local(v.ts_start_us[i]).day;
    if (days.empty() || days.back() != d) days.push_back(d);
  }
  if (days.empty()) return c;
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  c.any = true;
  c.from = days.front();
  c.to = days.back();
  c.days = int64_t(c.to) - c.from + 1;
  for (size_t i = 1; i < days.size(); ++i)
    for (int32_t d = days[i - 1] + 1; d < days[i]; ++d) c.missing_days.push_back(d);
  return c;
}

}  // namespace sdw::challenge
