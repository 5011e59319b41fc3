// ZIP archives (format id "zip"): a front-to-back reader of local file headers (the browser streams the
// file; the central directory at its end is never needed), raw inflate through zlib, CRC-32 checks,
// zip-bomb guards, and one nested Session per entry so every recognised entry yields its tables.
// Does not own: any entry's format (they go back through the registry) or the UI's view of entries.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "parsers/core/parser.h"

namespace sdw {

int zip_detect(std::string_view head, std::string_view file_name);  // 95 on a local header / empty archive
std::unique_ptr<Parser> zip_create(const ParseOptions& opts);

// Receives a ZIP's entries instead of nested Sessions, for formats that are ZIPs of parts (XLSX). The
// archive machinery (inflate, CRC-32, bomb limits, truncation) is the same; an entry that fails (CRC,
// bomb, truncated) gets end_entry(false) and is listed with its error in the parser's entries().
class ZipEntrySink {
 public:
  virtual ~ZipEntrySink() = default;
  virtual bool begin_entry(const std::string& path, uint64_t size) = 0;  // true: deliver its bytes
  virtual void entry_bytes(std::span<const uint8_t> bytes) = 0;
  virtual void end_entry(bool ok) = 0;  // ok: whole and CRC-checked; else discard what was delivered
};
// A ZIP reader that hands entries to `sink` (not owned, must outlive the parser); entries() lists them.
std::unique_ptr<Parser> zip_create_with_sink(const ParseOptions& opts, ZipEntrySink* sink);

std::string cp437_to_utf8(std::string_view s);  // names of entries without the UTF-8 flag (bit 11)
bool is_valid_utf8(std::string_view s);

// Shared by the archive readers (ZIP, TAR): finishes an entry's Session, classifies entries[index] (ok,
// skipped for unknown/empty/too deep, error), moves its tables into `tables` (names made unique through
// `names`, Table::entry prefixed with the entry path) and appends a nested archive's entries. Returns rows.
uint64_t absorb_entry_session(Session& s, size_t index, std::vector<EntryResult>& entries, std::vector<Table>& tables,
                              std::unordered_set<std::string>& names);

}  // namespace sdw
