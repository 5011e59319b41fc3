// Compared with the territory: a city's aggregate file in the donation output's format (challenges/donation.h:
// the canonical CSV, or the NDJSON lines of `workbench donations merge`) read back as km per mode per area and
// period, and the user's mode shares set next to one area's ("vous : 32 % de vos km en voiture ; votre
// quartier : 58 %"). Does not own: building or validating donations (donation.h), finding home (detect_places).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "challenges/mobility.h"

namespace sdw::challenge {

struct AreaModeKm {
  std::string area, period, mode;   // mode: our id (donation "category")
  double km = 0;
  int64_t records = 0;
};
struct MobilityAggregate {
  std::vector<AreaModeKm> rows;     // part "mobility", unit "km" only
  int64_t other_rows = 0;           // energy / learning rows, left out
  int64_t bad_lines = 0;            // unreadable lines, counted (first one's number below)
  int64_t first_bad_line = 0;
  std::string format;               // "csv", "ndjson" or "" (nothing recognised)
};
// Either form, detected from the first non-blank line (a UTF-8 BOM and CRLF are accepted).
MobilityAggregate read_mobility_aggregate(std::string_view text);
// One row read elsewhere (the page reads a dropped aggregate file's table from DuckDB): kept when it is
// mobility in km, else counted in other_rows — the rule read_mobility_aggregate applies to each line.
void add_aggregate_row(MobilityAggregate& a, std::string_view part, std::string_view unit, AreaModeKm row);

struct ModeShare {
  Mode mode = Mode::Other;
  double user_km = 0, user_share = 0;   // share of the user's km (0-1)
  double area_km = 0, area_share = 0;   // share of the area's km (0-1)
};
struct TerritoryCompare {
  bool found = false;               // false: no row for the area (the text says which area was looked for)
  std::string area;                 // the area compared with
  std::string how;                  // "declared" (given by the user), "home_cell" (1 km cell of the detected home), "only_area"
  std::string period_first, period_last;   // periods of the area's rows used
  double user_km = 0, area_km = 0;
  int64_t area_records = 0;         // trips aggregated in the area's rows
  std::vector<ModeShare> modes;     // every mode of either side, in Mode order
};
// `area`: the declared district or the home cell id; "" with a file of one area compares with that one.
TerritoryCompare compare_with_area(const MobilityAggregate& a, const MobilityResult& user, std::string_view area,
                                   std::string_view how);

}  // namespace sdw::challenge
