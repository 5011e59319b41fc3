// `workbench challenge mobility`: trips from the exports plus the segmentation of raw positions
// (challenges/segment.h), the carpooling method, the user's corrections, the budget with train tickets and
// cost per km, and the comparison with a territory aggregate. Header-only, included by tools/cli.cpp.
// Options: --carpool-method occupants|alternative  --compare AGGREGATE_FILE  --district CODE
//   --corrections FILE (lines of segment.h parse_corrections)  --mobility-rules FILE (mobility.h parse_mobility_rules)
#pragma once
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "challenges/donation.h"
#include "challenges/segment.h"
#include "challenges/tables.h"
#include "challenges/territory.h"
#include "challenges/to_json.h"

namespace sdw::challenge {

struct MobilityCli {
  std::string compare_file, district, corrections_file, rules_file;
};

// Consumes argv[i] (and its value) when it is one of the options above: 1 taken, 0 not ours, -1 bad value.
inline int parse_mobility_arg(int& i, int argc, char** argv, MobilityCli& m, MobilityOptions& o) {
  const std::string a = argv[i];
  if (a != "--carpool-method" && a != "--compare" && a != "--district" && a != "--corrections" && a != "--mobility-rules") return 0;
  if (i + 1 >= argc) return -1;
  const std::string v = argv[++i];
  if (a == "--carpool-method") {
    if (v == "occupants") o.carpool = CarpoolMethod::Occupants;
    else if (v == "alternative" || v == "vehicle") o.carpool = CarpoolMethod::Vehicle;
    else return -1;
  } else if (a == "--compare") m.compare_file = v;
  else if (a == "--district") m.district = v;
  else if (a == "--mobility-rules") m.rules_file = v;
  else m.corrections_file = v;
  return 1;
}

inline bool read_whole_file(const std::string& path, std::string& out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  out = ss.str();
  return true;
}

struct MobilityRun {
  TripsColumns trips;
  SegmentNotes notes;
  SegmentResult segments;
  MobilityResult result;
  std::vector<LabelRule> rules;
  MobilityBudget budget;
  std::vector<CategoryMonth> month_totals;
  std::vector<ModeCost> costs;
  int64_t corrections = 0, bad_correction_lines = 0;
  int64_t own_rules = 0, bad_rule_lines = 0, first_bad_rule_line = 0;
  bool has_compare = false;
  MobilityAggregate aggregate;
  TerritoryCompare compare;
  bool has_data = false;
  std::vector<std::string> errors;   // files that could not be read
};

inline MobilityRun run_mobility(std::span<const Table> tables, const MobilityCli& m, const MobilityOptions& o) {
  MobilityRun r;
  std::vector<ModeCorrection> corr;
  if (!m.corrections_file.empty()) {
    std::string text;
    if (!read_whole_file(m.corrections_file, text)) r.errors.push_back(m.corrections_file);
    corr = parse_corrections(text, &r.bad_correction_lines);
    r.corrections = int64_t(corr.size());
  }
  r.trips = collect_trips_segmented(tables, SegmentOptions{}, &r.notes, &r.segments, corr);
  TransactionColumns tx = collect_transactions(tables);
  r.result = mobility_summary(r.trips.view(), o);
  std::vector<LabelRule> own;
  if (!m.rules_file.empty()) {
    std::string text;
    if (!read_whole_file(m.rules_file, text)) r.errors.push_back(m.rules_file);
    own = parse_mobility_rules(text, &r.bad_rule_lines, &r.first_bad_rule_line);
    r.own_rules = int64_t(own.size());
  }
  r.rules = mobility_rules_with(own);
  r.budget = mobility_budget(tx.view(), r.rules);
  add_tickets(r.budget, TicketsView{r.trips.ts_start_us, r.trips.price_eur});
  r.month_totals = budget_month_totals(r.budget);
  r.costs = budget_cost_per_km(r.budget, r.result);
  r.has_data = !r.trips.ts_start_us.empty() || !tx.day.empty();
  if (!m.compare_file.empty()) {
    std::string text;
    if (!read_whole_file(m.compare_file, text)) {
      r.errors.push_back(m.compare_file);
    } else {
      r.has_compare = true;
      r.aggregate = read_mobility_aggregate(text);
      std::string area = m.district, how = "declared";
      if (area.empty()) {   // the 1 km cell of the home found in the positions (donation.h detect_places)
        DonationColumns dc = collect_donation(tables);
        for (const Visit& v : r.segments.visits) {
          dc.visit_start_us.push_back(v.start_us);
          dc.visit_end_us.push_back(v.end_us);
          dc.visit_lat.push_back(v.lat);
          dc.visit_lon.push_back(v.lon);
        }
        const ProtectedPlaces pp = detect_places(dc.input().places);
        how = "home_cell";
        if (pp.home.found) area = grid_cell_id(pp.home.lat, pp.home.lon);
      }
      r.compare = compare_with_area(r.aggregate, r.result, area, how);
    }
  }
  return r;
}

inline std::string carpool_statement(const MobilityOptions& o, bool fr) {
  char n[32];
  std::snprintf(n, sizeof n, "%g", o.car_occupants);
  if (o.carpool == CarpoolMethod::Occupants)
    return fr ? std::string("Covoiturage : émissions de la voiture divisées par ") + n +
                    " occupant(s) (règle ImpactCO2) ; autre méthode possible : toute la voiture comptée (--carpool-method alternative)"
              : std::string("Carpooling: the car's emissions divided by ") + n +
                    " occupant(s) (ImpactCO2's rule); alternative: the whole car counted (--carpool-method alternative)";
  return fr ? std::string("Covoiturage : toute la voiture comptée pour vous (") + n +
                  " occupant(s) déclaré(s), non divisé) ; la règle ImpactCO2 diviserait par les occupants (--carpool-method occupants)"
            : std::string("Carpooling: the whole car counted to you (") + n +
                  " occupant(s) stated, not divided); ImpactCO2's rule would divide by the occupants (--carpool-method occupants)";
}

// Adds mobility.segmentation, .carpool, .compare and budget.month_totals / cost_per_km to `out`.
inline void add_mobility_json(nlohmann::json& out, const MobilityRun& r, bool details) {
  using json = nlohmann::json;
  const SegmentNotes& n = r.notes;
  json seg = {{"traces", n.traces}, {"points", n.points}, {"points_without_time", n.no_time},
              {"low_accuracy", n.low_accuracy}, {"jumps", n.jumps}, {"spikes", n.spikes},
              {"not_after_previous", n.not_after_previous}, {"visits", n.visits}, {"trips", n.trips},
              {"dropped_overlapping_export_trips", n.dropped_overlap}, {"tiny_trips", n.tiny_trips}, {"files", n.files},
              {"corrections", r.corrections}, {"bad_correction_lines", r.bad_correction_lines},
              {"rule", "points of a file that has trips are not segmented; a segmented trip overlapping an export's trip is dropped"}};
  if (details) {
    json trips = json::array(), visits = json::array();
    for (const Visit& v : r.segments.visits)
      visits.push_back({{"start", format_timestamp(v.start_us)}, {"end", format_timestamp(v.end_us)}, {"lat", v.lat},
                        {"lon", v.lon}, {"points", v.n_points}});
    for (const SegTrip& t : r.segments.trips)
      trips.push_back({{"start", format_timestamp(t.start_us)}, {"end", format_timestamp(t.end_us)}, {"km", t.distance_m / 1000},
                       {"duration_s", t.duration_s}, {"mode", mode_id(t.mode)}, {"mode_inferred", t.mode_inferred},
                       {"confidence", t.confidence}, {"mode_source", mode_source_id(t.mode_source)},
                       {"speed_kmh", {{"median", t.speed_median_kmh}, {"p85", t.speed_p85_kmh}, {"max", t.speed_max_kmh}}},
                       {"n_points", t.n_points}, {"stops", t.stops}, {"gap_bridged", t.gap_bridged}, {"long_gap", t.long_gap},
                       {"bridged_km", t.bridged_m / 1000}, {"from_visit", t.from_visit}, {"to_visit", t.to_visit},
                       {"start_lat", t.start_lat}, {"start_lon", t.start_lon}, {"end_lat", t.end_lat}, {"end_lon", t.end_lon}});
    seg["visits_list"] = visits;
    seg["trips_list"] = trips;
  }
  out["mobility"]["segmentation"] = seg;
  const MobilityOptions& o = r.result.options;
  out["mobility"]["carpool"] = {{"method", carpool_method_id(o.carpool)}, {"occupants", o.car_occupants},
                                {"fr", carpool_statement(o, true)}, {"en", carpool_statement(o, false)}};
  json mt = json::array(), cpk = json::array();
  for (const CategoryMonth& c : r.month_totals) mt.push_back({{"month", c.month}, {"eur", c.eur}, {"count", c.count}});
  for (const ModeCost& c : r.costs)
    cpk.push_back({{"mode", mode_id(c.mode)}, {"categories", c.categories}, {"eur", c.eur}, {"km", c.km},
                   {"eur_per_km", std::isnan(c.eur_per_km) ? json(nullptr) : json(c.eur_per_km)}});
  out["budget"]["month_totals"] = mt;
  out["budget"]["cost_per_km"] = cpk;
  out["budget"]["own_rules"] = {{"rules", r.own_rules}, {"bad_lines", r.bad_rule_lines}, {"first_bad_line", r.first_bad_rule_line}};
  out["budget"]["tickets_rule"] = "months with SNCF ticket prices: the bank's train payments of that month are left out";
  if (r.has_compare) {
    const TerritoryCompare& c = r.compare;
    json u = json::object(), d = json::object(), modes = json::array();
    for (const ModeShare& s : c.modes) {
      u[mode_id(s.mode)] = s.user_share;
      d[mode_id(s.mode)] = s.area_share;
      modes.push_back({{"mode", mode_id(s.mode)}, {"user_km", s.user_km}, {"user_share", s.user_share},
                       {"district_km", s.area_km}, {"district_share", s.area_share}});
    }
    out["mobility"]["compare"] = {{"district", c.area}, {"found", c.found}, {"how", c.how},
                                  {"period_first", c.period_first}, {"period_last", c.period_last},
                                  {"user_km", c.user_km}, {"district_km", c.area_km}, {"district_records", c.area_records},
                                  {"user_share_by_mode", u}, {"district_share_by_mode", d}, {"modes", modes},
                                  {"file_format", r.aggregate.format}, {"file_rows", r.aggregate.rows.size()},
                                  {"file_bad_lines", r.aggregate.bad_lines}, {"file_other_rows", r.aggregate.other_rows}};
  }
}

inline void print_mobility_extras(const MobilityRun& r, bool fr) {
  const SegmentNotes& n = r.notes;
  if (n.traces > 0) {
    std::printf(fr ? "Positions brutes découpées : %lld point(s) de %lld trace(s) -> %lld lieu(x), %lld trajet(s) (modes devinés)\n"
                   : "Raw positions segmented: %lld point(s) of %lld trace(s) -> %lld place visit(s), %lld trip(s) (modes guessed)\n",
                (long long)n.points, (long long)n.traces, (long long)n.visits, (long long)n.trips);
    if (n.no_time)
      std::printf(fr ? "  %lld point(s) sans heure : gardés pour la carte, hors km\n" : "  %lld point(s) without time: kept for the map, not in km\n",
                  (long long)n.no_time);
    if (n.low_accuracy + n.jumps + n.spikes)
      std::printf(fr ? "  écartés : %lld imprécis, %lld sauts impossibles, %lld pics\n" : "  left out: %lld inaccurate, %lld impossible jumps, %lld spikes\n",
                  (long long)n.low_accuracy, (long long)n.jumps, (long long)n.spikes);
    if (n.dropped_overlap)
      std::printf(fr ? "  %lld trajet(s) découpé(s) écarté(s) : l'export donne déjà ces trajets\n"
                     : "  %lld segmented trip(s) dropped: the export already has these trips\n", (long long)n.dropped_overlap);
  }
  std::printf("%s\n", carpool_statement(r.result.options, fr).c_str());
  if (!r.month_totals.empty()) {
    std::printf("%s\n", fr ? "Budget mobilité par mois :" : "Mobility budget by month:");
    for (const CategoryMonth& c : r.month_totals) std::printf("  %s %10.2f €\n", c.month.c_str(), c.eur);
  }
  for (const ModeCost& c : r.costs)
    if (c.km > 0 && c.eur != 0)
      std::printf(fr ? "  %-10s %8.2f € / %8.1f km = %.3f €/km (%s)\n" : "  %-10s %8.2f € / %8.1f km = %.3f €/km (%s)\n",
                  mode_label(c.mode, fr), c.eur, c.km, c.eur_per_km, c.categories.c_str());
  if (r.has_compare) {
    const TerritoryCompare& c = r.compare;
    if (!c.found) {
      std::printf(fr ? "Comparaison : aucune ligne pour le quartier « %s » dans le fichier (--district CODE)\n"
                     : "Comparison: no row for the district \"%s\" in the file (--district CODE)\n", c.area.c_str());
    } else {
      std::printf(fr ? "Comparaison avec %s (%s → %s) :\n" : "Compared with %s (%s → %s):\n", c.area.c_str(), c.period_first.c_str(),
                  c.period_last.c_str());
      for (const ModeShare& s : c.modes)
        std::printf(fr ? "  %-14s vous : %3.0f %% de vos km ; votre quartier : %3.0f %%\n" : "  %-14s you: %3.0f %% of your km; your district: %3.0f %%\n",
                    mode_label(s.mode, fr), s.user_share * 100, s.area_share * 100);
    }
  }
}

}  // namespace sdw::challenge
