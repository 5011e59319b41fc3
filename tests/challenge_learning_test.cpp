// Learning-traces challenge: actor filter, sessions split by a 30-minute gap, time from durations or from
// the next statement, per course / activity, days in Paris time, scores, completion and success rates,
// verbs in plain words. Hand-worked values.
#include <doctest/doctest.h>

#include "challenges/learning.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::challenge;
using sdw::test::utc_us;

TEST_CASE("challenge learning: a session split by a 30-minute gap, one actor among two") {
  // Léa: 09:00, 09:10, 09:20 (video of 300 s) then 09:50 (30 min after 09:20: a new session), 10:00.
  // Tom: 09:05 (not Léa's: filtered out). Times in UTC (10:00 Paris in October = 08:00Z).
  const int64_t ts[] = {utc_us(2023, 10, 12, 7, 0), utc_us(2023, 10, 12, 7, 10), utc_us(2023, 10, 12, 7, 20),
                        utc_us(2023, 10, 12, 7, 50), utc_us(2023, 10, 12, 8, 0), utc_us(2023, 10, 12, 7, 5)};
  const std::string_view actor[] = {"Léa", "Léa", "Léa", "Léa", "Léa", "Tom"};
  const std::string_view verb_id[] = {"http://adlnet.gov/expapi/verbs/launched", "http://adlnet.gov/expapi/verbs/answered",
                                      "http://adlnet.gov/expapi/verbs/experienced", "http://adlnet.gov/expapi/verbs/passed",
                                      "http://adlnet.gov/expapi/verbs/failed", "http://adlnet.gov/expapi/verbs/completed"};
  const std::string_view obj[] = {"q1", "q1", "video", "q2", "q3", "q1"};
  const std::string_view course[] = {"Maths", "Maths", "Maths", "Maths", "Français", "Maths"};
  const double dur[] = {k_nan, k_nan, 300, 120, k_nan, 60};
  const double score[] = {k_nan, k_nan, k_nan, 0.8, 0.4, k_nan};
  const int8_t success[] = {-1, -1, -1, 1, 0, 1};
  const int8_t completion[] = {-1, -1, -1, 1, 1, 1};
  LearningView v{ts, actor, {}, verb_id, obj, {}, course, dur, score, success, completion};

  auto actors = learning_actors(actor);
  REQUIRE(actors.size() == 2);
  CHECK(actors[0].actor == "Léa");
  CHECK(actors[0].statements == 5);

  LearningOptions o;
  o.actor = "Léa";
  LearningResult r = learning_summary(v, o);
  CHECK(r.statements == 5);
  REQUIRE(r.sessions.size() == 2);
  CHECK(r.sessions[0].statements == 3);
  CHECK(r.sessions[0].start_us == utc_us(2023, 10, 12, 7, 0));
  CHECK(r.sessions[0].end_us == utc_us(2023, 10, 12, 7, 25));  // 09:20 + the video's 300 s
  CHECK(r.sessions[0].seconds == doctest::Approx(1500));
  CHECK(r.sessions[1].statements == 2);
  CHECK(r.sessions[1].seconds == doctest::Approx(600 + 0));     // 09:50 -> 10:00 (last statement, no duration)
  // times: 600 (to next) + 600 (to next) + 300 (duration) + 120 (duration) + 0 (last of its session)
  CHECK(r.total_seconds == doctest::Approx(1620));
  REQUIRE(r.by_course.size() == 2);
  CHECK(r.by_course[0].name == "Maths");
  CHECK(r.by_course[0].seconds == doctest::Approx(1620));
  CHECK(r.by_course[1].name == "Français");
  CHECK(r.by_course[1].seconds == 0);
  CHECK(r.by_activity[0].name == "q1");
  CHECK(r.by_activity[0].seconds == doctest::Approx(1200));
  REQUIRE(r.days.size() == 1);
  CHECK(day_key(r.days[0].day) == "2023-10-12");
  REQUIRE(r.scores.size() == 2);
  CHECK(r.scores[0].score_scaled == doctest::Approx(0.8));
  CHECK(r.activities == 4);             // q1, video, q2, q3
  CHECK(r.activities_completed == 2);   // q2 (passed), q3 (completion true although failed)
  CHECK(r.completion_rate == doctest::Approx(0.5));
  CHECK(r.results_known == 2);
  CHECK(r.success_rate == doctest::Approx(0.5));
  REQUIRE(r.verbs.size() == 5);
  bool found = false;
  for (const VerbCount& vc : r.verbs)
    if (vc.verb == "experienced") {
      found = true;
      CHECK(vc.fr == "a consulté");
      CHECK(vc.en == "looked at");
    }
  CHECK(found);

  // a 29-minute gap does not split
  o.session_gap_s = 31 * 60;
  CHECK(learning_summary(v, o).sessions.size() == 1);
  // every actor
  CHECK(learning_summary(v, {}).statements == 6);
}

TEST_CASE("challenge learning: verbs in words a 12-year-old understands") {
  CHECK(std::string(verb_words("http://adlnet.gov/expapi/verbs/completed").fr) == "a terminé");
  CHECK(std::string(verb_words("answered").en) == "answered");
  CHECK(std::string(verb_words("https://w3id.org/xapi/adl/verbs/failed").fr) == "n’a pas réussi");
  CHECK(verb_words("http://example.org/verbs/jumped").fr == nullptr);
}
