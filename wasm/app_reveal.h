// The "Ce que mes données disent de moi / What my data reveals" tab (wasm/app_reveal.cpp): fetches the
// merged views' columns, runs challenges/reveal.h (the same code as `workbench reveal`) and draws the
// inventory, the inferences and the sensitive ones on request. Called from wasm/app_dashboards.cpp.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "viz/locale.h"
#include "wasm/app_columns.h"

namespace sdw::reveal_ui {

using Recorder = void (*)(const char* name);   // rectangles for the test API

// Draws the tab; fetches again when the merged views or their row counts change.
void draw_reveal(Lang l, const std::vector<std::string>& views, uint64_t rows_total, Recorder record);
// The app's id of the source a file name belongs to (-1: none), for "forget this source"; set once at start.
using SourceIdOf = int (*)(const std::string& file_name);
void set_source_id_of(SourceIdOf f);
// Answer to platform::fetch_columns(); false when the request is not this tab's.
bool on_columns(int request_id, Columns& answer);   // takes `answer` when it is this one's
// What the tab shows, for the test API (counts, home/work, kinds, how many sensitive are hidden).
nlohmann::json state_json();

}  // namespace sdw::reveal_ui
