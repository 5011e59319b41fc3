// QIF statements (tests/data/qif, made by make_qif.py from the shapes of real French bank QIF files): a
// Windows-1252 CRLF Société Générale-like list, LCL's month-first "Money" export, a card account with every
// day <= 12, decimal commas and thousands, categories, splits and a category list, Quicken US m/d'yy dates.
// Expected values are worked out by hand from the fixture text (see the comments).
#include <doctest/doctest.h>

#include "parsers/formats/qif.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

Parsed qif(const char* name, size_t chunk = 0) { return parse_session(read_fixture(std::string("qif/") + name), name, chunk); }

double sum_if(const Column& c, bool negative) {
  double s = 0;
  for (size_t i = 0; i < c.size(); ++i)
    if (c.valid[i] && (c.f64[i] < 0) == negative) s += c.f64[i];
  return s;
}

bool has_code(const Parsed& p, const std::string& code) {
  for (const Message& m : p.diag.warnings)
    if (m.code == code) return true;
  return false;
}

const Message* message(const Parsed& p, const std::string& code) {
  for (const Message& m : p.diag.warnings)
    if (m.code == code) return &m;
  return nullptr;
}

}  // namespace

TEST_CASE("QIF Société Générale-like: !type:Bank lower case, CRLF, Windows-1252, payee cut at 30 and memo whole") {
  Parsed p = qif("sg_2025_cp1252.qif");
  CHECK(p.format == "qif");
  CHECK(p.confidence == 95);
  CHECK(p.encoding == "windows-1252");
  REQUIRE(p.tables.size() == 1);
  CHECK(p.tables[0].domain == "transactions");
  REQUIRE(p.tables[0].rows() == 5);
  // "13/11/2025" can only be day first: no note about the date order
  CHECK(col(p, "date").value_text(0) == "2025-11-06");
  CHECK(col(p, "date").value_text(3) == "2025-11-04");
  CHECK(col(p, "date").value_text(4) == "2025-11-13");
  CHECK_FALSE(has_code(p, "qif.date_order_ambiguous"));
  CHECK_FALSE(has_code(p, "qif.date_order"));
  // P "PRELEVEMENT 3769111539  M.N.P" is the start of M: the memo is the label, spaces collapsed
  CHECK(col(p, "label").string_at(0) == "PRELEVEMENT 3769111539 M.N.P.A.F. 8811941800");
  CHECK(col(p, "label").string_at(2) == "VIREMENT RECU M. DUPONT Complément salaire");
  CHECK(col(p, "label").string_at(3) == "CHEQUE 838");
  CHECK_FALSE(col(p, "detail").valid[3]);  // memo equal to the payee: no detail
  CHECK(col(p, "label").string_at(4) == "CARTE X5472 RETRAIT DAB 11/11 11H39 DAB CAFÉ DU PORT");
  CHECK(col(p, "type").string_at(0) == "Prélvmt");
  CHECK(col(p, "type").string_at(3) == "Chèque");
  // out: 108 + 146.53 + 15 + 20 = 289.53; in: 1000
  CHECK(sum_if(col(p, "amount"), true) == doctest::Approx(-289.53));
  CHECK(sum_if(col(p, "amount"), false) == doctest::Approx(1000));
  CHECK(col(p, "currency").string_at(0) == "EUR");
  CHECK(has_code(p, "qif.currency_assumed"));
  CHECK(has_code(p, "encoding.windows1252"));
  CHECK(col(p, "source").string_at(0) == "qif");
  CHECK_FALSE(p.diag.failed);
}

TEST_CASE("QIF LCL Money export: month-first dates decided from 05/29/25, padded payees, a record with only N") {
  Parsed p = qif("lcl_money_us.qif");
  CHECK(p.format == "qif");
  REQUIRE(p.tables[0].rows() == 5);
  CHECK(col(p, "date").value_text(0) == "2025-05-29");
  CHECK(col(p, "date").value_text(2) == "2025-06-05");  // 06/05/25 month first: 5 June
  CHECK(col(p, "date").value_text(4) == "2025-06-13");
  CHECK(has_code(p, "qif.date_order"));
  CHECK(col(p, "label").string_at(0) == "CB RETRAIT DU 28/05");
  CHECK(col(p, "label").string_at(2) == "VIR CAF ST QUENTIN EN YVELIN");
  CHECK_FALSE(col(p, "label").valid[3]);  // N364963 only (a cheque): no label
  CHECK(col(p, "type").string_at(3) == "364963");
  CHECK_FALSE(col(p, "category").valid[0]);  // "L" empty
  // out: 60 + 11.83 + 40 + 13 = 124.83; in: 308.31
  CHECK(sum_if(col(p, "amount"), true) == doctest::Approx(-124.83));
  CHECK(sum_if(col(p, "amount"), false) == doctest::Approx(308.31));
  CHECK(p.encoding == "utf-8");
}

TEST_CASE("QIF card account: BOM, !Account block, every day <= 12 (day first, said), decimal commas, splits, lists") {
  Parsed p = qif("visa_ambiguous_bom.qif");
  CHECK(p.format == "qif");
  CHECK(p.encoding == "utf-8-bom");
  REQUIRE(p.tables[0].rows() == 4);
  const Message* amb = message(p, "qif.date_order_ambiguous");
  REQUIRE(amb);
  CHECK(amb->info);
  CHECK(amb->en.find("day/month") != std::string::npos);
  CHECK(col(p, "date").value_text(0) == "2025-02-01");
  CHECK(col(p, "date").value_text(3) == "2025-02-11");
  CHECK(col(p, "amount").f64[0] == doctest::Approx(-1234.56));  // "-1 234,56"
  CHECK(col(p, "amount").f64[1] == doctest::Approx(-45.90));    // split total, not its lines
  CHECK(col(p, "amount").f64[2] == doctest::Approx(1500));      // "1.500,00"
  CHECK(col(p, "category").string_at(0) == "Loisirs:Multimédia");  // "/Perso" class dropped
  CHECK(col(p, "category").string_at(2) == "[Compte courant]");    // a transfer, as given
  CHECK(col(p, "account").string_at(0) == "Carte Visa Premier");
  CHECK(col(p, "label").string_at(3) == "BOULANGERIE DE L'ÉGLISE");
  // the record "D" with no date (line 30) is counted, the 2 category records too
  const Message* sk = message(p, "qif.skipped_rows");
  REQUIRE(sk);
  CHECK(sk->where.line == 30);
  CHECK(sk->en.find("1 line") == 0);
  const Message* other = message(p, "qif.other_lists");
  REQUIRE(other);
  CHECK(other->en.find("2 line") == 0);
  CHECK(other->en.find("!Type:Cat") == std::string::npos);  // the type name only
  CHECK(other->en.find("Cat") != std::string::npos);
  bool card = false;
  for (const auto& [k, v] : p.tables[0].meta) card = card || (k == "account_type" && v == "CCard");
  CHECK(card);
}

TEST_CASE("QIF Quicken US: m/d'yy with padded days, thousands commas, U before T") {
  Parsed p = qif("quicken_us.qif");
  REQUIRE(p.tables[0].rows() == 3);
  CHECK(col(p, "date").value_text(0) == "2024-01-05");
  CHECK(col(p, "date").value_text(1) == "2024-01-15");
  CHECK(col(p, "date").value_text(2) == "2023-12-31");
  CHECK(col(p, "amount").f64[0] == doctest::Approx(-1250));
  CHECK(col(p, "amount").f64[1] == doctest::Approx(2480.75));
  CHECK(col(p, "amount").f64[2] == doctest::Approx(-3.5));
  CHECK(col(p, "type").string_at(0) == "1001");
}

TEST_CASE("QIF ambiguous dates: the order that keeps the list sorted wins, with a note") {
  // month first: 5 Jan, 10 Jan, 3 Feb, 8 Feb (sorted); day first: 1 May, 1 Oct, 2 Mar, 2 Aug (not sorted)
  const std::string text = "!Type:Bank\nD01/05/2025\nT-1\nPA\n^\nD01/10/2025\nT-2\nPB\n^\nD02/03/2025\nT-3\nPC\n^\nD02/08/2025\nT-4\nPD\n^\n";
  Parsed p = parse_session(text, "x.qif");
  REQUIRE(p.tables[0].rows() == 4);
  CHECK(col(p, "date").value_text(0) == "2025-01-05");
  CHECK(col(p, "date").value_text(3) == "2025-02-08");
  const Message* amb = message(p, "qif.date_order_ambiguous");
  REQUIRE(amb);
  CHECK(amb->en.find("month/day") != std::string::npos);
}

TEST_CASE("QIF: chunk invariance, detection, bad input") {
  const std::string all = read_fixture("qif/visa_ambiguous_bom.qif");
  const Parsed whole = parse_session(all, "v.qif");
  for (size_t chunk : {1, 3, 17})
    CHECK(first_diff(parse_session(all, "v.qif", chunk).dump, whole.dump) == "");
  CHECK(qif_detect("!Type:Bank\nD01/01/2025\n", "") == 95);
  CHECK(qif_detect("\xEF\xBB\xBF\r\n!Account\nN", "") == 95);
  CHECK(qif_detect("Date;Libellé;Montant\n", "") == 0);
  // a header but nothing else: a table with 0 rows and a message, never a crash
  Parsed e = parse_direct("!Type:Bank\n", "e.qif", 0, "qif");
  CHECK_FALSE(e.diag.failed);
  CHECK(has_code(e, "qif.empty"));
  // no header at all when fed directly
  Parsed n = parse_direct("D01/01/2025\nT-1\n^\n", "n.qif", 0, "qif");
  CHECK(n.diag.failed);
  // an unreadable amount is counted
  Parsed a = parse_session("!Type:Bank\nD01/13/2025\nTabc\nPX\n^\n", "a.qif");
  CHECK(has_code(a, "qif.no_amount"));
  REQUIRE(a.tables[0].rows() == 1);
  CHECK(col(a, "date").value_text(0) == "2025-01-13");
}
