// The Home tab: the questions a newcomer can ask, the sample personas, the answers found in the data loaded.
// Part of the app shell (wasm/app_shell.h).
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

}  // namespace sdw_app
