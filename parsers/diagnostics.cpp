// Warning storage with a per-code cap: the first k_max_per_code messages of a code are kept,
// later repeats are only counted in `suppressed`.
#include "parsers/diagnostics.h"

namespace sdw {

void Diagnostics::warn(Message m) {
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
