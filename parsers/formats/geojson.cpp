// GeoJSON parser: a JsonHandler that follows features by depth and key (order of members is free:
// "coordinates" may come before "type"), flattens properties with JsonRecordCollector, and writes
// vertices as they stream by. Positions are arrays of numbers; their nesting gives parts (rings, lines).
#include "parsers/formats/geojson.h"

#include <cmath>
#include <cstring>

#include "parsers/readers/json.h"
#include "parsers/readers/json_reader.h"
#include "parsers/core/values.h"

namespace sdw {

namespace {

std::string to_str(uint64_t v) { return std::to_string(v); }

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char a = s[s.size() - suffix.size() + i];
    if (a >= 'A' && a <= 'Z') a = char(a - 'A' + 'a');
    if (a != suffix[i]) return false;
  }
  return true;
}

// Finds `"type" : "<value>"` anywhere in the head.
bool has_type(std::string_view h, std::string_view value) {
  for (size_t pos = h.find("\"type\""); pos != std::string_view::npos; pos = h.find("\"type\"", pos + 1)) {
    size_t i = pos + 6;
    auto ws = [&] {
      while (i < h.size() && (h[i] == ' ' || h[i] == '\t' || h[i] == '\r' || h[i] == '\n')) ++i;
    };
    ws();
    if (i >= h.size() || h[i] != ':') continue;
    ++i;
    ws();
    if (i < h.size() && h[i] == '"' && h.substr(i + 1, value.size()) == value && h.size() > i + 1 + value.size() &&
        h[i + 1 + value.size()] == '"')
      return true;
  }
  return false;
}

bool is_geometry_type(std::string_view t) {
  for (const char* g : {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
                        "GeometryCollection"})
    if (t == g) return true;
  return false;
}

class GeoJsonParser final : public Parser, public JsonHandler {
 public:
  explicit GeoJsonParser(const ParseOptions& o)
      : m_reader(JsonReaderOptions{}, &diag),
        m_name(json_table_name(o.file_name, "geojson")),
        m_builder(m_name, diag, zone_from_name(o.time_zone)) {
    m_builder.declare("feature_index", ColumnType::Int64);
    m_builder.declare("geometry_type", ColumnType::String);
    m_builder.declare("lon", ColumnType::Float64);
    m_builder.declare("lat", ColumnType::Float64);
    m_builder.declare("n_points", ColumnType::Int64);
    m_points.name = m_name + "_points";
    for (const char* n : {"feature_index", "part", "seq"}) add_point_column(n, ColumnType::Int64);
    for (const char* n : {"lon", "lat"}) add_point_column(n, ColumnType::Float64);
  }

  void feed(std::span<const uint8_t> chunk) override {
    if (m_done) return;
    m_reader.feed(std::string_view(reinterpret_cast<const char*>(chunk.data()), chunk.size()), *this);
    if (m_reader.failed()) fail();
  }

  void finish() override {
    if (m_done) return;
    m_reader.finish(*this);
    if (m_reader.failed()) { fail(); return; }
    m_done = true;
    if (m_features == 0 && !m_collection)
      diag.warn(make_message("geojson.no_feature", "Aucune entité GeoJSON (Feature) trouvée",
                             "No GeoJSON feature found"));
    auto note = [&](const char* code, std::string fr, std::string en) {
      Message m = make_message(code, std::move(fr), std::move(en));
      m.info = true;
      diag.warn(std::move(m));
    };
    if (m_string_coords)
      note("geojson.string_coordinates", to_str(m_string_coords) + " coordonnée(s) écrite(s) en texte (\"0.1\") lue(s) comme nombres",
           to_str(m_string_coords) + " coordinate(s) written as text (\"0.1\") read as numbers");
    if (m_epoch_s || m_epoch_ms)
      note("geojson.epoch_time", "properties.timestamp / time en secondes (" + to_str(m_epoch_s) + ") ou millisecondes (" + to_str(m_epoch_ms) +
                                     ") depuis 1970 : lu comme date-heure UTC (colonne time_utc)",
           "properties.timestamp / time in epoch seconds (" + to_str(m_epoch_s) + ") or milliseconds (" + to_str(m_epoch_ms) +
               "): read as a UTC date-time (column time_utc)");
    tables.push_back(m_builder.take());
    if (m_points.rows() > 0) tables.push_back(std::move(m_points));
    for (auto& t : tables) t.finalize();
  }

  uint64_t rows_so_far() const override { return m_builder.rows() + m_points.rows(); }
  const char* encoding() const override { return "utf-8"; }

  void on_event(const JsonEvent& e, JsonReader& r) override {
    if (m_props_active) {
      if (m_props.on_event(e)) m_props_active = false;
      return;
    }
    if (m_in_coords) {
      coords_event(e);
      return;
    }
    const uint32_t d = e.depth;
    // the root: a FeatureCollection, a Feature or a bare geometry
    if (d == 0) {
      if (e.kind == JsonKind::BeginObject) start_feature(e);
      else if (e.kind == JsonKind::EndObject && m_in_feature) end_feature();
      return;
    }
    if (d == 1 && e.kind == JsonKind::BeginArray && r.is_object(0) && r.key_at(0) == "features") {
      m_collection = true;
      m_in_feature = false;
      m_in_geom = false;
      return;
    }
    if (m_in_feature && e.kind == JsonKind::EndObject && d == m_fd) {
      end_feature();
      return;
    }
    if (m_collection && d == 2 && r.key_at(0) == "features" && !r.is_object(1)) {
      if (e.kind == JsonKind::BeginObject) start_feature(e);
      return;
    }
    if (!m_in_feature) return;
    if (e.kind == JsonKind::Key || e.kind == JsonKind::EndObject || e.kind == JsonKind::EndArray) {
      if (m_in_geom && e.kind == JsonKind::EndObject && d == m_gd) m_in_geom = false;
      return;
    }
    // a value: what member is it?
    const uint32_t parent = d - 1;
    const bool member = r.is_object(parent);
    const std::string_view key = member ? r.key_at(parent) : std::string_view();
    if (parent == m_fd && member) {
      if (key == "type" && e.kind == JsonKind::String) {
        m_feature_type.assign(e.text.data(), e.text.size());
        if (m_fd == 0 && is_geometry_type(e.text)) m_geom_type = m_feature_type;  // bare geometry
      } else if (key == "id" && e.kind != JsonKind::BeginArray && e.kind != JsonKind::BeginObject) {
        m_has_id = true;
        m_id_kind = e.kind;
        m_id_text.assign(e.text.data(), e.text.size());
        if (e.kind == JsonKind::Bool) m_id_text = e.boolean ? "true" : "false";
        m_id_event = e;
      } else if (key == "properties" && e.kind == JsonKind::BeginObject) {
        m_props.begin("properties.");
        m_props.on_event(e);
        m_props_active = true;
        m_has_props = true;
      } else if (key == "geometry" && e.kind == JsonKind::BeginObject) {
        m_in_geom = true;
        m_gd = d;
      } else if (key == "coordinates" && m_fd == 0) {
        start_coords(e);
      }
      return;
    }
    if (m_in_geom && member) {
      if (parent == m_gd && key == "type" && e.kind == JsonKind::String) m_geom_type.assign(e.text.data(), e.text.size());
      else if (key == "coordinates") start_coords(e);
    }
  }

 private:
  void add_point_column(const char* name, ColumnType t) {
    Column c;
    c.name = name;
    c.type = t;
    m_points.columns.push_back(std::move(c));
  }

  void fail() {
    diag.fail(m_reader.error());
    tables.clear();
    m_done = true;
  }

  void start_feature(const JsonEvent& e) {
    m_in_feature = true;
    m_fd = e.depth;
    m_feature_off = e.offset;
    m_feature_line = e.line;
    m_in_geom = false;
    m_feature_type.clear();
    m_geom_type.clear();
    m_has_id = m_has_props = false;
    m_n_points = 0;
    m_has_first = false;
    m_first_valid = false;
    m_part = -1;
    m_line_id = 0;
    m_saw_coords = false;
  }

  void end_feature() {
    m_in_feature = false;
    if (m_fd == 0 && m_feature_type != "Feature" && m_geom_type.empty() && !m_saw_coords) return;  // not a feature
    m_fields.clear();
    auto num = [&](const char* path, bool is_int, int64_t i, double f) {
      JsonField x;
      x.path = path;
      x.type = JsonType::Number;
      x.integral = x.is_int = is_int;
      x.i64 = i;
      x.f64 = f;
      x.offset = m_feature_off;
      x.line = m_feature_line;
      m_fields.push_back(x);
    };
    auto null = [&](const char* path) {
      JsonField x;
      x.path = path;
      x.offset = m_feature_off;
      m_fields.push_back(x);
    };
    num("feature_index", true, int64_t(m_features), double(m_features));
    if (m_has_id) {
      JsonField x;
      x.path = "id";
      x.type = m_id_kind == JsonKind::String ? JsonType::String
               : m_id_kind == JsonKind::Number ? JsonType::Number
               : m_id_kind == JsonKind::Bool   ? JsonType::Bool
                                               : JsonType::Null;
      x.text = m_id_text;
      x.boolean = m_id_event.boolean;
      x.integral = m_id_event.integral;
      x.is_int = m_id_event.is_int;
      x.i64 = m_id_event.i64;
      x.f64 = m_id_event.f64;
      x.offset = m_id_event.offset;
      x.line = m_id_event.line;
      m_fields.push_back(x);
    }
    if (m_geom_type.empty()) null("geometry_type");
    else {
      JsonField x;
      x.path = "geometry_type";
      x.type = JsonType::String;
      x.text = m_geom_type;
      m_fields.push_back(x);
    }
    if (m_first_valid) {
      num("lon", false, 0, m_first_lon);
      num("lat", false, 0, m_first_lat);
    } else {
      null("lon");
      null("lat");
    }
    num("n_points", true, int64_t(m_n_points), double(m_n_points));
    if (m_has_props) {
      for (const JsonField& f : m_props.fields()) m_fields.push_back(f);
      epoch_time();
    }
    m_builder.add_record(m_fields, m_feature_off, m_feature_line);
    ++m_features;
  }

  // [SECTION] coordinates

  void start_coords(const JsonEvent& e) {
    m_saw_coords = true;
    if (e.kind != JsonKind::BeginArray) return;  // null or junk: no position
    m_in_coords = true;
    m_cd = e.depth;
    m_arr_ids.assign(1, ++m_arr_counter);
    m_arr_off.assign(1, e.offset);
    m_arr_line.assign(1, e.line);
    m_pos_n = 0;
    m_pos_junk = false;
  }

  void coords_event(const JsonEvent& e) {
    const uint32_t rel = e.depth - m_cd;
    switch (e.kind) {
      case JsonKind::BeginArray:
        m_arr_ids.resize(rel + 1);
        m_arr_off.resize(rel + 1);
        m_arr_line.resize(rel + 1);
        m_arr_ids[rel] = ++m_arr_counter;
        m_arr_off[rel] = e.offset;
        m_arr_line[rel] = e.line;
        m_pos_n = 0;
        m_pos_junk = false;
        return;
      case JsonKind::Number:
        if (m_pos_n < 3) m_pos[m_pos_n] = e.f64;
        ++m_pos_n;
        return;
      case JsonKind::EndArray:
        if (m_pos_n > 0 || m_pos_junk) vertex(rel);
        m_pos_n = 0;
        m_pos_junk = false;
        if (rel == 0) m_in_coords = false;
        return;
      case JsonKind::String: {  // ["0.1","0.1"]: numbers written as strings (some exporters), read with a note
        double v;
        if (parse_float(trim(e.text), v)) {
          if (m_pos_n < 3) m_pos[m_pos_n] = v;
          ++m_pos_n;
          ++m_string_coords;
          return;
        }
        m_pos_junk = true;
        return;
      }
      default:
        m_pos_junk = true;  // objects, null, unreadable strings inside coordinates
        return;
    }
  }

  void vertex(uint32_t rel) {
    ++m_n_points;
    bool ok = !m_pos_junk && m_pos_n >= 2 && std::isfinite(m_pos[0]) && std::isfinite(m_pos[1]) &&
              m_pos[0] >= -180 && m_pos[0] <= 180 && m_pos[1] >= -90 && m_pos[1] <= 90;
    if (!ok) bad_position(rel);
    if (!m_has_first) {
      m_has_first = true;
      m_first_valid = ok;
      m_first_lon = m_pos[0];
      m_first_lat = m_pos[1];
    }
    if (rel == 0) return;  // a Point: only in the feature table
    const uint64_t parent = m_arr_ids[rel - 1];
    if (parent != m_line_id) {
      m_line_id = parent;
      ++m_part;
      m_seq = 0;
    } else {
      ++m_seq;
    }
    Table& t = m_points;
    t.columns[0].append_int(int64_t(m_features));
    t.columns[1].append_int(m_part);
    t.columns[2].append_int(int64_t(m_seq));
    if (ok) {
      t.columns[3].append_double(m_pos[0]);
      t.columns[4].append_double(m_pos[1]);
    } else {
      t.columns[3].append_null();
      t.columns[4].append_null();
    }
    const bool has_ele = ok && m_pos_n >= 3;
    if (has_ele && t.columns.size() < 6) {
      Column c;
      c.name = "ele";
      c.type = ColumnType::Float64;
      for (size_t i = 0; i + 1 < t.columns[0].size(); ++i) c.append_null();
      t.columns.push_back(std::move(c));
    }
    if (t.columns.size() >= 6) {
      if (has_ele) t.columns[5].append_double(m_pos[2]);
      else t.columns[5].append_null();
    }
  }

  // properties.timestamp / properties.time as epoch numbers: seconds or milliseconds chosen by magnitude
  // (1e8..1e10 s = 1973..2286; 1e11..1e13 ms = the same years), added as a "time_utc" column.
  void epoch_time() {
    for (const JsonField& f : m_props.fields()) {
      if (f.path != "properties.timestamp" && f.path != "properties.time") continue;
      if (f.type != JsonType::Number) continue;
      const double v = f.is_int ? double(f.i64) : f.f64;
      int64_t us;
      if (v >= 1e8 && v < 1e10) { us = int64_t(std::llround(v * 1e6)); ++m_epoch_s; }
      else if (v >= 1e11 && v < 1e13) { us = int64_t(std::llround(v * 1e3)); ++m_epoch_ms; }
      else continue;
      JsonField x;
      x.path = "time_utc";
      x.type = JsonType::String;
      m_time_text = format_timestamp(us);
      x.text = m_time_text;
      x.offset = m_feature_off;
      x.line = m_feature_line;
      m_fields.push_back(x);
      return;
    }
  }

  void bad_position(uint32_t rel) {
    ++m_bad_coords;
    const char* code = "geojson.bad_coordinate";
    if (diag.at_cap(code)) { diag.suppress(code); return; }
    const uint64_t off = m_arr_off[rel], line = m_arr_line[rel];
    std::string what;
    if (m_pos_junk || m_pos_n < 2) what = m_pos_junk ? "non numérique" : "moins de 2 nombres";
    std::string what_en = m_pos_junk ? "not numeric" : m_pos_n < 2 ? "fewer than 2 numbers" : "";
    if (what.empty()) {
      what = "lon " + format_double(m_pos[0]) + ", lat " + format_double(m_pos[1]) + " hors de [-180, 180] × [-90, 90]";
      what_en = "lon " + format_double(m_pos[0]) + ", lat " + format_double(m_pos[1]) + " outside [-180, 180] × [-90, 90]";
    }
    diag.warn(make_message(code,
                           "Position invalide (" + what + ") à l'octet " + to_str(off) + " (ligne " + to_str(line) +
                               "), entité " + to_str(m_features) + " : laissée vide",
                           "Invalid position (" + what_en + ") at byte " + to_str(off) + " (line " + to_str(line) +
                               "), feature " + to_str(m_features) + ": left empty",
                           off, line));
  }

  JsonReader m_reader;
  std::string m_name;
  JsonTableBuilder m_builder;
  Table m_points;
  bool m_done = false;
  bool m_collection = false;
  uint64_t m_features = 0;
  uint64_t m_bad_coords = 0;
  uint64_t m_string_coords = 0, m_epoch_s = 0, m_epoch_ms = 0;
  std::string m_time_text;  // the current feature's time_utc text (its field views it)

  // current feature
  bool m_in_feature = false;
  uint32_t m_fd = 0;
  uint64_t m_feature_off = 0, m_feature_line = 0;
  std::string m_feature_type, m_geom_type;
  bool m_has_id = false;
  JsonKind m_id_kind = JsonKind::Null;
  std::string m_id_text;
  JsonEvent m_id_event;
  JsonRecordCollector m_props;
  bool m_props_active = false, m_has_props = false;
  bool m_in_geom = false;
  uint32_t m_gd = 0;
  bool m_saw_coords = false;
  uint64_t m_n_points = 0;
  bool m_has_first = false, m_first_valid = false;
  double m_first_lon = 0, m_first_lat = 0;
  std::vector<JsonField> m_fields;

  // coordinates being read
  bool m_in_coords = false;
  uint32_t m_cd = 0;
  std::vector<uint64_t> m_arr_ids, m_arr_off, m_arr_line;  // per relative depth: open array id, offset, line
  uint64_t m_arr_counter = 0;
  double m_pos[3] = {};
  uint32_t m_pos_n = 0;
  bool m_pos_junk = false;
  int64_t m_part = -1;
  uint64_t m_seq = 0;
  uint64_t m_line_id = 0;
};

}  // namespace

int geojson_detect(std::string_view head, std::string_view file_name) {
  std::string_view h = json_head_start(head);
  if (h.empty() || h[0] != '{') return 0;
  if (has_type(h, "FeatureCollection")) return 90;
  const bool named = ends_with_ci(file_name, ".geojson");
  if (has_type(h, "Feature") && !ndjson_detect(head, file_name)) return 85;
  return named ? 80 : 0;
}

std::unique_ptr<Parser> geojson_create(const ParseOptions& opts) { return std::make_unique<GeoJsonParser>(opts); }

}  // namespace sdw
