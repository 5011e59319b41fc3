// Reader of the basemap binary (format in scripts/make_basemap.cjs).
#include "viz/basemap.h"

#include <cmath>
#include <cstring>

namespace sdw {
namespace {

uint32_t u32(const uint8_t* p) { return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24; }
float f32(const uint8_t* p) {
  const uint32_t b = u32(p);
  float f;
  std::memcpy(&f, &b, 4);
  return f;
}

}  // namespace

bool parse_basemap(std::span<const uint8_t> bytes, Basemap& out, std::string& error) {
  out = Basemap{};
  const uint8_t* p = bytes.data();
  const size_t n = bytes.size();
  if (n < 12 || std::memcmp(p, "SDWB", 4) != 0) { error = "not a basemap file"; return false; }
  if (u32(p + 4) != 1) { error = "basemap version " + std::to_string(u32(p + 4)) + " unknown"; return false; }
  const uint32_t count = u32(p + 8);
  size_t o = 12;
  Basemap b;
  for (uint32_t i = 0; i < count; i++) {
    if (o + 5 > n) { error = "basemap truncated at line " + std::to_string(i); return false; }
    const uint8_t kind = p[o];
    const uint32_t pts = u32(p + o + 1);
    o += 5;
    if (kind > 1 || pts > (n - o) / 8) { error = "basemap truncated or corrupt at line " + std::to_string(i); return false; }
    auto& lon = kind == 0 ? b.coast_lon : b.border_lon;
    auto& lat = kind == 0 ? b.coast_lat : b.border_lat;
    if (!lon.empty()) { lon.push_back(NAN); lat.push_back(NAN); }
    for (uint32_t k = 0; k < pts; k++, o += 8) {
      const double x = f32(p + o), y = f32(p + o + 4);
      if (!(x >= -180.5 && x <= 180.5 && y >= -90.5 && y <= 90.5)) { error = "basemap coordinate out of range at line " + std::to_string(i); return false; }
      lon.push_back(x);
      lat.push_back(y);
    }
    b.points += pts;
  }
  if (o != n) { error = "basemap has " + std::to_string(n - o) + " bytes after its last line"; return false; }
  b.lines = count;
  out = std::move(b);
  return true;
}

Basemap& shared_basemap() {
  static Basemap b;
  return b;
}

}  // namespace sdw
