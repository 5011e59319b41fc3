// Typed column model shared by every parser, the CLI, the wasm exports and the DuckDB bridge.
// Owns: column storage and the Arrow-compatible buffers built at finalize(). Does not own: parsing,
// type inference (parsers/readers/csv.cpp) or anything platform-specific.
#pragma once
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace sdw {

enum class ColumnType : uint8_t {
  Bool,       // Arrow Bool (bit-packed at finalize)
  Int64,      // Arrow Int64
  Float64,    // Arrow Float64
  Date,       // Arrow Date32: days since 1970-01-01
  Timestamp,  // Arrow Timestamp(us), no tz: microseconds since epoch, always UTC
  String,     // Arrow Utf8: int32 offsets + UTF-8 bytes
};

const char* column_type_name(ColumnType t);  // "bool", "int64", "float64", "date", "timestamp", "string"

constexpr int16_t k_unknown_offset = std::numeric_limits<int16_t>::min();

// One column. Values are appended row by row; `valid` holds one byte per row until finalize().
struct Column {
  std::string name;
  ColumnType type = ColumnType::String;
  std::vector<uint8_t> valid;          // 1 = value present, 0 = null (one byte per row)
  std::vector<int64_t> i64;            // Int64, Timestamp (us UTC), Bool (0/1)
  std::vector<int32_t> i32;            // Date (days)
  std::vector<double> f64;             // Float64
  std::vector<int32_t> offsets{0};     // String: rows + 1 offsets into chars
  std::string chars;                   // String: UTF-8 bytes
  std::vector<int16_t> utc_offset_min; // Timestamp: offset written in the source (minutes), k_unknown_offset if none

  // Arrow buffers built by finalize()
  std::vector<uint8_t> validity_bits;  // LSB bit-packed validity
  std::vector<uint8_t> bool_bits;      // LSB bit-packed values (Bool only)
  int64_t null_count = 0;

  size_t size() const { return valid.size(); }
  // Appends are inline: parsers call them once per cell.
  void append_null() {
    valid.push_back(0);
    switch (type) {
      case ColumnType::Bool:
      case ColumnType::Int64: i64.push_back(0); break;
      case ColumnType::Timestamp: i64.push_back(0); utc_offset_min.push_back(k_unknown_offset); break;
      case ColumnType::Float64: f64.push_back(0.0); break;
      case ColumnType::Date: i32.push_back(0); break;
      case ColumnType::String: offsets.push_back(offsets.back()); break;
    }
  }
  void append_bool(bool v) { valid.push_back(1); i64.push_back(v ? 1 : 0); }
  void append_int(int64_t v) { valid.push_back(1); i64.push_back(v); }
  void append_double(double v) { valid.push_back(1); f64.push_back(v); }
  void append_date(int32_t days) { valid.push_back(1); i32.push_back(days); }
  void append_timestamp(int64_t utc_us, int16_t offset_min = k_unknown_offset) {
    valid.push_back(1);
    i64.push_back(utc_us);
    utc_offset_min.push_back(offset_min);
  }
  void append_string(std::string_view v) {
    if (chars.size() + v.size() > size_t(INT32_MAX)) string_too_long();
    valid.push_back(1);
    chars.append(v.data(), v.size());
    offsets.push_back(int32_t(chars.size()));
  }
  std::string_view string_at(size_t row) const;  // String columns only
  std::string value_text(size_t row) const;      // any type, for CLI/tests ("" for null; ISO 8601 for time)
  void finalize();                               // builds validity_bits / bool_bits, counts nulls
  Column take_values();                          // moves the rows out (same name and type), leaving this empty
  bool has_offsets() const;                      // some timestamp kept an explicit source offset
  void convert_to_float();                       // Int64 -> Float64 in place (inference met a decimal)
  void convert_to_string();                      // any type -> String, earlier values re-written by value_text()
  [[noreturn]] static void string_too_long();    // throws std::length_error (Arrow Utf8 offsets are 32-bit)
};

std::string format_double(double v);        // shortest text that reads back to the same double
std::string format_date(int32_t days);      // YYYY-MM-DD
std::string format_timestamp(int64_t utc_us);  // 2023-03-26T01:30:00Z (fraction only when non-zero)

// A column a parser knows it can be computed from another column of the same rows: the Arrow IPC writer
// checks it row by row and then ships the formula instead of the values (parsers/core/arrow_ipc.h). With
// ParseOptions::lean_tables a parser may leave the column empty (no rows at all) instead: the writer then
// trusts the entry, and Literal / Null entries say what every row holds.
struct Derived {
  enum class Op : uint8_t { Same, Add, Scale, Literal, Null };
  std::string column, from;
  Op op = Op::Same;
  int64_t add = 0;                 // Add: column = from + add (Int64, Timestamp in µs)
  double mul = 1, div1 = 1, div2 = 1;  // Scale: column = from * mul / div1 / div2 (Float64, in that order)
  std::string sql;                 // Literal: SQL text of the value of every row ('enedis', CAST('1800' AS DOUBLE))
};

// A table produced by one parser for one source (or one ZIP entry).
struct Table {
  std::string name;                    // suggested SQL table name (sanitised by the bridge)
  std::string entry;                   // provenance: path of the ZIP entry it came from, "" for a plain file
  std::string domain;                  // "" for a generic table, else a domain of parsers/core/domains.h ("location_points"…)
  std::vector<Column> columns;
  std::vector<std::pair<std::string, std::string>> meta;  // e.g. Enedis preamble key/values
  std::vector<Derived> derived;        // shipping hints only: every column still holds its values
  size_t rows() const { return columns.empty() ? 0 : columns[0].size(); }
  void finalize() { for (auto& c : columns) c.finalize(); }
  // Moves the rows out into a table of the same name, provenance and schema, leaving this one empty
  // with its schema: parsers that append rows as they go can ship batches while they stream.
  Table take_rows();
};

}  // namespace sdw
