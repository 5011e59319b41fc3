// KML parser: one row per coordinate of every Placemark geometry. <coordinates> text is parsed as it
// streams (a long LineString never sits whole in memory); gx:Track pairs its i-th <when> with its i-th
// <gx:coord>, whether they alternate or come as two runs (only the unmatched run is held).
// Times without an offset are read in ParseOptions::time_zone (KML: "local time" when no zone is given).
#include "parsers/formats/kml.h"

#include <fast_float/fast_float.h>

#include <cmath>
#include <deque>

#include "parsers/core/values.h"
#include "parsers/readers/xml.h"

namespace sdw {

int kml_detect(std::string_view head, std::string_view file_name) {
  if (!xml_head_has_root(head, "kml")) return 0;
  return 90;
}

namespace {

enum class Tag : uint8_t {
  Other, Folder, Document, Placemark, Point, LineString, LinearRing, Track, TimeSpan, TimeStamp, Coordinates
};

Tag tag_of(std::string_view n) {
  if (n == "Placemark") return Tag::Placemark;
  if (n == "coordinates") return Tag::Coordinates;
  if (n == "Point") return Tag::Point;
  if (n == "LineString") return Tag::LineString;
  if (n == "LinearRing") return Tag::LinearRing;
  if (n == "Track") return Tag::Track;
  if (n == "Folder") return Tag::Folder;
  if (n == "Document") return Tag::Document;
  if (n == "TimeSpan") return Tag::TimeSpan;
  if (n == "TimeStamp") return Tag::TimeStamp;
  return Tag::Other;
}

bool parse_number(std::string_view s, double& out) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  auto r = fast_float::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(out);
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

enum Col : size_t { c_placemark, c_folder, c_name, c_description, c_kind, c_part, c_seq, c_time, c_begin, c_end, c_lon, c_lat, c_alt, c_count };

struct Coord {
  double lon = 0, lat = 0, alt = 0;
  bool has_alt = false;
};

struct When {
  bool ok = false;
  DateTime dt;
};

class KmlParser final : public Parser, public XmlHandler {
 public:
  explicit KmlParser(const ParseOptions& o) : m_reader(*this, diag) {
    m_zone = zone_from_name(o.time_zone);
    Table& t = tables.emplace_back();
    t.name = table_name_from_path(o.file_name, "kml");
    const std::pair<const char*, ColumnType> cols[c_count] = {
        {"placemark", ColumnType::Int64}, {"folder", ColumnType::String},    {"name", ColumnType::String},
        {"description", ColumnType::String}, {"kind", ColumnType::String},   {"part", ColumnType::Int64},
        {"seq", ColumnType::Int64},       {"time", ColumnType::Timestamp},   {"begin", ColumnType::Timestamp},
        {"end", ColumnType::Timestamp},   {"lon", ColumnType::Float64},      {"lat", ColumnType::Float64},
        {"alt_m", ColumnType::Float64},
    };
    for (const auto& [name, type] : cols) {
      Column& c = t.columns.emplace_back();
      c.name = name;
      c.type = type;
    }
  }

  void feed(std::span<const uint8_t> chunk) override {
    if (diag.failed) return;
    m_reader.feed(chunk);
    check_reader();
  }

  void finish() override {
    if (diag.failed) return;
    m_reader.finish();
    if (m_reader.failed() && m_reader.failed_at_end() && m_saw_root && m_rows > 0) {
      const Message& e = m_reader.error();
      diag.warn(make_message("kml.truncated",
                             "Fichier KML incomplet (" + e.fr.substr(e.fr.find(':') + 2) + ") : les " + std::to_string(m_rows) +
                                 " points lus sont gardés",
                             "Incomplete KML file (" + e.en.substr(e.en.find(':') + 2) + "): the " + std::to_string(m_rows) +
                                 " points read are kept",
                             e.where.byte_offset, e.where.line));
    } else {
      check_reader();
      if (diag.failed) return;
    }
    if (!m_saw_root) {
      fail_now(make_message("kml.no_root", "Pas d'élément <kml> dans ce fichier", "No <kml> element in this file"));
      return;
    }
    tables[0].meta.emplace_back("placemarks", std::to_string(m_placemarks));
    if (!m_doc_name.empty()) tables[0].meta.emplace_back("document", m_doc_name);
    tables[0].finalize();
    if (m_rows == 0)
      diag.warn(make_message("kml.empty", "Aucune coordonnée dans ce fichier KML", "No coordinates in this KML file"));
  }

  uint64_t rows_so_far() const override { return m_rows; }

  // [SECTION] XML events

  void on_start(std::string_view local, const char** attrs) override {
    const Tag tag = tag_of(local);
    if (m_stack.empty()) m_saw_root = local == "kml";
    m_stack.push_back(tag);
    switch (tag) {
      case Tag::Folder: m_folders.emplace_back(); break;
      case Tag::Placemark:
        ++m_placemarks;
        m_in_placemark = true;
        m_pm_name.clear();
        m_pm_desc.clear();
        m_pm_time = m_pm_begin = m_pm_end = When();
        m_part = 0;
        m_seq = 0;
        break;
      case Tag::Coordinates:
        if (m_in_placemark) {
          const Tag geom = m_stack.size() >= 2 ? m_stack[m_stack.size() - 2] : Tag::Other;
          m_coord_kind = geom == Tag::Point ? "point" : geom == Tag::LineString ? "line" : geom == Tag::LinearRing ? "polygon" : "other";
          ++m_part;
          m_carry.clear();
          m_coord_line = m_reader.line();
          m_coord_offset = m_reader.byte_offset();
          m_reader.stream_text(true);
        }
        break;
      case Tag::Track:
        if (m_in_placemark) {
          ++m_part;
          m_whens.clear();
          m_coords.clear();
          m_track_line = m_reader.line();
          m_track_offset = m_reader.byte_offset();
        }
        break;
      default: break;
    }
  }

  void on_text(std::string_view piece) override {
    m_carry.append(piece.data(), piece.size());
    size_t last = m_carry.size();
    while (last > 0 && !is_space(m_carry[last - 1])) --last;  // keep a tuple cut by the chunk
    if (last == 0) return;
    parse_tuples(std::string_view(m_carry).substr(0, last));
    m_carry.erase(0, last);
  }

  void on_end(std::string_view local, std::string_view text) override {
    const Tag tag = m_stack.empty() ? Tag::Other : m_stack.back();
    if (!m_stack.empty()) m_stack.pop_back();
    const Tag parent = m_stack.empty() ? Tag::Other : m_stack.back();
    switch (tag) {
      case Tag::Coordinates:
        if (m_in_placemark) {
          m_reader.stream_text(false);
          parse_tuples(m_carry);
          m_carry.clear();
        }
        return;
      case Tag::Track:
        if (m_in_placemark) end_track();
        return;
      case Tag::Folder:
        if (!m_folders.empty()) m_folders.pop_back();
        return;
      case Tag::Placemark: m_in_placemark = false; return;
      default: break;
    }
    if (local == "name") {
      if (parent == Tag::Placemark) m_pm_name.assign(trim(text));
      else if (parent == Tag::Folder && !m_folders.empty()) m_folders.back().assign(trim(text));
      else if (parent == Tag::Document && m_doc_name.empty()) m_doc_name.assign(trim(text));
    } else if (local == "description" && parent == Tag::Placemark) {
      m_pm_desc.assign(trim(text));
    } else if (local == "when" && parent == Tag::TimeStamp && m_in_placemark) {
      m_pm_time = read_time(text);
    } else if (local == "begin" && parent == Tag::TimeSpan && m_in_placemark) {
      m_pm_begin = read_time(text);
    } else if (local == "end" && parent == Tag::TimeSpan && m_in_placemark) {
      m_pm_end = read_time(text);
    } else if (local == "when" && parent == Tag::Track && m_in_placemark) {
      m_whens.push_back(read_time(text));
      pair_track();
    } else if (local == "coord" && parent == Tag::Track && m_in_placemark) {
      Coord c;
      const bool ok = read_gx_coord(text, c);
      if (!ok) {
        m_coord_line = m_reader.line();
        m_coord_offset = m_reader.byte_offset();
        bad_coord(text);
      }
      m_coords.push_back(c);  // kept even when bad, so the i-th <when> stays with the i-th <gx:coord>
      m_coord_ok.push_back(ok);
      pair_track();
    }
  }

 private:
  When read_time(std::string_view text) {
    When w;
    text = trim(text);
    if (text.empty()) return w;
    w.ok = parse_datetime(text, m_zone, w.dt, true);
    if (!w.ok) {
      const uint64_t line = m_reader.line();
      diag.warn(make_message("kml.bad_time", "Date illisible « " + std::string(text.substr(0, 40)) + " » (ligne " + std::to_string(line) + ")",
                             "Unreadable date \"" + std::string(text.substr(0, 40)) + "\" (line " + std::to_string(line) + ")",
                             m_reader.byte_offset(), line));
    }
    return w;
  }

  bool read_gx_coord(std::string_view text, Coord& c) {
    double v[3];
    int n = 0;
    size_t i = 0;
    text = trim(text);
    while (i < text.size() && n < 4) {
      while (i < text.size() && is_space(text[i])) ++i;
      size_t j = i;
      while (j < text.size() && !is_space(text[j])) ++j;
      if (j == i) break;
      if (n == 3 || !parse_number(text.substr(i, j - i), v[n])) return false;
      ++n;
      i = j;
    }
    if (n < 2 || std::fabs(v[1]) > 90 || std::fabs(v[0]) > 180) return false;
    c.lon = v[0];
    c.lat = v[1];
    c.has_alt = n == 3;
    c.alt = n == 3 ? v[2] : 0;
    return true;
  }

  // "lon,lat[,alt]" tuples separated by whitespace
  void parse_tuples(std::string_view s) {
    const char* kind = m_coord_kind;
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && is_space(s[i])) ++i;
      size_t j = i;
      while (j < s.size() && !is_space(s[j])) ++j;
      if (j == i) break;
      std::string_view tuple = s.substr(i, j - i);
      i = j;
      double v[3];
      int n = 0;
      bool ok = true;
      size_t a = 0;
      while (ok) {
        size_t b = tuple.find(',', a);
        std::string_view f = tuple.substr(a, b == std::string_view::npos ? std::string_view::npos : b - a);
        if (n == 3 || !parse_number(f, v[n])) ok = false;
        else ++n;
        if (b == std::string_view::npos) break;
        a = b + 1;
      }
      if (!ok || n < 2 || std::fabs(v[1]) > 90 || std::fabs(v[0]) > 180) {
        bad_coord(tuple);
        continue;
      }
      Coord c{v[0], v[1], n == 3 ? v[2] : 0, n == 3};
      add_row(kind, c, nullptr);
    }
  }

  void bad_coord(std::string_view what) {
    diag.warn(make_message("kml.bad_coord",
                           "Coordonnée illisible « " + std::string(what.substr(0, 40)) + " » ignorée (coordonnées de la ligne " +
                               std::to_string(m_coord_line) + ")",
                           "Unreadable coordinate \"" + std::string(what.substr(0, 40)) + "\" skipped (coordinates at line " +
                               std::to_string(m_coord_line) + ")",
                           m_coord_offset, m_coord_line));
  }

  void pair_track() {
    while (!m_whens.empty() && !m_coords.empty()) {
      const When w = m_whens.front();
      const Coord c = m_coords.front();
      const bool ok = m_coord_ok.front();
      m_whens.pop_front();
      m_coords.pop_front();
      m_coord_ok.pop_front();
      if (ok) add_row("track", c, &w);
    }
  }

  void end_track() {
    if (!m_whens.empty() || !m_coords.empty()) {
      const size_t extra_w = m_whens.size(), extra_c = m_coords.size();
      diag.warn(make_message("kml.track_mismatch",
                             "gx:Track (ligne " + std::to_string(m_track_line) + ") : " + std::to_string(extra_w) + " <when> et " +
                                 std::to_string(extra_c) + " <gx:coord> sans correspondant",
                             "gx:Track (line " + std::to_string(m_track_line) + "): " + std::to_string(extra_w) + " <when> and " +
                                 std::to_string(extra_c) + " <gx:coord> without a partner",
                             m_track_offset, m_track_line));
      while (!m_coords.empty()) {  // positions without a time are still positions
        if (m_coord_ok.front()) add_row("track", m_coords.front(), nullptr);
        m_coords.pop_front();
        m_coord_ok.pop_front();
      }
      m_whens.clear();
    }
  }

  static void put_time(Column& c, const When& w) {
    if (w.ok) c.append_timestamp(w.dt.utc_us, w.dt.local_offset());
    else c.append_null();
  }

  void add_row(const char* kind, const Coord& c, const When* w) {
    std::vector<Column>& cols = tables[0].columns;
    cols[c_placemark].append_int(int64_t(m_placemarks));
    if (!m_folders.empty() && !m_folders.back().empty()) cols[c_folder].append_string(m_folders.back());
    else cols[c_folder].append_null();
    if (!m_pm_name.empty()) cols[c_name].append_string(m_pm_name);
    else cols[c_name].append_null();
    if (!m_pm_desc.empty()) cols[c_description].append_string(m_pm_desc);
    else cols[c_description].append_null();
    cols[c_kind].append_string(kind);
    cols[c_part].append_int(m_part);
    cols[c_seq].append_int(++m_seq);
    put_time(cols[c_time], w ? *w : m_pm_time);
    put_time(cols[c_begin], m_pm_begin);
    put_time(cols[c_end], m_pm_end);
    cols[c_lon].append_double(c.lon);
    cols[c_lat].append_double(c.lat);
    if (c.has_alt) cols[c_alt].append_double(c.alt);
    else cols[c_alt].append_null();
    ++m_rows;
  }

  void fail_now(Message m) {
    diag.fail(std::move(m));
    tables.clear();
  }

  void check_reader() {
    if (m_reader.failed() && !diag.failed) fail_now(m_reader.error());
  }

  XmlReader m_reader;
  LocalZone m_zone = LocalZone::Paris;
  std::vector<Tag> m_stack;
  std::vector<std::string> m_folders;
  std::string m_doc_name;
  bool m_saw_root = false;
  bool m_in_placemark = false;
  uint64_t m_placemarks = 0;
  std::string m_pm_name, m_pm_desc;
  When m_pm_time, m_pm_begin, m_pm_end;
  int64_t m_part = 0, m_seq = 0;
  std::string m_carry;
  const char* m_coord_kind = "other";  // geometry of the <coordinates> being read
  uint64_t m_coord_line = 0, m_coord_offset = 0, m_track_line = 0, m_track_offset = 0;
  std::deque<When> m_whens;
  std::deque<Coord> m_coords;
  std::deque<bool> m_coord_ok;
  uint64_t m_rows = 0;
};

}  // namespace

std::unique_ptr<Parser> kml_create(const ParseOptions& opts) { return std::make_unique<KmlParser>(opts); }

}  // namespace sdw
