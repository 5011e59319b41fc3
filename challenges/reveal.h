// "Ce que mes données disent de moi / What my data reveals": for each source, who holds it, its period,
// records, kinds of fields and GDPR Article 9 flags; then inferences computed locally from plain columns
// (home, work, schedule, sleep, regular places, trips abroad, routine breaks, spending, a pupil's rhythm),
// each with its evidence, a confidence and "who could know". Platform-free: spans in, structs out.
// Does not own: reading files or tables (challenges/tables.cpp, tools/cli_reveal.cpp), drawing (wasm/).
//
// Index: [SECTION] reference data, [SECTION] inputs, [SECTION] results
#pragma once
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "challenges/common.h"
#include "challenges/donation.h"   // PlacesView, detect_places (the same home and work as the donation)
#include "challenges/energy.h"
#include "challenges/footprint.h"
#include "challenges/learning.h"
#include "challenges/mobility.h"

namespace sdw::challenge {

//-------------------------------------------------------------------------------------------------------
// [SECTION] reference data (data/reveal/*.csv, embedded by CMake; see data/reveal/SOURCES.md)
//-------------------------------------------------------------------------------------------------------

struct RevealHolder {                  // holders.csv: who holds the data of a format
  std::string format, fr, en;          // registry id; holder in plain words
  std::string settings_fr, settings_en;   // where their privacy settings are (written text, never fetched)
};
struct FieldKind {                     // kinds.csv: a kind of field and what GDPR Art. 9 says of it
  std::string id, fr, en;              // "positions", "positions (latitude, longitude)"
  std::vector<std::string> art9_direct;      // special categories the field is by itself ("health")
  std::vector<std::string> art9_can_reveal;  // special categories it can reveal ("religion"…)
};
struct FormatField {                   // fields.csv: which kinds a format carries, under the export's own names
  std::string format, kind, export_fields;
};
struct Art9Category {                  // article9.csv: "health", "la santé", "health"
  std::string id, fr, en;
};
struct RevealTables {
  std::vector<RevealHolder> holders;
  std::vector<FieldKind> kinds;
  std::vector<FormatField> fields;
  std::vector<Art9Category> art9;
  std::vector<LabelRule> sensitive_rules;   // sensitive_keywords.csv: category = Art. 9 id, folded keywords
  std::vector<std::string> errors;          // lines that did not read (none in the shipped files)
};
// The embedded tables, parsed once.
const RevealTables& reveal_tables();
// Parses the five CSV texts (';'-separated, header line first); used by reveal_tables() and the tests.
RevealTables parse_reveal_tables(std::string_view holders, std::string_view kinds, std::string_view fields,
                                 std::string_view art9, std::string_view keywords);
// Art. 9 category of a place name, semantic type or label ("" when none matches).
std::string sensitive_category(std::string_view text);

//-------------------------------------------------------------------------------------------------------
// [SECTION] inputs
//-------------------------------------------------------------------------------------------------------

inline constexpr int32_t k_no_day = std::numeric_limits<int32_t>::min();

// One source as the caller knows it: a dropped file, or one entry of an archive.
struct SourceDesc {
  std::string name;                    // "Timeline.json", "Takeout/…/Records.json"
  std::string format;                  // registry id ("google_android", "enedis", "csv"…)
  std::vector<std::string> domains;    // domain tables it fed ("visits", "trips"…)
  std::vector<std::string> columns;    // column names of its tables (ours, parsers/core/domains.h)
  int64_t records = 0;                 // rows over its tables
  int32_t first_day = k_no_day, last_day = k_no_day;   // local days; widened by the rows seen below
};

// Every row below carries the index of its source in RevealInput::sources (-1: unknown source).
struct RevealPlaces {
  PlacesView places;                   // visits (start, end, lat, lon) and location points
  std::span<const std::string_view> visit_name, visit_semantic, visit_place_id;   // may be empty
  std::span<const int32_t> visit_source, point_source;
};
struct RevealTrips {                   // trips: only their ends are read (trips abroad)
  std::span<const int64_t> ts_start_us;
  std::span<const double> end_lat, end_lon;
  std::span<const int32_t> source;
  std::span<const int16_t> ts_start_off = {};   // local offsets (common.h local_time); empty: Europe/Paris
};
struct RevealInput {
  std::span<const SourceDesc> sources;
  RevealPlaces places;
  RevealTrips trips;
  ActivityView activity;               // phone, listening, watching, social events
  std::span<const int32_t> activity_source;
  TransactionsView transactions;
  std::span<const int32_t> transaction_source;
  EnergyView electricity;              // load curve (30 min) or daily readings
  std::span<const int32_t> electricity_source;
  LearningView learning;               // xAPI statements
  std::span<const int32_t> learning_source;
};

struct RevealOptions {
  int min_break_days = 3;              // a routine break lasts at least this many days
  double near_m = 250;                 // "at home" / "at work": within this distance
  std::string learning_actor;          // "" = the actor with most statements
};

//-------------------------------------------------------------------------------------------------------
// [SECTION] results
//-------------------------------------------------------------------------------------------------------

struct RevealCount {                   // one figure of the evidence: {"nights", 212}
  std::string name;
  int64_t value = 0;
};
struct Evidence {
  std::string fr, en;                  // the evidence in plain words
  std::vector<RevealCount> counts;
  std::vector<int32_t> sources;        // indexes into RevealInput::sources
};
struct WhoCould {                      // a holder who could compute the inference from what it holds
  std::string holder_fr, holder_en, how_fr, how_en;
  int32_t source = -1;                 // -1: a holder known from a contract, not from a dropped source
};
struct Inference {
  std::string kind;                    // home, work, schedule, sleep, night_use, regular_place, abroad,
                                       // routine_break, spending, learning_time, subjects, sensitive_place,
                                       // sensitive_spending
  std::string text_fr, text_en;
  double confidence = 0;               // 0..1 (how it is computed: reveal.cpp, per kind)
  Evidence evidence;
  std::vector<WhoCould> who_could_know;
  bool sensitive = false;              // GDPR Art. 9: shown only on explicit request
  std::string art9;                    // its category when sensitive ("health", "religion"…)
  double lat = k_nan, lon = k_nan;     // a place, when the inference has one
  int32_t first_day = k_no_day, last_day = k_no_day;   // a period, when it has one
};
struct SourceField {                   // a kind of field present in a source
  std::string kind, fr, en;
  std::string export_fields;           // the export's own names ("latitudeE7, longitudeE7…"); "" unknown
};
struct SensitiveFlag {                 // a GDPR Art. 9 category a source holds or can reveal
  std::string category, fr, en;
  bool direct = false;                 // the data is of that category by itself (health data)
};
struct SourceReport {
  int32_t index = 0;                   // into RevealInput::sources
  std::string name, format;
  std::string holder_fr, holder_en, settings_fr, settings_en;
  int32_t first_day = k_no_day, last_day = k_no_day;
  int64_t records = 0;
  std::vector<SourceField> fields;
  std::vector<SensitiveFlag> sensitive;
  std::string text_fr, text_en;        // one plain sentence
};
struct PlaceResult {
  bool found = false;
  double lat = k_nan, lon = k_nan;
  Evidence evidence;
  double confidence = 0;
};
struct RevealResult {
  std::vector<SourceReport> sources;
  PlaceResult home, work;              // also in `inferences`
  std::vector<Inference> inferences;   // sensitive ones included, flagged
  int64_t sensitive_count = 0;
};
RevealResult reveal(const RevealInput& in, const RevealOptions& o = {});

// "élevée" / "high" (≥ 0.75), "moyenne" / "medium" (≥ 0.45), "faible" / "low".
const char* confidence_word(double c, bool french);

}  // namespace sdw::challenge
