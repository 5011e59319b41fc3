// The single table of formats, and content-based detection over it. Adding a format is one line in
// k_formats below (plus its parsers/<format>.{h,cpp}).
// Does not own: any format's logic.
#include <algorithm>

#include "parsers/formats/apple_health.h"
#include "parsers/formats/bank.h"
#include "parsers/formats/camt053.h"
#include "parsers/formats/cozy.h"
#include "parsers/readers/csv.h"
#include "parsers/core/encoding.h"
#include "parsers/formats/enedis.h"
#include "parsers/formats/enedis_2025.h"
#include "parsers/formats/geojson.h"
#include "parsers/formats/google/google.h"
#include "parsers/formats/grdf.h"
#include "parsers/formats/gpx.h"
#include "parsers/formats/health.h"
#include "parsers/readers/json.h"
#include "parsers/formats/kml.h"
#include "parsers/formats/ofx.h"
#include "parsers/formats/media.h"
#include "parsers/core/parser.h"
#include "parsers/formats/qif.h"
#include "parsers/formats/receipts.h"
#include "parsers/formats/trains.h"
#include "parsers/formats/social.h"
#include "parsers/containers/tar.h"
#include "parsers/formats/tempo.h"
#include "parsers/formats/xapi.h"
#include "parsers/containers/xlsx.h"
#include "parsers/containers/zip.h"

namespace sdw {

const std::vector<FormatInfo>& formats() {
  static const std::vector<FormatInfo> k_formats = {
      // id    label_fr                     label_en                       detect      create
      {"csv", "CSV / TSV (tableur)", "CSV / TSV (spreadsheet)", csv_detect, csv_create},
      {"json", "JSON (tableau d'objets)", "JSON (array of objects)", json_detect, json_create},
      {"ndjson", "NDJSON / JSON Lines", "NDJSON / JSON Lines", ndjson_detect, ndjson_create},
      {"geojson", "GeoJSON (carte)", "GeoJSON (map)", geojson_detect, geojson_create},
      {"zip", "Archive ZIP", "ZIP archive", zip_detect, zip_create},
      {"tar", "Archive TAR / .tgz / .tar.gz (Google Takeout)", "TAR / .tgz / .tar.gz archive (Google Takeout)", tar_detect, tar_create},
      {"xlsx", "Classeur Excel (XLSX)", "Excel workbook (XLSX)", xlsx_detect, xlsx_create},
      {"gpx", "GPX (traces GPS)", "GPX (GPS tracks)", gpx_detect, gpx_create},
      {"kml", "KML (Google Earth, My Maps)", "KML (Google Earth, My Maps)", kml_detect, kml_create},
      {"enedis", "Enedis / Linky (électricité)", "Enedis / Linky (electricity)", enedis_detect, enedis_create},
      {"enedis_2025", "Enedis / Linky, export 2025 (XLSX : Début;Fin;Valeur)", "Enedis / Linky, 2025 export (XLSX: Début;Fin;Valeur)", enedis_2025_detect, enedis_2025_create},
      {"bank", "Relevé bancaire (CSV des banques françaises)", "Bank statement (French banks' CSV)", bank_detect, bank_create},
      {"google_records", "Google Takeout : historique des positions (Records.json)", "Google Takeout: location history (Records.json)", google_records_detect, google_records_create},
      {"google_semantic", "Google Takeout : trajets et lieux par mois (Semantic Location History)", "Google Takeout: monthly places and trips (Semantic Location History)", google_semantic_detect, google_semantic_create},
      {"google_ios", "Google Maps Chronologie (export iPhone)", "Google Maps Timeline (iPhone export)", google_ios_detect, google_ios_create},
      {"google_android", "Google Maps Chronologie (export Android, Timeline.json)", "Google Maps Timeline (Android export, Timeline.json)", google_android_detect, google_android_create},
      {"google_edits", "Google Maps Chronologie : modifications (ignorées)", "Google Maps Timeline: edits (skipped)", google_edits_detect, google_edits_create},
      {"xapi", "xAPI (traces d'apprentissage, LRS)", "xAPI (learning records, LRS)", xapi_detect, xapi_create},
      {"trains", "Historique de voyages en train (SNCF Connect, Trainline)", "Train trip history (SNCF Connect, Trainline)", trains_detect, trains_create},
      {"receipts", "Achats (carte de fidélité, tickets de caisse)", "Purchases (loyalty card, receipts)", receipts_detect, receipts_create},
      {"health", "Remboursements santé (Ameli, mutuelle)", "Health reimbursements (Ameli, insurer)", health_detect, health_create},
      {"grdf", "GRDF (gaz, consommations quotidiennes)", "GRDF (gas, daily consumption)", grdf_detect, grdf_create},
      {"ofx", "Relevé bancaire OFX / QFX", "OFX / QFX bank statement", ofx_detect, ofx_create},
      {"qif", "Relevé bancaire QIF (export Money / Quicken)", "QIF bank statement (Money / Quicken export)", qif_detect, qif_create},
      {"camt053", "Relevé bancaire ISO 20022 camt.053 (XML)", "ISO 20022 camt.053 bank statement (XML)", camt053_detect, camt053_create},
      {"apple_health", "Apple Santé (export.xml)", "Apple Health (export.xml)", apple_health_detect, apple_health_create},
      {"cozy", "Cozy Cloud (opérations, factures, trajets)", "Cozy Cloud (operations, bills, trips)", cozy_detect, cozy_create},
      {"facebook", "Facebook : publications, commentaires, réactions, messages (JSON)", "Facebook: posts, comments, reactions, messages (JSON)", facebook_detect, facebook_create},
      {"instagram", "Instagram : j'aime, publications, commentaires, messages (JSON)", "Instagram: likes, posts, comments, messages (JSON)", instagram_detect, instagram_create},
      {"spotify", "Spotify : historique d'écoute (JSON)", "Spotify: streaming history (JSON)", spotify_detect, spotify_create},
      {"netflix", "Netflix : historique de visionnage (ViewingActivity.csv)", "Netflix: viewing activity (ViewingActivity.csv)", netflix_detect, netflix_create},
      {"tempo", "Calendrier Tempo (RTE : éCO2mix, API, CSV date;couleur)", "Tempo calendar (RTE: éCO2mix, API, CSV date;colour)", tempo_detect, tempo_create},
      {"my_activity", "Google Takeout : Mon activité / historique YouTube (JSON)", "Google Takeout: My Activity / YouTube history (JSON)", my_activity_detect, my_activity_create},
  };
  return k_formats;
}

const FormatInfo* find_format(std::string_view id) {
  for (const FormatInfo& f : formats())
    if (id == f.id) return &f;
  return nullptr;
}

std::string describe_head(std::string_view head, bool french) {
  if (head.size() > k_head_bytes) head = head.substr(0, k_head_bytes);
  const bool complete = head.size() < k_head_bytes;
  EncodingGuess g = guess_encoding(head, complete);
  std::string out;
  if (g.binary) {
    static const char* k_hex = "0123456789ABCDEF";
    out = french ? "données binaires (premiers octets :" : "binary data (first bytes:";
    for (size_t i = 0; i < std::min<size_t>(head.size(), 16); ++i) {
      uint8_t b = uint8_t(head[i]);
      out += ' ';
      out += k_hex[b >> 4];
      out += k_hex[b & 15];
    }
    out += ')';
    return out;
  }
  Transcoder tc(g.encoding, g.bom_len);
  std::string text;
  tc.feed(head.substr(0, 4096), text);
  size_t end = text.find_first_of("\r\n");
  std::string_view line = std::string_view(text).substr(0, end);
  // at most 80 characters, cut on a UTF-8 boundary
  size_t pos = 0, chars = 0;
  while (pos < line.size() && chars < 80) {
    uint8_t b = uint8_t(line[pos]);
    pos += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    ++chars;
  }
  std::string first(line.substr(0, std::min(pos, line.size())));
  for (char& c : first)
    if (uint8_t(c) < 0x20) c = ' ';
  if (pos < line.size()) first += "…";
  out = french ? "texte, encodage " : "text, encoding ";
  out += encoding_name(g.encoding);
  out += french ? ", première ligne : « " + first + " »" : ", first line: \"" + first + "\"";
  return out;
}

Detection detect_format(std::string_view head, std::string_view file_name) {
  Detection d;
  if (head.size() > k_head_bytes) head = head.substr(0, k_head_bytes);
  for (const FormatInfo& f : formats()) {
    int c = f.detect(head, file_name);
    if (c > d.confidence) {
      d.confidence = c;
      d.format = &f;
    }
  }
  if (!d.format) d.what_was_seen = describe_head(head, false);
  return d;
}

}  // namespace sdw
