// The "Faire un don / Donate" window: the donor states a purpose, picks the parts and k, and sees the
// exact bytes of the donation file (table and raw text), its schema, size, summary and what was left out,
// then saves those bytes + the manifest (wasm/app_donation.cpp). Nothing is sent.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "viz/locale.h"
#include "wasm/app_columns.h"

namespace sdw::donate {

void toggle();                   // the menu button
// Draws the window when open; fetches the columns it needs when the merged views or row counts change.
void draw_window(Lang lang, const std::vector<std::string>& views, uint64_t rows_total);
// Answer to platform::fetch_columns(); false when the request is not the donation window's.
bool on_columns(int request_id, Columns& answer);   // takes `answer` when it is this one's
using RectRecorder = void (*)(const std::string& name);
void set_rect_recorder(RectRecorder f);
// The preview (bytes, manifest, summaries, counts, detected places), for the test API.
nlohmann::json state_json();

}  // namespace sdw::donate
