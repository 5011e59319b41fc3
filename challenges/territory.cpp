// The user's mode shares next to an area's, from a donation-format aggregate (see territory.h).
#include "challenges/territory.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

namespace sdw::challenge {

namespace {

std::vector<std::string_view> split_commas(std::string_view s) {
  std::vector<std::string_view> f;
  size_t p = 0;
  for (;;) {
    const size_t c = s.find(',', p);
    f.push_back(s.substr(p, c == std::string_view::npos ? std::string_view::npos : c - p));
    if (c == std::string_view::npos) break;
    p = c + 1;
  }
  return f;
}

bool to_double(std::string_view s, double& v) {
  const std::string t(s);
  char* end = nullptr;
  v = std::strtod(t.c_str(), &end);
  return !t.empty() && end && *end == 0 && std::isfinite(v);
}

}  // namespace

MobilityAggregate read_mobility_aggregate(std::string_view text) {
  MobilityAggregate a;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t pos = 0;
  int64_t line_no = 0;
  std::vector<std::string> header;
  auto bad = [&]() {
    if (!a.bad_lines++) a.first_bad_line = line_no;
  };
  while (pos < text.size()) {
    size_t e = text.find('\n', pos);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(pos, e - pos);
    pos = e + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (a.format.empty()) a.format = line[0] == '{' ? "ndjson" : "csv";
    AreaModeKm r;
    std::string part, unit;
    if (a.format == "csv") {
      const auto f = split_commas(line);
      if (header.empty()) {
        for (auto x : f) header.emplace_back(x);
        if (std::find(header.begin(), header.end(), "part") == header.end()) {
          a.format.clear();
          header.clear();
          bad();
        }
        continue;
      }
      if (f.size() != header.size()) {
        bad();
        continue;
      }
      bool ok = true;
      for (size_t i = 0; i < f.size(); ++i) {
        const std::string& h = header[i];
        if (h == "part") part = f[i];
        else if (h == "period") r.period = f[i];
        else if (h == "area") r.area = f[i];
        else if (h == "category") r.mode = f[i];
        else if (h == "unit") unit = f[i];
        else if (h == "value") ok = ok && to_double(f[i], r.km);
        else if (h == "records") {
          double v = 0;
          ok = ok && to_double(f[i], v);
          r.records = int64_t(v);
        }
      }
      if (!ok) {
        bad();
        continue;
      }
    } else {
      const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object() || !j.contains("value") || !j["value"].is_number()) {
        bad();
        continue;
      }
      part = j.value("part", "");
      unit = j.value("unit", "");
      r.period = j.value("period", "");
      r.area = j.value("area", "");
      r.mode = j.value("category", "");
      r.km = j["value"].get<double>();
      r.records = j.contains("records") && j["records"].is_number() ? j["records"].get<int64_t>() : 0;
    }
    add_aggregate_row(a, part, unit, std::move(r));
  }
  return a;
}

void add_aggregate_row(MobilityAggregate& a, std::string_view part, std::string_view unit, AreaModeKm row) {
  if (part != "mobility" || unit != "km") {
    ++a.other_rows;
    return;
  }
  a.rows.push_back(std::move(row));
}

TerritoryCompare compare_with_area(const MobilityAggregate& a, const MobilityResult& user, std::string_view area,
                                   std::string_view how) {
  TerritoryCompare c;
  c.area = std::string(area);
  c.how = std::string(how);
  std::set<std::string> areas;
  for (const AreaModeKm& r : a.rows) areas.insert(r.area);
  if (c.area.empty() && areas.size() == 1) {
    c.area = *areas.begin();
    c.how = "only_area";
  }
  double area_km[k_mode_count] = {}, user_km[k_mode_count] = {};
  for (const AreaModeKm& r : a.rows) {
    if (r.area != c.area) continue;
    Mode m;
    if (!mode_from_id(r.mode, m)) m = Mode::Other;
    area_km[int(m)] += r.km;
    c.area_km += r.km;
    c.area_records += r.records;
    if (c.period_first.empty() || r.period < c.period_first) c.period_first = r.period;
    if (c.period_last.empty() || r.period > c.period_last) c.period_last = r.period;
    c.found = true;
  }
  for (const ModeTotals& m : user.by_mode) {
    user_km[int(m.mode)] += m.km;
    c.user_km += m.km;
  }
  for (int m = 0; m < k_mode_count; ++m) {
    if (area_km[m] <= 0 && user_km[m] <= 0) continue;
    ModeShare s;
    s.mode = Mode(m);
    s.user_km = user_km[m];
    s.area_km = area_km[m];
    s.user_share = c.user_km > 0 ? user_km[m] / c.user_km : 0;
    s.area_share = c.area_km > 0 ? area_km[m] / c.area_km : 0;
    c.modes.push_back(s);
  }
  return c;
}

}  // namespace sdw::challenge
