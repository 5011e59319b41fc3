// ISO 20022 bank-to-customer statements, camt.053 (versions .001.02 to .001.08; camt.052 reports and
// camt.054 notifications share the entry grammar) -> transactions. Owns: the Stmt/Ntry vocabulary, signs from
// CdtDbtInd, balances. Does not own: XML tokenising (parsers/readers/xml.h), numbers and dates (parsers/core/values.h).
#pragma once
#include <memory>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

int camt053_detect(std::string_view head, std::string_view file_name);  // <Document> of a camt.05x namespace: 95
std::unique_ptr<Parser> camt053_create(const ParseOptions& opts);

}  // namespace sdw
