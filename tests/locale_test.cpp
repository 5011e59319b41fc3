// UI text and locale formatting (viz/locale): every key in both languages, French typography.
#include <doctest/doctest.h>

#include <string>

#include "viz/locale.h"

using namespace sdw;

TEST_CASE("every UI string exists in French and English, and they differ where words are involved") {
  REQUIRE(translation_count() > 20);
  int differing = 0;
  for (size_t i = 0; i < translation_count(); i++) {
    auto key = translation_key(i);
    CAPTURE(std::string(key));
    CHECK(has_translation(key));
    CHECK(std::string(tr(Lang::Fr, key)) != std::string(key));
    if (std::string(tr(Lang::Fr, key)) != tr(Lang::En, key)) differing++;
  }
  CHECK(differing > static_cast<int>(translation_count()) * 3 / 4);
  CHECK(std::string(tr(Lang::Fr, "no.such.key")) == "no.such.key");
}

TEST_CASE("language codes from the browser") {
  CHECK(lang_from_code("fr-FR") == Lang::Fr);
  CHECK(lang_from_code("en-GB") == Lang::En);
  CHECK(lang_from_code("EN") == Lang::En);
  CHECK(lang_from_code("de-DE") == Lang::Fr);   // French first: the workshops' language
  CHECK(lang_from_code("") == Lang::Fr);
  CHECK(std::string(lang_code(Lang::En)) == "en");
}

TEST_CASE("numbers in French and English typography") {
  CHECK(format_count(Lang::Fr, 1234567) == "1\u202F234\u202F567");
  CHECK(format_count(Lang::En, 1234567) == "1,234,567");
  CHECK(format_count(Lang::Fr, 999) == "999");
  CHECK(format_count(Lang::Fr, 0) == "0");
  CHECK(format_number(Lang::Fr, 1234.5, 2) == "1\u202F234,50");
  CHECK(format_number(Lang::En, -1234.5, 2) == "-1,234.50");
  CHECK(format_number(Lang::Fr, -0.001, 2) == "0,00");   // no "-0,00"
  CHECK(format_number(Lang::Fr, 12.345, 0) == "12");
}

TEST_CASE("sizes and durations") {
  CHECK(format_bytes(Lang::Fr, 0) == "0\u00A0o");
  CHECK(format_bytes(Lang::Fr, 1500) == "1,5\u00A0ko");
  CHECK(format_bytes(Lang::En, 1500) == "1.5 KB");
  CHECK(format_bytes(Lang::Fr, 734003200) == "734\u00A0Mo");
  CHECK(format_bytes(Lang::En, 3.2e9) == "3.2 GB");
  CHECK(format_duration_ms(Lang::Fr, 850) == "850 ms");
  CHECK(format_duration_ms(Lang::Fr, 2400) == "2,4 s");
  CHECK(format_duration_ms(Lang::En, 90000) == "1.5 min");
}

#include "viz/guides.h"

TEST_CASE("every guide to obtain an export exists in both languages, step for step") {
  REQUIRE(guide_count() >= 6);
  for (size_t i = 0; i < guide_count(); i++) {
    const Guide& g = guide_at(i);
    CAPTURE(std::string(g.id));
    CHECK(std::string(guide_title(g, Lang::Fr)) != guide_title(g, Lang::En));
    int fr = 0, en = 0;
    while (fr < 6 && g.steps_fr[fr]) fr++;
    while (en < 6 && g.steps_en[en]) en++;
    CHECK(fr >= 3);
    CHECK(fr == en);
    CHECK(std::string(guide_result(g, Lang::Fr)).size() > 20);
    CHECK(std::string(guide_result(g, Lang::En)).size() > 20);
    CHECK(find_guide(g.id) == &g);
  }
  CHECK(find_guide("nope") == nullptr);
  CHECK(find_guide("enedis") != nullptr);
}
