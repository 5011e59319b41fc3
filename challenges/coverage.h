// Which local days a set of energy readings covers: first and last day, and the days in between with no
// reading, so many weekly exports dropped together (Enedis 2025 gives 7 days per file) show their gaps.
// Does not own: deduplication of overlapping files (the domain model's merge rule) or any figure.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "challenges/energy.h"

namespace sdw::challenge {

struct Coverage {
  int32_t from = 0, to = 0;            // first and last local day (days since 1970-01-01) holding a reading
  bool any = false;                    // false: no reading with a kWh value
  std::vector<int32_t> missing_days;   // local days in [from, to] where no reading with kWh starts
  int64_t days = 0;                    // to - from + 1
};

// A day counts as covered when a reading with a kWh value (not NaN) starts in it (Europe/Paris days).
Coverage energy_coverage(const EnergyView& v);

}  // namespace sdw::challenge
