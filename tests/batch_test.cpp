// Batches while streaming (Session::take_rows): a parse whose rows are moved out as they come must
// give exactly the rows of a parse that kept everything, so the browser can ship batches to DuckDB
// and keep the wasm heap flat.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <tuple>
#include <vector>

#include "parsers/core/parser.h"
#include "parsers/core/values.h"
#include "tests/test_util.h"

using namespace sdw;

namespace {

// Text of row r of a table, one cell per column.
std::string row_text(const Table& t, size_t r) {
  std::string s;
  for (const Column& c : t.columns) s += (c.valid[r] ? c.value_text(r) : "<null>") + "|";
  return s;
}

struct Drained {
  std::vector<std::string> rows;       // every row, in order, across batches and the final rest
  std::vector<std::string> types;      // column types of the final table
  size_t batches = 0;
  size_t max_rows_held = 0;            // most rows held by the parser at a drain
};

Drained parse_draining(const std::string& text, size_t chunk, size_t min_rows) {
  Session s(ParseOptions{"batch.csv"});
  Drained d;
  for (size_t i = 0; i < text.size(); i += chunk) {
    s.feed(test::bytes_of(std::string_view(text).substr(i, chunk)));
    if (!s.can_take_rows()) continue;
    for (size_t t = 0; t < s.tables().size(); ++t) {
      if (s.tables()[t].rows() < min_rows) continue;
      d.max_rows_held = std::max(d.max_rows_held, s.tables()[t].rows());
      Table b = s.take_rows(t);
      b.finalize();
      CHECK(s.tables()[t].rows() == 0);
      CHECK(s.tables()[t].columns.size() == b.columns.size());
      for (size_t r = 0; r < b.rows(); ++r) d.rows.push_back(row_text(b, r));
      ++d.batches;
    }
  }
  s.finish();
  REQUIRE_FALSE(s.diagnostics().failed);
  for (Table& t : s.tables()) {
    t.finalize();
    for (size_t r = 0; r < t.rows(); ++r) d.rows.push_back(row_text(t, r));
    for (const Column& c : t.columns) d.types.push_back(column_type_name(c.type));
  }
  return d;
}

std::vector<std::string> parse_whole(const std::string& text) {
  Session s(ParseOptions{"batch.csv"});
  s.feed(test::bytes_of(text));
  s.finish();
  std::vector<std::string> rows;
  for (Table& t : s.tables()) {
    t.finalize();
    for (size_t r = 0; r < t.rows(); ++r) rows.push_back(row_text(t, r));
  }
  return rows;
}

// A load curve as a generic CSV (two preamble lines), then half-hourly readings crossing the spring-forward day.
std::string load_curve(int rows) {
  std::string s = "Compteur;Maison rue des Mouettes\nExport;2023\nhorodatage;puissance_w;qualite\n";
  int64_t t = 1679698800;  // 2023-03-25T00:00:00+01:00
  for (int i = 0; i < rows; ++i, t += 1800) {
    int off = (t >= 1679792400) ? 2 : 1;  // 2023-03-26T01:00:00Z: summer time
    int64_t local = t + off * 3600;
    int64_t days = local / 86400, sec = local % 86400;
    int64_t y; unsigned m, dd;
    civil_from_days(days, y, m, dd);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:00+0%d:00;%d;%s\n", (int)y, m, dd, (int)(sec / 3600),
                  (int)(sec % 3600 / 60), off, 300 + (i * 37) % 2500, i % 7 ? "R" : "E");
    s += buf;
  }
  return s;
}

}  // namespace

TEST_CASE("draining batches while streaming gives exactly the rows of a whole parse") {
  const std::string text = load_curve(20000);
  const auto whole = parse_whole(text);
  REQUIRE(whole.size() == 20000);
  for (size_t chunk : {size_t(7), size_t(4096), size_t(65536)}) {
    CAPTURE(chunk);
    Drained d = parse_draining(text, chunk, 1000);
    CHECK(d.batches > 5);
    CHECK(d.rows == whole);
    CHECK(d.types == std::vector<std::string>{"timestamp", "int64", "string"});
    CHECK(d.max_rows_held < 1000 + 65536 / 20);   // never much more than a batch plus one chunk of rows
  }
}

TEST_CASE("a column that changes type after a batch was taken: later batches carry the new type") {
  std::string text = "id;montant\n";
  for (int i = 0; i < 30000; ++i) text += std::to_string(i) + ";" + std::to_string(i * 3) + "\n";   // > 64 KiB head
  text += "30000;12,5\n30001;n/d\n30002;7\n";
  Session s(ParseOptions{"types.csv"});
  std::vector<std::string> batch_types;
  for (size_t i = 0; i < text.size(); i += 4096) {
    s.feed(test::bytes_of(std::string_view(text).substr(i, 4096)));
    if (s.can_take_rows() && !s.tables().empty() && s.tables()[0].rows() >= 1000) {
      Table b = s.take_rows(0);
      batch_types.push_back(column_type_name(b.columns[1].type));
    }
  }
  s.finish();
  REQUIRE_FALSE(s.diagnostics().failed);
  REQUIRE(!batch_types.empty());
  CHECK(batch_types.front() == "int64");
  const Table& rest = s.tables()[0];
  CHECK(std::string(column_type_name(rest.columns[1].type)) == "string");   // "n/d" demoted the column
  CHECK(rest.columns[1].value_text(rest.rows() - 1) == "7");
}

TEST_CASE("formats that build their tables at the end do not offer batches") {
  // a JSON object whose records array is one candidate among others: the largest is only known at the end
  Session s(ParseOptions{"x.json"});
  std::string j = "{\"meta\":[{\"k\":1}],\"data\":[";
  for (int i = 0; i < 12000; ++i) j += std::string(i ? "," : "") + "{\"a\":" + std::to_string(i) + "}";
  j += "]}";
  s.feed(test::bytes_of(j));
  CHECK_FALSE(s.can_take_rows());
  s.finish();
  CHECK(s.tables().at(0).rows() == 12000);
}

// [SECTION] JSON, NDJSON and Records.json stream rows too

namespace {

// Every batch taken while feeding `text` in `chunk`-byte pieces (at least `min_rows` rows each), then the rest.
std::vector<Table> drain_all(const std::string& text, const std::string& name, size_t chunk, size_t min_rows,
                             std::string* format = nullptr) {
  Session s(ParseOptions{name});
  std::vector<Table> out;
  for (size_t i = 0; i < text.size(); i += chunk) {
    s.feed(test::bytes_of(std::string_view(text).substr(i, chunk)));
    if (!s.can_take_rows()) continue;
    for (size_t t = 0; t < s.tables().size(); ++t) {
      if (s.tables()[t].rows() < min_rows) continue;
      out.push_back(s.take_rows(t));
      out.back().finalize();
      CHECK(s.tables()[t].rows() == 0);
    }
  }
  s.finish();
  REQUIRE_MESSAGE(!s.diagnostics().failed, s.diagnostics().error.en);
  if (format) *format = s.format() ? s.format()->id : "";
  for (Table& t : s.tables()) out.push_back(std::move(t));
  return out;
}

// A row as the bridge sees it once batches are appended to one table: columns of the final schema by name,
// a column missing from a batch (found later) is null, a batch column whose type the parser widened later is
// widened the same way (int64 -> float64, anything -> text as Column::value_text writes it, all-null -> any).
std::vector<std::string> as_one_table(std::vector<Table>& pieces) {
  const Table& last = pieces.back();
  std::vector<std::string> rows;
  for (Table& b : pieces) {
    std::vector<const Column*> cols;
    for (const Column& want : last.columns) {
      const Column* found = nullptr;
      for (Column& c : b.columns) {
        if (c.name != want.name) continue;
        if (c.type != want.type) {
          if (c.null_count == int64_t(c.size())) c.type = want.type;
          else if (want.type == ColumnType::Float64) c.convert_to_float();
          else if (want.type == ColumnType::String) c.convert_to_string();
          c.finalize();
        }
        CHECK(c.type == want.type);
        found = &c;
      }
      cols.push_back(found);
    }
    for (size_t r = 0; r < b.rows(); ++r) {
      std::string line;
      for (const Column* c : cols) {
        if (!c || !c->valid[r]) line += "<null>|";
        else line += c->value_text(r) + (c->type == ColumnType::Timestamp ? "@" + std::to_string(c->utc_offset_min[r]) : "") + "|";
      }
      rows.push_back(std::move(line));
    }
  }
  return rows;
}

std::vector<std::string> whole_rows(const std::string& text, const std::string& name, std::vector<std::string>* types) {
  std::vector<Table> one = drain_all(text, name, text.size(), SIZE_MAX);
  REQUIRE(one.size() == 1);
  for (const Column& c : one[0].columns) types->push_back(c.name + ":" + column_type_name(c.type));
  return as_one_table(one);
}

// A bank-like record stream whose schema moves after the first batches: `montant` turns decimal at 15000,
// `code` meets "n/d" at 25000, `note` is null for 3000 records before its first integer, `late.x` appears at
// 20000, `quand` is an ISO time crossing the 2023 spring-forward night in +01:00 / +02:00.
std::string record(int i) {
  int64_t t = 1679698800 + int64_t(i) * 60;
  const int off = t >= 1679792400 ? 2 : 1;
  const int64_t local = t + off * 3600;
  int64_t y; unsigned m, d;
  civil_from_days(local / 86400, y, m, d);
  char when[40];
  std::snprintf(when, sizeof when, "%04d-%02u-%02uT%02d:%02d:00+0%d:00", int(y), m, d, int(local % 86400 / 3600),
                int(local % 3600 / 60), off);
  std::string r = "{\"id\":" + std::to_string(i) + ",\"quand\":\"" + when + "\",\"libelle\":\"CB CARREFOUR " +
                  std::to_string(i % 97) + "\",\"montant\":" +
                  (i >= 15000 && i % 4 == 0 ? std::to_string(i % 1000) + ".25" : std::to_string(-(i % 500))) +
                  ",\"code\":" + (i == 25000 ? std::string("\"n/d\"") : std::to_string(i % 13)) +
                  ",\"note\":" + (i < 3000 ? std::string("null") : std::to_string(i % 5)) +
                  ",\"tags\":[\"courses\"," + std::to_string(i % 3) + "]";
  if (i >= 20000) r += ",\"late\":{\"x\":" + std::string(i % 2 ? "true" : "false") + "}";
  return r + "}";
}

}  // namespace

TEST_CASE("json and ndjson: batches taken while streaming make exactly the table of a whole parse") {
  std::string array = "[\n", lines;
  for (int i = 0; i < 30000; ++i) {
    array += (i ? ",\n" : "") + record(i);
    lines += record(i) + "\n";
  }
  array += "\n]\n";
  for (auto [text, name, fmt] : {std::tuple{&array, std::string("releve.json"), "json"},
                                 std::tuple{&lines, std::string("releve.ndjson"), "ndjson"}}) {
    CAPTURE(name);
    std::vector<std::string> types;
    const auto whole = whole_rows(*text, name, &types);
    REQUIRE(whole.size() == 30000);
    CHECK(types == std::vector<std::string>{"id:int64", "quand:timestamp", "libelle:string", "montant:float64",
                                            "code:string", "note:int64", "tags:string", "late.x:bool"});
    CHECK(whole[25000].find("|n/d|") != std::string::npos);
    CHECK(whole[0].find("2023-03-24T23:00:00Z@60|CB CARREFOUR 0|0|0|<null>|") != std::string::npos);
    for (size_t chunk : {size_t(4096), size_t(65536), size_t(1) << 20}) {
      CAPTURE(chunk);
      std::string format;
      std::vector<Table> pieces = drain_all(*text, name, chunk, 1000, &format);
      CHECK(format == fmt);
      CHECK(pieces.size() > 3);
      CHECK(std::string(column_type_name(pieces.front().columns[3].type)) == "int64");   // before 15000
      CHECK(pieces.front().columns.size() == 7);                                           // late.x not seen yet
      CHECK(as_one_table(pieces) == whole);
    }
  }
}

TEST_CASE("google_records: the location points stream out in batches equal to a whole parse") {
  std::string j = "{\"locations\": [";
  for (int i = 0; i < 20000; ++i) {
    const int64_t lat = 461598000 + i * 37, lon = -11520000 - i * 53;
    const int64_t ms = 1679698800000 + int64_t(i) * 30000;
    j += i ? ",\n" : "\n";
    if (i % 5000 == 4999) { j += "{\"timestamp\":\"2023-03-25T10:00:00Z\"}"; continue; }        // no coordinates
    j += "{\"latitudeE7\":" + std::to_string(lat) + ",\"longitudeE7\":" + std::to_string(lon) +
         ",\"accuracy\":" + std::to_string(5 + i % 40) + (i % 3 ? ",\"altitude\":" + std::to_string(12 + i % 9) : "") +
         (i % 2 ? ",\"timestampMs\":\"" + std::to_string(ms) + "\"" : ",\"timestamp\":\"" + format_timestamp(ms * 1000) + "\"") +
         ",\"source\":\"WIFI\"" +
         (i % 4 == 0 ? ",\"activity\":[{\"activity\":[{\"type\":\"IN_VEHICLE\",\"confidence\":70},{\"type\":\"STILL\",\"confidence\":20}]}]" : "") +
         "}";
  }
  j += "\n]}\n";
  std::vector<std::string> types;
  const auto whole = whole_rows(j, "Records.json", &types);
  REQUIRE(whole.size() == 19996);
  CHECK(whole[0].rfind("2023-03-24T23:00:00Z@", 0) == 0);
  for (size_t chunk : {size_t(4096), size_t(1) << 20}) {
    CAPTURE(chunk);
    std::string format;
    std::vector<Table> pieces = drain_all(j, "Records.json", chunk, 1000, &format);
    CHECK(format == "google_records");
    CHECK(pieces.size() > 3);
    CHECK(pieces.front().domain == "location_points");
    CHECK(as_one_table(pieces) == whole);
  }
}

// An Enedis load curve (two metadata lines, "Horodate;Valeur", 30-minute steps through the autumn DST
// change) drained in batches while streaming gives exactly the whole parse, with its metadata.
TEST_CASE("Enedis load curve: batches taken while streaming = the whole parse") {
  std::string text = "Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;Unite\n"
                     "21457896325874;Courbe de charge;2024-10-20;2024-11-20;Energie active;Consommation;Comptage Brut;W\n"
                     "Horodate;Valeur\n";
  int64_t t = 1729378800;   // 2024-10-20T00:00:00+02:00, end of the first half hour follows
  for (int i = 0; i < 6000; ++i) {
    t += 1800;
    const int off = t >= 1729990800 ? 1 : 2;   // 2024-10-27T01:00:00Z: back to winter time
    const int64_t local = t + off * 3600;
    int64_t y; unsigned m, d;
    civil_from_days(local / 86400, y, m, d);
    char buf[80];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:00+0%d:00;%d\n", (int)y, m, d, (int)(local % 86400 / 3600),
                  (int)(local % 3600 / 60), off, 200 + (i * 53) % 3000);
    text += buf;
  }
  Session whole_s(ParseOptions{"Enedis_Conso_Heure.csv"});
  whole_s.feed(test::bytes_of(text));
  whole_s.finish();
  REQUIRE(whole_s.format() != nullptr);
  CHECK(std::string(whole_s.format()->id) == "enedis");
  const auto whole = parse_whole(text);
  REQUIRE(whole.size() == 6000);
  for (size_t chunk : {size_t(13), size_t(4096)}) {
    CAPTURE(chunk);
    Drained d = parse_draining(text, chunk, 500);
    CHECK(d.batches > 5);
    CHECK(d.rows == whole);
    // never more than a batch plus what the 64 KiB head (read before the encoding and delimiter are
    // decided, ~2 100 rows here) and one chunk hold; the whole file is 6 000 rows
    CHECK(d.max_rows_held < 500 + 2200 + 4096 / 10);
  }
}
