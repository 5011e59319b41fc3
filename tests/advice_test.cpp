// Advice under messages (parsers/core/advice.h): a PDF statement, an old .xls, a cut download, an empty file,
// and a real Session on those bytes so the codes tested are the ones the parsers really emit.
#include <doctest/doctest.h>

#include <string>

#include "parsers/core/advice.h"
#include "parsers/core/parser.h"

using namespace sdw;

namespace {
Message error_of(const std::string& name, const std::string& bytes) {
  ParseOptions o;
  o.file_name = name;
  Session s(o);
  s.feed(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
  s.finish();
  return s.diagnostics().error;
}
}  // namespace

TEST_CASE("advice: a PDF bank statement is told to come back as CSV, OFX or QIF") {
  const Message m = error_of("releve_2024_03.pdf", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
  CHECK(m.code == "format.unknown");
  const Advice a = advice_for(m);
  CHECK(a.fr.find("CSV, OFX ou QIF") != std::string::npos);
  CHECK(a.en.find("CSV, OFX or QIF") != std::string::npos);
}

TEST_CASE("advice: an old binary Excel file, an image, anything else") {
  const std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0\0\0\0\0", 16);
  CHECK(advice_for(error_of("export.xls", ole + std::string(600, '\0'))).fr.find("ancien fichier Excel") != std::string::npos);
  const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
  CHECK(advice_for(error_of("capture.png", png + std::string(300, '\x01'))).en.find("image") != std::string::npos);
  Message other = make_message("format.unknown", "Format non reconnu : x", "Unknown format: x");
  CHECK(advice_for(other).fr.find("Comment obtenir") != std::string::npos);
}

TEST_CASE("advice: empty and cut files; notes get none") {
  CHECK(advice_for(error_of("vide.csv", "")).fr.find("ne contient rien") != std::string::npos);
  CHECK(advice_for(make_message("zip.truncated", "x", "x")).en.find("download it again") != std::string::npos);
  CHECK(advice_for(make_message("csv.preamble", "3 lignes d'en-tête ignorées", "3 preamble lines skipped")).empty());
}
