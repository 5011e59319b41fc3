// The offline basemap (coastlines and borders from Natural Earth, made by scripts/make_basemap.cjs):
// reads its binary format into NaN-separated lon/lat arrays that chart::map_view draws as polylines.
// Owns: the format. Does not own: drawing, fetching the file.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace sdw {

struct Basemap {
  // One array pair per kind; NaN between lines. coast = kind 0, borders = kind 1.
  std::vector<double> coast_lon, coast_lat, border_lon, border_lat;
  size_t lines = 0, points = 0;
  bool empty() const { return lines == 0; }
};

// Parses "SDWB" v1. Returns false (and says why in `error`) on a truncated or foreign buffer; `out`
// is then left empty.
bool parse_basemap(std::span<const uint8_t> bytes, Basemap& out, std::string& error);

// The basemap every map of the app draws (empty until the page hands the file over).
Basemap& shared_basemap();

}  // namespace sdw
