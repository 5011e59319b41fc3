// Solar model (challenges/solar.h): the sun's position against the worked example of the NREL SPA report
// (Reda & Andreas 2004, NREL/TP-560-34302: Golden, Colorado, 17 October 2003 12:30:30 UTC-7 -> elevation without
// refraction 39.872046°, azimuth 194.340241°; the same figures are asserted by pvlib's and other projects' tests),
// yearly yields against published ranges, and the hour-by-hour match (self-consumed never above production nor
// consumption), with and without a battery.
#include <doctest/doctest.h>

#include <cmath>

#include "challenges/energy_save.h"
#include "challenges/solar.h"
#include "parsers/core/values.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::challenge;
using sdw::test::utc_us;

TEST_CASE("solar: position against the NREL SPA worked example") {
  const SolarPosition p = solar_position(utc_us(2003, 10, 17, 19, 30, 30), 39.742476, -105.1786);
  CHECK(std::abs(p.elevation_deg - 39.872046) < 0.02);
  CHECK(std::abs(p.azimuth_deg - 194.340241) < 0.02);
  // NOAA's refraction at sea level adds about 0.02°; SPA's apparent elevation at 820 mbar is 39.888378
  CHECK(std::abs(p.apparent_elevation_deg - 39.888378) < 0.01);
}

TEST_CASE("solar: noon geometry at Nantes on the solstices (90 - latitude ± 23.44)") {
  // solar noon in Nantes (1.554° W) is near 12:06 UTC + equation of time; scan the day for the highest sun
  auto max_elevation = [](int y, unsigned m, unsigned d) {
    double best = -90;
    for (int64_t t = utc_us(y, m, d, 10, 0); t < utc_us(y, m, d, 14, 0); t += 60 * 1000000LL)
      best = std::max(best, solar_position(t, 47.218, -1.554).elevation_deg);
    return best;
  };
  CHECK(max_elevation(2024, 6, 20) == doctest::Approx(90 - 47.218 + 23.44).epsilon(0.002));
  CHECK(max_elevation(2024, 12, 21) == doctest::Approx(90 - 47.218 - 23.44).epsilon(0.004));
  // at 06:00 UTC in June the sun is in the east-north-east, at 18:00 UTC in the west
  const double morning = solar_position(utc_us(2024, 6, 20, 6, 0), 47.218, -1.554).azimuth_deg;
  CHECK(morning > 60);
  CHECK(morning < 100);
  CHECK(solar_position(utc_us(2024, 6, 20, 18, 0), 47.218, -1.554).azimuth_deg > 260);
}

TEST_CASE("solar: yearly yields within published ranges, orientation and tilt effects") {
  PvSystem s;  // 30°, south, 14 % losses
  // anchor: Nantes is calibrated on the published Pays de la Loire figure (1 225 kWh/kWc, SOURCES.md)
  s.lat = 47.218, s.lon = -1.554;
  CHECK(pv_annual_yield(s, 2023) == doctest::Approx(1225).epsilon(0.002));
  // La Rochelle, further south, is a prediction of the model: PVGIS's range for the Atlantic coast is 1 200-1 400
  s.lat = 46.160, s.lon = -1.151;
  const double rochelle = pv_annual_yield(s, 2023);
  CHECK(rochelle > 1225);
  CHECK(rochelle > 1200);
  CHECK(rochelle < 1400);
  // east-facing and vertical produce less than 30° south
  PvSystem east = s;
  east.azimuth_deg = -90;
  CHECK(pv_annual_yield(east, 2023) < 0.9 * rochelle);
  PvSystem wall = s;
  wall.tilt_deg = 90;
  CHECK(pv_annual_yield(wall, 2023) < 0.8 * rochelle);
  // no production at night
  CHECK(pv_power_kw(s, utc_us(2024, 6, 20, 0, 30)) == 0.0);
}

namespace {
struct Curve {
  std::vector<int64_t> start, end;
  std::vector<double> kwh;
  void add(int64_t s, int64_t seconds, double k) {
    start.push_back(s);
    end.push_back(s + seconds * 1000000);
    kwh.push_back(k);
  }
  EnergyView view() const { return EnergyView{start, end, {}, kwh}; }
};
}  // namespace

TEST_CASE("solar: self-consumed never above production nor consumption in any hour") {
  Curve c;
  // one week of June at 0.25 kWh per half-hour (0.5 kWh an hour), with a 2 kWh evening peak
  for (int64_t t = utc_us(2024, 6, 10, 22, 0); t < utc_us(2024, 6, 17, 22, 0); t += 1800 * 1000000LL) {
    const int local_hour = int(((t / 1000000 / 3600) + 2) % 24);
    c.add(t, 1800, local_hour == 19 ? 1.0 : 0.25);
  }
  SolarOptions o;
  o.pv.kwc = 3;
  o.price_eur_kwh = 0.2516;
  SolarResult r = simulate_solar(c.view(), o);
  REQUIRE(r.hours == 7 * 24);
  CHECK(r.consumption_kwh == doctest::Approx(7 * (23 * 0.5 + 2.0)));
  for (const SolarHour& h : r.hourly) {
    CHECK(h.self_consumed_kwh <= h.production_kwh + 1e-12);
    CHECK(h.self_consumed_kwh <= h.consumption_kwh + 1e-12);
    CHECK(h.self_consumed_kwh + h.exported_kwh == doctest::Approx(h.production_kwh));
  }
  CHECK(r.self_consumed_kwh + r.exported_kwh == doctest::Approx(r.production_kwh));
  CHECK(r.self_consumed_kwh + r.imported_kwh == doctest::Approx(r.consumption_kwh));
  CHECK(r.self_consumption_rate > 0);
  CHECK(r.self_consumption_rate < 1);
  CHECK(r.savings_eur_per_year == doctest::Approx(r.self_consumed_kwh * 8760.0 / (7 * 24) * 0.2516));
  // a battery moves some exported midday kWh into the evening: self-consumption rises, no hour breaks the rule
  o.battery_kwh = 5;
  SolarResult b = simulate_solar(c.view(), o);
  CHECK(b.self_consumed_kwh > r.self_consumed_kwh);
  CHECK(b.battery_discharged_kwh > 0);
  for (const SolarHour& h : b.hourly) {
    CHECK(h.self_consumed_kwh <= h.consumption_kwh + 1e-12);
    CHECK(h.exported_kwh >= -1e-12);
  }
  // solar kWh used at home (direct + from the battery) never exceed production x efficiency losses allowed
  CHECK(b.self_consumed_kwh <= b.production_kwh);
}

TEST_CASE("solar: options out of their physical range give no figures and say which (found by fuzz_solar)") {
  Curve c;
  for (int64_t t = utc_us(2024, 6, 10, 0, 0); t < utc_us(2024, 6, 11, 0, 0); t += 3600 * 1000000LL) c.add(t, 3600, 0.5);
  c.add(utc_us(2024, 6, 11, 0, 0), 3600, INFINITY);   // an infinite reading is left out, like a NaN one
  SolarOptions o;
  SolarResult ok = simulate_solar(c.view(), o);
  CHECK(ok.hours == 24);
  CHECK(ok.consumption_kwh == doctest::Approx(12));
  for (double kwc : {-3.0, 0.0, double(INFINITY), double(NAN), 5000.0}) {
    o.pv.kwc = kwc;
    SolarResult r = simulate_solar(c.view(), o);
    CHECK(r.hours == 0);
    CHECK(r.hourly.empty());
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0].code == "solar.bad_option");
    CHECK(r.notes[0].fr.find("kWc") != std::string::npos);
  }
  o.pv.kwc = 3;
  o.pv.tilt_deg = 120;
  SolarResult r = simulate_solar(c.view(), o);
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0].en.find("tilt") != std::string::npos);
}

TEST_CASE("solar: money side with the sourced OA price and premium, hand-worked") {
  Curve c;
  for (int64_t t = utc_us(2025, 4, 14, 22, 0); t < utc_us(2025, 4, 15, 22, 0); t += 3600 * 1000000LL) c.add(t, 3600, 0.4);
  SolarOptions o;
  o.pv.kwc = 6;
  o.price_eur_kwh = 0.2016;
  o.install_eur_per_kwc = 1800;
  o.install_cost_given = true;
  SolarResult r = simulate_solar(c.view(), o);
  // connection in April 2025: 0.04 €/kWh surplus and 80 €/kWc up to 9 kWc (CRE, 27 March 2025)
  CHECK(r.economics.oa_surplus_eur_kwh == doctest::Approx(0.04));
  CHECK(r.economics.prime_eur_per_kwc == doctest::Approx(80));
  CHECK(r.prime_eur == doctest::Approx(480));
  CHECK(r.net_cost_eur == doctest::Approx(6 * 1800 - 480));
  const double scale = 8760.0 / 24;
  CHECK(r.export_income_eur_per_year == doctest::Approx(r.exported_kwh * scale * 0.04));
  CHECK(r.payback_years == doctest::Approx((6 * 1800 - 480) / (r.self_consumed_kwh * scale * 0.2016 + r.exported_kwh * scale * 0.04)));
  // a 3 kWc request in December 2024: 12.69 c€/kWh and 220 €/kWc
  const SolarEconomics e = solar_economics(3, [] { int32_t d = 0; parse_date("2024-12-15", d); return d; }());
  CHECK(e.oa_surplus_eur_kwh == doctest::Approx(0.1269));
  CHECK(e.prime_eur_per_kwc == doctest::Approx(220));
}

TEST_CASE("context: the household next to published averages") {
  HouseholdProfile p;
  p.occupants = 4;
  p.heating = "gas";
  EnergyContext c = energy_context(4000, 365, p);
  CHECK(c.user_kwh_per_year == doctest::Approx(4000));
  REQUIRE(c.lines.size() >= 3);
  CHECK(c.lines[0].id == "elecdom_specific");               // gas heating: compared with specific electricity
  CHECK(c.lines[0].ratio == doctest::Approx(4000.0 / 2228));
  CHECK(c.lines[1].id == "per_person");
  CHECK(c.lines[1].kwh_per_year == doctest::Approx(4 * 2223));
  p.heating = "electric";
  c = energy_context(9000, 180, p);                          // half a year of an electrically heated home
  CHECK(c.user_kwh_per_year == doctest::Approx(9000.0 * 365 / 180));
  CHECK(c.lines[0].id == "all_electric");
  CHECK(c.lines[0].kwh_per_year == doctest::Approx(16975));
}
