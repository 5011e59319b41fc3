// Encrypted workspace at size: a generated CSV of --mb megabytes goes through the file input, persistence is
// turned on (PBKDF2 + AES-GCM per 4 MiB chunk into OPFS), the page reloads and the workspace is reopened.
// Reports the time to store and to reopen (decrypt, before the re-parse), MB/s, and the page's peak JS heap
// (live bytes: gc() then a sample every 50 ms; Blob bytes live outside the JS heap) against the
// file size: chunked encryption must not hold the file twice. bench/out/persist_store.json. No threshold.
//   node bench/persist_store.cjs [--mb 256] [--dist dist]
'use strict';
const { launchPersistent } = require('../tests/e2e/chromium.cjs');
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const arg = (k, d) => { const i = process.argv.indexOf(k); return i < 0 ? d : process.argv[i + 1]; };
const MB = Number(arg('--mb', '256'));
const DIST = path.resolve(arg('--dist', path.join(ROOT, 'dist')));
const PASS = 'banc d’essai du stockage chiffré';
const log = (...a) => console.log('[persist_store]', ...a);

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sdw-persist-'));
  const csv = path.join(tmp, 'capteurs.csv');
  const fd = fs.openSync(csv, 'w');
  let buf = 'horodatage;capteur;valeur\n', rows = 0, size = 0;
  while (size < MB * 1e6) {
    buf += `${new Date(Date.UTC(2020, 0, 1) + rows * 60000).toISOString().slice(0, 19)};C${rows % 5};${(rows * 7) % 1000}\n`;
    rows++;
    if (buf.length > 1 << 20) { fs.writeSync(fd, buf); size += buf.length; buf = ''; }
  }
  fs.writeSync(fd, buf); fs.closeSync(fd);
  const bytes = fs.statSync(csv).size;
  const srv = spawn('python3', [path.join(ROOT, 'scripts', 'serve.py'), '--root', DIST, '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise((res) => { let b = ''; srv.stdout.on('data', (d) => { b += d; const m = b.match(/http:\/\/127\.0\.0\.1:\d+\//); if (m) res(m[0]); }); });
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'sdw-persist-udd-'));
  const ctx = await launchPersistent(udd, { extraArgs: ['--enable-precise-memory-info', '--js-flags=--expose-gc'] });
  const page = ctx.pages()[0] || await ctx.newPage();
  const sample = () => page.evaluate(() => {
    gc();
    window.__peak = performance.memory.usedJSHeapSize;
    clearInterval(window.__timer);
    // gc() first: the peak of live memory, not of garbage the collector has not reached yet
    window.__timer = setInterval(() => { gc(); window.__peak = Math.max(window.__peak, performance.memory.usedJSHeapSize); }, 50);
    return performance.memory.usedJSHeapSize;
  });
  const peak = () => page.evaluate(() => { clearInterval(window.__timer); return window.__peak; });
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.workbench && window.workbench.state().duck.ready, null, { timeout: 60000 });
    await page.setInputFiles('#file-input', csv);
    await page.waitForFunction(() => { const s = window.workbench.state().sources[0]; return s && ['ready', 'error'].includes(s.status); }, null, { timeout: 1800000, polling: 500 });
    const base1 = await sample();
    let t = Date.now();
    await page.evaluate((p) => window.workbench.persist.enable(p), PASS);
    const storeMs = Date.now() - t;
    const peak1 = await peak();
    const st = await page.evaluate(() => window.workbench.persist.status());
    await page.reload();
    await page.waitForFunction(() => window.workbench && window.workbench.state().duck.ready && window.workbench.persist.dialog().open, null, { timeout: 60000 });
    const base2 = await sample();
    t = Date.now();
    await page.evaluate((p) => window.workbench.persist.unlock(p), PASS);   // resolves once decrypted and re-added
    const openMs = Date.now() - t;
    const peak2 = await peak();
    await page.waitForFunction(() => { const s = window.workbench.state().sources[0]; return s && ['ready', 'error'].includes(s.status); }, null, { timeout: 1800000, polling: 500 });
    const s = await page.evaluate(() => window.workbench.state().sources[0]);
    if (s.status !== 'ready' || s.rows !== rows) throw new Error('reopened source: ' + JSON.stringify({ status: s.status, rows: s.rows, error: s.error }));
    const res = { file_mb: bytes / 1e6, rows, stored_mb: st.bytes / 1e6, objects: st.objects,
                  store_ms: storeMs, store_mb_s: +(bytes / 1e6 / (storeMs / 1000)).toFixed(1),
                  reopen_decrypt_ms: openMs, reopen_mb_s: +(bytes / 1e6 / (openMs / 1000)).toFixed(1),
                  js_heap_growth_store_mb: +((peak1 - base1) / 1e6).toFixed(1), js_heap_growth_reopen_mb: +((peak2 - base2) / 1e6).toFixed(1) };
    log(`${res.file_mb.toFixed(0)} MB CSV (${rows} rows): stored encrypted in ${storeMs} ms (${res.store_mb_s} MB/s, includes PBKDF2), ` +
        `reopened (PBKDF2 + decrypt) in ${openMs} ms (${res.reopen_mb_s} MB/s), re-parsed to the same ${s.rows} rows; ` +
        `peak JS heap growth ${res.js_heap_growth_store_mb} MB while storing, ${res.js_heap_growth_reopen_mb} MB while reopening`);
    fs.mkdirSync(path.join(ROOT, 'bench', 'out'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench', 'out', 'persist_store.json'), JSON.stringify({ date: new Date().toISOString(), ...res }, null, 1) + '\n');
    await page.evaluate(() => window.workbench.persist.forget());
  } finally {
    await ctx.close();
    srv.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(udd, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
