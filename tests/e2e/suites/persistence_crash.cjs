// Crash-safe encrypted workspace (issue 22): a Chromium of its own with a persistent profile is killed
// for real (SIGKILL, every process of the profile) while the workspace is being written — during the
// store of a 30 MB file (8 chunks of 4 MiB), right after a manifest write starts, during a removal once
// its undo window is over, during "Tout oublier" — and at seeded random delays. The kill points are
// chosen deterministically: the page's persist module holds the write at a named step
// (workbench.persist.holdAt, a test hook) and the test kills once status().held says it is there,
// after checking with the OPFS / IndexedDB APIs that the write is really half done. After each kill the
// same profile is launched again and the person reopens the workspace through the dialog: the last
// complete state comes back (same sources, same row counts), a file whose store was cut short is named
// as not saved (FR and EN), nothing else is lost, nothing the manifest does not name is left in
// storage, and an interrupted "forget" is finished on the next visit (nothing left in OPFS, IndexedDB,
// localStorage). OPFS and the IndexedDB fallback (?stockage=idb).
'use strict';
const path = require('path');
const { Device, seeded, bigCsv, sleep } = require('../persistence_browser.cjs');

module.exports = (h) => {
  // CI runs the first test of this file; E2E_FULL=1 runs them all (each launches its own Chromium profiles and
  // derives keys at 600 000 PBKDF2 iterations: ~2 min a test on 2 cores, more than CI's 30 minutes can hold).
  let registered = 0;
  const test = (name, fn) => {
    if (registered++ < 1 || process.env.E2E_FULL === '1') h.test(name, fn);
    else h.log(`skipped without E2E_FULL=1: ${name.slice(0, 90)}`);
  };
  const { assert, eq, log, FIX, OUT } = h;
  const PASS = 'Cartable de Noé, printemps 2026 !';
  const BANK = path.join(FIX, 'releve_compte_2025.csv'), ENEDIS = path.join(FIX, 'enedis_conso_jour.csv');
  const BIG_NAME = 'capteurs_30mo.csv';
  const BIG = path.join(OUT, BIG_NAME);
  const ROWS = { 'releve_compte_2025.csv': 120, 'enedis_conso_jour.csv': 61 };
  const CHUNK = 4 * 1024 * 1024;
  const OBJECT = /^([0-9a-f]{32}|manifest|header\.json)$/;
  let big = null;
  const bigFile = () => { if (!big) { big = bigCsv(BIG, 30); ROWS[BIG_NAME] = big.rows; } return big; };

  // ---------------------------------------------------------------- as a person does, in one device
  async function enable(d, n) {
    await d.click('persist.open');
    await d.waitFor(() => window.workbench.persist.dialog().mode === 'enable', null, 10000);
    await d.type('#persist-pass', PASS);
    await d.type('#persist-pass2', PASS);
    await d.page.click('#persist-ok');
    await d.waitFor(() => !window.workbench.persist.dialog().open, null, 60000);
    await settled(d, n);
  }
  // Every source of the workspace stored and committed, nothing being written.
  const settled = (d, n) => d.until(async (n) => {
    const x = await window.workbench.persist.status();
    return x.enabled && !x.busy && x.sources.length === n && x.sources.every((s) => !s.pending);
  }, n, 180000, 'workspace settled');
  async function unlock(d) {
    await d.waitFor(() => window.workbench.persist.dialog().mode === 'unlock', null, 30000);
    await d.type('#persist-pass', PASS);
    await d.page.keyboard.press('Enter');
    await d.waitFor(() => { const x = window.workbench.persist.dialog(); return !x.open || x.mode === 'on'; }, null, 120000);
  }
  async function addFiles(d, files) { await d.page.setInputFiles('#file-input', files); }
  async function holdAt(d, step, nth = 1) { await d.eval(([s, n]) => window.workbench.persist.holdAt(s, n), [step, nth]); }
  const held = (d, step, timeout = 180000) => d.until(async (s) => (await window.workbench.persist.status()).held === s, step, timeout, 'held at ' + step);

  // The reopened workspace is exactly `names` (in order, each with its known row count), `missing` named
  // as not saved, and storage holds the header, the manifest and one whole object per source, nothing else.
  async function expectReopened(d, names, missing = [], { lang = 'fr' } = {}) {
    const srcs = await d.allReady(names.length);
    eq(JSON.stringify(srcs.map((s) => `${s.name}:${s.status}:${s.rows}`)), JSON.stringify(names.map((n) => `${n}:ready:${ROWS[n]}`)),
       'the last complete state: same sources, same rows');
    await settled(d, names.length);
    const p = await d.status();
    eq(JSON.stringify(p.missing), JSON.stringify(missing), 'files reported as not saved');
    eq(JSON.stringify(p.sources.map((s) => s.name)), JSON.stringify(names), 'the manifest lists them');
    const dlg = await d.dialog();
    if (missing.length) {
      eq(dlg.mode, 'on', 'the dialog stays open to say what is missing');
      for (const m of missing) {
        assert(dlg.message.includes(lang === 'fr' ? `«\u00a0${m}\u00a0»` : `“${m}”`), 'the file is named: ' + dlg.message);
        assert(lang === 'fr' ? /non enregistré/.test(dlg.message) && /Le reste est intact/.test(dlg.message)
                             : /not saved/.test(dlg.message) && /Everything else is intact/.test(dlg.message), `clear message (${lang}): ${dlg.message}`);
      }
      await d.page.click('#persist-cancel');
    } else eq(dlg.open, false, 'nothing to report: the dialog closed');
    await noStrays(d, names.length, p.backend);
    return p;
  }
  async function noStrays(d, n, backend) {
    const s = await d.storage();
    if (backend === 'opfs') {
      const names = Object.keys(s.files);
      assert(names.every((x) => OBJECT.test(x)), 'only the header, the manifest and objects in OPFS: ' + names.join(' '));
      eq(names.length, 2 + n, 'one object per source, no stray object or side file: ' + JSON.stringify(s.files));
    } else {
      const names = Object.keys(s.idbObjects || {});
      eq(names.length, 2 + n, 'one object per source in IndexedDB, no stray records: ' + JSON.stringify(s.idbObjects));
    }
    return s;
  }
  async function finish(d) {
    eq(d.foreign().length, 0, 'requests to other origins: ' + d.foreign().join(' '));
    eq(d.errors.length, 0, 'no page or console errors: ' + d.errors.join(' | '));
    await d.dispose();
  }

  test('persistence crash, OPFS: killed while a 30 MB file is stored, then right after its commit starts: the last complete state reopens, the file cut short is named (FR), no stray', async () => {
    const t = bigFile();
    const d = new Device(h, 'crash-store');
    try {
      await d.launch();
      await d.open();
      await addFiles(d, [BANK, ENEDIS]);
      await d.allReady(2);
      await enable(d, 2);
      // -- kill 1: during the store of the 30 MB file, once 3 of its 8 chunks are written
      await holdAt(d, 'store:chunk', 3);
      await addFiles(d, [BIG]);
      await held(d, 'store:chunk');
      const p1 = await d.status();
      eq(JSON.stringify([p1.progress.name, p1.progress.chunk, p1.progress.chunks]), JSON.stringify([BIG_NAME, 3, Math.ceil(t.bytes / CHUNK)]), 'held after chunk 3');
      eq(JSON.stringify(p1.sources.map((s) => s.pending)), '[false,false,true]', 'the big file is listed as pending');
      const s1 = await d.storage();
      const side = Object.entries(s1.files).filter(([n]) => n.endsWith('.crswap'));
      assert(side.length === 1 && side[0][1] === 3 * (4 + 12 + CHUNK + 16), 'OPFS: the object being written holds 3 sealed chunks: ' + JSON.stringify(s1.files));
      log(`  kill 1 after chunk 3 of ${p1.progress.chunks}: ${await d.kill()} processes`);
      await d.launch();
      await d.open();
      eq((await d.state()).sources.length, 0, 'nothing open before the passphrase');
      await unlock(d);
      const p2 = await expectReopened(d, ['releve_compte_2025.csv', 'enedis_conso_jour.csv'], [BIG_NAME]);
      assert(p2.swept >= 1, 'the half-written object\'s side file was swept: ' + p2.swept);

      // -- kill 2: the same file again, held right after the write of the manifest that commits it starts
      await holdAt(d, 'manifest:writing/commit');
      await addFiles(d, [BIG]);
      await held(d, 'manifest:writing');
      const s2 = await d.storage();
      assert(s2.files['manifest.crswap'] > 0, 'the new manifest is being written: ' + JSON.stringify(s2.files));
      eq(Object.keys(s2.files).filter((n) => /^[0-9a-f]{32}$/.test(n)).length, 3, 'the object is whole');
      await d.kill();
      await d.launch({ locale: 'en-US' });
      await d.open();
      await unlock(d);
      await expectReopened(d, ['releve_compte_2025.csv', 'enedis_conso_jour.csv', BIG_NAME], []);
      const tbl = (await d.state()).tables.find((x) => x.name.startsWith('capteurs_30mo')).name;
      const r = await d.eval((q) => window.workbench.sql(q), `SELECT count(*)::DOUBLE, sum(valeur)::DOUBLE FROM "${tbl}"`);
      eq(JSON.stringify(r.rows[0]), JSON.stringify([t.rows, t.sum]), 'the file whose commit was cut short came back whole');
      await finish(d);
    } finally { await d.dispose(); }
  });

  test('persistence crash, OPFS: killed during a removal after its undo window and during "Tout oublier": the removal holds, the forgetting is finished on the next visit', async () => {
    const d = new Device(h, 'crash-forget');
    try {
      await d.launch();
      await d.open();
      await addFiles(d, [BANK, ENEDIS]);
      await d.allReady(2);
      await enable(d, 2);
      // -- kill 3: the source is removed with its button; its undo window runs out; the manifest without
      // it is committed, its object not yet deleted
      await holdAt(d, 'drop:committed');
      const en = (await d.state()).sources.find((s) => s.name === 'enedis_conso_jour.csv');
      await d.click(`sources.remove.${en.id}`);
      await d.waitFor(() => window.workbench.state().undo !== null, null, 10000);
      await held(d, 'drop:committed', 60000);
      const s3 = await d.storage();
      eq(Object.keys(s3.files).filter((n) => /^[0-9a-f]{32}$/.test(n)).length, 2, 'its object is still there when the browser dies');
      await d.kill();
      await d.launch();
      await d.open();
      await unlock(d);
      const p = await expectReopened(d, ['releve_compte_2025.csv'], []);
      eq(p.swept, 1, 'the removed source\'s object was swept');

      // -- kill 4: "Tout oublier", held once the header is deleted (the objects are still there)
      await d.eval(async () => {   // more of the origin's storage, which "forget everything" erases too
        await new Promise((res) => { const r = indexedDB.open('trace', 1); r.onupgradeneeded = () => r.result.createObjectStore('s').put('x', 1); r.onsuccess = () => { r.result.close(); res(); }; });
      });
      await d.click('persist.open');
      await d.waitFor(() => window.workbench.persist.dialog().mode === 'on', null, 10000);
      await d.page.click('#persist-forget');
      await d.waitFor(() => window.workbench.persist.dialog().mode === 'forget', null, 5000);
      await holdAt(d, 'forget:header-removed');
      await d.page.click('#persist-ok');
      await held(d, 'forget:header-removed', 30000);
      const s4 = await d.storage();
      assert(s4.root.includes('sdw-forgetting') && !('header.json' in s4.files) && 'manifest' in s4.files && s4.indexeddb.includes('trace'),
             'killed halfway: marker written, header gone, the rest still there: ' + JSON.stringify(s4));
      await d.kill();
      await d.launch();
      await d.open();
      await d.waitFor(() => window.workbench.persist.dialog().mode === 'forgotten', null, 30000);
      const dlg = await d.dialog();
      const text = await d.eval(() => document.getElementById('persist-text').textContent);
      assert(/interrompu/.test(text) && /maintenant terminé/.test(text), 'the dialog says the forgetting was finished: ' + text);
      eq(dlg.open, true, 'told');
      const s5 = await d.storage();
      eq(JSON.stringify([s5.root, s5.indexeddb, s5.localStorage]), '[[],[],0]', 'nothing left in OPFS, IndexedDB, localStorage');
      assert(s5.caches.every((k) => k.startsWith('sdw-')), 'Cache Storage holds only the app: ' + s5.caches.join(' '));
      const p5 = await d.status();
      eq(JSON.stringify([p5.stored, p5.resumed, (await d.state()).sources.length]), '[false,true,0]', 'nothing to reopen');
      await d.page.click('#persist-cancel');
      await d.page.reload();
      await d.waitFor(() => window.workbench && window.workbench.ui() && window.workbench.ui().frames > 2 && window.workbench.state().duck.ready, null, 120000);
      await sleep(500);
      eq(JSON.stringify([(await d.status()).stored, (await d.dialog()).open]), '[false,false]', 'the next visit finds nothing and says nothing');
      await finish(d);
    } finally { await d.dispose(); }
  });

  test('persistence crash, IndexedDB fallback: killed while a 30 MB file is stored (EN message), then during "forget everything": half an object is never reopened, the forgetting is finished', async () => {
    bigFile();
    const d = new Device(h, 'crash-idb');
    try {
      await d.launch();
      await d.open('?stockage=idb');
      await addFiles(d, [BANK, ENEDIS]);
      await d.allReady(2);
      await enable(d, 2);
      eq((await d.status()).backend, 'idb', 'IndexedDB backend');
      await holdAt(d, 'store:chunk', 3);
      await addFiles(d, [BIG]);
      await held(d, 'store:chunk');
      const s1 = await d.storage();
      const partial = Object.entries(s1.idbObjects).filter(([, n]) => n === 3);
      eq(partial.length, 1, 'IndexedDB holds 3 records of the object being written: ' + JSON.stringify(s1.idbObjects));
      await d.kill();
      await d.launch({ locale: 'en-US' });
      await d.open('?stockage=idb');
      await unlock(d);
      await expectReopened(d, ['releve_compte_2025.csv', 'enedis_conso_jour.csv'], [BIG_NAME], { lang: 'en' });

      await d.click('persist.open');
      await d.waitFor(() => window.workbench.persist.dialog().mode === 'on', null, 10000);
      await d.page.click('#persist-forget');
      await holdAt(d, 'forget:workspace-removed');
      await d.page.click('#persist-ok');
      await held(d, 'forget:workspace-removed', 30000);
      const s2 = await d.storage();
      assert(s2.root.includes('sdw-forgetting') && !s2.indexeddb.includes('sdw-workspace'), 'killed halfway: ' + JSON.stringify(s2));
      await d.kill();
      await d.launch({ locale: 'en-US' });
      await d.open('?stockage=idb');
      await d.waitFor(() => window.workbench.persist.dialog().mode === 'forgotten', null, 30000);
      const text = await d.eval(() => document.getElementById('persist-text').textContent);
      assert(/interrupted/.test(text) && /now finished/.test(text), 'told in English: ' + text);
      const s3 = await d.storage();
      eq(JSON.stringify([s3.root, s3.indexeddb, s3.localStorage]), '[[],[],0]', 'nothing left');
      await finish(d);
    } finally { await d.dispose(); }
  });

  // Kills at seeded random delays after storing, removing or forgetting starts. Wherever the kill
  // lands, the next visit reopens a consistent workspace: every source the manifest lists comes back
  // with its rows, a file cut short is the only one that may be missing, nothing stray is left; or,
  // once "forget" got past its marker, nothing at all.
  async function randomKills(kinds, seed, name) {
    bigFile();
    const rnd = seeded(seed);
    const d = new Device(h, name);
    const landed = [];
    try {
      await d.launch();
      await d.open();
      await addFiles(d, [BANK, ENEDIS]);
      await d.allReady(2);
      await enable(d, 2);
      let names = ['releve_compte_2025.csv', 'enedis_conso_jour.csv'];
      const relaunch = async () => { await d.launch(); await d.open(); };
      for (const kind of kinds) {
        const before = names.slice();
        if (kind === 'store') {
          const n = names.filter((x) => x === BIG_NAME).length + 1;
          await addFiles(d, [BIG]);
          await d.waitFor(([b, n]) => window.workbench.state().sources.filter((s) => s.status === 'ready' && s.name === b).length === n, [BIG_NAME, n], 120000);
        } else if (kind === 'drop') {
          const x = (await d.state()).sources.find((s) => s.name === (names.includes(BIG_NAME) ? BIG_NAME : names[names.length - 1]));
          await d.click(`sources.remove.${x.id}`);
          await d.waitFor(() => window.workbench.state().undo !== null, null, 10000);
          await d.waitFor(() => window.workbench.state().undo === null, null, 60000);
        } else {
          await d.click('persist.open');
          await d.waitFor(() => window.workbench.persist.dialog().mode === 'on', null, 10000);
          await d.page.click('#persist-forget');
          await d.page.click('#persist-ok');
        }
        const delay = Math.round(rnd() * (kind === 'store' ? 2500 : 150));
        await sleep(delay);
        const at = await d.status().catch(() => null);
        await d.kill();
        landed.push(`${kind} +${delay} ms: ${at && at.progress ? at.progress.step + (at.progress.chunk ? ' ' + at.progress.chunk + '/' + at.progress.chunks : '') : '?'}`);
        await relaunch();
        await sleep(300);
        const p = await d.status();
        if (kind === 'forget') {
          if (p.stored) {   // killed before the marker was written: the workspace is whole
            await unlock(d);
            await expectReopened(d, before, []);
            landed[landed.length - 1] += ' (before the marker: workspace intact)';
          } else {
            const s = await d.storage();
            eq(JSON.stringify([s.root, s.indexeddb]), '[[],[]]', 'forgotten: nothing left');
          }
          break;
        }
        await unlock(d);
        const now = (await d.status()).sources.map((s) => s.name);
        const missing = (await d.status()).missing;
        if (kind === 'store') {
          assert(JSON.stringify(now) === JSON.stringify(before) || JSON.stringify(now) === JSON.stringify([...before, BIG_NAME]), 'before or after the store: ' + now);
          assert(missing.every((m) => m === BIG_NAME), 'only the file being stored may be missing: ' + missing);
          eq(missing.length && now.includes(BIG_NAME) ? 'both' : 'ok', 'ok', 'never both reopened and missing');
        } else {
          const without = before.filter((n) => n !== (before.includes(BIG_NAME) ? BIG_NAME : before[before.length - 1]));
          assert(JSON.stringify(now) === JSON.stringify(before) || JSON.stringify(now) === JSON.stringify(without), 'before or after the removal: ' + now);
          eq(missing.length, 0, 'nothing missing after a removal');
        }
        await expectReopened(d, now, missing);
        names = now;
      }
      log('  kills landed at: ' + landed.join('; '));
      await finish(d);
    } finally { await d.dispose(); }
  }
  test('persistence crash, OPFS: kills at seeded random delays while storing', () => randomKills(['store', 'store'], 22, 'crash-random-store'));
  test('persistence crash, OPFS: kills at seeded random delays while removing and forgetting', () => randomKills(['drop', 'forget'], 2026, 'crash-random-drop'));
};
