// The Sources panel: each dropped file or sample with its status, progress, messages (where: line, byte) and
// advice, archive entries, exports. Part of the app shell (wasm/app_shell.h).
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

const char* status_key(const std::string& s) {
  static std::string key;
  key = "status." + s;
  return key.c_str();
}

// One row of export buttons; `on_export` receives the format id.
void draw_export_buttons(const std::string& id, const std::function<void(const char*)>& on_export) {
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

}  // namespace sdw_app
