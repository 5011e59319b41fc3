// libFuzzer target: what a territory receives (challenges/donation.h, the validator of donated files, and
// challenges/territory.h, the aggregate a city publishes back). The bytes are a manifest and a data file
// (split at the first 0x00 byte, else at the middle); check_manifest then check_data must give a verdict with
// reasons (code, French and English, valid UTF-8) and never crash; when the verdict is "ok", every NDJSON row
// written is one line (ending in LF) of valid JSON that starts with the donation id. The same bytes are read as a
// territory's mobility aggregate (CSV or NDJSON): counts never negative, km finite.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "challenges/donation.h"
#include "challenges/territory.h"
#include "tests/fuzz/fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sdw::challenge;
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  size_t cut = all.find('\0');
  if (cut == std::string_view::npos) cut = size / 2;
  const std::string_view manifest = all.substr(0, cut);
  const std::string_view body = cut < size ? all.substr(cut + 1) : std::string_view();
  DonationCheck c = check_manifest(manifest);
  if (c.ok) check_data(c, body);
  for (const DonationReason& r : c.reasons) {
    SDW_FUZZ_CHECK(!r.code.empty() && !r.fr.empty() && !r.en.empty(), r.code);
    SDW_FUZZ_CHECK(sdw::fuzz::valid_utf8(r.fr) && sdw::fuzz::valid_utf8(r.en), r.code);
  }
  SDW_FUZZ_CHECK(c.ok == c.reasons.empty(), "ok with reasons, or rejected without one");
  if (c.ok) {
    donation_rows_ndjson(body, "don-fuzz", [](std::string_view line) {
      SDW_FUZZ_CHECK(!line.empty() && line.back() == '\n', "a row without its line end");
      line.remove_suffix(1);
      SDW_FUZZ_CHECK(line.find('\n') == std::string_view::npos, "a row spans lines");
      const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      SDW_FUZZ_CHECK(!j.is_discarded() && j.is_object(), std::string(line.substr(0, 80)));
      SDW_FUZZ_CHECK(j.begin().key() == "donation_id" || j.contains("donation_id"), "no donation_id");
    });
  }
  const MobilityAggregate a = read_mobility_aggregate(all);
  SDW_FUZZ_CHECK(a.bad_lines >= 0 && a.other_rows >= 0, "");
  for (const AreaModeKm& r : a.rows) SDW_FUZZ_CHECK(std::isfinite(r.km) && r.km >= 0 && r.records >= 0, r.area);
  return 0;
}
