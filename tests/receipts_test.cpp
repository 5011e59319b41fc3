// Purchase history exports (tests/data/receipts, made by make_fixtures.py): loyalty-card CSV in Windows-1252
// with weighed products, discounts and ticket totals; a UTF-8 export with unit prices only; detection
// against the bank parser; chunk-size invariance.
#include <doctest/doctest.h>

#include "parsers/formats/bank.h"
#include "parsers/formats/receipts.h"
#include "parsers/core/values.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

Parsed receipts(const char* name) { return parse_session(read_fixture(std::string("receipts/") + name), name); }

double total(const Column& c) {
  double s = 0;
  for (size_t i = 0; i < c.size(); ++i)
    if (c.valid[i]) s += c.f64[i];
  return s;
}

}  // namespace

TEST_CASE("loyalty-card history: one row per product, kg quantities, discount, totals skipped") {
  Parsed p = receipts("carte_fidelite_achats.csv");
  CHECK(p.format == "receipts");
  CHECK(p.confidence == 89);
  CHECK(p.encoding == "windows-1252");
  REQUIRE(p.tables.size() == 1);
  const Table& t = p.tables[0];
  CHECK(t.domain == "purchases");
  CHECK(t.name == "purchases");
  REQUIRE(t.rows() == 6);
  CHECK(total(col(p, "amount")) == doctest::Approx(39.13));
  CHECK(col(p, "quantity").f64[0] == 1.254);
  CHECK(col(p, "unit").string_at(0) == "kg");
  CHECK(col(p, "unit_price").f64[0] == 2.99);
  CHECK(col(p, "amount").f64[3] == -1.5);
  CHECK(col(p, "product").string_at(3) == "Remise fidélité");
  CHECK(col(p, "product").string_at(4) == "Café moulu pur arabica 250g");
  CHECK(col(p, "category").string_at(4) == "Épicerie");
  CHECK(col(p, "ean").string_at(0) == "0200145000000");
  CHECK(col(p, "receipt_id").string_at(5) == "0042-377");
  CHECK(col(p, "store").string_at(0) == "Hyper Nantes Beaujoire");
  CHECK(col(p, "date").value_text(0) == "2023-03-04");
  CHECK(col(p, "ts").i64[0] == utc_us(2023, 3, 4, 9, 42));
  CHECK(col(p, "ts").i64[5] == utc_us(2023, 3, 26, 16, 5));  // after the spring change: +02:00
  CHECK(col(p, "_record").i64[4] == 5);                      // the ticket total (record 4) is skipped
  REQUIRE(p.diag.count("receipts.skipped_rows") == 1);
  for (const Message& m : p.diag.warnings)
    if (m.code == "receipts.skipped_rows") CHECK(m.where.line == 6);
}

TEST_CASE("store export with unit prices only: amount = quantity x unit price; double-encoded label repaired") {
  Parsed p = receipts("magasin_bio_export.csv");
  CHECK(p.format == "receipts");
  REQUIRE(p.tables[0].rows() == 3);
  CHECK(col(p, "amount").f64[1] == doctest::Approx(5.9));
  CHECK(total(col(p, "amount")) == doctest::Approx(11.5));
  CHECK(col(p, "product").string_at(1) == "Chocolat noir café 70%");
  CHECK(col(p, "category").string_at(0) == "Boulangerie");
  CHECK(col(p, "category").string_at(2) == "Épicerie");
  CHECK(col(p, "ts").i64[0] == utc_us(2024, 1, 6, 8, 15));
  CHECK(col(p, "store").string_at(0) == "Bio Coop Centre");
  CHECK(!col(p, "ean").valid[0]);
  CHECK(col(p, "ean").string_at(2) == "3380390000017");
  CHECK(p.diag.count("text.mojibake_repaired") == 1);
}

TEST_CASE("receipts vs bank detection: a product column with quantities is a receipt") {
  const char* receipt = "Date;Libellé;Quantité;Montant\n04/03/2023;Pommes;1;2,50\n";
  CHECK(receipts_detect(receipt, "x.csv") == 89);
  CHECK(bank_detect(receipt, "x.csv") == 88);  // the bank parser would take it too: 89 wins
  CHECK(parse_session(receipt, "x.csv").format == "receipts");
  CHECK(receipts_detect("Date;Libellé;Montant\n", "x.csv") == 0);
  CHECK(receipts_detect("Date;Produit;Note\n", "x.csv") == 0);
}

TEST_CASE("receipt fixtures give identical output whatever the chunk size") {
  const char* files[] = {"carte_fidelite_achats.csv", "magasin_bio_export.csv"};
  for (const char* f : files) {
    const std::string data = read_fixture(std::string("receipts/") + f);
    const Parsed whole = parse_session(data, f);
    for (size_t chunk : {1, 2, 3, 7, 64, 4096})
      CHECK_MESSAGE(first_diff(parse_session(data, f, chunk).dump, whole.dump) == "", f << " chunk " << chunk);
  }
}
