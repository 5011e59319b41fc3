// Data donation: from plain columns (trips, visits, location points, energy readings, learning statements)
// to an anonymised aggregate for a stated purpose — km per mode per ISO week per 1 km cell (EPSG:3035 grid)
// or commune, kWh per month, learning minutes per ISO week — with home and work detected and protected,
// user zones, k-anonymity, no identifier; canonical CSV bytes + a manifest JSON with their SHA-256, the
// French/English summary, and the validation the territory runs on received files. Platform-free.
// Does not own: reading tables or files (challenges/cli.cpp, wasm/app_donation.cpp), drawing.
//
// Index: [SECTION] inputs and options, [SECTION] privacy places, [SECTION] the donation, [SECTION] validation
#pragma once
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "challenges/energy.h"
#include "challenges/learning.h"
#include "challenges/mobility.h"

namespace sdw::challenge {

inline constexpr const char* k_app_version = "0.1.0";        // package.json "version"
inline constexpr const char* k_donation_format = "sdw-donation";
inline constexpr int k_donation_format_version = 1;
inline constexpr int k_donation_min_k = 5;                    // validation refuses a smaller k

//-------------------------------------------------------------------------------------------------------
// [SECTION] inputs and options
//-------------------------------------------------------------------------------------------------------

struct DonationTripsView {                       // trips columns; spans may be empty where noted
  std::span<const int64_t> ts_start_us;          // UTC µs
  std::span<const double> distance_m;            // NaN = unknown (the trip is left out)
  std::span<const double> duration_s;            // may be empty
  std::span<const std::string_view> mode;        // our ids; "" = inferred from speed; may be empty
  std::span<const std::string_view> mode_raw;    // may be empty
  std::span<const double> start_lat, start_lon, end_lat, end_lon;   // NaN = unknown; may be empty
  std::span<const std::string_view> start_commune, end_commune;     // INSEE codes ("17300"); may be empty
};
struct PlacesView {                              // where the person stays: home and work are found here
  std::span<const int64_t> visit_start_us, visit_end_us;
  std::span<const double> visit_lat, visit_lon;
  std::span<const int64_t> point_ts_us;
  std::span<const double> point_lat, point_lon;
  // local time of each row (challenges/common.h local_time): the offset its export wrote, k_no_offset or
  // empty spans: Europe/Paris. Night and weekday-daytime windows are read on that clock.
  std::span<const int16_t> visit_start_off = {}, visit_end_off = {}, point_off = {};
};
struct DonationInput {
  DonationTripsView trips;
  PlacesView places;
  EnergyView electricity, gas;                   // empty views: no readings
  LearningView learning;
};

struct PrivacyZone {                             // a circle the user draws: nothing donated inside
  double lat = 0, lon = 0, radius_m = 500;
};
enum class DonationArea : uint8_t { Grid1km, Commune };

struct DonationOptions {
  std::string purpose;                           // stated by the donor, written in the manifest
  std::string created;                           // "2026-05-04": the caller's date (the core has no clock)
  bool mobility = true, energy = true, learning = true;   // parts to include
  int k = k_donation_min_k;                      // each row aggregates at least k records
  bool mobility_by_month = false;                // coarser time for the trips: months instead of ISO weeks
  DonationArea area = DonationArea::Grid1km;     // Commune: needs the trips' commune codes
  std::string district;                          // optional code the donor declares for the energy rows
  std::string learning_actor;                    // "" = every actor (the name is never written)
  double protected_radius_m = 500;               // around the detected home and work
  bool protect_home = true, protect_work = true;
  std::vector<PrivacyZone> zones;
};

//-------------------------------------------------------------------------------------------------------
// [SECTION] privacy places
//-------------------------------------------------------------------------------------------------------

// EPSG:3035 (ETRS89-LAEA, GRS80), the European statistical grid. Metres.
void laea_forward(double lat, double lon, double& e, double& n);
void laea_inverse(double e, double n, double& lat, double& lon);
double haversine_m(double lat1, double lon1, double lat2, double lon2);
// The 1 km cell holding a point: id "1kmN2999E3962" (Eurostat GEOSTAT naming), south-west corner in metres.
std::string grid_cell_id(double lat, double lon, int64_t* e_km = nullptr, int64_t* n_km = nullptr);

struct PlaceGuess {
  bool found = false;
  double lat = 0, lon = 0;                       // weighted centre of the densest cluster
  double weight = 0;                             // visit seconds (or points) in the cluster
  int64_t observations = 0;
};
struct ProtectedPlaces {
  PlaceGuess home, work;
};
// Home: the densest cluster of night-time presence (22:00–06:00 Europe/Paris); work: of weekday presence
// (Mon–Fri 09:00–17:00) farther than `radius_m` from home. Visits weigh their overlapping seconds; location
// points (used only when no visit overlaps the window) one each. Clusters: 200 m buckets of the EPSG:3035
// plane scored over their 3×3 neighbourhood (600 m), ties to the smaller bucket.
ProtectedPlaces detect_places(const PlacesView& v, double radius_m = 500);

//-------------------------------------------------------------------------------------------------------
// [SECTION] the donation
//-------------------------------------------------------------------------------------------------------

// One output row. Columns, in this order, are k_donation_columns below.
struct DonationRow {
  std::string part;                              // "mobility", "energy", "learning"
  std::string period;                            // "2025-W12" (ISO week) or "2025-03" (month)
  std::string period_start;                      // first day: ISO Monday or the 1st ("2025-03-17")
  std::string area;                              // grid cell id, INSEE commune code, declared district or ""
  double cell_lat = 0, cell_lon = 0;             // grid cell centre (5 decimals); NaN when not a cell
  std::string category;                          // mode id, "electricity"/"gas", "" (learning)
  double value = 0;                              // km, kWh or minutes (3 decimals)
  std::string unit;                              // "km", "kWh", "min"
  int64_t records = 0;                           // trips, readings or statements aggregated (>= k)
};
struct DonationColumn {
  const char *name, *type, *unit, *fr, *en;
};
extern const DonationColumn k_donation_columns[10];
std::string donation_schema_json();              // the manifest's "schema" object (JSON text, 2-space indent)

struct PartCounts {
  int64_t rows = 0, records = 0;                 // written
  int64_t suppressed_cells = 0, suppressed_records = 0;   // rows under k, left out
};
struct Donation {
  std::vector<DonationRow> rows;                 // the exact order of the CSV
  std::string data;                              // canonical CSV: UTF-8, LF, header + rows
  std::string sha256;                            // of `data`
  std::string manifest;                          // JSON text (2-space indent, sorted keys, final LF)
  std::string data_file, manifest_file;          // "donation-<sha8>.csv", "donation-<sha8>.manifest.json"
  PartCounts mobility, energy, learning;
  int64_t trips_without_distance = 0;            // left out: no km
  int64_t trip_ends_removed = 0;                 // ends inside a protected place
  int64_t trips_unlocated = 0;                   // both ends protected or unknown: area ""
  ProtectedPlaces places;                        // for the donor's eyes only: never in data or manifest
  DonationOptions options;
};
Donation build_donation(const DonationInput& in, const DonationOptions& o);
// What is and is not inside, in plain words (French or English), from the donation's own counts.
std::string donation_summary(const Donation& d, bool french);

//-------------------------------------------------------------------------------------------------------
// [SECTION] validation (the territory's side)
//-------------------------------------------------------------------------------------------------------

struct DonationReason {
  std::string code, fr, en;
};
struct DonationCheck {
  bool ok = false;
  std::string data_file;                         // from the manifest (a plain file name)
  std::string sha256;                            // from the manifest
  std::string purpose, created;
  int64_t k = 0, rows = 0;
  std::vector<DonationReason> reasons;           // why it is rejected
};
// Step 1: the manifest alone (JSON, format, version, schema, k, counts, data file name, hash form).
DonationCheck check_manifest(std::string_view manifest_text);
// Step 2: the data bytes against it (SHA-256 recomputed, UTF-8, LF, header, every row typed, records >= k).
void check_data(DonationCheck& c, std::string_view data);
// Rows of checked data as NDJSON lines (each with "donation_id" first), one call per row.
void donation_rows_ndjson(std::string_view data, std::string_view donation_id,
                          const std::function<void(std::string_view line)>& out);

}  // namespace sdw::challenge
