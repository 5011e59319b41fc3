// DuckDB-wasm, served from our own origin: start-up, Arrow IPC ingestion, queries.
// Offline rule: extension autoloading is switched off right after connect(), otherwise DuckDB tries to
// download json/parquet extensions from the internet (hangs in node, wasm RuntimeError in browsers).
import * as duckdb from '@duckdb/duckdb-wasm';
import { DataType, Table } from 'apache-arrow';

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
  if (/^Dictionary<.*Utf8>$/.test(s)) return 'ENUM';   // DuckDB's ENUM (an archive's per-entry texts) arrives dictionary-encoded
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

// A query's answer as one binary frame for the app (layout in wasm/app_columns.h): numbers as float64
// (NaN for null), texts as u32 offsets + UTF-8 bytes copied from Arrow's own buffers where they are plain
// strings. Returns { size, write(u8, at) } so the caller can copy it straight into the wasm heap.
// A 6.7 M-reading load curve went through JSON before: minutes of JSON.stringify and parsing on the page.
export function columnsFrame(table, error = null) {
  const enc = new TextEncoder();
  const rows = error ? 0 : table.numRows;
  const fields = error ? [] : table.schema.fields;
  const isNum = (t) => DataType.isInt(t) || DataType.isFloat(t) || DataType.isBool(t) || DataType.isDecimal(t) ||
    DataType.isDate(t) || DataType.isTimestamp(t);
  const parts = [];   // typed arrays, each starting at a multiple of 8
  const columns = fields.map((f, i) => {
    const v = table.getChildAt(i), t = f.type;
    if (isNum(t)) {
      const out = new Float64Array(rows);
      let r = 0;
      for (const d of v.data) {
        const n = d.length, vals = d.values, nulls = d.nullCount > 0;
        if (DataType.isFloat(t) && vals instanceof Float64Array && !nulls) out.set(vals.subarray(0, n), r);
        else if ((DataType.isInt(t) || (DataType.isFloat(t) && !(vals instanceof Uint16Array))) && d.stride === 1) {
          const big = typeof vals[0] === 'bigint';
          for (let k = 0; k < n; k++) out[r + k] = nulls && !d.getValid(k) ? NaN : big ? Number(vals[k]) : vals[k];
        } else {   // booleans, decimals, dates, timestamps, half floats: Arrow's own reading
          for (let k = 0; k < n; k++) {
            const x = v.get(r + k);
            out[r + k] = x === null || x === undefined ? NaN : DataType.isDecimal(t) ? Number(decimalString(x, t.scale))
              : typeof x === 'boolean' ? (x ? 1 : 0) : Number(x);
          }
        }
        r += n;
      }
      parts.push(out);
      return { name: f.name, type: String(t), kind: 'num' };
    }
    // texts: plain UTF-8 chunks are copied as bytes; anything else (dictionaries, structs) read and encoded
    const chunks = [];
    let total = 0;
    for (const d of v.data) {
      if (DataType.isUtf8(t) && d.valueOffsets && !(d.valueOffsets instanceof BigInt64Array)) {
        const o = d.valueOffsets, bytes = d.values.subarray(o[0], o[d.length]);
        chunks.push({ n: d.length, o, base: o[0], bytes, d });
        total += bytes.length;
      } else {
        const strs = new Array(d.length);
        const start = chunks.reduce((a, c) => a + c.n, 0);
        for (let k = 0; k < d.length; k++) {
          const x = v.get(start + k);
          strs[k] = x === null || x === undefined ? '' : typeof x === 'string' ? x
            : typeof x === 'object' ? JSON.stringify(x, (key, y) => (typeof y === 'bigint' ? Number(y) : y)) : String(x);
        }
        const bytesList = strs.map((s) => enc.encode(s));
        const o = new Uint32Array(d.length + 1);
        for (let k = 0; k < d.length; k++) o[k + 1] = o[k] + bytesList[k].length;
        const bytes = new Uint8Array(o[d.length]);
        bytesList.forEach((b, k) => bytes.set(b, o[k]));
        chunks.push({ n: d.length, o, base: 0, bytes, d: null });
        total += bytes.length;
      }
    }
    const offsets = new Uint32Array(rows + 1), bytes = new Uint8Array(total);
    let r = 0, at = 0;
    for (const c of chunks) {
      for (let k = 0; k < c.n; k++) {
        // a null reads as "" (its offsets are equal in Arrow; made so here for safety)
        const empty = c.d && c.d.nullCount > 0 && !c.d.getValid(k);
        offsets[r + k + 1] = offsets[r + k] + (empty ? 0 : c.o[k + 1] - c.o[k]);
      }
      if (c.d && c.d.nullCount > 0) {
        for (let k = 0; k < c.n; k++) if (c.d.getValid(k)) bytes.set(c.bytes.subarray(c.o[k] - c.base, c.o[k + 1] - c.base), at + offsets[r + k] - offsets[r]);
      } else bytes.set(c.bytes, at);
      at += offsets[r + c.n] - offsets[r];
      r += c.n;
    }
    parts.push(offsets, bytes);
    return { name: f.name, type: String(t), kind: 'text' };
  });
  const header = enc.encode(JSON.stringify(error ? { ok: false, error } : { ok: true, rows, columns }));
  const pad8 = (n) => (n + 7) & ~7;
  let size = pad8(12 + header.length);
  const places = [];
  for (let p = 0; p < parts.length; p++) {
    const isOffsets = parts[p] instanceof Uint32Array;
    places.push(size);
    size = isOffsets ? size + parts[p].byteLength : pad8(size + parts[p].byteLength);
  }
  return {
    size,
    write(u8, at) {
      u8.fill(0, at, at + size);
      u8.set([0x53, 0x44, 0x57, 0x43], at);   // "SDWC"
      const dv = new DataView(u8.buffer, u8.byteOffset + at, 12);
      dv.setUint32(4, 1, true);
      dv.setUint32(8, header.length, true);
      u8.set(header, at + 12);
      parts.forEach((p, k) => u8.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at + places[k]));
    },
  };
}
