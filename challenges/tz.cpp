// Offline time zones (see tz.h): tz-lookup's quadtree walked as tz.js walks it, tzdata's rules evaluated.
#include "challenges/tz.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "challenges/common.h"
#include "parsers/core/values.h"

namespace sdw::challenge {

namespace {

#include "data/tz/tz_tables.inc"

constexpr int k_zone_count = int(sizeof k_tz_zones / sizeof k_tz_zones[0]);

// ---- POSIX TZ rules ("CET-1CEST,M3.5.0,M10.5.0/3", "<-03>3", "EST5EDT,M3.2.0,M11.1.0")

struct RuleDate {
  char kind = 'M';          // 'M' month.week.weekday, 'J' Julian 1-365 (no Feb 29), 'D' zero-based day 0-365
  int a = 0, b = 0, c = 0;  // M: month, week (5 = last), weekday (0 = Sunday); J/D: the day
  int time_s = 7200;        // local time of the change (may be negative or past 24 h)
};
struct Posix {
  int std_s = 0, dst_s = 0;  // offsets east of UTC, seconds
  bool has_dst = false;
  RuleDate start, end;
};

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

bool read_int(const char*& p, int& v) {
  if (*p < '0' || *p > '9') return false;
  v = 0;
  while (*p >= '0' && *p <= '9') v = v * 10 + (*p++ - '0');
  return true;
}
bool read_hms(const char*& p, int& secs) {   // [+-]hh[:mm[:ss]]
  int sign = 1;
  if (*p == '+' || *p == '-') sign = *p++ == '-' ? -1 : 1;
  int h = 0, m = 0, s = 0;
  if (!read_int(p, h)) return false;
  if (*p == ':') { ++p; if (!read_int(p, m)) return false; }
  if (*p == ':') { ++p; if (!read_int(p, s)) return false; }
  secs = sign * (h * 3600 + m * 60 + s);
  return true;
}
bool skip_name(const char*& p) {
  if (*p == '<') {
    const char* e = std::strchr(p, '>');
    if (!e) return false;
    p = e + 1;
    return true;
  }
  const char* s = p;
  while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) ++p;
  return p - s >= 3;
}
bool read_date(const char*& p, RuleDate& d) {
  if (*p == 'M') {
    ++p;
    d.kind = 'M';
    if (!read_int(p, d.a) || *p++ != '.' || !read_int(p, d.b) || *p++ != '.' || !read_int(p, d.c)) return false;
  } else if (*p == 'J') {
    ++p;
    d.kind = 'J';
    if (!read_int(p, d.a)) return false;
  } else {
    d.kind = 'D';
    if (!read_int(p, d.a)) return false;
  }
  d.time_s = 7200;
  if (*p == '/') {
    ++p;
    if (!read_hms(p, d.time_s)) return false;
  }
  return true;
}
bool parse_posix(const char* p, Posix& r) {
  if (!skip_name(p) || !read_hms(p, r.std_s)) return false;
  r.std_s = -r.std_s;   // POSIX counts hours west
  if (!*p) return true;
  if (!skip_name(p)) return false;
  r.has_dst = true;
  r.dst_s = r.std_s + 3600;
  if (*p && *p != ',') {
    if (!read_hms(p, r.dst_s)) return false;
    r.dst_s = -r.dst_s;
  }
  if (*p++ != ',' || !read_date(p, r.start) || *p++ != ',' || !read_date(p, r.end)) return false;
  return *p == 0;
}

int64_t rule_day(const RuleDate& d, int64_t year) {
  if (d.kind == 'M') {
    const int64_t first = days_from_civil(year, unsigned(d.a), 1);
    const int64_t next = d.a == 12 ? days_from_civil(year + 1, 1, 1) : days_from_civil(year, unsigned(d.a + 1), 1);
    const int wd_first = int(((first + 4) % 7 + 7) % 7);   // 0 = Sunday; 1970-01-01 was a Thursday
    int64_t day = first + ((d.c - wd_first) % 7 + 7) % 7 + int64_t(d.b - 1) * 7;
    while (day >= next) day -= 7;
    return day;
  }
  const int64_t jan1 = days_from_civil(year, 1, 1);
  if (d.kind == 'J') {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return jan1 + d.a - 1 + (leap && d.a >= 60 ? 1 : 0);
  }
  return jan1 + d.a;
}

int posix_offset_s(const Posix& r, int64_t t) {
  if (!r.has_dst) return r.std_s;
  int64_t y;
  unsigned m, d;
  civil_from_days(floor_div(t, 86400), y, m, d);
  int off = r.std_s;
  int64_t latest = INT64_MIN;
  for (int64_t yy = y - 1; yy <= y; ++yy) {   // the last change at or before t, over this year and the last
    const int64_t a = rule_day(r.start, yy) * 86400 + r.start.time_s - r.std_s;   // standard -> daylight
    const int64_t b = rule_day(r.end, yy) * 86400 + r.end.time_s - r.dst_s;       // daylight -> standard
    if (a <= t && a > latest) latest = a, off = r.dst_s;
    if (b <= t && b > latest) latest = b, off = r.std_s;
  }
  return off;
}

// ---- the compact rules of data/tz/tz_tables.inc: "off0|t:o t:o …|POSIX" (minutes)

struct Rule {
  int off0 = 0;                                  // minutes, at the start of the table (2005)
  std::vector<std::pair<int64_t, int>> changes;  // UTC minutes since 1970 -> offset minutes
  bool has_posix = false;
  Posix posix;
};

const std::vector<Rule>& rules() {
  static const std::vector<Rule> all = [] {
    std::vector<Rule> out;
    for (const char* text : k_tz_rules) {
      Rule r;
      const char* p = text;
      r.off0 = int(std::strtol(p, const_cast<char**>(&p), 10));
      if (*p == '|') ++p;
      while (*p && *p != '|') {
        const int64_t t = std::strtoll(p, const_cast<char**>(&p), 10);
        if (*p == ':') ++p;
        const int o = int(std::strtol(p, const_cast<char**>(&p), 10));
        r.changes.emplace_back(t, o);
        while (*p == ' ') ++p;
      }
      if (*p == '|') ++p;
      r.has_posix = *p && parse_posix(p, r.posix);
      out.push_back(std::move(r));
    }
    return out;
  }();
  return all;
}

int rule_offset_min(const Rule& r, int64_t utc_s) {
  const int64_t t_min = floor_div(utc_s, 60);
  // past the explicit changes, the zone's rule (before 2005 the rule of 2005 is assumed: approximate)
  if (r.has_posix && (r.changes.empty() || t_min > r.changes.back().first)) return posix_offset_s(r.posix, utc_s) / 60;
  int off = r.off0;
  for (const auto& [t, o] : r.changes) {
    if (t > t_min) break;
    off = o;
  }
  return off;
}

int zone_index(std::string_view name) {
  for (int i = 0; i < k_zone_count; ++i)
    if (name == k_tz_zones[i]) return i;
  return -1;
}

// tz.js, step by step: a 48x24 grid of two-character cells, then 2x2 subdivisions until a leaf (a zone).
int zone_index_at(double lat, double lon) {
  if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) return -1;
  if (lat >= 90) return zone_index("Etc/GMT");
  const unsigned char* X = reinterpret_cast<const unsigned char*>(k_tz_grid);
  const int n = k_zone_count;
  double S = 48 * (180 + lon) / 360.00000000000006, U = 24 * (90 - lat) / 180.00000000000003;
  int Z = int(S), D = int(U);
  int64_t V = -1;
  int64_t K = 96 * int64_t(D) + 2 * Z;
  K = 56 * int64_t(X[K]) + X[K + 1] - 1995;
  while (K + n < 3136) {
    V = V + K + 1;
    U = std::fmod(2 * (U - D), 2.0);
    D = int(U);
    S = std::fmod(2 * (S - Z), 2.0);
    Z = int(S);
    K = 8 * V + 4 * D + 2 * Z + 2304;
    K = 56 * int64_t(X[K]) + X[K + 1] - 1995;
  }
  const int64_t i = K + n - 3136;
  return i >= 0 && i < n ? int(i) : -1;
}

}  // namespace

std::string_view zone_at(double lat, double lon) {
  const int z = zone_index_at(lat, lon);
  return z < 0 ? std::string_view() : std::string_view(k_tz_zones[z]);
}

int16_t zone_offset(std::string_view name, int64_t utc_us) {
  const int z = zone_index(name);
  if (z < 0) return k_no_offset;
  return int16_t(rule_offset_min(rules()[k_tz_zone_rule[z]], floor_div(utc_us, 1000000)));
}

int16_t position_offset(double lat, double lon, int64_t utc_us) {
  if (!std::isfinite(lat) || !std::isfinite(lon) || (lat == 0 && lon == 0)) return k_no_offset;
  const int z = zone_index_at(lat, lon);
  return z < 0 ? k_no_offset : int16_t(rule_offset_min(rules()[k_tz_zone_rule[z]], floor_div(utc_us, 1000000)));
}

int16_t record_offset(int16_t written, double lat, double lon, int64_t utc_us) {
  return offset_known(written) ? written : position_offset(lat, lon, utc_us);
}

const char* tz_data_version() { return k_tz_version; }

}  // namespace sdw::challenge
