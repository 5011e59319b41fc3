// Segmentation of raw positions (Records.json, GPX, KML gx:Track, GeoJSON tracks) into visits (stay points)
// and the trips between them, with distance along the filtered points, a speed profile and a mode guessed
// from speed, stops and any activity the export carries. One streaming pass, memory bounded by the longest
// unconfirmed stay and one trip's speed samples; plus the user's mode corrections applied to trips.
// Does not own: reading tables (challenges/tables.h), CO2e and per-mode totals (challenges/mobility.h), drawing.
#pragma once
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "challenges/mobility.h"

namespace sdw::challenge {

inline constexpr int64_t k_no_time = std::numeric_limits<int64_t>::min();

// One position. Optional values are NaN (numbers) or has_activity = false.
struct TracePoint {
  int64_t ts_us = k_no_time;          // UTC µs; k_no_time: kept for the map, never segmented
  double lat = 0, lon = 0;            // degrees WGS84
  float accuracy_m = std::numeric_limits<float>::quiet_NaN();     // horizontal, metres
  float velocity_m_s = std::numeric_limits<float>::quiet_NaN();   // as recorded by the device
  Mode activity = Mode::Other;        // the export's guess for this point (Records.json activity)
  bool has_activity = false;
  uint8_t activity_confidence = 0;    // 0-100, 0 = not given
  int16_t offset_min = k_no_offset;   // local offset of the fix (common.h local_time); not read by the segmenter
};

// Documented defaults. A stay = the points remain within `stay_radius_m` of their running centroid for at
// least `stay_min_s` (5 min, 150 m: Li et al. 2008 / Zheng's stay-point rule with a radius wide enough for
// indoor Wi-Fi jitter). Filters, in order: accuracy worse than `max_accuracy_m`; a timestamp not after the
// previous point's; an impossible speed from the previous kept point (> `max_speed_m_s`, or >
// `max_ground_speed_m_s` over less than `ground_jump_max_m`); a spike A→B→C where B leaves and comes back
// (both legs faster than 25 m/s and 3× the A→C speed). Three rejected points in a row are accepted (the
// trace really moved while the reference point was the outlier).
struct SegmentOptions {
  double stay_radius_m = 150;
  int64_t stay_min_s = 300;
  double max_accuracy_m = 250;        // Records.json Wi-Fi/GPS fixes are 5-100 m, cell fixes 500 m-2 km
  double max_speed_m_s = 330;         // faster than an airliner
  double max_ground_speed_m_s = 85;   // 306 km/h: faster is a jump unless it spans more than 50 km
  double ground_jump_max_m = 50000;
  double min_step_m = 25;             // distance counted between points at least max(25 m, accuracy/2) apart
  int64_t bridge_gap_s = 120;         // a longer silence inside a trip is bridged by a straight line (flagged)
  int64_t max_gap_s = 3 * 3600;       // longer: the move across it is a trip of its own (flagged long_gap)
  double speed_window_s = 15;         // speed samples: distance over windows of at least this duration
  int jitter_max_points = 3;          // two visits at one place with at most this many travel points between: one visit
  double min_trip_m = 50;             // shorter trips are dropped (counted)
};

// How a trip's mode was found.
enum class ModeSource : uint8_t {
  Speed,         // speed distribution, stops, acceleration (rules in segment.cpp infer_segment_mode)
  Activity,      // the export's per-point activity guesses (Records.json), majority vote
  ExportType,    // the export states the activity (GPX <type>running</type>): not a guess
  User,          // corrected by the user (apply_corrections)
};
const char* mode_source_id(ModeSource s);   // "speed", "activity", "export_type", "user"

struct Visit {
  int64_t start_us = 0, end_us = 0;   // first and last point of the stay
  double lat = 0, lon = 0;            // centroid
  int64_t n_points = 0;
};

struct SegTrip {
  int64_t start_us = 0, end_us = 0;   // previous visit's end (or first point) → next visit's start (or last point)
  double distance_m = 0;              // along the filtered points, plus straight lines from/to the visits
  double duration_s = 0;
  double start_lat = 0, start_lon = 0, end_lat = 0, end_lon = 0;
  double speed_median_kmh = 0, speed_p85_kmh = 0, speed_max_kmh = 0;   // over the speed samples
  double accel_m_s2 = 0;              // mean |Δv|/Δt between consecutive speed samples
  int64_t n_points = 0;               // travel points (between the two visits)
  int32_t from_visit = -1, to_visit = -1;   // indices into SegmentResult::visits
  int32_t stops = 0;                  // moving → stopped (< 2 km/h) transitions between speed samples
  bool gap_bridged = false;           // a silence longer than bridge_gap_s crossed by a straight line
  bool long_gap = false;              // the whole trip is one jump across more than max_gap_s
  double bridged_m = 0;               // metres of straight lines across gaps
  Mode mode = Mode::Other;
  double confidence = 0;              // 0-1
  bool mode_inferred = true;          // false only for ExportType and User
  ModeSource mode_source = ModeSource::Speed;
};

// Counts shown as notes: every point left out is counted here.
struct SegmentStats {
  int64_t points = 0;                 // given
  int64_t no_time = 0;                // kept for the map, excluded from km
  int64_t bad_coord = 0;              // lat/lon out of range or not finite
  int64_t low_accuracy = 0, not_after_previous = 0, jumps = 0, spikes = 0;
  int64_t used = 0;                   // points that entered stays and trips
  int64_t jitter_merged = 0;          // visits merged with the previous one (jitter at one place)
  int64_t tiny_trips = 0;             // trips under min_trip_m dropped
  bool sorted = true;                 // false: segment_points sorted the points by time first
};

struct SegmentResult {
  std::vector<Visit> visits;
  std::vector<SegTrip> trips;
  SegmentStats stats;
};

// Streaming segmenter: add() points in time order (later-or-equal timestamps are dropped and counted),
// then finish(). Memory: the points of the current unconfirmed stay plus one trip's speed samples.
class Segmenter {
 public:
  explicit Segmenter(const SegmentOptions& o = {});
  ~Segmenter();
  Segmenter(Segmenter&&) noexcept;
  void add(const TracePoint& p);
  // A boundary between independent traces (two GPX files): closes the current trip and stay.
  void cut();
  SegmentResult finish();
  // An activity the whole next trace states (GPX <type>): set before its points, cleared by cut().
  void set_export_mode(Mode m, bool has);

 private:
  struct Impl;
  std::unique_ptr<Impl> m;
};

// Points in any order: sorted by time (stable) when needed, then segmented. Points with ts_us ==
// k_no_time are counted and left out.
SegmentResult segment_points(std::span<const TracePoint> points, const SegmentOptions& o = {});

// Features → mode guess. `avg_kmh` is used alone when there are fewer than 3 speed samples.
struct ModeGuess {
  Mode mode = Mode::Other;
  double confidence = 0;
};
ModeGuess infer_segment_mode(const SegTrip& t, double avg_kmh, int speed_samples);

// An activity type as exports write it (Strava/Garmin GPX <type>: "running", "Ride", "cycling", "hiking",
// "walking", "driving", Strava's numbers 1 = ride and 9 = run; any case): false for types with no mode here (swimming, skiing).
bool mode_from_activity_type(std::string_view type, Mode& out);

// [SECTION] corrections

// One user correction: a trip's mode, or every trip between the same two places (both ends within
// `radius_m` of the given ends, in either direction).
struct ModeCorrection {
  int64_t trip_start_us = 0;          // the trip it was made on (matched exactly when !similar)
  bool similar = false;               // apply to all trips with the same origin/destination
  double from_lat = 0, from_lon = 0, to_lat = 0, to_lon = 0, radius_m = 300;
  Mode mode = Mode::Other;
};
// Applies corrections in order (later ones win); returns how many trips changed. Corrected trips get
// mode_source User, confidence 1, mode_inferred false.
int64_t apply_corrections(std::span<SegTrip> trips, std::span<const ModeCorrection> corrections);
// Corrections as text, one per line: "trip <start_us> <mode>" or "similar <from_lat> <from_lon> <to_lat>
// <to_lon> <radius_m> <mode>" ('#' comments). Unreadable lines are counted in `bad_lines`.
std::vector<ModeCorrection> parse_corrections(std::string_view text, int64_t* bad_lines = nullptr);
std::string format_corrections(std::span<const ModeCorrection> corrections);

}  // namespace sdw::challenge
