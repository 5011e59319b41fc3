// viz/color: packing in ImGui order, Okabe-Ito and viridis values, readable text colour.
#include <doctest/doctest.h>

#include <cmath>
#include <set>

#include "viz/color.h"

using namespace sdw;

TEST_CASE("viz color: packing puts red in the low byte, like IM_COL32") {
  CHECK(rgba(1, 2, 3, 4) == 0x04030201u);
  CHECK(red_of(rgba(10, 20, 30)) == 10);
  CHECK(alpha_of(rgba(10, 20, 30)) == 255);
  CHECK(with_alpha(rgba(10, 20, 30), 7) == rgba(10, 20, 30, 7));
  CHECK(lerp_color(rgba(0, 0, 0, 0), rgba(200, 100, 50, 255), 0.5) == rgba(100, 50, 25, 128));
}

TEST_CASE("viz color: Okabe-Ito categorical palette") {
  CHECK(okabe_ito(0) == rgba(0xE6, 0x9F, 0x00));
  CHECK(okabe_ito(4) == rgba(0x00, 0x72, 0xB2));
  CHECK(okabe_ito(7, false) == rgba(0, 0, 0));
  CHECK(okabe_ito(7, true) != rgba(0, 0, 0));     // black would vanish on a dark theme
  CHECK(okabe_ito(8) == okabe_ito(0));
  std::set<uint32_t> distinct;
  for (size_t i = 0; i < k_okabe_ito_count; i++) distinct.insert(okabe_ito(i));
  CHECK(distinct.size() == 8);
}

TEST_CASE("viz color: viridis endpoints, midpoint, and rising lightness") {
  CHECK(viridis(0) == rgba(0x44, 0x01, 0x54));
  CHECK(viridis(1) == rgba(0xFD, 0xE7, 0x25));
  CHECK(viridis(0.5) == rgba(0x21, 0x91, 0x8C));
  CHECK(viridis(-3) == viridis(0));
  double prev = -1;
  for (int i = 0; i <= 100; i++) {
    const double lum = relative_luminance(viridis(i / 100.0));
    CHECK(lum > prev);   // perceptually ordered: a darker cell always means less
    prev = lum;
  }
  CHECK(color_for_value(5, 0, 10) == viridis(0.5));
  CHECK(color_for_value(NAN, 0, 10) == rgba(0x80, 0x80, 0x80));
  CHECK(color_for_value(1, 3, 3) == rgba(0x80, 0x80, 0x80));
}

TEST_CASE("viz color: text on a cell stays readable") {
  CHECK(text_color_on(viridis(1)) == rgba(0, 0, 0));
  CHECK(text_color_on(viridis(0)) == rgba(255, 255, 255));
}
