// libFuzzer target: the segmentation (challenges/segment.h) on arbitrary point arrays — any timestamps (equal,
// backwards, k_no_time), coordinates (NaN, out of range, poles), accuracies and activities — must finish with
// counts that add up and trips with finite, non-negative km, never crash; the corrections parser on the same bytes.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

#include "challenges/segment.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sdw::challenge;
  constexpr size_t k_rec = 8 + 4 + 4 + 2 + 1;   // ts delta, lat, lon (float), accuracy, activity
  std::vector<TracePoint> pts;
  int64_t t = 1700000000000000;
  for (size_t off = 0; off + k_rec <= size; off += k_rec) {
    int64_t dt;
    float lat, lon;
    uint16_t acc;
    std::memcpy(&dt, data + off, 8);
    std::memcpy(&lat, data + off + 8, 4);
    std::memcpy(&lon, data + off + 12, 4);
    std::memcpy(&acc, data + off + 16, 2);
    const uint8_t act = data[off + 18];
    TracePoint p;
    if (dt == INT64_MIN) p.ts_us = k_no_time;
    else p.ts_us = t += dt % 100000000000LL;   // up to ±28 h between points
    p.lat = lat;
    p.lon = lon;
    p.accuracy_m = acc == 0xFFFF ? NAN : float(acc);
    p.has_activity = act & 0x80;
    p.activity = Mode((act & 0x7F) % k_mode_count);
    p.activity_confidence = act % 101;
    pts.push_back(p);
  }
  SegmentResult r = segment_points(pts);
  const SegmentStats& s = r.stats;
  if (s.points != int64_t(pts.size())) std::abort();
  if (s.used + s.no_time + s.bad_coord + s.low_accuracy + s.not_after_previous + s.jumps + s.spikes != s.points) std::abort();
  for (const SegTrip& x : r.trips)
    if (!(x.distance_m >= 0) || !std::isfinite(x.distance_m) || !(x.confidence >= 0 && x.confidence <= 1)) std::abort();
  int64_t bad = 0;
  auto corr = parse_corrections(std::string_view(reinterpret_cast<const char*>(data), size), &bad);
  apply_corrections(r.trips, corr);
  return 0;
}
