// Linear and time scales: tick positions and labels. Time ticks are computed on the Europe/Paris wall
// clock (days at local midnight, hours at local hours), so a day tick never lands at 23:00 or 01:00
// around a DST change.
#include "viz/scale.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "parsers/core/values.h"

namespace sdw {

// [SECTION] linear

double LinearScale::map(double v) const {
  const double d = d1 - d0;
  return d == 0 ? (r0 + r1) * 0.5 : r0 + (v - d0) / d * (r1 - r0);
}

double LinearScale::invert(double px) const {
  const double r = r1 - r0;
  return r == 0 ? (d0 + d1) * 0.5 : d0 + (px - r0) / r * (d1 - d0);
}

double nice_step(double span, int target_count) {
  if (!(span > 0) || !std::isfinite(span)) return 1;
  if (target_count < 1) target_count = 1;
  const double raw = span / target_count;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / mag;
  const double nice = norm < 1.5 ? 1 : norm < 3.5 ? 2 : norm < 7.5 ? 5 : 10;
  return nice * mag;
}

int decimals_for_step(double step) {
  if (!(step > 0) || !std::isfinite(step)) return 0;
  if (step >= 1 - 1e-9) return 0;
  // 0.5 -> 1, 0.2 -> 1, 0.05 -> 2, 0.025 -> 3 (tolerant of binary fractions)
  for (int d = 1; d < 15; d++) {
    const double scaled = step * std::pow(10.0, d);
    if (std::fabs(scaled - std::round(scaled)) < 1e-6 * scaled) return d;
  }
  return 15;
}

LinearTicks linear_ticks(double lo, double hi, int target_count) {
  LinearTicks t;
  if (!std::isfinite(lo) || !std::isfinite(hi)) return t;
  if (hi < lo) std::swap(lo, hi);
  if (hi == lo) {  // a flat series still gets an axis around its value
    const double pad = lo == 0 ? 1 : std::fabs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  t.step = nice_step(hi - lo, target_count);
  t.decimals = decimals_for_step(t.step);
  const double eps = t.step * 1e-9;
  const double first = std::ceil((lo - eps) / t.step);
  for (int i = 0; i < 1000; i++) {
    double v = (first + i) * t.step;
    if (v > hi + eps) break;
    if (std::fabs(v) < eps) v = 0;   // no "-0"
    t.values.push_back(v);
  }
  return t;
}

void nice_domain(double& lo, double& hi, int target_count) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) return;
  if (hi < lo) std::swap(lo, hi);
  if (hi == lo) {
    const double pad = lo == 0 ? 1 : std::fabs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const double step = nice_step(hi - lo, target_count);
  lo = std::floor(lo / step + 1e-9) * step;
  hi = std::ceil(hi / step - 1e-9) * step;
}

std::string format_value(Lang l, double v, int decimals, std::string_view unit) {
  std::string s = format_number(l, v, decimals);
  if (!unit.empty()) {
    s += l == Lang::Fr ? "\u00A0" : " ";
    s += unit;
  }
  return s;
}

std::string format_tick(Lang l, double v, double step) {
  const double big = std::max(std::fabs(v), step);
  struct Suffix { double div; const char* fr; const char* en; };
  static const Suffix k_suffix[] = {{1e9, "\u00A0Md", "B"}, {1e6, "\u00A0M", "M"}, {1e3, "", ""}};
  for (const auto& s : k_suffix) {
    if (s.div == 1e3) break;              // thousands stay grouped digits: "12 500"
    if (big >= s.div && step >= s.div / 10) {
      return format_number(l, v / s.div, decimals_for_step(step / s.div)) + (l == Lang::Fr ? s.fr : s.en);
    }
  }
  return format_number(l, v, decimals_for_step(step));
}

// [SECTION] time: local calendar

namespace {

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

const char* const k_months_fr[] = {"janv.", "févr.", "mars", "avr.", "mai", "juin",
                                   "juil.", "août", "sept.", "oct.", "nov.", "déc."};
const char* const k_months_en[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* const k_days_fr[] = {"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."};
const char* const k_days_en[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

std::string hm(int h, int m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", h, m);
  return buf;
}

std::string hms(int h, int m, int s) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", h, m, s);
  return buf;
}

// "27 mars" / "27 Mar"
// (Built with append: g++ 12 warns falsely (-Wrestrict, PR 105329) on chained operator+ here.)
std::string day_month(Lang l, unsigned day, unsigned month) {
  std::string s = std::to_string(day);
  s.append(" ").append(month_abbrev(l, month));
  return s;
}

// "lun. 27 mars" / "Mon 27 Mar"
std::string weekday_day_month(Lang l, int wd, unsigned day, unsigned month) {
  std::string s(weekday_abbrev(l, wd));
  s.append(" ").append(day_month(l, day, month));
  return s;
}

}  // namespace

const char* month_abbrev(Lang l, unsigned month) {
  if (month < 1 || month > 12) return "?";
  return l == Lang::En ? k_months_en[month - 1] : k_months_fr[month - 1];
}

const char* weekday_abbrev(Lang l, int weekday) {
  if (weekday < 0 || weekday > 6) return "?";
  return l == Lang::En ? k_days_en[weekday] : k_days_fr[weekday];
}

int weekday_monday0(int64_t days) { return int(((days + 3) % 7 + 7) % 7); }  // 1970-01-01: Thursday

LocalTime paris_local_time(double utc_seconds) {
  LocalTime lt;
  const int64_t s = int64_t(std::floor(utc_seconds));
  lt.offset_minutes = paris_offset_minutes(s);
  const int64_t local = s + int64_t(lt.offset_minutes) * 60;
  const int64_t days = floor_div(local, 86400);
  const int64_t sod = local - days * 86400;
  civil_from_days(days, lt.year, lt.month, lt.day);
  lt.hour = int(sod / 3600);
  lt.minute = int(sod / 60 % 60);
  lt.second = int(sod % 60);
  lt.weekday = weekday_monday0(days);
  return lt;
}

int64_t paris_midnight_utc(int64_t local_days) {
  // Paris changes its clocks at 02:00/03:00, so local midnight always exists exactly once.
  return paris_local_to_utc(local_days * 86400).utc_seconds;
}

std::string format_local_date(Lang l, int64_t days) {
  int64_t y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  return weekday_day_month(l, weekday_monday0(days), d, m) + " " + std::to_string(y);
}

std::string format_local_datetime(Lang l, double utc_seconds) {
  const LocalTime lt = paris_local_time(utc_seconds);
  std::string s = weekday_day_month(l, lt.weekday, lt.day, lt.month) + " " + std::to_string(lt.year) + " ";
  s += lt.second ? hms(lt.hour, lt.minute, lt.second) : hm(lt.hour, lt.minute);
  return s;
}

// [SECTION] time: step choice and ticks

double TimeStep::nominal_seconds() const {
  static const double k_unit[] = {1, 60, 3600, 86400, 7 * 86400, 30.436875 * 86400, 365.2425 * 86400};
  return k_unit[int(unit)] * count;
}

namespace {

struct StepCandidate { TimeUnit unit; int count; int chars; };
// Finest first; `chars` is the usual label length (the thinning pass handles the longer major labels).
const StepCandidate k_steps[] = {
  {TimeUnit::Second, 1, 8}, {TimeUnit::Second, 2, 8}, {TimeUnit::Second, 5, 8}, {TimeUnit::Second, 10, 8},
  {TimeUnit::Second, 15, 8}, {TimeUnit::Second, 30, 8},
  {TimeUnit::Minute, 1, 5}, {TimeUnit::Minute, 2, 5}, {TimeUnit::Minute, 5, 5}, {TimeUnit::Minute, 10, 5},
  {TimeUnit::Minute, 15, 5}, {TimeUnit::Minute, 30, 5},
  // hours: 9 = room for "14:00" beside the wider date label that replaces 00:00
  {TimeUnit::Hour, 1, 9}, {TimeUnit::Hour, 2, 9}, {TimeUnit::Hour, 3, 9}, {TimeUnit::Hour, 6, 9},
  {TimeUnit::Hour, 12, 9},
  {TimeUnit::Day, 1, 12}, {TimeUnit::Day, 2, 7},
  {TimeUnit::Week, 1, 7}, {TimeUnit::Week, 2, 7},
  {TimeUnit::Month, 1, 5}, {TimeUnit::Month, 2, 5}, {TimeUnit::Month, 3, 5}, {TimeUnit::Month, 6, 5},
  {TimeUnit::Year, 1, 4}, {TimeUnit::Year, 2, 4}, {TimeUnit::Year, 5, 4}, {TimeUnit::Year, 10, 4},
  {TimeUnit::Year, 20, 4}, {TimeUnit::Year, 50, 4}, {TimeUnit::Year, 100, 4},
};

constexpr size_t k_max_ticks = 2000;   // guard against a step far too fine for the span

}  // namespace

TimeStep choose_time_step(double span_seconds, double width_px, double px_per_char) {
  if (!(span_seconds > 0) || !(width_px > 0)) return {TimeUnit::Day, 1};
  const double px_per_second = width_px / span_seconds;
  for (const auto& c : k_steps) {
    const TimeStep s{c.unit, c.count};
    const double need = c.chars * px_per_char + 16;   // label plus breathing room
    if (s.nominal_seconds() * px_per_second >= need) return s;
  }
  // Centuries and beyond: multiples of 100 years.
  const double years = span_seconds / (365.2425 * 86400);
  const double per_tick = 4 * px_per_char + 16;
  const int count = int(nice_step(years, std::max(1, int(width_px / per_tick))));
  return {TimeUnit::Year, std::max(100, count)};
}

std::vector<TimeTick> time_ticks(double t0, double t1, double width_px, Lang l, double px_per_char) {
  return time_ticks(t0, t1, choose_time_step(t1 - t0, width_px, px_per_char), l);
}

std::vector<TimeTick> time_ticks(double t0, double t1, TimeStep step, Lang l) {
  std::vector<TimeTick> out;
  if (!(t1 > t0) || !std::isfinite(t0) || !std::isfinite(t1) || step.count < 1) return out;
  const int n = step.count;
  auto push = [&](double t, std::string label, bool major) {
    if (t >= t0 && t <= t1 && out.size() < k_max_ticks) out.push_back({t, std::move(label), major});
  };
  // Label of a local midnight: the date, with the year on 1 January.
  auto date_label = [&](const LocalTime& lt, bool weekday) {
    std::string s = weekday ? weekday_day_month(l, lt.weekday, lt.day, lt.month) : day_month(l, lt.day, lt.month);
    if (lt.month == 1 && lt.day == 1) s.append(" ").append(std::to_string(lt.year));
    return s;
  };

  switch (step.unit) {
    case TimeUnit::Second:
    case TimeUnit::Minute: {
      // Paris offsets are whole hours: UTC multiples of a minute are local multiples too.
      const double s = n * (step.unit == TimeUnit::Minute ? 60.0 : 1.0);
      for (double t = std::ceil(t0 / s) * s; t <= t1 && out.size() < k_max_ticks; t += s) {
        const LocalTime lt = paris_local_time(t);
        const bool midnight = lt.hour == 0 && lt.minute == 0 && lt.second == 0;
        if (midnight) push(t, date_label(lt, true), true);
        else push(t, step.unit == TimeUnit::Second ? hms(lt.hour, lt.minute, lt.second) : hm(lt.hour, lt.minute),
                  lt.minute == 0 && lt.second == 0 && step.unit == TimeUnit::Second);
      }
      break;
    }
    case TimeUnit::Hour: {
      // Walk UTC hours and keep those whose local hour is a multiple of n: across the autumn change,
      // local 02:00 honestly appears twice; in spring it does not exist.
      size_t guard = 0;
      for (double t = std::floor(t0 / 3600) * 3600; t <= t1 && guard < k_max_ticks * 24; t += 3600, guard++) {
        const LocalTime lt = paris_local_time(t);
        if (lt.hour % n != 0) continue;
        if (lt.hour == 0) push(t, date_label(lt, true), true);
        else push(t, hm(lt.hour, 0), false);
      }
      break;
    }
    case TimeUnit::Day:
    case TimeUnit::Week:
    case TimeUnit::Month:
    case TimeUnit::Year: {
      const LocalTime first = paris_local_time(t0);
      const int64_t day0 = days_from_civil(first.year, first.month, first.day);
      const LocalTime last = paris_local_time(t1);
      const int64_t day1 = days_from_civil(last.year, last.month, last.day);
      if (step.unit == TimeUnit::Day) {
        for (int64_t d = day0; d <= day1 && out.size() < k_max_ticks; d++) {
          int64_t y;
          unsigned m, dom;
          civil_from_days(d, y, m, dom);
          if ((dom - 1) % unsigned(n) != 0 || (n > 1 && dom == 31)) continue;  // 1, 3, 5 … 29 with n = 2
          LocalTime lt;
          lt.year = y; lt.month = m; lt.day = dom; lt.weekday = weekday_monday0(d);
          push(double(paris_midnight_utc(d)), date_label(lt, n == 1), dom == 1);
        }
      } else if (step.unit == TimeUnit::Week) {
        int64_t d = day0 + (7 - weekday_monday0(day0)) % 7;   // first Monday on or after day0
        int64_t prev_year = first.year;
        unsigned prev_month = first.month;
        for (; d <= day1 && out.size() < k_max_ticks; d += 7) {
          if (n > 1 && ((floor_div(d - 4, 7) % n) + n) % n != 0) continue;  // 1970-01-05 was the first Monday
          int64_t y;
          unsigned m, dom;
          civil_from_days(d, y, m, dom);
          std::string label = day_month(l, dom, m);
          if (y != prev_year) label.append(" ").append(std::to_string(y));
          push(double(paris_midnight_utc(d)), std::move(label), m != prev_month);
          prev_year = y;
          prev_month = m;
        }
      } else if (step.unit == TimeUnit::Month) {
        int64_t y = first.year;
        unsigned m = first.month;
        for (size_t guard = 0; guard < k_max_ticks * 12; guard++) {
          const int64_t d = days_from_civil(y, m, 1);
          if (d > day1) break;
          if ((m - 1) % unsigned(n) == 0) {
            // d3-style: January shows the year, other months their name.
            push(double(paris_midnight_utc(d)), m == 1 ? std::to_string(y) : month_abbrev(l, m), m == 1);
          }
          if (++m > 12) { m = 1; y++; }
        }
      } else {
        int64_t y = first.year - ((first.year % n) + n) % n;
        for (; y <= last.year && out.size() < k_max_ticks; y += n) {
          push(double(paris_midnight_utc(days_from_civil(y, 1, 1))), std::to_string(y), y % (n * 10) == 0);
        }
      }
      break;
    }
  }
  return out;
}

// [SECTION] label thinning

std::vector<uint8_t> thin_labels(std::span<const double> centers, std::span<const double> widths,
                                 double min_gap, std::span<const uint8_t> priority) {
  const size_t n = std::min(centers.size(), widths.size());
  std::vector<uint8_t> keep(n, 0);
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t(0));
  if (priority.size() >= n) {
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return priority[a] > priority[b]; });
  }
  std::vector<size_t> kept;
  kept.reserve(n);
  for (size_t i : order) {
    bool ok = true;
    for (size_t j : kept) {
      if (std::fabs(centers[i] - centers[j]) < (widths[i] + widths[j]) * 0.5 + min_gap) { ok = false; break; }
    }
    if (ok) {
      keep[i] = 1;
      kept.push_back(i);
    }
  }
  return keep;
}

}  // namespace sdw
