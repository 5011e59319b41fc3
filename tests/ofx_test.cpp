// OFX statements (tests/data/ofx, made by make_fixtures.py): OFX 1.0.2 SGML in Windows-1252 with unclosed
// tags, decimal commas and [+1:CET] dates; OFX 2.2 XML credit card statement with a foreign currency; a cut
// file; detection; chunk invariance.
#include <doctest/doctest.h>

#include "parsers/formats/ofx.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

Parsed ofx(const char* name, size_t chunk = 0) { return parse_session(read_fixture(std::string("ofx/") + name), name, chunk); }

double total(const Column& c) {
  double s = 0;
  for (size_t i = 0; i < c.size(); ++i)
    if (c.valid[i]) s += c.f64[i];
  return s;
}

}  // namespace

TEST_CASE("OFX 1.x SGML: CHARSET:1252, unclosed leaf tags, comma decimals, DTPOSTED with zone, &amp;, MEMO as label") {
  Parsed p = ofx("releve_sgml_1252.ofx");
  CHECK(p.format == "ofx");
  CHECK(p.confidence == 95);
  CHECK(p.encoding == "windows-1252");
  REQUIRE(p.tables.size() == 1);
  CHECK(p.tables[0].domain == "transactions");
  REQUIRE(p.tables[0].rows() == 4);
  CHECK(col(p, "date").type == ColumnType::Date);
  CHECK(col(p, "amount").type == ColumnType::Float64);
  CHECK(col(p, "date").value_text(0) == "2025-01-03");
  CHECK(col(p, "value_date").value_text(0) == "2025-01-02");
  CHECK(col(p, "amount").f64[0] == -12.5);
  CHECK(col(p, "amount").f64[1] == 1850);
  CHECK(total(col(p, "amount")) == doctest::Approx(1652.51));
  CHECK(col(p, "label").string_at(0) == "CB BOULANGERIE GÉRARD");
  CHECK(col(p, "label").string_at(1) == "VIR SEPA SALAIRE ACME & CIE");
  CHECK(col(p, "detail").string_at(2) == "Électricité janvier");
  CHECK(col(p, "label").string_at(3) == "CHEQUE 1234567");  // no NAME: the MEMO
  CHECK(col(p, "currency").string_at(0) == "EUR");
  CHECK(col(p, "account").string_at(3) == "00012345678");
  CHECK(col(p, "type").string_at(2) == "DIRECTDEBIT");
  CHECK(col(p, "fitid").string_at(0) == "25003000001");
  CHECK(col(p, "source").string_at(0) == "ofx");
  bool balance = false;
  for (const auto& [k, v] : p.tables[0].meta) balance = balance || (k == "ledger_balance" && v == "2345,67");
  CHECK(balance);
  CHECK(p.diag.warnings.empty());
}

TEST_CASE("OFX 2.x XML: credit card statement, closed tags, a comment with '>', CURSYM overrides CURDEF") {
  Parsed p = ofx("carte_ofx2.ofx");
  CHECK(p.format == "ofx");
  CHECK(p.encoding == "utf-8");
  REQUIRE(p.tables[0].rows() == 3);
  CHECK(total(col(p, "amount")) == doctest::Approx(-54.70));
  CHECK(col(p, "label").string_at(0) == "Café de la Gare");
  CHECK(col(p, "detail").string_at(0) == "Nantes");
  CHECK(col(p, "currency").string_at(1) == "USD");
  CHECK(col(p, "currency").string_at(2) == "EUR");
  CHECK(col(p, "account").string_at(0) == "4970XXXXXXXX1234");
  CHECK(col(p, "date").value_text(2) == "2025-02-25");
}

TEST_CASE("OFX French deferred card (issue 17): positive DEBIT/POS/PAYMENT are money out; CHARSET:1252 over UTF-8") {
  Parsed p = ofx("carte_differee_1252_utf8.ofx");
  CHECK(p.format == "ofx");
  REQUIRE(p.tables[0].rows() == 4);
  // DEBIT 45,90 / POS 12,00 / PAYMENT 129,99 written positive: -45.90 -12.00 -129.99; the CREDIT refund +20.00
  CHECK(col(p, "amount").f64[0] == doctest::Approx(-45.90));
  CHECK(col(p, "amount").f64[1] == doctest::Approx(-12.00));
  CHECK(col(p, "amount").f64[2] == doctest::Approx(-129.99));
  CHECK(col(p, "amount").f64[3] == doctest::Approx(20.00));
  CHECK(total(col(p, "amount")) == doctest::Approx(-167.89));  // = the statement's LEDGERBAL
  REQUIRE(p.diag.count("ofx.debit_sign") == 1);
  for (const Message& m : p.diag.warnings)
    if (m.code == "ofx.debit_sign") {
      CHECK(m.info);
      CHECK(m.en.find("3 debit") == 0);
      CHECK(m.en.find("CREDITCARD") != std::string::npos);
      CHECK(m.where.line > 10);
    }
  // the bytes are UTF-8 although the header says 1252: "N°", never "NÂ°"
  CHECK(col(p, "detail").string_at(0) == "Facture carte N° 4970");
  CHECK(col(p, "detail").string_at(2) == "Paiement N° 2");
  CHECK(p.diag.count("ofx.charset_mismatch") == 1);
  CHECK(p.encoding == "utf-8");
  CHECK(col(p, "account").string_at(0) == "4970XXXXXXXX5678");
  CHECK(col(p, "type").string_at(2) == "PAYMENT");
}

TEST_CASE("OFX Canadian statement: CURDEF CAD on every row, debits already negative left alone") {
  Parsed p = ofx("releve_cad.ofx");
  REQUIRE(p.tables[0].rows() == 5);
  for (size_t i = 0; i < 5; ++i) CHECK(col(p, "currency").string_at(i) == "CAD");
  // -45.50 + 2150.00 - 120.25 - 60.00 - 4.95 = 1919.30
  CHECK(total(col(p, "amount")) == doctest::Approx(1919.30));
  CHECK(p.diag.count("ofx.debit_sign") == 0);
  CHECK(p.diag.count("ofx.charset_mismatch") == 0);  // ASCII only: nothing to check
}

TEST_CASE("OFX cut inside a transaction: rows kept, warning with line and byte; not OFX: clear error") {
  const std::string data = read_fixture("ofx/releve_sgml_1252.ofx");
  const size_t cut = data.find("<NAME>PRLV");
  REQUIRE(cut != std::string::npos);
  Parsed p = parse_session(data.substr(0, cut), "cut.ofx");
  REQUIRE(p.tables.size() == 1);
  CHECK(p.tables[0].rows() == 3);
  REQUIRE(p.diag.count("ofx.truncated") == 1);
  CHECK(p.diag.warnings.back().where.line > 40);
  Parsed bad = parse_direct("OFXHEADER:100\nDATA:OFXSGML\n\n<NOTOFX>", "x.ofx", 0, "ofx");
  CHECK(bad.diag.failed);
  CHECK(bad.diag.error.code == "ofx.no_root");
}

TEST_CASE("OFX detection and chunk invariance") {
  CHECK(ofx_detect("\xEF\xBB\xBFOFXHEADER:100\r\nDATA:OFXSGML", "a.ofx") == 95);
  CHECK(ofx_detect("<?xml version=\"1.0\"?>\n<?OFX OFXHEADER=\"200\"?><OFX>", "a.qfx") == 95);
  CHECK(ofx_detect("<ofx><signonmsgsrsv1>", "a") == 80);
  CHECK(ofx_detect("Date;Libellé;Montant\n", "a.csv") == 0);
  for (const char* f : {"releve_sgml_1252.ofx", "carte_ofx2.ofx", "carte_differee_1252_utf8.ofx", "releve_cad.ofx"}) {
    const Parsed whole = ofx(f);
    for (size_t chunk : {1, 5, 100}) CHECK(first_diff(ofx(f, chunk).dump, whole.dump) == "");
  }
}
