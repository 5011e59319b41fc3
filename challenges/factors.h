// The ADEME emission factors used by the mobility and food challenges, read from data/ademe/ (impactco2
// extracts, MIT licence) which CMake embeds as text: nothing is retyped here. Owns: the parsed tables and
// their source line. Does not own: which factor a trip or a receipt line gets (mobility.cpp, food.cpp).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace sdw::challenge {

// Where a factor comes from; every footprint result carries one (and the UI shows it).
struct FactorSource {
  std::string name;       // "ADEME Impact CO2 — transports (deplacement.ts)"
  std::string origin;     // "github.com/incubateur-ademe/impactco2"
  std::string licence;    // "MIT, Copyright (c) 2022 Datagir"
  std::string snapshot;   // git commit of the impactco2 snapshot
  std::string date;       // date of the data: "2026-07-01" (snapshot) / "2025-01-15" (Agribalyse update)
  std::string file;       // "data/ademe/impactco2_transport_factors.csv"
};

// One row of impactco2_transport_factors.csv, in gCO2e per km (per vehicle-km when per_vehicle).
struct TransportFactor {
  int id = 0;                      // ADEME transport id
  std::string slug;                // "voiturethermique", "tgv", "avion-courtcourrier"…
  double construction_g_km = 0;    // vehicle construction share
  double fuel_usage_g_km = 0;      // fuel / electricity use
  double contrails_g_km = 0;       // planes only
  double total_g_km = 0;           // as printed by ADEME (rounded)
  double api_default_g_km = 0;     // as printed: total without construction (rounded)
  std::string display_km_range;    // ADEME's display range, JSON text ("{\"max\": 150}") or "null"
  bool per_vehicle = false;        // cars: divide by the occupants when carpooling
  // From the components, unrounded: fuel + contrails (+ construction). 100 km x voiturethermique
  // without construction = 100 x 110.558 g = 11.0558 kg, ADEME's API default.
  double g_per_km(bool with_construction) const {
    return fuel_usage_g_km + contrails_g_km + (with_construction ? construction_g_km : 0.0);
  }
};

// One row of impactco2_food_factors_kgCO2e_per_kg.csv (Agribalyse 3.2), kgCO2e per kg of product.
struct FoodFactor {
  std::string slug;                // "boeuf", "poulet", "lentilles"…
  double kg_per_kg = 0;            // total
  double agriculture = 0, transformation = 0, packaging = 0, transport = 0, retail = 0, consumption = 0;
};

struct FactorTables {
  std::vector<TransportFactor> transport;
  std::vector<FoodFactor> food;
  FactorSource transport_source, food_source;
  std::string sources_text;        // data/ademe/SOURCES.md as shipped
  std::vector<std::string> errors; // malformed rows (never expected for the shipped files)
  const TransportFactor* transport_by_slug(std::string_view slug) const;  // nullptr when absent
  const FoodFactor* food_by_slug(std::string_view slug) const;            // nullptr when absent
};

// The shipped tables, parsed once from the copies embedded at build time.
const FactorTables& ademe_factors();
// The same parse over any text (tests, or files read at run time).
FactorTables parse_factor_tables(std::string_view transport_csv, std::string_view food_csv, std::string_view sources_md);

}  // namespace sdw::challenge
