// `workbench challenge energy` options of the "save money" part (tariff comparison, solar simulation, context) and
// what they add to each electricity item of the JSON / text output. Header-only, included by tools/cli.cpp.
// Options: --tariffs --kva N --current base|hphc|tempo --hc-hours (shared with the energy tariff) --tempo-calendar FILE (repeatable;
//   a calendar among the FILEs counts too: both go through challenges/tariffs.h merge_tempo_calendars, as in the page)
//   --tariff-table FILE --pv-kwc K --pv-tilt D --pv-azimuth D --lat L --lon L --battery-kwh B --pv-cost EUR_PER_KWC
//   --home-occupants N --home-m2 N --heating electric|gas|other
#pragma once
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "challenges/energy_save.h"

namespace sdw::challenge {

struct EnergySaveCli {
  bool tariffs = false, solar = false;
  TariffOptions tariff;
  std::vector<std::string> tempo_files;
  std::string table_file;
  SolarOptions pv;
  HouseholdProfile home;
};

// Consumes argv[i] (and its value) when it is one of the options above: 1 taken, 0 not ours, -1 bad value.
inline int parse_energy_save_arg(int& i, int argc, char** argv, EnergySaveCli& o) {
  const std::string a = argv[i];
  auto value = [&](double& v) -> int {
    if (i + 1 >= argc) return -1;
    char* end = nullptr;
    v = std::strtod(argv[++i], &end);
    return end && *end == 0 && std::isfinite(v) ? 1 : -1;
  };
  double v = 0;
  if (a == "--tariffs") { o.tariffs = true; return 1; }
  if (a == "--kva") { if (value(v) < 0 || v < 3 || v > 36) return -1; o.tariff.kva = int(v); o.tariffs = true; return 1; }
  if (a == "--current") {
    if (i + 1 >= argc) return -1;
    o.tariff.current = argv[++i];
    return o.tariff.current == "base" || o.tariff.current == "hphc" || o.tariff.current == "tempo" ? 1 : -1;
  }
  if (a == "--tempo-calendar" || a == "--tariff-table") {
    if (i + 1 >= argc) return -1;
    if (a == "--tempo-calendar") o.tempo_files.push_back(argv[++i]);
    else o.table_file = argv[++i];
    o.tariffs = true;
    return 1;
  }
  if (a == "--pv-kwc") { if (value(v) < 0 || v <= 0 || v > 36) return -1; o.pv.pv.kwc = v; o.solar = true; return 1; }
  if (a == "--pv-tilt") { if (value(v) < 0 || v < 0 || v > 90) return -1; o.pv.pv.tilt_deg = v; return 1; }
  if (a == "--pv-azimuth") { if (value(v) < 0 || v < -180 || v > 180) return -1; o.pv.pv.azimuth_deg = v; return 1; }
  if (a == "--lat") { if (value(v) < 0 || v < -90 || v > 90) return -1; o.pv.pv.lat = v; return 1; }
  if (a == "--lon") { if (value(v) < 0 || v < -180 || v > 180) return -1; o.pv.pv.lon = v; return 1; }
  if (a == "--battery-kwh") { if (value(v) < 0 || v < 0 || v > 100) return -1; o.pv.battery_kwh = v; return 1; }
  if (a == "--pv-cost") { if (value(v) < 0 || v < 0) return -1; o.pv.install_eur_per_kwc = v; o.pv.install_cost_given = true; return 1; }
  if (a == "--home-occupants") { if (value(v) < 0 || v < 1 || v > 20) return -1; o.home.occupants = int(v); return 1; }
  if (a == "--home-m2") { if (value(v) < 0 || v <= 0) return -1; o.home.surface_m2 = v; return 1; }
  if (a == "--heating") {
    if (i + 1 >= argc) return -1;
    o.home.heating = argv[++i];
    return o.home.heating == "electric" || o.home.heating == "gas" || o.home.heating == "other" ? 1 : -1;
  }
  return 0;
}

inline bool read_text_file(const std::string& path, std::string& out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  out = ss.str();
  return true;
}

// Adds "tariffs", "tariff_summary", "solar" and "context" to one electricity item; prints them unless json_only.
// Returns false when a file given by the user cannot be read (message on stderr).
inline bool add_energy_savings(nlohmann::json& item, const EnergyView& v, double total_kwh, int64_t days, EnergySaveCli o,
                               bool fr, bool json_only, const std::vector<Table>& tables = {}) {
  if (!o.tariffs && !o.solar) return true;
  TariffTable table;
  const TariffTable* tt = &shipped_tariffs();
  if (!o.table_file.empty()) {
    std::string text;
    if (!read_text_file(o.table_file, text)) {
      std::fprintf(stderr, "%s %s\n", fr ? "Fichier de tarifs illisible :" : "Unreadable tariff file:", o.table_file.c_str());
      return false;
    }
    table = parse_tariff_table(text);
    for (const Message& m : table.diag.warnings)
      std::fprintf(stderr, "%s:%llu: %s\n", o.table_file.c_str(), (unsigned long long)m.where.line, (fr ? m.fr : m.en).c_str());
    tt = &table;
  }
  // Tempo calendars: the ones among the files, then each --tempo-calendar FILE (named as the page names a dropped file)
  std::vector<const Table*> tempo_tables;
  for (const Table& t : tables)
    if (t.domain == "tempo_days") tempo_tables.push_back(&t);
  std::vector<TempoFile> calendars = tempo_files_of(tempo_tables);
  for (const std::string& path : o.tempo_files) {
    std::string text;
    if (!read_text_file(path, text)) {
      std::fprintf(stderr, "%s %s\n", fr ? "Calendrier Tempo illisible :" : "Unreadable Tempo calendar:", path.c_str());
      return false;
    }
    const std::string name = std::filesystem::path(path).filename().string();
    TempoCalendar given = parse_tempo_calendar(text, name);
    for (const Message& m : given.diag.warnings)
      std::fprintf(stderr, "%s:%llu: %s\n", path.c_str(), (unsigned long long)m.where.line, (fr ? m.fr : m.en).c_str());
    if (given.diag.failed)
      std::fprintf(stderr, "%s: %s\n", path.c_str(), (fr ? given.diag.error.fr : given.diag.error.en).c_str());
    calendars.push_back(TempoFile{name, std::move(given)});
  }
  const TempoCalendar cal = merge_tempo_calendars(shipped_tempo_calendar(), std::move(calendars));
  o.tariff.offpeak_hours = o.tariff.offpeak_hours.empty() ? TariffOptions{}.offpeak_hours : o.tariff.offpeak_hours;
  const TariffComparison cmp = compare_tariffs(v, o.tariff, *tt, cal);
  if (o.tariffs) {
    item["tariffs"] = to_json(cmp);
    item["tariff_summary"] = tariff_summary_json(cmp);
    item["best"] = cmp.best.empty() ? nlohmann::json(nullptr) : nlohmann::json(cmp.best);
    item["saving_eur_per_year"] = std::isnan(cmp.saving_eur_per_year) ? nlohmann::json(nullptr) : nlohmann::json(std::round(cmp.saving_eur_per_year * 100) / 100);
    item["context"] = to_json(energy_context(total_kwh, days, o.home));
    if (!json_only) {
      std::printf("%s (%d kVA, %s → %s)\n", fr ? "Tarifs EDF réglementés comparés" : "EDF regulated tariffs compared", cmp.kva,
                  cmp.days ? day_key(cmp.first_day).c_str() : "-", cmp.days ? day_key(cmp.last_day).c_str() : "-");
      for (const TariffCost& t : cmp.tariffs)
        if (t.available)
          std::printf("  %-6s %10.2f € (%10.2f €/%s)  HP %9.1f kWh  HC %9.1f kWh%s\n", t.id.c_str(), t.cost_eur, t.cost_eur_per_year,
                      fr ? "an" : "yr", t.kwh_hp, t.kwh_hc, t.id == cmp.best ? (fr ? "  ← le moins cher" : "  ← cheapest") : "");
        else
          std::printf("  %-6s %s\n", t.id.c_str(), fr ? "indisponible pour cette puissance" : "not available for this power");
      for (const Message& m : cmp.notes) std::printf("  * %s\n", (fr ? m.fr : m.en).c_str());
    }
  }
  if (o.solar) {
    const TariffCost* cur = nullptr;
    for (const TariffCost& t : cmp.tariffs)
      if (t.id == o.tariff.current) cur = &t;
    if (cur && cur->kwh_total > 0) o.pv.price_eur_kwh = cur->energy_eur / cur->kwh_total;  // mean price of a kWh today
    const SolarResult s = simulate_solar(v, o.pv);
    item["solar"] = to_json(s);
    if (!json_only) {
      std::printf("%s %.1f kWc : %.0f kWh %s, %.0f %% %s, %.0f %% %s, %.0f €/%s, %s %.1f %s\n", fr ? "Solaire" : "Solar", s.kwc,
                  s.production_kwh, fr ? "produits" : "produced", 100 * s.self_consumption_rate, fr ? "autoconsommés" : "self-consumed",
                  100 * s.self_sufficiency_rate, fr ? "d'autonomie" : "self-sufficiency", s.savings_eur_per_year + s.export_income_eur_per_year,
                  fr ? "an" : "yr", fr ? "retour sur investissement" : "payback", s.payback_years, fr ? "ans" : "years");
      for (const Message& m : s.notes) std::printf("  * %s\n", (fr ? m.fr : m.en).c_str());
    }
  }
  return true;
}

}  // namespace sdw::challenge
