// The browser app's shell: Dear ImGui over GLFW/WebGL2. Start-up, fonts and themes, the menu bar, the tab
// bar and its tabs, the status line, the end-of-session dialog, the main loop (frame pacing, the accessible
// tree) and the exports to JS (app_set_state, app_sql_result, app_columns_frame, the test API).
// The panels have their own files, sharing wasm/app_shell.h: app_state.cpp (the state web/main.js pushes in),
// app_sources.cpp (Sources), app_sql.cpp (SQL), app_home.cpp (Home); the dashboards: wasm/app_dashboards.h.
// Owns: UI layout and interaction. Does not own: parsing (parse worker), data (DuckDB-wasm), text (viz/locale).
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
#include "wasm/app_shell.h"
#include "wasm/app_ui.h"
#include "parsers/core/parser.h"

// A long history draws more than 65 536 vertices in one window; WebGL2 cannot offset 16-bit indices.
static_assert(sizeof(ImDrawIdx) == 4, "build ImGui with ImDrawIdx=unsigned int (CMakeLists.txt)");

namespace sdw_app {

App g;

// Remembers where the last item was drawn (CSS pixels) so tests can click it as a person would.
void record_rect(const std::string& name) {
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  g.rects.emplace_back(name, ImVec4(a.x / g.dpr, a.y / g.dpr, b.x / g.dpr, b.y / g.dpr));
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
  glDisable(GL_SCISSOR_TEST);   // ImGui's backend leaves it on (no state restore: cmake/imgui_no_state_backup.py)
  glClearColor(0.09f, 0.10f, 0.12f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  g.pacer.drew(now, a11y_build);
  if (++g.frames == 1) sdw::platform::first_frame();
}

}  // namespace sdw_app

using namespace sdw_app;

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

// A file being read moved on (the parse worker reports every 100 ms): its share read and rows so far, two
// numbers instead of the whole page state as JSON (app_set_state carries the structure when it changes).
EMSCRIPTEN_KEEPALIVE void app_set_progress(int source_id, double progress, double rows) {
  for (Source& s : g.sources)
    if (s.id == source_id) {
      s.progress = progress;
      s.rows = rows > 0 ? static_cast<uint64_t>(rows) : 0;
      g.pacer.wake();
    }
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
    j["sources"].push_back({{"id", s.id}, {"name", s.name}, {"status", s.status}, {"rows", s.rows}, {"progress", s.progress}, {"entries", e}, {"sample", s.sample}});
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
