// Benchmarks in headless Chromium, one run, same files for every contestant; prints ratios.
//   node bench/run.cjs [--sizes 10,100] [--kinds records,enedis,bank,gpx,zip] [--records-extra 500] [--out bench/out]
//                      [--dist dist] [--cli build/native/workbench] [--scale-kinds enedis,records] [--note TEXT]…
// Contestants per file: raw File.stream() read (the ceiling), ours (parse worker + Arrow + DuckDB insert, the
// app's real path), and the peer a user would pick: JSON.parse + flatten (Records.json), DuckDB-wasm read_csv
// (its best options for the file) and PapaParse (streaming, typed columns built like ours) for CSV,
// DOMParser + @tmcw/togeojson for GPX, fflate's streaming Unzip for a ZIP of CSVs. Each result is checked
// against ground truth (row count, sum of a value column); a peer that fails or is wrong is reported as such,
// not skipped. Every file gets a freshly loaded page (new parse worker: its wasm heap is that file's peak);
// the loads also time the app start (first frame, DuckDB ready), the first one cold, with the bytes it
// fetched on the wire (the server sends precompressed .gz/.br siblings). Then: the scaling of the parse-worker
// pool (4 files at once with 1, 2 and 4 workers), natively `workbench inspect` on the same files, a plain read
// of their bytes, and the tight-kernel ceiling (bench/kernels.cjs: the least work per shape, wasm in V8).
'use strict';
const { launchPersistent } = require('../tests/e2e/chromium.cjs');
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { generate } = require('./gen.cjs');

const ROOT = path.resolve(__dirname, '..');
const arg = (k, d) => { const i = process.argv.indexOf(k); return i < 0 ? d : process.argv[i + 1]; };
const SIZES = arg('--sizes', '10,100').split(',').map(Number);
const KINDS = arg('--kinds', 'records,enedis,bank,gpx,zip').split(',');
const RECORDS_EXTRA = arg('--records-extra', '').split(',').filter(Boolean).map(Number);   // e.g. 500 (issue #4)
const SCALE_KINDS = arg('--scale-kinds', 'enedis,records').split(',').filter(Boolean);      // pool scaling (issue #16)
const SCALE_WORKERS = arg('--scale-workers', '1,2,4').split(',').map(Number);
const zlib = require('zlib');
const OUT = path.resolve(arg('--out', path.join(ROOT, 'bench', 'out')));
const DIST = path.resolve(arg('--dist', path.join(ROOT, 'dist')));                               // the site under test
const CLI = path.resolve(arg('--cli', path.join(ROOT, 'build', 'native', 'workbench')));         // native parser
const NOTES = process.argv.flatMap((a, i) => (a === '--note' ? [process.argv[i + 1]] : []));   // printed under the machine line
fs.mkdirSync(OUT, { recursive: true });
const log = (...a) => console.log('[bench]', ...a);

// Ground truth computed in node with a plain line split (these generated files have no quotes).
function truthRecords(file) {   // count and sum of latitudes, scanning the bytes (works past 512 MB)
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(64 << 20);
  let carry = '', rows = 0, sum = 0, n;
  while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) {
    const text = carry + buf.toString('latin1', 0, n);
    const cut = text.lastIndexOf('\n');
    for (const m of text.slice(0, cut).matchAll(/"latitudeE7": (-?\d+)/g)) { rows++; sum += Number(m[1]) / 1e7; }
    carry = text.slice(cut);
  }
  for (const m of carry.matchAll(/"latitudeE7": (-?\d+)/g)) { rows++; sum += Number(m[1]) / 1e7; }
  fs.closeSync(fd);
  return { rows, sum };
}

function truthGpx(file) {   // track points and the sum of their latitudes
  const text = fs.readFileSync(file, 'latin1');
  let rows = 0, sum = 0;
  for (const m of text.matchAll(/<trkpt lat="(-?[\d.]+)"/g)) { rows++; sum += Number(m[1]); }
  return { rows, sum };
}

function truth(kind, file) {
  if (kind === 'records') return truthRecords(file);
  if (kind === 'gpx') return truthGpx(file);
  if (kind === 'zip') return JSON.parse(fs.readFileSync(file + '.truth.json', 'utf8'));
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  let rows = 0, sum = 0;
  const skip = kind === 'enedis' ? 3 : 1;
  for (let i = skip; i < lines.length; i++) {
    if (!lines[i]) continue;
    const c = lines[i].split(';');
    rows++;
    const fr = (x) => (x ? Math.abs(Number(x.replace(/ /g, '').replace(',', '.'))) : 0);
    sum += kind === 'enedis' ? Number(c[1]) : fr(c[2]) + fr(c[3]);   // bank: money out and in
  }
  return { rows, sum };
}

// ours: the domain table our parser makes (Enedis -> energy_readings.power_w in W; bank -> transactions.amount);
// DuckDB: its own columns for the same values.
const SPEC = {
  records: { ours: 'sum(lat)', ext: 'json' },
  gpx: { ours: 'sum(lat)', ext: 'gpx' },
  zip: { ours: 'sum(humidite_pct)', ext: 'zip' },   // one table per CSV entry: summed over the source's tables
  enedis: { ours: 'sum(power_w)', duck: "delim=';', skip=2, header=true", duckSum: 'sum(TRY_CAST("Valeur" AS DOUBLE))', papaSkip: 2 },
  // types: without them DuckDB's sniffer keeps the amounts as VARCHAR ('-1 234,56') and the sums come out wrong
  bank: { ours: 'sum(abs(amount))', duck: "delim=';', header=true, decimal_separator=',', thousands=' ', types={'Débit euros': 'DOUBLE', 'Crédit euros': 'DOUBLE'}",
          duckSum: 'sum(abs(coalesce(TRY_CAST("Débit euros" AS DOUBLE), 0)) + abs(coalesce(TRY_CAST("Crédit euros" AS DOUBLE), 0)))', papaSkip: 0 },
};

// Page-side: what the app fetched for its cold load, mapped to dist/ files, raw and gzip -9 sizes.
function distBytes(urls) {
  let raw = 0, gz = 0;
  const files = [];
  for (const u of new Set(urls)) {
    let rel = decodeURIComponent(new URL(u).pathname).replace(/^\//, '') || 'index.html';
    const f = path.join(DIST, rel);
    if (!fs.existsSync(f) || !fs.statSync(f).isFile()) continue;
    const b = fs.readFileSync(f);
    const z = zlib.gzipSync(b, { level: 9 }).length;
    raw += b.length; gz += z;
    files.push({ file: rel, bytes: b.length, gzip9: z });
  }
  return { raw, gzip9: gz, files: files.sort((a, b) => b.bytes - a.bytes) };
}

// Native: the machine's plain streaming read of the same bytes (page cache -> user buffer) and memcpy.
function plainRead(file) {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.allocUnsafe(8 << 20);
  const t0 = process.hrtime.bigint();
  let n, total = 0;
  while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) total += n;
  fs.closeSync(fd);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, bytes: total };
}
function memcpyMBs() {
  const a = Buffer.alloc(256 << 20, 1), b = Buffer.allocUnsafe(256 << 20);
  a.copy(b);
  let best = Infinity;
  for (let k = 0; k < 5; k++) { const t0 = process.hrtime.bigint(); a.copy(b); best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6); }
  return (256 * 1.048576) / (best / 1000);
}

let srv = null;   // killed on any exit
async function main() {
  srv = spawn('python3', [path.join(ROOT, 'scripts', 'serve.py'), '--root', DIST, '--port', '0', '--quiet'],
                    { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((res) => srv.stdout.on('data', (d) => { const m = String(d).match(/http:\S+/); if (m) res(m[0]); }));
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'sdw-bench-'));
  const ctx = await launchPersistent(udd, { bypassCSP: true,   // bypassCSP: to inject the peers' scripts
                                          extraArgs: ['--js-flags=--max-old-space-size=8192'] });
  // App start, from navigation start (coarse: 5 ms polling): first frame drawn, DuckDB-wasm ready.
  await ctx.addInitScript(() => {
    const id = setInterval(() => {
      const st = window.workbench && window.workbench.state && window.workbench.state();
      if (!st) return;
      if (st.first_frame_ms !== null && !window.__firstFrameAt) window.__firstFrameAt = performance.now();
      if (st.duck.ready && !window.__duckReadyAt) window.__duckReadyAt = performance.now();
      if (window.__firstFrameAt && window.__duckReadyAt) clearInterval(id);
    }, 5);
  });
  const page = ctx.pages()[0];
  page.on('pageerror', (e) => log('pageerror', e.message));

  // A fresh page per file: a new parse worker (its wasm heap only grows, so its size after the file is that
  // file's peak) and a new DuckDB. Each load is an app-start sample; the first is cold (empty profile).
  const starts = [];
  let cold = null;
  async function openPage() {
    const urls = [];
    const wire = [];   // bytes on the wire (encoded body + headers) of each request of the cold load
    const onReq = (r) => { urls.push(r.url()); wire.push(r.sizes().then((z) => ({ url: r.url(), body: z.responseBodySize, headers: z.responseHeadersSize })).catch(() => null)); };
    if (!cold) page.on('requestfinished', onReq);
    const t0 = Date.now();
    await page.goto(url);
    await page.waitForFunction(() => window.workbench && window.workbench.state().duck.ready && window.workbench.state().first_frame_ms !== null,
                               null, { timeout: 120000 });
    await page.waitForFunction(() => window.__duckReadyAt && window.__firstFrameAt, null, { timeout: 10000 });
    const sample = await page.evaluate(() => ({ first_frame_ms: window.__firstFrameAt, duck_ready_ms: window.__duckReadyAt,
                                                first_frame_after_script_ms: window.workbench.state().first_frame_ms,
                                                duck_init_ms: window.workbench.state().duck.init_ms }));
    sample.wall_ms = Date.now() - t0;
    if (!cold) {
      page.off('requestfinished', onReq);
      const w = (await Promise.all(wire)).filter(Boolean);
      cold = { ...sample, fetched: distBytes(urls),
               wire: { bytes: w.reduce((a, x) => a + x.body + x.headers, 0), requests: w.length,
                       files: w.sort((a, b) => b.body - a.body).slice(0, 8).map((x) => ({ file: new URL(x.url).pathname, body: x.body })) } };
    }
    starts.push(sample);
    await page.addScriptTag({ path: require.resolve('papaparse/papaparse.min.js') });
    await page.addScriptTag({ path: path.join(ROOT, 'node_modules', '@tmcw', 'togeojson', 'dist', 'togeojson.umd.js') });
    await page.addScriptTag({ path: path.join(ROOT, 'node_modules', 'fflate', 'umd', 'index.js') });
    await page.evaluate(() => { const i = document.createElement('input'); i.type = 'file'; i.id = 'bench-input'; i.hidden = true; document.body.appendChild(i); });
  }

  const machine = { cpu: os.cpus()[0].model, cores: os.cpus().length, mem_gb: Math.round(os.totalmem() / 2 ** 30),
                    chromium: ctx.browser() ? ctx.browser().version() : execFileSync('/usr/bin/chromium', ['--version']).toString().trim(),
                    date: new Date().toISOString() };
  const results = [];
  const plan = [];
  for (const kind of KINDS) for (const mb of SIZES) plan.push({ kind, mb });
  for (const mb of RECORDS_EXTRA) plan.push({ kind: 'records', mb });
  for (const { kind, mb } of plan) {
    const file = path.join(OUT, `${kind}_${mb}mb.${(SPEC[kind] && SPEC[kind].ext) || 'csv'}`);
    generate(kind, mb, file);
    const fileBytes = fs.statSync(file).size;
    const gt = truth(kind, file);
    // MB/s are of the input a user has in hand, except for the ZIP: its uncompressed CSV bytes (inflate rate).
    const size = kind === 'zip' ? gt.bytes : fileBytes;
    log(`${kind} ${mb} MB: ${gt.rows} rows`);
    await openPage();
    await page.setInputFiles('#bench-input', file);
    const spec = SPEC[kind];
    const row = { kind, mb, bytes: size, file_bytes: fileBytes, rows: gt.rows, truth_sum: gt.sum, runs: {} };

    row.runs.raw = await page.evaluate(async () => {
      const f = document.getElementById('bench-input').files[0];
      const t0 = performance.now(); let n = 0;
      const rd = f.stream().getReader();
      for (;;) { const { done, value } = await rd.read(); if (done) break; n += value.length; }
      return { ms: performance.now() - t0, ok: n === f.size };
    });

    // Ours: the app's real path (file input -> parse worker -> Arrow IPC -> DuckDB table(s)).
    await page.setInputFiles('#file-input', file);
    await page.waitForFunction(() => { const s = window.workbench.state().sources; return s.length > 0 && ['ready', 'error'].includes(s[s.length - 1].status); },
                               null, { timeout: 3600000, polling: 200 });
    row.runs.ours = await page.evaluate(async ({ col, gt }) => {
      const s = window.workbench.state().sources.at(-1);
      if (s.status !== 'ready') return { error: JSON.stringify(s.error) };
      let n = 0, sum = 0;
      for (const t of s.tables) {
        const r = await window.workbench.sql(`SELECT count(*)::DOUBLE, (${col})::DOUBLE FROM "${t.name}"`);
        if (!r.ok && r.error) return { error: `SQL on ${t.name}: ${r.error}` };
        n += Number(r.rows[0][0]); sum += Number(r.rows[0][1]);
      }
      await window.workbench.remove(s.id);
      // whole path: from the file's turn in the parse queue until its rows are queryable in DuckDB
      return { ms: s.wall_ms || s.parse_ms + s.load_ms, parse_ms: s.parse_ms, load_ms: s.load_ms, heap_mb: s.heap_bytes / 2 ** 20, tables: s.tables.length,
               ok: n === gt.rows && Math.abs(sum - Math.abs(gt.sum)) < 1e-6 * Math.abs(gt.sum) + 0.01, got: [n, sum] };
    }, { col: spec.ours, gt });

    if (kind === 'records') {
      row.runs['JSON.parse'] = await page.evaluate(async (gt) => {
        const f = document.getElementById('bench-input').files[0];
        const t0 = performance.now();
        try {
          const text = await f.text();
          if (text.length === 0 && f.size > 0) return { error: 'File.text() returned an empty string (string length limit)' };
          const d = JSON.parse(text);
          const n = d.locations.length;
          const ts = new Float64Array(n), lat = new Float64Array(n), lon = new Float64Array(n);
          let s = 0;
          for (let i = 0; i < n; i++) {
            const x = d.locations[i];
            ts[i] = Date.parse(x.timestamp); lat[i] = x.latitudeE7 / 1e7; lon[i] = x.longitudeE7 / 1e7; s += lat[i];
          }
          return { ms: performance.now() - t0, ok: n === gt.rows && Math.abs(s - gt.sum) < 1e-6 * Math.abs(gt.sum) + 0.01, got: [n, s] };
        } catch (e) { return { error: String(e.message || e).slice(0, 120) }; }
      }, gt);
    } else if (kind === 'gpx') {
      // DOMParser on the whole text, then @tmcw/togeojson's gpx(), then the coordinates into typed columns.
      row.runs.togeojson = await page.evaluate(async (gt) => {
        const f = document.getElementById('bench-input').files[0];
        const t0 = performance.now();
        try {
          const text = await f.text();
          if (text.length === 0 && f.size > 0) return { error: 'File.text() returned an empty string (string length limit)' };
          const doc = new DOMParser().parseFromString(text, 'application/xml');
          const pe = doc.getElementsByTagName('parsererror')[0];
          if (pe) return { error: `DOMParser: ${pe.textContent.slice(0, 100)}` };
          const fc = window.toGeoJSON.gpx(doc);
          let n = 0;
          for (const ft of fc.features) n += ft.geometry ? (ft.geometry.type === 'LineString' ? ft.geometry.coordinates.length : 1) : 0;
          const lat = new Float64Array(n), lon = new Float64Array(n), ele = new Float64Array(n);
          let k = 0, s = 0;
          for (const ft of fc.features) {
            if (!ft.geometry || ft.geometry.type !== 'LineString') continue;
            for (const c of ft.geometry.coordinates) { lon[k] = c[0]; lat[k] = c[1]; ele[k] = c[2]; s += c[1]; k++; }
          }
          return { ms: performance.now() - t0, ok: k === gt.rows && Math.abs(s - gt.sum) < 1e-6 * Math.abs(gt.sum) + 0.01, got: [k, s] };
        } catch (e) { return { error: String(e.message || e).slice(0, 120) }; }
      }, gt);
    } else if (kind === 'zip') {
      // fflate's streaming Unzip (inflate only, its fastest in-page path) fed by File.stream(); checked on the
      // uncompressed bytes and the CSV rows (lines minus one header per entry). It does less than ours: no parse.
      row.runs.fflate = await page.evaluate(async (gt) => {
        const f = document.getElementById('bench-input').files[0];
        const t0 = performance.now();
        try {
          let bytes = 0, lines = 0, entries = 0, done = 0;
          const uz = new window.fflate.Unzip();
          uz.register(window.fflate.UnzipInflate);
          uz.onfile = (file) => {
            entries++;
            file.ondata = (err, data, final) => {
              if (err) throw err;
              bytes += data.length;
              for (let i = 0; i < data.length; i++) if (data[i] === 10) lines++;
              if (final) done++;
            };
            file.start();
          };
          const rd = f.stream().getReader();
          for (;;) { const { done: d, value } = await rd.read(); if (d) break; uz.push(value, false); }
          uz.push(new Uint8Array(0), true);
          const rows = lines - entries;
          return { ms: performance.now() - t0, ok: bytes === gt.bytes && rows === gt.rows && done === entries, got: [rows, bytes] };
        } catch (e) { return { error: String(e.message || e).slice(0, 120) }; }
      }, gt);
    } else {
    row.runs.duckdb = await page.evaluate(async ({ opts, col, gt }) => {
      const { db, conn } = await window.workbench.engine();
      const f = document.getElementById('bench-input').files[0];
      try {
        const t0 = performance.now();
        await db.registerFileHandle('bench.csv', f, 2 /* BROWSER_FILEREADER */, true);
        await conn.query(`CREATE OR REPLACE TABLE bench_duck AS SELECT * FROM read_csv('bench.csv', ${opts})`);
        const ms = performance.now() - t0;
        const r = await conn.query(`SELECT count(*) AS n, (${col})::DOUBLE AS s FROM bench_duck`);
        const o = r.toArray()[0].toJSON();
        await conn.query('DROP TABLE bench_duck'); await db.dropFile('bench.csv');
        return { ms, ok: Number(o.n) === gt.rows && Math.abs(o.s - Math.abs(gt.sum)) < 1e-6 * Math.abs(gt.sum) + 0.01, got: [Number(o.n), o.s] };
      } catch (e) { return { error: String(e.message || e) }; }
    }, { opts: spec.duck, col: spec.duckSum, gt });

    row.runs.papaparse = await page.evaluate(({ kind, skip, gt }) => new Promise((resolve) => {
      const f = document.getElementById('bench-input').files[0];
      const t0 = performance.now();
      // Typed columns, like ours: time as epoch ms (Date.parse), value as float64 (French decimals by hand).
      let cap = 1 << 16, n = 0, a = new Float64Array(cap), b = new Float64Array(cap), header = null, skipped = 0;
      const frNum = (s) => (s ? Number(s.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')) : NaN);
      const frDate = (s) => Date.UTC(+s.slice(6, 10), +s.slice(3, 5) - 1, +s.slice(0, 2));
      window.Papa.parse(f, { delimiter: ';', skipEmptyLines: true, chunkSize: 4 << 20,
        chunk: (res) => {
          for (const r of res.data) {
            if (skipped < skip) { skipped++; continue; }
            if (!header) { header = r; continue; }
            if (n === cap) { cap *= 2; const a2 = new Float64Array(cap); a2.set(a); a = a2; const b2 = new Float64Array(cap); b2.set(b); b = b2; }
            if (kind === 'enedis') { a[n] = Date.parse(r[0]); b[n] = Number(r[1]); }
            else { a[n] = frDate(r[0]); b[n] = (r[2] ? Math.abs(frNum(r[2])) : 0) + (r[3] ? Math.abs(frNum(r[3])) : 0); }
            n++;
          }
        },
        complete: () => {
          let s = 0; for (let i = 0; i < n; i++) if (!Number.isNaN(b[i])) s += Math.abs(b[i]);
          resolve({ ms: performance.now() - t0, ok: n === gt.rows && Math.abs(s - Math.abs(gt.sum)) < 1e-6 * Math.abs(gt.sum) + 0.01, got: [n, s] });
        },
        error: (e) => resolve({ error: String(e) }) });
    }), { kind, skip: spec.papaSkip, gt });
    }

    for (const [k, v] of Object.entries(row.runs)) {
      if (v.ms) v.mb_s = size / 1e6 / (v.ms / 1000);
      log(`  ${k.padEnd(10)} ${v.error ? 'ERROR ' + v.error : `${v.ms.toFixed(0)} ms  ${v.mb_s.toFixed(0)} MB/s  ${v.ok ? 'correct' : 'WRONG ' + JSON.stringify(v.got)}`}`);
    }
    if (row.runs.ours && row.runs.ours.parse_ms) row.runs.ours.parse_mb_s = size / 1e6 / (row.runs.ours.parse_ms / 1000);
    results.push(row);
  }
  // Pool scaling: the same 100 MB as four 25 MB files dropped at once, with 1, 2 and 4 parse workers (a fresh
  // page each time); MB/s from the drop until every file's rows are in DuckDB.
  const scaling = [];
  for (const kind of SCALE_KINDS) {
    const ext = (SPEC[kind] && SPEC[kind].ext) || 'csv';
    const one = path.join(OUT, `${kind}_25mb.${ext}`);
    generate(kind, 25, one);
    const gt = truth(kind, one);
    const files = [0, 1, 2, 3].map((i) => { const f = path.join(OUT, `${kind}_25mb_${i}.${ext}`); fs.copyFileSync(one, f); return f; });
    const bytes = 4 * fs.statSync(one).size;
    for (const n of SCALE_WORKERS) {
      await openPage();
      if (!(await page.evaluate(() => typeof window.workbench.setParseWorkers === 'function'))) {
        log('  scaling skipped: this build has no parse-worker pool (workbench.setParseWorkers)');
        break;
      }
      await page.evaluate((k) => window.workbench.setParseWorkers(k), n);
      const t0 = Date.now();
      await page.setInputFiles('#file-input', files);
      await page.waitForFunction(() => { const s = window.workbench.state().sources; return s.length === 4 && s.every((x) => ['ready', 'error'].includes(x.status)); },
                                 null, { timeout: 3600000, polling: 100 });
      const ms = Date.now() - t0;
      const got = await page.evaluate(async () => {
        let n = 0;
        for (const s of window.workbench.state().sources) for (const t of s.tables) n += Number((await window.workbench.sql(`SELECT count(*)::DOUBLE FROM "${t.name}"`)).rows[0][0]);
        return { rows: n, heap_mb: Math.max(...window.workbench.state().sources.map((s) => s.heap_bytes / 2 ** 20)),
                 errors: window.workbench.state().sources.filter((s) => s.status !== 'ready').length };
      });
      const row = { kind, workers: n, files: 4, bytes, ms, mb_s: bytes / 1e6 / (ms / 1000), ok: got.rows === 4 * gt.rows && got.errors === 0, rows: got.rows, heap_mb: got.heap_mb };
      log(`  scaling ${kind} 4 x 25 MB, ${n} worker(s): ${ms} ms ${row.mb_s.toFixed(0)} MB/s ${row.ok ? 'correct' : 'WRONG ' + JSON.stringify(got)}`);
      scaling.push(row);
    }
    for (const f of [one, ...files]) fs.rmSync(f, { force: true });
  }

  await ctx.close();
  fs.rmSync(udd, { recursive: true, force: true });
  srv.kill();

  // Tight-kernel ceiling (wasm in V8, bench/kernels.cpp) on the same files.
  const kernels = require('./kernels.cjs');
  for (const row of results) {
    if (!['enedis', 'bank', 'records'].includes(row.kind)) continue;
    const file = path.join(OUT, `${row.kind}_${row.mb}mb.${(SPEC[row.kind] && SPEC[row.kind].ext) || 'csv'}`);
    try {
      const k = await kernels.run(row.kind, file);
      const sumOk = Math.abs(k.sum - Math.abs(row.truth_sum)) < 1e-6 * Math.abs(row.truth_sum) + 0.01;
      row.runs.kernel = { ms: k.ms, mb_s: k.mb_s, ok: k.rows === row.rows && sumOk, got: [k.rows, k.sum] };
      log(`  kernel ${row.kind} ${row.mb} MB: ${k.mb_s.toFixed(0)} MB/s ${row.runs.kernel.ok ? 'correct' : 'WRONG ' + JSON.stringify(row.runs.kernel.got)}`);
    } catch (e) { row.runs.kernel = { error: String(e.message || e).slice(0, 120) }; }
  }

  // Native: the same parser without the browser (the wasm tax is the ratio), and a plain read of the bytes.
  const cli = CLI;
  for (const row of results) {
    const file = path.join(OUT, `${row.kind}_${row.mb}mb.${(SPEC[row.kind] && SPEC[row.kind].ext) || 'csv'}`);
    plainRead(file);   // warm the page cache
    const rd = plainRead(file);
    row.runs.read = { ms: rd.ms, mb_s: row.file_bytes / 1e6 / (rd.ms / 1000), ok: rd.bytes === row.file_bytes };   // of the file's bytes
    let err = null, ms = Infinity;
    for (let k = 0; k < (row.file_bytes <= 200e6 ? 3 : 1); k++) {   // best of 3: one process start is noisy here
      const t0 = process.hrtime.bigint();
      try { execFileSync(cli, ['inspect', file, '--json'], { stdio: ['ignore', 'ignore', 'ignore'] }); }
      catch (e) { if (e.status !== 1) err = `exit ${e.status}`; }   // exit code 1 = parse warnings
      ms = Math.min(ms, Number(process.hrtime.bigint() - t0) / 1e6);
    }
    row.runs.native = err ? { error: err } : { ms, mb_s: row.bytes / 1e6 / (ms / 1000), ok: true };
    log(`  native ${row.kind} ${row.mb} MB: ${ms.toFixed(0)} ms ${(row.bytes / 1e6 / (ms / 1000)).toFixed(0)} MB/s; plain read ${row.runs.read.mb_s.toFixed(0)} MB/s`);
  }
  machine.memcpy_mb_s = memcpyMBs();

  const med = (xs) => { const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
  const app = { cold, warm_loads: starts.length - 1,
                first_frame_ms_median: med(starts.slice(1).map((x) => x.first_frame_ms)),
                duck_ready_ms_median: med(starts.slice(1).map((x) => x.duck_ready_ms)),
                duck_init_ms_median: med(starts.slice(1).map((x) => x.duck_init_ms)),
                whole_dist: distBytes(JSON.parse(fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8').match(/const FILES = (\[.*\]);/)[1])
                                        .map((f) => new URL(f, url).href)) };
  const report = { machine, app, results, scaling, notes: NOTES };
  fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(report, null, 1));
  const md = OUT === path.join(ROOT, 'bench', 'out') ? path.join(ROOT, 'BENCHMARKS.md') : path.join(OUT, 'BENCHMARKS.md');
  execFileSync('node', [path.join(__dirname, 'report.cjs'), OUT, md], { stdio: 'inherit' });
}

main().catch((e) => { console.error(e); if (srv) srv.kill(); process.exit(1); });
