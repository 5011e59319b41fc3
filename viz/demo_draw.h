// Demo window drawing every chart of viz/chart_draw.h from deterministic synthetic data: a year of
// half-hourly electricity readings (through both DST changes), km per mode per week, GPS tracks
// around La Rochelle. Owns: the synthetic data. Does not own: any chart code.
#pragma once
#include "viz/locale.h"

namespace sdw {

void viz_demo_window(Lang lang, bool* open);

// What the demo's electricity timeline shows, for tests driving it (zoom, pan, pinch): the visible
// range (UTC seconds) and where the chart is on screen (pixels).
struct DemoProbe {
  double power_t0 = 0, power_t1 = 0;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
const DemoProbe& viz_demo_probe();

}  // namespace sdw
