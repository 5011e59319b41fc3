// viz/bins: nice histogram edges and top-N category folding into "Autres"/"Other".
#include <doctest/doctest.h>

#include <cmath>
#include <string_view>
#include <vector>

#include "viz/bins.h"

using namespace sdw;

TEST_CASE("viz bins: histogram with nice edges") {
  std::vector<double> v;
  for (int i = 0; i <= 1000; i++) v.push_back(i * 0.1);   // 0 … 100
  v.push_back(NAN);
  auto h = histogram(v, 10);
  CHECK(h.width == doctest::Approx(10));
  REQUIRE(h.counts.size() == 10);
  CHECK(h.edges.front() == 0);
  CHECK(h.edges.back() == doctest::Approx(100));
  CHECK(h.counts[0] == 100);
  CHECK(h.counts[9] == 101);      // last bin is closed: 100 is in it
  CHECK(h.missing == 1);
  CHECK(h.total() == 1001);

  std::vector<double> w{2.3, 2.7, 3.1, 7.9};
  auto g = histogram(w, 5);
  CHECK(g.width == doctest::Approx(1));
  CHECK(g.edges.front() == doctest::Approx(2));
  CHECK(g.edges.back() == doctest::Approx(8));
  CHECK(g.counts[0] == 2);
  CHECK(g.total() == 4);
  auto empty = histogram(std::vector<double>{NAN}, 5);
  CHECK(empty.counts.empty());
  CHECK(empty.missing == 1);
}

TEST_CASE("viz bins: categories summed, top N, the rest in Autres") {
  std::vector<std::string_view> labels{"voiture", "vélo", "train", "voiture", "marche", "bus", "tram"};
  std::vector<double> values{100, 5, 40, 20, 3, 2, 1};
  auto all = aggregate_categories(labels, values);
  REQUIRE(all.size() == 6);
  CHECK(all[0].label == "voiture");
  CHECK(all[0].value == 120);
  CHECK(all[0].count == 2);
  CHECK(all[1].label == "train");
  auto top = top_n(all, 3, Lang::Fr);
  REQUIRE(top.size() == 4);
  CHECK(top[3].label == "Autres");
  CHECK(top[3].is_other);
  CHECK(top[3].value == doctest::Approx(6));   // marche 3 + bus 2 + tram 1
  CHECK(top_n(all, 3, Lang::En)[3].label == "Other");
  auto five = top_n(all, 5, Lang::Fr);         // one leftover keeps its own name
  CHECK(five.size() == 6);
  CHECK(!five.back().is_other);
}
