// Domain-table building blocks and the CSV front end shared by the export parsers (see domain_table.h).
#include "parsers/core/domain_table.h"

#include <cmath>
#include <cstring>

#include "parsers/core/domains.h"
#include "parsers/readers/json.h"

namespace sdw {

// [SECTION] tables

Provenance provenance_of(const ParseOptions& o) {
  if (o.nesting == 0) return {o.file_name, ""};
  return {"", o.file_name};
}

Table make_domain_table(const char* domain, std::initializer_list<DomainColumn> cols) {
  Table t;
  t.name = domain;
  t.domain = domain;
  for (const DomainColumn& c : cols) {
    Column& col = t.columns.emplace_back();
    col.name = c.name;
    col.type = c.type;
  }
  for (const char* p : domain::k_provenance) {
    Column& col = t.columns.emplace_back();
    col.name = p;
    col.type = std::strcmp(p, "_record") == 0 ? ColumnType::Int64 : ColumnType::String;
  }
  return t;
}

RowWriter::RowWriter(Table& t) : m_t(&t), m_set(t.columns.size(), 0) {}

Column& RowWriter::at(size_t c) {
  m_set[c] = 1;
  return m_t->columns[c];
}
void RowWriter::str(size_t c, std::string_view v) { at(c).append_string(v); }
void RowWriter::f64(size_t c, double v) {
  if (std::isnan(v)) return;
  at(c).append_double(v);
}
void RowWriter::i64(size_t c, int64_t v) { at(c).append_int(v); }
void RowWriter::boolean(size_t c, bool v) { at(c).append_bool(v); }
void RowWriter::date(size_t c, int32_t days) { at(c).append_date(days); }
void RowWriter::ts(size_t c, int64_t utc_us, int16_t offset_min) { at(c).append_timestamp(utc_us, offset_min); }

void RowWriter::end_row(const Provenance& p, uint64_t record) {
  const size_t n = m_t->columns.size();
  str(n - 3, p.file);
  str(n - 2, p.entry);
  i64(n - 1, int64_t(record));
  for (size_t c = 0; c < n; ++c) {
    if (!m_set[c]) m_t->columns[c].append_null();
    m_set[c] = 0;
  }
  ++m_rows;
}

// [SECTION] text helpers

namespace {

// U+00C0..U+00FF without accents, lower case ('\0': dropped)
constexpr const char* k_latin1_fold[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // C0
    "d", "n", "o", "o", "o", "o", "o",  "x", "o", "u", "u", "u", "u", "y", "th", "ss", // D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // E0
    "d", "n", "o", "o", "o", "o", "o",  "/", "o", "u", "u", "u", "u", "y", "th", "y",  // F0
};

}  // namespace

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

std::string fold_name(std::string_view in) {
  std::string repaired;
  if (repair_mojibake(in, repaired)) in = repaired;
  std::string out;
  out.reserve(in.size());
  bool space = false;
  auto put = [&](std::string_view s) {
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.append(s);
  };
  for (size_t i = 0; i < in.size();) {
    const uint8_t c = uint8_t(in[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '_') { space = true; ++i; continue; }
    if (c < 0x80) {
      char ch = char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      put(std::string_view(&ch, 1));
      ++i;
      continue;
    }
    if (c == 0xC3 && i + 1 < in.size()) {
      const uint8_t c2 = uint8_t(in[i + 1]);
      if (c2 >= 0x80 && c2 <= 0xBF) { put(k_latin1_fold[c2 - 0x80]); i += 2; continue; }
    }
    if (c == 0xC2 && i + 1 < in.size() && uint8_t(in[i + 1]) == 0xA0) { space = true; i += 2; continue; }
    if (c == 0xC5 && i + 1 < in.size() && (uint8_t(in[i + 1]) == 0x92 || uint8_t(in[i + 1]) == 0x93)) {
      put("oe");
      i += 2;
      continue;
    }
    if (in.substr(i, 3) == "\xE2\x80\x99") { put("'"); i += 3; continue; }    // ’
    if (in.substr(i, 3) == "\xE2\x80\xAF") { space = true; i += 3; continue; }  // narrow nbsp
    const size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    put(in.substr(i, n));
    i += n;
  }
  return out;
}

std::string head_text(std::string_view head) {
  if (head.size() > k_head_bytes) head = head.substr(0, k_head_bytes);
  const bool complete = head.size() < k_head_bytes;
  EncodingGuess g = guess_encoding(head, complete);
  if (g.binary) return {};
  Transcoder tc(g.encoding, g.bom_len);
  std::string text;
  tc.feed(head, text);
  if (complete) tc.finish(text);
  return text;
}

namespace {
class LineSink : public RecordSink {
 public:
  explicit LineSink(size_t max) : m_max(max) {}
  std::vector<std::vector<std::string>> lines;
  void on_record(std::span<const std::string_view> f, uint64_t, uint64_t) override {
    if (lines.size() >= m_max) return;
    auto& l = lines.emplace_back();
    for (std::string_view s : f) l.push_back(fold_name(s));
  }

 private:
  size_t m_max;
};
}  // namespace

std::vector<std::vector<std::string>> folded_lines(std::string_view text, char delim, size_t max) {
  // only whole lines: the head may end in the middle of one
  const size_t cut = text.size() >= 4096 ? std::min(text.size(), size_t(32768)) : text.size();
  std::string_view part = text.substr(0, cut);
  if (cut < text.size()) {
    size_t nl = part.find_last_of('\n');
    if (nl != std::string_view::npos) part = part.substr(0, nl + 1);
  }
  LineSink sink(max);
  CsvRecordReader r(delim);
  r.feed(part, sink);
  r.finish(sink);
  return std::move(sink.lines);
}

bool parse_amount(std::string_view s, double& out) {
  s = trim(s);
  auto strip_suffix = [&](std::string_view suf) {
    if (s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf) {
      s.remove_suffix(suf.size());
      s = trim(s);
    }
  };
  strip_suffix("\xE2\x82\xAC");  // €
  strip_suffix("EUR");
  strip_suffix("eur");
  if (s.size() >= 3 && s.substr(0, 3) == "\xE2\x82\xAC") s = trim(s.substr(3));
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-') && s.size() > 1 && s[1] == ' ') {
    neg = s[0] == '-';
    s = trim(s.substr(1));
  }
  if (s.empty()) return false;
  if (!parse_float(s, out)) return false;
  if (neg) out = -out;
  return true;
}

LocalZone zone_of_options(const ParseOptions& o, Diagnostics& diag) {
  bool known = true;
  LocalZone z = zone_from_name(o.time_zone, &known);
  if (!known)
    diag.warn(make_message("time.zone_unknown",
                           "Fuseau « " + o.time_zone + " » non géré : heures locales lues en Europe/Paris",
                           "Time zone \"" + o.time_zone + "\" not supported: local times read as Europe/Paris"));
  return z;
}

void local_day_bounds(int32_t days, LocalZone zone, int64_t& start_us, int64_t& end_us) {
  const int64_t s = int64_t(days) * 86400;
  if (zone == LocalZone::Utc) {
    start_us = s * 1000000;
    end_us = (s + 86400) * 1000000;
    return;
  }
  start_us = paris_local_to_utc(s).utc_seconds * 1000000;           // midnight is never in a DST change
  end_us = paris_local_to_utc(s + 86400).utc_seconds * 1000000;
}

int32_t local_date_of(int64_t utc_us, LocalZone zone) {
  int64_t s = utc_us >= 0 ? utc_us / 1000000 : -((-utc_us + 999999) / 1000000);
  if (zone == LocalZone::Paris) s += int64_t(paris_offset_minutes(s)) * 60;
  return int32_t(s >= 0 ? s / 86400 : -((-s + 86399) / 86400));
}

int64_t SeriesClock::resolve(const DateTime& dt) {
  int64_t us = dt.utc_us;
  if (dt.kind == LocalKind::Overlap) {
    if (has_last && us <= last_us) us = dt.second_utc_us;
    ++overlaps;
  } else if (dt.kind == LocalKind::Gap) {
    ++gaps;
  }
  has_last = true;
  last_us = us;
  return us;
}

std::string num_str(uint64_t v) { return std::to_string(v); }

void info_skipped_rows(Diagnostics& diag, const char* code, uint64_t count, uint64_t first_line, uint64_t first_offset,
                       std::string_view reason_fr, std::string_view reason_en) {
  if (!count) return;
  Message m = make_message(code,
                           num_str(count) + " ligne(s) " + std::string(reason_fr) + ", première ligne " + num_str(first_line),
                           num_str(count) + " line(s) " + std::string(reason_en) + ", first at line " + num_str(first_line),
                           first_offset, first_line);
  m.info = true;
  diag.warn(std::move(m));
}

void info_mojibake_repaired(Diagnostics& diag, uint64_t count) {
  if (!count) return;
  Message m = make_message("text.mojibake_repaired",
                           num_str(count) + " texte(s) mal encodé(s) réparé(s) (« Ã© » -> « é »)",
                           num_str(count) + " double-encoded text(s) repaired (\"Ã©\" -> \"é\")");
  m.info = true;
  diag.warn(std::move(m));
}

// [SECTION] CSV front end

CsvDomainParser::CsvDomainParser(const ParseOptions& o) : m_opts(o), m_prov(provenance_of(o)) {
  m_zone = zone_of_options(o, diag);
}

void CsvDomainParser::feed(std::span<const uint8_t> chunk) {
  if (m_finished) return;
  std::string_view bytes(reinterpret_cast<const char*>(chunk.data()), chunk.size());
  if (!m_started) {
    m_raw.append(bytes);
    m_raw_chunks.push_back(uint32_t(chunk.size()));
    if (m_raw.size() >= k_head_bytes) start(false);
    return;
  }
  process(bytes);
}

void CsvDomainParser::finish() {
  if (m_finished) return;
  if (!m_started) start(true);
  m_text.clear();
  m_tc.finish(m_text);
  m_reader->feed(m_text, *this);
  m_reader->finish(*this);
  m_finished = true;
  report_encoding();
  end_of_input();
  for (Table& t : tables) t.finalize();
}

const char* CsvDomainParser::encoding() const { return m_started ? encoding_name(m_tc.encoding()) : nullptr; }

void CsvDomainParser::start(bool complete) {
  m_started = true;
  const std::string_view head = std::string_view(m_raw).substr(0, k_head_bytes);
  const bool whole = complete && head.size() == m_raw.size();
  EncodingGuess g = guess_encoding(head, whole);
  {
    Transcoder probe(g.encoding, g.bom_len);
    std::string text;
    probe.feed(head, text);
    if (whole) probe.finish(text);
    m_delim = sniff_csv(text, whole).delimiter;
  }
  m_tc = Transcoder(g.encoding, g.bom_len);
  m_reader = std::make_unique<CsvRecordReader>(m_delim, &m_tc);
  std::string raw = std::move(m_raw);
  std::vector<uint32_t> sizes = std::move(m_raw_chunks);
  m_raw = std::string();
  m_raw_chunks = {};
  size_t pos = 0;
  for (uint32_t n : sizes) {
    process(std::string_view(raw).substr(pos, n));
    pos += n;
  }
}

void CsvDomainParser::process(std::string_view bytes) {
  m_text.clear();
  m_tc.feed(bytes, m_text);
  m_reader->feed(m_text, *this);
}

void CsvDomainParser::report_encoding() {
  if (m_tc.fallback_bytes())
    diag.warn(make_message("encoding.mixed",
                           "Fichier UTF-8 contenant " + num_str(m_tc.fallback_bytes()) +
                               " octet(s) invalide(s), lus comme Windows-1252",
                           "UTF-8 file with " + num_str(m_tc.fallback_bytes()) +
                               " invalid byte(s), read as Windows-1252",
                           m_tc.first_fallback_offset(), 0));
  if (m_tc.invalid_units())
    diag.warn(make_message("encoding.invalid",
                           num_str(m_tc.invalid_units()) + " caractère(s) invalide(s) remplacé(s) par U+FFFD",
                           num_str(m_tc.invalid_units()) + " invalid character(s) replaced by U+FFFD",
                           m_tc.first_invalid_offset(), 0));
}

}  // namespace sdw
