// Mobility challenge: trips per mode per ISO week and month (the trip's local days: common.h local_time),
// mode inferred from speed when missing, kgCO2e with the ADEME factors, "what if" by TER / bus / bike, and
// the mobility budget from bank transactions matched by editable label rules. Plain arrays in, plain structs out.
// Does not own: reading tables (challenges/tables.h), drawing, JSON (challenges/to_json.h).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "challenges/common.h"
#include "challenges/factors.h"

namespace sdw::challenge {

enum class Mode : uint8_t { Walk, Run, Bike, Car, Motorbike, Bus, Tram, Metro, Train, Plane, Boat, Other };
inline constexpr int k_mode_count = 12;
const char* mode_id(Mode m);                     // "walk", "run", "bike", … (parsers/core/domains.h trips.mode)
const char* mode_label(Mode m, bool french);     // "marche"/"walk", "voiture"/"car"…
bool mode_from_id(std::string_view id, Mode& out);  // our ids (any case); false for "", unknown text

// Speed thresholds for trips without a mode (km/h of distance / duration). Documented defaults:
//   < 7 walk, < 25 bike, < 130 car, < 250 train, >= 250 plane (if >= 100 km, else train).
// 250 rather than 200 for planes: a TGV door-to-door averages up to ~210 km/h (Paris–Marseille).
struct InferOptions {
  double walk_max_kmh = 7, bike_max_kmh = 25, car_max_kmh = 130, train_max_kmh = 250;
  double plane_min_km = 100;
};
struct InferredMode {
  Mode mode = Mode::Other;
  bool inferred = false;    // true: guessed from speed (the UI lets the user correct it)
  bool unknown = false;     // no mode and no usable speed (distance or duration missing): Other
};
InferredMode infer_mode(double distance_m, double duration_s, const InferOptions& o = {});

enum class CarEnergy : uint8_t { Thermal, Electric };
// How a shared car's emissions are counted. Occupants (ImpactCO2's rule, the default): the car's per-vehicle
// factor divided by the people on board. Vehicle (the alternative): the whole car counted to the user, as
// the driver who would have made the trip anyway (a carpooling passenger's view would be the other way).
enum class CarpoolMethod : uint8_t { Occupants, Vehicle };
const char* carpool_method_id(CarpoolMethod m);   // "occupants", "vehicle"

struct MobilityOptions {
  InferOptions infer;
  bool include_construction = false;  // ADEME API default: without the vehicle construction share
  double car_occupants = 1;           // carpooling: per-vehicle factors (cars) divided by this (>= 1)
  CarpoolMethod carpool = CarpoolMethod::Occupants;   // Vehicle: car_occupants is stated, not applied
  CarEnergy car_energy = CarEnergy::Thermal;   // voiturethermique / voitureelectrique
  bool ebike = false;                 // bike -> veloelectrique instead of velo
  double tgv_min_km = 150;            // train without a hint: TER below, TGV from here (ADEME ranges)
  double plane_short_max_km = 1000, plane_medium_max_km = 2000, plane_medium_long_max_km = 5000;
};

// Which ADEME factor a trip gets.
struct FactorChoice {
  std::string slug;          // "" when the mode has no factor (boat, other): km counted, no CO2e
  double kg_per_km = 0;      // per person: already divided by the occupants for cars
  double occupants = 1;      // divisor applied (cars only)
};
// `hint`: the mode as written in the export (trips.mode_raw: "TGV INOUI", "TER", "Intercités"…) picks the
// train type; without one, the distance does.
FactorChoice choose_factor(Mode m, double distance_km, std::string_view hint, const MobilityOptions& o,
                           const FactorTables& f = ademe_factors());
double trip_kgco2e(Mode m, double distance_km, const MobilityOptions& o = {}, std::string_view hint = {});

// Trips as columns of the same length (spans may be empty where noted).
struct TripsView {
  std::span<const int64_t> ts_start_us;        // UTC µs
  std::span<const double> distance_m;          // NaN = unknown
  std::span<const double> duration_s;          // may be empty; NaN = unknown
  std::span<const std::string_view> mode;      // our ids; "" = infer from speed; may be empty (all inferred)
  std::span<const std::string_view> mode_raw;  // may be empty: train type hints
  std::span<const uint8_t> mode_inferred = {}; // may be empty; 1: `mode` is a guess (challenges/segment.h)
  std::span<const double> confidence = {};     // may be empty; the guess's confidence 0-1
  std::span<const int16_t> ts_start_off = {};  // may be empty; local offset of the start (common.h local_time)
};

struct TripResult {
  Mode mode = Mode::Other;
  bool inferred = false, unknown = false;
  double confidence = k_nan; // of an inferred mode when known (segmentation), NaN otherwise
  double km = 0;             // 0 when the distance is unknown
  double kgco2e = 0;
  std::string factor_slug;   // ADEME slug used ("" none)
  int32_t day = 0;           // local day
};
struct ModeTotals {
  Mode mode = Mode::Other;
  int64_t trips = 0, inferred = 0;
  double km = 0, kgco2e = 0;
};
struct PeriodModeTotals {
  std::string period;        // "2023-W12" or "2023-03"
  Mode mode = Mode::Other;
  int64_t trips = 0;
  double km = 0, kgco2e = 0;
};
struct WhatIf {
  std::string alternative;   // ADEME slug: "ter", "busthermique", "velo"
  double car_km = 0;         // km of the car trips replaced
  double car_kgco2e = 0, alternative_kgco2e = 0, saved_kgco2e = 0;
};
struct MobilityResult {
  std::vector<TripResult> trips;           // input order
  std::vector<ModeTotals> by_mode;         // modes with at least one trip, in Mode order
  std::vector<PeriodModeTotals> by_week;   // sorted by period then mode
  std::vector<PeriodModeTotals> by_month;
  std::vector<WhatIf> what_if;             // the car trips by TER, bus, bike
  double total_km = 0, total_kgco2e = 0;
  double km_without_factor = 0;            // boat / other: counted in km, not in CO2e
  MobilityOptions options;
  FactorSource source;                     // shown with every footprint
};
MobilityResult mobility_summary(const TripsView& trips, const MobilityOptions& o = {});
// The car trips of `r` by `alternative` (an ADEME slug), same km.
WhatIf what_if_car_by(const MobilityResult& r, std::string_view alternative, const MobilityOptions& o = {});

// ---- mobility budget
// Transactions as columns; amount < 0 is money out. Spending is reported positive (refunds subtract).
struct TransactionsView {
  std::span<const int32_t> day;                // date, days since 1970-01-01
  std::span<const std::string_view> label;
  std::span<const double> amount;
  std::span<const std::string_view> category;  // bank's category; may be empty (budget.h uses it)
  std::span<const std::string_view> currency;  // ISO code per row ("EUR", "CAD"); may be empty: EUR (budget.h)
};
// fuel, tolls, parking, train, transit, bike, taxi — first matching rule wins (see mobility.cpp).
std::vector<LabelRule> default_mobility_rules();
struct CategoryMonth {
  std::string month;         // "2023-03"
  std::string category;
  double eur = 0;            // spending, positive
  int64_t count = 0;
};
struct MobilityBudget {
  std::vector<CategoryMonth> by_month;     // sorted by month then category
  std::vector<CategoryMonth> by_category;  // month = "" : totals
  std::vector<int> matched_rule;           // per transaction: rule index, -1 none
  double total_eur = 0;
};
MobilityBudget mobility_budget(const TransactionsView& tx, std::span<const LabelRule> rules);
// The person's own budget rules, one per line "category;keyword" (a category of default_mobility_rules();
// "#" starts a comment; a UTF-8 BOM and CRLF are fine), as the page saves them and `workbench challenge
// mobility --mobility-rules FILE` reads them. Keywords are folded like labels. A line that is not a rule is
// counted (and the first one's number kept), never fatal.
std::string format_mobility_rules(std::span<const LabelRule> own);
std::vector<LabelRule> parse_mobility_rules(std::string_view text, int64_t* bad_lines = nullptr, int64_t* first_bad_line = nullptr);
bool is_mobility_category(std::string_view category);
// The rules the budget applies: the person's first (the newest first), then the defaults.
std::vector<LabelRule> mobility_rules_with(std::span<const LabelRule> own);

// Ticket prices from trip histories (SNCF Connect trips.price_eur), category "train_tickets". Rule against
// counting a ticket twice: in a month that has ticket prices, the bank's "train" payments of that month are
// taken out (the same tickets paid by card); other months keep them. Updates totals in place.
struct TicketsView {
  std::span<const int64_t> ts_start_us;
  std::span<const double> price_eur;           // NaN: no price (not counted)
};
void add_tickets(MobilityBudget& b, const TicketsView& tickets);
// Spending per month, all categories together ("" category), sorted by month.
std::vector<CategoryMonth> budget_month_totals(const MobilityBudget& b);
// Cost per km of each mode: fuel + tolls + parking + taxi -> car, train + train_tickets -> train, transit ->
// bus/tram/metro together (mode Bus), bike -> bike; km from the trips of `r`. eur_per_km NaN without km.
struct ModeCost {
  Mode mode = Mode::Other;
  std::string categories;    // "fuel+tolls+parking+taxi"
  double eur = 0, km = 0, eur_per_km = k_nan;
};
std::vector<ModeCost> budget_cost_per_km(const MobilityBudget& b, const MobilityResult& r);

}  // namespace sdw::challenge
