// A Chromium of its own for the persistence suites (persistence_crash.cjs, persistence_archive.cjs): a
// persistent profile folder, so a "device" keeps its storage across launches, and a real kill (SIGKILL
// to every process of that profile, found with pgrep) to test what a crash leaves behind. Same flags as
// tests/e2e/e2e.cjs main(); same site (the harness's url). Every request is recorded: the suites check
// that none left the origin. Not a suite (it lives outside suites/).
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const { launchPersistent } = require('./chromium.cjs');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The processes whose command line names the profile folder (the browser and its helpers).
function pidsOf(udd) {
  try {
    return execFileSync('pgrep', ['-f', udd]).toString().trim().split(/\s+/).filter(Boolean).map(Number).filter((p) => p !== process.pid);
  } catch (e) { return []; }   // pgrep exits 1 when nothing matches
}

class Device {
  constructor(h, name) {
    this.h = h;
    this.udd = fs.mkdtempSync(path.join(os.tmpdir(), `sdw-${name}-`));
    this.ctx = null;
    this.page = null;
    this.requests = [];
    this.errors = [];
    this.launches = 0;
  }

  async launch({ locale = 'fr-FR' } = {}) {
    this.ctx = await launchPersistent(this.udd, { locale, acceptDownloads: true });
    this.launches++;
    this.ctx.on('request', (r) => this.requests.push(r.url()));
    this.page = this.ctx.pages()[0] || await this.ctx.newPage();
    this.page.on('pageerror', (e) => this.errors.push(e.message));
    this.page.on('console', (m) => { if (m.type() === 'error') this.errors.push('console: ' + m.text()); });
    return this;
  }

  // Opens the app (query: '?stockage=idb'…) and waits for its first frames and DuckDB.
  async open(query = '') {
    await this.page.goto(this.h.url + query);
    await this.waitFor(() => window.workbench && window.workbench.ui() && window.workbench.ui().frames > 2 &&
                             window.workbench.state().duck.ready, null, 120000);
  }

  waitFor(fn, arg = null, timeout = 60000) { return this.page.waitForFunction(fn, arg, { timeout, polling: 100 }); }
  // For predicates that await (page.waitForFunction takes the Promise an async function returns as a
  // truthy answer at once): evaluated every 100 ms until truthy.
  async until(fn, arg = null, timeout = 60000, what = 'condition') {
    const end = Date.now() + timeout;
    for (;;) {
      const v = await this.page.evaluate(fn, arg);
      if (v) return v;
      if (Date.now() > end) throw new Error(`${what}: not reached within ${timeout / 1000} s`);
      await sleep(100);
    }
  }
  eval(fn, arg) { return this.page.evaluate(fn, arg); }
  status() { return this.eval(() => window.workbench.persist.status()); }
  dialog() { return this.eval(() => window.workbench.persist.dialog()); }
  state() { return this.eval(() => window.workbench.state()); }

  // A click on a widget the app reports in ui().rects, held like a person's press.
  async click(name) {
    await this.waitFor((n) => { const u = window.workbench.ui(); return u && u.rects && u.rects[n]; }, name, 10000);
    const r = (await this.eval(() => window.workbench.ui())).rects[name];
    await this.page.mouse.click((r[0] + r[2]) / 2, (r[1] + r[3]) / 2, { delay: 60 });
  }
  async type(sel, text) { await this.page.click(sel); await this.page.keyboard.type(text, { delay: 5 }); }

  // Every source ready (or in error), n of them.
  async allReady(n, timeout = 120000) {
    await this.waitFor((n) => { const s = window.workbench.state().sources; return s.length === n && s.every((x) => ['ready', 'error'].includes(x.status)); }, n, timeout);
    return (await this.state()).sources.map((s) => ({ name: s.name, status: s.status, rows: s.rows, id: s.id }));
  }

  // What the storage APIs themselves report: OPFS entries (the workspace folder's files with their sizes),
  // IndexedDB databases, and for the workspace database the object names its keys hold (with record counts).
  storage() {
    return this.eval(async () => {
      const out = { root: [], files: {}, indexeddb: [], idbObjects: null, localStorage: localStorage.length, caches: await caches.keys() };
      const root = await navigator.storage.getDirectory();
      for await (const [n, hd] of root.entries()) {
        out.root.push(n);
        if (n === 'sdw-workspace' && hd.kind === 'directory')
          for await (const [f, fh] of hd.entries()) out.files[f] = fh.kind === 'file' ? (await fh.getFile()).size : -1;
      }
      out.indexeddb = (await indexedDB.databases()).map((d) => d.name);
      if (out.indexeddb.includes('sdw-workspace')) {
        const db = await new Promise((res, rej) => { const r = indexedDB.open('sdw-workspace'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
        const keys = await new Promise((res, rej) => { const r = db.transaction('kv').objectStore('kv').getAllKeys(); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
        db.close();
        out.idbObjects = {};
        for (const k of keys) { const n = Array.isArray(k) ? k[0] : k; out.idbObjects[n] = (out.idbObjects[n] || 0) + 1; }
      }
      return out;
    });
  }

  // Kills the browser for real: SIGKILL to every process of this profile, then waits until they are gone.
  async kill() {
    const pids = pidsOf(this.udd);
    if (!pids.length) throw new Error('no browser process found for ' + this.udd);
    for (const p of pids) { try { process.kill(p, 'SIGKILL'); } catch (e) { /* already gone */ } }
    for (let i = 0; i < 300 && pidsOf(this.udd).length; i++) await sleep(100);
    if (pidsOf(this.udd).length) throw new Error('browser processes survived SIGKILL: ' + pidsOf(this.udd).join(' '));
    await this.ctx.close().catch(() => {});
    this.ctx = null;
    this.page = null;
    return pids.length;
  }

  async close() { if (this.ctx) await this.ctx.close().catch(() => {}); this.ctx = null; }

  // The run's checks: no request left the origin or failed to be same-origin, no page or console error.
  foreign() { return this.requests.filter((u) => !u.startsWith(this.h.origin) && !u.startsWith('blob:') && !u.startsWith('data:')); }

  async dispose() {
    await this.close();
    for (const p of pidsOf(this.udd)) { try { process.kill(p, 'SIGKILL'); } catch (e) { /* gone */ } }
    fs.rmSync(this.udd, { recursive: true, force: true });
  }
}

// A deterministic pseudo-random sequence (mulberry32) for the seeded kill delays.
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A CSV of `mb` megabytes (several 4 MiB chunks once stored): rows and the sum of `valeur` are returned.
function bigCsv(file, mb) {
  if (fs.existsSync(file + '.json')) { const t = JSON.parse(fs.readFileSync(file + '.json', 'utf8')); if (t.mb === mb && fs.existsSync(file)) return t; }
  const parts = ['horodatage;capteur;valeur\n'];
  let bytes = parts[0].length, rows = 0, sum = 0;
  const t0 = Date.UTC(2023, 0, 1);
  while (bytes < mb * 1024 * 1024) {
    const v = (rows * 31) % 1009;
    const line = `${new Date(t0 + rows * 30000).toISOString().slice(0, 19)};C${rows % 7};${v}\n`;
    parts.push(line);
    bytes += line.length;
    rows++;
    sum += v;
  }
  fs.writeFileSync(file, parts.join(''));
  const t = { mb, rows, sum, bytes };
  fs.writeFileSync(file + '.json', JSON.stringify(t));
  return t;
}

module.exports = { Device, seeded, bigCsv, sleep };
