// Formats google_ios and google_android: the 2024 iOS and 2025 Android on-device Timeline exports -> visits,
// trips, location_points (sources "ios", "android"), frequent_places.
// Shared internals: parsers/formats/google/common.h (the dedup rule is described there).
#include "parsers/formats/google/common.h"

namespace sdw {

namespace {

using namespace google_detail;

// [SECTION] iOS (2024) and Android (2025) on-device exports

// Both write segments {startTime, endTime, visit | activity | timelinePath | timelineMemory}; iOS as a
// top-level array with numbers as strings and "geo:lat,lng" positions, Android under "semanticSegments" with
// "lat°, lng°" strings, plus "rawSignals" (positions, activity records, Wi-Fi scans) and
// "userLocationProfile.frequentPlaces". One parser reads both spellings.
class DeviceParser final : public GoogleParser {
 public:
  DeviceParser(const ParseOptions& o, bool android)
      : GoogleParser(o, android ? "android" : "ios"), m_android(android) {}

 protected:
  enum Kind { k_segment = 0, k_signal = 1, k_place = 2 };

  int record_kind(std::string_view p) override {
    if (!m_android) return p.empty() ? k_segment : -1;
    if (p == "semanticSegments") return k_segment;
    if (p == "rawSignals") return k_signal;
    if (p == "userLocationProfile.frequentPlaces") return k_place;
    return -1;
  }

  void begin_record(int, uint64_t) override {
    m_seg = Seg::None;
    m_pts.clear();
    for (OptStr* s : {&m_start_s, &m_end_s, &m_place_id, &m_semtype, &m_type, &m_signal, &m_ts_s, &m_label})
      s->clear();
    m_start_off = m_end_off = std::nullopt;
    m_level = 0;
    m_has_visit = m_has_trip = m_has_path = false;
    m_sig_pos = m_sig_act = m_sig_wifi = false;
    m_lat = m_lon = m_slat = m_slon = m_elat = m_elon = m_distance = m_prob = m_acc = m_alt = m_vel = k_nan;
    m_has_position = false;
  }

  void field(int kind, std::string_view p, const JsonEvent& e) override {
    if (kind == k_signal) return signal_field(p, e);
    if (kind == k_place) {
      if (p == "placeId") m_place_id.assign(e);
      else if (p == "label") m_label.assign(e);
      else if (p == "placeLocation" || p == "placeLocation.latLng") latlng(e, m_lat, m_lon);
      return;
    }
    if (p == "startTime") m_start_s.assign(e);
    else if (p == "endTime") m_end_s.assign(e);
    else if (p == "startTimeTimezoneUtcOffsetMinutes") { int64_t v; if (int_of(e, v)) m_start_off = v; }
    else if (p == "endTimeTimezoneUtcOffsetMinutes") { int64_t v; if (int_of(e, v)) m_end_off = v; }
    else if (strip(p, "visit")) {
      m_seg = Seg::Visit;
      m_has_visit = true;
      if (p == "hierarchyLevel") { int64_t v; if (int_of(e, v)) m_level = v; }
      else if (strip(p, "topCandidate")) {
        if (p == "placeID" || p == "placeId") m_place_id.assign(e);
        else if (p == "semanticType") m_semtype.assign(e);
        else if (p == "probability") num_of(e, m_prob);
        else if (p == "placeLocation" || p == "placeLocation.latLng") latlng(e, m_lat, m_lon);
      }
    } else if (strip(p, "activity")) {
      m_seg = Seg::Trip;
      m_has_trip = true;
      if (p == "start" || p == "start.latLng") latlng(e, m_slat, m_slon);
      else if (p == "end" || p == "end.latLng") latlng(e, m_elat, m_elon);
      else if (p == "distanceMeters") num_of(e, m_distance);
      else if (p == "topCandidate.type") m_type.assign(e);
      else if (p == "topCandidate.probability") num_of(e, m_prob);
    } else if (starts_with(p, "timelinePath[].")) {
      if (m_pts.empty()) return;
      p.remove_prefix(15);
      PathPoint& pt = m_pts.back();
      if (p == "point") latlng(e, pt.lat, pt.lon);
      else if (p == "time") pt.ts = time_of(e, false, m_zone);
      else if (p == "durationMinutesOffsetFromStartTime") num_of(e, pt.minutes);
    } else if (starts_with(p, "timelineMemory")) {
      if (m_seg == Seg::None) m_seg = Seg::Memory;
    }
  }

  void open(int kind, std::string_view p, bool object) override {
    if (kind == k_segment) {
      if (object && p == "timelinePath[]") {
        m_has_path = true;
        m_pts.push_back(PathPoint{});
        m_pts.back().kind = "timeline_path";
      } else if (p == "timelinePath") {
        m_has_path = true;
        if (m_seg == Seg::None) m_seg = Seg::Path;
      } else if (p == "timelineMemory" && m_seg == Seg::None) {
        m_seg = Seg::Memory;
      }
    } else if (kind == k_signal) {
      note_signal(p);
    }
  }

  void end_record(int kind) override {
    if (kind == k_signal) return end_signal();
    if (kind == k_place) return end_place();
    const Time start = time_with_offset(m_start_s.view().value_or(""), m_start_off, m_zone);
    const Time end = time_with_offset(m_end_s.view().value_or(""), m_end_off ? m_end_off : m_start_off, m_zone);
    if (m_has_path && m_seg != Seg::Path && !m_pts.empty()) {  // a segment with a path AND a visit/activity
      ++m_path_with_other;
      emit_path_points(start);
    }
    switch (m_seg) {
      case Seg::Visit: {
        if (m_level > 0) {  // decided at the end: dropped only when a level-0 visit contains it
          m_deferred.push_back(DeferredVisit{start, end, m_lat, m_lon, m_prob, m_place_id.view() ? std::optional<std::string>(m_place_id.s) : std::nullopt,
                                             m_semtype.view() ? std::optional<std::string>(m_semtype.s) : std::nullopt, m_rec_index});
          break;
        }
        if (start.ok() && end.ok()) m_parents.emplace_back(start.us, end.us);
        VisitRow v;
        v.start = start;
        v.end = end;
        v.lat = m_lat;
        v.lon = m_lon;
        v.place_id = m_place_id.view();
        v.semantic_type = m_semtype.view();
        v.confidence = m_prob;
        v.record = m_rec_index;
        m_out.visit(v);
        break;
      }
      case Seg::Trip: {
        TripRow t;
        t.start = start;
        t.end = end;
        t.slat = m_slat;
        t.slon = m_slon;
        t.elat = m_elat;
        t.elon = m_elon;
        t.distance = m_distance;
        t.mode_raw = m_type.view();
        t.confidence = m_prob;
        t.record = m_rec_index;
        m_out.trip(t);
        break;
      }
      case Seg::Path: emit_path_points(start); break;
      case Seg::Memory: ++m_memories; break;
      case Seg::None: ++m_other; break;
    }
  }

  void summary() override {
    uint64_t orphans = 0;
    for (const DeferredVisit& d : m_deferred) {
      bool inside = false;
      for (const auto& [a, b] : m_parents)
        if (d.start.ok() && d.end.ok() && d.start.us >= a && d.end.us <= b) { inside = true; break; }
      if (inside) { ++m_nested; continue; }
      ++orphans;
      VisitRow v;
      v.start = d.start;
      v.end = d.end;
      v.lat = d.lat;
      v.lon = d.lon;
      v.confidence = d.prob;
      if (d.place_id) v.place_id = std::string_view(*d.place_id);
      if (d.semtype) v.semantic_type = std::string_view(*d.semtype);
      v.record = d.record;
      m_out.visit(v);
    }
    if (m_nested)
      info("google.nested_visits", to_str(m_nested) + " visite(s) imbriquée(s) (hierarchyLevel > 0) non comptée(s) : elles sont contenues dans une visite parente",
           to_str(m_nested) + " nested visit(s) (hierarchyLevel > 0) not counted: a parent visit contains them");
    if (orphans)
      info("google.nested_without_parent", to_str(orphans) + " visite(s) de niveau hierarchyLevel > 0 gardée(s) : aucune visite parente ne les contient",
           to_str(orphans) + " visit(s) with hierarchyLevel > 0 kept: no parent visit contains them");
    if (m_path_with_other)
      info("google.path_and_visit", to_str(m_path_with_other) + " segment(s) avec à la fois un trajet (timelinePath) et une visite ou activité : les deux sont lus",
           to_str(m_path_with_other) + " segment(s) holding both a timelinePath and a visit or activity: both are read");
    if (m_activity_with_position)
      info("google.signal_activity_with_position", to_str(m_activity_with_position) + " rawSignals avec activité et position : la position est gardée",
           to_str(m_activity_with_position) + " rawSignals with both an activity record and a position: the position is kept");
    if (m_memories)
      info("google.memories", to_str(m_memories) + " résumé(s) de voyage (timelineMemory) ignoré(s)",
           to_str(m_memories) + " trip summary(ies) (timelineMemory) skipped");
    if (m_other)
      info("google.other_segments", to_str(m_other) + " segment(s) de type inconnu ignoré(s)",
           to_str(m_other) + " segment(s) of unknown kind skipped");
    if (m_activity_records || m_wifi)
      info("google.signals_skipped",
           to_str(m_activity_records) + " enregistrement(s) d'activité et " + to_str(m_wifi) +
               " scan(s) Wi-Fi des rawSignals ignorés (sans position)",
           to_str(m_activity_records) + " activity record(s) and " + to_str(m_wifi) +
               " Wi-Fi scan(s) of rawSignals skipped (no position)");
  }

  void build(std::vector<Table>& out) override {
    m_out.take(out, true);
    if (m_places.rows()) out.push_back(std::move(m_places));
  }

 private:
  enum class Seg { None, Visit, Trip, Path, Memory };
  enum class Sig { None, Position, Activity, Wifi };

  void latlng(const JsonEvent& e, double& lat, double& lon) {
    if (e.kind != JsonKind::String || !google_parse_latlng(e.text, lat, lon)) {
      if (e.kind == JsonKind::String)
        record_warning("google.bad_latlng", "Position illisible « " + shown(e.text) + " » : " + where_fr(),
                       "Unreadable position \"" + shown(e.text) + "\": " + where_en());
    }
  }

  void signal_field(std::string_view p, const JsonEvent& e) {
    note_signal(p);
    if (!strip(p, "position")) return;
    if (p == "LatLng" || p == "latLng") m_has_position = true, latlng(e, m_lat, m_lon);
    else if (p == "accuracyMeters") num_of(e, m_acc);
    else if (p == "altitudeMeters") num_of(e, m_alt);
    else if (p == "speedMetersPerSecond") num_of(e, m_vel);
    else if (p == "source") m_signal.assign(e);
    else if (p == "timestamp") m_ts_s.assign(e);
  }

  // An entry may list several kinds in any order ({"activityRecord":…, "position":…}): a position is kept
  // whatever comes first; activity records and Wi-Fi scans are counted only when no position comes with them.
  void note_signal(std::string_view p) {
    if (starts_with(p, "position")) m_sig_pos = true;
    else if (starts_with(p, "activityRecord")) m_sig_act = true;
    else if (starts_with(p, "wifiScan")) m_sig_wifi = true;
  }

  void end_signal() {
    m_sig = Sig::None;
    if (!m_sig_pos) {
      if (m_sig_act) ++m_activity_records;
      else if (m_sig_wifi) ++m_wifi;
      return;
    }
    if (m_sig_act) ++m_activity_with_position;
    PointRow r;
    r.ts = time_with_offset(m_ts_s.view().value_or(""), std::nullopt, m_zone);
    if (!valid_pos(m_lat, m_lon)) {
      if (!m_has_position)
        record_warning("google.no_coordinates", "Position sans coordonnées ignorée : " + where_fr(),
                       "Position without coordinates skipped: " + where_en());
      return;
    }
    if (!r.ts.ok()) {
      record_warning("google.no_timestamp", "Position sans horodatage lisible ignorée : " + where_fr(),
                     "Position without a readable timestamp skipped: " + where_en());
      return;
    }
    r.lat = m_lat;
    r.lon = m_lon;
    r.acc = m_acc;
    r.alt = m_alt;
    r.vel = m_vel;
    r.signal = m_signal.view();
    r.kind = "raw_signal";
    r.record = m_rec_index;
    m_out.point(r);
  }

  void end_place() {
    if (m_places.columns.empty())
      m_places = make_table("frequent_places_" + json_table_name(m_opts.file_name, "google"), nullptr,
                            {{"place_id", CT::String}, {"label", CT::String}, {"lat", CT::Float64}, {"lon", CT::Float64}});
    auto& c = m_places.columns;
    put_s(c[0], m_place_id.view());
    put_s(c[1], m_label.view());
    put_f(c[2], m_lat);
    put_f(c[3], m_lon);
    ++m_extra_rows;
  }

  struct DeferredVisit {
    Time start, end;
    double lat, lon, prob;
    std::optional<std::string> place_id, semtype;
    uint64_t record;
  };

  // iOS: minutes after the segment's start; Android: each point's own time
  void emit_path_points(const Time& start) {
    for (PathPoint& pt : m_pts)
      if (!pt.ts.ok() && start.ok() && !std::isnan(pt.minutes)) {
        pt.ts.us = start.us + std::llround(pt.minutes * 60e6);
        pt.ts.off = start.off;
      }
    int64_t n = 0;
    emit_path(m_out, m_pts, std::nullopt, m_rec_index, n);
  }

  bool m_android;
  bool m_has_visit = false, m_has_trip = false, m_has_path = false;
  bool m_sig_pos = false, m_sig_act = false, m_sig_wifi = false;
  std::vector<DeferredVisit> m_deferred;
  std::vector<std::pair<int64_t, int64_t>> m_parents;  // level-0 visits [start, end]
  uint64_t m_path_with_other = 0, m_activity_with_position = 0;
  Seg m_seg = Seg::None;
  Sig m_sig = Sig::None;
  std::vector<PathPoint> m_pts;
  OptStr m_start_s, m_end_s, m_place_id, m_semtype, m_type, m_signal, m_ts_s, m_label;
  std::optional<int64_t> m_start_off, m_end_off;
  int64_t m_level = 0;
  double m_lat = k_nan, m_lon = k_nan, m_slat = k_nan, m_slon = k_nan, m_elat = k_nan, m_elon = k_nan;
  double m_distance = k_nan, m_prob = k_nan, m_acc = k_nan, m_alt = k_nan, m_vel = k_nan;
  bool m_has_position = false;
  Table m_places;
  uint64_t m_nested = 0, m_memories = 0, m_other = 0, m_activity_records = 0, m_wifi = 0;
};

}  // namespace

int google_ios_detect(std::string_view head, std::string_view) {
  std::string_view h = json_head_start(head);
  if (h.empty() || h[0] != '[') return 0;
  h.remove_prefix(1);
  h = json_head_start(h);
  if (h.empty() || h[0] != '{') return 0;
  if (!has_key(h, "\"startTime\"")) return 0;
  const bool kind = has_key(h, "\"visit\"") || has_key(h, "\"activity\"") || has_key(h, "\"timelinePath\"") ||
                    has_key(h, "\"timelineMemory\"");
  return kind ? 95 : 0;
}

int google_android_detect(std::string_view head, std::string_view) {
  std::string_view h = object_head(head);
  return !h.empty() && (has_key(h, "\"semanticSegments\"") || has_key(h, "\"rawSignals\"")) ? 95 : 0;
}

std::unique_ptr<Parser> google_ios_create(const ParseOptions& o) { return std::make_unique<DeviceParser>(o, false); }
std::unique_ptr<Parser> google_android_create(const ParseOptions& o) { return std::make_unique<DeviceParser>(o, true); }

}  // namespace sdw
