// The SQL tab: the editor, example queries, running and cancelling a query, the result grid. Part of the app
// shell (wasm/app_shell.h).
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
#include "wasm/app_shell.h"

namespace sdw_app {

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

}  // namespace sdw_app
