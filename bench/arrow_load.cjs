// Arrow load rate (issue #5's closing note): how fast parsed rows enter DuckDB-wasm through the app's real
// path. A generated sensor CSV (the e2e's 900 000-row shape: timestamp;sensor;value, a value column widened
// late) goes through the file input; the parse worker ships Arrow IPC batches and web/main.js appendPiece
// loads them (first batch: insertArrowFromIPCStream create; later ones: appended natively when the stream's
// fields are the table's stored columns, else into a _part_ table, schema widened, INSERT … SELECT with the
// plan's literals and formulas, drop; before issue #16: a _lot_ table, DESCRIBE, INSERT BY NAME). The bench wraps that same DuckDB connection and times only those calls, so the
// rate excludes parsing. Prints rows/s and MB/s (Arrow IPC bytes and CSV bytes) and writes
// bench/out/arrow_load.json. Not a test: no threshold.
//   node bench/arrow_load.cjs [--rows 900000] [--runs 3] [--dist dist]
'use strict';
const { launch } = require('../tests/e2e/chromium.cjs');
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const arg = (k, d) => { const i = process.argv.indexOf(k); return i < 0 ? d : process.argv[i + 1]; };
const ROWS = Number(arg('--rows', '900000'));
const RUNS = Number(arg('--runs', '3'));
const DIST = path.resolve(arg('--dist', path.join(ROOT, 'dist')));
const log = (...a) => console.log('[arrow_load]', ...a);

function makeCsv(file, n) {
  const t0 = Date.UTC(2024, 0, 1);
  const fd = fs.openSync(file, 'w');
  let buf = 'horodatage;capteur;valeur\n';
  for (let i = 0; i < n; i++) {
    const v = i === Math.floor(n * 0.78) ? 12.5 : (i * 7) % 1000;   // an integer column that meets a decimal late
    buf += `${new Date(t0 + i * 60000).toISOString().slice(0, 19)};C${i % 3};${String(v).replace('.', ',')}\n`;
    if (buf.length > 1 << 20) { fs.writeSync(fd, buf); buf = ''; }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sdw-arrow-load-'));
  const csv = path.join(tmp, 'mesures_capteur.csv');
  makeCsv(csv, ROWS);
  const csvBytes = fs.statSync(csv).size;
  const srv = spawn('python3', [path.join(ROOT, 'scripts', 'serve.py'), '--root', DIST, '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise((res, rej) => {
    let b = '';
    srv.stdout.on('data', (d) => { b += d; const m = b.match(/http:\/\/127\.0\.0\.1:\d+\//); if (m) res(m[0]); });
    setTimeout(() => rej(new Error('server did not start')), 10000);
  });
  const browser = await launch();
  const runs = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
      await page.goto(url);
      await page.waitForFunction(() => window.workbench && window.workbench.state().duck.ready, null, { timeout: 60000 });
      // Wrap the app's own connection: time every call appendPiece makes for this source.
      await page.evaluate(async () => {
        const { conn } = await window.workbench.engine();
        const m = (window.__load = { ms: 0, ipc_bytes: 0, batches: 0, appends_ms: 0, create_ms: 0 });
        const ins = conn.insertArrowFromIPCStream.bind(conn), q = conn.query.bind(conn);
        conn.insertArrowFromIPCStream = async (ipc, opts) => {
          const bytes = ipc.byteLength;   // measured first: the call transfers (detaches) the buffer
          const t = performance.now();
          try { return await ins(ipc, opts); } finally {
            const dt = performance.now() - t;
            m.ms += dt; m.ipc_bytes += bytes; m.batches++;
            if (opts.name.startsWith('_lot_') || opts.name.startsWith('_part_') || opts.create === false) m.appends_ms += dt; else m.create_ms += dt;
          }
        };
        conn.query = async (sql) => {
          const t = performance.now();
          try { return await q(sql); } finally {
            if (/_lot_|_part_|^DESCRIBE "|^ALTER TABLE|^CREATE TABLE/.test(sql)) { const dt = performance.now() - t; m.ms += dt; m.appends_ms += dt; }
          }
        };
      });
      const t0 = Date.now();
      await page.setInputFiles('#file-input', csv);
      await page.waitForFunction(() => { const s = window.workbench.state().sources[0]; return s && ['ready', 'error'].includes(s.status); },
                                 null, { timeout: 600000, polling: 200 });
      const wall = Date.now() - t0;
      const out = await page.evaluate(async () => {
        const s = window.workbench.state().sources[0];
        const n = s.status === 'ready' ? (await window.workbench.sql(`SELECT count(*)::DOUBLE FROM "${s.tables[0].name}"`)).rows[0][0] : 0;
        return { status: s.status, error: s.error, rows: n, batches: s.batches, parse_ms: s.parse_ms, load: window.__load };
      });
      if (out.status !== 'ready' || out.rows !== ROWS) throw new Error('load failed: ' + JSON.stringify(out));
      const L = out.load;
      const res = { rows: out.rows, csv_mb: csvBytes / 1e6, ipc_mb: L.ipc_bytes / 1e6, arrow_batches: L.batches, duckdb_ms: Math.round(L.ms),
                    first_batch_ms: Math.round(L.create_ms), later_batches_ms: Math.round(L.appends_ms), wall_ms: wall,
                    rows_per_s: Math.round(out.rows / (L.ms / 1000)), ipc_mb_per_s: +(L.ipc_bytes / 1e6 / (L.ms / 1000)).toFixed(1),
                    csv_mb_per_s_equiv: +(csvBytes / 1e6 / (L.ms / 1000)).toFixed(1),
                    end_to_end_rows_per_s: Math.round(out.rows / (wall / 1000)) };
      log(`run ${r + 1}: ${res.rows} rows in ${res.arrow_batches} Arrow batches (${res.ipc_mb.toFixed(1)} MB IPC, CSV ${res.csv_mb.toFixed(1)} MB): ` +
          `DuckDB load ${res.duckdb_ms} ms = ${res.rows_per_s.toLocaleString('en')} rows/s, ${res.ipc_mb_per_s} MB/s of Arrow IPC ` +
          `(${res.csv_mb_per_s_equiv} MB/s of CSV); file input to ready ${wall} ms = ${res.end_to_end_rows_per_s.toLocaleString('en')} rows/s`);
      runs.push(res);
      await page.close();
    }
  } finally {
    await browser.close();
    srv.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const best = runs.reduce((a, b) => (b.rows_per_s > a.rows_per_s ? b : a));
  const median = [...runs].sort((a, b) => a.rows_per_s - b.rows_per_s)[Math.floor(runs.length / 2)];
  log(`median of ${runs.length}: ${median.rows_per_s.toLocaleString('en')} rows/s, ${median.ipc_mb_per_s} MB/s Arrow IPC (best ${best.rows_per_s.toLocaleString('en')} rows/s)`);
  fs.mkdirSync(path.join(ROOT, 'bench', 'out'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench', 'out', 'arrow_load.json'), JSON.stringify({ date: new Date().toISOString(), rows: ROWS, runs, median }, null, 1) + '\n');
}

main().catch((e) => { console.error(e); process.exit(1); });
