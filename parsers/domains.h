// The domain tables that dashboards read, whatever export they came from. A personal-data parser
// (Google Timeline, Enedis, bank, xAPI…) sets Table::domain to one of these names and uses these
// column names and units; it may add columns of its own after them. Units are in the names.
// Owns: the names. Does not own: any parsing.
#pragma once

namespace sdw::domain {

// Every domain table ends with these provenance columns (string, string, int64):
//   _file    the file name as dropped;  _entry  the ZIP entry path ("" for a plain file);
//   _record  index of the record in its source (0-based: array index, CSV data row, JSON line)
inline constexpr const char* k_provenance[] = {"_file", "_entry", "_record"};

// location_points: one position.
//   ts (timestamp UTC), lat, lon (float64, degrees WGS84), accuracy_m, altitude_m, velocity_m_s (float64),
//   source (string: "records", "semantic", "ios", "android", "gpx", "kml"), activity (string, our mode id
//   below when known), activity_confidence (int64, 0-100)
inline constexpr const char* k_location_points = "location_points";

// visits: a stay somewhere.
//   ts_start, ts_end (timestamp), duration_s (float64), lat, lon, place_id, name, address,
//   semantic_type ("HOME", "WORK", … as given), confidence (float64 0-1), source
inline constexpr const char* k_visits = "visits";

// trips: a movement between two places.
//   ts_start, ts_end (timestamp), duration_s, distance_m (float64), mode (our id: walk, run, bike,
//   car, motorbike, bus, tram, metro, train, plane, boat, other), mode_raw (as written in the export),
//   mode_inferred (bool: guessed from speed), start_lat, start_lon, end_lat, end_lon, n_points (int64),
//   origin, destination (strings, e.g. station names), price_eur (float64), source
inline constexpr const char* k_trips = "trips";

// energy_readings: a measured quantity over an interval.
//   ts_start, ts_end (timestamp), interval_s (float64), kwh (float64), power_w (float64, mean power
//   over the interval when the source gives power), energy ("electricity", "gas"), meter_id (string:
//   PRM / PCE, kept as text), kind ("load_curve", "daily", "index", "max_power"), source
//   optional: m3 (float64, gas volume over the interval, before conversion to kWh)
inline constexpr const char* k_energy_readings = "energy_readings";

// transactions: a bank or card movement.
//   date (date), label (string), amount (float64, negative = money out), currency ("EUR"),
//   category (string as given), account (string), balance (float64), source
inline constexpr const char* k_transactions = "transactions";

// purchases: receipt / loyalty-card lines.
//   ts (timestamp) or date (date), store, product (strings), quantity (float64), unit (string),
//   amount (float64 EUR), category (string), ean (string), source
inline constexpr const char* k_purchases = "purchases";

// learning_statements: xAPI statements.
//   ts (timestamp), actor (string: name or account, never the raw mbox), verb (display, string),
//   verb_id (IRI), object_id (IRI), object_name, course (context parent/grouping name), score_scaled
//   (float64), success, completion (bool), duration_s (float64), statement_id, source
inline constexpr const char* k_learning_statements = "learning_statements";

// activity: digital-footprint events (Facebook, Instagram, Google activity…).
//   ts (timestamp), platform, kind ("post", "comment", "like", "message", "search", "login", "view"…),
//   title, text, target (strings), source
//   optional, after the standard ones: duration_s (float64, time played/watched: Spotify, Netflix), url
//   (string, link or URI of the item), device (string); text is only ever what the user wrote themselves
inline constexpr const char* k_activity = "activity";

// health_records: health reimbursements.
//   date (date), label (string), provider (string), amount_paid, amount_reimbursed (float64 EUR), source
inline constexpr const char* k_health_records = "health_records";

// health_measures: a measured quantity about the body or activity (Apple Health records).
//   ts_start, ts_end (timestamp), type (string, short id: "steps", "heart_rate", "distance_walking_running",
//   "active_energy", "basal_energy", "flights_climbed", "body_mass", "sleep"…; else the source identifier
//   without its prefix), value (float64, in `unit`; null for category samples), unit (string as given:
//   "count", "count/min", "km", "kcal"), device (string: the recording app or device name), source
inline constexpr const char* k_health_measures = "health_measures";

}  // namespace sdw::domain
