// Budget, health budget and digital-footprint challenges: categories from the bank or from label rules,
// income vs spending per month, health paid vs reimbursed, activity by local hour and weekday.
#include <doctest/doctest.h>

#include "challenges/budget.h"
#include "challenges/footprint.h"
#include "parsers/values.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::challenge;
using sdw::test::utc_us;

TEST_CASE("challenge budget: bank category first, else label rules, income vs spending") {
  const int32_t d[] = {int32_t(days_from_civil(2023, 1, 3)), int32_t(days_from_civil(2023, 1, 5)),
                       int32_t(days_from_civil(2023, 1, 25)), int32_t(days_from_civil(2023, 1, 28)),
                       int32_t(days_from_civil(2023, 2, 2)), int32_t(days_from_civil(2023, 2, 6))};
  const std::string_view label[] = {"CARTE X1234 INTERMARCHE SAINT-MALO", "PRELEVEMENT EDF clients particuliers",
                                    "VIR SALAIRE ACME", "CB PHARMACIE DU PORT", "CB TOTAL ACCESS", "CB CHEZ JULES"};
  const double amount[] = {-120.5, -87.23, 2000, -12, -55, -18};
  const std::string_view cat[] = {"", "", "", "Santé", "", ""};
  BudgetResult b = budget_summary(TransactionsView{d, label, amount, cat});
  CHECK(b.tx_category == std::vector<std::string>{"groceries", "energy", "income", "Santé", "transport", "other"});
  CHECK(b.uncategorised == 1);
  CHECK(b.income == doctest::Approx(2000));
  CHECK(b.spending == doctest::Approx(120.5 + 87.23 + 12 + 55 + 18));
  REQUIRE(b.months.size() == 2);
  CHECK(b.months[0].month == "2023-01");
  CHECK(b.months[0].net == doctest::Approx(2000 - 219.73));
  CHECK(b.months[1].spending == doctest::Approx(73));
  CHECK(b.by_category[0].category == "groceries");
  CHECK(b.by_month.size() == 5);  // spending only: 3 categories in January, 2 in February
}

TEST_CASE("challenge budget: health paid vs reimbursed per month") {
  const int32_t d[] = {int32_t(days_from_civil(2023, 3, 2)), int32_t(days_from_civil(2023, 3, 20)),
                       int32_t(days_from_civil(2023, 4, 1))};
  const double paid[] = {26.5, 60, 30};
  const double reimb[] = {17.5, 42, k_nan};
  HealthResult h = health_summary(HealthView{d, paid, reimb});
  REQUIRE(h.months.size() == 2);
  CHECK(h.months[0].paid == doctest::Approx(86.5));
  CHECK(h.months[0].reimbursed == doctest::Approx(59.5));
  CHECK(h.months[0].remaining == doctest::Approx(27));
  CHECK(h.months[1].remaining == doctest::Approx(30));
  CHECK(h.remaining == doctest::Approx(57));
}

TEST_CASE("challenge footprint: activity by local hour and weekday, per platform and kind") {
  // Sun 26 March 2023 00:30Z = 01:30 CET (before the switch), 01:30Z = 03:30 CEST; Mon 27 March 19:00Z = 21:00 CEST
  const int64_t ts[] = {utc_us(2023, 3, 26, 0, 30), utc_us(2023, 3, 26, 1, 30), utc_us(2023, 3, 27, 19, 0),
                        utc_us(2023, 3, 27, 19, 40), utc_us(2023, 4, 3, 19, 10)};
  const std::string_view plat[] = {"YouTube", "YouTube", "Instagram", "YouTube", "Instagram"};
  const std::string_view kind[] = {"view", "view", "like", "search", "like"};
  FootprintResult f = footprint_summary(ActivityView{ts, plat, kind});
  CHECK(f.events == 5);
  CHECK(f.by_weekday_hour[6][1] == 1);
  CHECK(f.by_weekday_hour[6][3] == 1);
  CHECK(f.by_weekday_hour[0][21] == 3);
  CHECK(f.night_events == 2);
  REQUIRE(f.busiest_hours.size() == 3);
  CHECK(f.busiest_hours[0].hour == 21);
  CHECK(f.busiest_hours[0].count == 3);
  CHECK(f.busiest_slots[0].weekday == 0);
  CHECK(f.by_platform[0].name == "YouTube");
  CHECK(f.by_platform[0].count == 3);
  CHECK(f.by_platform_kind[0].name == "Instagram · like");
  CHECK(f.by_month.size() == 2);
  CHECK(day_key(f.first_day) == "2023-03-26");
  CHECK(day_key(f.last_day) == "2023-04-03");
}
