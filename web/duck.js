// DuckDB-wasm, served from our own origin: start-up, Arrow IPC ingestion, queries.
// Offline rule: extension autoloading is switched off right after connect(), otherwise DuckDB tries to
// download json/parquet extensions from the internet (hangs in node, wasm RuntimeError in browsers).
import * as duckdb from '@duckdb/duckdb-wasm';
import { Table } from 'apache-arrow';

export async function startDuck(base = './duckdb/') {
  const t0 = performance.now();
  const D = new URL(base, location.href).href;
  // Only the 'eh' bundle is shipped: 'mvp' kills its connection on any SQL error, 'coi' needs COOP/COEP.
  const worker = new Worker(D + 'duckdb-browser-eh.worker.js');
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(D + 'duckdb-eh.wasm');
  await db.open({ query: { castBigIntToDouble: false, castTimestampToDate: false } });
  const conn = await db.connect();
  await conn.query('SET GLOBAL autoload_known_extensions=false');
  await conn.query('SET GLOBAL autoinstall_known_extensions=false');
  await conn.query('SET lock_configuration=true');
  const version = (await conn.query('SELECT version() AS v')).toArray()[0].toJSON().v;
  // The SQL panel's own connection: its queries are sent (run in steps the worker polls, so loading and
  // the dashboards' queries on `conn` go on between them) and can be cancelled without touching `conn`.
  const sqlConn = await db.connect();
  return { db, conn, sqlConn, version, initMs: performance.now() - t0 };
}

// Runs `text` on `conn` as a pending query (conn.send): the worker executes it in slices, so
// conn.cancelSent() stops it between two slices. Resolves to the whole result as one Arrow table;
// rejects with the error DuckDB gives (an interrupted query says "INTERRUPT" / "cancel").
export async function sendQuery(conn, text) {
  const reader = await conn.send(text, false);
  const batches = [];
  for await (const b of reader) batches.push(b);
  return batches.length ? new Table(batches) : new Table(reader.schema);
}

// Arrow type id -> short type name shown in the UI (DuckDB names where they differ).
function typeName(t) {
  const s = String(t);
  if (/^Timestamp/.test(s)) return 'TIMESTAMP';
  if (/^Date/.test(s)) return 'DATE';
  if (/^Float64|^Double/.test(s)) return 'DOUBLE';
  if (/^Float/.test(s)) return 'FLOAT';
  if (/^Int64/.test(s)) return 'BIGINT';
  if (/^Int/.test(s) || /^Uint/.test(s)) return 'INTEGER';
  if (/^Utf8|^LargeUtf8/.test(s)) return 'VARCHAR';
  if (/^Bool/.test(s)) return 'BOOLEAN';
  if (/^Decimal/.test(s)) return 'DECIMAL';
  return s.toUpperCase();
}

// DECIMAL/HUGEINT arrive as Arrow Decimal (a big integer plus a scale): digits / 10^scale, as exact text.
export function decimalString(v, scale) {
  const digits = String(v);
  if (!scale) return digits;
  const neg = digits.startsWith('-');
  const d = (neg ? digits.slice(1) : digits).padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${d.slice(0, d.length - scale)}.${d.slice(d.length - scale)}`;
}

function cellValue(v, type) {
  if (v === null || v === undefined) return null;
  if (/^Decimal/.test(String(type))) return Number(decimalString(v, type.scale));
  if (typeof v === 'bigint') return Number(v);
  if (/^Timestamp/.test(String(type))) return new Date(Number(v)).toISOString().replace('.000Z', 'Z');
  if (/^Date/.test(String(type))) return new Date(Number(v)).toISOString().slice(0, 10);
  if (v instanceof Uint8Array) return `<${v.length} bytes>`;
  if (typeof v === 'object') return JSON.stringify(v, (k, x) => (typeof x === 'bigint' ? Number(x) : x));
  return v;
}

// Arrow table -> { columns: [{name, type}], rows: [[...]], total } with at most maxRows rows.
export function tableToRows(table, maxRows = 10000) {
  const fields = table.schema.fields;
  const columns = fields.map((f) => ({ name: f.name, type: typeName(f.type) }));
  const total = table.numRows;
  const n = Math.min(total, maxRows);
  const cols = fields.map((f, i) => table.getChildAt(i));
  const rows = new Array(n);
  for (let r = 0; r < n; r++) rows[r] = cols.map((c, i) => cellValue(c.get(r), fields[i].type));
  return { columns, rows, total, truncated: total > n };
}
