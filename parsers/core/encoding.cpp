// Encoding guess and streaming transcoding to UTF-8 (UTF-8, UTF-8 BOM, UTF-16LE/BE, Windows-1252),
// with the source-offset map the parsers use to report byte offsets in the user's file.
// Does not own: deciding whether text is a given format.
#include "parsers/core/encoding.h"

#include <algorithm>

namespace sdw {

const char* encoding_name(Encoding e) {
  switch (e) {
    case Encoding::Utf8: return "utf-8";
    case Encoding::Utf8Bom: return "utf-8-bom";
    case Encoding::Utf16Le: return "utf-16le";
    case Encoding::Utf16Be: return "utf-16be";
    case Encoding::Windows1252: return "windows-1252";
  }
  return "?";
}

namespace {

const uint16_t k_cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88-8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98-9F
};

enum class Seq { Valid, Invalid, Incomplete };

// Validates one UTF-8 sequence whose lead byte (>= 0x80) is at p.
inline Seq check_utf8(const uint8_t* p, const uint8_t* e, size_t& len) {
  uint8_t b = p[0];
  uint8_t lo = 0x80, hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) len = 2;
  else if (b >= 0xE0 && b <= 0xEF) { len = 3; if (b == 0xE0) lo = 0xA0; else if (b == 0xED) hi = 0x9F; }
  else if (b >= 0xF0 && b <= 0xF4) { len = 4; if (b == 0xF0) lo = 0x90; else if (b == 0xF4) hi = 0x8F; }
  else return Seq::Invalid;
  for (size_t i = 1; i < len; ++i) {
    if (p + i >= e) return Seq::Incomplete;
    uint8_t c = p[i];
    if (i == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) return Seq::Invalid;
  }
  return Seq::Valid;
}

}  // namespace

uint32_t cp1252_to_unicode(uint8_t b) {
  if (b >= 0x80 && b < 0xA0) return k_cp1252_high[b - 0x80];
  return b;
}

void append_utf8(std::string& out, uint32_t cp) {
  char buf[4];
  size_t n;
  if (cp < 0x80) { buf[0] = char(cp); n = 1; }
  else if (cp < 0x800) { buf[0] = char(0xC0 | (cp >> 6)); buf[1] = char(0x80 | (cp & 0x3F)); n = 2; }
  else if (cp < 0x10000) {
    buf[0] = char(0xE0 | (cp >> 12)); buf[1] = char(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = char(0x80 | (cp & 0x3F)); n = 3;
  } else {
    buf[0] = char(0xF0 | (cp >> 18)); buf[1] = char(0x80 | ((cp >> 12) & 0x3F));
    buf[2] = char(0x80 | ((cp >> 6) & 0x3F)); buf[3] = char(0x80 | (cp & 0x3F)); n = 4;
  }
  out.append(buf, n);
}

// [SECTION] guess

EncodingGuess guess_encoding(std::string_view head, bool complete) {
  EncodingGuess g;
  const auto* p = reinterpret_cast<const uint8_t*>(head.data());
  const size_t n = head.size();
  if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
    g.encoding = Encoding::Utf8Bom; g.bom_len = 3;
  } else if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
    g.encoding = Encoding::Utf16Le; g.bom_len = 2;
    return g;
  } else if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
    g.encoding = Encoding::Utf16Be; g.bom_len = 2;
    return g;
  } else if (n >= 4) {
    // UTF-16 without BOM: text in Latin scripts has a NUL in (nearly) every other byte
    size_t pairs = std::min<size_t>(n, 4096) / 2, even0 = 0, odd0 = 0;
    for (size_t i = 0; i < pairs; ++i) { even0 += p[2 * i] == 0; odd0 += p[2 * i + 1] == 0; }
    if (odd0 * 10 > pairs * 7 && even0 * 20 < pairs) { g.encoding = Encoding::Utf16Le; return g; }
    if (even0 * 10 > pairs * 7 && odd0 * 20 < pairs) { g.encoding = Encoding::Utf16Be; return g; }
  }
  size_t controls = 0;
  bool invalid = false;
  const uint8_t* e = p + n;
  for (const uint8_t* q = p + g.bom_len; q < e;) {
    uint8_t b = *q;
    if (b < 0x80) {
      if (b == 0) g.binary = true;
      else if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x0B && b != 0x1A && b != 0x1B)
        ++controls;
      ++q;
      continue;
    }
    size_t len = 1;
    Seq s = check_utf8(q, e, len);
    if (s == Seq::Valid) { q += len; continue; }
    if (s == Seq::Incomplete && !complete) break;
    invalid = true;
    ++q;
  }
  if (controls * 50 > n) g.binary = true;
  if (invalid && g.encoding == Encoding::Utf8) g.encoding = Encoding::Windows1252;
  return g;
}

// [SECTION] transcoder

Transcoder::Transcoder(Encoding e, size_t bom_len)
    : m_enc(e), m_bom_left(bom_len),
      m_ratio(e == Encoding::Utf16Le || e == Encoding::Utf16Be ? 2 : 1) {
  m_marks.reserve(64);
}

uint64_t Transcoder::source_offset(size_t pos) const {
  if (m_marks.empty()) return m_total_in;
  auto it = std::upper_bound(m_marks.begin(), m_marks.end(), pos,
                             [](size_t v, const std::pair<size_t, uint64_t>& m) { return v < m.first; });
  if (it != m_marks.begin()) --it;
  return it->second + uint64_t(pos - it->first) * m_ratio;
}

void Transcoder::fallback(uint8_t b, uint64_t src, std::string& out, size_t base) {
  if (m_fallback++ == 0) m_first_fallback = src;
  append_utf8(out, cp1252_to_unicode(b));
  mark(out.size() - base, src + 1);
}

void Transcoder::invalid(uint64_t src, std::string& out, size_t base) {
  if (m_invalid++ == 0) m_first_invalid = src;
  append_utf8(out, 0xFFFD);
}

void Transcoder::feed(std::string_view in, std::string& out) {
  const auto* p = reinterpret_cast<const uint8_t*>(in.data());
  const uint8_t* e = p + in.size();
  uint64_t start_src = m_total_in - pending_count();
  m_total_in += in.size();
  m_marks.clear();
  if (m_bom_left) {
    size_t k = std::min(m_bom_left, in.size());
    p += k;
    m_bom_left -= k;
    start_src += k;
  }
  const size_t base = out.size();
  mark(0, start_src);
  const uint64_t chunk_src = m_total_in - uint64_t(e - p);  // source offset of p
  switch (m_enc) {
    case Encoding::Utf8:
    case Encoding::Utf8Bom: feed_utf8(p, e, chunk_src, out, base); break;
    case Encoding::Windows1252: feed_cp1252(p, e, chunk_src, out, base); break;
    case Encoding::Utf16Le:
    case Encoding::Utf16Be: feed_utf16(p, e, chunk_src, out, base); break;
  }
}

void Transcoder::feed_utf8(const uint8_t* p, const uint8_t* e, uint64_t src, std::string& out, size_t base) {
  const uint8_t* const begin = p;
  if (m_pend_len) {
    // finish the sequence started in the previous chunk
    uint8_t tmp[8];
    size_t have = m_pend_len;
    std::copy(m_pend, m_pend + have, tmp);
    size_t take = std::min<size_t>(size_t(e - p), 3);
    std::copy(p, p + take, tmp + have);
    size_t len = 1;
    Seq s = check_utf8(tmp, tmp + have + take, len);
    uint64_t pend_src = src - have;
    if (s == Seq::Incomplete) {
      std::copy(p, e, m_pend + have);
      m_pend_len += size_t(e - p);
      return;
    }
    if (s == Seq::Valid) {
      out.append(reinterpret_cast<const char*>(tmp), len);
      p += len - have;
    } else {
      // the lead byte was wrong; the carried bytes are continuation bytes, never valid leads
      for (size_t i = 0; i < have; ++i) fallback(tmp[i], pend_src + i, out, base);
    }
    m_pend_len = 0;
  }
  const uint8_t* seg = p;
  while (p < e) {
    // ASCII fast path, 8 bytes at a time
    while (e - p >= 8) {
      uint64_t w;
      std::copy(p, p + 8, reinterpret_cast<uint8_t*>(&w));
      if (w & 0x8080808080808080ULL) break;
      p += 8;
    }
    while (p < e && *p < 0x80) ++p;
    if (p == e) break;
    size_t len = 1;
    Seq s = check_utf8(p, e, len);
    if (s == Seq::Valid) { p += len; continue; }
    out.append(reinterpret_cast<const char*>(seg), size_t(p - seg));
    if (s == Seq::Incomplete) {
      m_pend_len = size_t(e - p);
      std::copy(p, e, m_pend);
      return;
    }
    fallback(*p, src + uint64_t(p - begin), out, base);
    ++p;
    seg = p;
  }
  out.append(reinterpret_cast<const char*>(seg), size_t(p - seg));
}

void Transcoder::feed_cp1252(const uint8_t* p, const uint8_t* e, uint64_t src, std::string& out, size_t base) {
  const uint8_t* const begin = p;
  while (p < e) {
    const uint8_t* seg = p;
    while (p < e && *p < 0x80) ++p;
    out.append(reinterpret_cast<const char*>(seg), size_t(p - seg));
    if (p == e) break;
    append_utf8(out, cp1252_to_unicode(*p));
    ++p;
    mark(out.size() - base, src + uint64_t(p - begin));
  }
}

void Transcoder::feed_utf16(const uint8_t* p, const uint8_t* e, uint64_t src, std::string& out, size_t base) {
  const bool le = m_enc == Encoding::Utf16Le;
  uint64_t s = src - m_pend_len;  // source offset of the unit being decoded
  while (true) {
    uint16_t u;
    if (m_pend_len) {
      if (p == e) return;
      u = le ? uint16_t(m_pend[0] | (*p << 8)) : uint16_t((m_pend[0] << 8) | *p);
      ++p;
      m_pend_len = 0;
    } else {
      if (e - p < 2) {
        if (p < e) { m_pend[0] = *p; m_pend_len = 1; }
        return;
      }
      u = le ? uint16_t(p[0] | (p[1] << 8)) : uint16_t((p[0] << 8) | p[1]);
      p += 2;
    }
    if (m_has_hi) {
      m_has_hi = false;
      if (u >= 0xDC00 && u <= 0xDFFF) {
        uint32_t cp = 0x10000 + ((uint32_t(m_hi) - 0xD800) << 10) + (u - 0xDC00);
        append_utf8(out, cp);
        s += 2;
        mark(out.size() - base, s);
        continue;
      }
      invalid(s - 2, out, base);  // lone high surrogate
      mark(out.size() - base, s);
    }
    if (u < 0x80) {
      out.push_back(char(u));
    } else if (u >= 0xD800 && u <= 0xDBFF) {
      m_has_hi = true;
      m_hi = u;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      invalid(s, out, base);
      mark(out.size() - base, s + 2);
    } else {
      append_utf8(out, u);
      mark(out.size() - base, s + 2);
    }
    s += 2;
  }
}

void Transcoder::finish(std::string& out) {
  m_marks.clear();
  const size_t base = out.size();
  uint64_t src = m_total_in - pending_count();
  mark(0, src);
  if (m_enc == Encoding::Utf8 || m_enc == Encoding::Utf8Bom) {
    for (size_t i = 0; i < m_pend_len; ++i) fallback(m_pend[i], src + i, out, base);
  } else if (m_has_hi || m_pend_len) {
    invalid(src, out, base);
    mark(out.size() - base, m_total_in);
  }
  m_pend_len = 0;
  m_has_hi = false;
}

}  // namespace sdw
