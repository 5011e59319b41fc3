// Shareable chart pictures (viz/svg.h): the title, period, unit and source are in the picture; bar heights
// are proportional to the values against the axis; text is escaped.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "viz/svg.h"

namespace {
// the height attribute of the k-th <rect …> that is a bar (the first rect is the background)
double bar_height(const std::string& svg, int k) {
  size_t p = svg.find("<rect ");
  for (int i = 0; i <= k; i++) p = svg.find("<rect x=", p + 1);
  const size_t h = svg.find("height=\"", p);
  return std::atof(svg.c_str() + h + 8);
}
size_t count(const std::string& s, const std::string& part) {
  size_t n = 0;
  for (size_t p = s.find(part); p != std::string::npos; p = s.find(part, p + 1)) n++;
  return n;
}
}  // namespace

TEST_CASE("svg: a bar chart picture carries its finding, period, unit and source") {
  sdw::svg::BarPicture p;
  p.title = "De mars à mai 2024 : 224,6 kg CO₂e, surtout en voiture";
  p.subtitle = "Émissions par mode de déplacement, du 1er mars au 31 mai 2024";
  p.unit = "kg CO₂e";
  p.source = "Source : ADEME, Impact CO₂ (2025) — calcul local sur vos fichiers Google Maps";
  p.decimals = 1;
  const std::vector<std::string> cats = {"voiture", "train", "vélo"};
  const std::vector<double> vals = {200, 50, 0};
  const std::string svg = sdw::svg::bar_chart(p, cats, vals);
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(svg.find(p.title) != std::string::npos);
  CHECK(svg.find(p.subtitle) != std::string::npos);
  CHECK(svg.find(p.source) != std::string::npos);
  CHECK(count(svg, "<rect x=") == 2);   // a zero bar draws nothing
  // axis from 0 to 200 (nice domain): voiture fills the plot, train is a quarter of it
  CHECK(bar_height(svg, 1) / bar_height(svg, 0) == doctest::Approx(0.25).epsilon(0.01));
  CHECK(svg.find(">200,0<") != std::string::npos);   // value label in French
  CHECK(svg.find(">vélo<") != std::string::npos);
}

TEST_CASE("svg: text is escaped") {
  CHECK(sdw::svg::escape("R&D <\"x\"> 'y'") == "R&amp;D &lt;&quot;x&quot;&gt; &apos;y&apos;");
  sdw::svg::BarPicture p;
  p.title = "A & B";
  const std::vector<std::string> cats = {"<script>"};
  const std::vector<double> vals = {1};
  const std::string svg = sdw::svg::bar_chart(p, cats, vals);
  CHECK(svg.find("<script>") == std::string::npos);
  CHECK(svg.find("A &amp; B") != std::string::npos);
}
