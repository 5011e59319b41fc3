// What the app's shell (wasm/app_main.cpp: start-up, fonts, menu bar, tabs, status line, main loop, exports to
// JS) and its panels share: the state the page pushes in (App g, decoded by app_state.cpp) and the few
// functions one file calls in another. Panels: app_sources.cpp (Sources), app_sql.cpp (SQL), app_home.cpp
// (Home); the dashboards have their own files (app_dashboards.h and the files it names).
#pragma once
#include <functional>
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

namespace sdw_app {

using json = nlohmann::json;
using sdw::tr;
namespace a11y = sdw::a11y;

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

extern App g;
// Status colours of the current theme (set by apply_style in app_main.cpp).
extern ImVec4 k_red, k_amber, k_green, k_dim, k_accent;

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

// Defined in app_state.cpp, app_sources.cpp, app_sql.cpp, app_home.cpp and app_main.cpp (the shell).
std::string cell_text(const json& v);
std::vector<int>& pending_announcements();
void apply_state(const json& j);
std::string quote_ui(const std::string& x);
const char* colon();
void draw_sources(ImVec2 pos, ImVec2 size);
// One row of export buttons (CSV, CSV FR, Parquet, NDJSON, GeoJSON); `on_export` receives the format id.
void draw_export_buttons(const std::string& id, const std::function<void(const char*)>& on_export);
uint64_t ready_rows();
const char* tab_for_view(const std::string& v);
bool tab_exists(const char* tab);
void draw_home();
void draw_sql_tab();
void frame();
void record_rect(const std::string& name);

}  // namespace sdw_app
