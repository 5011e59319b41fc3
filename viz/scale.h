// Axis scales: linear "nice" ticks (1-2-5 steps), value formatting with unit, and calendar-aware time
// ticks in Europe/Paris local time (years down to seconds, DST-correct), French or English labels.
// Owns: tick positions, tick labels, label thinning. Does not own: drawing (viz/chart_draw.cpp) or the
// tz rules themselves (parsers/core/values.h: paris_offset_minutes, paris_local_to_utc).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "viz/locale.h"

namespace sdw {

// [SECTION] linear

struct LinearScale {                       // maps a domain [d0, d1] onto a pixel range [r0, r1]
  double d0 = 0, d1 = 1, r0 = 0, r1 = 1;
  double map(double v) const;              // domain -> pixels (extrapolates outside the domain)
  double invert(double px) const;          // pixels -> domain
};

double nice_step(double span, int target_count);    // 1, 2 or 5 × 10^n, so that span/step ≈ target_count
int decimals_for_step(double step);                 // digits needed to tell ticks `step` apart (0 for ≥ 1)

struct LinearTicks {
  double step = 1;
  int decimals = 0;
  std::vector<double> values;              // multiples of step inside [lo, hi] (inclusive, tolerant)
};
LinearTicks linear_ticks(double lo, double hi, int target_count);
void nice_domain(double& lo, double& hi, int target_count);   // widens [lo, hi] to multiples of the nice step

// "1 234,5 kWh" (fr, U+202F thousands, no-break space before the unit) / "1,234.5 kWh" (en).
std::string format_value(Lang l, double v, int decimals, std::string_view unit = {});
// Compact tick label: 1 500 -> "1 500", 2 500 000 -> "2,5 M" (fr) / "2.5M" (en); no unit.
std::string format_tick(Lang l, double v, double step);

// [SECTION] time (Europe/Paris local time)

enum class TimeUnit : uint8_t { Second, Minute, Hour, Day, Week, Month, Year };

struct TimeStep {
  TimeUnit unit = TimeUnit::Day;
  int count = 1;                           // e.g. {Hour, 6}: every 6 hours at local 00, 06, 12, 18
  double nominal_seconds() const;          // average length (month = 30.44 days)
};

struct LocalTime {                         // wall clock in Europe/Paris
  int64_t year = 1970;
  unsigned month = 1, day = 1;             // 1-based
  int hour = 0, minute = 0, second = 0;
  int weekday = 0;                         // 0 = Monday … 6 = Sunday
  int offset_minutes = 60;                 // 60 (CET) or 120 (CEST)
};
LocalTime paris_local_time(double utc_seconds);
int64_t paris_midnight_utc(int64_t local_days);      // UTC instant of local 00:00 of that civil day
int weekday_monday0(int64_t days);                   // 0 = Monday for days since 1970-01-01

struct TimeTick {
  double t = 0;                            // UTC seconds
  std::string label;
  bool major = false;                      // boundary of the next larger unit (new day, month, year)
};

// The finest step whose labels fit: about `min_px_per_tick` pixels (scaled by the label length of the
// unit) between ticks for `width_px` pixels showing `span_seconds`.
TimeStep choose_time_step(double span_seconds, double width_px, double px_per_char = 7.0);
// Ticks at local calendar boundaries in [t0, t1], labelled in the UI language.
std::vector<TimeTick> time_ticks(double t0, double t1, TimeStep step, Lang l);
std::vector<TimeTick> time_ticks(double t0, double t1, double width_px, Lang l, double px_per_char = 7.0);

const char* month_abbrev(Lang l, unsigned month);    // "janv." / "Jan" (1-based)
const char* weekday_abbrev(Lang l, int weekday);     // "lun." / "Mon" (0 = Monday)
// Tooltip text: "lun. 27 mars 2023 14:30" / "Mon 27 Mar 2023 14:30"; seconds only if non-zero.
std::string format_local_datetime(Lang l, double utc_seconds);
std::string format_local_date(Lang l, int64_t days);  // "lun. 27 mars 2023" for a civil day

// [SECTION] label thinning

// Given label centres (sorted ascending, pixels) and widths, returns keep[i] so that no two kept
// labels are closer than `min_gap` pixels. Higher `priority` labels are kept first; among equals, the
// leftmost wins. Empty priority = all equal.
std::vector<uint8_t> thin_labels(std::span<const double> centers, std::span<const double> widths,
                                 double min_gap, std::span<const uint8_t> priority = {});

}  // namespace sdw
