// CSV/TSV parser on real-shaped fixtures (tests/data/csv, made by make_fixtures.py) and generated files:
// exact values, sums and instants; sniffing; type changes; warnings with lines; chunk-size invariance.
#include <doctest/doctest.h>

#include <numeric>

#include "parsers/readers/csv.h"
#include "parsers/core/values.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

double sum(const Column& c) {
  double s = 0;
  for (size_t i = 0; i < c.size(); ++i)
    if (c.valid[i]) s += c.type == ColumnType::Float64 ? c.f64[i] : double(c.i64[i]);
  return s;
}

Parsed fixture(const char* name, const std::string& tz = "Europe/Paris") {
  return parse_session(read_fixture(std::string("csv/") + name), name, 0, tz);
}

struct Rec {
  std::vector<std::string> fields;
  uint64_t offset, line;
};
struct CollectSink : RecordSink {
  std::vector<Rec> recs;
  void on_record(std::span<const std::string_view> f, uint64_t off, uint64_t line) override {
    recs.push_back({std::vector<std::string>(f.begin(), f.end()), off, line});
  }
};

std::vector<Rec> read_records(std::string_view text, char delim, size_t chunk, bool* open_quote = nullptr) {
  CsvRecordReader r(delim);
  CollectSink sink;
  for (size_t p = 0; p < text.size(); p += chunk) r.feed(text.substr(p, chunk), sink);
  bool q = r.finish(sink);
  if (open_quote) *open_quote = q;
  return sink.recs;
}

}  // namespace

// [SECTION] record reader

TEST_CASE("RFC 4180 reader: quotes, doubled quotes, embedded newlines, every line end, any chunking") {
  const std::string text =
      "a,\"b,1\",c\r\n"            // line 1, offset 0
      "\"x\"\"y\",\"l1\r\nl2\",z\n"  // line 2 (spans 2-3), offset 11
      "\n"                         // blank line 4: skipped
      "last,\"\",\r"               // line 5, offset 30
      "cr,only\r"                  // line 6, offset 39
      "\"unterminated,\nstill";    // line 7, offset 47
  for (size_t chunk : {1, 2, 3, 7, 64, 4096}) {
    bool open = false;
    auto r = read_records(text, ',', chunk, &open);
    REQUIRE(r.size() == 5);
    CHECK(r[0].fields == std::vector<std::string>{"a", "b,1", "c"});
    CHECK(r[1].fields == std::vector<std::string>{"x\"y", "l1\r\nl2", "z"});
    CHECK(r[2].fields == std::vector<std::string>{"last", "", ""});
    CHECK(r[3].fields == std::vector<std::string>{"cr", "only"});
    CHECK(r[4].fields == std::vector<std::string>{"unterminated,\nstill"});
    CHECK(r[0].line == 1);
    CHECK(r[1].line == 2);
    CHECK(r[2].line == 5);
    CHECK(r[3].line == 6);
    CHECK(r[4].line == 7);
    CHECK(r[1].offset == 11);
    CHECK(r[2].offset == 30);
    CHECK(r[3].offset == 39);
    CHECK(r[4].offset == 47);
    CHECK(open);
  }
}

// [SECTION] sniffing

TEST_CASE("delimiter sniffing") {
  struct Case { const char* text; char delim; size_t cols; size_t block; };
  const Case cases[] = {
      {"Date;Montant\n01/02/2023;1,5\n02/02/2023;-3,25\n03/02/2023;4\n", ';', 2, 0},
      {"a,b,c\n1,2,3\n4,5,6\n", ',', 3, 0},
      {"a\tb\n1\t2\n3\t4\n", '\t', 2, 0},
      {"a|b|c\n1|x;y|3\n4|5|6\n", '|', 3, 0},
      {"Temp;Hum\n1,5;2,5\n3,5;4,5\n", ';', 2, 0},
      {"Compte;123\nSolde;4,5\n\nDate;Libellé;Débit;Crédit\n01/01/2023;x;-1,5;\n02/01/2023;y;;2,5\n", ';', 4, 2},
      {"Solde;1 234,56;;\nDate;Libellé;Débit;Crédit\n01/01/2023;x;-1,5;\n02/01/2023;y;;2,5\n", ';', 4, 1},
      {"une seule colonne\nvaleur, avec virgule\nautre valeur\nencore une\n", '\x1F', 1, 0},
  };
  for (const Case& c : cases) {
    CsvSniff s = sniff_csv(c.text, true);
    CHECK_MESSAGE(s.delimiter == c.delim, std::string(c.text));
    CHECK_MESSAGE(s.columns == c.cols, std::string(c.text));
    CHECK_MESSAGE(s.block_start == c.block, std::string(c.text));
  }
}

TEST_CASE("detection confidence") {
  CHECK(csv_detect("a;b\n1;2\n3;4\n", "x.csv") == 60);
  CHECK(csv_detect("a;b\n1;2\n3;4\n", "export") == 50);
  CHECK(csv_detect("{\"a\": 1}\n", "x.csv") == 0);
  CHECK(csv_detect("  [1, 2, 3]\n", "x.csv") == 0);
  CHECK(csv_detect("<?xml version=\"1.0\"?><gpx/>", "x.gpx") == 0);
  CHECK(csv_detect(std::string_view("a;b\0\x01\x02\n", 8), "x.csv") == 0);
  CHECK(csv_detect("Il était une fois\nun fichier texte\n", "conte.txt") == 0);
  CHECK(csv_detect("liste\nde\nvaleurs\n", "valeurs.csv") == 15);
}

// [SECTION] fixtures

TEST_CASE("Windows-1252 bank statement with account lines before the header") {
  // the generic parser directly: detection gives this file to the bank parser (tests/bank_test.cpp)
  Parsed p = parse_direct(read_fixture("csv/bank_cp1252.csv"), "bank_cp1252.csv", 0, "csv");
  CHECK(p.format == "csv");
  CHECK(p.encoding == "windows-1252");
  REQUIRE(p.tables.size() == 1);
  const Table& t = p.tables[0];
  CHECK(t.rows() == 10);
  REQUIRE(t.columns.size() == 4);
  CHECK(t.columns[1].name == "Libellé");
  CHECK(col(p, "Date").type == ColumnType::Date);
  CHECK(col(p, "Date").value_text(0) == "2023-01-02");
  CHECK(col(p, "Date").value_text(9) == "2023-01-31");
  const Column& lib = col(p, "Libellé");
  CHECK(lib.type == ColumnType::String);
  CHECK(lib.string_at(0) == "CB Boulangerie Crêpe & Cœur");
  CHECK(lib.string_at(3) == "CB Librairie l’Œil écoute");
  CHECK(lib.string_at(5) == "Frais tenue de compte €");
  CHECK(lib.string_at(8) == "VIR Caf « allocation »");
  const Column& debit = col(p, "Débit");
  const Column& credit = col(p, "Crédit");
  CHECK(debit.type == ColumnType::Float64);
  CHECK(credit.type == ColumnType::Float64);
  CHECK(sum(debit) == doctest::Approx(-2137.18));
  CHECK(sum(credit) == doctest::Approx(2519.94));
  CHECK(debit.f64[3] == -1234.56);
  CHECK(debit.null_count == 4);
  CHECK(credit.null_count == 6);
  REQUIRE(t.meta.size() == 3);
  CHECK(t.meta[0] == std::pair<std::string, std::string>{"preamble_1", "Numéro de compte;00012345678"});
  CHECK(t.meta[2].second == "Solde au 31/01/2023;1 234,56 €");
  CHECK(p.diag.count("csv.preamble") == 1);
  CHECK(p.diag.warnings[0].en.find("3 line(s)") != std::string::npos);
  CHECK(p.diag.warnings[0].info);
  CHECK(p.diag.count("encoding.mixed") == 0);
  CHECK(!p.diag.failed);
}

TEST_CASE("Enedis load curve: two-line preamble as metadata, offsets across both DST changes") {
  // the generic parser directly: detection gives this file to the Enedis parser (tests/enedis_test.cpp)
  Parsed p = parse_direct(read_fixture("csv/enedis_load_curve.csv"), "enedis_load_curve.csv", 0, "csv");
  REQUIRE(p.tables.size() == 1);
  const Table& t = p.tables[0];
  CHECK(t.rows() == 36);
  const Column& h = col(p, "Horodate");
  const Column& v = col(p, "Valeur");
  CHECK(h.type == ColumnType::Timestamp);
  CHECK(v.type == ColumnType::Int64);
  CHECK(h.has_offsets());
  // window 1: 2023-03-25T21:00Z .. 2023-03-26T05:00Z, window 2: 2023-10-28T20:00Z .. 2023-10-29T05:00Z
  for (size_t i = 0; i < 17; ++i) CHECK(h.i64[i] == utc_us(2023, 3, 25, 21, 0) + int64_t(i) * 1800000000);
  for (size_t i = 17; i < 36; ++i) CHECK(h.i64[i] == utc_us(2023, 10, 28, 20, 0) + int64_t(i - 17) * 1800000000);
  CHECK(h.utc_offset_min[7] == 60);    // 2023-03-26T01:30:00+01:00
  CHECK(h.utc_offset_min[8] == 120);   // 2023-03-26T03:00:00+02:00
  CHECK(h.value_text(8) == "2023-03-26T01:00:00Z");
  CHECK(h.utc_offset_min[26] == 120);  // 2023-10-29T02:30:00+02:00
  CHECK(h.utc_offset_min[27] == 60);   // 2023-10-29T02:00:00+01:00
  CHECK(h.value_text(27) == "2023-10-29T01:00:00Z");
  int64_t expected = 0;
  for (int i = 0; i < 36; ++i) expected += 100 + (i * 37) % 500;
  CHECK(sum(v) == double(expected));
  REQUIRE(t.meta.size() == 8);
  CHECK(t.meta[0] == std::pair<std::string, std::string>{"Identifiant PRM", "12345678901234"});
  CHECK(t.meta[2] == std::pair<std::string, std::string>{"Date de debut", "01/01/2023"});
  CHECK(t.meta[7] == std::pair<std::string, std::string>{"Unite", "W"});
  CHECK(p.diag.count("csv.preamble") == 1);
  CHECK(p.diag.count("time.dst_overlap") == 0);  // explicit offsets: nothing ambiguous
}

TEST_CASE("local times crossing the 2023-10-29 fall-back resolve to a regular series") {
  Parsed p = fixture("local_overlap.csv");
  const Column& h = col(p, "Horodate");
  REQUIRE(h.size() == 13);
  CHECK(!h.has_offsets());
  for (size_t i = 0; i < 13; ++i)
    CHECK_MESSAGE(h.i64[i] == utc_us(2023, 10, 28, 21, 0) + int64_t(i) * 1800000000, i);
  CHECK(sum(col(p, "Consommation (kWh)")) == doctest::Approx(13.0));
  REQUIRE(p.diag.count("time.dst_overlap") == 1);
  const Message* m = nullptr;
  for (const Message& w : p.diag.warnings)
    if (w.code == "time.dst_overlap") m = &w;
  REQUIRE(m);
  CHECK(m->where.line == 8);
  CHECK(m->en.find(" 4 ambiguous") != std::string::npos);

  // read as UTC, the same wall clock goes back one hour and nothing is flagged
  Parsed u = fixture("local_overlap.csv", "UTC");
  CHECK(col(u, "Horodate").i64[6] == utc_us(2023, 10, 29, 2, 0));
  CHECK(col(u, "Horodate").i64[8] == utc_us(2023, 10, 29, 2, 0));
  CHECK(u.diag.count("time.dst_overlap") == 0);
}

TEST_CASE("a local time inside the spring-forward gap is read with +01:00 and flagged") {
  Parsed p = fixture("local_gap.csv");
  const Column& d = col(p, "Date");
  REQUIRE(d.type == ColumnType::Timestamp);
  REQUIRE(d.size() == 6);
  CHECK(d.value_text(2) == "2023-03-26T00:30:00Z");
  CHECK(d.value_text(3) == "2023-03-26T01:30:00Z");  // 02:30 does not exist
  CHECK(d.value_text(4) == "2023-03-26T01:00:00Z");
  CHECK(col(p, "Commentaire").string_at(3) == "heure inexistante, exportée quand même");
  CHECK(col(p, "Commentaire").null_count == 5);
  CHECK(sum(col(p, "Index")) == 6150);
  REQUIRE(p.diag.count("time.dst_gap") == 1);
  for (const Message& w : p.diag.warnings)
    if (w.code == "time.dst_gap") CHECK(w.where.line == 5);
}

TEST_CASE("UTF-8 BOM, CRLF, quoted commas, doubled quotes, embedded newline") {
  Parsed p = fixture("utf8_bom_quoted.csv");
  CHECK(p.encoding == "utf-8-bom");
  REQUIRE(p.tables.size() == 1);
  CHECK(p.tables[0].columns[0].name == "id");  // BOM not glued to the first name
  CHECK(col(p, "id").type == ColumnType::Int64);
  CHECK(sum(col(p, "id")) == 10);
  CHECK(col(p, "nom").string_at(0) == "Dupont, Jean");
  CHECK(col(p, "nom").string_at(2) == "Émilie");
  CHECK(col(p, "nom").string_at(3) == "Zoë \"la grande\"");
  CHECK(col(p, "note").string_at(0) == "Il a dit \"bonjour\"");
  CHECK(col(p, "note").string_at(1) == "ligne 1\r\nligne 2");
  CHECK(!col(p, "note").valid[2]);
  CHECK(sum(col(p, "montant")) == doctest::Approx(17.0));
  CHECK(p.diag.warnings.empty());
}

TEST_CASE("UTF-16LE with BOM, tab separated, surrogate pairs") {
  // the generic parser directly: a Date/Libellé/Montant header goes to the bank parser (tests/bank_test.cpp)
  Parsed p = parse_direct(read_fixture("csv/utf16le_bom.tsv"), "utf16le_bom.tsv", 0, "csv");
  CHECK(p.encoding == "utf-16le");
  CHECK(col(p, "Date").type == ColumnType::Date);
  CHECK(col(p, "Libellé").string_at(0) == "Café ☕ 😀");
  CHECK(col(p, "Libellé").string_at(1) == "Pâtisserie « œuf »");
  CHECK(col(p, "Libellé").string_at(2) == "Remboursement 𝄞 €");
  CHECK(sum(col(p, "Montant")) == doctest::Approx(30.3));
}

TEST_CASE("pipe and tab delimiters, booleans, leading-zero codes stay text") {
  Parsed pipe = fixture("pipe.csv");
  CHECK(col(pipe, "code").type == ColumnType::String);
  CHECK(col(pipe, "code").string_at(0) == "01000");
  CHECK(sum(col(pipe, "population")) == 2368396);
  CHECK(sum(col(pipe, "superficie_km2")) == doctest::Approx(275.59));

  Parsed tsv = fixture("plain.tsv");
  const Column& ch = col(tsv, "chauffage");
  CHECK(ch.type == ColumnType::Bool);
  CHECK(ch.value_text(0) == "true");
  CHECK(ch.value_text(1) == "false");
  CHECK(ch.value_text(2) == "true");
  CHECK(sum(col(tsv, "kwh")) == doctest::Approx(460.75));
  CHECK(col(tsv, "semaine").type == ColumnType::String);

  Parsed ids = fixture("leading_zero_ids.csv");
  CHECK(col(ids, "pdl").type == ColumnType::String);
  CHECK(col(ids, "pdl").string_at(0) == "01234567890123");
  CHECK(col(ids, "pdl").string_at(2) == "00000000000001");
  CHECK(col(ids, "compteur").string_at(1) == "0007");
  CHECK(col(ids, "index_kwh").type == ColumnType::Int64);
  CHECK(sum(col(ids, "index_kwh")) == 4779);
}

TEST_CASE("CR-only line ends") {
  Parsed p = fixture("cr_only.csv");
  CHECK(col(p, "jour").type == ColumnType::Date);
  CHECK(col(p, "pas").size() == 3);
  CHECK(sum(col(p, "pas")) == 18275);
  CHECK(col(p, "pas").null_count == 1);
}

TEST_CASE("unterminated quote: warning at the record's start line, earlier data kept") {
  Parsed p = fixture("unterminated_quote.csv");
  REQUIRE(p.tables.size() == 1);
  CHECK(p.tables[0].rows() == 3);
  CHECK(col(p, "commentaire").string_at(0) == "ok");
  CHECK(col(p, "commentaire").string_at(1) == "fermé \"ici\"");
  CHECK(col(p, "commentaire").string_at(2) == "jamais fermé\n4;suite\n5;fin\n");
  REQUIRE(p.diag.count("csv.unterminated_quote") == 1);
  const Message& m = p.diag.warnings.back();
  CHECK(m.code == "csv.unterminated_quote");
  CHECK(m.where.line == 4);
  CHECK(m.where.byte_offset == 39);
  CHECK(!p.diag.failed);
}

TEST_CASE("ragged rows: short rows padded with nulls, long rows cut, both reported with their line") {
  Parsed p = fixture("ragged.csv");
  REQUIRE(p.tables.size() == 1);
  CHECK(p.tables[0].columns.size() == 3);
  CHECK(p.tables[0].rows() == 5);
  CHECK(!col(p, "ville").valid[1]);
  CHECK(col(p, "ville").string_at(2) == "Nice");
  CHECK(col(p, "ville").string_at(4) == "Brest");  // trailing empty cell: silently dropped
  CHECK(sum(col(p, "age")) == 193);
  REQUIRE(p.diag.warnings.size() == 2);
  CHECK(p.diag.warnings[0].code == "csv.ragged_row");
  CHECK(p.diag.warnings[0].where.line == 3);
  CHECK(p.diag.warnings[0].where.byte_offset == 26);
  CHECK(p.diag.warnings[1].where.line == 4);
}

TEST_CASE("header detection and names") {
  Parsed none = parse_session("1;2,5\n3;4,5\n5;6\n", "n.csv");
  REQUIRE(none.tables.size() == 1);
  CHECK(none.tables[0].rows() == 3);
  CHECK(none.tables[0].columns[0].name == "colonne_1");
  CHECK(none.tables[0].columns[1].name == "colonne_2");
  CHECK(none.tables[0].columns[1].type == ColumnType::Float64);

  Parsed dup = parse_session(" montant ;montant;;montant_2\n1;2;3;4\n5;6;7;8\n", "d.csv");
  REQUIRE(dup.tables.size() == 1);
  const auto& c = dup.tables[0].columns;
  REQUIRE(c.size() == 4);
  CHECK(c[0].name == "montant");
  CHECK(c[1].name == "montant_2");
  CHECK(c[2].name == "colonne_3");
  CHECK(c[3].name == "montant_2_2");

  Parsed text = parse_session("nom,ville\nAna,Lyon\nBob,Nice\n", "t.csv");
  CHECK(text.tables[0].columns[0].name == "nom");
  CHECK(text.tables[0].rows() == 2);

  Parsed nulls = parse_session("a;b\n1;NA\n2;n/a\n-;\n", "x.csv");
  CHECK(col(nulls, "a").null_count == 1);
  CHECK(col(nulls, "b").null_count == 3);
}

TEST_CASE("type changes after the inference window: promotion and demotion with one warning") {
  std::string s = "id;qte;code;jour;quand\n";
  for (int i = 0; i < 1500; ++i) {
    s += std::to_string(i) + ";";
    s += (i == 1200 ? std::string("2,5") : std::to_string(i % 7)) + ";";
    s += (i == 1300 ? std::string("inconnu") : std::to_string(100 + i)) + ";";
    s += (i == 1400 ? std::string("bientôt") : "05/01/2023") + ";";
    s += (i == 1450 ? std::string("plus tard") : "2023-01-05T10:00:00Z");
    s += (i == 1499 ? "" : "\n");  // last line without newline
  }
  Parsed p = parse_session(s, "types.csv");
  REQUIRE(p.tables.size() == 1);
  CHECK(p.tables[0].rows() == 1500);
  const Column& qte = col(p, "qte");
  CHECK(qte.type == ColumnType::Float64);
  double expected = 2.5;
  for (int i = 0; i < 1500; ++i) expected += i == 1200 ? 0 : i % 7;
  CHECK(sum(qte) == doctest::Approx(expected));
  const Column& code = col(p, "code");
  CHECK(code.type == ColumnType::String);
  CHECK(code.string_at(0) == "100");
  CHECK(code.string_at(1300) == "inconnu");
  CHECK(code.string_at(1499) == "1599");
  CHECK(col(p, "jour").string_at(0) == "2023-01-05");
  CHECK(col(p, "jour").string_at(1400) == "bientôt");
  CHECK(col(p, "jour").string_at(1401) == "05/01/2023");
  CHECK(col(p, "quand").string_at(0) == "2023-01-05T10:00:00Z");
  CHECK(col(p, "id").type == ColumnType::Int64);
  CHECK(sum(col(p, "id")) == 1499.0 * 1500 / 2);
  REQUIRE(p.diag.count("csv.type_changed") == 3);
  CHECK(p.diag.warnings[0].where.line == 1302);
  CHECK(p.diag.warnings[0].en.find("\"code\"") != std::string::npos);
  CHECK(p.diag.warnings[1].where.line == 1402);
  CHECK(p.diag.warnings[2].where.line == 1452);
}

TEST_CASE("warnings are capped per code") {
  std::string s = "a;b;c\n";
  for (int i = 0; i < 250; ++i) s += i % 5 < 2 ? "1;2\n" : "1;2;3\n";  // 100 short rows among 250
  Parsed p = parse_session(s, "r.csv");
  CHECK(p.tables[0].rows() == 250);
  CHECK(p.diag.warnings.size() == Diagnostics::k_max_per_code);
  REQUIRE(p.diag.suppressed.size() == 1);
  CHECK(p.diag.suppressed[0].second == 80);
  CHECK(p.diag.count("csv.ragged_row") == 100);
}

// [SECTION] streaming: results must not depend on chunk boundaries

namespace {

// A load curve larger than the sniffing window, so later chunks hit the reader at every boundary:
// CRLF, a quoted field with a newline, a stray Windows-1252 byte in a UTF-8 file, DST in local time.
std::string big_mixed_file(uint64_t* stray_offset) {
  std::string s =
      "Identifiant PRM;Type;Pas;Unite\r\n01234567890123;Courbe;10 min;kW\r\nHorodate;Valeur;Note\r\n";
  const int64_t start = utc_us(2023, 10, 27, 0, 0) / 1000000;
  for (int i = 0; i < 6000; ++i) {
    int64_t t = start + int64_t(i) * 600;  // every 10 minutes, UTC
    int64_t local = t + sdw::paris_offset_minutes(t) * 60;
    int64_t days = local / 86400, sod = local % 86400;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s %02d:%02d:00", format_date(int32_t(days)).c_str(), int(sod / 3600),
                  int(sod / 60 % 60));
    s += buf;
    s += ";" + std::to_string(i % 17) + "," + std::to_string(i % 10) + ";";
    if (i == 2000) s += "\"relevé\r\nmanuel\"";
    if (i == 2500) { *stray_offset = s.size() + 3; s += "caf\xE9"; }  // cp1252 'é' in a UTF-8 file
    if (i == 2600) s += "€ ok";
    s += "\r\n";
  }
  return s;
}

}  // namespace

TEST_CASE("a file beyond the sniffing window: exact values, mixed encoding warning, DST overlap") {
  uint64_t stray = 0;
  const std::string data = big_mixed_file(&stray);
  REQUIRE(data.size() > 2 * k_head_bytes);
  Parsed p = parse_session(data, "big.csv", 4096);
  CHECK(p.encoding == "utf-8");
  REQUIRE(p.tables.size() == 1);
  CHECK(p.tables[0].rows() == 6000);
  const Column& h = col(p, "Horodate");
  REQUIRE(h.type == ColumnType::Timestamp);
  bool regular = true;
  for (size_t i = 0; i < 6000; ++i) regular &= h.i64[i] == utc_us(2023, 10, 27, 0, 0) + int64_t(i) * 600000000;
  CHECK(regular);
  CHECK(p.diag.count("time.dst_overlap") == 1);
  const Column& note = col(p, "Note");
  CHECK(note.string_at(2000) == "relevé\r\nmanuel");
  CHECK(note.string_at(2500) == "café");
  CHECK(note.string_at(2600) == "€ ok");
  double expected = 0;
  for (int i = 0; i < 6000; ++i) expected += (i % 17) + (i % 10) / 10.0;
  CHECK(sum(col(p, "Valeur")) == doctest::Approx(expected));
  REQUIRE(p.diag.count("encoding.mixed") == 1);
  for (const Message& w : p.diag.warnings)
    if (w.code == "encoding.mixed") CHECK(w.where.byte_offset == stray);
  CHECK(p.tables[0].meta.size() == 4);
}

TEST_CASE("every fixture gives identical output whatever the chunk size") {
  const char* files[] = {"bank_cp1252.csv", "enedis_load_curve.csv", "local_overlap.csv", "local_gap.csv",
                         "utf8_bom_quoted.csv", "utf16le_bom.tsv", "pipe.csv", "plain.tsv",
                         "leading_zero_ids.csv", "unterminated_quote.csv", "ragged.csv", "cr_only.csv",
                         "empty.csv", "garbage.bin"};
  std::vector<std::pair<std::string, std::string>> inputs;
  for (const char* f : files) inputs.emplace_back(f, read_fixture(std::string("csv/") + f));
  uint64_t stray = 0;
  inputs.emplace_back("big_mixed.csv", big_mixed_file(&stray));
  for (const auto& input : inputs) {
    const std::string& name = input.first;  // (no structured binding: clang 14 cannot capture one in CHECKs)
    const std::string& data = input.second;
    const Parsed whole = parse_session(data, name);
    CHECK_MESSAGE(whole.dump.size() > 10, name);
    const bool is_csv = whole.format == "csv";
    const Parsed direct_whole = is_csv ? parse_direct(data, name, 0) : Parsed{};
    if (is_csv) CHECK_MESSAGE(first_diff(direct_whole.dump, whole.dump) == "", name);
    for (size_t chunk : {1, 2, 3, 7, 64, 4096}) {
      CHECK_MESSAGE(first_diff(parse_session(data, name, chunk).dump, whole.dump) == "", name << " chunk " << chunk);
      if (is_csv)
        CHECK_MESSAGE(first_diff(parse_direct(data, name, chunk).dump, whole.dump) == "",
                      name << " direct chunk " << chunk);
    }
  }
}
