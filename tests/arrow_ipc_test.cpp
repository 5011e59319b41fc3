// Arrow IPC writer (parsers/core/arrow_ipc.h): byte-level checks of the stream framing, the flatbuffer
// messages read back with a small independent decoder written from format/Message.fbs and
// format/Schema.fbs, and the body buffers; plus which columns travel as data, literals or not at all.
// With SDW_IPC_DUMP=<dir> the streams are also written there for tests/arrow_ipc_check.cjs, which reads
// them with apache-arrow (node_modules) and compares every value.
#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>

#include "parsers/core/arrow_ipc.h"
#include "tests/test_util.h"

using namespace sdw;

namespace {

// Minimal flatbuffer reading, independent of the writer.
struct Fbr {
  const uint8_t* b;
  template <class T> T at(size_t p) const { T v; std::memcpy(&v, b + p, sizeof(T)); return v; }
  size_t deref(size_t p) const { return p + at<uint32_t>(p); }             // uoffset
  size_t vtable(size_t tbl) const { return size_t(int64_t(tbl) - at<int32_t>(tbl)); }
  // position of field `id` of the table at `tbl`, 0 when absent
  size_t field(size_t tbl, int id) const {
    const size_t vt = vtable(tbl);
    const uint16_t vsize = at<uint16_t>(vt);
    if (4 + 2 * size_t(id) >= vsize) return 0;
    const uint16_t o = at<uint16_t>(vt + 4 + 2 * size_t(id));
    return o ? tbl + o : 0;
  }
  std::string str(size_t p) const { return std::string(reinterpret_cast<const char*>(b + p + 4), at<uint32_t>(p)); }
};

struct Msg {
  size_t fb = 0;        // start of the flatbuffer
  size_t body = 0;      // start of the body
  int64_t body_len = 0;
  size_t next = 0;
};

Msg read_message(const std::vector<uint8_t>& s, size_t at) {
  Msg m;
  uint32_t cont;
  int32_t len;
  std::memcpy(&cont, s.data() + at, 4);
  std::memcpy(&len, s.data() + at + 4, 4);
  REQUIRE(cont == 0xFFFFFFFFu);
  REQUIRE(len > 0);
  CHECK(len % 8 == 0);
  m.fb = at + 8;
  m.body = m.fb + size_t(len);
  Fbr r{s.data() + m.fb};
  const size_t msg = r.deref(0);
  const size_t bl = r.field(msg, 3);
  m.body_len = bl ? r.at<int64_t>(bl) : 0;
  m.next = m.body + size_t(m.body_len);
  return m;
}

Table sample_table() {
  Table t;
  t.name = "energy_readings";
  auto add = [&](const char* n, ColumnType ty) -> Column& {
    Column& c = t.columns.emplace_back();
    c.name = n;
    c.type = ty;
    return c;
  };
  Column& ts = add("ts_start", ColumnType::Timestamp);
  ts.append_timestamp(1672527600000000, 60);   // 2022-12-31T23:00:00Z written +01:00
  ts.append_timestamp(1672529400000000, 60);
  ts.append_timestamp(1672531200000000, 60);
  Column& w = add("power_w", ColumnType::Float64);
  w.append_double(512.5);
  w.append_null();
  w.append_double(-3);
  Column& src = add("source", ColumnType::String);
  for (int i = 0; i < 3; ++i) src.append_string("enedis");
  Column& meter = add("meter_id", ColumnType::String);
  for (int i = 0; i < 3; ++i) meter.append_string("it's");
  Column& none = add("index_wh", ColumnType::Float64);
  for (int i = 0; i < 3; ++i) none.append_null();
  Column& label = add("label", ColumnType::String);
  label.append_string("é");
  label.append_string("");
  label.append_string("abc");
  Column& rec = add("_record", ColumnType::Int64);
  rec.append_int(7);
  rec.append_int(8);
  rec.append_int(-1);
  Column& day = add("date", ColumnType::Date);
  day.append_date(19358);   // 2023-01-01
  day.append_date(0);
  day.append_date(-1);
  Column& ok = add("ok", ColumnType::Bool);
  ok.append_bool(true);
  ok.append_bool(false);
  ok.append_bool(true);
  return t;
}

void dump(const char* name, const std::vector<uint8_t>& s) {
  const char* dir = std::getenv("SDW_IPC_DUMP");
  if (!dir) return;
  std::ofstream f(std::string(dir) + "/" + name, std::ios::binary);
  f.write(reinterpret_cast<const char*>(s.data()), std::streamsize(s.size()));
}

}  // namespace

TEST_CASE("arrow ipc: constant and all-null columns do not travel, the rest is one complete stream") {
  const Table t = sample_table();
  std::vector<uint8_t> s;
  std::vector<ShippedColumn> plan;
  write_arrow_ipc(t, s, plan);
  dump("sample.arrows", s);

  REQUIRE(plan.size() == 9);
  CHECK(plan[0].kind == ShipKind::Data);
  CHECK(plan[0].offsets);
  CHECK(plan[1].kind == ShipKind::Data);
  CHECK(plan[1].null_count == 1);
  CHECK(plan[2].kind == ShipKind::Literal);
  CHECK(plan[2].literal_sql == "'enedis'");
  CHECK(plan[3].literal_sql == "'it''s'");          // quote doubled
  CHECK(plan[4].kind == ShipKind::Null);
  CHECK(plan[4].null_count == 3);
  CHECK(plan[5].kind == ShipKind::Data);
  CHECK(plan[6].kind == ShipKind::Data);
  CHECK(plan[7].kind == ShipKind::Data);
  CHECK(plan[8].kind == ShipKind::Data);

  // framing: schema message, record batch message, end-of-stream marker
  REQUIRE(s.size() > 16);
  const uint8_t eos[8] = {0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0};
  CHECK(std::memcmp(s.data() + s.size() - 8, eos, 8) == 0);
  const Msg schema = read_message(s, 0);
  CHECK(schema.body_len == 0);
  const Msg batch = read_message(s, schema.next);
  CHECK(batch.next == s.size() - 8);
  CHECK(batch.body % 8 == 0);

  // schema: 7 fields = ts_start, ts_start_utc_offset_min, power_w, label, _record, date, ok
  Fbr r{s.data() + schema.fb};
  const size_t msg = r.deref(0);
  CHECK(r.at<int16_t>(r.field(msg, 0)) == 4);      // MetadataVersion V5
  CHECK(r.at<uint8_t>(r.field(msg, 1)) == 1);      // header: Schema
  const size_t sch = r.deref(r.field(msg, 2));
  CHECK(r.field(sch, 0) == 0);                     // endianness: default Little
  const size_t fields = r.deref(r.field(sch, 1));
  REQUIRE(r.at<uint32_t>(fields) == 7);
  const char* names[7] = {"ts_start", "ts_start_utc_offset_min", "power_w", "label", "_record", "date", "ok"};
  const uint8_t types[7] = {10, 2, 3, 5, 2, 8, 6};   // Timestamp, Int, FloatingPoint, Utf8, Int, Date, Bool
  for (size_t i = 0; i < 7; ++i) {
    const size_t f = r.deref(fields + 4 + 4 * i);
    CHECK(r.str(r.deref(r.field(f, 0))) == names[i]);
    CHECK(r.at<uint8_t>(r.field(f, 1)) == 1);      // nullable
    CHECK(r.at<uint8_t>(r.field(f, 2)) == types[i]);
    REQUIRE(r.field(f, 5) != 0);                    // children vector present, empty
    CHECK(r.at<uint32_t>(r.deref(r.field(f, 5))) == 0);
    const size_t ty = r.deref(r.field(f, 3));
    if (i == 0) {
      CHECK(r.at<int16_t>(r.field(ty, 0)) == 2);   // MICROSECOND
      CHECK(r.field(ty, 1) == 0);                  // no time zone: DuckDB TIMESTAMP
    }
    if (i == 1) { CHECK(r.at<int32_t>(r.field(ty, 0)) == 16); CHECK(r.at<uint8_t>(r.field(ty, 1)) == 1); }
    if (i == 4) CHECK(r.at<int32_t>(r.field(ty, 0)) == 64);
    if (i == 2) CHECK(r.at<int16_t>(r.field(ty, 0)) == 2);       // DOUBLE
    if (i == 5) { REQUIRE(r.field(ty, 0) != 0); CHECK(r.at<int16_t>(r.field(ty, 0)) == 0); }   // DAY written explicitly
  }

  // record batch: length 3, nodes (length, null_count), buffers (offset, length) into the body
  Fbr q{s.data() + batch.fb};
  const size_t bm = q.deref(0);
  CHECK(q.at<uint8_t>(q.field(bm, 1)) == 3);       // header: RecordBatch
  const size_t rb = q.deref(q.field(bm, 2));
  CHECK(q.at<int64_t>(q.field(rb, 0)) == 3);
  const size_t nodes = q.deref(q.field(rb, 1));
  REQUIRE(q.at<uint32_t>(nodes) == 7);
  CHECK((batch.fb + nodes + 4) % 8 == 0);          // struct elements 8-aligned
  CHECK(q.at<int64_t>(nodes + 4 + 16 * 2 + 8) == 1);   // power_w: one null
  CHECK(q.at<int64_t>(nodes + 4 + 16 * 3 + 8) == 0);
  const size_t bufs = q.deref(q.field(rb, 2));
  // buffers: ts(v,d) off(v,d) power(v,d) label(v,o,d) rec(v,d) date(v,d) ok(v,d) = 15
  REQUIRE(q.at<uint32_t>(bufs) == 15);
  auto buf = [&](size_t i) { return std::pair<int64_t, int64_t>(q.at<int64_t>(bufs + 4 + 16 * i), q.at<int64_t>(bufs + 12 + 16 * i)); };
  CHECK(buf(0).second == 0);                       // no nulls: no validity bitmap
  CHECK(buf(1).second == 24);
  CHECK(buf(3).second == 6);                       // int16 offsets
  CHECK(buf(4).second == 1);                       // power_w validity: 1 byte
  for (size_t i = 0; i < 15; ++i) CHECK(buf(i).first % 8 == 0);
  const uint8_t* body = s.data() + batch.body;
  CHECK(body[buf(4).first] == 0x05);               // rows 0 and 2 valid: 0b101
  int64_t us;
  std::memcpy(&us, body + buf(1).first + 8, 8);
  CHECK(us == 1672529400000000);
  int16_t off;
  std::memcpy(&off, body + buf(3).first + 4, 2);
  CHECK(off == 60);
  double w;
  std::memcpy(&w, body + buf(5).first + 16, 8);
  CHECK(w == -3.0);
  // label: offsets 0, 2, 2, 5 and bytes "é" (C3 A9) "" "abc"
  int32_t lo[4];
  std::memcpy(lo, body + buf(7).first, 16);
  CHECK(lo[0] == 0);
  CHECK(lo[1] == 2);
  CHECK(lo[2] == 2);
  CHECK(lo[3] == 5);
  CHECK(buf(8).second == 5);
  CHECK(std::memcmp(body + buf(8).first, "\xC3\xA9" "abc", 5) == 0);
  int32_t d;
  std::memcpy(&d, body + buf(12).first + 8, 4);
  CHECK(d == -1);
  CHECK(body[buf(14).first] == 0x05);              // true, false, true
  CHECK(batch.body_len % 8 == 0);
}

TEST_CASE("arrow ipc: a batch taken from a stream keeps string offsets relative to its own bytes") {
  Table t;
  Column& c = t.columns.emplace_back();
  c.name = "label";
  c.type = ColumnType::String;
  c.append_string("first batch");
  Table first = t.take_rows();
  c.append_string("x");
  c.append_string("yz");
  std::vector<uint8_t> s;
  std::vector<ShippedColumn> plan;
  write_arrow_ipc(t, s, plan);
  dump("second_batch.arrows", s);
  CHECK(plan[0].kind == ShipKind::Data);
  const Msg schema = read_message(s, 0);
  const Msg batch = read_message(s, schema.next);
  Fbr q{s.data() + batch.fb};
  const size_t rb = q.deref(q.field(q.deref(0), 2));
  const size_t bufs = q.deref(q.field(rb, 2));
  const int64_t offs = q.at<int64_t>(bufs + 4 + 16);
  int32_t o[3];
  std::memcpy(o, s.data() + batch.body + offs, 12);
  CHECK(o[0] == 0);
  CHECK(o[1] == 1);
  CHECK(o[2] == 3);
}

TEST_CASE("arrow ipc: one row or all constants still ships one data column; an empty table ships its schema") {
  Table t;
  Column& a = t.columns.emplace_back();
  a.name = "source";
  a.type = ColumnType::String;
  Column& b = t.columns.emplace_back();
  b.name = "n";
  b.type = ColumnType::Int64;
  std::vector<uint8_t> s;
  std::vector<ShippedColumn> plan;
  write_arrow_ipc(t, s, plan);   // 0 rows: every column is data (a zero-length part keeps the schema)
  CHECK(plan[0].kind == ShipKind::Data);
  CHECK(plan[1].kind == ShipKind::Data);
  dump("empty.arrows", s);
  t.columns[0].append_string("bank");
  t.columns[1].append_int(42);
  t.columns[0].append_string("bank");
  t.columns[1].append_int(42);
  write_arrow_ipc(t, s, plan);
  CHECK(plan[0].kind == ShipKind::Data);           // forced: the part needs a column for its row count
  CHECK(plan[1].kind == ShipKind::Literal);
  CHECK(plan[1].literal_sql == "CAST(42 AS BIGINT)");
  dump("constants.arrows", s);
  IpcOptions all;
  all.literals = false;
  all.drop_null = false;
  write_arrow_ipc(t, s, plan, all);
  CHECK(plan[1].kind == ShipKind::Data);
}

TEST_CASE("arrow ipc: constants DuckDB could not read back as printf writes them travel as exact SQL") {
  // NaN and infinities (printf: "nan", "-nan", "inf") and dates outside years 1..9999 ("-001-…", "10000-…")
  Table t;
  t.columns.reserve(5);
  auto add = [&](const char* n, ColumnType ty) -> Column& {
    Column& c = t.columns.emplace_back();
    c.name = n;
    c.type = ty;
    return c;
  };
  Column& k = add("k", ColumnType::Int64);
  Column& nan = add("nan", ColumnType::Float64);
  Column& inf = add("inf", ColumnType::Float64);
  Column& old = add("old", ColumnType::Date);
  Column& day = add("day", ColumnType::Date);
  for (int i = 0; i < 2; ++i) {
    k.append_int(i);
    nan.append_double(-std::numeric_limits<double>::quiet_NaN());
    inf.append_double(-std::numeric_limits<double>::infinity());
    old.append_date(-800000);   // 0222-09-04 BC
    day.append_date(19358);
  }
  std::vector<uint8_t> s;
  std::vector<ShippedColumn> plan;
  write_arrow_ipc(t, s, plan);
  CHECK(plan[1].literal_sql == "CAST('nan' AS DOUBLE)");
  CHECK(plan[2].literal_sql == "CAST('-inf' AS DOUBLE)");
  CHECK(plan[3].literal_sql == "CAST(DATE '1970-01-01' + CAST(-800000 AS INTEGER) AS DATE)");
  CHECK(plan[4].literal_sql == "CAST('2023-01-01' AS DATE)");
}

TEST_CASE("arrow ipc: a derived column travels as its formula only when every row matches it") {
  // a half-hour load curve: ts_end = ts_start + 1800 s, kwh = W × 1800 / 3600 / 1000 (512 W -> 0.256 kWh)
  Table t;
  t.columns.reserve(4);   // the references below stay valid
  auto add = [&](const char* n, ColumnType ty) -> Column& {
    Column& c = t.columns.emplace_back();
    c.name = n;
    c.type = ty;
    return c;
  };
  Column& a = add("ts_start", ColumnType::Timestamp);
  Column& b = add("ts_end", ColumnType::Timestamp);
  Column& w = add("power_w", ColumnType::Float64);
  Column& k = add("kwh", ColumnType::Float64);
  const double watts[3] = {512, 0.1, 1234.5};
  for (int i = 0; i < 3; ++i) {
    a.append_timestamp(int64_t(i) * 1800000000, 60);
    b.append_timestamp(int64_t(i + 1) * 1800000000, 60);
    w.append_double(watts[i]);
    k.append_double(watts[i] * 1800 / 3600.0 / 1000.0);
  }
  CHECK(k.f64[0] == 0.256);
  t.derived.push_back({"ts_end", "ts_start", Derived::Op::Add, 1800000000});
  t.derived.push_back({"kwh", "power_w", Derived::Op::Scale, 0, 1800, 3600, 1000});
  std::vector<uint8_t> s;
  std::vector<ShippedColumn> plan;
  write_arrow_ipc(t, s, plan);
  dump("derived.arrows", s);
  CHECK(plan[0].kind == ShipKind::Data);
  CHECK(plan[1].kind == ShipKind::Literal);
  CHECK(plan[1].literal_sql == "(\"ts_start\" + to_microseconds(CAST(1800000000 AS BIGINT)))");
  CHECK(plan[1].offsets_sql == "\"ts_start_utc_offset_min\"");
  CHECK(plan[2].kind == ShipKind::Data);
  CHECK(plan[3].kind == ShipKind::Literal);
  CHECK(plan[3].literal_sql == "(\"power_w\" * CAST('1800' AS DOUBLE) / CAST('3600' AS DOUBLE) / CAST('1000' AS DOUBLE))");
  // one row off by one microsecond (a DST fold written differently): the values travel
  t.columns[1].i64[2] += 1;
  write_arrow_ipc(t, s, plan);
  CHECK(plan[1].kind == ShipKind::Data);
  CHECK(plan[3].kind == ShipKind::Literal);
  // a different offset on one row: data too
  t.columns[1].i64[2] -= 1;
  t.columns[1].utc_offset_min[1] = 120;
  write_arrow_ipc(t, s, plan);
  CHECK(plan[1].kind == ShipKind::Data);
}

TEST_CASE("arrow ipc: a lean Enedis load curve ships exactly the stream of the full table") {
  // tests/data/enedis/courbe_de_charge_printemps.csv: 142 half-hour readings in W (preamble: PRM
  // 09876543210987, unit W, step 30 min) across the spring DST change. The parse worker asks for lean tables
  // (only ts_start, power_w and _record are written); the CLI gets every column. Both must reach DuckDB alike.
  const std::string data = sdw::test::read_fixture("enedis/courbe_de_charge_printemps.csv");
  auto parse = [&](bool lean) {
    ParseOptions o;
    o.file_name = "courbe.csv";
    o.lean_tables = lean;
    Session s(o);
    for (size_t p = 0; p < data.size(); p += 1000) s.feed(sdw::test::bytes_of(std::string_view(data).substr(p, 1000)));
    s.finish();
    REQUIRE(s.tables().size() == 1);
    return s.tables()[0];
  };
  const Table full = parse(false), lean = parse(true);
  REQUIRE(full.rows() == 142);
  REQUIRE(lean.rows() == 142);
  size_t empty = 0;
  for (const Column& c : lean.columns) empty += c.size() == 0;
  CHECK(empty == 14);   // 17 columns, 3 written: ts_start, power_w, _record
  std::vector<uint8_t> a, b;
  std::vector<ShippedColumn> pa, pb;
  write_arrow_ipc(full, a, pa);
  write_arrow_ipc(lean, b, pb);
  dump("enedis_lean.arrows", b);
  CHECK(a == b);
  REQUIRE(pa.size() == pb.size());
  for (size_t i = 0; i < pa.size(); ++i) {
    INFO(full.columns[i].name);
    CHECK(int(pa[i].kind) == int(pb[i].kind));
    CHECK(pa[i].literal_sql == pb[i].literal_sql);
    CHECK(pa[i].offsets_sql == pb[i].offsets_sql);
  }
  auto plan_of = [&](const char* name) -> const ShippedColumn& {
    for (size_t i = 0; i < lean.columns.size(); ++i) if (lean.columns[i].name == name) return pb[i];
    FAIL("no column " << name);
    return pb[0];
  };
  CHECK(plan_of("source").literal_sql == "'enedis'");
  CHECK(plan_of("meter_id").literal_sql == "'09876543210987'");
  CHECK(plan_of("interval_s").literal_sql == "CAST('1800' AS DOUBLE)");
  CHECK(plan_of("ts_peak").kind == ShipKind::Null);
  CHECK(plan_of("ts_start").kind == ShipKind::Data);
  CHECK(plan_of("power_w").kind == ShipKind::Data);
  CHECK(plan_of("_record").kind == ShipKind::Data);
  // first reading: Horodate 2023-03-25T00:30:00+01:00 ends the interval, so ts_start = 00:00+01:00 = 2023-03-24T23:00:00Z
  CHECK(lean.columns[0].i64[0] == 1679698800000000);
  CHECK(lean.columns[0].utc_offset_min[0] == 60);
}
