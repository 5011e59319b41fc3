// CSV/TSV (format id "csv"): content sniffer, the streaming RFC 4180 record reader, the delimiter and
// preamble sniffing, and the parser that infers column types and fills typed columns.
// Does not own: transcoding (parsers/core/encoding.h) or the grammar of one cell (parsers/core/values.h).
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/core/parser.h"

namespace sdw {

class Transcoder;

int csv_detect(std::string_view head, std::string_view file_name);  // 0..~70, see csv.cpp
std::unique_ptr<Parser> csv_create(const ParseOptions& opts);

// Receives each non-blank record. `fields` views stay valid only during the call.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void on_record(std::span<const std::string_view> fields, uint64_t byte_offset, uint64_t line) = 0;
};

// Streaming RFC 4180 reader over UTF-8 text: quotes, doubled quotes, quoted delimiters and newlines,
// CRLF / LF / CR line ends. Holds only the current record. Blank lines are skipped.
class CsvRecordReader {
 public:
  // tc: when set, byte offsets are mapped back to the source through it; else they count text bytes.
  explicit CsvRecordReader(char delimiter, const Transcoder* tc = nullptr);
  void feed(std::string_view text, RecordSink& sink);
  bool finish(RecordSink& sink);  // emits a last unterminated record; true when a quote was left open
  uint64_t open_record_line() const { return m_rec_line; }   // start line of the record cut by EOF
  uint64_t open_record_offset() const { return m_rec_offset; }
  uint64_t lines() const { return m_line; }
  size_t open_record_bytes() const { return m_rec.size(); }  // bytes of the record being read

 private:
  enum State : uint8_t { RecordStart, FieldStart, Unquoted, Quoted, QuoteInQuoted };
  void end_record(RecordSink& sink);

  char m_delim;
  const Transcoder* m_tc;
  State m_state = RecordStart;
  bool m_skip_lf = false;      // a CR ended the last line: swallow a following LF
  bool m_quoted_cr = false;    // a CR inside quotes: a following LF is the same line end
  bool m_any_quote = false;
  uint64_t m_line = 1;
  uint64_t m_text_base = 0;
  uint64_t m_rec_offset = 0, m_rec_line = 1;
  std::string m_rec;                    // bytes of the current record's fields, back to back
  std::vector<uint32_t> m_ends;         // end of each field in m_rec
  std::vector<std::string_view> m_fields;
  uint8_t m_special[256] = {};          // unquoted: delimiter, CR, LF, quote
  uint8_t m_qspecial[256] = {};         // quoted: quote, CR, LF
};

// What the first records say: the delimiter, the column count and where the table block starts.
struct CsvSniff {
  char delimiter = ',';
  size_t columns = 1;       // field count of the table block
  size_t block_start = 0;   // index (among non-blank records) of the header/first data row
  size_t records = 0;       // records examined
  size_t block_records = 0; // records in the block with `columns` fields
};
CsvSniff sniff_csv(std::string_view text, bool complete);  // text: UTF-8 head; complete: it is the whole input

}  // namespace sdw
