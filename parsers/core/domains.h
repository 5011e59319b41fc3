// The names of the domain tables that dashboards read, whatever export they came from. A personal-data
// parser (Google Timeline, Enedis, bank, xAPI…) sets Table::domain to one of these names.
// Owns: the names only. Their columns (names, types, units, descriptions), dedup keys, source priority and
// timeline mapping are data in parsers/domain_model.{h,cpp}, the one place that describes them.
#pragma once

namespace sdw::domain {

// Every domain table ends with these provenance columns (string, string, int64):
//   _file    the file name as dropped;  _entry  the ZIP entry path ("" for a plain file);
//   _record  index of the record in its source (0-based: array index, CSV data row, JSON line)
inline constexpr const char* k_provenance[] = {"_file", "_entry", "_record"};

inline constexpr const char* k_location_points = "location_points";          // one position
inline constexpr const char* k_visits = "visits";                            // a stay somewhere
inline constexpr const char* k_trips = "trips";                              // a movement between two places
inline constexpr const char* k_energy_readings = "energy_readings";          // energy over an interval
inline constexpr const char* k_transactions = "transactions";                // a bank or card movement
inline constexpr const char* k_purchases = "purchases";                      // receipt / loyalty-card lines
inline constexpr const char* k_learning_statements = "learning_statements";  // xAPI statements
inline constexpr const char* k_activity = "activity";                        // digital-footprint events
inline constexpr const char* k_health_records = "health_records";            // health reimbursements
inline constexpr const char* k_health_measures = "health_measures";          // body / activity measures
inline constexpr const char* k_tempo_days = "tempo_days";                    // the Tempo colour of a day (RTE)

}  // namespace sdw::domain
