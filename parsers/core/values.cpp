// Cell-level value grammar: null tokens, numbers with French/English separators, booleans, dates,
// date-times and Europe/Paris DST rules. Pure functions, no allocation: called once per cell on the
// hot path of every text parser.
#include "parsers/core/values.h"

#include <fast_float/fast_float.h>

#include <cstring>
#include <limits>

namespace sdw {

// [SECTION] text helpers

namespace {

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Length of a space-like group separator at p (ASCII space, U+00A0, U+202F), 0 if none.
inline size_t group_space_len(const char* p, const char* e) {
  if (p < e && *p == ' ') return 1;
  if (e - p >= 2 && uint8_t(p[0]) == 0xC2 && uint8_t(p[1]) == 0xA0) return 2;
  if (e - p >= 3 && uint8_t(p[0]) == 0xE2 && uint8_t(p[1]) == 0x80 && uint8_t(p[2]) == 0xAF) return 3;
  return 0;
}

inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, const char* b) {
  size_t n = std::strlen(b);
  if (a.size() != n) return false;
  for (size_t i = 0; i < n; ++i)
    if (lower(a[i]) != b[i]) return false;
  return true;
}

}  // namespace

std::string_view trim_ends(std::string_view s) {
  const char* b = s.data();
  const char* e = b + s.size();
  for (;;) {
    if (b < e && (*b == ' ' || *b == '\t')) { ++b; continue; }
    if (e - b >= 2 && uint8_t(b[0]) == 0xC2 && uint8_t(b[1]) == 0xA0) { b += 2; continue; }
    break;
  }
  for (;;) {
    if (e > b && (e[-1] == ' ' || e[-1] == '\t')) { --e; continue; }
    if (e - b >= 2 && uint8_t(e[-2]) == 0xC2 && uint8_t(e[-1]) == 0xA0) { e -= 2; continue; }
    break;
  }
  return std::string_view(b, size_t(e - b));
}

bool is_null_token(std::string_view s) {
  switch (s.size()) {
    case 0: return true;
    case 1: return s[0] == '-';
    case 2: return s == "NA";
    case 3: return s == "N/A" || s == "n/a";
    case 4: return s == "null" || s == "NULL";
    default: return false;
  }
}

// [SECTION] numbers

namespace {

// A number cell normalised to what fast_float reads: [-]digits[.digits][e[-]digits].
struct NumText {
  char buf[80];
  size_t len = 0;
  bool has_frac = false;
  bool has_exp = false;
  bool neg = false;
  const char* int_digits = nullptr;  // into buf, after the sign
  size_t int_len = 0;
};

// Scans a whole trimmed cell. Grouping: spaces (ASCII, U+00A0, U+202F) or, when both '.' and ',' appear,
// the one that is not last; groups after the first have exactly three digits.
bool scan_number(std::string_view s, NumText& n) {
  const char* p = s.data();
  const char* e = p + s.size();
  if (p == e || s.size() > 64) return false;
  // decimal and thousands characters
  int dots = 0, commas = 0;
  const char* last_dot = nullptr;
  const char* last_comma = nullptr;
  const char* mant_end = e;
  for (const char* q = p; q < e; ++q) {
    char c = *q;
    if (c == '.') { ++dots; last_dot = q; }
    else if (c == ',') { ++commas; last_comma = q; }
    else if (c == 'e' || c == 'E') { mant_end = q; break; }
  }
  char dec = 0, thou = 0;
  if (dots && commas) {
    if (last_dot > last_comma) { dec = '.'; thou = ','; if (dots != 1) return false; }
    else { dec = ','; thou = '.'; if (commas != 1) return false; }
  } else if (dots == 1) {
    dec = '.';
  } else if (commas == 1) {
    dec = ',';
  } else if (dots || commas) {
    return false;  // "1.234.567": ambiguous, stays text
  }
  char* o = n.buf;
  if (*p == '+' || *p == '-') {
    n.neg = *p == '-';
    if (n.neg) *o++ = '-';
    ++p;
  }
  n.int_digits = o;
  // integer part with groups
  size_t group = 0;          // digits in the current group
  bool grouped = false;      // a separator was seen
  size_t total = 0;
  while (p < mant_end) {
    char c = *p;
    if (is_digit(c)) {
      if (total == 1 && n.int_digits[0] == '0') return false;  // leading zero: "0123", "01 234"
      *o++ = c; ++p; ++group; ++total;
      continue;
    }
    size_t sl = group_space_len(p, mant_end);
    if (sl == 0 && thou && c == thou) sl = 1;
    if (sl == 0) break;
    if (group == 0 || (grouped ? group != 3 : group > 3)) return false;
    if (total == 1 && n.int_digits[0] == '0') return false;
    grouped = true;
    group = 0;
    p += sl;
  }
  if (grouped && group != 3) return false;
  n.int_len = total;
  if (p < mant_end && *p == dec) {
    ++p;
    *o++ = '.';
    size_t f = 0;
    while (p < mant_end && is_digit(*p)) { *o++ = *p++; ++f; }
    if (f == 0) return false;
    n.has_frac = true;
  }
  if (total == 0 && !n.has_frac) return false;
  if (p != mant_end) return false;
  if (p < e) {  // exponent
    ++p;
    *o++ = 'e';
    if (p < e && (*p == '+' || *p == '-')) { if (*p == '-') *o++ = '-'; ++p; }
    size_t x = 0;
    while (p < e && is_digit(*p)) { *o++ = *p++; ++x; }
    if (x == 0 || p != e) return false;
    n.has_exp = true;
  }
  n.len = size_t(o - n.buf);
  return true;
}

}  // namespace

bool parse_int(std::string_view s, int64_t& out) {
  if (s.empty()) return false;
  // fast path: plain digits
  const char* p = s.data();
  const char* e = p + s.size();
  bool neg = false;
  if (*p == '+' || *p == '-') { neg = *p == '-'; ++p; }
  if (p == e) return false;
  const char* digits = p;
  size_t nd = 0;
  while (p < e && is_digit(*p)) { ++p; ++nd; }
  NumText n;
  if (p != e) {  // separators present: slow path
    if (!scan_number(s, n) || n.has_frac || n.has_exp) return false;
    // the thousands character must be a space variant: "1.234" is a decimal, never an int
    digits = n.int_digits;
    nd = n.int_len;
    for (char c : s) if (c == '.' || c == ',') return false;
  } else if (nd > 1 && digits[0] == '0') {
    return false;
  }
  if (nd == 0 || nd > 19) return false;
  uint64_t v = 0;
  for (size_t i = 0; i < nd; ++i) v = v * 10 + uint64_t(digits[i] - '0');
  // 19 digits always fit in uint64 (< 1.8e19): only the signed range needs checking
  if (v > uint64_t(std::numeric_limits<int64_t>::max()) + (neg ? 1 : 0)) return false;
  out = neg ? int64_t(0 - v) : int64_t(v);
  return true;
}

bool parse_float(std::string_view s, double& out) {
  // Fast path (most cells): [-]digits[(.|,)digits], at most 15 digits, no leading zero before more digits.
  // m / 10^k with m < 2^53 and 10^k exact is one correctly rounded division: the same double as fast_float.
  if (!s.empty() && s.size() <= 17) {
    const char* p = s.data();
    const char* const e = p + s.size();
    const bool neg = *p == '-';
    if (neg) ++p;
    uint64_t m = 0;
    int nd = 0, frac = -1;
    const char* const first = p;
    for (; p < e; ++p) {
      const char c = *p;
      if (c >= '0' && c <= '9') { m = m * 10 + uint64_t(c - '0'); ++nd; if (frac >= 0) ++frac; continue; }
      if ((c == '.' || c == ',') && frac < 0 && p > first) { frac = 0; continue; }
      break;
    }
    const bool lead0 = *first == '0' && p - first > 1 && first[1] != '.' && first[1] != ',';
    if (p == e && nd > 0 && nd <= 15 && frac != 0 && !lead0) {
      static const double k_pow10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
      double v = double(m);
      if (frac > 0) v /= k_pow10[frac];
      out = neg ? -v : v;
      return true;
    }
  }
  // Second fast path: an integer part grouped by spaces (ASCII, U+00A0, U+202F) in groups of three, as bank
  // statements write amounts ("-1 234,56", "2 150,00"), at most 15 digits, no exponent. It accepts only cells
  // scan_number reads the same way (one decimal character, no thousands character besides spaces), with the
  // same division as above; anything else goes to the general path.
  if (s.size() >= 5 && s.size() <= 40) {
    const char* p = s.data();
    const char* const e = p + s.size();
    const bool neg = *p == '-';
    if (*p == '-' || *p == '+') ++p;
    uint64_t m = 0;
    int nd = 0, group = 0, frac = -1;
    bool grouped = false, ok = p < e && is_digit(*p) && *p != '0';
    while (ok && p < e) {
      const char c = *p;
      if (is_digit(c)) { m = m * 10 + uint64_t(c - '0'); ++nd; ++group; ++p; continue; }
      const size_t sl = group_space_len(p, e);
      if (sl == 0) break;
      ok = grouped ? group == 3 : group <= 3;
      grouped = true;
      group = 0;
      p += sl;
    }
    ok = ok && grouped && group == 3;
    if (ok && p < e && (*p == ',' || *p == '.')) {
      ++p;
      frac = 0;
      while (p < e && is_digit(*p)) { m = m * 10 + uint64_t(*p - '0'); ++nd; ++frac; ++p; }
      ok = frac > 0;
    }
    if (ok && p == e && nd <= 15) {
      static const double k_pow10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
      double v = double(m);
      if (frac > 0) v /= k_pow10[frac];
      out = neg ? -v : v;
      return true;
    }
  }
  NumText n;
  if (!scan_number(s, n)) return false;
  auto r = fast_float::from_chars(n.buf, n.buf + n.len, out);
  return r.ec == std::errc() && r.ptr == n.buf + n.len;
}

bool parse_bool(std::string_view s, bool& out) {
  if (s.size() < 2 || s.size() > 5) return false;
  static const char* const k_true[] = {"true", "vrai", "oui", "yes"};
  static const char* const k_false[] = {"false", "faux", "non", "no"};
  for (const char* t : k_true) if (iequals(s, t)) { out = true; return true; }
  for (const char* f : k_false) if (iequals(s, f)) { out = false; return true; }
  return false;
}

// [SECTION] calendar

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  // Howard Hinnant's algorithm
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + int64_t(doe) - 719468;
}

void civil_from_days(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = unsigned(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = int64_t(yoe) + era * 400 + (m <= 2);
}

bool valid_ymd(int64_t y, unsigned m, unsigned d) {
  if (m < 1 || m > 12 || d < 1) return false;
  static const unsigned char k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  unsigned dim = k_days[m - 1];
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) dim = 29;
  return d <= dim;
}

namespace {

// Reads 1..max digits; returns count.
inline int read_digits(const char*& p, const char* e, int max, unsigned& v) {
  int n = 0;
  v = 0;
  while (p < e && n < max && is_digit(*p)) { v = v * 10 + unsigned(*p - '0'); ++p; ++n; }
  return n;
}

// Date prefix of s; on success p points after it.
bool scan_date(const char*& p, const char* e, int64_t& days) {
  const char* q = p;
  unsigned a, b, c;
  int na = read_digits(q, e, 4, a);
  if (na == 0 || q >= e) return false;
  char sep = *q;
  if (sep != '-' && sep != '/' && sep != '.') return false;
  ++q;
  int64_t y;
  unsigned m, d;
  if (na == 4) {  // yyyy-mm-dd, yyyy/mm/dd
    if (sep == '.') return false;
    if (read_digits(q, e, 2, b) == 0 || q >= e || *q != sep) return false;
    ++q;
    if (read_digits(q, e, 2, c) == 0) return false;
    y = a; m = b; d = c;
  } else if (na <= 2) {  // dd/mm/yyyy, d/m/yyyy, dd/mm/yy, dd-mm-yyyy, dd.mm.yyyy
    if (read_digits(q, e, 2, b) == 0 || q >= e || *q != sep) return false;
    ++q;
    int nc = read_digits(q, e, 4, c);
    if (nc == 2) y = c < 70 ? 2000 + c : 1900 + c;
    else if (nc == 4) y = c;
    else return false;
    d = a; m = b;
  } else {
    return false;
  }
  if (q < e && is_digit(*q)) return false;
  if (!valid_ymd(y, m, d)) return false;
  days = days_from_civil(y, m, d);
  p = q;
  return true;
}

}  // namespace

bool parse_date(std::string_view s, int32_t& days) {
  // Fixed-width fast path: dd/mm/yyyy (also '-' or '.') and yyyy-mm-dd (also '/'), what scan_date reads the same way
  if (s.size() == 10) {
    const char* c = s.data();
    auto d2 = [&](int i) { return unsigned(c[i] - '0') * 10 + unsigned(c[i + 1] - '0'); };
    auto dd = [&](int i) { return unsigned(c[i] - '0') < 10 && unsigned(c[i + 1] - '0') < 10; };
    if (c[2] == c[5] && (c[2] == '/' || c[2] == '-' || c[2] == '.') && dd(0) && dd(3) && dd(6) && dd(8)) {
      const int64_t y = int64_t(d2(6)) * 100 + d2(8);
      const unsigned m = d2(3), d = d2(0);
      if (!valid_ymd(y, m, d)) return false;
      days = int32_t(days_from_civil(y, m, d));
      return true;
    }
    if (c[4] == c[7] && (c[4] == '-' || c[4] == '/') && dd(0) && dd(2) && dd(5) && dd(8)) {
      const int64_t y = int64_t(d2(0)) * 100 + d2(2);
      const unsigned m = d2(5), d = d2(8);
      if (!valid_ymd(y, m, d)) return false;
      days = int32_t(days_from_civil(y, m, d));
      return true;
    }
  }
  const char* p = s.data();
  const char* e = p + s.size();
  int64_t d;
  if (!scan_date(p, e, d) || p != e) return false;
  days = int32_t(d);
  return true;
}

// [SECTION] Europe/Paris

namespace {

// Last Sunday of month m (31-day month) at 01:00 UTC, in seconds.
int64_t last_sunday_1am_utc(int64_t y, unsigned m) {
  int64_t d = days_from_civil(y, m, 31);
  int64_t wd = ((d + 4) % 7 + 7) % 7;  // 0 = Sunday (1970-01-01 was a Thursday)
  return (d - wd) * 86400 + 3600;
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

int paris_offset_minutes(int64_t utc_seconds) {
  // One-entry cache: series are chronological, so consecutive calls hit the same year.
  thread_local int64_t cached_year = std::numeric_limits<int64_t>::min();
  thread_local int64_t start = 0, end = 0;
  int64_t y;
  unsigned m, d;
  civil_from_days(floor_div(utc_seconds, 86400), y, m, d);
  if (y != cached_year) {
    cached_year = y;
    start = last_sunday_1am_utc(y, 3);
    end = last_sunday_1am_utc(y, 10);
  }
  return (utc_seconds >= start && utc_seconds < end) ? 120 : 60;
}

LocalResolution paris_local_to_utc(int64_t local_seconds) {
  LocalResolution r;
  const int64_t winter = local_seconds - 3600;  // read as +01:00
  const int64_t summer = local_seconds - 7200;  // read as +02:00
  const bool winter_ok = paris_offset_minutes(winter) == 60;
  const bool summer_ok = paris_offset_minutes(summer) == 120;
  if (winter_ok && summer_ok) {
    r.kind = LocalKind::Overlap;
    r.utc_seconds = summer;
    r.offset_minutes = 120;
    r.second_utc_seconds = winter;
    r.second_offset_minutes = 60;
  } else if (summer_ok) {
    r.utc_seconds = summer;
    r.offset_minutes = 120;
  } else {
    // winter_ok, or a gap: a gap uses the offset in force before the transition (+01:00)
    r.kind = winter_ok ? LocalKind::Normal : LocalKind::Gap;
    r.utc_seconds = winter;
    r.offset_minutes = 60;
  }
  return r;
}

LocalZone zone_from_name(std::string_view name, bool* known) {
  if (known) *known = true;
  if (name == "UTC" || name == "utc" || name == "Etc/UTC" || name == "Z") return LocalZone::Utc;
  if (name != "Europe/Paris" && known) *known = false;
  return LocalZone::Paris;
}

// [SECTION] date-times

bool parse_datetime(std::string_view s, LocalZone zone, DateTime& out, bool allow_date_only) {
  const char* p = s.data();
  const char* e = p + s.size();
  int64_t days;
  if (!scan_date(p, e, days)) return false;
  int64_t local_s = days * 86400;
  int64_t frac_us = 0;
  out = DateTime{};
  if (p == e) {
    if (!allow_date_only) return false;
    out.date_only = true;
  } else {
    if (*p != 'T' && *p != ' ') return false;
    ++p;
    unsigned hh, mm, ss = 0;
    if (read_digits(p, e, 2, hh) == 0 || p >= e || *p != ':') return false;
    ++p;
    if (read_digits(p, e, 2, mm) != 2) return false;
    if (p < e && *p == ':') {
      ++p;
      if (read_digits(p, e, 2, ss) != 2) return false;
      if (p < e && (*p == '.' || *p == ',')) {
        ++p;
        int n = 0;
        int64_t scale = 100000;
        while (p < e && is_digit(*p)) {
          if (n < 6) { frac_us += int64_t(*p - '0') * scale; scale /= 10; }
          ++p; ++n;
        }
        if (n == 0) return false;
      }
    }
    if (hh > 23 || mm > 59 || ss > 59) return false;
    local_s += int64_t(hh) * 3600 + int64_t(mm) * 60 + ss;
    if (p < e && *p == ' ') ++p;  // "2023-01-01 00:30:00 +01:00"
    if (p < e) {
      if (*p == 'Z' || *p == 'z') {
        if (p + 1 != e) return false;
        out.offset_min = 0;
        out.utc_designator = true;
        out.utc_us = local_s * 1000000 + frac_us;
        return true;
      }
      if (*p != '+' && *p != '-') return false;
      int sign = *p == '-' ? -1 : 1;
      ++p;
      unsigned oh, om = 0;
      if (read_digits(p, e, 2, oh) != 2) return false;
      if (p < e && *p == ':') ++p;
      if (p < e && read_digits(p, e, 2, om) != 2) return false;
      if (p != e || oh > 18 || om > 59) return false;
      int off = sign * int(oh * 60 + om);
      out.offset_min = int16_t(off);
      out.utc_us = (local_s - int64_t(off) * 60) * 1000000 + frac_us;
      return true;
    }
  }
  if (zone == LocalZone::Utc) {
    out.utc_us = local_s * 1000000 + frac_us;
    return true;
  }
  LocalResolution r = paris_local_to_utc(local_s);
  out.kind = r.kind;
  out.utc_us = r.utc_seconds * 1000000 + frac_us;
  out.second_utc_us = r.second_utc_seconds * 1000000 + frac_us;
  return true;
}

// [SECTION] inference

uint8_t value_type_bits(std::string_view s, LocalZone zone) {
  if (s.empty()) return 0;
  uint8_t bits = 0;
  char c = s[0];
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
    bool b;
    return parse_bool(s, b) ? k_can_bool : 0;
  }
  int32_t d;
  DateTime dt;
  if (parse_date(s, d)) return k_can_date | k_can_timestamp;
  if (parse_datetime(s, zone, dt)) return k_can_timestamp;
  int64_t i;
  double f;
  if (parse_int(s, i)) bits |= k_can_int | k_can_float;
  else if (parse_float(s, f)) bits |= k_can_float;
  return bits;
}

}  // namespace sdw
