// Shared helpers of the self-data challenges: local calendar keys (day, ISO week, month, hour, weekday)
// from UTC microseconds and the offset the record's export wrote (Europe/Paris when it wrote none), French label folding and the editable keyword rules that map
// bank / receipt labels to categories. Owns: those helpers. Does not own: any challenge's figures.
#pragma once
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sdw::challenge {

inline constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// ---- Europe/Paris local time (parsers/core/values.h rules: CET/CEST, EU switch dates)
struct LocalTime {
  int32_t day = 0;         // local civil day, days since 1970-01-01
  int minute = 0;          // minute of the local day, 0..1439
  int hour = 0;            // 0..23
  int weekday = 0;         // 0 = Monday … 6 = Sunday
};
LocalTime paris_local(int64_t utc_us);

// ---- a record's own local time: UTC + the offset its export wrote (parsers/core/table.h utc_offset_min: Google's
// on-device "-05:00", Apple Health "-0500", xAPI "+09:00"…), else from its position (challenges/tz.h, when the
// caller looked it up), else Europe/Paris as above. k_no_offset: none known ("Z" is not a local offset).
inline constexpr int16_t k_no_offset = std::numeric_limits<int16_t>::min();   // = sdw::k_unknown_offset
inline bool offset_known(int16_t off) { return off > -18 * 60 && off < 18 * 60; }
inline int16_t offset_at(std::span<const int16_t> offsets, size_t i) { return i < offsets.size() ? offsets[i] : k_no_offset; }
int offset_or_paris(int64_t utc_us, int16_t offset_min);     // minutes east of UTC
// The local wall clock as microseconds "as if it were UTC": days and hours of it are the local ones.
int64_t local_clock_us(int64_t utc_us, int16_t offset_min);
LocalTime clock_time(int64_t clock_us);                      // day, minute, hour, weekday of a wall clock
LocalTime local_time(int64_t utc_us, int16_t offset_min);   // = clock_time(local_clock_us(…))
int weekday_of(int32_t day);                     // 0 = Monday … 6 = Sunday
std::string day_key(int32_t day);                // "2023-03-26"
std::string month_key(int32_t day);              // "2023-03"
std::string iso_week_key(int32_t day);           // "2023-W12" (ISO 8601: weeks start Monday, week 1 holds 4 Jan)
int days_in_month(int32_t day);                  // 28..31, of the month holding `day`
int64_t paris_midnight_utc_us(int32_t day);      // first instant of a local day (UTC µs)

// ---- labels
// Upper-case ASCII "word" form of a French label: accents dropped (é→E, ç→C, œ→OE), every other
// non-alphanumeric byte becomes one space, no leading/trailing space. "Péage A10 – Vinci" -> "PEAGE A10 VINCI".
std::string fold_label(std::string_view s);
std::string_view trim_view(std::string_view s);  // ASCII spaces/tabs/CR/LF off both ends

// One editable rule: the first rule with a matching keyword gives the category. Keywords are folded
// like labels and match whole words ("TAN" matches "TAN NANTES", not "INSTANT"); a trailing '*' matches
// a word prefix ("CARBU*" matches "CARBURANT"); several words match in sequence ("VINCI AUTOROUTES").
struct LabelRule {
  std::string category;                 // our id ("fuel", "groceries"…) or a food slug
  std::vector<std::string> keywords;
};
bool keyword_matches(std::string_view folded_label, std::string_view keyword);
// Index of the first matching rule, -1 when none.
int match_rule(std::span<const LabelRule> rules, std::string_view folded_label);

// ---- small statistics
double median(std::vector<double> v);            // NaN when empty

}  // namespace sdw::challenge
