// GPX 1.0 / 1.1 (format id "gpx"): track points, route points and waypoints as one table of points with a
// `kind` column, common extensions (Garmin TrackPointExtension hr/cad/speed/atemp, power) as columns when
// present, and a per-track summary (points, haversine distance, duration, <type> when given) in Table::meta.
// Does not own: XML tokenising (parsers/readers/xml.h) or timestamp grammar (parsers/core/values.h).
#pragma once
#include <memory>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

int gpx_detect(std::string_view head, std::string_view file_name);  // 90 when the head has a <gpx root
std::unique_ptr<Parser> gpx_create(const ParseOptions& opts);

// Great-circle distance in metres on a sphere of radius 6 371 008.8 m (the IUGG mean radius).
double haversine_m(double lat1, double lon1, double lat2, double lon2);

}  // namespace sdw
