// Solar self-consumption: the sun's position (NOAA general solar position), an hourly production for the hours a
// load curve covers (clear-sky irradiance, a sourced annual anchor, tilted plane, system losses), matched hour by
// hour with consumption, with an optional battery, and the money side (saving at the user's tariff, EDF OA surplus
// income, self-consumption premium, payback). Owns: those computations and the parse of data/energy/solar_*.csv.
// Does not own: the tariff prices (tariffs.h), drawing, JSON (energy_save.h).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "challenges/common.h"
#include "challenges/energy.h"
#include "parsers/core/diagnostics.h"

namespace sdw::challenge {

struct SolarPosition {
  double elevation_deg = k_nan;   // geometric (no refraction), degrees above the horizon
  double apparent_elevation_deg = k_nan;  // with NOAA's refraction correction
  double azimuth_deg = k_nan;     // from north, clockwise (90 = east, 180 = south)
  double declination_deg = k_nan;
  double equation_of_time_min = k_nan;
};
// NOAA Solar Calculator equations (Meeus-based), valid 1901-2099 to about 0.01 degree.
SolarPosition solar_position(int64_t utc_us, double lat_deg, double lon_deg);

struct PvSystem {
  double kwc = 3;              // peak power
  double tilt_deg = 30;        // 0 = flat, 90 = vertical
  double azimuth_deg = 0;      // 0 = south, -90 = east, +90 = west
  double lat = 47.218, lon = -1.554;  // default: Nantes (data/energy/solar_sites.csv)
  double losses = 0.14;        // system losses (cables, inverter, soiling, temperature), PVGIS's default
  double albedo = 0.2;         // ground reflectance
};
// Clear-sky irradiance (Haurwitz 1945) times the shipped attenuation, split by Erbs (1982) and transposed to the
// panel (isotropic sky): kW produced during the hour centred on utc_us.
double pv_power_kw(const PvSystem& s, int64_t utc_us);
// kWh/kWc over a calendar year (hourly sum) for a system at `s` (its kwc ignored).
double pv_annual_yield(const PvSystem& s, int year);
// The attenuation factor calibrated at start on the anchor site of solar_sites.csv, and its source line.
double pv_attenuation();
std::string pv_anchor_description();

struct SolarEconomics {
  double oa_surplus_eur_kwh = k_nan;   // EDF OA purchase price of exported kWh
  double prime_eur_per_kwc = k_nan;    // prime à l'autoconsommation
  std::string oa_source, prime_source;
  bool carried = false;                // as-of date after the last sourced quarter
};
// The sourced figures for a system of `kwc` whose connection is requested on local day `as_of`.
SolarEconomics solar_economics(double kwc, int32_t as_of);

struct SolarOptions {
  PvSystem pv;
  double battery_kwh = 0;              // usable capacity; 0 = none
  double battery_round_trip = 0.90;    // charge x discharge efficiency (assumption, stated)
  double price_eur_kwh = k_nan;        // what a self-consumed kWh saves (the user's tariff, mean €/kWh)
  double install_eur_per_kwc = 2000;   // placeholder: the user types their quote (not sourced)
  bool install_cost_given = false;
  double oa_surplus_eur_kwh = k_nan;   // NaN: from solar_economics()
  double prime_eur_per_kwc = k_nan;
};

struct SolarHour {
  int64_t ts_us = 0;                   // UTC start of the hour
  double consumption_kwh = 0, production_kwh = 0, self_consumed_kwh = 0, exported_kwh = 0;
};
struct SolarResult {
  double kwc = 0;
  double production_kwh = 0, consumption_kwh = 0, self_consumed_kwh = 0, exported_kwh = 0, imported_kwh = 0;
  double battery_discharged_kwh = 0;
  double self_consumption_rate = k_nan;  // self-consumed / production
  double self_sufficiency_rate = k_nan;  // self-consumed / consumption
  double kwh_per_kwc_per_year = k_nan;
  double savings_eur_per_year = k_nan;   // self-consumed x price, per year
  double export_income_eur_per_year = k_nan;
  double install_cost_eur = k_nan, prime_eur = k_nan, net_cost_eur = k_nan;
  double payback_years = k_nan;
  int64_t hours = 0;
  double year_scale = 1;                 // 8760 / hours covered
  SolarEconomics economics;
  std::array<double, 24> day_consumption_kwh{};  // mean per local hour of day (profile chart)
  std::array<double, 24> day_production_kwh{};
  std::vector<SolarHour> hourly;         // every hour covered, ascending
  std::vector<Message> notes;
  std::vector<std::string> sources;
};
// Hourly consumption from the readings (kWh pro rata of time into UTC hours), production for the same hours.
SolarResult simulate_solar(const EnergyView& v, const SolarOptions& o);

}  // namespace sdw::challenge
