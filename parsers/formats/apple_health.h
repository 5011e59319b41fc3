// Apple Health export (format "apple_health"): apple_health_export/export.xml of the iPhone Health app's
// "Export All Health Data" ZIP, streamed with expat -> health_measures (Record, ActivitySummary) and trips
// (Workout). Does not own: XML tokenizing and entity hardening (parsers/readers/xml.h), the workout-route GPX files
// of the same ZIP (parsers/formats/gpx.cpp reads them as entries of their own).
#pragma once
#include <memory>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

int apple_health_detect(std::string_view head, std::string_view file_name);  // root <HealthData>: 95
std::unique_ptr<Parser> apple_health_create(const ParseOptions& opts);

}  // namespace sdw
