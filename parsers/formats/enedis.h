// Enedis / Linky exports (format "enedis"): load curve, daily consumption, daily index and daily maximum
// power, with or without their "Identifiant PRM;Type de donnees;…" preamble -> energy_readings in kWh.
// Does not own: the CSV record grammar (parsers/readers/csv.h) or dates (parsers/core/values.h).
#pragma once
#include <memory>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

int enedis_detect(std::string_view head, std::string_view file_name);  // preamble: 90; "Horodate;Valeur": 85
std::unique_ptr<Parser> enedis_create(const ParseOptions& opts);

}  // namespace sdw
