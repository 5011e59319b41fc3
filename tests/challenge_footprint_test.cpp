// Digital-footprint challenge over real parser output: the Spotify and Netflix fixtures through
// collect_activity, worked by hand in Paris time (CET in January, CEST from 2024-03-31 01:00 UTC), and every
// activity fixture together (platforms and kinds from all five parsers).
#include <doctest/doctest.h>

#include "challenges/common.h"
#include "challenges/tables.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::challenge;
using namespace sdw::test;

namespace {

void add(std::vector<Table>& all, const std::string& rel, const std::string& name = "") {
  Parsed p = parse_session(read_fixture(rel), name.empty() ? rel.substr(rel.find('/') + 1) : name);
  REQUIRE_MESSAGE(!p.diag.failed, rel);
  for (Table& t : p.tables) all.push_back(std::move(t));
}

int64_t count_of(const std::vector<NameCount>& v, const std::string& name) {
  for (const NameCount& n : v)
    if (n.name == name) return n.count;
  return -1;
}

}  // namespace

TEST_CASE("challenge footprint: Spotify + Netflix fixtures by local hour, weekday, platform, night") {
  std::vector<Table> all;
  add(all, "spotify/StreamingHistory_music_0.json");
  add(all, "netflix/ViewingActivity.csv");
  ActivityColumns ac = collect_activity(all);
  REQUIRE(ac.ts_us.size() == 9);
  FootprintResult f = footprint_summary(ac.view());
  CHECK(f.events == 9);
  // Spotify 18:44/18:47 UTC on Sat 2 March -> 19h; 01:30 UTC on Sun 31 March -> 03h30 CEST; 07:05 -> 09h.
  // Netflix (January, CET): Fri 20:13/20:12 UTC -> 21h; Sat 16:02 -> 17h, 15:59 -> 16h; Sun 23:50 -> Mon 00h50.
  CHECK(f.by_hour[19] == 2);
  CHECK(f.by_hour[21] == 2);
  CHECK(f.by_hour[3] == 1);
  CHECK(f.by_hour[9] == 1);
  CHECK(f.by_hour[0] == 1);
  CHECK(f.by_hour[18] == 0);
  CHECK(f.night_events == 2);
  CHECK(f.by_weekday[5] == 4);  // Saturday
  CHECK(f.by_weekday[6] == 2);  // Sunday
  CHECK(f.by_weekday[4] == 2);  // Friday
  CHECK(f.by_weekday[0] == 1);  // Monday
  CHECK(f.by_weekday_hour[0][0] == 1);
  REQUIRE(f.busiest_hours.size() == 3);
  CHECK(f.busiest_hours[0].hour == 19);
  CHECK(f.busiest_hours[1].hour == 21);
  CHECK(f.busiest_hours[0].count == 2);
  REQUIRE(f.busiest_slots.size() == 3);
  CHECK(f.busiest_slots[0].weekday == 4);
  CHECK(f.busiest_slots[0].hour == 21);
  CHECK(f.busiest_slots[1].weekday == 5);
  CHECK(f.busiest_slots[1].hour == 19);
  REQUIRE(f.by_platform.size() == 2);
  CHECK(f.by_platform[0].name == "Netflix");
  CHECK(f.by_platform[0].count == 5);
  CHECK(count_of(f.by_platform_kind, "Spotify · listen") == 4);
  CHECK(count_of(f.by_platform_kind, "Netflix · view") == 3);
  CHECK(count_of(f.by_platform_kind, "Netflix · preview") == 2);
  REQUIRE(f.by_month.size() == 2);
  CHECK(f.by_month[0].name == "2024-01");
  CHECK(f.by_month[0].count == 5);
  CHECK(day_key(f.first_day) == "2024-01-05");
  CHECK(day_key(f.last_day) == "2024-03-31");
}

TEST_CASE("challenge footprint: all social and media fixtures together") {
  std::vector<Table> all;
  for (const char* rel : {"facebook/your_posts_1.json", "facebook/comments.json", "facebook/posts_and_comments.json",
                          "facebook/message_1.json", "instagram/liked_posts.json", "instagram/posts_1.json",
                          "instagram/post_comments_1.json", "spotify/StreamingHistory_music_0.json",
                          "spotify/Streaming_History_Audio_2023-2024_0.json", "netflix/ViewingActivity.csv",
                          "my_activity/MonActivité.json", "my_activity/MyActivity.json"})
    add(all, rel);
  add(all, "instagram/message_1.json", "your_instagram_activity/messages/inbox/lea_9876543210/message_1.json");
  ActivityColumns ac = collect_activity(all);
  // 3 + 3 + 2 + 4 Facebook, 3 + 2 + 2 + 2 Instagram, 4 + 4 Spotify, 5 Netflix, 6 + 4 My Activity
  REQUIRE(ac.ts_us.size() == 44);
  FootprintResult f = footprint_summary(ac.view());
  CHECK(count_of(f.by_platform, "Facebook") == 12);
  CHECK(count_of(f.by_platform, "Instagram") == 9);
  CHECK(count_of(f.by_platform, "Spotify") == 8);
  CHECK(count_of(f.by_platform, "Netflix") == 5);
  CHECK(count_of(f.by_platform, "YouTube") == 5);
  CHECK(count_of(f.by_kind, "listen") == 8);
  CHECK(count_of(f.by_kind, "like") == 5);
  CHECK(count_of(f.by_kind, "message") == 3);
  CHECK(count_of(f.by_kind, "message_received") == 3);
  CHECK(count_of(f.by_kind, "search") == 2);
  int64_t total = 0;
  for (int64_t n : f.by_hour) total += n;
  CHECK(total == 44);
}
