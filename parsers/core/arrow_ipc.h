// Arrow IPC stream writer for one Table (or one batch of its rows): the Schema and RecordBatch
// flatbuffer messages written by hand (little-endian, 8-byte aligned bodies), so the parse worker hands
// DuckDB-wasm one complete stream without building Arrow in JS. Only what varies travels: a column whose
// rows all hold one value becomes a SQL literal, an all-null column is left out (the page restores both in
// the source's view). Does not own: the column model (parsers/core/table.h) or the DuckDB side (web/main.js).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "parsers/core/table.h"

namespace sdw {

// How one column of the table travels.
enum class ShipKind : uint8_t { Data, Literal, Null };

struct ShippedColumn {
  ShipKind kind = ShipKind::Data;
  std::string literal_sql;   // Literal: SQL text of the value ('enedis', CAST('1800' AS DOUBLE), …) or, for a
                             // column of Table::derived, the formula over a data column ("ts_start" + …)
  std::string offsets_sql;   // Literal timestamp derived from another: SQL of its "_utc_offset_min" field
  int64_t null_count = 0;    // nulls among the rows (Data columns; rows for Null)
  bool offsets = false;      // Data timestamp: a "<name>_utc_offset_min" Int16 field follows it
};

struct IpcOptions {
  bool derived = true;       // Table::derived hints are used (after a row-by-row check)
  bool literals = true;      // constant columns become literals (false: every non-null column is data)
  bool drop_null = true;     // all-null columns are left out (false: shipped with an all-zero validity)
};

// DuckDB type name of a column type: BOOLEAN, BIGINT, DOUBLE, DATE, TIMESTAMP, VARCHAR.
const char* duckdb_type_name(ColumnType t);

// SQL literal for a string ('it''s'), quotes doubled.
std::string sql_string_literal(std::string_view s);

// Writes `t` as a complete Arrow IPC stream (schema, one record batch, end-of-stream marker) into `out`
// (cleared first) and says in `plan` (one entry per column of t) how each column travelled. Field order:
// the Data columns in table order, each timestamp with source offsets followed by its offsets field.
// Types: Bool, Int64, Float64, Date32 (day), Timestamp(µs, no time zone), Utf8. No validity bitmap when a
// column has no null. Reads Column::valid directly: finalize() is not needed.
void write_arrow_ipc(const Table& t, std::vector<uint8_t>& out, std::vector<ShippedColumn>& plan,
                     const IpcOptions& opts = {});

}  // namespace sdw
