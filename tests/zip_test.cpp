// ZIP container: real-shaped archives (tests/data/zip, made by tests/data/make_fixtures.py): a Takeout with
// several formats, junk and a nested ZIP; data descriptors; ZIP64; stored entries; CP437 names; truncated,
// corrupted, encrypted archives; zip bombs against lowered limits; chunk-size invariance of everything.
#include <doctest/doctest.h>

#include "parsers/containers/zip.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

struct ZipRun {
  std::vector<Table> tables;
  std::vector<EntryResult> entries;
  Diagnostics diag;
  std::string format;
  std::string dump;  // tables + entries + archive messages: compared across chunk sizes
};

std::string dump_entries(const std::vector<EntryResult>& es) {
  std::string s;
  for (const EntryResult& e : es) {
    s += "E " + e.path + " | " + e.status + " | " + (e.format ? e.format->id : "-") + " | rows=" + std::to_string(e.rows) +
         " size=" + std::to_string(e.size) + " comp=" + std::to_string(e.compressed) + " off=" + std::to_string(e.offset) +
         " tables=" + std::to_string(e.first_table) + "+" + std::to_string(e.table_count) + "\n";
    s += dump_diag(e.diag);
  }
  return s;
}

ZipRun run(std::string_view data, const std::string& name, size_t chunk = 0, ArchiveLimits limits = {}) {
  ParseOptions o;
  o.file_name = name;
  o.total_bytes = data.size();
  o.archive = limits;
  Session s(o);
  if (chunk == 0) chunk = data.size() ? data.size() : 1;
  for (size_t p = 0; p < data.size(); p += chunk) s.feed(bytes_of(data.substr(p, chunk)));
  s.finish();
  ZipRun r;
  r.tables = s.tables();
  r.entries = s.entries();
  r.diag = s.diagnostics();
  r.format = s.format() ? s.format()->id : "";
  r.dump = "F " + r.format + "\n" + dump_tables(r.tables) + dump_entries(r.entries) + dump_diag(r.diag);
  return r;
}

ZipRun fixture(const std::string& name, size_t chunk = 0, ArchiveLimits limits = {}) {
  return run(read_fixture("zip/" + name), name, chunk, limits);
}

const EntryResult& entry(const ZipRun& r, const std::string& path) {
  for (const EntryResult& e : r.entries)
    if (e.path == path) return e;
  FAIL("no entry " << path);
  return r.entries[0];
}

const Table& table(const ZipRun& r, const std::string& name) {
  for (const Table& t : r.tables)
    if (t.name == name) return t;
  FAIL("no table " << name);
  return r.tables[0];
}

const Column& column(const Table& t, const std::string& name) {
  for (const Column& c : t.columns)
    if (c.name == name) return c;
  FAIL("no column " << name);
  return t.columns[0];
}

bool has_code(const Diagnostics& d, const std::string& code) { return d.count(code) > 0 || (d.failed && d.error.code == code); }

const Message& warning(const Diagnostics& d, const std::string& code) {
  for (const Message& m : d.warnings)
    if (m.code == code) return m;
  FAIL("no warning " << code);
  return d.warnings[0];
}

}  // namespace

TEST_CASE("zip detection") {
  CHECK(zip_detect(std::string_view("PK\x03\x04\x14\x00", 6), "x") == 95);
  CHECK(zip_detect(std::string_view("PK\x05\x06\0\0", 6), "vide.zip") == 95);
  CHECK(zip_detect("PK00PK\x03\x04", "") == 95);
  CHECK(zip_detect("PKxx", "a.zip") == 0);
  CHECK(zip_detect("a,b\n", "a.zip") == 0);
  Detection d = detect_format(read_fixture("zip/takeout.zip"), "takeout-20231029T120000Z-001.zip");
  REQUIRE(d.format);
  CHECK(std::string(d.format->id) == "zip");
}

TEST_CASE("names: CP437 to UTF-8, UTF-8 validity") {
  CHECK(cp437_to_utf8("r\x82sum\x82.csv") == "résumé.csv");
  CHECK(cp437_to_utf8("\x80\x9c\xe1\xff") == "Ç£ß\u00a0");
  CHECK(is_valid_utf8("Métriques"));
  CHECK(!is_valid_utf8("r\x82sum"));
  CHECK(!is_valid_utf8("\xC3"));
  CHECK(!is_valid_utf8("\xED\xA0\x80"));  // surrogate
  ZipRun r = fixture("cp437.zip");
  REQUIRE(r.entries.size() == 1);
  CHECK(r.entries[0].path == "résumé.csv");
  REQUIRE(r.tables.size() == 1);
  CHECK(r.tables[0].name == "résumé");
  CHECK(r.tables[0].entry == "résumé.csv");
}

TEST_CASE("Takeout-like archive: every recognised entry gives its tables, junk is silent, one nested level") {
  ZipRun r = fixture("takeout.zip");
  CHECK(r.format == "zip");
  CHECK(!r.diag.failed);
  // directories, .DS_Store and __MACOSX/ are not listed; the ZIP in the ZIP is, followed by its entries
  std::vector<std::string> paths;
  for (const EntryResult& e : r.entries) paths.push_back(e.path + " " + e.status + " " + (e.format ? e.format->id : "-"));
  CHECK(paths == std::vector<std::string>{
                     "Takeout/archive_browser.html skipped -",
                     "Takeout/Fit/Métriques d'activité quotidiennes/Métriques d'activité quotidiennes.csv ok csv",
                     "Takeout/Fit/Activités/2023-10-29_course.gpx ok gpx",
                     "Takeout/Google Photos/photo.png skipped -",
                     "Takeout/Banque/releves.zip ok zip",
                     "Takeout/Banque/releves.zip/relevé_octobre.csv ok bank",
                     "Takeout/Banque/releves.zip/encore.zip skipped zip",
                     "Takeout/Fit/Activités/daily.csv ok csv",
                 });
  REQUIRE(r.tables.size() == 4);
  CHECK(r.tables[0].name == "Métriques d'activité quotidiennes");
  CHECK(r.tables[0].entry == "Takeout/Fit/Métriques d'activité quotidiennes/Métriques d'activité quotidiennes.csv");
  CHECK(r.tables[1].name == "2023-10-29_course");
  CHECK(r.tables[2].name == "transactions");  // a bank statement: the transactions domain table
  CHECK(r.tables[2].entry == "Takeout/Banque/releves.zip/relevé_octobre.csv");
  CHECK(r.tables[3].name == "daily");

  const Table& fit = table(r, "Métriques d'activité quotidiennes");
  CHECK(fit.rows() == 30);
  const Column& steps = column(fit, "Nombre de pas");
  CHECK(steps.type == ColumnType::Int64);
  int64_t total = 0;
  for (int64_t v : steps.i64) total += v;
  CHECK(total == 30 * 4000 + 250 * 465);
  CHECK(column(fit, "Date").value_text(29) == "2023-10-30");
  CHECK(table(r, "2023-10-29_course").rows() == 120);
  CHECK(column(table(r, "transactions"), "amount").f64[1] == 2345.67);
  // the _entry column holds the path inside the innermost archive; Table::entry has the whole path
  CHECK(column(table(r, "transactions"), "_entry").string_at(1) == "relevé_octobre.csv");

  const EntryResult& csv = entry(r, "Takeout/Fit/Métriques d'activité quotidiennes/Métriques d'activité quotidiennes.csv");
  CHECK(csv.rows == 30);
  CHECK(csv.first_table == 0);
  CHECK(csv.table_count == 1);
  CHECK(std::string(csv.encoding) == "utf-8");
  CHECK(csv.size > csv.compressed);
  const EntryResult& gpx = entry(r, "Takeout/Fit/Activités/2023-10-29_course.gpx");
  CHECK(gpx.diag.count("xml.trailing") == 1);  // the entry's own warnings, offsets inside the entry
  const EntryResult& html = entry(r, "Takeout/archive_browser.html");
  CHECK(!html.diag.failed);
  REQUIRE(!html.diag.warnings.empty());
  CHECK(html.diag.warnings[0].code == "format.unknown");
  CHECK(html.diag.warnings[0].info);
  const EntryResult& nested = entry(r, "Takeout/Banque/releves.zip");
  CHECK(nested.first_table == 2);
  CHECK(nested.table_count == 1);
  CHECK(nested.rows == 3);
  const EntryResult& deep = entry(r, "Takeout/Banque/releves.zip/encore.zip");
  CHECK(deep.diag.warnings[0].code == "zip.too_deep");
  CHECK(deep.diag.warnings[0].en ==
        "Archive inside an archive inside an archive: skipped. Unzip it on your computer first, then drop what it holds");

  const Message& sum = warning(r.diag, "zip.summary");
  CHECK(sum.info);
  CHECK(sum.en == "Archive: 8 entries, 5 read, 3 skipped, 0 with errors");
  CHECK(sum.fr == "Archive : 8 entrée(s), 5 lue(s), 3 ignorée(s), 0 en erreur");
  CHECK(r.diag.warnings.size() == 1);
}

TEST_CASE("stored, data-descriptor and ZIP64 archives read the same tables") {
  struct Case {
    const char* file;
    std::vector<std::pair<std::string, size_t>> tables;  // name, rows
  };
  const Case cases[] = {
      {"stored.zip", {{"a", 3}, {"b", 1}}},
      {"descriptors.zip", {{"activities", 30}, {"stored", 2}, {"big", 3000}}},
      {"zip64.zip", {{"fit", 30}, {"stored", 2}}},
      {"zip64_stream.zip", {{"fit", 30}, {"stored", 2}}},
  };
  for (const Case& c : cases) {
    ZipRun r = fixture(c.file);
    CHECK_MESSAGE(!r.diag.failed, c.file);
    REQUIRE_MESSAGE(r.tables.size() == c.tables.size(), c.file);
    for (size_t i = 0; i < c.tables.size(); ++i) {
      CHECK_MESSAGE(r.tables[i].name == c.tables[i].first, c.file);
      CHECK_MESSAGE(r.tables[i].rows() == c.tables[i].second, c.file);
    }
    for (const EntryResult& e : r.entries) {
      CHECK_MESSAGE(e.status == "ok", c.file << " " << e.path);
      CHECK_MESSAGE(e.size > 0, c.file << " " << e.path);  // known from the header or the descriptor
      CHECK_MESSAGE(e.compressed > 0, c.file << " " << e.path);
    }
    CHECK_MESSAGE(r.diag.warnings.size() == 1, c.file << "\n" << dump_diag(r.diag));  // the summary only
  }
  ZipRun d = fixture("descriptors.zip");
  const Table& big = table(d, "big");
  CHECK(column(big, "colonne_2").type == ColumnType::Float64);
  CHECK(column(big, "colonne_3").string_at(2999) == "ligne 2999");
  CHECK(entry(d, "stored.csv").size == 12);  // stored + descriptor: the end found by its signature and CRC
  CHECK(entry(d, "stored.csv").compressed == 12);
  CHECK(table(fixture("stored.zip"), "a").columns[1].i64 == std::vector<int64_t>{2, 4, 6});
}

TEST_CASE("truncated archive: earlier entries stay, the cut entry is dropped, the archive says where") {
  const std::string data = read_fixture("zip/truncated.zip");
  ZipRun r = fixture("truncated.zip");
  CHECK(!r.diag.failed);
  REQUIRE(r.tables.size() == 1);
  CHECK(r.tables[0].rows() == 30);
  const Message& m = warning(r.diag, "zip.truncated");
  CHECK(m.where.byte_offset == data.size());
  CHECK(m.en == "Archive truncated at byte " + std::to_string(data.size()) + ": later entries are missing");
  CHECK(m.fr == "Archive tronquée à l'octet " + std::to_string(data.size()) + " : les entrées suivantes manquent");
  const EntryResult& cut = entry(r, "Takeout/Fit/Activités/2023-10-29_course.gpx");
  CHECK(cut.status == "error");
  CHECK(cut.diag.error.code == "zip.truncated_entry");
  CHECK(cut.diag.error.en.find("incomplete, the archive ends at byte " + std::to_string(data.size())) != std::string::npos);
  CHECK(cut.table_count == 0);

  // any cut of the Takeout: no crash; before the central directory, a failure or a truncation warning;
  // inside it, nothing is missing (it is never needed)
  const std::string full = read_fixture("zip/takeout.zip");
  const size_t eocd = full.rfind("PK\x05\x06");
  const size_t central = uint8_t(full[eocd + 16]) | uint8_t(full[eocd + 17]) << 8;  // offset of the central directory
  for (size_t cut_at = 0; cut_at < full.size(); cut_at += 53) {
    ZipRun c = run(std::string_view(full).substr(0, cut_at), "cut.zip", 7);
    if (cut_at == 0) {
      CHECK(c.diag.error.code == "format.empty");
    } else if (cut_at < central + 4) {  // up to its signature, it could be anything
      CHECK_MESSAGE((c.diag.failed || has_code(c.diag, "zip.truncated")), cut_at);
    } else {
      CHECK_MESSAGE(c.tables.size() == 4, cut_at);
      CHECK_MESSAGE(c.diag.warnings.size() == 1, cut_at);
    }
  }
  // cut inside the first header: nothing was read, the archive fails with the offset
  ZipRun head = run(std::string_view(full).substr(0, 20), "cut.zip");
  REQUIRE(head.diag.failed);
  CHECK(head.diag.error.code == "zip.truncated");
  CHECK(head.diag.error.where.byte_offset == 20);
}

TEST_CASE("entry errors: CRC mismatch, encryption, unsupported method") {
  {
    ZipRun r = fixture("bad_crc.zip");
    CHECK(!r.diag.failed);
    const EntryResult& a = entry(r, "a.csv");
    CHECK(a.status == "error");
    CHECK(a.diag.error.code == "zip.crc");
    CHECK(a.diag.error.en.rfind("Entry \"a.csv\" (byte 0): CRC-32 mismatch (declared ", 0) == 0);
    CHECK(a.diag.error.fr.rfind("Entrée « a.csv » (octet 0) : CRC-32 incorrect", 0) == 0);
    CHECK(a.diag.error.where.byte_offset == 0);
    CHECK(a.table_count == 0);
    REQUIRE(r.tables.size() == 1);
    CHECK(r.tables[0].name == "b");
    CHECK(warning(r.diag, "zip.summary").en == "Archive: 2 entries, 1 read, 0 skipped, 1 with errors");
  }
  {
    ZipRun r = fixture("encrypted.zip");
    const EntryResult& b = entry(r, "b.csv");
    CHECK(b.status == "error");
    CHECK(b.diag.error.code == "zip.encrypted");
    CHECK(b.diag.error.fr.find("chiffrée") != std::string::npos);
    CHECK(b.diag.error.en.find("encrypted") != std::string::npos);
    CHECK(b.diag.error.where.byte_offset == entry(r, "b.csv").offset);
    REQUIRE(r.tables.size() == 1);
    CHECK(r.tables[0].name == "a");
  }
  {
    std::string data = read_fixture("zip/stored.zip");
    data[8] = 14;  // method 14 (LZMA) on a.csv: skipped by its known size, b.csv still read
    ZipRun r = run(data, "lzma.zip");
    CHECK(entry(r, "a.csv").diag.error.code == "zip.method");
    CHECK(entry(r, "a.csv").diag.error.en.find("compression method 14 not supported") != std::string::npos);
    CHECK(entry(r, "b.csv").status == "ok");
  }
}

TEST_CASE("zip bombs: ratio, declared size and total caps stop with a clear message") {
  {  // default limits: 50 MiB of zeros is allowed (and is not a known format)
    ZipRun r = fixture("bomb.zip");
    CHECK(entry(r, "zeros.csv").status == "skipped");
    CHECK(entry(r, "zeros.csv").size == 50u << 20);
    CHECK(entry(r, "after.csv").status == "ok");
  }
  ArchiveLimits ratio;
  ratio.ratio_floor = 1 << 20;
  {  // known sizes: the bomb entry stops, the archive goes on after it
    ZipRun r = fixture("bomb.zip", 0, ratio);
    const EntryResult& z = entry(r, "zeros.csv");
    CHECK(z.status == "error");
    CHECK(z.diag.error.code == "zip.bomb_ratio");
    CHECK(z.diag.error.en == "Entry \"zeros.csv\" (byte 0): compression ratio above 200:1 beyond 1 MiB: entry stopped (zip bomb?)");
    CHECK(z.diag.error.fr == "Entrée « zeros.csv » (octet 0) : taux de compression supérieur à 200:1 au-delà de 1 Mio : entrée arrêtée (archive piège ?)");
    CHECK(entry(r, "after.csv").status == "ok");
    REQUIRE(r.tables.size() == 1);
    CHECK(r.tables[0].name == "after");
  }
  {  // sizes only in descriptors: the end of the bomb cannot be found, the archive stops there
    ZipRun r = fixture("bomb_stream.zip", 0, ratio);
    CHECK(entry(r, "zeros.csv").diag.error.code == "zip.bomb_ratio");
    REQUIRE(r.entries.size() == 1);
    const Message& m = warning(r.diag, "zip.stopped");
    CHECK(m.en == "Archive reading stopped at the entry at byte 0: later entries are not read");
    CHECK(!has_code(r.diag, "zip.truncated"));
  }
  {
    ArchiveLimits total;
    total.max_total = 10 << 20;
    ZipRun r = fixture("bomb.zip", 0, total);
    CHECK(entry(r, "zeros.csv").diag.error.code == "zip.bomb_total");
    CHECK(entry(r, "zeros.csv").diag.error.en.find("more than 10 MiB in total") != std::string::npos);
    CHECK(r.entries.size() == 1);
    CHECK(has_code(r.diag, "zip.stopped"));
  }
  {  // the local header says 1000 bytes; it inflates to 1 MiB
    ZipRun r = fixture("liar.zip");
    const EntryResult& e = entry(r, "liar.csv");
    CHECK(e.diag.error.code == "zip.bomb_size");
    CHECK(e.diag.error.en.find("inflates beyond its declared size (1000 bytes)") != std::string::npos);
    CHECK(r.tables.empty());
  }
}

TEST_CASE("archive-level failures and edge cases") {
  {
    ZipRun r = run(std::string("PK\x05\x06", 4) + std::string(18, '\0'), "vide.zip");
    CHECK(!r.diag.failed);
    CHECK(r.entries.empty());
    CHECK(r.tables.empty());
    CHECK(warning(r.diag, "zip.summary").en == "Archive: 0 entries, 0 read, 0 skipped, 0 with errors");
  }
  {  // a valid entry then garbage where the next record should be
    std::string data = read_fixture("zip/stored.zip");
    const size_t second = data.find("PK\x03\x04", 4);
    data = data.substr(0, second) + "garbage garbage garbage garbage";
    ZipRun r = run(data, "x.zip", 3);
    CHECK(r.tables.size() == 1);
    const Message& m = warning(r.diag, "zip.unexpected_data");
    CHECK(m.where.byte_offset == second);
  }
}

TEST_CASE("progress counts entry rows; cancel keeps the entries listed") {
  // padding after the central directory (ignored) makes the Session start the ZIP parser before finish()
  const std::string data = read_fixture("zip/descriptors.zip") + std::string(k_head_bytes, '\0');
  ParseOptions o;
  o.file_name = "d.zip";
  Session s(o);
  uint64_t last = 0;
  for (size_t p = 0; p < data.size(); p += 4096) {
    s.feed(bytes_of(std::string_view(data).substr(p, 4096)));
    CHECK(s.rows_so_far() >= last);
    last = s.rows_so_far();
  }
  CHECK(last == 30 + 2 + 3000);  // every entry was complete before finish()
  CHECK(s.entries().size() == 3);
  s.finish();
  CHECK(s.rows_so_far() == 30 + 2 + 3000);
  CHECK(!s.diagnostics().failed);
  Session c(o);
  c.feed(bytes_of(data));
  c.cancel();
  CHECK(c.diagnostics().error.code == "parse.cancelled");
  CHECK(c.tables().empty());
  CHECK(c.entries().size() == 3);
}

TEST_CASE("every ZIP fixture gives identical output whatever the chunk size") {
  ArchiveLimits low;
  low.ratio_floor = 1 << 20;
  for (const char* name : {"takeout.zip", "descriptors.zip", "zip64.zip", "zip64_stream.zip", "stored.zip", "truncated.zip",
                           "bad_crc.zip", "encrypted.zip", "cp437.zip", "liar.zip", "bomb.zip", "bomb_stream.zip"}) {
    const std::string data = read_fixture(std::string("zip/") + name);
    for (bool lowered : {false, true}) {
      if (lowered && std::string(name).rfind("bomb", 0) != 0) continue;
      const ArchiveLimits lim = lowered ? low : ArchiveLimits{};
      const ZipRun whole = run(data, name, 0, lim);
      for (size_t chunk : {1, 2, 3, 7, 64, 4096}) {
        if (chunk < 7 && data.size() > 40000) continue;  // the 50 KiB bombs: 7 bytes and up is enough
        CHECK_MESSAGE(first_diff(run(data, name, chunk, lim).dump, whole.dump) == "", name << " chunk " << chunk);
      }
    }
  }
}
