// XLSX reader (parsers/containers/xlsx.cpp): detection, cell types, shared/inline/rich strings, date serials in both
// systems, part order, sheets that give nothing, hostile workbooks. Fixtures: tests/data/xlsx/make_fixtures.py.
#include <doctest/doctest.h>

#include "parsers/containers/xlsx.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

const Table* table_named(const std::vector<Table>& ts, std::string_view name) {
  for (const Table& t : ts)
    if (t.name == name) return &t;
  return nullptr;
}
const Column* col(const Table& t, std::string_view name) {
  for (const Column& c : t.columns)
    if (c.name == name) return &c;
  return nullptr;
}
bool has_code(const Diagnostics& d, std::string_view code) { return d.count(code) > 0; }

}  // namespace

TEST_CASE("xlsx: date serials, 1900 system with its fake leap day, 1904 system, times") {
  std::string s;
  bool leap = false;
  // 45658 = 2025-01-01: 45292 is 2024-01-01 and 2024 has 366 days
  CHECK(excel_serial_text(45658, false, NumFmtKind::Date, s));
  CHECK(s == "2025-01-01");
  CHECK(excel_serial_text(45658.5, false, NumFmtKind::DateTime, s));
  CHECK(s == "2025-01-01 12:00:00");
  // 0.3541666667 day = 8.5 h
  CHECK(excel_serial_text(45689.3541666667, false, NumFmtKind::DateTime, s));
  CHECK(s == "2025-02-01 08:30:00");
  CHECK(excel_serial_text(1, false, NumFmtKind::Date, s));
  CHECK(s == "1900-01-01");
  CHECK(excel_serial_text(59, false, NumFmtKind::Date, s, &leap));
  CHECK(s == "1900-02-28");
  CHECK_FALSE(leap);
  CHECK(excel_serial_text(60, false, NumFmtKind::Date, s, &leap));  // Excel's 1900-02-29
  CHECK(s == "1900-02-28");
  CHECK(leap);
  CHECK(excel_serial_text(61, false, NumFmtKind::Date, s, &leap));
  CHECK(s == "1900-03-01");
  // 1904 system: serial 0 = 1904-01-01; 2025-01-01 = 45658 - 1462 = 44196
  CHECK(excel_serial_text(0, true, NumFmtKind::Date, s));
  CHECK(s == "1904-01-01");
  CHECK(excel_serial_text(44196, true, NumFmtKind::Date, s));
  CHECK(s == "2025-01-01");
  CHECK(excel_serial_text(0.75, false, NumFmtKind::Time, s));
  CHECK(s == "18:00:00");
  CHECK_FALSE(excel_serial_text(-1, false, NumFmtKind::Date, s));
  CHECK_FALSE(excel_serial_text(3e6, false, NumFmtKind::Date, s));
}

TEST_CASE("xlsx: number formats that are dates") {
  CHECK(numfmt_kind(14, "") == NumFmtKind::Date);
  CHECK(numfmt_kind(22, "") == NumFmtKind::DateTime);
  CHECK(numfmt_kind(20, "") == NumFmtKind::Time);
  CHECK(numfmt_kind(2, "") == NumFmtKind::Number);
  CHECK(numfmt_kind(164, "dd/mm/yyyy\\ hh:mm") == NumFmtKind::DateTime);
  CHECK(numfmt_kind(165, "[$-40C]d\\ mmmm\\ yyyy;@") == NumFmtKind::Date);
  CHECK(numfmt_kind(166, "0.000") == NumFmtKind::Number);
  CHECK(numfmt_kind(167, "0.00E+00") == NumFmtKind::Number);
  CHECK(numfmt_kind(168, "\"Total: \"General") == NumFmtKind::Number);
  CHECK(numfmt_kind(169, "[h]:mm:ss") == NumFmtKind::Time);
  CHECK(numfmt_kind(170, "#,##0.00\\ \"€\";[Red]\\-#,##0.00\\ \"€\"") == NumFmtKind::Number);
}

TEST_CASE("xlsx: detection by the parts, not the name") {
  const std::string x = read_fixture("xlsx/generic.xlsx");
  CHECK(xlsx_detect(x, "whatever.bin") == 97);
  CHECK(xlsx_detect(read_fixture("xlsx/generic_openpyxl_order.xlsx"), "") == 97);  // docProps/ first, then xl/
  CHECK(xlsx_detect(read_fixture("zip/takeout.zip").substr(0, 4096), "takeout.zip") == 0);
  const Parsed p = parse_session(x, "generic.xlsx");
  CHECK(p.format == "xlsx");
}

TEST_CASE("xlsx: cells of every type, sheet by sheet, in either part order") {
  for (const char* file : {"xlsx/generic.xlsx", "xlsx/generic_openpyxl_order.xlsx"}) {
    for (size_t chunk : {size_t(0), size_t(97)}) {
      CAPTURE(file);
      CAPTURE(chunk);
      const Parsed p = parse_session(read_fixture(file), "generic.xlsx", chunk);
      REQUIRE_MESSAGE(!p.diag.failed, p.dump);
      // sheet "Dépenses" has Date;Libellé;Montant: it is a bank statement -> transactions
      const Table* tx = table_named(p.tables, "transactions");
      REQUIRE_MESSAGE(tx, p.dump);
      REQUIRE(tx->rows() == 3);
      CHECK(col(*tx, "date")->value_text(0) == "2025-01-01");            // serial 45658, built-in format 14
      CHECK(col(*tx, "label")->value_text(0) == "Boulangerie; rue Haute");  // shared string with the delimiter
      CHECK(col(*tx, "label")->value_text(1) == "Loyer février");          // rich text runs joined, phonetic run left out
      CHECK(col(*tx, "label")->value_text(2) == "Remboursement \"Sécu\"");
      CHECK(col(*tx, "amount")->f64[0] == -3.5);
      CHECK(col(*tx, "amount")->f64[1] == -650.25);
      CHECK(col(*tx, "amount")->f64[2] == 0.1 + 0.2);                      // full precision kept
      // the hidden sheet is read, as a generic table named after it
      const Table* notes = table_named(p.tables, "Notes cachées");
      REQUIRE(notes);
      CHECK(notes->rows() == 1);
      CHECK(col(*notes, "valeur")->type == ColumnType::Int64);
      CHECK(has_code(p.diag, "xlsx.hidden_sheets"));
      CHECK(has_code(p.diag, "xlsx.error_cells"));  // #DIV/0! read as empty, counted
      CHECK(has_code(p.diag, "xlsx.empty_sheet"));   // "Vide", as an info note (other sheets gave rows)
    }
  }
}

TEST_CASE("xlsx: a generic sheet keeps dates, date-times, times and booleans typed") {
  const Parsed p = parse_session(read_fixture("xlsx/date1904.xlsx"), "date1904.xlsx");
  REQUIRE_MESSAGE(!p.diag.failed, p.dump);
  const Table* t = table_named(p.tables, "Feuil1");
  REQUIRE_MESSAGE(t, p.dump);
  REQUIRE(t->rows() == 2);
  CHECK(col(*t, "jour")->type == ColumnType::Date);
  CHECK(col(*t, "jour")->value_text(0) == "2025-01-01");  // 1904 serial 44196
  CHECK(col(*t, "jour")->value_text(1) == "1904-01-01");  // 1904 serial 0
  CHECK(has_code(p.diag, "xlsx.date1904"));
}

TEST_CASE("xlsx: a workbook that yields nothing says so, sheet by sheet") {
  const Parsed p = parse_session(read_fixture("xlsx/nothing.xlsx"), "nothing.xlsx");
  REQUIRE_FALSE(p.diag.failed);
  uint64_t rows = 0;
  for (const Table& t : p.tables) rows += t.rows();
  CHECK(rows == 0);
  CHECK(p.diag.count("xlsx.nothing_read") == 2);
  bool named = false, why = false;
  for (const Message& m : p.diag.warnings)
    if (m.code == "xlsx.nothing_read") {
      CHECK_FALSE(m.info);  // a real warning, not a silent "ready"
      named |= m.fr.find("« Titre seul »") != std::string::npos;
      why |= m.en.find("no data row under the header") != std::string::npos;
    }
  CHECK(named);
  CHECK(why);
}

TEST_CASE("xlsx: hostile parts (deep nesting, rows beyond Excel's last) are bounded with messages") {
  const Parsed p = parse_session(read_fixture("xlsx/hostile.xlsx"), "hostile.xlsx");
  REQUIRE_MESSAGE(!p.diag.failed, p.dump);
  CHECK(has_code(p.diag, "xlsx.part_error"));   // 200 nested <ext>: abandoned at depth 64
  CHECK(has_code(p.diag, "xlsx.dropped_cells"));  // row 2 000 000 > 1 048 576
  const Table* t = table_named(p.tables, "Grand");
  REQUIRE(t);
  CHECK(t->rows() == 2);  // the absurd <dimension> allocates nothing; rows 2 and 3 only
}

TEST_CASE("xlsx: corrupt and truncated workbooks") {
  std::string x = read_fixture("xlsx/generic.xlsx");
  // truncated in the middle: complete parts are kept, the cut is said
  const Parsed cut = parse_session(std::string_view(x).substr(0, x.size() / 2), "cut.xlsx");
  CHECK((cut.diag.failed || cut.diag.count("zip.truncated") == 1));
  // a flipped byte inside a deflated part: its CRC fails, the part is dropped with a message
  std::string bad = x;
  const size_t at = bad.find("xl/worksheets/sheet1.xml");
  REQUIRE(at != std::string::npos);
  bad[at + 24 + 40] ^= 0x55;
  const Parsed b = parse_session(bad, "bad.xlsx");
  CHECK_FALSE(b.diag.failed);
  CHECK(b.diag.warnings.size() >= 1);
}

TEST_CASE("xlsx: shared strings and cells beyond the budget are left out with warnings, never an abort") {
  const std::string x = read_fixture("xlsx/many_strings.xlsx");  // 2 000 rows: n, "chaîne numéro 00000"…
  auto run = [&](const XlsxLimits& lim) {
    ParseOptions o;
    o.file_name = "many_strings.xlsx";
    auto p = xlsx_create_with_limits(o, lim);
    p->feed(bytes_of(x));
    p->finish();
    return p;
  };
  XlsxLimits strings;
  strings.max_string_bytes = 4096;  // each "chaîne numéro 00042" is 20 bytes: ~200 strings fit
  auto a = run(strings);
  REQUIRE_FALSE(a->diag.failed);
  CHECK(a->diag.count("xlsx.strings_too_big") == 1);
  CHECK(a->diag.count("xlsx.missing_shared") == 0);  // kept as empty cells, not as missing references
  XlsxLimits cells;
  cells.max_cells = 100;
  auto b = run(cells);
  REQUIRE_FALSE(b->diag.failed);
  CHECK(b->diag.count("xlsx.too_many_cells") == 1);
  uint64_t rows = 0;
  for (const Table& t : b->tables) rows += t.rows();
  CHECK(rows == 49);  // 100 cells = the header row and 49 data rows of 2 cells
}
