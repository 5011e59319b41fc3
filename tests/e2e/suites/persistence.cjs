// Merged workspace and its opt-in encrypted persistence (issue 5's must-show): three sources of different
// domains (bank CSV, Enedis CSV, an LRS xAPI StatementResult) queried together through `timeline`,
// exported as CSV and Parquet (re-imported equal); nothing written to storage while persistence is off;
// turned on through the real passphrase <dialog>; after a reload a wrong passphrase is refused (FR and
// EN) and destroys nothing, the right one brings the same tables, row counts and timeline back; the
// stored bytes hold no text of the sources nor their names; a source removed is erased; "Tout oublier"
// leaves nothing in OPFS, IndexedDB, local/session storage or Cache Storage, and a reload finds nothing.
// Then a file of several chunks on OPFS and on the IndexedDB fallback (?stockage=idb), with a flipped bit,
// and a source removed for good once its undo window runs out.
'use strict';
const fs = require('fs');
const path = require('path');

module.exports = (h) => {
  const { page, test, ui, st, waitFor, rectCenter, assert, eq, log, FIX, OUT, ROOT } = h;
  const PASS = 'Marée basse à Chef-de-Baie, 2025 !';
  const XAPI = path.join(ROOT, 'tests', 'data', 'xapi', 'lrs_statement_result.json');
  const files = [path.join(FIX, 'releve_compte_2025.csv'), path.join(FIX, 'enedis_conso_jour.csv'), XAPI];
  const names = files.map((f) => path.basename(f));
  // Distinctive text of each source, and the file names: none may appear in the stored bytes.
  const secrets = ['CARTE CŒUR DE BŒUF', 'BOUCHERIE', 'VIR SALAIRE', 'Compte courant n° 12345', 'Débit euros', 'Identifiant PRM',
                   '09876543210123', 'lea.martin@college-exemple.fr', 'Léa Martin', 'Quiz fractions', 'college-exemple.fr/activites',
                   ...names, ...names.map((n) => n.replace(/\.[^.]+$/, ''))];
  const statements = JSON.parse(fs.readFileSync(XAPI, 'utf8')).statements.filter((x) => x.verb).length;   // one has no verb: skipped

  const appReady = () => waitFor(() => window.workbench && window.workbench.ui() && window.workbench.ui().frames > 2 &&
                                       window.workbench.state().duck.ready, null, 60000);
  const allReady = (n) => waitFor((n) => { const s = window.workbench.state().sources; return s.length === n && s.every((x) => ['ready', 'error'].includes(x.status)); }, n, 60000);
  const status = () => page.evaluate(() => window.workbench.persist.status());
  const dialog = () => page.evaluate(() => window.workbench.persist.dialog());
  // What the storage APIs themselves report (not the app's bookkeeping).
  const storage = () => page.evaluate(async () => {
    const opfs = [];
    for await (const [n] of (await navigator.storage.getDirectory()).entries()) opfs.push(n);
    const cached = [];
    for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) cached.push(new URL(r.url).pathname);
    return { opfs, indexeddb: (await indexedDB.databases()).map((d) => d.name), localStorage: localStorage.length,
             sessionStorage: sessionStorage.length, caches: await caches.keys(), cached };
  });
  // The service worker's cache may only hold the app's own files (those of dist/), never user data.
  const distFiles = new Set();
  const walk = (d, rel) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(path.join(d, e.name), rel + e.name + '/') : distFiles.add(rel + e.name); };
  const onlyAppFiles = (cached) => cached.every((p) => p === '/' || distFiles.has(p.replace(/^\//, '')));
  const storedBytes = async () => (await page.evaluate(async () => {
    const all = await window.workbench.persist.storedBytes();
    return all.map((o) => { let s = ''; for (let i = 0; i < o.bytes.length; i += 0x8000) s += String.fromCharCode(...o.bytes.subarray(i, i + 0x8000)); return { name: o.name, b64: btoa(s) }; });
  })).map((o) => ({ name: o.name, bytes: Buffer.from(o.b64, 'base64') }));
  const noClearText = (objs) => {
    const all = Buffer.concat(objs.map((o) => o.bytes));
    for (const s of secrets)
      for (const enc of ['utf8', 'utf16le', 'latin1'])
        assert(all.indexOf(Buffer.from(s, enc)) < 0, `stored bytes contain "${s}" in clear (${enc})`);
    for (const o of objs) assert(/^([0-9a-f]{32}|manifest|header\.json)$/.test(o.name), 'object names are random ids: ' + o.name);
  };
  const timelineSql = 'SELECT * FROM timeline ORDER BY ts_start, domain, label, value, source';
  const snapshot = async () => {
    const s = await st();
    const tables = s.tables.map((t) => `${t.name}:${t.domain}:${t.rows}`).sort();
    const counts = await page.evaluate(async (ts) => {
      const out = {};
      for (const t of ts) out[t] = (await window.workbench.sql(`SELECT count(*) FROM "${t}"`)).rows[0][0];
      return out;
    }, s.tables.map((t) => t.name));
    const tl = await page.evaluate((q) => window.workbench.sql(q), timelineSql);
    return { sources: s.sources.map((x) => `${x.name}:${x.format}:${x.rows}`), tables, counts, timeline: JSON.stringify(tl.rows), timelineRows: tl.total };
  };
  const download = async (fn, arg) => {
    const [dl, r] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.evaluate(fn, arg)]);
    const file = path.join(OUT, dl.suggestedFilename());
    await dl.saveAs(file);
    return { r, name: dl.suggestedFilename(), bytes: fs.readFileSync(file) };
  };
  const typeInto = async (sel, text) => { await page.click(sel); await page.keyboard.type(text, { delay: 5 }); };
  const shot = async (name) => { await page.waitForTimeout(200); await page.screenshot({ path: path.join(OUT, name) }); };

  test('persistence: three domains merged in timeline, exports, encrypted workspace survives a reload, wrong passphrase refused, forget leaves nothing', async () => {
    walk(path.join(ROOT, 'dist'), '');
    // Page errors and console errors (a CSP violation by the dialog would show here) during this test.
    const errors = [];
    const onErr = (e) => errors.push(e.message);
    const onConsole = (m) => { if (m.type() === 'error') errors.push('console: ' + m.text()); };
    page.on('pageerror', onErr);
    page.on('console', onConsole);
    await page.goto(h.url);
    await appReady();
    await page.evaluate(() => navigator.serviceWorker.ready);   // the app's offline copy is in place, as after any first visit
    try {
      let p = await status();
      eq(p.stored, false, 'no stored workspace at first');
      eq((await dialog()).open, false, 'no dialog when nothing is stored');

      // -- three sources of different domains, merged
      await page.setInputFiles('#file-input', files);
      await allReady(3);
      const s0 = await st();
      for (const s of s0.sources) eq(s.status, 'ready', s.name + ' ' + JSON.stringify(s.error));
      eq(s0.sources.map((s) => s.format).join(','), 'bank,enedis,xapi', 'formats');
      const tl = await page.evaluate(() => window.workbench.sql('SELECT domain, count(*) AS n, count(DISTINCT source) AS files FROM timeline GROUP BY ALL ORDER BY 1'));
      eq(JSON.stringify(tl.rows), JSON.stringify([['energy_readings', 61, 1], ['learning_statements', statements, 1], ['transactions', 120, 1]]),
         'timeline merges the three sources');
      const span = await page.evaluate(() => window.workbench.sql(
        "SELECT min(ts_start) FILTER (WHERE domain = 'transactions'), max(ts_start) FILTER (WHERE domain = 'energy_readings'), count(*) FILTER (WHERE label LIKE '%BŒUF%') FROM timeline"));
      eq(JSON.stringify(span.rows[0]), JSON.stringify(['2025-01-01T00:00:00Z', '2025-04-29T22:00:00Z', 12]), 'timeline values across sources');
      const before = await snapshot();
      eq(before.timelineRows, 61 + 120 + statements, 'timeline rows');

      // -- nothing was written to browser storage with persistence off
      let left = await storage();
      eq(JSON.stringify([left.opfs, left.indexeddb, left.localStorage, left.sessionStorage]), '[[],[],0,0]', 'persistence off: nothing stored');
      assert(onlyAppFiles(left.cached), 'the service worker cache holds only app files: ' + left.cached.filter((x) => !distFiles.has(x.slice(1))).join(' '));

      // -- exports: CSV and Parquet of the timeline query, Parquet re-imported equal
      const q = 'SELECT * FROM timeline';
      const csv = await download(([q]) => window.workbench.exportQuery(q, 'csv', 'chronologie'), [q]);
      eq(csv.r.ok, true, 'CSV export ok');
      eq(csv.bytes.slice(0, 3).toString('hex'), 'efbbbf', 'CSV has a UTF-8 BOM');
      const lines = csv.bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
      eq(lines[0], 'ts_start,ts_end,source,domain,kind,label,value,unit,lat,lon', 'CSV header');
      eq(lines.length - 1, before.timelineRows, 'CSV rows');
      assert(lines.some((l) => l.includes('CARTE CŒUR DE BŒUF — BOUCHERIE')), 'CSV keeps the bank labels');
      const pq = await download(([q]) => window.workbench.exportQuery(q, 'parquet', 'chronologie'), [q]);
      eq(pq.bytes.slice(0, 4).toString(), 'PAR1', 'Parquet magic');
      await page.evaluate((b) => window.workbench.importParquet(b, 'chronologie_relue'), [...pq.bytes]);
      const diff = await page.evaluate(() => window.workbench.sql(
        `SELECT (SELECT count(*) FROM (SELECT * FROM timeline EXCEPT ALL SELECT * FROM chronologie_relue)) +
                (SELECT count(*) FROM (SELECT * FROM chronologie_relue EXCEPT ALL SELECT * FROM timeline)) AS d,
                (SELECT count(*) FROM chronologie_relue) AS n`));
      eq(JSON.stringify(diff.rows[0]), JSON.stringify([0, before.timelineRows]), 'Parquet re-import equals the timeline, row for row');
      const types = await page.evaluate(() => window.workbench.sql(
        "SELECT (SELECT list(column_type) FROM (DESCRIBE timeline)) = (SELECT list(column_type) FROM (DESCRIBE chronologie_relue))"));
      eq(types.rows[0][0], true, 'same column types after the Parquet round trip');
      await page.evaluate(() => window.workbench.sql('DROP TABLE chronologie_relue'));

      // -- turn persistence on through the dialog (the ImGui button opens it; typing goes into the real inputs)
      const b = await rectCenter('persist.open');
      await page.mouse.click(b.x, b.y, { delay: 60 });
      await waitFor(() => window.workbench.persist.dialog().open, null, 5000);
      eq((await dialog()).mode, 'enable', 'the dialog offers to keep the workspace');
      await shot('persist_enable_dialog.png');
      await typeInto('#persist-pass', PASS);
      await typeInto('#persist-pass2', PASS + 'x');
      await page.keyboard.press('Enter');
      await waitFor(() => window.workbench.persist.dialog().kind === 'error', null, 5000);
      assert(/pas identiques/.test((await dialog()).message), 'mismatch refused: ' + (await dialog()).message);
      await page.fill('#persist-pass2', '');
      await typeInto('#persist-pass2', PASS);
      await page.click('#persist-ok');
      await waitFor(() => !window.workbench.persist.dialog().open, null, 60000);
      await h.waitForAsync(async () => { const x = await window.workbench.persist.status(); return x.enabled && !x.busy && x.sources.length === 3; }, null, 60000);
      p = await status();
      eq(p.backend, 'opfs', 'OPFS used');
      eq(p.objects, 5, 'header + manifest + one object per source');
      eq(p.sources.map((x) => x.name).join(','), names.join(','), 'manifest in the Sources panel order');
      assert(p.bytes > files.reduce((a, f) => a + fs.statSync(f).size, 0), 'the original bytes are stored (encrypted)');
      eq(JSON.stringify((await storage()).opfs), '["sdw-workspace"]', 'one folder in OPFS');
      await shot('persist_enabled_status.png');

      // -- the stored bytes: a clear header only, no text of the sources, no file names
      const objs = await storedBytes();
      const header = JSON.parse(objs.find((o) => o.name === 'header.json').bytes.toString('utf8'));
      eq(header.kdf.hash + '/' + header.kdf.name + '/' + header.cipher, 'SHA-256/PBKDF2/AES-GCM-256', 'header: KDF and cipher');
      assert(header.kdf.iterations >= 310000, 'PBKDF2 iterations ≥ 310 000: ' + header.kdf.iterations);
      eq(Buffer.from(header.kdf.salt, 'base64').length, 16, '16-byte salt');
      eq(JSON.stringify(Object.keys(header).sort()), '["check","chunk","cipher","format","kdf","version"]', 'nothing else in clear');
      noClearText(objs);

      // -- reload: the app offers to reopen; a wrong passphrase is refused and destroys nothing
      await page.reload();
      await appReady();
      await waitFor(() => window.workbench.persist.dialog().open, null, 10000);
      eq((await dialog()).mode, 'unlock', 'reopen offered after the reload');
      eq((await st()).sources.length, 0, 'nothing opened before the passphrase');
      await shot('persist_unlock_dialog.png');
      await typeInto('#persist-pass', 'marée haute');
      await page.keyboard.press('Enter');
      await waitFor(() => window.workbench.persist.dialog().kind === 'error', null, 60000);
      let d = await dialog();
      assert(/Phrase de passe incorrecte/.test(d.message) && /rien n’a été effacé/.test(d.message), 'clear refusal in French: ' + d.message);
      await shot('persist_wrong_passphrase.png');
      await page.evaluate(() => window.Module.wb.setLang('en'));
      await typeInto('#persist-pass', PASS.toUpperCase());
      await page.keyboard.press('Enter');
      await waitFor(() => /Wrong passphrase/.test(window.workbench.persist.dialog().message), null, 60000);
      assert(/nothing was erased/.test((await dialog()).message), 'clear refusal in English: ' + (await dialog()).message);
      await page.evaluate(() => window.Module.wb.setLang('fr'));
      p = await status();
      eq(JSON.stringify([p.stored, p.locked, p.enabled, p.objects, p.refused]), '[true,true,false,5,2]', 'still stored and closed after two refusals');
      const objs2 = await storedBytes();
      eq(JSON.stringify(objs2.map((o) => o.name + ':' + o.bytes.toString('base64')).sort()),
         JSON.stringify(objs.map((o) => o.name + ':' + o.bytes.toString('base64')).sort()), 'not one stored byte changed');
      eq((await st()).sources.length, 0, 'still nothing opened');

      // -- the right passphrase: the same workspace
      await page.fill('#persist-pass', '');
      await typeInto('#persist-pass', PASS);
      await page.keyboard.press('Enter');
      await waitFor(() => !window.workbench.persist.dialog().open, null, 60000);
      await allReady(3);
      const after = await snapshot();
      eq(JSON.stringify(after.sources), JSON.stringify(before.sources), 'same sources, formats and rows');
      eq(JSON.stringify(after.tables), JSON.stringify(before.tables), 'same tables');
      eq(JSON.stringify(after.counts), JSON.stringify(before.counts), 'same row counts in DuckDB');
      eq(after.timeline, before.timeline, 'same timeline query result');
      eq(JSON.stringify((await ui()).sources.map((s) => s.name)), JSON.stringify(names), 'the Sources panel lists them');
      p = await status();
      eq(JSON.stringify([p.enabled, p.objects]), '[true,5]', 'reopened, nothing stored twice');
      await shot('persist_reopened.png');

      // -- a second tab of the same browser may not open the same workspace (its writes would overwrite this
      // tab's manifest): refused with what to do, nothing changed here
      const tab2 = await h.ctx.newPage();
      try {
        await tab2.goto(h.url);
        await tab2.waitForFunction(() => window.workbench && window.workbench.persist && window.workbench.persist.dialog().mode === 'unlock' &&
                                         window.workbench.persist.dialog().open, null, { timeout: 60000, polling: 100 });
        await tab2.click('#persist-pass');
        await tab2.keyboard.type(PASS);
        await tab2.keyboard.press('Enter');
        await tab2.waitForFunction(() => /déjà ouvert dans un autre onglet/.test(window.workbench.persist.dialog().message), null, { timeout: 60000, polling: 100 });
        eq(await tab2.evaluate(() => window.workbench.state().sources.length), 0, 'the second tab reopened nothing');
      } finally {
        await tab2.close();
      }
      p = await status();
      eq(JSON.stringify([p.enabled, p.objects]), '[true,5]', 'the first tab keeps its workspace whole');

      // -- a removed source is flagged, then erased (here: the page closes during the undo window)
      const xid = (await st()).sources.find((s) => s.format === 'xapi').id;
      await page.evaluate((id) => window.workbench.remove(id), xid);
      await h.waitForAsync(async () => (await window.workbench.persist.status()).sources.some((x) => x.removed), null, 10000);
      await page.evaluate(() => window.workbench.undoRemove());
      await h.waitForAsync(async () => { const x = await window.workbench.persist.status(); return !x.busy && x.sources.every((y) => !y.removed); }, null, 10000);
      await page.evaluate((id) => window.workbench.remove(id), xid);
      await h.waitForAsync(async () => { const x = await window.workbench.persist.status(); return !x.busy && x.sources.some((y) => y.removed); }, null, 10000);
      await page.reload();
      await appReady();
      await waitFor(() => window.workbench.persist.dialog().open, null, 10000);
      await page.evaluate((p) => window.workbench.persist.unlock(p), PASS);
      await allReady(2);
      eq((await st()).sources.map((s) => s.name).join(','), names.slice(0, 2).join(','), 'the removed source does not come back');
      p = await status();
      eq(JSON.stringify([p.objects, p.sources.length, (await dialog()).open]), '[4,2,false]', 'its object is erased');

      // -- "Tout oublier": nothing left in any storage API
      const b2 = await rectCenter('persist.open');
      await page.mouse.click(b2.x, b2.y, { delay: 60 });
      await waitFor(() => window.workbench.persist.dialog().mode === 'on', null, 5000);
      await shot('persist_on_dialog.png');
      await page.click('#persist-forget');
      await waitFor(() => window.workbench.persist.dialog().mode === 'forget', null, 5000);
      await shot('persist_forget_confirm.png');
      const tf = Date.now();
      await page.click('#persist-ok');
      await waitFor(() => window.workbench.persist.dialog().mode === 'forgotten', null, 30000);
      log(`  forgotten in ${Date.now() - tf} ms`);
      left = await storage();
      eq(JSON.stringify({ ...left, cached: undefined }),
         JSON.stringify({ opfs: [], indexeddb: [], localStorage: 0, sessionStorage: 0, caches: [] }), 'after forget: nothing left');
      await page.click('#persist-cancel');
      eq((await st()).sources.length, 2, 'the open tab keeps what it shows until it closes');

      // -- persistence off: a reload finds nothing
      await page.reload();
      await appReady();
      await page.waitForTimeout(500);
      p = await status();
      eq(JSON.stringify([p.stored, p.enabled, (await dialog()).open, (await st()).sources.length]), '[false,false,false,0]', 'a reload finds nothing');
      left = await storage();
      eq(JSON.stringify([left.opfs, left.indexeddb, left.localStorage, left.sessionStorage]), '[[],[],0,0]', 'no storage after the reload');
      assert(onlyAppFiles(left.cached), 'the re-installed service worker caches only app files');
      log(`  stored ${objs.length} objects, ${objs.reduce((a, o) => a + o.bytes.length, 0)} bytes; PBKDF2 ${header.kdf.iterations} iterations`);
      eq(errors.length, 0, 'no page or console errors: ' + errors.join(' | '));
    } finally {
      page.off('pageerror', onErr);
      page.off('console', onConsole);
      await page.evaluate(() => window.workbench && window.workbench.persist.forget()).catch(() => {});
    }
  });

  // A file of several 4 MiB chunks on both backends; on OPFS one flipped bit in it stops the reopening
  // (named, nothing erased), and the workspace opens again once the bit is put back.
  test('persistence, multi-chunk file on OPFS and on the IndexedDB fallback: altered bytes refused, the rest intact', async () => {
    const big = path.join(OUT, 'mesures_longues.csv');
    let text = 'horodatage;capteur;valeur\n', sum = 0;
    const n = 420000;
    for (let i = 0; i < n; i++) {
      const v = (i * 13) % 997;
      sum += v;
      text += `${new Date(Date.UTC(2024, 0, 1) + i * 60000).toISOString().slice(0, 19)};S${i % 4};${v}\n`;
    }
    fs.writeFileSync(big, text);
    assert(text.length > 2.5 * 4 * 1024 * 1024, 'the file spans at least three chunks: ' + text.length);
    const bigSecrets = ['horodatage;capteur;valeur', '2024-01-01T00:00:00;S0', 'mesures_longues'];
    for (const backend of ['opfs', 'idb']) {
      await page.goto(h.url + '?stockage=' + backend);
      await appReady();
      try {
        await page.setInputFiles('#file-input', [files[0], big]);
        await allReady(2);
        await page.evaluate((p) => window.workbench.persist.enable(p), PASS);
        await h.waitForAsync(async () => { const x = await window.workbench.persist.status(); return !x.busy && x.objects === 4; }, null, 60000);
        eq((await status()).backend, backend, 'backend');
        const objs = await storedBytes();
        noClearText(objs);
        const all = Buffer.concat(objs.map((o) => o.bytes));
        for (const x of bigSecrets) assert(all.indexOf(Buffer.from(x)) < 0, `"${x}" not in clear`);
        const before = await snapshot();
        const sumOf = async () => (await page.evaluate(() => window.workbench.sql(
          `SELECT sum(valeur)::DOUBLE, count(*)::DOUBLE FROM "${window.workbench.state().tables.find((t) => t.name.startsWith('mesures_longues')).name}"`))).rows[0];
        eq(JSON.stringify(await sumOf()), JSON.stringify([sum, n]), 'the big file parsed whole');
        if (backend === 'opfs') {
          const flip = () => page.evaluate(async () => {
            const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('sdw-workspace');
            let big = null;
            for await (const [, hd] of dir.entries()) { const f = await hd.getFile(); if (!big || f.size > big.size) big = { hd, size: f.size }; }
            const f = await big.hd.getFile(), pos = Math.floor(f.size / 2);
            const b = new Uint8Array(await f.slice(pos, pos + 1).arrayBuffer());
            const w = await big.hd.createWritable({ keepExistingData: true });
            await w.write({ type: 'write', position: pos, data: new Uint8Array([b[0] ^ 1]) });
            await w.close();
          });
          await flip();
          await page.reload();
          await appReady();
          await waitFor(() => window.workbench.persist.dialog().mode === 'unlock', null, 10000);
          await typeInto('#persist-pass', PASS);
          await page.keyboard.press('Enter');
          await waitFor(() => window.workbench.persist.dialog().kind === 'error', null, 60000);
          const d = await dialog();
          assert(/endommagé/.test(d.message) && /mesures_longues\.csv/.test(d.message) && /rien n’a été effacé/.test(d.message), 'damage named: ' + d.message);
          const p = await status();
          eq(JSON.stringify([p.stored, p.locked, p.objects, (await st()).sources.length]), '[true,true,4,0]', 'stays closed, nothing erased');
          await shot('persist_damaged.png');
          await flip();
        }
        await page.reload();
        await appReady();
        await waitFor(() => window.workbench.persist.dialog().mode === 'unlock', null, 10000);
        const refused = await page.evaluate(() => window.workbench.persist.unlock('pas la bonne').then(() => 'ok', (e) => e.code));
        eq(refused, 'persist.wrong_passphrase', 'wrong passphrase refused');
        await page.evaluate((p) => window.workbench.persist.unlock(p), PASS);
        await allReady(2);
        eq(JSON.stringify(await snapshot()), JSON.stringify(before), `same workspace from ${backend}`);
        eq(JSON.stringify(await sumOf()), JSON.stringify([sum, n]), 'the multi-chunk file came back byte for byte');
        if (backend === 'idb') {   // removed, and the undo window runs out: erased from storage
          await page.evaluate(() => window.workbench.remove(window.workbench.state().sources[0].id));
          await waitFor(() => window.workbench.state().undo !== null, null, 5000);
          await waitFor(() => window.workbench.state().undo === null, null, 60000);
          await h.waitForAsync(async () => { const x = await window.workbench.persist.status(); return !x.busy && x.objects === 3; }, null, 10000);
          eq(JSON.stringify((await status()).sources.map((x) => x.name)), JSON.stringify(['mesures_longues.csv']), 'only the kept source is listed');
        }
        const left = await page.evaluate(() => window.workbench.persist.forget());
        eq(JSON.stringify([left.opfs, left.indexeddb, left.localStorage, left.caches]), '[[],[],0,[]]', 'forget leaves nothing');
      } finally {
        await page.evaluate(() => window.workbench && window.workbench.persist.forget()).catch(() => {});
      }
    }
  });
};
