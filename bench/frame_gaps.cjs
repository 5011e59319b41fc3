// Main thread while big files load (issue #22): each generated file goes through the app's file input in a
// fresh page; the page's requestAnimationFrame timestamps give the longest gap between two frames, the app's
// own frame counter the frames it drew, and a PerformanceObserver the long tasks (> 50 ms) of the page's
// thread with their total. Also parse and DuckDB times, rows against the generator, the worker's wasm heap.
//   node bench/frame_gaps.cjs [--kinds enedis,zip,oom,sensors,records] [--mb 1000] [--zip-entries 10000] [--zip-mb 2300]
//                             [--dist dist] [--tmp DIR] [--gpu]
// --gpu: Chromium without --disable-gpu, so the page is composited in the GPU process (SwiftShader here), as on a
// machine with a GPU; without it the compositor is software and reads every WebGL frame back on the page's thread.
// enedis: an Enedis load curve of --mb MB (bench/big_files.cjs); zip: --zip-entries real-shaped entries,
// --zip-mb MB inflated (bench/make_zip.py; 2300 gives a ~1 GB archive); oom: the sparse JSON that runs the
// parse worker out of its 4 GB. Files go to a temp dir, removed after. Results: bench/out/frame_gaps.json.
// For enedis, also the time from ready to the stated energy answer, and the frame gaps meanwhile; for records
// (a Takeout Records.json of raw positions), the time from ready to the mobility answer, which segments every
// point in the page (challenges/segment.h, the CLI's function).
// Not a test: the target (no gap above 100 ms while a 1 GB file loads) is reported, not asserted.
'use strict';
const { launchPersistent } = require('../tests/e2e/chromium.cjs');
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { enedisCurve, sparseJson, makeZip } = require('./big_files.cjs');

const ROOT = path.resolve(__dirname, '..');
const arg = (k, d) => { const i = process.argv.indexOf(k); return i < 0 ? d : process.argv[i + 1]; };
const KINDS = arg('--kinds', 'enedis,zip,oom').split(',');
const MB = Number(arg('--mb', '1000'));
const ZIP_ENTRIES = Number(arg('--zip-entries', '10000'));
const ZIP_MB = Number(arg('--zip-mb', '2300'));
const GPU = process.argv.includes('--gpu');
const DIST = path.resolve(arg('--dist', process.env.SDW_DIST || path.join(ROOT, 'dist')));
const TMP = fs.mkdtempSync(path.join(arg('--tmp', os.tmpdir()), 'sdw-frame-gaps-'));
const OUT = path.join(ROOT, 'bench', 'out');
const log = (...a) => console.log('[frame_gaps]', ...a);

// answerKey: the Home question whose stated answer is timed once the file is ready (the dashboard fetches
// every reading from DuckDB and the core computes the figures on the page thread).
async function loadOne(page, url, file, answerKey = null) {
  const errors = [];
  const onError = (e) => errors.push(e.message);
  page.on('pageerror', onError);
  await page.goto(url);   // fresh page: new parse worker and DuckDB
  await page.waitForFunction(() => window.workbench && window.workbench.state().duck.ready && window.workbench.ui(), null, { timeout: 120000 });
  await page.evaluate(() => {
    const m = window.__gaps = { max: 0, last: 0, n: 0, stop: false, app0: window.workbench.ui().frames, gaps: [], long: [] };
    const tick = (t) => {
      if (m.last) { const g = t - m.last; m.max = Math.max(m.max, g); if (g > 100) m.gaps.push(Math.round(g)); }
      m.last = t; m.n++;
      if (!m.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    try {
      m.obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) m.long.push(Math.round(e.duration)); });
      m.obs.observe({ type: 'longtask', buffered: false });
    } catch (e) { /* no long task API */ }
  });
  const t0 = Date.now();
  await page.setInputFiles('#file-input', file);
  await page.evaluate(() => window.workbench.idle());   // no polling of the page's state while it loads
  const wall = Date.now() - t0;
  const r = await page.evaluate(() => {
    const m = window.__gaps;
    m.stop = true;
    if (m.obs) m.obs.disconnect();
    const s = window.workbench.state().sources[0];
    const long = m.long.sort((a, b) => b - a);
    return { status: s.status, error: s.error, rows: s.rows, tables: s.tables.length, entries: (s.entries || []).length,
             parse_ms: s.parse_ms, load_ms: s.load_ms, heap_bytes: s.heap_bytes, batches: s.batches,
             raf_frames: m.n, app_frames: window.workbench.ui().frames - m.app0, max_frame_gap_ms: Math.round(m.max),
             gaps_over_100ms: m.gaps.length, long_tasks: long.length, long_task_ms: long.reduce((a, b) => a + b, 0), longest_tasks_ms: long.slice(0, 5),
             table: s.tables[0] && s.tables[0].name };
  });
  if (answerKey && r.status === 'ready') {
    await page.evaluate(() => { const m = window.__gaps; m.max = 0; m.gaps = []; m.long = []; m.last = 0; m.stop = false; m.n = 0;
      m.app0 = window.workbench.ui().frames;
      const tick = (t) => { if (m.last) { const g = t - m.last; m.max = Math.max(m.max, g); if (g > 100) m.gaps.push(Math.round(g)); } m.last = t; m.n++; if (!m.stop) requestAnimationFrame(tick); };
      requestAnimationFrame(tick); if (m.obs) m.obs.observe({ type: 'longtask', buffered: false }); });
    const t1 = Date.now();
    // one file with one question opens its dashboard (the answer is its headline, #answer); else Home lists it
    const h = await page.waitForFunction((k) => { const e = document.querySelector(`#a11y [data-k="${k}"] .k-answer`) || document.querySelector('#a11y #answer');
                                                  return e && /\d/.test(e.textContent) && e.textContent; },
                                         answerKey, { timeout: 3600000, polling: 500 }).catch((e) => null);
    r.answer_ms = Date.now() - t1;
    r.answer = h ? await h.jsonValue() : null;
    Object.assign(r, await page.evaluate(() => { const m = window.__gaps; m.stop = true; if (m.obs) m.obs.disconnect();
      const long = m.long.sort((a, b) => b - a);
      return { answer_app_frames: window.workbench.ui().frames - m.app0, answer_max_frame_gap_ms: Math.round(m.max), answer_gaps_over_100ms: m.gaps.length,
               answer_long_task_ms: long.reduce((a, b) => a + b, 0), answer_longest_tasks_ms: long.slice(0, 5) }; }));
  }
  if (r.status === 'ready' && r.table) {
    const q = await page.evaluate((t) => window.workbench.sql(`SELECT count(*)::DOUBLE FROM "${t}"`), r.table);
    r.first_table_count = q.rows[0][0];
  }
  // DuckDB's own memory once loaded (its buffer manager: tables, and what queries left cached)
  const mem = await page.evaluate(() => window.workbench.sql('SELECT sum(memory_usage_bytes)::DOUBLE, current_setting(\'memory_limit\') FROM duckdb_memory()'))
    .catch((e) => ({ rows: [[null, String(e)]] }));
  r.duckdb_bytes = mem.rows[0][0];
  r.duckdb_limit = mem.rows[0][1];
  r.wall_ms = wall;
  r.page_errors = errors;
  page.off('pageerror', onError);
  await page.goto('about:blank');
  return r;
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const srv = spawn('python3', [path.join(ROOT, 'scripts', 'serve.py'), '--root', DIST, '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const url = await new Promise((res) => srv.stdout.on('data', (d) => { const m = String(d).match(/http:\S+/); if (m) res(m[0]); }));
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'sdw-frame-gaps-profile-'));
  const ctx = await launchPersistent(udd, { gpu: GPU });
  const page = ctx.pages()[0] || await ctx.newPage();
  const runs = [];
  try {
    for (const kind of KINDS) {
      let file, truth, t = Date.now();
      if (kind === 'enedis') { file = path.join(TMP, `courbe_de_charge_${MB}mb.csv`); truth = enedisCurve(file, MB * 1e6); }
      else if (kind === 'sensors') {   // a generic CSV (weather stations): no dashboard opens on it, only the load is timed
        file = path.join(TMP, `releves_meteo_${MB}mb.csv`);
        require('./gen.cjs').generate('sensors', MB, file);
        let lines = 0;
        const buf = Buffer.alloc(1 << 22), fd = fs.openSync(file, 'r');
        for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) for (let i = 0; i < n; i++) if (buf[i] === 10) lines++;
        fs.closeSync(fd);
        truth = { rows: lines - 1 };   // one header line
      }
      else if (kind === 'records') {   // raw Takeout positions: the mobility tab segments them in the page (issue #18's 10 M points)
        file = path.join(TMP, `Records_${MB}mb.json`);
        require('./gen.cjs').generate('records', MB, file);
        let points = 0, carry = Buffer.alloc(0);
        const buf = Buffer.alloc(1 << 22), fd = fs.openSync(file, 'r'), key = Buffer.from('"latitudeE7"');
        for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) {
          const b = Buffer.concat([carry, buf.subarray(0, n)]);   // a key cut by the read is found whole in the next
          let last = -1;
          for (let i = b.indexOf(key); i >= 0; i = b.indexOf(key, i + 1)) { points++; last = i; }
          carry = b.subarray(Math.max(last + key.length, b.length - key.length + 1));
        }
        fs.closeSync(fd);
        truth = { rows: points };
      }
      else if (kind === 'zip') { file = path.join(TMP, `export_${ZIP_ENTRIES}_fichiers.zip`); truth = makeZip(file, { entries: ZIP_ENTRIES, mb: ZIP_MB }); }
      else if (kind === 'oom') { file = path.join(TMP, 'enquete_mobilite_reponses.json'); truth = sparseJson(file); }
      else throw new Error('unknown kind ' + kind);
      const bytes = fs.statSync(file).size;
      log(`${kind}: ${(bytes / 1e6).toFixed(0)} MB generated in ${((Date.now() - t) / 1000).toFixed(0)} s`);
      const r = await loadOne(page, url, file, { enedis: 'region:question.energy', records: 'region:question.mobility' }[kind] || null);
      if (kind === 'records' && r.answer) {
        const m = await page.evaluate(() => window.workbench.ui().dashboards.mobility).catch(() => null);
        if (m) Object.assign(r, { segmented_points: m.points, segmented_trips: m.segmented_trips, segmented_km: m.segmented_km });
      }
      const want = kind === 'oom' ? null : truth.rows;
      const row = { kind, file: path.basename(file), bytes, truth_rows: want, entries_truth: truth.entries ? truth.entries.length : undefined, ...r,
                    mb_s: bytes / 1e6 / (r.wall_ms / 1000), ok: kind === 'oom' ? /out_of_memory/.test(r.error && r.error.code) : r.status === 'ready' && r.rows === want };
      log(`  ${row.ok ? 'as expected' : 'UNEXPECTED'} ${r.status}${r.error ? ' ' + r.error.en : ''}; rows ${r.rows}/${want}, ${r.tables} tables, ` +
          `${(row.mb_s).toFixed(1)} MB/s file to ready (parse ${r.parse_ms} ms, DuckDB tail ${r.load_ms} ms), heap ${(r.heap_bytes / 2 ** 20).toFixed(0)} MiB, ` +
          `DuckDB memory ${r.duckdb_bytes == null ? '?' : (r.duckdb_bytes / 2 ** 20).toFixed(0)} MiB of ${r.duckdb_limit}; ` +
          `longest frame gap ${r.max_frame_gap_ms} ms, ${r.gaps_over_100ms} gaps > 100 ms, ${r.app_frames} app frames in ${(r.wall_ms / 1000).toFixed(0)} s, ` +
          `${r.long_tasks} long tasks (${r.long_task_ms} ms; longest ${r.longest_tasks_ms.join(', ')})`);
      if (r.answer_ms !== undefined)
        log(`  ${kind === 'records' ? 'mobility' : 'energy'} answer ${r.answer ? 'in ' + (r.answer_ms / 1000).toFixed(1) + ' s' : 'NOT shown after ' + (r.answer_ms / 1000).toFixed(0) + ' s'}` +
            ` (longest frame gap ${r.answer_max_frame_gap_ms} ms, long tasks ${r.answer_long_task_ms} ms; longest ${r.answer_longest_tasks_ms.join(', ')}): ${r.answer}`);
      runs.push(row);
      fs.rmSync(file, { force: true });
    }
  } finally {
    await ctx.close();
    fs.rmSync(udd, { recursive: true, force: true });
    fs.rmSync(TMP, { recursive: true, force: true });
    srv.kill();
  }
  const pad = (s, n) => String(s).padEnd(n);
  console.log('\n' + pad('file', 34) + pad('MB', 7) + pad('rows', 11) + pad('MB/s', 7) + pad('heap MiB', 10) + pad('frames', 8) + pad('gaps>100', 10) + 'longest frame gap ms');
  for (const r of runs)
    console.log(pad(r.file, 34) + pad((r.bytes / 1e6).toFixed(0), 7) + pad(r.rows, 11) + pad(r.mb_s.toFixed(1), 7) +
                pad((r.heap_bytes / 2 ** 20).toFixed(0), 10) + pad(r.app_frames, 8) + pad(r.gaps_over_100ms, 10) + r.max_frame_gap_ms);
  const report = { date: new Date().toISOString(), machine: { cpu: os.cpus()[0].model, cores: os.cpus().length, load: os.loadavg(),
                   mem_gb: Math.round(os.totalmem() / 2 ** 30) }, compositing: GPU ? 'gpu (SwiftShader)' : 'software (--disable-gpu)', target_gap_ms: 100, runs };
  const outFile = path.join(OUT, GPU ? 'frame_gaps_gpu.json' : 'frame_gaps.json');
  fs.writeFileSync(outFile, JSON.stringify(report, null, 1));
  log('written', path.relative(ROOT, outFile));
  process.exit(runs.every((r) => r.ok) ? 0 : 1);
}

main().catch((e) => { console.error(e); process.exit(1); });
