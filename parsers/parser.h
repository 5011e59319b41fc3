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

struct ParseOptions {
  std::string file_name;        // hint only: detection works on content
  uint64_t total_bytes = 0;     // 0 if unknown
  std::string time_zone = "Europe/Paris";  // zone for local times without offset (only Europe/Paris and UTC today)
};

class Parser {
 public:
  virtual ~Parser() = default;
  virtual void feed(std::span<const uint8_t> chunk) = 0;  // next bytes, in order
  virtual void finish() = 0;                              // end of input
  virtual uint64_t rows_so_far() const = 0;
  virtual const char* encoding() const { return nullptr; }  // text formats: "utf-8", "windows-1252"...
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

const std::vector<FormatInfo>& formats();              // all registered formats (parsers/registry.cpp)
const FormatInfo* find_format(std::string_view id);

struct Detection {
  const FormatInfo* format = nullptr;  // nullptr: unknown
  int confidence = 0;
  std::string what_was_seen;           // for "unknown format": text/binary, encoding guess, first line
};
Detection detect_format(std::string_view head, std::string_view file_name);
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
  bool done() const { return m_done; }
  std::vector<Table>& tables();
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
