// Budget and health-budget computations (see budget.h).
#include "challenges/budget.h"

#include <algorithm>
#include <map>

namespace sdw::challenge {

std::vector<LabelRule> default_budget_rules() {
  std::vector<LabelRule> r = {
      {"income", {"SALAIRE", "VIR SALAIRE", "CAF", "POLE EMPLOI", "FRANCE TRAVAIL", "PENSION"}},
      {"health", {"PHARMACIE", "PHIE", "DOCTOLIB", "MEDECIN", "DR", "DENTISTE", "LABORATOIRE", "CPAM", "MUTUELLE",
                  "HARMONIE", "MGEN", "OPTIQUE*", "KINE*", "HOPITAL", "CLINIQUE"}},
      {"groceries", {"CARREFOUR", "LECLERC", "E LECLERC", "AUCHAN", "LIDL", "ALDI", "INTERMARCHE", "MONOPRIX",
                     "FRANPRIX", "CASINO", "SUPER U", "HYPER U", "U EXPRESS", "SYSTEME U", "BIOCOOP", "NETTO",
                     "GRAND FRAIS", "PICARD", "BOULANGERIE", "MARCHE"}},
      {"energy", {"EDF", "ENGIE", "TOTAL DIRECT ENERGIE", "TOTALENERGIES ELECTRICITE", "ENERCOOP", "EKWATEUR",
                  "GRDF", "VEOLIA", "EAU"}},
      {"housing", {"LOYER", "FONCIA", "NEXITY", "CITYA", "SYNDIC", "CREDIT IMMO*", "PRET IMMO*"}},
      {"telecom", {"ORANGE", "SFR", "BOUYGUES TELECOM", "FREE", "FREE MOBILE", "SOSH", "RED BY SFR", "B YOU"}},
      {"insurance", {"ASSURANCE*", "MAIF", "MACIF", "MATMUT", "AXA", "GMF", "ALLIANZ", "GROUPAMA"}},
      {"restaurants", {"RESTAURANT", "RESTO", "BRASSERIE", "CAFE", "MCDONALD S", "MC DO", "BURGER KING", "KFC",
                       "UBER EATS", "DELIVEROO", "JUST EAT", "BOULANGERIE PATISSERIE"}},
      {"leisure", {"NETFLIX", "SPOTIFY", "DEEZER", "DISNEY", "CANAL", "CINEMA", "PATHE", "UGC", "FNAC", "CULTURA",
                   "STEAM", "PLAYSTATION", "DECATHLON"}},
      {"shopping", {"AMAZON", "AMZN", "CDISCOUNT", "ZALANDO", "IKEA", "LEROY MERLIN", "CASTORAMA", "BOULANGER",
                    "DARTY", "KIABI", "H M", "ZARA", "ACTION"}},
      {"cash", {"RETRAIT*", "DAB"}},
      {"taxes", {"DGFIP", "IMPOT*", "TRESOR PUBLIC", "AMENDE*"}},
      {"bank_fees", {"FRAIS", "COTISATION", "COMMISSION*", "AGIOS"}},
  };
  for (LabelRule& m : default_mobility_rules()) r.push_back({"transport", std::move(m.keywords)});
  return r;
}

namespace {

// "eur " -> "EUR"; "" and "€" -> "" (the caller counts it as EUR, assumed)
std::string currency_code(std::string_view c) {
  c = trim_view(c);
  if (c == "\xE2\x82\xAC") return "EUR";  // €
  std::string out(c);
  for (char& ch : out)
    if (ch >= 'a' && ch <= 'z') ch = char(ch - 'a' + 'A');
  return out;
}

struct Acc {
  std::map<std::pair<std::string, std::string>, CategoryMonth> by_month;
  std::map<std::string, CategoryMonth> by_cat;
  std::map<std::string, BudgetMonth> months;
  CurrencyBudget out;
};

}  // namespace

BudgetResult budget_summary(const TransactionsView& tx, const BudgetOptions& o) {
  BudgetResult b;
  std::map<std::string, Acc> acc;  // per currency
  const size_t n = tx.day.size();
  b.tx_category.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const double amount = i < tx.amount.size() ? tx.amount[i] : k_nan;
    if (std::isnan(amount)) continue;
    std::string cur = i < tx.currency.size() ? currency_code(tx.currency[i]) : std::string();
    if (cur.empty()) {
      cur = "EUR";
      ++b.currency_assumed;
    }
    Acc& a = acc[cur];
    a.out.currency = cur;
    ++a.out.transactions;
    const std::string m = month_key(tx.day[i]);
    BudgetMonth& bm = a.months[m];
    bm.month = m;
    if (amount >= 0) {
      b.tx_category[i] = "income";
      bm.income += amount;
      a.out.income += amount;
      continue;
    }
    std::string cat;
    if (o.use_bank_category && i < tx.category.size()) cat = std::string(trim_view(tx.category[i]));
    if (cat.empty()) {
      const int rule = match_rule(o.rules, fold_label(i < tx.label.size() ? tx.label[i] : std::string_view{}));
      if (rule >= 0 && o.rules[size_t(rule)].category != "income") cat = o.rules[size_t(rule)].category;
    }
    if (cat.empty()) {
      cat = "other";
      ++a.out.uncategorised;
      ++b.uncategorised;
    }
    b.tx_category[i] = cat;
    bm.spending += -amount;
    a.out.spending += -amount;
    CategoryMonth& cm = a.by_month[{m, cat}];
    cm.month = m;
    cm.category = cat;
    cm.eur += -amount;
    ++cm.count;
    CategoryMonth& ct = a.by_cat[cat];
    ct.category = cat;
    ct.eur += -amount;
    ++ct.count;
  }
  for (auto& [cur, a] : acc) {
    CurrencyBudget& c = a.out;
    for (auto& [k, v] : a.by_month) c.by_month.push_back(v);
    for (auto& [k, v] : a.by_cat) c.by_category.push_back(v);
    std::stable_sort(c.by_category.begin(), c.by_category.end(),
                     [](const CategoryMonth& x, const CategoryMonth& y) { return x.eur > y.eur; });
    for (auto& [k, v] : a.months) {
      v.net = v.income - v.spending;
      c.months.push_back(v);
    }
    b.by_currency.push_back(std::move(c));
  }
  // main currency first: most transactions, EUR first on a tie, then by code
  std::stable_sort(b.by_currency.begin(), b.by_currency.end(), [](const CurrencyBudget& x, const CurrencyBudget& y) {
    if (x.transactions != y.transactions) return x.transactions > y.transactions;
    if ((x.currency == "EUR") != (y.currency == "EUR")) return x.currency == "EUR";
    return x.currency < y.currency;
  });
  if (!b.by_currency.empty()) {
    const CurrencyBudget& m = b.by_currency.front();
    b.currency = m.currency;
    b.by_month = m.by_month;
    b.by_category = m.by_category;
    b.months = m.months;
    b.income = m.income;
    b.spending = m.spending;
  }
  return b;
}

HealthResult health_summary(const HealthView& v) {
  HealthResult h;
  std::map<std::string, HealthMonth> months;
  for (size_t i = 0; i < v.day.size(); ++i) {
    const double paid = i < v.paid.size() && !std::isnan(v.paid[i]) ? v.paid[i] : 0.0;
    const double reimb = i < v.reimbursed.size() && !std::isnan(v.reimbursed[i]) ? v.reimbursed[i] : 0.0;
    HealthMonth& m = months[month_key(v.day[i])];
    m.month = month_key(v.day[i]);
    m.paid += paid;
    m.reimbursed += reimb;
    m.remaining += paid - reimb;
    ++m.records;
    h.paid += paid;
    h.reimbursed += reimb;
    h.remaining += paid - reimb;
  }
  for (auto& [k, m] : months) h.months.push_back(m);
  return h;
}

}  // namespace sdw::challenge
