// CSV/TSV parser: RFC 4180 record reader, delimiter/preamble/header sniffing, type inference on the
// first rows, then streaming into typed columns with in-place promotion/demotion.
// Memory after the sniffing phase: the current record plus the columns being built.
#include "parsers/readers/csv.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_set>

#include "parsers/core/encoding.h"
#include "parsers/core/values.h"

namespace sdw {

// [SECTION] record reader

CsvRecordReader::CsvRecordReader(char delimiter, const Transcoder* tc) : m_delim(delimiter), m_tc(tc) {
  for (uint8_t c : {uint8_t(delimiter), uint8_t('\n'), uint8_t('\r'), uint8_t('"')}) m_special[c] = 1;
  for (uint8_t c : {uint8_t('\n'), uint8_t('\r'), uint8_t('"')}) m_qspecial[c] = 1;
  m_rec.reserve(256);
  m_ends.reserve(16);
  m_fields.reserve(16);
}

void CsvRecordReader::end_record(RecordSink& sink) {
  m_ends.push_back(uint32_t(m_rec.size()));
  const bool blank = m_ends.size() == 1 && m_ends[0] == 0 && !m_any_quote;
  if (!blank) {
    m_fields.resize(m_ends.size());
    uint32_t start = 0;
    for (size_t i = 0; i < m_ends.size(); ++i) {
      m_fields[i] = std::string_view(m_rec.data() + start, m_ends[i] - start);
      start = m_ends[i];
    }
    sink.on_record(std::span<const std::string_view>(m_fields.data(), m_fields.size()), m_rec_offset, m_rec_line);
  }
  m_rec.clear();
  m_ends.clear();
  m_any_quote = false;
  m_state = RecordStart;
}

void CsvRecordReader::feed(std::string_view text, RecordSink& sink) {
  const char* const b = text.data();
  const char* p = b;
  const char* const e = b + text.size();
  while (p < e) {
    switch (m_state) {
      case RecordStart:
        if (m_skip_lf) {
          m_skip_lf = false;
          if (*p == '\n') { ++p; continue; }
        }
        m_rec_offset = m_tc ? m_tc->source_offset(size_t(p - b)) : m_text_base + uint64_t(p - b);
        m_rec_line = m_line;
        {
          // Fast path: a record without quotes that ends inside this chunk is handed out as views of the
          // text, without copying its bytes into m_rec; anything else goes through the state machine below
          // from the record's first byte (nothing is consumed here then).
          m_fields.clear();
          const char* q = p;
          const char* fs = q;
          bool whole = false;
          for (;;) {
            while (q < e && !m_special[uint8_t(*q)]) ++q;
            if (q == e || *q == '"') break;
            m_fields.emplace_back(fs, size_t(q - fs));
            if (*q == m_delim) {
              fs = ++q;
              continue;
            }
            whole = true;  // '\n' or '\r'
            break;
          }
          if (whole) {
            ++m_line;
            if (*q == '\r') m_skip_lf = true;
            p = q + 1;
            if (!(m_fields.size() == 1 && m_fields[0].empty()))  // a blank line is skipped
              sink.on_record(std::span<const std::string_view>(m_fields.data(), m_fields.size()), m_rec_offset, m_rec_line);
            continue;
          }
        }
        m_state = FieldStart;
        [[fallthrough]];
      case FieldStart:
        if (*p == '"') {
          m_state = Quoted;
          m_any_quote = true;
          ++p;
          continue;
        }
        m_state = Unquoted;
        [[fallthrough]];
      case Unquoted: {
        const char* s = p;
        while (p < e && !m_special[uint8_t(*p)]) ++p;
        m_rec.append(s, size_t(p - s));
        if (p == e) break;
        const char c = *p++;
        if (c == m_delim) {
          m_ends.push_back(uint32_t(m_rec.size()));
          m_state = FieldStart;
        } else if (c == '\n') {
          ++m_line;
          end_record(sink);
        } else if (c == '\r') {
          ++m_line;
          m_skip_lf = true;
          end_record(sink);
        } else {
          m_rec.push_back('"');  // a quote inside an unquoted field is kept as text
        }
        continue;
      }
      case Quoted: {
        const char* s = p;
        while (p < e && !m_qspecial[uint8_t(*p)]) ++p;
        if (p > s) {
          m_rec.append(s, size_t(p - s));
          m_quoted_cr = false;
        }
        if (p == e) break;
        const char c = *p++;
        if (c == '"') {
          m_quoted_cr = false;
          m_state = QuoteInQuoted;
        } else {
          m_rec.push_back(c);
          if (c == '\r') { ++m_line; m_quoted_cr = true; }
          else { if (!m_quoted_cr) ++m_line; m_quoted_cr = false; }
        }
        continue;
      }
      case QuoteInQuoted:
        if (*p == '"') {  // doubled quote
          m_rec.push_back('"');
          ++p;
          m_state = Quoted;
        } else {
          m_state = Unquoted;  // delimiter/newline close the field; other text after the quote is kept
        }
        continue;
    }
  }
  m_text_base += text.size();
}

bool CsvRecordReader::finish(RecordSink& sink) {
  const bool open_quote = m_state == Quoted;
  if (m_state != RecordStart) end_record(sink);
  return open_quote;
}

// [SECTION] sniffing

namespace {

constexpr size_t k_sniff_records = 200;
constexpr char k_delimiters[] = {';', ',', '\t', '|'};

// A row whose cells are all non-empty, untyped and distinct: looks like a header.
bool header_like(std::span<const std::string_view> cells, size_t columns) {
  if (cells.size() != columns) return false;
  if (columns == 0) return false;
  std::unordered_set<std::string_view> seen;
  for (std::string_view c : cells) {
    std::string_view t = trim(c);
    if (is_null_token(t) || value_type_bits(t, LocalZone::Utc) != 0) return false;
    if (!seen.insert(t).second) return false;
  }
  return true;
}

class CountingSink : public RecordSink {
 public:
  std::vector<uint32_t> counts;   // fields per record
  std::vector<uint32_t> filled;   // fields up to the last non-empty one ("a;b;;" -> 2)
  std::vector<std::vector<std::string>> cells;  // kept for the header search
  void on_record(std::span<const std::string_view> f, uint64_t, uint64_t) override {
    if (counts.size() >= k_sniff_records) return;
    size_t last = f.size();
    while (last > 1 && trim(f[last - 1]).empty()) --last;
    counts.push_back(uint32_t(f.size()));
    filled.push_back(uint32_t(last));
    cells.emplace_back(f.begin(), f.end());
  }
  // A record fits a field count k when trailing empty cells can be dropped or added to reach it.
  bool fits(size_t i, uint32_t k) const { return filled[i] <= k && k <= counts[i]; }
};

}  // namespace

CsvSniff sniff_csv(std::string_view text, bool complete) {
  // Commas between two digits are decimal commas more often than separators ("1 234,56;-12,5").
  size_t commas = 0, digit_commas = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != ',') continue;
    ++commas;
    if (i > 0 && i + 1 < text.size() && text[i - 1] >= '0' && text[i - 1] <= '9' && text[i + 1] >= '0' &&
        text[i + 1] <= '9')
      ++digit_commas;
  }
  CsvSniff best;
  double best_score = 0;
  for (char d : k_delimiters) {
    CountingSink sink;
    CsvRecordReader reader(d);
    reader.feed(text, sink);
    if (complete) reader.finish(sink);
    const auto& c = sink.counts;
    const size_t n = c.size();
    if (n == 0) continue;
    // the table's field count: best supported, the second half weighing double (ties: more fields)
    uint32_t mode = 0;
    size_t mode_w = 0;
    std::vector<uint32_t> tried;
    for (size_t r = 0; r < n; ++r) {
      for (uint32_t k : {c[r], sink.filled[r]}) {
        if (std::find(tried.begin(), tried.end(), k) != tried.end()) continue;
        tried.push_back(k);
        size_t w = 0;
        for (size_t i = 0; i < n; ++i)
          if (sink.fits(i, k)) w += i >= n / 2 ? 2 : 1;
        if (w > mode_w || (w == mode_w && k > mode)) { mode = k; mode_w = w; }
      }
    }
    if (mode <= 1) continue;
    // the block starts at the first record with that count that most of the next few records share:
    // a preamble is a prefix of lines of another shape
    size_t start = n;
    for (size_t i = 0; i < n && start == n; ++i) {
      if (!sink.fits(i, mode)) continue;
      size_t look = std::min<size_t>(5, n - i - 1), same = 0;
      for (size_t k = 1; k <= look; ++k) same += sink.fits(i + k, mode);
      if (look == 0 || same * 2 >= look) start = i;
    }
    if (start == n) continue;
    size_t in_block = 0;
    for (size_t i = start; i < n; ++i) in_block += sink.fits(i, mode);
    double score = double(in_block) * double(mode - 1);
    if (d == ',' && commas && digit_commas * 2 > commas) score *= 0.5;
    if (score > best_score) {
      best_score = score;
      best.delimiter = d;
      best.columns = mode;
      best.records = n;
      best.block_records = in_block;
      // Padded preamble lines ("Solde;1 234,56;;") can share the block's field count: when the block does
      // not open with a header-like row but one follows soon after lines that all have an empty cell,
      // the block starts there.
      auto cells_of = [&](size_t i) {
        return std::vector<std::string_view>(sink.cells[i].begin(), sink.cells[i].end());
      };
      if (!header_like(cells_of(start), mode)) {
        for (size_t k = start + 1; k < std::min(n, start + 20); ++k) {
          auto row = cells_of(k - 1);
          bool has_empty = std::any_of(row.begin(), row.end(), [](std::string_view v) { return trim(v).empty(); });
          if (!has_empty) break;
          if (header_like(cells_of(k), mode)) { start = k; break; }
        }
      }
      best.block_start = start;
    }
  }
  if (best_score == 0) {
    // one column: keep each line whole whatever punctuation it holds (0x1F never appears in text)
    CountingSink sink;
    CsvRecordReader reader('\x1F');
    reader.feed(text, sink);
    if (complete) reader.finish(sink);
    best.delimiter = '\x1F';
    best.records = sink.counts.size();
    best.columns = 1;
    best.block_start = 0;
    best.block_records = best.records;
  }
  return best;
}

namespace {

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char a = s[s.size() - suffix.size() + i];
    if (a >= 'A' && a <= 'Z') a = char(a - 'A' + 'a');
    if (a != suffix[i]) return false;
  }
  return true;
}

}  // namespace

int csv_detect(std::string_view head, std::string_view file_name) {
  const bool complete = head.size() < k_head_bytes;
  EncodingGuess g = guess_encoding(head, complete);
  if (g.binary) return 0;
  Transcoder tc(g.encoding, g.bom_len);
  std::string text;
  tc.feed(head, text);
  if (complete) tc.finish(text);
  size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) ++i;
  if (i == text.size()) return 0;
  if (text[i] == '{' || text[i] == '[' || text[i] == '<') return 0;
  const bool named = ends_with_ci(file_name, ".csv") || ends_with_ci(file_name, ".tsv");
  const bool text_named = named || ends_with_ci(file_name, ".txt");
  CsvSniff s = sniff_csv(text, complete);
  int score;
  if (s.columns > 1 && s.block_records >= 2) score = 50;
  else if (s.columns > 1) score = 30;
  else return named ? 15 : 0;  // one column: only when the name says CSV
  if (text_named) score += 10;
  return score;
}

// [SECTION] parser

namespace {

constexpr size_t k_infer_rows = 1000;
// One record longer than this (no line end, or a quote never closed) is not a table: the parse stops with a
// clear error instead of growing one field without bound.
constexpr size_t k_max_record_bytes = size_t(32) << 20;

std::string to_str(uint64_t v) { return std::to_string(v); }

class CsvParser final : public Parser, public RecordSink {
 public:
  explicit CsvParser(const ParseOptions& o) : m_opts(o) {
    bool known = true;
    m_zone = zone_from_name(o.time_zone, &known);
    if (!known)
      diag.warn(make_message("time.zone_unknown",
                             "Fuseau « " + o.time_zone + " » non géré : heures locales lues en Europe/Paris",
                             "Time zone \"" + o.time_zone + "\" not supported: local times read as Europe/Paris"));
  }

  void feed(std::span<const uint8_t> chunk) override {
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

  void finish() override {
    if (m_finished) return;
    if (!m_started) start(true);
    if (m_finished) return;  // stopped while replaying the head (record too long)
    m_text.clear();
    m_tc.finish(m_text);
    m_reader->feed(m_text, *this);
    const uint64_t open_line = m_reader->open_record_line();
    const uint64_t open_offset = m_reader->open_record_offset();
    if (m_reader->finish(*this))
      diag.warn(make_message("csv.unterminated_quote",
                             "Guillemet ouvert jamais refermé (enregistrement commencé ligne " + to_str(open_line) +
                                 ") : le texte jusqu'à la fin du fichier est gardé dans ce champ",
                             "Quote opened and never closed (record starting at line " + to_str(open_line) +
                                 "): the text up to the end of the file is kept in that field",
                             open_offset, open_line));
    if (m_phase != Phase::Streaming) build_schema();
    report_time_warnings();
    report_encoding_warnings();
    for (auto& t : tables) t.finalize();
    m_finished = true;
  }

  uint64_t rows_so_far() const override { return m_rows + m_buf_rows.size(); }
  bool streams_rows() const override { return true; }   // rows are appended to tables.back() as they come
  const char* encoding() const override { return m_started ? encoding_name(m_tc.encoding()) : nullptr; }

  void on_record(std::span<const std::string_view> f, uint64_t off, uint64_t line) override {
    const size_t index = m_rec_index++;
    switch (m_phase) {
      case Phase::Preamble:
        if (index < m_sniff.block_start) {
          m_preamble.emplace_back(f.begin(), f.end());
          if (m_preamble.size() == 1) { m_preamble_line = line; m_preamble_offset = off; }
          return;
        }
        m_candidate.assign(f.begin(), f.end());
        m_candidate_line = line;
        m_candidate_offset = off;
        m_has_candidate = true;
        m_phase = Phase::Buffering;
        return;
      case Phase::Buffering:
        buffer_row(f, off, line);
        if (m_buf_rows.size() >= k_infer_rows) build_schema();
        return;
      case Phase::Streaming:
        append_row(f, off, line);
        return;
    }
  }

 private:
  enum class Phase { Preamble, Buffering, Streaming };

  struct BufRow {
    uint32_t first_cell, cells;
    uint64_t offset, line;
  };

  struct ColState {
    bool has_last = false;
    int64_t last_us = 0;
    bool type_warned = false;
    uint64_t gaps = 0, overlaps = 0, gap_line = 0, overlap_line = 0, gap_offset = 0, overlap_offset = 0;
  };

  // ---- head: decide the encoding and the delimiter, then replay the head in its original chunks
  void start(bool complete) {
    m_started = true;
    // decisions look at the first k_head_bytes only, however the input was chunked
    const std::string_view head = std::string_view(m_raw).substr(0, k_head_bytes);
    const bool whole = complete && head.size() == m_raw.size();
    EncodingGuess g = guess_encoding(head, whole);
    {
      Transcoder probe(g.encoding, g.bom_len);
      std::string text;
      probe.feed(head, text);
      if (whole) probe.finish(text);
      m_sniff = sniff_csv(text, whole);
    }
    m_tc = Transcoder(g.encoding, g.bom_len);
    m_reader = std::make_unique<CsvRecordReader>(m_sniff.delimiter, &m_tc);
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

  void process(std::string_view bytes) {
    if (m_finished) return;
    m_text.clear();
    m_tc.feed(bytes, m_text);
    m_reader->feed(m_text, *this);
    if (m_reader->open_record_bytes() > k_max_record_bytes) record_too_long();
  }

  void record_too_long() {
    const uint64_t line = m_reader->open_record_line(), off = m_reader->open_record_offset();
    diag.fail(make_message("csv.record_too_long",
                           "Ligne " + to_str(line) + " : un enregistrement de plus de " +
                               to_str(k_max_record_bytes >> 20) + " Mio sans fin de ligne ni guillemet refermé (commencé à l'octet " +
                               to_str(off) + ") : ce fichier ne se lit pas comme un tableau",
                           "Line " + to_str(line) + ": a record longer than " + to_str(k_max_record_bytes >> 20) +
                               " MiB with no line end or closing quote (starting at byte " + to_str(off) +
                               "): this file does not read as a table",
                           off, line));
    tables.clear();
    m_table = nullptr;
    m_finished = true;
  }

  void buffer_row(std::span<const std::string_view> f, uint64_t off, uint64_t line) {
    BufRow r{uint32_t(m_buf_ends.size()), uint32_t(f.size()), off, line};
    for (std::string_view s : f) {
      m_buf_chars.append(s.data(), s.size());
      m_buf_ends.push_back(m_buf_chars.size());
    }
    m_buf_rows.push_back(r);
  }

  std::vector<std::string_view> buffered(const BufRow& r) const {
    std::vector<std::string_view> v(r.cells);
    for (uint32_t i = 0; i < r.cells; ++i) {
      size_t end = m_buf_ends[r.first_cell + i];
      size_t begin = r.first_cell + i == 0 ? 0 : m_buf_ends[r.first_cell + i - 1];
      v[i] = std::string_view(m_buf_chars).substr(begin, end - begin);
    }
    return v;
  }

  // ---- schema: header or not, names, types; then the buffered rows go into the columns
  void build_schema() {
    m_phase = Phase::Streaming;
    size_t ncols = m_sniff.columns;
    if (!m_has_candidate && m_preamble.empty()) {
      if (m_sniff.records == 0 && m_rec_index == 0) {
        tables.emplace_back();
        tables.back().name = table_name();
        return;
      }
    }
    std::vector<uint8_t> bits(ncols, k_can_all);
    std::vector<uint8_t> seen(ncols, 0);
    auto accumulate = [&](std::span<const std::string_view> row) {
      for (size_t c = 0; c < ncols && c < row.size(); ++c) {
        std::string_view t = trim(row[c]);
        if (is_null_token(t)) continue;
        bits[c] &= value_type_bits(t, m_zone);
        seen[c] = 1;
      }
    };
    for (const BufRow& r : m_buf_rows) accumulate(buffered(r));

    bool header = false;
    if (m_has_candidate) {
      size_t non_empty = 0;
      bool typed = false, distinct = true;
      std::unordered_set<std::string_view> names;
      for (std::string_view c : m_candidate) {
        std::string_view t = trim(c);
        if (is_null_token(t)) continue;
        ++non_empty;
        if (value_type_bits(t, m_zone) != 0) typed = true;
        if (!names.insert(t).second) distinct = false;
      }
      bool data_typed = false;
      for (size_t c = 0; c < ncols; ++c) data_typed |= seen[c] && bits[c] != 0;
      header = non_empty > 0 && !typed && (data_typed || distinct);
    }

    Table t;
    t.name = table_name();
    t.columns.resize(ncols);
    std::vector<std::string> names(ncols);
    if (header)
      for (size_t c = 0; c < ncols && c < m_candidate.size(); ++c) names[c] = std::string(trim(m_candidate[c]));
    else if (m_has_candidate)
      accumulate(std::vector<std::string_view>(m_candidate.begin(), m_candidate.end()));
    make_unique_names(names);
    for (size_t c = 0; c < ncols; ++c) {
      Column& col = t.columns[c];
      col.name = names[c];
      const uint8_t b = seen[c] ? bits[c] : 0;
      if (b & k_can_bool) col.type = ColumnType::Bool;
      else if (b & k_can_int) col.type = ColumnType::Int64;
      else if (b & k_can_float) col.type = ColumnType::Float64;
      else if (b & k_can_date) col.type = ColumnType::Date;
      else if (b & k_can_timestamp) col.type = ColumnType::Timestamp;
      else col.type = ColumnType::String;
    }
    fill_meta(t);
    tables.push_back(std::move(t));
    m_table = &tables.back();
    m_cols.assign(ncols, ColState{});
    m_ncols = ncols;

    if (m_has_candidate && !header) {
      std::vector<std::string_view> v(m_candidate.begin(), m_candidate.end());
      append_row(v, m_candidate_offset, m_candidate_line);
    }
    for (const BufRow& r : m_buf_rows) append_row(buffered(r), r.offset, r.line);
    m_buf_rows = {};
    m_buf_chars = std::string();
    m_buf_ends = {};
    m_candidate = {};
  }

  std::string table_name() const {
    std::string_view n = m_opts.file_name;
    size_t slash = n.find_last_of("/\\");
    if (slash != std::string_view::npos) n.remove_prefix(slash + 1);
    size_t dot = n.rfind('.');
    if (dot != std::string_view::npos && dot > 0) n = n.substr(0, dot);
    return n.empty() ? std::string("csv") : std::string(n);
  }

  static void make_unique_names(std::vector<std::string>& names) {
    std::unordered_set<std::string> used;
    for (size_t c = 0; c < names.size(); ++c)
      if (names[c].empty()) names[c] = "colonne_" + std::to_string(c + 1);
    for (auto& n : names) {
      if (used.insert(n).second) continue;
      for (int k = 2;; ++k) {
        std::string cand = n + "_" + std::to_string(k);
        if (used.insert(cand).second) { n = cand; break; }
      }
    }
  }

  void fill_meta(Table& t) {
    const size_t n = m_preamble.size();
    if (n == 0) return;
    auto joined = [&](const std::vector<std::string>& row) {
      size_t last = row.size();
      while (last > 0 && trim(row[last - 1]).empty()) --last;
      std::string s;
      for (size_t i = 0; i < last; ++i) {
        if (i) s.push_back(m_sniff.delimiter == '\x1F' ? ' ' : m_sniff.delimiter);
        s += row[i];
      }
      return s;
    };
    for (size_t i = 0; i < n;) {
      const auto& row = m_preamble[i];
      if (i + 1 < n && row.size() >= 3 && m_preamble[i + 1].size() == row.size() &&
          header_like(std::vector<std::string_view>(row.begin(), row.end()), row.size())) {
        for (size_t c = 0; c < row.size(); ++c)
          t.meta.emplace_back(std::string(trim(row[c])), std::string(trim(m_preamble[i + 1][c])));
        i += 2;
      } else {
        t.meta.emplace_back("preamble_" + std::to_string(i + 1), joined(row));
        i += 1;
      }
    }
    Message m = make_message("csv.preamble",
                             to_str(n) + " ligne(s) avant l'en-tête ignorée(s), gardées comme métadonnées",
                             to_str(n) + " line(s) before the header skipped, kept as metadata",
                             m_preamble_offset, m_preamble_line);
    m.info = true;
    diag.warn(std::move(m));
  }

  // ---- rows
  void append_row(std::span<const std::string_view> f, uint64_t off, uint64_t line) {
    const size_t n = f.size();
    if (n < m_ncols) {
      warn_ragged(line, off, n, "csv.ragged_row", "cellules manquantes complétées par des valeurs nulles",
                  "missing cells filled with nulls");
    } else if (n > m_ncols) {
      bool extra_text = false;
      for (size_t c = m_ncols; c < n; ++c) extra_text |= !trim(f[c]).empty();
      if (extra_text)
        warn_ragged(line, off, n, "csv.ragged_row", "cellules en trop ignorées", "extra cells dropped");
    }
    Table& t = *m_table;
    for (size_t c = 0; c < m_ncols; ++c) {
      if (c < n) append_cell(c, t.columns[c], f[c], line, off);
      else t.columns[c].append_null();
    }
    ++m_rows;
  }

  void warn_ragged(uint64_t line, uint64_t off, size_t n, const char* code, const char* fr, const char* en) {
    if (diag.at_cap(code)) { diag.suppress(code); return; }
    diag.warn(make_message(code,
                           "Ligne " + to_str(line) + " : " + to_str(n) + " cellules au lieu de " + to_str(m_ncols) +
                               ", " + fr,
                           "Line " + to_str(line) + ": " + to_str(n) + " cells instead of " + to_str(m_ncols) + ", " +
                               en,
                           off, line));
  }

  void append_cell(size_t c, Column& col, std::string_view raw, uint64_t line, uint64_t off) {
    const std::string_view t = trim(raw);
    if (is_null_token(t)) { col.append_null(); return; }
    switch (col.type) {
      case ColumnType::String:
        col.append_string(raw);
        return;
      case ColumnType::Int64: {
        int64_t v;
        if (parse_int(t, v)) { col.append_int(v); return; }
        double d;
        if (parse_float(t, d)) { col.convert_to_float(); col.append_double(d); return; }
        break;
      }
      case ColumnType::Float64: {
        double d;
        if (parse_float(t, d)) { col.append_double(d); return; }
        break;
      }
      case ColumnType::Bool: {
        bool b;
        if (parse_bool(t, b)) { col.append_bool(b); return; }
        break;
      }
      case ColumnType::Date: {
        int32_t d;
        if (parse_date(t, d)) { col.append_date(d); return; }
        break;
      }
      case ColumnType::Timestamp: {
        DateTime dt;
        if (parse_datetime(t, m_zone, dt, true)) { append_time(m_cols[c], col, dt, line, off); return; }
        break;
      }
    }
    demote(c, col, raw, line, off);
  }

  void append_time(ColState& s, Column& col, const DateTime& dt, uint64_t line, uint64_t off) {
    int64_t us = dt.utc_us;
    if (dt.kind == LocalKind::Overlap) {
      // first occurrence (+02:00), unless that would go back in time: the series passes the hour again
      if (s.has_last && us < s.last_us) us = dt.second_utc_us;
      if (s.overlaps++ == 0) { s.overlap_line = line; s.overlap_offset = off; }
    } else if (dt.kind == LocalKind::Gap) {
      if (s.gaps++ == 0) { s.gap_line = line; s.gap_offset = off; }
    }
    col.append_timestamp(us, dt.local_offset());
    s.has_last = true;
    s.last_us = us;
  }

  void demote(size_t c, Column& col, std::string_view raw, uint64_t line, uint64_t off) {
    const char* was = column_type_name(col.type);
    col.convert_to_string();
    col.append_string(raw);
    if (m_cols[c].type_warned) return;
    m_cols[c].type_warned = true;
    diag.warn(make_message("csv.type_changed",
                           "Colonne « " + col.name + " » : valeur « " + std::string(raw.substr(0, 40)) + " » ligne " +
                               to_str(line) + ", la colonne (" + was + ") passe en texte",
                           "Column \"" + col.name + "\": value \"" + std::string(raw.substr(0, 40)) + "\" at line " +
                               to_str(line) + ", the column (" + was + ") becomes text",
                           off, line));
  }

  void report_time_warnings() {
    if (!m_table) return;
    for (size_t c = 0; c < m_ncols; ++c) {
      const ColState& s = m_cols[c];
      const std::string& name = m_table->columns[c].name;
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
    }
  }

  void report_encoding_warnings() {
    if (m_tc.fallback_bytes())
      diag.warn(make_message("encoding.mixed",
                             "Fichier UTF-8 contenant " + to_str(m_tc.fallback_bytes()) +
                                 " octet(s) invalide(s), lus comme Windows-1252 (premier à l'octet " +
                                 to_str(m_tc.first_fallback_offset()) + ")",
                             "UTF-8 file with " + to_str(m_tc.fallback_bytes()) +
                                 " invalid byte(s), read as Windows-1252 (first at byte " +
                                 to_str(m_tc.first_fallback_offset()) + ")",
                             m_tc.first_fallback_offset(), 0));
    if (m_tc.invalid_units())
      diag.warn(make_message("encoding.invalid",
                             to_str(m_tc.invalid_units()) + " caractère(s) invalide(s) remplacé(s) par U+FFFD",
                             to_str(m_tc.invalid_units()) + " invalid character(s) replaced by U+FFFD",
                             m_tc.first_invalid_offset(), 0));
  }

  ParseOptions m_opts;
  LocalZone m_zone = LocalZone::Paris;
  bool m_started = false, m_finished = false;
  std::string m_raw;                  // head bytes until the encoding/delimiter are decided
  std::vector<uint32_t> m_raw_chunks; // their chunk sizes, replayed so later stages see real boundaries
  CsvSniff m_sniff;
  Transcoder m_tc;
  std::unique_ptr<CsvRecordReader> m_reader;
  std::string m_text;                 // UTF-8 text of the current chunk (reused)

  Phase m_phase = Phase::Preamble;
  size_t m_rec_index = 0;
  std::vector<std::vector<std::string>> m_preamble;
  uint64_t m_preamble_line = 0, m_preamble_offset = 0;
  std::vector<std::string> m_candidate;
  bool m_has_candidate = false;
  uint64_t m_candidate_line = 0, m_candidate_offset = 0;

  std::vector<BufRow> m_buf_rows;     // first data rows as text, for type inference
  std::string m_buf_chars;
  std::vector<size_t> m_buf_ends;

  Table* m_table = nullptr;
  size_t m_ncols = 0;
  std::vector<ColState> m_cols;
  uint64_t m_rows = 0;
};

}  // namespace

std::unique_ptr<Parser> csv_create(const ParseOptions& opts) { return std::make_unique<CsvParser>(opts); }

}  // namespace sdw
