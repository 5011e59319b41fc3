// Palettes. Viridis is matplotlib's, sampled at 11 stops (0, 0.1 … 1) and interpolated linearly in
// sRGB, which stays within a few units of the 256-entry table.
#include "viz/color.h"

#include <algorithm>
#include <cmath>

namespace sdw {

namespace {

const uint32_t k_okabe[k_okabe_ito_count] = {
  rgba(0xE6, 0x9F, 0x00), rgba(0x56, 0xB4, 0xE9), rgba(0x00, 0x9E, 0x73), rgba(0xF0, 0xE4, 0x42),
  rgba(0x00, 0x72, 0xB2), rgba(0xD5, 0x5E, 0x00), rgba(0xCC, 0x79, 0xA7), rgba(0x00, 0x00, 0x00),
};

const uint32_t k_viridis[11] = {
  rgba(0x44, 0x01, 0x54), rgba(0x48, 0x24, 0x75), rgba(0x41, 0x44, 0x87), rgba(0x35, 0x5F, 0x8D),
  rgba(0x2A, 0x78, 0x8E), rgba(0x21, 0x91, 0x8C), rgba(0x22, 0xA8, 0x84), rgba(0x44, 0xBF, 0x70),
  rgba(0x7A, 0xD1, 0x51), rgba(0xBD, 0xDF, 0x26), rgba(0xFD, 0xE7, 0x25),
};

constexpr uint32_t k_grey = rgba(0x80, 0x80, 0x80);

double linear_channel(uint8_t c) {
  const double s = c / 255.0;
  return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
}

}  // namespace

uint32_t okabe_ito(size_t i, bool dark_background) {
  const size_t k = i % k_okabe_ito_count;
  if (k == 7 && dark_background) return rgba(0xBB, 0xBB, 0xBB);
  return k_okabe[k];
}

uint32_t lerp_color(uint32_t a, uint32_t b, double t) {
  t = std::clamp(t, 0.0, 1.0);
  auto ch = [&](int shift) {
    const double x = double((a >> shift) & 0xFF), y = double((b >> shift) & 0xFF);
    return uint32_t(std::lround(x + (y - x) * t)) << shift;
  };
  return ch(0) | ch(8) | ch(16) | ch(24);
}

uint32_t viridis(double t) {
  if (std::isnan(t)) return k_grey;
  t = std::clamp(t, 0.0, 1.0) * 10.0;
  const int i = std::min(9, int(t));
  return lerp_color(k_viridis[i], k_viridis[i + 1], t - i);
}

uint32_t color_for_value(double v, double lo, double hi) {
  if (std::isnan(v) || !(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) return k_grey;
  return viridis((v - lo) / (hi - lo));
}

double relative_luminance(uint32_t c) {
  return 0.2126 * linear_channel(red_of(c)) + 0.7152 * linear_channel(green_of(c)) + 0.0722 * linear_channel(blue_of(c));
}

uint32_t text_color_on(uint32_t background) {
  // Contrast ratio against black vs white (WCAG): pick the larger.
  const double lum = relative_luminance(background);
  return (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) ? rgba(0, 0, 0) : rgba(255, 255, 255);
}

}  // namespace sdw
