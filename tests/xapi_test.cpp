// xAPI statements (tests/data/xapi, made by make_fixtures.py): LRS StatementResult, a 2.0 array with invalid
// elements, a single statement; actors never keep an e-mail, language preference, ISO 8601 durations,
// course from grouping/parent, invalid statements skipped with their index; chunk-size invariance.
#include <doctest/doctest.h>

#include "parsers/formats/xapi.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

Parsed xapi(const char* name) { return parse_session(read_fixture(std::string("xapi/") + name), name); }

const Message* warning(const Parsed& p, const std::string& code, size_t nth = 0) {
  for (const Message& m : p.diag.warnings)
    if (m.code == code && nth-- == 0) return &m;
  return nullptr;
}

}  // namespace

TEST_CASE("ISO 8601 durations in seconds") {
  struct Case {
    const char* text;
    bool ok;
    double seconds;
  };
  const Case cases[] = {
      {"PT1H2M3.5S", true, 3723.5}, {"PT12M", true, 720},    {"P1DT2H", true, 93600}, {"PT0.5H", true, 1800},
      {"P2W", true, 1209600},       {"P0D", true, 0},        {"PT0,25S", true, 0.25}, {"P1Y", true, 365 * 86400.0},
      {"P1M", true, 30 * 86400.0},  {"PT36H", true, 129600}, {"PT", false, 0},        {"P", false, 0},
      {"P1H", false, 0},            {"PT1M2H", false, 0},    {"1h30", false, 0},      {"PT1.5M2S", false, 0},
      {"PTS", false, 0},            {"PT1H2M3.5", false, 0},
  };
  for (const Case& c : cases) {
    double s = -1;
    CHECK_MESSAGE(parse_iso_duration(c.text, s) == c.ok, c.text);
    if (c.ok) CHECK_MESSAGE(s == c.seconds, c.text);
  }
}

TEST_CASE("SHA-1 matches the xAPI mbox_sha1sum of a mailto IRI") {
  CHECK(sha1_hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  CHECK(sha1_hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
  CHECK(sha1_hex("mailto:Tom.Durand@college-exemple.fr") == "8587b9e4a2d2d443a12b3e59b36c43fc329d866c");
  CHECK(sha1_hex(std::string(1000, 'a')) == "291e9a6c66994949b57ba5e650361e98fc36b1ba");
}

TEST_CASE("LRS StatementResult: four statements kept, the one without a verb skipped by index") {
  Parsed p = xapi("lrs_statement_result.json");
  CHECK(p.format == "xapi");
  CHECK(p.confidence == 85);
  REQUIRE(p.tables.size() == 1);
  const Table& t = p.tables[0];
  CHECK(t.domain == "learning_statements");
  CHECK(t.name == "learning_statements");
  REQUIRE(t.rows() == 4);
  const Column& rec = col(p, "_record");
  CHECK(rec.i64[0] == 0);
  CHECK(rec.i64[2] == 2);
  CHECK(rec.i64[3] == 4);  // statement #3 skipped
  const Message* m = warning(p, "xapi.invalid_statement");
  REQUIRE(m);
  CHECK(m->en == "Statement #3 skipped: no verb");
  CHECK(m->fr == "Déclaration n° 3 ignorée : verbe (verb) absent");
  CHECK(m->where.line > 1);
  CHECK(p.diag.count("xapi.invalid_statement") == 1);

  // statement 0: everything
  CHECK(col(p, "actor").string_at(0) == "Léa Martin");
  CHECK(col(p, "actor_kind").string_at(0) == "name");
  CHECK(col(p, "verb").string_at(0) == "a terminé");
  CHECK(col(p, "verb_id").string_at(0) == "http://adlnet.gov/expapi/verbs/completed");
  CHECK(col(p, "object_id").string_at(0) == "https://college-exemple.fr/activites/quiz-fractions-1");
  CHECK(col(p, "object_name").string_at(0) == "Quiz fractions n°1");
  CHECK(col(p, "course").string_at(0) == "Mathématiques 5e");  // grouping beats parent
  CHECK(col(p, "course_id").string_at(0) == "https://college-exemple.fr/cours/maths-5e");
  CHECK(col(p, "score_scaled").f64[0] == 0.85);
  CHECK(col(p, "score_raw").f64[0] == 17);
  CHECK(col(p, "score_max").f64[0] == 20);
  CHECK(col(p, "success").i64[0] == 1);
  CHECK(col(p, "completion").i64[0] == 1);
  CHECK(col(p, "duration_s").f64[0] == 3723.5);
  CHECK(col(p, "ts").i64[0] == utc_us(2023, 10, 12, 7, 15, 30) + 250000);
  CHECK(col(p, "ts").utc_offset_min[0] == 120);
  CHECK(col(p, "stored").value_text(0) == "2023-10-12T07:15:31.004Z");
  CHECK(col(p, "statement_id").string_at(0) == "6690e6c9-3ef0-4ed3-8b37-7f3964730bee");
  CHECK(col(p, "version").string_at(0) == "1.0.3");
  CHECK(col(p, "source").string_at(0) == "xapi");

  // statement 1: account, en-GB beats de-DE, parent only, failed
  CHECK(col(p, "actor").string_at(1) == "eleve-0042");
  CHECK(col(p, "actor_kind").string_at(1) == "account");
  CHECK(col(p, "verb").string_at(1) == "failed");
  CHECK(col(p, "object_name").string_at(1) == "Fractions quiz 2");
  CHECK(col(p, "course").string_at(1) == "Les fractions");
  CHECK(col(p, "success").i64[1] == 0);
  CHECK(col(p, "duration_s").f64[1] == 720);

  // statement 2: bare mbox hashed, verb from the IRI, no name
  CHECK(col(p, "actor").string_at(2) == "8587b9e4a2d2d443a12b3e59b36c43fc329d866c");
  CHECK(col(p, "actor_kind").string_at(2) == "mbox_sha1sum");
  CHECK(col(p, "verb").string_at(2) == "experienced");
  CHECK(!col(p, "object_name").valid[2]);
  CHECK(col(p, "object_type").string_at(2) == "Activity");
  CHECK(col(p, "duration_s").f64[2] == 93600);
  CHECK(!col(p, "course").valid[2]);
  CHECK(p.diag.count("xapi.mbox_hashed") == 1);

  // statement 4: sha1sum actor, fr-CA beats en-US, unreadable duration, time from "stored"
  CHECK(col(p, "actor").string_at(3) == "ebd31e95054c018b10727ccffd2ef2ec3a016ee9");
  CHECK(col(p, "verb").string_at(3) == "a essayé");
  CHECK(!col(p, "duration_s").valid[3]);
  CHECK(col(p, "ts").i64[3] == utc_us(2023, 10, 14, 8, 0));
  REQUIRE(warning(p, "xapi.bad_duration"));
  CHECK(warning(p, "xapi.bad_duration")->en == "Unreadable duration \"1h30\" (statement #4), left empty");

  // no e-mail address anywhere in the table
  for (const Column& c : t.columns)
    if (c.type == ColumnType::String) CHECK_MESSAGE(c.chars.find('@') == std::string::npos, c.name);
  // the "more" link of the partial result
  bool more = false;
  for (const auto& kv : t.meta) more |= kv.first == "more" && kv.second == "/xapi/statements?more=7d3f2c";
  CHECK(more);
}

TEST_CASE("xAPI 2.0 array with a BOM: null element and a statement without object skipped by index") {
  Parsed p = xapi("statements_2_0.json");
  CHECK(p.format == "xapi");
  REQUIRE(p.tables[0].rows() == 2);
  CHECK(col(p, "_record").i64[1] == 2);
  REQUIRE(p.diag.count("xapi.invalid_statement") == 2);
  CHECK(warning(p, "xapi.invalid_statement", 0)->en == "Statement #1 skipped: not an object");
  CHECK(warning(p, "xapi.invalid_statement", 1)->en == "Statement #3 skipped: no object");
  CHECK(col(p, "actor").string_at(0) == "Inès Benali");
  CHECK(col(p, "verb").string_at(0) == "logged in");
  CHECK(col(p, "object_name").string_at(0) == "Plateforme ENT");
  CHECK(col(p, "verb").string_at(1) == "a répondu");
  CHECK(col(p, "object_name").string_at(1) == "Question 42");
  CHECK(col(p, "course").string_at(1) == "SVT 4e");  // pre-1.0 single-object parent
  CHECK(col(p, "score_scaled").f64[1] == 1);
  CHECK(col(p, "duration_s").f64[1] == 1800);
  CHECK(col(p, "version").string_at(1) == "2.0.0");
  CHECK(col(p, "ts").i64[1] == utc_us(2024, 1, 8, 7, 5));
}

TEST_CASE("a single statement object is one row") {
  Parsed p = xapi("single_statement.json");
  CHECK(p.format == "xapi");
  REQUIRE(p.tables[0].rows() == 1);
  CHECK(col(p, "duration_s").f64[0] == 3723.5);
  CHECK(col(p, "_record").i64[0] == 0);
  CHECK(col(p, "course").string_at(0) == "Mathématiques 5e");
}

TEST_CASE("xAPI detection and malformed JSON") {
  CHECK(xapi_detect("{\"statements\":[],\"more\":\"\"}", "x.json") == 0);
  CHECK(xapi_detect("[{\"actor\":{},\"verb\":{}}]", "x.json") == 85);
  CHECK(xapi_detect("[{\"a\":1}]", "x.json") == 0);
  CHECK(xapi_detect("Date;verb;actor\n", "x.csv") == 0);
  Parsed p = parse_session("{\"statements\":[{\"actor\":{\"name\":\"A\"},\"verb\":{\"id\":\"v\"},\"object\":{\"id\":\"o\"}},",
                           "cut.json");
  CHECK(p.format == "xapi");
  CHECK(p.diag.failed);
  CHECK(p.tables.empty());
}

TEST_CASE("xAPI fixtures give identical output whatever the chunk size") {
  const char* files[] = {"lrs_statement_result.json", "statements_2_0.json", "single_statement.json"};
  for (const char* f : files) {
    const std::string data = read_fixture(std::string("xapi/") + f);
    const Parsed whole = parse_session(data, f);
    for (size_t chunk : {1, 2, 3, 7, 64, 4096})
      CHECK_MESSAGE(first_diff(parse_session(data, f, chunk).dump, whole.dump) == "", f << " chunk " << chunk);
  }
}

TEST_CASE("Moodle statements without timestamp (issue 17): stored, then the context's timecreated, counted; none dropped") {
  Parsed p = xapi("moodle_no_timestamp.json");
  CHECK(p.format == "xapi");
  REQUIRE(p.tables.size() == 1);
  REQUIRE(p.tables[0].rows() == 4);  // #4 (no verb) skipped; #3 (no time) kept
  const Column& ts = col(p, "ts");
  CHECK(ts.i64[0] == utc_us(2024, 3, 4, 7, 30));                 // timestamp 08:30+01:00
  CHECK(ts.i64[1] == utc_us(2024, 3, 4, 17, 45, 10) + 123000);    // stored
  CHECK(ts.i64[2] == utc_us(2024, 3, 5, 10, 15));                 // timecreated 1709633700
  CHECK_FALSE(ts.valid[3]);
  const Column& src = col(p, "ts_source");
  CHECK(src.string_at(0) == "timestamp");
  CHECK(src.string_at(1) == "stored");
  CHECK(src.string_at(2) == "context");
  CHECK_FALSE(src.valid[3]);
  CHECK(col(p, "course").string_at(1) == "Physique-chimie 1re");
  const Message* st = warning(p, "xapi.ts_from_stored");
  REQUIRE(st);
  CHECK(st->info);
  CHECK(st->en.find("1 statement(s)") == 0);
  CHECK(st->en.find("#1") != std::string::npos);
  const Message* cx = warning(p, "xapi.ts_from_context");
  REQUIRE(cx);
  CHECK(cx->en.find("#2") != std::string::npos);
  const Message* none = warning(p, "xapi.no_time");
  REQUIRE(none);
  CHECK_FALSE(none->info);
  CHECK(none->en.find("#3") != std::string::npos);
  const Message* sk = warning(p, "xapi.skipped_statements");
  REQUIRE(sk);
  CHECK(sk->en == "1 invalid statement(s) skipped out of 5");
}
