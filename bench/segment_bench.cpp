// Segmentation of N generated points (challenges/segment.h), timed: built by bench/segment_native.sh against the
// native core library. Modes: "stream" generates points on the fly into a Segmenter (memory bounded: the
// current stay candidate and one trip), "array" first holds all points (as the CLI's collector does) and calls
// segment_points. The trace repeats a day: home (a point every 10 s), a 14 km car commute at 1 Hz, work, a
// 12.7 km bike ride at 1 Hz, home; the truth per day is 2 trips and 26.78 km, checked at the end.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

#include "challenges/segment.h"

using namespace sdw::challenge;

namespace {
constexpr double k_lat0 = 46.1591, k_lon0 = -1.1520, k_m = 111194.93;
struct Xy { double x, y; };
const std::vector<Xy> k_car{{0, 0}, {2000, 0}, {2000, 5000}, {9000, 6000}};   // 14 071.07 m
const std::vector<Xy> k_bike{{9000, 6000}, {3000, 6000}, {0, 0}};             // 12 708.20 m

Xy at(const std::vector<Xy>& l, double s) {
  for (size_t i = 1; i < l.size(); ++i) {
    const double seg = std::hypot(l[i].x - l[i - 1].x, l[i].y - l[i - 1].y);
    if (s <= seg) return {l[i - 1].x + (l[i].x - l[i - 1].x) * s / seg, l[i - 1].y + (l[i].y - l[i - 1].y) * s / seg};
    s -= seg;
  }
  return l.back();
}

// Calls emit(point) n times, day after day.
template <class F>
void generate(uint64_t n, F&& emit) {
  std::mt19937_64 rng(1);
  std::normal_distribution<double> g(0, 4);
  int64_t t = 1710460800000000;
  uint64_t k = 0;
  auto put = [&](Xy p, double acc) {
    if (k++ >= n) return false;
    TracePoint tp;
    tp.ts_us = t;
    tp.lat = k_lat0 + (p.y + g(rng)) / k_m;
    tp.lon = k_lon0 + (p.x + g(rng)) / (k_m * std::cos(k_lat0 * M_PI / 180));
    tp.accuracy_m = float(acc);
    emit(tp);
    return true;
  };
  auto stay = [&](Xy p, int64_t secs) {
    for (int64_t s = 0; s < secs; s += 10, t += 10000000)
      if (!put(p, 15)) return false;
    return true;
  };
  auto move = [&](const std::vector<Xy>& l, double total, double v) {
    for (double s = 0; s < total; s += v, t += 1000000)
      if (!put(at(l, s), 6)) return false;
    return true;
  };
  for (;;) {
    if (!stay({0, 0}, 2 * 3600) || !move(k_car, 14071.07, 15) || !stay({9000, 6000}, 8 * 3600) ||
        !move(k_bike, 12708.20, 5) || !stay({0, 0}, 12 * 3600))
      return;
  }
}
}  // namespace

int main(int argc, char** argv) {
  const uint64_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 10000000ULL;
  const bool array = argc > 2 && std::strcmp(argv[2], "array") == 0;
  const auto t0 = std::chrono::steady_clock::now();
  SegmentResult r;
  double gen_s = 0;
  if (array) {
    std::vector<TracePoint> pts;
    pts.reserve(n);
    generate(n, [&](const TracePoint& p) { pts.push_back(p); });
    gen_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r = segment_points(pts);
  } else {
    Segmenter s;
    generate(n, [&](const TracePoint& p) { s.add(p); });
    r = s.finish();
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  double km = 0;
  int64_t cars = 0, bikes = 0;
  for (const SegTrip& t : r.trips) {
    km += t.distance_m / 1000;
    cars += t.mode == Mode::Car;
    bikes += t.mode == Mode::Bike;
  }
  std::printf("mode=%s points=%llu used=%lld visits=%zu trips=%zu (car %lld, bike %lld) km=%.1f km/trip=%.3f\n",
              array ? "array" : "stream", (unsigned long long)n, (long long)r.stats.used, r.visits.size(), r.trips.size(),
              (long long)cars, (long long)bikes, km, r.trips.empty() ? 0.0 : km / double(r.trips.size()));
  std::printf("seconds=%.2f (generation %.2f) points_per_s=%.0f\n", secs, gen_s, double(n) / secs);
  return 0;
}
