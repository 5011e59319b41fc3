// Every crash the fuzzers found (tests/fuzz/, scripts/fuzz.sh), replayed exactly as libFuzzer ran it: the input
// files in tests/data/fuzz_regressions/<target>/ keep their fuzz_input.h header (chunk sizes, name hint).
// Each case checks that the parse ends the way it should for that input (a clear failure or warning), not
// just that it returns; scripts/fuzz.sh also replays these files under ASan/UBSan.
#include <doctest/doctest.h>

#include <filesystem>

#include "tests/fuzz/fuzz_harness.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

struct Replay {
  std::vector<Table> tables;
  Diagnostics diag;
  std::vector<EntryResult> entries;
  std::string format;
};

std::string regression(const std::string& target, const std::string& name) {
  return read_fixture("fuzz_regressions/" + target + "/" + name);
}

// The fuzz_<id> targets: format `id` forced, chunked as the input's header says.
Replay replay_parser(const char* id, const std::string& input) {
  const FormatInfo* f = find_format(id);
  REQUIRE(f);
  const fuzz::FuzzInput in = fuzz::decode_input(reinterpret_cast<const uint8_t*>(input.data()), input.size());
  const ParseOptions o = fuzz::make_options(in);
  auto p = f->create(o);
  fuzz::feed_chunks(in, [&](std::span<const uint8_t> c) { p->feed(c); });
  p->finish();
  Replay r{std::move(p->tables), p->diag, {}, id};
  if (p->entries()) r.entries = *p->entries();
  return r;
}

// The fuzz_session target.
Replay replay_session(const std::string& input) {
  const fuzz::FuzzInput in = fuzz::decode_input(reinterpret_cast<const uint8_t*>(input.data()), input.size());
  const ParseOptions o = fuzz::make_options(in);
  Session s(o);
  fuzz::feed_chunks(in, [&](std::span<const uint8_t> c) { s.feed(c); });
  s.finish();
  return Replay{s.tables(), s.diagnostics(), s.entries(), s.format() ? s.format()->id : ""};
}

bool all_text_ok(const Diagnostics& d) {
  auto ok = [](const Message& m) {
    return !m.code.empty() && !m.fr.empty() && !m.en.empty() && fuzz::valid_utf8(m.fr) && fuzz::valid_utf8(m.en);
  };
  for (const Message& m : d.warnings)
    if (!ok(m)) return false;
  return !d.failed || ok(d.error);
}

}  // namespace

TEST_CASE("fuzz regressions: the header of a fuzzer input decodes as fuzz_input.h documents") {
  const uint8_t raw[] = {0x80 | (1 << 3) | 3, 0, 2, 129, 'a', ';', 'b', '\n', '1', ';', '2', '\n'};
  fuzz::FuzzInput in = fuzz::decode_input(raw, sizeof raw);
  CHECK(std::string(in.file_name) == "data.csv");
  CHECK(std::string(in.time_zone) == "UTC");
  CHECK(in.chunk_sizes == std::vector<size_t>{0, 2, 1024});
  CHECK(in.data == "a;b\n1;2\n");
  std::vector<size_t> fed;
  fuzz::feed_chunks(in, [&](std::span<const uint8_t> c) { fed.push_back(c.size()); });
  CHECK(fed == std::vector<size_t>{0, 2, 6});
  Replay r = replay_parser("csv", std::string(reinterpret_cast<const char*>(raw), sizeof raw));
  REQUIRE(r.tables.size() == 1);
  CHECK(r.tables[0].rows() == 1);
  CHECK(all_text_ok(r.diag));
}

// [SECTION] zip (parsers/containers/zip.cpp)

// A local header whose flags say "UTF-8 name" (bit 11) over a name that is not UTF-8 (0x80): the path was
// kept byte for byte, so invalid UTF-8 reached the UI's JSON. Fixed in parsers/containers/zip.cpp by its owner (a lying
// flag falls back to CP437): the entry is listed as "Ç" and every text is valid UTF-8.
TEST_CASE("fuzz regression zip/flagged_utf8_name_invalid: a lying UTF-8 flag falls back to CP437") {
  const std::string input = regression("zip", "flagged_utf8_name_invalid");
  for (const Replay& r : {replay_parser("zip", input), replay_session(input)}) {
    CHECK(r.format == "zip");
    CHECK(all_text_ok(r.diag));
    REQUIRE(r.entries.size() == 1);
    CHECK(r.entries[0].path == "\u00c7");
    CHECK(r.entries[0].status != "ok");   // 32 bytes: a header, no data
    CHECK((r.diag.failed || !r.entries[0].diag.warnings.empty() || r.entries[0].diag.failed));
    CHECK(all_text_ok(r.entries[0].diag));
  }
}

// [SECTION] messages quoting input text as invalid UTF-8. Fixed at the depth where every message passes:
// Diagnostics::warn()/fail() make the text valid UTF-8 (U+FFFD for broken bytes), whatever a parser quotes.

// enedis.bad_row quotes the unreadable timestamp cut at 40 bytes (`what.substr(0, 40)`), which can split a
// multi-byte character. Expected: a warning enedis.bad_row whose text is valid UTF-8.
TEST_CASE("fuzz regression enedis/bad_row_cut_utf8: the warning quotes whole characters") {
  Replay r = replay_parser("enedis", regression("enedis", "bad_row_cut_utf8"));
  CHECK(r.diag.count("enedis.bad_row") > 0);
  CHECK(all_text_ok(r.diag));
}

// xapi.bad_duration quotes the duration cut at 40 bytes (`d.substr(0, 40)`): same split.
TEST_CASE("fuzz regression xapi/bad_duration_cut_utf8: the warning quotes whole characters") {
  Replay r = replay_parser("xapi", regression("xapi", "bad_duration_cut_utf8"));
  CHECK(r.diag.count("xapi.bad_duration") > 0);
  CHECK(all_text_ok(r.diag));
}

// google.bad_latlng quoted position text that was not valid UTF-8 (found by fuzz_google_android/_ios); passes
// since the later parsers/formats/google/ changes by its owner.
TEST_CASE("fuzz regression google_*/bad_latlng_invalid_utf8: the warning text is valid UTF-8") {
  for (const char* id : {"google_android", "google_ios"}) {
    Replay r = replay_parser(id, regression(id, "bad_latlng_invalid_utf8"));
    CHECK(r.diag.count("google.bad_latlng") > 0);
    CHECK_MESSAGE(all_text_ok(r.diag), id);
  }
}
