// Learning-traces computations (see learning.h).
#include "challenges/learning.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

namespace sdw::challenge {

namespace {
std::string_view at(std::span<const std::string_view> s, size_t i) { return i < s.size() ? s[i] : std::string_view{}; }
double at(std::span<const double> s, size_t i) { return i < s.size() ? s[i] : k_nan; }
int8_t at(std::span<const int8_t> s, size_t i) { return i < s.size() ? s[i] : int8_t(-1); }

std::string verb_key(std::string_view id, std::string_view display) {
  std::string_view v = id.empty() ? display : id;
  if (size_t p = v.find_last_of("/#"); p != std::string_view::npos) v = v.substr(p + 1);
  std::string s;
  for (char c : v) s += char(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return s;
}

std::vector<TimeByName> sorted(std::map<std::string, TimeByName>& m) {
  std::vector<TimeByName> v;
  for (auto& [k, t] : m) v.push_back(t);
  std::stable_sort(v.begin(), v.end(), [](const TimeByName& a, const TimeByName& b) { return a.seconds > b.seconds; });
  return v;
}
}  // namespace

std::vector<ActorCount> learning_actors(std::span<const std::string_view> actor) {
  std::map<std::string, int64_t> m;
  for (std::string_view a : actor) ++m[std::string(a)];
  std::vector<ActorCount> v;
  for (auto& [a, n] : m) v.push_back({a, n});
  std::stable_sort(v.begin(), v.end(), [](const ActorCount& a, const ActorCount& b) { return a.statements > b.statements; });
  return v;
}

VerbWords verb_words(std::string_view w) {
  static const struct {
    const char* key;
    VerbWords words;
  } k[] = {
      {"experienced", {"a consulté", "looked at"}},   {"completed", {"a terminé", "finished"}},
      {"answered", {"a répondu", "answered"}},       {"passed", {"a réussi", "passed"}},
      {"failed", {"n’a pas réussi", "did not pass"}}, {"attempted", {"a essayé", "tried"}},
      {"launched", {"a ouvert", "opened"}},           {"initialized", {"a commencé", "started"}},
      {"progressed", {"a avancé", "made progress"}},  {"terminated", {"a arrêté", "stopped"}},
      {"suspended", {"a fait une pause", "paused"}},  {"resumed", {"a repris", "went back to"}},
      {"scored", {"a eu une note", "got a score"}},   {"interacted", {"a utilisé", "used"}},
      {"commented", {"a commenté", "commented"}},     {"asked", {"a posé une question", "asked"}},
      {"shared", {"a partagé", "shared"}},            {"registered", {"s’est inscrit", "signed up"}},
      {"viewed", {"a regardé", "watched"}},           {"played", {"a lancé", "played"}},
      {"paused", {"a mis en pause", "paused"}},       {"mastered", {"maîtrise", "mastered"}},
      {"preferred", {"a préféré", "preferred"}},      {"voided", {"a annulé", "cancelled"}},
  };
  const std::string key = verb_key(w, w);
  for (const auto& e : k)
    if (key == e.key) return e.words;
  return {nullptr, nullptr};
}

LearningResult learning_summary(const LearningView& v, const LearningOptions& o) {
  LearningResult r;
  r.actor = o.actor;
  std::vector<size_t> idx;
  for (size_t i = 0; i < v.ts_us.size(); ++i)
    if (o.actor.empty() || at(v.actor, i) == o.actor) idx.push_back(i);
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return v.ts_us[a] < v.ts_us[b]; });
  r.statements = int64_t(idx.size());

  std::map<int32_t, LearningDay> days;
  std::map<std::string, TimeByName> courses, acts;
  std::map<std::string, VerbCount> verbs;
  std::set<std::string> all_acts, done_acts;
  for (size_t k = 0; k < idx.size(); ++k) {
    const size_t i = idx[k];
    const int64_t ts = v.ts_us[i];
    const bool new_session = k == 0 || ts - v.ts_us[idx[k - 1]] >= o.session_gap_s * 1000000;
    const bool next_same = k + 1 < idx.size() && v.ts_us[idx[k + 1]] - ts < o.session_gap_s * 1000000;
    const double dur = at(v.duration_s, i);
    const double secs = dur > 0 ? dur : next_same ? double(v.ts_us[idx[k + 1]] - ts) / 1e6 : 0.0;
    if (new_session) r.sessions.push_back({ts, ts, 0, 0, offset_at(v.ts_off, i)});
    LearningSession& s = r.sessions.back();
    ++s.statements;
    s.end_us = std::max(s.end_us, ts + int64_t((dur > 0 ? dur : 0) * 1e6));
    s.seconds = double(s.end_us - s.start_us) / 1e6;
    r.total_seconds += secs;

    const int32_t day = local_time(ts, offset_at(v.ts_off, i)).day;   // the pupil's day, where the statement was made
    LearningDay& d = days[day];
    d.day = day;
    ++d.statements;
    d.seconds += secs;

    const std::string course(at(v.course, i));
    TimeByName& c = courses[course];
    c.name = course;
    c.seconds += secs;
    ++c.statements;
    std::string_view oname = at(v.object_name, i);
    const std::string act(oname.empty() ? at(v.object_id, i) : oname);
    TimeByName& a = acts[act];
    a.name = act;
    a.seconds += secs;
    ++a.statements;

    const std::string vk = verb_key(at(v.verb_id, i), at(v.verb, i));
    VerbCount& vc = verbs[vk];
    if (!vc.count) {
      vc.verb = vk;
      VerbWords w = verb_words(vk);
      vc.fr = w.fr ? w.fr : std::string(at(v.verb, i));
      vc.en = w.en ? w.en : std::string(at(v.verb, i));
    }
    ++vc.count;

    const std::string obj_key(at(v.object_id, i).empty() ? act : at(v.object_id, i));
    if (!obj_key.empty()) {
      all_acts.insert(obj_key);
      if (at(v.completion, i) == 1 || vk == "completed" || vk == "passed") done_acts.insert(obj_key);
    }
    if (const int8_t s8 = at(v.success, i); s8 >= 0) {
      ++r.results_known;
      r.successes += s8;
    }
    if (const double sc = at(v.score_scaled, i); !std::isnan(sc))
      r.scores.push_back({ts, sc, act, course});
  }
  for (auto& [k, d] : days) r.days.push_back(d);
  r.by_course = sorted(courses);
  r.by_activity = sorted(acts);
  for (auto& [k, vc] : verbs) r.verbs.push_back(vc);
  std::stable_sort(r.verbs.begin(), r.verbs.end(), [](const VerbCount& a, const VerbCount& b) { return a.count > b.count; });
  r.activities = int64_t(all_acts.size());
  r.activities_completed = int64_t(done_acts.size());
  if (r.activities) r.completion_rate = double(r.activities_completed) / double(r.activities);
  if (r.results_known) r.success_rate = double(r.successes) / double(r.results_known);
  return r;
}

}  // namespace sdw::challenge
