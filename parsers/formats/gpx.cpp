// GPX parser: element events from XmlReader drive a small state machine (track / route / waypoint, current
// point); each finished point is one row. Memory: the current point plus the columns being built.
// Times without an offset are read as UTC (the GPX schema says so); offsets written in the file are kept.
#include "parsers/formats/gpx.h"

#include <fast_float/fast_float.h>

#include <cmath>
#include <cstdio>
#include <cstring>

#include "parsers/core/values.h"
#include "parsers/readers/xml.h"

namespace sdw {

double haversine_m(double lat1, double lon1, double lat2, double lon2) {
  constexpr double k_r = 6371008.8, k_rad = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * k_rad, dlon = (lon2 - lon1) * k_rad;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * k_rad) * std::cos(lat2 * k_rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * k_r * std::asin(std::min(1.0, std::sqrt(a)));
}

int gpx_detect(std::string_view head, std::string_view file_name) {
  if (!xml_head_has_root(head, "gpx")) return 0;
  return 90;
}

namespace {

bool parse_number(std::string_view s, double& out) {
  s = trim(s);
  if (s.empty()) return false;
  if (s[0] == '+') s.remove_prefix(1);
  auto r = fast_float::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(out);
}

std::string fixed1(double v) {
  char buf[48];
  int n = std::snprintf(buf, sizeof buf, "%.1f", v);
  return std::string(buf, size_t(n));
}

enum class Tag : uint8_t { Other, Gpx, Metadata, Trk, Trkseg, Rte, Trkpt, Rtept, Wpt };

Tag tag_of(std::string_view n) {
  switch (n.size()) {
    case 3:
      if (n == "gpx") return Tag::Gpx;
      if (n == "trk") return Tag::Trk;
      if (n == "rte") return Tag::Rte;
      if (n == "wpt") return Tag::Wpt;
      break;
    case 5:
      if (n == "trkpt") return Tag::Trkpt;
      if (n == "rtept") return Tag::Rtept;
      break;
    case 6:
      if (n == "trkseg") return Tag::Trkseg;
      break;
    case 8:
      if (n == "metadata") return Tag::Metadata;
      break;
  }
  return Tag::Other;
}

// Optional per-point values that become columns the first time one is seen.
enum Extra : int { k_name, k_hr, k_cad, k_speed, k_temp, k_power, k_extra_count };
constexpr const char* k_extra_names[k_extra_count] = {"name", "hr", "cad", "speed_m_s", "temp_c", "power_w"};

struct Point {
  double lat = 0, lon = 0;
  bool ok = false;
  std::string time;
  bool has_time = false;
  double ele = 0;
  bool has_ele = false;
  std::string name;
  double extra[k_extra_count] = {};
  bool has_extra[k_extra_count] = {};
  uint64_t offset = 0, line = 0;
};

struct Summary {
  std::string kind;  // "track" / "route"
  std::string label;
  std::string type;  // <type> of the track or route (Strava "running", Garmin "cycling"…)
  uint64_t index = 0;
  uint64_t points = 0;
  double distance = 0;
  int64_t first_us = 0, last_us = 0;
  bool has_time = false;
  bool has_prev = false;
  double prev_lat = 0, prev_lon = 0;
};

class GpxParser final : public Parser, public XmlHandler {
 public:
  explicit GpxParser(const ParseOptions& o) : m_reader(*this, diag) {
    Table& t = tables.emplace_back();
    t.name = table_name_from_path(o.file_name, "gpx");
    const std::pair<const char*, ColumnType> base[] = {
        {"kind", ColumnType::String},  {"track", ColumnType::String},   {"segment", ColumnType::Int64},
        {"seq", ColumnType::Int64},    {"time", ColumnType::Timestamp}, {"lat", ColumnType::Float64},
        {"lon", ColumnType::Float64},  {"ele_m", ColumnType::Float64},
    };
    for (const auto& [name, type] : base) {
      Column& c = t.columns.emplace_back();
      c.name = name;
      c.type = type;
    }
    for (int& i : m_extra_col) i = -1;
  }

  void feed(std::span<const uint8_t> chunk) override {
    if (diag.failed) return;
    m_bytes += chunk.size();
    m_reader.feed(chunk);
    check_reader();
  }

  void finish() override {
    if (diag.failed) return;
    m_reader.finish();
    if (m_reader.failed() && m_reader.failed_at_end() && m_saw_root && m_rows > 0) {
      const Message& e = m_reader.error();
      diag.warn(make_message("gpx.truncated",
                             "Fichier GPX incomplet (" + e.fr.substr(e.fr.find(':') + 2) + ") : les " + std::to_string(m_rows) +
                                 " points lus sont gardés",
                             "Incomplete GPX file (" + e.en.substr(e.en.find(':') + 2) + "): the " + std::to_string(m_rows) +
                                 " points read are kept",
                             e.where.byte_offset, e.where.line));
      close_summary();
    } else {
      check_reader();
      if (diag.failed) return;
    }
    if (!m_saw_root) {
      fail_now(make_message("gpx.no_root", "Pas d'élément <gpx> dans ce fichier", "No <gpx> element in this file"));
      return;
    }
    Table& t = tables[0];
    for (const Summary& s : m_summaries) {
      const std::string k = s.kind + "." + std::to_string(s.index) + ".";
      t.meta.emplace_back(k + "name", s.label);
      t.meta.emplace_back(k + "points", std::to_string(s.points));
      t.meta.emplace_back(k + "distance_m", fixed1(s.distance));
      if (!s.type.empty()) t.meta.emplace_back(k + "type", s.type);
      if (s.has_time) {
        t.meta.emplace_back(k + "start", format_timestamp(s.first_us));
        t.meta.emplace_back(k + "end", format_timestamp(s.last_us));
        t.meta.emplace_back(k + "duration_s", format_double(double(s.last_us - s.first_us) / 1e6));
      }
    }
    tables[0].finalize();
    if (m_rows == 0)
      diag.warn(make_message("gpx.empty", "Aucun point (trace, itinéraire ou point d'intérêt) dans ce fichier GPX",
                             "No point (track, route or waypoint) in this GPX file"));
  }

  uint64_t rows_so_far() const override { return m_rows; }

  // [SECTION] XML events

  void on_start(std::string_view local, const char** attrs) override {
    const Tag tag = tag_of(local);
    m_stack.push_back(tag);
    switch (tag) {
      case Tag::Gpx:
        if (m_stack.size() == 1) {
          m_saw_root = true;
          if (const char* v = xml_attr(attrs, "version")) tables[0].meta.emplace_back("gpx_version", v);
          if (const char* c = xml_attr(attrs, "creator")) tables[0].meta.emplace_back("creator", c);
        }
        break;
      case Tag::Trk:
      case Tag::Rte: {
        close_summary();
        const bool trk = tag == Tag::Trk;
        Summary& s = m_summaries.emplace_back();
        s.kind = trk ? "track" : "route";
        s.index = trk ? ++m_tracks : ++m_routes;
        s.label = std::to_string(s.index);
        m_in_summary = true;
        m_segment = trk ? 0 : -1;
        m_seq = 0;
        break;
      }
      case Tag::Trkseg:
        ++m_segment;
        if (m_in_summary) m_summaries.back().has_prev = false;  // no distance across segment gaps
        break;
      case Tag::Trkpt:
      case Tag::Rtept:
      case Tag::Wpt: {
        m_pt = Point();
        m_in_point = true;
        m_pt.offset = m_reader.byte_offset();
        m_pt.line = m_reader.line();
        const char* la = xml_attr(attrs, "lat");
        const char* lo = xml_attr(attrs, "lon");
        m_pt.ok = la && lo && parse_number(la, m_pt.lat) && parse_number(lo, m_pt.lon) && std::fabs(m_pt.lat) <= 90 &&
                  std::fabs(m_pt.lon) <= 180;
        break;
      }
      default: break;
    }
  }

  void on_end(std::string_view local, std::string_view text) override {
    const Tag tag = m_stack.empty() ? Tag::Other : m_stack.back();
    const Tag parent = m_stack.size() >= 2 ? m_stack[m_stack.size() - 2] : Tag::Other;
    if (!m_stack.empty()) m_stack.pop_back();
    if (m_in_point && (tag == Tag::Trkpt || tag == Tag::Rtept || tag == Tag::Wpt)) {
      end_point(tag);
      return;
    }
    if (m_in_point) {
      point_child(local, parent, text);
      return;
    }
    switch (tag) {
      case Tag::Trk:
      case Tag::Rte: close_summary(); break;
      case Tag::Other:
        if (local == "name" && (parent == Tag::Trk || parent == Tag::Rte) && m_in_summary) {
          m_summaries.back().label = std::string(trim(text));
        } else if (local == "type" && (parent == Tag::Trk || parent == Tag::Rte) && m_in_summary) {
          m_summaries.back().type = std::string(trim(text));
        } else if (parent == Tag::Metadata && (local == "name" || local == "time" || local == "desc")) {
          tables[0].meta.emplace_back(std::string(local), std::string(trim(text)));
        } else if (parent == Tag::Gpx && local == "time") {  // GPX 1.0 puts it under the root
          tables[0].meta.emplace_back("time", std::string(trim(text)));
        }
        break;
      default: break;
    }
  }

 private:
  void point_child(std::string_view local, Tag parent, std::string_view text) {
    const bool direct = parent == Tag::Trkpt || parent == Tag::Rtept || parent == Tag::Wpt;
    auto number = [&](int which) {
      double v;
      if (parse_number(text, v)) {
        m_pt.extra[which] = v;
        m_pt.has_extra[which] = true;
      }
    };
    if (direct && local == "ele") {
      m_pt.has_ele = parse_number(text, m_pt.ele);
    } else if (direct && local == "time") {
      m_pt.time.assign(trim(text));
      m_pt.has_time = true;
    } else if (direct && local == "name") {
      m_pt.name.assign(trim(text));
      m_pt.has_extra[k_name] = !m_pt.name.empty();
    } else if (local == "speed") {  // GPX 1.0 <speed>, or an extension's speed: metres per second
      number(k_speed);
    } else if (local == "hr" || local == "heartrate") {
      number(k_hr);
    } else if (local == "cad" || local == "cadence") {
      number(k_cad);
    } else if (local == "atemp" || local == "temp") {
      number(k_temp);
    } else if (local == "power" || local == "PowerInWatts") {
      number(k_power);
    }
  }

  void end_point(Tag tag) {
    m_in_point = false;
    if (!m_pt.ok) {
      diag.warn(make_message("gpx.bad_point",
                             "Point sans lat/lon valides ignoré (ligne " + std::to_string(m_pt.line) + ")",
                             "Point without valid lat/lon skipped (line " + std::to_string(m_pt.line) + ")", m_pt.offset,
                             m_pt.line));
      return;
    }
    Table& t = tables[0];
    const size_t rows = size_t(m_rows);
    for (int k = 0; k < k_extra_count; ++k)
      if (m_pt.has_extra[k] && m_extra_col[k] < 0) {
        m_extra_col[k] = int(t.columns.size());
        Column& c = t.columns.emplace_back();
        c.name = k_extra_names[k];
        c.type = k == k_name ? ColumnType::String : ColumnType::Float64;
        for (size_t i = 0; i < rows; ++i) c.append_null();
      }
    const bool wpt = tag == Tag::Wpt;
    const bool in_track = !wpt && m_in_summary;
    Summary* s = in_track ? &m_summaries.back() : nullptr;
    t.columns[0].append_string(wpt ? "waypoint" : tag == Tag::Trkpt ? "track" : "route");
    if (s) t.columns[1].append_string(s->label);
    else t.columns[1].append_null();
    if (tag == Tag::Trkpt && m_segment > 0) t.columns[2].append_int(m_segment);
    else t.columns[2].append_null();
    int64_t seq = wpt ? ++m_wpt_seq : ++m_seq;
    t.columns[3].append_int(seq);
    DateTime dt;
    bool has_time = false;
    if (m_pt.has_time) {
      if (parse_datetime(m_pt.time, LocalZone::Utc, dt)) {
        has_time = true;
        t.columns[4].append_timestamp(dt.utc_us, dt.local_offset());
      } else {
        t.columns[4].append_null();
        diag.warn(make_message("gpx.bad_time",
                               "Heure illisible « " + m_pt.time.substr(0, 40) + " » (ligne " + std::to_string(m_pt.line) + ")",
                               "Unreadable time \"" + m_pt.time.substr(0, 40) + "\" (line " + std::to_string(m_pt.line) + ")",
                               m_pt.offset, m_pt.line));
      }
    } else {
      t.columns[4].append_null();
    }
    t.columns[5].append_double(m_pt.lat);
    t.columns[6].append_double(m_pt.lon);
    if (m_pt.has_ele) t.columns[7].append_double(m_pt.ele);
    else t.columns[7].append_null();
    for (int k = 0; k < k_extra_count; ++k) {
      if (m_extra_col[k] < 0) continue;
      Column& c = t.columns[size_t(m_extra_col[k])];
      if (!m_pt.has_extra[k]) c.append_null();
      else if (k == k_name) c.append_string(m_pt.name);
      else c.append_double(m_pt.extra[k]);
    }
    ++m_rows;
    if (s) {
      ++s->points;
      if (s->has_prev) s->distance += haversine_m(s->prev_lat, s->prev_lon, m_pt.lat, m_pt.lon);
      s->has_prev = true;
      s->prev_lat = m_pt.lat;
      s->prev_lon = m_pt.lon;
      if (has_time) {
        if (!s->has_time || dt.utc_us < s->first_us) s->first_us = dt.utc_us;
        if (!s->has_time || dt.utc_us > s->last_us) s->last_us = dt.utc_us;
        s->has_time = true;
      }
    }
  }

  void close_summary() { m_in_summary = false; }

  void fail_now(Message m) {
    diag.fail(std::move(m));
    tables.clear();
  }

  void check_reader() {
    if (m_reader.failed() && !diag.failed) fail_now(m_reader.error());
  }

  XmlReader m_reader;
  std::vector<Tag> m_stack;
  bool m_saw_root = false;
  bool m_in_point = false;
  bool m_in_summary = false;
  Point m_pt;
  std::vector<Summary> m_summaries;
  uint64_t m_tracks = 0, m_routes = 0;
  int64_t m_segment = 0, m_seq = 0, m_wpt_seq = 0;
  int m_extra_col[k_extra_count];
  uint64_t m_rows = 0, m_bytes = 0;
};

}  // namespace

std::unique_ptr<Parser> gpx_create(const ParseOptions& opts) { return std::make_unique<GpxParser>(opts); }

}  // namespace sdw
