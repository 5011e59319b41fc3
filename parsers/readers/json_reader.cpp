// Streaming JSON tokenizer: an explicit state machine over bytes (no recursion), hot loops over
// whitespace, plain string bytes and number characters; strings without escapes that sit inside one
// chunk are handed out as views of the chunk (no copy). Also the record collector.
#include "parsers/readers/json_reader.h"

#include <fast_float/fast_float.h>

#include <bit>
#include <cstring>

#include "parsers/core/encoding.h"

namespace sdw {

namespace {

// Bytes that can be copied as-is inside a string: printable ASCII except '"' and '\'.
struct Tables {
  uint8_t plain[256] = {};
  uint8_t num[256] = {};
  uint8_t ws[256] = {};
  constexpr Tables() {
    for (int c = 0x20; c < 0x80; ++c) plain[c] = 1;
    plain[uint8_t('"')] = 0;
    plain[uint8_t('\\')] = 0;
    for (int c = '0'; c <= '9'; ++c) num[c] = 1;
    for (char c : {'-', '+', '.', 'e', 'E'}) num[uint8_t(c)] = 1;
    for (char c : {' ', '\t', '\r', '\n'}) ws[uint8_t(c)] = 1;
  }
};
constexpr Tables k_tab;

std::string to_str(uint64_t v) { return std::to_string(v); }

std::string char_text(uint8_t c) {
  if (c >= 0x21 && c < 0x7F) return std::string(1, char(c));
  static const char* k_hex = "0123456789ABCDEF";
  std::string s = "0x";
  s += k_hex[c >> 4];
  s += k_hex[c & 15];
  return s;
}

std::string at_fr(uint64_t off, uint64_t line) { return "octet " + to_str(off) + " (ligne " + to_str(line) + ")"; }
std::string at_en(uint64_t off, uint64_t line) { return "byte " + to_str(off) + " (line " + to_str(line) + ")"; }

int hex_value(uint8_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// UTF-8 lead byte: number of continuation bytes, or -1 when it cannot start a sequence.
int utf8_continuations(uint8_t lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 1;
  if (lead >= 0xE0 && lead <= 0xEF) return 2;
  if (lead >= 0xF0 && lead <= 0xF4) return 3;
  return -1;
}

// Continuation byte `idx` (1-based) of a sequence started by `lead` (RFC 3629: no overlongs, no surrogates).
bool utf8_continuation_ok(uint8_t lead, int idx, uint8_t c) {
  uint8_t lo = 0x80, hi = 0xBF;
  if (idx == 1) {
    if (lead == 0xE0) lo = 0xA0;
    else if (lead == 0xED) hi = 0x9F;
    else if (lead == 0xF0) lo = 0x90;
    else if (lead == 0xF4) hi = 0x8F;
  }
  return c >= lo && c <= hi;
}

const char k_fffd[] = "\xEF\xBF\xBD";

}  // namespace

const char* json_kind_name(JsonKind k) {
  switch (k) {
    case JsonKind::BeginObject: return "begin_object";
    case JsonKind::EndObject: return "end_object";
    case JsonKind::BeginArray: return "begin_array";
    case JsonKind::EndArray: return "end_array";
    case JsonKind::Key: return "key";
    case JsonKind::String: return "string";
    case JsonKind::Number: return "number";
    case JsonKind::Bool: return "bool";
    case JsonKind::Null: return "null";
  }
  return "?";
}

// [SECTION] reader: bookkeeping

JsonReader::JsonReader(JsonReaderOptions opts, Diagnostics* warnings) : m_opts(opts), m_warn(warnings) {
  m_stack.reserve(64);
  m_buf.reserve(256);
}

void JsonReader::reset(uint64_t base_offset, uint64_t line) {
  m_state = State::Value;
  m_failed = m_stopped = false;
  m_error = Message{};
  m_base = base_offset;
  m_line = line;
  m_values = 0;
  m_bom_checked = base_offset != 0;
  m_bom_seen = 0;
  m_stack.clear();
  m_esc = 0;
  m_hi = 0;
  m_u8len = m_u8need = 0;
  m_after_comma = false;
}

std::string JsonReader::path() const {
  std::string s;
  for (uint32_t d = 0; d < m_stack.size(); ++d) {
    if (m_stack[d].count == 0) break;
    if (m_stack[d].object) {
      if (!s.empty()) s.push_back('.');
      s += key_at(d);
    } else {
      s.push_back('[');
      s += to_str(m_stack[d].count - 1);
      s.push_back(']');
    }
  }
  return s;
}

void JsonReader::fail(const char* code, std::string fr, std::string en, uint64_t offset, uint64_t line) {
  m_failed = true;
  m_state = State::Failed;
  m_error = make_message(code, std::move(fr), std::move(en), offset, line);
}

void JsonReader::fail_unexpected(uint8_t c, uint64_t off, const char* expected_fr, const char* expected_en) {
  const std::string ch = char_text(c);
  fail("json.syntax",
       "JSON invalide à l'" + at_fr(off, m_line) + " : caractère « " + ch + " » inattendu, " + expected_fr,
       "Invalid JSON at " + at_en(off, m_line) + ": unexpected character '" + ch + "', " + expected_en, off, m_line);
}

void JsonReader::warn_utf8(uint64_t off) {
  if (!m_warn) return;
  if (m_warn->at_cap("json.invalid_utf8")) { m_warn->suppress("json.invalid_utf8"); return; }
  m_warn->warn(make_message("json.invalid_utf8",
                            "UTF-8 invalide dans une chaîne à l'" + at_fr(off, m_line) + ", remplacé par U+FFFD",
                            "Invalid UTF-8 inside a string at " + at_en(off, m_line) + ", replaced by U+FFFD", off,
                            m_line));
}

void JsonReader::emit(JsonHandler& h, JsonKind k, uint64_t off, uint64_t line) {
  m_ev.kind = k;
  m_ev.depth = uint32_t(m_stack.size());
  m_ev.offset = off;
  m_ev.line = line;
  h.on_event(m_ev, *this);
}

void JsonReader::value_done() {
  if (m_stack.empty()) {
    ++m_values;
    m_state = State::Done;
  } else {
    m_state = State::AfterValue;
  }
}

void JsonReader::begin_container(JsonHandler& h, bool object, uint64_t off) {
  if (m_stack.size() >= m_opts.max_depth) {
    fail("json.too_deep",
         "Imbrication trop profonde (plus de " + to_str(m_opts.max_depth) + " niveaux) à l'" + at_fr(off, m_line),
         "Nesting too deep (more than " + to_str(m_opts.max_depth) + " levels) at " + at_en(off, m_line), off, m_line);
    return;
  }
  m_ev.text = {};
  emit(h, object ? JsonKind::BeginObject : JsonKind::BeginArray, off, m_line);
  m_stack.push_back(Frame{object, 0, off, m_line});
  if (m_keys.size() < m_stack.size()) {
    m_keys.emplace_back();
    m_key_view.emplace_back();
    m_key_in_chunk.push_back(0);
  } else {
    m_keys[m_stack.size() - 1].clear();
    m_key_in_chunk[m_stack.size() - 1] = 0;
  }
  m_state = object ? State::KeyOrEnd : State::ValueOrEnd;
}

void JsonReader::end_container(JsonHandler& h, bool object, uint64_t off, uint8_t c) {
  if (m_stack.empty() || m_stack.back().object != object) {
    fail_unexpected(c, off, m_stack.empty() || m_stack.back().object ? "« } » attendu" : "« ] » attendu",
                    m_stack.empty() || m_stack.back().object ? "expected '}'" : "expected ']'");
    return;
  }
  m_stack.pop_back();
  m_ev.text = {};
  emit(h, object ? JsonKind::EndObject : JsonKind::EndArray, off, m_line);
  value_done();
}

bool JsonReader::finish_number(JsonHandler& h, std::string_view text) {
  const char* s = text.data();
  const char* const end = s + text.size();
  const char* q = s;
  const bool neg = q < end && *q == '-';
  if (neg) ++q;
  bool ok = q < end;
  bool integral = true;
  if (ok) {
    if (*q == '0') {
      ++q;
      if (q < end && *q >= '0' && *q <= '9') ok = false;  // leading zero
    } else if (*q >= '1' && *q <= '9') {
      while (q < end && *q >= '0' && *q <= '9') ++q;
    } else {
      ok = false;
    }
  }
  const char* const int_end = q;
  if (ok && q < end && *q == '.') {
    integral = false;
    ++q;
    const char* d = q;
    while (q < end && *q >= '0' && *q <= '9') ++q;
    ok = q > d;
  }
  if (ok && q < end && (*q == 'e' || *q == 'E')) {
    integral = false;
    ++q;
    if (q < end && (*q == '+' || *q == '-')) ++q;
    const char* d = q;
    while (q < end && *q >= '0' && *q <= '9') ++q;
    ok = q > d;
  }
  if (!ok || q != end) {
    const std::string shown(text.substr(0, 40));
    fail("json.bad_number",
         "Nombre invalide « " + shown + " » à l'" + at_fr(m_tok_off, m_tok_line),
         "Invalid number \"" + shown + "\" at " + at_en(m_tok_off, m_tok_line), m_tok_off, m_tok_line);
    return false;
  }
  m_ev.integral = integral;
  m_ev.is_int = false;
  m_ev.i64 = 0;
  if (integral && int_end - (neg ? s + 1 : s) <= 18) {  // 18 digits always fit: no overflow test per digit
    uint64_t acc = 0;
    for (const char* d = neg ? s + 1 : s; d < int_end; ++d) acc = acc * 10 + uint64_t(*d - '0');
    m_ev.is_int = true;
    m_ev.i64 = neg ? int64_t(0 - acc) : int64_t(acc);
    m_ev.f64 = double(m_ev.i64);
  } else if (integral) {
    uint64_t acc = 0;
    bool fits = true;
    const uint64_t limit = neg ? uint64_t(INT64_MAX) + 1 : uint64_t(INT64_MAX);
    for (const char* d = neg ? s + 1 : s; d < int_end; ++d) {
      const uint64_t digit = uint64_t(*d - '0');
      if (acc > (limit - digit) / 10) { fits = false; break; }
      acc = acc * 10 + digit;
    }
    if (fits) {
      m_ev.is_int = true;
      m_ev.i64 = neg ? int64_t(0 - acc) : int64_t(acc);
      m_ev.f64 = double(m_ev.i64);
    }
  }
  if (!m_ev.is_int) {
    double v = 0;
    fast_float::from_chars(s, end, v);
    m_ev.f64 = v;
  }
  m_ev.text = text;
  emit(h, JsonKind::Number, m_tok_off, m_tok_line);
  value_done();
  return true;
}

void JsonReader::finish_string(JsonHandler& h, std::string_view text) {
  m_ev.text = text;
  if (m_tok_key) {
    ++m_stack.back().count;
    const size_t d = m_stack.size() - 1;
    if (m_buffered) {
      m_keys[d].assign(text.data(), text.size());
      m_key_in_chunk[d] = 0;
    } else {
      m_key_view[d] = text;  // a view of the chunk: copied at the end of feed() if still open
      m_key_in_chunk[d] = 1;
    }
    m_state = State::Colon;
    emit(h, JsonKind::Key, m_tok_off, m_tok_line);
  } else {
    emit(h, JsonKind::String, m_tok_off, m_tok_line);
    value_done();
  }
}

// [SECTION] reader: the byte loop

void JsonReader::feed(std::string_view chunk, JsonHandler& h) {
  feed_chunk(chunk, h);
  for (size_t d = 0; d < m_key_in_chunk.size(); ++d)
    if (m_key_in_chunk[d]) {
      m_keys[d].assign(m_key_view[d].data(), m_key_view[d].size());
      m_key_in_chunk[d] = 0;
    }
}

void JsonReader::feed_chunk(std::string_view chunk, JsonHandler& h) {
  const uint8_t* const b = reinterpret_cast<const uint8_t*>(chunk.data());
  const uint8_t* p = b;
  const uint8_t* const e = b + chunk.size();
  auto off = [&](const uint8_t* q) { return m_base + uint64_t(q - b); };
  if (m_failed || m_stopped) { m_base += chunk.size(); return; }

  // UTF-8 byte-order mark, possibly split across chunks
  while (!m_bom_checked && p < e) {
    static const uint8_t k_bom[3] = {0xEF, 0xBB, 0xBF};
    if (*p == k_bom[m_bom_seen]) {
      ++p;
      if (++m_bom_seen == 3) m_bom_checked = true;
    } else {
      m_bom_checked = true;
      if (m_bom_seen) { fail_unexpected(0xEF, m_base - m_bom_seen + uint64_t(p - b), "valeur attendue", "expected a value"); }
    }
  }

  // A string's plain segment that started in this chunk: [seg, p) not yet copied.
  const uint8_t* seg = p;
  auto flush = [&](const uint8_t* upto) {
    if (!m_buffered) {
      m_buf.assign(reinterpret_cast<const char*>(seg), size_t(upto - seg));
      m_buffered = true;
    } else {
      m_buf.append(reinterpret_cast<const char*>(seg), size_t(upto - seg));
    }
  };
  auto start_value = [&]() {
    if (!m_stack.empty() && !m_stack.back().object) ++m_stack.back().count;
    m_after_comma = false;
  };
  // After a key or a scalar value: the whitespace and the ':' or ',' that follow are read here, without a
  // round through the dispatch below (the same steps it takes; anything else is left to it).
  auto skip_ws = [&]() {
    while (p < e && k_tab.ws[*p]) {
      if (*p == '\n') ++m_line;
      ++p;
    }
  };
  auto punctuation = [&]() {
    if (m_failed || m_stopped) return;
    skip_ws();
    if (p == e) return;
    if (m_state == State::Colon && *p == ':') {
      m_state = State::Value;
    } else if (m_state == State::AfterValue && *p == ',') {
      m_state = m_stack.back().object ? State::Key : State::Value;
      m_after_comma = true;
    } else {
      return;
    }
    ++p;
    skip_ws();
  };

  while (p < e && !m_failed && !m_stopped) {
    switch (m_state) {
      case State::Str: {
        seg = p;
        for (;;) {
          if (m_hi && m_esc == 0) {  // a high surrogate must be followed by \u
            if (p == e) break;
            if (*p != '\\') {
              m_buf.append(k_fffd);
              warn_utf8(m_hi_off);
              m_hi = 0;
            }
          }
          if (m_esc) {
            if (p == e) break;
            const uint8_t c = *p;
            if (m_esc == 1) {
              if (m_hi && c != 'u') {
                m_buf.append(k_fffd);
                warn_utf8(m_hi_off);
                m_hi = 0;
              }
              char out = 0;
              switch (c) {
                case '"': out = '"'; break;
                case '\\': out = '\\'; break;
                case '/': out = '/'; break;
                case 'b': out = '\b'; break;
                case 'f': out = '\f'; break;
                case 'n': out = '\n'; break;
                case 'r': out = '\r'; break;
                case 't': out = '\t'; break;
                case 'u': m_esc = 2; m_u = 0; ++p; seg = p; continue;
                default:
                  fail("json.bad_escape",
                       "Échappement invalide « \\" + char_text(c) + " » dans une chaîne à l'" + at_fr(off(p) - 1, m_line),
                       "Invalid escape \"\\" + char_text(c) + "\" inside a string at " + at_en(off(p) - 1, m_line),
                       off(p) - 1, m_line);
                  m_base += chunk.size();
                  return;
              }
              m_buf.push_back(out);
              m_esc = 0;
              ++p;
              seg = p;
              continue;
            }
            const int v = hex_value(c);
            if (v < 0) {
              const uint64_t at = off(p) - (m_esc - 2) - 2;
              fail("json.bad_escape",
                   "Échappement \\u invalide (caractère « " + char_text(c) + " ») à l'" + at_fr(at, m_line),
                   "Invalid \\u escape (character '" + char_text(c) + "') at " + at_en(at, m_line), at, m_line);
              m_base += chunk.size();
              return;
            }
            m_u = m_u * 16 + uint32_t(v);
            ++p;
            seg = p;
            if (++m_esc < 6) continue;
            m_esc = 0;
            seg = p;
            const uint32_t u = m_u;
            const uint64_t esc_off = off(p) - 6;
            if (m_hi) {
              if (u >= 0xDC00 && u <= 0xDFFF) {
                append_utf8(m_buf, 0x10000 + ((m_hi - 0xD800) << 10) + (u - 0xDC00));
                m_hi = 0;
                continue;
              }
              m_buf.append(k_fffd);
              warn_utf8(m_hi_off);
              m_hi = 0;
            }
            if (u >= 0xD800 && u <= 0xDBFF) {
              m_hi = u;
              m_hi_off = esc_off;
            } else if (u >= 0xDC00 && u <= 0xDFFF) {
              m_buf.append(k_fffd);
              warn_utf8(esc_off);
            } else {
              append_utf8(m_buf, u);
            }
            continue;
          }
          if (m_u8need) {  // UTF-8 sequence split across chunks
            if (p == e) break;
            if (utf8_continuation_ok(m_u8[0], m_u8len, *p)) {
              m_u8[m_u8len++] = *p++;
              if (--m_u8need == 0) m_buf.append(reinterpret_cast<const char*>(m_u8), m_u8len);
            } else {
              m_u8need = 0;
              m_buf.append(k_fffd);
              warn_utf8(m_u8off);
            }
            seg = p;
            continue;
          }
          // hot loop: plain bytes, eight at a time (first byte that is not plain: '"', '\\', < 0x20 or >= 0x80)
          while (e - p >= 8) {
            uint64_t x;
            std::memcpy(&x, p, 8);
            if constexpr (std::endian::native != std::endian::little) break;
            const uint64_t hi = 0x8080808080808080ull, ones = 0x0101010101010101ull;
            const uint64_t q = x ^ (ones * '"'), bs = x ^ (ones * '\\');
            const uint64_t stop = (x & hi) | ((x - ones * 0x20) & ~x & hi) | ((q - ones) & ~q & hi) | ((bs - ones) & ~bs & hi);
            if (stop) {
              p += std::countr_zero(stop) >> 3;
              break;
            }
            p += 8;
          }
          while (p < e && k_tab.plain[*p]) ++p;
          if (p == e) break;
          const uint8_t c = *p;
          if (c == '"') {
            std::string_view text;
            if (m_buffered) {
              flush(p);
              text = m_buf;
            } else {
              text = std::string_view(reinterpret_cast<const char*>(seg), size_t(p - seg));
            }
            ++p;
            finish_string(h, text);
            punctuation();
            break;
          }
          if (c == '\\') {
            flush(p);
            m_esc = 1;
            ++p;
            seg = p;
            continue;
          }
          if (c >= 0x80) {
            const int n = utf8_continuations(c);
            if (n < 0) {
              flush(p);
              m_buf.append(k_fffd);
              warn_utf8(off(p));
              ++p;
              seg = p;
              continue;
            }
            const uint8_t* q = p + 1;
            int k = 1;
            bool bad = false;
            for (; k <= n && q < e; ++k, ++q)
              if (!utf8_continuation_ok(c, k, *q)) { bad = true; break; }
            if (bad) {
              flush(p);
              m_buf.append(k_fffd);
              warn_utf8(off(p));
              p = q;  // the offending byte is looked at again
              seg = p;
              continue;
            }
            if (k <= n) {  // cut by the end of the chunk
              flush(p);
              m_u8len = uint8_t(q - p);
              std::memcpy(m_u8, p, m_u8len);
              m_u8need = uint8_t(n + 1 - m_u8len);
              m_u8off = off(p);
              p = e;
              seg = p;
              break;
            }
            p = q;  // valid: stays in the plain segment
            continue;
          }
          // raw control character
          if (!m_opts.allow_control_chars) {
            fail("json.control_char",
                 "Caractère de contrôle " + char_text(c) + " non échappé dans une chaîne à l'" + at_fr(off(p), m_line),
                 "Unescaped control character " + char_text(c) + " inside a string at " + at_en(off(p), m_line),
                 off(p), m_line);
            m_base += chunk.size();
            return;
          }
          if (m_warn) {
            if (m_warn->at_cap("json.control_char")) m_warn->suppress("json.control_char");
            else
              m_warn->warn(make_message("json.control_char",
                                        "Caractère de contrôle " + char_text(c) + " non échappé gardé à l'" + at_fr(off(p), m_line),
                                        "Unescaped control character " + char_text(c) + " kept at " + at_en(off(p), m_line),
                                        off(p), m_line));
          }
          if (c == '\n') ++m_line;
          ++p;
        }
        if (m_state == State::Str && p == e && seg < e) flush(e);
        continue;
      }
      case State::Num: {
        seg = p;
        while (p < e && k_tab.num[*p]) ++p;
        if (p == e) {
          flush(e);
          continue;
        }
        std::string_view text;
        if (m_buffered) {
          flush(p);
          text = m_buf;
        } else {
          text = std::string_view(reinterpret_cast<const char*>(seg), size_t(p - seg));
        }
        finish_number(h, text);
        punctuation();
        continue;
      }
      case State::Lit: {
        while (p < e && m_lit[m_lit_pos]) {
          if (char(*p) != m_lit[m_lit_pos]) {
            fail_unexpected(*p, off(p), "valeur attendue (true, false ou null)", "expected a value (true, false or null)");
            break;
          }
          ++p;
          ++m_lit_pos;
        }
        if (m_failed || m_lit[m_lit_pos]) continue;
        m_ev.text = {};
        if (m_lit[0] == 'n') {
          emit(h, JsonKind::Null, m_tok_off, m_tok_line);
        } else {
          m_ev.boolean = m_lit[0] == 't';
          emit(h, JsonKind::Bool, m_tok_off, m_tok_line);
        }
        value_done();
        continue;
      }
      default:
        break;
    }

    // structural states: skip whitespace, then one token
    while (p < e && k_tab.ws[*p]) {
      if (*p == '\n') ++m_line;
      ++p;
    }
    if (p == e) break;
    const uint8_t c = *p;
    const uint64_t o = off(p);
    switch (m_state) {
      case State::Done:
        if (!m_opts.multiple_values) {
          fail("json.trailing",
               "Données après la fin du document JSON à l'" + at_fr(o, m_line) + " (caractère « " + char_text(c) + " »)",
               "Data after the end of the JSON document at " + at_en(o, m_line) + " (character '" + char_text(c) + "')",
               o, m_line);
          break;
        }
        [[fallthrough]];
      case State::Value:
      case State::ValueOrEnd:
        if (c == '"') {
          start_value();
          m_tok_off = o;
          m_tok_line = m_line;
          m_tok_key = false;
          m_buffered = false;
          m_state = State::Str;
          ++p;
        } else if (c == '{' || c == '[') {
          start_value();
          begin_container(h, c == '{', o);
          ++p;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
          start_value();
          m_tok_off = o;
          m_tok_line = m_line;
          m_buffered = false;
          m_state = State::Num;
        } else if (c == 't' || c == 'f' || c == 'n') {
          start_value();
          m_tok_off = o;
          m_tok_line = m_line;
          m_lit = c == 't' ? "true" : c == 'f' ? "false" : "null";
          m_lit_pos = 0;
          m_state = State::Lit;
        } else if (c == ']' && m_state == State::ValueOrEnd) {
          end_container(h, false, o, c);
          ++p;
        } else if (c == ']' && m_after_comma) {
          fail("json.trailing_comma", "Virgule en trop avant « ] » à l'" + at_fr(o, m_line),
               "Trailing comma before ']' at " + at_en(o, m_line), o, m_line);
        } else {
          fail_unexpected(c, o, "valeur attendue", "expected a value");
        }
        break;
      case State::KeyOrEnd:
      case State::Key:
        if (c == '"') {
          m_tok_off = o;
          m_tok_line = m_line;
          m_tok_key = true;
          m_buffered = false;
          m_after_comma = false;
          m_state = State::Str;
          ++p;
        } else if (c == '}' && m_state == State::KeyOrEnd) {
          end_container(h, true, o, c);
          ++p;
        } else if (c == '}') {
          fail("json.trailing_comma", "Virgule en trop avant « } » à l'" + at_fr(o, m_line),
               "Trailing comma before '}' at " + at_en(o, m_line), o, m_line);
        } else {
          fail_unexpected(c, o, "nom de clé entre guillemets attendu", "expected a quoted key name");
        }
        break;
      case State::Colon:
        if (c == ':') {
          m_state = State::Value;
          ++p;
        } else {
          fail_unexpected(c, o, "« : » attendu après la clé", "expected ':' after the key");
        }
        break;
      case State::AfterValue:
        if (c == ',') {
          m_state = m_stack.back().object ? State::Key : State::Value;
          m_after_comma = true;
          ++p;
        } else if (c == '}' || c == ']') {
          end_container(h, c == '}', o, c);
          ++p;
        } else {
          const bool obj = m_stack.back().object;
          fail_unexpected(c, o, obj ? "« , » ou « } » attendu" : "« , » ou « ] » attendu",
                          obj ? "expected ',' or '}'" : "expected ',' or ']'");
        }
        break;
      default:
        break;
    }
  }
  m_base += chunk.size();
}

void JsonReader::finish(JsonHandler& h) {
  if (m_failed || m_stopped) return;
  const uint64_t o = m_base;
  if (!m_bom_checked && m_bom_seen) {
    fail("json.eof", "Fin de fichier inattendue à l'" + at_fr(o, m_line) + " : valeur attendue",
         "Unexpected end of file at " + at_en(o, m_line) + ": expected a value", o, m_line);
    return;
  }
  switch (m_state) {
    case State::Done:
    case State::Failed:
      return;
    case State::Num:
      finish_number(h, m_buf);
      if (m_failed || m_state == State::Done) return;
      break;
    case State::Str:
      fail("json.eof_in_string",
           "Fin de fichier dans une chaîne commencée à l'" + at_fr(m_tok_off, m_tok_line),
           "End of file inside a string started at " + at_en(m_tok_off, m_tok_line), m_tok_off, m_tok_line);
      return;
    case State::Lit:
      fail("json.eof", "Fin de fichier inattendue à l'" + at_fr(o, m_line) + " dans « " + std::string(m_lit) + " »",
           "Unexpected end of file at " + at_en(o, m_line) + " inside \"" + std::string(m_lit) + "\"", o, m_line);
      return;
    case State::Value:
      if (m_stack.empty()) {
        if (m_values > 0) return;  // multiple values: trailing whitespace
        fail("json.empty", "Aucune valeur JSON (fichier vide ou blanc)", "No JSON value (empty or blank file)", o, m_line);
        return;
      }
      break;
    default:
      break;
  }
  if (m_stack.empty()) return;
  const Frame& f = m_stack.back();
  const char* what_fr = f.object ? "objet « { »" : "tableau « [ »";
  const char* what_en = f.object ? "object '{'" : "array '['";
  std::string fr = "Fin de fichier inattendue à l'" + at_fr(o, m_line);
  std::string en = "Unexpected end of file at " + at_en(o, m_line);
  if (m_after_comma) {
    fr += " après une virgule : valeur attendue";
    en += " after a comma: expected a value";
  } else if (m_state == State::Colon) {
    fr += " après une clé : « : » attendu";
    en += " after a key: expected ':'";
  }
  fr += std::string(" ; ") + what_fr + " ouvert à l'" + at_fr(f.open_off, f.open_line) + " non fermé";
  en += std::string("; ") + what_en + " opened at " + at_en(f.open_off, f.open_line) + " not closed";
  fail("json.eof", std::move(fr), std::move(en), o, m_line);
}

// [SECTION] record collector

void json_append_quoted(std::string& out, std::string_view s) {
  static const char* k_hex = "0123456789abcdef";
  out.push_back('"');
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const uint8_t c = uint8_t(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out.push_back(k_hex[c >> 4]);
        out.push_back(k_hex[c & 15]);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

void JsonRecordCollector::begin(std::string_view prefix) {
  m_prefix.assign(prefix.data(), prefix.size());
  m_path.assign(m_prefix);
  m_path_len.clear();
  m_arena.clear();
  m_recs.clear();
  m_started = m_complete = false;
  m_dirty = true;
  m_raw_depth = -1;
  m_raw_levels.clear();
}

void JsonRecordCollector::add(const JsonEvent& e, JsonType t, std::string_view text) {
  Rec r;
  r.path_off = uint32_t(m_arena.size());
  r.path_len = uint32_t(m_path.size());
  m_arena += m_path;
  r.text_off = uint32_t(m_arena.size());
  r.text_len = uint32_t(text.size());
  m_arena.append(text.data(), text.size());
  r.type = t;
  r.boolean = e.boolean;
  r.integral = e.integral;
  r.is_int = e.is_int;
  r.i64 = e.i64;
  r.f64 = e.f64;
  r.offset = e.offset;
  r.line = e.line;
  m_recs.push_back(r);
  m_dirty = true;
}

// An event inside an array being kept as JSON text: append its text, with separators.
void JsonRecordCollector::raw_value(const JsonEvent& e) {
  const bool closing = e.kind == JsonKind::EndArray || e.kind == JsonKind::EndObject;
  if (!closing) {
    uint8_t& top = m_raw_levels.back();
    if (e.kind == JsonKind::Key || !(top & 1)) {  // a member (at its key) or an array element
      if (top & 2) m_arena.push_back(',');
      top |= 2;
    }
  }
  switch (e.kind) {
    case JsonKind::BeginArray: m_arena.push_back('['); m_raw_levels.push_back(0); break;
    case JsonKind::BeginObject: m_arena.push_back('{'); m_raw_levels.push_back(1); break;
    case JsonKind::EndArray: m_arena.push_back(']'); m_raw_levels.pop_back(); break;
    case JsonKind::EndObject: m_arena.push_back('}'); m_raw_levels.pop_back(); break;
    case JsonKind::Key: json_append_quoted(m_arena, e.text); m_arena.push_back(':'); break;
    case JsonKind::String: json_append_quoted(m_arena, e.text); break;
    case JsonKind::Number: m_arena.append(e.text.data(), e.text.size()); break;
    case JsonKind::Bool: m_arena += e.boolean ? "true" : "false"; break;
    case JsonKind::Null: m_arena += "null"; break;
  }
  Rec& r = m_recs.back();
  r.text_len = uint32_t(m_arena.size() - r.text_off);
  m_dirty = true;
}

bool JsonRecordCollector::on_event(const JsonEvent& e) {
  if (m_complete) return true;
  if (!m_started) {
    m_started = true;
    m_d0 = e.depth;
    m_offset = e.offset;
    m_line = e.line;
    if (e.kind == JsonKind::BeginObject) {
      m_path_len.push_back(uint32_t(m_path.size()));
      return false;
    }
    if (m_path.empty()) m_path = "value";
    else if (m_path.back() == '.') m_path.pop_back();
  }
  if (m_raw_depth >= 0) {
    raw_value(e);
    if (e.kind == JsonKind::EndArray && int64_t(e.depth) == m_raw_depth) {
      m_raw_depth = -1;
      if (e.depth == m_d0) m_complete = true;
    }
    return m_complete;
  }
  switch (e.kind) {
    case JsonKind::Key: {
      const uint32_t rel = e.depth - m_d0;  // >= 1
      m_path.resize(m_path_len[rel - 1]);
      if (rel > 1 || (!m_path.empty() && m_path.back() != '.')) m_path.push_back('.');
      m_path.append(e.text.data(), e.text.size());
      return false;
    }
    case JsonKind::BeginObject:
      m_path_len.push_back(uint32_t(m_path.size()));
      return false;
    case JsonKind::EndObject:
      m_path_len.pop_back();
      if (e.depth == m_d0) m_complete = true;
      return m_complete;
    case JsonKind::BeginArray:
      add(e, JsonType::Array, {});
      m_raw_depth = e.depth;
      m_raw_levels.assign(1, 0);
      m_arena.push_back('[');
      m_recs.back().text_len = 1;
      return false;
    case JsonKind::EndArray:
      return false;  // not reached: arrays are raw
    case JsonKind::String: add(e, JsonType::String, e.text); break;
    case JsonKind::Number: add(e, JsonType::Number, e.text); break;
    case JsonKind::Bool: add(e, JsonType::Bool, e.boolean ? "true" : "false"); break;
    case JsonKind::Null: add(e, JsonType::Null, {}); break;
  }
  if (e.depth == m_d0) m_complete = true;  // a scalar record
  return m_complete;
}

void JsonRecordCollector::discard_open_array() {
  if (m_raw_depth < 0) return;
  m_arena.resize(m_recs.back().path_off);
  m_recs.pop_back();
  m_raw_depth = -1;
  m_raw_levels.clear();
  m_dirty = true;
}

std::span<const JsonField> JsonRecordCollector::fields() {
  if (m_dirty) {
    m_fields.resize(m_recs.size());
    for (size_t i = 0; i < m_recs.size(); ++i) {
      const Rec& r = m_recs[i];
      JsonField& f = m_fields[i];
      f.path = std::string_view(m_arena).substr(r.path_off, r.path_len);
      f.text = std::string_view(m_arena).substr(r.text_off, r.text_len);
      f.type = r.type;
      f.boolean = r.boolean;
      f.integral = r.integral;
      f.is_int = r.is_int;
      f.i64 = r.i64;
      f.f64 = r.f64;
      f.offset = r.offset;
      f.line = r.line;
    }
    m_dirty = false;
  }
  return m_fields;
}

const JsonField* JsonRecordCollector::find(std::string_view path) {
  std::span<const JsonField> f = fields();
  for (size_t i = f.size(); i-- > 0;)
    if (f[i].path == path) return &f[i];
  return nullptr;
}

}  // namespace sdw
