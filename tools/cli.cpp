// `workbench challenge`, `workbench donate`, `workbench donations validate|merge` (see cli.h). Challenge options:
//   --json  --lang fr|en  --actor NAME  --details (per trip / per line in JSON)
//   mobility: --construction --occupants N --electric --ebike --carpool-method occupants|alternative
//             --compare AGGREGATE_FILE --district CODE --corrections FILE (tools/cli_mobility.h)
//   energy:   --tariff base|hphc --price EUR --hp EUR --hc EUR --subscription EUR --hc-hours 22:00-06:00[,12:00-14:00]
//             --gas-price EUR --gas-subscription EUR (gas readings get their own Base tariff, energy.h default_tariff)
//   learning: --gap-min N
#include "tools/cli.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "challenges/donation.h"
#include "challenges/headline.h"
#include "challenges/tables.h"
#include "challenges/to_json.h"
#include "parsers/core/parser.h"
#include "tools/cli_energy.h"
#include "challenges/coverage.h"
#include "tools/cli_mobility.h"

namespace sdw::challenge {

namespace {

using json = nlohmann::json;

struct CliOptions {
  std::string name;
  bool json_out = false, fr = true, details = false;
  std::string actor;
  MobilityOptions mobility;
  EnergyOptions energy;
  Tariff gas_tariff = default_tariff("gas");
  LearningOptions learning;
  EnergySaveCli save;  // --tariffs, --pv-kwc… (tools/cli_energy.h)
  MobilityCli mob;     // --carpool-method, --compare, --district, --corrections (tools/cli_mobility.h)
  std::string food_rules;   // --food-rules FILE: the assignments the browser saves ("label;code" CSV)
  std::vector<std::string> files;
};

int usage() {
  std::fprintf(stderr,
               "usage : workbench challenge <mobility|energy|food|learning|budget|footprint> [--json] [--lang fr|en]\n"
               "          [--actor NOM] [--details] [--construction] [--occupants N] [--electric] [--ebike]\n"
               "          [--tariff base|hphc] [--price EUR] [--hp EUR] [--hc EUR] [--subscription EUR]\n"
               "          [--hc-hours 22:00-06:00[,…]] [--gas-price EUR] [--gas-subscription EUR] [--gap-min N]\n"
               "          [--tariffs] [--kva N] [--current base|hphc|tempo] [--tempo-calendar FICHIER]… [--tariff-table FICHIER]\n"
               "          [--pv-kwc K --pv-tilt D --pv-azimuth D --lat L --lon L] [--battery-kwh B] [--pv-cost EUR/kWc]\n"
               "          [--home-occupants N] [--home-m2 N] [--heating electric|gas|other]\n"
               "          [--carpool-method occupants|alternative] [--compare AGREGAT] [--district CODE] [--corrections FICHIER]\n"
               "          [--mobility-rules FICHIER]\n"
               "          [--food-rules FICHIER] FICHIER…\n");
  return 2;
}

bool parse_hhmm(const std::string& s, int& minutes) {
  int h = 0, m = 0;
  if (std::sscanf(s.c_str(), "%d:%d", &h, &m) != 2 || h < 0 || h > 24 || m < 0 || m > 59) return false;
  minutes = h * 60 + m;
  return true;
}

bool parse_number(const std::string& s, double& v) {
  char* end = nullptr;
  v = std::strtod(s.c_str(), &end);
  return end && *end == 0 && !s.empty();
}

}  // namespace

std::unique_ptr<Session> parse_path(const std::string& path, std::string& error) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    error = std::strerror(errno);
    return nullptr;
  }
  ParseOptions po;
  po.file_name = std::filesystem::path(path).filename().string();
  std::error_code ec;
  const uint64_t size = std::filesystem::file_size(path, ec);
  po.total_bytes = ec ? 0 : size;
  auto s = std::make_unique<Session>(po);
  std::vector<uint8_t> buf(1 << 20);
  for (;;) {
    const size_t n = std::fread(buf.data(), 1, buf.size(), f);
    if (n > 0) s->feed(std::span<const uint8_t>(buf.data(), n));
    if (n < buf.size()) break;
  }
  std::fclose(f);
  s->finish();
  return s;
}

namespace {

// Parses one file through a Session; tables appended to `out`. Returns a JSON line about the file.
// The stated answer, as the browser shows it on top of each dashboard (challenges/headline.h): printed
// first in text mode, under "answer" in JSON.
json answer_json(const Headline& h) {
  return {{"sentence", h.sentence}, {"yearly", h.yearly}, {"comparison", h.comparison}, {"note", h.note}, {"method", h.method}};
}
void print_answer(const Headline& h) {
  std::printf("%s\n", h.sentence.c_str());
  for (const std::string* x : {&h.yearly, &h.comparison, &h.note})
    if (!x->empty()) std::printf("%s\n", x->c_str());
  std::printf("\n");
}

json read_file(const std::string& path, std::vector<Table>& out, bool& ok) {
  json j = {{"file", path}};
  std::string err;
  const std::unique_ptr<Session> sp = parse_path(path, err);
  if (!sp) {
    j["error"] = err;
    ok = false;
    return j;
  }
  Session& s = *sp;
  if (s.format()) j["format"] = s.format()->id;
  json doms = json::array();
  const bool track = s.format() && (std::string(s.format()->id) == "gpx" || std::string(s.format()->id) == "kml");
  for (Table& t : s.tables())
    if (!t.domain.empty() || track) {   // GPX / KML points: segmented by the mobility challenge (tools/cli_mobility.h)
      doms.push_back({{"table", t.name}, {"domain", t.domain}, {"rows", t.rows()}});
      out.push_back(std::move(t));
    }
  j["domain_tables"] = doms;
  if (s.diagnostics().failed) {
    j["error"] = s.diagnostics().error.en;
    ok = false;
  }
  return j;
}

std::string fmt(double v, int decimals = 1) {
  if (std::isnan(v)) return "—";
  char b[64];
  std::snprintf(b, sizeof b, "%.*f", decimals, v);
  std::string s = b;
  return s;
}

void print_source(const FactorSource& s, bool fr) {
  std::printf("%s %s, %s (%s %s, %s), %s\n", fr ? "Source :" : "Source:", s.name.c_str(), s.origin.c_str(),
              fr ? "instantané" : "snapshot", s.snapshot.substr(0, 7).c_str(), s.date.c_str(), s.licence.c_str());
}

void print_mobility(const MobilityResult& r, const MobilityBudget& b, bool fr) {
  std::printf("%s %s km, %s kgCO2e\n", fr ? "Déplacements :" : "Trips:", fmt(r.total_km).c_str(), fmt(r.total_kgco2e, 2).c_str());
  for (const auto& m : r.by_mode)
    std::printf("  %-14s %5lld %s%s  %9s km  %8s kgCO2e\n", mode_label(m.mode, fr), (long long)m.trips,
                fr ? "trajets" : "trips", m.inferred ? (fr ? " (dont devinés)" : " (some guessed)") : "",
                fmt(m.km).c_str(), fmt(m.kgco2e, 2).c_str());
  std::printf("%s\n", fr ? "Par mois :" : "By month:");
  for (const auto& p : r.by_month)
    std::printf("  %s %-14s %4lld  %9s km  %8s kgCO2e\n", p.period.c_str(), mode_label(p.mode, fr), (long long)p.trips,
                fmt(p.km).c_str(), fmt(p.kgco2e, 2).c_str());
  for (const auto& w : r.what_if)
    if (w.car_km > 0)
      std::printf("  %s %s : %s kgCO2e %s\n", fr ? "Et si la voiture était remplacée par" : "What if the car were replaced by",
                  w.alternative.c_str(), fmt(w.saved_kgco2e, 2).c_str(), fr ? "évités" : "saved");
  if (!b.by_category.empty()) {
    std::printf("%s %s €\n", fr ? "Budget mobilité :" : "Mobility budget:", fmt(b.total_eur, 2).c_str());
    for (const auto& c : b.by_category) std::printf("  %-10s %9s €  (%lld)\n", c.category.c_str(), fmt(c.eur, 2).c_str(), (long long)c.count);
  }
  print_source(r.source, fr);
}

void print_energy(const EnergyResult& r, bool fr) {
  std::printf("== %s ==\n", r.energy.c_str());
  std::printf("%s %s kWh, %s %s €\n", fr ? "Total :" : "Total:", fmt(r.total_kwh, 2).c_str(), fr ? "coût" : "cost",
              fmt(r.total_cost_eur, 2).c_str());
  if (!std::isnan(r.total_m3)) std::printf("%s %s m³\n", fr ? "Volume :" : "Volume:", fmt(r.total_m3, 2).c_str());
  if (!std::isnan(r.heating_kwh))
    std::printf("%s %s kWh (%s %%), %s %s kWh/%s (%s)\n", fr ? "Chauffage :" : "Heating:", fmt(r.heating_kwh, 1).c_str(),
                fmt(r.heating_share * 100, 0).c_str(), fr ? "besoin hors chauffage" : "need without heating",
                fmt(r.base_kwh_per_day, 2).c_str(), fr ? "jour" : "day",
                r.base_from == "summer" ? (fr ? "médiane des jours d'été" : "median summer day") : r.base_from.c_str());
  std::printf("%s %s W (%lld %s)\n", fr ? "Talon de consommation (minimum de nuit, médiane) :" : "Base load (night minimum, median):",
              fmt(r.base_load_w, 0).c_str(), (long long)r.base_load_days, fr ? "jours" : "days");
  std::printf("%s", fr ? "Heures de pointe :" : "Peak hours:");
  for (const auto& p : r.peak_hours) std::printf(" %02dh (%s kWh)", p.hour, fmt(p.mean_kwh, 3).c_str());
  std::printf("\n%s\n", fr ? "Par mois :" : "By month:");
  for (const auto& m : r.months) {
    std::string delta;
    if (!std::isnan(m.delta_pct)) {
      delta = m.delta_pct >= 0 ? "+" : "";
      delta += fmt(m.delta_pct);
      delta += " %";
    }
    if (!std::isnan(m.m3)) delta += (delta.empty() ? "" : "  ") + fmt(m.m3, 2) + " m³";
    std::printf("  %s %9s kWh  %s kWh/%s  %8s €  %s\n", m.month.c_str(), fmt(m.kwh, 2).c_str(), fmt(m.kwh_per_day, 2).c_str(),
                fr ? "jour" : "day", fmt(m.cost_eur, 2).c_str(), delta.c_str());
  }
  std::printf("%s\n", fr ? "Par jour :" : "By day:");
  for (const auto& d : r.days)
    std::printf("  %s %9s kWh  %s h  %lld %s\n", day_key(d.day).c_str(), fmt(d.kwh, 3).c_str(), fmt(d.hours, 1).c_str(),
                (long long)d.readings, fr ? "relevés" : "readings");
}

void print_learning(const LearningResult& r, std::span<const ActorCount> actors, bool fr) {
  std::printf("%s", fr ? "Élèves dans les fichiers :" : "Learners in the files:");
  for (const auto& a : actors) std::printf(" « %s » (%lld)", a.actor.c_str(), (long long)a.statements);
  std::printf("\n%s %s\n", fr ? "Pour :" : "For:", r.actor.empty() ? (fr ? "tout le monde" : "everyone") : r.actor.c_str());
  std::printf("%s %lld, %s %s min, %zu %s\n", fr ? "Traces :" : "Statements:", (long long)r.statements, fr ? "temps" : "time",
              fmt(r.total_seconds / 60).c_str(), r.sessions.size(), fr ? "séances" : "sessions");
  for (const auto& c : r.by_course)
    std::printf("  %s : %s min\n", c.name.empty() ? (fr ? "(sans cours)" : "(no course)") : c.name.c_str(), fmt(c.seconds / 60).c_str());
  std::printf("%s %lld/%lld, %s %lld/%lld\n", fr ? "Activités terminées :" : "Activities finished:", (long long)r.activities_completed,
              (long long)r.activities, fr ? "réussites :" : "passed:", (long long)r.successes, (long long)r.results_known);
  for (const auto& v : r.verbs) std::printf("  %s : %lld\n", (fr ? v.fr : v.en).c_str(), (long long)v.count);
  for (const auto& s : r.scores)
    std::printf("  %s %s : %s/100\n", day_key(paris_local(s.ts_us).day).c_str(), s.activity.c_str(), fmt(s.score_scaled * 100, 0).c_str());
}

void print_budget(const BudgetResult& b, const HealthResult& h, bool fr) {
  // one block per currency, never summed together; "€" only for EUR, else the ISO code
  for (const auto& cb : b.by_currency) {
    const std::string u = cb.currency == "EUR" ? "€" : cb.currency;
    if (b.by_currency.size() > 1) std::printf("[%s]\n", cb.currency.c_str());
    std::printf("%s %s %s, %s %s %s\n", fr ? "Revenus :" : "Income:", fmt(cb.income, 2).c_str(), u.c_str(), fr ? "dépenses" : "spending",
                fmt(cb.spending, 2).c_str(), u.c_str());
    for (const auto& m : cb.months)
      std::printf("  %s  +%s  -%s  = %s %s\n", m.month.c_str(), fmt(m.income, 2).c_str(), fmt(m.spending, 2).c_str(), fmt(m.net, 2).c_str(),
                  u.c_str());
    for (const auto& c : cb.by_category)
      std::printf("  %-14s %10s %s  (%lld)\n", c.category.c_str(), fmt(c.eur, 2).c_str(), u.c_str(), (long long)c.count);
  }
  if (b.by_currency.size() > 1)
    std::printf("%s\n", fr ? "Devises différentes : montants jamais additionnés (aucun taux de change n'est inventé)."
                           : "Different currencies: amounts never added together (no exchange rate is invented).");
  if (b.currency_assumed > 0)
    std::printf(fr ? "%lld opération(s) sans devise dans le fichier : comptées en EUR.\n"
                   : "%lld transaction(s) without a currency in the file: counted as EUR.\n",
                (long long)b.currency_assumed);
  if (!h.months.empty()) {
    std::printf("%s %s € %s, %s € %s, %s € %s\n", fr ? "Santé :" : "Health:", fmt(h.paid, 2).c_str(), fr ? "payés" : "paid",
                fmt(h.reimbursed, 2).c_str(), fr ? "remboursés" : "reimbursed", fmt(h.remaining, 2).c_str(), fr ? "restent à charge" : "left to pay");
    for (const auto& m : h.months)
      std::printf("  %s  %s / %s / %s €\n", m.month.c_str(), fmt(m.paid, 2).c_str(), fmt(m.reimbursed, 2).c_str(), fmt(m.remaining, 2).c_str());
  }
}

void print_footprint(const FootprintResult& f, bool fr) {
  static const char* days_fr[] = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};
  static const char* days_en[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  std::printf("%s %lld (%s %lld)\n", fr ? "Événements :" : "Events:", (long long)f.events, fr ? "la nuit" : "at night", (long long)f.night_events);
  std::printf("%s", fr ? "Heures les plus actives :" : "Busiest hours:");
  for (const auto& h : f.busiest_hours) std::printf(" %02dh (%lld)", h.hour, (long long)h.count);
  std::printf("\n%s", fr ? "Créneaux :" : "Slots:");
  for (const auto& h : f.busiest_slots) std::printf(" %s %02dh (%lld)", (fr ? days_fr : days_en)[h.weekday], h.hour, (long long)h.count);
  std::printf("\n");
  for (const auto& p : f.by_platform_kind) std::printf("  %s : %lld\n", p.name.c_str(), (long long)p.count);
}

void print_food(const FoodResult& r, std::span<const std::string_view> product, bool fr) {
  std::printf("%s %s kg, %s kgCO2e (%lld %s, %zu %s)\n", fr ? "Alimentation :" : "Food:", fmt(r.total_kg, 2).c_str(),
              fmt(r.total_kgco2e, 2).c_str(), (long long)r.mapped, fr ? "lignes comptées" : "lines counted", r.unmapped.size(),
              fr ? "non comptées" : "not counted");
  for (const auto& m : r.months) std::printf("  %s %s kgCO2e\n", m.month.c_str(), fmt(m.kgco2e, 2).c_str());
  for (const auto& c : r.top) std::printf("  %-14s %s kg  %s kgCO2e\n", c.slug.c_str(), fmt(c.kg, 2).c_str(), fmt(c.kgco2e, 2).c_str());
  for (const auto& s : r.swaps)
    std::printf("  %s %s → %s : %s kgCO2e\n", fr ? "Remplacer" : "Swap", s.from.c_str(), s.to.c_str(), fmt(s.saved_kgco2e, 2).c_str());
  for (size_t i : r.unmapped)
    std::printf("  %s %s (%s)\n", fr ? "non compté :" : "not counted:", std::string(product[i]).c_str(), food_status_id(r.lines[i].status));
  const FoodMatchSummary& m = r.match;
  if (!m.lines.empty()) {
    std::printf("%s %lld/%lld %s, %s %% %s; %lld %s\n", fr ? "Reconnu :" : "Recognised:", (long long)m.lines_recognised,
                (long long)m.lines_food, fr ? "lignes alimentaires" : "food lines", fmt(100 * m.spend_recognised_share, 1).c_str(),
                fr ? "des dépenses" : "of spending", (long long)m.lines_not_food, fr ? "lignes non alimentaires" : "not-food lines");
    for (const ProductSwap& w : m.swaps)
      std::printf("  %s %s → %s : %s kgCO2e/%s\n", fr ? "Remplacer" : "Swap", w.from_name.c_str(), w.to_name.c_str(),
                  fmt(w.saved_kgco2e_per_year, 1).c_str(), fr ? "an" : "year");
  }
  print_source(r.source, fr);
}

}  // namespace

int run_cli(int argc, char** argv) {
  if (argc < 1) return usage();
  CliOptions o;
  o.name = argv[0];
  auto need = [&](int& i) -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    double v = 0;
    if (a == "--json") o.json_out = true;
    else if (a == "--details") o.details = true;
    else if (a == "--lang") {
      const char* l = need(i);
      if (!l || (std::strcmp(l, "fr") && std::strcmp(l, "en"))) return usage();
      o.fr = std::strcmp(l, "fr") == 0;
    } else if (a == "--food-rules") {
      const char* s = need(i);
      if (!s) return usage();
      o.food_rules = s;
    } else if (a == "--actor") {
      const char* s = need(i);
      if (!s) return usage();
      o.actor = s;
    } else if (a == "--construction") o.mobility.include_construction = true;
    else if (a == "--electric") o.mobility.car_energy = CarEnergy::Electric;
    else if (a == "--ebike") o.mobility.ebike = true;
    else if (a == "--occupants") {
      const char* s = need(i);
      if (!s || !parse_number(s, v) || v < 1) return usage();
      o.mobility.car_occupants = v;
    } else if (a == "--tariff") {
      const char* s = need(i);
      if (!s) return usage();
      if (!std::strcmp(s, "base")) o.energy.tariff.kind = Tariff::Kind::Base;
      else if (!std::strcmp(s, "hphc")) o.energy.tariff.kind = Tariff::Kind::PeakOffPeak;
      else return usage();
    } else if (a == "--gas-price" || a == "--gas-subscription") {
      const char* s = need(i);
      if (!s || !parse_number(s, v) || v < 0) return usage();
      (a == "--gas-price" ? o.gas_tariff.base_eur_kwh : o.gas_tariff.subscription_eur_month) = v;
    } else if (a == "--price" || a == "--hp" || a == "--hc" || a == "--subscription" || a == "--gap-min") {
      const char* s = need(i);
      if (!s || !parse_number(s, v) || v < 0) return usage();
      if (a == "--price") o.energy.tariff.base_eur_kwh = v;
      else if (a == "--hp") o.energy.tariff.peak_eur_kwh = v;
      else if (a == "--hc") o.energy.tariff.offpeak_eur_kwh = v;
      else if (a == "--subscription") o.energy.tariff.subscription_eur_month = v;
      else o.learning.session_gap_s = int64_t(v * 60);
    } else if (a == "--hc-hours") {
      const char* s = need(i);
      if (!s) return usage();
      o.energy.tariff.offpeak_hours.clear();
      std::string list = s;
      size_t p = 0;
      while (p <= list.size()) {
        size_t c = list.find(',', p);
        std::string range = list.substr(p, c == std::string::npos ? std::string::npos : c - p);
        size_t dash = range.find('-');
        HourRange h;
        if (dash == std::string::npos || !parse_hhmm(range.substr(0, dash), h.start_min) || !parse_hhmm(range.substr(dash + 1), h.end_min))
          return usage();
        o.energy.tariff.offpeak_hours.push_back(h);
        if (c == std::string::npos) break;
        p = c + 1;
      }
    } else if (int k = parse_energy_save_arg(i, argc, argv, o.save); k != 0) {
      if (k < 0) return usage();
    } else if (int k = parse_mobility_arg(i, argc, argv, o.mob, o.mobility); k != 0) {
      if (k < 0) return usage();
    } else if (a.rfind("--", 0) == 0) return usage();
    else o.files.push_back(a);
  }
  static const char* k_names[] = {"mobility", "energy", "food", "learning", "budget", "footprint"};
  if (std::find(std::begin(k_names), std::end(k_names), o.name) == std::end(k_names) || o.files.empty()) return usage();

  std::vector<Table> tables;
  json files = json::array();
  bool ok = true;
  for (const std::string& f : o.files) files.push_back(read_file(f, tables, ok));
  for (const auto& f : files)
    if (f.contains("error"))
      std::fprintf(stderr, "%s %s : %s\n", o.fr ? "Fichier illisible" : "Unreadable file", f["file"].get<std::string>().c_str(),
                   f["error"].get<std::string>().c_str());

  json out = {{"challenge", o.name}, {"files", files}};
  bool has_data = false;
  const bool fr = o.fr;
  if (o.name == "mobility") {
    MobilityRun m = run_mobility(tables, o.mob, o.mobility);   // tools/cli_mobility.h
    for (const std::string& f : m.errors) {
      std::fprintf(stderr, "%s %s\n", fr ? "Fichier illisible :" : "Unreadable file:", f.c_str());
      ok = false;
    }
    has_data = m.has_data;
    out["mobility"] = to_json(m.result, o.details);
    out["budget"] = to_json(m.budget, m.rules);
    add_mobility_json(out, m, o.details);
    const Headline h = mobility_headline(m.result, m.result.options, fr);
    out["answer"] = answer_json(h);
    if (!o.json_out) {
      if (m.has_data) print_answer(h);
      print_mobility(m.result, m.budget, fr);
      print_mobility_extras(m, fr);
    }
  } else if (o.name == "energy") {
    json res = json::array();
    for (auto& [energy, cols] : collect_energy(tables)) {
      EnergyOptions eo = o.energy;
      eo.energy = energy;
      if (energy == "gas") eo.tariff = o.gas_tariff;
      EnergyResult r = energy_summary(cols.view(), eo);
      has_data = has_data || !cols.kwh.empty();
      json item = to_json(r);
      const Headline h = energy_headline(r, fr);
      item["answer"] = answer_json(h);
      if (!o.json_out && !cols.kwh.empty()) print_answer(h);
      {  // covered period and missing days (weekly exports dropped together)
        const Coverage cov = energy_coverage(cols.view());
        json miss = json::array();
        for (int32_t d : cov.missing_days) miss.push_back(day_key(d));
        item["coverage"] = cov.any ? json{{"from", day_key(cov.from)}, {"to", day_key(cov.to)}, {"days", cov.days}, {"missing_days", miss}}
                                   : json{{"from", nullptr}, {"to", nullptr}, {"days", 0}, {"missing_days", miss}};
        if (!o.json_out && cov.any)
          std::printf(fr ? "Période couverte : %s → %s, %zu jour(s) manquant(s)\n" : "Covered period: %s → %s, %zu missing day(s)\n",
                      day_key(cov.from).c_str(), day_key(cov.to).c_str(), cov.missing_days.size());
      }
      if (!o.json_out) print_energy(r, fr);
      EnergySaveCli save = o.save;
      save.tariff.offpeak_hours = o.energy.tariff.offpeak_hours;  // --hc-hours feeds the comparison too
      if (energy == "electricity" && !add_energy_savings(item, cols.view(), r.total_kwh, int64_t(r.days.size()), save, fr, o.json_out, tables))
        ok = false;
      res.push_back(item);
    }
    out["energy"] = res;
  } else if (o.name == "learning") {
    LearningColumns lc = collect_learning(tables);
    auto actors = learning_actors(lc.actor.views);
    LearningOptions lo = o.learning;
    lo.actor = o.actor;
    LearningResult r = learning_summary(lc.view(), lo);
    has_data = r.statements > 0;
    out["actors"] = to_json(std::span<const ActorCount>(actors));
    out["learning"] = to_json(r);
    const Headline h = learning_headline(r, fr);
    out["answer"] = answer_json(h);
    if (!o.json_out && has_data) print_answer(h);
    if (!o.json_out) print_learning(r, actors, fr);
  } else if (o.name == "budget") {
    TransactionColumns tx = collect_transactions(tables);
    HealthColumns hc = collect_health(tables);
    BudgetResult b = budget_summary(tx.view());
    HealthResult h = health_summary(hc.view());
    has_data = !tx.day.empty() || !hc.day.empty();
    out["budget"] = to_json(b);
    out["health"] = to_json(h);
    const Headline a = budget_headline(b, fr);
    out["answer"] = answer_json(a);
    if (!o.json_out && !tx.day.empty()) print_answer(a);
    if (!o.json_out) print_budget(b, h, fr);
  } else if (o.name == "footprint") {
    ActivityColumns ac = collect_activity(tables);
    FootprintResult f = footprint_summary(ac.view());
    has_data = f.events > 0;
    out["footprint"] = to_json(f);
    const Headline h = footprint_headline(f, fr);
    out["answer"] = answer_json(h);
    if (!o.json_out && has_data) print_answer(h);
    if (!o.json_out) print_footprint(f, fr);
  } else if (o.name == "food") {
    PurchaseColumns pc = collect_purchases(tables);
    FoodOptions fo;
    if (!o.food_rules.empty()) {   // the same assignments, applied first, as in the browser
      std::string text;
      if (!read_text_file(o.food_rules, text)) {
        std::fprintf(stderr, "%s %s\n", o.fr ? "Fichier de règles illisible :" : "Unreadable rules file:", o.food_rules.c_str());
        return 1;
      }
      std::vector<std::string> errors;
      fo.product_rules = import_product_rules_csv(text, &errors);
      for (const std::string& e : errors) std::fprintf(stderr, "%s: %s\n", o.food_rules.c_str(), e.c_str());
    }
    FoodResult r = food_summary(pc.view(), fo);
    has_data = !pc.day.empty();
    out["food"] = to_json(r, pc.product.views, o.details);
    const Headline h = food_headline(r, pc.day, fr);
    out["answer"] = answer_json(h);
    if (!o.json_out && has_data) print_answer(h);
    if (!o.json_out) print_food(r, pc.product.views, fr);
  }
  if (!has_data) {
    out["no_data"] = true;
    if (!o.json_out)
      std::printf("%s\n", fr ? "Aucune donnée utilisable par ce défi dans ces fichiers." : "No data this challenge can use in these files.");
  }
  if (o.json_out) std::printf("%s\n", out.dump(2).c_str());
  return ok && has_data ? 0 : 1;
}

//-------------------------------------------------------------------------------------------------------
// [SECTION] donations
//-------------------------------------------------------------------------------------------------------

namespace {

int donate_usage() {
  std::fprintf(stderr,
               "usage : workbench donate --purpose TEXTE [--k 5] [--by-month] [--out DOSSIER] [--district CODE] [--actor NOM]\n"
               "          [--zone LAT,LON,M]… [--parts mobility,energy,learning] [--date AAAA-MM-JJ] [--lang fr|en] FICHIER…\n"
               "        workbench donations validate DOSSIER [--json] [--lang fr|en]\n"
               "        workbench donations merge DOSSIER --out FICHIER.ndjson [--lang fr|en]\n"
               "        workbench donations schema\n");
  return 2;
}

bool read_whole(const std::filesystem::path& p, std::string& out, uint64_t max_bytes = 256ull << 20) {
  std::error_code ec;
  const uint64_t size = std::filesystem::file_size(p, ec);
  if (ec || size > max_bytes) return false;
  std::FILE* f = std::fopen(p.string().c_str(), "rb");
  if (!f) return false;
  out.resize(size_t(size));
  const size_t n = size ? std::fread(out.data(), 1, out.size(), f) : 0;
  std::fclose(f);
  return n == out.size();
}

bool write_whole(const std::filesystem::path& p, const std::string& bytes) {
  std::FILE* f = std::fopen(p.string().c_str(), "wb");
  if (!f) return false;
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  return std::fclose(f) == 0 && ok;
}

std::string today_utc() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char b[16];
  std::strftime(b, sizeof b, "%Y-%m-%d", &tm);
  return b;
}

// One donation found in a folder: its manifest file, checked with its data.
struct Found {
  std::string manifest;                 // file name
  DonationCheck check;
};

// Checks every *.manifest.json of `dir` in name order, calling `f` for each; data files no manifest names
// are reported as rejected too. Memory: one donation at a time plus the file names.
template <class F>
void each_donation(const std::filesystem::path& dir, F&& f) {
  std::vector<std::string> manifests;
  std::set<std::string> data_files, named;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    const std::string n = e.path().filename().string();
    if (n.size() > 14 && n.compare(n.size() - 14, 14, ".manifest.json") == 0) manifests.push_back(n);
    else if (n.size() > 4 && n.compare(n.size() - 4, 4, ".csv") == 0) data_files.insert(n);
  }
  std::sort(manifests.begin(), manifests.end());
  std::string text, data;
  for (const std::string& m : manifests) {
    Found d{m, {}};
    if (!read_whole(dir / m, text, 1 << 20)) {
      d.check.reasons.push_back({"donation.read", "manifeste illisible ou trop gros", "unreadable or too large manifest"});
    } else {
      d.check = check_manifest(text);
      if (d.check.ok) {
        named.insert(d.check.data_file);
        if (!read_whole(dir / d.check.data_file, data)) {
          d.check.ok = false;
          d.check.reasons.push_back({"donation.data_missing", "fichier de données " + d.check.data_file + " absent ou illisible",
                                     "data file " + d.check.data_file + " missing or unreadable"});
        } else {
          check_data(d.check, data);
        }
      }
    }
    f(d, data);
  }
  for (const std::string& n : data_files)
    if (!named.count(n)) {
      Found d{n, {}};
      d.check.reasons.push_back({"donation.no_manifest", "fichier de données sans manifeste", "data file without a manifest"});
      data.clear();
      f(d, data);
    }
}

}  // namespace

int run_donate_cli(int argc, char** argv) {
  DonationOptions o;
  std::string out_dir = ".", date;
  bool fr = true;
  std::vector<std::string> files;
  auto need = [&](int& i) -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
  for (int i = 0; i < argc; ++i) {
    const std::string a = argv[i];
    const char* v = nullptr;
    double num = 0;
    if (a == "--purpose" || a == "--out" || a == "--district" || a == "--actor" || a == "--date" || a == "--lang" || a == "--k" ||
        a == "--zone" || a == "--parts") {
      if (!(v = need(i))) return donate_usage();
    }
    if (a == "--purpose") o.purpose = v;
    else if (a == "--out") out_dir = v;
    else if (a == "--district") o.district = v;
    else if (a == "--actor") o.learning_actor = v;
    else if (a == "--date") date = v;
    else if (a == "--lang") {
      if (std::strcmp(v, "fr") && std::strcmp(v, "en")) return donate_usage();
      fr = std::strcmp(v, "fr") == 0;
    } else if (a == "--k") {
      if (!parse_number(v, num) || num < k_donation_min_k || num != std::floor(num)) return donate_usage();
      o.k = int(num);
    } else if (a == "--zone") {
      PrivacyZone z;
      if (std::sscanf(v, "%lf,%lf,%lf", &z.lat, &z.lon, &z.radius_m) != 3 || !(z.radius_m > 0)) return donate_usage();
      o.zones.push_back(z);
    } else if (a == "--by-month") {
      o.mobility_by_month = true;
    } else if (a == "--parts") {
      const std::string p = v;
      o.mobility = p.find("mobility") != std::string::npos;
      o.energy = p.find("energy") != std::string::npos;
      o.learning = p.find("learning") != std::string::npos;
    } else if (a.rfind("--", 0) == 0) return donate_usage();
    else files.push_back(a);
  }
  if (o.purpose.empty() || files.empty()) return donate_usage();
  o.created = date.empty() ? today_utc() : date;
  std::vector<Table> tables;
  bool ok = true;
  for (const std::string& f : files) {
    json j = read_file(f, tables, ok);
    if (j.contains("error"))
      std::fprintf(stderr, "%s %s : %s\n", fr ? "Fichier illisible" : "Unreadable file", f.c_str(), j["error"].get<std::string>().c_str());
  }
  const DonationColumns cols = collect_donation(tables);
  const Donation d = build_donation(cols.input(), o);
  const std::filesystem::path dir(out_dir);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (!write_whole(dir / d.data_file, d.data) || !write_whole(dir / d.manifest_file, d.manifest)) {
    std::fprintf(stderr, "%s %s\n", fr ? "Écriture impossible dans" : "Cannot write into", out_dir.c_str());
    return 1;
  }
  std::printf("%s", donation_summary(d, fr).c_str());
  std::printf("%s %s (%zu %s, SHA-256 %s)\n%s %s\n", fr ? "Données :" : "Data:", (dir / d.data_file).string().c_str(), d.data.size(),
              fr ? "octets" : "bytes", d.sha256.c_str(), fr ? "Manifeste :" : "Manifest:", (dir / d.manifest_file).string().c_str());
  return d.rows.empty() ? 1 : 0;
}

int run_donations_cli(int argc, char** argv) {
  if (argc == 1 && std::strcmp(argv[0], "schema") == 0) {   // what a generator or an engine needs to know
    std::printf("%s\n", donation_schema_json().c_str());
    return 0;
  }
  if (argc < 2) return donate_usage();
  const std::string cmd = argv[0];
  const std::filesystem::path dir = argv[1];
  bool fr = true, json_out = false;
  std::string out;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--json") json_out = true;
    else if (a == "--lang" && i + 1 < argc) fr = std::strcmp(argv[++i], "en") != 0;
    else if (a == "--out" && i + 1 < argc) out = argv[++i];
    else return donate_usage();
  }
  if ((cmd != "validate" && cmd != "merge") || (cmd == "merge" && out.empty())) return donate_usage();
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    std::fprintf(stderr, "%s %s\n", fr ? "Dossier introuvable :" : "No such folder:", dir.string().c_str());
    return 2;
  }
  std::FILE* sink = nullptr;
  std::vector<char> sink_buf(1 << 20);
  if (cmd == "merge") {
    sink = std::fopen(out.c_str(), "wb");
    if (!sink) {
      std::fprintf(stderr, "%s %s\n", fr ? "Écriture impossible :" : "Cannot write:", out.c_str());
      return 1;
    }
    std::setvbuf(sink, sink_buf.data(), _IOFBF, sink_buf.size());
  }
  int64_t valid = 0, rejected = 0, duplicates = 0, rows = 0, records = 0;
  std::set<std::string> seen;
  json rejections = json::array();
  each_donation(dir, [&](const Found& d, const std::string& data) {
    if (!d.check.ok) {
      ++rejected;
      json reasons = json::array();
      for (const DonationReason& r : d.check.reasons) reasons.push_back({{"code", r.code}, {"fr", r.fr}, {"en", r.en}});
      if (json_out) rejections.push_back({{"file", d.manifest}, {"reasons", reasons}});
      else
        for (const DonationReason& r : d.check.reasons)
          std::fprintf(cmd == "merge" ? stderr : stdout, "%s %s : %s [%s]\n", fr ? "REJETÉ" : "REJECTED", d.manifest.c_str(),
                       (fr ? r.fr : r.en).c_str(), r.code.c_str());
      return;
    }
    ++valid;
    if (!seen.insert(d.check.sha256).second) {
      ++duplicates;
      return;
    }
    rows += d.check.rows;
    if (sink)
      donation_rows_ndjson(data, std::string_view(d.check.sha256).substr(0, 16), [&](std::string_view line) {
        std::fwrite(line.data(), 1, line.size(), sink);
        const size_t r = line.rfind("\"records\":");
        records += std::atoll(std::string(line.substr(r + 10)).c_str());
      });
  });
  if (sink && std::fclose(sink) != 0) {
    std::fprintf(stderr, "%s %s\n", fr ? "Écriture impossible :" : "Cannot write:", out.c_str());
    return 1;
  }
  if (json_out) {
    json j = {{"valid", valid}, {"rejected", rejected}, {"duplicates", duplicates}, {"rows", rows}, {"rejections", rejections}};
    if (sink) j["records"] = records, j["out"] = out;
    std::printf("%s\n", j.dump(2).c_str());
  } else if (cmd == "validate") {
    std::printf(fr ? "%lld dons valides (%lld doublons), %lld rejetés, %lld lignes.\n" : "%lld valid donations (%lld duplicates), %lld rejected, %lld rows.\n",
                (long long)valid, (long long)duplicates, (long long)rejected, (long long)rows);
  } else {
    std::printf(fr ? "%lld dons fusionnés (%lld doublons ignorés, %lld rejetés) : %lld lignes, %lld enregistrements -> %s\n"
                   : "%lld donations merged (%lld duplicates skipped, %lld rejected): %lld rows, %lld records -> %s\n",
                (long long)(valid - duplicates), (long long)duplicates, (long long)rejected, (long long)rows, (long long)records, out.c_str());
  }
  return cmd == "validate" && rejected > 0 ? 1 : 0;
}

}  // namespace sdw::challenge
