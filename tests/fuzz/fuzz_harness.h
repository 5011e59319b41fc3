// The body of every libFuzzer target (tests/fuzz/fuzz_<format>.cpp are 5-line wrappers around it): decode the
// input (fuzz_input.h), parse it with one format's parser or through a Session, then check what came out.
// Owns: the output invariants below. A broken invariant aborts, which libFuzzer reports as a crash.
//   - every column of a table has the table's row count, in `valid` and in the storage of its type;
//   - string offsets start at 0, never decrease and end at chars.size(); finalize() counts nulls right;
//   - every text that reaches the UI or DuckDB (names, strings, meta, messages) is valid UTF-8;
//   - no diagnostic without a code and both its French and English text; no exception out of a parser
//     (through a Session: no "parse.internal");
//   - value_text() works on a sample of every column (first, last and a spread of rows).
#pragma once
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>
#include <string>

#include "parsers/core/parser.h"
#include "tests/fuzz/fuzz_input.h"

namespace sdw::fuzz {

[[noreturn]] inline void broken(const char* what, const std::string& detail = {}) {
  std::fprintf(stderr, "\n*** fuzz invariant broken: %s %s\n", what, detail.c_str());
  std::fflush(stderr);
  std::abort();
}

#define SDW_FUZZ_CHECK(cond, detail) \
  do {                               \
    if (!(cond)) ::sdw::fuzz::broken(#cond, (detail)); \
  } while (0)

inline bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const uint8_t b = uint8_t(s[i]);
    if (b < 0x80) { ++i; continue; }
    size_t len;
    uint32_t cp;
    if (b >= 0xC2 && b <= 0xDF) { len = 2; cp = b & 0x1F; }
    else if (b >= 0xE0 && b <= 0xEF) { len = 3; cp = b & 0x0F; }
    else if (b >= 0xF0 && b <= 0xF4) { len = 4; cp = b & 0x07; }
    else return false;
    if (i + len > s.size()) return false;
    for (size_t j = 1; j < len; ++j) {
      const uint8_t c = uint8_t(s[i + j]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

inline void check_message(const Message& m) {
  SDW_FUZZ_CHECK(!m.code.empty(), m.en);
  SDW_FUZZ_CHECK(!m.fr.empty(), m.code);
  SDW_FUZZ_CHECK(!m.en.empty(), m.code);
  SDW_FUZZ_CHECK(valid_utf8(m.fr), m.code);
  SDW_FUZZ_CHECK(valid_utf8(m.en), m.code);
}

inline void check_diagnostics(const Diagnostics& d) {
  for (const Message& m : d.warnings) check_message(m);
  for (const auto& [code, n] : d.suppressed) SDW_FUZZ_CHECK(!code.empty() && n > 0, code);
  if (d.failed) check_message(d.error);
}

inline void check_column(const Column& c, size_t rows, const std::string& where) {
  const std::string at = where + "." + c.name;
  SDW_FUZZ_CHECK(valid_utf8(c.name), at);
  SDW_FUZZ_CHECK(c.valid.size() == rows, at);
  switch (c.type) {
    case ColumnType::Bool:
    case ColumnType::Int64: SDW_FUZZ_CHECK(c.i64.size() == rows, at); break;
    case ColumnType::Timestamp:
      SDW_FUZZ_CHECK(c.i64.size() == rows, at);
      SDW_FUZZ_CHECK(c.utc_offset_min.size() == rows, at);
      break;
    case ColumnType::Float64: SDW_FUZZ_CHECK(c.f64.size() == rows, at); break;
    case ColumnType::Date: SDW_FUZZ_CHECK(c.i32.size() == rows, at); break;
    case ColumnType::String: {
      SDW_FUZZ_CHECK(c.offsets.size() == rows + 1, at);
      SDW_FUZZ_CHECK(c.offsets[0] == 0, at);
      for (size_t i = 0; i < rows; ++i) SDW_FUZZ_CHECK(c.offsets[i] <= c.offsets[i + 1], at);
      SDW_FUZZ_CHECK(size_t(c.offsets[rows]) == c.chars.size(), at);
      SDW_FUZZ_CHECK(valid_utf8(c.chars), at);
      break;
    }
  }
  int64_t nulls = 0;
  for (uint8_t v : c.valid) {
    SDW_FUZZ_CHECK(v <= 1, at);
    nulls += v == 0;
  }
  SDW_FUZZ_CHECK(c.null_count == nulls, at);
  SDW_FUZZ_CHECK(c.validity_bits.size() == (rows + 7) / 8, at);
  // value_text on a sample: each string value must also be a UTF-8 boundary-respecting slice
  const size_t step = rows > 64 ? rows / 64 : 1;
  for (size_t i = 0; i < rows; i += step) {
    std::string t = c.value_text(i);
    SDW_FUZZ_CHECK(valid_utf8(t), at + " row " + std::to_string(i));
    SDW_FUZZ_CHECK(c.valid[i] || t.empty(), at);
  }
  if (rows) (void)c.value_text(rows - 1);
}

inline void check_tables(std::vector<Table>& tables) {
  for (Table& t : tables) {
    t.finalize();
    SDW_FUZZ_CHECK(valid_utf8(t.name), t.name);
    SDW_FUZZ_CHECK(valid_utf8(t.entry), t.entry);
    for (const auto& [k, v] : t.meta) SDW_FUZZ_CHECK(valid_utf8(k) && valid_utf8(v), t.name);
    const size_t rows = t.rows();
    for (const Column& c : t.columns) check_column(c, rows, t.name);
  }
}

// One format's parser, forced (no detection).
inline int run_parser(const char* id, const uint8_t* data, size_t size) {
  const FormatInfo* f = find_format(id);
  if (!f) broken("format not registered:", id);
  const FuzzInput in = decode_input(data, size);
  const ParseOptions o = make_options(in);
  std::unique_ptr<Parser> p = f->create(o);
  try {
    feed_chunks(in, [&](std::span<const uint8_t> c) { p->feed(c); });
    p->finish();
  } catch (const std::bad_alloc&) {
    return 0;  // out of memory is the Session's to report (-rss_limit_mb/-malloc_limit_mb catch runaways)
  } catch (const std::exception& e) {
    broken("exception out of a parser:", e.what());
  }
  (void)p->rows_so_far();
  check_diagnostics(p->diag);
  check_tables(p->tables);
  if (const auto* entries = p->entries())
    for (const EntryResult& e : *entries) {
      SDW_FUZZ_CHECK(valid_utf8(e.path), e.path);
      check_diagnostics(e.diag);
      if (!p->diag.failed) SDW_FUZZ_CHECK(e.first_table + e.table_count <= p->tables.size(), e.path);
    }
  return 0;
}

// Through a Session: detection on arbitrary bytes, head buffering, then whichever parser won.
inline int run_session(const uint8_t* data, size_t size) {
  const FuzzInput in = decode_input(data, size);
  const ParseOptions o = make_options(in);
  Session s(o);
  feed_chunks(in, [&](std::span<const uint8_t> c) { s.feed(c); });
  s.finish();
  SDW_FUZZ_CHECK(s.done(), "");
  SDW_FUZZ_CHECK(s.bytes_done() == in.data.size(), "");
  const Diagnostics& d = s.diagnostics();
  check_diagnostics(d);
  if (d.failed) SDW_FUZZ_CHECK(d.error.code != "parse.internal", d.error.en);
  SDW_FUZZ_CHECK(s.format() || d.failed, "no format and no failure");
  if (!s.format() && !in.data.empty()) SDW_FUZZ_CHECK(valid_utf8(s.detection().what_was_seen), "");
  for (const EntryResult& e : s.entries()) {
    SDW_FUZZ_CHECK(valid_utf8(e.path), e.path);
    check_diagnostics(e.diag);
    if (!d.failed) SDW_FUZZ_CHECK(e.first_table + e.table_count <= s.tables().size(), e.path);
  }
  check_tables(s.tables());
  return 0;
}

}  // namespace sdw::fuzz
