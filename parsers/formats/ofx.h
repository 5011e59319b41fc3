// OFX / QFX bank statements (format "ofx"): OFX 1.x (SGML header "OFXHEADER:100", unclosed leaf tags,
// CHARSET:1252) and OFX 2.x (XML, <?OFX OFXHEADER="200"?>) -> transactions, one per <STMTTRN>.
// Does not own: numbers and dates (parsers/core/values.h), encodings (parsers/core/encoding.h). Bank CSVs: parsers/bank.cpp.
#pragma once
#include <memory>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

int ofx_detect(std::string_view head, std::string_view file_name);  // OFXHEADER / <?OFX: 95; an <OFX> tag: 80
std::unique_ptr<Parser> ofx_create(const ParseOptions& opts);

}  // namespace sdw
