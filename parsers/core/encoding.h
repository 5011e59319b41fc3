// Text encodings of user files: guessing from the head (BOM, UTF-16 shape, UTF-8 validity) and a
// streaming transcoder to UTF-8 that keeps a map back to source byte offsets.
// Owns: UTF-8 / UTF-8 BOM / UTF-16LE / UTF-16BE / Windows-1252. Does not own: any format logic.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sdw {

enum class Encoding : uint8_t { Utf8, Utf8Bom, Utf16Le, Utf16Be, Windows1252 };
const char* encoding_name(Encoding e);  // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"

struct EncodingGuess {
  Encoding encoding = Encoding::Utf8;
  size_t bom_len = 0;   // bytes of byte-order mark at the start
  bool binary = false;  // NUL bytes (outside UTF-16) or many control characters: not text
};
// head: the first bytes of the input; complete: head is the whole input (a UTF-8 sequence cut at its end
// is then invalid rather than "continued in the next chunk").
EncodingGuess guess_encoding(std::string_view head, bool complete);

// Appends the UTF-8 text of each chunk to `out`. Sequences split across chunks are carried over.
// In UTF-8 mode an invalid byte is decoded as Windows-1252 (for that byte only) and counted.
class Transcoder {
 public:
  explicit Transcoder(Encoding e = Encoding::Utf8, size_t bom_len = 0);
  void feed(std::string_view in, std::string& out);
  void finish(std::string& out);  // flushes a sequence left incomplete at end of input

  Encoding encoding() const { return m_enc; }
  // Source byte offset of the text that starts at `pos` bytes after where the last feed()/finish()
  // started appending. Only meaningful at character boundaries.
  uint64_t source_offset(size_t pos) const;

  uint64_t fallback_bytes() const { return m_fallback; }               // UTF-8 mode: bytes read as cp1252
  uint64_t first_fallback_offset() const { return m_first_fallback; }
  uint64_t invalid_units() const { return m_invalid; }                 // U+FFFD substitutions (UTF-16, cut input)
  uint64_t first_invalid_offset() const { return m_first_invalid; }

 private:
  void feed_utf8(const uint8_t* p, const uint8_t* e, uint64_t src, std::string& out, size_t base);
  void feed_cp1252(const uint8_t* p, const uint8_t* e, uint64_t src, std::string& out, size_t base);
  void feed_utf16(const uint8_t* p, const uint8_t* e, uint64_t src, std::string& out, size_t base);
  void fallback(uint8_t b, uint64_t src, std::string& out, size_t base);
  void invalid(uint64_t src, std::string& out, size_t base);
  void mark(size_t out_rel, uint64_t src) { m_marks.emplace_back(out_rel, src); }
  size_t pending_count() const { return m_pend_len + (m_has_hi ? 2 : 0); }

  Encoding m_enc;
  size_t m_bom_left;
  unsigned m_ratio;                 // source bytes per output byte for ASCII (2 in UTF-16)
  uint64_t m_total_in = 0;
  uint8_t m_pend[4] = {};           // incomplete UTF-8 sequence / odd UTF-16 byte
  size_t m_pend_len = 0;
  bool m_has_hi = false;            // UTF-16: high surrogate waiting for its low half
  uint16_t m_hi = 0;
  std::vector<std::pair<size_t, uint64_t>> m_marks;  // (output pos, source offset) where the ratio breaks
  uint64_t m_fallback = 0, m_first_fallback = 0;
  uint64_t m_invalid = 0, m_first_invalid = 0;
};

void append_utf8(std::string& out, uint32_t cp);  // encodes one code point
uint32_t cp1252_to_unicode(uint8_t b);            // full Windows-1252 table (0x81/0x8D/0x8F/0x90/0x9D map to C1)

}  // namespace sdw
