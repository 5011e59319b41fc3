// Bank statement CSV exports (tests/data/bank, made by make_fixtures.py; plus csv/bank_cp1252.csv): one case
// per layout (French, English N26/Revolut/UK, Swiss UBS, Belgian BNP Paribas Fortis) with exact amounts, signs,
// dates, accounts, categories, currencies worked out by hand from the fixture text; detection; chunk-size
// invariance; rows taken in batches while streaming.
#include <doctest/doctest.h>

#include "parsers/formats/bank.h"
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
  CHECK(col(p, "date").value_text(0) == "2023-01-31");
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
  CHECK(col(p, "date").value_text(0) == "2023-02-02");
  CHECK(col(p, "value_date").value_text(0) == "2023-02-03");
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
  CHECK(col(p, "date").value_text(2) == "2023-02-01");
  CHECK(col(p, "value_date").value_text(2) == "2023-02-02");
  CHECK(col(p, "amount").f64[1] == 1000);
  CHECK(col(p, "balance").f64[0] == doctest::Approx(3210.55));
  CHECK(col(p, "account").string_at(0) == "00040123456");
  CHECK(col(p, "category").string_at(0) == "Vie quotidienne");
  CHECK(col(p, "subcategory").string_at(0) == "Alimentation");
  CHECK(col(p, "detail").string_at(1) == "Loyer février");
}

namespace {
const Message* message(const Parsed& p, const std::string& code) {
  for (const Message& m : p.diag.warnings)
    if (m.code == code) return &m;
  return nullptr;
}
}  // namespace

TEST_CASE("N26 2024+ English export: Booking Date, Partner Name, Amount (EUR), original amount and currency") {
  Parsed p = bank("bank/n26_2025.csv");
  CHECK(p.format == "bank");
  CHECK(meta(p, "layout") == "n26");
  REQUIRE(p.tables[0].rows() == 4);
  // 2450.00 - 7.80 - 46.21 - 1100.00 = 1295.99
  CHECK(total(col(p, "amount")) == doctest::Approx(1295.99).epsilon(1e-12));
  CHECK(col(p, "date").value_text(2) == "2025-03-06");        // Booking Date
  CHECK(col(p, "value_date").value_text(2) == "2025-03-05");  // Value Date
  CHECK(col(p, "label").string_at(1) == "Café de Flore");
  CHECK(col(p, "detail").string_at(3) == "Rent, March");      // a quoted comma
  CHECK(col(p, "currency").string_at(0) == "EUR");            // from "Amount (EUR)"
  CHECK(col(p, "original_amount").f64[2] == -50.0);
  CHECK(col(p, "original_currency").string_at(2) == "USD");
  CHECK(col(p, "type").string_at(0) == "Income");
  CHECK(col(p, "account").string_at(0) == "Main Account");
  CHECK(message(p, "bank.currency_assumed") == nullptr);
}

TEST_CASE("Revolut: Started Date with a time, Currency per row (CAD and EUR), REVERTED rows counted, not kept") {
  Parsed p = bank("bank/revolut_2025.csv");
  CHECK(meta(p, "layout") == "revolut");
  REQUIRE(p.tables[0].rows() == 4);
  CHECK(col(p, "date").value_text(0) == "2025-04-01");
  CHECK(col(p, "amount").f64[2] == -38.75);
  CHECK(col(p, "currency").string_at(0) == "CAD");
  CHECK(col(p, "currency").string_at(3) == "EUR");
  CHECK(col(p, "balance").f64[1] == doctest::Approx(495.65));
  const Message* m = message(p, "bank.not_completed");
  REQUIRE(m);
  CHECK(m->where.line == 4);
  CHECK(m->en.find("1 line") == 0);
}

TEST_CASE("UBS French (Swiss): account lines, Monnaie CHF, Débit/Crédit with apostrophe thousands, cp1252") {
  Parsed p = bank("bank/ubs_fr_2025.csv");
  CHECK(p.format == "bank");
  CHECK(p.encoding == "windows-1252");
  CHECK(meta(p, "layout") == "ubs");
  CHECK(meta(p, "account") == "0243 00517049.40");
  REQUIRE(p.tables[0].rows() == 3);
  // -1'250.00 + 2'000.00 - 76.05 = 673.95
  CHECK(col(p, "amount").f64[0] == -1250.0);
  CHECK(col(p, "amount").f64[1] == 2000.0);
  CHECK(total(col(p, "amount")) == doctest::Approx(673.95).epsilon(1e-12));
  CHECK(col(p, "balance").f64[0] == doctest::Approx(11373.94));
  CHECK(col(p, "currency").string_at(2) == "CHF");
  CHECK(col(p, "label").string_at(0) == "Régie du Lac SA");
  CHECK(col(p, "detail").string_at(0) == "Loyer mars");
  CHECK(col(p, "label").string_at(2) == "Migros Genève");
}

TEST_CASE("BNP Paribas Fortis (Belgium, French): counterparty as label, NBSP and thin-space thousands, refused rows") {
  Parsed p = bank("bank/fortis_fr_2025.csv");
  CHECK(p.encoding == "utf-8-bom");
  CHECK(meta(p, "layout") == "bnp_fortis");
  REQUIRE(p.tables[0].rows() == 3);
  CHECK(col(p, "amount").f64[0] == doctest::Approx(-1234.56));  // "-1 234,56" with U+00A0
  CHECK(col(p, "amount").f64[1] == doctest::Approx(11373.94));  // "11 373,94" with U+2009
  CHECK(total(col(p, "amount")) == doctest::Approx(10094.18).epsilon(1e-12));
  CHECK(col(p, "label").string_at(0) == "Immo Brabant SPRL");
  CHECK(col(p, "detail").string_at(0) == "Loyer février");
  CHECK(col(p, "date").value_text(0) == "2025-02-28");
  CHECK(col(p, "account").string_at(0) == "BE68 5390 0754 7034");
  CHECK(col(p, "type").string_at(2) == "Paiement par carte");
  CHECK(message(p, "bank.not_completed") != nullptr);  // "Refusé"
}

TEST_CASE("Swiss French and English layouts inline: Date de valeur first, currency from a preamble or header name") {
  // PostFinance-like: only a value date, dd.mm.yyyy, currency in the preamble ("Monnaie:;CHF")
  Parsed ch = parse_session("Monnaie:;CHF\nDate de valeur;Texte de notification;Débit;Crédit;Solde\n"
                            "03.02.2025;Coop Lausanne;11'373.94;;1'000.00\n04.02.2025;Versement;;250.50;1'250.50\n",
                            "pf.csv");
  CHECK(ch.format == "bank");
  REQUIRE(ch.tables[0].rows() == 2);
  CHECK(col(ch, "amount").f64[0] == doctest::Approx(-11373.94));
  CHECK(col(ch, "amount").f64[1] == doctest::Approx(250.5));
  CHECK(col(ch, "date").value_text(0) == "2025-02-03");
  CHECK(col(ch, "currency").string_at(0) == "CHF");
  CHECK(col(ch, "balance").f64[1] == doctest::Approx(1250.5));
  // PostFinance German-style French names: "Crédit en CHF"/"Débit en CHF"
  Parsed pf = parse_session("Date de comptabilisation;Avis;Crédit en CHF;Débit en CHF;Valeur;Solde en CHF\n"
                            "31.01.2025;ACHAT/SERVICE DU 30.01.2025 MIGROS;;-58.20;31.01.2025;4'210.15\n",
                            "pf2.csv");
  REQUIRE(pf.tables[0].rows() == 1);
  CHECK(col(pf, "amount").f64[0] == doctest::Approx(-58.2));
  CHECK(col(pf, "currency").string_at(0) == "CHF");
  CHECK(meta(pf, "layout") == "postfinance");
  // UK (Lloyds-like): Debit Amount / Credit Amount, no currency anywhere -> EUR assumed, said
  Parsed uk = parse_session("Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,"
                            "Credit Amount,Balance\n05/01/2025,DEB,'30-99-50,12345678,TESCO STORES 2231,23.45,,976.55\n"
                            "06/01/2025,FPI,'30-99-50,12345678,SALARY,,1500.00,2476.55\n",
                            "uk.csv");
  CHECK(uk.format == "bank");
  REQUIRE(uk.tables[0].rows() == 2);
  CHECK(col(uk, "amount").f64[0] == doctest::Approx(-23.45));
  CHECK(col(uk, "date").value_text(0) == "2025-01-05");
  CHECK(col(uk, "label").string_at(0) == "TESCO STORES 2231");
  CHECK(col(uk, "account").string_at(0) == "12345678");
  const Message* assumed = message(uk, "bank.currency_assumed");
  REQUIRE(assumed);
  CHECK(assumed->info);
  // N26 before 2024: "Date","Payee",…,"Amount (EUR)","Amount (Foreign Currency)","Type Foreign Currency"
  Parsed old = parse_session("\"Date\",\"Payee\",\"Account number\",\"Transaction type\",\"Payment reference\",\"Amount (EUR)\","
                             "\"Amount (Foreign Currency)\",\"Type Foreign Currency\",\"Exchange Rate\"\n"
                             "\"2023-05-02\",\"Starbucks\",\"\",\"MasterCard Payment\",\"\",\"-4.10\",\"-4.50\",\"USD\",\"0.911\"\n",
                             "n26old.csv");
  REQUIRE(old.tables[0].rows() == 1);
  CHECK(meta(old, "layout") == "n26_2023");
  CHECK(col(old, "amount").f64[0] == doctest::Approx(-4.10));
  CHECK(col(old, "original_amount").f64[0] == doctest::Approx(-4.50));
  CHECK(col(old, "original_currency").string_at(0) == "USD");
  CHECK(col(old, "currency").string_at(0) == "EUR");
}

TEST_CASE("bank rows stream: batches taken while parsing equal the whole parse") {
  // past the 64 KiB head, rows are final as soon as written: 2 000 N26 rows of -1.25 EUR (~150 KB)
  std::string data = read_fixture("bank/n26_2025.csv");
  for (int i = 0; i < 2000; ++i) data += "2025-03-04,2025-03-04,\"Boulangerie Paul\",,Presentment,-,\"Main Account\",-1.25,,,\n";
  ParseOptions o;
  o.file_name = "n26.csv";
  Session s(o);
  size_t rows = 0, batches = 0;
  double sum = 0;
  auto take = [&] {
    Table t = s.take_rows(0);
    for (const Column& c : t.columns)
      if (c.name == "amount") {
        rows += c.size();
        for (size_t i = 0; i < c.size(); ++i) sum += c.f64[i];
      }
  };
  for (size_t p = 0; p < data.size(); p += 4096) {
    s.feed(bytes_of(std::string_view(data).substr(p, 4096)));
    if (s.can_take_rows()) { ++batches; take(); }
  }
  s.finish();
  take();
  CHECK(batches > 5);
  CHECK(rows == 2004);
  // 1295.99 (the fixture) - 2000 x 1.25
  CHECK(sum == doctest::Approx(1295.99 - 2500.0));
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
                         "bank/banque_postale.csv", "bank/boursorama.csv", "csv/bank_cp1252.csv",
                         "bank/n26_2025.csv", "bank/revolut_2025.csv", "bank/ubs_fr_2025.csv", "bank/fortis_fr_2025.csv"};
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
