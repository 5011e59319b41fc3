// ZIP reader, streaming: local header -> data (stored, deflate, or skipped) -> optional data descriptor,
// entry after entry, until the central directory. Each entry's bytes go through a nested Session (its path
// is the file-name hint), so detection and parsing are the same as for a plain file.
// Memory: the current header, a 256 KiB inflate window and the current entry's parser state.
//
// [SECTION] names (CP437, UTF-8)
// [SECTION] the parser: state machine, entry start, data, descriptor, entry end, finish
#include "parsers/containers/zip.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <unordered_set>

#include "parsers/core/encoding.h"

namespace sdw {

// [SECTION] names (CP437, UTF-8)

namespace {

constexpr uint16_t k_cp437_high[128] = {
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7, 0x00EA, 0x00EB, 0x00E8, 0x00EF, 0x00EE,
    0x00EC, 0x00C4, 0x00C5, 0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9, 0x00FF, 0x00D6,
    0x00DC, 0x00A2, 0x00A3, 0x00A5, 0x20A7, 0x0192, 0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1, 0x00AA,
    0x00BA, 0x00BF, 0x2310, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB, 0x2591, 0x2592, 0x2593, 0x2502,
    0x2524, 0x2561, 0x2562, 0x2556, 0x2555, 0x2563, 0x2551, 0x2557, 0x255D, 0x255C, 0x255B, 0x2510, 0x2514,
    0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x255E, 0x255F, 0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550,
    0x256C, 0x2567, 0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256B, 0x256A, 0x2518, 0x250C,
    0x2588, 0x2584, 0x258C, 0x2590, 0x2580, 0x03B1, 0x00DF, 0x0393, 0x03C0, 0x03A3, 0x03C3, 0x00B5, 0x03C4,
    0x03A6, 0x0398, 0x03A9, 0x03B4, 0x221E, 0x03C6, 0x03B5, 0x2229, 0x2261, 0x00B1, 0x2265, 0x2264, 0x2320,
    0x2321, 0x00F7, 0x2248, 0x00B0, 0x2219, 0x00B7, 0x221A, 0x207F, 0x00B2, 0x25A0, 0x00A0};

uint16_t rd16(const uint8_t* p) { return uint16_t(p[0] | (p[1] << 8)); }
uint32_t rd32(const uint8_t* p) { return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24; }
uint64_t rd64(const uint8_t* p) { return uint64_t(rd32(p)) | uint64_t(rd32(p + 4)) << 32; }

constexpr uint32_t k_sig_local = 0x04034b50, k_sig_central = 0x02014b50, k_sig_eocd = 0x06054b50,
                   k_sig_eocd64 = 0x06064b50, k_sig_locator64 = 0x07064b50, k_sig_descriptor = 0x08074b50,
                   k_sig_spanned_once = 0x30304b50;

bool is_record_signature(uint32_t s) {
  return s == k_sig_local || s == k_sig_central || s == k_sig_eocd || s == k_sig_eocd64 || s == k_sig_locator64 ||
         s == k_sig_descriptor;
}

std::string to_str(uint64_t v) { return std::to_string(v); }

std::string mib(uint64_t bytes) {
  if (bytes >= (uint64_t(1) << 30) && bytes % (uint64_t(1) << 30) == 0) return to_str(bytes >> 30) + " GiB";
  if (bytes >= (uint64_t(1) << 20)) return to_str(bytes >> 20) + " MiB";
  return to_str(bytes) + " B";
}

std::string mio(uint64_t bytes) {
  if (bytes >= (uint64_t(1) << 30) && bytes % (uint64_t(1) << 30) == 0) return to_str(bytes >> 30) + " Gio";
  if (bytes >= (uint64_t(1) << 20)) return to_str(bytes >> 20) + " Mio";
  return to_str(bytes) + " o";
}

// __MACOSX/ resource forks and Finder's .DS_Store: never data, skipped without a message.
bool is_junk(std::string_view path) {
  if (path.rfind("__MACOSX/", 0) == 0 || path.find("/__MACOSX/") != std::string_view::npos) return true;
  size_t slash = path.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return base == ".DS_Store";
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const uint8_t b = uint8_t(s[i]);
    if (b < 0x80) { ++i; continue; }
    size_t len = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
    if (!len || i + len > s.size()) return false;
    uint32_t cp = b & (0xFF >> (len + 1));
    for (size_t k = 1; k < len; ++k) {
      const uint8_t c = uint8_t(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = cp << 6 | (c & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return false;
    i += len;
  }
  return true;
}

std::string cp437_to_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    const uint8_t b = uint8_t(c);
    if (b < 0x80) out.push_back(c);
    else append_utf8(out, k_cp437_high[b - 0x80]);
  }
  return out;
}

int zip_detect(std::string_view head, std::string_view file_name) {
  if (head.size() >= 4 && head.compare(0, 4, "PK\x03\x04") == 0) return 95;
  if (head.size() >= 4 && head.compare(0, 4, "PK\x05\x06") == 0) return 95;  // empty archive
  if (head.size() >= 8 && head.compare(0, 8, "PK00PK\x03\x04") == 0) return 95;  // "spanned once" marker
  return 0;
}

// [SECTION] the parser

namespace {

constexpr size_t k_out_buffer = 256 * 1024;
constexpr size_t k_scan_step = 64 * 1024;    // stored entry of unknown size: bytes examined per step
constexpr size_t k_descriptor_peek = 28;     // signature + CRC + two 64-bit sizes + next signature

class ZipParser final : public Parser {
 public:
  explicit ZipParser(const ParseOptions& o, ZipEntrySink* sink = nullptr) : m_opts(o), m_sink(sink) {}
  ~ZipParser() override {
    if (m_z_init) inflateEnd(&m_z);
  }

  void feed(std::span<const uint8_t> chunk) override {
    const uint8_t* p = chunk.data();
    size_t n = chunk.size();
    while (n && m_state != State::Done) {
      m_step_taken = 0;
      const size_t c = step(p, n, false);
      p += c;
      n -= c;
      m_pos += c;
    }
  }

  void finish() override;

  uint64_t rows_so_far() const override { return m_rows_done + (m_session ? m_session->rows_so_far() : 0); }
  const std::vector<EntryResult>* entries() const override { return &m_entries; }
  // an entry's tables join `tables` complete (absorb_entry_session): their rows may leave while later
  // entries are read, so a 10 000-entry archive never sits whole in memory (wasm/core_exports.cpp core_drain)
  bool streams_rows() const override { return true; }

 private:
  enum class State { Signature, Header, Data, Descriptor, Done };
  enum class Mode { Stored, Inflate, Skip, Scan };

  struct Current {
    std::string path;
    uint64_t offset = 0;            // local header
    uint16_t flags = 0, method = 0;
    uint32_t crc_declared = 0;
    uint64_t csize = 0, usize = 0;  // from the local header (or its ZIP64 extra)
    bool sizes_known = true;        // false: bit 3 with zero sizes, the descriptor tells
    bool zip64 = false;
    bool listed = false;            // has an EntryResult (index `index`)
    size_t index = 0;
    bool deliver = false;           // bytes go to m_session
    bool failed = false;            // entry error already recorded
    bool junk = false;
    Mode mode = Mode::Skip;
    uint64_t in = 0, out = 0;       // compressed bytes consumed, bytes produced
    uint32_t crc = 0;
  };

  size_t step(const uint8_t* p, size_t n, bool at_end);
  size_t need(const uint8_t* p, size_t n, size_t k) {
    if (m_buf.size() >= k) return 0;
    const size_t take = std::min(n, k - m_buf.size());
    m_buf.append(reinterpret_cast<const char*>(p), take);
    m_step_taken += take;
    return take;
  }
  // archive offset of m_buf[0] (m_pos only moves after each step)
  uint64_t buf_offset() const { return m_pos + m_step_taken - m_buf.size(); }
  const uint8_t* buf() const { return reinterpret_cast<const uint8_t*>(m_buf.data()); }

  void on_signature();
  void start_entry();
  size_t data_step(const uint8_t* p, size_t n, bool at_end);
  size_t inflate_step(const uint8_t* p, size_t n);
  size_t scan_step(const uint8_t* p, size_t n, bool at_end);
  bool emit(const uint8_t* p, size_t n);
  void end_data();
  bool descriptor_step(bool at_end);
  void end_entry(uint32_t crc, uint64_t csize, uint64_t usize);
  void close_entry();
  void entry_error(Message m);
  void stop_entry_or_archive();
  void stop_archive(uint64_t at);
  void list_entry();

  Message entry_message(const std::string& code, const std::string& fr, const std::string& en) const {
    return make_message(code, "Entrée « " + m_cur.path + " » (octet " + to_str(m_cur.offset) + ") : " + fr,
                        "Entry \"" + m_cur.path + "\" (byte " + to_str(m_cur.offset) + "): " + en, m_cur.offset, 0);
  }

  ParseOptions m_opts;
  State m_state = State::Signature;
  std::string m_buf;                 // header / signature / descriptor bytes being gathered
  std::string m_scan;                // Mode::Scan: bytes held back while looking for the descriptor
  uint64_t m_pos = 0;                // archive offset of the next input byte (before the current step)
  uint64_t m_step_taken = 0;         // bytes need() took during the current step
  uint64_t m_remaining = 0;          // Stored/Skip (and Inflate with known size): compressed bytes left
  Current m_cur;
  bool m_in_entry = false;
  z_stream m_z{};
  bool m_z_init = false;
  std::vector<uint8_t> m_out;
  std::unique_ptr<Session> m_session;
  ZipEntrySink* m_sink = nullptr;    // when set, entries go to it instead of nested Sessions
  bool m_sink_open = false;          // the sink has an entry begun and not ended
  std::vector<EntryResult> m_entries;
  std::unordered_set<std::string> m_names;
  uint64_t m_rows_done = 0;
  uint64_t m_total_out = 0;
  uint64_t m_completed = 0;          // entries (junk included) fully read
  bool m_central = false;            // reached the central directory / end record
  bool m_stopped = false;            // stopped on purpose (bomb, undecidable end): no truncation message
};

size_t ZipParser::step(const uint8_t* p, size_t n, bool at_end) {
  switch (m_state) {
    case State::Signature: {
      const size_t c = need(p, n, 4);
      if (m_buf.size() == 4) on_signature();
      return c;
    }
    case State::Header: {
      size_t c = need(p, n, 30);
      if (m_buf.size() < 30) return c;
      const size_t full = 30 + size_t(rd16(buf() + 26)) + rd16(buf() + 28);
      c += need(p + c, n - c, full);
      if (m_buf.size() == full) start_entry();
      return c;
    }
    case State::Data: return data_step(p, n, at_end);
    case State::Descriptor: {
      const size_t c = need(p, n, k_descriptor_peek);
      if (m_buf.size() == k_descriptor_peek || at_end) descriptor_step(at_end);
      return c;
    }
    case State::Done: return n;
  }
  return n;
}

void ZipParser::on_signature() {
  const uint32_t sig = rd32(buf());
  const uint64_t at = buf_offset();
  if (sig == k_sig_local) {
    m_state = State::Header;
    return;
  }
  if (sig == k_sig_central || sig == k_sig_eocd || sig == k_sig_eocd64 || sig == k_sig_locator64) {
    m_central = true;
    m_state = State::Done;
    m_buf.clear();
    return;
  }
  if (at == 0 && (sig == k_sig_spanned_once || sig == k_sig_descriptor)) {  // single-segment marker
    m_buf.clear();
    return;
  }
  m_buf.clear();
  m_state = State::Done;
  m_stopped = true;
  if (m_entries.empty() && m_completed == 0) {
    diag.fail(make_message("zip.not_zip", "Ce n'est pas une archive ZIP lisible (octet " + to_str(at) + ")",
                           "Not a readable ZIP archive (byte " + to_str(at) + ")", at, 0));
    return;
  }
  diag.warn(make_message("zip.unexpected_data",
                         "Données inattendues à l'octet " + to_str(at) + " de l'archive : la lecture s'arrête là",
                         "Unexpected data at byte " + to_str(at) + " of the archive: reading stops there", at, 0));
}

void ZipParser::list_entry() {
  EntryResult e;
  e.path = m_cur.path;
  e.offset = m_cur.offset;
  e.compressed = m_cur.sizes_known ? m_cur.csize : 0;
  e.size = m_cur.sizes_known ? m_cur.usize : 0;
  e.status = "ok";
  m_cur.index = m_entries.size();
  m_cur.listed = true;
  m_entries.push_back(std::move(e));
}

void ZipParser::entry_error(Message m) {
  if (!m_cur.listed) list_entry();
  EntryResult& e = m_entries[m_cur.index];
  if (m_sink_open) {
    m_sink_open = false;
    m_sink->end_entry(false);
  }
  if (m_session) {  // keep what the entry's parser had to say, drop its partial tables
    e.format = m_session->format();
    e.encoding = m_session->encoding();
    for (const Message& w : m_session->diagnostics().warnings) e.diag.warn(w);
    m_session.reset();
  }
  e.status = "error";
  e.diag.fail(std::move(m));
  m_cur.failed = true;
  m_cur.deliver = false;
}

void ZipParser::start_entry() {
  const uint8_t* h = buf();
  Current c;
  c.offset = buf_offset();
  c.flags = rd16(h + 6);
  c.method = rd16(h + 8);
  c.crc_declared = rd32(h + 14);
  uint64_t csize = rd32(h + 18), usize = rd32(h + 22);
  const size_t name_len = rd16(h + 26), extra_len = rd16(h + 28);
  std::string_view raw_name(m_buf.data() + 30, name_len);
  const uint8_t* extra = h + 30 + name_len;
  std::string unicode_path;
  for (size_t i = 0; i + 4 <= extra_len;) {
    const uint16_t id = rd16(extra + i), len = rd16(extra + i + 2);
    const uint8_t* d = extra + i + 4;
    if (i + 4 + len > extra_len) break;
    if (id == 0x0001) {  // ZIP64: the 64-bit sizes of the fields set to 0xFFFFFFFF (both, in a local header)
      c.zip64 = true;
      size_t k = 0;
      if (len >= 16) {
        usize = rd64(d);
        csize = rd64(d + 8);
      } else {
        if (usize == 0xFFFFFFFFu && k + 8 <= len) { usize = rd64(d + k); k += 8; }
        if (csize == 0xFFFFFFFFu && k + 8 <= len) { csize = rd64(d + k); k += 8; }
      }
    } else if (id == 0x7075 && len >= 5 && d[0] == 1) {  // Info-ZIP Unicode Path: UTF-8 name if the CRC matches
      const uint32_t crc = uint32_t(crc32(0L, reinterpret_cast<const Bytef*>(raw_name.data()), uInt(raw_name.size())));
      if (crc == rd32(d + 1)) unicode_path.assign(reinterpret_cast<const char*>(d + 5), len - 5);
    }
    i += 4 + size_t(len);
  }
  c.csize = csize;
  c.usize = usize;
  c.sizes_known = !(c.flags & 8) || csize != 0;  // bit 3: zero sizes, or only the size (Python's writestr)
  // name: the Unicode Path extra when present; else the name itself when it is valid UTF-8, flagged
  // (bit 11) or not (macOS Archive Utility writes UTF-8 without the flag); else CP437, even when flagged
  // (a lying flag must not put invalid UTF-8 in front of the UI).
  if (!unicode_path.empty() && is_valid_utf8(unicode_path)) c.path = unicode_path;
  else if (is_valid_utf8(raw_name)) c.path.assign(raw_name);
  else c.path = cp437_to_utf8(raw_name);
  std::replace(c.path.begin(), c.path.end(), '\\', '/');
  m_buf.clear();
  m_cur = std::move(c);
  m_in_entry = true;
  m_state = State::Data;

  const bool dir = !m_cur.path.empty() && m_cur.path.back() == '/';
  m_cur.junk = dir || is_junk(m_cur.path);
  const bool stored = m_cur.method == 0, deflate = m_cur.method == 8;
  if (m_cur.junk) {
    // still consumed properly: by size when known, else by inflating (deflate) or scanning (stored)
  } else if (m_cur.flags & 1) {
    entry_error(entry_message("zip.encrypted", "chiffrée, non lue", "encrypted, not read"));
  } else if (!stored && !deflate) {
    entry_error(entry_message("zip.method",
                              "méthode de compression " + to_str(m_cur.method) + " non prise en charge (seules « stockée » et « deflate » le sont)",
                              "compression method " + to_str(m_cur.method) + " not supported (only stored and deflate are)"));
  } else if (m_sink) {
    list_entry();
    m_cur.deliver = m_sink->begin_entry(m_cur.path, m_cur.sizes_known ? m_cur.usize : 0);
    m_sink_open = m_cur.deliver;
  } else {
    list_entry();
    ParseOptions o;
    o.file_name = m_cur.path;
    o.total_bytes = m_cur.sizes_known ? m_cur.usize : 0;
    o.time_zone = m_opts.time_zone;
    o.archive = m_opts.archive;
    o.nesting = m_opts.nesting + 1;
    m_session = std::make_unique<Session>(std::move(o));
    m_cur.deliver = true;
  }

  const bool can_decode = stored || deflate;
  if (!m_cur.deliver && m_cur.sizes_known && (m_cur.junk || m_cur.failed)) {
    m_cur.mode = Mode::Skip;
    m_remaining = m_cur.csize;
  } else if (!can_decode || (m_cur.flags & 1)) {
    // unknown size and no way to find the end of the data: the rest of the archive cannot be read
    stop_archive(m_cur.offset);
    return;
  } else if (deflate) {
    m_cur.mode = Mode::Inflate;
    m_remaining = m_cur.sizes_known ? m_cur.csize : 0;
    if (!m_z_init) {
      if (inflateInit2(&m_z, -15) != Z_OK) throw std::bad_alloc();
      m_z_init = true;
    } else {
      inflateReset(&m_z);
    }
    if (m_out.empty()) m_out.resize(k_out_buffer);
  } else if (m_cur.sizes_known) {
    m_cur.mode = Mode::Stored;
    m_remaining = m_cur.csize;
  } else {
    m_cur.mode = Mode::Scan;
    m_scan.clear();
  }
  if ((m_cur.mode == Mode::Stored || m_cur.mode == Mode::Skip) && m_remaining == 0) end_data();
}

size_t ZipParser::data_step(const uint8_t* p, size_t n, bool at_end) {
  switch (m_cur.mode) {
    case Mode::Stored:
    case Mode::Skip: {
      const size_t take = size_t(std::min<uint64_t>(n, m_remaining));
      m_remaining -= take;
      if (m_cur.mode == Mode::Stored) {
        m_cur.in += take;
        emit(p, take);
      }
      if (m_remaining == 0 && m_state == State::Data) end_data();
      return take;
    }
    case Mode::Inflate: return inflate_step(p, n);
    case Mode::Scan: return scan_step(p, n, at_end);
  }
  return n;
}

size_t ZipParser::inflate_step(const uint8_t* p, size_t n) {
  const size_t avail = m_cur.sizes_known ? size_t(std::min<uint64_t>(n, m_remaining)) : n;
  m_z.next_in = const_cast<Bytef*>(p);
  m_z.avail_in = uInt(std::min<size_t>(avail, 1u << 30));
  const size_t offered = m_z.avail_in;
  int ret = Z_OK;
  for (;;) {
    m_z.next_out = m_out.data();
    m_z.avail_out = uInt(m_out.size());
    const size_t before_in = m_z.avail_in;
    ret = inflate(&m_z, Z_NO_FLUSH);
    const size_t produced = m_out.size() - m_z.avail_out;
    const size_t consumed = before_in - m_z.avail_in;
    m_cur.in += consumed;  // m_cur.in and m_remaining move together, before emit() may change the mode
    if (m_cur.sizes_known) m_remaining -= std::min<uint64_t>(m_remaining, consumed);
    if (produced && !emit(m_out.data(), produced)) {
      // a limit stopped the entry: its compressed bytes left are skipped (known size) or the archive stopped
      if (m_state == State::Data && m_cur.mode == Mode::Skip && m_remaining == 0) end_data();
      return offered - m_z.avail_in;
    }
    if (ret != Z_OK) break;                                // end, error, or no progress possible
    if (m_z.avail_in == 0 && m_z.avail_out != 0) break;   // wants more input
  }
  const size_t used = offered - m_z.avail_in;
  if (ret == Z_STREAM_END) {
    if (m_cur.sizes_known && m_remaining > 0) {  // bytes after the deflate stream, inside the entry
      m_cur.mode = Mode::Skip;
      m_cur.in += m_remaining;
      return used;
    }
    end_data();
    return used;
  }
  if (ret == Z_DATA_ERROR || ret == Z_NEED_DICT || ret == Z_MEM_ERROR || ret == Z_STREAM_ERROR) {
    const std::string why = m_z.msg ? m_z.msg : "zlib";
    entry_error(entry_message("zip.inflate", "données compressées invalides (" + why + ")",
                              "invalid compressed data (" + why + ")"));
    stop_entry_or_archive();
    if (m_state == State::Data && m_cur.mode == Mode::Skip && m_remaining == 0) end_data();
    return used;
  }
  if (m_cur.sizes_known && m_remaining == 0) {
    entry_error(entry_message("zip.inflate", "flux deflate incomplet à la fin de sa taille déclarée",
                              "deflate stream incomplete at the end of its declared size"));
    end_data();
  }
  return used;
}

// Stored entry whose size only its data descriptor gives: the data ends at a "PK\7\8" followed by the
// CRC and sizes of exactly the bytes before it.
size_t ZipParser::scan_step(const uint8_t* p, size_t n, bool at_end) {
  const size_t old = m_scan.size();
  const size_t take = std::min(n, k_scan_step);
  if (take) m_scan.append(reinterpret_cast<const char*>(p), take);
  auto out = [&](size_t k) {  // data bytes before any candidate; false when a limit stopped the entry
    m_cur.in += k;
    const bool go_on = emit(reinterpret_cast<const uint8_t*>(m_scan.data()), k);
    if (!go_on) m_scan.clear();
    return go_on;
  };
  const uint8_t* s = reinterpret_cast<const uint8_t*>(m_scan.data());
  size_t from = 0;
  for (;;) {
    size_t i = m_scan.find("PK\x07\x08", from);
    if (i == std::string::npos) {
      const size_t keep = at_end ? 0 : std::min<size_t>(3, m_scan.size());
      if (out(m_scan.size() - keep)) m_scan.erase(0, m_scan.size() - keep);
      return take;
    }
    if (m_scan.size() - i < 24 && !at_end) {  // the candidate needs its descriptor bytes: wait
      if (out(i)) m_scan.erase(0, i);
      return take;
    }
    const uint32_t crc = uint32_t(crc32(m_cur.crc, s, uInt(i)));
    const uint64_t size = m_cur.out + i;
    const size_t have = m_scan.size() - i;
    const bool m32 = have >= 16 && rd32(s + i + 4) == crc && rd32(s + i + 8) == uint32_t(size) && rd32(s + i + 12) == uint32_t(size);
    const bool m64 = have >= 24 && rd32(s + i + 4) == crc && rd64(s + i + 8) == size && rd64(s + i + 16) == size;
    if (m32 || m64) {
      if (!out(i)) return take;
      // descriptor bytes already taken go to m_buf (at most 23 of them came from earlier calls); the
      // rest is given back to the caller
      const size_t rest = m_scan.size() - i;
      const size_t from_old = old > i ? old - i : 0;
      m_buf.assign(m_scan, i, from_old);
      m_scan.clear();
      m_state = State::Descriptor;
      return take - (rest - from_old);
    }
    from = i + 1;
  }
}

bool ZipParser::emit(const uint8_t* p, size_t n) {
  if (!n) return true;
  m_cur.out += n;
  m_total_out += n;
  const ArchiveLimits& lim = m_opts.archive;
  {
    if (m_total_out > lim.max_total) {
      entry_error(entry_message("zip.bomb_total",
                                "l'archive dépasse " + mio(lim.max_total) + " décompressés au total : lecture arrêtée (archive piège ?)",
                                "the archive inflates to more than " + mib(lim.max_total) + " in total: reading stopped (zip bomb?)"));
      stop_archive(m_cur.offset);
      return false;
    }
    if (m_cur.sizes_known && m_cur.out > m_cur.usize && !m_cur.failed) {
      entry_error(entry_message("zip.bomb_size",
                                "se décompresse au-delà de sa taille déclarée (" + to_str(m_cur.usize) + " octets) : entrée arrêtée (archive piège ?)",
                                "inflates beyond its declared size (" + to_str(m_cur.usize) + " bytes): entry stopped (zip bomb?)"));
      stop_entry_or_archive();
      return false;
    }
    if (m_cur.out > lim.ratio_floor && m_cur.out / std::max<uint64_t>(m_cur.in, 1) > lim.max_ratio && !m_cur.failed) {
      entry_error(entry_message("zip.bomb_ratio",
                                "taux de compression supérieur à " + to_str(lim.max_ratio) + ":1 au-delà de " + mio(lim.ratio_floor) +
                                    " : entrée arrêtée (archive piège ?)",
                                "compression ratio above " + to_str(lim.max_ratio) + ":1 beyond " + mib(lim.ratio_floor) +
                                    ": entry stopped (zip bomb?)"));
      stop_entry_or_archive();
      return false;
    }
  }
  for (size_t done = 0; done < n;) {
    const size_t k = std::min<size_t>(n - done, 1u << 30);
    m_cur.crc = uint32_t(crc32(m_cur.crc, p + done, uInt(k)));
    done += k;
  }
  if (m_cur.deliver && m_session) {
    m_session->feed(std::span<const uint8_t>(p, n));
  } else if (m_cur.deliver && m_sink_open) {
    m_sink->entry_bytes(std::span<const uint8_t>(p, n));
  }
  return true;
}

// After an entry error inside its data: skip to its end when its size is known, else stop the archive.
void ZipParser::stop_entry_or_archive() {
  if (m_cur.sizes_known) {
    m_cur.mode = Mode::Skip;
    m_remaining = m_cur.csize > m_cur.in ? m_cur.csize - m_cur.in : 0;
    m_cur.in = m_cur.csize;
  } else {
    stop_archive(m_cur.offset);
  }
}

void ZipParser::stop_archive(uint64_t at) {
  if (m_in_entry && !m_cur.junk && !m_cur.failed)
    entry_error(entry_message("zip.undecidable", "fin des données introuvable sans lire l'entrée", "end of data cannot be found without reading the entry"));
  m_session.reset();
  if (m_sink_open) {
    m_sink_open = false;
    m_sink->end_entry(false);
  }
  m_in_entry = false;
  m_state = State::Done;
  m_stopped = true;
  diag.warn(make_message("zip.stopped",
                         "Lecture de l'archive arrêtée à l'entrée de l'octet " + to_str(at) + " : les entrées suivantes ne sont pas lues",
                         "Archive reading stopped at the entry at byte " + to_str(at) + ": later entries are not read", at, 0));
}

void ZipParser::end_data() {
  if (m_cur.flags & 8) {
    m_state = State::Descriptor;
    return;
  }
  m_state = State::Signature;
  end_entry(m_cur.crc_declared, m_cur.csize, m_cur.usize);
}

// Descriptor: [PK\7\8] CRC, compressed, size — 32-bit sizes, or 64-bit for ZIP64 entries. Which layout
// is the one whose values match what was read and that is followed by a record signature (or the end).
bool ZipParser::descriptor_step(bool at_end) {
  const uint8_t* d = buf();
  const size_t have = m_buf.size();
  const size_t base = have >= 4 && rd32(d) == k_sig_descriptor ? 4 : 0;
  auto fits = [&](size_t sizes) {
    const size_t len = base + 4 + 2 * sizes;
    if (have < len) return false;
    return have >= len + 4 ? is_record_signature(rd32(d + len)) : at_end && have == len;
  };
  auto matches = [&](size_t sizes) {
    const size_t len = base + 4 + 2 * sizes;
    if (have < len) return false;
    const uint64_t c = sizes == 4 ? rd32(d + base + 4) : rd64(d + base + 4);
    const uint64_t u = sizes == 4 ? rd32(d + base + 8) : rd64(d + base + 12);
    const uint64_t mask = sizes == 4 ? 0xFFFFFFFFull : ~0ull;
    return rd32(d + base) == m_cur.crc && c == (m_cur.in & mask) && u == (m_cur.out & mask);
  };
  size_t sizes;
  if (matches(8) && fits(8) && (m_cur.zip64 || !(matches(4) && fits(4)))) sizes = 8;
  else if (matches(4) && fits(4)) sizes = 4;
  else if (fits(8) && (m_cur.zip64 || !fits(4))) sizes = 8;
  else if (fits(4)) sizes = 4;
  else if (have >= base + 12 && !m_cur.zip64) sizes = 4;
  else if (have >= base + 20) sizes = 8;
  else return false;  // cut inside the descriptor: finish() reports the truncation
  const size_t len = base + 4 + 2 * sizes;
  const uint32_t crc = rd32(d + base);
  const uint64_t c = sizes == 4 ? rd32(d + base + 4) : rd64(d + base + 4);
  const uint64_t u = sizes == 4 ? rd32(d + base + 8) : rd64(d + base + 12);
  m_buf.erase(0, len);  // what follows is the start of the next record
  m_state = State::Signature;
  end_entry(crc, c, u);
  if (m_buf.size() >= 4 && m_state == State::Signature) on_signature();
  return true;
}

void ZipParser::end_entry(uint32_t crc, uint64_t csize, uint64_t usize) {
  if (m_cur.listed) {
    EntryResult& e = m_entries[m_cur.index];
    e.compressed = csize;
    e.size = usize;
  }
  const bool verified = m_cur.mode != Mode::Skip;  // skipped data was not read, so not checked
  if (verified && !m_cur.failed && !m_cur.junk) {
    if (crc != m_cur.crc) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%08X, calculé %08X", unsigned(crc), unsigned(m_cur.crc));
      std::string fr = std::string("CRC-32 incorrect (déclaré ") + buf + ") : données corrompues, entrée ignorée";
      std::snprintf(buf, sizeof buf, "%08X, computed %08X", unsigned(crc), unsigned(m_cur.crc));
      std::string en = std::string("CRC-32 mismatch (declared ") + buf + "): corrupted data, entry dropped";
      entry_error(entry_message("zip.crc", fr, en));
    } else if (m_cur.out != usize) {
      entry_error(entry_message("zip.size", "taille " + to_str(m_cur.out) + " au lieu des " + to_str(usize) + " octets déclarés",
                                "size " + to_str(m_cur.out) + " instead of the declared " + to_str(usize) + " bytes"));
    }
  }
  close_entry();
  ++m_completed;
  m_in_entry = false;
}


// Moves the entry's tables into ours, classifies the entry, and pulls up the entries of a nested ZIP.
void ZipParser::close_entry() {
  if (m_sink_open) {
    m_sink_open = false;
    m_sink->end_entry(true);
    return;
  }
  if (!m_session) return;
  std::unique_ptr<Session> s = std::move(m_session);
  m_rows_done += absorb_entry_session(*s, m_cur.index, m_entries, tables, m_names);
}

void ZipParser::finish() {
  const uint64_t end = m_pos;
  m_step_taken = 0;
  // an archive that ends right after a descriptor, or a stored entry found by scanning
  if (m_state == State::Data && m_cur.mode == Mode::Scan) scan_step(nullptr, 0, true);
  if (m_state == State::Descriptor) descriptor_step(true);
  const bool cut = m_state != State::Done && !(m_state == State::Signature && m_buf.empty());
  const bool no_central = m_state == State::Signature && m_buf.empty() && !m_central && (m_completed > 0 || !m_entries.empty());
  if (cut && m_in_entry && !m_cur.junk) {
    if (!m_cur.failed)
      entry_error(entry_message("zip.truncated_entry", "incomplète, l'archive s'arrête à l'octet " + to_str(end),
                                "incomplete, the archive ends at byte " + to_str(end)));
    m_session.reset();
  }
  m_state = State::Done;
  if (!m_stopped && (cut || no_central)) {
    Message m = make_message("zip.truncated",
                             "Archive tronquée à l'octet " + to_str(end) + " : les entrées suivantes manquent",
                             "Archive truncated at byte " + to_str(end) + ": later entries are missing", end, 0);
    if (m_completed == 0 && !no_central) {
      diag.fail(std::move(m));
      return;
    }
    diag.warn(std::move(m));
  }
  size_t ok = 0, skipped = 0, errors = 0;
  for (const EntryResult& e : m_entries) {
    if (e.status == "ok") ++ok;
    else if (e.status == "skipped") ++skipped;
    else ++errors;
  }
  Message m = make_message("zip.summary",
                           "Archive : " + to_str(m_entries.size()) + " entrée(s), " + to_str(ok) + " lue(s), " + to_str(skipped) +
                               " ignorée(s), " + to_str(errors) + " en erreur",
                           "Archive: " + to_str(m_entries.size()) + " entr" + (m_entries.size() == 1 ? "y" : "ies") + ", " +
                               to_str(ok) + " read, " + to_str(skipped) + " skipped, " + to_str(errors) + " with errors");
  m.info = true;
  diag.warn(std::move(m));
}

}  // namespace

uint64_t absorb_entry_session(Session& s, size_t index, std::vector<EntryResult>& entries, std::vector<Table>& tables,
                              std::unordered_set<std::string>& names) {
  auto unique_name = [&](const std::string& n) {
    if (names.insert(n).second) return n;
    for (int k = 2;; ++k) {
      std::string c = n + "_" + std::to_string(k);
      if (names.insert(c).second) return c;
    }
  };
  s.finish();
  const std::string path = entries[index].path;
  EntryResult& e = entries[index];
  e.format = s.format();
  e.encoding = s.encoding();
  const Diagnostics& d = s.diagnostics();
  if (d.failed && (d.error.code == "format.unknown" || d.error.code == "format.empty" || d.error.code == "zip.too_deep")) {
    e.status = "skipped";
    e.diag = d;
    e.diag.failed = false;
    Message m = d.error;
    m.info = true;
    e.diag.warnings.insert(e.diag.warnings.begin(), std::move(m));
    e.diag.error = Message();
    return 0;
  }
  e.diag = d;
  if (d.failed) {
    e.status = "error";
    return 0;
  }
  e.status = "ok";
  e.first_table = tables.size();
  std::vector<Table>& ts = s.tables();
  for (Table& t : ts) {
    t.entry = t.entry.empty() ? path : path + "/" + t.entry;
    t.name = unique_name(t.name.empty() ? table_name_from_path(path, "table") : t.name);
    e.rows += t.rows();
    tables.push_back(std::move(t));
  }
  e.table_count = tables.size() - e.first_table;
  const uint64_t rows = e.rows;
  const size_t first = e.first_table;
  for (const EntryResult& inner : s.entries()) {
    EntryResult c = inner;
    c.path = path + "/" + inner.path;
    c.first_table += first;
    entries.push_back(std::move(c));
  }
  return rows;
}

std::unique_ptr<Parser> zip_create(const ParseOptions& opts) { return std::make_unique<ZipParser>(opts); }

std::unique_ptr<Parser> zip_create_with_sink(const ParseOptions& opts, ZipEntrySink* sink) {
  return std::make_unique<ZipParser>(opts, sink);
}

}  // namespace sdw
