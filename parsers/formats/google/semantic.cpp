// Format google_semantic: Semantic Location History months {"timelineObjects":[…]} -> visits, trips,
// location_points (source "semantic").
// Shared internals: parsers/formats/google/common.h (the dedup rule is described there).
#include "parsers/formats/google/common.h"

namespace sdw {

namespace {

using namespace google_detail;

// [SECTION] Semantic Location History


class SemanticParser final : public GoogleParser {
 public:
  explicit SemanticParser(const ParseOptions& o) : GoogleParser(o, "semantic") {}

 protected:
  int record_kind(std::string_view p) override { return p == "timelineObjects" ? 0 : -1; }

  void begin_record(int, uint64_t) override {
    m_seg = Seg::None;
    m_pts.clear();
    for (OptStr* s : {&m_place_id, &m_name, &m_address, &m_semtype, &m_type, &m_origin, &m_dest}) s->clear();
    m_lat = m_lon = m_slat = m_slon = m_elat = m_elon = m_clat = m_clon = std::nullopt;
    m_start = m_end = m_start_ms = m_end_ms = Time{};
    m_distance = m_wp_distance = m_raw_distance = m_confidence = k_nan;
    m_n_acts = 0;
    m_stops = 0;
  }

  void field(int, std::string_view p, const JsonEvent& e) override {
    if (strip(p, "placeVisit")) {
      m_seg = Seg::Visit;
      if (starts_with(p, "childVisits") || starts_with(p, "otherCandidateLocations")) return;
      if (p == "location.latitudeE7") int_opt(e, m_lat);
      else if (p == "location.longitudeE7") int_opt(e, m_lon);
      else if (p == "centerLatE7") int_opt(e, m_clat);
      else if (p == "centerLngE7") int_opt(e, m_clon);
      else if (p == "location.placeId") m_place_id.assign(e);
      else if (p == "location.name") m_name.assign(e);
      else if (p == "location.address") m_address.assign(e);
      else if (p == "location.semanticType") m_semtype.assign(e);
      else if (p == "visitConfidence") { double c; if (num_of(e, c)) m_confidence = c / 100.0; }
      else if (!duration(p, e)) raw_point(p, e);
      return;
    }
    if (strip(p, "activitySegment")) {
      m_seg = Seg::Trip;
      if (p == "startLocation.latitudeE7") int_opt(e, m_slat);
      else if (p == "startLocation.longitudeE7") int_opt(e, m_slon);
      else if (p == "endLocation.latitudeE7") int_opt(e, m_elat);
      else if (p == "endLocation.longitudeE7") int_opt(e, m_elon);
      else if (p == "distance") num_of(e, m_distance);
      else if (p == "activityType") m_type.assign(e);
      else if (p == "activities[].activityType") {
        if (e.kind == JsonKind::String && m_n_acts < k_max_acts) m_acts[m_n_acts++] = {std::string(e.text), k_nan};
      } else if (p == "activities[].probability") {
        if (m_n_acts) num_of(e, m_acts[m_n_acts - 1].second);
      } else if (p == "waypointPath.waypoints[].latE7") e7_into(e, true);
      else if (p == "waypointPath.waypoints[].lngE7") e7_into(e, false);
      else if (p == "waypointPath.distanceMeters") num_of(e, m_wp_distance);
      else if (p == "simplifiedRawPath.distanceMeters") num_of(e, m_raw_distance);
      else if (p == "transitPath.transitStops[].name") {
        if (m_stops++ == 0) m_origin.assign(e);
        else m_dest.assign(e);
      } else if (!duration(p, e)) raw_point(p, e);
    }
  }

  void open(int, std::string_view p, bool object) override {
    if (!object) return;
    if (strip(p, "placeVisit") || strip(p, "activitySegment")) {
      if (p == "simplifiedRawPath.points[]") m_pts.push_back(PathPoint{});
      else if (p == "waypointPath.waypoints[]") { m_pts.push_back(PathPoint{}); m_pts.back().kind = "waypoint"; }
      else if (p == "childVisits[]") ++m_children;
    }
  }

  void end_record(int) override {
    if (m_seg == Seg::Visit) {
      VisitRow v;
      v.start = m_start.ok() ? m_start : m_start_ms;
      v.end = m_end.ok() ? m_end : m_end_ms;
      if (m_lat && m_lon) { v.lat = e7(*m_lat); v.lon = e7(*m_lon); }
      else if (m_clat && m_clon) { v.lat = e7(*m_clat); v.lon = e7(*m_clon); }
      if (!valid_pos(v.lat, v.lon)) v.lat = v.lon = k_nan;
      v.place_id = m_place_id.view();
      v.name = m_name.view();
      v.address = m_address.view();
      v.semantic_type = m_semtype.view();
      v.confidence = m_confidence;
      v.record = m_rec_index;
      m_out.visit(v);
      int64_t n = 0;
      emit_path(m_out, m_pts, std::nullopt, m_rec_index, n);
    } else if (m_seg == Seg::Trip) {
      TripRow t;
      t.start = m_start.ok() ? m_start : m_start_ms;
      t.end = m_end.ok() ? m_end : m_end_ms;
      if (m_slat && m_slon) { t.slat = e7(*m_slat); t.slon = e7(*m_slon); }
      if (m_elat && m_elon) { t.elat = e7(*m_elat); t.elon = e7(*m_elon); }
      if (!valid_pos(t.slat, t.slon)) t.slat = t.slon = k_nan;
      if (!valid_pos(t.elat, t.elon)) t.elat = t.elon = k_nan;
      t.distance = !std::isnan(m_distance) ? m_distance : !std::isnan(m_wp_distance) ? m_wp_distance : m_raw_distance;
      if (!m_type.set && m_n_acts) { m_type.s = m_acts[0].first; m_type.set = true; }
      t.mode_raw = m_type.view();
      for (size_t i = 0; i < m_n_acts; ++i)
        if (m_type.set && m_acts[i].first == m_type.s) { t.confidence = m_acts[i].second / 100.0; break; }
      t.origin = m_origin.view();
      t.destination = m_dest.view();
      t.record = m_rec_index;
      const std::optional<std::string_view> key = m_out.trip_key(t);
      m_key = key ? std::string(*key) : std::string();
      emit_path(m_out, m_pts, key ? std::optional<std::string_view>(m_key) : std::nullopt, m_rec_index, t.n_points);
      m_out.trip(t);
    } else {
      ++m_other;
    }
  }

  void summary() override {
    if (m_children)
      info("google.child_visits", to_str(m_children) + " sous-visite(s) (childVisits) non comptée(s) : elles recouvrent leur visite parente",
           to_str(m_children) + " child visit(s) not counted: they overlap their parent visit");
    if (m_other)
      info("google.other_objects", to_str(m_other) + " objet(s) de la chronologie sans placeVisit ni activitySegment ignoré(s)",
           to_str(m_other) + " timeline object(s) with neither placeVisit nor activitySegment skipped");
  }

  void build(std::vector<Table>& out) override { m_out.take(out, true); }

 private:
  enum class Seg { None, Visit, Trip };
  static constexpr size_t k_max_acts = 16;

  static void int_opt(const JsonEvent& e, std::optional<int64_t>& slot) {
    int64_t v;
    if (int_of(e, v)) slot = v;
  }

  bool duration(std::string_view p, const JsonEvent& e) {
    if (!strip(p, "duration")) return false;
    if (p == "startTimestamp") m_start = time_of(e, false, m_zone);
    else if (p == "endTimestamp") m_end = time_of(e, false, m_zone);
    else if (p == "startTimestampMs") m_start_ms = time_of(e, true, m_zone);
    else if (p == "endTimestampMs") m_end_ms = time_of(e, true, m_zone);
    return true;
  }

  void raw_point(std::string_view p, const JsonEvent& e) {
    if (!strip(p, "simplifiedRawPath.points[]") || m_pts.empty()) return;
    PathPoint& pt = m_pts.back();
    if (p == "latE7" || p == "latitudeE7") e7_into(e, true);
    else if (p == "lngE7" || p == "longitudeE7") e7_into(e, false);
    else if (p == "timestamp") { Time t = time_of(e, false, m_zone); if (t.ok()) pt.ts = t; }
    else if (p == "timestampMs") { Time t = time_of(e, true, m_zone); if (t.ok() && !pt.ts.ok()) pt.ts = t; }
    else if (p == "accuracyMeters") num_of(e, pt.acc);
  }

  void e7_into(const JsonEvent& e, bool lat) {
    int64_t v;
    if (m_pts.empty() || !int_of(e, v)) return;
    (lat ? m_pts.back().lat : m_pts.back().lon) = e7(v);
  }

  Seg m_seg = Seg::None;
  std::vector<PathPoint> m_pts;
  OptStr m_place_id, m_name, m_address, m_semtype, m_type, m_origin, m_dest;
  std::optional<int64_t> m_lat, m_lon, m_slat, m_slon, m_elat, m_elon, m_clat, m_clon;
  Time m_start, m_end, m_start_ms, m_end_ms;
  double m_distance = k_nan, m_wp_distance = k_nan, m_raw_distance = k_nan, m_confidence = k_nan;
  std::pair<std::string, double> m_acts[k_max_acts];
  size_t m_n_acts = 0;
  int m_stops = 0;
  std::string m_key;
  uint64_t m_children = 0, m_other = 0;
};

}  // namespace

int google_semantic_detect(std::string_view head, std::string_view) {
  std::string_view h = object_head(head);
  return !h.empty() && has_key(h, "\"timelineObjects\"") ? 95 : 0;
}

std::unique_ptr<Parser> google_semantic_create(const ParseOptions& o) { return std::make_unique<SemanticParser>(o); }

}  // namespace sdw
