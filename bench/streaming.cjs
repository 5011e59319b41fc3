// Streaming proof in headless Chromium (issues #3 and #11): generated 1 GB files loaded through the app's
// file input, parsed in the worker and shipped to DuckDB in batches. Reports per file: parse time, MB/s,
// the parse worker's peak wasm memory (it only grows, so its size at the end is the peak), rows against
// the generator's ground truth, and the longest gap between two frames of the page while it parsed.
//   node bench/streaming.cjs [--mb 1000] [--gap-mb 500] [--kinds records,objects,sensors] [--tmp DIR] [--keep]
// Files go to a temp dir (removed unless --keep); results to bench/out/streaming.json. Not a test: no threshold.
'use strict';
const { launchPersistent } = require('../tests/e2e/chromium.cjs');
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { generate } = require('./gen.cjs');

const ROOT = path.resolve(__dirname, '..');
const arg = (k, d) => { const i = process.argv.indexOf(k); return i < 0 ? d : process.argv[i + 1]; };
const MB = Number(arg('--mb', '1000'));
const GAP_MB = Number(arg('--gap-mb', '500'));
const KINDS = arg('--kinds', 'records,objects,sensors').split(',');
const TMP = arg('--tmp', null) || fs.mkdtempSync(path.join(os.tmpdir(), 'sdw-streaming-'));
const OUT = path.join(ROOT, 'bench', 'out');
const DIST = path.resolve(arg('--dist', path.join(ROOT, 'dist')));
const log = (...a) => console.log('[streaming]', ...a);

// kind -> file extension, the table the app makes, a SQL sum to check, and the ground truth scanner
const SPEC = {
  records: { ext: 'json', label: 'Records.json (google_records)', sql: 'sum(lat)', re: /"latitudeE7": (-?\d+)/g, val: (m) => Number(m[1]) / 1e7 },
  objects: { ext: 'json', label: 'JSON array of objects (json)', sql: 'sum(value)', re: /"value": (-?[\d.]+)/g, val: (m) => Number(m[1]) },
  sensors: { ext: 'csv', label: 'CSV, generic (csv)', sql: 'sum(humidite_pct)', re: /Z;[^;\n]*;[^;\n]*;(\d+);/g, val: (m) => Number(m[1]) },
};

// Ground truth by scanning the bytes with a regex per row (independent of the parsers; works past 512 MB).
function truth(kind, file) {
  const { re, val } = SPEC[kind];
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(64 << 20);
  let carry = '', rows = 0, sum = 0, n;
  const scan = (text) => { for (const m of text.matchAll(re)) { rows++; sum += val(m); } };
  while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) {
    const text = carry + buf.toString('latin1', 0, n);
    const cut = text.lastIndexOf('\n');
    scan(text.slice(0, cut));
    carry = text.slice(cut);
  }
  scan(carry);
  fs.closeSync(fd);
  return { rows, sum };
}

async function loadOne(page, url, file, spec, gt) {
  const errors = [];
  const onError = (e) => errors.push(e.message);
  page.on('pageerror', onError);
  await page.goto(url);   // a fresh page per file: new parse worker and DuckDB (one tab: a hidden one draws no frames)
  await page.waitForFunction(() => window.workbench && window.workbench.state().duck.ready && window.workbench.ui(),
                             null, { timeout: 60000 });
  // frame timestamps of the page's own requestAnimationFrame, from now until the source is ready
  await page.evaluate(() => {
    window.__frames = [];
    const tick = (t) => { window.__frames.push(t); if (!window.__stopFrames) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const t0 = Date.now();
  await page.setInputFiles('#file-input', file);
  await page.waitForFunction(() => { const s = window.workbench.state().sources[0]; return s && ['ready', 'error'].includes(s.status); },
                             null, { timeout: 3600000, polling: 250 });
  const wall = Date.now() - t0;
  const r = await page.evaluate(async (sql) => {
    window.__stopFrames = true;
    const s = window.workbench.state().sources[0];
    const f = window.__frames;
    let gap = 0;
    for (let i = 1; i < f.length; i++) gap = Math.max(gap, f[i] - f[i - 1]);
    const out = { status: s.status, error: s.error, parse_ms: s.parse_ms, load_ms: s.load_ms, heap_bytes: s.heap_bytes,
                  batches: s.batches, frames: f.length, max_frame_gap_ms: gap, tables: s.tables.map((t) => t.name) };
    if (s.status === 'ready') {
      const q = await window.workbench.sql(`SELECT count(*)::DOUBLE, (${sql})::DOUBLE FROM "${s.tables[0].name}"`);
      out.rows = q.rows[0][0];
      out.sum = q.rows[0][1];
    }
    return out;
  }, spec.sql);
  r.wall_ms = wall;
  r.page_errors = errors;
  r.ok = r.status === 'ready' && r.rows === gt.rows && Math.abs(r.sum - gt.sum) <= 1e-6 * Math.abs(gt.sum) + 0.01;
  page.off('pageerror', onError);
  await page.goto('about:blank');
  return r;
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const srv = spawn('python3', [path.join(ROOT, 'scripts', 'serve.py'), '--root', DIST, '--port', '0', '--quiet'],
                    { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((res) => srv.stdout.on('data', (d) => { const m = String(d).match(/http:\S+/); if (m) res(m[0]); }));
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'sdw-streaming-profile-'));
  const ctx = await launchPersistent(udd);
  const page = ctx.pages()[0] || await ctx.newPage();
  const runs = [];
  const plan = KINDS.map((k) => ({ kind: k, mb: MB }));
  if (GAP_MB > 0) plan.push({ kind: 'sensors', mb: GAP_MB, gap: true });   // the frame-gap figure of issue #11
  try {
    for (const p of plan) {
      const spec = SPEC[p.kind];
      const file = path.join(TMP, `${p.kind}_${p.mb}mb.${spec.ext}`);
      let t = Date.now();
      generate(p.kind, p.mb, file);
      const bytes = fs.statSync(file).size;
      const gt = truth(p.kind, file);
      log(`${spec.label} ${(bytes / 1e6).toFixed(0)} MB: ${gt.rows} rows (generated and counted in ${((Date.now() - t) / 1000).toFixed(0)} s)`);
      const r = await loadOne(page, url, file, spec, gt);
      const row = { kind: p.kind, label: spec.label, bytes, truth_rows: gt.rows, ...r,
                    parse_mb_s: bytes / 1e6 / (r.parse_ms / 1000), total_mb_s: bytes / 1e6 / ((r.parse_ms + r.load_ms) / 1000) };
      log(`  ${r.ok ? 'correct' : 'WRONG'} ${r.status}${r.error ? ' ' + JSON.stringify(r.error) : ''}: rows ${r.rows} / ${gt.rows}, ` +
          `parse ${r.parse_ms} ms (${row.parse_mb_s.toFixed(0)} MB/s), DuckDB tail ${r.load_ms} ms, ${r.batches} batches, ` +
          `heap ${(r.heap_bytes / 2 ** 20).toFixed(0)} MB, longest frame gap ${r.max_frame_gap_ms.toFixed(0)} ms`);
      runs.push(row);
      if (!arg('--keep', null) && !process.argv.includes('--keep')) fs.rmSync(file, { force: true });
    }
  } finally {
    await ctx.close();
    fs.rmSync(udd, { recursive: true, force: true });
    if (!process.argv.includes('--keep')) fs.rmSync(TMP, { recursive: true, force: true });
    srv.kill();
  }
  const pad = (s, n) => String(s).padEnd(n);
  console.log('\n' + pad('file', 34) + pad('MB', 7) + pad('rows', 11) + pad('ok', 6) + pad('parse s', 9) + pad('MB/s', 7) +
              pad('heap MB', 9) + pad('batches', 9) + 'max frame gap ms');
  for (const r of runs)
    console.log(pad(r.label + (r.kind === 'sensors' && r.bytes < MB * 0.9e6 ? ' (gap run)' : ''), 34) + pad((r.bytes / 1e6).toFixed(0), 7) +
                pad(r.rows, 11) + pad(r.ok ? 'yes' : 'NO', 6) + pad((r.parse_ms / 1000).toFixed(1), 9) + pad(r.parse_mb_s.toFixed(0), 7) +
                pad((r.heap_bytes / 2 ** 20).toFixed(0), 9) + pad(r.batches, 9) + r.max_frame_gap_ms.toFixed(0));
  const report = { date: new Date().toISOString(), machine: { cpu: os.cpus()[0].model, cores: os.cpus().length,
                   mem_gb: Math.round(os.totalmem() / 2 ** 30) }, heap_target_mb: 512, runs };
  fs.writeFileSync(path.join(OUT, 'streaming.json'), JSON.stringify(report, null, 1));
  log('written', path.relative(ROOT, path.join(OUT, 'streaming.json')));
  process.exit(runs.every((r) => r.ok) ? 0 : 1);
}

main().catch((e) => { console.error(e); process.exit(1); });
