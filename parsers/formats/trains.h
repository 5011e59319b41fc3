// Train-trip history exports (format "trains"): SNCF Connect / RGPD "Mes voyages" CSV and Trainline booking
// CSV, recognised by header roles (date, origin, destination) -> trips (mode "train"), with the distance
// between stations when both are in the small station table below.
// Does not own: the CSV record grammar (parsers/readers/csv.h), dates and numbers (parsers/core/values.h).
#pragma once
#include <memory>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

int trains_detect(std::string_view head, std::string_view file_name);  // header with date, origin, destination: 86
std::unique_ptr<Parser> trains_create(const ParseOptions& opts);

struct Station {
  const char* name;   // as SNCF writes it
  double lat, lon;    // WGS84 degrees, approximate (±1 km)
};
// A station by name, accents/case/hyphens/"St" folded ("Marseille St-Charles" -> Marseille Saint-Charles; a
// unique prefix like "La Rochelle" works too); nullptr when unknown or ambiguous ("Paris").
const Station* find_station(std::string_view name);

}  // namespace sdw
