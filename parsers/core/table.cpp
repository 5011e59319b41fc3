// Column storage: appends, type changes used by inference (int64 -> float64, anything -> string),
// text rendering for the CLI and tests, and the Arrow validity/bool bitmaps built by finalize().
// Does not own: deciding types (parsers/readers/csv.cpp) or parsing cells (parsers/core/values.cpp).
#include "parsers/core/table.h"

#include <fast_float/fast_float.h>

#include <cstdio>
#include <stdexcept>

#include "parsers/core/values.h"

namespace sdw {

const char* column_type_name(ColumnType t) {
  switch (t) {
    case ColumnType::Bool: return "bool";
    case ColumnType::Int64: return "int64";
    case ColumnType::Float64: return "float64";
    case ColumnType::Date: return "date";
    case ColumnType::Timestamp: return "timestamp";
    case ColumnType::String: return "string";
  }
  return "?";
}

// [SECTION] appends (inline in table.h): every append pushes one slot in the storage of the column's type, so
// that row i is at index i whatever its validity.

void Column::string_too_long() {
  throw std::length_error("string column over 2 GiB (Arrow Utf8 offsets are 32-bit)");
}

std::string_view Column::string_at(size_t row) const {
  return std::string_view(chars).substr(size_t(offsets[row]), size_t(offsets[row + 1] - offsets[row]));
}

// [SECTION] text

std::string format_double(double v) {
  char buf[40];
  // shortest of %.15g..%.17g that reads back to the same double (no floating to_chars in libc++ 14)
  for (int prec = 15; prec <= 17; ++prec) {
    int n = std::snprintf(buf, sizeof buf, "%.*g", prec, v);
    double back = 0;
    auto r = fast_float::from_chars(buf, buf + n, back);
    if (prec == 17 || (r.ec == std::errc() && back == v)) return std::string(buf, size_t(n));
  }
  return std::string(buf);
}

std::string format_date(int32_t days) {
  int64_t y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[32];
  int n = std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  return std::string(buf, size_t(n));
}

std::string format_timestamp(int64_t utc_us) {
  int64_t secs = utc_us / 1000000, us = utc_us % 1000000;
  if (us < 0) { us += 1000000; --secs; }
  int64_t days = secs / 86400, sod = secs % 86400;
  if (sod < 0) { sod += 86400; --days; }
  std::string s = format_date(int32_t(days));
  char buf[32];
  int n = std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", int(sod / 3600), int(sod / 60 % 60), int(sod % 60));
  s.append(buf, size_t(n));
  if (us) {
    n = std::snprintf(buf, sizeof buf, ".%06d", int(us));
    while (n > 1 && buf[n - 1] == '0') --n;
    s.append(buf, size_t(n));
  }
  s.push_back('Z');
  return s;
}

std::string Column::value_text(size_t row) const {
  if (row >= valid.size() || !valid[row]) return {};
  switch (type) {
    case ColumnType::Bool: return i64[row] ? "true" : "false";
    case ColumnType::Int64: return std::to_string(i64[row]);
    case ColumnType::Float64: return format_double(f64[row]);
    case ColumnType::Date: return format_date(i32[row]);
    case ColumnType::Timestamp: return format_timestamp(i64[row]);
    case ColumnType::String: return std::string(string_at(row));
  }
  return {};
}

// [SECTION] type changes

void Column::convert_to_float() {
  if (type != ColumnType::Int64) return;
  f64.resize(i64.size());
  for (size_t i = 0; i < i64.size(); ++i) f64[i] = double(i64[i]);
  i64.clear();
  i64.shrink_to_fit();
  type = ColumnType::Float64;
}

void Column::convert_to_string() {
  if (type == ColumnType::String) return;
  std::vector<int32_t> offs;
  std::string text;
  offs.reserve(valid.size() + 1);
  offs.push_back(0);
  for (size_t i = 0; i < valid.size(); ++i) {
    if (valid[i]) text += value_text(i);
    offs.push_back(int32_t(text.size()));
  }
  type = ColumnType::String;
  offsets = std::move(offs);
  chars = std::move(text);
  i64 = {};
  i32 = {};
  f64 = {};
  utc_offset_min = {};
}

// [SECTION] Arrow buffers

void Column::finalize() {
  const size_t n = valid.size();
  validity_bits.assign((n + 7) / 8, 0);
  null_count = 0;
  for (size_t i = 0; i < n; ++i) {
    if (valid[i]) validity_bits[i >> 3] |= uint8_t(1u << (i & 7));
    else ++null_count;
  }
  bool_bits.clear();
  if (type == ColumnType::Bool) {
    bool_bits.assign((n + 7) / 8, 0);
    for (size_t i = 0; i < n; ++i)
      if (i64[i]) bool_bits[i >> 3] |= uint8_t(1u << (i & 7));
  }
}

bool Column::has_offsets() const {
  if (type != ColumnType::Timestamp) return false;
  for (size_t i = 0; i < utc_offset_min.size(); ++i)
    if (valid[i] && utc_offset_min[i] != k_unknown_offset) return true;
  return false;
}

Column Column::take_values() {
  Column out;
  out.name = name;
  out.type = type;
  out.valid = std::move(valid);
  out.i64 = std::move(i64);
  out.i32 = std::move(i32);
  out.f64 = std::move(f64);
  out.offsets = std::move(offsets);
  out.chars = std::move(chars);
  out.utc_offset_min = std::move(utc_offset_min);
  valid = {};
  i64 = {};
  i32 = {};
  f64 = {};
  offsets = {0};
  chars = {};
  utc_offset_min = {};
  validity_bits = {};
  bool_bits = {};
  null_count = 0;
  return out;
}

Table Table::take_rows() {
  Table out;
  out.name = name;
  out.entry = entry;
  out.domain = domain;
  out.meta = meta;
  out.derived = derived;
  out.columns.reserve(columns.size());
  for (auto& c : columns) out.columns.push_back(c.take_values());
  return out;
}

}  // namespace sdw
