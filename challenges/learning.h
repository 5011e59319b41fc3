// Learning-traces challenge (for a pupil): from xAPI statements, the actors present (the pupil picks
// theirs), activity per local day, sessions split by a gap, time per course and per activity, scores over
// time, completion and success, and verbs in words a 12-year-old understands. Every figure is for one
// actor (or all when the filter is empty). Does not own: reading tables, drawing, JSON.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "challenges/common.h"

namespace sdw::challenge {

struct LearningView {                          // columns of learning_statements; any may be empty except ts_us
  std::span<const int64_t> ts_us;              // UTC µs
  std::span<const std::string_view> actor, verb, verb_id, object_id, object_name, course;
  std::span<const double> duration_s, score_scaled;  // NaN = absent
  std::span<const int8_t> success, completion;       // 1 true, 0 false, -1 absent
  std::span<const int16_t> ts_off = {};              // may be empty; each statement's local offset (common.h local_time)
};

struct ActorCount {
  std::string actor;
  int64_t statements = 0;
};
std::vector<ActorCount> learning_actors(std::span<const std::string_view> actor);  // most statements first

struct VerbWords {
  const char* fr;                // "a terminé"
  const char* en;                // "finished"
};
// From the verb IRI's last segment ("…/verbs/completed") or, without one, the display word.
// Unknown verbs: {nullptr, nullptr} (show the display text).
VerbWords verb_words(std::string_view verb_id_or_word);

struct LearningOptions {
  std::string actor;             // "" = every actor
  int64_t session_gap_s = 1800;  // a gap of at least 30 min between two statements starts a new session
};

struct LearningDay {
  int32_t day = 0;               // local day (calendar)
  int64_t statements = 0;
  double seconds = 0;
};
struct LearningSession {
  int64_t start_us = 0, end_us = 0;  // end: the last statement's time + its duration
  int64_t statements = 0;
  double seconds = 0;                // end - start
  int16_t start_off = k_no_offset;   // local offset of the first statement (common.h local_time)
};
struct TimeByName {
  std::string name;              // course or activity name ("(sans nom)" never: "" when absent)
  double seconds = 0;
  int64_t statements = 0;
};
struct ScorePoint {
  int64_t ts_us = 0;
  double score_scaled = 0;       // 0..1 (xAPI scaled score; may be negative in theory)
  std::string activity, course;
};
struct VerbCount {
  std::string verb;              // last IRI segment or display word
  std::string fr, en;            // plain words
  int64_t count = 0;
};
struct LearningResult {
  std::string actor;
  int64_t statements = 0;
  double total_seconds = 0;
  std::vector<LearningDay> days;
  std::vector<LearningSession> sessions;
  std::vector<TimeByName> by_course, by_activity;   // most time first
  std::vector<ScorePoint> scores;                   // chronological
  int64_t activities = 0, activities_completed = 0; // distinct activities; completed: completion true or verb completed/passed
  double completion_rate = k_nan;
  int64_t results_known = 0, successes = 0;         // statements with a success flag
  double success_rate = k_nan;
  std::vector<VerbCount> verbs;                     // most frequent first
};
// Time of a statement: its duration when present (> 0), else the time until the next statement of the
// same session (0 for the last one).
LearningResult learning_summary(const LearningView& v, const LearningOptions& o = {});

}  // namespace sdw::challenge
