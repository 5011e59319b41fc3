// viz/decimate: M4 (min/max per column) and LTTB keep extremes, ends and NaN gaps, with bounded output.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "viz/decimate.h"

using namespace sdw;

namespace {
struct Series {
  std::vector<double> x, y;
};
// Deterministic noisy sine with one spike down and one up.
Series make(size_t n, size_t lo_at, size_t hi_at) {
  Series s;
  s.x.resize(n);
  s.y.resize(n);
  uint32_t r = 12345;
  for (size_t i = 0; i < n; i++) {
    r = r * 1664525u + 1013904223u;
    s.x[i] = double(i) * 30.0;
    s.y[i] = std::sin(double(i) * 1e-3) + double(r >> 8) / double(1u << 24) * 0.2;
  }
  s.y[lo_at] = -50;
  s.y[hi_at] = 80;
  return s;
}
bool has(const std::vector<uint32_t>& v, size_t i) {
  for (auto k : v)
    if (k == i) return true;
  return false;
}
bool increasing(const std::vector<uint32_t>& v) {
  for (size_t i = 1; i < v.size(); i++)
    if (v[i] <= v[i - 1]) return false;
  return true;
}
}  // namespace

TEST_CASE("viz decimate: min/max per column keeps the global min and max of a million points") {
  const size_t n = 1000000;
  Series s = make(n, 123457, 876543);
  std::vector<uint32_t> out;
  decimate_minmax(s.x, s.y, s.x.front(), s.x.back(), 1000, out);
  CHECK(out.size() <= 4 * 1002);
  CHECK(out.size() >= 1000);
  CHECK(has(out, 123457));
  CHECK(has(out, 876543));
  CHECK(out.front() == 0);
  CHECK(out.back() == n - 1);
  CHECK(increasing(out));
  // output does not grow with N
  std::vector<uint32_t> out2;
  Series big = make(2 * n, 5, 7);
  decimate_minmax(big.x, big.y, big.x.front(), big.x.back(), 1000, out2);
  CHECK(out2.size() <= 4 * 1002);
}

TEST_CASE("viz decimate: a zoomed window includes one neighbour each side") {
  Series s = make(10000, 1, 2);
  std::vector<uint32_t> out;
  decimate_minmax(s.x, s.y, 3000.5, 6000.5, 50, out);   // x = 30 i: points 101 … 200 inside
  REQUIRE(!out.empty());
  CHECK(out.front() == 100);
  CHECK(out.back() == 201);
  auto [b, e] = visible_range(s.x, 3000.5, 6000.5);
  CHECK(b == 100);
  CHECK(e == 202);
}

TEST_CASE("viz decimate: NaN gaps survive min/max decimation") {
  Series s = make(100000, 10, 20);
  for (size_t i = 40000; i < 50000; i++) s.y[i] = NAN;   // a long outage
  s.y[70000] = NAN;                                      // a single missing reading
  std::vector<uint32_t> out;
  decimate_minmax(s.x, s.y, s.x.front(), s.x.back(), 500, out);
  int gaps = 0;
  bool before = false, after = false;
  for (auto i : out) {
    if (std::isnan(s.y[i])) gaps++;
    if (i < 40000) before = true;
    if (i >= 50000) after = true;
  }
  CHECK(gaps >= 2);           // the outage and the single missing point both break the line
  CHECK(gaps <= 4);
  CHECK(before);
  CHECK(after);
  // the points right before and after the outage are kept as line ends
  CHECK(has(out, 39999));
  CHECK(has(out, 50000));
}

TEST_CASE("viz decimate: LTTB keeps first, last and the spikes") {
  Series s = make(10000, 2500, 7500);
  std::vector<uint32_t> out;
  lttb(s.x, s.y, 500, out);
  CHECK(out.size() >= 495);
  CHECK(out.size() <= 505);
  CHECK(out.front() == 0);
  CHECK(out.back() == 9999);
  CHECK(has(out, 2500));
  CHECK(has(out, 7500));
  CHECK(increasing(out));
  lttb(s.x, s.y, 20000, out);   // threshold above n: everything
  CHECK(out.size() == 10000);
}

TEST_CASE("viz decimate: LTTB keeps one NaN marker per gap and both ends of every run") {
  Series s = make(10000, 1, 2);
  for (size_t i = 3000; i < 3100; i++) s.y[i] = NAN;
  std::vector<uint32_t> out;
  lttb(s.x, s.y, 300, out);
  int gaps = 0;
  for (auto i : out) gaps += std::isnan(s.y[i]);
  CHECK(gaps == 1);
  CHECK(has(out, 2999));
  CHECK(has(out, 3100));
  CHECK(has(out, 0));
  CHECK(has(out, 9999));
  CHECK(out.size() <= 310);
}
