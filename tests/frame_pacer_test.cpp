// The app's redraw rules (viz/frame_pacer.h), driven at 60 animation frames a second like the browser does.
#include "viz/frame_pacer.h"

#include <doctest/doctest.h>

#include <functional>

namespace {

// Runs `seconds` of animation frames from t0; returns how many were drawn. `event` may act before each frame.
int run(sdw::FramePacer& p, double& t, double seconds, const std::function<void(double)>& event = {},
        bool busy = false, int* a11y_builds = nullptr) {
  int drawn = 0;
  const int n = static_cast<int>(seconds * 60 + 0.5);
  for (int i = 0; i < n; ++i, t += 1.0 / 60) {
    if (event) event(t);
    if (p.should_draw(t, busy)) {
      const bool a11y = p.build_a11y(t);
      if (a11y && a11y_builds) ++*a11y_builds;
      p.drew(t, a11y);
      ++drawn;
    } else {
      p.skipped();
    }
  }
  return drawn;
}

}  // namespace

TEST_CASE("frame pacer: idle, the app draws twice a second, not sixty times") {
  sdw::FramePacer p;
  double t = 100;
  run(p, t, 1.0);   // start-up frames
  const int drawn = run(p, t, 10.0);
  CHECK(drawn >= 19);
  CHECK(drawn <= 21);
  CHECK(p.skipped_frames() > 550);
}

TEST_CASE("frame pacer: input draws every frame while it lasts and a moment after") {
  sdw::FramePacer p;
  double t = 0;
  run(p, t, 1.0);
  // the mouse moves for half a second (an event every frame)
  const int moving = run(p, t, 0.5, [&](double now) { p.input(now); });
  CHECK(moving == 30);
  // the hold: hover delays and popups that size themselves still draw for 0.6 s after the last event
  const int after = run(p, t, 0.6);
  CHECK(after >= 35);
  // then back to the idle pace
  CHECK(run(p, t, 2.0) <= 5);
}

TEST_CASE("frame pacer: a state push draws two frames, a stream of pushes does not keep it at 60 fps") {
  sdw::FramePacer p;
  double t = 0;
  run(p, t, 1.0);
  // progress every 100 ms while a file loads: 10 pushes a second, 2 frames each, plus the a11y follow-up
  int frame = 0;
  const int drawn = run(p, t, 10.0, [&](double) { if (frame++ % 6 == 0) p.wake(); });
  CHECK(drawn >= 200);
  CHECK(drawn <= 220);
  // a single push is drawn at once
  const double before = p.drawn();
  p.wake();
  CHECK(p.should_draw(t));
  p.drew(t, false);
  CHECK(p.drawn() == before + 1);
}

TEST_CASE("frame pacer: busy (a query running, a text cursor) draws ten times a second") {
  sdw::FramePacer p;
  double t = 0;
  run(p, t, 1.0);
  const int drawn = run(p, t, 5.0, {}, true);
  CHECK(drawn >= 45);
  CHECK(drawn <= 51);
}

TEST_CASE("frame pacer: a change drawn between two accessible-tree rebuilds is always followed by one") {
  sdw::FramePacer p;
  double t = 0;
  run(p, t, 2.0);
  // a push right after a rebuild: frames drawn at once, the tree not yet rebuilt (at most every 100 ms)
  p.wake();
  REQUIRE(p.should_draw(t));
  p.drew(t, p.build_a11y(t));
  t += 1.0 / 60;
  p.wake();
  REQUIRE(p.should_draw(t));
  const bool rebuilt = p.build_a11y(t);
  p.drew(t, rebuilt);
  CHECK_FALSE(rebuilt);
  // no more events: within 100 ms a frame is drawn that rebuilds the tree, long before the idle heartbeat
  int builds = 0;
  const double t0 = t;
  double when = -1;
  for (int i = 0; i < 30 && when < 0; ++i) {
    t += 1.0 / 60;
    if (p.should_draw(t)) {
      const bool b = p.build_a11y(t);
      p.drew(t, b);
      if (b) { ++builds; when = t; }
    }
  }
  CHECK(builds == 1);
  CHECK(when - t0 <= 0.1 + 1.0 / 60 + 1e-9);
}

TEST_CASE("frame pacer: a measurement mode draws every frame") {
  sdw::FramePacer p;
  double t = 0;
  int drawn = 0;
  for (int i = 0; i < 120; ++i, t += 1.0 / 60)
    if (p.should_draw(t, false, true)) { p.drew(t, false); ++drawn; }
  CHECK(drawn == 120);
}
