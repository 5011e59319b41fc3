// Enedis customer-site exports since 2025 (format "enedis_2025"): the .xlsx sheets 'Consommation Horaire'
// (Début;Fin;Valeur (en kW)), 'Export Consommation Quotidienne' (Date;Valeur (en kWh)), daily maximum power
// and daily index, after their 'Point Référence Mesure (PRM)' preamble -> energy_readings, the same columns
// and units as parsers/enedis.cpp. It reads the sheet's text (parsers/containers/xlsx.cpp hands each sheet over as
// ';'-separated text), so the same layout saved as CSV is read too.
// Does not own: the workbook (parsers/containers/xlsx.cpp) or the older CSV exports (parsers/formats/enedis.cpp).
#pragma once
#include <memory>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

int enedis_2025_detect(std::string_view head, std::string_view file_name);  // header Début;Fin;Valeur (en kW)…: 93
std::unique_ptr<Parser> enedis_2025_create(const ParseOptions& opts);

}  // namespace sdw
