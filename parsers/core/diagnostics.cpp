// Warning storage with a per-code cap: the first k_max_per_code messages of a code are kept,
// later repeats are only counted in `suppressed`.
#include "parsers/core/diagnostics.h"

#include <cstdint>

namespace sdw {

namespace {

// Replaces every byte that does not start or continue a well-formed UTF-8 sequence with U+FFFD: a
// message may quote a cell of a file in any encoding, and it goes to JSON and to the screen.
void make_valid_utf8(std::string& s) {
  size_t i = 0, n = s.size();
  auto cont = [&](size_t k) { return k < n && (uint8_t(s[k]) & 0xC0) == 0x80; };
  bool ok = true;
  while (i < n && ok) {
    uint8_t b = uint8_t(s[i]);
    size_t len = b < 0x80 ? 1 : (b >= 0xC2 && b <= 0xDF) ? 2 : (b >= 0xE0 && b <= 0xEF) ? 3 : (b >= 0xF0 && b <= 0xF4) ? 4 : 0;
    if (len == 0) { ok = false; break; }
    for (size_t k = 1; k < len; ++k) if (!cont(i + k)) ok = false;
    if (ok && len == 3) {
      uint8_t b1 = uint8_t(s[i + 1]);
      if ((b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 >= 0xA0)) ok = false;   // overlong, surrogates
    }
    if (ok && len == 4) {
      uint8_t b1 = uint8_t(s[i + 1]);
      if ((b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 >= 0x90)) ok = false;   // overlong, > U+10FFFF
    }
    if (ok) i += len;
  }
  if (ok) return;
  std::string out;
  out.reserve(n + 8);
  i = 0;
  while (i < n) {
    uint8_t b = uint8_t(s[i]);
    size_t len = b < 0x80 ? 1 : (b >= 0xC2 && b <= 0xDF) ? 2 : (b >= 0xE0 && b <= 0xEF) ? 3 : (b >= 0xF0 && b <= 0xF4) ? 4 : 0;
    bool good = len > 0;
    for (size_t k = 1; good && k < len; ++k) good = cont(i + k);
    if (good && len == 3) { uint8_t b1 = uint8_t(s[i + 1]); good = !((b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 >= 0xA0)); }
    if (good && len == 4) { uint8_t b1 = uint8_t(s[i + 1]); good = !((b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 >= 0x90)); }
    if (good) { out.append(s, i, len); i += len; }
    else { out += "\xEF\xBF\xBD"; ++i; }
  }
  s = std::move(out);
}

void sanitize(Message& m) {
  make_valid_utf8(m.fr);
  make_valid_utf8(m.en);
}

}  // namespace

void Diagnostics::fail(Message m) {
  sanitize(m);
  failed = true;
  error = std::move(m);
}

void Diagnostics::warn(Message m) {
  sanitize(m);
  size_t same = 0;
  for (const Message& w : warnings)
    if (w.code == m.code) ++same;
  if (same < k_max_per_code) {
    warnings.push_back(std::move(m));
    return;
  }
  suppress(m.code);
}

uint64_t Diagnostics::count(std::string_view code) const {
  uint64_t n = 0;
  for (const Message& w : warnings)
    if (w.code == code) ++n;
  for (const auto& s : suppressed)
    if (s.first == code) n += s.second;
  return n;
}

bool Diagnostics::at_cap(std::string_view code) const {
  size_t same = 0;
  for (const Message& w : warnings)
    if (w.code == code) ++same;
  return same >= k_max_per_code;
}

void Diagnostics::suppress(std::string_view code) {
  for (auto& s : suppressed)
    if (s.first == code) { ++s.second; return; }
  suppressed.emplace_back(std::string(code), 1);
}

Message make_message(std::string code, std::string fr, std::string en) {
  Message m;
  m.code = std::move(code);
  m.fr = std::move(fr);
  m.en = std::move(en);
  return m;
}

Message make_message(std::string code, std::string fr, std::string en, uint64_t byte_offset, uint64_t line) {
  Message m = make_message(std::move(code), std::move(fr), std::move(en));
  m.where.byte_offset = byte_offset;
  m.where.line = line;
  m.has_location = true;
  return m;
}

}  // namespace sdw
