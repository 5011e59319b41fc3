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

TEST_CASE("svg: a long headline wraps inside the picture instead of running off its edge") {
  sdw::svg::BarPicture p;
  p.title = "Du 3 mars au 31 mai 2024, vos déplacements ont émis 224,6 kg CO₂e sur 2 090,7 km, surtout en voiture "
            "(61 trajets, 89 % des émissions)";
  p.subtitle = "Émissions par mode de transport";
  p.source = "Facteurs d’émission : ADEME Base Empreinte";
  const std::vector<std::string> cats = {"voiture", "train"};
  const std::vector<double> vals = {200, 24.6};
  const std::string svg = sdw::svg::bar_chart(p, cats, vals);
  // the title is drawn as several lines, none longer than the 960 px picture holds at 24 px (~63 characters)
  const size_t t0 = svg.find("font-weight=\"bold\"");
  const size_t t1 = svg.find("</text>", t0);
  const std::string title = svg.substr(t0, t1 - t0);
  CHECK(count(title, "<tspan") >= 2);
  std::string joined;
  for (size_t a = title.find("\">", title.find("<tspan")); a != std::string::npos;) {
    const size_t b = title.find("</tspan>", a);
    const std::string line = title.substr(a + 2, b - a - 2);
    size_t chars = 0;
    for (unsigned char c : line) chars += (c & 0xC0) != 0x80;
    CHECK(chars <= 63);
    joined += (joined.empty() ? "" : " ") + line;
    const size_t next = title.find("<tspan", b);
    a = next == std::string::npos ? next : title.find("\">", next);
  }
  CHECK(joined == p.title);   // every word kept, in order
  // the plot starts below the wrapped title and subtitle: the highest bar's top is under their last line
  const size_t bar = svg.find("<rect x=", svg.find("<rect ") + 1);
  const double bar_top = std::atof(svg.c_str() + svg.find("y=\"", bar) + 3);
  CHECK(bar_top > 44 + 30.0 * static_cast<double>(count(title, "<tspan") - 1) + 22 + 10);
}

TEST_CASE("svg: a one-page summary wraps its paragraphs and says what did not fit") {
  sdw::svg::Page p;
  p.title = "Ce que mes données disent de moi";
  p.subtitle = "3 fichiers, du 20 décembre 2024 au 1er novembre 2025 — calculé sur cet appareil";
  p.footer = "Self Data Workbench — rien n’a été envoyé";
  sdw::svg::PageSection inv{"Qui détient quoi", {"Google (Timeline.json) : 5 548 positions & visites <lieux>", "Banque : 192 opérations"}};
  p.sections.push_back(inv);
  const std::string svg = sdw::svg::page(p);
  CHECK(svg.find("<title id=\"t\">Ce que mes données disent de moi</title>") != std::string::npos);
  CHECK(svg.find("positions &amp; visites &lt;lieux&gt;") != std::string::npos);   // escaped
  CHECK(svg.find("de plus dans l’application") == std::string::npos);             // everything fitted
  CHECK(svg.find(p.footer) != std::string::npos);
  // a page cannot hold 200 long paragraphs: the rest is counted, never drawn past the footer
  sdw::svg::PageSection many{"Ce qu’on peut en déduire", {}};
  for (int i = 0; i < 200; i++)
    many.paragraphs.push_back("Déduction " + std::to_string(i) + " : votre domicile est probablement près de La Rochelle, d’après 212 nuits.");
  p.sections.push_back(many);
  const std::string full = sdw::svg::page(p);
  const size_t cut = full.find(" paragraphes de plus dans l’application");
  REQUIRE(cut != std::string::npos);
  const size_t open = full.rfind('(', cut);
  const int left_out = std::atoi(full.c_str() + open + 1);
  CHECK(left_out > 100);
  CHECK(left_out < 200);
  CHECK(count(full, "Déduction ") == size_t(200 - left_out));   // drawn + counted = all of them
  // nothing drawn below the footer line
  size_t last_y = 0;
  for (size_t q = full.find(" y=\""); q != std::string::npos; q = full.find(" y=\"", q + 1)) last_y = std::max(last_y, size_t(std::atof(full.c_str() + q + 4)));
  CHECK(last_y <= size_t(p.height));
}
