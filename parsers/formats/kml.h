// KML (format id "kml"): Placemarks with Point, LineString, Polygon rings, gx:Track (<when>/<gx:coord>
// pairs: Google Location History) and MultiGeometry / gx:MultiTrack, flattened to one table of points
// with the placemark's name, description, folder and times. Does not own: XML tokenising (parsers/readers/xml.h).
#pragma once
#include <memory>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

int kml_detect(std::string_view head, std::string_view file_name);  // 90 when the head has a <kml root
std::unique_ptr<Parser> kml_create(const ParseOptions& opts);

}  // namespace sdw
