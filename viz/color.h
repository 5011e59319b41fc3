// Colour-blind-safe colours as packed RGBA (ImGui's IM_COL32 order: R in the low byte), without
// including ImGui: Okabe-Ito for categories, viridis for sequential values.
// Owns: palettes and value -> colour mapping. Does not own: legends or drawing.
#pragma once
#include <cstddef>
#include <cstdint>

namespace sdw {

constexpr uint32_t rgba(uint8_t r, uint8_t g, uint8_t b, uint8_t a = 255) {
  return uint32_t(r) | (uint32_t(g) << 8) | (uint32_t(b) << 16) | (uint32_t(a) << 24);
}
constexpr uint8_t red_of(uint32_t c) { return uint8_t(c); }
constexpr uint8_t green_of(uint32_t c) { return uint8_t(c >> 8); }
constexpr uint8_t blue_of(uint32_t c) { return uint8_t(c >> 16); }
constexpr uint8_t alpha_of(uint32_t c) { return uint8_t(c >> 24); }
constexpr uint32_t with_alpha(uint32_t c, uint8_t a) { return (c & 0x00FFFFFFu) | (uint32_t(a) << 24); }

constexpr size_t k_okabe_ito_count = 8;
// Okabe & Ito (2008), in the order that keeps neighbours distinct: orange, sky blue, bluish green,
// yellow, blue, vermillion, reddish purple, black. On a dark background black becomes light grey.
uint32_t okabe_ito(size_t i, bool dark_background = true);   // i wraps around

uint32_t lerp_color(uint32_t a, uint32_t b, double t);        // per channel, t in [0, 1]
uint32_t viridis(double t);                                    // t in [0, 1] (clamped), NaN -> grey
// Colour of v in [lo, hi] on viridis (linear); NaN or an empty domain -> grey.
uint32_t color_for_value(double v, double lo, double hi);
double relative_luminance(uint32_t c);                         // WCAG, 0 (black) … 1 (white)
uint32_t text_color_on(uint32_t background);                   // black or white, whichever reads better

}  // namespace sdw
