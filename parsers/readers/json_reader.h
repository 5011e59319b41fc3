// Streaming JSON (RFC 8259) tokenizer: push chunks in, get SAX-like events out, with the byte offset
// and line of every event and error. Bounded memory: the current token plus one entry per open
// container (no DOM, no recursion). Also the record helper that flattens one object into key paths.
// Does not own: tables or type inference (parsers/readers/json.cpp), any format's record layout.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/core/diagnostics.h"

namespace sdw {

// [SECTION] events

enum class JsonKind : uint8_t { BeginObject, EndObject, BeginArray, EndArray, Key, String, Number, Bool, Null };
const char* json_kind_name(JsonKind k);  // "begin_object", ..., "null"

// One event. Views are valid only during the handler call.
struct JsonEvent {
  JsonKind kind = JsonKind::Null;
  uint32_t depth = 0;        // root value: 0; members/elements of a container at depth d: d + 1 (Key too);
                             // End* events carry their container's depth
  std::string_view text;     // Key/String: decoded UTF-8; Number: the raw text ("-1.5e3")
  bool boolean = false;      // Bool
  bool integral = false;     // Number: integer syntax (no fraction, no exponent)
  bool is_int = false;       // Number: integral and fits int64 (i64 is exact)
  int64_t i64 = 0;           // Number, when is_int
  double f64 = 0;            // Number: nearest double (always set)
  uint64_t offset = 0;       // source byte offset of the token's first byte (the quote, the digit, the brace)
  uint64_t line = 1;         // 1-based line of that byte
};

class JsonReader;

// Receives events. Called once per token, never per byte.
class JsonHandler {
 public:
  virtual ~JsonHandler() = default;
  virtual void on_event(const JsonEvent& e, JsonReader& reader) = 0;
};

struct JsonReaderOptions {
  uint32_t max_depth = 512;          // deeper nesting fails with json.too_deep (no stack used either way)
  bool multiple_values = false;      // several top-level values separated by whitespace (JSON text sequences)
  bool allow_control_chars = false;  // raw U+0000..U+001F inside strings: kept with a warning instead of an error
};

// [SECTION] reader

class JsonReader {
 public:
  // warnings: where invalid UTF-8 (replaced by U+FFFD) and lenient-mode notes go; may be nullptr.
  explicit JsonReader(JsonReaderOptions opts = {}, Diagnostics* warnings = nullptr);

  void feed(std::string_view chunk, JsonHandler& h);  // next bytes, in order; split tokens carry over
  void finish(JsonHandler& h);                         // end of input: reports truncation as an error
  void stop() { m_stopped = true; }                    // from a handler: no more events, not an error
  // Start a fresh document at this source position (NDJSON: one document per line). Clears the error.
  void reset(uint64_t base_offset, uint64_t line);

  bool failed() const { return m_failed; }
  const Message& error() const { return m_error; }     // codes json.* with French/English text, offset, line
  bool stopped() const { return m_stopped; }
  uint64_t values() const { return m_values; }         // complete top-level values so far
  uint64_t offset() const { return m_base; }           // source bytes consumed so far
  uint64_t line() const { return m_line; }

  // Path of the current position, for handlers that need context. Depth d is a container opened
  // by a Begin* event at depth d (0 = root); valid for d < depth().
  uint32_t depth() const { return uint32_t(m_stack.size()); }          // open containers
  bool is_object(uint32_t d) const { return m_stack[d].object; }
  std::string_view key_at(uint32_t d) const {                          // object at d: the member being read
    return m_key_in_chunk[d] ? m_key_view[d] : std::string_view(m_keys[d]);
  }
  uint64_t index_at(uint32_t d) const { return m_stack[d].count - 1; } // array at d: the element being read
  std::string path() const;                                            // "features[3].geometry" (for messages)

 private:
  enum class State : uint8_t { Value, ValueOrEnd, Key, KeyOrEnd, Colon, AfterValue, Str, Num, Lit, Done, Failed };
  struct Frame {
    bool object;
    uint64_t count;                // members/elements started
    uint64_t open_off, open_line;  // where it was opened (for the end-of-file message)
  };

  void feed_chunk(std::string_view chunk, JsonHandler& h);
  void fail(const char* code, std::string fr, std::string en, uint64_t offset, uint64_t line);
  void fail_unexpected(uint8_t c, uint64_t offset, const char* expected_fr, const char* expected_en);
  void emit(JsonHandler& h, JsonKind k, uint64_t off, uint64_t line);
  void begin_container(JsonHandler& h, bool object, uint64_t off);
  void end_container(JsonHandler& h, bool object, uint64_t off, uint8_t c);
  void value_done();
  bool finish_number(JsonHandler& h, std::string_view text);
  void finish_string(JsonHandler& h, std::string_view text);
  void warn_utf8(uint64_t off);
  void string_control(uint8_t c, uint64_t off);

  JsonReaderOptions m_opts;
  Diagnostics* m_warn;
  State m_state = State::Value;
  bool m_failed = false, m_stopped = false;
  Message m_error;
  uint64_t m_base = 0;     // source offset of the current chunk's first byte
  uint64_t m_line = 1;
  uint64_t m_values = 0;
  bool m_bom_checked = false;
  uint8_t m_bom_seen = 0;  // BOM bytes matched so far (split BOM)

  std::vector<Frame> m_stack;
  std::vector<std::string> m_keys;  // per depth; capacity reused
  // A key read whole from the current chunk is not copied: m_key_view[d] points into the chunk until feed()
  // returns, when the keys still open are copied into m_keys.
  std::vector<std::string_view> m_key_view;
  std::vector<uint8_t> m_key_in_chunk;

  // token in progress
  uint64_t m_tok_off = 0, m_tok_line = 1;
  bool m_tok_key = false;  // the string is a key
  std::string m_buf;       // token bytes when it spans chunks or has escapes (strings), or numbers
  bool m_buffered = false; // string text lives in m_buf
  uint8_t m_esc = 0;       // 0: none, 1: after '\', 2..5: reading \u hex digit 1..4
  uint32_t m_u = 0;        // \u value being read
  uint32_t m_hi = 0;       // pending high surrogate (0: none)
  uint64_t m_hi_off = 0;
  uint8_t m_u8[4] = {};    // UTF-8 sequence split across chunks
  uint8_t m_u8len = 0, m_u8need = 0;
  uint64_t m_u8off = 0;
  const char* m_lit = nullptr;  // literal being matched ("true", "false", "null")
  uint8_t m_lit_pos = 0;
  bool m_after_comma = false;   // the last structural token was a comma (for the EOF message)

  JsonEvent m_ev;
};

// [SECTION] record helper

// Types of flattened values. Array: an array kept as compact JSON text.
enum class JsonType : uint8_t { Null, Bool, Number, String, Array };

// One flattened value of a record: "a.b.c" -> value.
struct JsonField {
  std::string_view path;
  JsonType type = JsonType::Null;
  std::string_view text;     // String: decoded; Number: raw text; Array: JSON text; Bool: "true"/"false"
  bool boolean = false;
  bool integral = false, is_int = false;
  int64_t i64 = 0;
  double f64 = 0;
  uint64_t offset = 0, line = 0;  // where the value starts in the source
};

// Collects one value (usually an object) from its first event to its end into a flat list of
// (key path -> value). Nested objects give dotted paths; arrays are kept as JSON text; a scalar or an
// array at the top gives one field named "value". Storage is reused from one record to the next.
// Duplicate keys are all kept, in order: find() returns the last one (last wins).
class JsonRecordCollector {
 public:
  // Start a record; `prefix` is prepended to every path ("properties." -> "properties.name").
  void begin(std::string_view prefix = {});
  // Feed the record's events in order; returns true on the event that completes it.
  bool on_event(const JsonEvent& e);
  bool complete() const { return m_complete; }
  bool active() const { return m_started && !m_complete; }
  // Forget the array being collected and leave array mode (its events go elsewhere from now on).
  void discard_open_array();
  bool in_array() const { return m_raw_depth >= 0; }

  std::span<const JsonField> fields();               // after completion (or at any event boundary)
  const JsonField* find(std::string_view path);      // last field with this path, or nullptr
  uint64_t offset() const { return m_offset; }       // where the record starts
  uint64_t line() const { return m_line; }

 private:
  struct Rec {
    uint32_t path_off, path_len, text_off, text_len;
    JsonType type;
    bool boolean, integral, is_int;
    int64_t i64;
    double f64;
    uint64_t offset, line;
  };
  void add(const JsonEvent& e, JsonType t, std::string_view text);
  void raw_value(const JsonEvent& e);

  std::string m_prefix;
  std::string m_path;                // current path
  std::vector<uint32_t> m_path_len;  // path length at each open object (relative depth)
  std::string m_arena;               // paths and texts of this record
  std::vector<Rec> m_recs;
  std::vector<JsonField> m_fields;
  bool m_started = false, m_complete = false, m_dirty = true;
  uint32_t m_d0 = 0;                 // depth of the record's first event
  int64_t m_raw_depth = -1;          // depth of the array being serialised, -1: none
  std::vector<uint8_t> m_raw_levels; // per level inside the raw array: bit 0 object, bit 1 has items
  uint64_t m_offset = 0, m_line = 0;
};

// Appends `s` as a JSON string literal (quotes and escapes) to `out`.
void json_append_quoted(std::string& out, std::string_view s);

}  // namespace sdw
