// Reads the Arrow IPC streams written by tests/arrow_ipc_test.cpp with apache-arrow (node_modules, the
// library DuckDB-wasm's JS side uses) and compares every value with what the test wrote.
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
console.log(failed ? `${failed} check(s) failed` : 'all checks passed');
process.exit(failed ? 1 : 0);
