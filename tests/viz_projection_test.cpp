// viz/projection: Web Mercator of known points, view fit/zoom/pan, scale bar distances.
#include <doctest/doctest.h>

#include <cmath>

#include "viz/projection.h"

using namespace sdw;

TEST_CASE("viz projection: Web Mercator of known points") {
  auto o = mercator(0, 0);
  CHECK(o.x == doctest::Approx(0.5));
  CHECK(o.y == doctest::Approx(0.5));
  auto nw = mercator(-180, 85.0511287798);
  CHECK(nw.x == doctest::Approx(0.0));
  CHECK(nw.y == doctest::Approx(0.0).epsilon(1e-9));
  CHECK(std::fabs(nw.y) < 1e-9);
  auto se = mercator(180, -85.0511287798);
  CHECK(se.x == doctest::Approx(1.0));
  CHECK(se.y == doctest::Approx(1.0));
  CHECK(mercator(0, 89.9).y == doctest::Approx(0.0));   // clamped
  // La Rochelle: north of the equator -> y < 0.5, west of Greenwich -> x < 0.5
  auto lr = mercator(-1.15, 46.16);
  CHECK(lr.x == doctest::Approx(0.4968056).epsilon(1e-6));
  CHECK(lr.y < 0.5);
  double lon, lat;
  inverse_mercator(lr.x, lr.y, lon, lat);
  CHECK(lon == doctest::Approx(-1.15).epsilon(1e-12));
  CHECK(lat == doctest::Approx(46.16).epsilon(1e-12));
}

TEST_CASE("viz projection: fit, zoom about a point, pan") {
  const Viewport vp{800, 600};
  MapView v = fit_bounds(-1.25, 46.10, -1.05, 46.22, vp, 20);
  const auto a = world_to_screen(v, vp, mercator(-1.25, 46.22));
  const auto b = world_to_screen(v, vp, mercator(-1.05, 46.10));
  CHECK(a.x >= 20 - 1e-6);
  CHECK(b.x <= 780 + 1e-6);
  CHECK(a.y >= 20 - 1e-6);
  CHECK(b.y <= 580 + 1e-6);
  // one dimension fills the padded viewport exactly
  const bool fills_x = std::fabs((b.x - a.x) - 760) < 1e-6;
  const bool fills_y = std::fabs((b.y - a.y) - 560) < 1e-6;
  CHECK((fills_x || fills_y));

  const WorldPoint anchor{200, 150};
  const WorldPoint before = screen_to_world(v, vp, anchor);
  const double ppu = v.pixels_per_unit;
  zoom_about(v, vp, 2.0, anchor);
  CHECK(v.pixels_per_unit == doctest::Approx(ppu * 2));
  const WorldPoint after = screen_to_world(v, vp, anchor);
  CHECK(after.x == doctest::Approx(before.x).epsilon(1e-12));
  CHECK(after.y == doctest::Approx(before.y).epsilon(1e-12));

  const WorldPoint w = screen_to_world(v, vp, {400, 300});
  pan(v, 50, -30);   // content follows the pointer: the point under (400,300) moves to (450,270)
  const WorldPoint s = world_to_screen(v, vp, w);
  CHECK(s.x == doctest::Approx(450));
  CHECK(s.y == doctest::Approx(270));
}

TEST_CASE("viz projection: scale bar with a nice ground distance") {
  CHECK(meters_per_pixel(0, 256) == doctest::Approx(156543.03).epsilon(1e-6));   // zoom 0 tile
  const double ppu = 256.0 * 16384;   // zoom 14
  auto s = scale_bar(Lang::Fr, 46.16, ppu, 120);
  CHECK(s.meters == doctest::Approx(500));
  CHECK(s.pixels == doctest::Approx(500 / meters_per_pixel(46.16, ppu)));
  CHECK(s.pixels <= 120);
  CHECK(s.label == "500\u00A0m");
  auto k = scale_bar(Lang::En, 46.16, 256.0 * 64, 150);
  CHECK(k.meters == doctest::Approx(200000));   // 1 694 m/px at zoom 6: 150 px = 254 km
  CHECK(k.label == "200 km");
  auto big = scale_bar(Lang::Fr, 0, 256, 200);
  CHECK(big.meters == doctest::Approx(2e7));
  CHECK(big.label == "20\u202F000\u00A0km");
}
