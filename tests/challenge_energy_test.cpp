// Energy challenge: daily totals in Paris days (a 23-hour DST day sums 46 half-hours, a 25-hour one 50),
// weekly profile, base load (median of night minima), peak hours, Base and HC/HP costs, coarse readings
// ignored where the load curve exists, month-on-month, heating signature. Hand-worked values.
#include <doctest/doctest.h>
#include <cmath>

#include "challenges/energy.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::challenge;
using sdw::test::utc_us;

namespace {
struct Series {
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

TEST_CASE("challenge energy: DST days sum 46 and 50 half-hours") {
  Series s;
  // 2023-03-25 00:00 CET (23:00Z the day before) to 2023-03-27 00:00 CEST (2023-03-26T22:00Z): 48 + 46
  for (int64_t t = utc_us(2023, 3, 24, 23, 0); t < utc_us(2023, 3, 26, 22, 0); t += 1800 * 1000000LL) s.add(t, 1800, 0.5);
  // 2023-10-29 00:00 CEST (22:00Z) to 2023-10-30 00:00 CET (23:00Z): 50 half-hours
  for (int64_t t = utc_us(2023, 10, 28, 22, 0); t < utc_us(2023, 10, 29, 23, 0); t += 1800 * 1000000LL) s.add(t, 1800, 0.5);
  EnergyResult r = energy_summary(s.view());
  REQUIRE(r.days.size() == 3);
  CHECK(day_key(r.days[0].day) == "2023-03-25");
  CHECK(r.days[0].readings == 48);
  CHECK(r.days[0].kwh == doctest::Approx(24));
  CHECK(day_key(r.days[1].day) == "2023-03-26");
  CHECK(r.days[1].readings == 46);
  CHECK(r.days[1].hours == doctest::Approx(23));
  CHECK(r.days[1].kwh == doctest::Approx(23));
  CHECK(day_key(r.days[2].day) == "2023-10-29");
  CHECK(r.days[2].readings == 50);
  CHECK(r.days[2].hours == doctest::Approx(25));
  CHECK(r.days[2].kwh == doctest::Approx(25));
  // the repeated 02:00 hour of 29 October holds both occurrences: 4 half-hours
  CHECK(r.weekly_profile[6][2] == doctest::Approx(2.0));  // Sunday 26 March has no 02:00 (DST gap): 29 Oct only
}

TEST_CASE("challenge energy: profile, base load, peak hours, costs, month-on-month") {
  // Tue 10, Wed 11, Thu 12 January 2023: 48 half-hours of 0.1 kWh (200 W), except 02:00 (100/150/200 W)
  // and 19:00-20:00 (1 kWh each half-hour). Day totals 6.55, 6.575, 6.6.
  Series s;
  const double night[] = {0.05, 0.075, 0.1};
  for (int d = 0; d < 3; ++d) {
    const int64_t midnight = utc_us(2023, 1, 9 + d, 23, 0);
    for (int k = 0; k < 48; ++k) {
      double kwh = 0.1;
      if (k == 4) kwh = night[d];
      if (k == 38 || k == 39) kwh = 1.0;
      s.add(midnight + k * 1800 * 1000000LL, 1800, kwh);
    }
  }
  s.add(utc_us(2023, 1, 9, 23, 0), 86400, 6.0);   // a daily reading of a day the load curve covers: ignored
  s.add(utc_us(2023, 1, 31, 23, 0), 86400, 10.0); // 1 February: a daily reading only
  EnergyOptions o;
  o.tariff.base_eur_kwh = 0.2;
  o.tariff.subscription_eur_month = 31;   // 1 € per January day, 28/28 per February day
  EnergyResult r = energy_summary(s.view(), o);
  REQUIRE(r.days.size() == 4);
  CHECK(r.skipped_coarse == 1);
  CHECK(r.days[0].kwh == doctest::Approx(6.55));
  CHECK(r.days[3].kwh == doctest::Approx(10));
  CHECK_FALSE(r.days[3].fine);
  CHECK(r.total_kwh == doctest::Approx(29.725));
  CHECK(r.base_load_w == doctest::Approx(150));  // median of 100, 150, 200 W
  CHECK(r.base_load_days == 3);
  CHECK(r.max_power_w == doctest::Approx(2000));
  REQUIRE(r.peak_hours.size() == 3);
  CHECK(r.peak_hours[0].hour == 19);
  CHECK(r.peak_hours[0].mean_kwh == doctest::Approx(2.0));
  CHECK(r.weekly_profile[1][19] == doctest::Approx(2.0));  // Tuesday
  CHECK(r.weekly_profile[1][2] == doctest::Approx(0.15));  // 0.05 + 0.1
  CHECK(std::isnan(r.weekly_profile[0][19]));             // no Monday
  CHECK(r.hourly_mean[2] == doctest::Approx((0.15 + 0.175 + 0.2) / 3));
  REQUIRE(r.months.size() == 2);
  const EnergyMonth& jan = r.months[0];
  CHECK(jan.kwh == doctest::Approx(19.725));
  CHECK(jan.days == 3);
  CHECK(jan.kwh_per_day == doctest::Approx(6.575));
  CHECK(jan.cost_subscription_eur == doctest::Approx(3));
  CHECK(jan.cost_eur == doctest::Approx(19.725 * 0.2 + 3));
  const EnergyMonth& feb = r.months[1];
  CHECK(feb.kwh == doctest::Approx(10));
  CHECK(feb.delta_kwh == doctest::Approx(10 - 19.725));
  CHECK(feb.delta_kwh_per_day == doctest::Approx(10 - 6.575));
  CHECK(feb.cost_subscription_eur == doctest::Approx(31.0 / 28));
  CHECK(std::isnan(jan.delta_kwh));

  // Heures Creuses 22:00-06:00: HC = 15 x 0.1 + the 02:00 half-hour per day; the February daily reading is
  // not split (priced HP)
  o.tariff.kind = Tariff::Kind::PeakOffPeak;
  o.tariff.offpeak_eur_kwh = 0.2;
  o.tariff.peak_eur_kwh = 0.3;
  EnergyResult hc = energy_summary(s.view(), o);
  CHECK(hc.months[0].kwh_offpeak == doctest::Approx(4.725));
  CHECK(hc.months[0].kwh_peak == doctest::Approx(15.0));
  CHECK(hc.months[0].cost_eur == doctest::Approx(4.725 * 0.2 + 15.0 * 0.3 + 3));
  CHECK(hc.months[1].kwh_unsplit == doctest::Approx(10));
  CHECK(hc.months[1].cost_energy_eur == doctest::Approx(3.0));
  CHECK(HourRange{22 * 60, 6 * 60}.contains(23 * 60));
  CHECK(HourRange{22 * 60, 6 * 60}.contains(0));
  CHECK_FALSE(HourRange{22 * 60, 6 * 60}.contains(6 * 60));
  CHECK(HourRange{12 * 60, 14 * 60}.contains(13 * 60));
}

TEST_CASE("challenge energy: heating signature against outdoor temperature") {
  std::vector<EnergyDay> days(3);
  const double kwh[] = {10, 20, 30};
  for (int i = 0; i < 3; ++i) {
    days[i].day = 19000 + i;
    days[i].kwh = kwh[i];
  }
  const int32_t td[] = {19000, 19001, 19002, 19003};
  const double tc[] = {15, 10, 5, -3};
  HeatingFit f = heating_signature(days, td, tc);
  CHECK(f.days == 3);
  CHECK(f.slope_kwh_per_degc == doctest::Approx(-2));
  CHECK(f.intercept_kwh == doctest::Approx(40));
  CHECK(f.r2 == doctest::Approx(1));
}

TEST_CASE("challenge energy, gas: daily readings, m3, heating above the summer median day, gas tariff") {
  // GRDF-like daily readings (local days, UTC bounds): 8 July days 4,5,5,6,5,4,6,5 kWh (median 5), then
  // 3 January days 60, 45, 3 kWh; m3 = kWh / 10. Heating = (60-5) + (45-5) + 0 = 95 of 148 kWh.
  std::vector<int64_t> start, end;
  std::vector<double> kwh, m3;
  auto day = [&](int y, unsigned mo, unsigned d, int cet_offset_h, double k) {
    start.push_back(utc_us(y, mo, d, 0, 0) - int64_t(cet_offset_h) * 3600 * 1000000);
    end.push_back(start.back() + 86400LL * 1000000);
    kwh.push_back(k);
    m3.push_back(k / 10);
  };
  const double july[] = {4, 5, 5, 6, 5, 4, 6, 5};
  for (unsigned d = 1; d <= 8; ++d) day(2024, 7, d, 2, july[d - 1]);
  day(2025, 1, 15, 1, 60);
  day(2025, 1, 16, 1, 45);
  day(2025, 1, 17, 1, 3);
  EnergyOptions o;
  o.energy = "gas";
  o.tariff = default_tariff("gas");
  EnergyResult r = energy_summary(EnergyView{start, end, {}, kwh, m3}, o);
  REQUIRE(r.days.size() == 11);
  CHECK(r.total_kwh == doctest::Approx(148));
  CHECK(r.total_m3 == doctest::Approx(14.8));
  CHECK(r.base_from == "summer");
  CHECK(r.base_kwh_per_day == doctest::Approx(5));
  CHECK(r.heating_kwh == doctest::Approx(95));
  CHECK(r.heating_share == doctest::Approx(95.0 / 148));
  REQUIRE(r.months.size() == 2);
  CHECK(r.months[0].m3 == doctest::Approx(4.0));
  CHECK(r.months[1].kwh_per_day == doctest::Approx(36));
  // Base 0.12 €/kWh: 148 x 0.12 = 17.76 €; subscription 22 €/month prorated: 22 x 8/31 + 22 x 3/31 = 7.8065 €
  CHECK(r.total_cost_eur == doctest::Approx(17.76 + 22.0 * 11 / 31));
  CHECK(std::isnan(r.base_load_w));  // no load curve for gas
  // without summer days: the lowest month of 7+ days (here none in January alone): no heating split
  EnergyResult w = energy_summary(EnergyView{std::span(start).subspan(8), std::span(end).subspan(8), {},
                                             std::span(kwh).subspan(8), {}}, o);
  CHECK(std::isnan(w.heating_kwh));
  CHECK(std::isnan(w.total_m3));
}
