// Google location history, every shape in circulation, into the domain tables location_points, visits
// and trips (parsers/core/domains.h): Takeout Records.json, Semantic Location History months, the 2024 iOS
// on-device export, the 2025 Android on-device export (Timeline.json / Chronologie.json), and timelineEdits
// files (recognised, skipped). Owns: these layouts and the dedup keys. Does not own: tokenizing
// (parsers/readers/json_reader.h), ISO 8601 grammar (parsers/core/values.h), merging sources (DuckDB views in web/).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

// [SECTION] formats (each scores 95 on its head's keys, above the generic json parser's 60-65)
int google_records_detect(std::string_view head, std::string_view file_name);   // {"locations":[{"latitudeE7"…
int google_semantic_detect(std::string_view head, std::string_view file_name);  // {"timelineObjects":[…
int google_ios_detect(std::string_view head, std::string_view file_name);       // [{"startTime", "visit"/"activity"/"timelinePath"…
int google_android_detect(std::string_view head, std::string_view file_name);   // {"semanticSegments" / "rawSignals"…
int google_edits_detect(std::string_view head, std::string_view file_name);     // {"timelineEdits":[…
std::unique_ptr<Parser> google_records_create(const ParseOptions& opts);
std::unique_ptr<Parser> google_semantic_create(const ParseOptions& opts);
std::unique_ptr<Parser> google_ios_create(const ParseOptions& opts);
std::unique_ptr<Parser> google_android_create(const ParseOptions& opts);
std::unique_ptr<Parser> google_edits_create(const ParseOptions& opts);

// [SECTION] helpers (exposed for tests)

// "46.1580°, -1.1530°" (Android), "geo:46.158,-1.153" (iOS), "46.158,-1.153"; false unless both parse
// and lie within ±90 / ±180.
bool google_parse_latlng(std::string_view s, double& lat, double& lon);
// Our mode id for a Google activity type in any spelling ("IN_PASSENGER_VEHICLE", "in passenger vehicle",
// "walking"): walk, run, bike, car, motorbike, bus, tram, metro, train, plane, boat, still; "" for TILTING /
// UNKNOWN; nullptr when the type is not known to us.
const char* google_mode(std::string_view raw);
// Dedup keys (see the rule at the top of google_timeline.cpp).
std::string google_point_key(int64_t utc_us, double lat, double lon);    // "1679817600|4615800|-115300"
std::string google_segment_key(int64_t utc_us, double lat, double lon);  // "27996960|461580|-11530"

}  // namespace sdw
