// Calendar heatmap layout: one cell per day, one block per year, weeks in columns (Monday on the
// first row, French convention), month label columns, and colour bins (quantile or linear) with their
// legend. Owns: geometry in cell units and binning. Does not own: pixels or drawing.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace sdw {

enum class BinMode : uint8_t { Quantile, Linear };

struct LegendBin {
  double lo = 0, hi = 0;          // [lo, hi) (last bin closed)
  uint32_t color = 0;             // packed RGBA (viz/color.h)
};

struct CalendarCell {
  int32_t day = 0;                // days since 1970-01-01
  int16_t col = 0;                // week column within its year (0 = the week holding 1 January)
  int8_t row = 0;                 // 0 = Monday … 6 = Sunday
  int8_t bin = -1;                // index into legend, -1 = no data that day
  double value = 0;               // NaN when no data
};

struct CalendarYear {
  int64_t year = 0;
  int columns = 0;                // 53 or 54
  size_t first_cell = 0;          // cells[first_cell … first_cell + cell_count) belong to this year
  size_t cell_count = 0;          // 365 or 366
  std::array<int16_t, 12> month_col{};   // column of the 1st of each month (where its label goes)
};

struct CalendarLayout {
  std::vector<CalendarYear> years;       // ascending, only years holding at least one day of data
  std::vector<CalendarCell> cells;       // every day of those years, in order
  std::vector<LegendBin> legend;         // colour bins, ascending
  double min = 0, max = 0;               // over days with data
  size_t days_with_data = 0;
};

// Values of the same day are summed (rows -> daily total). NaN values are ignored.
CalendarLayout calendar_layout(std::span<const int32_t> days, std::span<const double> values, int bins,
                               BinMode mode = BinMode::Quantile);

std::vector<double> quantile_edges(std::span<const double> values, int bins);  // strictly increasing, <= bins + 1
std::vector<double> linear_edges(double lo, double hi, int bins);              // bins + 1 equal steps
int bin_index(double v, std::span<const double> edges);                        // -1 for NaN / no edges

}  // namespace sdw
