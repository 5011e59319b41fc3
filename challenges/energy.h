// Energy challenge: from energy_readings (Linky load curve, daily readings, gas) to daily totals in local
// days, a weekly profile (hour of day x weekday), base load, peak hours, heating signature, cost with an
// editable tariff and month-on-month comparison. Plain arrays in, plain structs out.
// Does not own: reading tables (challenges/tables.h), drawing, JSON.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "challenges/common.h"

namespace sdw::challenge {

// Readings of ONE energy (electricity or gas: call twice when both are present), as columns.
struct EnergyView {
  std::span<const int64_t> ts_start_us;   // UTC µs
  std::span<const int64_t> ts_end_us;     // UTC µs; may be empty: interval_s is used
  std::span<const double> interval_s;     // may be empty when ts_end_us is given
  std::span<const double> kwh;            // NaN rows are skipped
  std::span<const double> m3 = {};        // gas volume per reading (GRDF), may be empty; NaN = unknown
};

struct HourRange {                        // local clock, minutes since midnight; wraps when end <= start
  int start_min = 22 * 60, end_min = 6 * 60;
  bool contains(int minute) const {
    return start_min < end_min ? minute >= start_min && minute < end_min : minute >= start_min || minute < end_min;
  }
};

// An editable tariff. The defaults are placeholders for the user to replace with their contract's
// figures (€ TTC); they are not an official price list.
struct Tariff {
  enum class Kind : uint8_t { Base, PeakOffPeak } kind = Kind::Base;
  double base_eur_kwh = 0.25;             // Base
  double peak_eur_kwh = 0.27;             // Heures Pleines
  double offpeak_eur_kwh = 0.21;          // Heures Creuses
  double subscription_eur_month = 15.0;   // abonnement, prorated by the days with data in each month
  std::vector<HourRange> offpeak_hours = {HourRange{22 * 60, 6 * 60}};  // HC ranges (local)
};
// The placeholder tariff of an energy: electricity as above; gas Base at 0.12 €/kWh and 22 €/month (a
// heating contract's order of magnitude, not a price list; the user edits both).
Tariff default_tariff(const std::string& energy);

struct EnergyOptions {
  std::string energy = "electricity";     // echoed ("electricity", "gas")
  double fine_max_interval_s = 3600;      // readings up to 1 h feed the profiles; longer ones are "coarse"
  int night_from_hour = 1, night_to_hour = 5;   // base load window [01:00, 05:00) local
  size_t peak_hour_count = 3;
  Tariff tariff;
};

struct EnergyDay {
  int32_t day = 0;            // local day
  double kwh = 0;
  double hours = 0;           // hours covered by the readings summed (23 or 25 on a DST day)
  int64_t readings = 0;
  bool fine = false;          // from load-curve readings (else from daily/coarse ones)
};
struct EnergyMonth {
  std::string month;          // "2023-03"
  double kwh = 0;
  int64_t days = 0;           // days with data
  double kwh_per_day = 0;     // the heating signature across seasons
  double kwh_offpeak = 0, kwh_peak = 0, kwh_unsplit = 0;  // HC / HP split (coarse readings: unsplit, priced HP)
  double cost_energy_eur = 0, cost_subscription_eur = 0, cost_eur = 0;
  double delta_kwh = k_nan, delta_pct = k_nan;   // totals vs the previous month with data
  double delta_kwh_per_day = k_nan;              // vs the previous month, per day (fair when days differ)
  double m3 = k_nan;                             // gas volume, when the readings give it
};
struct PeakHour {
  int hour = 0;
  double mean_kwh = 0;        // mean kWh in that local hour over the days that have it
};
struct EnergyResult {
  std::string energy;
  std::vector<EnergyDay> days;                          // ascending
  std::array<std::array<double, 24>, 7> weekly_profile; // [weekday 0=Mon][hour] mean kWh, NaN = no data
  std::array<double, 24> hourly_mean;                   // mean kWh per local hour over all days, NaN = none
  double base_load_w = k_nan;                           // median over days of the night minimum power
  int64_t base_load_days = 0;
  std::vector<PeakHour> peak_hours;                     // highest hourly_mean first
  double max_power_w = k_nan;                           // highest mean power of one fine reading
  int64_t max_power_ts_us = 0;
  std::vector<EnergyMonth> months;                      // ascending
  double total_kwh = 0, total_cost_eur = 0;
  int64_t skipped_coarse = 0;                           // coarse readings ignored on days the load curve covers
  double total_m3 = k_nan;                              // gas volume of the days counted, when given
  // Heating vs the rest (hot water, cooking, appliances): the daily need without heating is the median kWh
  // of the summer days (June-August, at least 7), else the lowest month's kWh per day (months of 7+ days);
  // heating is what each other day (not June-August, not that month) uses above it. NaN when neither exists.
  double base_kwh_per_day = k_nan;
  std::string base_from;                                // "summer" or the month used ("2024-05")
  double heating_kwh = k_nan, heating_share = k_nan;    // share of total_kwh, 0..1
  EnergyOptions options;
};
EnergyResult energy_summary(const EnergyView& v, const EnergyOptions& o = {});

// Heating signature against outdoor temperature: least squares of daily kWh on the day's mean °C.
struct HeatingFit {
  double slope_kwh_per_degc = k_nan;   // negative when heating: kWh more per degree colder
  double intercept_kwh = k_nan;
  double r2 = k_nan;
  int64_t days = 0;
};
HeatingFit heating_signature(std::span<const EnergyDay> days, std::span<const int32_t> temp_days,
                             std::span<const double> temp_c);

}  // namespace sdw::challenge
