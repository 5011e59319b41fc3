// Reads the Arrow IPC streams written by tests/arrow_ipc_test.cpp with apache-arrow (node_modules, the
// library DuckDB-wasm's JS side uses) and with DuckDB-wasm itself (its node build: the Arrow C++ reader that
// insertArrowFromIPCStream uses in the page), and compares every value with what the test wrote; the formulas
// a view restores (ts_end, kwh) must give the very doubles the parser computes.
//   mkdir -p /tmp/ipc && SDW_IPC_DUMP=/tmp/ipc build/native/tests -tc='arrow ipc*' && node tests/arrow_ipc_check.cjs /tmp/ipc
'use strict';
const path = require('path');
const fs = require('fs');
const { tableFromIPC } = require('apache-arrow');

const dir = process.argv[2] || '/tmp/ipc';
let failed = 0;
const eq = (a, b, what) => {
  const ja = JSON.stringify(a, (k, v) => (typeof v === 'bigint' ? v.toString() : v));
  const jb = JSON.stringify(b, (k, v) => (typeof v === 'bigint' ? v.toString() : v));
  if (ja !== jb) { failed++; console.log(`FAIL ${what}: got ${ja}, want ${jb}`); } else console.log(`ok   ${what}`);
};
const read = (f) => tableFromIPC(fs.readFileSync(path.join(dir, f)));
const col = (t, name) => Array.from(t.getChild(name).toArray());
const vals = (t, name) => { const c = t.getChild(name); const out = []; for (let i = 0; i < t.numRows; i++) out.push(c.get(i)); return out; };

{
  const t = read('sample.arrows');
  eq(t.schema.fields.map((f) => `${f.name}:${f.type}`),
     ['ts_start:Timestamp<MICROSECOND>', 'ts_start_utc_offset_min:Int16', 'power_w:Float64', 'label:Utf8', '_record:Int64',
      'date:Date32<DAY>', 'ok:Bool'], 'sample schema');
  eq(t.numRows, 3, 'sample rows');
  // 1672527600000000 µs = 2022-12-31T23:00:00Z; apache-arrow gives timestamps in ms
  eq(vals(t, 'ts_start').map(Number), [1672527600000, 1672529400000, 1672531200000], 'timestamps (ms)');
  eq(col(t, 'ts_start_utc_offset_min'), [60, 60, 60], 'offsets');
  eq(vals(t, 'power_w'), [512.5, null, -3], 'power_w with a null');
  eq(vals(t, 'label'), ['é', '', 'abc'], 'labels');
  eq(vals(t, '_record').map(String), ['7', '8', '-1'], 'records');
  eq(vals(t, 'date'), [19358 * 86400000, 0, -86400000], 'dates (ms)');
  eq(vals(t, 'ok'), [true, false, true], 'bools');
}
{
  const t = read('second_batch.arrows');
  eq(vals(t, 'label'), ['x', 'yz'], 'second batch strings');
}
{
  const t = read('empty.arrows');
  eq([t.numRows, t.schema.fields.map((f) => f.name)], [0, ['source', 'n']], 'empty table keeps its schema');
  const c = read('constants.arrows');
  eq([c.numRows, c.schema.fields.map((f) => f.name), vals(c, 'source')], [2, ['source'], ['bank', 'bank']], 'constants: one data column');
}
{
  const t = read('derived.arrows');
  eq(t.schema.fields.map((f) => f.name), ['ts_start', 'ts_start_utc_offset_min', 'power_w'], 'derived columns left out');
  eq(vals(t, 'power_w'), [512, 0.1, 1234.5], 'power_w');
}
(async () => {
  const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const D = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const db = await duckdb.createDuckDB({
    mvp: { mainModule: path.join(D, 'duckdb-mvp.wasm'), mainWorker: path.join(D, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: path.join(D, 'duckdb-eh.wasm'), mainWorker: path.join(D, 'duckdb-node-eh.worker.cjs') } }, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({});
  const c = db.connect();
  c.query('SET autoload_known_extensions=false');   // offline: never try to download an extension
  const q = (sql) => c.query(sql).toArray().map((r) => r.toJSON());
  c.insertArrowFromIPCStream(fs.readFileSync(path.join(dir, 'sample.arrows')), { name: 'p0', create: true });
  eq(q('SELECT column_type AS t FROM (DESCRIBE p0)').map((r) => r.t),
     ['TIMESTAMP', 'SMALLINT', 'DOUBLE', 'VARCHAR', 'BIGINT', 'DATE', 'BOOLEAN'], 'duckdb: types');
  eq(q('SELECT CAST(ts_start AS VARCHAR) AS ts, power_w, label, CAST(_record AS INT) AS r, CAST(date AS VARCHAR) AS d, ok FROM p0'),
     [{ ts: '2022-12-31 23:00:00', power_w: 512.5, label: 'é', r: 7, d: '2023-01-01', ok: true },
      { ts: '2022-12-31 23:30:00', power_w: null, label: '', r: 8, d: '1970-01-01', ok: false },
      { ts: '2023-01-01 00:00:00', power_w: -3, label: 'abc', r: -1, d: '1969-12-31', ok: true }], 'duckdb: values');
  c.insertArrowFromIPCStream(fs.readFileSync(path.join(dir, 'derived.arrows')), { name: 'p1', create: true });
  // the formulas of the plan (arrow_ipc_test.cpp checks their text): 512 W over 30 min = 0.256 kWh
  eq(q(`SELECT CAST(("ts_start" + to_microseconds(CAST(1800000000 AS BIGINT))) AS VARCHAR) AS e,
          ("power_w" * CAST('1800' AS DOUBLE) / CAST('3600' AS DOUBLE) / CAST('1000' AS DOUBLE)) AS kwh FROM p1`),
     [{ e: '1970-01-01 00:30:00', kwh: 0.256 }, { e: '1970-01-01 01:00:00', kwh: 0.1 * 1800 / 3600 / 1000 },
      { e: '1970-01-01 01:30:00', kwh: 1234.5 * 1800 / 3600 / 1000 }], 'duckdb: derived columns as formulas');
  // constants the plan writes as SQL where printf's text would not read back (arrow_ipc_test.cpp checks their text)
  eq(q(`SELECT CAST(CAST(DATE '1970-01-01' + CAST(-800000 AS INTEGER) AS DATE) - DATE '1970-01-01' AS INT) AS d,
          CAST('nan' AS DOUBLE)::VARCHAR AS n, CAST('-inf' AS DOUBLE)::VARCHAR AS i, CAST('2023-01-01' AS DATE)::VARCHAR AS day`),
     [{ d: -800000, n: 'nan', i: '-inf', day: '2023-01-01' }], 'duckdb: special constants as SQL');
  c.insertArrowFromIPCStream(fs.readFileSync(path.join(dir, 'empty.arrows')), { name: 'p2', create: true });
  eq(q('SELECT count(*)::INT AS n FROM p2'), [{ n: 0 }], 'duckdb: an empty stream makes an empty table');
  console.log(failed ? `${failed} check(s) failed` : 'all checks passed');
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.error('FAIL', e); process.exit(1); });
