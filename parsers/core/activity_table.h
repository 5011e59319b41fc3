// Shared by the activity parsers (parsers/formats/social.cpp: Facebook, Instagram; parsers/formats/media.cpp: Spotify,
// Netflix, Google My Activity): the activity table's column layout, and a streaming JSON front end that
// hands each record of an export (an object in the root array, or in an array member of the root object)
// to a subclass as (path, value) pairs, one record in memory at a time.
// Does not own: any export's record layout, JSON tokenizing (parsers/readers/json_reader.h).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "parsers/core/domain_table.h"
#include "parsers/readers/json_reader.h"
#include "parsers/core/parser.h"

namespace sdw {

// [SECTION] table

// Columns of every activity table our parsers write (parsers/core/domains.h, k_activity): the standard ones,
// then duration_s, url, device; then provenance. Formats may append columns after c_act_device.
enum ActivityCol : size_t {
  c_act_ts, c_act_platform, c_act_kind, c_act_title, c_act_text, c_act_target, c_act_source, c_act_duration,
  c_act_url, c_act_device, c_act_extra,
};
// The activity table with the columns above plus `extra` ones (numbered from c_act_extra).
Table make_activity_table(std::initializer_list<DomainColumn> extra = {});

// [SECTION] helpers

// `"key"` followed by optional spaces and ':' somewhere in `h`.
bool json_has_key(std::string_view h, std::string_view key);
// The head of a JSON file whose root is an array whose first element is an object: the text from that
// object on ("" otherwise).
std::string_view json_first_object(std::string_view head);
// ASCII-lower-cased path, '\\' turned into '/', for file-name hints.
std::string lower_path(std::string_view name);
// Seconds since the epoch -> µs; false when out of a sane range (1990..2100).
bool epoch_s_to_us(double s, int64_t& us);

// [SECTION] JSON record front end

// Records are the object elements of the root array (array key "") or of an array member of the root
// object whose key records_in() accepts. Scalars inside a record reach field() with their path relative to
// the record ("data[].post", "string_list_data[].timestamp"); scalars outside any record reach outside()
// with their path from the root ("title", "thread_path"); scalars in arrays that records_in() refused are ignored,
// and refused arrays that hold objects are named in one info message (<prefix>.arrays_not_read).
class JsonActivityParser : public Parser, public JsonHandler {
 public:
  JsonActivityParser(const ParseOptions& o, const char* code_prefix, bool repair_mojibake);
  void feed(std::span<const uint8_t> chunk) final;
  void finish() final;
  uint64_t rows_so_far() const final { return m_w.rows(); }
  const char* encoding() const final { return "utf-8"; }
  void on_event(const JsonEvent& e, JsonReader& r) final;

 protected:
  virtual bool records_in(std::string_view array_key) = 0;  // "" = the root array
  virtual void begin_record(std::string_view array_key) = 0;
  virtual void field(std::string_view path, const JsonEvent& e) = 0;
  virtual void end_record() = 0;                             // write the row (or skip())
  virtual void outside(std::string_view, const JsonEvent&) {}
  virtual void end_of_input() {}                             // after the last record, before the table ships

  // Text of a String event, Facebook mojibake repaired when enabled (counted once per string).
  std::string text_of(const JsonEvent& e);
  void write_row() { m_w.end_row(m_prov, m_rec_index); }
  // The current record is skipped: counted, the first one reported with its index and offset.
  void skip(const char* why_fr, const char* why_en);
  uint64_t record_index() const { return m_rec_index; }

  Table m_table;
  RowWriter m_w;
  Provenance m_prov;
  ParseOptions m_opts;

 private:
  enum class Mode { None, Array, Object, Other };
  void fail();
  std::string path_of(const JsonReader& r, uint32_t from, uint32_t to) const;

  JsonReader m_reader;
  std::string m_prefix;      // "facebook", "spotify"… for message codes
  bool m_repair;
  Mode m_mode = Mode::None;
  bool m_done = false, m_arr_ok = false;
  int64_t m_arr_depth = -1, m_rec_depth = -1;
  std::string m_arr_key;
  uint64_t m_index = 0, m_rec_index = 0, m_rec_off = 0, m_rec_line = 0;
  uint64_t m_repaired = 0;
  uint64_t m_skipped = 0, m_skip_index = 0, m_skip_off = 0, m_skip_line = 0;
  std::string m_skip_fr, m_skip_en;
  bool m_arr_named = false;
  std::string m_not_read;    // refused arrays of objects, for the info message
};

}  // namespace sdw
