// French bank CSV exports (tests/data/bank, made by make_fixtures.py; plus csv/bank_cp1252.csv): one case
// per layout with exact amounts, signs, dates, accounts, categories; detection; chunk-size invariance.
#include <doctest/doctest.h>

#include "parsers/bank.h"
#include "parsers/values.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

Parsed bank(const std::string& rel) {
  const std::string name = rel.substr(rel.find('/') + 1);
  return parse_session(read_fixture(rel), name);
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

std::string date(int y, unsigned m, unsigned d) { return format_date(int32_t(days_from_civil(y, m, d))); }

}  // namespace

TEST_CASE("bank layouts: detection, rows, signed amounts, account, encoding") {
  struct Case {
    const char* file;
    const char* layout;
    const char* encoding;
    size_t rows;
    double sum;
    const char* account;
  };
  const Case cases[] = {
      {"bank/credit_agricole.csv", "credit_agricole", "windows-1252", 5, 1150.38, "12345678901"},
      {"bank/societe_generale.csv", "societe_generale", "windows-1252", 4, -50.57, "0003000123456789"},
      {"bank/caisse_epargne.csv", "caisse_epargne", "utf-8-bom", 3, 1279.54, "<none>"},
      {"bank/banque_postale.csv", "banque_postale", "windows-1252", 3, 173.61, "0123456X020"},
      {"bank/boursorama.csv", "boursorama", "utf-8", 3, 890.15, "<none>"},
      {"csv/bank_cp1252.csv", "generic", "windows-1252", 10, 382.76, "00012345678"},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.file));
    Parsed p = bank(c.file);
    CHECK(p.format == "bank");
    CHECK(p.confidence == 88);
    CHECK(p.encoding == c.encoding);
    REQUIRE(p.tables.size() == 1);
    const Table& t = p.tables[0];
    CHECK(t.domain == "transactions");
    CHECK(t.name == "transactions");
    CHECK(t.rows() == c.rows);
    CHECK(meta(p, "layout") == c.layout);
    CHECK(meta(p, "account") == c.account);
    CHECK(total(col(p, "amount")) == doctest::Approx(c.sum).epsilon(1e-12));
    CHECK(col(p, "amount").null_count == 0);
    CHECK(col(p, "currency").string_at(0) == "EUR");
    CHECK(col(p, "source").string_at(0) == "bank");
    CHECK(t.columns[0].name == "date");
    CHECK(t.columns.back().name == "_record");
    CHECK(!p.diag.failed);
  }
}

TEST_CASE("Crédit Agricole: positive debit column is money out, multi-line labels joined, cp1252 accents") {
  Parsed p = bank("bank/credit_agricole.csv");
  const Column& a = col(p, "amount");
  CHECK(a.f64[0] == -87.23);
  CHECK(a.f64[1] == -1234.56);
  CHECK(a.f64[2] == 150);
  CHECK(col(p, "label").string_at(0) == "PRELEVEMENT EDF clients particuliers");
  CHECK(col(p, "label").string_at(3) == "CARTE X1234 19/01 CRÊPERIE L'ŒUF À LA COQUE");
  CHECK(col(p, "date").value_text(0) == date(2023, 1, 31));
  CHECK(col(p, "account").string_at(4) == "12345678901");
  CHECK(col(p, "_record").i64[4] == 4);
  CHECK(meta(p, "preamble_1") == "Téléchargement du 31/01/2023");
}

TEST_CASE("Société Générale: signed amounts, detail column, double-encoded UTF-8 repaired") {
  Parsed p = bank("bank/societe_generale.csv");
  CHECK(col(p, "amount").f64[0] == -4.8);
  CHECK(col(p, "amount").f64[1] == 32.5);
  CHECK(col(p, "detail").string_at(0) == "CARTE X5678 29/01 Café du Port NANTES");
  CHECK(col(p, "label").string_at(3) == "CARTE X5678 31/12 AMAZON");
  CHECK(p.diag.count("text.mojibake_repaired") == 1);
}

TEST_CASE("Caisse d'Épargne: operation date over booking date, value date, categories, +/- cells") {
  Parsed p = bank("bank/caisse_epargne.csv");
  CHECK(col(p, "date").value_text(0) == date(2023, 2, 2));
  CHECK(col(p, "value_date").value_text(0) == date(2023, 2, 3));
  CHECK(col(p, "amount").f64[0] == -612.34);
  CHECK(col(p, "amount").f64[2] == 1950);
  CHECK(col(p, "label").string_at(0) == "ECHEANCE PRET");
  CHECK(col(p, "detail").string_at(0) == "ECHEANCE PRET 0012345");
  CHECK(col(p, "category").string_at(1) == "Alimentation");
  CHECK(col(p, "subcategory").string_at(1) == "Supermarché");
}

TEST_CASE("La Banque Postale: account block before the header, total line skipped") {
  Parsed p = bank("bank/banque_postale.csv");
  CHECK(col(p, "label").string_at(0) == "ACHAT CB BOULANGERIE ÉCLAIR 28.01.23");
  CHECK(col(p, "amount").f64[1] == 200);
  CHECK(col(p, "account").string_at(2) == "0123456X020");
  CHECK(p.diag.count("bank.skipped_rows") == 1);
  for (const Message& m : p.diag.warnings)
    if (m.code == "bank.skipped_rows") CHECK(m.where.line == 11);
}

TEST_CASE("Boursorama: ISO dates, account and balance per row, parent category") {
  Parsed p = bank("bank/boursorama.csv");
  CHECK(col(p, "date").value_text(2) == date(2023, 2, 1));
  CHECK(col(p, "value_date").value_text(2) == date(2023, 2, 2));
  CHECK(col(p, "amount").f64[1] == 1000);
  CHECK(col(p, "balance").f64[0] == doctest::Approx(3210.55));
  CHECK(col(p, "account").string_at(0) == "00040123456");
  CHECK(col(p, "category").string_at(0) == "Vie quotidienne");
  CHECK(col(p, "subcategory").string_at(0) == "Alimentation");
  CHECK(col(p, "detail").string_at(1) == "Loyer février");
}

TEST_CASE("bank detection: header roles, not any CSV with a date") {
  CHECK(bank_detect("Date;Libellé;Montant\n01/02/2023;x;1\n", "a.csv") == 88);
  CHECK(bank_detect("Date opération;Libellé;Montant\n", "a.csv") == 88);
  CHECK(bank_detect("Date de comptabilisation;Libelle simplifie;Debit;Credit\n", "a.csv") == 88);
  CHECK(bank_detect("Date,Label,Amount\n", "a.csv") == 88);
  CHECK(bank_detect("Date;Valeur\n01/02/2023;1\n", "a.csv") == 0);
  CHECK(bank_detect("Date;Produit;Quantité;Prix\n", "a.csv") == 0);
  CHECK(bank_detect("{\"a\":1}", "a.json") == 0);
}

TEST_CASE("bank fixtures give identical output whatever the chunk size") {
  const char* files[] = {"bank/credit_agricole.csv", "bank/societe_generale.csv", "bank/caisse_epargne.csv",
                         "bank/banque_postale.csv", "bank/boursorama.csv", "csv/bank_cp1252.csv"};
  for (const char* f : files) {
    const std::string data = read_fixture(f);
    const Parsed whole = parse_session(data, "x.csv");
    const Parsed direct = parse_direct(data, "x.csv", 0, "bank");
    CHECK_MESSAGE(first_diff(whole.dump.substr(whole.dump.find('\n')), direct.dump.substr(direct.dump.find('\n'))) == "", f);
    for (size_t chunk : {1, 2, 3, 7, 64, 4096}) {
      CHECK_MESSAGE(first_diff(parse_session(data, "x.csv", chunk).dump, whole.dump) == "", f << " chunk " << chunk);
      CHECK_MESSAGE(first_diff(parse_direct(data, "x.csv", chunk, "bank").dump, direct.dump) == "", f << " direct " << chunk);
    }
  }
}
