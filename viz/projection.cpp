// Web Mercator (EPSG:3857 normalised to [0, 1]) and map-view arithmetic.
#include "viz/projection.h"

#include <algorithm>
#include <cmath>

namespace sdw {

namespace {
constexpr double k_pi = 3.14159265358979323846;
}

WorldPoint mercator(double lon_deg, double lat_deg) {
  const double lat = std::clamp(lat_deg, -k_mercator_max_lat, k_mercator_max_lat) * k_pi / 180.0;
  WorldPoint w;
  w.x = (lon_deg + 180.0) / 360.0;
  w.y = 0.5 - std::log(std::tan(k_pi / 4 + lat / 2)) / (2 * k_pi);
  return w;
}

void inverse_mercator(double x, double y, double& lon_deg, double& lat_deg) {
  lon_deg = x * 360.0 - 180.0;
  lat_deg = std::atan(std::sinh(k_pi * (1 - 2 * y))) * 180.0 / k_pi;
}

WorldPoint world_to_screen(const MapView& v, const Viewport& vp, WorldPoint w) {
  return {(w.x - v.center_x) * v.pixels_per_unit + vp.width * 0.5,
          (w.y - v.center_y) * v.pixels_per_unit + vp.height * 0.5};
}

WorldPoint screen_to_world(const MapView& v, const Viewport& vp, WorldPoint s) {
  return {(s.x - vp.width * 0.5) / v.pixels_per_unit + v.center_x,
          (s.y - vp.height * 0.5) / v.pixels_per_unit + v.center_y};
}

MapView fit_bounds(double min_lon, double min_lat, double max_lon, double max_lat, const Viewport& vp,
                   double padding_px, double max_pixels_per_unit) {
  const WorldPoint a = mercator(min_lon, max_lat);   // north-west
  const WorldPoint b = mercator(max_lon, min_lat);   // south-east
  MapView v;
  v.center_x = (a.x + b.x) * 0.5;
  v.center_y = (a.y + b.y) * 0.5;
  const double w = std::max(1.0, vp.width - 2 * padding_px);
  const double h = std::max(1.0, vp.height - 2 * padding_px);
  const double dx = std::fabs(b.x - a.x), dy = std::fabs(b.y - a.y);
  double ppu = max_pixels_per_unit;
  if (dx > 0) ppu = std::min(ppu, w / dx);
  if (dy > 0) ppu = std::min(ppu, h / dy);
  v.pixels_per_unit = ppu;
  return v;
}

void zoom_about(MapView& v, const Viewport& vp, double factor, WorldPoint anchor, double min_ppu, double max_ppu) {
  if (!(factor > 0)) return;
  const WorldPoint before = screen_to_world(v, vp, anchor);
  v.pixels_per_unit = std::clamp(v.pixels_per_unit * factor, min_ppu, max_ppu);
  const WorldPoint after = screen_to_world(v, vp, anchor);
  v.center_x += before.x - after.x;
  v.center_y += before.y - after.y;
}

void pan(MapView& v, double dx_px, double dy_px) {
  v.center_x -= dx_px / v.pixels_per_unit;
  v.center_y -= dy_px / v.pixels_per_unit;
}

double meters_per_pixel(double lat_deg, double pixels_per_unit) {
  const double lat = std::clamp(lat_deg, -k_mercator_max_lat, k_mercator_max_lat) * k_pi / 180.0;
  return k_earth_circumference_m * std::cos(lat) / pixels_per_unit;
}

ScaleBar scale_bar(Lang l, double lat_deg, double pixels_per_unit, double max_px) {
  ScaleBar s;
  const double mpp = meters_per_pixel(lat_deg, pixels_per_unit);
  const double max_m = mpp * max_px;
  if (!(max_m > 0) || !std::isfinite(max_m)) return s;
  const double mag = std::pow(10.0, std::floor(std::log10(max_m)));
  for (double m : {5.0, 2.0, 1.0}) {
    if (m * mag <= max_m * (1 + 1e-9)) { s.meters = m * mag; break; }
  }
  s.pixels = s.meters / mpp;
  if (s.meters >= 1000) s.label = format_number(l, s.meters / 1000, 0) + (l == Lang::Fr ? "\u00A0km" : " km");
  else if (s.meters >= 1) s.label = format_number(l, s.meters, 0) + (l == Lang::Fr ? "\u00A0m" : " m");
  else s.label = format_number(l, s.meters * 100, 0) + (l == Lang::Fr ? "\u00A0cm" : " cm");
  return s;
}

}  // namespace sdw
