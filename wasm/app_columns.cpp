// Decodes the page's binary answer to platform::fetch_columns (layout in wasm/app_columns.h).
#include "wasm/app_columns.h"

#include <cmath>
#include <cstring>

#include <nlohmann/json.hpp>

namespace sdw {

std::vector<std::vector<std::string_view>> Columns::views(size_t c) const {
  std::vector<std::vector<std::string_view>> out(1);
  if (c >= text.size() || text[c].size() != rows) {   // not a text column: rows of ""
    out[0].resize(rows);
    return out;
  }
  out[0].reserve(rows);
  for (const auto& s : text[c]) out[0].push_back(s);
  return out;
}

namespace {
uint32_t u32_at(const uint8_t* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
size_t pad8(size_t n) { return (n + 7) & ~size_t(7); }
Columns failed(std::string why) {
  Columns c;
  c.has = true;
  c.error = std::move(why);
  return c;
}

Columns decode(const uint8_t* data, size_t size) {
  if (!data || size < 12 || std::memcmp(data, "SDWC", 4) != 0) return failed("columns frame: not a frame");
  if (u32_at(data + 4) != 1) return failed("columns frame: version " + std::to_string(u32_at(data + 4)));
  const size_t hlen = u32_at(data + 8);
  if (hlen > size - 12) return failed("columns frame: header cut short at byte " + std::to_string(size));
  const auto h = nlohmann::json::parse(reinterpret_cast<const char*>(data + 12), reinterpret_cast<const char*>(data + 12 + hlen), nullptr, false);
  if (h.is_discarded() || !h.is_object()) return failed("columns frame: header is not JSON");
  if (!h.value("ok", false)) return failed(h.contains("error") && h["error"].is_string() ? h["error"].get<std::string>() : "query failed");
  Columns c;
  c.has = true;
  const auto rows_j = h.value("rows", nlohmann::json());
  if (!rows_j.is_number_unsigned()) return failed("columns frame: no row count");
  c.rows = rows_j.get<size_t>();
  const auto cols = h.value("columns", nlohmann::json::array());
  size_t at = pad8(12 + hlen);
  const size_t ncol = cols.is_array() ? cols.size() : 0;
  c.num.resize(ncol);
  c.text.resize(ncol);
  for (size_t k = 0; k < ncol; ++k) {
    const auto& col = cols[k];
    c.names.push_back(col.is_object() ? col.value("name", "") : "");
    c.types.push_back(col.is_object() ? col.value("type", "") : "");
    const bool is_text = col.is_object() && col.value("kind", "") == "text";
    const std::string where = "columns frame: column " + std::to_string(k) + " (" + c.names.back() + ") cut short at byte ";
    if (!is_text) {
      if (at > size || c.rows > (size - at) / 8) return failed(where + std::to_string(size));
      c.num[k].resize(c.rows);
      if (c.rows) std::memcpy(c.num[k].data(), data + at, c.rows * 8);
      at += c.rows * 8;
      continue;
    }
    if (at > size || c.rows + 1 > (size - at) / 4) return failed(where + std::to_string(size));
    const uint8_t* off = data + at;
    const size_t nbytes = u32_at(off + 4 * c.rows);
    const size_t bytes_at = at + 4 * (c.rows + 1);
    if (nbytes > size - bytes_at) return failed(where + std::to_string(size));
    const char* bytes = reinterpret_cast<const char*>(data + bytes_at);
    c.num[k].assign(c.rows, std::nan(""));
    c.text[k].v.resize(c.rows);
    uint32_t a = u32_at(off);
    for (size_t i = 0; i < c.rows; ++i) {
      const uint32_t b = u32_at(off + 4 * (i + 1));
      if (b < a || b > nbytes) return failed("columns frame: column " + std::to_string(k) + " (" + c.names.back() + ") row " + std::to_string(i) + ": offsets out of order");
      c.text[k].v[i].assign(bytes + a, b - a);
      a = b;
    }
    at = pad8(bytes_at + nbytes);
  }
  c.ok = true;
  return c;
}
}  // namespace

Columns decode_columns_frame(const uint8_t* data, size_t size) {
  try {
    return decode(data, size);
  } catch (const nlohmann::json::exception& e) {   // a header field of the wrong type ("ok": 1e308)
    return failed(std::string("columns frame: header: ") + e.what());
  }
}

}  // namespace sdw
