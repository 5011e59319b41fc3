// TAR / .tgz / .tar.gz / .gz reader (parsers/containers/tar.cpp): GNU long names, pax path=, multi-member gzip, a lone
// gzip'd file, truncation. Fixtures: tests/data/tgz/make_fixtures.py.
#include <doctest/doctest.h>

#include "parsers/containers/tar.h"
#include "tests/ustar.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {
const std::string k_long =
    "Takeout/Historique des positions (Chronologie)/dossier-au-nom-tres-long-dossier-au-nom-tres-long-dossier-au-nom-tres-long-/Chronologie.json";

uint64_t rows_of(const Parsed& p, std::string_view domain) {
  uint64_t n = 0;
  for (const Table& t : p.tables)
    if (t.domain == domain) n += t.rows();
  return n;
}
}  // namespace

TEST_CASE("tar: a Takeout .tgz with a GNU long name, a pax .tar.gz in three gzip members, a plain .tar") {
  for (const char* f : {"tgz/takeout-gnu.tgz", "tgz/takeout-pax.tar.gz", "tgz/takeout.tar"}) {
    for (size_t chunk : {size_t(0), size_t(61)}) {
      CAPTURE(f);
      CAPTURE(chunk);
      ParseOptions o;
      o.file_name = f;
      Session s(o);
      const std::string data = read_fixture(f);
      const size_t step = chunk ? chunk : data.size();
      for (size_t i = 0; i < data.size(); i += step) s.feed(bytes_of(std::string_view(data).substr(i, step)));
      s.finish();
      REQUIRE(s.format());
      CHECK(std::string(s.format()->id) == "tar");
      REQUIRE_FALSE(s.diagnostics().failed);
      const auto& e = s.entries();
      REQUIRE(e.size() == 3);
      CHECK(e[0].status == "skipped");  // archive_browser.html: not a data format
      CHECK(e[1].path == k_long);       // 148 bytes: only in the long-name / pax record
      CHECK(e[1].status == "ok");
      CHECK(std::string(e[1].format->id) == "google_android");
      CHECK(e[2].path == "Takeout/Drive/depenses.csv");
      CHECK(e[2].status == "ok");
      CHECK(e[2].rows == 2);
      // Chronologie.json: 2 visits and 3 points (tests/google_timeline_test.cpp), same as outside an archive
      uint64_t visits = 0, points = 0;
      for (const Table& t : s.tables()) {
        if (t.domain == "visits") visits += t.rows();
        if (t.domain == "location_points") points += t.rows();
      }
      CHECK(visits == 2);
      CHECK(points == 3);
    }
  }
}

TEST_CASE("tar: a truncated .tgz keeps complete entries and says where it stopped") {
  const Parsed p = parse_session(read_fixture("tgz/truncated.tgz"), "truncated.tgz");
  REQUIRE_FALSE(p.diag.failed);
  CHECK(p.diag.count("tar.truncated") == 1);
  CHECK(rows_of(p, "visits") == 0);  // the cut entry's partial rows are not kept
}

TEST_CASE("tar: a lone gzip'd CSV is read as the CSV") {
  const Parsed p = parse_session(read_fixture("tgz/depenses.csv.gz"), "depenses.csv.gz");
  REQUIRE_MESSAGE(!p.diag.failed, p.dump);
  CHECK(p.format == "tar");
  uint64_t rows = 0;
  for (const Table& t : p.tables) rows += t.rows();
  CHECK(rows == 2);
}

TEST_CASE("tar: detection and junk") {
  CHECK(tar_detect(std::string("\x1F\x8B\x08\x00", 4), "") == 92);
  CHECK(tar_detect("PK\x03\x04", "") == 0);
  const Parsed p = parse_session(std::string(1024, 'x') + "ustar", "x.tar");
  CHECK(p.format != "tar");
}

TEST_CASE("tar: a ustar name written on a Latin-1 / Windows-1252 system reaches the app as UTF-8") {
  // found by fuzz_container: "caf\xe9/d\xe9penses.csv" (one byte per é, as GNU tar writes it on such a
  // system) came out as an invalid UTF-8 entry path
  const std::string name = "caf\xe9/d\xe9penses.csv", body = "date;montant\n2025-01-02;-3,50\n";
  const std::string tar = ustar({{name, body}});
  const Parsed p = parse_session(tar, "archive.tar");
  REQUIRE_MESSAGE(!p.diag.failed, p.dump);
  REQUIRE(p.tables.size() == 1);
  CHECK(p.tables[0].entry == "café/dépenses.csv");
  CHECK(p.tables[0].rows() == 1);
}
