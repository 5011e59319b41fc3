// GeoJSON (format "geojson", RFC 7946): a FeatureCollection, a single Feature or a bare geometry becomes
// a feature table (feature_index, geometry_type, lon/lat of the first position, n_points, id,
// properties.* flattened) and a `<name>_points` table with one row per vertex of line, polygon and
// multi-point geometries (feature_index, part, seq, lon, lat, ele). Coordinates stream: a feature with
// a million vertices is never held in memory.
// Does not own: tokenizing (parsers/readers/json_reader.h) or property typing (JsonTableBuilder, parsers/readers/json.h).
#pragma once
#include <memory>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

int geojson_detect(std::string_view head, std::string_view file_name);  // "FeatureCollection": 90, "Feature": 85
std::unique_ptr<Parser> geojson_create(const ParseOptions& opts);

}  // namespace sdw
