// TAR archives, plain or gzip-compressed (format id "tar": .tar, .tar.gz, .tgz; also a lone .gz file):
// streamed gzip inflate (multi-member), ustar / GNU long-name (././@LongLink) / pax path= headers, one nested
// Session per entry exactly like ZIP entries (same EntryResult tree, nesting and ArchiveLimits bomb guards).
// Does not own: any entry's format (back through the registry) or the ZIP reader (parsers/containers/zip.cpp).
#pragma once
#include <memory>
#include <string_view>

#include "parsers/core/parser.h"

namespace sdw {

int tar_detect(std::string_view head, std::string_view file_name);  // gzip magic or "ustar" at 257: 92
std::unique_ptr<Parser> tar_create(const ParseOptions& opts);

}  // namespace sdw
