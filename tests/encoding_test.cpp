// Encoding guess and streaming transcoding: BOMs, UTF-16 surrogate pairs across chunks, UTF-8 sequences
// split across chunks, Windows-1252's 0x80-0x9F table, per-byte fallback in UTF-8 files, offset map.
#include <doctest/doctest.h>

#include "parsers/core/encoding.h"

using namespace sdw;

namespace {

// Transcodes `in` in chunks of `chunk` bytes.
std::string transcode(std::string_view in, Encoding e, size_t bom, size_t chunk, Transcoder* keep = nullptr) {
  Transcoder tc(e, bom);
  std::string out;
  for (size_t p = 0; p < in.size(); p += chunk) tc.feed(in.substr(p, chunk), out);
  tc.finish(out);
  if (keep) *keep = tc;
  return out;
}

std::string utf16(std::u16string_view s, bool le, bool bom) {
  std::string out;
  if (bom) out += le ? "\xFF\xFE" : "\xFE\xFF";
  for (char16_t c : s) {
    char lo = char(c & 0xFF), hi = char(c >> 8);
    if (le) { out += lo; out += hi; } else { out += hi; out += lo; }
  }
  return out;
}

}  // namespace

TEST_CASE("Windows-1252 table, including 0x80-0x9F") {
  struct Case { uint8_t b; const char* utf8; };
  const Case cases[] = {{0x80, "€"}, {0x92, "’"}, {0x9C, "œ"}, {0x8C, "Œ"}, {0x85, "…"}, {0x96, "–"},
                        {0x97, "—"}, {0x93, "“"}, {0x94, "”"}, {0x8A, "Š"}, {0x9F, "Ÿ"}, {0xE9, "é"},
                        {0xE7, "ç"}, {0xAB, "«"}, {0xA0, "\xC2\xA0"}, {0xFF, "ÿ"}, {0x81, "\xC2\x81"}};
  for (const Case& c : cases) {
    std::string in(1, char(c.b));
    CHECK_MESSAGE(transcode(in, Encoding::Windows1252, 0, 1) == c.utf8, int(c.b));
  }
  CHECK(transcode("Cr\xE9" "dit;D\xE9" "bit \x80", Encoding::Windows1252, 0, 3) == "Crédit;Débit €");
}

TEST_CASE("encoding guess") {
  CHECK(guess_encoding("\xEF\xBB\xBFid;x\n", false).encoding == Encoding::Utf8Bom);
  CHECK(guess_encoding("\xEF\xBB\xBFid;x\n", false).bom_len == 3);
  CHECK(guess_encoding("\xFF\xFEi\0d\0", false).encoding == Encoding::Utf16Le);
  CHECK(guess_encoding(std::string_view("\xFE\xFF\0i\0d", 6), false).encoding == Encoding::Utf16Be);
  CHECK(guess_encoding(utf16(u"Date;Montant\r\n", true, false), false).encoding == Encoding::Utf16Le);
  CHECK(guess_encoding(utf16(u"Date;Montant\r\n", false, false), false).encoding == Encoding::Utf16Be);
  CHECK(guess_encoding("Libellé;Débit\n", false).encoding == Encoding::Utf8);
  CHECK(guess_encoding("Libell\xE9;D\xE9" "bit\n", false).encoding == Encoding::Windows1252);
  // a sequence cut by the end of the head is not evidence... unless the head is the whole file
  CHECK(guess_encoding("abc\xC3", false).encoding == Encoding::Utf8);
  CHECK(guess_encoding("abc\xC3", true).encoding == Encoding::Windows1252);
  CHECK(guess_encoding(std::string_view("PK\3\4\0\0\x14\0", 8), false).binary);
  CHECK(!guess_encoding("a;b\r\n1;2\r\n", false).binary);
  CHECK(!guess_encoding(utf16(u"a;b\r\n", true, true), false).binary);
}

TEST_CASE("UTF-8 sequences split across chunks, BOM stripped") {
  const std::string text = "é€😀 ça; Œuvre “x” 𝄞\r\n";
  for (size_t chunk : {1, 2, 3, 5, 7, 64}) {
    Transcoder tc;
    CHECK(transcode(text, Encoding::Utf8, 0, chunk, &tc) == text);
    CHECK(tc.fallback_bytes() == 0);
    CHECK(transcode("\xEF\xBB\xBF" + text, Encoding::Utf8Bom, 3, chunk) == text);
  }
}

TEST_CASE("invalid bytes in a UTF-8 file are read as Windows-1252, one by one, and counted") {
  // offsets: "abc" 0-2, 0x92 at 3, "é" 4-5, lone continuation 0x80 at 6, cut sequence E2 82 at 7-8 then 'x'
  const std::string in = "abc\x92\xC3\xA9\x80\xE2\x82x";
  for (size_t chunk : {1, 2, 3, 4, 64}) {
    Transcoder tc;
    std::string expected = std::string("abc’é€â") + "\xE2\x80\x9A" + "x";
    CHECK_MESSAGE(transcode(in, Encoding::Utf8, 0, chunk, &tc) == expected, chunk);
    CHECK(tc.fallback_bytes() == 4);
    CHECK(tc.first_fallback_offset() == 3);
  }
  Transcoder tc;
  CHECK(transcode("ok\xC3", Encoding::Utf8, 0, 1, &tc) == "okÃ");  // cut at end of input
  CHECK(tc.fallback_bytes() == 1);
  CHECK(tc.first_fallback_offset() == 2);
}

TEST_CASE("UTF-16 with BOM, surrogate pairs across chunks") {
  const std::u16string s = u"Date\tLibellé\r\n2023\tCafé 😀 𝄞 €\r\n";
  const std::string expected = "Date\tLibellé\r\n2023\tCafé 😀 𝄞 €\r\n";
  for (bool le : {true, false}) {
    const std::string in = utf16(s, le, true);
    for (size_t chunk : {1, 2, 3, 5, 7, 64}) {
      Transcoder tc;
      CHECK_MESSAGE(transcode(in, le ? Encoding::Utf16Le : Encoding::Utf16Be, 2, chunk, &tc) == expected, chunk);
      CHECK(tc.invalid_units() == 0);
    }
  }
  // a lone high surrogate and an odd trailing byte become U+FFFD
  std::string bad = utf16(u"a", true, true) + std::string("\x3D\xD8", 2) + utf16(u"b", true, false) + "x";
  Transcoder tc;
  CHECK(transcode(bad, Encoding::Utf16Le, 2, 1, &tc) == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  CHECK(tc.invalid_units() == 2);
  CHECK(tc.first_invalid_offset() == 4);
}

TEST_CASE("source offsets map UTF-8 output positions back to file bytes") {
  {
    Transcoder tc(Encoding::Windows1252);
    std::string out;
    tc.feed("\xE9t\xE9;x\n\x80y", out);  // é t é ; x \n € y
    CHECK(out == "été;x\n€y");
    CHECK(tc.source_offset(0) == 0);
    CHECK(tc.source_offset(2) == 1);   // 't'
    CHECK(tc.source_offset(5) == 3);   // ';'
    CHECK(tc.source_offset(8) == 6);   // '€'
    CHECK(tc.source_offset(11) == 7);  // 'y'
  }
  {
    Transcoder tc(Encoding::Utf16Le, 2);
    std::string in = utf16(u"é😀ab", true, true), out;
    tc.feed(std::string_view(in).substr(0, 5), out);  // BOM + é + half of the high surrogate
    CHECK(out == "é");
    CHECK(tc.source_offset(0) == 2);
    out.clear();
    tc.feed(std::string_view(in).substr(5), out);
    CHECK(out == "😀ab");
    CHECK(tc.source_offset(0) == 4);
    CHECK(tc.source_offset(4) == 8);   // 'a'
    CHECK(tc.source_offset(5) == 10);  // 'b'
  }
  {
    Transcoder tc(Encoding::Utf8Bom, 3);
    std::string out;
    tc.feed("\xEF\xBB", out);
    tc.feed("\xBF" "ab", out);
    CHECK(out == "ab");
    CHECK(tc.source_offset(1) == 4);
  }
}
