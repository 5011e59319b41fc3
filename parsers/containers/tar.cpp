// TAR / gzip reader, streaming: gzip members are inflated in turn (zlib, windowBits 31, reset after each
// member's end), the inflated bytes go through the tar state machine (512-byte headers, data, padding).
// A gzip whose content is not a tar is one file: its bytes go to one nested Session named after the file
// without ".gz". Bomb guards: ArchiveLimits.max_total on inflated bytes, max_ratio beyond ratio_floor.
// Truncated input keeps the entries read whole and says where it stopped.
#include "parsers/containers/tar.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <unordered_set>

#include "parsers/core/encoding.h"
#include "parsers/containers/zip.h"

namespace sdw {

namespace {

std::string str(uint64_t v) { return std::to_string(v); }

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char a = s[s.size() - suffix.size() + i];
    if (a >= 'A' && a <= 'Z') a = char(a - 'A' + 'a');
    if (a != suffix[i]) return false;
  }
  return true;
}

// Octal field (NUL/space padded), or GNU base-256 when the high bit of the first byte is set.
bool tar_number(const char* p, size_t n, uint64_t& out) {
  out = 0;
  if (n && (uint8_t(p[0]) & 0x80)) {
    for (size_t i = 1; i < n; ++i) out = out << 8 | uint8_t(p[i]);
    return true;
  }
  size_t i = 0;
  while (i < n && p[i] == ' ') ++i;
  bool any = false;
  for (; i < n && p[i] >= '0' && p[i] <= '7'; ++i) { out = out * 8 + uint64_t(p[i] - '0'); any = true; }
  return any || (i < n && (p[i] == 0 || p[i] == ' '));
}

std::string field(const char* p, size_t n) { return std::string(p, strnlen(p, n)); }

bool header_checksum_ok(const char* h) {
  uint64_t want;
  if (!tar_number(h + 148, 8, want)) return false;
  uint64_t sum = 0;
  for (size_t i = 0; i < 512; ++i) sum += (i >= 148 && i < 156) ? uint8_t(' ') : uint8_t(h[i]);
  return sum == want;
}

}  // namespace

int tar_detect(std::string_view head, std::string_view file_name) {
  if (head.size() >= 3 && uint8_t(head[0]) == 0x1F && uint8_t(head[1]) == 0x8B && head[2] == 8) return 92;
  if (head.size() >= 512 && head.compare(257, 5, "ustar") == 0 && header_checksum_ok(head.data())) return 92;
  if (head.size() >= 512 && ends_with_ci(file_name, ".tar") && header_checksum_ok(head.data())) return 92;
  return 0;
}

namespace {

class TarParser final : public Parser {
 public:
  explicit TarParser(const ParseOptions& o) : m_opts(o) {}
  ~TarParser() override {
    if (m_z_init) inflateEnd(&m_z);
  }

  void feed(std::span<const uint8_t> chunk) override {
    if (m_stopped) return;
    if (!m_decided) {
      m_decided = true;
      m_gzip = chunk.size() >= 2 && chunk[0] == 0x1F && chunk[1] == 0x8B;
      if (m_gzip) {
        if (inflateInit2(&m_z, 31) != Z_OK) throw std::bad_alloc();
        m_z_init = true;
        m_out.resize(256 * 1024);
      }
    }
    if (!m_gzip) { tar_bytes(chunk.data(), chunk.size()); return; }
    m_in_total += chunk.size();
    m_z.next_in = const_cast<Bytef*>(chunk.data());
    m_z.avail_in = uInt(chunk.size());
    while (m_z.avail_in > 0 && !m_stopped) {
      if (m_member_done) {  // another gzip member follows (or trailing zeros)
        if (m_z.next_in[0] == 0) { m_z.avail_in = 0; break; }
        inflateReset(&m_z);
        m_member_done = false;
      }
      m_z.next_out = m_out.data();
      m_z.avail_out = uInt(m_out.size());
      const int ret = inflate(&m_z, Z_NO_FLUSH);
      const size_t produced = m_out.size() - m_z.avail_out;
      if (produced) tar_bytes(m_out.data(), produced);
      if (ret == Z_STREAM_END) { m_member_done = true; ++m_members; continue; }
      if (ret != Z_OK && ret != Z_BUF_ERROR) {
        const std::string why = m_z.msg ? m_z.msg : "zlib";
        stop(make_message("tar.gzip", "Données gzip invalides (" + why + ") : lecture arrêtée", "Invalid gzip data (" + why + "): reading stopped"));
        return;
      }
      if (produced == 0 && ret == Z_BUF_ERROR) break;
    }
  }

  void finish() override;
  uint64_t rows_so_far() const override { return m_rows_done + (m_session ? m_session->rows_so_far() : 0); }
  const std::vector<EntryResult>* entries() const override { return m_single ? nullptr : &m_entries; }
  const char* encoding() const override { return m_single && m_session ? m_session->encoding() : nullptr; }

 private:
  enum class State { Header, Data, Padding, End };

  void stop(Message m) {
    if (m_session && m_in_entry) entry_error(make_message("tar.entry_stopped", "entrée interrompue", "entry interrupted"));
    m_stopped = true;
    diag.warn(std::move(m));
  }

  bool limits(uint64_t more) {
    m_total_out += more;
    const ArchiveLimits& lim = m_opts.archive;
    if (m_total_out > lim.max_total || (m_gzip && m_total_out > lim.ratio_floor && m_total_out / std::max<uint64_t>(m_in_total, 1) > lim.max_ratio)) {
      stop(make_message("tar.bomb", "L'archive se décompresse au-delà des limites (archive piège ?) : lecture arrêtée",
                        "The archive inflates beyond the limits (bomb?): reading stopped"));
      return false;
    }
    return true;
  }

  void tar_bytes(const uint8_t* p, size_t n) {
    if (!limits(n)) return;
    while (n && !m_stopped) {
      if (m_single) {  // a gzip of one file
        m_session->feed(std::span<const uint8_t>(p, n));
        return;
      }
      switch (m_state) {
        case State::Header: {
          const size_t take = std::min(n, 512 - m_hdr.size());
          m_hdr.append(reinterpret_cast<const char*>(p), take);
          p += take; n -= take; m_pos += take;
          if (m_hdr.size() == 512) on_header();
          break;
        }
        case State::Data: {
          const size_t take = size_t(std::min<uint64_t>(n, m_left));
          if (m_meta) m_meta_buf.append(reinterpret_cast<const char*>(p), std::min<size_t>(take, 65536 - std::min<size_t>(m_meta_buf.size(), 65536)));
          else if (m_session) m_session->feed(std::span<const uint8_t>(p, take));
          p += take; n -= take; m_pos += take; m_left -= take;
          if (m_left == 0) end_data();
          break;
        }
        case State::Padding: {
          const size_t take = size_t(std::min<uint64_t>(n, m_left));
          p += take; n -= take; m_pos += take; m_left -= take;
          if (m_left == 0) m_state = State::Header;
          break;
        }
        case State::End: return;
      }
    }
  }

  void on_header() {
    const char* h = m_hdr.data();
    const uint64_t at = m_pos - 512;
    bool zero = true;
    for (size_t i = 0; i < 512; ++i) if (h[i]) { zero = false; break; }
    if (zero) {  // end-of-archive blocks
      m_hdr.clear();
      if (++m_zero_blocks >= 2) m_state = State::End;
      return;
    }
    if (!header_checksum_ok(h)) {
      if (m_headers == 0 && m_gzip) {  // not a tar: a gzip of one file
        start_single();
        std::string first = std::move(m_hdr);
        m_hdr.clear();
        m_session->feed(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(first.data()), first.size()));
        return;
      }
      m_hdr.clear();
      if (m_headers == 0) {
        diag.fail(make_message("tar.not_tar", "Ce n'est pas une archive TAR lisible", "Not a readable TAR archive"));
        m_stopped = true;
        return;
      }
      stop(make_message("tar.bad_header", "En-tête TAR invalide à l'octet " + str(at) + " : les entrées suivantes ne sont pas lues",
                        "Invalid TAR header at byte " + str(at) + ": later entries are not read"));
      return;
    }
    ++m_headers;
    uint64_t size = 0;
    tar_number(h + 124, 12, size);
    const char type = h[156];
    std::string name = field(h, 100);
    if (std::memcmp(h + 257, "ustar", 5) == 0) {
      std::string prefix = field(h + 345, 155);
      if (!prefix.empty()) name = prefix + "/" + name;
    }
    m_hdr.clear();
    m_left = size;
    m_pad = (512 - size % 512) % 512;
    m_meta = type == 'L' || type == 'x' || type == 'g';
    m_meta_type = type;
    m_meta_buf.clear();
    if (!m_meta) {
      if (!m_long_name.empty()) name = std::move(m_long_name);
      if (!m_pax_path.empty()) name = std::move(m_pax_path);
      m_long_name.clear();
      m_pax_path.clear();
      while (name.rfind("./", 0) == 0) name.erase(0, 2);
      // ustar names carry no encoding (pax path= is UTF-8): a name that is not UTF-8 was written on a
      // Windows-1252 / Latin-1 system; read it so, byte by byte, as the text parsers do (found by fuzz_container)
      if (!is_valid_utf8(name)) {
        std::string utf8;
        Transcoder tc(Encoding::Windows1252);
        tc.feed(name, utf8);
        tc.finish(utf8);
        name = std::move(utf8);
      }
      const bool regular = type == '0' || type == 0 || type == '7';
      const bool junk = name.rfind("__MACOSX/", 0) == 0 || name.find("/._") != std::string::npos || name.rfind("._", 0) == 0 ||
                        (name.size() >= 9 && name.compare(name.size() - 9, 9, ".DS_Store") == 0);
      if (regular && !junk && !name.empty()) {
        EntryResult e;
        e.path = name;
        e.offset = at;
        e.size = size;
        e.status = "ok";
        m_index = m_entries.size();
        m_entries.push_back(std::move(e));
        ParseOptions o;
        o.file_name = name;
        o.total_bytes = size;
        o.time_zone = m_opts.time_zone;
        o.archive = m_opts.archive;
        o.nesting = m_opts.nesting + 1;
        m_session = std::make_unique<Session>(std::move(o));
        m_in_entry = true;
      }
    }
    m_state = State::Data;
    if (m_left == 0) end_data();
  }

  void end_data() {
    if (m_meta) {
      if (m_meta_type == 'L') m_long_name = std::string(m_meta_buf.c_str());
      else if (m_meta_type == 'x') {  // "len key=value\n" records
        size_t i = 0;
        while (i < m_meta_buf.size()) {
          const size_t sp = m_meta_buf.find(' ', i), nl = m_meta_buf.find('\n', i);
          if (sp == std::string::npos || nl == std::string::npos) break;
          const std::string kv = m_meta_buf.substr(sp + 1, nl - sp - 1);
          if (kv.rfind("path=", 0) == 0) m_pax_path = kv.substr(5);
          i = nl + 1;
        }
      }
      m_meta = false;
    } else if (m_session) {
      m_in_entry = false;
      std::unique_ptr<Session> s = std::move(m_session);
      m_rows_done += absorb_entry_session(*s, m_index, m_entries, tables, m_names);
    }
    m_left = m_pad;
    m_state = m_left ? State::Padding : State::Header;
  }

  void start_single() {
    m_single = true;
    std::string name = m_opts.file_name;
    if (ends_with_ci(name, ".gz")) name.resize(name.size() - 3);
    ParseOptions o = m_opts;
    o.file_name = name;
    m_session = std::make_unique<Session>(std::move(o));
  }

  void entry_error(Message m) {
    EntryResult& e = m_entries[m_index];
    if (m_session) {
      e.format = m_session->format();
      m_session.reset();
    }
    e.status = "error";
    e.diag.fail(make_message(m.code, "Entrée « " + e.path + " » : " + m.fr, "Entry \"" + e.path + "\": " + m.en));
    m_in_entry = false;
  }

  ParseOptions m_opts;
  bool m_decided = false, m_gzip = false, m_single = false, m_stopped = false;
  z_stream m_z{};
  bool m_z_init = false, m_member_done = false;
  uint64_t m_members = 0, m_in_total = 0, m_total_out = 0;
  std::vector<uint8_t> m_out;
  State m_state = State::Header;
  std::string m_hdr, m_meta_buf, m_long_name, m_pax_path;
  bool m_meta = false;
  char m_meta_type = 0;
  uint64_t m_pos = 0, m_left = 0, m_pad = 0, m_headers = 0, m_zero_blocks = 0;
  std::unique_ptr<Session> m_session;
  bool m_in_entry = false;
  size_t m_index = 0;
  std::vector<EntryResult> m_entries;
  std::unordered_set<std::string> m_names;
  uint64_t m_rows_done = 0;
};

void TarParser::finish() {
  if (m_gzip && !m_single && m_headers == 0 && m_entries.empty() && !m_hdr.empty() && !m_stopped) {  // a gzip'd file under 512 bytes
    std::string first = std::move(m_hdr);
    m_hdr.clear();
    start_single();
    m_session->feed(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(first.data()), first.size()));
  }
  if (m_single) {  // a gzip of one file: its parser's result is ours
    if (m_session) {
      m_session->finish();
      tables = std::move(m_session->tables());
      const Diagnostics& d = m_session->diagnostics();
      for (const Message& w : d.warnings) diag.warn(w);
      if (d.failed) diag.fail(d.error);
    }
    if (m_gzip && !m_member_done && !m_stopped)
      diag.warn(make_message("tar.truncated", "Fichier gzip tronqué : seul le début est lu", "Truncated gzip file: only its beginning is read"));
    return;
  }
  if (diag.failed) return;
  const bool gzip_cut = m_gzip && !m_member_done && !m_stopped;
  const bool tar_cut = !m_stopped && (m_state == State::Data || m_state == State::Padding || !m_hdr.empty());
  if (m_in_entry && m_session) entry_error(make_message("tar.truncated_entry", "incomplète, l'archive s'arrête avant sa fin", "incomplete, the archive ends before its end"));
  if ((gzip_cut || tar_cut) && !m_stopped)
    diag.warn(make_message("tar.truncated", "Archive tronquée à l'octet " + str(m_pos) + " (données décompressées) : les entrées complètes sont gardées",
                           "Archive truncated at byte " + str(m_pos) + " (inflated data): complete entries are kept", m_pos, 0));
  if (m_headers == 0 && m_entries.empty() && !m_stopped) {
    diag.fail(make_message("tar.empty", "Archive TAR vide ou illisible", "Empty or unreadable TAR archive"));
    return;
  }
  size_t ok = 0, skipped = 0, errors = 0;
  for (const EntryResult& e : m_entries) (e.status == "ok" ? ok : e.status == "skipped" ? skipped : errors)++;
  Message m = make_message("tar.summary",
                           "Archive : " + str(m_entries.size()) + " entrée(s), " + str(ok) + " lue(s), " + str(skipped) + " ignorée(s), " +
                               str(errors) + " en erreur",
                           "Archive: " + str(m_entries.size()) + " entries, " + str(ok) + " read, " + str(skipped) + " skipped, " +
                               str(errors) + " with errors");
  m.info = true;
  diag.warn(std::move(m));
}

}  // namespace

std::unique_ptr<Parser> tar_create(const ParseOptions& opts) { return std::make_unique<TarParser>(opts); }

}  // namespace sdw
