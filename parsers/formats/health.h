// Health reimbursement statements (format "health"): Ameli-like "mes remboursements" CSV and complementary
// insurer (mutuelle) exports, recognised by header roles (care date, act, amount reimbursed) -> health_records.
// Does not own: the CSV record grammar (parsers/readers/csv.h), numbers and dates (parsers/core/values.h).
#pragma once
#include <memory>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

int health_detect(std::string_view head, std::string_view file_name);  // 90: above bank (88) and receipts (89)
std::unique_ptr<Parser> health_create(const ParseOptions& opts);

}  // namespace sdw
