// The app's state as the page pushes it (app_set_state: sources, DuckDB, personas, workspace, views) decoded
// into App g, and the announcements it triggers. Part of the app shell (wasm/app_shell.h).
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

}  // namespace sdw_app
