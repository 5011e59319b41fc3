// Food dashboard: receipt recognition details (coverage, not food, lines to check with one-click assignment,
// out-of-season share, top-3 swaps). See app_food_match.cpp.
#pragma once
#include <string>
#include <vector>

#include "challenges/food.h"
#include "viz/locale.h"

namespace sdw::dash {
// Draws below draw_food's charts. An assignment adds a rule to opts.product_rules and sets dirty (the
// dashboard recomputes with it); a line with a valid barcode (`gtins`, challenge::normalize_gtin, "" when
// none) is assigned by its barcode. Returns true when the person's rules changed (to be kept).
bool draw_food_details(Lang l, const challenge::FoodResult& r, const std::vector<std::string>& products,
                       const std::vector<std::string>& gtins, challenge::FoodOptions& opts, bool& dirty);
}  // namespace sdw::dash
