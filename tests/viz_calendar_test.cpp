// viz/calendar: week columns with Monday first, month label columns, quantile and linear bins.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "parsers/core/values.h"
#include "viz/calendar.h"
#include "viz/color.h"

using namespace sdw;

TEST_CASE("viz calendar: 2023 layout, Monday on the first row") {
  std::vector<int32_t> days;
  std::vector<double> vals;
  for (unsigned m = 1; m <= 12; m++) {
    days.push_back(int32_t(days_from_civil(2023, m, 15)));
    vals.push_back(m);
  }
  days.push_back(int32_t(days_from_civil(2023, 1, 15)));   // a second row for 15 January: summed
  vals.push_back(10);
  auto L = calendar_layout(days, vals, 4);
  REQUIRE(L.years.size() == 1);
  const auto& y = L.years[0];
  CHECK(y.year == 2023);
  CHECK(y.cell_count == 365);
  CHECK(y.columns == 53);
  CHECK(L.cells.size() == 365);
  // 1 Jan 2023 was a Sunday: bottom row of column 0; Monday 2 Jan opens column 1
  CHECK(L.cells[0].row == 6);
  CHECK(L.cells[0].col == 0);
  CHECK(L.cells[1].row == 0);
  CHECK(L.cells[1].col == 1);
  CHECK(y.month_col[2] == 9);      // 1 March 2023 (Wednesday)
  CHECK(y.month_col[0] == 0);
  CHECK(L.cells[14].value == doctest::Approx(11));   // 1 + 10
  CHECK(std::isnan(L.cells[13].value));
  CHECK(L.cells[13].bin == -1);
  CHECK(L.days_with_data == 12);
  CHECK(L.min == 2);
  CHECK(L.max == 12);
}

TEST_CASE("viz calendar: a leap year starting on Monday, two years") {
  std::vector<int32_t> days{int32_t(days_from_civil(2024, 12, 31)), int32_t(days_from_civil(2023, 6, 1))};
  std::vector<double> vals{1, 2};
  auto L = calendar_layout(days, vals, 3, BinMode::Linear);
  REQUIRE(L.years.size() == 2);
  CHECK(L.years[0].year == 2023);
  CHECK(L.years[1].year == 2024);
  CHECK(L.years[1].cell_count == 366);
  CHECK(L.years[1].columns == 53);
  const auto& first = L.cells[L.years[1].first_cell];
  CHECK(first.row == 0);           // 1 Jan 2024: Monday
  CHECK(first.col == 0);
  const auto& last = L.cells[L.years[1].first_cell + 365];
  CHECK(last.row == 1);            // 31 Dec 2024: Tuesday
  CHECK(last.col == 52);
  CHECK(L.cells.size() == 365 + 366);
}

TEST_CASE("viz calendar: quantile bins split values evenly; legend runs along viridis") {
  std::vector<double> v;
  for (int i = 1; i <= 100; i++) v.push_back(i);
  auto e = quantile_edges(v, 4);
  REQUIRE(e.size() == 5);
  CHECK(e[0] == 1);
  CHECK(e[1] == doctest::Approx(25.75));
  CHECK(e[4] == 100);
  int counts[4] = {0, 0, 0, 0};
  for (double x : v) counts[bin_index(x, e)]++;
  CHECK(counts[0] == 25);
  CHECK(counts[1] == 25);
  CHECK(counts[2] == 25);
  CHECK(counts[3] == 25);
  CHECK(bin_index(NAN, e) == -1);
  std::vector<double> same{3, 3, 3};
  CHECK(quantile_edges(same, 5).size() == 2);   // one bin, not five empty ones

  std::vector<int32_t> days;
  for (int i = 0; i < 100; i++) days.push_back(int32_t(days_from_civil(2023, 1, 1)) + i);
  auto L = calendar_layout(days, v, 4);
  REQUIRE(L.legend.size() == 4);
  CHECK(L.legend.front().color == viridis(0));
  CHECK(L.legend.back().color == viridis(1));
  CHECK(L.cells[0].bin == 0);
  CHECK(L.cells[99].bin == 3);
  auto lin = linear_edges(0, 10, 5);
  CHECK(lin == std::vector<double>{0, 2, 4, 6, 8, 10});
}
