// Activity table layout and the JSON record front end shared by the social and media parsers
// (see activity_table.h).
#include "parsers/core/activity_table.h"

#include <cmath>

#include "parsers/core/domains.h"
#include "parsers/readers/json.h"

namespace sdw {

// [SECTION] table

Table make_activity_table(std::initializer_list<DomainColumn> extra) {
  Table t = make_domain_table(
      domain::k_activity,
      {{"ts", ColumnType::Timestamp}, {"platform", ColumnType::String}, {"kind", ColumnType::String},
       {"title", ColumnType::String}, {"text", ColumnType::String}, {"target", ColumnType::String},
       {"source", ColumnType::String}, {"duration_s", ColumnType::Float64}, {"url", ColumnType::String},
       {"device", ColumnType::String}});
  // extra columns go before the three provenance columns
  auto at = t.columns.end() - 3;
  for (const DomainColumn& c : extra) {
    Column col;
    col.name = c.name;
    col.type = c.type;
    at = t.columns.insert(at, std::move(col)) + 1;
  }
  return t;
}

// [SECTION] helpers

bool json_has_key(std::string_view h, std::string_view key) {
  std::string quoted;
  quoted.reserve(key.size() + 2);
  quoted += '"';
  quoted += key;
  quoted += '"';
  for (size_t p = h.find(quoted); p != std::string_view::npos; p = h.find(quoted, p + 1)) {
    size_t i = p + quoted.size();
    while (i < h.size() && (h[i] == ' ' || h[i] == '\t' || h[i] == '\r' || h[i] == '\n')) ++i;
    if (i < h.size() && h[i] == ':') return true;
  }
  return false;
}

std::string_view json_first_object(std::string_view head) {
  std::string_view h = json_head_start(head);
  if (h.empty() || h[0] != '[') return {};
  h = json_head_start(h.substr(1));
  if (h.empty() || h[0] != '{') return {};
  return h;
}

std::string lower_path(std::string_view name) {
  std::string s(name);
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    else if (c == '\\') c = '/';
  }
  return s;
}

bool epoch_s_to_us(double s, int64_t& us) {
  if (!(s >= 631152000.0 && s < 4102444800.0)) return false;  // 1990-01-01 .. 2100-01-01
  us = int64_t(std::llround(s * 1e6));
  return true;
}

// [SECTION] JSON record front end

JsonActivityParser::JsonActivityParser(const ParseOptions& o, const char* code_prefix, bool repair)
    : m_prov(provenance_of(o)), m_opts(o), m_reader(JsonReaderOptions{}, &diag), m_prefix(code_prefix),
      m_repair(repair) {}

void JsonActivityParser::feed(std::span<const uint8_t> chunk) {
  if (m_done) return;
  m_reader.feed(std::string_view(reinterpret_cast<const char*>(chunk.data()), chunk.size()), *this);
  if (m_reader.failed()) fail();
}

void JsonActivityParser::finish() {
  if (m_done) return;
  m_reader.finish(*this);
  if (m_reader.failed()) { fail(); return; }
  m_done = true;
  end_of_input();
  if (m_skipped) {
    const std::string code = m_prefix + ".skipped_records";
    Message m = make_message(code,
                             num_str(m_skipped) + " enregistrement(s) ignoré(s), le premier (n° " + num_str(m_skip_index) +
                                 ") : " + m_skip_fr,
                             num_str(m_skipped) + " record(s) skipped, the first (#" + num_str(m_skip_index) + "): " + m_skip_en,
                             m_skip_off, m_skip_line);
    m.info = true;
    diag.warn(std::move(m));
  }
  if (!m_not_read.empty()) {
    Message m = make_message(m_prefix + ".arrays_not_read", "Listes non lues (contenu inconnu) : " + m_not_read,
                             "Lists not read (unknown content): " + m_not_read);
    m.info = true;
    diag.warn(std::move(m));
  }
  if (m_w.rows() == 0 && m_skipped == 0)
    diag.warn(make_message(m_prefix + ".no_records", "Aucun enregistrement d'activité trouvé",
                           "No activity record found"));
  info_mojibake_repaired(diag, m_repaired);
  tables.push_back(std::move(m_table));
  for (Table& t : tables) t.finalize();
}

void JsonActivityParser::fail() {
  diag.fail(m_reader.error());
  tables.clear();
  m_done = true;
}

std::string JsonActivityParser::path_of(const JsonReader& r, uint32_t from, uint32_t to) const {
  std::string p;
  for (uint32_t d = from; d < to && d < r.depth(); ++d) {
    if (r.is_object(d)) {
      if (!p.empty()) p += '.';
      p += r.key_at(d);
    } else {
      p += "[]";
    }
  }
  return p;
}

std::string JsonActivityParser::text_of(const JsonEvent& e) {
  std::string out;
  if (e.kind != JsonKind::String) return out;
  if (m_repair && repair_mojibake(e.text, out)) {
    ++m_repaired;
    return out;
  }
  out.assign(e.text.data(), e.text.size());
  return out;
}

void JsonActivityParser::skip(const char* why_fr, const char* why_en) {
  if (m_skipped++ == 0) {
    m_skip_index = m_rec_index;
    m_skip_off = m_rec_off;
    m_skip_line = m_rec_line;
    m_skip_fr = why_fr;
    m_skip_en = why_en;
  }
}

void JsonActivityParser::on_event(const JsonEvent& e, JsonReader& r) {
  const bool scalar = e.kind == JsonKind::String || e.kind == JsonKind::Number || e.kind == JsonKind::Bool ||
                      e.kind == JsonKind::Null;
  if (m_rec_depth >= 0) {  // inside a record
    if (e.kind == JsonKind::EndObject && int64_t(e.depth) == m_rec_depth) {
      m_rec_depth = -1;
      end_record();
    } else if (scalar) {
      field(path_of(r, uint32_t(m_rec_depth), e.depth), e);
    }
    return;
  }
  if (m_mode == Mode::None) {
    if (e.kind == JsonKind::BeginArray) {
      m_mode = Mode::Array;
      m_arr_depth = 0;
      m_arr_key.clear();
      m_arr_ok = records_in(m_arr_key);
      m_arr_named = false;
      m_index = 0;
    } else {
      m_mode = e.kind == JsonKind::BeginObject ? Mode::Object : Mode::Other;
    }
    return;
  }
  if (m_arr_depth >= 0) {  // inside an array member of the root (or the root array)
    if (e.kind == JsonKind::EndArray && int64_t(e.depth) == m_arr_depth) {
      m_arr_depth = -1;
      return;
    }
    if (int64_t(e.depth) != m_arr_depth + 1 || e.kind == JsonKind::EndObject || e.kind == JsonKind::EndArray) return;
    if (!m_arr_ok) {
      if (e.kind == JsonKind::BeginObject && !m_arr_named && m_not_read.size() < 200) {
        m_arr_named = true;
        m_not_read += (m_not_read.empty() ? "" : ", ") + (m_arr_key.empty() ? std::string("[]") : m_arr_key);
      }
      return;
    }
    m_rec_index = m_index++;
    m_rec_off = e.offset;
    m_rec_line = e.line;
    if (e.kind == JsonKind::BeginObject) {
      m_rec_depth = e.depth;
      begin_record(m_arr_key);
    } else {
      skip("ce n'est pas un objet", "not an object");
    }
    return;
  }
  if (m_mode != Mode::Object) return;
  if (e.kind == JsonKind::BeginArray && e.depth == 1) {
    m_arr_depth = 1;
    m_arr_key.assign(r.key_at(0));
    m_arr_ok = records_in(m_arr_key);
    m_arr_named = false;
    m_index = 0;
    return;
  }
  if (scalar) outside(path_of(r, 0, e.depth), e);
}

}  // namespace sdw
