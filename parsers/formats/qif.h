// QIF (Quicken Interchange Format, the "Money / Quicken" export French banks offer next to CSV and OFX)
// -> transactions. Owns: the !Type / !Account headers, D/T/U/N/P/M/L/^ records and their date order.
// Does not own: numbers (parsers/core/values.h), text encodings (parsers/core/encoding.h), OFX (parsers/formats/ofx.h).
#pragma once
#include <memory>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

int qif_detect(std::string_view head, std::string_view file_name);  // "!Type:Bank", "!Account"… first: 95
std::unique_ptr<Parser> qif_create(const ParseOptions& opts);

}  // namespace sdw
