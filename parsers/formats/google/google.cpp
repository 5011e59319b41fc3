// The public helpers of parsers/formats/google/google.h (positions, modes, dedup keys); each format has its
// own file in this folder (records, semantic, device, edits), their shared internals are in common.h.
#include "parsers/formats/google/common.h"

namespace sdw {

using namespace google_detail;

// [SECTION] public helpers

bool google_parse_latlng(std::string_view s, double& lat, double& lon) {
  s = trim(s);
  if (starts_with(s, "geo:")) s.remove_prefix(4);
  const char* p = s.data();
  const char* e = p + s.size();
  auto number = [&](double& out) {
    while (p < e && *p == ' ') ++p;
    if (p < e && *p == '+') ++p;
    auto r = fast_float::from_chars(p, e, out);
    if (r.ec != std::errc()) return false;
    p = r.ptr;
    if (e - p >= 2 && uint8_t(p[0]) == 0xC2 && uint8_t(p[1]) == 0xB0) p += 2;  // "°"
    while (p < e && *p == ' ') ++p;
    return true;
  };
  double a, b;
  if (!number(a)) return false;
  if (p >= e || *p != ',') return false;
  ++p;
  if (!number(b)) return false;
  if (p != e) return false;
  if (!valid_pos(a, b)) return false;
  lat = a;
  lon = b;
  return true;
}

const char* google_mode(std::string_view raw) {
  char buf[40];
  raw = trim(raw);
  if (raw.empty() || raw.size() >= sizeof buf) return nullptr;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
    if (c == ' ' || c == '-') c = '_';
    buf[i] = c;
  }
  const std::string_view up(buf, raw.size());
  for (const ModeName& m : k_modes)
    if (up == m.raw) return m.id;
  return nullptr;
}

std::string google_point_key(int64_t utc_us, double lat, double lon) {
  return round_key(floor_div(utc_us, 1000000), lat, lon, 1e5);
}

std::string google_segment_key(int64_t utc_us, double lat, double lon) {
  return round_key(floor_div(floor_div(utc_us, 1000000) + 30, 60), lat, lon, 1e4);
}

}  // namespace sdw
