// libFuzzer target: the solar simulation (challenges/solar.h) on any system and any readings: PV parameters as
// raw doubles (NaN, infinities, negative or huge, as a typed option or a hostile settings file could give),
// readings with any start between 1900 and 2100, any duration up to ±10 years, equal or backwards times, NaN
// or negative kWh, with an optional battery. Must finish without crashing, with rates in [0, 1] or NaN, and
// self-consumed + exported never above production (to rounding) when production is finite.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include <fuzzer/FuzzedDataProvider.h>

#include "challenges/solar.h"
#include "tests/fuzz/fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sdw::challenge;
  FuzzedDataProvider fdp(data, size);
  SolarOptions o;
  auto raw = [&] { double d; uint64_t b = fdp.ConsumeIntegral<uint64_t>(); std::memcpy(&d, &b, 8); return d; };
  auto pick = [&](double sane_lo, double sane_hi) { return fdp.ConsumeBool() ? raw() : fdp.ConsumeFloatingPointInRange(sane_lo, sane_hi); };
  o.pv.kwc = pick(0, 36);
  o.pv.tilt_deg = pick(0, 90);
  o.pv.azimuth_deg = pick(-180, 180);
  o.pv.lat = pick(-90, 90);
  o.pv.lon = pick(-180, 180);
  o.pv.losses = pick(0, 1);
  o.pv.albedo = pick(0, 1);
  if (fdp.ConsumeBool()) o.battery_kwh = pick(0, 20);
  if (fdp.ConsumeBool()) o.price_eur_kwh = pick(0, 1);
  if (fdp.ConsumeBool()) { o.install_eur_per_kwc = pick(0, 5000); o.install_cost_given = true; }
  std::vector<int64_t> start, end;
  std::vector<double> kwh;
  constexpr int64_t k_1900 = -2208988800LL * 1000000, k_span = 6311433600LL * 1000000;   // 1900..2100 in µs
  int64_t t = k_1900 + int64_t(fdp.ConsumeIntegral<uint64_t>() % uint64_t(k_span));
  while (fdp.remaining_bytes() >= 10 && start.size() < 20000) {
    const int64_t step = int64_t(fdp.ConsumeIntegral<uint32_t>()) - (int64_t(1) << 31);   // ±36 min in µs
    const uint16_t dur_code = fdp.ConsumeIntegral<uint16_t>();
    t += step * (dur_code & 1 ? 1000 : 1);
    const int64_t dur = dur_code >= 0xFFF0 ? (int64_t(dur_code - 0xFFF0) - 8) * 365LL * 86400 * 1000000 * 10 / 8
                                           : int64_t(dur_code) * 60 * 1000000 / 64;   // up to ~17 h, or ±10 years
    start.push_back(t);
    end.push_back(t + dur);
    kwh.push_back(fdp.ConsumeBool() ? raw() : fdp.ConsumeFloatingPointInRange(0.0, 5.0));
  }
  const EnergyView v{start, end, {}, kwh};
  const SolarResult r = simulate_solar(v, o);
  auto rate = [](double x) { return std::isnan(x) || (x >= -1e-9 && x <= 1 + 1e-9); };
  SDW_FUZZ_CHECK(rate(r.self_consumption_rate), std::to_string(r.self_consumption_rate));
  SDW_FUZZ_CHECK(rate(r.self_sufficiency_rate), std::to_string(r.self_sufficiency_rate));
  if (std::isfinite(r.production_kwh) && std::isfinite(r.self_consumed_kwh) && std::isfinite(r.exported_kwh))
    SDW_FUZZ_CHECK(r.self_consumed_kwh + r.exported_kwh <= r.production_kwh * (1 + 1e-6) + 1e-6 + r.battery_discharged_kwh,
                   std::to_string(r.production_kwh));
  for (const sdw::Message& m : r.notes) sdw::fuzz::check_message(m);
  return 0;
}
