// JSON and NDJSON parsers and the flattened-record table builder.
// "json": the records are the elements of the largest array of objects at depth <= 2 (a top-level
// array, {"data":[...]}, {"a":{"b":[...]}}); every candidate array is built while streaming and the
// largest is kept; the other top-level scalars become table metadata. With no such array, the
// top-level value is one row. "ndjson": one value per line, a bad line is skipped with a warning.
#include "parsers/readers/json.h"

#include <cstring>

#include "parsers/core/encoding.h"

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

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Starts like an ISO 8601 date ("2023-03-26", then nothing or T/space and a time).
bool iso_shape(std::string_view s) {
  return s.size() >= 10 && s.size() <= 40 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) &&
         s[4] == '-' && is_digit(s[5]) && is_digit(s[6]) && s[7] == '-' && is_digit(s[8]) && is_digit(s[9]) &&
         (s.size() == 10 || s[10] == 'T' || s[10] == ' ');
}

// Type bits of an ISO 8601 string: date ("2023-03-26") or date-time; 0 for any other text.
uint8_t iso_bits(std::string_view s, LocalZone zone) {
  if (!iso_shape(s)) return 0;
  if (s.size() == 10) {
    int32_t d;
    return parse_date(s, d) ? uint8_t(k_can_date | k_can_timestamp) : uint8_t(0);
  }
  DateTime dt;
  return parse_datetime(s, zone, dt, false) ? uint8_t(k_can_timestamp) : uint8_t(0);
}

uint8_t value_bits(JsonType t, bool integral, bool is_int, std::string_view text, LocalZone zone) {
  switch (t) {
    case JsonType::Null: return k_can_all;
    case JsonType::Bool: return k_can_bool;
    case JsonType::Number: return is_int ? uint8_t(k_can_int | k_can_float) : integral ? uint8_t(0) : uint8_t(k_can_float);
    case JsonType::String: return iso_bits(text, zone);
    case JsonType::Array: return 0;
  }
  return 0;
}

ColumnType type_from_bits(uint8_t b) {
  if (b & k_can_bool) return ColumnType::Bool;
  if (b & k_can_int) return ColumnType::Int64;
  if (b & k_can_float) return ColumnType::Float64;
  if (b & k_can_date) return ColumnType::Date;
  if (b & k_can_timestamp) return ColumnType::Timestamp;
  return ColumnType::String;
}

uint64_t hash_path(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (char c : s) {
    h ^= uint8_t(c);
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

// [SECTION] helpers

std::string_view json_head_start(std::string_view head) {
  if (head.size() >= 3 && head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t i = 0;
  while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
  return head.substr(i);
}

std::string json_table_name(std::string_view n, std::string_view fallback) {
  size_t slash = n.find_last_of("/\\");
  if (slash != std::string_view::npos) n.remove_prefix(slash + 1);
  size_t dot = n.rfind('.');
  if (dot != std::string_view::npos && dot > 0) n = n.substr(0, dot);
  return n.empty() ? std::string(fallback) : std::string(n);
}

bool repair_mojibake(std::string_view s, std::string& out) {
  size_t i = 0;
  while (i < s.size() && uint8_t(s[i]) < 0x80) ++i;
  if (i == s.size()) return false;
  // A repair needs a lead byte (U+00C2..U+00F4, written C3 xx) followed by a continuation byte (U+0080..U+00BF,
  // written C2 xx): without "C3 xx C2" somewhere there is nothing to repair.
  {
    size_t k = i;
    while (k + 2 < s.size() && !(uint8_t(s[k]) == 0xC3 && uint8_t(s[k + 2]) == 0xC2)) ++k;
    if (k + 2 >= s.size()) return false;
  }
  // decode as UTF-8; every non-ASCII code point must be U+0080..U+00FF (encoded C2 xx / C3 xx)
  std::string bytes(s.substr(0, i));
  bool multi = false;
  for (; i < s.size(); ++i) {
    const uint8_t c = uint8_t(s[i]);
    if (c < 0x80) { bytes.push_back(char(c)); continue; }
    if ((c != 0xC2 && c != 0xC3) || i + 1 >= s.size()) return false;
    const uint8_t c2 = uint8_t(s[i + 1]);
    if (c2 < 0x80 || c2 > 0xBF) return false;
    bytes.push_back(char(((c & 0x03) << 6) | (c2 & 0x3F)));
    ++i;
  }
  // the bytes must be valid UTF-8 with at least one multi-byte sequence
  for (size_t k = 0; k < bytes.size();) {
    const uint8_t c = uint8_t(bytes[k]);
    if (c < 0x80) { ++k; continue; }
    int n = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
    if (n < 0 || k + size_t(n) >= bytes.size()) return false;
    for (int j = 1; j <= n; ++j) {
      const uint8_t cc = uint8_t(bytes[k + size_t(j)]);
      uint8_t lo = 0x80, hi = 0xBF;
      if (j == 1) {
        if (c == 0xE0) lo = 0xA0;
        else if (c == 0xED) hi = 0x9F;
        else if (c == 0xF0) lo = 0x90;
        else if (c == 0xF4) hi = 0x8F;
      }
      if (cc < lo || cc > hi) return false;
    }
    multi = true;
    k += size_t(n) + 1;
  }
  if (!multi) return false;
  out = std::move(bytes);
  return true;
}

int json_detect(std::string_view head, std::string_view file_name) {
  std::string_view h = json_head_start(head);
  if (h.empty() || (h[0] != '[' && h[0] != '{')) return 0;
  if (std::memchr(h.data(), 0, std::min<size_t>(h.size(), 4096))) return 0;  // NUL: binary or UTF-16
  return ends_with_ci(file_name, ".json") ? 65 : 60;
}

int ndjson_detect(std::string_view head, std::string_view file_name) {
  std::string_view h = json_head_start(head);
  if (h.empty() || (h[0] != '[' && h[0] != '{')) return 0;
  const bool named = ends_with_ci(file_name, ".ndjson") || ends_with_ci(file_name, ".jsonl") ||
                     ends_with_ci(file_name, ".jsonlines") || ends_with_ci(file_name, ".ldjson");
  const bool complete = head.size() < k_head_bytes;
  // lines that hold one whole value ({...} or, when named, [...]) against other non-blank lines
  size_t good = 0, bad = 0, pos = 0;
  while (pos < h.size()) {
    size_t nl = h.find('\n', pos);
    const bool whole = nl != std::string_view::npos || complete;
    std::string_view line = h.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? h.size() : nl + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || !whole) continue;
    const char open = line.front();
    if ((open == '{' && line.back() == '}') || (named && open == '[' && line.back() == ']')) ++good;
    else ++bad;
  }
  if (named) return 75;
  return good >= 2 && good > bad ? 75 : 0;
}

// [SECTION] table builder

struct JsonTableBuilder::Impl {
  struct ColInfo {
    bool fixed = false, decided = false, seen = false, type_warned = false;
    uint8_t bits = k_can_all;
    uint64_t stamp = 0;  // row stamp of the last record that set it
    uint32_t slot = 0;   // index of its value in that record
    // timestamps: Europe/Paris local times
    bool has_last = false;
    int64_t last_us = 0;
    uint64_t gaps = 0, overlaps = 0, gap_line = 0, overlap_line = 0, gap_offset = 0, overlap_offset = 0;
  };
  struct Val {
    uint32_t col;
    JsonType type;
    bool boolean, integral, is_int;
    int64_t i64;
    double f64;
    std::string_view text;
    uint64_t offset, line;
  };
  struct BufVal {
    uint32_t col;
    JsonType type;
    bool boolean, integral, is_int;
    int64_t i64;
    double f64;
    size_t text_off;
    uint32_t text_len;
    uint64_t offset, line;
  };

  Diagnostics& diag;
  LocalZone zone;
  size_t max_columns;
  Table own;
  Table& table;                      // `own`, or the parser's output table when rows stream out of it
  std::vector<ColInfo> info;
  std::vector<int32_t> hash;         // open addressing: column index + 1, 0 empty
  std::vector<int32_t> last_cols;    // column of field i in the previous record (-1: dropped)
  std::vector<Val> vals;
  uint64_t rows = 0, stamp = 0;
  bool buffering = true;
  std::vector<BufVal> buf;
  std::string buf_text;
  std::vector<size_t> buf_ends;      // end of each buffered record in buf
  std::vector<std::pair<uint64_t, uint64_t>> buf_pos;
  uint64_t dropped = 0;
  std::string first_dropped;
  bool repair = true;
  uint64_t repaired = 0;
  std::string scratch;

  Impl(std::string name, Diagnostics& d, LocalZone z, size_t maxc, Table* target)
      : diag(d), zone(z), max_columns(maxc), table(target ? *target : own) {
    table.name = std::move(name);
    hash.assign(64, 0);
  }

  int32_t lookup(std::string_view path) const {
    const size_t mask = hash.size() - 1;
    for (size_t h = size_t(hash_path(path)) & mask;; h = (h + 1) & mask) {
      const int32_t v = hash[h];
      if (v == 0) return -1;
      if (table.columns[size_t(v - 1)].name == path) return v - 1;
    }
  }
  void insert_hash(std::string_view path, int32_t col) {
    if ((table.columns.size() + 1) * 2 > hash.size()) {
      std::vector<int32_t> old(hash.size() * 2, 0);
      hash.swap(old);
      for (size_t c = 0; c < table.columns.size(); ++c) {
        if (int32_t(c) == col) continue;
        place(table.columns[c].name, int32_t(c));
      }
    }
    place(path, col);
  }
  void place(std::string_view path, int32_t col) {
    const size_t mask = hash.size() - 1;
    size_t h = size_t(hash_path(path)) & mask;
    while (hash[h]) h = (h + 1) & mask;
    hash[h] = col + 1;
  }

  int32_t add_column(std::string_view name, ColumnType type, bool fixed) {
    Column c;
    c.name.assign(name.data(), name.size());
    c.type = type;
    // back-filled up to the rows still held: rows already moved out (Session::take_rows) get the column as
    // null when the bridge widens their table
    const size_t held = table.columns.empty() ? 0 : table.columns[0].size();
    for (size_t r = 0; r < held; ++r) c.append_null();
    table.columns.push_back(std::move(c));
    ColInfo ci;
    ci.fixed = fixed;
    ci.decided = fixed || !buffering ? fixed : false;
    info.push_back(ci);
    const int32_t idx = int32_t(table.columns.size() - 1);
    insert_hash(table.columns.back().name, idx);
    return idx;
  }

  int32_t column_of(size_t i, std::string_view path) {
    if (i < last_cols.size() && last_cols[i] >= 0 && table.columns[size_t(last_cols[i])].name == path)
      return last_cols[i];
    int32_t c = lookup(path);
    if (c < 0) {
      if (table.columns.size() >= max_columns) {
        if (dropped++ == 0) first_dropped.assign(path.data(), path.size());
        c = -1;
      } else {
        c = add_column(path, ColumnType::String, false);
      }
    }
    if (i >= last_cols.size()) last_cols.resize(i + 1, -1);
    last_cols[i] = c;
    return c;
  }

  void add_record(std::span<const JsonField> fields, uint64_t offset, uint64_t line) {
    if (buffering) {
      for (size_t i = 0; i < fields.size(); ++i) {
        const JsonField& f = fields[i];
        const int32_t c = column_of(i, f.path);
        if (c < 0) continue;
        BufVal v{uint32_t(c), f.type, f.boolean, f.integral, f.is_int, f.i64, f.f64, buf_text.size(),
                 uint32_t(f.text.size()), f.offset, f.line};
        buf_text.append(f.text.data(), f.text.size());
        buf.push_back(v);
        ColInfo& ci = info[size_t(c)];
        if (f.type != JsonType::Null) {
          ci.seen = true;
          ci.bits &= value_bits(f.type, f.integral, f.is_int, f.text, zone);
        }
      }
      buf_ends.push_back(buf.size());
      buf_pos.emplace_back(offset, line);
      if (buf_ends.size() >= k_infer_records) end_buffering();
      return;
    }
    vals.clear();
    for (size_t i = 0; i < fields.size(); ++i) {
      const JsonField& f = fields[i];
      const int32_t c = column_of(i, f.path);
      if (c < 0) continue;
      vals.push_back(Val{uint32_t(c), f.type, f.boolean, f.integral, f.is_int, f.i64, f.f64, f.text, f.offset, f.line});
    }
    append_row(offset, line);
  }

  void end_buffering() {
    buffering = false;
    for (size_t c = 0; c < table.columns.size(); ++c) {
      ColInfo& ci = info[c];
      if (ci.fixed) continue;
      if (ci.seen) {
        table.columns[c].type = type_from_bits(ci.bits);
        ci.decided = true;
      }
    }
    size_t start = 0;
    for (size_t r = 0; r < buf_ends.size(); ++r) {
      vals.clear();
      for (size_t k = start; k < buf_ends[r]; ++k) {
        const BufVal& b = buf[k];
        vals.push_back(Val{b.col, b.type, b.boolean, b.integral, b.is_int, b.i64, b.f64,
                           std::string_view(buf_text).substr(b.text_off, b.text_len), b.offset, b.line});
      }
      start = buf_ends[r];
      append_row(buf_pos[r].first, buf_pos[r].second);
    }
    buf = {};
    buf_text = std::string();
    buf_ends = {};
    buf_pos = {};
  }

  void append_row(uint64_t offset, uint64_t line) {
    ++stamp;
    for (uint32_t i = 0; i < vals.size(); ++i) {
      ColInfo& ci = info[vals[i].col];
      if (ci.stamp == stamp) warn_duplicate(vals[i]);
      ci.stamp = stamp;
      ci.slot = i;
    }
    for (size_t c = 0; c < table.columns.size(); ++c) {
      if (info[c].stamp == stamp) append_value(c, vals[info[c].slot]);
      else table.columns[c].append_null();
    }
    ++rows;
  }

  void warn_duplicate(const Val& v) {
    const char* code = "json.duplicate_key";
    if (diag.at_cap(code)) { diag.suppress(code); return; }
    const std::string& name = table.columns[v.col].name;
    diag.warn(make_message(code,
                           "Clé « " + name + " » en double dans un objet (octet " + to_str(v.offset) + ", ligne " +
                               to_str(v.line) + ") : la dernière valeur est gardée",
                           "Duplicate key \"" + name + "\" in an object (byte " + to_str(v.offset) + ", line " +
                               to_str(v.line) + "): the last value is kept",
                           v.offset, v.line));
  }

  std::string_view string_text(const Val& v) {
    if ((v.type == JsonType::String || v.type == JsonType::Array) && repair && repair_mojibake(v.text, scratch)) {
      ++repaired;
      return scratch;
    }
    return v.text;
  }

  void retype(Column& col, ColumnType t) {
    Column nc;
    nc.name = std::move(col.name);
    nc.type = t;
    for (size_t r = 0; r < col.size(); ++r) nc.append_null();
    col = std::move(nc);
  }

  void append_value(size_t c, const Val& v) {
    Column& col = table.columns[c];
    ColInfo& ci = info[c];
    if (v.type == JsonType::Null) { col.append_null(); return; }
    if (!ci.decided) {
      ci.decided = true;
      retype(col, type_from_bits(value_bits(v.type, v.integral, v.is_int, v.text, zone)));
    }
    switch (col.type) {
      case ColumnType::Bool:
        if (v.type == JsonType::Bool) { col.append_bool(v.boolean); return; }
        break;
      case ColumnType::Int64:
        if (v.type == JsonType::Number && v.is_int) { col.append_int(v.i64); return; }
        if (v.type == JsonType::Number && !v.integral) { col.convert_to_float(); col.append_double(v.f64); return; }
        break;
      case ColumnType::Float64:
        if (v.type == JsonType::Number) { col.append_double(v.f64); return; }
        break;
      case ColumnType::Date:
        if (v.type == JsonType::String && v.text.size() == 10) {
          int32_t d;
          if (parse_date(v.text, d)) { col.append_date(d); return; }
        }
        break;
      case ColumnType::Timestamp:
        if (v.type == JsonType::String && iso_shape(v.text)) {
          DateTime dt;
          if (parse_datetime(v.text, zone, dt, true)) { append_time(ci, col, dt, v); return; }
        }
        break;
      case ColumnType::String:
        col.append_string(string_text(v));
        return;
    }
    demote(c, v);
  }

  void append_time(ColInfo& s, Column& col, const DateTime& dt, const Val& v) {
    int64_t us = dt.utc_us;
    if (dt.kind == LocalKind::Overlap) {
      if (s.has_last && us < s.last_us) us = dt.second_utc_us;
      if (s.overlaps++ == 0) { s.overlap_line = v.line; s.overlap_offset = v.offset; }
    } else if (dt.kind == LocalKind::Gap) {
      if (s.gaps++ == 0) { s.gap_line = v.line; s.gap_offset = v.offset; }
    }
    col.append_timestamp(us, dt.local_offset());
    s.has_last = true;
    s.last_us = us;
  }

  void demote(size_t c, const Val& v) {
    Column& col = table.columns[c];
    const char* was = column_type_name(col.type);
    col.convert_to_string();
    const std::string_view text = string_text(v);
    col.append_string(text);
    ColInfo& ci = info[c];
    if (ci.type_warned) return;
    ci.type_warned = true;
    const std::string shown(text.substr(0, 40));
    diag.warn(make_message("json.type_changed",
                           "Colonne « " + col.name + " » : valeur « " + shown + " » (octet " + to_str(v.offset) +
                               ", ligne " + to_str(v.line) + "), la colonne (" + was + ") passe en texte",
                           "Column \"" + col.name + "\": value \"" + shown + "\" (byte " + to_str(v.offset) + ", line " +
                               to_str(v.line) + "), the column (" + was + ") becomes text",
                           v.offset, v.line));
  }

  Table take() {
    if (buffering) end_buffering();
    for (size_t c = 0; c < table.columns.size(); ++c) {
      const ColInfo& s = info[c];
      const std::string& name = table.columns[c].name;
      if (s.gaps)
        diag.warn(make_message("time.dst_gap",
                               "Colonne « " + name + " » : " + to_str(s.gaps) +
                                   " heure(s) locale(s) inexistante(s) (passage à l'heure d'été), lues en +01:00 ; "
                                   "première ligne " + to_str(s.gap_line),
                               "Column \"" + name + "\": " + to_str(s.gaps) +
                                   " local time(s) that do not exist (spring-forward gap), read as +01:00; first at line " +
                                   to_str(s.gap_line),
                               s.gap_offset, s.gap_line));
      if (s.overlaps)
        diag.warn(make_message("time.dst_overlap",
                               "Colonne « " + name + " » : " + to_str(s.overlaps) +
                                   " heure(s) locale(s) ambiguë(s) (retour à l'heure d'hiver), résolues par l'ordre "
                                   "chronologique ; première ligne " + to_str(s.overlap_line),
                               "Column \"" + name + "\": " + to_str(s.overlaps) +
                                   " ambiguous local time(s) (fall-back overlap), resolved by chronological order; first at line " +
                                   to_str(s.overlap_line),
                               s.overlap_offset, s.overlap_line));
      if (name.empty()) table.columns[c].name = "_";
    }
    if (dropped)
      diag.warn(make_message("json.too_many_columns",
                             to_str(dropped) + " valeur(s) ignorée(s) : plus de " + to_str(max_columns) +
                                 " colonnes (première clé ignorée : « " + first_dropped + " »)",
                             to_str(dropped) + " value(s) dropped: more than " + to_str(max_columns) +
                                 " columns (first dropped key: \"" + first_dropped + "\")"));
    if (repaired) {
      Message m = make_message("json.mojibake_repaired",
                               to_str(repaired) + " texte(s) mal encodé(s) (UTF-8 lu comme Latin-1, typique des "
                                                  "exports Facebook) réparé(s)",
                               to_str(repaired) + " badly encoded text(s) (UTF-8 read as Latin-1, typical of Facebook "
                                                  "exports) repaired");
      m.info = true;
      diag.warn(std::move(m));
    }
    Table t = std::move(table);
    table = Table{};
    return t;
  }
};

JsonTableBuilder::JsonTableBuilder(std::string name, Diagnostics& diag, LocalZone zone, size_t max_columns,
                                   Table* target)
    : m(std::make_unique<Impl>(std::move(name), diag, zone, max_columns, target)) {}
JsonTableBuilder::~JsonTableBuilder() = default;
void JsonTableBuilder::declare(std::string_view name, ColumnType type) {
  if (m->lookup(name) < 0) m->add_column(name, type, true);
}
void JsonTableBuilder::add_record(std::span<const JsonField> f, uint64_t o, uint64_t l) { m->add_record(f, o, l); }
uint64_t JsonTableBuilder::rows() const { return m->rows + m->buf_ends.size(); }
bool JsonTableBuilder::rows_final() const { return !m->buffering; }
Table JsonTableBuilder::take() { return m->take(); }
void JsonTableBuilder::set_repair_mojibake(bool on) { m->repair = on; }
uint64_t JsonTableBuilder::repaired_strings() const { return m->repaired; }

// [SECTION] json parser

namespace {

LocalZone zone_of(const ParseOptions& o, Diagnostics& diag) {
  bool known = true;
  LocalZone z = zone_from_name(o.time_zone, &known);
  if (!known)
    diag.warn(make_message("time.zone_unknown",
                           "Fuseau « " + o.time_zone + " » non géré : heures locales lues en Europe/Paris",
                           "Time zone \"" + o.time_zone + "\" not supported: local times read as Europe/Paris"));
  return z;
}

class JsonParser final : public Parser, public JsonHandler {
 public:
  explicit JsonParser(const ParseOptions& o) : m_reader(JsonReaderOptions{}, &diag) {
    m_name = json_table_name(o.file_name, "json");
    m_zone = zone_of(o, diag);
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
    build();
  }

  uint64_t rows_so_far() const override {
    uint64_t n = 0;
    for (const auto& c : m_cands) n += c.builder->rows();
    return n;
  }
  const char* encoding() const override { return "utf-8"; }
  bool streams_rows() const override { return m_streaming && !m_done && m_cands[0].builder->rows_final(); }

  void on_event(const JsonEvent& e, JsonReader& r) override {
    if (m_in_record) {
      if (m_rec.on_event(e)) end_record();
      return;
    }
    if (m_cand >= 0) {
      if (e.kind == JsonKind::EndArray && e.depth == m_cand_depth) { m_cand = -1; return; }
      start_record(e);
      return;
    }
    if (m_pending >= 0) {
      const uint32_t d = uint32_t(m_pending);
      m_pending = -1;
      if (e.depth == d + 1 && e.kind == JsonKind::BeginObject) {
        m_root.discard_open_array();
        std::string path(r.key_at(0));
        if (d == 2) path += "." + std::string(r.key_at(1));
        open_candidate(std::move(path), d);
        start_record(e);
        return;
      }
    }
    if (!m_root_started) {
      m_root_started = true;
      if (e.kind == JsonKind::BeginArray) {
        open_candidate("", 0);
        return;
      }
      m_root.begin();
    }
    if (e.kind == JsonKind::BeginArray && e.depth >= 1 && e.depth <= 2 && r.is_object(0) &&
        (e.depth == 1 || r.is_object(1)))
      m_pending = int32_t(e.depth);
    m_root.on_event(e);
  }

 private:
  struct Candidate {
    std::string path;
    std::unique_ptr<JsonTableBuilder> builder;
  };

  void open_candidate(std::string path, uint32_t depth) {
    Candidate c;
    c.path = std::move(path);
    if (depth == 0) {
      // a top-level array is the only candidate there can be: its rows stream out of tables[0]
      tables.emplace_back();
      m_streaming = true;
    }
    c.builder = std::make_unique<JsonTableBuilder>(m_name, diag, m_zone, 512, depth == 0 ? &tables.back() : nullptr);
    m_cands.push_back(std::move(c));
    m_cand = int32_t(m_cands.size() - 1);
    m_cand_depth = depth;
  }

  void start_record(const JsonEvent& e) {
    m_rec.begin();
    if (m_rec.on_event(e)) end_record();
    else m_in_record = true;
  }

  void end_record() {
    m_in_record = false;
    m_cands[size_t(m_cand)].builder->add_record(m_rec.fields(), m_rec.offset(), m_rec.line());
  }

  void fail() {
    diag.fail(m_reader.error());
    tables.clear();
    m_cands.clear();
    m_done = true;
  }

  void build() {
    size_t best = m_cands.size();
    for (size_t i = 0; i < m_cands.size(); ++i)
      if (best == m_cands.size() || m_cands[i].builder->rows() > m_cands[best].builder->rows()) best = i;
    if (best == m_cands.size()) {
      // no array of objects: the top-level value is one row
      JsonTableBuilder b(m_name, diag, m_zone);
      if (m_root_started) b.add_record(m_root.fields(), m_root.offset(), m_root.line());
      tables.push_back(b.take());
    } else {
      Table taken = m_cands[best].builder->take();
      tables.clear();            // a streamed table was built in place: it comes back whole (minus batches)
      tables.push_back(std::move(taken));
      Table& t = tables.back();
      if (!m_cands[best].path.empty()) {
        t.meta.emplace_back("json_path", m_cands[best].path);
        Message m = make_message("json.records_at",
                                 "Lignes lues dans le tableau « " + m_cands[best].path + " »",
                                 "Rows read from the array \"" + m_cands[best].path + "\"");
        m.info = true;
        diag.warn(std::move(m));
      }
      if (m_root_started) {
        size_t n = 0;
        for (const JsonField& f : m_root.fields()) {
          if (f.text.size() > 200 || ++n > 50) continue;
          std::string fixed;
          const bool bad = f.type == JsonType::String && repair_mojibake(f.text, fixed);
          t.meta.emplace_back(std::string(f.path), bad ? fixed : std::string(f.text));
        }
      }
      std::string others_fr, others_en;
      for (size_t i = 0; i < m_cands.size(); ++i) {
        if (i == best) continue;
        const std::string item = "« " + m_cands[i].path + " » (" + to_str(m_cands[i].builder->rows()) + ")";
        others_fr += (others_fr.empty() ? "" : ", ") + item;
        others_en += (others_en.empty() ? "" : ", ") + ("\"" + m_cands[i].path + "\" (" +
                                                       to_str(m_cands[i].builder->rows()) + ")");
      }
      if (!others_fr.empty()) {
        Message m = make_message("json.other_arrays",
                                 "Autres tableaux d'objets non importés (lignes) : " + others_fr,
                                 "Other arrays of objects not imported (rows): " + others_en);
        m.info = true;
        diag.warn(std::move(m));
      }
    }
    m_cands.clear();
    for (auto& t : tables) t.finalize();
  }

  JsonReader m_reader;
  std::string m_name;
  LocalZone m_zone = LocalZone::Paris;
  bool m_done = false;
  bool m_root_started = false;
  JsonRecordCollector m_root;  // top-level object, minus the candidate arrays
  JsonRecordCollector m_rec;   // current record
  bool m_in_record = false;
  std::vector<Candidate> m_cands;
  int32_t m_cand = -1;         // candidate array being read
  uint32_t m_cand_depth = 0;
  int32_t m_pending = -1;      // depth of an array whose first element decides if it is a candidate
  bool m_streaming = false;    // top-level array: rows may be taken while parsing (Session::take_rows)
};

// [SECTION] ndjson parser

class NdjsonParser final : public Parser, public JsonHandler {
 public:
  explicit NdjsonParser(const ParseOptions& o)
      : m_reader(JsonReaderOptions{}, &diag),
        m_builder(json_table_name(o.file_name, "ndjson"), diag, zone_of(o, diag), 512, &tables.emplace_back()) {}

  void feed(std::span<const uint8_t> chunk) override {
    if (m_done) return;
    const char* p = reinterpret_cast<const char*>(chunk.data());
    const char* const e = p + chunk.size();
    while (p < e) {
      const char* nl = static_cast<const char*>(std::memchr(p, '\n', size_t(e - p)));
      if (!nl) {
        m_line.append(p, size_t(e - p));
        break;
      }
      if (m_line.empty()) {
        line(std::string_view(p, size_t(nl - p)));
      } else {
        m_line.append(p, size_t(nl - p));
        line(m_line);
        m_line.clear();
      }
      p = nl + 1;
    }
  }

  void finish() override {
    if (m_done) return;
    if (!m_line.empty()) line(m_line);
    m_line = std::string();
    m_done = true;
    if (m_good == 0 && m_bad > 0) {
      Message m = m_first_error;
      m.code = "ndjson.no_valid_line";
      m.fr = "Aucune ligne JSON valide ; première erreur : " + m_first_error.fr;
      m.en = "No valid JSON line; first error: " + m_first_error.en;
      diag.fail(std::move(m));
      tables.clear();
      return;
    }
    Table t = m_builder.take();  // built in place in tables[0]: it comes back whole (minus batches taken)
    tables.clear();
    tables.push_back(std::move(t));
    for (auto& t : tables) t.finalize();
  }

  uint64_t rows_so_far() const override { return m_builder.rows(); }
  const char* encoding() const override { return "utf-8"; }
  bool streams_rows() const override { return !m_done && m_builder.rows_final(); }

  void on_event(const JsonEvent& e, JsonReader&) override { m_rec.on_event(e); }

 private:
  // One line (without its '\n'): a value, or blank.
  void line(std::string_view text) {
    const uint64_t start = m_offset, lineno = m_lineno;
    m_offset += text.size() + 1;
    ++m_lineno;
    std::string_view t = text;
    if (start == 0 && t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
    size_t i = 0;
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r')) ++i;
    if (i == t.size()) return;
    m_reader.reset(start, lineno);
    m_rec.begin();
    m_reader.feed(text, *this);
    if (!m_reader.failed()) m_reader.finish(*this);
    if (m_reader.failed()) {
      const Message& err = m_reader.error();
      if (m_bad++ == 0) m_first_error = err;
      const char* code = "ndjson.bad_line";
      if (diag.at_cap(code)) { diag.suppress(code); return; }
      diag.warn(make_message(code, "Ligne " + to_str(lineno) + " ignorée : " + err.fr,
                             "Line " + to_str(lineno) + " skipped: " + err.en, err.where.byte_offset, lineno));
      return;
    }
    ++m_good;
    m_builder.add_record(m_rec.fields(), m_rec.offset(), m_rec.line());
  }

  JsonReader m_reader;
  JsonTableBuilder m_builder;
  JsonRecordCollector m_rec;
  std::string m_line;
  uint64_t m_offset = 0, m_lineno = 1;
  uint64_t m_good = 0, m_bad = 0;
  Message m_first_error;
  bool m_done = false;
};

}  // namespace

std::unique_ptr<Parser> json_create(const ParseOptions& opts) { return std::make_unique<JsonParser>(opts); }
std::unique_ptr<Parser> ndjson_create(const ParseOptions& opts) { return std::make_unique<NdjsonParser>(opts); }

}  // namespace sdw
