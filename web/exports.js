// Exports of a table or a query result, as files the browser saves (a Blob and a download link):
// nothing is sent anywhere. CSV (UTF-8 with BOM; "French spreadsheet" variant with ';' and decimal
// commas; cells that a spreadsheet would run as a formula are neutralised), NDJSON, GeoJSON (tables
// with latitude/longitude columns) and Parquet (parquet-wasm, since DuckDB-wasm's Parquet extension
// would have to be downloaded).
import initParquet, { Table as PqTable, readParquet, writeParquet } from 'parquet-wasm';
import { makeData, tableToIPC } from 'apache-arrow';
import { VectorAssembler } from 'apache-arrow/visitor/vectorassembler';
import { decimalString } from './duck.js';

let parquetReady = null;
const ensureParquet = () => (parquetReady ||= initParquet({ module_or_path: new URL('./parquet_wasm_bg.wasm', location.href) }));

// One Arrow cell -> a JS value for text outputs (Date/Timestamp as ISO 8601 UTC, big integers exact).
function plain(v, type) {
  if (v === null || v === undefined) return null;
  const t = String(type);
  if (/^Timestamp/.test(t)) return new Date(Number(v)).toISOString().replace('.000Z', 'Z');
  if (/^Date/.test(t)) return new Date(Number(v)).toISOString().slice(0, 10);
  if (/^Decimal/.test(t)) return decimalString(v, type.scale || 0);
  if (typeof v === 'bigint') return v;
  if (v instanceof Uint8Array) return Array.from(v);
  return v;
}

const isNumericType = (type) => /^(Int|Uint|Float|Decimal)/.test(String(type));

// CSV cell. Strings starting with = + - @ (or tab / CR) are prefixed with ' so that a spreadsheet shows
// them as text instead of running them as formulas (OWASP "CSV injection").
export function csvCell(value, numeric, sep, decimalComma) {
  if (value === null || value === undefined) return '';
  let s;
  if (numeric) {
    s = typeof value === 'bigint' ? value.toString() : String(value);
    if (decimalComma) s = s.replace('.', ',');
  } else {
    s = typeof value === 'object' ? JSON.stringify(value) : String(value);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  }
  if (s.includes(sep) || s.includes('"') || s.includes('\n') || s.includes('\r')) s = '"' + s.replace(/"/g, '""') + '"';
  return s;
}

function* rowsOf(table) {
  const fields = table.schema.fields;
  const cols = fields.map((f, i) => table.getChildAt(i));
  for (let r = 0; r < table.numRows; r++) yield cols.map((c, i) => plain(c.get(r), fields[i].type));
}

export function toCSV(table, { french = false } = {}) {
  const sep = french ? ';' : ',';
  const fields = table.schema.fields;
  const numeric = fields.map((f) => isNumericType(f.type));
  const parts = ['\uFEFF' + fields.map((f) => csvCell(f.name, false, sep, false)).join(sep) + '\r\n'];
  let chunk = [];
  for (const row of rowsOf(table)) {
    chunk.push(row.map((v, i) => csvCell(v, numeric[i], sep, french)).join(sep));
    if (chunk.length === 10000) { parts.push(chunk.join('\r\n') + '\r\n'); chunk = []; }
  }
  if (chunk.length) parts.push(chunk.join('\r\n') + '\r\n');
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}

const jsonReplacer = (k, v) => (typeof v === 'bigint' ? (Number.isSafeInteger(Number(v)) ? Number(v) : v.toString()) : v);

export function toNDJSON(table) {
  const names = table.schema.fields.map((f) => f.name);
  const parts = [];
  let chunk = [];
  for (const row of rowsOf(table)) {
    const o = {};
    names.forEach((n, i) => { o[n] = row[i]; });
    chunk.push(JSON.stringify(o, jsonReplacer));
    if (chunk.length === 10000) { parts.push(chunk.join('\n') + '\n'); chunk = []; }
  }
  if (chunk.length) parts.push(chunk.join('\n') + '\n');
  return new Blob(parts, { type: 'application/x-ndjson' });
}

// Latitude/longitude columns by their usual names (our parsers use lat/lon).
export function geoColumns(names) {
  const find = (re) => names.findIndex((n) => re.test(n));
  return { lat: find(/^(lat|latitude)$/i), lon: find(/^(lon|lng|long|longitude)$/i) };
}

export function toGeoJSON(table) {
  const names = table.schema.fields.map((f) => f.name);
  const { lat, lon } = geoColumns(names);
  if (lat < 0 || lon < 0) {
    const e = new Error('no latitude/longitude columns');
    e.fr = 'Pas de colonnes de latitude et de longitude (lat, lon) : export GeoJSON impossible.';
    e.en = 'No latitude and longitude columns (lat, lon): cannot export GeoJSON.';
    throw e;
  }
  const parts = ['{"type":"FeatureCollection","features":[\n'];
  let first = true;
  for (const row of rowsOf(table)) {
    if (row[lat] === null || row[lon] === null) continue;
    const props = {};
    names.forEach((n, i) => { if (i !== lat && i !== lon) props[n] = row[i]; });
    parts.push((first ? '' : ',\n') + JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: [Number(row[lon]), Number(row[lat])] }, properties: props }, jsonReplacer));
    first = false;
  }
  parts.push('\n]}\n');
  return new Blob(parts, { type: 'application/geo+json' });
}

// apache-arrow 17 (the one DuckDB-wasm 1.32 needs) writes a BOOLEAN chunk that is null on every row with an
// empty value buffer, and parquet-wasm (arrow-rs) refuses the stream ("Need at least 1 bytes for bitmap"):
// a Parquet export of any result with such a column failed. apache-arrow 21 writes a zero-filled buffer of
// the right length; so does this (the validity bits, written before, still say null).
const visitBool = VectorAssembler.prototype.visitBool;
VectorAssembler.prototype.visitBool = function (data) {
  if (data.length > 0 && data.nullCount >= data.length)
    return visitBool.call(this, makeData({ type: data.type, length: data.length, nullCount: 0, data: new Uint8Array((data.length + 7) >> 3) }));
  return visitBool.call(this, data);
};

export async function toParquet(table) {
  await ensureParquet();
  const bytes = writeParquet(PqTable.fromIPCStream(tableToIPC(table, 'stream')));
  return new Blob([bytes], { type: 'application/vnd.apache.parquet' });
}

// Parquet bytes -> a new DuckDB table (through Arrow IPC).
export async function importParquet(conn, bytes, name) {
  await ensureParquet();
  const ipc = readParquet(bytes).intoIPCStream();
  await conn.insertArrowFromIPCStream(ipc, { name, create: true });
}

export const FORMATS = {
  csv: { ext: 'csv', make: (t) => toCSV(t) },
  csv_fr: { ext: 'csv', make: (t) => toCSV(t, { french: true }) },
  ndjson: { ext: 'ndjson', make: (t) => toNDJSON(t) },
  geojson: { ext: 'geojson', make: (t) => toGeoJSON(t) },
  parquet: { ext: 'parquet', make: (t) => toParquet(t) },
};

// Saves a Blob as a file through a temporary object URL: the bytes never leave the browser.
export function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
