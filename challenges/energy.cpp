// Energy challenge computations (see energy.h).
// Daily totals attribute each reading to the local day of its start. On a day that has fine (<= 1 h)
// readings, coarse ones (daily totals, index differences) are ignored so nothing is counted twice.
#include "challenges/energy.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace sdw::challenge {

EnergyResult energy_summary(const EnergyView& v, const EnergyOptions& o) {
  EnergyResult r;
  r.energy = o.energy;
  r.options = o;
  for (auto& row : r.weekly_profile) row.fill(k_nan);
  r.hourly_mean.fill(k_nan);
  const size_t n = v.ts_start_us.size();

  struct Reading {
    LocalTime lt;
    double kwh, interval_s;
    int64_t ts;
    double m3;
  };
  std::vector<Reading> fine, coarse;
  for (size_t i = 0; i < n; ++i) {
    const double kwh = i < v.kwh.size() ? v.kwh[i] : k_nan;
    if (std::isnan(kwh)) continue;
    double interval = k_nan;
    if (i < v.ts_end_us.size()) interval = double(v.ts_end_us[i] - v.ts_start_us[i]) / 1e6;
    if (!(interval > 0) && i < v.interval_s.size()) interval = v.interval_s[i];
    if (!(interval > 0)) continue;
    Reading rd{paris_local(v.ts_start_us[i]), kwh, interval, v.ts_start_us[i], i < v.m3.size() ? v.m3[i] : k_nan};
    (interval <= o.fine_max_interval_s ? fine : coarse).push_back(rd);
  }

  // ---- daily totals
  std::map<int32_t, EnergyDay> days;
  std::map<int32_t, double> day_m3;
  auto add_m3 = [&](const Reading& rd) {
    if (!std::isnan(rd.m3)) day_m3[rd.lt.day] += rd.m3;
  };
  for (const Reading& rd : fine) {
    add_m3(rd);
    EnergyDay& d = days[rd.lt.day];
    d.day = rd.lt.day;
    d.kwh += rd.kwh;
    d.hours += rd.interval_s / 3600.0;
    ++d.readings;
    d.fine = true;
  }
  std::vector<Reading> coarse_used;
  for (const Reading& rd : coarse) {
    auto it = days.find(rd.lt.day);
    if (it != days.end() && it->second.fine) {
      ++r.skipped_coarse;
      continue;
    }
    add_m3(rd);
    EnergyDay& d = days[rd.lt.day];
    d.day = rd.lt.day;
    d.kwh += rd.kwh;
    d.hours += rd.interval_s / 3600.0;
    ++d.readings;
    coarse_used.push_back(rd);
  }
  for (auto& [k, d] : days) {
    r.days.push_back(d);
    r.total_kwh += d.kwh;
  }
  for (auto& [k, m3] : day_m3) r.total_m3 = (std::isnan(r.total_m3) ? 0 : r.total_m3) + m3;

  // ---- hourly sums per (day, hour) from fine readings -> weekly profile, hourly mean, peak hours
  std::map<std::pair<int32_t, int>, double> hour_sums;
  for (const Reading& rd : fine) hour_sums[{rd.lt.day, rd.lt.hour}] += rd.kwh;
  std::array<std::array<double, 24>, 7> wsum{}, wcount{};
  std::array<double, 24> hsum{}, hcount{};
  for (const auto& [key, kwh] : hour_sums) {
    const int wd = weekday_of(key.first);
    wsum[wd][key.second] += kwh;
    wcount[wd][key.second] += 1;
    hsum[key.second] += kwh;
    hcount[key.second] += 1;
  }
  for (int d = 0; d < 7; ++d)
    for (int h = 0; h < 24; ++h)
      if (wcount[d][h] > 0) r.weekly_profile[d][h] = wsum[d][h] / wcount[d][h];
  for (int h = 0; h < 24; ++h) {
    if (hcount[h] > 0) {
      r.hourly_mean[h] = hsum[h] / hcount[h];
      r.peak_hours.push_back({h, r.hourly_mean[h]});
    }
  }
  std::stable_sort(r.peak_hours.begin(), r.peak_hours.end(),
                   [](const PeakHour& a, const PeakHour& b) { return a.mean_kwh > b.mean_kwh; });
  if (r.peak_hours.size() > o.peak_hour_count) r.peak_hours.resize(o.peak_hour_count);

  // ---- base load: per day, minimum mean power of fine readings starting in the night window; median
  std::map<int32_t, double> night_min;
  for (const Reading& rd : fine) {
    const double w = rd.kwh * 1000.0 / (rd.interval_s / 3600.0);
    if (std::isnan(r.max_power_w) || w > r.max_power_w) {
      r.max_power_w = w;
      r.max_power_ts_us = rd.ts;
    }
    if (rd.lt.hour < o.night_from_hour || rd.lt.hour >= o.night_to_hour) continue;
    auto it = night_min.find(rd.lt.day);
    if (it == night_min.end()) night_min[rd.lt.day] = w;
    else it->second = std::min(it->second, w);
  }
  std::vector<double> mins;
  for (auto& [d, w] : night_min) mins.push_back(w);
  r.base_load_days = int64_t(mins.size());
  r.base_load_w = median(mins);

  // ---- months: kWh, HC/HP split, cost, month-on-month
  const Tariff& t = o.tariff;
  std::map<std::string, EnergyMonth> months;
  auto offpeak = [&](int minute) {
    for (const HourRange& hr : t.offpeak_hours)
      if (hr.contains(minute)) return true;
    return false;
  };
  for (const Reading& rd : fine) {
    EnergyMonth& m = months[month_key(rd.lt.day)];
    if (t.kind == Tariff::Kind::PeakOffPeak && offpeak(rd.lt.minute)) m.kwh_offpeak += rd.kwh;
    else m.kwh_peak += rd.kwh;
  }
  for (const Reading& rd : coarse_used) months[month_key(rd.lt.day)].kwh_unsplit += rd.kwh;
  for (const EnergyDay& d : r.days) {
    EnergyMonth& m = months[month_key(d.day)];
    m.month = month_key(d.day);
    m.kwh += d.kwh;
    if (auto it = day_m3.find(d.day); it != day_m3.end()) m.m3 = (std::isnan(m.m3) ? 0 : m.m3) + it->second;
    ++m.days;
    m.cost_subscription_eur += t.subscription_eur_month / days_in_month(d.day);
  }
  const EnergyMonth* prev = nullptr;
  for (auto& [k, m] : months) {
    m.kwh_per_day = m.days ? m.kwh / double(m.days) : k_nan;
    if (t.kind == Tariff::Kind::Base) {
      m.cost_energy_eur = (m.kwh_peak + m.kwh_unsplit) * t.base_eur_kwh;
      m.kwh_peak = m.kwh_offpeak = 0;
      m.kwh_unsplit = m.kwh;  // no split with a Base tariff
    } else {
      m.cost_energy_eur = m.kwh_offpeak * t.offpeak_eur_kwh + (m.kwh_peak + m.kwh_unsplit) * t.peak_eur_kwh;
    }
    m.cost_eur = m.cost_energy_eur + m.cost_subscription_eur;
    if (prev) {
      m.delta_kwh = m.kwh - prev->kwh;
      m.delta_pct = prev->kwh != 0 ? 100.0 * m.delta_kwh / prev->kwh : k_nan;
      m.delta_kwh_per_day = m.kwh_per_day - prev->kwh_per_day;
    }
    r.total_cost_eur += m.cost_eur;
    r.months.push_back(m);
    prev = &r.months.back();
  }

  // ---- heating vs the rest: summer median day, else the lowest month per day
  std::vector<double> summer;
  for (const EnergyDay& d : r.days) {
    const int month = std::stoi(month_key(d.day).substr(5));
    if (month >= 6 && month <= 8) summer.push_back(d.kwh);
  }
  if (summer.size() >= 7) {
    r.base_kwh_per_day = median(summer);
    r.base_from = "summer";
  } else {
    for (const EnergyMonth& m : r.months)
      if (m.days >= 7 && (std::isnan(r.base_kwh_per_day) || m.kwh_per_day < r.base_kwh_per_day)) {
        r.base_kwh_per_day = m.kwh_per_day;
        r.base_from = m.month;
      }
  }
  if (!std::isnan(r.base_kwh_per_day)) {
    r.heating_kwh = 0;
    for (const EnergyDay& d : r.days) {  // the reference days themselves heat nothing
      const std::string mk = month_key(d.day);
      const int month = std::stoi(mk.substr(5));
      if ((month >= 6 && month <= 8) || mk == r.base_from) continue;
      r.heating_kwh += std::max(0.0, d.kwh - r.base_kwh_per_day);
    }
    r.heating_share = r.total_kwh > 0 ? r.heating_kwh / r.total_kwh : k_nan;
  }
  return r;
}

Tariff default_tariff(const std::string& energy) {
  Tariff t;
  if (energy == "gas") {
    t.kind = Tariff::Kind::Base;
    t.base_eur_kwh = 0.12;
    t.subscription_eur_month = 22.0;
    t.offpeak_hours.clear();
  }
  return t;
}

HeatingFit heating_signature(std::span<const EnergyDay> days, std::span<const int32_t> temp_days,
                             std::span<const double> temp_c) {
  HeatingFit f;
  std::map<int32_t, double> temps;
  for (size_t i = 0; i < temp_days.size() && i < temp_c.size(); ++i)
    if (!std::isnan(temp_c[i])) temps[temp_days[i]] = temp_c[i];
  double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
  int64_t n = 0;
  for (const EnergyDay& d : days) {
    auto it = temps.find(d.day);
    if (it == temps.end()) continue;
    const double x = it->second, y = d.kwh;
    sx += x, sy += y, sxx += x * x, sxy += x * y, syy += y * y;
    ++n;
  }
  f.days = n;
  if (n < 2) return f;
  const double vx = sxx - sx * sx / double(n), vy = syy - sy * sy / double(n), cxy = sxy - sx * sy / double(n);
  if (vx <= 0) return f;
  f.slope_kwh_per_degc = cxy / vx;
  f.intercept_kwh = (sy - f.slope_kwh_per_degc * sx) / double(n);
  f.r2 = vy > 0 ? cxy * cxy / (vx * vy) : k_nan;
  return f;
}

}  // namespace sdw::challenge
