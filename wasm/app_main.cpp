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
#include <unordered_map>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "viz/a11y.h"
#include "viz/basemap.h"
#include "viz/demo_draw.h"
#include "viz/frame_pacer.h"
#include "wasm/app_dashboards.h"
#include "wasm/app_reveal.h"
#include "wasm/app_donation.h"
#include "viz/guides.h"
#include "viz/locale.h"
#include "wasm/app_platform.h"
#include "wasm/app_ui.h"
#include "parsers/core/parser.h"

// A long history draws more than 65 536 vertices in one window; WebGL2 cannot offset 16-bit indices.
static_assert(sizeof(ImDrawIdx) == 4, "build ImGui with ImDrawIdx=unsigned int (CMakeLists.txt)");

using json = nlohmann::json;
using sdw::tr;
namespace a11y = sdw::a11y;

namespace {

// ---------------------------------------------------------------- [SECTION] State pushed from JS
struct Text2 {            // a message in both languages
  std::string fr, en;
  const std::string& in(sdw::Lang l) const { return l == sdw::Lang::En ? en : fr; }
};

struct SourceTable { std::string name; uint64_t rows = 0; std::vector<std::pair<std::string, std::string>> columns; };
struct SourceMsg { Text2 text, advice; uint64_t line = 0, offset = 0; bool has_loc = false, info = false; };

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
  bool ok = false, has = false, truncated = false, cancelled = false;
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
  bool classroom = false;      // ?classe: sample data only, the person's own files are never opened
  std::string notice_fr, notice_en;   // what the page refused and why (state.notice), shown above the tab
  bool persist_on = false, persist_locked = false;   // encrypted workspace (web/persist.js)
  bool has_undo = false;
  std::string undo_name;
  std::vector<std::string> views;   // merged domain views present (trips, energy_readings…)
  std::vector<Persona> personas;
  std::string open_tab_prev;                  // the persona tab last named by the page
  std::string tab_request;   // a tab to bring to the front at the next frame (persona, new data); kept until it exists
  // The answer that opened by itself for the latest drop (web/main.js numbers each drop or file choice):
  // when one drop brings a second kind of data, Home lists every answer instead; a tab the user picks wins.
  int64_t auto_batch = -1;
  std::set<std::string> auto_tabs;
  bool user_chose_tab = false;
  struct { bool has = false, ok = false; std::string file; double bytes = 0; Text2 error; } last_export;
  char sql[16 * 1024] = "SELECT 42 AS reponse, 'données locales' AS ou;";
  int sql_request = 0;         // id of the request in flight (0: none)
  double sql_started = 0;      // ImGui time it was sent
  bool sql_cancelling = false; // "Annuler la requête" pressed, the answer not back yet
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
  int theme = 0;                // comfort: 0 light (default), 1 dark, 2 high contrast (black, white, bright borders)
  ImFont* font_big = nullptr;   // the answer sentence
  bool sources_collapsed = false;   // the Sources panel folded to a strip
  std::vector<std::pair<int, std::string>> seen_status;   // source id -> last status announced
  bool restyle = false;         // fonts and style to rebuild before the next frame
  bool show_guides = false;
  std::string active_tab = "home";
  std::string open_guide;           // id of the guide shown in its window
  std::vector<std::pair<std::string, ImVec4>> rects;   // named widget rectangles, for the test API
  sdw::FramePacer pacer;        // draw only when something changed (viz/frame_pacer.h)
  int fb_w = 0, fb_h = 0;       // framebuffer size of the last drawn frame
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
    if (g.lang == sdw::Lang::Fr)   // the grid follows the UI language: decimal comma in French
      for (char* c = buf; *c; ++c) if (*c == '.') *c = ',';
    return buf;
  }
  return v.dump();
}

SourceMsg msg_from(const json& j) {
  SourceMsg m;
  m.text.fr = j.value("fr", "");
  m.text.en = j.value("en", "");
  if (j.contains("line")) { m.has_loc = true; m.line = j.value("line", 0ULL); m.offset = j.value("offset", 0ULL); }
  m.info = j.value("info", false);
  if (j.contains("advice") && j["advice"].is_object()) m.advice = {j["advice"].value("fr", ""), j["advice"].value("en", "")};
  return m;
}

const char* tab_for_view(const std::string& v);
std::vector<int>& pending_announcements() { static std::vector<int> ids; return ids; }

void apply_state(const json& j) {
  if (j.contains("lang")) g.lang = sdw::lang_from_code(j["lang"].get<std::string>());
  const auto& d = j["duck"];
  g.duck_ready = d.value("ready", false);
  g.duck_error = d["error"].is_string() ? d["error"].get<std::string>() : "";
  g.duck_version = d["version"].is_string() ? d["version"].get<std::string>() : "";
  g.workshop = j.value("workshop", false);
  g.classroom = j.value("classroom", false);
  g.notice_fr = g.notice_en = "";
  if (j.contains("notice") && j["notice"].is_object()) {
    g.notice_fr = j["notice"].value("fr", "");
    g.notice_en = j["notice"].value("en", "");
  }
  g.personas.clear();
  if (j.contains("personas") && j["personas"].is_array())
    for (const auto& p : j["personas"])
      g.personas.push_back({p.value("id", ""), p.value("challenge", ""), {p.value("name_fr", ""), p.value("name_en", "")},
                            {p.value("description_fr", ""), p.value("description_en", "")}});
  // A persona names its tab once; while its files load the user may still pick another tab.
  {
    const std::string open_tab = j.contains("open_tab") && j["open_tab"].is_string() ? j["open_tab"].get<std::string>() : "";
    if (!open_tab.empty() && open_tab != g.open_tab_prev) g.tab_request = open_tab;
    g.open_tab_prev = open_tab;
  }
  g.views.clear();
  if (j.contains("views") && j["views"].is_array())
    for (const auto& v : j["views"]) if (v.is_string()) g.views.push_back(v.get<std::string>());
  // After a drop, its answer opens by itself: the dashboard of what the dropped files hold, or Home when
  // they answer several questions (Home lists every answer). A persona names its own tab; a tab the user
  // picks while the files load is kept.
  {
    int64_t drop = 0;
    const bool sources = j.contains("sources") && j["sources"].is_array();
    if (sources)
      for (const auto& s : j["sources"]) drop = std::max<int64_t>(drop, s.value("drop", int64_t{0}));
    std::set<std::string> tabs;   // questions the latest drop's files answer so far
    if (sources)
      for (const auto& s : j["sources"])
        if (s.value("drop", int64_t{0}) == drop && s.value("status", "") == "ready" && s.contains("tables") && s["tables"].is_array())
          for (const auto& t : s["tables"]) {
            if (const char* tab = tab_for_view(t.value("domain", ""))) tabs.insert(tab);
            std::vector<std::string> cols;   // GPX/KML tracks belong to no domain: they answer mobility too
            if (t.contains("columns") && t["columns"].is_array())
              for (const auto& c : t["columns"]) cols.push_back(c.is_object() ? c.value("name", "") : "");
            if (t.value("domain", "").empty() && sdw::dash::is_track_table(cols, nullptr)) tabs.insert("mobility");
          }
    if (drop != g.auto_batch) { g.auto_batch = drop; g.auto_tabs.clear(); g.user_chose_tab = false; }
    if (j.contains("open_tab") && j["open_tab"].is_string()) g.user_chose_tab = true;
    if (!tabs.empty() && tabs != g.auto_tabs && !g.user_chose_tab) {
      g.tab_request = tabs.size() == 1 ? *tabs.begin() : "home";
      g.auto_tabs = tabs;
    }
  }
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
  std::vector<sdw::dash::TrackTable> tracks;
  std::vector<std::string> aggregates;   // a city's aggregate files (donation format) for the mobility comparison
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
      // GPX/KML track tables of ready files, for the mobility dashboard (with each GPX track's <type>)
      std::vector<std::string> names;
      for (const auto& [n, ty] : st.columns) names.push_back(n);
      bool kml = false;
      if (x.status == "ready" && t.value("domain", "").empty() && sdw::dash::is_track_table(names, &kml)) {
        sdw::dash::TrackTable tt{st.name, kml, {}};
        std::map<std::string, std::string> name_of, type_of;   // "track.N" -> name / type
        if (t.contains("meta") && t["meta"].is_array())
          for (const auto& m : t["meta"])
            if (m.is_array() && m.size() == 2 && m[0].is_string() && m[1].is_string()) {
              const std::string k = m[0].get<std::string>();
              if (k.size() > 5 && k.compare(k.size() - 5, 5, ".name") == 0) name_of[k.substr(0, k.size() - 5)] = m[1].get<std::string>();
              if (k.size() > 5 && k.compare(k.size() - 5, 5, ".type") == 0) type_of[k.substr(0, k.size() - 5)] = m[1].get<std::string>();
            }
        for (const auto& [stem, type] : type_of)
          if (name_of.count(stem)) tt.types.emplace_back(name_of[stem], type);
        tracks.push_back(std::move(tt));
      }
      if (x.status == "ready" && t.value("domain", "").empty() && sdw::dash::is_aggregate_table(names)) aggregates.push_back(st.name);
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
  sdw::dash::set_track_tables(std::move(tracks));
  sdw::dash::set_aggregate_tables(std::move(aggregates));
  // the live region hears each file's start, end and failure once
  for (const auto& src : g.sources) {
    auto it = std::find_if(g.seen_status.begin(), g.seen_status.end(), [&](const auto& p) { return p.first == src.id; });
    if (it != g.seen_status.end() && it->second == src.status) continue;
    if (it == g.seen_status.end()) g.seen_status.emplace_back(src.id, src.status);
    else it->second = src.status;
    pending_announcements().push_back(src.id);
  }
}

// ---------------------------------------------------------------- [SECTION] Fonts and scaling
void load_fonts(float dpr) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // Latin-1 + Latin Extended-A/B (œ Œ ÿ ł ő…), general punctuation (— – ’ “ ” « » …), sub/superscripts (CO₂), €,
  // arrows, math, shapes (⚠ ✓ ✕ ● ▲).
  static const ImWchar ranges[] = {0x0020, 0x024F, 0x2000, 0x206F, 0x2070, 0x209F, 0x20AC, 0x20AC, 0x2190, 0x21FF,
                                   0x2200, 0x22FF, 0x2300, 0x23FF, 0x25A0, 0x26FF, 0x2700, 0x27BF, 0};
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  g.font_ui = io.Fonts->AddFontFromFileTTF("/fonts/DejaVuSans.ttf", std::round(16.0f * dpr), &cfg, ranges);
  g.font_mono = io.Fonts->AddFontFromFileTTF("/fonts/DejaVuSansMono.ttf", std::round(15.0f * dpr), &cfg, ranges);
  g.font_big = io.Fonts->AddFontFromFileTTF("/fonts/DejaVuSans.ttf", std::round(23.0f * dpr), &cfg, ranges);
  g.fonts_ok = g.font_ui && g.font_mono && g.font_big;
  if (!g.font_ui) g.font_ui = io.Fonts->AddFontDefault();
  if (!g.font_mono) g.font_mono = g.font_ui;
  if (!g.font_big) g.font_big = g.font_ui;
  io.FontDefault = g.font_ui;
}

// Colours of text that depend on the theme (all at least 4.5:1 on their window background).
ImVec4 k_red, k_amber, k_green, k_dim, k_accent;

void apply_style(float dpr) {
  ImGuiStyle& st = ImGui::GetStyle();
  st = ImGuiStyle();
  st.WindowRounding = 6;
  st.FrameRounding = 4;
  st.GrabRounding = 4;
  st.WindowPadding = ImVec2(12, 10);
  st.FramePadding = ImVec2(8, 5);
  st.ItemSpacing = ImVec2(10, 7);
  st.ScrollbarSize = 16;
  if (g.theme == 2) {   // high contrast: pure black and white, visible borders, yellow focus
    ImGui::StyleColorsDark(&st);
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
    st.Colors[ImGuiCol_Header] = ImVec4(0.1f, 0.4f, 0.9f, 0.8f);
    st.FrameBorderSize = 1;
    st.WindowBorderSize = 2;
    k_red = ImVec4(1, 0.55f, 0.5f, 1); k_amber = ImVec4(1, 0.85f, 0.3f, 1); k_green = ImVec4(0.5f, 1, 0.6f, 1);
    k_dim = ImVec4(0.85f, 0.85f, 0.85f, 1); k_accent = ImVec4(0.6f, 0.85f, 1, 1);
  } else if (g.theme == 1) {   // dark
    ImGui::StyleColorsDark(&st);
    st.Colors[ImGuiCol_WindowBg] = ImVec4(0.12f, 0.135f, 0.16f, 1.0f);
    st.Colors[ImGuiCol_Header] = ImVec4(0.22f, 0.36f, 0.55f, 0.55f);
    k_red = ImVec4(1.0f, 0.45f, 0.42f, 1.0f); k_amber = ImVec4(1.0f, 0.78f, 0.35f, 1.0f); k_green = ImVec4(0.45f, 0.85f, 0.55f, 1.0f);
    k_dim = ImVec4(0.68f, 0.71f, 0.75f, 1.0f); k_accent = ImVec4(0.55f, 0.78f, 1.0f, 1.0f);
  } else {   // light, the default for a general public: dark ink on a warm white
    ImGui::StyleColorsLight(&st);
    st.Colors[ImGuiCol_Text] = ImVec4(0.09f, 0.10f, 0.12f, 1);
    st.Colors[ImGuiCol_TextDisabled] = ImVec4(0.36f, 0.37f, 0.40f, 1);
    st.Colors[ImGuiCol_WindowBg] = ImVec4(0.985f, 0.98f, 0.97f, 1);
    st.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    st.Colors[ImGuiCol_PopupBg] = ImVec4(1, 1, 1, 0.98f);
    st.Colors[ImGuiCol_MenuBarBg] = ImVec4(0.93f, 0.93f, 0.91f, 1);
    st.Colors[ImGuiCol_Border] = ImVec4(0.55f, 0.55f, 0.55f, 0.45f);
    st.Colors[ImGuiCol_FrameBg] = ImVec4(0.92f, 0.92f, 0.90f, 1);
    st.Colors[ImGuiCol_Button] = ImVec4(0.84f, 0.89f, 0.96f, 1);
    st.Colors[ImGuiCol_ButtonHovered] = ImVec4(0.70f, 0.80f, 0.95f, 1);
    st.Colors[ImGuiCol_ButtonActive] = ImVec4(0.55f, 0.70f, 0.93f, 1);
    st.Colors[ImGuiCol_Tab] = ImVec4(0.86f, 0.88f, 0.91f, 1);
    st.Colors[ImGuiCol_TabHovered] = ImVec4(0.70f, 0.80f, 0.95f, 1);
    st.Colors[ImGuiCol_TabActive] = ImVec4(0.98f, 0.98f, 0.97f, 1);
    st.Colors[ImGuiCol_Header] = ImVec4(0.75f, 0.84f, 0.96f, 0.8f);
    st.Colors[ImGuiCol_TitleBg] = st.Colors[ImGuiCol_TitleBgActive] = ImVec4(0.88f, 0.90f, 0.94f, 1);
    st.WindowBorderSize = 1;
    k_red = ImVec4(0.70f, 0.08f, 0.06f, 1); k_amber = ImVec4(0.55f, 0.33f, 0.0f, 1); k_green = ImVec4(0.05f, 0.42f, 0.18f, 1);
    k_dim = ImVec4(0.33f, 0.34f, 0.37f, 1); k_accent = ImVec4(0.04f, 0.30f, 0.62f, 1);
  }
  st.ScaleAllSizes(dpr);
}

// ---------------------------------------------------------------- [SECTION] Panels

std::string where_text(const SourceMsg& m) {
  if (!m.has_loc) return "";
  std::string s = " (";
  if (m.line) s += std::string(tr(g.lang, "where.line")) + " " + sdw::format_count(g.lang, m.line) + ", ";
  s += std::string(tr(g.lang, "where.offset")) + " " + sdw::format_count(g.lang, m.offset) + ")";
  return s;
}

// Typography of the UI language: « x » and "a : b" in French, “x” and "a: b" in English.
std::string quote_ui(const std::string& x) { return g.lang == sdw::Lang::Fr ? "«\u00A0" + x + "\u00A0»" : "“" + x + "”"; }
const char* colon() { return g.lang == sdw::Lang::Fr ? "\u00A0: " : ": "; }

void submit_sql() {
  if (!g.duck_ready || g.sql_request) return;
  std::string q(g.sql);
  if (q.find_first_not_of(" \t\r\n") == std::string::npos) return;
  if (g.history.empty() || g.history.back() != q) g.history.push_back(q);
  g.sql_request = ++g.sql_last_id;
  g.sql_started = ImGui::GetTime();
  g.sql_cancelling = false;
  sdw::platform::run_sql(g.sql_request, g.sql);
}

void cancel_sql() {
  if (!g.sql_request || g.sql_cancelling) return;
  g.sql_cancelling = true;
  sdw::platform::cancel_sql();
}

void draw_menu_bar() {
  if (!ImGui::BeginMainMenuBar()) return;
  a11y::push("banner", "banner", tr(g.lang, "app.title"));
  const bool wide = ImGui::GetIO().DisplaySize.x / g.dpr >= 1500;   // room for the tagline and badges
  // With large text on a small screen the bar may not hold everything: the title goes first, then the
  // buttons of lowest priority move into a "⋯" menu; "Ouvrir des fichiers", the workshop button and the
  // right-hand group (text size, theme, language) always stay on the bar. The charts demo lives in "⋯".
  const ImGuiStyle& st = ImGui::GetStyle();
  auto button_w = [&](const char* key) { return ImGui::CalcTextSize(tr(g.lang, key)).x + st.FramePadding.x * 2 + st.ItemSpacing.x; };
  const float right_w = ImGui::CalcTextSize("A− A+ ◐ FR EN").x + st.FramePadding.x * 10 + st.ItemSpacing.x * 5 +
                        (g.workshop ? button_w("workshop.end") + st.ItemSpacing.x * 2 : 0);
  struct MenuButton { const char* key; const char* rect; void (*act)(); };
  static const MenuButton k_buttons[] = {   // by priority
      {"menu.help", "menu.help", [] { g.show_guides = !g.show_guides; }},
      {"donate.menu", "menu.donate", [] { sdw::donate::toggle(); }},
      {"menu.open_folder", "menu.open_folder", [] { sdw::platform::open_files(true); }},
  };
  const float more_w = ImGui::CalcTextSize("⋯").x + st.FramePadding.x * 2 + st.ItemSpacing.x * 2;
  const float avail = ImGui::GetIO().DisplaySize.x - st.WindowPadding.x * 2 - right_w - button_w("menu.open") - more_w;
  float used = 0;
  size_t shown = 0;
  for (const auto& b : k_buttons) {
    if (used + button_w(b.key) > avail) break;
    used += button_w(b.key);
    shown++;
  }
  const float title_w = ImGui::CalcTextSize(tr(g.lang, "app.title")).x + st.ItemSpacing.x * 2;
  if (shown == std::size(k_buttons) && used + title_w <= avail) {
    ImGui::TextColored(k_accent, "%s", tr(g.lang, "app.title"));
    if (wide) ImGui::TextDisabled("— %s", tr(g.lang, "app.tagline"));
    ImGui::Separator();
  }
  if (g.classroom) {   // sample data only: no way to open one's own files, and it says so
    ImGui::TextColored(k_amber, "%s", tr(g.lang, "classroom.badge"));
    a11y::text(tr(g.lang, "classroom.badge"));
  } else {
    if (sdw::ui::button(tr(g.lang, "menu.open"), "menu.open", tr(g.lang, "menu.open")))
      sdw::platform::open_files(false);
    record_rect("menu.open");
  }
  // the bar's order stays the same whatever fits: folder, help, donate
  static const size_t k_order[] = {2, 0, 1};
  for (size_t i : k_order) {
    if (i >= shown || (g.classroom && i == 2)) continue;
    if (sdw::ui::button(tr(g.lang, k_buttons[i].key), k_buttons[i].rect, tr(g.lang, k_buttons[i].key))) k_buttons[i].act();
    record_rect(k_buttons[i].rect);
  }
  const bool more_open = ImGui::BeginMenu("⋯###more");
  record_rect("menu.more");
  if (more_open) {
    for (size_t i : k_order)
      if (i >= shown && !(g.classroom && i == 2)) {
        if (ImGui::MenuItem(tr(g.lang, k_buttons[i].key))) k_buttons[i].act();
        record_rect(k_buttons[i].rect);
      }
    if (ImGui::MenuItem(tr(g.lang, "menu.charts_demo"), nullptr, g.show_viz_demo)) g.show_viz_demo = !g.show_viz_demo;
    record_rect("menu.charts_demo");
    // the encrypted workspace is reachable before any file is open (to import an exported one)
    if (ImGui::MenuItem(tr(g.lang, "persist.button"))) sdw::platform::open_persistence();
    record_rect("menu.persist");
    ImGui::EndMenu();
  }
  for (size_t i : k_order)   // the accessible layer offers every action, whether it is on the bar or in "⋯"
    if (i >= shown && !(g.classroom && i == 2) && sdw::ui::ax(k_buttons[i].rect, tr(g.lang, k_buttons[i].key))) k_buttons[i].act();
  if (sdw::ui::ax("menu.charts_demo", tr(g.lang, "menu.charts_demo"), "toggle", g.show_viz_demo)) g.show_viz_demo = !g.show_viz_demo;
  if (sdw::ui::ax("menu.persist", tr(g.lang, "persist.button"))) sdw::platform::open_persistence();
  if (g.workshop) {
    ImGui::Separator();
    if (wide) ImGui::TextColored(k_amber, "%s", tr(g.lang, "workshop.badge"));
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.62f, 0.18f, 0.16f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.75f, 0.24f, 0.2f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    if (sdw::ui::button(tr(g.lang, "workshop.end"), "workshop.end", tr(g.lang, "workshop.end"))) g.confirm_end = true;
    record_rect("workshop.end");
    ImGui::PopStyleColor(3);
  }
  const ImGuiStyle& style = ImGui::GetStyle();
  float w = ImGui::CalcTextSize("A− A+ ◐ FR EN").x + style.FramePadding.x * 10 + style.ItemSpacing.x * 5;
  ImGui::SameLine();
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowWidth() - w - style.WindowPadding.x));
  // Comfort: text size and theme (rebuilt between frames).
  static const float k_scales[] = {0.85f, 1.0f, 1.15f, 1.3f, 1.5f, 1.75f};
  int si = 0;
  while (si < 5 && k_scales[si] < g.text_scale - 0.01f) si++;
  if ((sdw::ui::button("A−", "comfort.smaller", tr(g.lang, "comfort.smaller"))) && si > 0) { g.text_scale = k_scales[si - 1]; g.restyle = true; }
  record_rect("comfort.smaller");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(g.lang, "comfort.smaller"));
  ImGui::SameLine();
  if ((sdw::ui::button("A+", "comfort.larger", tr(g.lang, "comfort.larger"))) && si < 5) { g.text_scale = k_scales[si + 1]; g.restyle = true; }
  record_rect("comfort.larger");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(g.lang, "comfort.larger"));
  ImGui::SameLine();
  // ◐ cycles light → dark → high contrast → light
  static const char* k_theme_keys[] = {"comfort.theme_light", "comfort.theme_dark", "comfort.contrast"};
  const std::string theme_tip = std::string(tr(g.lang, "comfort.theme")) + colon() + tr(g.lang, k_theme_keys[g.theme]);
  if (sdw::ui::button("◐", "comfort.contrast", theme_tip)) { g.theme = (g.theme + 1) % 3; g.restyle = true; }
  record_rect("comfort.contrast");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", theme_tip.c_str());
  ImGui::SameLine();
  for (sdw::Lang l : {sdw::Lang::Fr, sdw::Lang::En}) {
    bool active = g.lang == l;
    if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
    const bool clicked = ImGui::Button(l == sdw::Lang::Fr ? "FR" : "EN");
    const bool from_dom = sdw::ui::ax(std::string("lang.") + sdw::lang_code(l), l == sdw::Lang::Fr ? "Français" : "English", "toggle", active);
    if ((clicked || from_dom) && !active) {
      g.lang = l;
      sdw::platform::set_lang(sdw::lang_code(l));
    }
    record_rect(std::string("lang.") + sdw::lang_code(l));
    if (active) ImGui::PopStyleColor();
    ImGui::SameLine();
  }
  a11y::pop();
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

// A format id in words ("google_android" -> "Google Maps Chronologie (export Android…)").
std::string format_words(const std::string& id) {
  if (id.empty()) return "—";
  if (const sdw::FormatInfo* f = sdw::find_format(id)) return g.lang == sdw::Lang::En ? f->label_en : f->label_fr;
  return id;
}

// What a person should read about a source, in one word: reading / ready / ready with notes / nothing read / error.
enum class Shown { Waiting, Reading, Ready, ReadyNotes, Nothing, Error, Cancelled };
Shown shown_status(const Source& s) {
  if (s.status == "queued") return Shown::Waiting;
  if (s.status == "reading" || s.status == "loading" || s.status == "cancelling") return Shown::Reading;
  if (s.status == "error") return Shown::Error;
  if (s.status == "cancelled") return Shown::Cancelled;
  if (s.rows == 0) return Shown::Nothing;
  size_t problems = 0;
  for (const auto& w : s.warnings) problems += !w.info;
  for (const auto& e : s.entries) problems += e.has_error;
  return problems ? Shown::ReadyNotes : Shown::Ready;
}
const char* shown_key(Shown v) {
  switch (v) {
    case Shown::Waiting: return "status.queued";
    case Shown::Reading: return "status.reading";
    case Shown::Ready: return "status.ready";
    case Shown::ReadyNotes: return "status.ready_notes";
    case Shown::Nothing: return "status.nothing";
    case Shown::Error: return "status.error";
    case Shown::Cancelled: return "status.cancelled";
  }
  return "status.ready";
}
ImVec4 shown_color(Shown v) {
  switch (v) {
    case Shown::Ready: return k_green;
    case Shown::ReadyNotes: case Shown::Nothing: return k_amber;
    case Shown::Error: return k_red;
    default: return k_dim;
  }
}

// One message, wrapped: its text and where; the advice under it, indented.
void draw_message(const SourceMsg& m, const ImVec4& col, const char* kind) {
  const std::string text = m.text.in(g.lang) + where_text(m);
  ImGui::PushStyleColor(ImGuiCol_Text, col);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
  a11y::text(text, kind);
  if (!m.advice.fr.empty()) {
    ImGui::Indent();
    ImGui::TextWrapped("→ %s", m.advice.in(g.lang).c_str());
    ImGui::Unindent();
    a11y::text(std::string(tr(g.lang, "sources.advice")) + colon() + m.advice.in(g.lang), "note");
  }
}

void draw_source_details(const Source& s) {
  ImGui::Separator();
  ImGui::PushTextWrapPos(0);
  ImGui::TextWrapped("%s", s.name.c_str());
  a11y::push("region", "details", s.name);
  // the important sentence first: the error, else the problems, then the notes; technical details last
  const Shown v = shown_status(s);
  if (s.has_error) draw_message(s.error, k_red, "error");
  if (v == Shown::Nothing && !s.has_error) {
    SourceMsg none;
    none.text = {tr(sdw::Lang::Fr, "sources.nothing_read"), tr(sdw::Lang::En, "sources.nothing_read")};
    draw_message(none, k_amber, "warning");
  }
  for (const auto& w : s.warnings)
    if (!w.info) draw_message(w, k_amber, "warning");
  for (const auto& e : s.entries)
    if (e.has_error) {
      SourceMsg m = e.error;
      m.text.fr = e.path + "\u00A0: " + m.text.fr;
      m.text.en = e.path + ": " + m.text.en;
      draw_message(m, k_red, "error");
    }
  for (const auto& w : s.warnings)
    if (w.info) draw_message(w, k_dim, "note");
  if (!s.format.empty()) {
    const std::string f = std::string(tr(g.lang, "sources.col_format")) + colon() + format_words(s.format);
    ImGui::TextDisabled("%s", f.c_str());
    a11y::text(f);
  }
  if (ImGui::CollapsingHeader(tr(g.lang, "sources.technical"))) {
    if (!s.encoding.empty()) ImGui::TextDisabled("%s%s%s", tr(g.lang, "sources.encoding"), colon(), s.encoding.c_str());
    if (s.parse_ms > 0)
      ImGui::TextDisabled("%s %s · %s %s", tr(g.lang, "sources.read_in"), sdw::format_duration_ms(g.lang, s.parse_ms).c_str(),
                          tr(g.lang, "sources.loaded_in"), sdw::format_duration_ms(g.lang, s.load_ms).c_str());
    for (const auto& t : s.tables) {
      ImGui::Text("%s %s — %s %s", tr(g.lang, "sources.table"), quote_ui(t.name).c_str(), sdw::format_count(g.lang, t.rows).c_str(),
                  tr(g.lang, t.rows == 1 ? "sql.row" : "sql.rows"));
      for (const auto& [n, ty] : t.columns) ImGui::BulletText("%s  (%s)", n.c_str(), ty.c_str());
      ImGui::PushID(t.name.c_str());
      draw_export_buttons("export.table." + t.name, [&](const char* f) { sdw::platform::export_table(t.name.c_str(), f); });
      ImGui::PopID();
    }
  }
  record_rect("sources.technical");
  a11y::pop();
  ImGui::PopTextWrapPos();
}

void draw_entry_row(const SourceEntry& e) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::Indent();
  ImGui::TextUnformatted(e.path.c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e.path.c_str());
  ImGui::Unindent();
  ImGui::TableNextColumn();
  const std::string key = "entry." + e.status;
  const ImVec4 col = e.status == "error" ? k_red : e.status == "ok" ? (e.warnings.empty() ? k_green : k_amber) : k_dim;
  std::string status = sdw::has_translation(key) ? tr(g.lang, key) : e.status;
  if (e.status == "ok") status = sdw::format_count(g.lang, e.rows) + " " + tr(g.lang, e.rows == 1 ? "sql.row" : "sql.rows");
  ImGui::TextColored(col, "%s", status.c_str());
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextUnformatted(format_words(e.format).c_str());
    if (e.has_error) ImGui::TextColored(k_red, "%s%s", e.error.text.in(g.lang).c_str(), where_text(e.error).c_str());
    for (const auto& w : e.warnings) ImGui::BulletText("%s%s", w.text.in(g.lang).c_str(), where_text(w).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
  a11y::text(e.path + " — " + format_words(e.format) + " — " + status +
             (e.has_error ? std::string(" — ") + e.error.text.in(g.lang) : std::string()));
  ImGui::TableNextColumn();
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

// The Sources panel: one row per file (and per entry of an archive), its status in one word and its
// progress; the selected file's messages (with advice) under the list. Folds to a narrow strip.
void draw_sources(ImVec2 pos, ImVec2 size) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  const std::string title = std::string(tr(g.lang, "sources.title")) + " (" + std::to_string(g.sources.size()) + ")###sources";
  ImGui::Begin(title.c_str(), nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                       (g.sources_collapsed ? ImGuiWindowFlags_NoTitleBar : 0));
  a11y::push("complementary", "sources", tr(g.lang, "sources.title"));
  if (g.sources_collapsed) {   // the strip: unfold, and one coloured dot per file
    if (sdw::ui::button("▶", "sources.unfold", tr(g.lang, "sources.unfold"), ImVec2(-1, 0))) g.sources_collapsed = false;
    record_rect("sources.unfold");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(g.lang, "sources.unfold"));
    for (const auto& src : g.sources) {
      const Shown v = shown_status(src);
      ImGui::TextColored(shown_color(v), "●");
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s — %s", src.name.c_str(), tr(g.lang, shown_key(v)));
    }
    a11y::pop();
    ImGui::End();
    return;
  }
  if (sdw::ui::button("◀", "sources.fold", tr(g.lang, "sources.fold"))) g.sources_collapsed = true;
  record_rect("sources.fold");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(g.lang, "sources.fold"));
  ImGui::SameLine();
  // The encrypted workspace sits with the sources it keeps.
  if (sdw::ui::button(tr(g.lang, "persist.button"), "persist.open", tr(g.lang, "persist.button"))) sdw::platform::open_persistence();
  record_rect("persist.open");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(g.lang, "persist.tip"));
  const ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                             ImGuiTableFlags_SizingStretchProp;
  float table_h = ImGui::GetContentRegionAvail().y * (g.selected_source >= 0 ? 0.45f : 1.0f);
  a11y::push("list", "sources.list", tr(g.lang, "sources.title"));
  if (ImGui::BeginTable("sources", 3, tf, ImVec2(0, table_h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(g.lang, "sources.col_name"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(tr(g.lang, "sources.col_status"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize(tr(g.lang, "sources.remove")).x + 20 * g.dpr);
    ImGui::TableHeadersRow();
    int remove_id = -1, cancel_id = -1;
    for (const auto& s : g.sources) {
      ImGui::PushID(s.id);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      bool sel = g.selected_source == s.id;
      bool open = false;
      const Shown v = shown_status(s);
      const std::string id = std::to_string(s.id);
      // the row in words for a screen reader: name, sample or not, status, rows, first problem
      std::string said = s.name + (s.sample ? std::string(" (") + tr(g.lang, "sample.tag") + ")" : "") + " — " + tr(g.lang, shown_key(v));
      if (v == Shown::Reading) said += " " + std::to_string(int(s.progress * 100)) + " %";
      if (s.rows > 0) said += ", " + sdw::format_count(g.lang, s.rows) + " " + tr(g.lang, s.rows == 1 ? "sql.row" : "sql.rows");
      if (s.has_error) said += " — " + s.error.text.in(g.lang);
      if (!s.entries.empty()) {   // an archive: its entries are child rows
        open = ImGui::TreeNodeEx("##archive", ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanFullWidth |
                                                 (sel ? ImGuiTreeNodeFlags_Selected : 0), "%s", s.name.c_str());
        if (ImGui::IsItemClicked()) g.selected_source = sel ? -1 : s.id;
      } else if (ImGui::Selectable(s.name.c_str(), sel, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap)) {
        g.selected_source = sel ? -1 : s.id;
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s · %s", s.name.c_str(), format_words(s.format).c_str(), sdw::format_bytes(g.lang, s.size).c_str());
      if (sdw::ui::ax("sources.select." + id, said, "toggle", sel, tr(g.lang, "sources.select_tip"))) g.selected_source = sel ? -1 : s.id;
      if (s.sample) {
        ImGui::SameLine();
        ImGui::TextColored(k_amber, "(%s)", tr(g.lang, "sample.tag"));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s%s%s", tr(g.lang, "sample.tooltip"), colon(), s.sample_name.in(g.lang).c_str());
      }
      ImGui::TableNextColumn();
      if (v == Shown::Reading) {
        char label[64];
        std::snprintf(label, sizeof label, "%s %d %%", tr(g.lang, status_key(s.status)), (int)(s.progress * 100));
        ImGui::ProgressBar((float)s.progress, ImVec2(-1, 0), label);
      } else {
        std::string line = tr(g.lang, shown_key(v));
        if (s.rows > 0) line += " · " + sdw::format_count(g.lang, s.rows);
        ImGui::TextColored(shown_color(v), "%s", line.c_str());
        if (ImGui::IsItemHovered() && s.has_error) {
          ImGui::BeginTooltip();
          ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
          ImGui::TextUnformatted((s.error.text.in(g.lang) + where_text(s.error)).c_str());
          ImGui::PopTextWrapPos();
          ImGui::EndTooltip();
        }
      }
      ImGui::TableNextColumn();
      bool busy = s.status == "reading" || s.status == "queued";
      const char* act = busy ? "sources.cancel" : "sources.remove";
      if (ImGui::SmallButton(tr(g.lang, act))) (busy ? cancel_id : remove_id) = s.id;
      record_rect("sources.remove." + id);
      if (sdw::ui::ax(std::string(act) + "." + id, std::string(tr(g.lang, act)) + " " + quote_ui(s.name))) (busy ? cancel_id : remove_id) = s.id;
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
  a11y::pop();
  for (const auto& s : g.sources)
    if (s.id == g.selected_source) {
      ImGui::BeginChild("details");
      draw_source_details(s);
      ImGui::EndChild();
    }
  a11y::pop();
  ImGui::End();
}

void draw_result_grid() {
  const SqlResult& r = g.result;
  if (!r.has) return;
  if (!r.ok && r.cancelled) {   // the person stopped it: nothing went wrong, nothing changed
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(k_dim, "%s", tr(g.lang, "sql.cancelled"));
    a11y::text(tr(g.lang, "sql.cancelled"), "status");
    ImGui::PopTextWrapPos();
    return;
  }
  if (!r.ok) {
    // a plain sentence first; DuckDB's own text (English, technical) under it, for those who want it
    const char* plain = r.error.find("does not exist") != std::string::npos ? "sql.error_missing"
                        : r.error.find("Parser Error") != std::string::npos ? "sql.error_syntax"
                        : r.error.find("Conversion Error") != std::string::npos ? "sql.error_type" : "sql.error_other";
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(k_red, "%s", tr(g.lang, plain));
    a11y::text(tr(g.lang, plain), "error");
    ImGui::PushFont(g.font_mono);
    ImGui::TextColored(k_dim, "%s%s%s", tr(g.lang, "sql.error"), colon(), r.error.c_str());
    ImGui::PopFont();
    a11y::text(std::string(tr(g.lang, "sql.error")) + colon() + r.error, "note");
    ImGui::PopTextWrapPos();
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
  if (a11y::collecting()) {
    std::vector<std::string> head;
    for (int c = 0; c < ncol; c++) head.push_back(r.names[c]);
    a11y::table("sql.result", std::string(tr(g.lang, "sql.result")) + " — " + sdw::format_count(g.lang, r.total) + " " +
                tr(g.lang, r.total == 1 ? "sql.row" : "sql.rows"), head, r.cells, 50);
  }
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
    const bool clicked = ImGui::SmallButton(tr(g.lang, e.key));
    record_rect(std::string("example.") + e.view);
    if (clicked | sdw::ui::ax(std::string("example.") + e.view, tr(g.lang, e.key))) {
      std::snprintf(g.sql, sizeof g.sql, "%s", e.sql);
      submit_sql();
    }
  }
}

void draw_sql_tab();
uint64_t ready_rows();

// Rows of finished sources only: dashboards and the donation refetch once a file is done, not at every
// batch of a file still streaming in (a 10-million-row load would otherwise be re-read dozens of times).
uint64_t ready_rows() {
  uint64_t n = 0;
  for (const auto& src : g.sources)
    if (src.status == "ready") n += src.rows;
  return n;
}

// The questions people come with, each with the export it needs, its guide and a sample persona.
struct Question { const char* tab; const char* guide; const char* persona; };
const Question k_questions[] = {
    {"mobility", "google_timeline", "lea"}, {"energy", "enedis", "martin"}, {"food", "receipts", "martin"},
    {"learning", "lrs", "noah"},            {"budget", "bank", "lea"},      {"footprint", "facebook", "noah"},
    {"reveal", "google_timeline", "lea"},
};
// Which dashboard answers for a merged view (the first dashboard of a newly loaded domain opens by itself).
const char* tab_for_view(const std::string& v) {
  if (v == "trips" || v == "visits" || v == "location_points") return "mobility";
  if (v == "energy_readings") return "energy";
  if (v == "purchases") return "food";
  if (v == "learning_statements") return "learning";
  if (v == "transactions" || v == "health_records") return "budget";
  if (v == "activity") return "footprint";
  return nullptr;
}
bool has_view_for(const char* tab) {
  if (std::strcmp(tab, "mobility") == 0 && sdw::dash::has_track_tables()) return true;   // GPX/KML tracks
  for (const auto& v : g.views)
    if (const char* t = tab_for_view(v); t && std::strcmp(t, tab) == 0) return true;
  return std::strcmp(tab, "reveal") == 0 && !g.views.empty();
}
bool tab_exists(const char* tab) { return std::strcmp(tab, "reveal") != 0 || sdw::dash::has_tab("reveal"); }

// Lays buttons out in rows that wrap: call before each button of width `w` (text + frame padding).
struct WrapRow {
  float x0 = ImGui::GetCursorPosX(), avail = ImGui::GetContentRegionAvail().x, x = 0;
  bool first = true;
  void next(float w) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    if (!first && x + gap + w <= avail) { ImGui::SameLine(); x += gap + w; }
    else { if (!first) ImGui::SetCursorPosX(x0); x = w; }
    first = false;
  }
};

// A persona's button with its description as tooltip.
void persona_button(const Persona& p, const std::string& label, const std::string& action, const std::string& a11y_label,
                    ImVec2 size, const char* tab) {
  if (sdw::ui::button(label.c_str(), action, a11y_label, size)) {
    sdw::platform::load_persona(p.id.c_str(), tab);   // the page names the tab until the files are in
    if (tab) g.tab_request = tab;
  }
  record_rect(action);
  if (ImGui::IsItemHovered()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextUnformatted((p.name.in(g.lang) + " — " + p.description.in(g.lang)).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void draw_home() {
  const float dpr = g.dpr;
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::PushTextWrapPos(0);
  ImGui::PushFont(g.font_big);
  ImGui::TextColored(k_accent, "%s", tr(g.lang, "home.title"));
  ImGui::PopFont();
  a11y::heading(1, tr(g.lang, "home.title"));
  ImGui::TextWrapped("%s", tr(g.lang, "home.lead"));
  a11y::text(tr(g.lang, "home.lead"));
  if (g.classroom) {
    sdw::ui::text_wrapped(tr(g.lang, "classroom.lead"), &k_amber);
    a11y::text(tr(g.lang, "classroom.lead"), "note");
  }
  // The personas by name (the demo's people) first, each one click away whatever is loaded already;
  // the buttons wrap onto more lines when the window is narrow or the text large.
  if (!g.personas.empty()) {
    ImGui::TextWrapped("%s", tr(g.lang, "sample.try"));
    a11y::heading(2, tr(g.lang, "sample.try"));
    WrapRow row;
    for (const auto& p : g.personas) {
      const std::string label = p.name.in(g.lang);
      row.next(ImGui::CalcTextSize(label.c_str()).x + style.FramePadding.x * 2);
      persona_button(p, label, "persona." + p.id, label + " — " + p.description.in(g.lang), ImVec2(0, 0), nullptr);
    }
  }
  ImGui::Spacing();
  const float avail = ImGui::GetContentRegionAvail().x;
  const float min_card = 330 * dpr * g.text_scale;
  const int cols = std::max(1, std::min(3, int(avail / min_card)));
  const float card_w = (avail - (cols - 1) * style.ItemSpacing.x) / cols;
  const float inner_w = card_w - style.WindowPadding.x * 2;
  std::vector<const Question*> shown;
  for (const auto& q : k_questions)
    if (tab_exists(q.tab)) shown.push_back(&q);
  // Each card is as tall as its text and buttons need; the cards of a row share the tallest height.
  const auto text_of = [](const Question& q, const char* prefix) { return std::string(tr(g.lang, (std::string(prefix) + q.tab).c_str())); };
  const float how_w = ImGui::CalcTextSize(tr(g.lang, "home.how")).x, try_w = ImGui::CalcTextSize(tr(g.lang, "home.try")).x;
  const bool side_by_side = std::max(how_w, try_w) + style.FramePadding.x * 2 <= (inner_w - style.ItemSpacing.x) * 0.5f;
  const float buttons_h = ImGui::GetFrameHeightWithSpacing() * (side_by_side ? 2 : 3);
  // Under each question: its answer once the user's files hold it (the dashboard's headline sentence, so a
  // drop of several exports is answered here at a glance), else which file it needs.
  std::vector<std::string> answers(shown.size());
  for (size_t i = 0; i < shown.size(); ++i)
    if (has_view_for(shown[i]->tab)) answers[i] = sdw::dash::answer(shown[i]->tab, g.lang, g.views, ready_rows());
  const auto body_of = [&](size_t i) { return answers[i].empty() ? text_of(*shown[i], "home.needs.") : answers[i]; };
  std::vector<float> row_h((shown.size() + cols - 1) / cols, 0.f);
  for (size_t i = 0; i < shown.size(); ++i) {
    const float h = ImGui::CalcTextSize(text_of(*shown[i], "home.q.").c_str(), nullptr, false, inner_w).y +
                    ImGui::CalcTextSize(body_of(i).c_str(), nullptr, false, inner_w).y +
                    style.ItemSpacing.y * 3 + buttons_h + style.WindowPadding.y * 2;
    row_h[i / cols] = std::max(row_h[i / cols], h);
  }
  a11y::push("list", "questions", tr(g.lang, "home.title"));
  for (size_t i = 0; i < shown.size(); ++i) {
    const Question& q = *shown[i];
    if (i % cols) ImGui::SameLine();
    ImGui::PushID(q.tab);
    const float card_h = row_h[i / cols];
    ImGui::BeginChild("card", ImVec2(card_w, card_h), true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    a11y::push("group", std::string("question.") + q.tab, text_of(q, "home.q."));
    ImGui::PushTextWrapPos(0);
    const std::string question = text_of(q, "home.q.");
    ImGui::TextColored(k_accent, "%s", question.c_str());
    a11y::heading(2, question);
    const std::string body = body_of(i);
    if (answers[i].empty()) ImGui::TextDisabled("%s", body.c_str());
    else sdw::ui::text_wrapped(body);
    a11y::text(body, answers[i].empty() ? "p" : "answer");
    ImGui::PopTextWrapPos();
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY() + style.ItemSpacing.y, card_h - buttons_h - style.WindowPadding.y));
    if (has_view_for(q.tab)) {
      if (sdw::ui::button(tr(g.lang, "home.see_answer"), std::string("home.answer.") + q.tab,
                          question + " — " + tr(g.lang, "home.see_answer"), ImVec2(-1, 0)))
        g.tab_request = q.tab;
      record_rect(std::string("home.answer.") + q.tab);
    } else if (!g.classroom) {
      if (sdw::ui::button(tr(g.lang, "menu.open"), std::string("home.open.") + q.tab, question + " — " + tr(g.lang, "menu.open"),
                          ImVec2(-1, 0)))
        sdw::platform::open_files(false);
      record_rect(std::string("home.open.") + q.tab);
    }
    const sdw::Guide* gd = sdw::find_guide(q.guide);
    const ImVec2 small(side_by_side ? (ImGui::GetContentRegionAvail().x - style.ItemSpacing.x) * 0.5f : -1.f, 0);
    if (gd) {
      if (sdw::ui::button(tr(g.lang, "home.how"), std::string("guide.") + q.tab, question + " — " + sdw::guide_title(*gd, g.lang), small))
        g.open_guide = gd->id;
      record_rect(std::string("guide.") + q.tab);
      if (side_by_side) ImGui::SameLine();
    }
    for (const auto& p : g.personas)
      if (p.id == q.persona)
        persona_button(p, tr(g.lang, "home.try"), std::string("persona.") + p.id + "." + q.tab,
                       question + " — " + tr(g.lang, "home.try") + colon() + p.name.in(g.lang), small, q.tab);
    a11y::pop();
    ImGui::EndChild();
    ImGui::PopID();
  }
  a11y::pop();
  ImGui::Spacing();
  ImGui::TextColored(k_green, "%s", tr(g.lang, "status.private"));
  a11y::text(tr(g.lang, "status.private"));
  ImGui::PopTextWrapPos();
}

// The main panel: Home (the questions), one tab per dashboard, and the Explorer (SQL) last.
void draw_main(ImVec2 pos, ImVec2 size) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::Begin("###right", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                     ImGuiWindowFlags_NoTitleBar);
  static const char* k_tabs[][2] = {{"home", "home.tab"},          {"mobility", "dash.tab.mobility"},
                                    {"energy", "dash.tab.energy"},   {"food", "dash.tab.food"},
                                    {"learning", "dash.tab.learning"}, {"budget", "dash.tab.budget"},
                                    {"footprint", "dash.tab.footprint"}, {"reveal", "dash.tab.reveal"},
                                    {"sql", "sql.title"}};
  a11y::push("navigation", "nav", tr(g.lang, "tabs.label"));   // a landmark holding the tablist (tabs need one as parent)
  a11y::push("tablist", "tabs", tr(g.lang, "tabs.label"));
  std::string clicked;
  // A row of tabs that wraps onto a second line instead of scrolling or truncating (800 px wide, or
  // text at 175 %): every tab stays visible and readable.
  if (!g.tab_request.empty() && tab_exists(g.tab_request.c_str())) {
    g.active_tab = g.tab_request;
    g.tab_request.clear();
  }
  {
    WrapRow row;
    for (const auto& tab : k_tabs) {
      if (!tab_exists(tab[0])) continue;
      const char* text = tr(g.lang, tab[1]);
      row.next(ImGui::CalcTextSize(text).x + ImGui::GetStyle().FramePadding.x * 2);
      const bool active = g.active_tab == tab[0];
      ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(active ? ImGuiCol_TabActive : ImGuiCol_Tab));
      ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::GetStyleColorVec4(ImGuiCol_TabHovered));
      const std::string label = std::string(text) + "###tab_" + tab[0];
      if (ImGui::Button(label.c_str())) clicked = tab[0];
      ImGui::PopStyleColor(2);
      if (active) {   // the active tab is underlined as well as coloured (not colour alone)
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(a.x, b.y - 3), b, ImGui::GetColorU32(ImGuiCol_Text));
      }
      record_rect(std::string("tab.") + tab[0]);
      if (sdw::ui::ax(std::string("tab.") + tab[0], text, "tab", active)) clicked = tab[0];
    }
    ImGui::Separator();
  }
  a11y::pop();
  a11y::pop();
  if (!clicked.empty()) { g.active_tab = clicked; g.tab_request.clear(); g.user_chose_tab = true; }
  // the active tab's content, in the main landmark
  const char* tab_key = "home.tab";
  for (const auto& tab : k_tabs)
    if (g.active_tab == tab[0]) tab_key = tab[1];
  a11y::push("main", "main", tr(g.lang, tab_key));
  ImGui::BeginChild("tab_content");
  if (!g.notice_fr.empty()) {   // e.g. classroom mode refused a file: said where the eyes are, and to screen readers
    const std::string& n = g.lang == sdw::Lang::Fr ? g.notice_fr : g.notice_en;
    sdw::ui::text_wrapped(n, &k_amber);
    a11y::text(n, "status");
    ImGui::Separator();
  }
  if (g.active_tab == "home") draw_home();
  else if (g.active_tab == "sql") { a11y::heading(1, tr(g.lang, "sql.title")); draw_sql_tab(); }
  else {
    a11y::heading(1, tr(g.lang, tab_key));
    sdw::dash::draw_tab(g.active_tab.c_str(), g.lang, g.views, ready_rows(), g.open_guide);
  }
  ImGui::EndChild();
  a11y::pop();
  ImGui::End();
}

void draw_sql_tab() {
  // Tables of all ready sources: one click writes and runs a first query.
  bool any_table = false;
  for (const auto& s : g.sources)
    for (const auto& t : s.tables) {
      if (!any_table) { ImGui::TextDisabled("%s%s:", tr(g.lang, "sql.tables"), g.lang == sdw::Lang::Fr ? "\u00A0" : " "); any_table = true; }
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
                                         ImGuiInputTextFlags_EnterReturnsTrue);   // Tab leaves the editor (keyboard users)
  record_rect("sql.editor");
  ImGui::PopFont();
  if (enter) submit_sql();   // multi-line + EnterReturnsTrue: Enter inserts a newline, Ctrl+Enter runs
  a11y::text(tr(g.lang, "sql.editor_note"), "note");
  ImGui::BeginDisabled(!g.duck_ready || g.sql_request != 0);
  if (sdw::ui::button(tr(g.lang, "sql.run"), "sql.run", tr(g.lang, "sql.run"))) submit_sql();
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
  else if (g.sql_request) {
    // A query that takes more than a moment shows its time and can be stopped (button or Escape); the
    // page keeps working meanwhile (loading, dashboards), DuckDB runs it in slices.
    const double secs = ImGui::GetTime() - g.sql_started;
    std::string running = tr(g.lang, "sql.running");
    if (secs >= 1) running += " " + sdw::format_count(g.lang, int64_t(secs)) + " s";
    ImGui::TextColored(k_dim, "%s", running.c_str());
    if (secs >= 0.3 || g.sql_cancelling) {
      ImGui::SameLine();
      ImGui::BeginDisabled(g.sql_cancelling);
      if (sdw::ui::button(tr(g.lang, g.sql_cancelling ? "sql.cancelling" : "sql.cancel"), "sql.cancel",
                          tr(g.lang, "sql.cancel")) ||
          (!g.sql_cancelling && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)))
        cancel_sql();
      record_rect("sql.cancel");
      ImGui::EndDisabled();
    }
  }
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
  a11y::text(tr(g.lang, "status.private"));
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
    const bool undo = ImGui::SmallButton(tr(g.lang, "undo.button"));
    record_rect("undo");
    if (undo | sdw::ui::ax("undo", std::string(tr(g.lang, "undo.button")) + " — " + quote_ui(g.undo_name) + " " + tr(g.lang, "undo.removed")))
      sdw::platform::undo_remove();
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

// What the live region says when a file changes status (once per change).
std::string announcement(const Source& s) {
  const std::string name = quote_ui(s.name);
  if (s.status == "reading") return std::string(tr(g.lang, "live.reading")) + " " + name + "…";
  if (s.status == "error") return name + colon() + tr(g.lang, "status.error") + " — " + s.error.text.in(g.lang);
  if (s.status == "ready") {
    if (s.rows == 0) return name + colon() + tr(g.lang, "sources.nothing_read");
    std::string t = name + colon() + sdw::format_count(g.lang, s.rows) + " " + tr(g.lang, s.rows == 1 ? "sql.row" : "sql.rows") + ".";
    return t;
  }
  return "";
}

void draw_ui() {
  if (a11y::collecting() && !pending_announcements().empty()) {
    for (int id : pending_announcements())
      for (const auto& s : g.sources)
        if (s.id == id) a11y::announce(announcement(s));
    pending_announcements().clear();
  }
  draw_menu_bar();
  draw_end_session_modal();
  ImGuiIO& io = ImGui::GetIO();
  const float top = ImGui::GetFrameHeight();
  const float status_h = ImGui::GetFrameHeight() + 6 * g.dpr;
  const float pad = 6 * g.dpr;
  const float W = io.DisplaySize.x, H = io.DisplaySize.y - top - status_h;
  const float css_w = W / g.dpr;
  // Nothing loaded: the questions take the whole width. Then the Sources panel takes a share that grows
  // with the text size but never more than 34 % (or folds to a strip); below 900 CSS px it goes on top.
  if (g.sources.empty()) {
    draw_main(ImVec2(pad, top + pad), ImVec2(W - 2 * pad, H - 2 * pad));
  } else if (css_w >= 900) {
    const float strip = ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().WindowPadding.x;
    const float want = std::clamp(W * 0.27f, 300 * g.dpr * g.text_scale, W * 0.34f);
    const float left = g.sources_collapsed ? strip : std::floor(want);
    draw_sources(ImVec2(pad, top + pad), ImVec2(left - 1.5f * pad, H - 2 * pad));
    draw_main(ImVec2(left + 0.5f * pad, top + pad), ImVec2(W - left - 1.5f * pad, H - 2 * pad));
  } else {   // narrow screens (tablets, phones): stacked, the sources as a short band
    const float h1 = g.sources_collapsed ? ImGui::GetFrameHeightWithSpacing() * 2.2f : std::floor(H * 0.3f);
    draw_sources(ImVec2(pad, top + pad), ImVec2(W - 2 * pad, h1 - 1.5f * pad));
    draw_main(ImVec2(pad, top + h1 + 0.5f * pad), ImVec2(W - 2 * pad, H - h1 - 1.5f * pad));
  }
  a11y::push("contentinfo", "status", tr(g.lang, "status.label"));
  draw_status_line(ImVec2(0, io.DisplaySize.y - status_h), ImVec2(W, status_h));
  a11y::pop();
  if (g.show_viz_demo) {
    ImGui::SetNextWindowPos(ImVec2(W * 0.08f, top + 2 * pad), ImGuiCond_Appearing);
    sdw::viz_demo_window(g.lang, &g.show_viz_demo);
  }
  draw_guide_windows();   // over the panels
  a11y::push("dialog", "donation", tr(g.lang, "donate.menu"));
  sdw::donate::draw_window(g.lang, g.views, ready_rows());
  a11y::pop();
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
    g.pacer.wake();
  }
  // Draw only when something changed (input, state or answers from the page, a resize), slowly while a
  // query runs or a text cursor blinks, otherwise twice a second (viz/frame_pacer.h).
  const double now = glfwGetTime();
  int fw, fh;
  glfwGetFramebufferSize(g.window, &fw, &fh);
  if (fw != g.fb_w || fh != g.fb_h) g.pacer.input(now);
  const bool busy = g.sql_request != 0 || ImGui::GetIO().WantTextInput;
  const bool measuring = sdw::viz_demo_probe().bench_kind != 0;   // bench/frames.cjs times every frame
  if (!g.pacer.should_draw(now, busy, measuring)) {
    g.pacer.skipped();
    return;
  }
  g.fb_w = fw;
  g.fb_h = fh;
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  // after an idle stretch the step is long; hover and repeat timers should not jump by it
  ImGui::GetIO().DeltaTime = std::min(ImGui::GetIO().DeltaTime, 0.25f);
  ImGui::NewFrame();
  g.rects.clear();
  // the accessible tree is rebuilt at most 10 times a second, activations are matched every frame
  const bool a11y_build = g.pacer.build_a11y(now);
  a11y::begin_frame(a11y_build);
  draw_ui();
  std::string a11y_json;
  const char* title_key = g.active_tab == "home" ? "home.tab" : g.active_tab == "sql" ? "sql.title" : nullptr;
  const std::string title = std::string(title_key ? tr(g.lang, title_key) : tr(g.lang, ("dash.tab." + g.active_tab).c_str())) +
                            " — " + tr(g.lang, "app.title");
  if (a11y::end_frame(a11y_json, sdw::lang_code(g.lang), title)) sdw::platform::publish_a11y(a11y_json);
  ImGui::Render();
  glViewport(0, 0, fw, fh);
  glClearColor(0.09f, 0.10f, 0.12f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  g.pacer.drew(now, a11y_build);
  if (++g.frames == 1) sdw::platform::first_frame();
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] Shared UI pieces (wasm/app_ui.h)
namespace sdw::ui {
float dpr() { return g.dpr; }
ImFont* font_big() { return g.font_big ? g.font_big : ImGui::GetFont(); }
ImFont* font_mono() { return g.font_mono ? g.font_mono : ImGui::GetFont(); }
bool light_theme() { return g.theme == 0; }
ImVec4 color_accent() { return k_accent; }
ImVec4 color_dim() { return k_dim; }
ImVec4 color_ok() { return k_green; }
ImVec4 color_warn() { return k_amber; }
ImVec4 color_error() { return k_red; }
a11y::Rect last_rect() {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  return {a.x / g.dpr, a.y / g.dpr, b.x / g.dpr, b.y / g.dpr};
}
bool ax(std::string_view action, std::string_view label, std::string_view role, bool state, std::string_view description) {
  return a11y::button(action, label, last_rect(), role, state, description);
}
bool button(const char* label, std::string_view action, std::string_view a11y_label, ImVec2 size) {
  const bool clicked = ImGui::Button(label, size);
  const bool from_dom = ax(action, a11y_label.empty() ? std::string_view(label) : a11y_label);
  return clicked || from_dom;
}
void record(const std::string& name) { record_rect(name); }
bool ax_field(std::string_view action, std::string_view label, char* buf, size_t size) {
  std::string v(buf);
  if (!a11y::field(action, label, v, last_rect())) return false;
  std::snprintf(buf, size, "%s", v.c_str());
  return true;
}

bool input_number(const char* label, float* v, int decimals, Lang l) {
  struct Field { char text[64] = ""; bool editing = false; };
  static std::unordered_map<ImGuiID, Field> fields;
  Field& f = fields[ImGui::GetID(label)];
  if (!f.editing) {   // shown as the language writes it, without thousands separators (easier to edit)
    std::snprintf(f.text, sizeof f.text, "%.*f", decimals, static_cast<double>(*v));
    if (l == Lang::Fr)
      for (char* p = f.text; *p; p++)
        if (*p == '.') *p = ',';
  }
  const auto filter = [](ImGuiInputTextCallbackData* d) -> int {
    const ImWchar c = d->EventChar;
    return (c >= '0' && c <= '9') || c == ',' || c == '.' || c == '-' || c == ' ' ? 0 : 1;
  };
  bool changed = false;
  const bool typed = ImGui::InputText(label, f.text, sizeof f.text, ImGuiInputTextFlags_CallbackCharFilter, filter);
  const bool from_dom = ax_field(std::string("number.") + label, label, f.text, sizeof f.text);   // the accessible twin
  if (typed || from_dom) {
    std::string s;
    for (const char* p = f.text; *p; p++)
      if (*p == ',') s += '.';
      else if (*p != ' ') s += *p;
    char* end = nullptr;
    const double x = std::strtod(s.c_str(), &end);
    if (!s.empty() && end && *end == 0 && std::isfinite(x)) { *v = static_cast<float>(x); changed = true; }
  }
  f.editing = ImGui::IsItemActive();
  return changed;
}

// Text wrapped at spaces only, as one item (a group): ImGui's own wrapping also breaks after "," and ".",
// which cuts "5 860,1 km" into "5 860," and "1 km". French no-break spaces keep numbers with their units.
void text_wrapped(const std::string& s, const ImVec4* color) {
  const float avail = std::max(1.0f, ImGui::GetContentRegionAvail().x);
  ImGui::BeginGroup();
  std::string line;
  auto flush = [&] {
    if (color) ImGui::TextColored(*color, "%s", line.c_str());
    else ImGui::TextUnformatted(line.c_str());
    line.clear();
  };
  for (size_t i = 0; i <= s.size();) {
    size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    const std::string word = s.substr(i, j - i);
    std::string cand = line.empty() ? word : line + " " + word;
    if (!line.empty() && ImGui::CalcTextSize(cand.c_str()).x > avail) { flush(); line = word; }
    else line = std::move(cand);
    i = j + 1;
  }
  if (!line.empty() || s.empty()) flush();
  ImGui::EndGroup();
}

void headline(Lang l, const std::string& id, const std::string& sentence, const std::string& yearly, const std::string& comparison,
              const std::string& note, const std::string& method) {
  ImGui::PushTextWrapPos(0);
  ImGui::PushFont(font_big());
  text_wrapped(sentence);
  ImGui::PopFont();
  record_rect("headline." + id);
  a11y::text(sentence, "headline");
  for (const std::string* x : {&yearly, &comparison}) {
    if (x->empty()) continue;
    text_wrapped(*x);
    a11y::text(*x);
  }
  if (!note.empty()) {
    text_wrapped(note, &k_dim);
    a11y::text(note, "note");
  }
  if (!method.empty()) {
    const std::string label = std::string(tr(l, "headline.how")) + "###how_" + id;
    const bool open = ImGui::CollapsingHeader(label.c_str());
    record_rect("headline.how." + id);
    if (ax("headline.how." + id, tr(l, "headline.how"), "toggle", open)) ImGui::GetStateStorage()->SetInt(ImGui::GetID(label.c_str()), open ? 0 : 1);
    if (open) {
      ImGui::TextColored(k_dim, "%s", method.c_str());
      a11y::text(method, "note");
    }
  }
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
}
}  // namespace sdw::ui

// ---------------------------------------------------------------- [SECTION] Exports to JS
extern "C" {

// Full state snapshot from web/main.js (sources, DuckDB status, language), as JSON.
EMSCRIPTEN_KEEPALIVE void app_set_state(const char* state_json) {
  g.pacer.wake();
  json j = json::parse(state_json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return;
  try { apply_state(j); } catch (const std::exception& e) { std::fprintf(stderr, "app_set_state: %s\n", e.what()); }
}

// The basemap file's bytes (web/main.js fetches basemap.bin once); returns 1 when it was read.
EMSCRIPTEN_KEEPALIVE int app_set_basemap(const uint8_t* bytes, int n) {
  g.pacer.wake();
  std::string err;
  sdw::Basemap b;
  if (!sdw::parse_basemap(std::span<const uint8_t>(bytes, size_t(std::max(0, n))), b, err)) {
    std::fprintf(stderr, "basemap: %s\n", err.c_str());
    return 0;
  }
  sdw::shared_basemap() = std::move(b);
  return 1;
}

// Answer to platform::fetch_columns(): one binary frame (wasm/app_columns.h) the page frees after this call.
EMSCRIPTEN_KEEPALIVE void app_columns_frame(int request_id, const uint8_t* frame, size_t size) {
  g.pacer.wake();
  sdw::Columns answer = sdw::decode_columns_frame(frame, size);
  if (sdw::donate::on_columns(request_id, answer)) return;
  sdw::dash::on_columns(request_id, answer);
}

// Answer to platform::run_sql(request_id): {ok, columns:[{name,type}], rows:[[…]], total, ms} or {ok:false, error}.
EMSCRIPTEN_KEEPALIVE void app_sql_result(int request_id, const char* result_json) {
  g.pacer.wake();
  if (request_id != g.sql_request) return;   // a stale answer
  g.sql_request = 0;
  SqlResult r;
  r.has = true;
  json j = json::parse(result_json, nullptr, false);
  if (j.is_discarded()) { r.error = "invalid result"; g.result = std::move(r); return; }
  r.ok = j.value("ok", false);
  g.sql_cancelling = false;
  if (!r.ok) {
    r.error = j.value("error", "");
    r.cancelled = j.value("cancelled", false);   // the page knows it stopped the query (web/main.js cancelSql)
    g.result = std::move(r);
    return;
  }
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

// An activation from the accessible layer (web/a11y.js): the control that draws `action` acts on the next frame.
// The person's settings kept with the encrypted workspace, given back when it is reopened (web/persist_dialog.js).
EMSCRIPTEN_KEEPALIVE void app_apply_settings(const char* settings_json) {
  g.pacer.wake();
  json j = json::parse(settings_json ? settings_json : "", nullptr, false);
  if (!j.is_discarded()) sdw::dash::apply_settings(j);
}

// "value:<action>\n<text>": a text field of the accessible layer was edited; else a control was activated.
EMSCRIPTEN_KEEPALIVE void app_a11y_action(const char* action) {
  if (!action) return;
  g.pacer.input(glfwGetTime());   // a person acted through the accessible layer
  const std::string_view a(action);
  if (a.rfind("value:", 0) == 0) {
    const size_t nl = a.find('\n');
    if (nl != std::string_view::npos) sdw::a11y::request_value(a.substr(6, nl - 6), a.substr(nl + 1));
    return;
  }
  sdw::a11y::request(a);
}

// Bench mode of the charts demo (bench/frames.cjs): kind 0 = off, 1 = timeline of n points, 2 = map density
// of n points; the demo window opens on it. n comes from JS as a number.
EMSCRIPTEN_KEEPALIVE void app_demo_bench(int kind, double n, int decimate) {
  g.pacer.wake();
  sdw::viz_demo_set_bench(kind, static_cast<int64_t>(n), decimate != 0);
  if (kind != 0) g.show_viz_demo = true;
}

// What the UI shows, for tests: the C++ side's view, not the JS state.
EMSCRIPTEN_KEEPALIVE const char* app_ui_state() {
  static std::string out;
  json j = {{"lang", sdw::lang_code(g.lang)}, {"frames", g.frames}, {"fonts_ok", g.fonts_ok}, {"dpr", g.dpr},
            {"duck_ready", g.duck_ready}, {"sources", json::array()}, {"sql_pending", g.sql_request != 0}, {"viz_demo", g.show_viz_demo}, {"sql_history", g.history.size()}, {"sql_text", std::string(g.sql)}, {"text_scale", g.text_scale}, {"high_contrast", g.theme == 2}, {"theme", g.theme},
            {"demo_power", {{"t0", sdw::viz_demo_probe().power_t0}, {"t1", sdw::viz_demo_probe().power_t1},
                            {"rect", {sdw::viz_demo_probe().x0 / g.dpr, sdw::viz_demo_probe().y0 / g.dpr,
                                      sdw::viz_demo_probe().x1 / g.dpr, sdw::viz_demo_probe().y1 / g.dpr}}}}, {"guide", g.open_guide}, {"tab", g.active_tab},
            {"dashboards", sdw::dash::state_json()}, {"donation", sdw::donate::state_json()}, {"workshop", g.workshop}, {"classroom", g.classroom}, {"undo", g.has_undo},
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
                {"rows_shown", g.result.cells.size()}, {"total", g.result.total}, {"cancelled", g.result.cancelled}};
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
  sdw::reveal_ui::set_source_id_of([](const std::string& file) {   // rows carry the file's own name (no folder)
    for (const auto& s : g.sources) {
      const size_t slash = s.name.rfind('/');
      if (s.name == file || (slash != std::string::npos && s.name.compare(slash + 1, std::string::npos, file) == 0)) return s.id;
    }
    return -1;
  });
  sdw::donate::set_rect_recorder([](const std::string& name) { record_rect(name); });
  load_fonts(g.dpr);
  apply_style(g.dpr);
  // Input wakes the frame pacer. Set before the backend installs its own callbacks: Dear ImGui 1.86 chains
  // to the callbacks it finds. Cursor moves and resizes are not the backend's, so no chaining needed there.
  glfwSetMouseButtonCallback(g.window, [](GLFWwindow*, int, int, int) { g.pacer.input(glfwGetTime()); });
  glfwSetKeyCallback(g.window, [](GLFWwindow*, int, int, int, int) { g.pacer.input(glfwGetTime()); });
  glfwSetCharCallback(g.window, [](GLFWwindow*, unsigned int) { g.pacer.input(glfwGetTime()); });
  glfwSetWindowFocusCallback(g.window, [](GLFWwindow*, int) { g.pacer.input(glfwGetTime()); });
  glfwSetCursorEnterCallback(g.window, [](GLFWwindow*, int) { g.pacer.input(glfwGetTime()); });
  glfwSetCursorPosCallback(g.window, [](GLFWwindow*, double, double) { g.pacer.input(glfwGetTime()); });
  ImGui_ImplGlfw_InitForOpenGL(g.window, true);
  // Emscripten's GLFW passes the DOM wheel delta as is (pixels, positive = down); GLFW and Dear ImGui
  // mean one notch = 1, positive = up. web/main.js turns line and page deltas into pixels first.
  glfwSetScrollCallback(g.window, [](GLFWwindow* w, double dx, double dy) {
    ImGui_ImplGlfw_ScrollCallback(w, -dx / 100.0, -dy / 100.0);
    g.pacer.input(glfwGetTime());
  });
  ImGui_ImplOpenGL3_Init("#version 300 es");
  emscripten_set_main_loop(frame, 0, false);
  return 0;
}
