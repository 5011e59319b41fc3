// French bank statement CSV exports (format "bank"): header recognised by column roles (date, label,
// signed amount or debit/credit), preamble account lines, Windows-1252, decimal commas -> transactions.
// Does not own: the CSV record grammar (parsers/readers/csv.h), numbers and dates (parsers/core/values.h). OFX: not here.
#pragma once
#include <memory>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

int bank_detect(std::string_view head, std::string_view file_name);  // a header with date, label and amount(s): 88
std::unique_ptr<Parser> bank_create(const ParseOptions& opts);

}  // namespace sdw
