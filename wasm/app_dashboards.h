// The challenge dashboards drawn as tabs of the right-hand panel (wasm/app_dashboards.cpp).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "viz/locale.h"

namespace sdw::dash {

// Draws dashboard `id` ("mobility", "energy", "learning"); fetches its data when the merged views or
// row counts change. `open_guide` receives a guide id when the user asks how to get a missing export.
void draw_tab(const char* id, Lang lang, const std::vector<std::string>& views, uint64_t rows_total, std::string& open_guide);
// Answer to platform::fetch_columns(); false when the request is not a dashboard's.
bool on_columns(int request_id, const char* result_json);
// The figures on screen, for the test API.
nlohmann::json state_json();

}  // namespace sdw::dash
