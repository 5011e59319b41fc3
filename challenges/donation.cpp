// Data donation (see donation.h): EPSG:3035 grid, home/work detection, aggregation with k-anonymity,
// canonical CSV + manifest, plain-language summary, and the validation of received donations.
//
// Index: [SECTION] projection and distances, [SECTION] home and work, [SECTION] aggregation,
//        [SECTION] bytes and manifest, [SECTION] summary, [SECTION] validation
#include "challenges/donation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "challenges/sha256.h"
#include "parsers/core/values.h"

namespace sdw::challenge {

const DonationColumn k_donation_columns[10] = {
    {"part", "string", "", "partie\u00A0: mobility, energy ou learning", "part: mobility, energy or learning"},
    {"period", "string", "", "semaine ISO (2025-W12) ou mois (2025-03), heure de Paris",
     "ISO week (2025-W12) or month (2025-03), Paris time"},
    {"period_start", "date", "", "premier jour de la période (lundi ISO ou 1er du mois)",
     "first day of the period (ISO Monday or the 1st)"},
    {"area", "string", "",
     "carreau de 1 km EPSG:3035 (1kmN…E…), code commune INSEE, quartier déclaré, ou vide",
     "1 km EPSG:3035 cell (1kmN…E…), INSEE commune code, declared district, or empty"},
    {"cell_lat", "float64", "degree", "latitude du centre du carreau (vide hors carreau)", "latitude of the cell centre (empty when not a cell)"},
    {"cell_lon", "float64", "degree", "longitude du centre du carreau (vide hors carreau)", "longitude of the cell centre (empty when not a cell)"},
    {"category", "string", "", "mode de transport, électricité/gaz, vide pour l’apprentissage",
     "transport mode, electricity/gas, empty for learning"},
    {"value", "float64", "unit column", "kilomètres, kWh ou minutes (3 décimales)", "kilometres, kWh or minutes (3 decimals)"},
    {"unit", "string", "", "km, kWh ou min", "km, kWh or min"},
    {"records", "int64", "count", "trajets, relevés ou traces agrégés (au moins k)", "trips, readings or statements aggregated (at least k)"},
};

namespace {

constexpr double k_pi = 3.14159265358979323846;
constexpr double k_deg = k_pi / 180;
constexpr double k_cell_m = 1000;

std::string printf_str(const char* f, double v) {
  char b[64];
  std::snprintf(b, sizeof b, f, v);
  return b;
}

}  // namespace

//-------------------------------------------------------------------------------------------------------
// [SECTION] projection and distances
//-------------------------------------------------------------------------------------------------------
// EPSG Guidance Note 7-2, Lambert Azimuthal Equal Area (ellipsoidal), origin 52°N 10°E, FE 4321000, FN 3210000.

namespace {

struct Laea {
  double a = 6378137, e2 = 0.0066943800229, e, qp, beta0, rq, d, lat0 = 52 * k_deg, lon0 = 10 * k_deg;
  double fe = 4321000, fn = 3210000;
  double q(double phi) const {
    const double s = std::sin(phi);
    return (1 - e2) * (s / (1 - e2 * s * s) - 1 / (2 * e) * std::log((1 - e * s) / (1 + e * s)));
  }
  Laea() {
    e = std::sqrt(e2);
    qp = q(k_pi / 2);
    beta0 = std::asin(q(lat0) / qp);
    rq = a * std::sqrt(qp / 2);
    d = a * (std::cos(lat0) / std::sqrt(1 - e2 * std::sin(lat0) * std::sin(lat0))) / (rq * std::cos(beta0));
  }
};
const Laea& laea() {
  static const Laea l;
  return l;
}

}  // namespace

void laea_forward(double lat, double lon, double& e, double& n) {
  const Laea& p = laea();
  const double beta = std::asin(p.q(lat * k_deg) / p.qp), dl = lon * k_deg - p.lon0;
  const double b = p.rq * std::sqrt(2 / (1 + std::sin(p.beta0) * std::sin(beta) + std::cos(p.beta0) * std::cos(beta) * std::cos(dl)));
  e = p.fe + b * p.d * std::cos(beta) * std::sin(dl);
  n = p.fn + (b / p.d) * (std::cos(p.beta0) * std::sin(beta) - std::sin(p.beta0) * std::cos(beta) * std::cos(dl));
}

void laea_inverse(double e, double n, double& lat, double& lon) {
  const Laea& p = laea();
  const double x = e - p.fe, y = n - p.fn;
  const double rho = std::sqrt(x * x / (p.d * p.d) + p.d * p.d * y * y);
  if (rho == 0) {
    lat = p.lat0 / k_deg, lon = p.lon0 / k_deg;
    return;
  }
  const double c = 2 * std::asin(rho / (2 * p.rq));
  const double beta = std::asin(std::cos(c) * std::sin(p.beta0) + p.d * y * std::sin(c) * std::cos(p.beta0) / rho);
  lon = (p.lon0 + std::atan2(x * std::sin(c), p.d * rho * std::cos(p.beta0) * std::cos(c) - p.d * p.d * y * std::sin(p.beta0) * std::sin(c))) / k_deg;
  const double e2 = p.e2, e4 = e2 * e2, e6 = e4 * e2;
  lat = (beta + (e2 / 3 + 31 * e4 / 180 + 517 * e6 / 5040) * std::sin(2 * beta) + (23 * e4 / 360 + 251 * e6 / 3780) * std::sin(4 * beta) +
         (761 * e6 / 45360) * std::sin(6 * beta)) / k_deg;
}

double haversine_m(double lat1, double lon1, double lat2, double lon2) {
  const double dlat = (lat2 - lat1) * k_deg, dlon = (lon2 - lon1) * k_deg;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(lat1 * k_deg) * std::cos(lat2 * k_deg) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371008.8 * std::asin(std::min(1.0, std::sqrt(h)));
}

std::string grid_cell_id(double lat, double lon, int64_t* e_km, int64_t* n_km) {
  double e, n;
  laea_forward(lat, lon, e, n);
  const int64_t ek = int64_t(std::floor(e / k_cell_m)), nk = int64_t(std::floor(n / k_cell_m));
  if (e_km) *e_km = ek;
  if (n_km) *n_km = nk;
  return "1kmN" + std::to_string(nk) + "E" + std::to_string(ek);
}

//-------------------------------------------------------------------------------------------------------
// [SECTION] home and work
//-------------------------------------------------------------------------------------------------------

namespace {

constexpr int64_t k_hour_us = 3600LL * 1000000;

struct Obs {
  double lat, lon, x, y, w;
};

// Seconds of [s, e) inside the local windows of each day, on the local wall clock (s, e: local_clock_us of
// the stay's ends, the offset its export wrote, else Europe/Paris). A window across a DST switch counts its
// wall-clock length (8 h for 22:00-06:00).
double overlap_s(int64_t s, int64_t e, bool night) {
  if (e <= s) return 0;
  double total = 0;
  const int32_t d0 = clock_time(s).day - 1, d1 = clock_time(e).day;
  constexpr int64_t k_day_us = 24 * k_hour_us;
  for (int32_t d = d0; d <= d1; ++d) {
    const int64_t next_midnight = int64_t(d + 1) * k_day_us;
    int64_t ws, we;
    if (night) {
      ws = next_midnight - 2 * k_hour_us;                                // 22:00 of day d
      we = next_midnight + 6 * k_hour_us;                                // 06:00 of day d+1
    } else {
      if (weekday_of(d) >= 5) continue;
      ws = next_midnight - 15 * k_hour_us;                               // 09:00
      we = next_midnight - 7 * k_hour_us;                                // 17:00
    }
    const int64_t a = std::max(s, ws), b = std::min(e, we);
    if (b > a) total += double(b - a) / 1e6;
  }
  return total;
}

bool in_window(int64_t ts, int16_t off, bool night) {
  const LocalTime t = local_time(ts, off);
  return night ? (t.hour >= 22 || t.hour < 6) : (t.weekday < 5 && t.hour >= 9 && t.hour < 17);
}

PlaceGuess densest(const std::vector<Obs>& obs) {
  PlaceGuess g;
  if (obs.empty()) return g;
  constexpr double bucket = 200;
  std::map<std::pair<int64_t, int64_t>, double> w;
  auto key = [&](const Obs& o) { return std::make_pair(int64_t(std::floor(o.x / bucket)), int64_t(std::floor(o.y / bucket))); };
  for (const Obs& o : obs) w[key(o)] += o.w;
  std::pair<int64_t, int64_t> best{};
  double best_w = -1;
  for (const auto& [k, _] : w) {
    double s = 0;
    for (int dx = -1; dx <= 1; ++dx)
      for (int dy = -1; dy <= 1; ++dy) {
        auto it = w.find({k.first + dx, k.second + dy});
        if (it != w.end()) s += it->second;
      }
    if (s > best_w) best_w = s, best = k;   // map order: ties keep the smaller bucket
  }
  double sw = 0, slat = 0, slon = 0;
  for (const Obs& o : obs) {
    const auto k = key(o);
    if (std::abs(k.first - best.first) > 1 || std::abs(k.second - best.second) > 1) continue;
    sw += o.w, slat += o.w * o.lat, slon += o.w * o.lon;
    ++g.observations;
  }
  if (!(sw > 0)) return g;
  g.found = true;
  g.lat = slat / sw, g.lon = slon / sw, g.weight = sw;
  return g;
}

std::vector<Obs> observations(const PlacesView& v, bool night) {
  std::vector<Obs> out;
  auto add = [&](double lat, double lon, double w) {
    if (!std::isfinite(lat) || !std::isfinite(lon) || !(w > 0) || std::abs(lat) > 90 || std::abs(lon) > 180) return;
    Obs o{lat, lon, 0, 0, w};
    laea_forward(lat, lon, o.x, o.y);
    out.push_back(o);
  };
  const size_t nv = std::min({v.visit_start_us.size(), v.visit_end_us.size(), v.visit_lat.size(), v.visit_lon.size()});
  for (size_t i = 0; i < nv; ++i)
    add(v.visit_lat[i], v.visit_lon[i], overlap_s(local_clock_us(v.visit_start_us[i], offset_at(v.visit_start_off, i)),
                                                  local_clock_us(v.visit_end_us[i], offset_at(v.visit_end_off, i)), night));
  if (!out.empty()) return out;   // visits say how long; points only when no visit covers the window
  const size_t np = std::min({v.point_ts_us.size(), v.point_lat.size(), v.point_lon.size()});
  for (size_t i = 0; i < np; ++i)
    if (in_window(v.point_ts_us[i], offset_at(v.point_off, i), night)) add(v.point_lat[i], v.point_lon[i], 1);
  return out;
}

}  // namespace

ProtectedPlaces detect_places(const PlacesView& v, double radius_m) {
  ProtectedPlaces p;
  p.home = densest(observations(v, true));
  std::vector<Obs> day = observations(v, false);
  if (p.home.found)
    day.erase(std::remove_if(day.begin(), day.end(), [&](const Obs& o) { return haversine_m(o.lat, o.lon, p.home.lat, p.home.lon) < radius_m; }),
              day.end());
  p.work = densest(day);
  return p;
}

//-------------------------------------------------------------------------------------------------------
// [SECTION] aggregation
//-------------------------------------------------------------------------------------------------------

namespace {

struct Circle {
  double lat, lon, r, x, y;
};

struct Key {
  std::string period, area, category;
  bool operator<(const Key& o) const { return std::tie(period, area, category) < std::tie(o.period, o.area, o.category); }
};
struct Acc {
  std::string period_start;
  double value = 0;
  int64_t records = 0;
  double cell_lat = k_nan, cell_lon = k_nan;
};

int32_t month_start(int32_t day) {
  int64_t y;
  unsigned m, d;
  civil_from_days(day, y, m, d);
  return int32_t(day - (d - 1));
}

// Rows of one part under k go; the others are appended in key order.
void emit(const std::string& part, const char* unit, const std::map<Key, Acc>& m, int k, std::vector<DonationRow>& rows, PartCounts& c) {
  for (const auto& [key, a] : m) {
    if (a.records < k) {
      ++c.suppressed_cells;
      c.suppressed_records += a.records;
      continue;
    }
    DonationRow r{part, key.period, a.period_start, key.area, a.cell_lat, a.cell_lon, key.category, a.value, unit, a.records};
    rows.push_back(std::move(r));
    ++c.rows;
    c.records += a.records;
  }
}

bool valid_code(std::string_view s, size_t max) {
  if (s.empty() || s.size() > max) return false;
  for (char ch : s)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_')) return false;
  return true;
}

void mobility_rows(const DonationInput& in, const DonationOptions& o, const std::vector<Circle>& protect, Donation& d) {
  const DonationTripsView& t = in.trips;
  MobilityResult mr = mobility_summary({t.ts_start_us, t.distance_m, t.duration_s, t.mode, t.mode_raw});
  std::map<Key, Acc> m;
  const bool grid = o.area == DonationArea::Grid1km;
  auto at = [](std::span<const double> s, size_t i) { return i < s.size() ? s[i] : k_nan; };
  auto text = [](std::span<const std::string_view> s, size_t i) { return i < s.size() ? s[i] : std::string_view(); };
  // An end is usable when it is known, not within a protected circle, and (grid) its cell keeps clear of them.
  auto place = [&](double lat, double lon, std::string_view commune, std::string& area, double& clat, double& clon) {
    const bool has_pos = std::isfinite(lat) && std::isfinite(lon);
    if (grid ? !has_pos : !valid_code(commune, 5)) return 0;
    if (has_pos)
      for (const Circle& c : protect)
        if (haversine_m(lat, lon, c.lat, c.lon) < c.r) return -1;
    if (!grid) {
      area = std::string(commune);
      return 1;
    }
    int64_t ek, nk;
    area = grid_cell_id(lat, lon, &ek, &nk);
    const double x0 = double(ek) * k_cell_m, y0 = double(nk) * k_cell_m;
    for (const Circle& c : protect) {
      const double dx = std::max({x0 - c.x, 0.0, c.x - (x0 + k_cell_m)}), dy = std::max({y0 - c.y, 0.0, c.y - (y0 + k_cell_m)});
      if (std::hypot(dx, dy) < c.r) return -1;
    }
    double la, lo;
    laea_inverse(x0 + k_cell_m / 2, y0 + k_cell_m / 2, la, lo);
    clat = std::round(la * 1e5) / 1e5, clon = std::round(lo * 1e5) / 1e5;
    return 1;
  };
  for (size_t i = 0; i < mr.trips.size(); ++i) {
    const TripResult& tr = mr.trips[i];
    if (!(tr.km > 0)) {
      ++d.trips_without_distance;
      continue;
    }
    std::string area;
    double clat = k_nan, clon = k_nan;
    // destination first, then origin; both are checked so that every protected end is counted
    const int dest = place(at(t.end_lat, i), at(t.end_lon, i), text(t.end_commune, i), area, clat, clon);
    std::string area2;
    double clat2 = k_nan, clon2 = k_nan;
    const int orig = place(at(t.start_lat, i), at(t.start_lon, i), text(t.start_commune, i), area2, clat2, clon2);
    d.trip_ends_removed += (dest < 0) + (orig < 0);
    if (dest != 1) {
      if (orig == 1) area = area2, clat = clat2, clon = clon2;
      else area.clear(), clat = clon = k_nan, ++d.trips_unlocated;
    }
    const bool month = o.mobility_by_month;
    Acc& a = m[{month ? month_key(tr.day) : iso_week_key(tr.day), area, mode_id(tr.mode)}];
    a.period_start = day_key(month ? month_start(tr.day) : tr.day - weekday_of(tr.day));
    a.value += tr.km;
    ++a.records;
    a.cell_lat = clat, a.cell_lon = clon;
  }
  emit("mobility", "km", m, o.k, d.rows, d.mobility);
}

void energy_rows(const DonationInput& in, const DonationOptions& o, Donation& d) {
  std::map<Key, Acc> m;
  const std::string area = valid_code(o.district, 24) ? o.district : "";
  for (const auto& [name, view] : {std::pair<const char*, const EnergyView*>{"electricity", &in.electricity}, {"gas", &in.gas}}) {
    if (view->kwh.empty()) continue;
    EnergyOptions eo;
    eo.energy = name;
    const EnergyResult r = energy_summary(*view, eo);
    for (const EnergyDay& day : r.days) {
      Acc& a = m[{month_key(day.day), area, name}];
      a.period_start = day_key(month_start(day.day));
      a.value += day.kwh;
      a.records += day.readings;
    }
  }
  emit("energy", "kWh", m, o.k, d.rows, d.energy);
}

void learning_rows(const DonationInput& in, const DonationOptions& o, Donation& d) {
  if (in.learning.ts_us.empty()) return;
  LearningOptions lo;
  lo.actor = o.learning_actor;
  const LearningResult r = learning_summary(in.learning, lo);
  std::map<Key, Acc> m;
  for (const LearningDay& day : r.days) {
    Acc& a = m[{iso_week_key(day.day), "", ""}];
    a.period_start = day_key(day.day - weekday_of(day.day));
    a.value += day.seconds / 60;
    a.records += day.statements;
  }
  emit("learning", "min", m, o.k, d.rows, d.learning);
}

}  // namespace

//-------------------------------------------------------------------------------------------------------
// [SECTION] bytes and manifest
//-------------------------------------------------------------------------------------------------------

namespace {

std::string csv_header() {
  std::string s;
  for (const DonationColumn& c : k_donation_columns) (s += s.empty() ? "" : ",") += c.name;
  return s + "\n";
}

std::string csv_bytes(const std::vector<DonationRow>& rows) {
  std::string s = csv_header();
  for (const DonationRow& r : rows) {
    const bool cell = std::isfinite(r.cell_lat) && std::isfinite(r.cell_lon);
    s += r.part + ',' + r.period + ',' + r.period_start + ',' + r.area + ',' + (cell ? printf_str("%.5f", r.cell_lat) : "") + ',' +
         (cell ? printf_str("%.5f", r.cell_lon) : "") + ',' + r.category + ',' + printf_str("%.3f", r.value) + ',' + r.unit + ',' +
         std::to_string(r.records) + '\n';
  }
  return s;
}

nlohmann::json counts_json(const PartCounts& c) {
  return {{"rows", c.rows}, {"records", c.records}, {"suppressed_cells", c.suppressed_cells}, {"suppressed_records", c.suppressed_records}};
}

nlohmann::json schema_json() {
  nlohmann::json cols = nlohmann::json::array();
  for (const DonationColumn& c : k_donation_columns)
    cols.push_back({{"name", c.name}, {"type", c.type}, {"unit", c.unit}, {"description_fr", c.fr}, {"description_en", c.en}});
  return {{"encoding", "UTF-8"}, {"delimiter", ","}, {"newline", "LF"}, {"header", true}, {"columns", cols}};
}

}  // namespace

std::string donation_schema_json() { return schema_json().dump(2); }

Donation build_donation(const DonationInput& in, const DonationOptions& opt) {
  Donation d;
  d.options = opt;
  DonationOptions& o = d.options;
  o.k = std::max(o.k, k_donation_min_k);
  if (!valid_code(o.district, 24)) o.district.clear();
  d.places = detect_places(in.places, o.protected_radius_m);
  std::vector<Circle> protect;
  auto add = [&](double lat, double lon, double r) {
    Circle c{lat, lon, r, 0, 0};
    laea_forward(lat, lon, c.x, c.y);
    protect.push_back(c);
  };
  if (o.protect_home && d.places.home.found) add(d.places.home.lat, d.places.home.lon, o.protected_radius_m);
  if (o.protect_work && d.places.work.found) add(d.places.work.lat, d.places.work.lon, o.protected_radius_m);
  for (const PrivacyZone& z : o.zones)
    if (std::isfinite(z.lat) && std::isfinite(z.lon) && z.radius_m > 0) add(z.lat, z.lon, z.radius_m);
  if (o.mobility) mobility_rows(in, o, protect, d);
  if (o.energy) energy_rows(in, o, d);
  if (o.learning) learning_rows(in, o, d);

  d.data = csv_bytes(d.rows);
  d.sha256 = sha256_hex(d.data);
  d.data_file = "donation-" + d.sha256.substr(0, 8) + ".csv";
  d.manifest_file = "donation-" + d.sha256.substr(0, 8) + ".manifest.json";
  nlohmann::json parts = nlohmann::json::array();
  if (o.mobility) parts.push_back("mobility");
  if (o.energy) parts.push_back("energy");
  if (o.learning) parts.push_back("learning");
  const PartCounts* all[] = {&d.mobility, &d.energy, &d.learning};
  PartCounts total;
  for (const PartCounts* c : all)
    total.rows += c->rows, total.records += c->records, total.suppressed_cells += c->suppressed_cells,
        total.suppressed_records += c->suppressed_records;
  nlohmann::json counts = counts_json(total);
  counts["mobility"] = counts_json(d.mobility);
  counts["energy"] = counts_json(d.energy);
  counts["learning"] = counts_json(d.learning);
  counts["trip_ends_removed"] = d.trip_ends_removed;
  counts["trips_unlocated"] = d.trips_unlocated;
  counts["trips_without_distance"] = d.trips_without_distance;
  nlohmann::json m = {
      {"format", k_donation_format},
      {"format_version", k_donation_format_version},
      {"purpose", o.purpose},
      {"created", o.created.substr(0, 10)},
      {"app", {{"name", "Self Data Workbench"}, {"version", k_app_version}}},
      {"data_file", d.data_file},
      {"data_bytes", d.data.size()},
      {"sha256", d.sha256},
      {"schema", schema_json()},
      {"method",
       {{"k", o.k},
        {"parts", parts},
        {"area", o.area == DonationArea::Grid1km ? "grid_1km_epsg3035" : "commune_insee"},
        {"grid_m", int(k_cell_m)},
        {"time_bucket", {{"mobility", o.mobility_by_month ? "month" : "iso_week"}, {"energy", "month"}, {"learning", "iso_week"}}},
        {"timezone", "Europe/Paris"},
        {"protected_radius_m", int64_t(std::llround(o.protected_radius_m))},
        {"home_protected", o.protect_home && d.places.home.found},
        {"work_protected", o.protect_work && d.places.work.found},
        {"user_zones", o.zones.size()},
        {"district_declared", !o.district.empty()},
        {"trip_placement", "destination, else origin, else no area"}}},
      {"counts", counts},
  };
  d.manifest = m.dump(2) + "\n";
  return d;
}

//-------------------------------------------------------------------------------------------------------
// [SECTION] summary
//-------------------------------------------------------------------------------------------------------

std::string donation_summary(const Donation& d, bool fr) {
  const DonationOptions& o = d.options;
  std::string s;
  auto n = [](int64_t v) { return std::to_string(v); };
  s += fr ? "Ce fichier est destiné à\u00A0: «\u00A0" + o.purpose + "\u00A0».\n" : "This file is for: “" + o.purpose + "”.\n";
  s += fr ? "Il contient " + n(d.rows.size()) + " lignes de totaux\u00A0:\n" : "It holds " + n(d.rows.size()) + " rows of totals:\n";
  const bool trips = d.mobility.records + d.mobility.suppressed_records > 0;
  const std::string per = o.mobility_by_month ? (fr ? "par mois" : "per month") : (fr ? "par semaine" : "per week");
  if (trips) {
    const std::string where = o.area == DonationArea::Grid1km ? (fr ? "par carreau de 1 km" : "per 1 km grid cell")
                                                              : (fr ? "par commune" : "per commune");
    s += fr ? "- les kilomètres parcourus par mode de transport, " + per + " et " + where + " (" + n(d.mobility.rows) + " lignes, " +
                  n(d.mobility.records) + " trajets)\u202F;\n"
            : "- kilometres travelled per transport mode, " + per + " and " + where + " (" + n(d.mobility.rows) + " rows, " +
                  n(d.mobility.records) + " trips);\n";
  }
  if (d.energy.records + d.energy.suppressed_records > 0)
    s += fr ? "- l’énergie consommée (kWh) par mois (" + n(d.energy.rows) + " lignes, " + n(d.energy.records) + " relevés)" +
                  (o.district.empty() ? "" : ", avec le quartier que vous avez indiqué (" + o.district + ")") + "\u202F;\n"
            : "- energy used (kWh) per month (" + n(d.energy.rows) + " rows, " + n(d.energy.records) + " readings)" +
                  (o.district.empty() ? "" : ", with the district you gave (" + o.district + ")") + ";\n";
  if (d.learning.records + d.learning.suppressed_records > 0)
    s += fr ? "- le temps passé à apprendre (minutes) par semaine (" + n(d.learning.rows) + " lignes, " + n(d.learning.records) + " traces).\n"
            : "- time spent learning (minutes) per week (" + n(d.learning.rows) + " rows, " + n(d.learning.records) + " statements).\n";
  s += fr ? "Chaque ligne regroupe au moins " + n(o.k) + " enregistrements. "
          : "Every row adds up at least " + n(o.k) + " records. ";
  const int64_t sup = d.mobility.suppressed_cells + d.energy.suppressed_cells + d.learning.suppressed_cells;
  const int64_t sup_rec = d.mobility.suppressed_records + d.energy.suppressed_records + d.learning.suppressed_records;
  s += fr ? n(sup) + " cases plus petites (" + n(sup_rec) + " enregistrements) ont été retirées.\n"
          : n(sup) + " smaller cells (" + n(sup_rec) + " records) were left out.\n";
  s += fr ? "Il ne contient pas\u00A0: votre nom, adresse e-mail, identifiant d’élève, numéro de compte ou de compteur, aucun libellé ni nom de lieu, "
            "aucune position exacte (seulement des centres de carreaux de 1 km), aucun trajet ni horaire individuel.\n"
          : "It does not hold: your name, e-mail address, learner id, account or meter number, any label or place name, any exact "
            "position (only 1 km cell centres), any single trip or time of day.\n";
  const bool home = o.protect_home && d.places.home.found, work = o.protect_work && d.places.work.found;
  if (trips) {
    std::string zones;
    if (home) zones += fr ? "votre domicile" : "your home";
    if (work) zones += zones.empty() ? (fr ? "votre travail" : "your work") : (fr ? " et votre travail" : " and your work");
    if (!zones.empty())
      s += fr ? "Rien à moins de " + n(std::llround(o.protected_radius_m)) + " m de " + zones + " (trouvés d’après vos nuits et vos journées de semaine). "
              : "Nothing within " + n(std::llround(o.protected_radius_m)) + " m of " + zones + " (found from your nights and weekdays). ";
    else
      s += fr ? "Aucun domicile ni travail n’a été trouvé dans vos données. " : "No home or work place was found in your data. ";
    if (!o.zones.empty())
      s += fr ? "Rien dans les " + n(o.zones.size()) + " zones que vous avez tracées. " : "Nothing inside the " + n(o.zones.size()) + " zones you drew. ";
    s += fr ? n(d.trip_ends_removed) + " extrémités de trajet retirées, " + n(d.trips_unlocated) + " trajets comptés sans lieu.\n"
            : n(d.trip_ends_removed) + " trip ends removed, " + n(d.trips_unlocated) + " trips counted without a place.\n";
  }
  s += fr ? "L’application n’envoie rien\u00A0: c’est vous qui remettez ce fichier, si vous le souhaitez.\n"
          : "The app sends nothing: you hand this file over yourself, if you wish.\n";
  return s;
}

//-------------------------------------------------------------------------------------------------------
// [SECTION] validation
//-------------------------------------------------------------------------------------------------------

namespace {

void reject(DonationCheck& c, std::string code, std::string fr, std::string en) {
  c.ok = false;
  c.reasons.push_back({std::move(code), std::move(fr), std::move(en)});
}

bool digits(std::string_view s, size_t n) {
  return s.size() == n && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

bool parse_day(std::string_view s, int32_t& day) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s.substr(0, 4), 4) || !digits(s.substr(5, 2), 2) || !digits(s.substr(8, 2), 2))
    return false;
  const int y = std::stoi(std::string(s.substr(0, 4))), m = std::stoi(std::string(s.substr(5, 2))), dd = std::stoi(std::string(s.substr(8, 2)));
  if (m < 1 || m > 12 || dd < 1 || dd > 31) return false;
  day = int32_t(days_from_civil(y, unsigned(m), unsigned(dd)));
  return day_key(day) == s;
}

bool decimal(std::string_view s, int decimals, bool allow_minus) {
  if (allow_minus && !s.empty() && s[0] == '-') s.remove_prefix(1);
  const size_t dot = s.find('.');
  if (dot == std::string_view::npos || dot == 0 || s.size() - dot - 1 != size_t(decimals)) return false;
  if (dot > 1 && s[0] == '0') return false;
  return digits(s.substr(0, dot), dot) && digits(s.substr(dot + 1), size_t(decimals));
}

std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> f;
  size_t p = 0;
  for (;;) {
    const size_t c = line.find(',', p);
    f.push_back(line.substr(p, c == std::string_view::npos ? std::string_view::npos : c - p));
    if (c == std::string_view::npos) return f;
    p = c + 1;
  }
}

// Column names that would identify someone: named in the rejection.
bool forbidden_name(std::string_view n) {
  static const char* k_exact[] = {"nom", "lat", "lon", "lng", "prm", "pce", "ts", "id", "iban", "lieu"};
  static const char* k_part[] = {"name", "mail", "actor", "acteur", "account", "compte", "label", "libelle", "address", "adresse",
                                 "latitude", "longitude", "place", "meter", "phone", "time", "origin", "destination", "text", "title"};
  std::string l;
  for (char ch : n) l += char(std::tolower(static_cast<unsigned char>(ch)));
  for (const char* w : k_exact)
    if (l == w) return true;
  for (const char* w : k_part)
    if (l.find(w) != std::string::npos) return true;
  return false;
}

// "46.15234,-1.15678": the centre of a "1kmN<n>E<e>" cell as written in the data, "" when not a cell id.
std::string cell_centre_text(std::string_view id) {
  const size_t e = id.find('E');
  if (id.rfind("1kmN", 0) != 0 || e == std::string_view::npos || e < 5 || e + 1 >= id.size() || !digits(id.substr(4, e - 4), e - 4) ||
      !digits(id.substr(e + 1), id.size() - e - 1) || id.size() > 20)
    return "";
  const double n = std::stod(std::string(id.substr(4, e - 4))), east = std::stod(std::string(id.substr(e + 1)));
  double la, lo;
  laea_inverse(east * k_cell_m + k_cell_m / 2, n * k_cell_m + k_cell_m / 2, la, lo);
  return printf_str("%.5f", std::round(la * 1e5) / 1e5) + "," + printf_str("%.5f", std::round(lo * 1e5) / 1e5);
}

std::string row_where(int64_t line) { return std::to_string(line); }

// One data row against the schema and the manifest's k. Returns "" or a reason code with its texts.
bool check_row(const std::vector<std::string_view>& f, int64_t k, std::string& fr, std::string& en) {
  const std::string_view part = f[0], period = f[1], area = f[3], lat = f[4], lon = f[5], cat = f[6], value = f[7], unit = f[8], rec = f[9];
  const bool mob = part == "mobility", ene = part == "energy", lea = part == "learning";
  if (!mob && !ene && !lea) return fr = "partie inconnue «\u00A0" + std::string(part) + "\u00A0»", en = "unknown part “" + std::string(part) + "”", false;
  int32_t start;
  if (!parse_day(f[2], start)) return fr = "period_start n’est pas une date", en = "period_start is not a date", false;
  const bool by_month = ene || (mob && period.size() == 7);   // mobility: ISO weeks or months
  if (by_month ? (month_key(start) != period || day_key(start).substr(8) != "01") : (iso_week_key(start) != period || weekday_of(start) != 0))
    return fr = "période «\u00A0" + std::string(period) + "\u00A0» incohérente avec " + std::string(f[2]),
           en = "period “" + std::string(period) + "” does not match " + std::string(f[2]), false;
  if (!area.empty() && !valid_code(area, 24)) return fr = "zone invalide", en = "invalid area", false;
  const bool is_cell = area.rfind("1kmN", 0) == 0;
  if (lat.empty() != lon.empty() || (!lat.empty() && !is_cell)) return fr = "coordonnées hors carreau", en = "coordinates outside a grid cell", false;
  if (!lat.empty()) {
    if (!decimal(lat, 5, true) || !decimal(lon, 5, true)) return fr = "centre de carreau mal écrit", en = "badly written cell centre", false;
    if (cell_centre_text(area) != std::string(lat) + "," + std::string(lon)) return fr = "la position n’est pas le centre du carreau " + std::string(area),
                                             en = "the position is not the centre of cell " + std::string(area), false;
  }
  Mode mode;
  if (mob ? !mode_from_id(cat, mode) || mode_id(mode) != cat : ene ? (cat != "electricity" && cat != "gas") : !cat.empty())
    return fr = "catégorie «\u00A0" + std::string(cat) + "\u00A0» inattendue", en = "unexpected category “" + std::string(cat) + "”", false;
  if (unit != (mob ? "km" : ene ? "kWh" : "min")) return fr = "unité inattendue", en = "unexpected unit", false;
  if (!decimal(value, 3, false)) return fr = "valeur mal écrite", en = "badly written value", false;
  if (rec.empty() || rec.size() > 15 || !digits(rec, rec.size()) || (rec.size() > 1 && rec[0] == '0'))
    return fr = "records n’est pas un entier", en = "records is not an integer", false;
  if (std::stoll(std::string(rec)) < std::max<int64_t>(k, k_donation_min_k))
    return fr = "moins de " + std::to_string(std::max<int64_t>(k, k_donation_min_k)) + " enregistrements (k-anonymat)",
           en = "fewer than " + std::to_string(std::max<int64_t>(k, k_donation_min_k)) + " records (k-anonymity)", false;
  return true;
}

}  // namespace

DonationCheck check_manifest(std::string_view text) {
  DonationCheck c;
  c.ok = true;
  nlohmann::json m = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (m.is_discarded() || !m.is_object()) {
    reject(c, "donation.manifest_json", "le manifeste n’est pas un JSON valide", "the manifest is not valid JSON");
    return c;
  }
  auto str = [&](const char* key) { return m.contains(key) && m[key].is_string() ? m[key].get<std::string>() : std::string(); };
  if (str("format") != k_donation_format || !m.contains("format_version") || m["format_version"] != k_donation_format_version)
    reject(c, "donation.format", "format ou version de manifeste inconnus", "unknown manifest format or version");
  c.data_file = str("data_file");
  c.sha256 = str("sha256");
  c.purpose = str("purpose");
  c.created = str("created");
  const bool name_ok = c.data_file.size() > 4 && c.data_file.size() < 200 && c.data_file.substr(c.data_file.size() - 4) == ".csv" &&
                       std::all_of(c.data_file.begin(), c.data_file.end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.'; }) &&
                       c.data_file[0] != '.';
  if (!name_ok) reject(c, "donation.data_file", "nom de fichier de données absent ou invalide", "missing or invalid data file name");
  if (c.sha256.size() != 64 || !std::all_of(c.sha256.begin(), c.sha256.end(), [](char ch) { return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'); }))
    reject(c, "donation.sha256_form", "empreinte SHA-256 absente ou mal écrite", "missing or badly written SHA-256");
  int32_t day;
  if (!parse_day(c.created, day)) reject(c, "donation.created", "date de création absente ou invalide", "missing or invalid creation date");
  if (c.purpose.empty()) reject(c, "donation.purpose", "finalité absente", "missing purpose");
  const nlohmann::json* method = m.contains("method") && m["method"].is_object() ? &m["method"] : nullptr;
  if (!method || !(*method).contains("k") || !(*method)["k"].is_number_integer() || (*method)["k"].get<int64_t>() < k_donation_min_k)
    reject(c, "donation.k", "k absent ou inférieur à 5", "k missing or below 5");
  else c.k = (*method)["k"].get<int64_t>();
  bool schema_ok = m.contains("schema") && m["schema"].is_object() && m["schema"].contains("columns") && m["schema"]["columns"].is_array() &&
                   m["schema"]["columns"].size() == std::size(k_donation_columns);
  for (size_t i = 0; schema_ok && i < std::size(k_donation_columns); ++i) {
    const auto& col = m["schema"]["columns"][i];
    schema_ok = col.is_object() && col.value("name", "") == k_donation_columns[i].name && col.value("type", "") == k_donation_columns[i].type &&
                col.value("unit", "") == k_donation_columns[i].unit;
  }
  if (!schema_ok) reject(c, "donation.schema", "schéma différent de celui des dons", "schema differs from the donation schema");
  if (!m.contains("counts") || !m["counts"].is_object() || !m["counts"].contains("rows") || !m["counts"]["rows"].is_number_integer())
    reject(c, "donation.counts", "nombre de lignes absent", "row count missing");
  else c.rows = m["counts"]["rows"].get<int64_t>();
  return c;
}

void check_data(DonationCheck& c, std::string_view data) {
  if (sha256_hex(data) != c.sha256) {
    reject(c, "donation.sha256", "l’empreinte SHA-256 ne correspond pas\u00A0: fichier modifié ou incomplet",
           "SHA-256 mismatch: the file was changed or is incomplete");
    return;   // the content is not what the donor approved: nothing else to say about it
  }
  for (unsigned char ch : data)
    if (ch == '\r' || ch >= 0x80 || (ch < 0x20 && ch != '\n')) {
      reject(c, "donation.bytes", "octets interdits (seulement ASCII imprimable et LF)", "forbidden bytes (printable ASCII and LF only)");
      return;
    }
  if (data.empty() || data.back() != '\n') {
    reject(c, "donation.newline", "le fichier ne finit pas par un saut de ligne", "the file does not end with a newline");
    return;
  }
  size_t p = data.find('\n');
  const std::string_view header = data.substr(0, p);
  const std::vector<std::string_view> names = split(header);
  std::string expected;
  for (const DonationColumn& col : k_donation_columns) (expected += expected.empty() ? "" : ",") += col.name;
  if (header != expected) {
    std::string bad;
    for (std::string_view n : names) {
      const bool known = std::any_of(std::begin(k_donation_columns), std::end(k_donation_columns), [&](const DonationColumn& col) { return n == col.name; });
      if (!known && forbidden_name(n)) (bad += bad.empty() ? "" : ", ") += std::string(n);
    }
    if (!bad.empty()) reject(c, "donation.forbidden_column", "colonnes interdites (identifiants)\u00A0: " + bad, "forbidden columns (identifiers): " + bad);
    else reject(c, "donation.header", "en-tête différent du schéma", "header differs from the schema");
    return;
  }
  int64_t rows = 0, line = 1;
  std::set<std::tuple<std::string, std::string, std::string, std::string>> keys;
  while (++p < data.size()) {
    const size_t e = data.find('\n', p);
    const std::string_view row = data.substr(p, e - p);
    ++line;
    const auto f = split(row);
    std::string fr, en;
    if (f.size() != std::size(k_donation_columns)) {
      reject(c, "donation.row", "ligne " + row_where(line) + "\u00A0: " + std::to_string(f.size()) + " champs au lieu de 10",
             "line " + row_where(line) + ": " + std::to_string(f.size()) + " fields instead of 10");
      return;
    }
    if (!check_row(f, c.k, fr, en)) {
      reject(c, "donation.row", "ligne " + row_where(line) + "\u00A0: " + fr, "line " + row_where(line) + ": " + en);
      return;
    }
    if (!keys.emplace(std::string(f[0]), std::string(f[1]), std::string(f[3]), std::string(f[6])).second) {
      reject(c, "donation.duplicate_row", "ligne " + row_where(line) + "\u00A0: même case deux fois", "line " + row_where(line) + ": the same cell twice");
      return;
    }
    ++rows;
    p = e;
  }
  if (rows != c.rows)
    reject(c, "donation.row_count", "le manifeste annonce " + std::to_string(c.rows) + " lignes, le fichier en a " + std::to_string(rows),
           "the manifest states " + std::to_string(c.rows) + " rows, the file has " + std::to_string(rows));
}

void donation_rows_ndjson(std::string_view data, std::string_view donation_id, const std::function<void(std::string_view)>& out) {
  size_t p = data.find('\n');
  std::string line;
  while (p != std::string_view::npos && ++p < data.size()) {
    const size_t e = data.find('\n', p);
    const auto f = split(data.substr(p, e - p));
    p = e;
    if (f.size() != std::size(k_donation_columns)) continue;
    auto q = [](std::string_view s) {   // checked: [A-Za-z0-9_-] only, nothing to escape
      std::string r(1, '"');
      r += s;
      r += '"';
      return r;
    };
    line = "{\"donation_id\":" + q(donation_id) + ",\"part\":" + q(f[0]) + ",\"period\":" + q(f[1]) + ",\"period_start\":" + q(f[2]) +
           ",\"area\":" + q(f[3]) + ",\"cell_lat\":" + (f[4].empty() ? "null" : std::string(f[4])) +
           ",\"cell_lon\":" + (f[5].empty() ? "null" : std::string(f[5])) + ",\"category\":" + q(f[6]) + ",\"value\":" + std::string(f[7]) +
           ",\"unit\":" + q(f[8]) + ",\"records\":" + std::string(f[9]) + "}\n";
    out(line);
  }
}

}  // namespace sdw::challenge
