// Facebook and Instagram JSON exports (tests/data/{facebook,instagram}, made by make_activity_fixtures.py) ->
// activity: mojibake repaired (Ã© -> é, Ã§ -> ç, emoji), posts/comments/reactions/likes/messages kinds, the
// thread title filled in after the messages, other people's messages without text, detection by content with
// the path as the Instagram hint, skipped records named with their offset, chunk-size invariance.
#include <doctest/doctest.h>

#include "parsers/formats/social.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

Parsed social(const std::string& rel, const std::string& name = "") {
  return parse_session(read_fixture(rel), name.empty() ? rel.substr(rel.find('/') + 1) : name);
}

const Message* warning(const Parsed& p, const std::string& code) {
  for (const Message& m : p.diag.warnings)
    if (m.code == code) return &m;
  return nullptr;
}

const size_t k_chunks[] = {1, 7, 64, 4096};

}  // namespace

TEST_CASE("Facebook posts: mojibake repaired, link attachment, photo post without text, undated post skipped") {
  Parsed p = social("facebook/your_posts_1.json");
  CHECK(p.format == "facebook");
  CHECK(p.confidence == 85);
  REQUIRE(p.tables.size() == 1);
  const Table& t = p.tables[0];
  CHECK(t.domain == "activity");
  REQUIRE(t.rows() == 3);
  CHECK(col(p, "ts").type == ColumnType::Timestamp);
  CHECK(col(p, "ts").i64[0] == int64_t(1709401452) * 1000000);
  CHECK(col(p, "ts").utc_offset_min[0] == k_unknown_offset);
  CHECK(col(p, "platform").string_at(0) == "Facebook");
  CHECK(col(p, "kind").string_at(2) == "post");
  CHECK(col(p, "text").string_at(0) == "Trop bien la fête de l'école ! 😀");
  CHECK(col(p, "text").string_at(1) == "Leçon de français : ça y est, j'ai compris le subjonctif");
  CHECK(!col(p, "text").valid[2]);  // a photo
  CHECK(col(p, "title").string_at(0) == "Léa Martin a partagé un lien.");
  CHECK(col(p, "url").string_at(0) == "https://www.lyon.fr/evenement/fete-des-lumieres");
  CHECK(col(p, "ts").i64[2] == int64_t(1709200000) * 1000000);  // the post's, not the photo's
  CHECK(col(p, "source").string_at(1) == "facebook");
  CHECK(col(p, "duration_s").type == ColumnType::Float64);
  CHECK(col(p, "_record").i64[2] == 2);
  CHECK(col(p, "_file").string_at(0) == "your_posts_1.json");
  const Message* skipped = warning(p, "facebook.skipped_records");
  REQUIRE(skipped);
  CHECK(skipped->info);
  CHECK(skipped->en == "1 record(s) skipped, the first (#3): no readable timestamp");
  CHECK(skipped->fr == "1 enregistrement(s) ignoré(s), le premier (n° 3) : sans date (timestamp) lisible");
  const std::string raw = read_fixture("facebook/your_posts_1.json");
  CHECK(skipped->where.byte_offset == raw.rfind("\n  {\n") + 3);  // the record's opening brace
  CHECK(skipped->where.line == 56);
  const Message* repaired = warning(p, "text.mojibake_repaired");  // the skipped post's title counts too
  REQUIRE(repaired);
  CHECK(repaired->en == "6 double-encoded text(s) repaired (\"Ã©\" -> \"é\")");
}

TEST_CASE("Facebook comments and reactions: kinds, the user's comment as text, the group as target") {
  Parsed c = social("facebook/comments.json");
  CHECK(c.format == "facebook");
  CHECK(c.confidence == 90);
  REQUIRE(c.tables.size() == 1);
  REQUIRE(c.tables[0].rows() == 3);
  CHECK(col(c, "kind").string_at(0) == "comment");
  CHECK(col(c, "text").string_at(0) == "Bravo à toute l'équipe ! 👏");
  CHECK(col(c, "title").string_at(0) == "Léa Martin a commenté la publication de Marc Dubois.");
  CHECK(col(c, "target").string_at(1) == "Parents d'élèves Lyon 7e");
  CHECK(col(c, "text").string_at(1) == "Je viens avec des crêpes");
  CHECK(!col(c, "text").valid[2]);  // a GIF only

  Parsed r = social("facebook/posts_and_comments.json");
  CHECK(r.format == "facebook");
  REQUIRE(r.tables[0].rows() == 2);
  CHECK(col(r, "kind").string_at(0) == "like");
  CHECK(col(r, "kind").string_at(1) == "like");
  CHECK(col(r, "text").string_at(1) == "LOVE");
  CHECK(col(r, "title").string_at(1) == "Léa Martin a réagi à la photo de François.");
}

TEST_CASE("Facebook Messenger thread: own messages keep their text, others' do not; thread title as target") {
  Parsed p = social("facebook/message_1.json", "messages/inbox/marcdubois_123/message_1.json");
  CHECK(p.format == "facebook");
  CHECK(p.confidence == 80);
  REQUIRE(p.tables.size() == 1);
  REQUIRE(p.tables[0].rows() == 4);
  const Column &kind = col(p, "kind"), &text = col(p, "text"), &target = col(p, "target");
  CHECK(kind.string_at(0) == "message");
  CHECK(text.string_at(0) == "Ça marche, à demain 😀");
  CHECK(col(p, "ts").i64[0] == 1709405000123000);
  CHECK(kind.string_at(1) == "message_received");
  CHECK(!text.valid[1]);  // Marc's words (and his e-mail address) are not kept
  CHECK(kind.string_at(2) == "message");
  CHECK(!text.valid[2]);  // a photo
  CHECK(kind.string_at(3) == "message_received");
  CHECK(col(p, "url").string_at(3) == "https://www.tcl.fr/horaires");
  for (size_t i = 0; i < 4; ++i) CHECK(target.string_at(i) == "Marc Dubois");
  for (const Column& c : p.tables[0].columns)
    if (c.type == ColumnType::String)
      for (size_t i = 0; i < c.size(); ++i) CHECK(c.string_at(i).find("@exemple.fr") == std::string_view::npos);
  // an empty "magic_words" array is not worth a message
  CHECK(!warning(p, "facebook.arrays_not_read"));
}

TEST_CASE("the generic JSON fixture of a Messenger thread is now read as Facebook activity") {
  Parsed p = parse_session(read_fixture("json/facebook_message_1.json"), "facebook_message_1.json");
  CHECK(p.format == "facebook");
  REQUIRE(p.tables.size() == 1);
  REQUIRE(p.tables[0].rows() == 3);
  // the last participant (Anaïs) is the account holder
  CHECK(col(p, "kind").string_at(0) == "message_received");
  CHECK(col(p, "kind").string_at(1) == "message");
  CHECK(col(p, "text").string_at(1) == "Oui ! On se voit à la fête ❤");
  CHECK(col(p, "target").string_at(2) == "Anaïs");
}

TEST_CASE("Instagram likes, posts and comments: emoji values, liked account as target, captions") {
  Parsed l = social("instagram/liked_posts.json");
  CHECK(l.format == "instagram");
  CHECK(l.confidence == 90);
  REQUIRE(l.tables[0].rows() == 3);
  CHECK(col(l, "platform").string_at(0) == "Instagram");
  CHECK(col(l, "kind").string_at(0) == "like");
  CHECK(col(l, "target").string_at(0) == "noah.skate.lyon");
  CHECK(col(l, "target").string_at(2) == "boulangerie.ça.croustille");
  CHECK(col(l, "text").string_at(0) == "👍");
  CHECK(col(l, "url").string_at(1) == "https://www.instagram.com/p/C4aBc34DeFg/");
  CHECK(col(l, "ts").i64[0] == utc_us(2024, 3, 3, 14, 30));
  CHECK(!col(l, "title").valid[0]);

  Parsed p = social("instagram/posts_1.json");
  CHECK(p.format == "instagram");
  CHECK(p.confidence == 85);
  REQUIRE(p.tables[0].rows() == 2);
  CHECK(col(p, "kind").string_at(0) == "post");
  CHECK(col(p, "text").string_at(0) == "Skatepark de Gerland, première figure réussie 🛹");
  CHECK(col(p, "text").string_at(1) == "Vacances à Annecy, ça caille ❄");
  CHECK(col(p, "ts").i64[1] == int64_t(1708600000) * 1000000);

  Parsed c = social("instagram/post_comments_1.json");
  CHECK(c.format == "instagram");
  REQUIRE(c.tables[0].rows() == 2);
  CHECK(col(c, "kind").string_at(0) == "comment");
  CHECK(col(c, "text").string_at(0) == "Trop stylé ! 🔥");
  CHECK(col(c, "target").string_at(1) == "lea.mrtn");
  CHECK(col(c, "ts").i64[1] == int64_t(1708700000) * 1000000);
}

TEST_CASE("Instagram DM thread: the path names Instagram, same owner rule as Facebook") {
  Parsed p = social("instagram/message_1.json", "your_instagram_activity/messages/inbox/lea_9876543210/message_1.json");
  CHECK(p.format == "instagram");
  CHECK(p.confidence == 85);
  REQUIRE(p.tables[0].rows() == 2);
  CHECK(col(p, "platform").string_at(0) == "Instagram");
  CHECK(col(p, "kind").string_at(0) == "message");
  CHECK(col(p, "text").string_at(0) == "T'as vu ma vidéo ? 😀");
  CHECK(col(p, "kind").string_at(1) == "message_received");
  CHECK(!col(p, "text").valid[1]);
  CHECK(col(p, "target").string_at(1) == "Léa");
  // without the path hint the same thread reads as Facebook
  CHECK(social("instagram/message_1.json").format == "facebook");
}

TEST_CASE("social detection leaves other JSON alone; broken JSON fails with its byte offset") {
  CHECK(facebook_detect("[{\"a\": 1}]", "x.json") == 0);
  CHECK(instagram_detect("[{\"a\": 1}]", "x.json") == 0);
  CHECK(facebook_detect("{\"verb\": {}, \"actor\": {}}", "x.json") == 0);
  CHECK(facebook_detect("[{\"media\": [{\"uri\": \"a\", \"creation_timestamp\": 1}]}]", "posts_1.json") == 0);
  CHECK(instagram_detect("{\"comments_v2\": []}", "comments.json") == 0);
  Parsed bad = parse_session("{\"comments_v2\": [{\"timestamp\": 1709402000, \"title\": \"x\"}, {\"timestamp\": }]}", "comments.json");
  CHECK(bad.format == "facebook");
  CHECK(bad.diag.failed);
  CHECK(bad.diag.error.where.byte_offset == 72);  // the "}" where a value was due
  CHECK(bad.tables.empty());
  // a record that is not an object is skipped, not fatal
  Parsed odd = parse_session("{\"reactions_v2\": [1, {\"timestamp\": 1709402000, \"title\": \"x\"}]}", "r.json");
  REQUIRE(!odd.diag.failed);
  CHECK(odd.tables[0].rows() == 1);
  CHECK(col(odd, "_record").i64[0] == 1);
  CHECK(odd.diag.count("facebook.skipped_records") == 1);
  // an array of unknown objects is named
  Parsed other = parse_session("{\"comments_v2\": [], \"mystery_v2\": [{\"timestamp\": 1709402000}]}", "c.json");
  const Message* m = warning(other, "facebook.arrays_not_read");
  REQUIRE(m);
  CHECK(m->en == "Lists not read (unknown content): mystery_v2");
}

TEST_CASE("social fixtures give identical output whatever the chunk size") {
  for (const char* rel : {"facebook/your_posts_1.json", "facebook/comments.json", "facebook/posts_and_comments.json",
                          "facebook/message_1.json", "instagram/liked_posts.json", "instagram/posts_1.json",
                          "instagram/post_comments_1.json"}) {
    const std::string data = read_fixture(rel);
    const Parsed whole = parse_session(data, rel);
    REQUIRE_MESSAGE(!whole.diag.failed, rel);
    for (size_t chunk : k_chunks) {
      CHECK_MESSAGE(first_diff(parse_session(data, rel, chunk).dump, whole.dump) == "", rel << " chunk " << chunk);
      CHECK_MESSAGE(first_diff(parse_direct(data, rel, chunk, whole.format.c_str()).dump, whole.dump) == "",
                    rel << " direct chunk " << chunk);
    }
  }
}

TEST_CASE("Facebook and Instagram 2024+ label_values layouts read like the older ones (issue 17)") {
  Parsed fb = social("facebook/label_values_2024.json");
  CHECK(fb.format == "facebook");
  CHECK(fb.confidence == 85);
  REQUIRE(fb.tables.size() == 1);
  REQUIRE(fb.tables[0].rows() == 3);  // the record without any date is skipped, counted
  CHECK(col(fb, "ts").i64[0] == int64_t(1717236000) * 1000000);
  CHECK(col(fb, "kind").string_at(0) == "comment");  // named by the "Comment" label
  CHECK(col(fb, "text").string_at(0) == "Bravo pour le concours à Rennes !");
  CHECK(col(fb, "target").string_at(0) == "Club photo de Rennes");
  CHECK(col(fb, "url").string_at(0) == "https://www.facebook.com/groups/123/posts/456");
  CHECK(col(fb, "kind").string_at(1) == "like");
  CHECK(col(fb, "text").string_at(1) == "LIKE");
  CHECK(col(fb, "target").string_at(1) == "Marc Lefèvre");
  CHECK(col(fb, "ts").i64[2] == int64_t(1717408800) * 1000000);  // {"label": "Date", "timestamp_value": …}
  CHECK(col(fb, "kind").string_at(2) == "post");
  CHECK(col(fb, "text").string_at(2) == "Premier jour de vacances");
  const Message* sk = warning(fb, "facebook.skipped_records");
  REQUIRE(sk);
  CHECK(sk->en.find("1 record(s)") == 0);
  CHECK(sk->en.find("#3") != std::string::npos);

  Parsed ig = social("instagram/label_values_2024.json", "instagram_activity/comments/label_values_2024.json");
  CHECK(ig.format == "instagram");
  REQUIRE(ig.tables[0].rows() == 2);
  CHECK(col(ig, "platform").string_at(0) == "Instagram");
  CHECK(col(ig, "kind").string_at(0) == "comment");
  CHECK(col(ig, "text").string_at(0) == "trop beau \xF0\x9F\x98\x8D");  // emoji repaired
  CHECK(col(ig, "target").string_at(0) == "lea.photo");                // Owner > Username
  CHECK(col(ig, "url").string_at(1) == "https://www.instagram.com/p/Cxyz/");
  CHECK(col(ig, "target").string_at(1) == "musee.rennes");
  const std::string data = read_fixture("facebook/label_values_2024.json");
  for (size_t chunk : k_chunks)
    CHECK(first_diff(parse_session(data, "label_values_2024.json", chunk).dump, fb.dump) == "");
}
