// Segmentation (challenges/segment.h) on traces generated here with a known truth: home and work stays, a car
// and a bike commute, a train ride with a tunnel, GPS jumps and spikes, a phone left on a table for hours,
// accuracy outliers, a flight across a silence. Truth = the generator's route lengths and stay places,
// computed in the comments; km must be within 5 %, clear modes right, visits within 60 m of their place.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "challenges/segment.h"
#include "challenges/tables.h"
#include "challenges/territory.h"
#include "parsers/core/domain_table.h"
#include "parsers/core/domains.h"
#include "parsers/formats/gpx.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::challenge;

namespace {

// ---- deterministic trace generator (own Box-Muller on mt19937_64: same numbers everywhere)
constexpr double k_lat0 = 46.1591, k_lon0 = -1.1520;  // La Rochelle, Hôtel de ville
constexpr double k_m_per_deg = 111194.93;             // 6 371 008.8 m × π / 180 (haversine's sphere)

struct Xy {
  double x, y;  // metres east / north of (k_lat0, k_lon0)
};
double to_lat(double y) { return k_lat0 + y / k_m_per_deg; }
double to_lon(double x) { return k_lon0 + x / (k_m_per_deg * std::cos(k_lat0 * M_PI / 180)); }

struct Gen {
  std::mt19937_64 rng;
  std::vector<TracePoint> pts;
  int64_t t_us;
  explicit Gen(uint64_t seed, int64_t start_us) : rng(seed), t_us(start_us) {}
  double uniform() { return double(rng() >> 11) * (1.0 / 9007199254740992.0); }
  double gauss() {
    const double u1 = std::max(uniform(), 1e-12), u2 = uniform();
    return std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
  }
  void point(Xy p, double accuracy, double sigma) {
    TracePoint tp;
    tp.ts_us = t_us;
    tp.lat = to_lat(p.y + sigma * gauss());
    tp.lon = to_lon(p.x + sigma * gauss());
    tp.accuracy_m = float(accuracy);
    pts.push_back(tp);
  }
  // Stay at `p` for `seconds`, one point every `every` s, indoor jitter of `sigma` m.
  void stay(Xy p, double seconds, double every, double sigma, double accuracy) {
    const int64_t end = t_us + int64_t(seconds * 1e6);
    while (t_us < end) {
      point(p, accuracy, sigma);
      t_us += int64_t(every * 1e6);
    }
  }
  // Along the polyline at speed(s_along) m/s, one point every `every` s; stops of `stop_s` at the given
  // distances; points inside [silent_from, silent_to) metres are not written (a tunnel).
  void move(const std::vector<Xy>& line, double every, double sigma, double accuracy, double (*speed)(double),
            std::vector<double> stops_at = {}, double stop_s = 0, double silent_from = -1, double silent_to = -1) {
    double s = 0, total = length(line);
    size_t next_stop = 0;
    while (s < total) {
      if (next_stop < stops_at.size() && s >= stops_at[next_stop]) {
        const int64_t end = t_us + int64_t(stop_s * 1e6);
        while (t_us < end) {
          point(at(line, s), accuracy, sigma);
          t_us += int64_t(every * 1e6);
        }
        ++next_stop;
      }
      if (!(s >= silent_from && s < silent_to)) point(at(line, s), accuracy, sigma);
      s += speed(s) * every;
      t_us += int64_t(every * 1e6);
    }
  }
  static double length(const std::vector<Xy>& l) {
    double d = 0;
    for (size_t i = 1; i < l.size(); ++i) d += std::hypot(l[i].x - l[i - 1].x, l[i].y - l[i - 1].y);
    return d;
  }
  static Xy at(const std::vector<Xy>& l, double s) {
    for (size_t i = 1; i < l.size(); ++i) {
      const double seg = std::hypot(l[i].x - l[i - 1].x, l[i].y - l[i - 1].y);
      if (s <= seg) return {l[i - 1].x + (l[i].x - l[i - 1].x) * s / seg, l[i - 1].y + (l[i].y - l[i - 1].y) * s / seg};
      s -= seg;
    }
    return l.back();
  }
};

constexpr int64_t k_day = 1710460800000000;  // 2024-03-15T00:00:00Z (a Friday)
int64_t at_h(double h) { return k_day + int64_t(h * 3600e6); }

const Xy k_home{0, 0}, k_work{9000, 6000};
// Car: 2 000 m east, 5 000 m north, then to work: 2000 + 5000 + hypot(7000, 1000) = 7000 + 7071.07 = 14 071.07 m
const std::vector<Xy> k_car_route{{0, 0}, {2000, 0}, {2000, 5000}, {9000, 6000}};
// Bike back: 6 000 m west, then 9 000 m south-west-ish: hypot(3000, 6000) = 6708.20 → 12 708.20 m
const std::vector<Xy> k_bike_route{{9000, 6000}, {3000, 6000}, {0, 0}};

double car_speed(double s) { return s < 2000 ? 13.9 : s < 7000 ? 22.2 : 15.3; }   // 50, 80, 55 km/h
double bike_speed(double) { return 5.0; }                                          // 18 km/h
double walk_speed(double) { return 1.35; }                                         // 4.9 km/h
double train_speed(double s) {                                                    // 100 km line
  if (s < 3000) return 10 + s / 3000 * 23;            // accelerating to 33 m/s (119 km/h)
  if (s < 97000) return s < 50000 ? 40.0 : 44.0;      // 144 then 158 km/h
  return 12 + (100000 - s) / 3000 * 20;               // braking
}

bool near(const Visit& v, Xy p, double m) {
  return sdw::haversine_m(v.lat, v.lon, to_lat(p.y), to_lon(p.x)) <= m;
}

}  // namespace

TEST_CASE("segment: a workday — home, car commute, work, bike commute, home — gives 3 visits and 2 trips") {
  Gen g(42, at_h(5));                                  // 07:00 Paris = 05:00 UTC (CET)
  g.stay(k_home, 3600, 60, 10, 20);
  g.move(k_car_route, 5, 4, 8, car_speed, {1990, 6990}, 40);   // two red lights, 40 s each
  g.stay(k_work, 8 * 3600, 120, 12, 25);
  g.move(k_bike_route, 5, 4, 8, bike_speed, {5990}, 30);
  g.stay(k_home, 5 * 3600, 60, 10, 20);
  SegmentResult r = segment_points(g.pts);
  REQUIRE(r.visits.size() == 3);
  CHECK(near(r.visits[0], k_home, 40));
  CHECK(near(r.visits[1], k_work, 40));
  CHECK(near(r.visits[2], k_home, 40));
  REQUIRE(r.trips.size() == 2);
  const SegTrip& car = r.trips[0];
  CHECK(car.distance_m == doctest::Approx(14071.07).epsilon(0.05));
  CHECK(car.mode == Mode::Car);
  CHECK(car.mode_inferred);
  CHECK(car.mode_source == ModeSource::Speed);
  CHECK(car.from_visit == 0);
  CHECK(car.to_visit == 1);
  CHECK(car.speed_max_kmh < 110);
  CHECK(car.speed_p85_kmh > 60);
  CHECK_FALSE(car.gap_bridged);
  const SegTrip& bike = r.trips[1];
  CHECK(bike.distance_m == doctest::Approx(12708.20).epsilon(0.05));
  CHECK(bike.mode == Mode::Bike);
  CHECK(bike.speed_median_kmh == doctest::Approx(18).epsilon(0.15));
  CHECK(bike.confidence > 0.5);
  CHECK(r.stats.no_time == 0);
  CHECK(r.stats.used == int64_t(g.pts.size()));
}

TEST_CASE("segment: a phone left on a table for 10 hours, with jitter and outliers, is one visit and 0 km") {
  Gen g(7, at_h(8));
  std::vector<TracePoint> pts;
  // 10 h, a point every 30 s (1200 points), jitter σ 15 m; every 50th point a Wi-Fi/cell fix 300-800 m away
  // with its accuracy 400-2000 m (filtered), and 3 fixes 250 m away that claim 30 m (indoor jitter).
  for (int i = 0; i < 1200; ++i) {
    if (i % 50 == 25) {
      g.point({300 + 20.0 * (i % 25), -200}, 400 + i, 0);
    } else if (i == 300 || i == 700 || i == 1000) {
      g.point({250, 0}, 30, 0);
    } else {
      g.point(k_home, 15 + (i % 5) * 10, 15);
    }
    g.t_us += 30000000;
  }
  SegmentResult r = segment_points(g.pts);
  REQUIRE(r.visits.size() == 1);
  CHECK(r.trips.empty());
  CHECK(near(r.visits[0], k_home, 20));
  CHECK(r.visits[0].end_us - r.visits[0].start_us >= int64_t(9.9 * 3600e6));
  CHECK(r.stats.low_accuracy == 24);                    // i = 25, 75, …, 1175
  CHECK(r.stats.jitter_merged == 3);
}

TEST_CASE("segment: a train ride at 120-160 km/h with a 4-minute tunnel is a train, km bridged and flagged") {
  Gen g(11, at_h(9));
  const std::vector<Xy> line{{0, 0}, {30000, 40000}, {30000, 100000}};   // 50 000 + 60 000 = 110 000 m... cut below
  const std::vector<Xy> line100{{0, 0}, {30000, 40000}, {30000, 90000}};  // 50 000 + 50 000 = 100 000 m
  (void)line;
  g.stay({0, 0}, 900, 30, 10, 15);
  // tunnel from 60 km to 70 km (straight part): 10 km at 44 m/s ≈ 227 s without points
  g.move(line100, 1, 4, 6, train_speed, {}, 0, 60000, 70000);
  g.stay({30000, 90000}, 1200, 30, 10, 15);
  SegmentResult r = segment_points(g.pts);
  REQUIRE(r.visits.size() == 2);
  REQUIRE(r.trips.size() == 1);
  const SegTrip& t = r.trips[0];
  CHECK(t.distance_m == doctest::Approx(100000).epsilon(0.05));
  CHECK(t.mode == Mode::Train);
  CHECK(t.confidence >= 0.6);
  CHECK(t.gap_bridged);
  CHECK(t.bridged_m == doctest::Approx(10000).epsilon(0.02));
  CHECK(t.speed_p85_kmh == doctest::Approx(158.4).epsilon(0.05));
}

TEST_CASE("segment: GPS jumps and spikes in a car trip are dropped and counted, km stay true") {
  Gen g(5, at_h(6));
  g.stay(k_home, 1200, 60, 8, 15);
  g.move(k_car_route, 5, 4, 8, car_speed);
  g.stay(k_work, 1800, 60, 8, 15);
  // every 40th moving point jumps: far ones (5-25 km, impossible) and near ones (1.5 km: a spike)
  int far = 0, close = 0;
  for (size_t i = 25; i + 25 < g.pts.size(); ++i) {
    if (i % 40 != 0) continue;
    TracePoint& p = g.pts[i];
    if ((i / 40) % 2) {
      p.lat += 5000.0 * double(1 + (i % 5)) / k_m_per_deg;
      ++far;
    } else {
      p.lon += 1500.0 / (k_m_per_deg * std::cos(k_lat0 * M_PI / 180));
      ++close;
    }
  }
  SegmentResult r = segment_points(g.pts);
  REQUIRE(r.trips.size() == 1);
  CHECK(r.trips[0].distance_m == doctest::Approx(14071.07).epsilon(0.05));
  CHECK(r.trips[0].mode == Mode::Car);
  CHECK(r.stats.jumps + r.stats.spikes >= far + close - 2);  // the ones landing in a stay may merge instead
  CHECK(r.visits.size() == 2);
}

TEST_CASE("segment: a 2 km walk sampled every second with 4 m noise is a walk of 2 km") {
  Gen g(3, at_h(10));
  const std::vector<Xy> path{{0, 0}, {800, 0}, {800, 600}, {200, 1000}};   // 800 + 600 + hypot(600, 400) = 2121.32 m
  g.stay({0, 0}, 600, 30, 8, 10);
  g.move(path, 1, 4, 6, walk_speed);
  g.stay({200, 1000}, 600, 30, 8, 10);
  SegmentResult r = segment_points(g.pts);
  REQUIRE(r.trips.size() == 1);
  CHECK(r.trips[0].distance_m == doctest::Approx(2121.32).epsilon(0.05));
  CHECK(r.trips[0].mode == Mode::Walk);
}

TEST_CASE("segment: a flight across a 2-hour silence is a plane trip, straight line, flagged long gap") {
  Gen g(9, at_h(7));
  g.stay({0, 0}, 1800, 60, 10, 20);
  g.t_us += int64_t(3.2 * 3600e6);                   // phone off: 3.2 h > max_gap_s (3 h)
  g.stay({0, -700000}, 1800, 60, 10, 20);            // 700 km south (~ La Rochelle → Barcelona's latitude)
  SegmentResult r = segment_points(g.pts);
  REQUIRE(r.visits.size() == 2);
  REQUIRE(r.trips.size() == 1);
  const SegTrip& t = r.trips[0];
  CHECK(t.long_gap);
  CHECK(t.distance_m == doctest::Approx(700000).epsilon(0.01));
  CHECK(t.mode == Mode::Plane);                      // 700 km in ~3.2 h: > 200 km/h straight line
  CHECK(t.mode_inferred);
  CHECK(t.from_visit == 0);
  CHECK(t.to_visit == 1);
}

TEST_CASE("segment: points without time are counted and left out; unsorted points are sorted") {
  Gen g(1, at_h(8));
  g.stay(k_home, 900, 30, 8, 10);
  g.move(k_car_route, 5, 4, 8, car_speed);
  g.stay(k_work, 900, 30, 8, 10);
  std::vector<TracePoint> pts = g.pts;
  for (size_t i = 0; i + 1 < pts.size(); i += 7) std::swap(pts[i], pts[i + 1]);   // out of order pairs
  TracePoint untimed;
  untimed.lat = 46.0;
  untimed.lon = -1.0;
  pts.push_back(untimed);
  pts.insert(pts.begin(), untimed);
  SegmentResult r = segment_points(pts);
  CHECK_FALSE(r.stats.sorted);
  CHECK(r.stats.no_time == 2);
  CHECK(r.stats.points == int64_t(pts.size()));
  REQUIRE(r.trips.size() == 1);
  CHECK(r.trips[0].distance_m == doctest::Approx(14071.07).epsilon(0.05));
}

TEST_CASE("segment: the export's activity guesses (Records.json) win over speed; a GPX <type> is not a guess") {
  Gen g(4, at_h(8));
  g.stay(k_home, 900, 30, 8, 10);
  const size_t first = g.pts.size();
  g.move(k_bike_route, 5, 4, 8, bike_speed);
  const size_t last = g.pts.size();
  g.stay(k_work, 900, 30, 8, 10);
  for (size_t i = first; i < last; ++i)
    if (i % 3 == 0) {            // a third of the points carry a guess: not enough (40 % needed)
      g.pts[i].has_activity = true;
      g.pts[i].activity = Mode::Run;
      g.pts[i].activity_confidence = 80;
    }
  SegmentResult speed = segment_points(g.pts);
  REQUIRE(speed.trips.size() == 1);
  CHECK(speed.trips[0].mode == Mode::Bike);
  CHECK(speed.trips[0].mode_source == ModeSource::Speed);
  for (size_t i = first; i < last; ++i) {
    g.pts[i].has_activity = true;
    g.pts[i].activity = i % 4 ? Mode::Run : Mode::Walk;   // 3 in 4 say run, at 80 %
    g.pts[i].activity_confidence = 80;
  }
  SegmentResult act = segment_points(g.pts);
  REQUIRE(act.trips.size() == 1);
  CHECK(act.trips[0].mode == Mode::Run);
  CHECK(act.trips[0].mode_source == ModeSource::Activity);
  CHECK(act.trips[0].mode_inferred);
  CHECK(act.trips[0].confidence == doctest::Approx(0.75 * 0.8).epsilon(0.03));

  Segmenter s;
  s.set_export_mode(Mode::Bike, true);
  for (const TracePoint& p : g.pts) s.add(p);
  SegmentResult typed = s.finish();
  REQUIRE(typed.trips.size() == 1);
  CHECK(typed.trips[0].mode == Mode::Bike);
  CHECK_FALSE(typed.trips[0].mode_inferred);
  CHECK(typed.trips[0].mode_source == ModeSource::ExportType);
}

TEST_CASE("segment: corrections change one trip or every trip between the same two places") {
  Gen g(8, at_h(5));
  for (int day = 0; day < 3; ++day) {
    g.t_us = at_h(5 + 24 * day);
    g.stay(k_home, 1800, 60, 8, 10);
    g.move(k_car_route, 5, 4, 8, car_speed);
    g.stay(k_work, 3600, 60, 8, 10);
    g.move(k_bike_route, 5, 4, 8, bike_speed);
    g.stay(k_home, 1800, 60, 8, 10);
  }
  // the evening at home and the next morning there are one stay (silence at one place): 7 visits, 6 trips
  SegmentResult r = segment_points(g.pts);
  REQUIRE(r.visits.size() == 7);
  REQUIRE(r.trips.size() == 6);
  CHECK(r.trips[0].mode == Mode::Car);
  // the user says the first morning trip was by bus, then that every home <-> work trip is by train
  std::vector<ModeCorrection> cs(1);
  cs[0].trip_start_us = r.trips[0].start_us;
  cs[0].mode = Mode::Bus;
  CHECK(apply_corrections(r.trips, cs) == 1);
  CHECK(r.trips[0].mode == Mode::Bus);
  CHECK(r.trips[0].mode_source == ModeSource::User);
  CHECK_FALSE(r.trips[0].mode_inferred);
  CHECK(r.trips[2].mode == Mode::Car);
  const std::string text = "# corrections\nsimilar 46.159100 -1.152000 " + std::to_string(to_lat(6000)) + " " +
                           std::to_string(to_lon(9000)) + " 300 train\nnonsense line\ntrip 12 spaceship\n";
  int64_t bad = 0;
  auto parsed = parse_corrections(text, &bad);
  CHECK(bad == 2);
  REQUIRE(parsed.size() == 1);
  CHECK(parsed[0].similar);
  CHECK(apply_corrections(r.trips, parsed) == 6);    // both directions
  for (const SegTrip& t : r.trips) CHECK(t.mode == Mode::Train);
  auto again = parse_corrections(format_corrections(parsed));
  REQUIRE(again.size() == 1);
  CHECK(again[0].to_lat == doctest::Approx(parsed[0].to_lat).epsilon(1e-6));
  CHECK(again[0].mode == Mode::Train);
}

// ---- real-shaped files (tests/data/segment/make_traces.py) through the parsers and the CLI's collector

TEST_CASE("segment: a raw Records.json workday gives a car trip and a bike trip with their km") {
  test::Parsed p = test::parse_session(test::read_fixture("segment/records_workday.json"), "Records.json");
  CHECK(p.format == "google_records");
  SegmentNotes notes;
  SegmentResult seg;
  TripsColumns trips = collect_trips_segmented(p.tables, SegmentOptions{}, &notes, &seg);
  CHECK(notes.traces == 1);
  CHECK(notes.low_accuracy == 1);                      // the cell fix at work (1 800 m)
  REQUIRE(seg.visits.size() == 3);                     // home, work, home
  REQUIRE(trips.ts_start_us.size() == 2);
  MobilityResult r = mobility_summary(trips.view());
  REQUIRE(r.by_mode.size() == 2);
  CHECK(r.by_mode[0].mode == Mode::Bike);              // Mode order: bike before car
  CHECK(r.by_mode[0].km == doctest::Approx(12.70820).epsilon(0.05));
  CHECK(r.by_mode[1].mode == Mode::Car);
  CHECK(r.by_mode[1].km == doctest::Approx(14.07107).epsilon(0.05));
  CHECK(r.by_mode[1].inferred == 1);
  // half the car points say IN_VEHICLE at 85 %: the activity decides; a third of the bike points say
  // ON_BICYCLE: not enough, the speed decides
  CHECK(seg.trips[0].mode_source == ModeSource::Activity);
  CHECK(seg.trips[1].mode_source == ModeSource::Speed);
  CHECK(r.trips[0].inferred);
  CHECK(r.trips[0].confidence == doctest::Approx(seg.trips[0].confidence));
  // 100 km by car = 11.0558 kgCO2e (ADEME API default): 14.07 km ≈ 1.556 kg
  CHECK(r.by_mode[1].kgco2e == doctest::Approx(r.by_mode[1].km * 0.110558).epsilon(1e-9));
}

TEST_CASE("segment: a Strava GPX — a typed run and an untyped ride — gives their km, the run not guessed") {
  test::Parsed p = test::parse_session(test::read_fixture("segment/strava_run.gpx"), "activity_123.gpx");
  CHECK(p.format == "gpx");
  SegmentNotes notes;
  SegmentResult seg;
  TripsColumns trips = collect_trips_segmented(p.tables, SegmentOptions{}, &notes, &seg);
  CHECK(notes.traces == 2);
  REQUIRE(seg.trips.size() == 2);
  CHECK(seg.trips[0].mode == Mode::Run);
  CHECK_FALSE(seg.trips[0].mode_inferred);
  CHECK(seg.trips[0].mode_source == ModeSource::ExportType);
  CHECK(seg.trips[0].distance_m == doctest::Approx(9600).epsilon(0.05));   // 4 × 2 400 m
  CHECK(seg.trips[1].mode == Mode::Bike);                                  // 24 km/h
  CHECK(seg.trips[1].mode_inferred);
  CHECK(seg.trips[1].distance_m == doctest::Approx(20000).epsilon(0.05));  // 10 km out and back
  MobilityResult r = mobility_summary(trips.view());
  CHECK(r.total_km == doctest::Approx(29.6).epsilon(0.05));
}

TEST_CASE("segment: the points of a file that has trips are not segmented again") {
  test::Parsed p = test::parse_session(test::read_fixture("segment/records_workday.json"), "Records.json");
  // a trips table from the same file (as Semantic / on-device exports give): its points are left alone
  Table trips_table = make_domain_table(domain::k_trips, {{"ts_start", ColumnType::Timestamp}, {"distance_m", ColumnType::Float64}});
  RowWriter w(trips_table);
  w.ts(0, k_day + 6 * 3600000000LL + 3600000000LL);
  w.f64(1, 14000);
  Provenance prov{"Records.json", ""};
  w.end_row(prov, 0);
  p.tables.push_back(trips_table);
  SegmentNotes notes;
  TripsColumns trips = collect_trips_segmented(p.tables, SegmentOptions{}, &notes);
  CHECK(notes.traces == 0);
  CHECK(trips.ts_start_us.size() == 1);
  // from another file: segmented, but the segmented trip overlapping the given one in time is dropped
  p.tables.back() = make_domain_table(domain::k_trips, {{"ts_start", ColumnType::Timestamp}, {"duration_s", ColumnType::Float64},
                                                        {"distance_m", ColumnType::Float64}});
  RowWriter w2(p.tables.back());
  w2.ts(0, k_day + 7 * 3600000000LL + 600000000LL);    // 07:10 UTC, during the car commute
  w2.f64(1, 600);
  w2.f64(2, 14000);
  w2.end_row(Provenance{"Semantic.json", ""}, 0);
  notes = {};
  trips = collect_trips_segmented(p.tables, SegmentOptions{}, &notes);
  CHECK(notes.traces == 1);
  CHECK(notes.dropped_overlap == 1);
  CHECK(trips.ts_start_us.size() == 2);                // the given trip and the segmented bike trip
}

TEST_CASE("territory: a donation-format aggregate gives the district's mode shares next to the user's") {
  MobilityAggregate a = read_mobility_aggregate(test::read_fixture("segment/aggregate_la_rochelle.csv"));
  CHECK(a.format == "csv");
  CHECK(a.rows.size() == 8);
  CHECK(a.other_rows == 1);
  MobilityResult user;
  user.by_mode = {{Mode::Bike, 2, 0, 32, 0}, {Mode::Car, 3, 0, 68, 0}};
  TerritoryCompare c = compare_with_area(a, user, "17300", "declared");
  REQUIRE(c.found);
  CHECK(c.area_km == doctest::Approx(1500));
  CHECK(c.period_first == "2024-03");
  CHECK(c.period_last == "2024-04");
  REQUIRE(c.modes.size() == 4);                        // walk, bike, car, bus (Mode order)
  for (const ModeShare& m : c.modes) {
    if (m.mode == Mode::Car) {
      CHECK(m.user_share == doctest::Approx(0.68));
      CHECK(m.area_share == doctest::Approx(1180.0 / 1500));
    }
    if (m.mode == Mode::Bus) CHECK(m.user_share == 0);
  }
  // NDJSON lines of `workbench donations merge`, with a broken line
  const std::string nd = "{\"donation_id\":\"a\",\"part\":\"mobility\",\"period\":\"2024-03\",\"period_start\":\"2024-03-01\","
                         "\"area\":\"17300\",\"cell_lat\":null,\"cell_lon\":null,\"category\":\"car\",\"value\":10.5,\"unit\":\"km\",\"records\":5}\n"
                         "{broken\n";
  MobilityAggregate b = read_mobility_aggregate(nd);
  CHECK(b.format == "ndjson");
  REQUIRE(b.rows.size() == 1);
  CHECK(b.rows[0].km == 10.5);
  CHECK(b.bad_lines == 1);
  CHECK(b.first_bad_line == 2);
  TerritoryCompare only = compare_with_area(b, user, "", "home_cell");
  CHECK(only.found);
  CHECK(only.how == "only_area");
  CHECK_FALSE(compare_with_area(a, user, "1kmN2999E3962", "home_cell").found);
}
