// The basemap reader: the shipped file (made by scripts/make_basemap.cjs from world-atlas when node is
// there) and hand-made buffers, including truncated and foreign ones.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <unistd.h>

#include "viz/basemap.h"

using namespace sdw;

namespace {
void put32(std::vector<uint8_t>& b, uint32_t v) { for (int i = 0; i < 4; i++) b.push_back(uint8_t(v >> (8 * i))); }
void putf(std::vector<uint8_t>& b, float f) { uint32_t v; std::memcpy(&v, &f, 4); put32(b, v); }
std::vector<uint8_t> two_lines() {
  std::vector<uint8_t> b = {'S', 'D', 'W', 'B'};
  put32(b, 1); put32(b, 2);
  b.push_back(0); put32(b, 3);                      // a coastline near La Rochelle
  putf(b, -1.15f); putf(b, 46.16f); putf(b, -1.20f); putf(b, 46.10f); putf(b, -1.25f); putf(b, 46.05f);
  b.push_back(1); put32(b, 2);                      // a border segment
  putf(b, 7.6f); putf(b, 47.6f); putf(b, 7.5f); putf(b, 47.5f);
  return b;
}
}  // namespace

TEST_CASE("basemap: two lines of two kinds, NaN-separated per kind") {
  Basemap m;
  std::string err;
  const auto b = two_lines();
  REQUIRE(parse_basemap(b, m, err));
  CHECK(m.lines == 2);
  CHECK(m.points == 5);
  REQUIRE(m.coast_lon.size() == 3);
  CHECK(m.coast_lat[0] == doctest::Approx(46.16));
  REQUIRE(m.border_lon.size() == 2);
  CHECK(m.border_lon[1] == doctest::Approx(7.5));
}

TEST_CASE("basemap: truncated, foreign, trailing bytes and bad coordinates are refused") {
  Basemap m;
  std::string err;
  auto b = two_lines();
  for (size_t cut : {size_t(0), size_t(11), size_t(20), b.size() - 1}) {
    CHECK_FALSE(parse_basemap(std::span(b.data(), cut), m, err));
    CHECK(m.empty());
  }
  auto extra = b;
  extra.push_back(0);
  CHECK_FALSE(parse_basemap(extra, m, err));
  CHECK(err.find("after its last line") != std::string::npos);
  auto foreign = b;
  foreign[0] = 'P';
  CHECK_FALSE(parse_basemap(foreign, m, err));
  auto bad = b;
  float big = 500;
  std::memcpy(&bad[12 + 5], &big, 4);
  CHECK_FALSE(parse_basemap(bad, m, err));
  CHECK(err.find("out of range") != std::string::npos);
}

TEST_CASE("basemap: the file made from world-atlas has France's Atlantic coast") {
  const char* dir = std::getenv("SDW_BASEMAP");
  std::string path = dir ? dir : "";
  if (path.empty()) {
    path = "/tmp/sdw_basemap_test_" + std::to_string(::getpid()) + ".bin";
    const std::string cmd = std::string("node '") + SDW_TEST_DATA + "/../../scripts/make_basemap.cjs' '" + path + "' > /dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0) {
      MESSAGE("node or world-atlas missing: skipped");
      return;
    }
  }
  std::ifstream f(path, std::ios::binary);
  REQUIRE(f.good());
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  Basemap m;
  std::string err;
  REQUIRE_MESSAGE(parse_basemap(bytes, m, err), err);
  CHECK(m.lines > 1000);
  // a coastline point within 5 km of the Pointe des Minimes, La Rochelle (46.14 N, 1.17 W)
  double best = 1e9;
  for (size_t i = 0; i < m.coast_lon.size(); i++) {
    if (std::isnan(m.coast_lon[i])) continue;
    const double dx = (m.coast_lon[i] + 1.17) * 111.0 * std::cos(46.14 * M_PI / 180), dy = (m.coast_lat[i] - 46.14) * 111.0;
    best = std::min(best, std::sqrt(dx * dx + dy * dy));
  }
  CHECK(best < 5.0);
  CHECK_FALSE(m.border_lon.empty());
  if (!dir) std::remove(path.c_str());
}
