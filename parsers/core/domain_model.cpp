// The domain model's table (see domain_model.h for the merge rule) and the two places that apply it: the
// native merge (merge_keep) and the SQL of the browser's merged views (domain_view_sql, timeline, places).
// Keep the two in step: tests/merge_test.cpp (native) and tests/views_native_test.cjs (the SQL on DuckDB)
// check them on the same overlapping exports.
#include "parsers/core/domain_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "parsers/core/domains.h"

namespace sdw::model {

namespace {

using CT = ColumnType;

// [SECTION] the table

constexpr bool R = true;   // required: every parser of the domain writes it

const ColumnSpec k_points_cols[] = {
    {"ts", CT::Timestamp, "", "instant de la position (UTC)", "time of the fix (UTC)", R},
    {"lat", CT::Float64, "deg", "latitude WGS84", "latitude WGS84", R},
    {"lon", CT::Float64, "deg", "longitude WGS84", "longitude WGS84", R},
    {"accuracy_m", CT::Float64, "m", "précision annoncée", "stated accuracy"},
    {"altitude_m", CT::Float64, "m", "altitude", "altitude"},
    {"velocity_m_s", CT::Float64, "m/s", "vitesse", "speed"},
    {"source", CT::String, "", "forme de l'export : records, semantic, ios, android…", "export shape: records, semantic, ios, android…", R},
    {"activity", CT::String, "", "mode de déplacement probable (nos identifiants)", "likely transport mode (our ids)"},
    {"activity_confidence", CT::Int64, "%", "confiance de ce mode, 0-100", "confidence of that mode, 0-100"},
    {"point_key", CT::String, "", "clé de dédoublonnage : seconde|lat·1e5|lon·1e5", "dedup key: second|lat·1e5|lon·1e5"},
};
const ColumnSpec k_visits_cols[] = {
    {"ts_start", CT::Timestamp, "", "arrivée (UTC)", "arrival (UTC)", R},
    {"ts_end", CT::Timestamp, "", "départ (UTC)", "departure (UTC)", R},
    {"duration_s", CT::Float64, "s", "durée de la visite", "length of the stay", R},
    {"lat", CT::Float64, "deg", "latitude du lieu", "latitude of the place", R},
    {"lon", CT::Float64, "deg", "longitude du lieu", "longitude of the place", R},
    {"place_id", CT::String, "", "identifiant du lieu dans l'export", "the export's place id"},
    {"name", CT::String, "", "nom du lieu", "name of the place"},
    {"address", CT::String, "", "adresse", "address"},
    {"semantic_type", CT::String, "", "HOME, WORK… tel qu'écrit", "HOME, WORK… as written"},
    {"confidence", CT::Float64, "", "confiance 0-1", "confidence 0-1"},
    {"source", CT::String, "", "forme de l'export", "export shape", R},
    {"visit_key", CT::String, "", "clé : minute|lat·1e4|lon·1e4 de l'arrivée", "key: minute|lat·1e4|lon·1e4 of the arrival"},
};
const ColumnSpec k_trips_cols[] = {
    {"ts_start", CT::Timestamp, "", "départ (UTC)", "start (UTC)", R},
    {"ts_end", CT::Timestamp, "", "arrivée (UTC)", "end (UTC)", R},
    {"duration_s", CT::Float64, "s", "durée", "duration", R},
    {"distance_m", CT::Float64, "m", "distance", "distance", R},
    {"mode", CT::String, "", "mode (walk, bike, car, train, plane…)", "mode (walk, bike, car, train, plane…)", R},
    {"mode_raw", CT::String, "", "mode tel qu'écrit dans l'export", "mode as written in the export", R},
    {"mode_inferred", CT::Bool, "", "mode deviné d'après la vitesse", "mode guessed from speed", R},
    {"start_lat", CT::Float64, "deg", "latitude du départ", "start latitude"},
    {"start_lon", CT::Float64, "deg", "longitude du départ", "start longitude"},
    {"end_lat", CT::Float64, "deg", "latitude de l'arrivée", "end latitude"},
    {"end_lon", CT::Float64, "deg", "longitude de l'arrivée", "end longitude"},
    {"n_points", CT::Int64, "", "points du tracé", "points of the path"},
    {"origin", CT::String, "", "origine (gare…)", "origin (station…)"},
    {"destination", CT::String, "", "destination", "destination"},
    {"price_eur", CT::Float64, "EUR", "prix payé", "price paid"},
    {"source", CT::String, "", "forme de l'export", "export shape", R},
    {"trip_key", CT::String, "", "clé : minute|lat·1e4|lon·1e4 du départ", "key: minute|lat·1e4|lon·1e4 of the start"},
};
const ColumnSpec k_energy_cols[] = {
    {"ts_start", CT::Timestamp, "", "début de l'intervalle (UTC)", "interval start (UTC)", R},
    {"ts_end", CT::Timestamp, "", "fin de l'intervalle (UTC)", "interval end (UTC)", R},
    {"interval_s", CT::Float64, "s", "longueur de l'intervalle", "interval length", R},
    {"kwh", CT::Float64, "kWh", "énergie sur l'intervalle", "energy over the interval", R},
    {"power_w", CT::Float64, "W", "puissance moyenne", "mean power", R},
    {"energy", CT::String, "", "electricity ou gas", "electricity or gas", R},
    {"meter_id", CT::String, "", "PRM / PCE, en texte", "PRM / PCE, as text", R},
    {"kind", CT::String, "", "load_curve, daily, index, max_power", "load_curve, daily, index, max_power", R},
    {"source", CT::String, "", "export d'origine", "source export", R},
    {"m3", CT::Float64, "m3", "volume de gaz", "gas volume"},
};
const ColumnSpec k_transactions_cols[] = {
    {"date", CT::Date, "", "date d'opération", "transaction date", R},
    {"label", CT::String, "", "libellé", "label", R},
    {"amount", CT::Float64, "", "montant, négatif = dépense", "amount, negative = money out", R},
    {"currency", CT::String, "", "devise (EUR…)", "currency (EUR…)", R},
    {"category", CT::String, "", "catégorie telle que donnée", "category as given", R},
    {"account", CT::String, "", "compte", "account", R},
    {"balance", CT::Float64, "", "solde après l'opération", "balance after it", R},
    {"source", CT::String, "", "export d'origine", "source export", R},
};
const ColumnSpec k_purchases_cols[] = {
    {"ts", CT::Timestamp, "", "instant de l'achat (UTC)", "time of purchase (UTC)", R},
    {"date", CT::Date, "", "jour de l'achat", "day of purchase", R},
    {"store", CT::String, "", "magasin", "store", R},
    {"product", CT::String, "", "produit", "product", R},
    {"quantity", CT::Float64, "", "quantité (dans unit)", "quantity (in unit)", R},
    {"unit", CT::String, "", "unité : kg, l, pièce…", "unit: kg, l, piece…", R},
    {"amount", CT::Float64, "EUR", "prix payé", "price paid", R},
    {"category", CT::String, "", "rayon / catégorie", "aisle / category", R},
    {"ean", CT::String, "", "code-barres", "barcode", R},
    {"source", CT::String, "", "export d'origine", "source export", R},
};
const ColumnSpec k_learning_cols[] = {
    {"ts", CT::Timestamp, "", "instant de la déclaration (UTC)", "statement time (UTC)", R},
    {"actor", CT::String, "", "apprenant (nom ou compte, jamais l'adresse)", "learner (name or account, never the mbox)", R},
    {"verb", CT::String, "", "verbe affiché", "verb display", R},
    {"verb_id", CT::String, "", "IRI du verbe", "verb IRI", R},
    {"object_id", CT::String, "", "IRI de l'activité", "activity IRI", R},
    {"object_name", CT::String, "", "nom de l'activité", "activity name", R},
    {"course", CT::String, "", "cours (contexte parent)", "course (parent context)", R},
    {"score_scaled", CT::Float64, "", "score -1..1", "score -1..1", R},
    {"success", CT::Bool, "", "réussite", "success", R},
    {"completion", CT::Bool, "", "achèvement", "completion", R},
    {"duration_s", CT::Float64, "s", "durée", "duration", R},
    {"statement_id", CT::String, "", "identifiant de la déclaration", "statement id", R},
    {"source", CT::String, "", "export d'origine", "source export", R},
};
const ColumnSpec k_activity_cols[] = {
    {"ts", CT::Timestamp, "", "instant (UTC)", "time (UTC)", R},
    {"platform", CT::String, "", "plateforme", "platform", R},
    {"kind", CT::String, "", "post, comment, like, message, search, view…", "post, comment, like, message, search, view…", R},
    {"title", CT::String, "", "titre", "title", R},
    {"text", CT::String, "", "texte écrit par la personne", "text the person wrote", R},
    {"target", CT::String, "", "cible (personne, page…)", "target (person, page…)", R},
    {"source", CT::String, "", "export d'origine", "source export", R},
    {"duration_s", CT::Float64, "s", "temps écouté / regardé", "time played / watched"},
    {"url", CT::String, "", "lien de l'élément", "link of the item"},
    {"device", CT::String, "", "appareil", "device"},
};
const ColumnSpec k_health_records_cols[] = {
    {"date", CT::Date, "", "date des soins", "date of care", R},
    {"label", CT::String, "", "acte", "service", R},
    {"provider", CT::String, "", "professionnel", "provider", R},
    {"amount_paid", CT::Float64, "EUR", "montant payé", "amount paid", R},
    {"amount_reimbursed", CT::Float64, "EUR", "montant remboursé", "amount reimbursed", R},
    {"source", CT::String, "", "export d'origine", "source export", R},
};
const ColumnSpec k_health_measures_cols[] = {
    {"ts_start", CT::Timestamp, "", "début de la mesure (UTC)", "start of the sample (UTC)", R},
    {"ts_end", CT::Timestamp, "", "fin de la mesure (UTC)", "end of the sample (UTC)", R},
    {"type", CT::String, "", "steps, heart_rate, body_mass, sleep…", "steps, heart_rate, body_mass, sleep…", R},
    {"value", CT::Float64, "", "valeur (dans unit)", "value (in unit)", R},
    {"unit", CT::String, "", "unité telle que donnée", "unit as given", R},
    {"device", CT::String, "", "appareil ou application", "device or app", R},
    {"source", CT::String, "", "export d'origine", "source export", R},
};
const ColumnSpec k_tempo_cols[] = {
    {"day", CT::Date, "", "jour Tempo (06:00 → 06:00, heure de Paris)", "Tempo day (06:00 → 06:00, Paris time)", R},
    {"colour", CT::String, "", "couleur : blue, white, red", "colour: blue, white, red", R},
    {"source", CT::String, "", "forme du calendrier : eco2mix, rte_api, api_couleur_tempo, csv, json", "calendar layout: eco2mix, rte_api, api_couleur_tempo, csv, json", R},
};
const ColumnSpec k_provenance_cols[] = {
    {"_file", CT::String, "", "nom du fichier déposé", "file name as dropped", R},
    {"_entry", CT::String, "", "chemin dans l'archive (\"\" sinon)", "path inside the archive (\"\" otherwise)", R},
    {"_record", CT::Int64, "", "rang de l'enregistrement dans sa source (depuis 0)", "record index in its source (0-based)", R},
};

// Dedup keys (see the rule in domain_model.h). Google rows carry keys made by the parser from rounded
// times and positions (parsers/formats/google/common.h), so Records.json, Semantic months and phone exports
// of the same moment meet; other exports are keyed on their own identifying columns.
const char* const k_point_key[] = {"point_key"};
const char* const k_point_fix[] = {"ts", "lat", "lon"};
const KeyAlternative k_points_key[] = {{k_point_key}, {k_point_fix}};
const char* const k_visit_key[] = {"visit_key"};
const char* const k_visit_fix[] = {"ts_start", "lat", "lon", "ts_end?"};
const KeyAlternative k_visits_key[] = {{k_visit_key}, {k_visit_fix}};
const char* const k_trip_key[] = {"trip_key"};
const char* const k_trip_fix[] = {"ts_start", "ts_end", "mode_raw?", "origin?", "destination?", "distance_m?"};
const KeyAlternative k_trips_key[] = {{k_trip_key}, {k_trip_fix}};
const char* const k_energy_fix[] = {"ts_start", "kind", "ts_end?", "interval_s?", "energy?", "meter_id?"};
const KeyAlternative k_energy_key[] = {{k_energy_fix}};
const char* const k_tx_fix[] = {"date", "amount", "label?", "account?", "currency?"};
const KeyAlternative k_tx_key[] = {{k_tx_fix}};
const char* const k_purchase_fix[] = {"product", "amount", "ts?", "date?", "store?", "quantity?", "ean?"};
const KeyAlternative k_purchases_key[] = {{k_purchase_fix}};
const char* const k_statement_id[] = {"statement_id"};
const char* const k_statement_fix[] = {"ts", "verb_id", "actor?", "object_id?"};
const KeyAlternative k_learning_key[] = {{k_statement_id}, {k_statement_fix}};
const char* const k_activity_fix[] = {"ts", "kind?", "platform?", "title?", "target?", "url?"};
const KeyAlternative k_activity_key[] = {{k_activity_fix}};
const char* const k_care_fix[] = {"date", "label?", "provider?", "amount_paid?", "amount_reimbursed?"};
const KeyAlternative k_care_key[] = {{k_care_fix}};
const char* const k_measure_fix[] = {"ts_start", "type", "ts_end?", "value?", "unit?", "device?"};
const KeyAlternative k_measures_key[] = {{k_measure_fix}};

// Google shapes of the same moment: the densest first (Records.json keeps every raw fix), then the phone's
// on-device Timeline (the newest export, with the person's latest edits: Android, then iOS), then the
// Takeout Semantic months (no longer updated since Timeline moved on-device in 2024).
const char* const k_google_priority[] = {"records", "android", "ios", "semantic"};
constexpr const char* k_google_why =
    "records > android > ios > semantic: the densest shape first, then the newest on-device exports";
constexpr const char* k_order_why = "one source: the table added first";

const DomainSpec k_domains[] = {
    {domain::k_location_points, "une position", "one position", k_points_cols, k_points_key, k_google_priority,
     k_google_why, {nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr}},
    {domain::k_visits, "un séjour dans un lieu", "a stay somewhere", k_visits_cols, k_visits_key, k_google_priority,
     k_google_why,
     {"'visit'", "{ts_start}", "{ts_end}", "coalesce({name}, {semantic_type}, 'visite')", "{duration_s} / 3600.0", "'h'",
      "{lat}", "{lon}"}},
    {domain::k_trips, "un déplacement", "a trip", k_trips_cols, k_trips_key, k_google_priority, k_google_why,
     {"'trip'", "{ts_start}", "{ts_end}", "coalesce({mode}, {mode_raw}, 'trajet')", "{distance_m} / 1000.0", "'km'",
      "{start_lat}", "{start_lon}"}},
    {domain::k_energy_readings, "une quantité d'énergie mesurée sur un intervalle", "energy measured over an interval",
     k_energy_cols, k_energy_key, {}, k_order_why,
     {"'energy'", "{ts_start}", "{ts_end}", "coalesce({energy}, 'énergie')", "{kwh}", "'kWh'", "NULL", "NULL"}},
    {domain::k_transactions, "une opération bancaire", "a bank movement", k_transactions_cols, k_tx_key, {}, k_order_why,
     {"'transaction'", "CAST({date} AS TIMESTAMP)", "NULL", "{label}", "{amount}", "'EUR'", "NULL", "NULL"}},
    {domain::k_purchases, "une ligne de ticket de caisse", "a receipt line", k_purchases_cols, k_purchases_key, {},
     k_order_why,
     {"'purchase'", "coalesce({ts}, CAST({date} AS TIMESTAMP))", "NULL", "{product}", "{amount}", "'EUR'", "NULL", "NULL"}},
    {domain::k_learning_statements, "une déclaration xAPI", "an xAPI statement", k_learning_cols, k_learning_key, {},
     k_order_why,
     {"'learning'", "{ts}", "NULL", "concat_ws(' ', {verb}, {object_name})", "{duration_s} / 60.0", "'min'", "NULL",
      "NULL"}},
    {domain::k_activity, "une trace d'activité en ligne", "an online activity event", k_activity_cols, k_activity_key, {},
     k_order_why,
     {"coalesce({kind}, 'activity')", "{ts}", "NULL", "coalesce({title}, {text}, {platform})", "NULL", "NULL", "NULL",
      "NULL"}},
    {domain::k_health_records, "un remboursement de soins", "a health reimbursement", k_health_records_cols, k_care_key,
     {}, k_order_why,
     {"'health'", "CAST({date} AS TIMESTAMP)", "NULL", "{label}", "{amount_paid}", "'EUR'", "NULL", "NULL"}},
    {domain::k_health_measures, "une mesure du corps ou de l'activité", "a body or activity measure",
     k_health_measures_cols, k_measures_key, {}, k_order_why,
     {"'measure'", "{ts_start}", "{ts_end}", "{type}", "{value}", "{unit}", "NULL", "NULL"}},
    // No dedup key: every calendar's days stay in the view, and challenges/tariffs.h merge_tempo_calendars
    // decides which file gives a day (the same function in the CLI and the page).
    {domain::k_tempo_days, "la couleur Tempo d'un jour (calendrier RTE)", "the Tempo colour of a day (RTE calendar)", k_tempo_cols,
     {}, {}, "calendars are merged by challenges/tariffs.h merge_tempo_calendars: files over the shipped calendar, the newest file last",
     {nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr}},
};

// [SECTION] key components

struct Component {
  std::string_view name;
  bool optional;
};
Component component(const char* c) {
  std::string_view s(c);
  if (!s.empty() && s.back() == '?') return {s.substr(0, s.size() - 1), true};
  return {s, false};
}

}  // namespace

std::span<const DomainSpec> domains() { return k_domains; }

const DomainSpec* find_domain(std::string_view name) {
  for (const DomainSpec& d : k_domains)
    if (name == d.name) return &d;
  return nullptr;
}

const ColumnSpec* find_column(const DomainSpec& d, std::string_view name) {
  for (const ColumnSpec& c : d.columns)
    if (name == c.name) return &c;
  return nullptr;
}

std::span<const ColumnSpec> provenance_columns() { return k_provenance_cols; }

// [SECTION] native merge

namespace {

const Column* column_of(const Table& t, std::string_view name) {
  for (const Column& c : t.columns)
    if (c.name == name) return &c;
  return nullptr;
}

bool present(const Column* c, size_t r) { return c && r < c->size() && c->valid[r]; }

// Appends one value, typed the way DuckDB compares the unioned column: numbers as doubles, dates as
// their midnight timestamp, strings length-prefixed (no separator can collide).
void encode(std::string& k, const Column* c, size_t r) {
  if (!present(c, r)) {
    k += 'N';
    return;
  }
  switch (c->type) {
    case CT::String: {
      const std::string_view s = c->string_at(r);
      k += 'S';
      k += std::to_string(s.size());
      k += ':';
      k.append(s);
      return;
    }
    case CT::Float64:
    case CT::Int64: {
      double v = c->type == CT::Float64 ? c->f64[r] : double(c->i64[r]);
      if (v == 0) v = 0;  // -0 and 0 are one value
      k += 'F';
      k += std::isnan(v) ? std::string("nan") : format_double(v);
      k += ';';
      return;
    }
    case CT::Timestamp:
      k += 'T';
      k += std::to_string(c->i64[r]);
      k += ';';
      return;
    case CT::Date:
      k += 'T';
      k += std::to_string(int64_t(c->i32[r]) * 86400000000LL);
      k += ';';
      return;
    case CT::Bool:
      k += c->i64[r] ? "B1" : "B0";
      return;
  }
}

struct TableKeys {
  std::vector<std::vector<const Column*>> required, all;  // per alternative
  const Column* source = nullptr;
};

TableKeys table_keys(const DomainSpec& d, const Table& t) {
  TableKeys k;
  for (const KeyAlternative& a : d.key) {
    auto& req = k.required.emplace_back();
    auto& all = k.all.emplace_back();
    for (const char* c : a.columns) {
      const Component comp = component(c);
      const Column* col = column_of(t, comp.name);
      all.push_back(col);
      if (!comp.optional) req.push_back(col);
    }
  }
  k.source = column_of(t, "source");
  return k;
}

// The key of row r (false when no alternative applies).
bool row_key(const TableKeys& k, size_t r, std::string& out) {
  for (size_t a = 0; a < k.all.size(); ++a) {
    bool ok = true;
    for (const Column* c : k.required[a]) ok = ok && present(c, r);
    if (!ok) continue;
    out.assign(1, char('0' + a));
    for (const Column* c : k.all[a]) encode(out, c, r);
    return true;
  }
  return false;
}

uint32_t priority_of(const DomainSpec& d, const Column* source, size_t r) {
  const uint32_t n = uint32_t(d.source_priority.size());
  if (!n || !present(source, r) || source->type != CT::String) return n;
  const std::string_view s = source->string_at(r);
  for (uint32_t i = 0; i < n; ++i)
    if (s == d.source_priority[i]) return i;
  return n;
}

}  // namespace

std::vector<std::vector<uint8_t>> merge_keep(const DomainSpec& d, std::span<const Table* const> tables) {
  std::vector<std::vector<uint8_t>> keep;
  for (const Table* t : tables) keep.emplace_back(t->rows(), uint8_t(1));
  if (tables.size() < 2 || d.key.empty()) return keep;
  std::vector<TableKeys> keys;
  for (const Table* t : tables) keys.push_back(table_keys(d, *t));
  // pass 1: the best (priority, table) of each key; pass 2: keep the rows that have it
  std::unordered_map<std::string, uint64_t> best;
  std::string k;
  auto rank = [&](size_t ti, size_t r) { return (uint64_t(priority_of(d, keys[ti].source, r)) << 32) | uint64_t(ti); };
  for (size_t ti = 0; ti < tables.size(); ++ti)
    for (size_t r = 0; r < tables[ti]->rows(); ++r) {
      if (!row_key(keys[ti], r, k)) continue;
      const uint64_t rk = rank(ti, r);
      auto [it, fresh] = best.try_emplace(k, rk);
      if (!fresh && rk < it->second) it->second = rk;
    }
  for (size_t ti = 0; ti < tables.size(); ++ti)
    for (size_t r = 0; r < tables[ti]->rows(); ++r)
      if (row_key(keys[ti], r, k) && best[k] != rank(ti, r)) keep[ti][r] = 0;
  return keep;
}

size_t merge_dropped(const std::vector<std::vector<uint8_t>>& keep) {
  size_t n = 0;
  for (const auto& v : keep) n += size_t(std::count(v.begin(), v.end(), uint8_t(0)));
  return n;
}

// [SECTION] SQL

std::string sql_ident(std::string_view name) {
  std::string s = "\"";
  for (char c : name) {
    if (c == '"') s += '"';
    s += c;
  }
  return s + '"';
}

namespace {

std::string sql_string(std::string_view v) {
  std::string s = "'";
  for (char c : v) {
    if (c == '\'') s += '\'';
    s += c;
  }
  return s + '\'';
}

bool has(std::span<const std::string> cols, std::string_view name) {
  return std::find(cols.begin(), cols.end(), name) != cols.end();
}

// {col} -> "col" when the view has it, else NULL.
std::string fill(const char* tmpl, std::span<const std::string> cols) {
  std::string out;
  for (const char* p = tmpl; *p; ++p) {
    const char* close = *p == '{' ? std::strchr(p, '}') : nullptr;
    if (!close) {
      out += *p;
      continue;
    }
    const std::string_view name(p + 1, size_t(close - p - 1));
    out += has(cols, name) ? sql_ident(name) : "NULL";
    p = close;
  }
  return out;
}

}  // namespace

std::vector<std::string> view_columns(std::span<const SourceRelation> rels) {
  std::vector<std::string> cols;
  for (const SourceRelation& r : rels)
    for (const std::string& c : r.columns)
      if (!has(cols, c)) cols.push_back(c);
  return cols;
}

std::string domain_view_sql(const DomainSpec& d, std::span<const SourceRelation> rels) {
  if (rels.empty()) return "";
  const bool parts = std::any_of(rels.begin(), rels.end(), [](const SourceRelation& r) { return !r.order.empty(); });
  if (rels.size() == 1 && !parts) return "SELECT * FROM " + sql_ident(rels[0].name);
  const std::vector<std::string> cols = view_columns(rels);
  // alternatives whose required columns exist somewhere, with the components the union has
  std::string alt = "CASE", keyparts;
  size_t usable = 0;
  for (size_t a = 0; a < d.key.size(); ++a) {
    std::string cond;
    bool possible = true;
    std::vector<std::string_view> comps;
    for (const char* c : d.key[a].columns) {
      const Component comp = component(c);
      if (!has(cols, comp.name)) {
        possible = possible && comp.optional;
        continue;
      }
      comps.push_back(comp.name);
      if (!comp.optional) cond += std::string(cond.empty() ? "" : " AND ") + sql_ident(comp.name) + " IS NOT NULL";
    }
    if (!possible) continue;
    ++usable;
    alt += " WHEN " + (cond.empty() ? std::string("TRUE") : cond) + " THEN " + std::to_string(a);
    for (std::string_view c : comps)
      keyparts += ", CASE WHEN __sdw_alt = " + std::to_string(a) + " THEN " + sql_ident(c) + " END";
  }
  // a relation in parts (`order`): its rows rank after the relations before it, by their part
  std::string uni;
  for (size_t i = 0; i < rels.size(); ++i)
    uni += std::string(i ? " UNION ALL BY NAME " : "") + "SELECT *, " + std::to_string(i) + " AS __sdw_src" +
           (!parts ? "" : rels[i].order.empty() ? ", 0 AS __sdw_part" : ", CAST(enum_code(" + sql_ident(rels[i].order) + ") AS BIGINT) AS __sdw_part") +
           " FROM " + sql_ident(rels[i].name);
  const std::string tmp = parts ? "__sdw_src, __sdw_part" : "__sdw_src";
  if (!usable) return "SELECT * EXCLUDE (" + tmp + ") FROM (" + uni + ")";
  std::string prio = "0";
  if (!d.source_priority.empty() && has(cols, "source")) {
    prio = "CASE \"source\"";
    for (size_t i = 0; i < d.source_priority.size(); ++i)
      prio += " WHEN " + sql_string(d.source_priority[i]) + " THEN " + std::to_string(i);
    prio += " ELSE " + std::to_string(d.source_priority.size()) + " END";
  }
  return "SELECT * EXCLUDE (" + tmp + ", __sdw_alt) FROM (SELECT *, " + alt + " END AS __sdw_alt FROM (" + uni +
         ")) QUALIFY __sdw_alt IS NULL OR dense_rank() OVER (PARTITION BY __sdw_alt" + keyparts + " ORDER BY " + prio +
         ", " + tmp + ") = 1";
}

std::string timeline_part_sql(const DomainSpec& d, std::span<const std::string> view_cols) {
  const TimelineSpec& t = d.timeline;
  if (!t.kind) return "";
  auto e = [&](const char* x) { return fill(x, view_cols); };
  return "SELECT CAST(" + e(t.start) + " AS TIMESTAMP) AS ts_start, CAST(" + e(t.end) + " AS TIMESTAMP) AS ts_end, " +
         (has(view_cols, "_file") ? "\"_file\"" : "NULL") + " AS source, " + sql_string(d.name) + " AS domain, CAST(" +
         e(t.kind) + " AS VARCHAR) AS kind, CAST(" + e(t.label) + " AS VARCHAR) AS label, CAST(" + e(t.value) +
         " AS DOUBLE) AS value, CAST(" + e(t.unit) + " AS VARCHAR) AS unit, CAST(" + e(t.lat) + " AS DOUBLE) AS lat, CAST(" +
         e(t.lon) + " AS DOUBLE) AS lon FROM " + sql_ident(d.name);
}

std::string places_view_sql(std::span<const std::string> vc) {
  // a cell of about 110 m: 0.001° of latitude × 0.0015° of longitude at French latitudes; cells split a
  // place that straddles a boundary (a known, documented simplification)
  const std::string cell =
      "'cell:' || CAST(round(lat * 1000) AS BIGINT) || ':' || CAST(round(lon * 666.667) AS BIGINT)";
  const std::string key = has(vc, "place_id") ? "coalesce(nullif(place_id, ''), " + cell + ")" : cell;
  std::string name;
  for (const char* c : {"name", "address", "semantic_type"})
    if (has(vc, c)) name += std::string(name.empty() ? "" : ", ") + c;
  if (name.empty()) name = "'?'";
  return "SELECT " + key + " AS place_key, round(avg(lat), 5) AS lat, round(avg(lon), 5) AS lon, mode(coalesce(" + name +
         ")) AS name, " + (has(vc, "semantic_type") ? "mode(semantic_type)" : "NULL") +
         " AS semantic_type, count(*) AS visits, sum(" + (has(vc, "duration_s") ? "duration_s" : "0") +
         ") / 3600.0 AS hours, min(ts_start) AS first_visit, max(" + (has(vc, "ts_end") ? "ts_end" : "ts_start") +
         ") AS last_visit FROM visits WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY 1";
}

namespace {

std::string views_plan(std::string_view tables_json) {
  using json = nlohmann::json;
  const json in = json::parse(tables_json.begin(), tables_json.end(), nullptr, false);
  if (in.is_discarded() || !in.is_object() || !in.contains("tables") || !in["tables"].is_array())
    return json{{"error", "views_plan_json: expected {\"tables\":[…]}"}}.dump();
  std::vector<std::pair<const DomainSpec*, std::vector<SourceRelation>>> by_domain;  // first appearance order
  for (const json& t : in["tables"]) {
    if (!t.is_object() || !t.contains("name") || !t["name"].is_string()) continue;
    const DomainSpec* d = find_domain(t.value("domain", std::string()));
    if (!d) continue;
    SourceRelation rel{t["name"].get<std::string>(), {}, t.contains("order") && t["order"].is_string() ? t["order"].get<std::string>() : ""};
    if (t.contains("columns") && t["columns"].is_array())
      for (const json& c : t["columns"]) {
        if (c.is_string()) rel.columns.push_back(c.get<std::string>());
        else if (c.is_object() && c.contains("name") && c["name"].is_string()) rel.columns.push_back(c["name"].get<std::string>());
      }
    auto it = std::find_if(by_domain.begin(), by_domain.end(), [&](const auto& p) { return p.first == d; });
    if (it == by_domain.end()) it = by_domain.insert(by_domain.end(), {d, {}});
    it->second.push_back(std::move(rel));
  }
  json views = json::array(), stmts = json::array();
  for (const auto& [d, rels] : by_domain) views.push_back(d->name);
  std::string timeline;
  for (const DomainSpec& d : k_domains) {
    auto it = std::find_if(by_domain.begin(), by_domain.end(), [&](const auto& p) { return p.first == &d; });
    if (it == by_domain.end()) {
      stmts.push_back("DROP VIEW IF EXISTS " + sql_ident(d.name));
      if (d.name == std::string_view(domain::k_visits)) stmts.push_back("DROP VIEW IF EXISTS places");
      continue;
    }
    stmts.push_back("CREATE OR REPLACE VIEW " + sql_ident(d.name) + " AS " + domain_view_sql(d, it->second));
    const std::vector<std::string> cols = view_columns(it->second);
    if (d.name == std::string_view(domain::k_visits)) stmts.push_back("CREATE OR REPLACE VIEW places AS " + places_view_sql(cols));
    const std::string part = timeline_part_sql(d, cols);
    if (!part.empty()) timeline += (timeline.empty() ? "" : " UNION ALL ") + part;
  }
  stmts.push_back(timeline.empty() ? std::string("DROP VIEW IF EXISTS timeline")
                                   : "CREATE OR REPLACE VIEW timeline AS " + timeline);
  return json{{"views", views}, {"statements", stmts}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::string views_plan_json(std::string_view tables_json) {
  try {
    return views_plan(tables_json);
  } catch (const std::exception& e) {   // a malformed request (wrong JSON types) is answered, never thrown
    return nlohmann::json{{"error", std::string("views_plan_json: ") + e.what()}}.dump();
  }
}

}  // namespace sdw::model
