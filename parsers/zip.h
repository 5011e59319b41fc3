// ZIP archives (format id "zip"): a front-to-back reader of local file headers (the browser streams the
// file; the central directory at its end is never needed), raw inflate through zlib, CRC-32 checks,
// zip-bomb guards, and one nested Session per entry so every recognised entry yields its tables.
// Does not own: any entry's format (they go back through the registry) or the UI's view of entries.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "parsers/parser.h"

namespace sdw {

int zip_detect(std::string_view head, std::string_view file_name);  // 95 on a local header / empty archive
std::unique_ptr<Parser> zip_create(const ParseOptions& opts);

std::string cp437_to_utf8(std::string_view s);  // names of entries without the UTF-8 flag (bit 11)
bool is_valid_utf8(std::string_view s);

}  // namespace sdw
