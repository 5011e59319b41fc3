// Digital-footprint computations (see footprint.h).
#include "challenges/footprint.h"

#include <algorithm>
#include <map>

#include "challenges/common.h"

namespace sdw::challenge {

namespace {
std::vector<NameCount> most_first(const std::map<std::string, int64_t>& m) {
  std::vector<NameCount> v;
  for (auto& [k, n] : m) v.push_back({k, n});
  std::stable_sort(v.begin(), v.end(), [](const NameCount& a, const NameCount& b) { return a.count > b.count; });
  return v;
}
}  // namespace

FootprintResult footprint_summary(const ActivityView& v, size_t top) {
  FootprintResult r;
  std::map<std::string, int64_t> plat, kind, pk, months;
  for (size_t i = 0; i < v.ts_us.size(); ++i) {
    const LocalTime lt = local_time(v.ts_us[i], offset_at(v.ts_off, i));   // the offset the export wrote, else Paris
    if (r.events == 0 || lt.day < r.first_day) r.first_day = lt.day;
    if (r.events == 0 || lt.day > r.last_day) r.last_day = lt.day;
    ++r.events;
    ++r.by_weekday_hour[lt.weekday][lt.hour];
    ++r.by_hour[lt.hour];
    ++r.by_weekday[lt.weekday];
    if (lt.hour < 6) ++r.night_events;
    const std::string p(i < v.platform.size() ? v.platform[i] : std::string_view{});
    const std::string k(i < v.kind.size() ? v.kind[i] : std::string_view{});
    ++plat[p];
    ++kind[k];
    ++pk[p + " · " + k];
    ++months[month_key(lt.day)];
  }
  r.by_platform = most_first(plat);
  r.by_kind = most_first(kind);
  r.by_platform_kind = most_first(pk);
  for (auto& [m, n] : months) r.by_month.push_back({m, n});
  for (int h = 0; h < 24; ++h)
    if (r.by_hour[h]) r.busiest_hours.push_back({-1, h, r.by_hour[h]});
  for (int d = 0; d < 7; ++d)
    for (int h = 0; h < 24; ++h)
      if (r.by_weekday_hour[d][h]) r.busiest_slots.push_back({d, h, r.by_weekday_hour[d][h]});
  auto by_count = [](const HourCount& a, const HourCount& b) { return a.count > b.count; };
  std::stable_sort(r.busiest_hours.begin(), r.busiest_hours.end(), by_count);
  std::stable_sort(r.busiest_slots.begin(), r.busiest_slots.end(), by_count);
  if (r.busiest_hours.size() > top) r.busiest_hours.resize(top);
  if (r.busiest_slots.size() > top) r.busiest_slots.resize(top);
  return r;
}

}  // namespace sdw::challenge
