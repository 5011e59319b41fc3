// Session: detection through the registry, session-level failures (empty, unknown, cancelled) with
// French and English text, progress counters, and the rule that parsers/ and tools/ stay platform-free.
#include <doctest/doctest.h>

#include <filesystem>

#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

TEST_CASE("registry lists CSV and finds formats by id") {
  REQUIRE(!formats().empty());
  CHECK(std::string(formats()[0].id) == "csv");
  CHECK(find_format("csv") == &formats()[0]);
  CHECK(find_format("no-such-format") == nullptr);
  Detection d = detect_format("a;b\n1;2\n", "x.csv");
  REQUIRE(d.format);
  CHECK(std::string(d.format->id) == "csv");
  CHECK(d.confidence == 60);
  CHECK(d.what_was_seen.empty());
}

TEST_CASE("0-byte file: format.empty") {
  Parsed p = parse_session("", "vide.csv");
  REQUIRE(p.diag.failed);
  CHECK(p.diag.error.code == "format.empty");
  CHECK(p.diag.error.fr == "Fichier vide");
  CHECK(p.diag.error.en == "Empty file");
  CHECK(p.tables.empty());
  CHECK(p.format.empty());
}

TEST_CASE("binary garbage: format.unknown says what was seen") {
  Parsed p = parse_session(read_fixture("csv/garbage.bin"), "garbage.bin", 7);
  REQUIRE(p.diag.failed);
  CHECK(p.diag.error.code == "format.unknown");
  CHECK(p.diag.error.fr.rfind("Format non reconnu : données binaires", 0) == 0);
  CHECK(p.diag.error.en.rfind("Unknown format: binary data", 0) == 0);
  CHECK(p.diag.error.en.find("89 50 4E 47 0D 0A 1A 0A") != std::string::npos);
  CHECK(p.what_was_seen.find("binary") != std::string::npos);
  CHECK(p.tables.empty());
}

TEST_CASE("text that is not a table: format.unknown with encoding and first line") {
  const std::string long_line(100, 'x');
  {
    Parsed p = parse_session("Il était une fois\nun fichier texte\nsans colonnes.\n", "conte.txt");
    REQUIRE(p.diag.failed);
    CHECK(p.diag.error.code == "format.unknown");
    CHECK(p.diag.error.en == "Unknown format: text, encoding utf-8, first line: \"Il était une fois\"");
    CHECK(p.diag.error.fr == "Format non reconnu : texte, encodage utf-8, première ligne : « Il était une fois »");
  }
  {
    Parsed p = parse_session("Il \xE9tait une fois\r\nun fichier\r\n", "conte.txt");
    CHECK(p.diag.error.en == "Unknown format: text, encoding windows-1252, first line: \"Il était une fois\"");
  }
  {
    Parsed p = parse_session("(\"" + long_line + "\": 1)\n", "data.txt");  // not JSON: "{" would be
    REQUIRE(p.diag.failed);
    const std::string& en = p.diag.error.en;
    CHECK(en.find("first line: \"(\"" + std::string(78, 'x') + "…\"") != std::string::npos);
  }
}

TEST_CASE("cancel stops the session with parse.cancelled and drops the partial table") {
  ParseOptions o;
  o.file_name = "big.csv";
  Session s(o);
  std::string chunk;
  for (int i = 0; i < 10000; ++i) chunk += "2023-01-01T00:00:00Z;" + std::to_string(i) + "\n";
  s.feed(bytes_of("Horodate;Valeur\n"));
  s.feed(bytes_of(chunk));
  CHECK(s.format() != nullptr);
  CHECK(s.rows_so_far() > 1000);
  const uint64_t rows = s.rows_so_far();
  s.feed(bytes_of(chunk));
  CHECK(s.rows_so_far() == rows + 10000);
  CHECK(s.bytes_done() == 16 + 2 * chunk.size());
  s.cancel();
  CHECK(s.done());
  REQUIRE(s.diagnostics().failed);
  CHECK(s.diagnostics().error.code == "parse.cancelled");
  CHECK(s.diagnostics().error.fr.rfind("Analyse annulée", 0) == 0);
  CHECK(s.diagnostics().error.en.rfind("Parsing cancelled", 0) == 0);
  CHECK(s.diagnostics().error.where.byte_offset == s.bytes_done());
  CHECK(s.tables().empty());
  s.feed(bytes_of(chunk));  // ignored after cancel
  s.finish();
  CHECK(s.bytes_done() == 16 + 2 * chunk.size());
  CHECK(s.diagnostics().error.code == "parse.cancelled");
}

TEST_CASE("the head is buffered until 64 KiB or finish, then forwarded") {
  std::string data = "a;b\n";
  while (data.size() < k_head_bytes + 10) data += "1;2\n";
  ParseOptions o;
  Session s(o);
  s.feed(bytes_of(std::string_view(data).substr(0, k_head_bytes - 1)));
  CHECK(s.format() == nullptr);  // still sniffing
  CHECK(s.rows_so_far() == 0);
  s.feed(bytes_of(std::string_view(data).substr(k_head_bytes - 1)));
  CHECK(s.format() != nullptr);
  s.finish();
  CHECK(!s.diagnostics().failed);
  REQUIRE(s.tables().size() == 1);
  CHECK(s.tables()[0].rows() == (data.size() - 4) / 4);
  CHECK(std::string(s.encoding()) == "utf-8");
}

TEST_CASE("every message of every fixture has a code, French and English text") {
  for (const auto& entry : std::filesystem::directory_iterator(std::string(SDW_TEST_DATA) + "/csv")) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".py") continue;
    Parsed p = parse_session(read_fixture("csv/" + name), name);
    for (const Message& m : p.diag.warnings) {
      CHECK_MESSAGE(!m.code.empty(), name);
      CHECK_MESSAGE(!m.fr.empty(), name);
      CHECK_MESSAGE(!m.en.empty(), name);
      CHECK_MESSAGE(m.fr != m.en, name << " " << m.code);
    }
    if (p.diag.failed) {
      CHECK_MESSAGE(!p.diag.error.fr.empty(), name);
      CHECK_MESSAGE(!p.diag.error.en.empty(), name);
    }
  }
}

TEST_CASE("parsers/ and tools/ never include Emscripten headers") {
  const std::filesystem::path root = std::filesystem::path(SDW_TEST_DATA).parent_path().parent_path();
  int files = 0;
  for (const char* dir : {"parsers", "tools"}) {
    for (const auto& e : std::filesystem::directory_iterator(root / dir)) {
      std::ifstream f(e.path());
      std::stringstream ss;
      ss << f.rdbuf();
      ++files;
      CHECK_MESSAGE(ss.str().find("#include <emscripten") == std::string::npos, e.path().string());
      CHECK_MESSAGE(ss.str().find("EM_JS") == std::string::npos, e.path().string());
    }
  }
  CHECK(files >= 10);
}
