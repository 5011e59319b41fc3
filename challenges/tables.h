// From parsed domain tables (parsers/core/table.h, Table::domain) to the plain columns the challenge functions
// take: the CLI uses it, and so can any caller holding Tables. Columns are copied out (owned here) so the
// views stay valid while this object lives. Missing columns read as NaN / "" / unknown.
// Does not own: parsing, the computations.
#pragma once
#include <map>
#include <span>
#include <string>
#include <vector>

#include "challenges/budget.h"
#include "challenges/donation.h"
#include "challenges/energy.h"
#include "challenges/food.h"
#include "challenges/footprint.h"
#include "challenges/learning.h"
#include "challenges/mobility.h"
#include "challenges/reveal.h"
#include "challenges/segment.h"
#include "parsers/core/table.h"

namespace sdw::challenge {

// Owned string column with its views (views rebuilt by finish()).
struct StringColumn {
  std::vector<std::string> text;
  std::vector<std::string_view> views;
  void finish();
};

struct TripsColumns {
  size_t duplicates = 0;  // rows the merge rule dropped (parsers/core/domain_model.h): same key in a better source
  std::vector<int64_t> ts_start_us;
  std::vector<double> distance_m, duration_s;
  StringColumn mode, mode_raw;
  std::vector<uint8_t> mode_inferred;     // 1: the mode is a guess (segmentation), with its confidence
  std::vector<double> confidence;         // 0-1, NaN when the mode was not guessed here
  std::vector<double> price_eur;          // ticket price (SNCF), NaN when unknown
  std::vector<int16_t> ts_start_off;      // local offset of the start (parsers' utc_offset_min), k_no_offset: Paris
  TripsView view() const {
    return {ts_start_us, distance_m, duration_s, mode.views, mode_raw.views, mode_inferred, confidence, ts_start_off};
  }
};
struct EnergyColumns {
  size_t duplicates = 0;  // rows the merge rule dropped (parsers/core/domain_model.h): same key in a better source
  std::vector<int64_t> ts_start_us, ts_end_us;
  std::vector<double> kwh, m3;  // m3: NaN where the table has no volume
  EnergyView view() const { return {ts_start_us, ts_end_us, {}, kwh, m3}; }
};
struct TransactionColumns {
  size_t duplicates = 0;  // rows the merge rule dropped (parsers/core/domain_model.h): same key in a better source
  std::vector<int32_t> day;
  StringColumn label, category, currency;  // currency: ISO code, "" when the table has none
  std::vector<double> amount;
  TransactionsView view() const { return {day, label.views, amount, category.views, currency.views}; }
};
struct HealthColumns {
  size_t duplicates = 0;  // rows the merge rule dropped (parsers/core/domain_model.h): same key in a better source
  std::vector<int32_t> day;
  std::vector<double> paid, reimbursed;
  HealthView view() const { return {day, paid, reimbursed}; }
};
struct PurchaseColumns {
  size_t duplicates = 0;  // rows the merge rule dropped (parsers/core/domain_model.h): same key in a better source
  std::vector<int32_t> day;
  StringColumn product, unit, ean;
  std::vector<double> quantity, amount;
  PurchasesView view() const { return {day, product.views, quantity, unit.views, amount, ean.views}; }
};
struct LearningColumns {
  size_t duplicates = 0;  // rows the merge rule dropped (parsers/core/domain_model.h): same key in a better source
  std::vector<int64_t> ts_us;
  StringColumn actor, verb, verb_id, object_id, object_name, course;
  std::vector<double> duration_s, score_scaled;
  std::vector<int8_t> success, completion;
  std::vector<int16_t> ts_off;            // local offsets, k_no_offset: Paris
  LearningView view() const {
    return {ts_us, actor.views, verb.views, verb_id.views, object_id.views, object_name.views, course.views,
            duration_s, score_scaled, success, completion, ts_off};
  }
};
struct ActivityColumns {
  size_t duplicates = 0;  // rows the merge rule dropped (parsers/core/domain_model.h): same key in a better source
  std::vector<int64_t> ts_us;
  StringColumn platform, kind;
  std::vector<int16_t> ts_off;            // local offsets, k_no_offset: Paris
  ActivityView view() const { return {ts_us, platform.views, kind.views, ts_off}; }
};

// What a donation reads (challenges/donation.h): trips with their ends, visits and location points for
// home/work, energy readings, learning statements. Commune codes are not in any domain table: left empty.
struct DonationColumns {
  TripsColumns trips;
  std::vector<double> start_lat, start_lon, end_lat, end_lon;
  std::vector<int64_t> visit_start_us, visit_end_us, point_ts_us;
  std::vector<double> visit_lat, visit_lon, point_lat, point_lon;   // read in Paris time, as wasm/app_donation.cpp
  EnergyColumns electricity, gas;
  LearningColumns learning;
  DonationInput input() const;   // views into this object
};

// Each collects the rows of every table of its domain, after the merge rule of parsers/core/domain_model.h
// (overlapping exports count once, like the browser's merged views); rows without a usable time are skipped.
TripsColumns collect_trips(std::span<const Table> tables);
// collect_trips plus the trips found by segmenting raw positions (challenges/segment.h) of the files that
// gave no trips: location_points tables (Records.json), GPX track points (<type> as the mode), KML gx:Track
// points. No double counting: the points of a file that has a trips table are not segmented, and a
// segmented trip overlapping in time a trip some export gave is dropped (the export's trip wins). Counts in
// `notes` (may be null); `segments` (may be null) receives the visits and trips before the summary.
struct SegmentNotes {
  int64_t traces = 0, points = 0, no_time = 0, low_accuracy = 0, jumps = 0, spikes = 0, not_after_previous = 0;
  int64_t visits = 0, trips = 0, dropped_overlap = 0, tiny_trips = 0;
  std::vector<std::string> files;         // files whose points were segmented
};
TripsColumns collect_trips_segmented(std::span<const Table> tables, const SegmentOptions& o, SegmentNotes* notes,
                                     SegmentResult* segments = nullptr, std::span<const ModeCorrection> corrections = {});
// One trace to segment: the points of one file (a Records.json, an on-device export without trips) or of
// one GPX/KML track, and the mode its export states (GPX <type>), if any.
struct PointTrace {
  std::string file;
  std::vector<TracePoint> points;
  bool has_mode = false;
  Mode mode = Mode::Other;
};
// The merge rule shared by the CLI (collect_trips_segmented) and the browser (wasm/app_dashboards.cpp, which
// reads the trips and location_points views): each trace segmented, the corrections applied, then every
// segmented trip appended to `o` unless an export's trip overlaps it in time. Adds to `notes`/`segments`.
void add_segmented(TripsColumns& o, std::span<const PointTrace> traces, const SegmentOptions& so, SegmentNotes* notes,
                   SegmentResult* segments = nullptr, std::span<const ModeCorrection> corrections = {});
std::map<std::string, EnergyColumns> collect_energy(std::span<const Table> tables);  // by energy ("electricity", "gas"); max_power rows left out
TransactionColumns collect_transactions(std::span<const Table> tables);
HealthColumns collect_health(std::span<const Table> tables);
PurchaseColumns collect_purchases(std::span<const Table> tables);
LearningColumns collect_learning(std::span<const Table> tables);
ActivityColumns collect_activity(std::span<const Table> tables);
DonationColumns collect_donation(std::span<const Table> tables);

// What "what my data reveals" reads (challenges/reveal.h), each row tagged with its source:
// source_of_table[i] for tables[i] (-1 past its end). Activity, transactions, electricity and learning go
// through the collectors above one table at a time (so the merge rule applies within a table only).
struct RevealColumns {
  std::vector<int64_t> visit_start_us, visit_end_us, point_ts_us, trip_start_us;
  std::vector<double> visit_lat, visit_lon, point_lat, point_lon, trip_end_lat, trip_end_lon;
  std::vector<int16_t> visit_start_off, visit_end_off, point_off, trip_start_off;   // local offsets (k_no_offset: Paris)
  StringColumn visit_name, visit_semantic, visit_place_id;
  ActivityColumns activity;
  TransactionColumns transactions;
  EnergyColumns electricity;
  LearningColumns learning;
  std::vector<int32_t> visit_source, point_source, trip_source, activity_source, transaction_source,
      electricity_source, learning_source;
  RevealInput input(std::span<const SourceDesc> sources) const;   // views into this object
};
RevealColumns collect_reveal(std::span<const Table> tables, std::span<const int32_t> source_of_table);
// Adds a table's domain, column names, rows and first/last local day (its ts/ts_start/date column) to `s`;
// for positions, trips, activity and learning the days are left to reveal() (their local clock, as the browser).
void describe_table(const Table& t, SourceDesc& s);

}  // namespace sdw::challenge
