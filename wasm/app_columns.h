// The columns of a query the UI asked the page for (platform::fetch_columns), as the dashboards, the
// reveal tab and the donation window read them. The page sends them as one binary frame (web/duck.js
// columnsFrame): numbers as float64 arrays, texts as offsets + UTF-8 bytes, copied once into these vectors
// (a JSON answer of a 6.7 M-reading load curve took minutes to parse on the page thread).
// Plain C++: the decoder is also built natively and tested in tests/columns_frame_test.cpp.
#pragma once
#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <string>
#include <string_view>
#include <vector>

namespace sdw {

// One text column; reading a row past its end (a column that came as numbers) gives "".
struct TextColumn {
  std::vector<std::string> v;
  const std::string& operator[](size_t i) const {
    static const std::string empty;
    return i < v.size() ? v[i] : empty;
  }
  size_t size() const { return v.size(); }
  bool empty() const { return v.empty(); }
  auto begin() const { return v.begin(); }
  auto end() const { return v.end(); }
};

struct Columns {
  bool has = false;                  // an answer arrived (ok or not)
  bool ok = false;
  std::string error;
  size_t rows = 0;
  std::vector<std::string> names;    // per column, as the query named it
  std::vector<std::string> types;    // Arrow type as the page printed it
  std::vector<std::vector<double>> num;   // per column: rows values (NaN for null, and for a text column)
  std::vector<TextColumn> text;      // per column: rows values for a text column ("" for null), else none
  bool is_text(size_t c) const { return c < text.size() && !text[c].empty(); }
  // Column c's texts as one chunk of views (the core's string columns).
  std::vector<std::vector<std::string_view>> views(size_t c) const;
  // Column c as whole numbers (µs timestamps, days); null, and a value T cannot hold, -> 0.
  template <class T>
  std::vector<T> whole(size_t c) const {
    std::vector<T> out(rows, 0);
    static_assert(std::is_signed_v<T>);
    constexpr double lo = double(std::numeric_limits<T>::min());   // -2^31 or -2^63: exact, and -lo is max + 1
    if (c < num.size())
      for (size_t i = 0; i < rows && i < num[c].size(); i++)
        if (num[c][i] >= lo && num[c][i] < -lo) out[i] = static_cast<T>(num[c][i]);   // NaN fails both
    return out;
  }
};

// Frame layout (little-endian), written by web/duck.js columnsFrame():
//   "SDWC" u32 version=1, u32 header length, header JSON {ok, error?, rows, columns:[{name, type, kind:"num"|"text"}]},
//   zero padding to a multiple of 8; then per column in order:
//   num:  rows × float64 (NaN for null);
//   text: (rows + 1) × u32 offsets into the bytes that follow, the UTF-8 bytes, zero padding to 8.
// A frame cut short or inconsistent gives ok = false with where it went wrong, never a read past its end.
Columns decode_columns_frame(const uint8_t* data, size_t size);

}  // namespace sdw
