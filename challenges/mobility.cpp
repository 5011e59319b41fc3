// Mobility challenge computations (see mobility.h).
// [SECTION] modes  [SECTION] factors  [SECTION] summary  [SECTION] budget
#include "challenges/mobility.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace sdw::challenge {

// [SECTION] modes

namespace {
struct ModeName {
  Mode mode;
  const char* id;
  const char* fr;
  const char* en;
};
constexpr ModeName k_modes[k_mode_count] = {
    {Mode::Walk, "walk", "marche", "walk"},       {Mode::Run, "run", "course à pied", "run"},
    {Mode::Bike, "bike", "vélo", "bike"},         {Mode::Car, "car", "voiture", "car"},
    {Mode::Motorbike, "motorbike", "moto", "motorbike"}, {Mode::Bus, "bus", "bus", "bus"},
    {Mode::Tram, "tram", "tramway", "tram"},      {Mode::Metro, "metro", "métro", "metro"},
    {Mode::Train, "train", "train", "train"},     {Mode::Plane, "plane", "avion", "plane"},
    {Mode::Boat, "boat", "bateau", "boat"},       {Mode::Other, "other", "autre", "other"},
};
}  // namespace

const char* mode_id(Mode m) { return k_modes[int(m)].id; }
const char* mode_label(Mode m, bool french) { return french ? k_modes[int(m)].fr : k_modes[int(m)].en; }
const char* carpool_method_id(CarpoolMethod m) { return m == CarpoolMethod::Vehicle ? "vehicle" : "occupants"; }

bool mode_from_id(std::string_view id, Mode& out) {
  std::string low;
  for (char c : id) low += char(c >= 'A' && c <= 'Z' ? c + 32 : c);
  for (const ModeName& n : k_modes)
    if (low == n.id) {
      out = n.mode;
      return true;
    }
  return false;
}

InferredMode infer_mode(double distance_m, double duration_s, const InferOptions& o) {
  InferredMode r;
  if (!(distance_m >= 0) || !(duration_s > 0)) {
    r.unknown = true;
    return r;
  }
  r.inferred = true;
  const double kmh = distance_m / 1000.0 / (duration_s / 3600.0);
  if (kmh < o.walk_max_kmh) r.mode = Mode::Walk;
  else if (kmh < o.bike_max_kmh) r.mode = Mode::Bike;
  else if (kmh < o.car_max_kmh) r.mode = Mode::Car;
  else if (kmh < o.train_max_kmh || distance_m / 1000.0 < o.plane_min_km) r.mode = Mode::Train;
  else r.mode = Mode::Plane;
  return r;
}

// [SECTION] factors

namespace {
bool contains_word(std::string_view hint, std::string_view word) { return keyword_matches(fold_label(hint), word); }

std::string train_slug(double km, std::string_view hint, const MobilityOptions& o) {
  if (!hint.empty()) {
    if (contains_word(hint, "TGV") || contains_word(hint, "INOUI") || contains_word(hint, "OUIGO") ||
        contains_word(hint, "LYRIA") || contains_word(hint, "EUROSTAR"))
      return "tgv";
    if (contains_word(hint, "INTERCITES*") || contains_word(hint, "IC")) return "intercites";
    if (contains_word(hint, "TER") || contains_word(hint, "REGIONAL*")) return "ter";
    if (contains_word(hint, "RER") || contains_word(hint, "TRANSILIEN")) return "rer";
  }
  return km < o.tgv_min_km ? "ter" : "tgv";
}
}  // namespace

FactorChoice choose_factor(Mode m, double km, std::string_view hint, const MobilityOptions& o, const FactorTables& f) {
  FactorChoice c;
  switch (m) {
    case Mode::Walk:
    case Mode::Run: c.slug = "marche"; break;
    case Mode::Bike: c.slug = o.ebike ? "veloelectrique" : "velo"; break;
    case Mode::Car: c.slug = o.car_energy == CarEnergy::Electric ? "voitureelectrique" : "voiturethermique"; break;
    case Mode::Motorbike: c.slug = "moto"; break;
    case Mode::Bus: c.slug = "busthermique"; break;
    case Mode::Tram: c.slug = "tramway"; break;
    case Mode::Metro: c.slug = "metro"; break;
    case Mode::Train: c.slug = train_slug(km, hint, o); break;
    case Mode::Plane:
      c.slug = km <= o.plane_short_max_km          ? "avion-courtcourrier"
               : km <= o.plane_medium_max_km       ? "avion-moyencourrier"
               : km <= o.plane_medium_long_max_km  ? "avion-moyenlongcourrier"
                                                   : "avion-longcourrier";
      break;
    case Mode::Boat:
    case Mode::Other: return c;  // no ADEME factor in the extract
  }
  const TransportFactor* t = f.transport_by_slug(c.slug);
  if (!t) {
    c.slug.clear();
    return c;
  }
  c.kg_per_km = t->g_per_km(o.include_construction) / 1000.0;
  if (t->per_vehicle && o.car_occupants > 1 && o.carpool == CarpoolMethod::Occupants) {
    c.occupants = o.car_occupants;
    c.kg_per_km /= o.car_occupants;
  }
  return c;
}

double trip_kgco2e(Mode m, double km, const MobilityOptions& o, std::string_view hint) {
  return choose_factor(m, km, hint, o).kg_per_km * km;
}

// [SECTION] summary

MobilityResult mobility_summary(const TripsView& v, const MobilityOptions& o) {
  MobilityResult r;
  r.options = o;
  const FactorTables& f = ademe_factors();
  r.source = f.transport_source;
  const size_t n = v.ts_start_us.size();
  std::map<std::pair<std::string, int>, PeriodModeTotals> weeks, months;
  ModeTotals totals[k_mode_count];
  for (size_t i = 0; i < n; ++i) {
    TripResult t;
    const double dist = i < v.distance_m.size() ? v.distance_m[i] : k_nan;
    const double dur = i < v.duration_s.size() ? v.duration_s[i] : k_nan;
    const std::string_view given = i < v.mode.size() ? v.mode[i] : std::string_view{};
    const std::string_view hint = i < v.mode_raw.size() ? v.mode_raw[i] : std::string_view{};
    if (given.empty()) {
      InferredMode im = infer_mode(dist, dur, o.infer);
      t.mode = im.mode;
      t.inferred = im.inferred;
      t.unknown = im.unknown;
    } else if (!mode_from_id(given, t.mode)) {
      t.mode = Mode::Other;
    } else if (i < v.mode_inferred.size() && v.mode_inferred[i]) {  // a guess made upstream (segment.h)
      t.inferred = true;
      if (i < v.confidence.size()) t.confidence = v.confidence[i];
    }
    t.km = dist >= 0 ? dist / 1000.0 : 0.0;
    FactorChoice c = choose_factor(t.mode, t.km, hint, o, f);
    t.factor_slug = c.slug;
    t.kgco2e = c.kg_per_km * t.km;
    t.day = local_time(v.ts_start_us[i], offset_at(v.ts_start_off, i)).day;   // the traveller's local day
    if (c.slug.empty()) r.km_without_factor += t.km;
    r.total_km += t.km;
    r.total_kgco2e += t.kgco2e;
    ModeTotals& mt = totals[int(t.mode)];
    mt.mode = t.mode;
    ++mt.trips;
    mt.inferred += t.inferred;
    mt.km += t.km;
    mt.kgco2e += t.kgco2e;
    for (auto* agg : {&weeks, &months}) {
      std::string key = agg == &weeks ? iso_week_key(t.day) : month_key(t.day);
      PeriodModeTotals& p = (*agg)[{key, int(t.mode)}];
      p.period = key;
      p.mode = t.mode;
      ++p.trips;
      p.km += t.km;
      p.kgco2e += t.kgco2e;
    }
    r.trips.push_back(std::move(t));
  }
  for (const ModeTotals& mt : totals)
    if (mt.trips) r.by_mode.push_back(mt);
  for (auto& [k, p] : weeks) r.by_week.push_back(p);
  for (auto& [k, p] : months) r.by_month.push_back(p);
  for (const char* alt : {"ter", "busthermique", "velo"}) r.what_if.push_back(what_if_car_by(r, alt, o));
  return r;
}

WhatIf what_if_car_by(const MobilityResult& r, std::string_view alternative, const MobilityOptions& o) {
  WhatIf w;
  w.alternative = std::string(alternative);
  const TransportFactor* t = ademe_factors().transport_by_slug(alternative);
  const double kg_km = t ? t->g_per_km(o.include_construction) / 1000.0 : 0.0;
  for (const TripResult& trip : r.trips) {
    if (trip.mode != Mode::Car) continue;
    w.car_km += trip.km;
    w.car_kgco2e += trip.kgco2e;
    w.alternative_kgco2e += kg_km * trip.km;  // per passenger: the alternatives are per person already
  }
  w.saved_kgco2e = w.car_kgco2e - w.alternative_kgco2e;
  return w;
}

// [SECTION] budget

std::vector<LabelRule> default_mobility_rules() {
  return {
      {"train", {"SNCF*", "OUIGO", "TER", "TGV", "INOUI", "TRAINLINE", "INTERCITES", "EUROSTAR", "TRENITALIA"}},
      {"tolls", {"PEAGE*", "APRR", "VINCI AUTOROUTES", "AUTOROUTES DU SUD", "ASF", "SANEF", "COFIROUTE", "ESCOTA",
                 "AREA", "BIP GO", "ULYS", "ATMB"}},
      {"parking", {"PARKING*", "STATIONNEMENT", "HORODATEUR", "INDIGO", "EFFIA", "SAEMES", "ONEPARK", "PAYBYPHONE",
                   "Q PARK", "ZENPARK"}},
      {"fuel", {"CARBU*", "ESSENCE", "GAZOLE", "TOTAL", "TOTALENERGIES", "ESSO", "SHELL", "BP", "AVIA",
                "STATION SERVICE", "STATION E LECLERC", "DYNEFF", "AS24"}},
      {"transit", {"YELO", "TAN", "SEMITAN", "NAOLIB", "TCL", "RATP", "NAVIGO", "RESEAU STAR", "KORRIGO", "TISSEO",
                   "TBM", "ILEVIA", "RTM", "CTS", "KEOLIS", "TRANSDEV", "TRANSPORTS EN COMMUN"}},
      {"bike", {"VELIB*", "VELOV", "BICLOO", "LE VELO STAR", "CYCLES", "VELO*", "DECATHLON CYCLE"}},
      {"taxi", {"TAXI*", "UBER", "BOLT", "HEETCH", "G7"}},
  };
}

bool is_mobility_category(std::string_view c) {
  for (const LabelRule& r : default_mobility_rules())
    if (r.category == c) return true;
  return false;
}

std::string format_mobility_rules(std::span<const LabelRule> own) {
  std::string out = "# category;keyword (workbench challenge mobility --mobility-rules)\n";
  for (const LabelRule& r : own)
    for (const std::string& k : r.keywords) out += r.category + ";" + k + "\n";
  return out;
}

std::vector<LabelRule> parse_mobility_rules(std::string_view text, int64_t* bad_lines, int64_t* first_bad_line) {
  std::vector<LabelRule> out;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  int64_t line_no = 0, bad = 0, first = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t e = text.find('\n', pos);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = trim_view(text.substr(pos, e - pos));
    pos = e + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const size_t semi = line.find(';');
    const std::string_view cat = semi == std::string_view::npos ? std::string_view{} : trim_view(line.substr(0, semi));
    const std::string keyword = semi == std::string_view::npos ? std::string() : fold_label(line.substr(semi + 1));
    if (!is_mobility_category(cat) || keyword.empty()) {
      if (!bad++) first = line_no;
      continue;
    }
    out.push_back(LabelRule{std::string(cat), {keyword}});
  }
  if (bad_lines) *bad_lines = bad;
  if (first_bad_line) *first_bad_line = first;
  return out;
}

std::vector<LabelRule> mobility_rules_with(std::span<const LabelRule> own) {
  std::vector<LabelRule> all(own.begin(), own.end());
  for (LabelRule& r : default_mobility_rules()) all.push_back(std::move(r));
  return all;
}

MobilityBudget mobility_budget(const TransactionsView& tx, std::span<const LabelRule> rules) {
  MobilityBudget b;
  std::map<std::pair<std::string, std::string>, CategoryMonth> months;
  std::map<std::string, CategoryMonth> cats;
  const size_t n = tx.day.size();
  b.matched_rule.assign(n, -1);
  for (size_t i = 0; i < n; ++i) {
    const std::string_view label = i < tx.label.size() ? tx.label[i] : std::string_view{};
    const int rule = match_rule(rules, fold_label(label));
    b.matched_rule[i] = rule;
    const double amount = i < tx.amount.size() ? tx.amount[i] : k_nan;
    if (rule < 0 || std::isnan(amount)) continue;
    const std::string& cat = rules[size_t(rule)].category;
    const std::string m = month_key(tx.day[i]);
    CategoryMonth& cm = months[{m, cat}];
    cm.month = m;
    cm.category = cat;
    cm.eur += -amount;
    ++cm.count;
    CategoryMonth& ct = cats[cat];
    ct.category = cat;
    ct.eur += -amount;
    ++ct.count;
    b.total_eur += -amount;
  }
  for (auto& [k, v] : months) b.by_month.push_back(v);
  for (auto& [k, v] : cats) b.by_category.push_back(v);
  return b;
}

void add_tickets(MobilityBudget& b, const TicketsView& v) {
  std::map<std::string, CategoryMonth> tickets;
  for (size_t i = 0; i < v.ts_start_us.size() && i < v.price_eur.size(); ++i) {
    if (!(v.price_eur[i] >= 0)) continue;
    const std::string m = month_key(paris_local(v.ts_start_us[i]).day);
    CategoryMonth& c = tickets[m];
    c.month = m;
    c.category = "train_tickets";
    c.eur += v.price_eur[i];
    ++c.count;
  }
  if (tickets.empty()) return;
  std::map<std::string, CategoryMonth> cats;
  for (const CategoryMonth& c : b.by_category) cats[c.category] = c;
  std::vector<CategoryMonth> months;
  for (const CategoryMonth& c : b.by_month) {
    if (c.category == "train" && tickets.count(c.month)) {   // the same tickets paid by card
      cats["train"].eur -= c.eur;
      cats["train"].count -= c.count;
      b.total_eur -= c.eur;
      continue;
    }
    months.push_back(c);
  }
  for (const auto& [m, c] : tickets) {
    months.push_back(c);
    CategoryMonth& t = cats["train_tickets"];
    t.category = "train_tickets";
    t.eur += c.eur;
    t.count += c.count;
    b.total_eur += c.eur;
  }
  std::sort(months.begin(), months.end(),
            [](const CategoryMonth& a, const CategoryMonth& c) { return std::tie(a.month, a.category) < std::tie(c.month, c.category); });
  b.by_month = std::move(months);
  b.by_category.clear();
  for (auto& [k, c] : cats)
    if (c.count > 0) b.by_category.push_back(c);
}

std::vector<CategoryMonth> budget_month_totals(const MobilityBudget& b) {
  std::map<std::string, CategoryMonth> m;
  for (const CategoryMonth& c : b.by_month) {
    CategoryMonth& t = m[c.month];
    t.month = c.month;
    t.eur += c.eur;
    t.count += c.count;
  }
  std::vector<CategoryMonth> out;
  for (auto& [k, v] : m) out.push_back(v);
  return out;
}

std::vector<ModeCost> budget_cost_per_km(const MobilityBudget& b, const MobilityResult& r) {
  struct Group {
    Mode mode;
    const char* cats[4];
  };
  static const Group k_groups[] = {{Mode::Car, {"fuel", "tolls", "parking", "taxi"}},
                                   {Mode::Train, {"train", "train_tickets", nullptr, nullptr}},
                                   {Mode::Bus, {"transit", nullptr, nullptr, nullptr}},
                                   {Mode::Bike, {"bike", nullptr, nullptr, nullptr}}};
  std::vector<ModeCost> out;
  for (const Group& g : k_groups) {
    ModeCost c;
    c.mode = g.mode;
    for (const char* cat : g.cats) {
      if (!cat) break;
      c.categories += (c.categories.empty() ? "" : "+") + std::string(cat);
      for (const CategoryMonth& x : b.by_category)
        if (x.category == cat) c.eur += x.eur;
    }
    for (const ModeTotals& m : r.by_mode)
      if (m.mode == g.mode || (g.mode == Mode::Bus && (m.mode == Mode::Tram || m.mode == Mode::Metro))) c.km += m.km;
    if (c.km > 0) c.eur_per_km = c.eur / c.km;
    if (c.eur != 0 || c.km > 0) out.push_back(c);
  }
  return out;
}

}  // namespace sdw::challenge
