// Tariff comparison (challenges/tariffs.h) on tiny curves whose costs are worked by hand below, with the shipped
// EDF grid (data/energy/edf_tarif_bleu.csv, 6 kVA, grid of 2024-02-01: Base 0.2516; HP 0.2700 / HC 0.2068;
// Tempo blue 0.1609/0.1296, white 0.1894/0.1486, red 0.7562/0.1568; subscriptions 12.68, 13.09, 13.03 €/month)
// and the shipped Tempo calendar (2024-03-05 and -06 red, -07 white: RTE via GaboFlo's tempo.json).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "challenges/tariffs.h"
#include "parsers/core/values.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::challenge;
using sdw::test::utc_us;

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
const TariffCost& get(const TariffComparison& c, const char* id) {
  for (const TariffCost& t : c.tariffs)
    if (t.id == id) return t;
  FAIL("no tariff " << id);
  return c.tariffs[0];
}
}  // namespace

TEST_CASE("tariffs: shipped grid and calendar parse without a bad row") {
  const TariffTable& t = shipped_tariffs();
  CHECK(t.diag.warnings.empty());
  CHECK_FALSE(t.diag.failed);
  CHECK(t.rows.size() == 55);
  const TempoCalendar& c = shipped_tempo_calendar();
  CHECK_FALSE(c.diag.failed);
  CHECK(day_key(c.first_day()) == "2022-09-01");
  CHECK(day_key(c.last_day()) == "2026-01-15");
  int32_t d = 0;
  REQUIRE(parse_date("2025-01-10", d));
  CHECK(c.colour(d) == TempoColour::Red);   // GaboFlo's test: "RED days 2025-01-10 (previous is white)"
  CHECK(c.colour(d - 1) == TempoColour::White);
  REQUIRE(parse_date("2024-12-25", d));
  CHECK(c.colour(d) == TempoColour::Blue);
}

TEST_CASE("tariffs: tiny curve, a Tempo red day at peak, costs worked by hand") {
  Curve c;
  // A: 2024-03-05 18:00-19:00 local (CET, 17:00Z), 2.0 kWh: HP everywhere; Tempo red (5 March) HP
  c.add(utc_us(2024, 3, 5, 17, 0), 3600, 2.0);
  // B: 2024-03-05 23:00-24:00 local, 1.0 kWh: HC; Tempo day 5 March (red) HC
  c.add(utc_us(2024, 3, 5, 22, 0), 3600, 1.0);
  // C: 2024-03-07 05:30-06:30 local, 1.2 kWh split pro rata at 06:00: 0.6 HC in Tempo day 6 March (red),
  //    0.6 HP in Tempo day 7 March (white)
  c.add(utc_us(2024, 3, 7, 4, 30), 3600, 1.2);
  TariffOptions o;  // 6 kVA, HC 22:00-06:00, current = base
  TariffComparison r = compare_tariffs(c.view(), o);
  CHECK(r.days == 2);  // 5 and 7 March
  // Base: 4.2 kWh x 0.2516 = 1.05672; subscription 12.68 x 12 / 366 x 2 days = 0.831475; total 1.888195
  const TariffCost& base = get(r, "base");
  CHECK(base.kwh_total == doctest::Approx(4.2));
  CHECK(base.energy_eur == doctest::Approx(1.05672));
  CHECK(base.subscription_eur == doctest::Approx(0.831475).epsilon(1e-5));
  CHECK(base.cost_eur == doctest::Approx(1.888195).epsilon(1e-5));
  // HP/HC: HP 2.0 + 0.6 = 2.6, HC 1.0 + 0.6 = 1.6: 2.6 x 0.27 + 1.6 x 0.2068 = 1.03288;
  //        subscription 13.09 x 12 / 366 x 2 = 0.858361; total 1.891241
  const TariffCost& hphc = get(r, "hphc");
  CHECK(hphc.kwh_hp == doctest::Approx(2.6));
  CHECK(hphc.kwh_hc == doctest::Approx(1.6));
  CHECK(hphc.energy_eur == doctest::Approx(1.03288));
  CHECK(hphc.cost_eur == doctest::Approx(1.891241).epsilon(1e-5));
  // Tempo: red HP 2.0 x 0.7562 = 1.5124; red HC (1.0 + 0.6) x 0.1568 = 0.25088; white HP 0.6 x 0.1894 = 0.11364
  //        energy 1.87692; subscription 13.03 x 12 / 366 x 2 = 0.854426; total 2.731346
  const TariffCost& tempo = get(r, "tempo");
  CHECK(tempo.kwh_by_colour[size_t(TempoColour::Red)][0] == doctest::Approx(2.0));
  CHECK(tempo.kwh_by_colour[size_t(TempoColour::Red)][1] == doctest::Approx(1.6));
  CHECK(tempo.kwh_by_colour[size_t(TempoColour::White)][0] == doctest::Approx(0.6));
  CHECK(tempo.kwh_by_colour[size_t(TempoColour::White)][1] == doctest::Approx(0.0));
  CHECK(tempo.kwh_by_colour[size_t(TempoColour::Blue)][0] == doctest::Approx(0.0));
  CHECK(tempo.energy_eur == doctest::Approx(1.87692));
  CHECK(tempo.cost_eur == doctest::Approx(2.731346).epsilon(1e-5));
  // the cheapest is Base by 0.003 € over two days; per year = cost x 365 / 2
  CHECK(r.best == "base");
  CHECK(base.cost_eur_per_year == doctest::Approx(1.888195 * 365 / 2).epsilon(1e-5));
  CHECK(r.saving_eur_per_year == doctest::Approx(0.0));  // already on the best one
  o.current = "tempo";
  r = compare_tariffs(c.view(), o);
  CHECK(r.saving_eur_per_year == doctest::Approx((2.731346 - 1.888195) * 365 / 2).epsilon(1e-4));
  CHECK(get(r, "tempo").carried.empty());
  CHECK(r.notes.size() >= 1);  // "scaled from 2 days"
}

TEST_CASE("tariffs: DST days have 23 and 25 hours, HC counted on the local clock") {
  Curve spring, autumn;
  // local day 2024-03-31 = 2024-03-30T23:00Z .. 2024-03-31T22:00Z: 23 hourly readings of 1 kWh
  for (int64_t t = utc_us(2024, 3, 30, 23, 0); t < utc_us(2024, 3, 31, 22, 0); t += 3600 * 1000000LL) spring.add(t, 3600, 1.0);
  // local day 2024-10-27 = 2024-10-26T22:00Z .. 2024-10-27T23:00Z: 25 readings
  for (int64_t t = utc_us(2024, 10, 26, 22, 0); t < utc_us(2024, 10, 27, 23, 0); t += 3600 * 1000000LL) autumn.add(t, 3600, 1.0);
  TariffOptions o;
  TariffComparison s = compare_tariffs(spring.view(), o);
  CHECK(s.days == 1);
  CHECK(get(s, "base").kwh_total == doctest::Approx(23));
  // local hours 00 01 03 04 05 (02 does not exist) + 22 23 are HC: 7 HC, 16 HP
  CHECK(get(s, "hphc").kwh_hc == doctest::Approx(7));
  CHECK(get(s, "hphc").kwh_hp == doctest::Approx(16));
  CHECK(get(s, "tempo").kwh_hc == doctest::Approx(7));
  // Base: 23 x 0.2516 = 5.7868 + 12.68 x 12 / 366 = 0.415738 -> 6.202538
  CHECK(get(s, "base").cost_eur == doctest::Approx(6.202538).epsilon(1e-5));
  TariffComparison a = compare_tariffs(autumn.view(), o);
  CHECK(a.days == 1);
  CHECK(get(a, "base").kwh_total == doctest::Approx(25));
  // 00 01 02 02 03 04 05 + 22 23: 9 HC, 16 HP; 26 and 27 October are blue days
  CHECK(get(a, "hphc").kwh_hc == doctest::Approx(9));
  CHECK(get(a, "hphc").kwh_hp == doctest::Approx(16));
  CHECK(get(a, "tempo").kwh_by_colour[size_t(TempoColour::Blue)][1] == doctest::Approx(9));
  CHECK(get(a, "tempo").kwh_by_colour[size_t(TempoColour::Blue)][0] == doctest::Approx(16));
}

TEST_CASE("tariffs: several off-peak ranges, a half-hour straddling a boundary is split pro rata") {
  Curve c;
  c.add(utc_us(2024, 6, 10, 4, 45), 1800, 1.0);   // 06:45-07:15 CEST: 07:00 ends the HC range 02:00-07:00
  c.add(utc_us(2024, 6, 10, 11, 30), 3600, 2.0);  // 13:30-14:30: inside 13:00-16:00
  c.add(utc_us(2024, 6, 10, 14, 30), 3600, 1.0);  // 16:30-17:30: HP
  TariffOptions o;
  o.offpeak_hours = {HourRange{2 * 60, 7 * 60}, HourRange{13 * 60, 16 * 60}};
  TariffComparison r = compare_tariffs(c.view(), o);
  CHECK(get(r, "hphc").kwh_hc == doctest::Approx(0.5 + 2.0));
  CHECK(get(r, "hphc").kwh_hp == doctest::Approx(0.5 + 1.0));
  // 2.5 x 0.2068 + 1.5 x 0.27 = 0.517 + 0.405 = 0.922
  CHECK(get(r, "hphc").energy_eur == doctest::Approx(0.922));
}

TEST_CASE("tariffs: daily readings use the degraded mode with a stated HC share") {
  Curve c;
  c.add(utc_us(2024, 6, 9, 22, 0), 86400, 24.0);  // local day 2024-06-10 (a blue day), 24 kWh
  TariffComparison r = compare_tariffs(c.view(), TariffOptions{});
  CHECK(r.degraded);
  CHECK(r.assumed_hc_share == doctest::Approx(8.0 / 24.0));
  CHECK(get(r, "hphc").kwh_hc == doctest::Approx(8));
  CHECK(get(r, "tempo").kwh_by_colour[size_t(TempoColour::Blue)][0] == doctest::Approx(16));
  CHECK(get(r, "base").energy_eur == doctest::Approx(24 * 0.2516));
  bool said = false;
  for (const Message& m : r.notes) said = said || m.code == "tariffs.degraded";
  CHECK(said);
  // a daily total on a day the load curve covers is ignored (counted), never added twice
  c.add(utc_us(2024, 6, 10, 9, 0), 3600, 1.0);
  r = compare_tariffs(c.view(), TariffOptions{});
  CHECK(r.skipped_coarse == 1);
  CHECK(get(r, "base").kwh_total == doctest::Approx(1.0));
}

TEST_CASE("tariffs: a period spanning a price change uses both grids; unsourced fields are carried and said") {
  Curve c;
  c.add(utc_us(2025, 1, 31, 11, 0), 3600, 1.0);  // 31 Jan 2025 12:00 CET: grid of 2024-02-01, Base 0.2516
  c.add(utc_us(2025, 2, 1, 11, 0), 3600, 1.0);   // 1 Feb 2025: Base 0.2016 (sourced); subscription not sourced
  TariffComparison r = compare_tariffs(c.view(), TariffOptions{});
  const TariffCost& base = get(r, "base");
  CHECK(base.energy_eur == doctest::Approx(0.2516 + 0.2016));
  // subscription of Feb 2025 carried from Feb 2024: 12.68 x 12 / 365 per day, both days
  CHECK(base.subscription_eur == doctest::Approx(2 * 12.68 * 12 / 365));
  REQUIRE(base.carried.size() == 1);
  CHECK(base.carried[0] == "subscription 2025-02 <- 2024-02-01");
  CHECK(std::find(base.sources.begin(), base.sources.end(), "press_2025_02") != base.sources.end());
  // said in plain words, which price of which month and whose figure stood in for it
  bool said = false;
  for (const auto& n : r.notes)
    if (n.code == "tariffs.carried" && n.fr == "Option Base, prix sans source publiée pour la période\u00A0: abonnement de 2025-02 (tarif du 2024-02-01 repris)." &&
        n.en == "Option Base, prices with no published source for the period: subscription of 2025-02 (the 2024-02-01 tariff used).")
      said = true;
  CHECK(said);
}

TEST_CASE("tariffs: days after the shipped calendar are unknown, priced blue and said; a newer file fills them") {
  Curve c;
  c.add(utc_us(2026, 2, 10, 17, 0), 3600, 1.0);  // 18:00 local
  TariffComparison r = compare_tariffs(c.view(), TariffOptions{});
  CHECK(r.tempo_unknown_days == 1);
  CHECK(get(r, "tempo").kwh_by_colour[0][0] == doctest::Approx(1.0));
  // a user's newer calendar, RTE-style: BOM, ';', codes, a header, one bad line (counted with its line number)
  TempoCalendar newer = parse_tempo_calendar("\xEF\xBB\xBF" "dateJour;codeJour\r\n2026-02-09;2\r\n10/02/2026;3\r\n2026-02-11;violet\r\n");
  REQUIRE(newer.days.size() == 2);
  REQUIRE(newer.diag.warnings.size() == 1);
  CHECK(newer.diag.warnings[0].where.line == 4);
  CHECK(newer.diag.warnings[0].code == "tempo.bad_colour");
  const TempoCalendar cal = merge_tempo_calendars(shipped_tempo_calendar(), {{"newer.csv", newer}});
  r = compare_tariffs(c.view(), TariffOptions{}, shipped_tariffs(), cal);
  CHECK(r.tempo_unknown_days == 0);
  // red HP of the grid of 2026-02-01 (0.7060, gaboflo_test_2026_02)
  CHECK(get(r, "tempo").energy_eur == doctest::Approx(0.7060));
}

TEST_CASE("tariffs: a user's price table with bad rows; a power without Tempo is unavailable") {
  TariffTable t = parse_tariff_table(
      "option;valid_from;valid_to;kva;subscription_eur_month;base;hp;hc\n"
      "base;01/01/2024;;6;10,00;0,20;;\n"
      "hphc;2024-01-01;;6;11;;0,25;abc\n"
      "tempo;2024-13-01;;6;12;;;\n"
      "gaz;2024-01-01;;6;1;0,1;;\n");
  CHECK(t.rows.size() == 1);
  CHECK(t.diag.warnings.size() == 3);
  CHECK(t.diag.warnings[0].where.line == 3);
  CHECK(t.rows[0].f[TariffRow::Base] == doctest::Approx(0.20));
  Curve c;
  c.add(utc_us(2024, 6, 10, 10, 0), 3600, 2.0);
  TariffComparison r = compare_tariffs(c.view(), TariffOptions{}, t);
  CHECK(get(r, "base").available);
  CHECK_FALSE(get(r, "tempo").available);
  CHECK(r.best == "base");
  // 2 x 0.20 + 10 x 12 / 366
  CHECK(get(r, "base").cost_eur == doctest::Approx(0.4 + 120.0 / 366));
  TariffOptions three;
  three.kva = 3;  // the shipped grid has no 3 kVA Heures Creuses or Tempo
  r = compare_tariffs(c.view(), three);
  CHECK(get(r, "base").available);
  CHECK_FALSE(get(r, "hphc").available);
  CHECK_FALSE(get(r, "tempo").available);
}
