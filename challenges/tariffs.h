// Which EDF regulated tariff fits a load curve: Base, Heures Creuses (the user's off-peak ranges) and Tempo (the
// colour of each day), each with its subscription by meter power, priced with the grid in force on each day.
// Owns: parsing the price table and the Tempo calendar (data/energy/, embedded at build time or loaded by the
// user), and the comparison. Does not own: reading files, drawing, JSON (challenges/energy_save.h).
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "challenges/common.h"
#include "challenges/energy.h"
#include "parsers/diagnostics.h"

namespace sdw::challenge {

enum class TempoColour : uint8_t { Unknown = 0, Blue = 1, White = 2, Red = 3 };
const char* tempo_colour_id(TempoColour c);  // "unknown", "blue", "white", "red"

// One row of edf_tarif_bleu.csv. Empty cells are NaN: "not sourced for that period".
struct TariffRow {
  enum Field { Subscription = 0, Base, Hp, Hc, BlueHp, BlueHc, WhiteHp, WhiteHc, RedHp, RedHc, FieldCount };
  std::string option;                // "base", "hphc", "tempo"
  int32_t valid_from = 0;            // local day, inclusive
  int32_t valid_to = INT32_MAX;      // local day, inclusive; INT32_MAX when still in force
  int kva = 0;                       // 0 = every power ("*")
  std::array<double, FieldCount> f;  // subscription €/month, then €/kWh prices
  std::string source;                // source id (data/energy/SOURCES.md)
  uint64_t line = 0;
};
struct TariffTable {
  std::vector<TariffRow> rows;       // file order
  Diagnostics diag;                  // bad rows: skipped, counted, located
};
// Parses the price table (the shipped one, or a user's edited copy of the same shape).
TariffTable parse_tariff_table(std::string_view csv);

struct TempoCalendar {
  std::map<int32_t, TempoColour> days;  // local day -> colour
  Diagnostics diag;
  TempoColour colour(int32_t day) const;  // Unknown outside the file
  int32_t first_day() const;              // 0 when empty
  int32_t last_day() const;
};
// "date,couleur" rows: dates yyyy-mm-dd or dd/mm/yyyy, colours BLEU/BLANC/ROUGE, Bleu/Blanc/Rouge, BLUE/WHITE/RED
// or RTE's codes 1/2/3 (0 = unknown); ',' or ';' separated; a header line is optional.
TempoCalendar parse_tempo_calendar(std::string_view csv);
// `newer` overrides `base` on the days it gives (a user's newer file over the shipped one).
void merge_tempo_calendar(TempoCalendar& base, const TempoCalendar& newer);

const TariffTable& shipped_tariffs();           // data/energy/edf_tarif_bleu.csv, parsed once
const TempoCalendar& shipped_tempo_calendar();  // data/energy/tempo_calendar.csv, parsed once
std::string_view energy_sources_md();           // data/energy/SOURCES.md as shipped

struct TariffOptions {
  int kva = 6;                                                          // meter power (puissance souscrite)
  std::vector<HourRange> offpeak_hours = {HourRange{22 * 60, 6 * 60}};  // the contract's HC ranges (local)
  std::string current = "base";                                         // the user's contract today
  double fine_max_interval_s = 3600;                                    // longer readings: degraded (daily) mode
};

struct TariffCost {
  std::string id;                    // "base", "hphc", "tempo"
  bool available = false;            // false: no subscription for this power in any sourced period
  double energy_eur = 0, subscription_eur = 0, cost_eur = 0;
  double cost_eur_per_year = k_nan;  // cost_eur * 365 / days covered
  double kwh_total = 0, kwh_hp = 0, kwh_hc = 0;  // Base: everything counts as HP
  std::array<std::array<double, 2>, 4> kwh_by_colour{};  // [TempoColour][0 = hp, 1 = hc]; [0] unknown colour
  std::vector<std::string> sources;  // source ids of the rows used
  std::vector<std::string> carried;  // "subscription 2025-02-01..2025-07-31 <- 2024-02-01" (not sourced, carried)
};

struct TariffComparison {
  std::vector<TariffCost> tariffs;   // base, hphc, tempo
  std::string best;                  // cheapest available id ("" when none)
  std::string current;
  double saving_eur_per_year = k_nan;  // current minus best, per year
  int32_t first_day = 0, last_day = -1;
  int64_t days = 0;                  // local days with readings
  int64_t fine_readings = 0, coarse_readings = 0, skipped_coarse = 0, tempo_unknown_days = 0;
  bool degraded = false;             // some days only had daily (coarse) readings
  double assumed_hc_share = k_nan;   // HC share used on those days
  int kva = 6;
  std::vector<Message> notes;        // FR/EN: scaling, carried prices, degraded mode, unknown colours
};
TariffComparison compare_tariffs(const EnergyView& v, const TariffOptions& o,
                                 const TariffTable& table = shipped_tariffs(),
                                 const TempoCalendar& calendar = shipped_tempo_calendar());

}  // namespace sdw::challenge
