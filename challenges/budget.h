// Budget and health-budget challenge: spending by category and month from bank transactions (the bank's
// category when present, else editable label rules), income vs spending, and health costs paid vs
// reimbursed per month. Does not own: reading tables, drawing, JSON.
#pragma once
#include <span>
#include <string>
#include <vector>

#include "challenges/common.h"
#include "challenges/mobility.h"  // TransactionsView, CategoryMonth

namespace sdw::challenge {

// groceries, housing, energy, telecom, transport (the mobility rules folded in), health, insurance,
// restaurants, leisure, shopping, cash, taxes, bank_fees — first match wins (see budget.cpp).
std::vector<LabelRule> default_budget_rules();

struct BudgetOptions {
  std::vector<LabelRule> rules = default_budget_rules();
  bool use_bank_category = true;   // the bank's category first when the export has one
};
struct BudgetMonth {
  std::string month;               // "2023-03"
  double income = 0, spending = 0, net = 0;   // income: money in; spending: money out, positive
};
// Everything of one currency. Amounts of different currencies are never added: no rate is invented.
struct CurrencyBudget {
  std::string currency;                    // ISO 4217 code as the file gave it ("EUR", "CAD")
  std::vector<CategoryMonth> by_month;     // spending only (money out), by month then category
  std::vector<CategoryMonth> by_category;  // totals, largest first
  std::vector<BudgetMonth> months;         // ascending
  double income = 0, spending = 0;
  int64_t transactions = 0, uncategorised = 0;
};
struct BudgetResult {
  // The main currency (most transactions; EUR first on a tie) and its figures, copied from by_currency[0].
  std::string currency;
  std::vector<CategoryMonth> by_month;
  std::vector<CategoryMonth> by_category;
  std::vector<BudgetMonth> months;
  double income = 0, spending = 0;
  std::vector<CurrencyBudget> by_currency;  // every currency, main first, then by transactions
  std::vector<std::string> tx_category;    // per transaction: the category used ("income" for money in)
  int64_t uncategorised = 0;               // money-out transactions that got "other", all currencies
  int64_t currency_assumed = 0;            // transactions without a currency, counted as EUR
};
// Money in and out per currency; the top-level figures are those of the main currency.
BudgetResult budget_summary(const TransactionsView& tx, const BudgetOptions& o = {});

// health_records as columns.
struct HealthView {
  std::span<const int32_t> day;
  std::span<const double> paid, reimbursed;   // EUR; NaN = absent
};
struct HealthMonth {
  std::string month;
  double paid = 0, reimbursed = 0, remaining = 0;  // remaining = paid - reimbursed (reste à charge)
  int64_t records = 0;
};
struct HealthResult {
  std::vector<HealthMonth> months;
  double paid = 0, reimbursed = 0, remaining = 0;
};
HealthResult health_summary(const HealthView& v);

}  // namespace sdw::challenge
