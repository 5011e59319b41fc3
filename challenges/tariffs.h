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
#include "parsers/core/table.h"
#include "parsers/core/diagnostics.h"

namespace sdw::challenge {

enum class TempoColour : uint8_t { Unknown = 0, Blue = 1, White = 2, Red = 3 };
const char* tempo_colour_id(TempoColour c);  // "unknown", "blue", "white", "red"
TempoColour tempo_colour_of_id(std::string_view id);  // "blue", "white", "red" -> the colour; anything else Unknown

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

// One calendar that went into a merged calendar: the shipped one or a file the person gave.
struct TempoCalendarPart {
  std::string name;                     // the file name (archive entries: "archive.zip/entry"); shipped: its path
  bool shipped = false;
  int32_t first_day = 0, last_day = 0;  // the days it gives
  int64_t days = 0;
  int64_t changed = 0;                  // days where it gave another colour than the calendars under it
};
struct TempoCalendar {
  std::map<int32_t, TempoColour> days;  // local day -> colour
  std::map<int32_t, uint16_t> origin;   // local day -> index in parts of the calendar that gave it (0 if absent)
  std::vector<TempoCalendarPart> parts; // shipped first, then the files in the order they were laid over it
  Diagnostics diag;
  TempoColour colour(int32_t day) const;  // Unknown outside the file
  int part_of(int32_t day) const;         // index in parts of the calendar giving `day`, -1 when none does
  int32_t first_day() const;              // 0 when empty
  int32_t last_day() const;
};
// A calendar file in any layout parsers/formats/tempo.h reads (éCO2mix download, RTE API JSON, api-couleur-tempo JSON,
// "date;couleur" CSV…), through that parser: bad rows are warnings with their line, the parse goes on.
TempoCalendar parse_tempo_calendar(std::string_view text, std::string_view file_name = {});

// A calendar the person gave (a dropped file, `--tempo-calendar FILE`, a calendar among the CLI's files).
struct TempoFile {
  std::string name;
  TempoCalendar calendar;
};
// The name a calendar goes by in the notes: the file as dropped, "archive.zip/entry" for an archive's entry.
std::string tempo_file_name(std::string_view file, std::string_view entry);
// The tempo_days domain tables (parsers/formats/tempo.h) as one calendar per file (or archive entry), in table order.
std::vector<TempoFile> tempo_files_of(const std::vector<const Table*>& tables);
// THE MERGE RULE of Tempo calendars (the page and the CLI call this, nothing else): the shipped calendar, then
// every file over it; a file gives its days over the calendars under it. The files are laid in the order of their
// last day, then first day, then name, so where two files disagree the newer calendar wins — whatever the order
// they were dropped or given in. Days no calendar gives stay unknown (compare_tariffs prices them blue, says so).
TempoCalendar merge_tempo_calendars(const TempoCalendar& shipped, std::vector<TempoFile> files);

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
  int32_t tempo_unknown_first = 0, tempo_unknown_last = -1;  // Tempo days of the curve with no colour known
  std::vector<int64_t> tempo_days_by_part;  // Tempo days of the curve coloured by each part of the calendar
  bool degraded = false;             // some days only had daily (coarse) readings
  double assumed_hc_share = k_nan;   // HC share used on those days
  int kva = 6;
  std::vector<Message> notes;        // FR/EN: which Tempo calendar, scaling, carried prices, degraded mode, unknown colours
};
TariffComparison compare_tariffs(const EnergyView& v, const TariffOptions& o,
                                 const TariffTable& table = shipped_tariffs(),
                                 const TempoCalendar& calendar = shipped_tempo_calendar());

}  // namespace sdw::challenge
