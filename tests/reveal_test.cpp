// "What my data reveals" (challenges/reveal.h): the reference tables, the inventory, and the inferences on a
// generated eight-week trace whose truth is set below (home, work, a Mon/Tue/Thu/Fri schedule, a week in
// Barcelona across the spring DST change, three days off ill, late-night listening, a market, a church and a
// clinic, a bank statement), then `workbench reveal --json` on the three personas of samples/make_personas.py
// checked against that script's constants (P["home"], P["work"], LEA_LEAVE, HOLIDAY_DRIVE, MARTIN_AWAY…).
#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "challenges/reveal.h"
#include "challenges/tables.h"
#include "parsers/core/parser.h"
#include "test_util.h"

using namespace sdw;
using namespace sdw::challenge;
namespace fs = std::filesystem;

namespace {

// Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil).
int32_t civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
// UTC µs of a Paris wall-clock time: before 02:00 counted from that midnight, later ones back from the next
// midnight (DST switches happen between 02:00 and 03:00, so both are whole hours from a midnight).
int64_t local_us(int32_t day, int h, int m = 0) {
  const int64_t hm = h * 60 + m;
  return hm < 120 ? paris_midnight_utc_us(day) + hm * 60000000LL : paris_midnight_utc_us(day + 1) - (1440 - hm) * 60000000LL;
}

const Inference* find_kind(const RevealResult& r, const std::string& kind, int nth = 0) {
  for (const Inference& x : r.inferences)
    if (x.kind == kind && nth-- == 0) return &x;
  return nullptr;
}
int64_t count_of(const Inference& x, const std::string& name) {
  for (const RevealCount& c : x.evidence.counts)
    if (c.name == name) return c.value;
  return -1;
}

// ---- the generated trace (Lyon). Truth: home H, work W; on Mon/Tue/Thu/Fri leaves home 08:00, at work
// 08:30-17:30, home 18:00; Wednesdays at home; market every Saturday 10:00-11:00 (6 of 8, not while away);
// church on the first three Sundays; a clinic once (Sat 12/04); Barcelona from Sat 29/03 13:00 to Sun 06/04
// 12:00 (the 30/03 DST change inside); ill at home Tue 15/04-Fri 18/04; first night 02/03, last 27/04.
constexpr double H_LAT = 45.7640, H_LON = 4.8357, W_LAT = 45.7800, W_LON = 4.8700;
struct Trace {
  std::vector<int64_t> vs, ve, act_ts, pts;
  std::vector<double> vlat, vlon, plat, plon;
  std::vector<std::string> vname, vsem, vpid, act_platform, act_kind, tx_label, tx_cat, tx_cur;
  std::vector<int32_t> vsrc, asrc, tday, tsrc;
  std::vector<double> tamount;
  std::vector<std::string_view> vname_v, vsem_v, vpid_v, ap_v, ak_v, tl_v, tc_v, tcur_v;
  std::vector<SourceDesc> sources;
  void visit(const char* name, double lat, double lon, int64_t s, int64_t e, const char* pid = "") {
    vs.push_back(s), ve.push_back(e), vlat.push_back(lat), vlon.push_back(lon), vname.push_back(name), vsem.push_back("");
    vpid.push_back(pid), vsrc.push_back(0);
  }
  void tx(int32_t day, const char* label, double amount) {
    tday.push_back(day), tx_label.push_back(label), tamount.push_back(amount), tx_cat.push_back(""), tx_cur.push_back("EUR"), tsrc.push_back(2);
  }
  RevealInput input() {
    auto views = [](const std::vector<std::string>& s, std::vector<std::string_view>& v) { v.assign(s.begin(), s.end()); };
    views(vname, vname_v), views(vsem, vsem_v), views(vpid, vpid_v), views(act_platform, ap_v), views(act_kind, ak_v);
    views(tx_label, tl_v), views(tx_cat, tc_v), views(tx_cur, tcur_v);
    RevealInput in;
    in.sources = sources;
    in.places = {{vs, ve, vlat, vlon, pts, plat, plon}, vname_v, vsem_v, vpid_v, vsrc, {}};
    in.activity = {act_ts, ap_v, ak_v};
    in.activity_source = asrc;
    in.transactions = {tday, tl_v, tamount, tc_v, tcur_v};
    in.transaction_source = tsrc;
    return in;
  }
};

Trace make_trace() {
  Trace t;
  t.sources = {{"Timeline.json", "google_android", {"visits"}, {"ts_start", "lat", "lon"}, 0},
               {"StreamingHistory_music_0.json", "spotify", {"activity"}, {"ts", "platform"}, 0},
               {"releve.csv", "bank", {"transactions"}, {"date", "label", "amount"}, 0}};
  const int32_t start = civil(2025, 3, 3);   // a Monday
  const int32_t away0 = civil(2025, 3, 29), away1 = civil(2025, 4, 6);
  const std::set<int32_t> ill = {civil(2025, 4, 15), civil(2025, 4, 16), civil(2025, 4, 17), civil(2025, 4, 18)};
  int64_t home_since = local_us(start - 1, 20);
  auto home_until = [&](int64_t e) { t.visit("", H_LAT, H_LON, home_since, e); };
  for (int32_t d = start; d < start + 56; ++d) {
    const int wd = (d - start) % 7, week = (d - start) / 7;
    if (d == away0) {
      home_until(local_us(d, 9));
      t.visit("Hotel Catalonia", 41.3874, 2.1686, local_us(d, 13), local_us(away1, 12));
      home_since = local_us(away1, 16);
    }
    if (d >= away0 && d <= away1) continue;
    if ((wd == 0 || wd == 1 || wd == 3 || wd == 4) && !ill.count(d)) {
      home_until(local_us(d, 8));
      t.visit("", W_LAT, W_LON, local_us(d, 8, 30), local_us(d, 17, 30));
      home_since = local_us(d, 18);
    } else if (wd == 5) {
      home_until(local_us(d, 9, 45));
      t.visit("Marché de la Croix-Rousse", 45.7745, 4.8320, local_us(d, 10), local_us(d, 11), "ChIJmarket");
      home_since = local_us(d, 11, 15);
      t.tx(d, "CARTE X1234 CARREFOUR CITY LYON", -50);
      if (d == civil(2025, 4, 12)) {
        home_until(local_us(d, 15, 45));
        t.visit("Clinique du Parc", 45.7550, 4.8500, local_us(d, 16), local_us(d, 17));
        home_since = local_us(d, 17, 15);
      }
    } else if (wd == 6 && week < 3) {
      home_until(local_us(d, 9, 45));
      t.visit("Église Saint-Bruno", 45.7702, 4.8600, local_us(d, 10), local_us(d, 11));
      home_since = local_us(d, 11, 15);
    }
  }
  home_until(local_us(start + 56, 7));
  // listening: 07:10, 12:30, then every 20 minutes from 18:00 to 23:40 (20 a day, 56 days, the away week too)
  for (int32_t d = start; d < start + 56; ++d) {
    std::vector<std::pair<int, int>> hm = {{7, 10}, {12, 30}};
    for (int m = 18 * 60; m <= 23 * 60 + 40; m += 20) hm.emplace_back(m / 60, m % 60);
    for (auto [h, m] : hm) {
      t.act_ts.push_back(local_us(d, h, m));
      t.act_platform.push_back("Spotify");
      t.act_kind.push_back("listen");
      t.asrc.push_back(1);
    }
  }
  t.tx(civil(2025, 3, 5), "PRELEVEMENT LOYER SCI BELLECOUR", -700);
  t.tx(civil(2025, 4, 5), "PRELEVEMENT LOYER SCI BELLECOUR", -700);
  t.tx(civil(2025, 3, 12), "CARTE X1234 PHARMACIE DU CENTRE", -12);
  t.tx(civil(2025, 4, 9), "CARTE X1234 PHARMACIE DU CENTRE", -12);
  t.tx(civil(2025, 3, 10), "PRLV COTISATION SYNDICALE CGT", -15);
  t.tx(civil(2025, 3, 28), "VIR SALAIRE ACME LYON", 2500);
  t.sources[0].records = int64_t(t.vs.size());
  t.sources[1].records = int64_t(t.act_ts.size());
  t.sources[2].records = int64_t(t.tday.size());
  return t;
}

}  // namespace

TEST_CASE("reveal: the embedded reference tables read without error and cover the personal-data formats") {
  const RevealTables& t = reveal_tables();
  CHECK(t.errors.empty());
  CHECK(t.art9.size() == 6);
  for (const FormatInfo& f : formats()) {
    const std::string id = f.id;
    if (id == "csv" || id == "json" || id == "ndjson" || id == "zip" || id == "tar" || id == "xlsx") continue;   // generic: holder unknown
    if (id == "tempo") continue;   // RTE's public Tempo calendar: nothing personal, no holder
    const bool has = std::any_of(t.holders.begin(), t.holders.end(), [&](const RevealHolder& h) { return h.format == id; });
    CHECK_MESSAGE(has, "no holder row for format " << id);
  }
  for (const FormatField& f : t.fields)   // every kind named in fields.csv is described in kinds.csv
    CHECK_MESSAGE(std::any_of(t.kinds.begin(), t.kinds.end(), [&](const FieldKind& k) { return k.id == f.kind; }), f.kind);
  // a short row is reported with its file and line, the others still read
  const RevealTables bad = parse_reveal_tables("format;holder;holder_en;settings_fr;settings_en\nbank;Banque;Bank;x\r\nofx;B;B;s;s\n", "", "", "", "");
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0] == "holders.csv:2: 4 fields, 5 expected");
  CHECK(bad.holders.size() == 1);
}

TEST_CASE("reveal: sensitive place names and labels, folded, French and English") {
  CHECK(sensitive_category("Église Saint-Bruno") == "religion");
  CHECK(sensitive_category("CARTE X4512 12/05 PHARMACIE DU PORT") == "health");
  CHECK(sensitive_category("St Mary's Hospital") == "health");
  CHECK(sensitive_category("Cabinet de kinésithérapie") == "health");        // KINE* prefix
  CHECK(sensitive_category("PRLV COTISATION SYNDICALE CGT") == "union");
  CHECK(sensitive_category("Mosquée de Lyon") == "religion");
  CHECK(sensitive_category("PLACE_OF_WORSHIP") == "religion");               // a Google Places type
  CHECK(sensitive_category("CARREFOUR CITY LYON") == "");
  CHECK(sensitive_category("INSTANT CAFE") == "");                           // whole words only
  CHECK(sensitive_category("") == "");
}

TEST_CASE("reveal: inventory of a source — holder, kinds with the export's names, Art. 9 flags") {
  std::vector<SourceDesc> s = {{"Timeline.json", "google_android", {}, {}, 120, civil(2025, 3, 15), civil(2025, 11, 2)},
                               {"export.xml", "apple_health", {}, {}, 9, k_no_day, k_no_day},
                               {"mesures.csv", "csv", {}, {"Horodate", "latitude", "longitude", "Libellé"}, 3, k_no_day, k_no_day}};
  RevealInput in;
  in.sources = s;
  const RevealResult r = reveal(in);
  REQUIRE(r.sources.size() == 3);
  const SourceReport& g = r.sources[0];
  CHECK(g.holder_en == "Google (Timeline on your phone, a copy at Google if backup is on)");
  std::vector<std::string> kinds;
  for (const SourceField& f : g.fields) kinds.push_back(f.kind);
  CHECK(kinds == std::vector<std::string>{"positions", "timestamps", "place_names", "modes", "device_ids"});
  CHECK(g.fields[0].export_fields.find("latLng") != std::string::npos);
  std::vector<std::string> flags;
  for (const SensitiveFlag& f : g.sensitive) flags.push_back(f.category + (f.direct ? "!" : ""));
  CHECK(flags == std::vector<std::string>{"health", "religion", "politics", "union", "sex_life"});   // can reveal, none direct
  CHECK(g.text_fr.find("120 enregistrements du 15/03/2025 au 02/11/2025") != std::string::npos);
  CHECK(g.text_en.find("120 records from 2025-03-15 to 2025-11-02") != std::string::npos);
  // Apple Health is health data by itself
  REQUIRE(!r.sources[1].sensitive.empty());
  CHECK(r.sources[1].sensitive[0].category == "health");
  CHECK(r.sources[1].sensitive[0].direct);
  // a generic CSV: kinds from its column names, the names themselves as the export's fields
  std::vector<std::string> ck;
  for (const SourceField& f : r.sources[2].fields) ck.push_back(f.kind);
  CHECK(ck == std::vector<std::string>{"free_text", "positions", "timestamps"});
  CHECK(r.sources[2].fields[0].export_fields == "Horodate, latitude, longitude, Libellé");
  CHECK(r.sources[2].holder_en == "the service that produced this file");
  CHECK(r.inferences.empty());   // no rows: nothing inferred
}

TEST_CASE("reveal: generated trace with known home, work, schedule, a week abroad and days off") {
  Trace t = make_trace();
  const RevealResult r = reveal(t.input());

  SUBCASE("home and work") {
    REQUIRE(r.home.found);
    CHECK(r.home.lat == doctest::Approx(H_LAT).epsilon(1e-9));
    CHECK(r.home.lon == doctest::Approx(H_LON).epsilon(1e-9));
    const Inference* h = find_kind(r, "home");
    REQUIRE(h);
    // nights 02/03..27/04 = 57 with positions; 8 of them (29/03..05/04) in Barcelona
    CHECK(count_of(*h, "nights_at_home") == 49);
    CHECK(count_of(*h, "nights_with_positions") == 57);
    CHECK(h->confidence == doctest::Approx(49.0 / 57));
    CHECK(std::string(confidence_word(h->confidence, false)) == "high");
    REQUIRE(h->who_could_know.size() == 2);   // Google from the nights, the bank from the contract address
    CHECK(h->who_could_know[0].holder_en == "Google (Timeline on your phone, a copy at Google if backup is on)");
    CHECK(h->who_could_know[1].holder_en == "Your bank");
    CHECK(h->who_could_know[1].source == 2);
    REQUIRE(r.work.found);
    CHECK(r.work.lat == doctest::Approx(W_LAT).epsilon(1e-9));
    CHECK(r.work.lon == doctest::Approx(W_LON).epsilon(1e-9));
    const Inference* w = find_kind(r, "work");
    REQUIRE(w);
    // 8 weeks x 4 working days = 32, minus the Barcelona week (4) and the 3 days ill = 25; 40 weekdays
    CHECK(count_of(*w, "days_at_work") == 25);
    CHECK(count_of(*w, "weekdays_with_positions") == 40);
  }
  SUBCASE("schedule and working days") {
    const Inference* s = find_kind(r, "schedule");
    REQUIRE(s);
    CHECK(count_of(*s, "working_days") == 25);
    CHECK(count_of(*s, "leave_home_min") == 8 * 60);
    CHECK(count_of(*s, "arrive_work_min") == 8 * 60 + 30);
    CHECK(count_of(*s, "leave_work_min") == 17 * 60 + 30);
    CHECK(count_of(*s, "back_home_min") == 18 * 60);
    // Mondays: weeks 1-4, 6-8 = 7; Tuesday, Thursday, Friday: 6 (the away week, and ill on Tue, Thu, Fri of week 7)
    CHECK(count_of(*s, "days_at_work_Monday") == 7);
    CHECK(count_of(*s, "days_at_work_Tuesday") == 6);
    CHECK(count_of(*s, "days_at_work_Wednesday") == 0);
    CHECK(count_of(*s, "days_at_work_Friday") == 6);
    CHECK(s->text_fr.find("départ du domicile vers 8 h 00") != std::string::npos);
    CHECK(s->evidence.fr.find("la moitié des départs au moins tombe à 8 h 00.") != std::string::npos);   // one time, not "entre 8 h 00 et 8 h 00"
    CHECK(s->text_fr.find("Jours de travail\u00A0: lundi, mardi, jeudi et vendredi.") != std::string::npos);
    CHECK(s->text_en.find("Rarely at work on Wednesday (0/8)") != std::string::npos);
  }
  SUBCASE("routine breaks: the stay away, then days off work not explained by it") {
    const Inference* away = find_kind(r, "routine_break", 0);
    const Inference* off = find_kind(r, "routine_break", 1);
    REQUIRE(away);
    REQUIRE(off);
    CHECK(find_kind(r, "routine_break", 2) == nullptr);   // the Barcelona week's working days are the same break
    CHECK(day_key(away->first_day) == "2025-03-29");
    CHECK(day_key(away->last_day) == "2025-04-06");
    CHECK(count_of(*away, "nights_away") == 8);
    CHECK(away->lat == doctest::Approx(41.3874));
    CHECK(day_key(off->first_day) == "2025-04-15");
    CHECK(day_key(off->last_day) == "2025-04-18");
    CHECK(count_of(*off, "working_days_off") == 3);   // Tue, Thu, Fri: Wednesday is not a working day
    CHECK(off->text_fr == "Pas au travail du 15/04/2025 au 18/04/2025 (3 jours de travail habituels)\u00A0: congés, maladie\u202F?");
  }
  SUBCASE("abroad, across the DST change") {
    const Inference* a = find_kind(r, "abroad");
    REQUIRE(a);
    CHECK(find_kind(r, "abroad", 1) == nullptr);
    CHECK(day_key(a->first_day) == "2025-03-29");
    CHECK(day_key(a->last_day) == "2025-04-06");
    CHECK(a->text_en == "Stay outside metropolitan France from 2025-03-29 to 2025-04-06, around 41.3874°\u00A0N, 2.1686°\u00A0E.");
    // French writes the decimal comma and "O" for west
    CHECK(a->text_fr.find("vers 41,3874°\u00A0N, 2,1686°\u00A0E.") != std::string::npos);
  }
  SUBCASE("sleep and late listening") {
    const Inference* s = find_kind(r, "sleep");
    REQUIRE(s);
    // hours 0-6 hold no event, hour 7 holds 56 (a third of the busiest hours' 168): window 00:00-07:00
    CHECK(count_of(*s, "start_hour") == 0);
    CHECK(count_of(*s, "end_hour") == 7);
    CHECK(count_of(*s, "events_in_window") == 0);
    CHECK(count_of(*s, "events") == 1120);
    REQUIRE(s->who_could_know.size() == 1);
    CHECK(s->who_could_know[0].holder_en == "Spotify");
    const Inference* n = find_kind(r, "night_use");
    REQUIRE(n);
    CHECK(count_of(*n, "late_nights") == 56);             // every evening 22:00-23:40
    CHECK(count_of(*n, "nights_with_activity") == 57);    // the 07:10 play of 03/03 belongs to the night of 02/03
    CHECK(count_of(*n, "late_events") == 56 * 6);
  }
  SUBCASE("places: the market is regular, the church and the clinic are sensitive") {
    const Inference* p = find_kind(r, "regular_place");
    REQUIRE(p);
    CHECK(find_kind(r, "regular_place", 1) == nullptr);   // Barcelona: one visit; home and work are left out
    CHECK(count_of(*p, "days") == 6);
    CHECK(p->text_fr.find("«\u00A0Marché de la Croix-Rousse\u00A0»") != std::string::npos);
    std::map<std::string, int64_t> sensitive;
    for (const Inference& x : r.inferences)
      if (x.kind == "sensitive_place") {
        CHECK(x.sensitive);
        sensitive[x.art9] = count_of(x, "visits");
      }
    CHECK(sensitive == std::map<std::string, int64_t>{{"health", 1}, {"religion", 3}});
  }
  SUBCASE("spending, and the sensitive labels apart") {
    const Inference* s = find_kind(r, "spending");
    REQUIRE(s);
    // out: rent 2 x 700, groceries 6 x 50, pharmacy 2 x 12, union dues 15 = 1 739 over 11 debits
    CHECK(count_of(*s, "debits") == 11);
    CHECK(count_of(*s, "spending_eur") == 1739);
    CHECK(count_of(*s, "uncategorised") == 0);
    CHECK(s->text_en.find("Housing 81%, Groceries 17% and Health 1%") != std::string::npos);   // 1400/1739, 300/1739, 24/1739
    std::map<std::string, int64_t> sensitive;
    for (const Inference& x : r.inferences)
      if (x.kind == "sensitive_spending") sensitive[x.art9] = count_of(x, "operations");
    CHECK(sensitive == std::map<std::string, int64_t>{{"health", 2}, {"union", 1}});
    CHECK(r.sensitive_count == 4);
  }
  SUBCASE("the sources' periods are widened by their rows") {
    CHECK(day_key(r.sources[0].first_day) == "2025-03-02");
    CHECK(day_key(r.sources[0].last_day) == "2025-04-28");
    CHECK(day_key(r.sources[2].first_day) == "2025-03-05");
  }
}

TEST_CASE("reveal: too little data gives no inference rather than a guess") {
  Trace t = make_trace();
  t.act_ts.resize(40), t.act_platform.resize(40), t.act_kind.resize(40), t.asrc.resize(40);   // two days of listening
  t.vs.resize(6), t.ve.resize(6), t.vlat.resize(6), t.vlon.resize(6), t.vname.resize(6), t.vsem.resize(6), t.vpid.resize(6), t.vsrc.resize(6);
  const RevealResult r = reveal(t.input());
  CHECK(find_kind(r, "sleep") == nullptr);      // fewer than 100 events
  CHECK(find_kind(r, "schedule") == nullptr);   // fewer than 5 working days
  CHECK(find_kind(r, "routine_break") == nullptr);
}

// ---- the personas, through the CLI

namespace {

nlohmann::json run_reveal(const fs::path& dir, const std::vector<std::string>& files, const std::string& extra = "") {
  std::string args = "reveal --json " + extra;
  for (const std::string& f : files) args += " \"" + (dir / f).string() + "\"";
  return nlohmann::json::parse(sdw::test::run_workbench(args));
}
std::set<std::pair<std::string, std::string>> breaks_of(const nlohmann::json& j) {
  std::set<std::pair<std::string, std::string>> s;
  for (const auto& x : j["inferences"])
    if (x["kind"] == "routine_break") s.insert({x["first_day"].get<std::string>(), x["last_day"].get<std::string>()});
  return s;
}
const nlohmann::json* kind_in(const nlohmann::json& j, const std::string& kind) {
  for (const auto& x : j["inferences"])
    if (x["kind"] == kind) return &x;
  return nullptr;
}

}  // namespace

TEST_CASE("reveal: the personas through `workbench reveal --json`, against make_personas.py's constants") {
  const fs::path root = fs::path(SDW_TEST_DATA).parent_path().parent_path();
  const fs::path out = fs::temp_directory_path() / "sdw_reveal_personas";
  std::error_code ec;
  fs::remove_all(out, ec);
  const std::string cmd = "python3 \"" + (root / "samples" / "make_personas.py").string() + "\" \"" + out.string() + "\" > /dev/null 2>&1";
  REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, "python3 samples/make_personas.py did not run");

  SUBCASE("Léa: home in La Rochelle, work in Périgny, Wednesdays at home, leave in May, Sarlat in summer") {
    const auto j = run_reveal(out, {"lea/Timeline.json", "lea/releve_compte_2025.csv", "lea/sncf_connect_voyages.csv"});
    REQUIRE(j["home"].is_object());
    REQUIRE(j["work"].is_object());
    // P["home"] = (46.158042, -1.153020), P["work"] = (46.154953, -1.075981): within 100 m
    CHECK(haversine_m(j["home"]["lat"], j["home"]["lon"], 46.158042, -1.153020) < 100);
    CHECK(haversine_m(j["work"]["lat"], j["work"]["lon"], 46.154953, -1.075981) < 100);
    const auto* s = kind_in(j, "schedule");
    REQUIRE(s);
    const auto& c = (*s)["evidence"]["counts"];
    CHECK(c["days_at_work_Wednesday"] == 0);   // "if workday and wd != 2" (telework)
    CHECK(c["days_at_work_Monday"] > 20);
    CHECK(c["days_at_work_Friday"] > 20);
    // leaves at 07:48 + 0..22 min (the walk to the bus stop stays near home a few minutes longer)
    CHECK(c["leave_home_min"] >= 7 * 60 + 48);
    CHECK(c["leave_home_min"] <= 8 * 60 + 14);
    // leaves work 17:05 + 0..70 min, then 20-40 min by bike or bus
    CHECK(c["back_home_min"] >= 17 * 60 + 25);
    CHECK(c["back_home_min"] <= 19 * 60);
    // LEA_LEAVE 26-30 May (Thursday 29 is Ascension, Wednesday is not a working day anyway) and the
    // HOLIDAY_DRIVE to Sarlat, 26 July - 16 August (the working days of that leave are the same break)
    CHECK(breaks_of(j) == std::set<std::pair<std::string, std::string>>{{"2025-05-26", "2025-05-30"}, {"2025-07-26", "2025-08-16"}});
    CHECK(kind_in(j, "abroad") == nullptr);   // every place of the script is in France
    // sensitive inferences hidden by default, the count said; shown with --sensitive
    int64_t shown = 0;
    for (const auto& x : j["inferences"]) shown += x["sensitive"].get<bool>();
    CHECK(shown == 0);
    const auto js = run_reveal(out, {"lea/releve_compte_2025.csv"}, "--sensitive");
    // the bank statement's "PHARMACIE DU PORT" lines (a random shop among four, 3 % of days): as many as the file holds
    std::FILE* f = std::fopen((out / "lea/releve_compte_2025.csv").c_str(), "rb");
    REQUIRE(f);
    std::string text;
    char b[4096];
    size_t n;
    while ((n = std::fread(b, 1, sizeof b, f)) > 0) text.append(b, n);
    std::fclose(f);
    int64_t pharmacy = 0;
    for (size_t at = text.find("PHARMACIE"); at != std::string::npos; at = text.find("PHARMACIE", at + 1)) ++pharmacy;
    const auto* h = kind_in(js, "sensitive_spending");
    if (pharmacy == 0) CHECK(h == nullptr);
    else {
      REQUIRE(h);
      CHECK((*h)["art9"] == "health");
      CHECK((*h)["evidence"]["counts"]["operations"] == pharmacy);
    }
    CHECK(js["sensitive_hidden"] == 0);
  }
  SUBCASE("the Martins: no position, so no home; the two stays away (MARTIN_AWAY) from the load curve") {
    const auto j = run_reveal(out, {"martin/Enedis_Conso_Heure_20240301-20250228_21457896325874.csv",
                                    "martin/grdf_consommations_quotidiennes_21546083927715.csv", "martin/carte_fidelite_achats.csv"});
    CHECK(j["home"].is_null());
    CHECK(j["work"].is_null());
    CHECK(breaks_of(j) == std::set<std::pair<std::string, std::string>>{{"2024-08-03", "2024-08-18"}, {"2024-12-26", "2024-12-29"}});
    const auto* s = kind_in(j, "sleep");
    REQUIRE(s);
    // lights and the water heater run until 23:00 and later; weekday breakfast starts 06:36-07:24
    const int64_t a = (*s)["evidence"]["counts"]["start_hour"], e = (*s)["evidence"]["counts"]["end_hour"];
    CHECK((a == 23 || a <= 2));
    CHECK((e >= 5 && e <= 7));
    REQUIRE(j["sources"].size() == 3);
    CHECK(j["sources"][0]["holder_en"] == "Enedis (electricity grid operator)");
    CHECK(j["sources"][0]["period"]["first"] == "2024-03-01");
  }
  SUBCASE("Noah: after-school work, maths first, other pupils in the export, late screens") {
    const auto j = run_reveal(out, {"noah/lrs_statements_trimestre1.json", "noah/StreamingHistory_music_0.json", "noah/MyActivity.json"});
    CHECK(j["home"].is_null());
    const auto* l = kind_in(j, "learning_time");
    REQUIRE(l);
    // school days start at 17, 18 or 19 h (+0-50 min), the most frequent kind of day
    CHECK((*l)["evidence"]["counts"]["start_hour"] == 17);
    CHECK((*l)["evidence"]["counts"]["other_actors"] == 3);   // PUPILS: Inès, Lucas, Chloé
    CHECK((*l)["text_fr"].get<std::string>().rfind("Noah Girard travaille", 0) == 0);
    const auto* sub = kind_in(j, "subjects");
    REQUIRE(sub);
    const std::string st = (*sub)["text_fr"];
    CHECK(st.find("Mathématiques") < st.find("Français"));   // "maths homework comes up more often"
    const auto* n = kind_in(j, "night_use");
    REQUIRE(n);
    CHECK((*n)["evidence"]["counts"]["late_nights"] >= 3);   // sessions 22:30-00:30 on a few nights
    const auto* s = kind_in(j, "sleep");
    REQUIRE(s);
    // no session starts between 00:30 and 07:30: hours 1-6 are inside the window
    const int64_t a = (*s)["evidence"]["counts"]["start_hour"], e = (*s)["evidence"]["counts"]["end_hour"];
    CHECK((a >= 22 || a <= 1));
    CHECK((e >= 7 && e <= 9));
  }
  fs::remove_all(out, ec);
}
