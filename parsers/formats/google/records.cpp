// Format google_records: Takeout Records.json {"locations":[…]} -> location_points (source "records").
// Shared internals: parsers/formats/google/common.h (the dedup rule is described there).
#include "parsers/formats/google/common.h"

namespace sdw {

namespace {

using namespace google_detail;

// [SECTION] Records.json

class RecordsParser final : public GoogleParser {
 public:
  // One table, location_points, filled in place: its rows stream out in batches (a 1 GB Records.json
  // never sits whole in the heap).
  explicit RecordsParser(const ParseOptions& o) : GoogleParser(o, "records") { m_out.stream_points(tables); }
  bool streams_rows() const override { return true; }

 protected:
  int record_kind(std::string_view p) override { return p == "locations" ? 0 : -1; }

  void begin_record(int, uint64_t) override {
    m_lat = m_lon = std::nullopt;
    m_acc = m_alt = m_vel = k_nan;
    m_ts = Time{};
    m_ts_ms = Time{};
    m_signal.clear();
    m_has_signal = false;
    m_act_entries = 0;
    m_best.clear();
    m_best_conf = -1;
    m_has_best = false;
  }

  void field(int, std::string_view p, const JsonEvent& e) override {
    if (p.empty()) return;
    switch (p[0]) {
      case 'l':
        if (p == "latitudeE7") { int64_t v; if (int_of(e, v)) m_lat = v; }
        else if (p == "longitudeE7") { int64_t v; if (int_of(e, v)) m_lon = v; }
        return;
      case 'a':
        if (p == "accuracy") num_of(e, m_acc);
        else if (p == "altitude") num_of(e, m_alt);
        else if (p == "activity[].activity[].type") {
          if (e.kind == JsonKind::String) m_cur.assign(e.text.data(), e.text.size());
        } else if (p == "activity[].activity[].confidence") {
          int_of(e, m_cur_conf);
        }
        return;
      case 'v':
        if (p == "velocity") num_of(e, m_vel);
        return;
      case 't':
        if (p == "timestamp") m_ts = time_of(e, false, m_zone);
        else if (p == "timestampMs") m_ts_ms = time_of(e, true, m_zone);
        return;
      case 's':
        if (p == "source" && e.kind == JsonKind::String) {
          m_signal.assign(e.text.data(), e.text.size());
          m_has_signal = true;
        }
        return;
      default: return;
    }
  }

  void open(int, std::string_view p, bool object) override {
    if (!object) return;
    if (p == "activity[]") ++m_act_entries;
    else if (p == "activity[].activity[]") {
      m_cur.clear();
      m_cur_conf = -1;
    }
  }

  void close(int, std::string_view p, bool object) override {
    // the top guess of the first (closest) activity entry
    if (object && m_act_entries == 1 && p == "activity[].activity[]" && !m_cur.empty() && (!m_has_best || m_cur_conf > m_best_conf)) {
      m_best = m_cur;
      m_best_conf = m_cur_conf;
      m_has_best = true;
    }
  }

  void end_record(int) override {
    if (!m_lat || !m_lon) {
      ++m_no_coords;
      record_warning("google.no_coordinates", "Position sans coordonnées ignorée : " + where_fr(),
                     "Location without coordinates skipped: " + where_en());
      return;
    }
    int64_t lat = *m_lat, lon = *m_lon;
    bool fixed = false;
    // Takeout bug: E7 values written as unsigned 32-bit integers (lat > 90° / lon > 180° by 2^32)
    if (lat > 900000000) { lat -= int64_t(1) << 32; fixed = true; }
    if (lon > 1800000000) { lon -= int64_t(1) << 32; fixed = true; }
    if (lat < -900000000 || lat > 900000000 || lon < -1800000000 || lon > 1800000000) {
      record_warning("google.bad_coordinates",
                     "Coordonnées hors limites ignorées (" + std::to_string(*m_lat) + ", " + std::to_string(*m_lon) + ") : " + where_fr(),
                     "Out-of-range coordinates skipped (" + std::to_string(*m_lat) + ", " + std::to_string(*m_lon) + "): " + where_en());
      return;
    }
    if (fixed) {
      if (m_overflow++ == 0) m_overflow_first = m_rec_index;
    }
    PointRow r;
    r.ts = m_ts.ok() ? m_ts : m_ts_ms;
    if (!r.ts.ok()) {
      record_warning("google.no_timestamp", "Position sans horodatage lisible ignorée : " + where_fr(),
                     "Location without a readable timestamp skipped: " + where_en());
      return;
    }
    r.lat = e7(lat);
    r.lon = e7(lon);
    r.acc = m_acc;
    r.alt = m_alt;
    r.vel = m_vel;
    if (m_has_signal) r.signal = m_signal;
    if (m_has_best) {
      const char* mode = google_mode(m_best);
      r.activity = mode ? std::string_view(mode) : std::string_view("");
      r.activity_raw = m_best;
      if (m_best_conf >= 0) r.act_conf = m_best_conf;
    }
    r.record = m_rec_index;
    m_out.point(r);
  }

  void summary() override {
    if (m_overflow)
      diag.warn(make_message("google.e7_overflow",
                             to_str(m_overflow) + " coordonnée(s) E7 débordée(s) (bogue connu de Takeout : valeur + 2^32) "
                                                  "corrigée(s) ; premier enregistrement " + to_str(m_overflow_first),
                             to_str(m_overflow) + " overflowed E7 coordinate(s) (known Takeout bug: value + 2^32) fixed; "
                                                  "first at record " + to_str(m_overflow_first)));
    if (m_records == 0 && m_no_coords == 0)
      info("google.no_locations", "Aucune position dans « locations »", "No location in \"locations\"");
  }

  void build(std::vector<Table>& out) override { m_out.take(out, false); }

 private:
  std::optional<int64_t> m_lat, m_lon;
  double m_acc = k_nan, m_alt = k_nan, m_vel = k_nan;
  Time m_ts, m_ts_ms;
  std::string m_signal;
  bool m_has_signal = false;
  int m_act_entries = 0;
  std::string m_cur, m_best;
  int64_t m_cur_conf = -1, m_best_conf = -1;
  bool m_has_best = false;
  uint64_t m_overflow = 0, m_overflow_first = 0, m_no_coords = 0;
};

}  // namespace

int google_records_detect(std::string_view head, std::string_view) {
  std::string_view h = object_head(head);
  return !h.empty() && has_key(h, "\"locations\"") && has_key(h, "\"latitudeE7\"") ? 95 : 0;
}

std::unique_ptr<Parser> google_records_create(const ParseOptions& o) { return std::make_unique<RecordsParser>(o); }

}  // namespace sdw
