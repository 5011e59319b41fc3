// Spotify, Netflix and Google My Activity histories (tests/data/{spotify,netflix,my_activity}, made by
// make_activity_fixtures.py) -> activity: Spotify endTime (UTC, minutes) vs extended ts (UTC, seconds) give the
// same instant, durations from msPlayed; Netflix BOM, HH:MM:SS durations, trailers as previews, series from the
// title; My Activity verbs in French and English, ads, removed videos; chunk-size invariance.
#include <doctest/doctest.h>

#include "parsers/formats/media.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

Parsed media(const std::string& rel) { return parse_session(read_fixture(rel), rel.substr(rel.find('/') + 1)); }

const Message* warning(const Parsed& p, const std::string& code) {
  for (const Message& m : p.diag.warnings)
    if (m.code == code) return &m;
  return nullptr;
}

}  // namespace

TEST_CASE("H:MM:SS durations") {
  double s = -1;
  CHECK(parse_hms("00:42:10", s));
  CHECK(s == 2530);
  CHECK(parse_hms("1:02:03", s));
  CHECK(s == 3723);
  CHECK(parse_hms("42:10", s));
  CHECK(s == 2530);
  CHECK(!parse_hms("00:61:00", s));
  CHECK(!parse_hms("1:2:3", s));
  CHECK(!parse_hms("", s));
  CHECK(!parse_hms("Not latest view", s));
  CHECK(!parse_hms("1:02:03:04", s));
}

TEST_CASE("My Activity verbs in French and English") {
  struct Case {
    const char *title, *kind, *object;
  };
  const Case cases[] = {
      {"Vous avez regardé Minecraft : la base", "view", "Minecraft : la base"},
      {"Watched Lo-fi beats", "view", "Lo-fi beats"},
      {"Vous avez recherché recette crêpes", "search", "recette crêpes"},
      {"Searched for how to ollie", "search", "how to ollie"},
      {"Vous avez consulté Pronote", "visit", "Pronote"},
      {"Visited Skatepark", "visit", "Skatepark"},
      {"Used Maps", "use", "Maps"},
      {"Vous avez utilisé Maps", "use", "Maps"},
      {"Vous avez écouté Djadja", "listen", "Djadja"},
      {"Vous vous êtes abonné à Frigiel", "subscribe", "Frigiel"},
      {"Liked Santé", "like", "Santé"},
      {"Vidéo sans verbe", "activity", "Vidéo sans verbe"},
  };
  for (const Case& c : cases) {
    ActivityVerb v = my_activity_verb(c.title);
    CHECK_MESSAGE(v.kind == c.kind, c.title);
    CHECK_MESSAGE(v.object == c.object, c.title);
  }
}

TEST_CASE("Spotify account-data history: endTime read as UTC (also on the Paris DST day), msPlayed in seconds") {
  Parsed p = media("spotify/StreamingHistory_music_0.json");
  CHECK(p.format == "spotify");
  CHECK(p.confidence == 90);
  REQUIRE(p.tables.size() == 1);
  CHECK(p.tables[0].domain == "activity");
  REQUIRE(p.tables[0].rows() == 4);
  CHECK(col(p, "ts").i64[0] == utc_us(2024, 3, 2, 18, 44));
  CHECK(col(p, "ts").i64[2] == utc_us(2024, 3, 31, 1, 30));  // 03:30 in Paris: not shifted
  CHECK(col(p, "ts").utc_offset_min[0] == k_unknown_offset);
  CHECK(col(p, "kind").string_at(0) == "listen");
  CHECK(col(p, "platform").string_at(0) == "Spotify");
  CHECK(col(p, "title").string_at(1) == "Santé");
  CHECK(col(p, "target").string_at(0) == "Angèle");
  CHECK(col(p, "duration_s").type == ColumnType::Float64);
  CHECK(col(p, "duration_s").f64[0] == 188);
  CHECK(col(p, "duration_s").f64[2] == 170.533);
  CHECK(col(p, "duration_s").f64[3] == 0);
  CHECK(col(p, "source").string_at(0) == "spotify");
  CHECK(!col(p, "url").valid[0]);
}

TEST_CASE("Spotify extended history: same instant as endTime to the minute, podcasts, no IP address kept") {
  Parsed x = media("spotify/Streaming_History_Audio_2023-2024_0.json");
  Parsed b = media("spotify/StreamingHistory_music_0.json");
  CHECK(x.format == "spotify");
  REQUIRE(x.tables[0].rows() == 4);
  const int64_t minute = 60 * 1000000LL;
  CHECK(col(x, "ts").i64[0] == utc_us(2024, 3, 2, 18, 44, 12));
  CHECK(col(x, "ts").utc_offset_min[0] == k_unknown_offset);  // "Z" written: UTC, not a local offset
  CHECK(col(x, "ts").i64[0] / minute == col(b, "ts").i64[0] / minute);
  CHECK(col(x, "ts").i64[1] / minute == col(b, "ts").i64[1] / minute);
  CHECK(col(x, "title").string_at(0) == col(b, "title").string_at(0));
  CHECK(col(x, "source").string_at(0) == "spotify_extended");
  CHECK(col(x, "url").string_at(0) == "spotify:track:4bqFhcCjdYfBJuVQqzTz9O");
  CHECK(col(x, "album").string_at(0) == "Brol");
  CHECK(col(x, "device").string_at(0) == "Android OS 14 API 34 (samsung, SM-A546B)");
  CHECK(col(x, "skipped").type == ColumnType::Bool);
  CHECK(col(x, "skipped").i64[1] == 1);
  CHECK(!col(x, "skipped").valid[0]);
  CHECK(col(x, "title").string_at(2) == "Les pieds sur terre : la colo");
  CHECK(col(x, "target").string_at(2) == "Les Pieds sur terre");
  CHECK(col(x, "duration_s").f64[2] == 1802);
  CHECK(!col(x, "title").valid[3]);  // no metadata at all: still a (0 s) listen
  for (const Column& c : x.tables[0].columns)
    if (c.type == ColumnType::String)
      for (size_t i = 0; i < c.size(); ++i) CHECK(c.string_at(i).find("92.184") == std::string_view::npos);
}

TEST_CASE("Netflix ViewingActivity.csv: BOM, UTC start, durations, trailers as previews, series, bad row skipped") {
  Parsed p = media("netflix/ViewingActivity.csv");
  CHECK(p.format == "netflix");
  CHECK(p.confidence == 92);
  CHECK(p.encoding == "utf-8-bom");
  REQUIRE(p.tables.size() == 1);
  REQUIRE(p.tables[0].rows() == 5);
  CHECK(col(p, "ts").i64[0] == utc_us(2024, 1, 5, 20, 13, 45));
  CHECK(col(p, "platform").string_at(0) == "Netflix");
  CHECK(col(p, "kind").string_at(0) == "view");
  CHECK(col(p, "kind").string_at(1) == "preview");
  CHECK(col(p, "kind").string_at(3) == "preview");
  CHECK(col(p, "title").string_at(0) == "Lupin : Partie 1: Chapitre 1");
  CHECK(col(p, "target").string_at(0) == "Lupin");
  CHECK(col(p, "target").string_at(4) == "Stranger Things");
  CHECK(!col(p, "target").valid[2]);  // a film
  CHECK(col(p, "title").string_at(2) == "Miraculous, le film");
  CHECK(col(p, "duration_s").f64[0] == 2530);
  CHECK(col(p, "duration_s").f64[2] == 6303);
  CHECK(col(p, "duration_s").f64[4] == 3723);
  CHECK(col(p, "device").string_at(4) == "Chrome PC (Cadmium)");
  CHECK(col(p, "profile").string_at(2) == "Noah");
  CHECK(col(p, "country").string_at(0) == "FR (France)");
  CHECK(col(p, "_record").i64[4] == 4);
  const Message* m = warning(p, "netflix.skipped_rows");
  REQUIRE(m);
  CHECK(m->en == "1 line(s) without a readable Start Time skipped, first at line 7");
  const std::string raw = read_fixture("netflix/ViewingActivity.csv");
  CHECK(m->where.byte_offset == raw.find("L\xC3\xA9" "a,date inconnue"));
}

TEST_CASE("My Activity in French: verbs, channel as target, ad from Google Ads, removed video, undated skipped") {
  Parsed p = media("my_activity/MonActivité.json");
  CHECK(p.format == "my_activity");
  CHECK(p.confidence == 90);
  REQUIRE(p.tables[0].rows() == 6);
  CHECK(col(p, "ts").i64[0] == utc_us(2024, 2, 1, 19, 22, 10) + 123000);
  CHECK(col(p, "platform").string_at(0) == "YouTube");
  CHECK(col(p, "kind").string_at(0) == "view");
  CHECK(col(p, "title").string_at(0) == "Minecraft : la meilleure base de survie");
  CHECK(col(p, "target").string_at(0) == "Frigiel");
  CHECK(col(p, "url").string_at(0) == "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  CHECK(col(p, "kind").string_at(1) == "ad");
  CHECK(col(p, "platform").string_at(2) == "Recherche");
  CHECK(col(p, "kind").string_at(2) == "search");
  CHECK(col(p, "title").string_at(2) == "recette crêpes sans œufs");
  CHECK(col(p, "ts").i64[2] == utc_us(2024, 2, 2, 7, 5, 33) + 500000);
  CHECK(col(p, "kind").string_at(3) == "visit");
  CHECK(col(p, "kind").string_at(4) == "view");
  CHECK(!col(p, "url").valid[4]);
  CHECK(col(p, "kind").string_at(5) == "subscribe");
  CHECK(col(p, "source").string_at(5) == "my_activity");
  const Message* m = warning(p, "my_activity.skipped_records");
  REQUIRE(m);
  CHECK(m->en == "1 record(s) skipped, the first (#6): no readable time");
  for (size_t i = 0; i < p.tables[0].rows(); ++i) CHECK(col(p, "text").valid[i] == 0);
}

TEST_CASE("My Activity in English") {
  Parsed p = media("my_activity/MyActivity.json");
  CHECK(p.format == "my_activity");
  REQUIRE(p.tables[0].rows() == 4);
  CHECK(col(p, "kind").string_at(0) == "view");
  CHECK(col(p, "target").string_at(0) == "Lofi Girl");
  CHECK(col(p, "kind").string_at(1) == "search");
  CHECK(col(p, "title").string_at(1) == "how to ollie");
  CHECK(col(p, "platform").string_at(2) == "Maps");
  CHECK(col(p, "kind").string_at(2) == "use");
  CHECK(col(p, "kind").string_at(3) == "visit");
  CHECK(col(p, "ts").i64[0] == utc_us(2024, 2, 5, 21, 10) + 1000);
}

TEST_CASE("media detection leaves other files alone; broken JSON fails with its byte offset") {
  CHECK(spotify_detect("[{\"endTime\": \"2024-03-02 18:44\"}]", "x.json") == 0);  // no msPlayed
  CHECK(spotify_detect("[]", "StreamingHistory0.json") == 0);
  CHECK(my_activity_detect("[{\"title\": \"x\", \"time\": \"2024-02-01T19:22:10Z\"}]", "x.json") == 0);
  CHECK(netflix_detect("Title,Date\nLupin,05/01/2024\n", "NetflixViewingHistory.csv") == 0);
  Parsed bad = parse_session("[{\"endTime\": \"2024-03-02 18:44\", \"msPlayed\": 12}, {\"endTime\": \"2024", "StreamingHistory0.json");
  CHECK(bad.format == "spotify");
  CHECK(bad.diag.failed);
  CHECK(bad.diag.error.where.byte_offset == 62);  // the string left open
}

TEST_CASE("media fixtures give identical output whatever the chunk size") {
  for (const char* rel : {"spotify/StreamingHistory_music_0.json", "spotify/Streaming_History_Audio_2023-2024_0.json",
                          "netflix/ViewingActivity.csv", "my_activity/MonActivité.json", "my_activity/MyActivity.json"}) {
    const std::string data = read_fixture(rel);
    const Parsed whole = parse_session(data, rel);
    REQUIRE_MESSAGE(!whole.diag.failed, rel);
    for (size_t chunk : {size_t(1), size_t(7), size_t(64), size_t(4096)}) {
      CHECK_MESSAGE(first_diff(parse_session(data, rel, chunk).dump, whole.dump) == "", rel << " chunk " << chunk);
      CHECK_MESSAGE(first_diff(parse_direct(data, rel, chunk, whole.format.c_str()).dump, whole.dump) == "",
                    rel << " direct chunk " << chunk);
    }
  }
}
