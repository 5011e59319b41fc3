// The accessibility tree (viz/a11y.h): what a frame publishes, when it publishes, and DOM activations.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "viz/a11y.h"

using nlohmann::json;
namespace a11y = sdw::a11y;

namespace {
void draw_frame(bool collect, bool& clicked, const char* headline) {
  a11y::begin_frame(collect);
  a11y::push("main", "main", "Mobilité");
  a11y::heading(2, "Mobilité");
  a11y::text(headline, "headline");
  a11y::figure("Distance", "2 090,7 km");
  a11y::figure("Émissions", "224,6 kg CO₂e");
  a11y::table("modes", "Kilomètres par mode", {"mode", "km"}, {{"voiture", "1 200"}, {"train", "890,7"}});
  clicked = a11y::button("export.csv", "Exporter les chiffres (CSV)", {10, 20, 110, 44});
  a11y::pop();
}
}  // namespace

TEST_CASE("a11y: a frame's tree is published once, then only when it changes") {
  std::string out;
  bool clicked = false;
  draw_frame(true, clicked, "Du 1er mars au 31 mai 2024, vos trajets ont émis 224,6 kg CO₂e.");
  REQUIRE(a11y::end_frame(out, "fr", "Mobilité — Self Data Workbench"));
  json j = json::parse(out);
  CHECK(j["lang"] == "fr");
  REQUIRE(j["nodes"].size() == 1);
  const json& main = j["nodes"][0];
  CHECK(main["role"] == "main");
  REQUIRE(main["c"].size() == 5);   // heading, headline, one list of two figures, table, button
  CHECK(main["c"][1]["kind"] == "headline");
  CHECK(main["c"][2]["t"] == "dl");
  CHECK(main["c"][2]["items"].size() == 2);
  CHECK(main["c"][2]["items"][1][1] == "224,6 kg CO₂e");
  CHECK(main["c"][3]["rows"][1][0] == "train");
  CHECK(main["c"][4]["r"][2] == doctest::Approx(110));

  draw_frame(true, clicked, "Du 1er mars au 31 mai 2024, vos trajets ont émis 224,6 kg CO₂e.");
  CHECK_FALSE(a11y::end_frame(out, "fr", "Mobilité — Self Data Workbench"));   // same tree: nothing sent
  draw_frame(true, clicked, "Du 1er mars au 30 juin 2024, vos trajets ont émis 301,2 kg CO₂e.");
  REQUIRE(a11y::end_frame(out, "fr", "Mobilité — Self Data Workbench"));
  CHECK(out.find("301,2") != std::string::npos);
  draw_frame(false, clicked, "ignored");                                       // not collected: nothing sent
  CHECK_FALSE(a11y::end_frame(out, "fr", "x"));
}

TEST_CASE("a11y: a DOM activation is matched by the control that draws it, once") {
  std::string out;
  bool clicked = false;
  a11y::request("export.csv");
  a11y::request("tab.unknown");
  draw_frame(false, clicked, "x");
  CHECK(clicked);
  draw_frame(false, clicked, "x");
  CHECK_FALSE(clicked);                              // consumed
  CHECK(a11y::pending() == 1);                      // the one nobody draws stays a while…
  for (int i = 0; i < 40; i++) draw_frame(false, clicked, "x");
  CHECK(a11y::pending() == 0);                      // …then is dropped, never fired late
  a11y::end_frame(out, "fr", "x");
}

TEST_CASE("a11y: long tables are cut and say so; announcements reach the live text once") {
  std::string out;
  a11y::begin_frame(true);
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < 1000; i++) rows.push_back({std::to_string(i)});
  a11y::table("t", "Valeurs", {"v"}, rows, 50);
  a11y::announce("Fichier lu : 1 000 lignes.");
  REQUIRE(a11y::end_frame(out, "fr", "t"));
  json j = json::parse(out);
  CHECK(j["nodes"][0]["rows"].size() == 50);
  CHECK(j["nodes"][0]["cut"] == 1000);
  CHECK(j["live"] == "Fichier lu : 1 000 lignes.");
  a11y::begin_frame(true);
  a11y::table("t", "Valeurs", {"v"}, rows, 50);
  a11y::announce("Fichier lu : 1 000 lignes.");
  a11y::end_frame(out, "fr", "t");
  CHECK(json::parse(out).contains("live") == false);   // the same announcement is not repeated
}

TEST_CASE("a11y: a text field shows the app's value and takes the DOM's edit once, never a button's click") {
  std::string out;
  std::string purpose = "Enquête déplacements 2026";
  a11y::begin_frame(true);
  CHECK_FALSE(a11y::field("donate.purpose", "Pour quoi ce don ?", purpose, {0, 0, 100, 20}));
  REQUIRE(a11y::end_frame(out, "fr", "x"));
  const json j = json::parse(out);
  CHECK(j["nodes"][0]["t"] == "field");
  CHECK(j["nodes"][0]["v"] == "Enquête déplacements 2026");
  CHECK(j["nodes"][0]["l"] == "Pour quoi ce don ?");
  a11y::request_value("donate.purpose", "Plan vélo de La Rochelle");
  a11y::begin_frame(false);
  CHECK_FALSE(a11y::button("donate.purpose", "same key", {}));   // a value is not a click
  CHECK(a11y::field("donate.purpose", "Pour quoi ce don ?", purpose, {}));
  CHECK(purpose == "Plan vélo de La Rochelle");
  a11y::begin_frame(false);
  CHECK_FALSE(a11y::field("donate.purpose", "Pour quoi ce don ?", purpose, {}));   // once
  a11y::end_frame(out, "fr", "x");
}
