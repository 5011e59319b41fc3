// Frame-time benchmark in headless Chromium on dist/ (issue #6): the chart demo window in bench mode
// (app_demo_bench -> viz_demo_set_bench) draws one chart over N synthetic points, fitted to the whole range:
// the timeline at 10k, 100k, 1M and 10M points (min/max decimation, the normal path), the same timeline
// undecimated at 100k (chart::Decimation::None), the map's density layer at 100k, 1M and 10M, and last the
// undecimated timeline at 1M (it can kill the app's module: recorded as a failure, not skipped).
// Per case, after a warm-up: frame intervals (requestAnimationFrame deltas, capped by the display rate) and
// the app's own frame callback time (main-thread CPU: chart, ImGui, WebGL calls), median and p95, plus the
// points the chart sent to the draw list (TimeView / MapState drawn_points).
//   node bench/frames.cjs [--seconds 3] [--warmup 1] [--out bench/out]
// Writes bench/out/frames.json (bench/report.cjs puts it in BENCHMARKS.md). Not a test: no threshold.
// Headless Chromium has no GPU here: WebGL2 runs on SwiftShader (software), so drawing costs CPU.
'use strict';
const { launchPersistent } = require('../tests/e2e/chromium.cjs');
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const arg = (k, d) => { const i = process.argv.indexOf(k); return i < 0 ? d : process.argv[i + 1]; };
const SECONDS = Number(arg('--seconds', '3'));
const WARMUP = Number(arg('--warmup', '1'));
const OUT = path.resolve(arg('--out', path.join(ROOT, 'bench', 'out')));
fs.mkdirSync(OUT, { recursive: true });
const log = (...a) => console.log('[frames]', ...a);

// kind 1 = timeline, 2 = map density; decimate 0 = chart::Decimation::None
const CASES = [
  { chart: 'timeline', kind: 1, n: 1e4, decimate: 1 },
  { chart: 'timeline', kind: 1, n: 1e5, decimate: 1 },
  { chart: 'timeline', kind: 1, n: 1e6, decimate: 1 },
  { chart: 'timeline', kind: 1, n: 1e7, decimate: 1 },
  { chart: 'timeline', kind: 1, n: 1e5, decimate: 0 },
  { chart: 'map density', kind: 2, n: 1e5, decimate: 1 },
  { chart: 'map density', kind: 2, n: 1e6, decimate: 1 },
  { chart: 'map density', kind: 2, n: 1e7, decimate: 1 },
  { chart: 'timeline', kind: 1, n: 1e6, decimate: 0 },   // last: may kill the app's module (recorded, not skipped)
];

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => (s.length ? s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))] : null);
  return { median: q(0.5), p95: q(0.95), max: s.length ? s[s.length - 1] : null };
};

let srv = null;   // killed on any exit
async function main() {
  srv = spawn('python3', [path.join(ROOT, 'scripts', 'serve.py'), '--root', path.resolve(process.env.SDW_DIST || path.join(ROOT, 'dist')), '--port', '0', '--quiet'],
                    { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((res) => srv.stdout.on('data', (d) => { const m = String(d).match(/http:\S+/); if (m) res(m[0]); }));
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'sdw-frames-'));
  const ctx = await launchPersistent(udd);
  const page = ctx.pages()[0];
  const errors = [];
  page.on('pageerror', (e) => { errors.push(e.message); log('pageerror', e.message, String(e.stack || '').split('\n').slice(1, 4).join(' <- ')); });
  await page.goto(url);
  await page.waitForFunction(() => window.workbench && window.workbench.ui() && window.workbench.ui().frames > 5, null, { timeout: 60000 });
  await page.waitForTimeout(1500);   // basemap fetched, DuckDB started
  const gl = await page.evaluate(() => {
    const g = document.createElement('canvas').getContext('webgl2');
    const ext = g && g.getExtension('WEBGL_debug_renderer_info');
    return g ? (ext ? g.getParameter(ext.UNMASKED_RENDERER_WEBGL) : g.getParameter(g.RENDERER)) : 'no WebGL2';
  });
  log('WebGL renderer:', gl);

  // Time every requestAnimationFrame callback (the app's emscripten main loop looks the global up each
  // frame), summed per frame, and keep the frame timestamps.
  await page.evaluate(() => {
    const raf = window.requestAnimationFrame.bind(window);
    window.__rec = null;
    window.requestAnimationFrame = (cb) => raf((ts) => {
      const a = performance.now();
      try { cb(ts); } finally {
        const r = window.__rec;
        if (r) {
          if (r.ts.length && r.ts[r.ts.length - 1] === ts) r.cpu[r.cpu.length - 1] += performance.now() - a;
          else { r.ts.push(ts); r.cpu.push(performance.now() - a); }
        }
      }
    });
  });

  async function measure() {
    await page.waitForTimeout(WARMUP * 1000);
    await page.evaluate(() => { window.__rec = { ts: [], cpu: [] }; });
    await page.waitForTimeout(SECONDS * 1000);
    const r = await page.evaluate(() => { const x = window.__rec; window.__rec = null; return x; });
    const gaps = r.ts.slice(1).map((t, i) => t - r.ts[i]);
    return { frames: r.ts.length, interval: stats(gaps), cpu: stats(r.cpu.slice(1)) };
  }

  const machine = { cpu: os.cpus()[0].model, cores: os.cpus().length, mem_gb: Math.round(os.totalmem() / 2 ** 30),
                    chromium: ctx.browser() ? ctx.browser().version() : execFileSync('/usr/bin/chromium', ['--version']).toString().trim(),
                    webgl: gl, date: new Date().toISOString() };
  const cases = [];
  const baseline = await measure();   // the app with its panels and no chart window
  log(`baseline (no chart): interval median ${baseline.interval.median.toFixed(1)} ms, frame CPU median ${baseline.cpu.median.toFixed(2)} ms`);
  let dead = null;
  for (const c of CASES) {
    const decimation = c.kind === 1 ? (c.decimate ? 'min/max (M4)' : 'none') : 'screen grid';
    if (dead) { cases.push({ chart: c.chart, n: c.n, decimation, error: `not run: the app died in an earlier case (${dead})` }); continue; }
    const t0 = Date.now();
    try {
      await page.evaluate(({ kind, n, decimate }) => window.Module._app_demo_bench(kind, n, decimate), c);
      await page.waitForFunction(({ kind, n }) => { const b = window.workbench.ui().demo_bench; return b.kind === kind && b.n === n && b.drawn_points > 0; },
                                 c, { timeout: 600000, polling: 100 });
    } catch (e) {
      dead = String(e.message || e).split('\n')[0].slice(0, 160);
      cases.push({ chart: c.chart, n: c.n, decimation, error: dead });
      log(`${c.chart} ${c.n} ${decimation}: FAILS ${dead}`);
      continue;
    }
    const ready_ms = Date.now() - t0;   // includes generating the points once
    const m = await measure();
    const ui = await page.evaluate(() => window.workbench.ui().demo_bench);
    const shot = path.join(OUT, `frames_${c.chart.replace(/ /g, '_')}_${c.n}${c.decimate ? '' : '_undecimated'}.png`);
    await page.screenshot({ path: shot });
    const row = { chart: c.chart, n: c.n, decimation,
                  drawn_points: ui.drawn_points, ready_ms, frames: m.frames,
                  interval_median_ms: m.interval.median, interval_p95_ms: m.interval.p95, interval_max_ms: m.interval.max,
                  cpu_median_ms: m.cpu.median, cpu_p95_ms: m.cpu.p95, screenshot: path.relative(ROOT, shot) };
    cases.push(row);
    log(`${c.chart.padEnd(11)} ${String(c.n).padStart(8)} ${decimation.padEnd(12)} drawn ${String(ui.drawn_points).padStart(7)}  `
      + `interval ${m.interval.median.toFixed(1)}/${m.interval.p95.toFixed(1)} ms  frame CPU ${m.cpu.median.toFixed(2)}/${m.cpu.p95.toFixed(2)} ms (median/p95)`);
  }
  if (!dead) await page.evaluate(() => window.Module._app_demo_bench(0, 0, 1));
  await ctx.close();
  fs.rmSync(udd, { recursive: true, force: true });
  srv.kill();
  const out = { machine, seconds: SECONDS, warmup_s: WARMUP, viewport: [1280, 760], chart_height_px: { timeline: 400, map: 420 },
                baseline: { frames: baseline.frames, interval_median_ms: baseline.interval.median, interval_p95_ms: baseline.interval.p95,
                            cpu_median_ms: baseline.cpu.median, cpu_p95_ms: baseline.cpu.p95 },
                cases, page_errors: errors };
  fs.writeFileSync(path.join(OUT, 'frames.json'), JSON.stringify(out, null, 1));
  log(`wrote ${path.join(OUT, 'frames.json')}`);
}

main().catch((e) => { console.error(e); if (srv) srv.kill(); process.exit(1); });
