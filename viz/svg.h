// A chart as a picture people can share: an SVG file with the chart alone — its title stating the finding,
// the period, the unit on the axis, the values on the bars and a source line — never a grab of the panel
// with its buttons. The browser also renders this SVG to PNG. Plain data in, text out (no ImGui).
// Owns: SVG layout and escaping. Does not own: the figures, the words (the caller passes them translated).
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "viz/locale.h"

namespace sdw::svg {

struct BarPicture {
  Lang lang = Lang::Fr;
  std::string title;                     // the finding ("De mars à mai 2024 : 224,6 kg CO₂e, surtout en voiture")
  std::string subtitle;                  // the period and what is measured
  std::string unit;                      // y axis unit ("kg CO₂e")
  std::string source;                    // "Source : ADEME Impact CO₂ (2025) — vos fichiers Google Maps"
  int decimals = 0;                      // value labels
  int width = 960, height = 540;         // pixels (16:9, fits a slide and a phone screen)
};

// Vertical bars, one per category (NaN values are drawn as empty). The y axis starts at 0 with nice ticks.
std::string bar_chart(const BarPicture& p, std::span<const std::string> categories, std::span<const double> values);

// A one-page text summary to print or keep (A4 portrait at 150 dpi by default): a title, a subtitle, then
// sections of short paragraphs, wrapped; what does not fit is cut with a last line saying how many
// paragraphs were left out. Plain data in, SVG text out.
struct PageSection {
  std::string heading;
  std::vector<std::string> paragraphs;
};
struct Page {
  Lang lang = Lang::Fr;
  std::string title, subtitle, footer;
  std::vector<PageSection> sections;
  int width = 1240, height = 1754;
};
std::string page(const Page& p);

// Text escaped for XML (& < > " ').
std::string escape(std::string_view s);

}  // namespace sdw::svg
