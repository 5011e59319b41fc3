// Tempo calendars (parsers/formats/tempo.h) in the layouts people get, recognised by content through the Session
// (detection over every format), and the merge of calendars (challenges/tariffs.h merge_tempo_calendars).
// Samples are shaped on real files: éCO2mix's "Calendrier Tempo" download (tab-separated, Windows-1252, RTE's
// notice as last line), RTE's Tempo Like Supply Contract API JSON, api-couleur-tempo's JSON (dateJour /
// codeJour / libCouleur, as in GaboFlo's tempo.json), and community CSVs ("date;couleur", English names).
#include <doctest/doctest.h>

#include "challenges/tariffs.h"
#include "parsers/core/values.h"
#include <fstream>
#include <map>
#include <sstream>

#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::challenge;

namespace {
int32_t day(const char* iso) {
  int32_t d = 0;
  REQUIRE(parse_date(iso, d));
  return d;
}
// day -> colour of the (single) tempo_days table
std::map<std::string, std::string> days_of(const test::Parsed& p) {
  std::map<std::string, std::string> out;
  REQUIRE(p.tables.size() == 1);
  const Table& t = p.tables[0];
  CHECK(t.domain == "tempo_days");
  const Column *d = nullptr, *c = nullptr;
  for (const Column& col : t.columns) {
    if (col.name == "day") d = &col;
    if (col.name == "colour") c = &col;
  }
  REQUIRE(d);
  REQUIRE(c);
  for (size_t r = 0; r < t.rows(); ++r) out[d->value_text(r)] = std::string(c->string_at(r));
  return out;
}
std::string source_of(const test::Parsed& p) {
  for (const Column& col : p.tables.at(0).columns)
    if (col.name == "source") return col.value_text(0);
  return "";
}
}  // namespace

TEST_CASE("tempo: éCO2mix download (tab, Windows-1252, RTE's notice last) is recognised and read") {
  // "Type de jour TEMPO" and the notice's é written in Windows-1252, as RTE serves eCO2mix_RTE_tempo_2024-2025.xls
  const std::string f = "Date\tType de jour TEMPO\r\n2024-09-01\tBLEU\r\n2024-11-20\tBLANC\r\n2024-12-03\tROUGE\r\n"
                        "L'ensemble des informations disponibles sur \xE9" "CO2mix sont fournies \xE0 titre informatif\t\r\n";
  const test::Parsed p = test::parse_session(f, "eCO2mix_RTE_tempo_2024-2025.xls");
  CHECK(p.format == "tempo");
  CHECK_FALSE(p.diag.failed);
  const auto d = days_of(p);
  CHECK(d.size() == 3);
  CHECK(d.at("2024-09-01") == "blue");
  CHECK(d.at("2024-11-20") == "white");
  CHECK(d.at("2024-12-03") == "red");
  CHECK(source_of(p) == "eco2mix");
  // the notice is said (info), not a bad row
  for (const Message& m : p.diag.warnings) CHECK((m.code == "tempo.notice" || m.info));
}

TEST_CASE("tempo: RTE API JSON (tempo_like_calendars) gives the local day of start_date, any order") {
  const std::string f = R"({"tempo_like_calendars":{"start_date":"2023-02-25T00:00:00+01:00","end_date":"2023-02-28T00:00:00+01:00",
  "values":[
  {"start_date":"2023-02-27T00:00:00+01:00","end_date":"2023-02-28T00:00:00+01:00","value":"WHITE","updated_date":"2023-02-26T10:20:00+01:00"},
  {"start_date":"2023-02-26T00:00:00+01:00","end_date":"2023-02-27T00:00:00+01:00","value":"BLUE","updated_date":"2023-02-25T10:20:00+01:00"},
  {"start_date":"2023-03-26T00:00:00+01:00","end_date":"2023-03-27T00:00:00+02:00","value":"RED","updated_date":"2023-03-25T10:20:00+01:00"}
  ]}})";
  const test::Parsed p = test::parse_session(f, "tempo_like_calendars.json");
  CHECK(p.format == "tempo");
  const auto d = days_of(p);
  CHECK(d.size() == 3);
  CHECK(d.at("2023-02-27") == "white");
  CHECK(d.at("2023-02-26") == "blue");
  CHECK(d.at("2023-03-26") == "red");   // the DST day keeps its date
  CHECK(source_of(p) == "rte_api");
}

TEST_CASE("tempo: api-couleur-tempo JSON (dateJour, codeJour, libCouleur); 'Inconnu' is not a day; bad elements name their line") {
  const std::string f = "\xEF\xBB\xBF[\n"
                        "  {\"dateJour\": \"2026-01-14\", \"codeJour\": 2, \"periode\": \"2025-2026\", \"libCouleur\": \"Blanc\"},\n"
                        "  {\"dateJour\": \"2026-01-15\", \"codeJour\": 1, \"periode\": \"2025-2026\"},\n"
                        "  {\"dateJour\": \"2026-01-16\", \"codeJour\": 0, \"periode\": \"2025-2026\", \"libCouleur\": \"Inconnu\"},\n"
                        "  {\"dateJour\": \"2026-13-01\", \"codeJour\": 3, \"periode\": \"2025-2026\", \"libCouleur\": \"Rouge\"},\n"
                        "  {\"dateJour\": \"2026-01-17\", \"codeJour\": 9, \"periode\": \"2025-2026\", \"libCouleur\": \"Vert\"}\n"
                        "]\n";
  const test::Parsed p = test::parse_session(f, "joursTempo.json");
  CHECK(p.format == "tempo");
  CHECK_FALSE(p.diag.failed);
  const auto d = days_of(p);
  CHECK(d.size() == 2);
  CHECK(d.at("2026-01-14") == "white");
  CHECK(d.at("2026-01-15") == "blue");   // codeJour alone
  CHECK(source_of(p) == "api_couleur_tempo");
  int bad_date = 0, bad_colour = 0, undecided = 0;
  for (const Message& m : p.diag.warnings) {
    if (m.code == "tempo.bad_date") {
      ++bad_date;
      CHECK(m.where.line == 5);
      CHECK(m.en.find("2026-13-01") != std::string::npos);
      CHECK(m.en.find("element 4") != std::string::npos);
    }
    if (m.code == "tempo.bad_colour") {
      ++bad_colour;
      CHECK(m.where.line == 6);
      CHECK(m.fr.find("Vert") != std::string::npos);
    }
    if (m.code == "tempo.undecided") ++undecided;
  }
  CHECK(bad_date == 1);
  CHECK(bad_colour == 1);
  CHECK(undecided == 1);
}

TEST_CASE("tempo: community CSVs: ';' and ',' , BOM, French and English names, dd/mm/yyyy and ISO, no header") {
  SUBCASE("date;couleur, French, dd/mm/yyyy, BOM, CRLF") {
    const test::Parsed p = test::parse_session("\xEF\xBB\xBF" "Date;Couleur\r\n01/12/2025;BLEU\r\n02/12/2025;Blanc\r\n29/12/2025;rouge\r\n", "tempo.csv");
    CHECK(p.format == "tempo");
    const auto d = days_of(p);
    CHECK(d.size() == 3);
    CHECK(d.at("2025-12-02") == "white");
    CHECK(d.at("2025-12-29") == "red");
    CHECK(source_of(p) == "csv");
  }
  SUBCASE("date,color, English, ISO") {
    const test::Parsed p = test::parse_session("date,color\n2025-12-01,BLUE\n2025-12-02,WHITE\n2025-12-29,RED\n", "calendar.txt");
    CHECK(p.format == "tempo");
    const auto d = days_of(p);
    CHECK(d.at("2025-12-01") == "blue");
    CHECK(d.at("2025-12-29") == "red");
  }
  SUBCASE("no header, 'Tempo Bleu' style") {
    const test::Parsed p = test::parse_session("2025-12-01;TEMPO_BLEU\n2025-12-02;Tempo Blanc\n2025-12-29;TEMPO_ROUGE\n", "x.csv");
    CHECK(p.format == "tempo");
    const auto d = days_of(p);
    CHECK(d.size() == 3);
    CHECK(d.at("2025-12-02") == "white");
  }
  SUBCASE("our shipped layout reads as it did") {
    const test::Parsed p = test::parse_session("date,couleur\n2022-09-01,BLEU\n2022-12-08,ROUGE\n", "tempo_calendar.csv");
    CHECK(p.format == "tempo");
    CHECK(days_of(p).at("2022-12-08") == "red");
  }
}

TEST_CASE("tempo: bad rows are warnings naming the line and what is wrong; the parse goes on; a day twice keeps the last") {
  const std::string f = "date;couleur\n2026-02-09;BLANC\n2026-02-30;ROUGE\n2026-02-10;VIOLET\nhier;BLEU\n2026-02-11;ROUGE\n2026-02-09;ROUGE\n";
  const test::Parsed p = test::parse_session(f, "tempo.csv");
  CHECK(p.format == "tempo");
  CHECK_FALSE(p.diag.failed);
  const auto d = days_of(p);
  CHECK(d.size() == 2);
  CHECK(d.at("2026-02-09") == "red");   // line 7 over line 2, said
  CHECK(d.at("2026-02-11") == "red");
  std::map<uint64_t, std::string> by_line;
  for (const Message& m : p.diag.warnings) by_line[m.where.line] = m.code;
  CHECK(by_line[3] == "tempo.bad_date");     // 30 February
  CHECK(by_line[4] == "tempo.bad_colour");   // VIOLET
  CHECK(by_line[5] == "tempo.bad_date");     // "hier"
  CHECK(by_line[7] == "tempo.conflict");
  for (const Message& m : p.diag.warnings)
    if (m.where.line == 4) {
      CHECK(m.fr == "Ligne 4\u00A0: couleur inconnue «\u00A0VIOLET\u00A0» (attendu BLEU, BLANC ou ROUGE)\u00A0; jour ignoré.");
      CHECK(m.en == "Line 4: unknown colour \"VIOLET\" (expected BLUE, WHITE or RED); day skipped.");
    }
}

TEST_CASE("tempo: files that are not calendars are left to their own formats") {
  // an Enedis load curve, a bank CSV, a generic two-column CSV, a JSON array of something else
  CHECK(test::parse_session("Horodate;Valeur\n2024-01-01T00:30:00+01:00;512\n", "conso.csv").format != "tempo");
  CHECK(test::parse_session("date;libelle;montant\n01/02/2025;CB CARREFOUR;-12,50\n", "releve.csv").format != "tempo");
  CHECK(test::parse_session("date,temperature\n2025-01-01,3.5\n2025-01-02,4.0\n", "meteo.csv").format != "tempo");
  CHECK(test::parse_session("date,value\n2025-01-01,1\n2025-01-02,3\n2025-01-03,2\n", "mesures.csv").format != "tempo");
  CHECK(test::parse_session("Date;Code\n01/01/2025;1\n02/01/2025;2\n", "codes.csv").format != "tempo");
  // RTE's codes are a calendar under a code header
  CHECK(test::parse_session("dateJour;codeJour\n2026-02-09;2\n2026-02-10;3\n", "jours.csv").format == "tempo");
  CHECK(test::parse_session("[{\"date\":\"2025-01-01\",\"steps\":1200}]", "steps.json").format != "tempo");
  // a load curve with a Tempo colour column stays a load curve (not a calendar)
  CHECK(test::parse_session("Date;Couleur;Consommation (kWh)\n2025-01-01;BLEU;12,5\n", "conso_tempo.csv").format != "tempo");
}

TEST_CASE("tempo: merge: files over the shipped calendar, the newer calendar wins where two files disagree") {
  const TempoCalendar& shipped = shipped_tempo_calendar();
  REQUIRE(shipped.colour(day("2025-01-10")) == TempoColour::Red);
  // an older file that says 2025-01-10 was white, and a newer one (reaching later) that says blue
  TempoCalendar older = parse_tempo_calendar("date;couleur\n2025-01-10;BLANC\n2025-01-11;ROUGE\n", "old.csv");
  TempoCalendar newer = parse_tempo_calendar("date,couleur\n2025-01-10,BLEU\n2026-02-10,ROUGE\n", "new.csv");
  REQUIRE(older.days.size() == 2);
  REQUIRE(newer.days.size() == 2);
  for (int order = 0; order < 2; ++order) {   // whatever order they came in
    std::vector<TempoFile> files;
    if (order == 0) files = {{"old.csv", older}, {"new.csv", newer}};
    else files = {{"new.csv", newer}, {"old.csv", older}};
    const TempoCalendar m = merge_tempo_calendars(shipped, files);
    CHECK(m.colour(day("2025-01-10")) == TempoColour::Blue);    // newer over older over shipped
    CHECK(m.colour(day("2025-01-11")) == TempoColour::Red);     // only the older file says it
    CHECK(m.colour(day("2026-02-10")) == TempoColour::Red);     // past the shipped calendar
    CHECK(m.colour(day("2024-12-25")) == TempoColour::Blue);    // the shipped calendar fills the rest
    CHECK(m.colour(day("2026-02-11")) == TempoColour::Unknown);
    REQUIRE(m.parts.size() == 3);
    CHECK(m.parts[0].shipped);
    CHECK(m.parts[1].name == "old.csv");
    CHECK(m.parts[2].name == "new.csv");
    CHECK(m.part_of(day("2025-01-10")) == 2);
    CHECK(m.part_of(day("2025-01-11")) == 1);
    CHECK(m.part_of(day("2024-12-25")) == 0);
    CHECK(m.parts[1].changed == 2);   // 01-10 red -> white, 01-11 white -> red
    CHECK(m.parts[2].changed == 1);   // 01-10 white -> blue (2026-02-10 was unknown: not a change)
  }
}

TEST_CASE("tempo: the comparison says which calendar gave the colours, and prices days without one as blue") {
  // 2026-02-09 and -10 at 18:00 local: past the shipped calendar (ends 2026-01-15); 2026-01-14 (white, shipped)
  std::vector<int64_t> s, e;
  std::vector<double> kwh;
  for (const int64_t t : {test::utc_us(2026, 1, 14, 17, 0), test::utc_us(2026, 2, 9, 17, 0), test::utc_us(2026, 2, 10, 17, 0)}) {
    s.push_back(t);
    e.push_back(t + 3600000000LL);
    kwh.push_back(1.0);
  }
  const EnergyView v{s, e, {}, kwh};
  const TariffComparison alone = compare_tariffs(v, TariffOptions{});
  CHECK(alone.tempo_unknown_days == 2);
  bool said = false;
  for (const Message& m : alone.notes) {
    if (m.code == "tariffs.tempo_calendar") {
      CHECK(m.en == "Tempo colours: the calendar shipped with the app (RTE via GaboFlo's tempo.json, days known up to 2026-01-15) for 1 Tempo day(s) of the curve; no colour for 2 day(s).");
      said = true;
    }
    if (m.code == "tariffs.tempo_unknown")
      CHECK(m.en.rfind("2 Tempo day(s) of the curve with no known colour (2026-02-09 → 2026-02-10, after 2026-01-15, the last day known): priced as blue", 0) == 0);
  }
  CHECK(said);
  const TempoCalendar cal = merge_tempo_calendars(shipped_tempo_calendar(),
                                                  {{"tempo_2025-2026.csv", parse_tempo_calendar("date;couleur\n09/02/2026;BLANC\n10/02/2026;ROUGE\n")}});
  const TariffComparison r = compare_tariffs(v, TariffOptions{}, shipped_tariffs(), cal);
  CHECK(r.tempo_unknown_days == 0);
  said = false;
  for (const Message& m : r.notes) {
    CHECK(m.code != "tariffs.tempo_unknown");
    if (m.code == "tariffs.tempo_calendar") {
      CHECK(m.en == "Tempo colours: your file \"tempo_2025-2026.csv\" (2026-02-09 → 2026-02-10, 2 days) for 2 Tempo day(s) of the curve; "
                    "the shipped calendar (RTE via GaboFlo's tempo.json, days known up to 2026-01-15) for 1 Tempo day(s) of the curve.");
      CHECK(m.fr.rfind("Couleurs Tempo\u00A0: votre fichier «\u00A0tempo_2025-2026.csv\u00A0» (2026-02-09 → 2026-02-10, 2 jours) pour 2 jour(s) Tempo de la courbe", 0) == 0);
      said = true;
    }
  }
  CHECK(said);
  // white HP and red HP of the 2026-02-01 grid: the red day costs more than it did priced blue
  double tempo_alone = 0, tempo_file = 0;
  for (const TariffCost& t : alone.tariffs) if (t.id == "tempo") tempo_alone = t.energy_eur;
  for (const TariffCost& t : r.tariffs) if (t.id == "tempo") tempo_file = t.energy_eur;
  CHECK(tempo_file > tempo_alone);
}

TEST_CASE("tempo: the fixtures (tests/data/tempo/make_fixtures.py) are recognised as calendars and agree") {
  const std::string dir = std::string(SDW_TEST_DATA) + "/tempo/";
  std::map<std::string, std::map<std::string, std::string>> got;
  for (const char* f : {"eCO2mix_RTE_tempo_2025-2026.xls", "tempo_like_calendars.json", "joursTempo.json", "tempo_2026_communaute.csv"}) {
    std::ifstream in(dir + f, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    const test::Parsed p = test::parse_session(ss.str(), f);
    CHECK_MESSAGE(p.format == "tempo", f);
    CHECK_FALSE(p.diag.failed);
    got[f] = days_of(p);
  }
  CHECK(got["eCO2mix_RTE_tempo_2025-2026.xls"].size() == 181);   // 2025-09-01 .. 2026-02-28
  CHECK(got["joursTempo.json"].size() == 181);                    // "Inconnu" of 2026-03-01 left out
  CHECK(got["tempo_like_calendars.json"].size() == 59);           // January and February 2026
  CHECK(got["tempo_2026_communaute.csv"].size() == 28);           // VIOLET skipped, warned
  for (const auto& [d, c] : got["tempo_like_calendars.json"]) CHECK(got["eCO2mix_RTE_tempo_2025-2026.xls"][d] == c);
  for (const auto& [d, c] : got["tempo_2026_communaute.csv"]) CHECK(got["joursTempo.json"][d] == c);
  CHECK(got["joursTempo.json"]["2025-12-29"] == "red");           // as the shipped calendar
}
