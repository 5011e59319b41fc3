// The challenge dashboards drawn as tabs of the right-hand panel (wasm/app_dashboards.cpp).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "challenges/headline.h"
#include "viz/locale.h"
#include "wasm/app_columns.h"

namespace sdw::dash {

// Draws dashboard `id` ("mobility", "energy", "learning", "food", "budget", "footprint"); fetches its data when the merged views or
// row counts change. `open_guide` receives a guide id when the user asks how to get a missing export.
void draw_tab(const char* id, Lang lang, const std::vector<std::string>& views, uint64_t rows_total, std::string& open_guide);
// "2024-10" -> "oct. 2024" / "Oct 2024" (axis labels in the UI language); a month only partly covered by
// `covered` gets " *" (the headline's note explains the star).
std::string month_label(Lang l, const std::string& key, const challenge::Period& covered = {});
// GPX and KML track tables of the loaded files (they belong to no domain view): segmented by the mobility
// dashboard like `workbench challenge mobility` does. `types`: GPX track name -> <type> (from the meta).
struct TrackTable {
  std::string name;
  bool kml = false;
  std::vector<std::pair<std::string, std::string>> types;
};
void set_track_tables(std::vector<TrackTable> tables);
bool has_track_tables();
// Whether a table with these columns is a GPX/KML track table (no domain; see challenges/tables.cpp).
bool is_track_table(const std::vector<std::string>& columns, bool* kml);
// Tables of dropped files in the donation output's format (a city's aggregate: part, period, area, category,
// value, unit): the mobility tab sets the person's mode shares next to an area's (challenges/territory.h).
void set_aggregate_tables(std::vector<std::string> names);
bool is_aggregate_table(const std::vector<std::string>& columns);
// The stated answer of dashboard `id` (its headline sentence) for Home, fetching and computing its figures
// like draw_tab; "" while they are not in yet or when `id` has no data.
std::string answer(const char* id, Lang lang, const std::vector<std::string>& views, uint64_t rows_total);
// Answer to platform::fetch_columns(); false when the request is not a dashboard's.
bool on_columns(int request_id, Columns& answer);   // takes `answer` when it is this one's
// Whether `id` is a tab this file draws (the dashboards and "reveal").
bool has_tab(const char* id);
// Where widgets are on screen, for the test API (app_main's recorder, set once at start).
using RectRecorder = void (*)(const std::string& name);
void set_rect_recorder(RectRecorder f);
// The person's decisions that outlive the page when the encrypted workspace is on (trip mode corrections,
// in the text format `workbench challenge mobility --corrections` reads), and their restoration.
nlohmann::json settings_json();
void apply_settings(const nlohmann::json& settings);
// The figures on screen, for the test API.
nlohmann::json state_json();

}  // namespace sdw::dash
