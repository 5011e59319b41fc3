// "Save money" side of the energy challenge: the household's yearly consumption next to published averages for a
// similar home (MySmartHome), and the JSON of the tariff comparison, the solar simulation and that context, shared
// by the CLI and the browser. Owns: the context figures (data/energy/household_averages.csv) and those JSON shapes.
// Does not own: the computations (tariffs.h, solar.h).
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "challenges/solar.h"
#include "challenges/tariffs.h"

namespace sdw::challenge {

struct HouseholdProfile {
  double surface_m2 = k_nan;        // informative (the averages are not per m²)
  int occupants = 0;                // 0 = not given
  std::string heating = "unknown";  // "electric", "gas", "other", "unknown"
};
struct ContextLine {
  std::string id;                   // row id of household_averages.csv
  double kwh_per_year = k_nan;      // the published average (x occupants for "per_person")
  std::string basis_fr, basis_en, source;
  double ratio = k_nan;             // the user's kWh per year / this average
};
struct EnergyContext {
  double user_kwh_per_year = k_nan;
  std::vector<ContextLine> lines;   // the averages that fit the profile, closest first
  std::vector<Message> notes;
};
// kwh and days: the user's electricity over `days` local days (scaled to a year).
EnergyContext energy_context(double kwh, int64_t days, const HouseholdProfile& p);

nlohmann::json to_json(const TariffComparison& c);          // the per-tariff list (energy[].tariffs)
nlohmann::json tariff_summary_json(const TariffComparison& c);  // best, saving, period, notes
nlohmann::json to_json(const SolarResult& s, bool hourly = false);
nlohmann::json to_json(const EnergyContext& c);

}  // namespace sdw::challenge
