// Challenges over real parser output: the Enedis spring load-curve fixture through collect_energy (the
// 26 March 2023 DST day holds 46 half-hours, 23 h), the xAPI fixture through collect_learning (actors).
#include <doctest/doctest.h>

#include "challenges/tables.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::challenge;
using namespace sdw::test;

TEST_CASE("challenge tables: Enedis load curve -> energy days across the spring DST change") {
  Parsed p = parse_session(read_fixture("enedis/courbe_de_charge_printemps.csv"), "courbe_de_charge_printemps.csv");
  auto energy = collect_energy(p.tables);
  REQUIRE(energy.count("electricity"));
  EnergyResult r = energy_summary(energy["electricity"].view());
  bool found = false;
  for (const EnergyDay& d : r.days)
    if (day_key(d.day) == "2023-03-26") {
      found = true;
      CHECK(d.readings == 46);
      CHECK(d.hours == doctest::Approx(23));
    }
  CHECK(found);
  double sum = 0;
  for (const EnergyDay& d : r.days) sum += d.kwh;
  CHECK(sum == doctest::Approx(73.688));  // the table's kwh total (workbench inspect)
}

TEST_CASE("challenge tables: xAPI statements -> actors and one pupil's view") {
  Parsed p = parse_session(read_fixture("xapi/lrs_statement_result.json"), "lrs_statement_result.json");
  LearningColumns lc = collect_learning(p.tables);
  REQUIRE(lc.ts_us.size() == 4);
  auto actors = learning_actors(lc.actor.views);
  CHECK(actors.size() == 4);
  LearningOptions o;
  o.actor = "Léa Martin";
  LearningResult r = learning_summary(lc.view(), o);
  CHECK(r.statements == 1);
  CHECK(r.total_seconds == doctest::Approx(3723.5));
  REQUIRE(r.verbs.size() == 1);
  CHECK(r.verbs[0].fr == "a terminé");
}
