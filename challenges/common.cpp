// Europe/Paris calendar keys, label folding and keyword rules for the challenges (see common.h).
#include "challenges/common.h"

#include <algorithm>
#include <cstdio>

#include "parsers/core/values.h"

namespace sdw::challenge {

namespace {
int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
}  // namespace

int offset_or_paris(int64_t utc_us, int16_t offset_min) {
  return offset_known(offset_min) ? offset_min : paris_offset_minutes(floor_div(utc_us, 1000000));
}

int64_t local_clock_us(int64_t utc_us, int16_t offset_min) {
  return utc_us + int64_t(offset_or_paris(utc_us, offset_min)) * 60 * 1000000;
}

LocalTime clock_time(int64_t clock_us) {
  const int64_t local_s = floor_div(clock_us, 1000000);
  LocalTime t;
  t.day = int32_t(floor_div(local_s, 86400));
  const int64_t sod = local_s - int64_t(t.day) * 86400;
  t.minute = int(sod / 60);
  t.hour = t.minute / 60;
  t.weekday = weekday_of(t.day);
  return t;
}

LocalTime local_time(int64_t utc_us, int16_t offset_min) { return clock_time(local_clock_us(utc_us, offset_min)); }

LocalTime paris_local(int64_t utc_us) { return local_time(utc_us, k_no_offset); }

int weekday_of(int32_t day) { return int(((int64_t(day) + 3) % 7 + 7) % 7); }  // 1970-01-01 was a Thursday

std::string day_key(int32_t day) {
  int64_t y;
  unsigned m, d;
  civil_from_days(day, y, m, d);
  char b[24];
  std::snprintf(b, sizeof b, "%04lld-%02u-%02u", (long long)y, m, d);
  return b;
}

std::string month_key(int32_t day) { return day_key(day).substr(0, 7); }

std::string iso_week_key(int32_t day) {
  const int32_t thursday = day - weekday_of(day) + 3;  // the ISO year is the year of the week's Thursday
  int64_t y;
  unsigned m, d;
  civil_from_days(thursday, y, m, d);
  const int64_t jan1 = days_from_civil(y, 1, 1);
  const int week = int((thursday - jan1) / 7) + 1;
  char b[24];
  std::snprintf(b, sizeof b, "%04lld-W%02d", (long long)y, week);
  return b;
}

int days_in_month(int32_t day) {
  int64_t y;
  unsigned m, d;
  civil_from_days(day, y, m, d);
  const int64_t first = days_from_civil(y, m, 1);
  const int64_t next = m == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, m + 1, 1);
  return int(next - first);
}

int64_t paris_midnight_utc_us(int32_t day) {
  return paris_local_to_utc(int64_t(day) * 86400).utc_seconds * 1000000;
}

// [SECTION] labels

std::string fold_label(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto put = [&](const char* t) {
    for (; *t; ++t) {
      if (*t == ' ') {
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else {
        out += *t;
      }
    }
  };
  for (size_t i = 0; i < s.size();) {
    const uint8_t c = uint8_t(s[i]);
    if (c < 0x80) {
      if (c >= 'a' && c <= 'z') out += char(c - 32);
      else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out += char(c);
      else put(" ");
      ++i;
      continue;
    }
    // two-byte UTF-8 Latin-1 supplement and œ/Œ (C5 92 / C5 93)
    if (i + 1 < s.size() && (c == 0xC3 || c == 0xC5)) {
      const uint8_t d = uint8_t(s[i + 1]);
      const char* rep = " ";
      if (c == 0xC5 && (d == 0x92 || d == 0x93)) rep = "OE";
      else if (c == 0xC3) {
        const unsigned cp = 0xC0 + (d & 0x3F);  // U+00C0..U+00FF
        const unsigned low = cp >= 0xE0 ? cp - 0x20 : cp;  // fold to upper-case code point
        if (low >= 0xC0 && low <= 0xC5) rep = "A";
        else if (low == 0xC6) rep = "AE";
        else if (low == 0xC7) rep = "C";
        else if (low >= 0xC8 && low <= 0xCB) rep = "E";
        else if (low >= 0xCC && low <= 0xCF) rep = "I";
        else if (low == 0xD1) rep = "N";
        else if ((low >= 0xD2 && low <= 0xD6) || low == 0xD8) rep = "O";
        else if (low >= 0xD9 && low <= 0xDC) rep = "U";
        else if (low == 0xDD) rep = "Y";
        if (cp == 0xDF) rep = "SS";
        if (cp == 0xFF) rep = "Y";
      }
      put(rep);
      i += 2;
      continue;
    }
    put(" ");  // any other non-ASCII character: a separator
    ++i;
    while (i < s.size() && (uint8_t(s[i]) & 0xC0) == 0x80) ++i;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

bool keyword_matches(std::string_view folded_label, std::string_view keyword) {
  bool prefix = !keyword.empty() && keyword.back() == '*';
  if (prefix) keyword.remove_suffix(1);
  const std::string kw = fold_label(keyword);
  if (kw.empty()) return false;
  size_t pos = 0;
  while ((pos = folded_label.find(kw, pos)) != std::string_view::npos) {
    const bool start_ok = pos == 0 || folded_label[pos - 1] == ' ';
    const size_t end = pos + kw.size();
    const bool end_ok = prefix || end == folded_label.size() || folded_label[end] == ' ';
    if (start_ok && end_ok) return true;
    ++pos;
  }
  return false;
}

int match_rule(std::span<const LabelRule> rules, std::string_view folded_label) {
  for (size_t i = 0; i < rules.size(); ++i)
    for (const std::string& k : rules[i].keywords)
      if (keyword_matches(folded_label, k)) return int(i);
  return -1;
}

double median(std::vector<double> v) {
  v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return std::isnan(x); }), v.end());
  if (v.empty()) return k_nan;
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace sdw::challenge
