// Train-trip history CSV -> trips. Header roles (accents, case folded):
//   date         Date de départ, Date du voyage, Date, Departure date, Travel date
//   time         Heure de départ, Departure time            arrival time: Heure d'arrivée, Arrival time
//   origin       Gare de départ, Départ, Origine, Origin, From, Departure station
//   destination  Gare d'arrivée, Arrivée, Destination, To, Arrival station
//   price        Prix, Prix (€), Montant, Price, Total, Amount   currency: Devise, Currency
//   extras       Transporteur/Carrier, N° de train/Train number, Classe/Class, Référence/Booking reference,
//                Statut/Status, Voyageurs/Passengers
// Local times are Europe/Paris; an arrival earlier than the departure is on the next day. distance_m is the
// great-circle distance between the two stations (not the rail distance) when both are in k_stations.
#include "parsers/formats/trains.h"

#include <cmath>
#include <string>
#include <vector>

#include "parsers/core/domain_table.h"
#include "parsers/core/domains.h"
#include "parsers/formats/gpx.h"

namespace sdw {

// [SECTION] stations

namespace {

// Main French passenger stations. Coordinates are approximate (rounded, ±1 km), transcribed for this project
// from public station locations; the reference dataset is SNCF Open Data "Gares de voyageurs"
// (https://ressources.data.sncf.com/explore/dataset/gares-de-voyageurs/, Licence Ouverte v2.0).
constexpr Station k_stations[] = {
    {"Paris Gare de Lyon", 48.8443, 2.3744},      {"Paris Montparnasse", 48.8412, 2.3207},
    {"Paris Nord", 48.8809, 2.3553},              {"Paris Est", 48.8768, 2.3592},
    {"Paris Saint-Lazare", 48.8763, 2.3253},      {"Paris Austerlitz", 48.8420, 2.3655},
    {"Paris Bercy", 48.8390, 2.3826},             {"Lyon Part-Dieu", 45.7606, 4.8594},
    {"Lyon Perrache", 45.7487, 4.8262},           {"Marseille Saint-Charles", 43.3027, 5.3806},
    {"Lille Flandres", 50.6366, 3.0707},          {"Lille Europe", 50.6393, 3.0757},
    {"Bordeaux Saint-Jean", 44.8256, -0.5564},    {"Nantes", 47.2173, -1.5420},
    {"Rennes", 48.1035, -1.6722},                 {"Strasbourg", 48.5850, 7.7345},
    {"Toulouse Matabiau", 43.6111, 1.4536},       {"Montpellier Saint-Roch", 43.6046, 3.8806},
    {"Nice Ville", 43.7046, 7.2619},              {"La Rochelle Ville", 46.1527, -1.1453},
    {"Poitiers", 46.5823, 0.3333},                {"Tours", 47.3898, 0.6936},
    {"Saint-Pierre-des-Corps", 47.3857, 0.7236},  {"Angers Saint-Laud", 47.4643, -0.5563},
    {"Le Mans", 47.9952, 0.1923},                 {"Grenoble", 45.1913, 5.7146},
    {"Dijon Ville", 47.3233, 5.0273},             {"Avignon TGV", 43.9216, 4.7862},
    {"Aix-en-Provence TGV", 43.4553, 5.3172},     {"Nîmes", 43.8324, 4.3661},
    {"Brest", 48.3880, -4.4795},                  {"Quimper", 47.9949, -4.0919},
    {"Saint-Malo", 48.6470, -2.0072},             {"Rouen Rive Droite", 49.4489, 1.0940},
    {"Caen", 49.1767, -0.3480},                   {"Metz Ville", 49.1098, 6.1772},
    {"Nancy Ville", 48.6897, 6.1743},             {"Reims", 49.2589, 4.0245},
    {"Clermont-Ferrand", 45.7786, 3.1002},        {"Limoges Bénédictins", 45.8360, 1.2677},
    {"Orléans", 47.9079, 1.9046},                 {"Marne-la-Vallée Chessy", 48.8698, 2.7826},
    {"Aéroport Charles de Gaulle 2 TGV", 49.0041, 2.5708}, {"Mulhouse Ville", 47.7420, 7.3427},
    {"Perpignan", 42.6960, 2.8795},               {"Toulon", 43.1284, 5.9294},
    {"Chambéry Challes-les-Eaux", 45.5712, 5.9193}, {"Niort", 46.3176, -0.4522},
    {"Vannes", 47.6646, -2.7519},                 {"Angoulême", 45.6533, 0.1650},
};

// Other spellings seen in exports -> the name above.
constexpr std::pair<const char*, const char*> k_aliases[] = {
    {"paris gare du nord", "Paris Nord"},  {"paris gare de l est", "Paris Est"},
    {"paris gare montparnasse", "Paris Montparnasse"}, {"paris lyon", "Paris Gare de Lyon"},
    {"paris st lazare", "Paris Saint-Lazare"}, {"lille", "Lille Flandres"},
    {"chambery", "Chambéry Challes-les-Eaux"}, {"paris cdg", "Aéroport Charles de Gaulle 2 TGV"},
};

std::string station_key(std::string_view s) {
  std::string f = fold_name(s);
  std::string out;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    if (word == "st") word = "saint";
    else if (word == "ste") word = "sainte";
    if (!out.empty()) out.push_back(' ');
    out += word;
    word.clear();
  };
  for (char c : f) {
    if (c == ' ' || c == '-' || c == '\'' || c == '(' || c == ')' || c == '.' || c == ',') flush();
    else word.push_back(c);
  }
  flush();
  // "(tous)" / "toutes gares" / "intramuros": city-level names in booking sites
  for (const char* suffix : {" toutes gares", " tous", " intramuros", " gare"}) {
    const std::string sfx(suffix);
    if (out.size() > sfx.size() && out.compare(out.size() - sfx.size(), sfx.size(), sfx) == 0)
      out.erase(out.size() - sfx.size());
  }
  return out;
}

}  // namespace

const Station* find_station(std::string_view name) {
  const std::string key = station_key(name);
  if (key.empty()) return nullptr;
  for (const auto& [alias, target] : k_aliases)
    if (key == alias)
      for (const Station& s : k_stations)
        if (std::string_view(s.name) == target) return &s;
  const Station* prefix_hit = nullptr;  // "La Rochelle" -> the only station starting with it
  int prefix_hits = 0;
  const Station* longer = nullptr;      // "Paris Montparnasse 1 et 2" -> the longest station it starts with
  size_t longer_len = 0;
  for (const Station& s : k_stations) {
    const std::string k = station_key(s.name);
    if (k == key) return &s;
    if (k.size() > key.size() && k.compare(0, key.size(), key) == 0 && k[key.size()] == ' ') {
      prefix_hit = &s;
      ++prefix_hits;
    }
    if (key.size() > k.size() && key.compare(0, k.size(), k) == 0 && key[k.size()] == ' ' && k.size() > longer_len &&
        k.find(' ') != std::string::npos) {
      longer = &s;
      longer_len = k.size();
    }
  }
  if (prefix_hits == 1) return prefix_hit;
  return longer;
}

// [SECTION] header roles

namespace {

enum Role : int { r_date, r_time, r_arr_date, r_arr_time, r_origin, r_destination, r_price, r_currency, r_carrier,
                  r_train, r_class, r_ref, r_status, r_passengers, r_count };

int role_of(const std::string& n) {
  if (n == "date de depart" || n == "date du voyage" || n == "date" || n == "departure date" || n == "travel date" ||
      n == "date aller" || n == "date de voyage")
    return r_date;
  if (n == "heure de depart" || n == "departure time" || n == "heure") return r_time;
  if (n == "date d'arrivee" || n == "arrival date") return r_arr_date;
  if (n == "heure d'arrivee" || n == "arrival time") return r_arr_time;
  if (n == "gare de depart" || n == "depart" || n == "origine" || n == "origin" || n == "from" ||
      n == "departure station" || n == "gare depart")
    return r_origin;
  if (n == "gare d'arrivee" || n == "arrivee" || n == "destination" || n == "to" || n == "arrival station" ||
      n == "gare arrivee")
    return r_destination;
  if (starts_with(n, "prix") || starts_with(n, "montant") || n == "price" || n == "total" || n == "amount" ||
      starts_with(n, "price ") || starts_with(n, "total "))
    return r_price;
  if (n == "devise" || n == "currency") return r_currency;
  if (n == "transporteur" || n == "carrier" || n == "type de train" || n == "operator") return r_carrier;
  if (n == "numero de train" || n == "n° de train" || n == "train" || n == "train number") return r_train;
  if (n == "classe" || n == "class") return r_class;
  if (starts_with(n, "reference") || n == "booking reference" || n == "dossier" || n == "pnr") return r_ref;
  if (n == "statut" || n == "status" || n == "etat") return r_status;
  if (n == "voyageurs" || n == "passengers" || n == "nombre de voyageurs") return r_passengers;
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
    int r = role_of(folded[i]);
    if (r >= 0 && l.col[r] < 0) l.col[r] = int(i);
  }
  l.ok = l.col[r_date] >= 0 && l.col[r_origin] >= 0 && l.col[r_destination] >= 0;
  return l;
}

}  // namespace

int trains_detect(std::string_view head, std::string_view file_name) {
  const std::string text = head_text(head);
  if (text.empty()) return 0;
  for (char d : {';', ',', '\t'})
    for (const auto& l : folded_lines(text, d, 20))
      if (l.size() >= 3 && layout_of(l).ok) return 86;
  return 0;
}

// [SECTION] parser

namespace {

enum Col : size_t {
  c_ts_start, c_ts_end, c_duration, c_distance, c_mode, c_mode_raw, c_mode_inferred, c_start_lat, c_start_lon,
  c_end_lat, c_end_lon, c_n_points, c_origin, c_destination, c_price, c_source,
  c_carrier, c_train, c_class, c_ref, c_status, c_passengers, c_price_raw, c_currency,
};

class TrainsParser final : public CsvDomainParser {
 public:
  explicit TrainsParser(const ParseOptions& o) : CsvDomainParser(o) {
    m_table = make_domain_table(
        domain::k_trips,
        {{"ts_start", ColumnType::Timestamp}, {"ts_end", ColumnType::Timestamp}, {"duration_s", ColumnType::Float64},
         {"distance_m", ColumnType::Float64}, {"mode", ColumnType::String}, {"mode_raw", ColumnType::String},
         {"mode_inferred", ColumnType::Bool}, {"start_lat", ColumnType::Float64}, {"start_lon", ColumnType::Float64},
         {"end_lat", ColumnType::Float64}, {"end_lon", ColumnType::Float64}, {"n_points", ColumnType::Int64},
         {"origin", ColumnType::String}, {"destination", ColumnType::String}, {"price_eur", ColumnType::Float64},
         {"source", ColumnType::String}, {"carrier", ColumnType::String}, {"train_number", ColumnType::String},
         {"travel_class", ColumnType::String}, {"booking_ref", ColumnType::String}, {"status", ColumnType::String},
         {"passengers", ColumnType::Int64}, {"price", ColumnType::Float64}, {"currency", ColumnType::String}});
    m_w = RowWriter(m_table);
  }

  uint64_t rows_so_far() const override { return m_w.rows(); }

  void on_record(std::span<const std::string_view> f, uint64_t off, uint64_t line) override {
    if (!m_header) {
      std::vector<std::string> folded;
      for (std::string_view s : f) folded.push_back(fold_name(s));
      Layout l = layout_of(folded);
      if (l.ok && f.size() >= 3) {
        m_header = true;
        m_layout = l;
        if (l.col[r_price] >= 0 && folded[size_t(l.col[r_price])].find("€") != std::string::npos) m_currency = "EUR";
        if (l.col[r_price] >= 0 && folded[size_t(l.col[r_price])].find("eur") != std::string::npos) m_currency = "EUR";
      }
      return;
    }
    row(f, off, line);
  }

 private:
  std::string_view cell(std::span<const std::string_view> f, int role) const {
    const int c = m_layout.col[role];
    return c >= 0 && size_t(c) < f.size() ? trim(f[size_t(c)]) : std::string_view();
  }

  // date (+ optional time) in local time -> UTC us
  bool instant(std::string_view date, std::string_view time, int64_t& us, int16_t& off) {
    DateTime dt;
    if (!time.empty() && time.size() <= 8) {
      std::string both = std::string(date) + " " + std::string(time);
      for (char& c : both)
        if (c == 'h' || c == 'H') c = ':';  // "08h12"
      if (parse_datetime(both, m_zone, dt, false)) { us = dt.utc_us; off = dt.local_offset(); return true; }
    }
    if (!parse_datetime(date, m_zone, dt, true)) return false;
    us = dt.utc_us;
    off = dt.local_offset();
    return true;
  }

  void row(std::span<const std::string_view> f, uint64_t off, uint64_t line) {
    const uint64_t record = m_records++;
    int64_t start = 0, end = 0;
    int16_t so = k_unknown_offset, eo = k_unknown_offset;
    if (!instant(cell(f, r_date), cell(f, r_time), start, so)) {
      if (m_skipped++ == 0) { m_skip_line = line; m_skip_off = off; }
      return;
    }
    m_w.ts(c_ts_start, start, so);
    std::string_view arr_time = cell(f, r_arr_time);
    if (!arr_time.empty()) {
      std::string_view arr_date = cell(f, r_arr_date);
      if (instant(arr_date.empty() ? cell(f, r_date) : arr_date, arr_time, end, eo)) {
        if (end < start && arr_date.empty()) {  // arrives after midnight: the next local day (DST-safe)
          int32_t days;
          std::string_view dep = cell(f, r_date);
          if (parse_date(dep, days)) instant(format_date(days + 1), arr_time, end, eo);
        }
        m_w.ts(c_ts_end, end, eo);
        m_w.f64(c_duration, double(end - start) / 1e6);
      }
    }
    const std::string_view o = cell(f, r_origin), d = cell(f, r_destination);
    const Station* so_st = find_station(o);
    const Station* de_st = find_station(d);
    if (so_st) { m_w.f64(c_start_lat, so_st->lat); m_w.f64(c_start_lon, so_st->lon); }
    if (de_st) { m_w.f64(c_end_lat, de_st->lat); m_w.f64(c_end_lon, de_st->lon); }
    if (so_st && de_st) m_w.f64(c_distance, haversine_m(so_st->lat, so_st->lon, de_st->lat, de_st->lon));
    else ++m_unknown_stations;
    m_w.str(c_mode, "train");
    std::string_view carrier = cell(f, r_carrier);
    m_w.str(c_mode_raw, carrier.empty() ? std::string_view("train") : carrier);
    m_w.boolean(c_mode_inferred, false);
    m_w.str(c_origin, o);
    m_w.str(c_destination, d);
    double price;
    std::string currency(cell(f, r_currency));
    if (currency.empty()) currency = m_currency;
    if (parse_amount(cell(f, r_price), price)) {
      m_w.f64(c_price_raw, price);
      if (currency == "EUR" || currency == "€") m_w.f64(c_price, price);
    }
    m_w.str(c_source, "trains");
    if (!carrier.empty()) m_w.str(c_carrier, carrier);
    if (!cell(f, r_train).empty()) m_w.str(c_train, cell(f, r_train));
    if (!cell(f, r_class).empty()) m_w.str(c_class, cell(f, r_class));
    if (!cell(f, r_ref).empty()) m_w.str(c_ref, cell(f, r_ref));
    if (!cell(f, r_status).empty()) m_w.str(c_status, cell(f, r_status));
    int64_t n;
    if (parse_int(cell(f, r_passengers), n)) m_w.i64(c_passengers, n);
    m_w.str(c_currency, currency);
    m_w.end_row(m_prov, record);
  }

  void end_of_input() override {
    if (!m_header)
      diag.warn(make_message("trains.no_header", "En-tête (date, gare de départ, gare d'arrivée) introuvable : aucun trajet lu",
                             "No header (date, origin, destination) found: no trip read"));
    info_skipped_rows(diag, "trains.skipped_rows", m_skipped, m_skip_line, m_skip_off, "sans date lisible ignorée(s)",
                      "without a readable date skipped");
    if (m_unknown_stations) {
      Message m = make_message("trains.unknown_station",
                               num_str(m_unknown_stations) + " trajet(s) avec une gare hors de la table intégrée : distance laissée vide",
                               num_str(m_unknown_stations) + " trip(s) with a station missing from the built-in table: distance left empty");
      m.info = true;
      diag.warn(std::move(m));
    }
    m_table.meta.emplace_back("distance_m", "great-circle distance between stations, not the rail distance");
    tables.push_back(std::move(m_table));
  }

  Table m_table;
  RowWriter m_w;
  bool m_header = false;
  Layout m_layout;
  std::string m_currency = "EUR";
  uint64_t m_records = 0, m_skipped = 0, m_skip_line = 0, m_skip_off = 0, m_unknown_stations = 0;
};

}  // namespace

std::unique_ptr<Parser> trains_create(const ParseOptions& opts) { return std::make_unique<TrainsParser>(opts); }

}  // namespace sdw
