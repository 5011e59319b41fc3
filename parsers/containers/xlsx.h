// XLSX workbooks (format id "xlsx"): the ZIP of XML parts read front to back (parsers/containers/zip.h sink), sheets
// streamed through expat into compact cells, shared strings, styles (which numbers are dates) and the
// workbook (sheet names, 1900/1904 date system); each sheet is then read as if Excel had saved it as CSV.
// Does not own: the ZIP machinery (parsers/containers/zip.cpp) or any table layout (a sheet goes back through the
// registry's detection: Enedis, bank statements, generic CSV typing…).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

int xlsx_detect(std::string_view head, std::string_view file_name);  // ZIP whose parts are xl/…: 97
std::unique_ptr<Parser> xlsx_create(const ParseOptions& opts);

// Bounds against hostile workbooks (all counted over the whole file).
struct XlsxLimits {
  uint64_t max_cells = 8'000'000;                      // stored cells (~24 bytes each)
  uint64_t max_string_bytes = uint64_t(256) << 20;     // shared + inline strings kept
  size_t max_depth = 64;                               // XML element nesting in any part
};

// The same parser with other bounds (tests, and callers that want a smaller budget).
std::unique_ptr<Parser> xlsx_create_with_limits(const ParseOptions& opts, const XlsxLimits& limits);

// How a cell's number format shows its number.
enum class NumFmtKind : uint8_t { Number, Date, DateTime, Time };
// Built-in ids 14–22, 27–36, 45–47, 50–58 are dates/times; custom codes are classified by their tokens
// (y m d h s outside quotes, escapes and [colour]/[$-locale] brackets).
NumFmtKind numfmt_kind(int id, std::string_view format_code);
// Text of a date serial as the CSV reader reads it: "2025-03-30", "2025-03-30 02:30:00", "02:30:00".
// 1900 system: serial 1 = 1900-01-01, serial 60 is Excel's fake 1900-02-29 (returned as "1900-02-28",
// *fake_leap set), from 61 on one day is subtracted. 1904 system: serial 0 = 1904-01-01.
// False for serials outside 0..2958465 (9999-12-31): the number is kept as a number.
bool excel_serial_text(double serial, bool date1904, NumFmtKind kind, std::string& out, bool* fake_leap = nullptr);

}  // namespace sdw
