// The browser app: Dear ImGui over GLFW/WebGL2. Draws the menu bar, the Sources panel, the SQL panel
// and the status line from the state that web/main.js pushes in (app_set_state, app_sql_result).
// Owns: UI layout and interaction. Does not own: parsing (parse worker), data (DuckDB-wasm), text (viz/locale).
//
// [SECTION] State pushed from JS
// [SECTION] Fonts and scaling
// [SECTION] Panels
// [SECTION] Exports to JS
// [SECTION] Main loop
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "viz/basemap.h"
#include "viz/demo_draw.h"
#include "wasm/app_dashboards.h"
#include "wasm/app_donation.h"
#include "viz/guides.h"
#include "viz/locale.h"
#include "wasm/app_platform.h"

using json = nlohmann::json;
using sdw::tr;

namespace {

// ---------------------------------------------------------------- [SECTION] State pushed from JS
struct Text2 {            // a message in both languages
  std::string fr, en;
  const std::string& in(sdw::Lang l) const { return l == sdw::Lang::En ? en : fr; }
};

struct SourceTable { std::string name; uint64_t rows = 0; std::vector<std::pair<std::string, std::string>> columns; };
struct SourceMsg { Text2 text; uint64_t line = 0, offset = 0; bool has_loc = false; };

struct SourceEntry {       // one file inside an archive
  std::string path, format, status;
  double size = 0;
  uint64_t rows = 0;
  bool has_error = false;
  SourceMsg error;
  std::vector<SourceMsg> warnings;
};

struct Persona { std::string id, challenge; Text2 name, description; };

struct Source {
  int id = 0;
  bool sample = false;       // sample data (a persona), marked as such everywhere
  Text2 sample_name;
  std::string name, status, format, encoding;
  Text2 format_label;
  double size = 0, progress = 0, parse_ms = 0, load_ms = 0;
  uint64_t rows = 0;
  bool has_error = false;
  SourceMsg error;
  std::vector<SourceMsg> warnings;
  std::vector<SourceTable> tables;
  std::vector<SourceEntry> entries;
};

struct SqlResult {
  bool ok = false, has = false, truncated = false;
  std::string error;
  std::vector<std::string> names, types;
  std::vector<std::vector<std::string>> cells;   // pre-formatted once, drawn every frame
  uint64_t total = 0;
  double ms = 0;
};

struct App {
  GLFWwindow* window = nullptr;
  sdw::Lang lang = sdw::Lang::Fr;
  std::vector<Source> sources;
  bool duck_ready = false;
  std::string duck_error, duck_version;
  int selected_source = -1;
  bool workshop = false, wiping = false, confirm_end = false;
  bool persist_on = false, persist_locked = false;   // encrypted workspace (web/persist.js)
  bool has_undo = false;
  std::string undo_name;
  std::vector<std::string> views;   // merged domain views present (trips, energy_readings…)
  std::vector<Persona> personas;
  std::string tab_request, tab_request_seen;   // a tab to bring to the front once (persona loaded)
  struct { bool has = false, ok = false; std::string file; double bytes = 0; Text2 error; } last_export;
  char sql[16 * 1024] = "SELECT 42 AS reponse, 'données locales' AS ou;";
  int sql_request = 0;         // id of the request in flight (0: none)
  int sql_last_id = 0;
  SqlResult result;
  std::vector<std::string> history;
  float dpr = 1.0f;
  ImFont* font_ui = nullptr;
  ImFont* font_mono = nullptr;
  bool fonts_ok = false;
  uint64_t frames = 0;
  bool show_viz_demo = false;
  float text_scale = 1.0f;      // comfort: text size (× the pixel ratio), A− / A+ in the menu bar
  bool high_contrast = false;   // comfort: black background, white text, bright borders
  bool restyle = false;         // fonts and style to rebuild before the next frame
  bool show_guides = false;
  std::string active_tab = "sql";
  std::string open_guide;           // id of the guide shown in its window
  std::vector<std::pair<std::string, ImVec4>> rects;   // named widget rectangles, for the test API
};
App g;

// Remembers where the last item was drawn (CSS pixels) so tests can click it as a person would.
void record_rect(const std::string& name) {
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  g.rects.emplace_back(name, ImVec4(a.x / g.dpr, a.y / g.dpr, b.x / g.dpr, b.y / g.dpr));
}

std::string cell_text(const json& v) {
  if (v.is_null()) return "NULL";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_number()) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", v.get<double>());
    return buf;
  }
  return v.dump();
}

SourceMsg msg_from(const json& j) {
  SourceMsg m;
  m.text.fr = j.value("fr", "");
  m.text.en = j.value("en", "");
  if (j.contains("line")) { m.has_loc = true; m.line = j.value("line", 0ULL); m.offset = j.value("offset", 0ULL); }
  return m;
}

void apply_state(const json& j) {
  if (j.contains("lang")) g.lang = sdw::lang_from_code(j["lang"].get<std::string>());
  const auto& d = j["duck"];
  g.duck_ready = d.value("ready", false);
  g.duck_error = d["error"].is_string() ? d["error"].get<std::string>() : "";
  g.duck_version = d["version"].is_string() ? d["version"].get<std::string>() : "";
  g.workshop = j.value("workshop", false);
  g.personas.clear();
  if (j.contains("personas") && j["personas"].is_array())
    for (const auto& p : j["personas"])
      g.personas.push_back({p.value("id", ""), p.value("challenge", ""), {p.value("name_fr", ""), p.value("name_en", "")},
                            {p.value("description_fr", ""), p.value("description_en", "")}});
  if (j.contains("open_tab") && j["open_tab"].is_string()) g.tab_request = j["open_tab"].get<std::string>();
  g.views.clear();
  if (j.contains("views") && j["views"].is_array())
    for (const auto& v : j["views"]) if (v.is_string()) g.views.push_back(v.get<std::string>());
  g.wiping = j.value("wiping", false);
  g.persist_on = j.contains("persist") && j["persist"].is_object() && j["persist"].value("on", false);
  g.persist_locked = j.contains("persist") && j["persist"].is_object() && j["persist"].value("locked", false);
  g.has_undo = j.contains("undo") && j["undo"].is_object();
  g.undo_name = g.has_undo ? j["undo"].value("name", "") : "";
  if (j.contains("last_export") && j["last_export"].is_object()) {
    const auto& e = j["last_export"];
    g.last_export.has = true;
    g.last_export.ok = e.value("ok", false);
    g.last_export.file = e.value("file", "");
    g.last_export.bytes = e.value("bytes", 0.0);
    if (e.contains("error") && e["error"].is_object()) g.last_export.error = {e["error"].value("fr", ""), e["error"].value("en", "")};
  }
  std::vector<Source> out;
  for (const auto& s : j["sources"]) {
    Source x;
    x.id = s.value("id", 0);
    if (s.contains("sample") && s["sample"].is_object()) {
      x.sample = true;
      x.sample_name = {s["sample"].value("fr", ""), s["sample"].value("en", "")};
    }
    x.name = s.value("name", "");
    x.status = s.value("status", "");
    x.size = s.value("size", 0.0);
    x.progress = s.value("progress", 0.0);
    x.rows = s.value("rows", 0ULL);
    x.format = s["format"].is_string() ? s["format"].get<std::string>() : "";
    if (s["format_label"].is_object()) x.format_label = {s["format_label"].value("fr", ""), s["format_label"].value("en", "")};
    x.encoding = s.contains("encoding") && s["encoding"].is_string() ? s["encoding"].get<std::string>() : "";
    x.parse_ms = s.contains("parse_ms") && s["parse_ms"].is_number() ? s["parse_ms"].get<double>() : 0;
    x.load_ms = s.contains("load_ms") && s["load_ms"].is_number() ? s["load_ms"].get<double>() : 0;
    if (s["error"].is_object()) { x.has_error = true; x.error = msg_from(s["error"]); }
    if (s["warnings"].is_array()) for (const auto& w : s["warnings"]) x.warnings.push_back(msg_from(w));
    if (s["tables"].is_array()) for (const auto& t : s["tables"]) {
      SourceTable st{t.value("name", ""), t.value("rows", 0ULL), {}};
      if (t["columns"].is_array()) for (const auto& c : t["columns"]) st.columns.emplace_back(c.value("name", ""), c.value("type", ""));
      x.tables.push_back(std::move(st));
    }
    if (s.contains("entries") && s["entries"].is_array())
      for (const auto& e : s["entries"]) {
        SourceEntry en;
        en.path = e.value("path", "");
        en.format = e.contains("format") && e["format"].is_string() ? e["format"].get<std::string>() : "";
        en.status = e.value("status", "");
        en.size = e.contains("size") && e["size"].is_number() ? e["size"].get<double>() : 0;
        en.rows = e.contains("rows") && e["rows"].is_number() ? e["rows"].get<uint64_t>() : 0;
        if (e.contains("error") && e["error"].is_object()) { en.has_error = true; en.error = msg_from(e["error"]); }
        if (e.contains("warnings") && e["warnings"].is_array()) for (const auto& w : e["warnings"]) en.warnings.push_back(msg_from(w));
        x.entries.push_back(std::move(en));
      }
    out.push_back(std::move(x));
  }
  g.sources = std::move(out);
}

// ---------------------------------------------------------------- [SECTION] Fonts and scaling
void load_fonts(float dpr) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // Latin-1 + Latin Extended-A/B (œ Œ ÿ ł ő…), general punctuation (— – ’ “ ” « » …), €, arrows, math.
  static const ImWchar ranges[] = {0x0020, 0x024F, 0x2000, 0x206F, 0x2070, 0x209F, 0x20AC, 0x20AC, 0x2190, 0x21FF,
                                   0x2200, 0x22FF, 0x2300, 0x23FF, 0x25A0, 0x26FF, 0x2700, 0x27BF, 0};   // ⚠ ✓ ✕ ● ▲
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  g.font_ui = io.Fonts->AddFontFromFileTTF("/fonts/DejaVuSans.ttf", std::round(16.0f * dpr), &cfg, ranges);
  g.font_mono = io.Fonts->AddFontFromFileTTF("/fonts/DejaVuSansMono.ttf", std::round(15.0f * dpr), &cfg, ranges);
  g.fonts_ok = g.font_ui && g.font_mono;
  if (!g.font_ui) g.font_ui = io.Fonts->AddFontDefault();
  if (!g.font_mono) g.font_mono = g.font_ui;
  io.FontDefault = g.font_ui;
}

void apply_style(float dpr) {
  ImGuiStyle& st = ImGui::GetStyle();
  st = ImGuiStyle();
  ImGui::StyleColorsDark(&st);
  if (g.high_contrast) {   // WCAG-style: pure black and white, visible borders, yellow focus
    st.Colors[ImGuiCol_Text] = ImVec4(1, 1, 1, 1);
    st.Colors[ImGuiCol_TextDisabled] = ImVec4(0.85f, 0.85f, 0.85f, 1);
    st.Colors[ImGuiCol_WindowBg] = st.Colors[ImGuiCol_ChildBg] = st.Colors[ImGuiCol_PopupBg] = ImVec4(0, 0, 0, 1);
    st.Colors[ImGuiCol_MenuBarBg] = ImVec4(0, 0, 0, 1);
    st.Colors[ImGuiCol_Border] = ImVec4(1, 1, 1, 0.9f);
    st.Colors[ImGuiCol_FrameBg] = ImVec4(0.1f, 0.1f, 0.1f, 1);
    st.Colors[ImGuiCol_Button] = ImVec4(0.05f, 0.25f, 0.6f, 1);
    st.Colors[ImGuiCol_ButtonHovered] = ImVec4(0.1f, 0.4f, 0.9f, 1);
    st.Colors[ImGuiCol_ButtonActive] = ImVec4(0.2f, 0.55f, 1.0f, 1);
    st.Colors[ImGuiCol_Tab] = ImVec4(0.05f, 0.25f, 0.6f, 1);
    st.Colors[ImGuiCol_TabActive] = ImVec4(0.1f, 0.45f, 1.0f, 1);
    st.Colors[ImGuiCol_NavHighlight] = ImVec4(1, 0.85f, 0, 1);
    st.FrameBorderSize = 1;
    st.WindowBorderSize = 2;
    st.Colors[ImGuiCol_Header] = ImVec4(0.1f, 0.4f, 0.9f, 0.8f);
    st.WindowRounding = 6;
    st.FrameRounding = 4;
    st.GrabRounding = 4;
    st.WindowPadding = ImVec2(12, 10);
    st.FramePadding = ImVec2(8, 5);
    st.ItemSpacing = ImVec2(10, 7);
    st.ScrollbarSize = 16;
    st.ScaleAllSizes(dpr);
    return;
  }
  st.WindowRounding = 6;
  st.FrameRounding = 4;
  st.GrabRounding = 4;
  st.WindowPadding = ImVec2(12, 10);
  st.FramePadding = ImVec2(8, 5);
  st.ItemSpacing = ImVec2(10, 7);
  st.ScrollbarSize = 16;
  st.Colors[ImGuiCol_WindowBg] = ImVec4(0.12f, 0.135f, 0.16f, 1.0f);
  st.Colors[ImGuiCol_Header] = ImVec4(0.22f, 0.36f, 0.55f, 0.55f);
  st.ScaleAllSizes(dpr);
}

// ---------------------------------------------------------------- [SECTION] Panels
const ImVec4 k_red(1.0f, 0.45f, 0.42f, 1.0f);
const ImVec4 k_amber(1.0f, 0.78f, 0.35f, 1.0f);
const ImVec4 k_green(0.45f, 0.85f, 0.55f, 1.0f);
const ImVec4 k_dim(0.65f, 0.68f, 0.72f, 1.0f);

std::string where_text(const SourceMsg& m) {
  if (!m.has_loc) return "";
  std::string s = " (";
  if (m.line) s += std::string(tr(g.lang, "where.line")) + " " + sdw::format_count(g.lang, m.line) + ", ";
  s += std::string(tr(g.lang, "where.offset")) + " " + sdw::format_count(g.lang, m.offset) + ")";
  return s;
}

// Typography of the UI language: « x » and "a : b" in French, “x” and "a: b" in English.
std::string quote_ui(const std::string& x) { return g.lang == sdw::Lang::Fr ? "« " + x + " »" : "“" + x + "”"; }
const char* colon() { return g.lang == sdw::Lang::Fr ? " : " : ": "; }

void submit_sql() {
  if (!g.duck_ready || g.sql_request) return;
  std::string q(g.sql);
  if (q.find_first_not_of(" \t\r\n") == std::string::npos) return;
  if (g.history.empty() || g.history.back() != q) g.history.push_back(q);
  g.sql_request = ++g.sql_last_id;
  sdw::platform::run_sql(g.sql_request, g.sql);
}

void draw_menu_bar() {
  if (!ImGui::BeginMainMenuBar()) return;
  const bool wide = ImGui::GetIO().DisplaySize.x / g.dpr >= 1500;   // room for the tagline and badges
  // With large text on a small screen the bar may not hold everything: the title goes first, then the
  // buttons of lowest priority move into a "⋯" menu; "Ouvrir des fichiers", the workshop button and the
  // right-hand group (text size, contrast, language) always stay on the bar.
  const ImGuiStyle& st = ImGui::GetStyle();
  auto button_w = [&](const char* key) { return ImGui::CalcTextSize(tr(g.lang, key)).x + st.FramePadding.x * 2 + st.ItemSpacing.x; };
  const float right_w = ImGui::CalcTextSize("A− A+ ◐ FR EN").x + st.FramePadding.x * 10 + st.ItemSpacing.x * 5 +
                        (g.workshop ? button_w("workshop.end") + st.ItemSpacing.x * 2 : 0);
  struct MenuButton { const char* key; const char* rect; void (*act)(); };
  static const MenuButton k_buttons[] = {   // by priority
      {"menu.help", "menu.help", [] { g.show_guides = !g.show_guides; }},
      {"donate.menu", "menu.donate", [] { sdw::donate::toggle(); }},
      {"menu.charts_demo", "menu.charts_demo", [] { g.show_viz_demo = !g.show_viz_demo; }},
      {"menu.open_folder", "menu.open_folder", [] { sdw::platform::open_files(true); }},
  };
  const float more_w = ImGui::CalcTextSize("⋯").x + st.FramePadding.x * 2 + st.ItemSpacing.x * 2;
  const float avail = ImGui::GetIO().DisplaySize.x - st.WindowPadding.x * 2 - right_w - button_w("menu.open");
  float used = 0;
  size_t shown = 0;
  for (const auto& b : k_buttons) {
    const bool last = shown + 1 == std::size(k_buttons);
    if (used + button_w(b.key) + (last ? 0 : more_w) > avail) break;
    used += button_w(b.key);
    shown++;
  }
  const float title_w = ImGui::CalcTextSize(tr(g.lang, "app.title")).x + st.ItemSpacing.x * 2;
  if (shown == std::size(k_buttons) && used + title_w <= avail) {
    ImGui::TextColored(ImVec4(0.55f, 0.78f, 1.0f, 1.0f), "%s", tr(g.lang, "app.title"));
    if (wide) ImGui::TextDisabled("— %s", tr(g.lang, "app.tagline"));
    ImGui::Separator();
  }
  if (ImGui::Button(tr(g.lang, "menu.open"))) sdw::platform::open_files(false);
  record_rect("menu.open");
  // the bar's order stays the same whatever fits: folder, demo, help, donate
  static const size_t k_order[] = {3, 2, 0, 1};
  for (size_t i : k_order) {
    if (i >= shown) continue;
    if (ImGui::Button(tr(g.lang, k_buttons[i].key))) k_buttons[i].act();
    record_rect(k_buttons[i].rect);
  }
  if (shown < std::size(k_buttons)) {
    if (ImGui::BeginMenu("⋯###more")) {
      for (size_t i : k_order)
        if (i >= shown && ImGui::MenuItem(tr(g.lang, k_buttons[i].key))) k_buttons[i].act();
      ImGui::EndMenu();
    }
    record_rect("menu.more");
  }
  if (g.workshop) {
    ImGui::Separator();
    if (wide) ImGui::TextColored(k_amber, "%s", tr(g.lang, "workshop.badge"));
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.62f, 0.18f, 0.16f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.75f, 0.24f, 0.2f, 1.0f));
    if (ImGui::Button(tr(g.lang, "workshop.end"))) g.confirm_end = true;
    record_rect("workshop.end");
    ImGui::PopStyleColor(2);
  }
  const ImGuiStyle& style = ImGui::GetStyle();
  float w = ImGui::CalcTextSize("A− A+ ◐ FR EN").x + style.FramePadding.x * 10 + style.ItemSpacing.x * 5;
  ImGui::SameLine();
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowWidth() - w - style.WindowPadding.x));
  // Comfort: text size and contrast (rebuilt between frames).
  static const float k_scales[] = {0.85f, 1.0f, 1.15f, 1.3f, 1.5f, 1.75f};
  int si = 0;
  while (si < 5 && k_scales[si] < g.text_scale - 0.01f) si++;
  if (ImGui::Button("A−") && si > 0) { g.text_scale = k_scales[si - 1]; g.restyle = true; }
  record_rect("comfort.smaller");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(g.lang, "comfort.smaller"));
  ImGui::SameLine();
  if (ImGui::Button("A+") && si < 5) { g.text_scale = k_scales[si + 1]; g.restyle = true; }
  record_rect("comfort.larger");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(g.lang, "comfort.larger"));
  ImGui::SameLine();
  if (g.high_contrast) ImGui::PushStyleColor(ImGuiCol_Button, style.Colors[ImGuiCol_ButtonActive]);
  const bool was_contrast = g.high_contrast;
  if (ImGui::Button("◐")) { g.high_contrast = !g.high_contrast; g.restyle = true; }
  record_rect("comfort.contrast");
  if (was_contrast) ImGui::PopStyleColor();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(g.lang, "comfort.contrast"));
  ImGui::SameLine();
  for (sdw::Lang l : {sdw::Lang::Fr, sdw::Lang::En}) {
    bool active = g.lang == l;
    if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
    if (ImGui::Button(l == sdw::Lang::Fr ? "FR" : "EN") && !active) {
      g.lang = l;
      sdw::platform::set_lang(sdw::lang_code(l));
    }
    record_rect(std::string("lang.") + sdw::lang_code(l));
    if (active) ImGui::PopStyleColor();
    ImGui::SameLine();
  }
  ImGui::EndMainMenuBar();
}

const char* status_key(const std::string& s) {
  static std::string key;
  key = "status." + s;
  return key.c_str();
}

// One row of export buttons; `on_export` receives the format id.
template <typename F>
void draw_export_buttons(const std::string& id, F on_export) {
  static const char* k_formats[][2] = {{"csv", "export.csv"}, {"csv_fr", "export.csv_fr"}, {"parquet", "export.parquet"},
                                       {"ndjson", "export.ndjson"}, {"geojson", "export.geojson"}};
  ImGui::TextDisabled("%s", tr(g.lang, "export.label"));
  for (const auto& f : k_formats) {
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(g.lang, f[1]))) on_export(f[0]);
    record_rect(id + "." + f[0]);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(g.lang, (std::string(f[1]) + ".tip").c_str()));
  }
}

void draw_source_details(const Source& s) {
  ImGui::Separator();
  ImGui::TextWrapped("%s", s.name.c_str());
  if (!s.format_label.fr.empty())
    ImGui::TextDisabled("%s%s%s%s%s", tr(g.lang, "sources.col_format"), colon(), s.format_label.in(g.lang).c_str(),
                        s.encoding.empty() ? "" : " · ", s.encoding.c_str());
  if (s.parse_ms > 0)
    ImGui::TextDisabled("%s %s · DuckDB %s", tr(g.lang, "status.reading"), sdw::format_duration_ms(g.lang, s.parse_ms).c_str(),
                        sdw::format_duration_ms(g.lang, s.load_ms).c_str());
  if (s.has_error) {
    ImGui::PushStyleColor(ImGuiCol_Text, k_red);
    ImGui::TextWrapped("%s%s", s.error.text.in(g.lang).c_str(), where_text(s.error).c_str());
    ImGui::PopStyleColor();
  }
  for (const auto& t : s.tables) {
    ImGui::Text("%s %s — %s %s", tr(g.lang, "sources.table"), quote_ui(t.name).c_str(), sdw::format_count(g.lang, t.rows).c_str(),
                tr(g.lang, t.rows == 1 ? "sql.row" : "sql.rows"));
    for (const auto& [n, ty] : t.columns) ImGui::BulletText("%s  (%s)", n.c_str(), ty.c_str());
    ImGui::PushID(t.name.c_str());
    draw_export_buttons("export.table." + t.name, [&](const char* f) { sdw::platform::export_table(t.name.c_str(), f); });
    ImGui::PopID();
  }
  if (!s.warnings.empty()) {
    ImGui::TextColored(k_amber, "%s (%d)", tr(g.lang, "sources.warnings"), (int)s.warnings.size());
    for (const auto& w : s.warnings) ImGui::BulletText("%s%s", w.text.in(g.lang).c_str(), where_text(w).c_str());
  }
}

void draw_entry_row(const SourceEntry& e) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::Indent();
  ImGui::TextUnformatted(e.path.c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e.path.c_str());
  ImGui::Unindent();
  ImGui::TableNextColumn();
  ImGui::TextColored(k_dim, "%s", sdw::format_bytes(g.lang, e.size).c_str());
  ImGui::TableNextColumn();
  ImGui::TextColored(k_dim, "%s", e.format.empty() ? "—" : e.format.c_str());
  ImGui::TableNextColumn();
  ImGui::TextColored(k_dim, "%s", sdw::format_count(g.lang, e.rows).c_str());
  ImGui::TableNextColumn();
  const std::string key = "entry." + e.status;
  const ImVec4 col = e.status == "error" ? k_red : e.status == "ok" ? (e.warnings.empty() ? k_green : k_amber) : k_dim;
  ImGui::TextColored(col, "%s", sdw::has_translation(key) ? tr(g.lang, key) : e.status.c_str());
  if (ImGui::IsItemHovered() && (e.has_error || !e.warnings.empty())) {
    ImGui::BeginTooltip();
    if (e.has_error) ImGui::TextColored(k_red, "%s%s", e.error.text.in(g.lang).c_str(), where_text(e.error).c_str());
    for (const auto& w : e.warnings) ImGui::BulletText("%s%s", w.text.in(g.lang).c_str(), where_text(w).c_str());
    ImGui::EndTooltip();
  }
  ImGui::TableNextColumn();
}

// The three first steps, shown while nothing is loaded: get my data, drop it here, pick a question.
void draw_first_steps() {
  ImGui::Dummy(ImVec2(0, 6 * g.dpr));
  ImGui::TextColored(ImVec4(0.55f, 0.78f, 1.0f, 1.0f), "%s", tr(g.lang, "steps.title"));
  ImGui::PushTextWrapPos(0);
  ImGui::Spacing();
  ImGui::Text("1.");
  ImGui::SameLine();
  ImGui::TextWrapped("%s", tr(g.lang, "steps.get"));
  ImGui::Indent();
  for (size_t i = 0; i < sdw::guide_count(); i++) {
    const sdw::Guide& gd = sdw::guide_at(i);
    if (ImGui::Button(sdw::guide_title(gd, g.lang), ImVec2(-1, 0))) g.open_guide = gd.id;
    record_rect(std::string("guide.") + gd.id);
  }
  ImGui::Unindent();
  ImGui::Spacing();
  ImGui::Text("2.");
  ImGui::SameLine();
  ImGui::TextWrapped("%s", tr(g.lang, "steps.drop"));
  ImGui::Indent();
  if (ImGui::Button(tr(g.lang, "menu.open"), ImVec2(-1, 36 * g.dpr))) sdw::platform::open_files(false);
  record_rect("steps.open");
  ImGui::Unindent();
  ImGui::Spacing();
  ImGui::Text("3.");
  ImGui::SameLine();
  ImGui::TextWrapped("%s", tr(g.lang, "steps.ask"));
  if (!g.personas.empty()) {
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextWrapped("%s", tr(g.lang, "sample.try"));
    for (const auto& p : g.personas) {
      if (ImGui::Button(p.name.in(g.lang).c_str(), ImVec2(-1, 0))) sdw::platform::load_persona(p.id.c_str());
      record_rect("persona." + p.id);
      if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        ImGui::TextUnformatted(p.description.in(g.lang).c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
      }
    }
  }
  ImGui::Spacing();
  ImGui::TextColored(k_green, "%s", tr(g.lang, "status.private"));
  ImGui::PopTextWrapPos();
}

void draw_guide_windows() {
  ImGuiIO& io = ImGui::GetIO();
  if (g.show_guides) {
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.35f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(io.DisplaySize.x * 0.9f, 520 * g.dpr), 0), ImGuiCond_Appearing);
    if (ImGui::Begin(tr(g.lang, "guides.title"), &g.show_guides, ImGuiWindowFlags_NoCollapse)) {
      for (size_t i = 0; i < sdw::guide_count(); i++) {
        const sdw::Guide& gd = sdw::guide_at(i);
        if (ImGui::Button(sdw::guide_title(gd, g.lang), ImVec2(-1, 0))) g.open_guide = gd.id;
      }
    }
    ImGui::End();
  }
  const sdw::Guide* gd = g.open_guide.empty() ? nullptr : sdw::find_guide(g.open_guide);
  if (!gd) return;
  bool open = true;
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.45f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(io.DisplaySize.x * 0.92f, 640 * g.dpr), 0), ImGuiCond_Appearing);
  std::string title = std::string(sdw::guide_title(*gd, g.lang)) + "###guide";
  if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse)) {
    ImGui::PushTextWrapPos(0);
    const char* const* steps = sdw::guide_steps(*gd, g.lang);
    for (int i = 0; i < 6 && steps[i]; i++) {
      ImGui::Text("%d.", i + 1);
      ImGui::SameLine();
      ImGui::TextWrapped("%s", steps[i]);
    }
    ImGui::Separator();
    ImGui::TextColored(k_dim, "%s", sdw::guide_result(*gd, g.lang));
    ImGui::PopTextWrapPos();
    record_rect("guide.window");
  }
  ImGui::End();
  if (!open) g.open_guide.clear();
}

void draw_sources(ImVec2 pos, ImVec2 size) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::Begin(tr(g.lang, "sources.title"), nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
  // The encrypted workspace sits with the sources it keeps (the menu bar is full at 1280 px with large text).
  if (ImGui::SmallButton(tr(g.lang, "persist.button"))) sdw::platform::open_persistence();
  record_rect("persist.open");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(g.lang, "persist.tip"));
  if (g.sources.empty()) {
    draw_first_steps();
    ImGui::End();
    return;
  }
  const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable |
                             ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  float table_h = ImGui::GetContentRegionAvail().y * (g.selected_source >= 0 ? 0.5f : 1.0f);
  if (ImGui::BeginTable("sources", 6, tf, ImVec2(0, table_h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(g.lang, "sources.col_name"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(tr(g.lang, "sources.col_size"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(g.lang, "sources.col_format"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(tr(g.lang, "sources.col_rows"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(g.lang, "sources.col_status"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize(tr(g.lang, "sources.remove")).x + 20 * g.dpr);
    ImGui::TableHeadersRow();
    int remove_id = -1, cancel_id = -1;
    for (const auto& s : g.sources) {
      ImGui::PushID(s.id);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      bool sel = g.selected_source == s.id;
      bool open = false;
      if (!s.entries.empty()) {   // an archive: its entries are child rows
        open = ImGui::TreeNodeEx("##archive", ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanFullWidth |
                                                 (sel ? ImGuiTreeNodeFlags_Selected : 0), "%s", s.name.c_str());
        if (ImGui::IsItemClicked()) g.selected_source = sel ? -1 : s.id;
      } else if (ImGui::Selectable(s.name.c_str(), sel, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap)) {
        g.selected_source = sel ? -1 : s.id;
      }
      if (s.sample) {
        ImGui::SameLine();
        ImGui::TextColored(k_amber, "(%s)", tr(g.lang, "sample.tag"));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s%s%s", tr(g.lang, "sample.tooltip"), colon(), s.sample_name.in(g.lang).c_str());
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(sdw::format_bytes(g.lang, s.size).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(s.format.empty() ? "—" : s.format.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(sdw::format_count(g.lang, s.rows).c_str());
      ImGui::TableNextColumn();
      if (s.status == "reading" || s.status == "loading") {
        char label[64];
        std::snprintf(label, sizeof label, "%s %d %%", tr(g.lang, status_key(s.status)), (int)(s.progress * 100));
        ImGui::ProgressBar((float)s.progress, ImVec2(-1, 0), label);
      } else if (s.status == "error") {
        ImGui::TextColored(k_red, "%s", tr(g.lang, "status.error"));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s%s", s.error.text.in(g.lang).c_str(), where_text(s.error).c_str());
      } else if (s.status == "ready") {
        ImGui::TextColored(s.warnings.empty() ? k_green : k_amber, "%s%s", tr(g.lang, "status.ready"), s.warnings.empty() ? "" : " ⚠");
      } else {
        ImGui::TextColored(k_dim, "%s", tr(g.lang, status_key(s.status)));
      }
      ImGui::TableNextColumn();
      bool busy = s.status == "reading" || s.status == "queued";
      if (ImGui::SmallButton(tr(g.lang, busy ? "sources.cancel" : "sources.remove"))) (busy ? cancel_id : remove_id) = s.id;
      record_rect("sources.remove." + std::to_string(s.id));
      if (open) {
        for (const auto& e : s.entries) draw_entry_row(e);
        ImGui::TreePop();
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
    if (remove_id >= 0) { sdw::platform::remove_source(remove_id); if (g.selected_source == remove_id) g.selected_source = -1; }
    if (cancel_id >= 0) sdw::platform::cancel_source(cancel_id);
  }
  for (const auto& s : g.sources)
    if (s.id == g.selected_source) {
      ImGui::BeginChild("details");
      draw_source_details(s);
      ImGui::EndChild();
    }
  ImGui::End();
}

void draw_result_grid() {
  const SqlResult& r = g.result;
  if (!r.has) return;
  if (!r.ok) {
    ImGui::PushStyleColor(ImGuiCol_Text, k_red);
    ImGui::PushFont(g.font_mono);
    ImGui::TextWrapped("%s%s%s", tr(g.lang, "sql.error"), colon(), r.error.c_str());
    ImGui::PopFont();
    ImGui::PopStyleColor();
    return;
  }
  ImGui::TextDisabled("%s %s%s%s · %s", sdw::format_count(g.lang, r.total).c_str(), tr(g.lang, r.total == 1 ? "sql.row" : "sql.rows"),
                      r.truncated ? (" (" + sdw::format_count(g.lang, r.cells.size()) + " ").c_str() : "",
                      r.truncated ? (std::string(tr(g.lang, "sql.shown")) + ")").c_str() : "",
                      sdw::format_duration_ms(g.lang, r.ms).c_str());
  draw_export_buttons("export.result", [](const char* f) { sdw::platform::export_result(f); });
  int ncol = (int)r.names.size();
  if (ncol == 0 || ncol > 512) return;
  const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                             ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("result", ncol, tf)) return;
  ImGui::TableSetupScrollFreeze(0, 2);
  for (int c = 0; c < ncol; c++) ImGui::TableSetupColumn(r.names[c].c_str());
  ImGui::TableHeadersRow();
  ImGui::TableNextRow();
  for (int c = 0; c < ncol; c++) { ImGui::TableSetColumnIndex(c); ImGui::TextColored(k_dim, "%s", r.types[c].c_str()); }
  ImGuiListClipper clip;
  clip.Begin((int)r.cells.size());
  while (clip.Step())
    for (int row = clip.DisplayStart; row < clip.DisplayEnd; row++) {
      ImGui::TableNextRow();
      const auto& cells = r.cells[row];
      for (int c = 0; c < ncol && c < (int)cells.size(); c++) {
        ImGui::TableSetColumnIndex(c);
        if (cells[c] == "NULL") ImGui::TextColored(k_dim, "NULL");
        else ImGui::TextUnformatted(cells[c].c_str());
      }
    }
  ImGui::EndTable();
}

// Ready-made queries over the merged views that exist now (one line per domain, in the UI language).
struct Example { const char* view; const char* key; const char* sql; };
const Example k_examples[] = {
  {"timeline", "example.timeline",
   "SELECT date_trunc('day', ts_start) AS jour, domain, count(*) AS evenements\nFROM timeline GROUP BY ALL ORDER BY jour, domain;"},
  {"trips", "example.trips",
   "SELECT date_trunc('month', ts_start) AS mois, mode, round(sum(distance_m) / 1000, 1) AS km, count(*) AS trajets\nFROM trips GROUP BY ALL ORDER BY mois, km DESC;"},
  {"visits", "example.visits",
   "SELECT coalesce(name, semantic_type) AS lieu, count(*) AS visites, round(sum(duration_s) / 3600, 1) AS heures\nFROM visits GROUP BY ALL ORDER BY heures DESC LIMIT 20;"},
  {"energy_readings", "example.energy",
   "SELECT CAST(ts_start AS DATE) AS jour, round(sum(kwh), 2) AS kwh\nFROM energy_readings GROUP BY ALL ORDER BY jour;"},
  {"transactions", "example.transactions",
   "SELECT date_trunc('month', date) AS mois, round(sum(amount) FILTER (WHERE amount < 0), 2) AS depenses,\n       round(sum(amount) FILTER (WHERE amount > 0), 2) AS recettes\nFROM transactions GROUP BY ALL ORDER BY mois;"},
  {"learning_statements", "example.learning",
   "SELECT course, verb, count(*) AS traces, round(sum(duration_s) / 60, 1) AS minutes\nFROM learning_statements GROUP BY ALL ORDER BY traces DESC;"},
  {"purchases", "example.purchases",
   "SELECT category, round(sum(amount), 2) AS euros, count(*) AS lignes\nFROM purchases GROUP BY ALL ORDER BY euros DESC;"},
  {"activity", "example.activity",
   "SELECT platform, kind, count(*) AS n FROM activity GROUP BY ALL ORDER BY n DESC;"},
  {"health_records", "example.health",
   "SELECT date_trunc('month', date) AS mois, round(sum(amount_paid), 2) AS paye, round(sum(amount_reimbursed), 2) AS rembourse\nFROM health_records GROUP BY ALL ORDER BY mois;"},
};

void draw_examples() {
  bool any = false;
  for (const auto& e : k_examples) {
    bool present = std::string(e.view) == "timeline" ? !g.views.empty()
                                                      : std::find(g.views.begin(), g.views.end(), e.view) != g.views.end();
    if (!present) continue;
    if (!any) { ImGui::TextDisabled("%s", tr(g.lang, "sql.examples")); any = true; }
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(g.lang, e.key))) {
      std::snprintf(g.sql, sizeof g.sql, "%s", e.sql);
      submit_sql();
    }
    record_rect(std::string("example.") + e.view);
  }
}

void draw_sql_tab();

// Rows of finished sources only: dashboards and the donation refetch once a file is done, not at every
// batch of a file still streaming in (a 10-million-row load would otherwise be re-read dozens of times).
uint64_t ready_rows() {
  uint64_t n = 0;
  for (const auto& src : g.sources)
    if (src.status == "ready") n += src.rows;
  return n;
}

void draw_sql(ImVec2 pos, ImVec2 size) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::Begin("###right", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                     ImGuiWindowFlags_NoTitleBar);
  if (ImGui::BeginTabBar("right_tabs")) {
    static const char* k_tabs[][2] = {{"sql", "sql.title"},           {"mobility", "dash.tab.mobility"},
                                      {"energy", "dash.tab.energy"},   {"food", "dash.tab.food"},
                                      {"learning", "dash.tab.learning"}, {"budget", "dash.tab.budget"},
                                      {"footprint", "dash.tab.footprint"}};
    for (const auto& tab : k_tabs) {
      const std::string label = std::string(tr(g.lang, tab[1])) + "###tab_" + tab[0];
      ImGuiTabItemFlags tf = 0;
      if (!g.tab_request.empty() && g.tab_request != g.tab_request_seen && g.tab_request == tab[0]) {
        tf = ImGuiTabItemFlags_SetSelected;
        g.tab_request_seen = g.tab_request;
      }
      bool open = ImGui::BeginTabItem(label.c_str(), nullptr, tf);
      record_rect(std::string("tab.") + tab[0]);
      if (!open) continue;
      g.active_tab = tab[0];
      if (std::string(tab[0]) != "sql") {
        ImGui::BeginChild("dash");
        sdw::dash::draw_tab(tab[0], g.lang, g.views, ready_rows(), g.open_guide);
        ImGui::EndChild();
      } else {
        draw_sql_tab();
      }
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::End();
}

void draw_sql_tab() {
  // Tables of all ready sources: one click writes and runs a first query.
  bool any_table = false;
  for (const auto& s : g.sources)
    for (const auto& t : s.tables) {
      if (!any_table) { ImGui::TextDisabled("%s :", tr(g.lang, "sql.tables")); any_table = true; }
      ImGui::SameLine();
      if (ImGui::SmallButton(t.name.c_str())) {
        std::snprintf(g.sql, sizeof g.sql, "SELECT * FROM \"%s\" LIMIT 1000;", t.name.c_str());
        submit_sql();
      }
      record_rect("sql.table." + t.name);
    }
  if (any_table && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(g.lang, "sql.hint"));
  draw_examples();
  ImGui::PushFont(g.font_mono);
  float editor_h = ImGui::GetTextLineHeight() * 6 + ImGui::GetStyle().FramePadding.y * 2;
  bool enter = ImGui::InputTextMultiline("##sql", g.sql, sizeof g.sql, ImVec2(-1, editor_h),
                                         ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AllowTabInput);
  record_rect("sql.editor");
  ImGui::PopFont();
  if (enter) submit_sql();   // multi-line + EnterReturnsTrue: Enter inserts a newline, Ctrl+Enter runs
  ImGui::BeginDisabled(!g.duck_ready || g.sql_request != 0);
  if (ImGui::Button(tr(g.lang, "sql.run"))) submit_sql();
  record_rect("sql.run");
  ImGui::EndDisabled();
  if (!g.history.empty()) {   // the queries run so far, newest first: one click puts one back in the editor
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x * 0.5f, 320 * g.dpr));
    if (ImGui::BeginCombo("##history", tr(g.lang, "sql.history"), ImGuiComboFlags_HeightLarge)) {
      for (size_t i = g.history.size(); i-- > 0;) {
        std::string one_line = g.history[i].substr(0, 120);
        for (char& c : one_line) if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        ImGui::PushID(int(i));
        if (ImGui::Selectable(one_line.c_str())) std::snprintf(g.sql, sizeof g.sql, "%s", g.history[i].c_str());
        ImGui::PopID();
      }
      ImGui::EndCombo();
    }
    record_rect("sql.history");
  }
  ImGui::SameLine();
  if (!g.duck_ready) ImGui::TextColored(k_dim, "%s", tr(g.lang, g.duck_error.empty() ? "sql.wait_engine" : "status.duck_error"));
  else if (g.sql_request) ImGui::TextColored(k_dim, "%s", tr(g.lang, "sql.running"));
  ImGui::Separator();
  draw_result_grid();
}

void draw_status_line(ImVec2 pos, ImVec2 size) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  ImGui::Begin("##status", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImGui::TextColored(k_green, "%s", tr(g.lang, "status.private"));
  ImGui::SameLine();
  const char* duck = g.duck_ready ? "status.duck_ready" : (g.duck_error.empty() ? "status.duck_starting" : "status.duck_error");
  ImGui::TextColored(g.duck_ready ? k_dim : (g.duck_error.empty() ? k_amber : k_red), "· %s%s%s", tr(g.lang, duck),
                     g.duck_ready ? " — DuckDB " : "", g.duck_ready ? g.duck_version.c_str() : "");
  std::string samples;   // every sample persona loaded, once each
  for (const auto& src : g.sources)
    if (src.sample) {
      const std::string name = src.sample_name.in(g.lang);
      if (samples.find(name) != std::string::npos) continue;
      samples += (samples.empty() ? "" : ", ") + name;
    }
  if (!samples.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(k_amber, "· %s%s%s", tr(g.lang, "sample.status"), colon(), samples.c_str());
  }
  if (g.has_undo) {
    ImGui::SameLine();
    ImGui::TextColored(k_amber, "· %s %s", quote_ui(g.undo_name).c_str(), tr(g.lang, "undo.removed"));
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(g.lang, "undo.button"))) sdw::platform::undo_remove();
    record_rect("undo");
  }
  if (g.persist_on || g.persist_locked) {
    ImGui::SameLine();
    ImGui::TextColored(g.persist_on ? k_green : k_dim, "· %s", tr(g.lang, g.persist_on ? "persist.on" : "persist.locked"));
  }
  if (g.wiping) {
    ImGui::SameLine();
    ImGui::TextColored(k_amber, "· %s", tr(g.lang, "workshop.wiping"));
  }
  if (g.last_export.has) {
    ImGui::SameLine();
    if (g.last_export.ok)
      ImGui::TextColored(k_dim, "· %s %s (%s)", tr(g.lang, "export.saved"), quote_ui(g.last_export.file).c_str(),
                         sdw::format_bytes(g.lang, g.last_export.bytes).c_str());
    else
      ImGui::TextColored(k_red, "· %s", g.last_export.error.in(g.lang).c_str());
  }
  ImGui::End();
  ImGui::PopStyleVar();
}

void draw_end_session_modal() {
  if (g.confirm_end) { ImGui::OpenPopup("##end_session"); g.confirm_end = false; }
  ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(io.DisplaySize.x * 0.9f, 560 * g.dpr), 0));
  if (!ImGui::BeginPopupModal("##end_session", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize)) return;
  ImGui::TextColored(k_amber, "%s", tr(g.lang, "workshop.confirm_title"));
  ImGui::Spacing();
  ImGui::TextWrapped("%s", tr(g.lang, "workshop.confirm_text"));
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.62f, 0.18f, 0.16f, 1.0f));
  if (ImGui::Button(tr(g.lang, "workshop.confirm_yes"), ImVec2(220 * g.dpr, 0))) { sdw::platform::end_session(); ImGui::CloseCurrentPopup(); }
  record_rect("workshop.confirm_yes");
  ImGui::PopStyleColor();
  ImGui::SameLine();
  if (ImGui::Button(tr(g.lang, "workshop.confirm_no"), ImVec2(160 * g.dpr, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  record_rect("workshop.confirm_no");
  ImGui::EndPopup();
}

void draw_ui() {
  draw_menu_bar();
  draw_end_session_modal();
  ImGuiIO& io = ImGui::GetIO();
  const float top = ImGui::GetFrameHeight();
  const float status_h = ImGui::GetFrameHeight() + 6 * g.dpr;
  const float pad = 6 * g.dpr;
  const float W = io.DisplaySize.x, H = io.DisplaySize.y - top - status_h;
  if (W / g.dpr >= 900) {   // side by side
    float left = std::floor(W * 0.42f);
    draw_sources(ImVec2(pad, top + pad), ImVec2(left - 1.5f * pad, H - 2 * pad));
    draw_sql(ImVec2(left + 0.5f * pad, top + pad), ImVec2(W - left - 1.5f * pad, H - 2 * pad));
  } else {                  // narrow screens (tablets, phones): stacked
    float h1 = std::floor(H * 0.45f);
    draw_sources(ImVec2(pad, top + pad), ImVec2(W - 2 * pad, h1 - 1.5f * pad));
    draw_sql(ImVec2(pad, top + h1 + 0.5f * pad), ImVec2(W - 2 * pad, H - h1 - 1.5f * pad));
  }
  draw_status_line(ImVec2(0, io.DisplaySize.y - status_h), ImVec2(W, status_h));
  if (g.show_viz_demo) {
    ImGui::SetNextWindowPos(ImVec2(W * 0.08f, top + 2 * pad), ImGuiCond_Appearing);
    sdw::viz_demo_window(g.lang, &g.show_viz_demo);
  }
  draw_guide_windows();   // over the panels
  sdw::donate::draw_window(g.lang, g.views, ready_rows());
}

// ---------------------------------------------------------------- [SECTION] Main loop
void frame() {
  // HiDPI: the canvas backing store is CSS size × devicePixelRatio (web/main.js); ImGui works in
  // device pixels with fonts rasterised at that size, so text stays crisp.
  float dpr = (float)sdw::platform::device_pixel_ratio();
  const bool dpr_changed = std::fabs(dpr - g.dpr) > 0.01f;
  if (dpr_changed || g.restyle) {
    g.dpr = dpr;
    g.restyle = false;
    load_fonts(dpr * g.text_scale);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    apply_style(dpr * g.text_scale);
    if (dpr_changed) sdw::platform::fit_canvas();   // a zoom or a move to another screen changed the pixel ratio
  }
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  g.rects.clear();
  draw_ui();
  ImGui::Render();
  int fw, fh;
  glfwGetFramebufferSize(g.window, &fw, &fh);
  glViewport(0, 0, fw, fh);
  glClearColor(0.09f, 0.10f, 0.12f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  sdw::dash::PngRequest png;
  if (sdw::dash::take_png_request(png))   // the frame is still in the drawing buffer
    sdw::platform::save_png(png.name.c_str(), (int)png.x0, (int)png.y0, (int)(png.x1 - png.x0), (int)(png.y1 - png.y0));
  if (++g.frames == 1) sdw::platform::first_frame();
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] Exports to JS
extern "C" {

// Full state snapshot from web/main.js (sources, DuckDB status, language), as JSON.
EMSCRIPTEN_KEEPALIVE void app_set_state(const char* state_json) {
  json j = json::parse(state_json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return;
  try { apply_state(j); } catch (const std::exception& e) { std::fprintf(stderr, "app_set_state: %s\n", e.what()); }
}

// The basemap file's bytes (web/main.js fetches basemap.bin once); returns 1 when it was read.
EMSCRIPTEN_KEEPALIVE int app_set_basemap(const uint8_t* bytes, int n) {
  std::string err;
  sdw::Basemap b;
  if (!sdw::parse_basemap(std::span<const uint8_t>(bytes, size_t(std::max(0, n))), b, err)) {
    std::fprintf(stderr, "basemap: %s\n", err.c_str());
    return 0;
  }
  sdw::shared_basemap() = std::move(b);
  return 1;
}

// Answer to platform::run_sql(request_id): {ok, columns:[{name,type}], rows:[[…]], total, ms} or {ok:false, error}.
// Answer to platform::fetch_columns(): {ok, columns:[{name,type}], data:[[…column 0…], …], rows}.
EMSCRIPTEN_KEEPALIVE void app_columns_result(int request_id, const char* result_json) {
  if (sdw::donate::on_columns(request_id, result_json)) return;
  sdw::dash::on_columns(request_id, result_json);
}

EMSCRIPTEN_KEEPALIVE void app_sql_result(int request_id, const char* result_json) {
  if (request_id != g.sql_request) return;   // a stale answer
  g.sql_request = 0;
  SqlResult r;
  r.has = true;
  json j = json::parse(result_json, nullptr, false);
  if (j.is_discarded()) { r.error = "invalid result"; g.result = std::move(r); return; }
  r.ok = j.value("ok", false);
  if (!r.ok) { r.error = j.value("error", ""); g.result = std::move(r); return; }
  for (const auto& c : j["columns"]) { r.names.push_back(c.value("name", "")); r.types.push_back(c.value("type", "")); }
  for (const auto& row : j["rows"]) {
    std::vector<std::string> cells;
    cells.reserve(row.size());
    for (const auto& v : row) cells.push_back(cell_text(v));
    r.cells.push_back(std::move(cells));
  }
  r.total = j.value("total", (uint64_t)r.cells.size());
  r.truncated = j.value("truncated", false);
  r.ms = j.value("ms", 0.0);
  g.result = std::move(r);
}

// Bench mode of the charts demo (bench/frames.cjs): kind 0 = off, 1 = timeline of n points, 2 = map density
// of n points; the demo window opens on it. n comes from JS as a number.
EMSCRIPTEN_KEEPALIVE void app_demo_bench(int kind, double n, int decimate) {
  sdw::viz_demo_set_bench(kind, static_cast<int64_t>(n), decimate != 0);
  if (kind != 0) g.show_viz_demo = true;
}

// What the UI shows, for tests: the C++ side's view, not the JS state.
EMSCRIPTEN_KEEPALIVE const char* app_ui_state() {
  static std::string out;
  json j = {{"lang", sdw::lang_code(g.lang)}, {"frames", g.frames}, {"fonts_ok", g.fonts_ok}, {"dpr", g.dpr},
            {"duck_ready", g.duck_ready}, {"sources", json::array()}, {"sql_pending", g.sql_request != 0}, {"viz_demo", g.show_viz_demo}, {"sql_history", g.history.size()}, {"sql_text", std::string(g.sql)}, {"text_scale", g.text_scale}, {"high_contrast", g.high_contrast},
            {"demo_power", {{"t0", sdw::viz_demo_probe().power_t0}, {"t1", sdw::viz_demo_probe().power_t1},
                            {"rect", {sdw::viz_demo_probe().x0 / g.dpr, sdw::viz_demo_probe().y0 / g.dpr,
                                      sdw::viz_demo_probe().x1 / g.dpr, sdw::viz_demo_probe().y1 / g.dpr}}}}, {"guide", g.open_guide}, {"tab", g.active_tab},
            {"dashboards", sdw::dash::state_json()}, {"donation", sdw::donate::state_json()}, {"workshop", g.workshop}, {"undo", g.has_undo},
            {"display", {ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y}},
            {"demo_bench", {{"kind", sdw::viz_demo_probe().bench_kind}, {"n", sdw::viz_demo_probe().bench_n},
                            {"decimate", sdw::viz_demo_probe().bench_decimate}, {"drawn_points", sdw::viz_demo_probe().drawn_points}}}};
  for (const auto& [name, r] : g.rects) j["rects"][name] = {r.x, r.y, r.z, r.w};
  j["sql_text"] = g.sql;
  for (const auto& s : g.sources) {
    json e = json::array();
    for (const auto& en : s.entries) e.push_back({{"path", en.path}, {"format", en.format}, {"status", en.status}, {"rows", en.rows}});
    j["sources"].push_back({{"id", s.id}, {"name", s.name}, {"status", s.status}, {"rows", s.rows}, {"entries", e}, {"sample", s.sample}});
  }
  if (g.result.has) {
    j["sql"] = {{"ok", g.result.ok}, {"error", g.result.error}, {"columns", g.result.names}, {"types", g.result.types},
                {"rows_shown", g.result.cells.size()}, {"total", g.result.total}};
    if (!g.result.cells.empty()) j["sql"]["first_row"] = g.result.cells[0];
  }
  out = j.dump(-1, ' ', false, json::error_handler_t::replace);
  return out.c_str();
}

}  // extern "C"

int main() {
  if (!glfwInit()) { std::printf("glfwInit failed\n"); return 1; }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  int cw = 1280, ch = 800;
  emscripten_get_canvas_element_size("#canvas", &cw, &ch);
  g.window = glfwCreateWindow(cw, ch, "Self Data Workbench", nullptr, nullptr);
  if (!g.window) { std::printf("WebGL2 unavailable\n"); return 1; }
  glfwMakeContextCurrent(g.window);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  g.lang = sdw::lang_from_code(sdw::platform::initial_lang());
  g.dpr = (float)sdw::platform::device_pixel_ratio();
  sdw::dash::set_rect_recorder([](const std::string& name) { record_rect(name); });
  sdw::donate::set_rect_recorder([](const std::string& name) { record_rect(name); });
  load_fonts(g.dpr);
  apply_style(g.dpr);
  ImGui_ImplGlfw_InitForOpenGL(g.window, true);
  // Emscripten's GLFW passes the DOM wheel delta as is (pixels, positive = down); GLFW and Dear ImGui
  // mean one notch = 1, positive = up. web/main.js turns line and page deltas into pixels first.
  glfwSetScrollCallback(g.window, [](GLFWwindow* w, double dx, double dy) {
    ImGui_ImplGlfw_ScrollCallback(w, -dx / 100.0, -dy / 100.0);
  });
  ImGui_ImplOpenGL3_Init("#version 300 es");
  emscripten_set_main_loop(frame, 0, false);
  return 0;
}
