// The money side of the mobility tab: the mobility budget (bank payments + ticket prices, per month and per
// km of each mode), the budget rules the person adds, and the comparison with a city's aggregate file
// (challenges/territory.h). Implemented in wasm/app_mobility_money.cpp; wasm/app_dashboards.cpp calls it.
// Also implements dash::set_aggregate_tables / is_aggregate_table (declared in wasm/app_dashboards.h).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "challenges/mobility.h"
#include "viz/locale.h"
#include "wasm/app_columns.h"

namespace sdw::dash::money {

// The trips' starts and ticket prices (NaN: none), after each computation of the mobility figures.
void set_tickets(std::vector<int64_t> ts_start_us, std::vector<double> price_eur);
// The budget section; `bank`: the transactions board's columns (date, label, amount, category, currency) or
// null; `bank_sig`: what they were fetched for (the budget is computed again when it changes).
void draw_budget(Lang l, const challenge::MobilityResult& r, const Columns* bank, const std::string& bank_sig);
// The territory section; `aggregate`: the rows of aggregate_sql() or null.
void draw_compare(Lang l, const challenge::MobilityResult& r, const Columns* aggregate, const std::string& aggregate_sig);
// The SQL reading the aggregate tables set by dash::set_aggregate_tables ("" without any).
const char* aggregate_sql();
// The person's budget rules as the file `workbench challenge mobility --mobility-rules` reads, and back.
std::string rules_text();
void set_rules_text(const std::string& text);
// "budget" and (with an aggregate) "compare" for the test API's state.
nlohmann::json state_json(const challenge::MobilityResult& r);

}  // namespace sdw::dash::money
