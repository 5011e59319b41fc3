// libFuzzer target: the user-loadable energy data files (challenges/tariffs.cpp): a price table and a Tempo calendar
// of any bytes must parse to rows plus located warnings, never crash; the comparison then runs on a fixed tiny curve.
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "challenges/tariffs.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sdw::challenge;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const TariffTable table = parse_tariff_table(text);
  // the merge rule the page and the CLI use: the shipped calendar, the fuzzed one laid over it
  std::vector<TempoFile> files;
  files.push_back({"fuzz.csv", parse_tempo_calendar(text)});
  const TempoCalendar cal = merge_tempo_calendars(shipped_tempo_calendar(), std::move(files));
  // 2024-03-05 17:00Z and 22:00Z, one hour each (a red Tempo day in the shipped calendar)
  const int64_t start[2] = {1709658000LL * 1000000, 1709676000LL * 1000000};
  const int64_t end[2] = {start[0] + 3600LL * 1000000, start[1] + 3600LL * 1000000};
  const double kwh[2] = {2.0, 1.0};
  const EnergyView v{start, end, {}, kwh};
  TariffOptions o;
  (void)compare_tariffs(v, o, table, cal);
  return 0;
}
