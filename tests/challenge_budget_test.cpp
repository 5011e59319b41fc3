// Budget, health budget and digital-footprint challenges: categories from the bank or from label rules,
// income vs spending per month, health paid vs reimbursed, activity by local hour and weekday.
#include <doctest/doctest.h>

#include "challenges/budget.h"
#include "challenges/footprint.h"
#include "parsers/core/values.h"
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
  BudgetResult b = budget_summary(TransactionsView{d, label, amount, cat, {}});
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

TEST_CASE("challenge budget: totals per currency, never added together (issue 17)") {
  // A Canadian card (CAD) and a French account (EUR) in one workspace, one row without a currency.
  const int32_t d[] = {int32_t(days_from_civil(2024, 1, 5)), int32_t(days_from_civil(2024, 1, 10)),
                       int32_t(days_from_civil(2024, 1, 12)), int32_t(days_from_civil(2024, 1, 15)),
                       int32_t(days_from_civil(2024, 2, 1))};
  const std::string_view label[] = {"SAQ MONTREAL", "PAYROLL ACME CANADA", "IGA EXTRA #8123", "CB CARREFOUR MARKET", "CB LIDL"};
  const double amount[] = {-45.50, 1500, -120.25, -30, -10};
  const std::string_view cat[] = {"", "", "", "", ""};
  const std::string_view cur[] = {"CAD", "cad ", "CAD", "EUR", ""};
  BudgetResult b = budget_summary(TransactionsView{d, label, amount, cat, cur});
  // CAD: 3 transactions, the main currency. income 1500; spending 45.50 + 120.25 = 165.75
  CHECK(b.currency == "CAD");
  CHECK(b.income == doctest::Approx(1500));
  CHECK(b.spending == doctest::Approx(165.75));
  REQUIRE(b.months.size() == 1);
  CHECK(b.months[0].net == doctest::Approx(1334.25));
  REQUIRE(b.by_currency.size() == 2);
  CHECK(b.by_currency[0].currency == "CAD");
  CHECK(b.by_currency[0].transactions == 3);
  // EUR: 30 + 10 (the row without a currency is counted as EUR, and said so)
  CHECK(b.by_currency[1].currency == "EUR");
  CHECK(b.by_currency[1].spending == doctest::Approx(40));
  CHECK(b.by_currency[1].income == 0);
  REQUIRE(b.by_currency[1].months.size() == 2);
  CHECK(b.by_currency[1].months[1].month == "2024-02");
  CHECK(b.currency_assumed == 1);
  CHECK(b.by_currency[1].by_category[0].category == "groceries");
  CHECK(b.by_currency[1].by_category[0].eur == doctest::Approx(40));
  CHECK(b.tx_category == std::vector<std::string>{"other", "income", "other", "groceries", "groceries"});
  CHECK(b.uncategorised == 2);

  // tie (1 EUR, 1 CAD): EUR first
  BudgetResult t = budget_summary(TransactionsView{std::span(d + 2, 2), std::span(label + 2, 2), std::span(amount + 2, 2),
                                                   std::span(cat + 2, 2), std::span(cur + 2, 2)});
  CHECK(t.currency == "EUR");
  CHECK(t.spending == doctest::Approx(30));
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
