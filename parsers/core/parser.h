// The interface every format implements, and the streaming session that picks one by content.
// A parser never sees the whole file: it gets chunks in order, then finish(). Bad input is a normal
// result (Diagnostics::failed), never an exception or an abort.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "table.h"

namespace sdw {

// Zip-bomb guards of archive formats (parsers/containers/zip.cpp). An entry stops when it inflates past its declared
// size, or past `ratio_floor` bytes at more than `max_ratio` output bytes per compressed byte; the
// archive stops when all its entries together inflate past `max_total`.
struct ArchiveLimits {
  uint64_t max_total = uint64_t(16) << 30;  // 16 GiB of inflated bytes per archive
  uint64_t ratio_floor = uint64_t(64) << 20; // the ratio rule applies beyond 64 MiB inflated
  uint32_t max_ratio = 200;                  // inflated : compressed
};

struct ParseOptions {
  std::string file_name;        // hint only: detection works on content (for a ZIP entry: its path)
  uint64_t total_bytes = 0;     // 0 if unknown
  std::string time_zone = "Europe/Paris";  // zone for local times without offset (only Europe/Paris and UTC today)
  ArchiveLimits archive;        // zip-bomb guards
  unsigned nesting = 0;         // 0: a plain file; 1: an entry of an archive; 2: an entry of a ZIP in a ZIP
  bool lean_tables = false;     // the parse worker only: a parser may leave columns empty that Table::derived
                                // restores (constants, formulas, nulls); the CLI and tests get full tables
};

struct FormatInfo;

// One entry of an archive as the user sees it: where it came from, what it was recognised as, and
// what became of it. Its tables are Session::tables()[first_table, first_table + table_count).
// An entry that is itself an archive (format "zip") is followed by its own entries, whose paths are
// prefixed with its path and a '/'; its table range covers theirs.
struct EntryResult {
  std::string path;             // path inside the archive, UTF-8 (CP437 names converted)
  uint64_t offset = 0;          // byte offset of its local header in the archive
  uint64_t compressed = 0;      // compressed bytes
  uint64_t size = 0;            // inflated bytes
  const FormatInfo* format = nullptr;  // nullptr: not recognised / not read
  const char* encoding = nullptr;      // static string ("utf-8"...), text formats only
  std::string status;           // "ok", "skipped" (unknown format, nested too deep), "error"
  Diagnostics diag;             // the entry's warnings; the error when status == "error"; the reason
                                // of a skip is an info warning
  size_t first_table = 0, table_count = 0;
  uint64_t rows = 0;            // rows of its tables
};

class Parser {
 public:
  virtual ~Parser() = default;
  virtual void feed(std::span<const uint8_t> chunk) = 0;  // next bytes, in order
  virtual void finish() = 0;                              // end of input
  virtual uint64_t rows_so_far() const = 0;
  virtual const char* encoding() const { return nullptr; }  // text formats: "utf-8", "windows-1252"...
  virtual const std::vector<EntryResult>* entries() const { return nullptr; }  // containers only
  // True when rows already in `tables` are final (only appended to), so the caller may move them out
  // in batches while parsing goes on (Session::take_rows). The table list itself only ever grows.
  virtual bool streams_rows() const { return false; }
  std::vector<Table> tables;    // output, complete after finish()
  Diagnostics diag;
};

// One entry of the registry: a format's id, its labels, a cheap content sniffer and a factory.
struct FormatInfo {
  const char* id;               // "csv"
  const char* label_fr;         // "CSV (tableur)"
  const char* label_en;         // "CSV (spreadsheet)"
  // Confidence 0..100 that `head` (the first bytes, up to k_head_bytes) is this format; 0 = not mine.
  int (*detect)(std::string_view head, std::string_view file_name);
  std::unique_ptr<Parser> (*create)(const ParseOptions&);
};

constexpr size_t k_head_bytes = 64 * 1024;

const std::vector<FormatInfo>& formats();              // all registered formats (parsers/core/registry.cpp)
const FormatInfo* find_format(std::string_view id);

struct Detection {
  const FormatInfo* format = nullptr;  // nullptr: unknown
  int confidence = 0;
  std::string what_was_seen;           // for "unknown format": text/binary, encoding guess, first line
};
Detection detect_format(std::string_view head, std::string_view file_name);
// Suggested table name for a file or entry path: base name without its last extension
// ("Takeout/Fit/activités.csv" -> "activités"); `fallback` when that leaves nothing.
std::string table_name_from_path(std::string_view path, std::string_view fallback);
// What the head looks like, for the user: text or binary, encoding guess, first line (80 chars max).
std::string describe_head(std::string_view head, bool french);

// Streaming session: buffers the head until detection is possible, then forwards chunks to the
// chosen parser. Tracks bytes for progress; cancel() stops it with a clear message.
class Session {
 public:
  explicit Session(ParseOptions opts);
  void feed(std::span<const uint8_t> chunk);
  void finish();
  void cancel();
  uint64_t bytes_done() const { return m_bytes; }
  uint64_t rows_so_far() const { return m_parser ? m_parser->rows_so_far() : 0; }
  const FormatInfo* format() const { return m_detection.format; }
  const Detection& detection() const { return m_detection; }
  const char* encoding() const { return m_parser ? m_parser->encoding() : nullptr; }
  // Archives: one result per entry, in archive order (directories and __MACOSX/, .DS_Store junk are
  // not listed). Empty for a plain file.
  const std::vector<EntryResult>& entries() const;
  bool done() const { return m_done; }
  std::vector<Table>& tables();
  // Batches while streaming: whether rows may be moved out now, and the move itself (schema stays).
  bool can_take_rows() const;
  Table take_rows(size_t table_index);
  const Diagnostics& diagnostics() const;

 private:
  void start_parser();
  void fail(Message m);
  void fail_exception(const char* what, bool out_of_memory);
  ParseOptions m_opts;
  std::string m_head;
  uint64_t m_bytes = 0;
  bool m_done = false;
  Detection m_detection;
  std::unique_ptr<Parser> m_parser;
  Diagnostics m_own_diag;      // session-level errors (unknown format, cancelled, empty)
  std::vector<Table> m_empty;
};

}  // namespace sdw
