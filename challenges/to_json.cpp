// JSON form of the challenge results (see to_json.h).
#include "challenges/to_json.h"

#include "parsers/core/table.h"

namespace sdw::challenge {

namespace {
using json = nlohmann::json;
json num(double v) { return std::isnan(v) ? json(nullptr) : json(v); }
json cat_months(const std::vector<CategoryMonth>& v) {
  json a = json::array();
  for (const CategoryMonth& c : v) {
    json j = {{"category", c.category}, {"eur", c.eur}, {"count", c.count}};
    if (!c.month.empty()) j["month"] = c.month;
    a.push_back(j);
  }
  return a;
}
json periods(const std::vector<PeriodModeTotals>& v) {
  json a = json::array();
  for (const auto& p : v)
    a.push_back({{"period", p.period}, {"mode", mode_id(p.mode)}, {"trips", p.trips}, {"km", p.km}, {"kgco2e", p.kgco2e}});
  return a;
}
json names(const std::vector<NameCount>& v) {
  json a = json::array();
  for (const auto& n : v) a.push_back({{"name", n.name}, {"count", n.count}});
  return a;
}
}  // namespace

json to_json(const FactorSource& s) {
  return {{"name", s.name}, {"origin", s.origin}, {"licence", s.licence}, {"snapshot", s.snapshot}, {"date", s.date}, {"file", s.file}};
}

json to_json(const MobilityResult& r, bool with_trips) {
  json j;
  j["total_km"] = r.total_km;
  j["total_kgco2e"] = r.total_kgco2e;
  j["km_without_factor"] = r.km_without_factor;
  json bm = json::array();
  for (const auto& m : r.by_mode)
    bm.push_back({{"mode", mode_id(m.mode)}, {"trips", m.trips}, {"inferred", m.inferred}, {"km", m.km}, {"kgco2e", m.kgco2e}});
  j["by_mode"] = bm;
  j["by_week"] = periods(r.by_week);
  j["by_month"] = periods(r.by_month);
  json w = json::array();
  for (const auto& x : r.what_if)
    w.push_back({{"alternative", x.alternative}, {"car_km", x.car_km}, {"car_kgco2e", x.car_kgco2e},
                 {"alternative_kgco2e", x.alternative_kgco2e}, {"saved_kgco2e", x.saved_kgco2e}});
  j["what_if"] = w;
  const MobilityOptions& o = r.options;
  j["options"] = {{"include_construction", o.include_construction}, {"car_occupants", o.car_occupants},
                  {"carpool_method", carpool_method_id(o.carpool)},
                  {"car_energy", o.car_energy == CarEnergy::Electric ? "electric" : "thermal"}, {"ebike", o.ebike},
                  {"tgv_min_km", o.tgv_min_km},
                  {"infer_kmh", {{"walk_max", o.infer.walk_max_kmh}, {"bike_max", o.infer.bike_max_kmh},
                                 {"car_max", o.infer.car_max_kmh}, {"train_max", o.infer.train_max_kmh},
                                 {"plane_min_km", o.infer.plane_min_km}}}};
  j["source"] = to_json(r.source);
  if (with_trips) {
    json t = json::array();
    for (const auto& x : r.trips)
      t.push_back({{"day", day_key(x.day)}, {"mode", mode_id(x.mode)}, {"inferred", x.inferred}, {"unknown", x.unknown},
                   {"mode_inferred", x.inferred}, {"confidence", num(x.confidence)},
                   {"km", x.km}, {"kgco2e", x.kgco2e}, {"factor", x.factor_slug}});
    j["trips"] = t;
  }
  return j;
}

json to_json(const MobilityBudget& b, std::span<const LabelRule> rules) {
  json r = json::array();
  for (const LabelRule& l : rules) r.push_back({{"category", l.category}, {"keywords", l.keywords}});
  return {{"total_eur", b.total_eur}, {"by_category", cat_months(b.by_category)}, {"by_month", cat_months(b.by_month)}, {"rules", r}};
}

json to_json(const EnergyResult& r) {
  json j;
  j["energy"] = r.energy;
  j["total_kwh"] = r.total_kwh;
  j["total_cost_eur"] = r.total_cost_eur;
  j["base_load_w"] = num(r.base_load_w);
  j["base_load_days"] = r.base_load_days;
  j["max_power_w"] = num(r.max_power_w);
  if (!std::isnan(r.max_power_w)) j["max_power_at"] = format_timestamp(r.max_power_ts_us);
  j["skipped_coarse_readings"] = r.skipped_coarse;
  j["total_m3"] = num(r.total_m3);
  j["base_kwh_per_day"] = num(r.base_kwh_per_day);
  j["base_from"] = r.base_from;
  j["heating_kwh"] = num(r.heating_kwh);
  j["heating_share"] = num(r.heating_share);
  json ph = json::array();
  for (const auto& p : r.peak_hours) ph.push_back({{"hour", p.hour}, {"mean_kwh", p.mean_kwh}});
  j["peak_hours"] = ph;
  json hm = json::array();
  for (double v : r.hourly_mean) hm.push_back(num(v));
  j["hourly_mean_kwh"] = hm;
  json wp = json::array();
  for (const auto& row : r.weekly_profile) {
    json a = json::array();
    for (double v : row) a.push_back(num(v));
    wp.push_back(a);
  }
  j["weekly_profile_kwh"] = wp;  // [Monday..Sunday][hour]
  json days = json::array();
  for (const auto& d : r.days)
    days.push_back({{"day", day_key(d.day)}, {"kwh", d.kwh}, {"hours", d.hours}, {"readings", d.readings}, {"load_curve", d.fine}});
  j["days"] = days;
  json ms = json::array();
  for (const auto& m : r.months)
    ms.push_back({{"month", m.month}, {"kwh", m.kwh}, {"days", m.days}, {"kwh_per_day", num(m.kwh_per_day)},
                  {"kwh_offpeak", m.kwh_offpeak}, {"kwh_peak", m.kwh_peak}, {"kwh_unsplit", m.kwh_unsplit},
                  {"cost_energy_eur", m.cost_energy_eur}, {"cost_subscription_eur", m.cost_subscription_eur},
                  {"cost_eur", m.cost_eur}, {"delta_kwh", num(m.delta_kwh)}, {"delta_pct", num(m.delta_pct)},
                  {"delta_kwh_per_day", num(m.delta_kwh_per_day)}, {"m3", num(m.m3)}});
  j["months"] = ms;
  const Tariff& t = r.options.tariff;
  json hc = json::array();
  for (const auto& h : t.offpeak_hours) {
    char b[48];
    std::snprintf(b, sizeof b, "%02d:%02d-%02d:%02d", h.start_min / 60, h.start_min % 60, h.end_min / 60, h.end_min % 60);
    hc.push_back(b);
  }
  j["tariff"] = {{"kind", t.kind == Tariff::Kind::Base ? "base" : "hphc"}, {"base_eur_kwh", t.base_eur_kwh},
                 {"peak_eur_kwh", t.peak_eur_kwh}, {"offpeak_eur_kwh", t.offpeak_eur_kwh},
                 {"subscription_eur_month", t.subscription_eur_month}, {"offpeak_hours", hc}};
  return j;
}

json to_json(const HeatingFit& f) {
  return {{"slope_kwh_per_degc", num(f.slope_kwh_per_degc)}, {"intercept_kwh", num(f.intercept_kwh)}, {"r2", num(f.r2)}, {"days", f.days}};
}

json to_json(std::span<const ActorCount> actors) {
  json a = json::array();
  for (const auto& x : actors) a.push_back({{"actor", x.actor}, {"statements", x.statements}});
  return a;
}

json to_json(const LearningResult& r) {
  json j;
  j["actor"] = r.actor;
  j["statements"] = r.statements;
  j["total_seconds"] = r.total_seconds;
  json days = json::array();
  for (const auto& d : r.days) days.push_back({{"day", day_key(d.day)}, {"statements", d.statements}, {"seconds", d.seconds}});
  j["days"] = days;
  json ss = json::array();
  for (const auto& s : r.sessions)
    ss.push_back({{"start", format_timestamp(s.start_us)}, {"end", format_timestamp(s.end_us)}, {"statements", s.statements}, {"seconds", s.seconds}});
  j["sessions"] = ss;
  auto tbn = [](const std::vector<TimeByName>& v) {
    json a = json::array();
    for (const auto& t : v) a.push_back({{"name", t.name}, {"seconds", t.seconds}, {"statements", t.statements}});
    return a;
  };
  j["by_course"] = tbn(r.by_course);
  j["by_activity"] = tbn(r.by_activity);
  json sc = json::array();
  for (const auto& s : r.scores)
    sc.push_back({{"ts", format_timestamp(s.ts_us)}, {"score_scaled", s.score_scaled}, {"activity", s.activity}, {"course", s.course}});
  j["scores"] = sc;
  j["activities"] = r.activities;
  j["activities_completed"] = r.activities_completed;
  j["completion_rate"] = num(r.completion_rate);
  j["results_known"] = r.results_known;
  j["successes"] = r.successes;
  j["success_rate"] = num(r.success_rate);
  json vs = json::array();
  for (const auto& v : r.verbs) vs.push_back({{"verb", v.verb}, {"fr", v.fr}, {"en", v.en}, {"count", v.count}});
  j["verbs"] = vs;
  return j;
}

json to_json(const BudgetResult& r) {
  // top level: the main currency's figures (field "currency"); by_currency: every currency, never summed together
  auto months = [](const std::vector<BudgetMonth>& v) {
    json ms = json::array();
    for (const auto& m : v) ms.push_back({{"month", m.month}, {"income", m.income}, {"spending", m.spending}, {"net", m.net}});
    return ms;
  };
  // category amounts in the block's currency ("amount"); "eur" kept only when that currency is EUR
  auto cats = [](const std::vector<CategoryMonth>& v, const std::string& cur) {
    json a = cat_months(v);
    for (size_t i = 0; i < a.size(); ++i) {
      a[i]["amount"] = v[i].eur;
      if (cur != "EUR") a[i].erase("eur");
    }
    return a;
  };
  json cs = json::array();
  for (const auto& c : r.by_currency)
    cs.push_back({{"currency", c.currency}, {"income", c.income}, {"spending", c.spending}, {"transactions", c.transactions},
                  {"uncategorised", c.uncategorised}, {"months", months(c.months)}, {"by_category", cats(c.by_category, c.currency)},
                  {"by_month", cats(c.by_month, c.currency)}});
  return {{"currency", r.currency}, {"income", r.income}, {"spending", r.spending}, {"uncategorised", r.uncategorised},
          {"currency_assumed", r.currency_assumed}, {"months", months(r.months)}, {"by_category", cats(r.by_category, r.currency)},
          {"by_month", cats(r.by_month, r.currency)}, {"by_currency", cs}};
}

json to_json(const HealthResult& r) {
  json ms = json::array();
  for (const auto& m : r.months)
    ms.push_back({{"month", m.month}, {"paid", m.paid}, {"reimbursed", m.reimbursed}, {"remaining", m.remaining}, {"records", m.records}});
  return {{"paid", r.paid}, {"reimbursed", r.reimbursed}, {"remaining", r.remaining}, {"months", ms}};
}

json to_json(const FootprintResult& r) {
  json j;
  j["events"] = r.events;
  if (r.events) {
    j["first_day"] = day_key(r.first_day);
    j["last_day"] = day_key(r.last_day);
  }
  j["night_events"] = r.night_events;
  j["by_weekday_hour"] = r.by_weekday_hour;  // [Monday..Sunday][hour]
  j["by_hour"] = r.by_hour;
  j["by_weekday"] = r.by_weekday;
  j["by_platform"] = names(r.by_platform);
  j["by_kind"] = names(r.by_kind);
  j["by_platform_kind"] = names(r.by_platform_kind);
  j["by_month"] = names(r.by_month);
  json bh = json::array();
  for (const auto& h : r.busiest_hours) bh.push_back({{"hour", h.hour}, {"count", h.count}});
  j["busiest_hours"] = bh;
  json bs = json::array();
  for (const auto& h : r.busiest_slots) bs.push_back({{"weekday", h.weekday}, {"hour", h.hour}, {"count", h.count}});
  j["busiest_slots"] = bs;
  return j;
}

json to_json(const FoodResult& r, std::span<const std::string_view> product, bool with_lines) {
  json j;
  j["total_kg"] = r.total_kg;
  j["total_kgco2e"] = r.total_kgco2e;
  j["lines"] = {{"mapped", r.mapped}, {"unmapped", r.not_mapped}, {"no_factor", r.no_factor}, {"no_weight", r.no_weight}};
  json ms = json::array();
  for (const auto& m : r.months) ms.push_back({{"month", m.month}, {"kg", m.kg}, {"kgco2e", m.kgco2e}, {"eur", m.eur}, {"lines", m.lines}});
  j["months"] = ms;
  json top = json::array();
  for (const auto& c : r.top) top.push_back({{"slug", c.slug}, {"kg", c.kg}, {"kgco2e", c.kgco2e}, {"eur", c.eur}, {"lines", c.lines}});
  j["top"] = top;
  json sw = json::array();
  for (const auto& s : r.swaps)
    sw.push_back({{"from", s.from}, {"to", s.to}, {"kg", s.kg}, {"from_kgco2e", s.from_kgco2e}, {"to_kgco2e", s.to_kgco2e}, {"saved_kgco2e", s.saved_kgco2e}});
  j["swaps"] = sw;
  json un = json::array();
  for (size_t i : r.unmapped)
    un.push_back({{"index", i}, {"product", i < product.size() ? std::string(product[i]) : ""},
                  {"status", food_status_id(r.lines[i].status)}, {"slug", r.lines[i].slug}});
  j["not_counted"] = un;
  j["lines"]["not_food"] = r.not_food;
  if (!r.match.lines.empty()) {   // receipt recognition (food_match.h)
    const FoodMatchSummary& m = r.match;
    const FoodReference& ref = food_reference();
    auto text = [&](size_t i) { return i < product.size() ? std::string(product[i]) : std::string(); };
    j["coverage"] = {{"lines", m.lines_total}, {"lines_food", m.lines_food}, {"lines_recognised", m.lines_recognised},
                     {"lines_not_food", m.lines_not_food}, {"spend_food_eur", m.spend_food},
                     {"spend_recognised_eur", m.spend_recognised}, {"spend_recognised_share", m.spend_recognised_share},
                     {"lines_recognised_share", m.lines_food ? double(m.lines_recognised) / double(m.lines_food) : 0.0},
                     {"lines_with_barcode", m.lines_with_barcode}, {"lines_by_barcode", m.lines_by_barcode}};
    json nf = json::array(), cats = json::object(), unrec = json::array();
    for (size_t i : m.not_food) nf.push_back({{"index", i}, {"product", text(i)}, {"category", m.lines[i].not_food}});
    for (const auto& [c, n] : m.not_food_by_category) cats[c] = n;
    for (size_t i : m.unrecognised) unrec.push_back({{"index", i}, {"product", text(i)}, {"status", food_status_id(r.lines[i].status)}});
    j["not_food"] = {{"count", m.lines_not_food}, {"by_category", cats}, {"lines", nf}};
    j["unrecognised"] = unrec;
    json matches = json::array();
    for (size_t i = 0; i < m.lines.size(); ++i) {
      const LineMatch& l = m.lines[i];
      const int p = l.match.product;
      matches.push_back({{"index", i}, {"product", text(i)}, {"match", p >= 0 ? ref.products[size_t(p)].name : ""},
                         {"code", p >= 0 ? ref.products[size_t(p)].code : ""}, {"slug", i < r.lines.size() ? r.lines[i].slug : ""},
                         {"confidence", l.match.confidence}, {"method", match_method_id(l.match.method)},
                         {"not_food", l.not_food}, {"by_barcode", l.by_barcode}, {"kg", l.kg}, {"kgco2e", l.kgco2e},
                         {"kgco2e_per_kg", p >= 0 ? ref.products[size_t(p)].kgco2e_per_kg : 0.0}});
    }
    j["matches"] = matches;
    json sm = json::array();
    for (const SeasonMonth& x : m.seasonal)
      sm.push_back({{"month", x.month}, {"fresh_kg", x.fresh_kg}, {"out_of_season_kg", x.out_of_season_kg},
                    {"share_out_of_season", x.share_out}, {"air_kg", x.air_kg}, {"out_of_season", x.out_of_season},
                    {"in_season_swaps", x.in_season_swaps}});
    j["seasonal"] = {{"months", sm}, {"air_lines", m.air_lines},
                     {"source", "ADEME Impact CO2, fruitsetlegumes.ts (github.com/incubateur-ademe/impactco2 @1999e49), MIT"}};
    json st = json::array();
    for (const ProductSwap& w : m.swaps)
      st.push_back({{"family", w.family}, {"from", w.from_name}, {"to", w.to_name}, {"to_code", w.to_code}, {"note", w.note},
                    {"kg_per_year", w.kg_per_year}, {"saved_kgco2e_per_year", w.saved_kgco2e_per_year},
                    {"saved_eur_per_year", num(w.saved_eur_per_year)}, {"eur_per_kg_from", w.eur_per_kg_from},
                    {"eur_per_kg_to", num(w.eur_per_kg_to)}});
    j["swaps_top"] = {{"swaps", st}, {"days", m.days}, {"method", m.method}};
    j["reference"] = "AGRIBALYSE 3.2 (ADEME/INRAE, Licence Ouverte Etalab, 21/08/2025), data/agribalyse/";
  }
  if (with_lines) {
    json ls = json::array();
    for (const auto& l : r.lines) ls.push_back({{"status", food_status_id(l.status)}, {"slug", l.slug}, {"kg", num(l.kg)}, {"kgco2e", l.kgco2e}});
    j["per_line"] = ls;
  }
  j["source"] = to_json(r.source);
  return j;
}

}  // namespace sdw::challenge
