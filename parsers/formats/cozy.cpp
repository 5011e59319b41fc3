// Cozy Cloud doctype files -> domain tables. The doctype comes from the file or entry name
// ("…/io.cozy.bank.operations.json"), else from each document's fields. Documents are the elements of a
// root array, of {"docs": […]} / {"data": […]}, of CouchDB's {"rows": [{"doc": …}]}, or the root object;
// or of the arrays of a file keyed by doctype, as cozy-banks' fixtures and demo data are written
// ({"io.cozy.bank.operations": […], "io.cozy.bills": […], "io.cozy.bank.accounts": […], "io.cozy.files": […]}):
// each array's key is its documents' doctype; doctypes read here are read, the others counted by name.
// Currency: as given ("EUR"; cozy-banks' fixtures write "€", read as EUR); absent: EUR, said in a note.
//
//   io.cozy.bank.operations     date (ISO instant -> local day), label, amount (signed), currency,
//                               manualCategoryId / cozyCategoryId / automaticCategoryId, account -> transactions
//   io.cozy.bills               vendor, type ("health_costs"), subtype, amount (always positive), isRefund,
//                               originalAmount, originalDate, beneficiary -> health_records when the bill is a
//                               health one (type health_costs or a health vendor: Ameli, mutuelles), else
//                               transactions (money out unless isRefund)
//   io.cozy.timeseries.geojson  startDate, endDate, source, series: GeoJSON of CoachCO2 trips. Every Feature
//                               inside: LineString sections -> trips (manual_mode, else sensed_mode
//                               "PredictedModeTypes.CAR"; distance, duration, start_fmt_time/end_fmt_time or the
//                               timestamps array in ms) and their vertices -> location_points when the timestamps
//                               match them one to one; Point features with a time (timestamp, enter_fmt_time…)
//                               -> location_points
//
// Cozy stores instants in UTC ("2024-01-04T23:00:00.000Z" is 5 January in Paris): dates are the Paris local
// day of the instant. Memory: the scalar members of one document, the open features and the vertices of
// the section being read (capped).
#include "parsers/formats/cozy.h"

#include <array>
#include <cmath>
#include <cstring>

#include "parsers/core/domain_table.h"
#include "parsers/core/domains.h"
#include "parsers/formats/google/google.h"
#include "parsers/formats/gpx.h"
#include "parsers/readers/json.h"
#include "parsers/readers/json_reader.h"

namespace sdw {

namespace {

enum class Doctype : uint8_t { Unknown, Operations, Bills, Timeseries };

Doctype doctype_of_name(std::string_view name) {
  if (name.find("io.cozy.bank.operations") != std::string_view::npos) return Doctype::Operations;
  if (name.find("io.cozy.bills") != std::string_view::npos) return Doctype::Bills;
  if (name.find("io.cozy.timeseries.geojson") != std::string_view::npos) return Doctype::Timeseries;
  return Doctype::Unknown;
}

const char* doctype_id(Doctype d) {
  switch (d) {
    case Doctype::Operations: return "io.cozy.bank.operations";
    case Doctype::Bills: return "io.cozy.bills";
    case Doctype::Timeseries: return "io.cozy.timeseries.geojson";
    default: return "";
  }
}

// Cozy / CoachCO2 / e-mission mode names -> our ids (parsers/core/domains.h)
const char* cozy_mode(std::string_view raw) {
  raw = trim(raw);
  const size_t dot = raw.rfind('.');  // "PredictedModeTypes.CAR", "MotionTypes.BICYCLING"
  if (dot != std::string_view::npos) raw.remove_prefix(dot + 1);
  std::string up(raw.substr(0, 40));
  for (char& c : up) {
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
    if (c == ' ' || c == '-') c = '_';
  }
  static const struct { const char* raw; const char* id; } k_extra[] = {
      {"CAR", "car"}, {"CARPOOL", "car"}, {"CAR_DRIVER", "car"}, {"CAR_PASSENGER", "car"}, {"BIKE", "bike"},
      {"BICYCLE", "bike"}, {"BICYCLING", "bike"}, {"EBIKE", "bike"}, {"E_BIKE", "bike"}, {"BUS", "bus"},
      {"TRAIN", "train"}, {"SUBWAY", "metro"}, {"METRO", "metro"}, {"TRAM", "tram"}, {"AIR_OR_HSR", "plane"},
      {"AIR", "plane"}, {"PLANE", "plane"}, {"FERRY", "boat"}, {"BOAT", "boat"}, {"MOTO", "motorbike"},
      {"MOTORBIKE", "motorbike"}, {"SCOOTER", "motorbike"}, {"WALK", "walk"}, {"RUN", "run"},
  };
  for (const auto& m : k_extra)
    if (up == m.raw) return m.id;
  const char* g = google_mode(up);
  if (!g || !*g || std::strcmp(g, "still") == 0) return "other";
  return g;
}

bool health_vendor(std::string_view v) {
  const std::string f = fold_name(v);
  for (const char* h : {"ameli", "cpam", "assurance maladie", "harmonie", "mgen", "malakoff", "alan", "axa sante", "mutuelle",
                        "swisslife", "april", "maaf sante", "macif sante", "mnh", "mgefi", "apivia", "almerys", "viamedis"})
    if (f.find(h) != std::string::npos) return true;
  return false;
}

// A scalar member of a document.
struct Field {
  std::string key, text;
  JsonKind kind = JsonKind::Null;
  double num = NAN;
  bool boolean = false;
};

constexpr size_t k_max_fields = 96, k_max_text = 2048, k_max_vertices = 200000;

// An object being read inside a timeseries "series": a Feature candidate, its geometry or its properties.
enum class Role : uint8_t { Object, Geometry, Properties };
struct Frame {
  uint32_t depth;
  Role role;
  size_t owner;  // Geometry / Properties: index of the Object frame they belong to
};
struct Feature {
  std::string geom_type;
  std::vector<std::pair<std::string, std::string>> props;  // selected scalar properties
  std::vector<double> timestamps;
  std::vector<std::array<double, 2>> vertices;  // lon, lat
  uint64_t offset = 0, line = 0;
  bool cut = false;
  const std::string* prop(std::string_view k) const {
    for (const auto& [key, v] : props)
      if (key == k) return &v;
    return nullptr;
  }
};

bool wanted_prop(std::string_view k) {
  for (const char* w : {"timestamp", "manual_mode", "sensed_mode", "mode", "distance", "duration", "start_fmt_time",
                        "end_fmt_time", "enter_fmt_time", "exit_fmt_time", "start_ts", "end_ts", "feature_type", "ts"})
    if (k == w) return true;
  return false;
}

}  // namespace

int cozy_detect(std::string_view head, std::string_view file_name) {
  const std::string_view h = json_head_start(head);
  if (h.empty() || (h[0] != '[' && h[0] != '{')) return 0;
  if (doctype_of_name(file_name) != Doctype::Unknown) return 92;
  if (h[0] == '{') {  // keyed by doctype: {"io.cozy.files": […], "io.cozy.bank.operations": […]}
    const size_t q = h.find('"');
    if (q != std::string_view::npos && h.substr(q + 1, 8) == "io.cozy." && h.find_first_not_of(" \t\r\n", 1) == q) return 92;
  }
  const std::string_view s = h.substr(0, 8192);
  const auto has = [&](const char* k) { return s.find(k) != std::string_view::npos; };
  // a CouchDB document alone (_id, _rev) could be anything: Cozy's own metadata says it is Cozy's
  if (!has("\"_id\"") || !(has("\"cozyMetadata\"") || has("\"io.cozy."))) return 0;
  if (has("\"series\"") || has("\"vendor\"") || (has("\"label\"") && has("\"amount\""))) return 88;
  return 0;
}

namespace {

enum TxCol : size_t { tx_date, tx_label, tx_amount, tx_currency, tx_category, tx_account, tx_balance, tx_source,
                      tx_value_date, tx_detail, tx_doc_id };
enum HrCol : size_t { hr_date, hr_label, hr_provider, hr_paid, hr_reimbursed, hr_source, hr_beneficiary,
                      hr_payment_date, hr_doc_id };
enum PtCol : size_t { pt_ts, pt_lat, pt_lon, pt_accuracy, pt_altitude, pt_velocity, pt_source, pt_activity };
enum TrCol : size_t { tr_ts_start, tr_ts_end, tr_duration, tr_distance, tr_mode, tr_mode_raw, tr_mode_inferred,
                      tr_start_lat, tr_start_lon, tr_end_lat, tr_end_lon, tr_n_points, tr_source };

class CozyParser final : public Parser, public JsonHandler {
 public:
  explicit CozyParser(const ParseOptions& o)
      : m_prov(provenance_of(o)), m_reader(JsonReaderOptions{}, &diag), m_name_doctype(doctype_of_name(o.file_name)) {
    m_zone = zone_of_options(o, diag);
    m_tx = make_domain_table(domain::k_transactions,
                             {{"date", ColumnType::Date}, {"label", ColumnType::String}, {"amount", ColumnType::Float64},
                              {"currency", ColumnType::String}, {"category", ColumnType::String},
                              {"account", ColumnType::String}, {"balance", ColumnType::Float64},
                              {"source", ColumnType::String}, {"value_date", ColumnType::Date},
                              {"detail", ColumnType::String}, {"doc_id", ColumnType::String}});
    m_hr = make_domain_table(domain::k_health_records,
                             {{"date", ColumnType::Date}, {"label", ColumnType::String}, {"provider", ColumnType::String},
                              {"amount_paid", ColumnType::Float64}, {"amount_reimbursed", ColumnType::Float64},
                              {"source", ColumnType::String}, {"beneficiary", ColumnType::String},
                              {"payment_date", ColumnType::Date}, {"doc_id", ColumnType::String}});
    m_pt = make_domain_table(domain::k_location_points,
                             {{"ts", ColumnType::Timestamp}, {"lat", ColumnType::Float64}, {"lon", ColumnType::Float64},
                              {"accuracy_m", ColumnType::Float64}, {"altitude_m", ColumnType::Float64},
                              {"velocity_m_s", ColumnType::Float64}, {"source", ColumnType::String},
                              {"activity", ColumnType::String}});
    m_tr = make_domain_table(domain::k_trips,
                             {{"ts_start", ColumnType::Timestamp}, {"ts_end", ColumnType::Timestamp},
                              {"duration_s", ColumnType::Float64}, {"distance_m", ColumnType::Float64},
                              {"mode", ColumnType::String}, {"mode_raw", ColumnType::String},
                              {"mode_inferred", ColumnType::Bool}, {"start_lat", ColumnType::Float64},
                              {"start_lon", ColumnType::Float64}, {"end_lat", ColumnType::Float64},
                              {"end_lon", ColumnType::Float64}, {"n_points", ColumnType::Int64},
                              {"source", ColumnType::String}});
    m_txw = RowWriter(m_tx);
    m_hrw = RowWriter(m_hr);
    m_ptw = RowWriter(m_pt);
    m_trw = RowWriter(m_tr);
  }

  uint64_t rows_so_far() const override { return m_txw.rows() + m_hrw.rows() + m_ptw.rows() + m_trw.rows(); }
  const char* encoding() const override { return "utf-8"; }

  void feed(std::span<const uint8_t> chunk) override {
    if (m_done) return;
    m_reader.feed(std::string_view(reinterpret_cast<const char*>(chunk.data()), chunk.size()), *this);
    if (m_reader.failed()) fail();
  }

  void finish() override {
    if (m_done) return;
    m_reader.finish(*this);
    if (m_reader.failed()) { fail(); return; }
    m_done = true;
    if (m_skipped) {
      Message m = make_message("cozy.skipped_docs",
                               num_str(m_skipped) + " document(s) ou tronçon(s) sans date lisible ignoré(s), premier à la ligne " +
                                   num_str(m_skip_line) + " (octet " + num_str(m_skip_off) + ")",
                               num_str(m_skipped) + " document(s) or section(s) without a readable date skipped, first at line " +
                                   num_str(m_skip_line) + " (byte " + num_str(m_skip_off) + ")",
                               m_skip_off, m_skip_line);
      m.info = true;
      diag.warn(std::move(m));
    }
    if (m_assumed_currency) {
      Message m = make_message("cozy.currency_assumed",
                               num_str(m_assumed_currency) + " opération(s) sans devise : comptée(s) en euros (EUR)",
                               num_str(m_assumed_currency) + " transaction(s) without a currency: counted in euros (EUR)");
      m.info = true;
      diag.warn(std::move(m));
    }
    if (m_unknown) {
      std::string names;
      for (const auto& [k, n] : m_other_doctypes) names += (names.empty() ? " (" : ", ") + k + " : " + num_str(n);
      if (!names.empty()) names += ")";
      Message m = make_message("cozy.unknown_docs", num_str(m_unknown) + " document(s) d'un autre type ignoré(s)" + names,
                               num_str(m_unknown) + " document(s) of another doctype skipped" + names);
      m.info = true;
      diag.warn(std::move(m));
    }
    if (m_cut)
      diag.warn(make_message("cozy.vertices_cut",
                             num_str(m_cut) + " tronçon(s) de plus de " + num_str(k_max_vertices) + " points : points suivants ignorés",
                             num_str(m_cut) + " section(s) over " + num_str(k_max_vertices) + " points: further points skipped"));
    for (Table* t : {&m_tx, &m_hr, &m_pt, &m_tr}) {
      if (t->rows() == 0) continue;
      t->meta.emplace_back("doctype", m_keyed ? "keyed by doctype" : doctype_id(m_name_doctype));
      t->meta.emplace_back("documents", num_str(m_docs));
      tables.push_back(std::move(*t));
    }
    if (tables.empty()) {
      diag.warn(make_message("cozy.empty", "Aucun document Cozy lisible (opérations, factures, trajets) dans ce fichier",
                             "No readable Cozy document (operations, bills, trips) in this file"));
      tables.push_back(std::move(m_name_doctype == Doctype::Timeseries ? m_tr
                                 : m_name_doctype == Doctype::Bills    ? m_hr
                                                                       : m_tx));
    }
    for (Table& t : tables) t.finalize();
  }

  // [SECTION] JSON events

  void on_event(const JsonEvent& e, JsonReader& r) override {
    const uint32_t d = e.depth;
    if (d == 0) {
      if (e.kind == JsonKind::BeginArray) m_root_array = true;
      else if (e.kind == JsonKind::BeginObject) start_doc(e);  // the root itself, unless it turns out to wrap docs
      else if (e.kind == JsonKind::EndObject && m_doc_open) end_doc();
      return;
    }
    if (!m_root_array && d == 1 && e.kind == JsonKind::BeginArray) {
      const std::string_view k = r.key_at(0);
      const bool doctype_key = starts_with(k, "io.cozy.");
      if (k == "docs" || k == "rows" || k == "data" || k == "items" || doctype_key || m_keyed) {
        m_wrapper = k == "rows" ? 2 : 1;
        m_doc_open = false;
        m_frames.clear();
        m_features.clear();
        if (doctype_key || m_keyed) {  // {"io.cozy.bank.operations": […], "io.cozy.bills": […]}
          m_keyed = true;
          m_key_doctype = doctype_of_name(k);
          m_key_name.assign(k.substr(0, 64));
        }
        return;
      }
    }
    if (!m_doc_open) {
      if (e.kind != JsonKind::BeginObject) return;
      if ((m_root_array && d == 1) || (m_wrapper == 1 && d == 2 && !r.is_object(1)) ||
          (m_wrapper == 2 && d == 3 && r.is_object(2) && r.key_at(2) == "doc"))
        start_doc(e);
      return;
    }
    const uint32_t D = m_doc_depth;
    if (e.kind == JsonKind::EndObject && d == D) {
      end_doc();
      return;
    }
    if (d == D + 1 && r.is_object(D)) member(e, r.key_at(D));
    if (d >= D + 1 && r.key_at(D) == "series") walk(e, r);
  }

 private:
  void fail() {
    diag.fail(m_reader.error());
    tables.clear();
    m_done = true;
  }

  // [SECTION] documents

  void start_doc(const JsonEvent& e) {
    m_doc_open = true;
    m_doc_depth = e.depth;
    m_doc_off = e.offset;
    m_doc_line = e.line;
    m_fields.clear();
    m_has_series = m_has_meta = false;
    m_in_coords = false;
    m_frames.clear();
    m_features.clear();
  }

  void member(const JsonEvent& e, std::string_view key) {
    if (e.kind == JsonKind::BeginArray && key == "series") m_has_series = true;
    if (e.kind == JsonKind::BeginObject && key == "cozyMetadata") m_has_meta = true;
    if (e.kind == JsonKind::BeginObject || e.kind == JsonKind::BeginArray || e.kind == JsonKind::EndObject ||
        e.kind == JsonKind::EndArray || e.kind == JsonKind::Key || m_fields.size() >= k_max_fields)
      return;
    Field& f = m_fields.emplace_back();
    f.key.assign(key.substr(0, 64));
    f.kind = e.kind;
    f.text.assign(e.text.substr(0, k_max_text));
    f.num = e.kind == JsonKind::Number ? e.f64 : NAN;
    f.boolean = e.boolean;
  }

  const Field* field(std::string_view k) const {
    for (auto it = m_fields.rbegin(); it != m_fields.rend(); ++it)
      if (it->key == k) return &*it;
    return nullptr;
  }
  std::string_view text(std::string_view k) const {
    const Field* f = field(k);
    return f && f->kind == JsonKind::String ? trim(f->text) : std::string_view();
  }
  double number(std::string_view k) const {
    const Field* f = field(k);
    if (!f) return NAN;
    if (f->kind == JsonKind::Number) return f->num;
    double v;
    if (f->kind == JsonKind::String && parse_amount(f->text, v)) return v;
    return NAN;
  }
  bool flag(std::string_view k) const {
    const Field* f = field(k);
    return f && f->kind == JsonKind::Bool && f->boolean;
  }
  // "2024-01-04T23:00:00.000Z" -> the local day of that instant; "2024-01-05" as written
  bool day(std::string_view k, int32_t& out) const {
    const std::string_view s = text(k);
    if (s.empty()) return false;
    if (parse_date(s, out)) return true;
    DateTime dt;
    if (!parse_datetime(s, m_zone, dt, true)) return false;
    out = local_date_of(dt.utc_us, m_zone);
    return true;
  }

  void skip_doc() {
    if (m_skipped++ == 0) { m_skip_line = m_doc_line; m_skip_off = m_doc_off; }
  }

  void end_doc() {
    m_doc_open = false;
    m_in_coords = false;
    m_frames.clear();
    m_features.clear();
    const bool is_doc = m_keyed || field("_id") || m_has_meta || m_has_series || field("amount");
    if (!is_doc) return;
    const uint64_t record = m_docs++;
    Doctype t = m_keyed ? m_key_doctype : m_name_doctype;
    if (m_keyed && t == Doctype::Unknown) {  // an array of another doctype: counted by its name
      ++m_unknown;
      bool found = false;
      for (auto& [k, n] : m_other_doctypes)
        if (k == m_key_name) { ++n; found = true; }
      if (!found && m_other_doctypes.size() < 12) m_other_doctypes.emplace_back(m_key_name, 1);
      return;
    }
    if (t == Doctype::Unknown) {
      if (m_has_series) t = Doctype::Timeseries;
      else if (field("vendor")) t = Doctype::Bills;
      else if (field("label") && field("amount")) t = Doctype::Operations;
    }
    switch (t) {
      case Doctype::Operations: operation(record); break;
      case Doctype::Bills: bill(record); break;
      case Doctype::Timeseries: break;  // its features were written as they streamed by
      default: ++m_unknown; break;
    }
  }

  void str_or_label(RowWriter& w, size_t c, std::string_view s) {
    if (!s.empty()) w.str(c, s);
  }

  void operation(uint64_t record) {
    int32_t d;
    if (!day("date", d)) { skip_doc(); return; }
    m_txw.date(tx_date, d);
    const std::string_view label = !text("label").empty() ? text("label") : text("originalBankLabel");
    str_or_label(m_txw, tx_label, label);
    m_txw.f64(tx_amount, number("amount"));
    currency();
    for (const char* k : {"manualCategoryId", "cozyCategoryId", "automaticCategoryId", "localCategoryId"}) {
      const Field* f = field(k);
      if (!f || f->text.empty() || f->kind == JsonKind::Null) continue;
      m_txw.str(tx_category, f->text);
      break;
    }
    str_or_label(m_txw, tx_account, text("account"));
    m_txw.str(tx_source, "cozy");
    int32_t vd;
    if (day("realisationDate", vd)) m_txw.date(tx_value_date, vd);
    if (!text("originalBankLabel").empty() && text("originalBankLabel") != label) m_txw.str(tx_detail, text("originalBankLabel"));
    str_or_label(m_txw, tx_doc_id, text("_id"));
    m_txw.end_row(m_prov, record);
  }

  // "EUR" as given; "€" (cozy-banks' fixtures) -> EUR; absent -> EUR, counted for a note
  void currency() {
    const std::string_view c = text("currency");
    if (c.empty()) {
      ++m_assumed_currency;
      m_txw.str(tx_currency, "EUR");
    } else {
      m_txw.str(tx_currency, c == "\xE2\x82\xAC" ? std::string_view("EUR") : c);
    }
  }

  void bill(uint64_t record) {
    int32_t d;
    if (!day("date", d)) { skip_doc(); return; }
    const std::string_view vendor = text("vendor"), type = text("type"), subtype = text("subtype");
    const bool refund = flag("isRefund");
    const double amount = number("amount");
    if (type == "health_costs" || type == "health" || health_vendor(vendor)) {
      int32_t care;
      m_hrw.date(hr_date, day("originalDate", care) ? care : d);
      str_or_label(m_hrw, hr_label, subtype);
      str_or_label(m_hrw, hr_provider, vendor);
      if (refund) {
        m_hrw.f64(hr_paid, number("originalAmount"));
        m_hrw.f64(hr_reimbursed, amount);
      } else {
        m_hrw.f64(hr_paid, amount);
      }
      m_hrw.str(hr_source, "cozy");
      str_or_label(m_hrw, hr_beneficiary, text("beneficiary"));
      m_hrw.date(hr_payment_date, d);
      str_or_label(m_hrw, hr_doc_id, text("_id"));
      m_hrw.end_row(m_prov, record);
      return;
    }
    m_txw.date(tx_date, d);
    std::string label(vendor);
    if (!subtype.empty()) label += (label.empty() ? "" : " - ") + std::string(subtype);
    str_or_label(m_txw, tx_label, label);
    if (!std::isnan(amount)) m_txw.f64(tx_amount, refund ? std::fabs(amount) : -std::fabs(amount));
    currency();
    str_or_label(m_txw, tx_category, type);
    m_txw.str(tx_source, "cozy");
    str_or_label(m_txw, tx_doc_id, text("_id"));
    m_txw.end_row(m_prov, record);
  }

  // [SECTION] timeseries features

  void walk(const JsonEvent& e, JsonReader& r) {
    const uint32_t d = e.depth;
    if (m_in_coords) {
      coords(e);
      return;
    }
    Frame* top = m_frames.empty() ? nullptr : &m_frames.back();
    const bool member_of_top = top && d == top->depth + 1 && r.is_object(top->depth);
    const std::string_view key = member_of_top ? r.key_at(top->depth) : std::string_view();
    switch (e.kind) {
      case JsonKind::BeginObject: {
        Role role = Role::Object;
        size_t owner = 0;
        if (member_of_top && top->role == Role::Object && (key == "geometry" || key == "properties")) {
          role = key == "geometry" ? Role::Geometry : Role::Properties;
          owner = m_frames.size() - 1;
        }
        if (role == Role::Object) {
          owner = m_features.size();
          Feature& f = m_features.emplace_back();
          f.offset = e.offset;
          f.line = e.line;
        } else {
          owner = top->owner;
        }
        m_frames.push_back(Frame{d, role, owner});
        return;
      }
      case JsonKind::EndObject:
        if (top && top->depth == d) {
          const Frame f = *top;
          m_frames.pop_back();
          if (f.role == Role::Object) {
            end_feature(m_features.back());
            m_features.pop_back();
          }
        }
        return;
      case JsonKind::BeginArray:
        if (member_of_top && top->role == Role::Geometry && key == "coordinates") {
          m_in_coords = true;
          m_cd = d;
          m_pos_n = 0;
          m_coord_owner = top->owner;
        }
        return;
      case JsonKind::Key:
      case JsonKind::EndArray: return;
      default: break;
    }
    if (!top) return;
    if (member_of_top && top->role == Role::Geometry && key == "type" && e.kind == JsonKind::String) {
      m_features[top->owner].geom_type.assign(e.text.substr(0, 32));
    } else if (member_of_top && top->role == Role::Properties && wanted_prop(key)) {
      auto& props = m_features[top->owner].props;
      if (props.size() < 32) props.emplace_back(std::string(key), std::string(e.text.substr(0, 256)));
    } else if (top->role == Role::Properties && d == top->depth + 2 && !r.is_object(d - 1) && r.is_object(top->depth) &&
               r.key_at(top->depth) == "timestamps" && e.kind == JsonKind::Number) {
      auto& ts = m_features[top->owner].timestamps;  // ms; out-of-range ones are left out (then no points)
      if (ts.size() < k_max_vertices && std::isfinite(e.f64) && std::fabs(e.f64) < 1e15) ts.push_back(e.f64);
    }
  }

  void coords(const JsonEvent& e) {
    switch (e.kind) {
      case JsonKind::BeginArray: m_pos_n = 0; return;
      case JsonKind::Number:
        if (m_pos_n < 2) m_pos[m_pos_n] = e.f64;
        ++m_pos_n;
        return;
      case JsonKind::EndArray: {
        if (m_pos_n >= 2 && m_coord_owner < m_features.size()) {
          Feature& f = m_features[m_coord_owner];
          if (f.vertices.size() < k_max_vertices) f.vertices.push_back({m_pos[0], m_pos[1]});
          else if (!f.cut) { f.cut = true; ++m_cut; }
        }
        m_pos_n = 0;
        if (e.depth == m_cd) m_in_coords = false;
        return;
      }
      default: return;
    }
  }

  // a time property: ISO text (local when without offset), or a number of ms (> 1e11) or s since the epoch
  bool prop_time(const Feature& f, std::string_view k, int64_t& us, int16_t& off) const {
    const std::string* v = f.prop(k);
    if (!v || v->empty()) return false;
    double n;
    if (parse_float(*v, n) && std::isfinite(n) && std::fabs(n) < 1e15) {
      us = int64_t(n > 1e11 ? n * 1000 : n * 1e6);
      off = k_unknown_offset;
      return true;
    }
    DateTime dt;
    if (!parse_datetime(*v, m_zone, dt)) return false;
    us = dt.utc_us;
    off = dt.local_offset();
    return true;
  }

  static bool valid_ll(const std::array<double, 2>& v) {
    return std::isfinite(v[0]) && std::isfinite(v[1]) && std::fabs(v[0]) <= 180 && std::fabs(v[1]) <= 90;
  }

  void point(int64_t us, int16_t off, const std::array<double, 2>& v, std::string_view mode) {
    if (!valid_ll(v)) return;
    m_ptw.ts(pt_ts, us, off);
    m_ptw.f64(pt_lat, v[1]);
    m_ptw.f64(pt_lon, v[0]);
    m_ptw.str(pt_source, "cozy");
    if (!mode.empty()) m_ptw.str(pt_activity, mode);
    m_ptw.end_row(m_prov, m_points++);
  }

  void end_feature(const Feature& f) {
    if (f.geom_type == "Point") {
      if (f.vertices.empty()) return;
      int64_t us;
      int16_t off;
      for (const char* k : {"timestamp", "ts", "enter_fmt_time", "exit_fmt_time", "start_fmt_time"})
        if (prop_time(f, k, us, off)) {
          point(us, off, f.vertices[0], "");
          return;
        }
      return;
    }
    if (f.geom_type != "LineString" && f.geom_type != "MultiLineString") return;
    const std::string* manual = f.prop("manual_mode");
    const std::string* sensed = f.prop("sensed_mode");
    const std::string* plain = f.prop("mode");
    const std::string* raw = manual && !manual->empty() ? manual : sensed && !sensed->empty() ? sensed : plain;
    const char* mode = raw ? cozy_mode(*raw) : "other";
    int64_t start = 0, end = 0;
    int16_t soff = k_unknown_offset, eoff = k_unknown_offset;
    bool has_start = prop_time(f, "start_fmt_time", start, soff) || prop_time(f, "start_ts", start, soff);
    bool has_end = prop_time(f, "end_fmt_time", end, eoff) || prop_time(f, "end_ts", end, eoff);
    if (!has_start && !f.timestamps.empty()) { start = int64_t(f.timestamps.front() * 1000); has_start = true; }
    if (!has_end && !f.timestamps.empty()) { end = int64_t(f.timestamps.back() * 1000); has_end = true; }
    if (!has_start) {
      if (m_skipped++ == 0) { m_skip_line = f.line; m_skip_off = f.offset; }
      return;
    }
    m_trw.ts(tr_ts_start, start, soff);
    if (has_end) m_trw.ts(tr_ts_end, end, eoff);
    double v;
    const std::string* dur = f.prop("duration");
    if (dur && parse_float(*dur, v)) m_trw.f64(tr_duration, v);
    else if (has_end) m_trw.f64(tr_duration, double(end - start) / 1e6);
    const std::string* dist = f.prop("distance");
    if (dist && parse_float(*dist, v)) m_trw.f64(tr_distance, v);
    else if (f.vertices.size() >= 2) {
      double sum = 0;
      for (size_t i = 1; i < f.vertices.size(); ++i)
        if (valid_ll(f.vertices[i - 1]) && valid_ll(f.vertices[i]))
          sum += haversine_m(f.vertices[i - 1][1], f.vertices[i - 1][0], f.vertices[i][1], f.vertices[i][0]);
      m_trw.f64(tr_distance, sum);
    }
    m_trw.str(tr_mode, mode);
    if (raw) m_trw.str(tr_mode_raw, *raw);
    m_trw.boolean(tr_mode_inferred, false);
    if (!f.vertices.empty() && valid_ll(f.vertices.front())) {
      m_trw.f64(tr_start_lat, f.vertices.front()[1]);
      m_trw.f64(tr_start_lon, f.vertices.front()[0]);
    }
    if (!f.vertices.empty() && valid_ll(f.vertices.back())) {
      m_trw.f64(tr_end_lat, f.vertices.back()[1]);
      m_trw.f64(tr_end_lon, f.vertices.back()[0]);
    }
    m_trw.i64(tr_n_points, int64_t(f.vertices.size()));
    m_trw.str(tr_source, "cozy");
    m_trw.end_row(m_prov, m_sections++);
    if (!f.timestamps.empty() && f.timestamps.size() == f.vertices.size())
      for (size_t i = 0; i < f.vertices.size(); ++i) point(int64_t(f.timestamps[i] * 1000), k_unknown_offset, f.vertices[i], mode);
  }

  Provenance m_prov;
  LocalZone m_zone = LocalZone::Paris;
  JsonReader m_reader;
  Doctype m_name_doctype;
  bool m_done = false;
  Table m_tx, m_hr, m_pt, m_tr;
  RowWriter m_txw, m_hrw, m_ptw, m_trw;
  // where documents are
  bool m_root_array = false;
  int m_wrapper = 0;  // 1: {"docs": [doc…]}, 2: {"rows": [{"doc": doc}…]}
  bool m_keyed = false;                  // {"io.cozy.bank.operations": […], …}: the array's key is the doctype
  Doctype m_key_doctype = Doctype::Unknown;
  std::string m_key_name;
  std::vector<std::pair<std::string, uint64_t>> m_other_doctypes;  // skipped arrays: doctype, documents
  uint64_t m_assumed_currency = 0;
  // the document being read
  bool m_doc_open = false, m_has_series = false, m_has_meta = false;
  uint32_t m_doc_depth = 0;
  uint64_t m_doc_off = 0, m_doc_line = 0;
  std::vector<Field> m_fields;
  // features inside its series
  std::vector<Frame> m_frames;
  std::vector<Feature> m_features;
  bool m_in_coords = false;
  uint32_t m_cd = 0;
  size_t m_coord_owner = 0;
  double m_pos[2] = {};
  uint32_t m_pos_n = 0;
  uint64_t m_docs = 0, m_points = 0, m_sections = 0, m_unknown = 0, m_cut = 0, m_skipped = 0, m_skip_line = 0, m_skip_off = 0;
};

}  // namespace

std::unique_ptr<Parser> cozy_create(const ParseOptions& opts) { return std::make_unique<CozyParser>(opts); }

}  // namespace sdw
