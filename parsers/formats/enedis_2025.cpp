// Enedis 2025 sheets -> energy_readings (same columns, units and conventions as parsers/formats/enedis.cpp).
//
//   kind        sheet (as found in real files)       header                          unit   one row is
//   load_curve  Consommation Horaire                 Début;Fin;Valeur (en kW)        kW     mean power over [Début, Fin)
//   daily       Export Consommation Quotidienne      Date;Valeur (en kWh)            kWh    one local day
//   max_power   Puissance Maximale (inferred)        Date;[Heure;]Valeur (en kVA)    kVA    peak of one local day
//   index       Index (inferred)                     Date;Index (en kWh)             kWh    a meter reading
//
// Load curve: Début and Fin are Paris wall-clock times (text "24/03/2025 00:00:00" or Excel date cells);
// the interval is Fin − Début on the wall clock (30 or 60 min), kWh = kW × interval. Autumn's repeated hour
// comes twice in chronological order (SeriesClock gives +02:00 then +01:00). Spring-forward slots that do not
// exist (02:00, 02:30) are written 'NA' by Enedis: they are skipped and counted. Other 'NA' values are kept
// as rows without kWh, like parsers/formats/enedis.cpp does.
#include "parsers/formats/enedis_2025.h"

#include <cmath>

#include "parsers/core/domain_table.h"
#include "parsers/core/domains.h"

namespace sdw {

namespace {

enum class Kind { Unknown, LoadCurve, Daily, Index, MaxPower };

const char* kind_id(Kind k) {
  switch (k) {
    case Kind::LoadCurve: return "load_curve";
    case Kind::Daily: return "daily";
    case Kind::Index: return "index";
    case Kind::MaxPower: return "max_power";
    default: return "unknown";
  }
}

// Unit written in a header cell "Valeur (en kW)" -> "kw"; "" when none.
std::string unit_of(const std::string& folded) {
  const size_t p = folded.find("(en ");
  if (p == std::string::npos) return "";
  const size_t e = folded.find(')', p);
  return folded.substr(p + 4, e == std::string::npos ? std::string::npos : e - p - 4);
}

bool is_value_header(const std::string& h) { return starts_with(h, "valeur") || starts_with(h, "index"); }

// What a header line announces (Unknown: not a header).
Kind header_kind(const std::vector<std::string>& l, Kind preamble_kind) {
  bool debut = false, fin = false, date = false, value = false, index = false;
  std::string unit;
  for (const std::string& h : l) {
    if (h == "debut") debut = true;
    else if (h == "fin") fin = true;
    else if (h == "date") date = true;
    else if (is_value_header(h) && h.find("(en ") != std::string::npos) {
      value = true;
      index |= starts_with(h, "index");
      unit = unit_of(h);
    }
  }
  if (!value) return Kind::Unknown;
  if (debut && fin && (unit == "kw" || unit == "w" || unit == "kwh" || unit == "wh")) return Kind::LoadCurve;
  if (!date) return Kind::Unknown;
  if (index || preamble_kind == Kind::Index) return Kind::Index;
  if (unit == "kva" || unit == "va" || preamble_kind == Kind::MaxPower) return Kind::MaxPower;
  if (unit == "kwh" || unit == "wh") return Kind::Daily;
  return Kind::Unknown;
}

Kind kind_of_label(std::string_view folded) {
  if (folded.find("horaire") != std::string_view::npos || folded.find("courbe") != std::string_view::npos) return Kind::LoadCurve;
  if (folded.find("puissance") != std::string_view::npos) return Kind::MaxPower;
  if (folded.find("index") != std::string_view::npos) return Kind::Index;
  if (folded.find("quotidien") != std::string_view::npos) return Kind::Daily;
  return Kind::Unknown;
}

bool is_prm_label(const std::string& f) {
  return starts_with(f, "point reference mesure") || starts_with(f, "identifiant prm") || f == "prm" || starts_with(f, "prm :") ||
         starts_with(f, "numero prm");
}

}  // namespace

int enedis_2025_detect(std::string_view head, std::string_view) {
  const std::string text = head_text(head);
  if (text.empty()) return 0;
  for (char delim : {';', ','}) {
    const auto lines = folded_lines(text, delim, 60);
    bool prm = false;
    for (const auto& l : lines) {
      for (const std::string& f : l) prm |= is_prm_label(f);
      const Kind k = header_kind(l, Kind::Unknown);
      if (k == Kind::LoadCurve) return 93;
      if (k != Kind::Unknown && prm) return 93;
      if (k == Kind::Daily || k == Kind::MaxPower) return 80;  // "Date;Valeur (en kWh)" without the preamble
    }
  }
  return 0;
}

namespace {

enum Col : size_t {
  c_ts_start, c_ts_end, c_interval, c_kwh, c_power, c_energy, c_meter, c_kind, c_source,
  c_value, c_unit, c_index, c_ts_peak, c_reading,
};

class Enedis2025Parser final : public CsvDomainParser {
 public:
  explicit Enedis2025Parser(const ParseOptions& o) : CsvDomainParser(o) {
    tables.push_back(make_domain_table(domain::k_energy_readings,
                                       {{"ts_start", ColumnType::Timestamp}, {"ts_end", ColumnType::Timestamp},
                                        {"interval_s", ColumnType::Float64}, {"kwh", ColumnType::Float64},
                                        {"power_w", ColumnType::Float64}, {"energy", ColumnType::String},
                                        {"meter_id", ColumnType::String}, {"kind", ColumnType::String},
                                        {"source", ColumnType::String}, {"value", ColumnType::Float64},
                                        {"unit", ColumnType::String}, {"index_wh", ColumnType::Float64},
                                        {"ts_peak", ColumnType::Timestamp}, {"reading_type", ColumnType::String}}));
    m_w = RowWriter(tables.back());
  }

  uint64_t rows_so_far() const override { return m_w.rows(); }
  bool streams_rows() const override { return m_kind != Kind::Unknown && !m_ended; }

  void on_record(std::span<const std::string_view> f, uint64_t off, uint64_t line) override {
    if (m_kind == Kind::Unknown) {
      preamble(f, line);
      return;
    }
    data_row(f, off, line);
  }

 private:
  void preamble(std::span<const std::string_view> f, uint64_t line) {
    std::vector<std::string> folded;
    for (std::string_view s : f) folded.push_back(fold_name(s));
    // "Point Référence Mesure (PRM) : ;09876543210987;Type de comptage : ;Consommation Horaire"
    for (size_t i = 0; i < folded.size(); ++i) {
      auto next_value = [&]() -> std::string_view {
        for (size_t j = i + 1; j < f.size(); ++j)
          if (!trim(f[j]).empty()) return trim(f[j]);
        return {};
      };
      if (is_prm_label(folded[i]) && m_meter.empty()) {
        std::string_view v = next_value();
        std::string digits;
        for (char c : v) if (c >= '0' && c <= '9') digits.push_back(c);
        if (digits.size() >= 10) m_meter = digits;
        if (!v.empty()) tables.front().meta.emplace_back("prm", std::string(v));
      } else if (starts_with(folded[i], "type de comptage") || starts_with(folded[i], "type de donnees")) {
        std::string_view v = next_value();
        m_preamble_kind = kind_of_label(fold_name(v));
        if (!v.empty()) tables.front().meta.emplace_back("type", std::string(v));
      }
    }
    const Kind k = header_kind(folded, m_preamble_kind);
    if (k == Kind::Unknown) return;
    m_kind = k;
    m_header_line = line;
    for (size_t i = 0; i < folded.size(); ++i) {
      const std::string& h = folded[i];
      if (h == "debut" || h == "date") m_c_start = int(i);
      else if (h == "fin") m_c_end = int(i);
      else if (h == "heure") m_c_time = int(i);
      else if (is_value_header(h) && h.find("(en ") != std::string::npos) {
        m_c_value = int(i);
        m_unit_folded = unit_of(h);
        m_unit = std::string(trim(f[i]));
        const size_t p = m_unit.find("(en ");
        if (p != std::string::npos) m_unit = m_unit.substr(p + 4, m_unit.find(')', p) - p - 4);
      }
    }
  }

  std::string_view cell(std::span<const std::string_view> f, int c) const {
    return c >= 0 && size_t(c) < f.size() ? trim(f[size_t(c)]) : std::string_view();
  }

  void skipped(uint64_t line, uint64_t off, std::string_view what) {
    if (!m_skipped++) { m_skip_line = line; m_skip_off = off; m_skip_what = std::string(what.substr(0, 40)); }
  }

  void data_row(std::span<const std::string_view> f, uint64_t off, uint64_t line) {
    const uint64_t record = m_records++;
    std::string_view start = cell(f, m_c_start);
    if (start.empty()) return;  // a blank or trailing line of the block
    DateTime dt;
    if (!parse_datetime(start, m_zone, dt, true)) { skipped(line, off, start); return; }
    std::string_view raw = cell(f, m_c_value);
    double v = NAN;
    const bool has_value = !raw.empty() && !is_null_token(raw) && parse_float(raw, v);
    if (m_kind == Kind::LoadCurve) {
      // interval on the wall clock: Fin − Début read as if both were UTC
      DateTime a, b;
      double interval = m_last_interval;
      if (parse_datetime(start, LocalZone::Utc, a, true) && parse_datetime(cell(f, m_c_end), LocalZone::Utc, b, true)) {
        const double d = double(b.utc_us - a.utc_us) / 1e6;
        if (d > 0 && d <= 86400) interval = d;
      }
      if (dt.kind == LocalKind::Gap) {  // 02:00 / 02:30 on the spring-forward night: no such time
        if (!has_value) { ++m_gap_slots; return; }
      }
      const int64_t us = m_clock.resolve(dt);
      m_last_interval = interval;
      m_w.ts(c_ts_start, us, dt.local_offset());
      m_w.ts(c_ts_end, us + int64_t(interval * 1e6), dt.local_offset());
      m_w.f64(c_interval, interval);
      if (has_value) {
        const bool energy = m_unit_folded == "kwh" || m_unit_folded == "wh";
        const double scale = (m_unit_folded == "kw" || m_unit_folded == "kwh") ? 1000 : 1;
        if (energy) {
          m_w.f64(c_kwh, v * scale / 1000.0);
          m_w.f64(c_power, v * scale * 3600.0 / interval);
        } else {
          m_w.f64(c_power, v * scale);
          m_w.f64(c_kwh, v * scale * interval / 3600.0 / 1000.0);
        }
      } else {
        ++m_missing;
      }
      common(v);
      m_w.end_row(m_prov, record);
      return;
    }
    if (m_kind == Kind::Index) {
      Reading r{m_clock.resolve(dt), dt.local_offset(), v, record};
      if (m_has_prev) emit_index(m_prev, &r);
      m_prev = r;
      m_has_prev = true;
      return;
    }
    int64_t day_start, day_end;
    local_day_bounds(local_date_of(dt.utc_us, m_zone), m_zone, day_start, day_end);
    m_w.ts(c_ts_start, day_start);
    m_w.ts(c_ts_end, day_end);
    m_w.f64(c_interval, double(day_end - day_start) / 1e6);
    const double scale = (m_unit_folded == "kwh" || m_unit_folded == "kva" || m_unit_folded == "kw") ? 1000 : 1;
    if (!has_value) ++m_missing;
    else if (m_kind == Kind::MaxPower) m_w.f64(c_power, v * scale);
    else m_w.f64(c_kwh, v * scale / 1000.0);
    if (m_kind == Kind::MaxPower) {
      std::string_view t = cell(f, m_c_time);
      DateTime peak;
      if (!t.empty() && parse_datetime(std::string(start) + " " + std::string(t), m_zone, peak, false))
        m_w.ts(c_ts_peak, peak.utc_us, peak.local_offset());
    }
    common(v);
    m_w.end_row(m_prov, record);
  }

  struct Reading {
    int64_t us = 0;
    int16_t off = k_unknown_offset;
    double value = NAN;
    uint64_t record = 0;
  };

  void emit_index(const Reading& r, const Reading* next) {
    const double scale = m_unit_folded == "kwh" ? 1000 : 1;
    m_w.ts(c_ts_start, r.us, r.off);
    m_w.f64(c_index, r.value * scale);
    if (next) {
      m_w.ts(c_ts_end, next->us, next->off);
      m_w.f64(c_interval, double(next->us - r.us) / 1e6);
      const double d = (next->value - r.value) * scale;
      if (d >= 0) m_w.f64(c_kwh, d / 1000.0);
      else if (!std::isnan(d)) ++m_negative;
    }
    common(r.value);
    m_w.end_row(m_prov, r.record);
  }

  void common(double v) {
    m_w.str(c_energy, "electricity");
    if (!m_meter.empty()) m_w.str(c_meter, m_meter);
    m_w.str(c_kind, kind_id(m_kind));
    m_w.str(c_source, "enedis");
    m_w.f64(c_value, v);
    m_w.str(c_unit, m_unit);
  }

  void end_of_input() override {
    if (m_has_prev) emit_index(m_prev, nullptr);
    Table& t = tables.front();
    if (m_kind == Kind::Unknown)
      diag.warn(make_message("enedis_2025.no_header", "En-tête « Début;Fin;Valeur (en kW) » ou « Date;Valeur (en kWh) » introuvable : aucune mesure lue",
                             "No \"Début;Fin;Valeur (en kW)\" or \"Date;Valeur (en kWh)\" header found: no reading read"));
    if (m_kind != Kind::Unknown && m_meter.empty())
      diag.warn(make_message("enedis_2025.no_prm", "Numéro de PRM introuvable dans l'en-tête du fichier : compteur inconnu (les semaines ne pourront pas être rapprochées)",
                             "PRM number not found in the file's preamble: meter unknown (weekly files cannot be matched)"));
    info_skipped_rows(diag, "enedis_2025.skipped_rows", m_skipped, m_skip_line, m_skip_off,
                      "ignorée(s) : date illisible (« " + m_skip_what + " »)", "skipped: unreadable date (\"" + m_skip_what + "\")");
    if (m_gap_slots) {
      Message m = make_message("enedis_2025.dst_gap_slots",
                               num_str(m_gap_slots) + " créneau(x) « NA » du passage à l'heure d'été (heure inexistante) ignoré(s)",
                               num_str(m_gap_slots) + " \"NA\" slot(s) of the spring-forward night (a time that does not exist) skipped");
      m.info = true;
      diag.warn(std::move(m));
    }
    if (m_missing) {
      Message m = make_message("enedis_2025.missing_values", num_str(m_missing) + " mesure(s) sans valeur (NA) gardée(s), kWh vide",
                               num_str(m_missing) + " reading(s) without a value (NA) kept, kWh empty");
      m.info = true;
      diag.warn(std::move(m));
    }
    if (m_negative)
      diag.warn(make_message("enedis_2025.index_decrease", num_str(m_negative) + " index en baisse (compteur changé ?) : kWh laissé vide",
                             num_str(m_negative) + " decreasing index reading(s) (meter replaced?): kWh left empty"));
    if (m_clock.gaps)
      diag.warn(make_message("time.dst_gap", num_str(m_clock.gaps) + " heure(s) locale(s) inexistante(s) (passage à l'heure d'été)",
                             num_str(m_clock.gaps) + " local time(s) that do not exist (spring-forward gap)"));
    t.meta.emplace_back("kind", kind_id(m_kind));
    if (m_kind == Kind::LoadCurve) {
      t.meta.emplace_back("step_s", format_double(m_last_interval));
      t.meta.emplace_back("horodate", "start of interval (Début)");
    }
    m_ended = true;
  }

  RowWriter m_w;
  bool m_ended = false;
  Kind m_kind = Kind::Unknown, m_preamble_kind = Kind::Unknown;
  std::string m_meter, m_unit, m_unit_folded, m_skip_what;
  int m_c_start = -1, m_c_end = -1, m_c_value = -1, m_c_time = -1;
  uint64_t m_header_line = 0, m_records = 0, m_skipped = 0, m_skip_line = 0, m_skip_off = 0;
  uint64_t m_gap_slots = 0, m_missing = 0, m_negative = 0;
  double m_last_interval = 1800;
  SeriesClock m_clock;
  Reading m_prev;
  bool m_has_prev = false;
};

}  // namespace

std::unique_ptr<Parser> enedis_2025_create(const ParseOptions& opts) { return std::make_unique<Enedis2025Parser>(opts); }

}  // namespace sdw
