// GRDF gas consumption exports (format "grdf"): the daily CSV of the GRDF customer space ("Mes
// consommations" > "Télécharger"), with its metadata lines (PCE, address, period) before the header,
// Windows-1252 or UTF-8 BOM, decimal commas -> energy_readings (energy "gas", kind "daily", kWh and m³).
// Does not own: the CSV record grammar (parsers/readers/csv.h), numbers and dates (parsers/core/values.h).
#pragma once
#include <memory>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

int grdf_detect(std::string_view head, std::string_view file_name);  // a header with a date and m3 / kWh columns: 90
std::unique_ptr<Parser> grdf_create(const ParseOptions& opts);

}  // namespace sdw
