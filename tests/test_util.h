// Helpers shared by the doctest files: fixture loading, chunked feeding through a Session or straight into
// a parser, and a canonical text dump of a parse so two runs can be compared byte for byte.
#pragma once
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "parsers/core/parser.h"

namespace sdw::test {

inline std::string read_fixture(const std::string& rel) {
  std::ifstream f(std::string(SDW_TEST_DATA) + "/" + rel, std::ios::binary);
  REQUIRE_MESSAGE(f.good(), "missing fixture " << rel);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Runs the `workbench` CLI built next to the test binary with `args` (already quoted) and returns its standard
// output; the exit status must be 0.
inline std::string run_workbench(const std::string& args) {
  const std::filesystem::path wb = std::filesystem::read_symlink("/proc/self/exe").parent_path() / "workbench";
  REQUIRE_MESSAGE(std::filesystem::exists(wb), "workbench not built next to the tests: " << wb);
  std::FILE* p = popen(("\"" + wb.string() + "\" " + args).c_str(), "r");
  REQUIRE(p);
  std::string out;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  CHECK(pclose(p) == 0);
  return out;
}

inline std::span<const uint8_t> bytes_of(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

inline std::string dump_diag(const Diagnostics& d) {
  std::string s;
  for (const Message& m : d.warnings)
    s += "W " + m.code + " line=" + std::to_string(m.where.line) + " off=" + std::to_string(m.where.byte_offset) + " " +
         m.en + "\n";
  for (const auto& [code, n] : d.suppressed) s += "S " + code + " " + std::to_string(n) + "\n";
  if (d.failed) s += "E " + d.error.code + " " + d.error.en + "\n";
  return s;
}

inline std::string dump_tables(const std::vector<Table>& tables) {
  std::string s;
  for (const Table& t : tables) {
    s += "T " + t.name + " rows=" + std::to_string(t.rows()) + "\n";
    for (const auto& [k, v] : t.meta) s += "M " + k + "=" + v + "\n";
    for (const Column& c : t.columns) {
      s += "C " + c.name + ":" + column_type_name(c.type) + " nulls=" + std::to_string(c.null_count) + "\n";
      for (size_t i = 0; i < c.size(); ++i) {
        s += c.valid[i] ? c.value_text(i) : "<null>";
        if (c.type == ColumnType::Timestamp && c.valid[i]) s += "@" + std::to_string(c.utc_offset_min[i]);
        s += "\x1f";
      }
      s += "\n";
    }
  }
  return s;
}

struct Parsed {
  std::string dump;        // canonical text of everything the parse produced
  std::vector<Table> tables;
  Diagnostics diag;
  std::string format, encoding;
  int confidence = 0;
  std::string what_was_seen;
};

// Through a Session, `chunk` bytes at a time (0 = all at once).
inline Parsed parse_session(std::string_view data, const std::string& name, size_t chunk = 0,
                            const std::string& tz = "Europe/Paris") {
  ParseOptions o;
  o.file_name = name;
  o.total_bytes = data.size();
  o.time_zone = tz;
  Session s(o);
  if (chunk == 0) chunk = data.size() ? data.size() : 1;
  for (size_t p = 0; p < data.size(); p += chunk) s.feed(bytes_of(data.substr(p, chunk)));
  s.finish();
  Parsed r;
  r.tables = s.tables();
  r.diag = s.diagnostics();
  r.format = s.format() ? s.format()->id : "";
  r.encoding = s.encoding() ? s.encoding() : "";
  r.confidence = s.detection().confidence;
  r.what_was_seen = s.detection().what_was_seen;
  r.dump = "F " + r.format + " " + r.encoding + "\n" + dump_tables(r.tables) + dump_diag(r.diag);
  return r;
}

// Straight into a parser of format `id`, bypassing the Session's head buffering.
inline Parsed parse_direct(std::string_view data, const std::string& name, size_t chunk, const char* id = "csv") {
  const FormatInfo* f = find_format(id);
  REQUIRE(f);
  ParseOptions o;
  o.file_name = name;
  auto p = f->create(o);
  if (chunk == 0) chunk = data.size() ? data.size() : 1;
  for (size_t i = 0; i < data.size(); i += chunk) p->feed(bytes_of(data.substr(i, chunk)));
  p->finish();
  Parsed r;
  r.tables = p->tables;
  r.diag = p->diag;
  r.format = id;
  r.encoding = p->encoding() ? p->encoding() : "";
  r.dump = "F " + r.format + " " + r.encoding + "\n" + dump_tables(r.tables) + dump_diag(r.diag);
  return r;
}

// "" when equal, else both sides around the first difference (keeps failure output readable).
inline std::string first_diff(const std::string& a, const std::string& b) {
  if (a == b) return "";
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  size_t from = i > 60 ? i - 60 : 0;
  return "at " + std::to_string(i) + ": [" + a.substr(from, 120) + "] vs [" + b.substr(from, 120) + "]";
}

inline const Column& col(const Parsed& p, const std::string& name) {
  REQUIRE(p.tables.size() == 1);
  for (const Column& c : p.tables[0].columns)
    if (c.name == name) return c;
  FAIL("no column " << name);
  return p.tables[0].columns[0];
}

// 2023-03-26T01:30:00Z style instants in microseconds, for readable expectations.
inline int64_t utc_us(int y, unsigned mo, unsigned d, int h, int mi, int s = 0) {
  int64_t days = 0;
  {
    int64_t yy = y - (mo <= 2);
    const int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
    const unsigned yoe = unsigned(yy - era * 400);
    const unsigned doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    days = era * 146097 + int64_t(doe) - 719468;
  }
  return ((days * 86400) + h * 3600 + mi * 60 + s) * 1000000LL;
}

}  // namespace sdw::test
