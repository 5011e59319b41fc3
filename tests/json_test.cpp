// JSON tokenizer, record collector, "json" and "ndjson" parsers: exact events with offsets and lines,
// errors with code/message/offset (truncation, depth, bad UTF-8...), real-shaped fixtures
// (tests/data/json, made by make_fixtures.py), detection against CSV, chunk-size invariance.
#include <doctest/doctest.h>

#include <filesystem>

#include "parsers/readers/csv.h"
#include "parsers/readers/json.h"
#include "parsers/readers/json_reader.h"
#include "tests/test_util.h"

using namespace sdw;
using namespace sdw::test;

namespace {

const size_t k_chunks[] = {1, 2, 3, 7, 64, 4096};

// "kind@depth:offset:line[=text]" per event, one per line
struct DumpHandler : JsonHandler {
  std::string out;
  std::vector<std::string> paths;
  void on_event(const JsonEvent& e, JsonReader& r) override {
    out += json_kind_name(e.kind);
    out += "@" + std::to_string(e.depth) + ":" + std::to_string(e.offset) + ":" + std::to_string(e.line);
    if (e.kind == JsonKind::Key || e.kind == JsonKind::String || e.kind == JsonKind::Number)
      out += "=" + std::string(e.text);
    if (e.kind == JsonKind::Bool) out += e.boolean ? "=true" : "=false";
    out += "\n";
    paths.push_back(r.path());
  }
};

struct Tok {
  std::string events;
  bool failed = false;
  Message error;
  Diagnostics warnings;
  std::vector<std::string> paths;
};

Tok tokenize(std::string_view text, size_t chunk, JsonReaderOptions o = {}) {
  Tok t;
  JsonReader r(o, &t.warnings);
  DumpHandler h;
  if (chunk == 0) chunk = text.size() ? text.size() : 1;
  for (size_t p = 0; p < text.size(); p += chunk) r.feed(text.substr(p, chunk), h);
  r.finish(h);
  t.events = h.out;
  t.paths = h.paths;
  t.failed = r.failed();
  t.error = r.error();
  return t;
}

const Column& column(const Table& t, const std::string& name) {
  for (const Column& c : t.columns)
    if (c.name == name) return c;
  FAIL("no column " << name);
  return t.columns[0];
}

bool has_code(const Diagnostics& d, const std::string& code) { return d.count(code) > 0; }

const Message& warning(const Diagnostics& d, const std::string& code) {
  for (const Message& m : d.warnings)
    if (m.code == code) return m;
  FAIL("no warning " << code);
  return d.warnings[0];
}

Parsed fixture(const std::string& name) { return parse_session(read_fixture("json/" + name), name); }

}  // namespace

// [SECTION] tokenizer

TEST_CASE("tokenizer: events, depths, offsets and lines, whatever the chunking") {
  const std::string text = "{\"a\": [1, -2.5e3, true],\r\n \"b\": {\"c\": null},\n \"d\": \"x\"}";
  const std::string expected =
      "begin_object@0:0:1\n"
      "key@1:1:1=a\n"
      "begin_array@1:6:1\n"
      "number@2:7:1=1\n"
      "number@2:10:1=-2.5e3\n"
      "bool@2:18:1=true\n"
      "end_array@1:22:1\n"
      "key@1:27:2=b\n"
      "begin_object@1:32:2\n"
      "key@2:33:2=c\n"
      "null@2:38:2\n"
      "end_object@1:42:2\n"
      "key@1:46:3=d\n"
      "string@1:51:3=x\n"
      "end_object@0:54:3\n";
  for (size_t chunk : k_chunks) {
    Tok t = tokenize(text, chunk);
    CHECK_MESSAGE(!t.failed, chunk);
    CHECK_MESSAGE(t.events == expected, "chunk " << chunk);
    REQUIRE(t.paths.size() == 15);
    CHECK(t.paths[3] == "a[0]");
    CHECK(t.paths[10] == "b.c");
  }
}

TEST_CASE("tokenizer: BOM, escapes, \\u00e9, surrogate pairs, raw UTF-8, split anywhere") {
  const std::string text = "\xEF\xBB\xBF{\"cl\\u00e9\": \"a\\ud83d\\ude00b\\n\\t\\\"\\\\\\/\", \"v\": \"\xC3\xA9t\xC3\xA9 \xF0\x9F\x8E\x89\"}";
  for (size_t chunk : k_chunks) {
    Tok t = tokenize(text, chunk);
    REQUIRE_MESSAGE(!t.failed, chunk);
    CHECK_MESSAGE(t.events ==
                      "begin_object@0:3:1\n"
                      "key@1:4:1=clé\n"
                      "string@1:16:1=a\xF0\x9F\x98\x80" "b\n\t\"\\/\n"
                      "key@1:44:1=v\n"
                      "string@1:49:1=été 🎉\n"
                      "end_object@0:61:1\n",
                  chunk);
    CHECK(t.warnings.warnings.empty());
  }
}

TEST_CASE("tokenizer: numbers keep their text, int64 when exact, double always") {
  struct Case { const char* text; bool integral, is_int; int64_t i; double d; };
  const Case cases[] = {
      {"0", true, true, 0, 0},
      {"-0", true, true, 0, 0},
      {"461234567", true, true, 461234567, 461234567},
      {"-11234567", true, true, -11234567, -11234567},
      {"9223372036854775807", true, true, INT64_MAX, 9223372036854775807.0},
      {"-9223372036854775808", true, true, INT64_MIN, -9223372036854775808.0},
      {"9223372036854775808", true, false, 0, 9223372036854775808.0},
      {"1.5", false, false, 0, 1.5},
      {"1e3", false, false, 0, 1000},
      {"-2.5E-3", false, false, 0, -0.0025},
      {"1.7976931348623157e308", false, false, 0, 1.7976931348623157e308},
  };
  struct NumHandler : JsonHandler {
    JsonEvent last;
    std::string text;
    void on_event(const JsonEvent& e, JsonReader&) override {
      if (e.kind == JsonKind::Number) { last = e; text = std::string(e.text); }
    }
  };
  for (const Case& c : cases) {
    for (size_t chunk : {1, 64}) {
      JsonReader r;
      NumHandler h;
      const std::string doc = std::string("[") + c.text + "]";
      for (size_t p = 0; p < doc.size(); p += chunk) r.feed(std::string_view(doc).substr(p, chunk), h);
      r.finish(h);
      REQUIRE_MESSAGE(!r.failed(), c.text);
      CHECK(h.text == c.text);
      CHECK_MESSAGE(h.last.integral == c.integral, c.text);
      CHECK_MESSAGE(h.last.is_int == c.is_int, c.text);
      if (c.is_int) CHECK_MESSAGE(h.last.i64 == c.i, c.text);
      CHECK_MESSAGE(h.last.f64 == c.d, c.text);
    }
    // a number alone is a document too (finished at end of input)
    Tok t = tokenize(c.text, 1);
    CHECK_MESSAGE(!t.failed, c.text);
  }
}

TEST_CASE("tokenizer errors: code, byte offset and bilingual text, whatever the chunking") {
  struct Case { std::string text; const char* code; uint64_t offset; uint64_t line; const char* en_part; const char* fr_part; };
  const Case cases[] = {
      {"{\"a\": \"abc", "json.eof_in_string", 6, 1, "End of file inside a string started at byte 6",
       "Fin de fichier dans une chaîne commencée à l'octet 6"},
      {"[\"ok\",\n\"cut \\u00", "json.eof_in_string", 7, 2, "inside a string started at byte 7 (line 2)", "ligne 2"},
      {"[1, 2,", "json.eof", 6, 1, "after a comma: expected a value", "après une virgule"},
      {"{\"a\": [1, 2", "json.eof", 11, 1, "array '[' opened at byte 6 (line 1) not closed", "tableau « [ » ouvert à l'octet 6"},
      {"{\"a\"", "json.eof", 4, 1, "after a key: expected ':'", "après une clé"},
      {"[tr", "json.eof", 3, 1, "inside \"true\"", "dans « true »"},
      {"[1, 2,]", "json.trailing_comma", 6, 1, "Trailing comma before ']' at byte 6", "Virgule en trop"},
      {"{\"a\": 1,}", "json.trailing_comma", 8, 1, "Trailing comma before '}'", "Virgule en trop"},
      {"{\"a\" 1}", "json.syntax", 5, 1, "unexpected character '1', expected ':' after the key", "caractère « 1 » inattendu"},
      {"[1 2]", "json.syntax", 3, 1, "expected ',' or ']'", "« , » ou « ] » attendu"},
      {"{\"a\": 1]", "json.syntax", 7, 1, "unexpected character ']', expected '}'", "« } » attendu"},
      {"[.5]", "json.syntax", 1, 1, "unexpected character '.', expected a value", "valeur attendue"},
      {"[tru]", "json.syntax", 4, 1, "expected a value (true, false or null)", "true, false ou null"},
      {"{'a': 1}", "json.syntax", 1, 1, "expected a quoted key name", "nom de clé entre guillemets"},
      {"[01]", "json.bad_number", 1, 1, "Invalid number \"01\" at byte 1", "Nombre invalide « 01 »"},
      {"[1.]", "json.bad_number", 1, 1, "Invalid number \"1.\"", "Nombre invalide"},
      {"\n\n[-]", "json.bad_number", 3, 3, "Invalid number \"-\" at byte 3 (line 3)", "ligne 3"},
      {"[\"a\x01" "b\"]", "json.control_char", 3, 1, "Unescaped control character 0x01", "Caractère de contrôle 0x01"},
      {"[\"a\tb\"]", "json.control_char", 3, 1, "Unescaped control character 0x09", "non échappé"},
      {"[\"\\q\"]", "json.bad_escape", 2, 1, "Invalid escape \"\\q\"", "Échappement invalide"},
      {"[\"\\u12G4\"]", "json.bad_escape", 2, 1, "Invalid \\u escape (character 'G') at byte 2", "Échappement \\u invalide"},
      {"{} {}", "json.trailing", 3, 1, "Data after the end of the JSON document at byte 3", "Données après la fin"},
      {"", "json.empty", 0, 1, "No JSON value", "Aucune valeur JSON"},
      {" \r\n\t", "json.empty", 4, 2, "No JSON value", "Aucune valeur JSON"},
  };
  for (const Case& c : cases) {
    for (size_t chunk : k_chunks) {
      Tok t = tokenize(c.text, chunk);
      REQUIRE_MESSAGE(t.failed, c.text);
      CHECK_MESSAGE(t.error.code == c.code, c.text << " got " << t.error.code);
      CHECK_MESSAGE(t.error.where.byte_offset == c.offset, c.text << " chunk " << chunk);
      CHECK_MESSAGE(t.error.where.line == c.line, c.text);
      CHECK_MESSAGE(t.error.en.find(c.en_part) != std::string::npos, c.text << " → " << t.error.en);
      CHECK_MESSAGE(t.error.fr.find(c.fr_part) != std::string::npos, c.text << " → " << t.error.fr);
    }
  }
}

TEST_CASE("200 000-deep nesting fails cleanly at the 513th level, no recursion") {
  const std::string deep(200000, '[');
  for (size_t chunk : {size_t(7), size_t(4096), size_t(0)}) {
    Tok t = tokenize(deep, chunk);
    REQUIRE(t.failed);
    CHECK(t.error.code == "json.too_deep");
    CHECK(t.error.where.byte_offset == 512);
    CHECK(t.error.en == "Nesting too deep (more than 512 levels) at byte 512 (line 1)");
    CHECK(t.error.fr == "Imbrication trop profonde (plus de 512 niveaux) à l'octet 512 (ligne 1)");
  }
  // 512 levels are fine; the limit is configurable
  const std::string ok = std::string(512, '[') + std::string(512, ']');
  CHECK(!tokenize(ok, 64).failed);
  JsonReaderOptions o;
  o.max_depth = 3;
  CHECK(tokenize("[[[[]]]]", 1, o).error.code == "json.too_deep");
  // through the session, objects too
  std::string objs;
  for (int i = 0; i < 200000; ++i) objs += "{\"a\":";
  Parsed p = parse_session(objs, "deep.json", 65536);
  REQUIRE(p.diag.failed);
  CHECK(p.format == "json");
  CHECK(p.diag.error.code == "json.too_deep");
  CHECK(p.diag.error.where.byte_offset == 512 * 5);
  CHECK(p.tables.empty());
}

TEST_CASE("invalid UTF-8 and lone surrogates: U+FFFD with a warning at the byte offset") {
  const std::string text = "[\"a\xFF" "b\", \"\xC3\xA9\", \"\xE2\x82\", \"\\ud800x\", \"\\udc00\", \"\xED\xA0\x80\"]";
  for (size_t chunk : k_chunks) {
    Tok t = tokenize(text, chunk);
    REQUIRE_MESSAGE(!t.failed, chunk);
    CHECK_MESSAGE(t.events ==
                      "begin_array@0:0:1\n"
                      "string@1:1:1=a\xEF\xBF\xBD" "b\n"
                      "string@1:8:1=é\n"
                      "string@1:14:1=\xEF\xBF\xBD\n"
                      "string@1:20:1=\xEF\xBF\xBDx\n"
                      "string@1:31:1=\xEF\xBF\xBD\n"
                      "string@1:41:1=\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\n"
                      "end_array@0:46:1\n",
                  chunk);
    REQUIRE(t.warnings.warnings.size() == 7);
    CHECK(t.warnings.warnings[0].code == "json.invalid_utf8");
    CHECK(t.warnings.warnings[0].where.byte_offset == 3);
    CHECK(t.warnings.warnings[0].en == "Invalid UTF-8 inside a string at byte 3 (line 1), replaced by U+FFFD");
    CHECK(t.warnings.warnings[1].where.byte_offset == 15);  // E2 82 cut by the quote
    CHECK(t.warnings.warnings[2].where.byte_offset == 21);  // \ud800 not followed by a low surrogate
    CHECK(t.warnings.warnings[3].where.byte_offset == 32);  // lone \udc00
    CHECK(t.warnings.warnings[4].where.byte_offset == 42);  // ED A0 80: an encoded surrogate
  }
  // lenient mode keeps raw control characters with a warning
  JsonReaderOptions o;
  o.allow_control_chars = true;
  Tok t = tokenize("[\"a\tb\"]", 1, o);
  CHECK(!t.failed);
  CHECK(t.events.find("string@1:1:1=a\tb") != std::string::npos);
  CHECK(t.warnings.count("json.control_char") == 1);
}

TEST_CASE("multiple top-level values (JSON text sequences) and reset for line-by-line use") {
  JsonReaderOptions o;
  o.multiple_values = true;
  Tok t = tokenize("{\"a\":1}\n[2] 3\n\"x\"\n", 2, o);
  CHECK(!t.failed);
  CHECK(t.events.find("number@0:12:2=3") != std::string::npos);
  JsonReader r;
  DumpHandler h;
  r.reset(100, 7);
  r.feed("{\"a\": tru}", h);
  REQUIRE(r.failed());
  CHECK(r.error().where.byte_offset == 109);
  CHECK(r.error().where.line == 7);
  r.reset(111, 8);
  r.feed("[1]", h);
  r.finish(h);
  CHECK(!r.failed());
  CHECK(r.values() == 1);
}

TEST_CASE("record collector: dotted paths, arrays as JSON text, prefix, last duplicate wins") {
  struct H : JsonHandler {
    JsonRecordCollector c;
    std::vector<std::string> records;
    bool in = false;
    void on_event(const JsonEvent& e, JsonReader&) override {
      if (e.depth == 1 && !in) { c.begin("p."); in = true; }
      if (!in) return;
      if (c.on_event(e)) {
        std::string s;
        for (const JsonField& f : c.fields()) s += std::string(f.path) + "=" + std::string(f.text) + ";";
        const JsonField* a = c.find("p.a");
        if (a) s += "last a=" + std::string(a->text);
        records.push_back(s);
        in = false;
      }
    }
  };
  const std::string text =
      "[{\"a\": 1, \"b\": {\"c\": \"x\\\"y\", \"d\": {\"e\": false}}, \"l\": [1, {\"k\": [null, \"\\u00e9\"]}, []], \"a\": 2},"
      " 5, [\"s\"], {}]";
  for (size_t chunk : k_chunks) {
    JsonReader r;
    H h;
    for (size_t p = 0; p < text.size(); p += chunk) r.feed(std::string_view(text).substr(p, chunk), h);
    r.finish(h);
    REQUIRE(!r.failed());
    REQUIRE(h.records.size() == 4);
    CHECK(h.records[0] == "p.a=1;p.b.c=x\"y;p.b.d.e=false;p.l=[1,{\"k\":[null,\"é\"]},[]];p.a=2;last a=2");
    CHECK(h.records[1] == "p=5;");
    CHECK(h.records[2] == "p=[\"s\"];");
    CHECK(h.records[3] == "");
  }
}

// [SECTION] detection

TEST_CASE("detection: JSON, NDJSON, GeoJSON and CSV each win on their own content") {
  struct Case { std::string head; const char* name; const char* id; };
  const Case cases[] = {
      {"[{\"a\": 1}, {\"a\": 2}]", "x.json", "json"},
      {"\xEF\xBB\xBF  \r\n{\"docs\": [{\"a\": 1}]}", "export", "json"},
      {"[{\"a\": 1}]", "x.csv", "json"},                           // JSON content named .csv
      {"[\n  {\"a\": 1},\n  {\"a\": 2}\n]\n", "x.txt", "json"},   // pretty printed: not NDJSON
      {"{\n  \"a\": 1\n}\n", "x", "json"},
      {"{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n", "x.json", "ndjson"},
      {"{\"a\":1}\r\n{\"a\":2}\r\n{bad\r\n{\"a\":3}\r\n", "events", "ndjson"},
      {"{\"a\":1}\n", "x.jsonl", "ndjson"},
      {"{\"a\":1}\n", "x.json", "json"},
      {"{\"type\": \"FeatureCollection\", \"features\": []}", "x.json", "geojson"},
      {"{\"type\":\"Feature\",\"geometry\":null,\"properties\":{}}", "x", "geojson"},
      {"{\"features\": []}", "carte.geojson", "geojson"},
      {"a;b\n1;2\n3;4\n", "x.json", "csv"},                         // CSV content named .json
      {"nom,valeur\n\"{a}\",1\n\"[b]\",2\n", "x.csv", "csv"},
  };
  for (const Case& c : cases) {
    Detection d = detect_format(c.head, c.name);
    REQUIRE_MESSAGE(d.format, c.head);
    CHECK_MESSAGE(std::string(d.format->id) == c.id, c.head << " named " << c.name << " → " << d.format->id);
  }
  CHECK(json_detect("a;b\n1;2\n", "x.json") == 0);
  CHECK(ndjson_detect("Il était une fois\n", "x.jsonl") == 0);
  CHECK(json_detect(std::string_view("{\0\x01\x02", 4), "x.json") == 0);
}

// [SECTION] json fixtures

TEST_CASE("Google Takeout Records.json: {\"locations\": [...]}, E7 integers, a big id kept exactly") {
  // the generic json parser on it (detection picks google_records: tests/google_timeline_test.cpp)
  Parsed p = parse_direct(read_fixture("json/Records.json"), "Records.json", 0, "json");
  CHECK(p.format == "json");
  REQUIRE(!p.diag.failed);
  REQUIRE(p.tables.size() == 1);
  const Table& t = p.tables[0];
  CHECK(t.name == "Records");
  CHECK(t.rows() == 3);
  CHECK(column(t, "latitudeE7").type == ColumnType::Int64);
  CHECK(column(t, "latitudeE7").i64[0] == 488566140);
  CHECK(column(t, "longitudeE7").i64[2] == 23541234);
  CHECK(column(t, "source").string_at(1) == "GPS");
  const Column& ts = column(t, "timestamp");
  CHECK(ts.type == ColumnType::Timestamp);
  CHECK(ts.i64[0] == utc_us(2023, 3, 26, 1, 30) + 123000);
  CHECK(ts.i64[2] == utc_us(2023, 3, 26, 1, 2));
  CHECK(ts.utc_offset_min[2] == 120);
  const Column& tag = column(t, "deviceTag");
  CHECK(tag.type == ColumnType::String);  // 18446744073709551617 does not fit int64: kept as text
  CHECK(tag.string_at(0) == "18446744073709551617");
  CHECK(tag.string_at(1) == "-1507351204");
  const Column& act = column(t, "activity");
  CHECK(act.type == ColumnType::String);
  CHECK(act.string_at(1) == "[{\"activity\":[{\"type\":\"STILL\",\"confidence\":100}],\"timestamp\":\"2023-03-26T01:31:00Z\"}]");
  CHECK(!act.valid[0]);
  const Column& alt = column(t, "altitude");  // appears in the last record only: back-filled with nulls
  CHECK(alt.type == ColumnType::Int64);
  CHECK(alt.null_count == 2);
  CHECK(alt.i64[2] == 35);
  CHECK(t.meta == std::vector<std::pair<std::string, std::string>>{{"json_path", "locations"}});
}

TEST_CASE("Cozy-like {\"docs\": [...]}: BOM, \\u escapes, nested objects, int meeting decimal, dates, metadata") {
  Parsed p = fixture("cozy_bank_operations.json");
  REQUIRE(!p.diag.failed);
  const Table& t = p.tables[0];
  CHECK(t.rows() == 4);
  REQUIRE(t.columns.size() == 10);
  CHECK(t.columns[0].name == "_id");
  CHECK(column(t, "label").string_at(0) == "Boulangerie « Crêpe & Cœur »");
  CHECK(column(t, "label").string_at(2) == "Librairie l’Œil écoute");
  const Column& amount = column(t, "amount");
  CHECK(amount.type == ColumnType::Float64);
  CHECK(amount.f64[0] == -12);
  CHECK(amount.f64[2] == -23.9);
  CHECK(column(t, "date").type == ColumnType::Date);
  CHECK(column(t, "date").value_text(3) == "2023-03-27");
  const Column& dt = column(t, "metadata.datetime");
  CHECK(dt.type == ColumnType::Timestamp);
  CHECK(dt.i64[0] == utc_us(2023, 3, 24, 7, 15));
  CHECK(dt.utc_offset_min[0] == 60);
  CHECK(dt.i64[2] == utc_us(2023, 3, 26, 1, 30));  // 02:30 local does not exist: read as +01:00, flagged
  CHECK(dt.utc_offset_min[2] == k_unknown_offset);  // no offset written
  CHECK(column(t, "metadata.version").type == ColumnType::Int64);
  CHECK(column(t, "tags").string_at(0) == "[\"food\",\"café\"]");
  CHECK(column(t, "tags").string_at(1) == "[]");
  CHECK(!column(t, "tags").valid[3]);
  CHECK(column(t, "reconciled").type == ColumnType::Bool);
  CHECK(!column(t, "reconciled").valid[2]);
  CHECK(column(t, "category").string_at(3) == "santé");
  CHECK(column(t, "category").null_count == 3);
  CHECK(t.meta == std::vector<std::pair<std::string, std::string>>{
                      {"json_path", "docs"}, {"total_rows", "4"}, {"offset", "0"}});
  const Message& gap = warning(p.diag, "time.dst_gap");
  CHECK(gap.where.line == 7);
}

TEST_CASE("Facebook messages: CRLF, mojibake repaired, the larger array wins, photos as JSON text") {
  // detected as "facebook" (activity, tests/social_test.cpp): the generic reader is forced here
  Parsed p = parse_direct(read_fixture("json/facebook_message_1.json"), "facebook_message_1.json", 0, "json");
  REQUIRE(!p.diag.failed);
  const Table& t = p.tables[0];
  CHECK(t.rows() == 3);
  CHECK(column(t, "sender_name").string_at(0) == "Clément Dupré");
  CHECK(column(t, "sender_name").string_at(1) == "Anaïs");
  CHECK(column(t, "content").string_at(1) == "Oui ! On se voit à la fête ❤");
  CHECK(column(t, "timestamp_ms").i64[2] == 1679794320500);
  CHECK(column(t, "reactions").string_at(1) == "[{\"reaction\":\"❤\",\"actor\":\"Clément Dupré\"}]");
  CHECK(column(t, "photos").string_at(2) ==
        "[{\"uri\":\"messages/inbox/photos/123.jpg\",\"creation_timestamp\":1679794320}]");
  CHECK(column(t, "is_geoblocked_for_viewer").type == ColumnType::Bool);
  bool title = false;
  for (const auto& [k, v] : t.meta) title |= k == "title" && v == "Anaïs";
  CHECK(title);
  CHECK(has_code(p.diag, "json.mojibake_repaired"));
  const Message& other = warning(p.diag, "json.other_arrays");
  CHECK(other.info);
  CHECK(other.en == "Other arrays of objects not imported (rows): \"participants\" (2)");
}

TEST_CASE("top-level array: emoji as surrogate pairs, duplicate key (last wins), mixed types become text") {
  Parsed p = fixture("notes_emoji.json");
  REQUIRE(!p.diag.failed);
  const Table& t = p.tables[0];
  CHECK(t.rows() == 3);
  CHECK(column(t, "titre").string_at(0) == "Crème brûlée 🍮");
  CHECK(column(t, "titre").string_at(1) == "Fête 🎉 à l’école");
  CHECK(column(t, "titre").string_at(2) == "Ligne\nsuivante \"citée\" \\ /");
  const Column& note = column(t, "note");
  CHECK(note.type == ColumnType::String);
  CHECK(note.string_at(0) == "5");
  CHECK(note.string_at(1) == "3.5");  // the second "note" of the object wins
  CHECK(note.string_at(2) == "pas noté");
  const Message& dup = warning(p.diag, "json.duplicate_key");
  CHECK(dup.where.line == 3);
  CHECK(dup.en == "Duplicate key \"note\" in an object (byte 222, line 3): the last value is kept");
  CHECK(column(t, "quand").type == ColumnType::Timestamp);
  CHECK(column(t, "quand").i64[0] == utc_us(2023, 10, 29, 0, 30));  // 02:30 then 02:15: both +02:00 first,
  CHECK(column(t, "quand").i64[1] == utc_us(2023, 10, 29, 1, 15));  // then +01:00 to keep the order
}

TEST_CASE("NDJSON: CRLF, blank line, a bad line skipped with its line number, late key") {
  Parsed p = fixture("activity.jsonl");
  CHECK(p.format == "ndjson");
  REQUIRE(!p.diag.failed);
  const Table& t = p.tables[0];
  CHECK(t.rows() == 3);
  CHECK(column(t, "ts").type == ColumnType::Timestamp);
  CHECK(column(t, "km").type == ColumnType::Float64);
  CHECK(column(t, "km").f64[2] == 21.5);
  CHECK(column(t, "type").string_at(2) == "vélo");
  CHECK(column(t, "bpm_max").i64[2] == 151);
  CHECK(column(t, "bpm_max").null_count == 2);
  const Message& bad = warning(p.diag, "ndjson.bad_line");
  CHECK(bad.where.line == 4);
  CHECK(bad.where.byte_offset == 212);
  CHECK(bad.en == "Line 4 skipped: Invalid JSON at byte 212 (line 4): unexpected character 'k', expected a quoted key name");
  CHECK(bad.fr.rfind("Ligne 4 ignorée : JSON invalide à l'octet 212", 0) == 0);
}

TEST_CASE("NDJSON where no line is valid fails with the first error") {
  Parsed p = parse_session("{a}\n{b}\n", "x.jsonl");
  REQUIRE(p.diag.failed);
  CHECK(p.diag.error.code == "ndjson.no_valid_line");
  CHECK(p.diag.error.where.byte_offset == 1);
}

TEST_CASE("shapes: root object with no array is one row; array of scalars; nested candidate at depth 2") {
  {
    Parsed p = parse_session("{\"nom\": \"Zoé\", \"age\": 31, \"adresse\": {\"ville\": \"Lyon\"}, \"tags\": [\"a\"]}", "profil.json");
    REQUIRE(p.tables.size() == 1);
    CHECK(p.tables[0].rows() == 1);
    CHECK(column(p.tables[0], "adresse.ville").string_at(0) == "Lyon");
    CHECK(column(p.tables[0], "tags").string_at(0) == "[\"a\"]");
  }
  {
    Parsed p = parse_session("[1, 2.5, null, 4]", "x.json");
    CHECK(p.tables[0].rows() == 4);
    CHECK(column(p.tables[0], "value").type == ColumnType::Float64);
    CHECK(!column(p.tables[0], "value").valid[2]);
  }
  {
    Parsed p = parse_session("{\"a\": {\"b\": [{\"x\": 1}, {\"x\": 2}, {\"x\": 3}]}, \"c\": [{\"y\": 1}]}", "x.json");
    CHECK(p.tables[0].rows() == 3);
    CHECK(p.tables[0].meta[0].second == "a.b");
  }
  {
    Parsed p = parse_session("[]", "x.json");
    REQUIRE(!p.diag.failed);
    CHECK(p.tables[0].rows() == 0);
  }
}

TEST_CASE("type changes after the inference window, and the column cap") {
  std::string doc = "[";
  for (int i = 0; i < 1500; ++i) doc += "{\"n\": " + std::to_string(i) + ", \"s\": " + std::to_string(i) + "},";
  doc += "{\"n\": 0.5, \"s\": \"texte\", \"new\": true}]";
  Parsed p = parse_session(doc, "x.json", 4096);
  const Table& t = p.tables[0];
  CHECK(t.rows() == 1501);
  CHECK(column(t, "n").type == ColumnType::Float64);
  CHECK(column(t, "n").f64[1500] == 0.5);
  CHECK(column(t, "s").type == ColumnType::String);
  CHECK(column(t, "s").string_at(1499) == "1499");
  CHECK(column(t, "new").type == ColumnType::Bool);
  CHECK(column(t, "new").null_count == 1500);
  CHECK(warning(p.diag, "json.type_changed").en.find("Column \"s\": value \"texte\"") == 0);

  std::string wide = "[{";
  for (int i = 0; i < 600; ++i) wide += std::string(i ? "," : "") + "\"k" + std::to_string(i) + "\": " + std::to_string(i);
  wide += "}]";
  Parsed w = parse_session(wide, "wide.json");
  CHECK(w.tables[0].columns.size() == 512);
  CHECK(warning(w.diag, "json.too_many_columns").en == "88 value(s) dropped: more than 512 columns (first dropped key: \"k512\")");
}

TEST_CASE("duplicate-key warnings are capped") {
  std::string doc = "[";
  for (int i = 0; i < 30; ++i) doc += std::string(i ? "," : "") + "{\"a\": 1, \"a\": " + std::to_string(i) + "}";
  doc += "]";
  Parsed p = parse_session(doc, "x.json");
  CHECK(column(p.tables[0], "a").i64[29] == 29);
  CHECK(p.diag.count("json.duplicate_key") == 30);
  CHECK(p.diag.warnings.size() == Diagnostics::k_max_per_code);
}

// [SECTION] malformed input through the session

TEST_CASE("malformed files: clear error with offset, no table, never a crash") {
  {
    Parsed p = parse_session("", "vide.json");
    CHECK(p.diag.error.code == "format.empty");
  }
  {
    Parsed p = parse_session(read_fixture("csv/garbage.bin"), "photo.json", 7);
    REQUIRE(p.diag.failed);
    CHECK(p.diag.error.code == "format.unknown");
  }
  {
    const std::string full = read_fixture("json/cozy_bank_operations.json");
    const size_t cut = full.find("Librairie") + 4;  // inside the string that starts 1 byte before
    Parsed p = parse_session(std::string_view(full).substr(0, cut), "cozy.json", 3);
    REQUIRE(p.diag.failed);
    CHECK(p.diag.error.code == "json.eof_in_string");
    CHECK(p.diag.error.where.byte_offset == full.find("Librairie") - 1);
    CHECK(p.diag.error.where.line == 6);
    CHECK(p.tables.empty());
  }
  {
    Parsed p = parse_session("[{\"a\": 1},", "cut.json");
    CHECK(p.diag.error.code == "json.eof");
    CHECK(p.diag.error.en.find("after a comma") != std::string::npos);
  }
  {
    // a 10 MB single string, whole and cut
    std::string big = "[{\"blob\": \"" + std::string(10 << 20, 'x') + "\", \"n\": 1}]";
    Parsed p = parse_session(big, "big.json", 1 << 16);
    REQUIRE(!p.diag.failed);
    CHECK(column(p.tables[0], "blob").string_at(0).size() == size_t(10 << 20));
    Parsed c = parse_session(std::string_view(big).substr(0, 5 << 20), "big.json", 1 << 16);
    CHECK(c.diag.error.code == "json.eof_in_string");
    CHECK(c.diag.error.where.byte_offset == 10);
  }
  {
    Parsed p = parse_session("[\"caf\xE9\"]", "latin1.json");
    REQUIRE(!p.diag.failed);
    CHECK(column(p.tables[0], "value").string_at(0) == "caf\xEF\xBF\xBD");
    CHECK(warning(p.diag, "json.invalid_utf8").where.byte_offset == 5);
  }
  // every cut of every fixture: a result, and a failure unless only trailing whitespace was cut
  for (const char* name : {"cozy_bank_operations.json", "facebook_message_1.json", "notes_emoji.json"}) {
    const std::string full = read_fixture(std::string("json/") + name);
    size_t end = full.size();
    while (end > 0 && (full[end - 1] == '\n' || full[end - 1] == '\r')) --end;
    for (size_t cut = 1; cut < end; cut += 5) {
      Parsed p = parse_session(std::string_view(full).substr(0, cut), name, 64);
      CHECK_MESSAGE(p.diag.failed, name << " cut at " << cut);
      CHECK_MESSAGE(p.diag.error.where.byte_offset <= cut, name << " cut at " << cut);
    }
  }
}

// [SECTION] streaming: results must not depend on chunk boundaries

TEST_CASE("every JSON and GeoJSON fixture gives identical output whatever the chunk size") {
  for (const char* dir : {"json", "geojson"}) {
    for (const auto& entry : std::filesystem::directory_iterator(std::string(SDW_TEST_DATA) + "/" + dir)) {
      if (entry.path().extension() == ".py") continue;
      const std::string name = entry.path().filename().string();
      const std::string data = read_fixture(std::string(dir) + "/" + name);
      const Parsed whole = parse_session(data, name);
      CHECK_MESSAGE(!whole.diag.failed, name);
      for (size_t chunk : k_chunks) {
        CHECK_MESSAGE(first_diff(parse_session(data, name, chunk).dump, whole.dump) == "", name << " chunk " << chunk);
        CHECK_MESSAGE(first_diff(parse_direct(data, name, chunk, whole.format.c_str()).dump, whole.dump) == "",
                      name << " direct chunk " << chunk);
      }
      for (const Message& m : whole.diag.warnings) {
        CHECK_MESSAGE(!m.fr.empty(), name);
        CHECK_MESSAGE(m.fr != m.en, name << " " << m.code);
      }
    }
  }
}

TEST_CASE("a JSON array larger than the head window streams with exact values") {
  std::string doc = "[";
  int64_t sum = 0;
  for (int i = 0; i < 5000; ++i) {
    const int64_t lat = 461234567 + i;
    sum += lat;
    doc += std::string(i ? ",\n" : "") + "{\"latitudeE7\": " + std::to_string(lat) +
           ", \"longitudeE7\": -11234567, \"accuracy\": 20, \"timestamp\": \"2023-03-26T01:30:00.123Z\", \"source\": \"WIFI\"}";
  }
  doc += "]";
  REQUIRE(doc.size() > 2 * k_head_bytes);
  for (size_t chunk : {size_t(1000), size_t(65536), size_t(0)}) {
    Parsed p = parse_session(doc, "Records.json", chunk);
    const Column& lat = column(p.tables[0], "latitudeE7");
    REQUIRE(lat.size() == 5000);
    int64_t s = 0;
    for (int64_t v : lat.i64) s += v;
    CHECK(s == sum);
    CHECK(column(p.tables[0], "timestamp").type == ColumnType::Timestamp);
  }
}

TEST_CASE("mojibake repair only touches Latin-1-looking UTF-8") {
  std::string out;
  CHECK(repair_mojibake("Cl\xC3\x83\xC2\xA9ment", out));
  CHECK(out == "Clément");
  CHECK(!repair_mojibake("Clément", out));  // é = C3 A9: as bytes E9 is not valid UTF-8 alone
  CHECK(!repair_mojibake("café crème", out));
  CHECK(!repair_mojibake("plain", out));
  CHECK(!repair_mojibake("€", out));
}
