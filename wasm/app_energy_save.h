// The energy tab's "Économiser / Save money" section (wasm/app_energy_save.cpp): tariff table and bar chart,
// solar panel with sliders and a day-profile chart, the home next to published averages, CSV export.
// Figures come from challenges/tariffs.h, solar.h and energy_save.h (the CLI's functions).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "viz/locale.h"
#include "wasm/app_columns.h"

namespace sdw::dash {
// start_us, end_us, kwh: the electricity board's columns (UTC µs as doubles, kWh), one row per reading.
void draw_energy_savings(Lang l, std::span<const double> start_us, std::span<const double> end_us, std::span<const double> kwh);
// The merged views present and their rows (as draw_tab gets them): when a Tempo calendar was dropped (the view
// tempo_days) its days are fetched again, and laid over the shipped calendar by challenges/tariffs.h
// merge_tempo_calendars, as `workbench challenge energy --tempo-calendar FILE` does. Call before drawing the tab.
void energy_save_views(const std::vector<std::string>& views, uint64_t rows_total);
// Answer to the calendar's platform::fetch_columns(); false when the request is not this section's.
bool energy_save_on_columns(int request_id, Columns& answer);   // takes `answer` when it is this one's
}  // namespace sdw::dash
