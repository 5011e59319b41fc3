// Cell-level value parsing shared by every text parser: null tokens, French/English numbers, booleans,
// dates, date-times, and the Europe/Paris local-time rules (DST gap/overlap).
// Owns: the grammar of one cell. Does not own: column type inference or any per-column state
// (parsers/readers/csv.cpp resolves DST overlaps using the previous value of the column).
#pragma once
#include <cstdint>
#include <string_view>

namespace sdw {

// ---- text helpers
std::string_view trim_ends(std::string_view s);  // trim() past its inline test
// Strips ASCII spaces/tabs and U+00A0 at both ends. Inline: most cells have nothing to strip.
inline std::string_view trim(std::string_view s) {
  if (s.empty()) return s;
  const char f = s.front(), l = s.back();
  if (f != ' ' && f != '\t' && f != '\xC2' && l != ' ' && l != '\t' && l != '\xA0') return s;
  return trim_ends(s);
}
bool is_null_token(std::string_view s);          // "", null, NULL, NA, N/A, n/a, - (s already trimmed)

// ---- scalars (input already trimmed; return false when the cell is not of that type)
bool parse_bool(std::string_view s, bool& out);      // true/false, vrai/faux, oui/non, yes/no (any case)
bool parse_int(std::string_view s, int64_t& out);    // "-1 234", "+12"; no leading zero ("0123" is text)
bool parse_float(std::string_view s, double& out);   // "1 234,56", "1.234,56", "-12,5", "1e5", ints too

// ---- calendar
int64_t days_from_civil(int64_t y, unsigned m, unsigned d);          // proleptic Gregorian, 1970-01-01 = 0
void civil_from_days(int64_t days, int64_t& y, unsigned& m, unsigned& d);
bool valid_ymd(int64_t y, unsigned m, unsigned d);

bool parse_date(std::string_view s, int32_t& days);  // dd/mm/yyyy, d/m/yyyy, dd/mm/yy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd, yyyy/mm/dd

// ---- Europe/Paris local time (EU rule applied to every year, including years before 1996 when France's
// real rules differed: exports we read are recent, and one deterministic rule beats a partial tz database)
int paris_offset_minutes(int64_t utc_seconds);  // 60 (CET) or 120 (CEST)

enum class LocalKind : uint8_t { Normal, Gap, Overlap };
struct LocalResolution {
  LocalKind kind = LocalKind::Normal;
  int64_t utc_seconds = 0;     // chosen instant: Normal: the only one; Gap: pre-transition +01:00; Overlap: first (+02:00)
  int offset_minutes = 60;     // offset of the chosen instant
  int64_t second_utc_seconds = 0;  // Overlap only: the second occurrence (+01:00), one hour later
  int second_offset_minutes = 60;
};
LocalResolution paris_local_to_utc(int64_t local_seconds);  // local_seconds: wall clock as if it were UTC

enum class LocalZone : uint8_t { Paris, Utc };  // how to read local times without an offset
LocalZone zone_from_name(std::string_view name, bool* known = nullptr);  // "Europe/Paris", "UTC"

struct DateTime {
  int64_t utc_us = 0;                 // instant (microseconds since epoch, UTC)
  int16_t offset_min = INT16_MIN;     // offset written in the source, INT16_MIN (k_unknown_offset) if none
  LocalKind kind = LocalKind::Normal; // Gap/Overlap only for local times read in Europe/Paris
  int64_t second_utc_us = 0;          // Overlap: the +01:00 candidate (one hour after utc_us)
  bool date_only = false;             // the cell was a plain date (midnight local)
  bool utc_designator = false;        // written with "Z": the instant in UTC, which says nothing of local time
  // The offset to store with the value (Column::utc_offset_min): the one written, except "Z", which is a
  // way of writing the instant (GPX, Records.json, LRS statements), not the local clock of the record.
  int16_t local_offset() const { return utc_designator ? int16_t(INT16_MIN) : offset_min; }
};
// ISO 8601 (T or space, fraction, Z / +01:00 / +0100 / +01) and dd/mm/yyyy HH:MM[:SS].
// With allow_date_only, a plain date is accepted as local midnight.
bool parse_datetime(std::string_view s, LocalZone zone, DateTime& out, bool allow_date_only = false);

// ---- inference support: which types a (trimmed, non-null) cell can be read as
enum TypeBits : uint8_t {
  k_can_bool = 1, k_can_int = 2, k_can_float = 4, k_can_date = 8, k_can_timestamp = 16,
  k_can_all = 31,
};
uint8_t value_type_bits(std::string_view trimmed, LocalZone zone);

}  // namespace sdw
