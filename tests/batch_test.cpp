// Batches while streaming (Session::take_rows): a parse whose rows are moved out as they come must
// give exactly the rows of a parse that kept everything, so the browser can ship batches to DuckDB
// and keep the wasm heap flat.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parsers/parser.h"
#include "parsers/values.h"
#include "tests/test_util.h"

using namespace sdw;

namespace {

// Text of row r of a table, one cell per column.
std::string row_text(const Table& t, size_t r) {
  std::string s;
  for (const Column& c : t.columns) s += (c.valid[r] ? c.value_text(r) : "<null>") + "|";
  return s;
}

struct Drained {
  std::vector<std::string> rows;       // every row, in order, across batches and the final rest
  std::vector<std::string> types;      // column types of the final table
  size_t batches = 0;
  size_t max_rows_held = 0;            // most rows held by the parser at a drain
};

Drained parse_draining(const std::string& text, size_t chunk, size_t min_rows) {
  Session s(ParseOptions{"batch.csv"});
  Drained d;
  for (size_t i = 0; i < text.size(); i += chunk) {
    s.feed(test::bytes_of(std::string_view(text).substr(i, chunk)));
    if (!s.can_take_rows()) continue;
    for (size_t t = 0; t < s.tables().size(); ++t) {
      if (s.tables()[t].rows() < min_rows) continue;
      d.max_rows_held = std::max(d.max_rows_held, s.tables()[t].rows());
      Table b = s.take_rows(t);
      b.finalize();
      CHECK(s.tables()[t].rows() == 0);
      CHECK(s.tables()[t].columns.size() == b.columns.size());
      for (size_t r = 0; r < b.rows(); ++r) d.rows.push_back(row_text(b, r));
      ++d.batches;
    }
  }
  s.finish();
  REQUIRE_FALSE(s.diagnostics().failed);
  for (Table& t : s.tables()) {
    t.finalize();
    for (size_t r = 0; r < t.rows(); ++r) d.rows.push_back(row_text(t, r));
    for (const Column& c : t.columns) d.types.push_back(column_type_name(c.type));
  }
  return d;
}

std::vector<std::string> parse_whole(const std::string& text) {
  Session s(ParseOptions{"batch.csv"});
  s.feed(test::bytes_of(text));
  s.finish();
  std::vector<std::string> rows;
  for (Table& t : s.tables()) {
    t.finalize();
    for (size_t r = 0; r < t.rows(); ++r) rows.push_back(row_text(t, r));
  }
  return rows;
}

// A load curve as a generic CSV (two preamble lines), then half-hourly readings crossing the spring-forward day.
std::string load_curve(int rows) {
  std::string s = "Compteur;Maison rue des Mouettes\nExport;2023\nhorodatage;puissance_w;qualite\n";
  int64_t t = 1679698800;  // 2023-03-25T00:00:00+01:00
  for (int i = 0; i < rows; ++i, t += 1800) {
    int off = (t >= 1679792400) ? 2 : 1;  // 2023-03-26T01:00:00Z: summer time
    int64_t local = t + off * 3600;
    int64_t days = local / 86400, sec = local % 86400;
    int64_t y; unsigned m, dd;
    civil_from_days(days, y, m, dd);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:00+0%d:00;%d;%s\n", (int)y, m, dd, (int)(sec / 3600),
                  (int)(sec % 3600 / 60), off, 300 + (i * 37) % 2500, i % 7 ? "R" : "E");
    s += buf;
  }
  return s;
}

}  // namespace

TEST_CASE("draining batches while streaming gives exactly the rows of a whole parse") {
  const std::string text = load_curve(20000);
  const auto whole = parse_whole(text);
  REQUIRE(whole.size() == 20000);
  for (size_t chunk : {size_t(7), size_t(4096), size_t(65536)}) {
    CAPTURE(chunk);
    Drained d = parse_draining(text, chunk, 1000);
    CHECK(d.batches > 5);
    CHECK(d.rows == whole);
    CHECK(d.types == std::vector<std::string>{"timestamp", "int64", "string"});
    CHECK(d.max_rows_held < 1000 + 65536 / 20);   // never much more than a batch plus one chunk of rows
  }
}

TEST_CASE("a column that changes type after a batch was taken: later batches carry the new type") {
  std::string text = "id;montant\n";
  for (int i = 0; i < 30000; ++i) text += std::to_string(i) + ";" + std::to_string(i * 3) + "\n";   // > 64 KiB head
  text += "30000;12,5\n30001;n/d\n30002;7\n";
  Session s(ParseOptions{"types.csv"});
  std::vector<std::string> batch_types;
  for (size_t i = 0; i < text.size(); i += 4096) {
    s.feed(test::bytes_of(std::string_view(text).substr(i, 4096)));
    if (s.can_take_rows() && !s.tables().empty() && s.tables()[0].rows() >= 1000) {
      Table b = s.take_rows(0);
      batch_types.push_back(column_type_name(b.columns[1].type));
    }
  }
  s.finish();
  REQUIRE_FALSE(s.diagnostics().failed);
  REQUIRE(!batch_types.empty());
  CHECK(batch_types.front() == "int64");
  const Table& rest = s.tables()[0];
  CHECK(std::string(column_type_name(rest.columns[1].type)) == "string");   // "n/d" demoted the column
  CHECK(rest.columns[1].value_text(rest.rows() - 1) == "7");
}

TEST_CASE("formats that build their tables at the end do not offer batches") {
  Session s(ParseOptions{"x.json"});
  std::string j = "[";
  for (int i = 0; i < 5000; ++i) j += std::string(i ? "," : "") + "{\"a\":" + std::to_string(i) + "}";
  j += "]";
  s.feed(test::bytes_of(j));
  CHECK_FALSE(s.can_take_rows());
  s.finish();
  CHECK(s.tables().at(0).rows() == 5000);
}
