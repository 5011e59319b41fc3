// JSON form of every challenge result (nlohmann/json), for `workbench challenge --json` and the browser.
// NaN becomes null; local days are "YYYY-MM-DD"; instants ISO 8601 UTC. Owns: field names only.
#pragma once
#include <nlohmann/json.hpp>

#include "challenges/budget.h"
#include "challenges/energy.h"
#include "challenges/food.h"
#include "challenges/footprint.h"
#include "challenges/learning.h"
#include "challenges/mobility.h"

namespace sdw::challenge {

nlohmann::json to_json(const FactorSource& s);
nlohmann::json to_json(const MobilityResult& r, bool with_trips = false);
nlohmann::json to_json(const MobilityBudget& b, std::span<const LabelRule> rules);
nlohmann::json to_json(const EnergyResult& r);
nlohmann::json to_json(const HeatingFit& f);
nlohmann::json to_json(const LearningResult& r);
nlohmann::json to_json(std::span<const ActorCount> actors);
nlohmann::json to_json(const BudgetResult& r);
nlohmann::json to_json(const HealthResult& r);
nlohmann::json to_json(const FootprintResult& r);
// product: the labels of the input lines, to name the unmapped ones.
nlohmann::json to_json(const FoodResult& r, std::span<const std::string_view> product, bool with_lines = false);

}  // namespace sdw::challenge
