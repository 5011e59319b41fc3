// Demo window drawing every chart of viz/chart_draw.h from deterministic synthetic data: a year of
// half-hourly electricity readings (through both DST changes), km per mode per week, GPS tracks
// around La Rochelle. Owns: the synthetic data. Does not own: any chart code.
#pragma once
#include <cstdint>

#include "viz/locale.h"

namespace sdw {

void viz_demo_window(Lang lang, bool* open);

// What the demo's electricity timeline shows, for tests driving it (zoom, pan, pinch): the visible
// range (UTC seconds) and where the chart is on screen (pixels). In bench mode: what the bench chart
// drew last frame (TimeView / MapState drawn_points) and over how many points.
struct DemoProbe {
  double power_t0 = 0, power_t1 = 0;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int bench_kind = 0;
  int64_t bench_n = 0;
  bool bench_decimate = true;
  int drawn_points = 0;
};
const DemoProbe& viz_demo_probe();

// Bench mode (bench/frames.cjs): kind 0 = off (the normal demo), 1 = one timeline series of n synthetic
// 30-second readings, 2 = the map's density layer over n synthetic points (with the basemap). When on, the
// window draws only that chart, at a fixed size, over the whole data range; the points are generated
// once per (kind, n). decimate = false draws the timeline undecimated (chart::Decimation::None).
void viz_demo_set_bench(int kind, int64_t n, bool decimate);

}  // namespace sdw
