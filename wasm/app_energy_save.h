// The energy tab's "Économiser / Save money" section (wasm/app_energy_save.cpp): tariff table and bar chart,
// solar panel with sliders and a day-profile chart, the home next to published averages, CSV export.
// Figures come from challenges/tariffs.h, solar.h and energy_save.h (the CLI's functions).
#pragma once
#include <span>

#include "viz/locale.h"

namespace sdw::dash {
// start_us, end_us, kwh: the electricity board's columns (UTC µs as doubles, kWh), one row per reading.
void draw_energy_savings(Lang l, std::span<const double> start_us, std::span<const double> end_us, std::span<const double> kwh);
}  // namespace sdw::dash
