// Internals shared by the Google location-history formats of this folder (records.cpp, semantic.cpp,
// device.cpp, edits.cpp, google.cpp): small helpers, the output tables and their row writers, the
// streaming path tracker and the GoogleParser base class. Not a public header: parsers/formats/google/google.h is.
//
// Google location history: five registry formats over one streaming path tracker.
//   google_records   Takeout Records.json {"locations":[…]}        -> location_points (source "records")
//   google_semantic  Semantic Location History month {"timelineObjects":[…]} -> visits, trips, location_points ("semantic")
//   google_ios       2024 iOS on-device export, top-level array   -> visits, trips, location_points ("ios")
//   google_android   2025 Android Timeline.json {"semanticSegments","rawSignals","userLocationProfile"}
//                    -> visits, trips, location_points ("android"), frequent_places (small, non-domain)
//   google_edits     Timeline Edits.json {"timelineEdits":[…]}     -> nothing, an info message
// The JSON is never held: JsonReader events go through a path tracker (relative key paths such as
// "activitySegment.waypointPath.waypoints[].latE7" inside one element of the records array) and each shape
// keeps only the state of the record being read. JsonRecordCollector is not used because it keeps nested
// arrays as JSON text, and every shape here has arrays of points we need as values.
//
// Deduplication rule (Table columns point_key, visit_key, trip_key):
//   * Within one file, a point whose (ts in µs, lat E7, lon E7) was already emitted is dropped (info
//     message google.duplicate_points). Points without a time (waypoints) are never dropped.
//   * Across files, each point carries point_key = "<unix seconds, floored>|<round(lat·1e5)>|<round(lon·1e5)>"
//     (timeless waypoints: "<trip_key>|w<index>", unique per trip), each visit visit_key and each trip
//     trip_key = "<unix minutes, rounded to nearest>|<round(lat·1e4)>|<round(lon·1e4)>" of its start (a
//     visit's place position, a trip's start position). The same fix seen in Records.json and in a Semantic
//     simplifiedRawPath, or the same visit in a Semantic month and in Timeline.json, gets the same key.
//     How the keys are used across files (which source wins: records > android > ios > semantic) is the one
//     merge rule of parsers/core/domain_model.h, applied by the browser's views and the CLI alike.
//   Limits: an instant on both sides of a rounding boundary (xx:xx:30 for minutes, 5e-6° for points) in two
//   sources that differ by a few ms or decimals gets two keys; iOS positions with 6 decimals match to 1e-4°.
#pragma once
#include <fast_float/fast_float.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <optional>
#include <vector>

#include "parsers/core/domains.h"
#include "parsers/readers/json.h"
#include "parsers/readers/json_reader.h"
#include "parsers/core/values.h"
#include "parsers/formats/google/google.h"

namespace sdw::google_detail {

// [SECTION] small helpers

constexpr int64_t k_no_ts = INT64_MIN;
inline const double k_nan = std::nan("");

inline std::string to_str(uint64_t v) { return std::to_string(v); }

// At most `max` bytes of `s` for a message, cut on a UTF-8 boundary.
inline std::string shown(std::string_view s, size_t max = 40) {
  if (s.size() <= max) return std::string(s);
  size_t n = max;
  while (n > 0 && (uint8_t(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "…";
}

inline bool starts_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(0, p.size()) == p; }

// Strips `p` (and the '.' after it) from `s`; true when `s` was `p` or under it.
inline bool strip(std::string_view& s, std::string_view p) {
  if (!starts_with(s, p)) return false;
  if (s.size() == p.size()) { s = {}; return true; }
  if (s[p.size()] != '.') return false;
  s.remove_prefix(p.size() + 1);
  return true;
}

inline bool parse_double_text(std::string_view s, double& out) {
  s = trim(s);
  if (s.empty()) return false;
  const char* b = s.data();
  if (*b == '+') ++b;
  auto r = fast_float::from_chars(b, s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(out);
}

// A number written as a JSON number or as a string ("1234.5": the iOS export).
inline bool num_of(const JsonEvent& e, double& out) {
  if (e.kind == JsonKind::Number) { out = e.f64; return std::isfinite(out); }
  if (e.kind == JsonKind::String) return parse_double_text(e.text, out);
  return false;
}

inline bool int_of(const JsonEvent& e, int64_t& out) {
  if (e.kind == JsonKind::Number) {
    if (e.is_int) { out = e.i64; return true; }
    if (std::isfinite(e.f64) && std::fabs(e.f64) < 9e18) { out = std::llround(e.f64); return true; }
    return false;
  }
  if (e.kind == JsonKind::String) return parse_int(trim(e.text), out);
  return false;
}

inline int64_t floor_div(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

struct Time {
  int64_t us = k_no_ts;
  int16_t off = k_unknown_offset;
  bool ok() const { return us != k_no_ts; }
};

// ISO 8601 with or without fraction and offset; or milliseconds since the epoch (timestampMs: a string
// or a number).
inline Time time_of(const JsonEvent& e, bool ms, LocalZone zone) {
  Time t;
  if (ms) {
    int64_t v;
    if (int_of(e, v) && v > -(int64_t(1) << 53) && v < (int64_t(1) << 53)) t.us = v * 1000;
    return t;
  }
  if (e.kind != JsonKind::String) return t;
  DateTime dt;
  if (parse_datetime(trim(e.text), zone, dt, false)) {
    t.us = dt.utc_us;
    t.off = dt.local_offset();
  }
  return t;
}

// "2025-03-30T01:30:00.000+01:00" with an optional explicit offset (Android's
// startTimeTimezoneUtcOffsetMinutes): the explicit offset places a time written without one, and is kept as
// the source offset.
inline Time time_with_offset(std::string_view s, std::optional<int64_t> off_min, LocalZone zone) {
  Time t;
  DateTime dt;
  if (s.empty()) return t;
  const bool has_off = off_min && *off_min > -18 * 60 && *off_min < 18 * 60;
  if (!parse_datetime(trim(s), has_off ? LocalZone::Utc : zone, dt, false)) return t;
  t.us = dt.utc_us;
  t.off = dt.local_offset();
  if (has_off) {
    if (dt.offset_min == k_unknown_offset) t.us -= *off_min * 60 * int64_t(1000000);
    t.off = int16_t(*off_min);
  }
  return t;
}

inline bool valid_pos(double lat, double lon) {
  return std::isfinite(lat) && std::isfinite(lon) && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180;
}

inline double e7(int64_t v) { return double(v) / 1e7; }  // correctly rounded: 461234567 -> 46.1234567

// Decimal text of v at o (what %lld writes); returns the end. Keys are built once per point: no snprintf,
// two digits per division.
inline char* put_decimal(char* o, long long v) {
  static const char k_pairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  unsigned long long u = v < 0 ? 0ull - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
  if (v < 0) *o++ = '-';
  char tmp[24];
  int n = 24;
  while (u >= 100) {
    const unsigned r = unsigned(u % 100);
    u /= 100;
    tmp[--n] = k_pairs[2 * r + 1];
    tmp[--n] = k_pairs[2 * r];
  }
  if (u >= 10) {
    tmp[--n] = k_pairs[2 * u + 1];
    tmp[--n] = k_pairs[2 * u];
  } else {
    tmp[--n] = char('0' + u);
  }
  std::memcpy(o, tmp + n, size_t(24 - n));
  return o + (24 - n);
}

// "t|round(lat*scale)|round(lon*scale)" into buf (80 bytes at least); returns its length.
inline size_t round_key_to(char* buf, int64_t t, double lat, double lon, double scale) {
  char* o = put_decimal(buf, static_cast<long long>(t));
  *o++ = '|';
  o = put_decimal(o, static_cast<long long>(std::llround(lat * scale)));
  *o++ = '|';
  o = put_decimal(o, static_cast<long long>(std::llround(lon * scale)));
  return size_t(o - buf);
}

inline std::string round_key(int64_t t, double lat, double lon, double scale) {
  char buf[80];
  return std::string(buf, round_key_to(buf, t, lat, lon, scale));
}

inline uint64_t mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

// Open-addressing set of 64-bit hashes: exact duplicates within one file (8 bytes a point, load <= 1/2).
class HashSet {
 public:
  bool insert(uint64_t h) {  // false when already present
    if (h == 0) h = 1;
    if ((m_count + 1) * 2 > m_slots.size()) grow();
    const size_t mask = m_slots.size() - 1;
    for (size_t i = size_t(h) & mask;; i = (i + 1) & mask) {
      if (m_slots[i] == h) return false;
      if (m_slots[i] == 0) {
        m_slots[i] = h;
        ++m_count;
        return true;
      }
    }
  }

 private:
  void grow() {
    std::vector<uint64_t> old;
    old.swap(m_slots);
    m_slots.assign(old.empty() ? 1024 : old.size() * 2, 0);
    const size_t mask = m_slots.size() - 1;
    for (uint64_t h : old)
      if (h) {
        size_t i = size_t(h) & mask;
        while (m_slots[i]) i = (i + 1) & mask;
        m_slots[i] = h;
      }
  }
  std::vector<uint64_t> m_slots;
  size_t m_count = 0;
};

// [SECTION] modes

struct ModeName {
  const char* raw;
  const char* id;
};
// Records.json activity guesses, Semantic activityType, Android/iOS topCandidate.type (upper-cased, '_').
inline const ModeName k_modes[] = {
    {"IN_VEHICLE", "car"}, {"IN_ROAD_VEHICLE", "car"}, {"IN_CAR", "car"}, {"IN_FOUR_WHEELER_VEHICLE", "car"},
    {"IN_PASSENGER_VEHICLE", "car"}, {"IN_TAXI", "car"}, {"DRIVING", "car"},
    {"IN_TWO_WHEELER_VEHICLE", "motorbike"}, {"MOTORCYCLING", "motorbike"},
    {"ON_BICYCLE", "bike"}, {"CYCLING", "bike"},
    {"ON_FOOT", "walk"}, {"WALKING", "walk"}, {"HIKING", "walk"},
    {"RUNNING", "run"},
    {"STILL", "still"},
    {"IN_RAIL_VEHICLE", "train"}, {"IN_TRAIN", "train"},
    {"IN_BUS", "bus"}, {"IN_SUBWAY", "metro"}, {"IN_TRAM", "tram"},
    {"FLYING", "plane"}, {"IN_FERRY", "boat"}, {"SAILING", "boat"},
    {"TILTING", ""}, {"UNKNOWN", ""}, {"EXITING_VEHICLE", ""}, {"UNKNOWN_ACTIVITY_TYPE", ""},
};

// Trip mode id: our id, "other" for what we do not map (skiing, cable car, still...).
inline const char* trip_mode(std::string_view raw) {
  const char* m = google_mode(raw);
  if (!m || !*m || std::strcmp(m, "still") == 0) return "other";
  return m;
}

// [SECTION] output tables

struct Provenance {
  std::string file, entry;
};

inline Provenance provenance_of(const ParseOptions& o) {
  // An archive entry's parser sees the entry path as its file name; the archive's own name is not known here.
  if (o.nesting == 0) return {o.file_name, ""};
  return {"", o.file_name};
}

inline void put_f(Column& c, double v) {
  if (std::isnan(v)) c.append_null();
  else c.append_double(v);
}
inline void put_ts(Column& c, const Time& t) {
  if (t.ok()) c.append_timestamp(t.us, t.off);
  else c.append_null();
}
inline void put_s(Column& c, const std::optional<std::string_view>& s) {
  if (s) c.append_string(*s);
  else c.append_null();
}
inline void put_i(Column& c, std::optional<int64_t> v) {
  if (v) c.append_int(*v);
  else c.append_null();
}

struct ColSpec {
  const char* name;
  ColumnType type;
};

inline Table make_table(std::string name, const char* domain, std::initializer_list<ColSpec> cols) {
  Table t;
  t.name = std::move(name);
  t.domain = domain ? domain : "";
  for (const ColSpec& c : cols) {
    Column col;
    col.name = c.name;
    col.type = c.type;
    t.columns.push_back(std::move(col));
  }
  if (domain)
    for (const char* p : domain::k_provenance) {
      Column col;
      col.name = p;
      col.type = std::string_view(p) == "_record" ? ColumnType::Int64 : ColumnType::String;
      t.columns.push_back(std::move(col));
    }
  return t;
}

using CT = ColumnType;

struct PointRow {
  Time ts;
  double lat = k_nan, lon = k_nan, acc = k_nan, alt = k_nan, vel = k_nan;
  std::optional<std::string_view> activity, activity_raw, signal, trip_key;
  std::optional<int64_t> act_conf;
  const char* kind = "fix";   // point_kind: fix, raw_path, waypoint, timeline_path, raw_signal
  int64_t waypoint = -1;      // index within its trip (timeless points)
  uint64_t record = 0;
};

struct VisitRow {
  Time start, end;
  double lat = k_nan, lon = k_nan, confidence = k_nan;
  std::optional<std::string_view> place_id, name, address, semantic_type;
  uint64_t record = 0;
};

struct TripRow {
  Time start, end;
  double distance = k_nan, slat = k_nan, slon = k_nan, elat = k_nan, elon = k_nan, confidence = k_nan;
  std::optional<std::string_view> mode_raw, origin, destination;
  int64_t n_points = 0;
  uint64_t record = 0;
};

// The three domain tables of one source, with the within-file dedup of points.
class Outputs {
 public:
  Outputs(const ParseOptions& o, const char* source, Diagnostics& diag) : m_prov(provenance_of(o)), m_source(source), m_diag(diag) {
    const std::string base = json_table_name(o.file_name, "google");
    m_points = make_table(std::string(domain::k_location_points) + "_" + base, domain::k_location_points,
                          {{"ts", CT::Timestamp}, {"lat", CT::Float64}, {"lon", CT::Float64}, {"accuracy_m", CT::Float64},
                           {"altitude_m", CT::Float64}, {"velocity_m_s", CT::Float64}, {"source", CT::String},
                           {"activity", CT::String}, {"activity_confidence", CT::Int64}, {"point_key", CT::String},
                           {"point_kind", CT::String}, {"activity_raw", CT::String}, {"signal", CT::String},
                           {"trip_key", CT::String}});
    m_visits = make_table(std::string(domain::k_visits) + "_" + base, domain::k_visits,
                          {{"ts_start", CT::Timestamp}, {"ts_end", CT::Timestamp}, {"duration_s", CT::Float64},
                           {"lat", CT::Float64}, {"lon", CT::Float64}, {"place_id", CT::String}, {"name", CT::String},
                           {"address", CT::String}, {"semantic_type", CT::String}, {"confidence", CT::Float64},
                           {"source", CT::String}, {"visit_key", CT::String}});
    m_trips = make_table(std::string(domain::k_trips) + "_" + base, domain::k_trips,
                         {{"ts_start", CT::Timestamp}, {"ts_end", CT::Timestamp}, {"duration_s", CT::Float64},
                          {"distance_m", CT::Float64}, {"mode", CT::String}, {"mode_raw", CT::String},
                          {"mode_inferred", CT::Bool}, {"start_lat", CT::Float64}, {"start_lon", CT::Float64},
                          {"end_lat", CT::Float64}, {"end_lon", CT::Float64}, {"n_points", CT::Int64},
                          {"origin", CT::String}, {"destination", CT::String}, {"price_eur", CT::Float64},
                          {"source", CT::String}, {"trip_key", CT::String}, {"confidence", CT::Float64}});
  }

  // false when dropped as an exact duplicate of an earlier point of this file
  bool point(const PointRow& r) {
    if (r.ts.ok()) {
      const uint64_t h = mix(mix(uint64_t(r.ts.us)) ^ (uint64_t(std::llround(r.lat * 1e7)) * 0x9E3779B97F4A7C15ull) ^
                             (uint64_t(std::llround(r.lon * 1e7)) + 0x632BE59BD9B4E019ull));
      if (!m_seen.insert(h)) {
        ++m_duplicates;
        return false;
      }
    }
    auto& c = m_pts->columns;
    ++m_point_rows;
    put_ts(c[0], r.ts);
    c[1].append_double(r.lat);
    c[2].append_double(r.lon);
    put_f(c[3], r.acc);
    put_f(c[4], r.alt);
    put_f(c[5], r.vel);
    c[6].append_string(m_source);
    put_s(c[7], r.activity);
    put_i(c[8], r.act_conf);
    if (r.ts.ok()) {  // google_point_key, without a std::string per point
      char key[80];
      c[9].append_string(std::string_view(key, round_key_to(key, floor_div(r.ts.us, 1000000), r.lat, r.lon, 1e5)));
    }
    else if (r.trip_key && r.waypoint >= 0) c[9].append_string(std::string(*r.trip_key) + "|w" + std::to_string(r.waypoint));
    else c[9].append_null();
    c[10].append_string(r.kind);
    put_s(c[11], r.activity_raw);
    put_s(c[12], r.signal);
    put_s(c[13], r.trip_key);
    provenance(c, 14, r.record);
    return true;
  }

  void visit(const VisitRow& r) {
    auto& c = m_visits.columns;
    put_ts(c[0], r.start);
    put_ts(c[1], r.end);
    put_f(c[2], r.start.ok() && r.end.ok() ? double(r.end.us - r.start.us) / 1e6 : k_nan);
    put_f(c[3], r.lat);
    put_f(c[4], r.lon);
    put_s(c[5], r.place_id);
    put_s(c[6], r.name);
    put_s(c[7], r.address);
    put_s(c[8], r.semantic_type);
    put_f(c[9], r.confidence);
    c[10].append_string(m_source);
    if (r.start.ok() && valid_pos(r.lat, r.lon)) c[11].append_string(google_segment_key(r.start.us, r.lat, r.lon));
    else c[11].append_null();
    provenance(c, 12, r.record);
  }

  void trip(const TripRow& r) {
    auto& c = m_trips.columns;
    put_ts(c[0], r.start);
    put_ts(c[1], r.end);
    put_f(c[2], r.start.ok() && r.end.ok() ? double(r.end.us - r.start.us) / 1e6 : k_nan);
    put_f(c[3], r.distance);
    if (r.mode_raw) c[4].append_string(trip_mode(*r.mode_raw));
    else c[4].append_null();
    put_s(c[5], r.mode_raw);
    c[6].append_bool(false);
    put_f(c[7], r.slat);
    put_f(c[8], r.slon);
    put_f(c[9], r.elat);
    put_f(c[10], r.elon);
    c[11].append_int(r.n_points);
    put_s(c[12], r.origin);
    put_s(c[13], r.destination);
    c[14].append_null();
    c[15].append_string(m_source);
    put_s(c[16], trip_key(r));
    put_f(c[17], r.confidence);
    provenance(c, 18, r.record);
  }

  // Key of a trip from its start (nullopt without start time or position); the string lives until the next call.
  std::optional<std::string_view> trip_key(const TripRow& r) {
    if (!r.start.ok() || !valid_pos(r.slat, r.slon)) return std::nullopt;
    m_key = google_segment_key(r.start.us, r.slat, r.slon);
    return std::string_view(m_key);
  }

  uint64_t rows() const { return m_point_rows + m_visits.rows() + m_trips.rows(); }

  // Points are written in place at the end of `out` from now on, so their rows can be moved out in batches
  // while parsing (Session::take_rows); `out` must not grow while points are written. Records.json only.
  void stream_points(std::vector<Table>& out) {
    out.push_back(std::move(m_points));
    m_points = Table{};
    m_pts = &out.back();
  }
  uint64_t duplicates() const { return m_duplicates; }

  // Moves the tables out, points last when `segments` (visits, trips, then points).
  void take(std::vector<Table>& out, bool segments) {
    if (m_duplicates) {
      Message m = make_message("google.duplicate_points",
                               to_str(m_duplicates) + " point(s) en double (même heure, même position E7) ignoré(s)",
                               to_str(m_duplicates) + " duplicate point(s) (same time, same E7 position) dropped");
      m.info = true;
      m_diag.warn(std::move(m));
    }
    if (segments) {
      out.push_back(std::move(m_visits));
      out.push_back(std::move(m_trips));
    }
    if (m_pts == &m_points) out.push_back(std::move(m_points));  // else already there (stream_points)
  }

 private:
  void provenance(std::vector<Column>& c, size_t i, uint64_t record) {
    c[i].append_string(m_prov.file);
    c[i + 1].append_string(m_prov.entry);
    c[i + 2].append_int(int64_t(record));
  }

  Provenance m_prov;
  const char* m_source;
  Diagnostics& m_diag;
  Table m_points, m_visits, m_trips;
  Table* m_pts = &m_points;     // where points are written (m_points, or a parser's output table)
  uint64_t m_point_rows = 0;    // every point written, batches taken included
  HashSet m_seen;
  uint64_t m_duplicates = 0;
  std::string m_key;
};

// [SECTION] streaming path tracker

// The key path of the current position ("activity[].activity[].type"): a string whose appends and cuts are
// inline, since the tracker changes it at every key.
class PathBuf {
 public:
  size_t size() const { return m_n; }
  void resize(size_t n) {
    if (n > m_n) {
      room(n);
      std::memset(m_b.data() + m_n, 0, n - m_n);
    }
    m_n = n;
  }
  void append(const char* p, size_t n) {
    room(m_n + n);
    std::memcpy(m_b.data() + m_n, p, n);
    m_n += n;
  }
  PathBuf& operator+=(char c) { append(&c, 1); return *this; }
  PathBuf& operator+=(std::string_view s) { append(s.data(), s.size()); return *this; }
  operator std::string_view() const { return std::string_view(m_b.data(), m_n); }

 private:
  void room(size_t n) {
    if (n > m_b.size()) m_b.resize(std::max(n, 2 * m_b.size()));
  }
  std::vector<char> m_b = std::vector<char>(256);
  size_t m_n = 0;
};

// Base of the four JSON shapes: JsonReader events -> relative key paths inside one element of a records
// array ("locations", "timelineObjects", the root array...). A shape sees begin_record, field (scalars),
// open/close (containers inside the record) and end_record; nothing of the document is kept.
class GoogleParser : public Parser, public JsonHandler {
 public:
  GoogleParser(const ParseOptions& o, const char* source)
      : m_opts(o), m_reader(JsonReaderOptions{}, &diag), m_out(o, source, diag) {
    bool known = true;
    m_zone = zone_from_name(o.time_zone, &known);
  }

  void feed(std::span<const uint8_t> chunk) override {
    if (m_done || m_stopped) return;
    m_reader.feed(std::string_view(reinterpret_cast<const char*>(chunk.data()), chunk.size()), *this);
    if (m_reader.failed()) reader_failed();
  }

  void finish() override {
    if (m_done) return;
    if (!m_stopped) {
      m_reader.finish(*this);
      if (m_reader.failed()) reader_failed();
    }
    m_done = true;
    if (diag.failed) { tables.clear(); return; }  // Records.json's table was there from the start
    summary();
    build(tables);
    for (Table& t : tables) t.finalize();
  }

  uint64_t rows_so_far() const override { return m_out.rows() + m_extra_rows; }
  const char* encoding() const override { return "utf-8"; }

  void on_event(const JsonEvent& e, JsonReader&) override {
    const uint32_t d = e.depth;
    switch (e.kind) {
      case JsonKind::Key: {
        m_path.resize(m_frames[d - 1].prefix);
        if (m_path.size() > m_base) m_path += '.';
        m_path.append(e.text.data(), e.text.size());
        return;
      }
      case JsonKind::EndObject:
      case JsonKind::EndArray: {
        const bool object = e.kind == JsonKind::EndObject;
        m_path.resize(m_frames[d].prefix);
        m_frames.pop_back();
        if (m_in_record) {
          if (d == m_rec_depth) end_of_record();
          else close(m_kind, rel(), object);
        } else if (!object && int64_t(d) == m_array_depth) {
          m_array_depth = -1;
        }
        return;
      }
      default: break;
    }
    // a value: its path is the key just read, or "<array path>[]"
    if (d > 0 && !m_frames[d - 1].object) {
      m_path.resize(m_frames[d - 1].prefix);
      m_path += "[]";
      if (!m_in_record && int64_t(d) == m_array_depth + 1) {
        m_in_record = true;
        m_rec_depth = d;
        m_base = m_path.size();
        m_rec_offset = e.offset;
        m_rec_line = e.line;
        begin_record(m_kind, m_rec_index);
      }
    }
    if (e.kind == JsonKind::BeginObject || e.kind == JsonKind::BeginArray) {
      const bool object = e.kind == JsonKind::BeginObject;
      m_frames.push_back(Frame{object, uint32_t(m_path.size())});
      if (m_in_record) {
        if (d > m_rec_depth) open(m_kind, rel(), object);
      } else if (!object && m_array_depth < 0) {
        const int k = record_kind(m_path);
        if (k >= 0) {
          m_array_depth = d;
          m_kind = k;
          m_rec_index = 0;
          m_array_path = std::string(std::string_view(m_path));
        }
      }
      return;
    }
    if (m_in_record) {
      field(m_kind, rel(), e);
      if (d == m_rec_depth) end_of_record();
    } else {
      root_field(m_path, e);
    }
  }

 protected:
  // [SECTION] what a shape implements
  virtual int record_kind(std::string_view array_path) = 0;  // >= 0: its elements are records of this kind
  virtual void begin_record(int kind, uint64_t index) = 0;
  virtual void field(int kind, std::string_view path, const JsonEvent& e) = 0;
  virtual void open(int, std::string_view, bool) {}
  virtual void close(int, std::string_view, bool) {}
  virtual void end_record(int kind) = 0;
  virtual void root_field(std::string_view, const JsonEvent&) {}
  virtual void summary() {}
  virtual void build(std::vector<Table>& out) = 0;

  // A record dropped or repaired: one warning per code (capped), with the record's index and position.
  void record_warning(const char* code, const std::string& fr, const std::string& en) {
    if (diag.at_cap(code)) { diag.suppress(code); return; }
    diag.warn(make_message(code, fr, en, m_rec_offset, m_rec_line));
  }
  std::string where_fr() const { return "enregistrement " + to_str(m_rec_index) + " (" + m_array_path + "[" + to_str(m_rec_index) + "])"; }
  std::string where_en() const { return "record " + to_str(m_rec_index) + " (" + m_array_path + "[" + to_str(m_rec_index) + "])"; }

  void info(const char* code, std::string fr, std::string en) {
    Message m = make_message(code, std::move(fr), std::move(en));
    m.info = true;
    diag.warn(std::move(m));
  }

  ParseOptions m_opts;
  LocalZone m_zone = LocalZone::Paris;
  JsonReader m_reader;
  Outputs m_out;
  uint64_t m_rec_index = 0;     // index of the current record in its array
  uint64_t m_rec_offset = 0, m_rec_line = 0;
  uint64_t m_records = 0;       // complete records
  uint64_t m_extra_rows = 0;
  std::string m_array_path;     // "locations", "semanticSegments", "" (iOS root array)

 private:
  struct Frame {
    bool object;
    uint32_t prefix;  // length of m_path at the container's own path
  };

  std::string_view rel() const { return std::string_view(m_path).substr(m_base); }

  void end_of_record() {
    m_in_record = false;
    m_base = 0;
    ++m_records;
    end_record(m_kind);
    ++m_rec_index;
  }

  // A syntax error or a truncated file: the complete records read so far are kept (a 700 MB Records.json cut
  // by a failed download still gives its points); with none, the parse fails with the tokenizer's message.
  void reader_failed() {
    m_stopped = true;
    const Message& err = m_reader.error();
    if (m_records == 0) {
      diag.fail(err);
      return;
    }
    Message m = make_message("google.truncated",
                             "Lecture arrêtée : " + err.fr + " ; les " + to_str(m_records) +
                                 " enregistrement(s) complet(s) lus avant sont gardés",
                             "Reading stopped: " + err.en + "; the " + to_str(m_records) +
                                 " complete record(s) read before are kept",
                             err.where.byte_offset, err.where.line);
    diag.warn(std::move(m));
  }

  PathBuf m_path;
  std::vector<Frame> m_frames;
  size_t m_base = 0;            // start of the record-relative path in m_path
  bool m_in_record = false;
  uint32_t m_rec_depth = 0;
  int64_t m_array_depth = -1;   // depth of the records array being read
  int m_kind = 0;
  bool m_done = false, m_stopped = false;
};

// [SECTION] shared segment state (Semantic, iOS, Android)

struct PathPoint {
  Time ts;
  double lat = k_nan, lon = k_nan, acc = k_nan;
  double minutes = k_nan;  // iOS: offset from the segment start
  bool has_e7_lat = false, has_e7_lon = false;
  const char* kind = "raw_path";
};

// Emits a segment's buffered path points; timeless points (waypoints) get an index within their trip.
inline void emit_path(Outputs& out, std::vector<PathPoint>& pts, std::optional<std::string_view> trip_key, uint64_t record,
               int64_t& n_points) {
  int64_t wp = 0;
  for (PathPoint& p : pts) {
    if (!valid_pos(p.lat, p.lon)) continue;
    PointRow r;
    r.ts = p.ts;
    r.lat = p.lat;
    r.lon = p.lon;
    r.acc = p.acc;
    r.kind = p.kind;
    r.trip_key = trip_key;
    if (!p.ts.ok()) r.waypoint = wp++;
    r.record = record;
    if (out.point(r)) ++n_points;
  }
}

// A string of the record being read (event views die with the event); capacity reused across records.
struct OptStr {
  std::string s;
  bool set = false;
  void assign(const JsonEvent& e) {
    if (e.kind != JsonKind::String) return;
    s.assign(e.text.data(), e.text.size());
    set = true;
  }
  void clear() { set = false; }
  std::optional<std::string_view> view() const { return set ? std::optional<std::string_view>(s) : std::nullopt; }
};

// [SECTION] detection

// True when `key` (with its quotes) appears as an object key in the head: "key" then optional space and ':'.
inline bool has_key(std::string_view h, std::string_view key) {
  for (size_t pos = 0;;) {
    pos = h.find(key, pos);
    if (pos == std::string_view::npos) return false;
    size_t i = pos + key.size();
    while (i < h.size() && (h[i] == ' ' || h[i] == '\t' || h[i] == '\r' || h[i] == '\n')) ++i;
    if (i < h.size() && h[i] == ':') return true;
    pos += key.size();
  }
}

inline std::string_view object_head(std::string_view head) {
  std::string_view h = json_head_start(head);
  return !h.empty() && h[0] == '{' ? h : std::string_view();
}

}  // namespace sdw::google_detail
