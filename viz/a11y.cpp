// Immediate-mode accessibility tree (see a11y.h): built during a frame, published when it changed.
// Does not own: drawing, the DOM.
#include "viz/a11y.h"

#include <algorithm>
#include <cmath>
#include <deque>

#include <nlohmann/json.hpp>

namespace sdw::a11y {
namespace {

using json = nlohmann::json;

struct Pending {
  std::string action;
  int frames_left = 0;
  bool has_value = false;
  std::string value;
};

struct State {
  bool collect = false;
  json root = json::array();
  std::vector<json*> stack;     // open containers' child arrays
  std::string last_published;
  std::string live, last_live;
  std::deque<Pending> pending;
};
State& st() {
  static State s;
  return s;
}

json& children() {
  State& s = st();
  return s.stack.empty() ? s.root : *s.stack.back();
}

float round1(float v) { return std::round(v * 10.0f) / 10.0f; }

}  // namespace

void begin_frame(bool collect) {
  State& s = st();
  s.collect = collect;
  s.root = json::array();
  s.stack.clear();
  if (collect) s.live.clear();
  for (auto& p : s.pending) p.frames_left--;
  while (!s.pending.empty() && s.pending.front().frames_left < 0) s.pending.pop_front();
}

bool collecting() { return st().collect; }

void push(std::string_view role, std::string_view key, std::string_view label) {
  State& s = st();
  if (!s.collect) return;
  json& c = children();
  c.push_back({{"t", "region"}, {"role", role}, {"k", key}, {"l", label}, {"c", json::array()}});
  s.stack.push_back(&c.back()["c"]);
}

void pop() {
  State& s = st();
  if (!s.collect || s.stack.empty()) return;
  s.stack.pop_back();
}

void heading(int level, std::string_view text) {
  if (!st().collect || text.empty()) return;
  children().push_back({{"t", "h"}, {"level", std::clamp(level, 1, 6)}, {"x", text}});
}

void text(std::string_view text, std::string_view kind) {
  if (!st().collect || text.empty()) return;
  children().push_back({{"t", "text"}, {"kind", kind}, {"x", text}});
}

void figure(std::string_view label, std::string_view value) {
  if (!st().collect) return;
  json& c = children();
  // consecutive figures form one description list
  if (!c.empty() && c.back().value("t", "") == "dl") {
    c.back()["items"].push_back({label, value});
    return;
  }
  c.push_back({{"t", "dl"}, {"items", json::array({json::array({label, value})})}});
}

void table(std::string_view key, std::string_view caption, const std::vector<std::string>& headers,
           const std::vector<std::vector<std::string>>& rows, size_t max_rows) {
  if (!st().collect) return;
  json r = json::array();
  const size_t n = std::min(rows.size(), max_rows);
  for (size_t i = 0; i < n; i++) r.push_back(rows[i]);
  json t = {{"t", "table"}, {"k", key}, {"caption", caption}, {"head", headers}, {"rows", std::move(r)}};
  if (n < rows.size()) t["cut"] = rows.size();
  children().push_back(std::move(t));
}

bool button(std::string_view action, std::string_view label, Rect r, std::string_view role, bool state,
            std::string_view description) {
  State& s = st();
  if (s.collect) {
    json b = {{"t", "button"}, {"k", action}, {"l", label}, {"role", role}, {"on", state},
              {"r", {round1(r.x0), round1(r.y0), round1(r.x1), round1(r.y1)}}};
    if (!description.empty()) b["d"] = description;
    children().push_back(std::move(b));
  }
  for (auto it = s.pending.begin(); it != s.pending.end(); ++it)
    if (!it->has_value && it->action == action) {
      s.pending.erase(it);
      return true;
    }
  return false;
}

bool field(std::string_view action, std::string_view label, std::string& value, Rect r) {
  State& s = st();
  bool edited = false;
  for (auto it = s.pending.begin(); it != s.pending.end(); ++it)
    if (it->has_value && it->action == action) {
      value = it->value;
      s.pending.erase(it);
      edited = true;
      break;
    }
  if (s.collect)
    children().push_back({{"t", "field"}, {"k", action}, {"l", label}, {"v", value},
                          {"r", {round1(r.x0), round1(r.y0), round1(r.x1), round1(r.y1)}}});
  return edited;
}

void announce(std::string_view text) {
  State& s = st();
  if (!s.collect || text.empty()) return;
  if (!s.live.empty()) s.live += " ";
  s.live += text;
}

bool end_frame(std::string& out, std::string_view lang, std::string_view title) {
  State& s = st();
  if (!s.collect) return false;
  s.stack.clear();
  json doc = {{"lang", lang}, {"title", title}, {"nodes", std::move(s.root)}};
  // the live text is published only when it changed (a screen reader says it once)
  if (s.live != s.last_live) doc["live"] = s.live;
  s.root = json::array();
  std::string text = doc.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text == s.last_published) return false;
  s.last_published = text;
  s.last_live = s.live;
  out = std::move(text);
  return true;
}

void request(std::string_view action) {
  State& s = st();
  s.pending.push_back({std::string(action), 30});   // matched within ~half a second of frames, else dropped
  while (s.pending.size() > 16) s.pending.pop_front();
}

void request_value(std::string_view action, std::string_view value) {
  State& s = st();
  s.pending.push_back({std::string(action), 30, true, std::string(value)});
  while (s.pending.size() > 16) s.pending.pop_front();
}

size_t pending() { return st().pending.size(); }

}  // namespace sdw::a11y
