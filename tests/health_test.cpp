// Health reimbursement exports (tests/data/health, made by make_fixtures.py): Ameli-like statement in
// Windows-1252 with a title line and a total, a mutuelle export with both parts; detection; chunk invariance.
#include <doctest/doctest.h>

#include "parsers/formats/health.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

Parsed health(const char* name) { return parse_session(read_fixture(std::string("health/") + name), name); }

double total(const Column& c) {
  double s = 0;
  for (size_t i = 0; i < c.size(); ++i)
    if (c.valid[i]) s += c.f64[i];
  return s;
}

}  // namespace

TEST_CASE("Ameli-like statement: care date, act, provider, paid and reimbursed amounts, total line skipped") {
  Parsed p = health("ameli_remboursements.csv");
  CHECK(p.format == "health");
  CHECK(p.confidence == 90);
  CHECK(p.encoding == "windows-1252");
  REQUIRE(p.tables.size() == 1);
  const Table& t = p.tables[0];
  CHECK(t.domain == "health_records");
  CHECK(t.name == "health_records");
  REQUIRE(t.rows() == 4);
  CHECK(total(col(p, "amount_paid")) == doctest::Approx(228.42));
  CHECK(total(col(p, "amount_reimbursed")) == doctest::Approx(99.97));
  CHECK(col(p, "date").value_text(1) == "2024-01-15");
  CHECK(col(p, "payment_date").value_text(1) == "2024-01-17");
  CHECK(col(p, "label").string_at(0) == "Consultation médecin généraliste");
  CHECK(col(p, "provider").string_at(2) == "DR LEFÈVRE CLAIRE");
  CHECK(col(p, "beneficiary").string_at(2) == "MARTIN NOÉ");
  CHECK(col(p, "base_amount").f64[3] == 70);
  CHECK(col(p, "rate_pct").f64[1] == 65);
  CHECK(col(p, "remaining").f64[1] == doctest::Approx(6.45));
  CHECK(col(p, "source").string_at(0) == "health");
  CHECK(p.diag.count("health.skipped_rows") == 1);
  CHECK(t.meta.size() == 1);  // the title line
}

TEST_CASE("mutuelle export: Sécurité sociale and complementary parts, what is left to pay, mojibake repaired") {
  Parsed p = health("mutuelle_remboursements.csv");
  CHECK(p.format == "health");
  CHECK(p.encoding == "utf-8-bom");
  REQUIRE(p.tables[0].rows() == 2);
  CHECK(col(p, "amount_reimbursed").f64[0] == 20);
  CHECK(col(p, "complementary_reimbursed").f64[0] == 37);
  CHECK(col(p, "remaining").f64[0] == 3);
  CHECK(col(p, "remaining").f64[1] == 20);
  CHECK(col(p, "provider").string_at(0) == "Dr Lefèvre Claire");
  CHECK(col(p, "label").string_at(1) == "Prothèse dentaire");
  CHECK(col(p, "date").value_text(0) == "2024-02-02");
  CHECK(p.diag.count("text.mojibake_repaired") == 1);
}

TEST_CASE("health detection needs a care date, a reimbursed amount and an act or provider") {
  CHECK(health_detect("Date des soins;Acte;Montant remboursé\n", "x.csv") == 90);
  CHECK(health_detect("Date;Libellé;Montant\n", "x.csv") == 0);
  CHECK(health_detect("Date;Montant remboursé;Note\n", "x.csv") == 0);
}

TEST_CASE("health fixtures give identical output whatever the chunk size") {
  const char* files[] = {"ameli_remboursements.csv", "mutuelle_remboursements.csv"};
  for (const char* f : files) {
    const std::string data = read_fixture(std::string("health/") + f);
    const Parsed whole = parse_session(data, f);
    for (size_t chunk : {1, 2, 3, 7, 64, 4096})
      CHECK_MESSAGE(first_diff(parse_session(data, f, chunk).dump, whole.dump) == "", f << " chunk " << chunk);
  }
}
