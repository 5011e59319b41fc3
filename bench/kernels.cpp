// Tight kernels: the least work a parser can do on each benchmark shape (bench/gen.cjs), compiled to wasm
// the same way as core.wasm and run in node (V8, the engine of Chromium) by bench/kernels.cjs. They read
// the fixed layouts only (no detection, no encoding, no diagnostics, no quoting) into typed columns, so
// their MB/s is the ceiling our parsers are measured against. Not part of the product.
//   Enedis  "2015-01-01T00:30:00+01:00;1234\n"        -> ts (int64 µs UTC), W (double)
//   bank    "01/01/2000;LABEL;-1 234,56;\n"             -> day (int32), label (offsets), amount (double)
//   Records {"latitudeE7": 461580000, "longitudeE7": …, "timestamp": "2019-01-01T00:00:30.123Z" …}
#include <emscripten/emscripten.h>

#include <cstdint>
#include <cstring>
#include <vector>

namespace {

std::vector<int64_t> g_i64;
std::vector<int32_t> g_i32, g_off;
std::vector<double> g_f64, g_f64b;
std::vector<char> g_chars;
double g_sum = 0;
double g_rows = 0;
std::vector<uint8_t> g_buf;

inline int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + int64_t(doe) - 719468;
}
inline unsigned d2(const char* p) { return unsigned(p[0] - '0') * 10 + unsigned(p[1] - '0'); }
inline unsigned d4(const char* p) { return d2(p) * 100 + d2(p + 2); }

// "YYYY-MM-DDTHH:MM:SS" at p -> seconds (local), then fraction and offset/Z handled by the caller
inline int64_t iso_seconds(const char* p) {
  return days_from_civil(d4(p), d2(p + 5), d2(p + 8)) * 86400 + d2(p + 11) * 3600 + d2(p + 14) * 60 + d2(p + 17);
}

const char* find(const char* p, const char* e, const char* key, size_t n) {
  while (p + n <= e) {
    p = static_cast<const char*>(std::memchr(p, key[0], size_t(e - p)));
    if (!p || p + n > e) return nullptr;
    if (std::memcmp(p, key, n) == 0) return p + n;
    ++p;
  }
  return nullptr;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE uint8_t* k_buffer(int n) { g_buf.resize(size_t(n)); return g_buf.data(); }
EMSCRIPTEN_KEEPALIVE double k_rows() { return g_rows; }
EMSCRIPTEN_KEEPALIVE double k_sum() { return g_sum; }
EMSCRIPTEN_KEEPALIVE void k_reset() {
  g_rows = 0; g_sum = 0;
  g_i64.clear(); g_i32.clear(); g_off.clear(); g_f64.clear(); g_f64b.clear(); g_chars.clear();
}

// Each kernel reads the complete lines/records of buf[0, n) and returns the bytes consumed; the columns
// are cleared every 1<<19 rows (as batches leave the worker).
EMSCRIPTEN_KEEPALIVE int k_enedis(int n) {
  const char* const b = reinterpret_cast<const char*>(g_buf.data());
  const char* p = b;
  const char* const e = b + n;
  for (;;) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', size_t(e - p)));
    if (!nl) break;
    if (nl - p >= 27 && p[4] == '-' && p[10] == 'T' && p[25] == ';') {
      const int off = (p[19] == '-' ? -1 : 1) * int(d2(p + 20) * 60 + d2(p + 23));
      const int64_t us = (iso_seconds(p) - off * 60) * 1000000;
      int64_t v = 0;
      for (const char* q = p + 26; q < nl; ++q) v = v * 10 + (*q - '0');
      g_i64.push_back(us);
      g_f64.push_back(double(v));
      g_sum += double(v);
      g_rows += 1;
      if (g_f64.size() >= (1u << 19)) { g_i64.clear(); g_f64.clear(); }
    }
    p = nl + 1;
  }
  return int(p - b);
}

EMSCRIPTEN_KEEPALIVE int k_bank(int n) {
  const char* const b = reinterpret_cast<const char*>(g_buf.data());
  const char* p = b;
  const char* const e = b + n;
  for (;;) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', size_t(e - p)));
    if (!nl) break;
    if (nl - p > 11 && p[2] == '/' && p[5] == '/' && p[10] == ';') {
      g_i32.push_back(int32_t(days_from_civil(d4(p + 6), d2(p + 3), d2(p))));
      const char* l = p + 11;
      const char* le = static_cast<const char*>(std::memchr(l, ';', size_t(nl - l)));
      if (!le) le = nl;
      g_chars.insert(g_chars.end(), l, le);
      g_off.push_back(int32_t(g_chars.size()));
      double amount = 0;
      for (int col = 0; col < 2 && le < nl; ++col) {   // debit then credit: "-1 234,56" / "2 150,00" / ""
        const char* q = le + 1;
        bool neg = q < nl && *q == '-';
        if (neg) ++q;
        int64_t m = 0;
        int frac = -1;
        for (; q < nl && *q != ';'; ++q) {
          const char c = *q;
          if (c >= '0' && c <= '9') { m = m * 10 + (c - '0'); if (frac >= 0) ++frac; }
          else if (c == ',') frac = 0;
        }
        double v = double(m);
        if (frac == 1) v /= 10; else if (frac == 2) v /= 100;
        amount += neg ? -v : v;
        g_sum += v;
        le = q;
      }
      g_f64.push_back(amount);
      g_rows += 1;
      if (g_f64.size() >= (1u << 19)) { g_i32.clear(); g_f64.clear(); g_off.clear(); g_chars.clear(); }
    }
    p = nl + 1;
  }
  return int(p - b);
}

// Records: a record ends at "\n  }" in the generated layout; the kernel finds its keys in order.
EMSCRIPTEN_KEEPALIVE int k_records(int n) {
  const char* const b = reinterpret_cast<const char*>(g_buf.data());
  const char* p = b;
  const char* const e = b + n;
  for (;;) {
    const char* end = find(p, e, "\n  }", 4);
    if (!end) break;
    const char* lat = find(p, end, "\"latitudeE7\": ", 14);
    const char* lon = lat ? find(lat, end, "\"longitudeE7\": ", 15) : nullptr;
    const char* ts = lon ? find(lon, end, "\"timestamp\": \"", 14) : nullptr;
    if (ts) {
      auto num = [](const char* q) { bool neg = *q == '-'; if (neg) ++q; int64_t v = 0; while (*q >= '0' && *q <= '9') v = v * 10 + (*q++ - '0'); return neg ? -v : v; };
      const double la = double(num(lat)) / 1e7, lo = double(num(lon)) / 1e7;
      int64_t us = iso_seconds(ts) * 1000000;
      if (ts[19] == '.') us += int64_t(d2(ts + 20) * 10 + unsigned(ts[22] - '0')) * 1000;
      g_i64.push_back(us);
      g_f64.push_back(la);
      g_f64b.push_back(lo);
      g_sum += la;
      g_rows += 1;
      if (g_f64.size() >= (1u << 19)) { g_i64.clear(); g_f64.clear(); g_f64b.clear(); }
    }
    p = end;
  }
  return int(p - b);
}

}  // extern "C"

int main() { return 0; }
