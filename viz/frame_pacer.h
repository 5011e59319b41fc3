// When the app redraws (issue #22, frame gaps). The browser calls the app at every animation frame; a Dear ImGui
// frame rebuilds every panel and re-uploads every vertex, so drawing 60 times a second while nothing changes
// takes the page's thread from the file being loaded, the DuckDB replies and the screen reader's tree.
// The pacer draws when something happened (input, an answer from the page, new state), keeps drawing a moment
// after input (hover delays, popups that size themselves over two frames, key repeat), draws slowly while
// something moves on its own (a query running, a text cursor), and otherwise once in a while so that nothing
// time-driven is ever stuck. The accessible tree (viz/a11y.h) is rebuilt at most every a11y_period_s, and a
// change drawn between two rebuilds is always followed by one. Times are seconds on any monotonic clock.
// Platform-free: the same rules run in tests/frame_pacer_test.cpp.
#pragma once

#include <algorithm>

namespace sdw {

class FramePacer {
 public:
  struct Config {
    double input_hold_s = 0.6;       // keep drawing after the last input event
    int wake_frames = 2;             // frames drawn after any other change (ImGui settles windows over two)
    double idle_heartbeat_s = 0.5;   // nothing happening: one frame every …
    double busy_heartbeat_s = 0.1;   // something moving on its own: one frame every …
    double a11y_period_s = 0.1;      // the accessible tree, at most this often
  };

  FramePacer() = default;
  explicit FramePacer(Config c) : cfg_(c) {}

  // A mouse, touch, wheel, key or focus event, or a resize.
  void input(double now) {
    awake_until_ = std::max(awake_until_, now + cfg_.input_hold_s);
    wake();
  }
  // Anything else that changes what is shown: state from the page, a query answer, an accessible activation.
  void wake(int frames = 0) { pending_ = std::max(pending_, frames > 0 ? frames : cfg_.wake_frames); }

  // Whether to draw at this animation frame. busy: something changes by itself (a timer on screen);
  // continuous: draw every frame (a measurement mode).
  bool should_draw(double now, bool busy = false, bool continuous = false) const {
    if (continuous || drawn_ < 3 || pending_ > 0 || now < awake_until_) return true;
    if (a11y_stale_ && now - last_a11y_ + k_slack >= cfg_.a11y_period_s) return true;
    return now - last_draw_ + k_slack >= (busy ? cfg_.busy_heartbeat_s : cfg_.idle_heartbeat_s);
  }
  // Whether the frame about to be drawn rebuilds the accessible tree.
  bool build_a11y(double now) const { return drawn_ == 0 || now - last_a11y_ + k_slack >= cfg_.a11y_period_s; }
  // After a frame was drawn (a11y_built: the accessible tree was rebuilt in it).
  void drew(double now, bool a11y_built) {
    last_draw_ = now;
    ++drawn_;
    if (pending_ > 0) --pending_;
    if (a11y_built) { last_a11y_ = now; a11y_stale_ = false; }
    else a11y_stale_ = true;
  }
  // At an animation frame that was not drawn.
  void skipped() { ++skipped_; }

  long long drawn() const { return drawn_; }
  long long skipped_frames() const { return skipped_; }

 private:
  // animation frames come every ~16.7 ms: a period is reached at the frame nearest to it, not the one after
  static constexpr double k_slack = 0.004;
  Config cfg_{};
  double awake_until_ = 0, last_draw_ = -1e300, last_a11y_ = -1e300;
  int pending_ = 0;
  bool a11y_stale_ = false;
  long long drawn_ = 0, skipped_ = 0;
};

}  // namespace sdw
