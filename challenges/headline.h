// The stated answer of each challenge: one sentence with the period actually covered and the figure, a
// yearly equivalent when the period is partial, one point of comparison with its source and year
// (data/references/comparisons.csv), and how it is computed — in French and English. The dashboards, the
// CLI (`workbench challenge …`, first line and JSON `headline`) and the tests all print these.
// Owns: the wording and the period arithmetic. Does not own: any figure (challenges/*.h compute them).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "challenges/budget.h"
#include "challenges/energy.h"
#include "challenges/food.h"
#include "challenges/footprint.h"
#include "challenges/learning.h"
#include "challenges/mobility.h"

namespace sdw::challenge {

// Local days covered (days since 1970-01-01, both ends included). Empty when last < first.
struct Period {
  int32_t first = 0, last = -1;
  bool empty() const { return last < first; }
  int32_t days() const { return empty() ? 0 : last - first + 1; }
  void add(int32_t day);
};
// "du 3 mars au 31 mai 2024" / "from 3 March to 31 May 2024" ("le 3 mars 2024" for one day).
std::string period_text(const Period& p, bool fr);
// A month ("2024-03") only partly inside the period: charts mark it (the headline says "partial months").
bool month_is_partial(std::string_view month_key, const Period& p);
// "mars 2024" / "March 2024", with " *" appended when partial.
std::string month_text(std::string_view month_key, bool fr, bool partial = false);

// One point of comparison, read from data/references/comparisons.csv.
struct Reference {
  std::string id, unit, label_fr, label_en, source, year;
  double value = 0;
};
const std::vector<Reference>& references();
const Reference* find_reference(std::string_view id);

struct Headline {
  std::string sentence;     // the answer: period + figure
  std::string yearly;       // "Sur un an, cela ferait environ …" when the period is shorter than ~11 months
  std::string comparison;   // one point of comparison, with its source and year ("" when none applies)
  std::string method;       // how it is computed (factors, options), one short paragraph
  std::string note;         // what the reader should know (partial months, guessed modes…), may be ""
  Period period;
};

// French text gets its no-break spaces (before « : ; ! ? », inside guillemets): french_spaces().
std::string french_spaces(std::string s);

Headline mobility_headline(const MobilityResult& r, const MobilityOptions& o, bool fr);
Headline energy_headline(const EnergyResult& r, bool fr);
Headline food_headline(const FoodResult& r, std::span<const int32_t> line_days, bool fr);
Headline learning_headline(const LearningResult& r, bool fr);
Headline budget_headline(const BudgetResult& r, bool fr);
Headline footprint_headline(const FootprintResult& r, bool fr);

}  // namespace sdw::challenge
