// Loyalty-card / retailer purchase history CSV (format "receipts"): one line per product bought, recognised by
// header roles (date, product, quantity / EAN / unit price, amount) -> purchases, for the food dashboard.
// Does not own: the CSV record grammar (parsers/readers/csv.h), numbers and dates (parsers/core/values.h).
#pragma once
#include <memory>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

int receipts_detect(std::string_view head, std::string_view file_name);  // 89: above a bank statement's 88
std::unique_ptr<Parser> receipts_create(const ParseOptions& opts);

}  // namespace sdw
