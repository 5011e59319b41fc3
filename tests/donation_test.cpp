// Data donation: SHA-256 on the NIST vectors, the EPSG:3035 grid on EPSG's worked example, home and work
// found from nights and weekdays, trip ends near home removed (400 m) or kept (600 m), k-anonymity (a cell
// of 4 trips suppressed, one of 5 kept), identical bytes and hash for identical inputs, the FR/EN summary,
// and the validation the territory runs (tampered, malformed, forbidden column, k). Hand-worked values.
#include <doctest/doctest.h>

#include <cmath>

#include "challenges/donation.h"
#include "challenges/sha256.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::challenge;
using sdw::test::utc_us;

TEST_CASE("sha256: NIST FIPS 180-4 test vectors, fed whole and in pieces") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const std::string m448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";   // 56 bytes: padding spills a block
  CHECK(sha256_hex(m448) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu") ==
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  Sha256 h;   // one million 'a' in uneven pieces
  const std::string piece(997, 'a');
  size_t left = 1000000;
  while (left) {
    const size_t n = std::min(left, piece.size());
    h.update(piece.data(), n);
    left -= n;
  }
  CHECK(h.hex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  Sha256 h2;
  for (char ch : m448) h2.update(&ch, 1);
  CHECK(h2.hex() == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("donation grid: EPSG:3035 on EPSG Guidance Note 7-2's example, inverse, 1 km cell ids") {
  double e, n;
  laea_forward(50, 5, e, n);   // 50°N 5°E -> E 3962799.45, N 2999718.85
  CHECK(std::abs(e - 3962799.45) < 0.005);   // EPSG gives centimetres
  CHECK(std::abs(n - 2999718.85) < 0.005);
  double lat, lon;
  laea_inverse(e, n, lat, lon);
  CHECK(lat == doctest::Approx(50).epsilon(1e-10));
  CHECK(lon == doctest::Approx(5).epsilon(1e-10));
  CHECK(grid_cell_id(50, 5) == "1kmN2999E3962");
  // La Rochelle, Vieux-Port
  laea_forward(46.1556, -1.1517, e, n);
  CHECK(grid_cell_id(46.1556, -1.1517) == "1kmN" + std::to_string(int64_t(n / 1000)) + "E" + std::to_string(int64_t(e / 1000)));
  CHECK(haversine_m(46.0, -1.0, 46.0 + 400 / 111195.08, -1.0) == doctest::Approx(400).epsilon(1e-6));
}

namespace {

// Léa-like fixture: home in La Rochelle's centre, work at the Périgny business park.
constexpr double k_home_lat = 46.16120, k_home_lon = -1.15230, k_work_lat = 46.15420, k_work_lon = -1.08510;
constexpr double k_m_per_deg_lat = 111195.08;

struct Fixture {
  std::vector<int64_t> vs, ve, ts;
  std::vector<double> vlat, vlon, dist, slat, slon, elat, elon;
  std::vector<std::string_view> mode, scommune, ecommune;
  // nights at home from Monday 10 to Monday 17 March 2025 (19:00 -> 07:30 Paris = UTC+1), weekdays at work
  Fixture() {
    for (int d = 10; d < 17; ++d) {
      vs.push_back(utc_us(2025, 3, d, 18, 0)), ve.push_back(utc_us(2025, 3, d + 1, 6, 30));
      vlat.push_back(k_home_lat), vlon.push_back(k_home_lon);
      if (d <= 14) {
        vs.push_back(utc_us(2025, 3, d, 8, 0)), ve.push_back(utc_us(2025, 3, d, 16, 30));
        vlat.push_back(k_work_lat), vlon.push_back(k_work_lon);
      }
    }
  }
  void trip(int day, double lat0, double lon0, double lat1, double lon1, double km, std::string_view m, std::string_view c0 = "",
            std::string_view c1 = "") {
    ts.push_back(utc_us(2025, 3, day, 17, 0));
    dist.push_back(km * 1000);
    slat.push_back(lat0), slon.push_back(lon0), elat.push_back(lat1), elon.push_back(lon1);
    mode.push_back(m), scommune.push_back(c0), ecommune.push_back(c1);
  }
  DonationInput input() const {
    DonationInput in;
    in.trips = {ts, dist, {}, mode, {}, slat, slon, elat, elon, scommune, ecommune};
    in.places = {vs, ve, vlat, vlon, {}, {}, {}};
    return in;
  }
};

DonationOptions options() {
  DonationOptions o;
  o.purpose = "Enquête déplacements La Rochelle 2026";
  o.created = "2026-05-04";
  return o;
}

}  // namespace

TEST_CASE("donation places: home from the nights, work from the weekdays") {
  Fixture f;
  const DonationInput in = f.input();
  const ProtectedPlaces p = detect_places(in.places);
  REQUIRE(p.home.found);
  CHECK(p.home.lat == doctest::Approx(k_home_lat).epsilon(1e-12));
  CHECK(p.home.lon == doctest::Approx(k_home_lon).epsilon(1e-12));
  CHECK(p.home.observations == 7);
  CHECK(p.home.weight == doctest::Approx(7 * 8 * 3600.0));   // 22:00 -> 06:00 each night
  REQUIRE(p.work.found);
  CHECK(p.work.lat == doctest::Approx(k_work_lat).epsilon(1e-12));
  CHECK(p.work.observations == 5);
  CHECK(p.work.weight == doctest::Approx(5 * 8 * 3600.0));  // at work 09:00 -> 17:30 Paris: the 09:00-17:00 window
  // no visits in the windows: location points count one each
  const int64_t pts[] = {utc_us(2025, 3, 11, 23, 0), utc_us(2025, 3, 12, 1, 0), utc_us(2025, 3, 12, 12, 0)};
  const double plat[] = {45.0, 45.0, 44.0}, plon[] = {-1.0, -1.0, -1.0};
  PlacesView pv{{}, {}, {}, {}, pts, plat, plon};
  const ProtectedPlaces q = detect_places(pv);
  CHECK(q.home.found);
  CHECK(q.home.lat == 45.0);
  CHECK(q.home.observations == 2);
  CHECK(q.work.lat == 44.0);
}

TEST_CASE("donation: a trip ending 400 m from home loses that end, 600 m keeps it (communes)") {
  Fixture f;
  const double lat400 = k_home_lat - 400 / k_m_per_deg_lat, lat600 = k_home_lat - 600 / k_m_per_deg_lat;
  // five bike trips from Lagord (17200) to 400 m south of home (La Rochelle, 17300), five to 600 m south
  for (int i = 0; i < 5; ++i) f.trip(12, 46.1900, -1.1550, lat400, k_home_lon, 3, "bike", "17200", "17300");
  for (int i = 0; i < 5; ++i) f.trip(13, 46.1900, -1.1550, lat600, k_home_lon, 4, "bike", "17200", "17300");
  DonationOptions o = options();
  o.area = DonationArea::Commune;
  o.energy = o.learning = false;
  const Donation d = build_donation(f.input(), o);
  CHECK(d.trip_ends_removed == 5);
  CHECK(d.trips_unlocated == 0);
  CHECK(d.data ==
        "part,period,period_start,area,cell_lat,cell_lon,category,value,unit,records\n"
        "mobility,2025-W11,2025-03-10,17200,,,bike,15.000,km,5\n"      // the 400 m trips fall back on their origin
        "mobility,2025-W11,2025-03-10,17300,,,bike,20.000,km,5\n");    // the 600 m trips keep their end
  CHECK(d.sha256 == sha256_hex(d.data));
  CHECK(d.data_file == "donation-" + d.sha256.substr(0, 8) + ".csv");
  o.mobility_by_month = true;   // coarser time: the month and its first day
  CHECK(build_donation(f.input(), o).data.find("mobility,2025-03,2025-03-01,17200,,,bike,15.000,km,5\n") != std::string::npos);
}

TEST_CASE("donation: 1 km cells — 4 trips suppressed, 5 kept; cells within 500 m of home never written") {
  Fixture f;
  // Home placed 550 m north of a cell's southern edge (EPSG:3035): 400 m south stays in home's cell,
  // 600 m south lands 50 m inside the cell below, whose nearest edge is 550 m from home.
  int64_t ek, nk;
  grid_cell_id(k_home_lat, k_home_lon, &ek, &nk);
  double hlat, hlon, lat400, lon400, lat600, lon600;
  laea_inverse(ek * 1000.0 + 500, nk * 1000.0 + 550, hlat, hlon);
  laea_inverse(ek * 1000.0 + 500, nk * 1000.0 + 150, lat400, lon400);
  laea_inverse(ek * 1000.0 + 500, nk * 1000.0 - 50, lat600, lon600);
  std::fill(f.vlat.begin(), f.vlat.end(), hlat), std::fill(f.vlon.begin(), f.vlon.end(), hlon);   // no work: all nights and days home
  CHECK(haversine_m(hlat, hlon, lat400, lon400) == doctest::Approx(400).epsilon(0.005));
  CHECK(haversine_m(hlat, hlon, lat600, lon600) == doctest::Approx(600).epsilon(0.005));
  const double chat_lat = 46.0790, chat_lon = -1.0900, ile_lat = 46.2050, ile_lon = -1.3700;   // Châtelaillon, Île de Ré
  for (int i = 0; i < 5; ++i) f.trip(12, hlat, hlon, chat_lat, chat_lon, 14.2, "car");   // 5 to Châtelaillon: kept
  for (int i = 0; i < 4; ++i) f.trip(14, hlat, hlon, ile_lat, ile_lon, 18.5, "car");    // 4 to the Île de Ré: suppressed
  for (int i = 0; i < 5; ++i) f.trip(15, chat_lat, chat_lon, lat400, lon400, 14, "bus"); // end 400 m: removed, origin used
  for (int i = 0; i < 5; ++i) f.trip(15, ile_lat, ile_lon, lat600, lon600, 20, "bus");   // end 600 m: kept
  DonationOptions o = options();
  const Donation d = build_donation(f.input(), o);
  REQUIRE(d.places.home.found);
  CHECK_FALSE(d.places.work.found);
  const std::string c600 = grid_cell_id(lat600, lon600), chat = grid_cell_id(chat_lat, chat_lon);
  REQUIRE(d.rows.size() == 3);
  CHECK(d.rows[0].area == chat);
  CHECK(d.rows[0].category == "bus");
  CHECK(d.rows[0].value == doctest::Approx(70));
  CHECK(d.rows[1].area == chat);
  CHECK(d.rows[1].category == "car");
  CHECK(d.rows[1].value == doctest::Approx(71));
  CHECK(d.rows[2].area == c600);
  CHECK(d.rows[2].records == 5);
  CHECK(d.mobility.suppressed_cells == 1);       // Île de Ré, 4 trips
  CHECK(d.mobility.suppressed_records == 4);
  CHECK(d.trip_ends_removed == 9 + 5);           // 9 trips start at home, 5 end 400 m from it
  for (const DonationRow& r : d.rows) {
    CHECK(r.records >= 5);
    CHECK(haversine_m(r.cell_lat, r.cell_lon, hlat, hlon) >= 500);
    CHECK(r.area != grid_cell_id(hlat, hlon));
  }
  // the cell centre of the kept row is written rounded to 5 decimals, and it is the centre of that cell
  CHECK(grid_cell_id(d.rows[2].cell_lat, d.rows[2].cell_lon) == c600);
  CHECK(d.data.find(",car,71.000,km,5\n") != std::string::npos);
  // a zone drawn around Châtelaillon removes those rows too
  o.zones.push_back({chat_lat, chat_lon, 300});
  const Donation z = build_donation(f.input(), o);
  // home at one end, the zone at the other: the 5 car and 5 bus trips are counted without a place
  CHECK(z.trips_unlocated == 10);
  CHECK(z.data.find("mobility,2025-W11,2025-03-10,,,,bus,70.000,km,5\n") != std::string::npos);
  CHECK(z.data.find("mobility,2025-W11,2025-03-10,,,,car,71.000,km,5\n") != std::string::npos);
  CHECK(z.data.find(chat) == std::string::npos);
  CHECK(z.rows.size() == 3);
}

namespace {

// One of everything: trips (10 kept, 3 suppressed), a month of daily Linky readings, a week of xAPI.
struct Mixed {
  Fixture f;
  std::vector<int64_t> es, ee, lts;
  std::vector<double> kwh, ldur;
  std::vector<std::string_view> actor, verb;
  Mixed() {
    for (int i = 0; i < 10; ++i) f.trip(11 + i % 3, k_home_lat, k_home_lon, 46.1480, -1.1690, 2.5, "bike");   // Les Minimes
    for (int i = 0; i < 3; ++i) f.trip(12, k_work_lat, k_work_lon, 46.1900, -1.1550, 7, "bus");
    for (int d = 1; d <= 30; ++d) es.push_back(utc_us(2025, 4, d, 22, 0) - 24 * 3600000000LL), ee.push_back(utc_us(2025, 4, d, 22, 0)), kwh.push_back(6 + d % 4);
    for (int i = 0; i < 6; ++i) {   // Monday 7 April 2025, 17:00 Paris, 10 minutes each
      lts.push_back(utc_us(2025, 4, 7, 15, 10 * i)), ldur.push_back(600), actor.push_back("noah.martin@college-exemple.fr"), verb.push_back("answered");
    }
  }
  DonationInput input() const {
    DonationInput in = f.input();
    in.electricity = {es, ee, {}, kwh};
    in.learning = {lts, actor, verb, {}, {}, {}, {}, ldur, {}, {}, {}};
    return in;
  }
};

}  // namespace

TEST_CASE("donation: identical inputs give identical bytes and hash; energy per month, learning per week") {
  Mixed m;
  DonationOptions o = options();
  o.district = "17300-MINIMES";
  const Donation a = build_donation(m.input(), o), b = build_donation(m.input(), o);
  CHECK(a.data == b.data);
  CHECK(a.manifest == b.manifest);
  CHECK(a.sha256 == b.sha256);
  CHECK(a.energy.rows == 1);
  CHECK(a.data.find("energy,2025-04,2025-04-01,17300-MINIMES,,,electricity,") != std::string::npos);
  double april = 0;
  for (int d = 1; d <= 30; ++d) april += 6 + d % 4;
  CHECK(april == 225);
  CHECK(a.data.find(",electricity,225.000,kWh,30\n") != std::string::npos);
  CHECK(a.data.find("learning,2025-W15,2025-04-07,,,,,60.000,min,6\n") != std::string::npos);
  CHECK(a.mobility.rows == 1);
  CHECK(a.mobility.suppressed_cells == 1);
  CHECK(a.mobility.suppressed_records == 3);
  CHECK(a.data.find("noah") == std::string::npos);   // the actor is never written
  // the manifest states the method and hashes the bytes
  CHECK(a.manifest.find("\"sha256\": \"" + a.sha256 + "\"") != std::string::npos);
  CHECK(a.manifest.find("\"k\": 5") != std::string::npos);
  CHECK(a.manifest.find("\"created\": \"2026-05-04\"") != std::string::npos);
  CHECK(a.manifest.find("\"suppressed_cells\": 1") != std::string::npos);
  CHECK(a.manifest.find("\"purpose\": \"Enquête déplacements La Rochelle 2026\"") != std::string::npos);
  // another k: another file
  o.k = 10;
  const Donation c = build_donation(m.input(), o);
  CHECK(c.sha256 != a.sha256);
  CHECK(c.learning.suppressed_cells == 1);
  o.k = 2;   // never below 5
  CHECK(build_donation(m.input(), o).options.k == 5);
}

TEST_CASE("donation: the plain-language summary in French and English") {
  Mixed m;
  const Donation d = build_donation(m.input(), options());
  const std::string fr = donation_summary(d, true), en = donation_summary(d, false);
  CHECK(fr.find("«\u00A0Enquête déplacements La Rochelle 2026\u00A0»") != std::string::npos);
  CHECK(fr.find("Il contient 3 lignes de totaux") != std::string::npos);
  CHECK(fr.find("par semaine et par carreau de 1 km (1 lignes, 10 trajets)") != std::string::npos);
  CHECK(fr.find("Chaque ligne regroupe au moins 5 enregistrements. 1 cases plus petites (3 enregistrements) ont été retirées.") != std::string::npos);
  CHECK(fr.find("Rien à moins de 500 m de votre domicile et votre travail") != std::string::npos);
  CHECK(fr.find("Il ne contient pas\u00A0: votre nom, adresse e-mail") != std::string::npos);
  CHECK(fr.find("L’application n’envoie rien") != std::string::npos);
  CHECK(en.find("It holds 3 rows of totals") != std::string::npos);
  CHECK(en.find("Nothing within 500 m of your home and your work") != std::string::npos);
  CHECK(en.find("It does not hold: your name, e-mail address") != std::string::npos);
}

TEST_CASE("donation validation: accepted as made; tampered, malformed, forbidden column and small k rejected") {
  Mixed m;
  const Donation d = build_donation(m.input(), options());
  DonationCheck c = check_manifest(d.manifest);
  CHECK(c.ok);
  CHECK(c.data_file == d.data_file);
  check_data(c, d.data);
  CHECK(c.ok);
  CHECK(c.reasons.empty());
  CHECK(c.rows == 3);

  std::string tampered = d.data;   // one figure raised: the hash no longer matches
  tampered.replace(tampered.find("225.000"), 7, "925.000");
  DonationCheck t = check_manifest(d.manifest);
  check_data(t, tampered);
  CHECK_FALSE(t.ok);
  REQUIRE(t.reasons.size() == 1);
  CHECK(t.reasons[0].code == "donation.sha256");
  CHECK(t.reasons[0].fr == "l’empreinte SHA-256 ne correspond pas\u00A0: fichier modifié ou incomplet");

  DonationCheck bad = check_manifest("{\"format\": \"sdw-donation\", ");
  CHECK_FALSE(bad.ok);
  CHECK(bad.reasons[0].code == "donation.manifest_json");

  // rewritten by someone with the hash recomputed: the rows themselves are checked
  auto rehashed = [&](const std::string& data) {
    std::string man = d.manifest;
    man.replace(man.find(d.sha256), 64, sha256_hex(data));
    DonationCheck r = check_manifest(man);
    check_data(r, data);
    return r;
  };
  std::string small = d.data;
  small.replace(small.find(",electricity,225.000,kWh,30\n"), 28, ",electricity,225.000,kWh,4\n");
  DonationCheck k4 = rehashed(small);
  REQUIRE_FALSE(k4.ok);
  CHECK(k4.reasons[0].en == "line 3: fewer than 5 records (k-anonymity)");
  std::string named = d.data;
  named.replace(0, named.find('\n'), "part,period,period_start,area,cell_lat,cell_lon,category,value,unit,records,actor_email");
  DonationCheck fc = rehashed(named);
  REQUIRE_FALSE(fc.ok);
  CHECK(fc.reasons[0].code == "donation.forbidden_column");
  CHECK(fc.reasons[0].en == "forbidden columns (identifiers): actor_email");
  std::string moved = d.data;   // an exact position passed off as a cell centre
  const size_t p = moved.find("mobility,");
  const size_t lat = moved.find(',', moved.find(',', moved.find(',', moved.find(',', p) + 1) + 1) + 1) + 1;
  moved.replace(lat, 8, "46.14801");
  DonationCheck mv = rehashed(moved);
  REQUIRE_FALSE(mv.ok);
  CHECK(mv.reasons[0].en.find("is not the centre of cell 1kmN") != std::string::npos);
  DonationCheck rc = rehashed(d.data.substr(0, d.data.rfind('\n', d.data.size() - 2) + 1));   // last row cut
  REQUIRE_FALSE(rc.ok);
  CHECK(rc.reasons[0].code == "donation.row_count");

  std::string lines;
  donation_rows_ndjson(d.data, d.sha256.substr(0, 12), [&](std::string_view l) { lines += l; });
  CHECK(lines.find("{\"donation_id\":\"" + d.sha256.substr(0, 12) + "\",\"part\":\"energy\",\"period\":\"2025-04\"") != std::string::npos);
  CHECK(lines.find("\"value\":225.000,\"unit\":\"kWh\",\"records\":30}\n") != std::string::npos);
  CHECK(std::count(lines.begin(), lines.end(), '\n') == 3);
}
