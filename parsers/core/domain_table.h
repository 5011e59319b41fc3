// Shared by the personal-data export parsers (Enedis, bank, xAPI…): building a domain table (columns of
// parsers/core/domains.h plus provenance), a row writer, header-name folding, and a CSV front end that
// decides encoding and delimiter on the head then streams records (CsvRecordReader + Transcoder).
// Does not own: any export's layout, the record grammar (parsers/readers/csv.h) or cell grammar (parsers/core/values.h).
#pragma once
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/readers/csv.h"
#include "parsers/core/encoding.h"
#include "parsers/core/parser.h"
#include "parsers/core/values.h"

namespace sdw {

// [SECTION] tables

struct DomainColumn {
  const char* name;
  ColumnType type;
};

// Where rows come from: a plain file (file = its name) or a ZIP entry (entry = its path).
struct Provenance {
  std::string file, entry;
};
Provenance provenance_of(const ParseOptions& o);

// Table named after its domain, `cols` in order, then _file, _entry, _record.
Table make_domain_table(const char* domain, std::initializer_list<DomainColumn> cols);

// Appends one row: set each column at most once, then end_row() fills the others with nulls and writes
// the provenance. Doubles that are NaN become nulls.
class RowWriter {
 public:
  RowWriter() = default;
  explicit RowWriter(Table& t);
  void str(size_t c, std::string_view v);
  void f64(size_t c, double v);
  void i64(size_t c, int64_t v);
  void boolean(size_t c, bool v);
  void date(size_t c, int32_t days);
  void ts(size_t c, int64_t utc_us, int16_t offset_min = k_unknown_offset);
  void end_row(const Provenance& p, uint64_t record);
  uint64_t rows() const { return m_rows; }

 private:
  Column& at(size_t c);
  Table* m_t = nullptr;
  std::vector<uint8_t> m_set;
  uint64_t m_rows = 0;
};

// [SECTION] text helpers

// Lower-case ASCII, Latin accents dropped (é -> e, Œ -> oe), "Ã©"-style mojibake undone first, spaces
// collapsed, trimmed: "Libellé  Opération" -> "libelle operation". For matching header names.
std::string fold_name(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
// A head as UTF-8 text (encoding guessed like the CSV parser does); "" for binary data.
std::string head_text(std::string_view head);
// Up to `max` lines of text split on `delim` and folded, for detectors.
std::vector<std::vector<std::string>> folded_lines(std::string_view text, char delim, size_t max = 60);
// Amount cell: French or English number with optional currency ("1 234,56 €", "-12.50 EUR", "+3,00").
bool parse_amount(std::string_view s, double& out);
// Local calendar day [start, end) in UTC microseconds (Europe/Paris or UTC).
void local_day_bounds(int32_t days, LocalZone zone, int64_t& start_us, int64_t& end_us);
// Local calendar date of an instant.
int32_t local_date_of(int64_t utc_us, LocalZone zone);
LocalZone zone_of_options(const ParseOptions& o, Diagnostics& diag);

// Local times without an offset in a time series: the fall-back hour is resolved by chronological
// order (first +02:00, then +01:00), as parsers/readers/csv.cpp does; gaps and overlaps are counted.
struct SeriesClock {
  bool has_last = false;
  int64_t last_us = 0;
  uint64_t gaps = 0, overlaps = 0;
  int64_t resolve(const DateTime& dt);
};

std::string num_str(uint64_t v);

// Info messages every domain parser gives at the end: rows skipped (code "<format>.skipped_rows", text
// "N ligne(s) <reason>, première ligne L" / "N line(s) <reason>, first at line L") and double-encoded
// text repaired ("text.mojibake_repaired"). Nothing is said when the count is 0.
void info_skipped_rows(Diagnostics& diag, const char* code, uint64_t count, uint64_t first_line, uint64_t first_offset,
                       std::string_view reason_fr, std::string_view reason_en);
void info_mojibake_repaired(Diagnostics& diag, uint64_t count);

// [SECTION] CSV front end

// Buffers the head (up to k_head_bytes) so encoding and delimiter depend on it alone, then replays it in
// its original chunks and streams every non-blank record to on_record() (preamble and header included).
class CsvDomainParser : public Parser, public RecordSink {
 public:
  explicit CsvDomainParser(const ParseOptions& o);
  void feed(std::span<const uint8_t> chunk) final;
  void finish() final;
  const char* encoding() const final;

 protected:
  virtual void end_of_input() = 0;   // all records seen: flush, move tables out
  void report_encoding();           // encoding.mixed / encoding.invalid warnings (called by finish)
  ParseOptions m_opts;
  Provenance m_prov;
  LocalZone m_zone = LocalZone::Paris;
  char m_delim = ';';

 private:
  void start(bool complete);
  void process(std::string_view bytes);
  bool m_started = false, m_finished = false;
  std::string m_raw;
  std::vector<uint32_t> m_raw_chunks;
  Transcoder m_tc;
  std::unique_ptr<CsvRecordReader> m_reader;
  std::string m_text;
};

}  // namespace sdw
