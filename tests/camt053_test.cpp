// ISO 20022 camt.053 statements (tests/data/camt053, made by make_camt053.py from the shapes of genkgo/camt's
// v02 and v08 test files): a French EUR account in v02 (BOM, CRLF, a pending entry, a batch entry, a fee with
// only AddtlNtryInf), a Swiss CHF and an EUR account in one v08 file (DtTm booking dates, Pty/Nm, two Ustrd,
// an amount without Ccy); balances checked; detection; chunk invariance; bad input.
// Expected values are worked out by hand from the fixture text (see make_camt053.py).
#include <doctest/doctest.h>

#include "parsers/formats/camt053.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

Parsed camt(const char* name, size_t chunk = 0) {
  return parse_session(read_fixture(std::string("camt053/") + name), name, chunk);
}

double total(const Column& c) {
  double s = 0;
  for (size_t i = 0; i < c.size(); ++i)
    if (c.valid[i]) s += c.f64[i];
  return s;
}

std::string meta(const Parsed& p, const std::string& key) {
  for (const auto& kv : p.tables[0].meta)
    if (kv.first == key) return kv.second;
  return "<none>";
}

}  // namespace

TEST_CASE("camt.053 v02 (French EUR account): signs from CdtDbtInd, counterparty labels, pending entry counted") {
  Parsed p = camt("releve_v02_eur.xml");
  CHECK(p.format == "camt053");
  CHECK(p.confidence == 95);
  REQUIRE(p.tables.size() == 1);
  CHECK(p.tables[0].domain == "transactions");
  REQUIRE(p.tables[0].rows() == 4);
  CHECK(col(p, "amount").f64[0] == doctest::Approx(-45.90));
  CHECK(col(p, "amount").f64[1] == doctest::Approx(2100.00));
  CHECK(col(p, "amount").f64[2] == doctest::Approx(-150.00));  // the batch's booked total (90 + 60)
  CHECK(col(p, "amount").f64[3] == doctest::Approx(-12.50));
  CHECK(total(col(p, "amount")) == doctest::Approx(1891.60));
  CHECK(col(p, "date").value_text(0) == "2025-04-02");
  CHECK(col(p, "value_date").value_text(0) == "2025-04-01");
  CHECK(col(p, "label").string_at(0) == "CARREFOUR MARKET PARIS 11");  // creditor of a debit, spaces collapsed
  CHECK(col(p, "detail").string_at(0) == "CB CARREFOUR 01/04 Café & épicerie");
  CHECK(col(p, "label").string_at(1) == "ACME SAS");  // debtor of a credit
  CHECK(col(p, "label").string_at(2) == "EDF");       // first transaction of the batch
  CHECK(col(p, "detail").string_at(2) == "Facture 123");
  CHECK(col(p, "label").string_at(3) == "FRAIS TENUE DE COMPTE");  // only AddtlNtryInf
  CHECK_FALSE(col(p, "detail").valid[3]);
  CHECK(col(p, "type").string_at(0) == "PMNT/CCRD/POSD");
  CHECK(col(p, "type").string_at(3) == "FRAIS");
  CHECK(col(p, "reference").string_at(0) == "2025040200001");
  CHECK(col(p, "reference").string_at(1) == "SAL-2025-04");
  CHECK(col(p, "currency").string_at(0) == "EUR");
  CHECK(col(p, "account").string_at(0) == "FR7630004000031234567890143");
  CHECK(col(p, "source").string_at(0) == "camt053");
  CHECK(meta(p, "camt_version") == "camt.053.001.02");
  CHECK(meta(p, "batch_entries") == "1");
  CHECK(meta(p, "balance_OPBD") == "1250 EUR 2025-03-31");
  CHECK(meta(p, "balance_CLBD") == "3141.6 EUR 2025-04-30");
  REQUIRE(p.diag.count("camt053.not_booked") == 1);
  CHECK(p.diag.count("camt053.balance_mismatch") == 0);  // 1250 + 1891.60 = 3141.60
  CHECK_FALSE(p.diag.failed);
}

TEST_CASE("camt.053 v08: CHF and EUR statements in one file, DtTm dates as written, Pty/Nm, Ustrd joined") {
  Parsed p = camt("releve_v08_chf_eur.xml");
  CHECK(p.format == "camt053");
  REQUIRE(p.tables[0].rows() == 5);
  const char* cur[] = {"CHF", "CHF", "CHF", "EUR", "EUR"};
  for (size_t i = 0; i < 5; ++i) CHECK(col(p, "currency").string_at(i) == cur[i]);  // row 4: Acct/Ccy (no Amt Ccy)
  CHECK(col(p, "date").value_text(0) == "2025-03-10");  // 2025-03-10T23:30:00+01:00: the bank's day
  CHECK(col(p, "label").string_at(0) == "Migros Genève");
  CHECK(col(p, "label").string_at(1) == "Employeur Sàrl");
  CHECK(col(p, "label").string_at(2) == "Régie du Lac SA");
  CHECK(col(p, "detail").string_at(2) == "Loyer mars 2025");
  CHECK(col(p, "account").string_at(0) == "CH9300762011623852957");
  CHECK(col(p, "account").string_at(3) == "DE-EUR-0042");  // Othr/Id, not the servicer's
  CHECK(col(p, "label").string_at(4) == "PEAGE AUTOROUTE A40");
  // CHF: -76.05 + 6500 - 1250 = 5173.95; EUR: -35 - 15 = -50
  CHECK(total(col(p, "amount")) == doctest::Approx(5173.95 - 50.0));
  CHECK(meta(p, "statements") == "2");
  CHECK(meta(p, "camt_version") == "camt.053.001.08");
  CHECK(p.diag.count("camt053.balance_mismatch") == 0);
  CHECK(p.diag.count("camt053.currency_assumed") == 0);
}

TEST_CASE("camt.053: opening + entries != closing is said; no currency anywhere is EUR, said") {
  std::string v2 = read_fixture("camt053/releve_v02_eur.xml");
  const size_t at = v2.find("3141.60");
  REQUIRE(at != std::string::npos);
  v2.replace(at, 7, "3000.00");
  Parsed p = parse_session(v2, "x.xml");
  REQUIRE(p.diag.count("camt053.balance_mismatch") == 1);
  for (const Message& m : p.diag.warnings)
    if (m.code == "camt053.balance_mismatch") CHECK(m.en.find("1891.6") != std::string::npos);

  const std::string bare =
      "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.04\"><BkToCstmrStmt><Stmt>"
      "<Acct><Id><IBAN>BE68539007547034</IBAN></Id></Acct><Ntry><Amt>9.99</Amt><CdtDbtInd>DBIT</CdtDbtInd>"
      "<BookgDt><Dt>2025-01-02</Dt></BookgDt></Ntry><Ntry><Amt>1</Amt><CdtDbtInd>DBIT</CdtDbtInd></Ntry></Stmt>"
      "</BkToCstmrStmt></Document>";
  Parsed b = parse_session(bare, "b.xml");
  CHECK(b.format == "camt053");
  REQUIRE(b.tables[0].rows() == 1);
  CHECK(col(b, "amount").f64[0] == doctest::Approx(-9.99));
  CHECK(col(b, "currency").string_at(0) == "EUR");
  CHECK(b.diag.count("camt053.currency_assumed") == 1);
  CHECK(b.diag.count("camt053.skipped_rows") == 1);  // the entry without a date
}

TEST_CASE("camt.053: detection, chunk invariance, truncated file, not a statement") {
  CHECK(camt053_detect("\xEF\xBB\xBF<?xml version=\"1.0\"?>\r\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">", "") == 95);
  CHECK(camt053_detect("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"><CstmrCdtTrfInitn>", "") == 0);
  CHECK(camt053_detect("<gpx version=\"1.1\">", "") == 0);
  for (const char* f : {"releve_v02_eur.xml", "releve_v08_chf_eur.xml"}) {
    const Parsed whole = camt(f);
    for (size_t chunk : {1, 7, 500}) CHECK(first_diff(camt(f, chunk).dump, whole.dump) == "");
  }
  const std::string v8 = read_fixture("camt053/releve_v08_chf_eur.xml");
  Parsed cut = parse_session(v8.substr(0, v8.find("PEAGE")), "cut.xml");
  CHECK_FALSE(cut.diag.failed);
  CHECK(cut.tables[0].rows() == 4);
  CHECK(cut.diag.count("camt053.truncated") == 1);
  Parsed other = parse_direct("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"><CstmrCdtTrfInitn/></Document>",
                              "p.xml", 0, "camt053");
  CHECK(other.diag.failed);
  CHECK(other.diag.error.code == "camt053.no_statement");
  Parsed junk = parse_direct("<Document><BkToCstmrStmt><Stmt><Ntry>", "j.xml", 0, "camt053");
  CHECK(junk.diag.failed);  // cut inside the first entry, nothing read: a clear error, not a crash
  CHECK(junk.tables.empty());
}
