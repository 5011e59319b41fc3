// JSON (format "json") and NDJSON / JSON Lines (format "ndjson"): records flattened to typed columns,
// plus the table builder shared with GeoJSON (flattened key paths -> columns, type inference on the
// first records, late keys back-filled with nulls, promotion/demotion afterwards).
// Does not own: tokenizing (parsers/readers/json_reader.h) or the grammar of dates (parsers/core/values.h).
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/readers/json_reader.h"
#include "parsers/core/parser.h"
#include "parsers/core/values.h"

namespace sdw {

int json_detect(std::string_view head, std::string_view file_name);    // '[' or '{' first: 60 (65 if named .json)
int ndjson_detect(std::string_view head, std::string_view file_name);  // one object per line: 75
std::unique_ptr<Parser> json_create(const ParseOptions& opts);
std::unique_ptr<Parser> ndjson_create(const ParseOptions& opts);

// Head text after a UTF-8 BOM and leading whitespace ("" when nothing is left).
std::string_view json_head_start(std::string_view head);
// "Takeout/Records.json" -> "Records"; `fallback` when nothing is left.
std::string json_table_name(std::string_view file_name, std::string_view fallback);

// Builds one table from flattened records (JsonRecordCollector::fields()). Column order: first appearance.
// Types: bool / int64 / float64 from JSON literals and numbers, date / timestamp from ISO 8601 strings,
// string otherwise (arrays are their JSON text). Decided on the first k_infer_records records, then
// streamed: int64 meeting a decimal becomes float64; any other mismatch turns the column into text
// (one json.type_changed warning). Integers beyond int64 are kept exactly, as text.
class JsonTableBuilder {
 public:
  static constexpr size_t k_infer_records = 1000;
  // With `target`, the table is built in place there (a parser's output table) so its rows can be moved
  // out in batches once rows_final(); rows() still counts every record added.
  JsonTableBuilder(std::string table_name, Diagnostics& diag, LocalZone zone, size_t max_columns = 512,
                   Table* target = nullptr);
  ~JsonTableBuilder();
  // A column of a fixed type, created now (columns declared first come first). Values of another type
  // still turn it into text rather than being lost.
  void declare(std::string_view name, ColumnType type);
  void add_record(std::span<const JsonField> fields, uint64_t offset, uint64_t line);
  uint64_t rows() const;
  bool rows_final() const;  // types decided: rows in the table are only appended to from now on
  // Ends the table: infers types if still buffering, reports per-column warnings. Not finalized.
  Table take();
  // Facebook exports write UTF-8 bytes as \u00XX escapes ("Ã©tÃ©"); repaired by default.
  void set_repair_mojibake(bool on);
  uint64_t repaired_strings() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m;
};

// Facebook-style mojibake: every non-ASCII code point is U+0080..U+00FF and, taken as bytes, they form
// valid UTF-8 with at least one multi-byte sequence. Writes the decoded text to `out`.
bool repair_mojibake(std::string_view s, std::string& out);

}  // namespace sdw
