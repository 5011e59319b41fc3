// Streaming XML for the XML-based formats (GPX, KML): a thin wrapper over expat that delivers element
// starts (with attributes) and ends (with the element's own text), byte offsets and lines, and maps expat's
// errors to French and English messages. Entity protection: no parameter entities, no external entities,
// expat's billion-laughs accounting on. Does not own: any format's vocabulary.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "parsers/core/diagnostics.h"

namespace sdw {

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // local: name without its prefix ("gpxtpx:hr" -> "hr"). attrs: expat's NULL-terminated name/value array.
  virtual void on_start(std::string_view local, const char** attrs) = 0;
  // text: the character data since the last start or end tag (so, for a leaf, all its text), capped.
  virtual void on_end(std::string_view local, std::string_view text) = 0;
  // Only while XmlReader::stream_text(true): text pieces as they come, not accumulated nor capped
  // (KML <coordinates> can hold megabytes).
  virtual void on_text(std::string_view piece) {}
};

std::string_view xml_local_name(std::string_view qname);              // after the last ':'
const char* xml_attr(const char** attrs, std::string_view local_name);  // attribute by local name, or nullptr

// For detect(): true when the head's first element (after a UTF-8 BOM, the XML declaration, comments,
// a DOCTYPE and whitespace) has local name `root` ("gpx", "kml"; any prefix).
bool xml_head_has_root(std::string_view head, std::string_view root);

class XmlReader {
 public:
  // text_cap: longest text kept per element (longer text is cut, with one warning in `diag`).
  XmlReader(XmlHandler& handler, Diagnostics& diag, size_t text_cap = 1 << 20);
  ~XmlReader();
  XmlReader(const XmlReader&) = delete;
  XmlReader& operator=(const XmlReader&) = delete;

  void feed(std::span<const uint8_t> chunk);  // ignored once failed or after the root element closed
  void finish();
  void stop(Message m);                       // from a handler: fail with this message
  void stream_text(bool on) { m_stream_text = on; }  // deliver text through on_text() instead of on_end()

  bool failed() const { return m_failed; }
  bool failed_at_end() const { return m_failed && m_failed_at_end; }  // input ended inside the document
  const Message& error() const { return m_error; }
  bool root_closed() const { return m_root_closed; }
  uint64_t byte_offset() const;  // of the event being handled (or of the error)
  uint64_t line() const;
  size_t depth() const { return m_depth; }

 private:
  static void start_cb(void* ud, const char* name, const char** attrs);
  static void end_cb(void* ud, const char* name);
  static void text_cb(void* ud, const char* s, int len);
  static void entity_decl_cb(void* ud, const char* name, int is_param, const char* value, int value_len,
                                     const char* base, const char* system_id, const char* public_id,
                                     const char* notation);
  void fail_from_expat(bool at_end);
  void parse(const char* p, size_t n, bool final);

  XmlHandler& m_handler;
  Diagnostics& m_diag;
  void* m_parser = nullptr;  // XML_Parser
  size_t m_text_cap;
  std::string m_text;
  bool m_text_cut = false;
  bool m_stream_text = false;
  size_t m_depth = 0;
  bool m_root_closed = false;
  bool m_trailing_warned = false;
  bool m_failed = false, m_failed_at_end = false;
  bool m_custom_stop = false;
  Message m_error;
  mutable uint64_t m_offset_hi = 0;    // expat's byte index is a `long` (32-bit in wasm): carry its wraps
  mutable uint32_t m_offset_last = 0;
};

}  // namespace sdw
