// Digital-footprint challenge: when the user is active online, from the activity table (My Activity,
// social and media histories): events by local hour of day x day of week, per platform and kind, the
// busiest hours. Does not own: reading tables, drawing, JSON.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sdw::challenge {

struct ActivityView {
  std::span<const int64_t> ts_us;                   // UTC µs
  std::span<const std::string_view> platform, kind; // may be empty
  std::span<const int16_t> ts_off = {};            // may be empty; each event's local offset (common.h local_time)
};
struct NameCount {
  std::string name;
  int64_t count = 0;
};
struct HourCount {
  int weekday = -1;              // -1: any day (busiest_hours); 0 = Monday … 6 = Sunday (busiest_slots)
  int hour = 0;
  int64_t count = 0;
};
struct FootprintResult {
  int64_t events = 0;
  std::array<std::array<int64_t, 24>, 7> by_weekday_hour{};   // [0=Monday][local hour]
  std::array<int64_t, 24> by_hour{};
  std::array<int64_t, 7> by_weekday{};
  std::vector<NameCount> by_platform, by_kind, by_platform_kind;  // most first; platform_kind "YouTube · view"
  std::vector<NameCount> by_month;                                // "2023-03", ascending
  std::vector<HourCount> busiest_hours;                           // top hours of day
  std::vector<HourCount> busiest_slots;                           // top (weekday, hour) cells
  int64_t night_events = 0;                                       // 00:00-06:00 local
  int32_t first_day = 0, last_day = 0;
};
FootprintResult footprint_summary(const ActivityView& v, size_t top = 3);

}  // namespace sdw::challenge
