// Demo window drawing every chart of viz/chart_draw.h from deterministic synthetic data: a year of
// half-hourly electricity readings (through both DST changes), km per mode per week, GPS tracks
// around La Rochelle. Owns: the synthetic data. Does not own: any chart code.
#pragma once
#include "viz/locale.h"

namespace sdw {

void viz_demo_window(Lang lang, bool* open);

}  // namespace sdw
