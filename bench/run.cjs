// Benchmarks in headless Chromium, one run, same files for every contestant; prints ratios.
//   node bench/run.cjs [--sizes 10,100] [--kinds enedis,bank] [--out bench/out]
// Contestants per CSV file: raw File.stream() read (the ceiling), ours (parse worker + Arrow + DuckDB
// insert, the app's real path), DuckDB-wasm read_csv (its best options for the file), PapaParse
// (streaming, typed columns built like ours). Each result is checked against ground truth (row count,
// sum of the value column); a peer that fails or is wrong is reported as such, not skipped.
'use strict';
const { chromium } = require('playwright-core');
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { generate } = require('./gen.cjs');

const ROOT = path.resolve(__dirname, '..');
const arg = (k, d) => { const i = process.argv.indexOf(k); return i < 0 ? d : process.argv[i + 1]; };
const SIZES = arg('--sizes', '10,100').split(',').map(Number);
const KINDS = arg('--kinds', 'records,enedis,bank').split(',');
const OUT = path.resolve(arg('--out', path.join(ROOT, 'bench', 'out')));
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

function truth(kind, file) {
  if (kind === 'records') return truthRecords(file);
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
  enedis: { ours: 'sum(power_w)', duck: "delim=';', skip=2, header=true", duckSum: 'sum(TRY_CAST("Valeur" AS DOUBLE))', papaSkip: 2 },
  bank: { ours: 'sum(abs(amount))', duck: "delim=';', header=true, decimal_separator=',', thousands=' '",
          duckSum: 'sum(abs(coalesce(TRY_CAST("Débit euros" AS DOUBLE), 0)) + abs(coalesce(TRY_CAST("Crédit euros" AS DOUBLE), 0)))', papaSkip: 0 },
};

async function main() {
  const srv = spawn('python3', [path.join(ROOT, 'scripts', 'serve.py'), '--root', path.join(ROOT, 'dist'), '--port', '0', '--quiet'],
                    { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((res) => srv.stdout.on('data', (d) => { const m = String(d).match(/http:\S+/); if (m) res(m[0]); }));
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'sdw-bench-'));
  const ctx = await chromium.launchPersistentContext(udd, {
    executablePath: '/usr/bin/chromium', headless: true, bypassCSP: true,   // bypassCSP: to inject the peers' scripts
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
           '--js-flags=--max-old-space-size=8192'],
    viewport: { width: 1280, height: 760 },
  });
  const page = ctx.pages()[0];
  page.on('pageerror', (e) => log('pageerror', e.message));
  await page.goto(url);
  await page.waitForFunction(() => window.workbench && window.workbench.state().duck.ready, null, { timeout: 60000 });
  await page.addScriptTag({ path: require.resolve('papaparse/papaparse.min.js') });
  await page.evaluate(() => { const i = document.createElement('input'); i.type = 'file'; i.id = 'bench-input'; i.hidden = true; document.body.appendChild(i); });

  const machine = { cpu: os.cpus()[0].model, cores: os.cpus().length, mem_gb: Math.round(os.totalmem() / 2 ** 30),
                    chromium: ctx.browser() ? ctx.browser().version() : execFileSync('/usr/bin/chromium', ['--version']).toString().trim(),
                    date: new Date().toISOString() };
  const results = [];
  for (const kind of KINDS) for (const mb of SIZES) {
    const file = path.join(OUT, `${kind}_${mb}mb.${(SPEC[kind] && SPEC[kind].ext) || 'csv'}`);
    generate(kind, mb, file);
    const size = fs.statSync(file).size;
    const gt = truth(kind, file);
    log(`${kind} ${mb} MB: ${gt.rows} rows`);
    await page.setInputFiles('#bench-input', file);
    const spec = SPEC[kind];
    const row = { kind, mb, bytes: size, rows: gt.rows, runs: {} };

    row.runs.raw = await page.evaluate(async () => {
      const f = document.getElementById('bench-input').files[0];
      const t0 = performance.now(); let n = 0;
      const rd = f.stream().getReader();
      for (;;) { const { done, value } = await rd.read(); if (done) break; n += value.length; }
      return { ms: performance.now() - t0, ok: n === f.size };
    });

    // Ours: the app's real path (file input -> parse worker -> Arrow IPC -> DuckDB table).
    const before = (await page.evaluate(() => window.workbench.state().sources.length));
    await page.setInputFiles('#file-input', file);
    await page.waitForFunction((n) => { const s = window.workbench.state().sources; return s.length > n && ['ready', 'error'].includes(s[s.length - 1].status); },
                               before, { timeout: 1800000, polling: 200 });
    row.runs.ours = await page.evaluate(async ({ col, gt }) => {
      const s = window.workbench.state().sources.at(-1);
      if (s.status !== 'ready') return { error: JSON.stringify(s.error) };
      const t = s.tables[0].name;
      const r = await window.workbench.sql(`SELECT count(*)::DOUBLE, (${col})::DOUBLE FROM "${t}"`);
      await window.workbench.remove(s.id);
      return { ms: s.parse_ms + s.load_ms, parse_ms: s.parse_ms, load_ms: s.load_ms, heap_mb: s.heap_bytes / 2 ** 20,
               ok: r.rows[0][0] === gt.rows && Math.abs(r.rows[0][1] - Math.abs(gt.sum)) < 1e-6 * Math.abs(gt.sum) + 0.01,
               got: r.rows[0] };
    }, { col: spec.ours, gt });

    if (kind === 'records') {
      // The usual in-browser way: the whole file as a string, JSON.parse, then flatten into typed columns.
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
    results.push(row);
  }

  // Native: the same parser without the browser (the wasm tax is the ratio).
  const cli = path.join(ROOT, 'build', 'native', 'workbench');
  for (const row of results) {
    const file = path.join(OUT, `${row.kind}_${row.mb}mb.${(SPEC[row.kind] && SPEC[row.kind].ext) || 'csv'}`);
    const t0 = process.hrtime.bigint();
    try { execFileSync(cli, ['inspect', file, '--json'], { stdio: ['ignore', 'ignore', 'ignore'] }); } catch (e) { /* exit code 1 = parse errors */ }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    row.runs.native = { ms, mb_s: row.bytes / 1e6 / (ms / 1000), ok: true };
    log(`  native ${row.kind} ${row.mb} MB: ${ms.toFixed(0)} ms ${row.runs.native.mb_s.toFixed(0)} MB/s`);
  }

  const appStart = await page.evaluate(() => ({ first_frame_ms: window.workbench.state().first_frame_ms, duck_init_ms: window.workbench.state().duck.init_ms }));
  await ctx.close();
  fs.rmSync(udd, { recursive: true, force: true });
  srv.kill();
  const report = { machine, app: appStart, results };
  fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(report, null, 1));
  execFileSync('node', [path.join(__dirname, 'report.cjs'), path.join(OUT, 'results.json'), path.join(ROOT, 'BENCHMARKS.md')], { stdio: 'inherit' });
}

main().catch((e) => { console.error(e); process.exit(1); });
