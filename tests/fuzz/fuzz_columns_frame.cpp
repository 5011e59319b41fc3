// libFuzzer target: the page's binary answers to fetch_columns (wasm/app_columns.h), decoded in the app for the
// dashboards, the reveal tab and the donation. Any bytes must give either ok = false with a message, or columns
// whose every vector holds exactly the rows the header announced: never a read past the frame, never a crash.
#include <cstdint>
#include <cstdlib>

#include "wasm/app_columns.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const sdw::Columns c = sdw::decode_columns_frame(data, size);
  if (!c.has) std::abort();
  if (!c.ok) {
    if (c.error.empty()) std::abort();
    return 0;
  }
  if (c.num.size() != c.names.size() || c.text.size() != c.names.size()) std::abort();
  for (size_t k = 0; k < c.names.size(); ++k) {
    if (c.num[k].size() != c.rows) std::abort();
    if (!c.text[k].empty() && c.text[k].size() != c.rows) std::abort();
    (void)c.views(k);
    (void)c.whole<int64_t>(k);
  }
  return 0;
}
