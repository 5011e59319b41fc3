// Enedis / Linky CSV exports ("Télécharger mes données" on the Enedis customer space) -> energy_readings.
//
//   kind        "Type de donnees"                 columns                               unit   one row is
//   load_curve  Courbe de charge                  Horodate;Valeur                       W      mean power over a step
//   daily       Consommation quotidienne          Horodate;Valeur                       Wh     one local day
//   index       Index                             Horodate;Type de releve;EAS F1…;EAS T Wh     a meter reading
//   max_power   Puissance maximale quotidienne    Horodate;Valeur                       VA     peak of one local day
//
// Load curve: the Horodate is the END of the interval (Enedis convention: the value at 00:30 is the mean
// power from 00:00 to 00:30); the step comes from "Pas en minutes" or from the first two rows. kWh =
// W × step_s / 3600 / 1000. Daily rows span the local day (23 h or 25 h on DST days). Index rows carry the
// energy up to the next reading (EAS T difference, Wh -> kWh); the last reading has no kWh. Without a
// preamble, "Horodate;Valeur" at steps under a day is a load curve in W, daily steps are Wh per day.
#include "parsers/formats/enedis.h"

#include <cmath>

#include "parsers/core/arrow_ipc.h"
#include "parsers/core/domain_table.h"
#include "parsers/core/domains.h"

namespace sdw {

int enedis_detect(std::string_view head, std::string_view file_name) {
  const std::string text = head_text(head);
  if (text.empty()) return 0;
  const auto lines = folded_lines(text, ';', 12);
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    if (l.size() >= 2 && l[0] == "identifiant prm" && l[1] == "type de donnees") return 90;
    // without the preamble: the first line is exactly "Horodate;Valeur"
    size_t n = l.size();
    while (n > 0 && l[n - 1].empty()) --n;
    if (i == 0 && n == 2 && l[0] == "horodate" && l[1] == "valeur") return 85;
  }
  return 0;
}

namespace {

enum Col : size_t {
  c_ts_start, c_ts_end, c_interval, c_kwh, c_power, c_energy, c_meter, c_kind, c_source,
  c_value, c_unit, c_index, c_ts_peak, c_reading,
};

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

struct Reading {
  int64_t us = 0;
  int16_t off = k_unknown_offset;
  bool date_only = false;
  double value = NAN;   // Valeur, or EAS T for index
  std::string reading_type;
  uint64_t record = 0;
};

class EnedisParser final : public CsvDomainParser {
 public:
  explicit EnedisParser(const ParseOptions& o) : CsvDomainParser(o) {
    // The table lives in `tables` from the start and only grows: rows written are final, so the caller
    // may take them in batches while the file streams (a year of 10-minute readings is 52 560 rows;
    // a multi-year export held whole would cost ~200 bytes a row in the worker).
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

  uint64_t rows_so_far() const override { return m_w.rows() + m_lean_rows; }
  bool streams_rows() const override { return m_header && !m_ended; }

  void on_record(std::span<const std::string_view> f, uint64_t off, uint64_t line) override {
    if (!m_header) {
      std::vector<std::string> folded;
      for (std::string_view s : f) folded.push_back(fold_name(s));
      if (!m_meta_keys.empty()) {  // the values line under "Identifiant PRM;Type de donnees;…"
        for (size_t i = 0; i < m_meta_keys.size() && i < f.size(); ++i) {
          tab().meta.emplace_back(m_meta_keys[i], std::string(trim(f[i])));
          meta_value(fold_name(m_meta_keys[i]), trim(f[i]));
        }
        m_meta_keys.clear();
        return;
      }
      if (folded.size() >= 2 && folded[0] == "identifiant prm") {
        for (std::string_view s : f) m_meta_keys.emplace_back(trim(s));
        return;
      }
      if (!folded.empty() && folded[0] == "horodate") {
        header(folded);
        return;
      }
      tab().meta.emplace_back("preamble_" + num_str(tab().meta.size() + 1), std::string(f.empty() ? "" : f[0]));
      return;
    }
    data_row(f, off, line);
  }

 private:
  void meta_value(const std::string& key, std::string_view v) {
    const std::string fv = fold_name(v);
    if (key == "identifiant prm") m_meter = std::string(v);
    else if (key == "type de donnees") {
      if (fv.find("courbe") != std::string::npos) m_kind = Kind::LoadCurve;
      else if (fv.find("index") != std::string::npos) m_kind = Kind::Index;
      else if (fv.find("puissance") != std::string::npos) m_kind = Kind::MaxPower;
      else if (fv.find("quotidien") != std::string::npos || fv.find("journal") != std::string::npos)
        m_kind = Kind::Daily;
    } else if (key == "unite") {
      m_unit = std::string(v);
      const std::string u = fold_name(m_unit);
      m_scale = u == "kw" || u == "kwh" || u == "kva" ? 1000 : 1;
    } else if (key == "pas en minutes" || key == "pas") {
      double m;
      if (parse_float(fv, m) && m > 0 && m <= 1440) m_step_s = m * 60;
    }
  }

  void header(const std::vector<std::string>& h) {
    m_header = true;
    for (size_t i = 0; i < h.size(); ++i) {
      if (h[i] == "valeur") m_c_value = int(i);
      else if (h[i] == "eas t") m_c_total = int(i);
      else if (h[i] == "type de releve") m_c_type = int(i);
      else if (starts_with(h[i], "eas f")) m_c_f.push_back(int(i));
    }
    if (m_c_total >= 0 || !m_c_f.empty()) m_kind = Kind::Index;
    if (m_kind == Kind::Index && m_unit.empty()) m_unit = "Wh";
  }

  void bad_row(uint64_t line, uint64_t off, std::string_view what) {
    const char* code = "enedis.bad_row";
    if (diag.at_cap(code)) { diag.suppress(code); return; }
    diag.warn(make_message(code,
                           "Ligne " + num_str(line) + " ignorée : horodate illisible « " + std::string(what.substr(0, 40)) + " »",
                           "Line " + num_str(line) + " skipped: unreadable timestamp \"" + std::string(what.substr(0, 40)) + "\"",
                           off, line));
  }

  void data_row(std::span<const std::string_view> f, uint64_t off, uint64_t line) {
    const uint64_t record = m_records++;
    if (f.empty()) return;
    DateTime dt;
    if (!parse_datetime(trim(f[0]), m_zone, dt, true)) { bad_row(line, off, f[0]); return; }
    Reading r;
    r.us = m_clock.resolve(dt);
    r.off = dt.local_offset();
    r.date_only = dt.date_only;
    r.record = record;
    double v;
    if (m_kind == Kind::Index) {
      if (m_c_total >= 0 && size_t(m_c_total) < f.size() && parse_float(trim(f[size_t(m_c_total)]), v)) r.value = v;
      else if (m_c_total < 0) {  // no EAS T column: the sum of the supplier classes
        double s = 0;
        bool any = false;
        for (int c : m_c_f)
          if (size_t(c) < f.size() && parse_float(trim(f[size_t(c)]), v)) { s += v; any = true; }
        if (any) r.value = s;
      }
      if (m_c_type >= 0 && size_t(m_c_type) < f.size()) r.reading_type = std::string(trim(f[size_t(m_c_type)]));
    } else {
      const size_t c = m_c_value >= 0 ? size_t(m_c_value) : 1;
      if (c < f.size() && parse_float(trim(f[c]), v)) r.value = v;
      else ++m_missing;
    }
    if (m_kind == Kind::Index) {
      if (m_has_prev) emit_index(m_prev, &r);
      m_prev = std::move(r);
      m_has_prev = true;
      return;
    }
    if (m_step_s <= 0 || m_kind == Kind::Unknown) {
      m_pending.push_back(std::move(r));
      if (m_pending.size() >= 2) decide_step();
      return;
    }
    emit(r);
  }

  // The step (and the kind, without a preamble) from the first two readings.
  void decide_step() {
    double diff = m_pending.size() >= 2 ? double(m_pending[1].us - m_pending[0].us) / 1e6 : 0;
    if (m_kind == Kind::Unknown) m_kind = diff >= 82800 ? Kind::Daily : Kind::LoadCurve;
    if (m_kind == Kind::LoadCurve && m_step_s <= 0) {
      m_step_s = (diff == 600 || diff == 900 || diff == 1800 || diff == 3600) ? diff : 1800;
      if (diff != m_step_s) {
        Message m = make_message("enedis.step_assumed", "Pas de la courbe de charge inconnu : 30 minutes supposées",
                                 "Load curve step unknown: 30 minutes assumed");
        m.info = true;
        diag.warn(std::move(m));
      }
    }
    if (m_step_s <= 0) m_step_s = 86400;  // daily kinds: the day itself gives the interval
    for (const Reading& r : m_pending) emit(r);
    m_pending.clear();
  }

  // factor to W / VA (power) or Wh (energy) for the unit written in the preamble (kW, kWh, kVA: 1000)
  double scale(bool) const { return m_scale; }

  void common(const Reading& r) {
    m_w.str(c_energy, "electricity");
    if (!m_meter.empty()) m_w.str(c_meter, m_meter);
    m_w.str(c_kind, kind_id(m_kind));
    m_w.str(c_source, "enedis");
    m_w.f64(c_value, r.value);
    m_w.str(c_unit, m_unit.empty() ? default_unit() : m_unit);
  }

  const char* default_unit() const {
    switch (m_kind) {
      case Kind::LoadCurve: return "W";
      case Kind::MaxPower: return "VA";
      default: return "Wh";
    }
  }

  // Shipping hints (parsers/core/arrow_ipc.h): on a load curve ts_end, kwh and value follow from ts_start and
  // power_w, so the page computes them instead of receiving them. In the parse worker (lean tables, a plain
  // file) the rows of a load curve do not even hold them: only ts_start, power_w and _record are written, and
  // every other column is a constant, a formula or null for the page to restore.
  void declare_derived() {
    m_derived = true;
    if (m_kind != Kind::LoadCurve) return;
    auto& d = tab().derived;
    d.push_back({"ts_end", "ts_start", Derived::Op::Add, int64_t(m_step_s * 1e6)});
    d.push_back({"kwh", "power_w", Derived::Op::Scale, 0, m_step_s, 3600.0, 1000.0});
    if (scale(false) == 1) d.push_back({"value", "power_w", Derived::Op::Same});
    if (!m_opts.lean_tables || m_opts.nesting != 0 || m_w.rows() != 0) return;
    m_lean = true;
    auto lit = [&](const char* col, std::string sql) {
      Derived x;
      x.column = col;
      x.op = Derived::Op::Literal;
      x.sql = std::move(sql);
      d.push_back(std::move(x));
    };
    auto null = [&](const char* col) {
      Derived x;
      x.column = col;
      x.op = Derived::Op::Null;
      d.push_back(std::move(x));
    };
    lit("interval_s", "CAST('" + format_double(m_step_s) + "' AS DOUBLE)");
    lit("energy", "'electricity'");
    if (m_meter.empty()) null("meter_id");
    else lit("meter_id", sql_string_literal(m_meter));
    lit("kind", "'load_curve'");
    lit("source", "'enedis'");
    lit("unit", sql_string_literal(m_unit.empty() ? default_unit() : m_unit));
    null("index_wh");
    null("ts_peak");
    null("reading_type");
    lit("_file", sql_string_literal(m_prov.file));
    lit("_entry", sql_string_literal(m_prov.entry));
  }

  // A load-curve row of a lean table: the three columns that vary (and value when the unit is scaled).
  void emit_lean(const Reading& r) {
    auto& c = tab().columns;
    const int64_t step_us = int64_t(m_step_s * 1e6);
    c[c_ts_start].append_timestamp(r.us - step_us, r.off);
    const double w = r.value * m_scale;
    if (std::isnan(w)) c[c_power].append_null();
    else c[c_power].append_double(w);
    if (m_scale != 1) {
      if (std::isnan(r.value)) c[c_value].append_null();
      else c[c_value].append_double(r.value);
    }
    c.back().append_int(int64_t(r.record));   // _record
    ++m_lean_rows;
  }

  void emit(const Reading& r) {
    if (!m_derived) declare_derived();
    if (m_lean) { emit_lean(r); return; }
    if (m_kind == Kind::LoadCurve) {
      const int64_t step_us = int64_t(m_step_s * 1e6);
      m_w.ts(c_ts_start, r.us - step_us, r.off);
      m_w.ts(c_ts_end, r.us, r.off);
      m_w.f64(c_interval, m_step_s);
      const double w = r.value * scale(false);
      m_w.f64(c_power, w);
      m_w.f64(c_kwh, w * m_step_s / 3600.0 / 1000.0);
    } else {
      int64_t start, end;
      local_day_bounds(local_date_of(r.us, m_zone), m_zone, start, end);
      m_w.ts(c_ts_start, start);
      m_w.ts(c_ts_end, end);
      m_w.f64(c_interval, double(end - start) / 1e6);
      if (m_kind == Kind::MaxPower) {
        m_w.f64(c_power, r.value * scale(false));
        if (!r.date_only) m_w.ts(c_ts_peak, r.us, r.off);
      } else {
        m_w.f64(c_kwh, r.value * scale(true) / 1000.0);
      }
    }
    common(r);
    m_w.end_row(m_prov, r.record);
  }

  void emit_index(const Reading& r, const Reading* next) {
    m_w.ts(c_ts_start, r.us, r.off);
    m_w.f64(c_index, r.value * scale(true));
    if (!r.reading_type.empty()) m_w.str(c_reading, r.reading_type);
    if (next) {
      m_w.ts(c_ts_end, next->us, next->off);
      m_w.f64(c_interval, double(next->us - r.us) / 1e6);
      const double d = (next->value - r.value) * scale(true);
      if (d >= 0) m_w.f64(c_kwh, d / 1000.0);
      else if (!std::isnan(d)) {
        ++m_negative;
        if (m_negative == 1) m_negative_record = r.record;
      }
    }
    common(r);
    m_w.end_row(m_prov, r.record);
  }

  void end_of_input() override {
    if (!m_pending.empty()) decide_step();
    if (m_has_prev) emit_index(m_prev, nullptr);
    if (!m_header)
      diag.warn(make_message("enedis.no_header", "Ligne d'en-tête « Horodate;… » introuvable : aucune mesure lue",
                             "No \"Horodate;…\" header line found: no reading read"));
    if (m_missing) {
      Message m = make_message("enedis.missing_values", num_str(m_missing) + " mesure(s) sans valeur (gardées, kWh vide)",
                               num_str(m_missing) + " reading(s) without a value (kept, kWh empty)");
      m.info = true;
      diag.warn(std::move(m));
    }
    if (m_negative)
      diag.warn(make_message("enedis.index_decrease",
                             num_str(m_negative) + " index en baisse (compteur changé ?) : kWh laissé vide, premier à la mesure " +
                                 num_str(m_negative_record),
                             num_str(m_negative) + " decreasing index reading(s) (meter replaced?): kWh left empty, first at reading " +
                                 num_str(m_negative_record)));
    if (m_clock.gaps)
      diag.warn(make_message("time.dst_gap", num_str(m_clock.gaps) + " heure(s) locale(s) inexistante(s) (passage à l'heure d'été)",
                             num_str(m_clock.gaps) + " local time(s) that do not exist (spring-forward gap)"));
    tab().meta.emplace_back("kind", kind_id(m_kind));
    if (m_kind == Kind::LoadCurve) {
      tab().meta.emplace_back("step_s", format_double(m_step_s));
      tab().meta.emplace_back("horodate", "end of interval");
    }
    m_ended = true;
  }

  Table& tab() { return tables.front(); }   // the one table (never moved: `tables` does not grow)
  RowWriter m_w;
  bool m_ended = false, m_derived = false;
  bool m_lean = false;         // load curve in a lean table (parse worker): see declare_derived()
  uint64_t m_lean_rows = 0;
  std::vector<std::string> m_meta_keys;
  bool m_header = false;
  Kind m_kind = Kind::Unknown;
  std::string m_unit, m_meter;
  double m_step_s = 0;
  double m_scale = 1;   // of m_unit, folded once (not per row)
  int m_c_value = -1, m_c_total = -1, m_c_type = -1;
  std::vector<int> m_c_f;
  uint64_t m_records = 0, m_missing = 0, m_negative = 0, m_negative_record = 0;
  SeriesClock m_clock;
  std::vector<Reading> m_pending;
  Reading m_prev;
  bool m_has_prev = false;
};

}  // namespace

std::unique_ptr<Parser> enedis_create(const ParseOptions& opts) { return std::make_unique<EnedisParser>(opts); }

}  // namespace sdw
