// Web Mercator for the offline map: lon/lat <-> world coordinates in [0, 1]² (x east, y south, as
// tiles), a view (centre + pixels per world unit) with fit, zoom about a point, pan and inverse, and
// a scale bar with a nice ground distance. Owns: the maths. Does not own: drawing (viz/chart_draw.cpp).
#pragma once
#include <string>

#include "viz/locale.h"

namespace sdw {

constexpr double k_mercator_max_lat = 85.05112877980659;   // y = 0 (north) / y = 1 (south)
constexpr double k_earth_circumference_m = 40075016.68557849;  // WGS84 equator (EPSG:3857 sphere)

struct WorldPoint { double x = 0, y = 0; };

WorldPoint mercator(double lon_deg, double lat_deg);     // lat clamped to ±85.0511
void inverse_mercator(double x, double y, double& lon_deg, double& lat_deg);

struct MapView {
  double center_x = 0.5, center_y = 0.5;   // world coordinates at the viewport centre
  double pixels_per_unit = 256;            // zoom: the whole world is this many pixels wide
};

struct Viewport { double width = 1, height = 1; };        // pixels; screen origin at top-left

WorldPoint world_to_screen(const MapView& v, const Viewport& vp, WorldPoint w);
WorldPoint screen_to_world(const MapView& v, const Viewport& vp, WorldPoint s);

// View showing the lon/lat box with `padding_px` margins, zoom capped at `max_pixels_per_unit`.
MapView fit_bounds(double min_lon, double min_lat, double max_lon, double max_lat, const Viewport& vp,
                   double padding_px = 16, double max_pixels_per_unit = 256.0 * (1 << 19));
// Multiplies the zoom by `factor` keeping the world point under screen point `anchor` fixed.
void zoom_about(MapView& v, const Viewport& vp, double factor, WorldPoint anchor,
                double min_pixels_per_unit = 64, double max_pixels_per_unit = 256.0 * (1 << 22));
void pan(MapView& v, double dx_px, double dy_px);        // content follows the pointer

double meters_per_pixel(double lat_deg, double pixels_per_unit);

struct ScaleBar {
  double meters = 0;       // 1, 2 or 5 × 10^n
  double pixels = 0;       // bar length
  std::string label;       // "500 m", "2 km", "1 000 km"
};
// Longest nice distance whose bar fits in `max_px` at latitude `lat_deg`.
ScaleBar scale_bar(Lang l, double lat_deg, double pixels_per_unit, double max_px);

}  // namespace sdw
