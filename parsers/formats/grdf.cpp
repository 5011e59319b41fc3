// GRDF daily gas CSV ("Mes consommations" on the GRDF customer space) -> energy_readings.
//
//   metadata lines       "Consommations quotidiennes", "PCE;21546000000000" or "N° PCE : GI012345", address,
//                        period: kept as table meta; the PCE becomes meter_id
//   header (full)        Date de relevé;Index de début (m3);Index de fin (m3);Volume consommé (m3);
//                        Coefficient de conversion (kWh/m3);Énergie consommée (kWh);Type de relevé
//   header (short)       Date;Consommation (m3);Consommation (kWh)
//
// Columns are found by role (accents, case and mojibake folded): a name with "kWh" is the energy (unless it
// is the conversion coefficient), one with "m3" or "volume" the volume. One row is one local day
// (Europe/Paris): ts_start/ts_end are its midnights in UTC, so a DST day spans 23 or 25 hours. kWh: the
// energy column, else volume × coefficient; m3: the volume column, else end index − start index. GRDF's
// "journée gazière" runs 06:00–06:00; the row is attributed to the calendar day it is dated with.
#include "parsers/formats/grdf.h"

#include <cmath>

#include "parsers/core/domain_table.h"
#include "parsers/core/domains.h"

namespace sdw {

namespace {

enum Role : int { r_date, r_index_start, r_index_end, r_volume, r_coef, r_kwh, r_type, r_count };

int role_of(const std::string& n) {
  const auto has = [&](const char* s) { return n.find(s) != std::string::npos; };
  if (starts_with(n, "coefficient") || starts_with(n, "coef")) return r_coef;
  if (starts_with(n, "index de debut") || starts_with(n, "index debut")) return r_index_start;
  if (starts_with(n, "index de fin") || starts_with(n, "index fin")) return r_index_end;
  if (has("kwh")) return r_kwh;
  if (has("m3") || has("m\xC2\xB3") || starts_with(n, "volume")) return r_volume;
  if (starts_with(n, "date") || n == "jour" || starts_with(n, "journee")) return r_date;
  if (starts_with(n, "type de releve") || starts_with(n, "qualite") || starts_with(n, "statut")) return r_type;
  return -1;
}

struct Layout {
  int col[r_count];
  bool ok = false;
  Layout() { for (int& c : col) c = -1; }
};

Layout layout_of(const std::vector<std::string>& folded) {
  Layout l;
  for (size_t i = 0; i < folded.size(); ++i) {
    const int r = role_of(folded[i]);
    if (r >= 0 && l.col[r] < 0) l.col[r] = int(i);
  }
  l.ok = l.col[r_date] >= 0 && (l.col[r_kwh] >= 0 || l.col[r_volume] >= 0);
  return l;
}

// "PCE;GI012345", "N° PCE : 21546000000000", "Point de comptage et d'estimation (PCE);…" -> the identifier
bool pce_of(std::span<const std::string_view> f, const std::string& folded0, std::string& out) {
  if (folded0.find("pce") == std::string::npos && folded0.find("point de comptage") == std::string::npos) return false;
  const std::string_view first = trim(f[0]);
  const size_t colon = first.rfind(':');
  if (colon != std::string_view::npos && !trim(first.substr(colon + 1)).empty()) {
    out = std::string(trim(first.substr(colon + 1)));
    return true;
  }
  for (size_t i = 1; i < f.size(); ++i)
    if (!trim(f[i]).empty()) {
      out = std::string(trim(f[i]));
      return true;
    }
  return false;
}

}  // namespace

int grdf_detect(std::string_view head, std::string_view file_name) {
  const std::string text = head_text(head);
  if (text.empty()) return 0;
  const std::string folded = fold_name(std::string_view(text).substr(0, 4096));
  const bool grdf_text = folded.find("grdf") != std::string::npos || folded.find("pce") != std::string::npos;
  for (char d : {';', ',', '\t'})
    for (const auto& l : folded_lines(text, d, 30)) {
      if (l.size() < 2 || !layout_of(l).ok) continue;
      // gas is measured in m3: a date column plus an m3 column (volume, index, coefficient), or a kWh
      // column under GRDF metadata; an electricity export says "horodate" and never m3
      bool m3 = false;
      for (const std::string& n : l) m3 = m3 || n.find("m3") != std::string::npos;
      if (m3 || grdf_text) return 90;
    }
  return 0;
}

namespace {

enum Col : size_t { c_ts_start, c_ts_end, c_interval, c_kwh, c_power, c_energy, c_meter, c_kind, c_source, c_m3,
                    c_coef, c_index_start, c_index_end, c_reading };

class GrdfParser final : public CsvDomainParser {
 public:
  explicit GrdfParser(const ParseOptions& o) : CsvDomainParser(o) {
    m_table = make_domain_table(domain::k_energy_readings,
                                {{"ts_start", ColumnType::Timestamp}, {"ts_end", ColumnType::Timestamp},
                                 {"interval_s", ColumnType::Float64}, {"kwh", ColumnType::Float64},
                                 {"power_w", ColumnType::Float64}, {"energy", ColumnType::String},
                                 {"meter_id", ColumnType::String}, {"kind", ColumnType::String},
                                 {"source", ColumnType::String}, {"m3", ColumnType::Float64},
                                 {"conversion_kwh_m3", ColumnType::Float64}, {"index_start_m3", ColumnType::Float64},
                                 {"index_end_m3", ColumnType::Float64}, {"reading_type", ColumnType::String}});
    m_w = RowWriter(m_table);
  }

  uint64_t rows_so_far() const override { return m_w.rows(); }

  void on_record(std::span<const std::string_view> f, uint64_t off, uint64_t line) override {
    if (!m_header) {
      std::vector<std::string> folded;
      for (std::string_view s : f) folded.push_back(fold_name(s));
      Layout l = layout_of(folded);
      if (l.ok && f.size() >= 2) {
        m_header = true;
        m_layout = l;
        return;
      }
      metadata(f, folded);
      return;
    }
    row(f, off, line);
  }

 private:
  void metadata(std::span<const std::string_view> f, const std::vector<std::string>& folded) {
    size_t last = f.size();
    while (last > 0 && trim(f[last - 1]).empty()) --last;
    if (last == 0) return;
    std::string joined;
    for (size_t i = 0; i < last; ++i) {
      if (i) joined += ';';
      joined += std::string(trim(f[i]));
    }
    m_table.meta.emplace_back("preamble_" + num_str(++m_preamble), joined);
    if (m_pce.empty()) pce_of(f, folded[0], m_pce);
  }

  std::string_view cell(std::span<const std::string_view> f, int role) const {
    const int c = m_layout.col[role];
    return c >= 0 && size_t(c) < f.size() ? trim(f[size_t(c)]) : std::string_view();
  }

  double number(std::span<const std::string_view> f, int role) const {
    double v;
    return parse_amount(cell(f, role), v) ? v : NAN;
  }

  void row(std::span<const std::string_view> f, uint64_t off, uint64_t line) {
    const uint64_t record = m_records++;
    const std::string_view d = cell(f, r_date);
    int32_t day;
    if (!parse_date(d, day)) {
      DateTime dt;
      if (!parse_datetime(d, m_zone, dt, true)) {  // totals, notes at the end
        if (m_skipped++ == 0) { m_skip_line = line; m_skip_off = off; }
        return;
      }
      day = local_date_of(dt.utc_us, m_zone);
    }
    int64_t start, end;
    local_day_bounds(day, m_zone, start, end);
    const double i0 = number(f, r_index_start), i1 = number(f, r_index_end), coef = number(f, r_coef);
    double m3 = number(f, r_volume), kwh = number(f, r_kwh);
    if (std::isnan(m3) && !std::isnan(i0) && !std::isnan(i1) && i1 >= i0) m3 = i1 - i0;
    if (std::isnan(kwh) && !std::isnan(m3) && !std::isnan(coef)) kwh = m3 * coef;
    if (std::isnan(kwh) && m_missing++ == 0) m_missing_line = line;
    m_w.ts(c_ts_start, start);
    m_w.ts(c_ts_end, end);
    m_w.f64(c_interval, double(end - start) / 1e6);
    m_w.f64(c_kwh, kwh);
    m_w.str(c_energy, "gas");
    if (!m_pce.empty()) m_w.str(c_meter, m_pce);
    m_w.str(c_kind, "daily");
    m_w.str(c_source, "grdf");
    m_w.f64(c_m3, m3);
    m_w.f64(c_coef, coef);
    m_w.f64(c_index_start, i0);
    m_w.f64(c_index_end, i1);
    if (!cell(f, r_type).empty()) m_w.str(c_reading, cell(f, r_type));
    m_w.end_row(m_prov, record);
  }

  void end_of_input() override {
    if (!m_header)
      diag.warn(make_message("grdf.no_header",
                             "En-tête « Date de relevé;…;Volume consommé (m3);…;Énergie consommée (kWh) » introuvable : aucun relevé lu",
                             "No \"Date de relevé;…;Volume consommé (m3);…;Énergie consommée (kWh)\" header found: no reading read"));
    info_skipped_rows(diag, "grdf.skipped_rows", m_skipped, m_skip_line, m_skip_off, "sans date lisible ignorée(s) (totaux, notes)",
                      "without a readable date skipped (totals, notes)");
    if (m_missing) {
      Message m = make_message("grdf.missing_values",
                               num_str(m_missing) + " journée(s) sans énergie (gardée(s), kWh vide), première ligne " + num_str(m_missing_line),
                               num_str(m_missing) + " day(s) without energy (kept, kWh empty), first at line " + num_str(m_missing_line));
      m.info = true;
      diag.warn(std::move(m));
    }
    m_table.meta.emplace_back("kind", "daily");
    if (!m_pce.empty()) m_table.meta.emplace_back("pce", m_pce);
    tables.push_back(std::move(m_table));
  }

  Table m_table;
  RowWriter m_w;
  bool m_header = false;
  Layout m_layout;
  std::string m_pce;
  uint64_t m_records = 0, m_preamble = 0, m_skipped = 0, m_skip_line = 0, m_skip_off = 0, m_missing = 0, m_missing_line = 0;
};

}  // namespace

std::unique_ptr<Parser> grdf_create(const ParseOptions& opts) { return std::make_unique<GrdfParser>(opts); }

}  // namespace sdw
