// Portable encrypted archive (issue 22, the pupil's "cartable numérique"): "Exporter mon espace (fichier
// chiffré)…" in the persistence dialog downloads one .sdwcartable file; "Importer un espace chiffré…"
// (offered in the enable, unlock and "on" forms) reads it back with its passphrase in another profile.
// Each "device" is a Chromium of its own with a persistent profile. Checked: export on device 1 and
// import on a fresh device 2 give the same sources, tables and row counts, which device 2 then keeps in
// its own workspace; the archive holds nothing in clear but its header; a wrong passphrase, a flipped
// bit (in a chunk, in the header), a truncated file, bytes added at the end and a file that is not an
// archive are each refused with a message naming what is wrong and where (FR and EN), and nothing open
// or stored changes; an import from the unlock form is stored once the workspace is reopened.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { Device, bigCsv, sleep } = require('../persistence_browser.cjs');

module.exports = (h) => {
  // CI runs the first test of this file; E2E_FULL=1 runs them all (each launches its own Chromium profiles and
  // derives keys at 600 000 PBKDF2 iterations: ~2 min a test on 2 cores, more than CI's 30 minutes can hold).
  let registered = 0;
  const test = (name, fn) => {
    if (registered++ < 1 || process.env.E2E_FULL === '1') h.test(name, fn);
    else h.log(`skipped without E2E_FULL=1: ${name.slice(0, 90)}`);
  };
  const { assert, eq, log, FIX, OUT, ROOT } = h;
  const PASS = 'Cartable numérique de Noé, 6e B !';
  const PASS2 = 'Une autre phrase, pour la tablette';
  const BANK = path.join(FIX, 'releve_compte_2025.csv'), ENEDIS = path.join(FIX, 'enedis_conso_jour.csv');
  const XAPI = path.join(ROOT, 'tests', 'data', 'xapi', 'lrs_statement_result.json');
  const MID_NAME = 'capteurs_9mo.csv', MID = path.join(OUT, MID_NAME);
  const secrets = ['CARTE CŒUR DE BŒUF', 'BOUCHERIE', 'Identifiant PRM', 'Léa Martin', 'Quiz fractions', 'horodatage;capteur;valeur',
                   'releve_compte_2025', 'enedis_conso_jour', 'lrs_statement_result', 'capteurs_9mo'];

  // ---------------------------------------------------------------- as a person does
  const settled = (d, n) => d.until(async (n) => {
    const x = await window.workbench.persist.status();
    return x.enabled && !x.busy && x.sources.length === n && x.sources.every((s) => !s.pending);
  }, n, 180000, 'workspace settled');
  async function enableHere(d, pass, n) {   // the enable form is open
    await d.type('#persist-pass', pass);
    await d.type('#persist-pass2', pass);
    await d.page.click('#persist-ok');
    await d.waitFor(() => !window.workbench.persist.dialog().open, null, 60000);
    await settled(d, n);
  }
  async function openDialog(d, mode) {
    const rects = (await d.eval(() => window.workbench.ui())).rects;
    if (rects['persist.open']) await d.click('persist.open');   // the Sources panel's button
    else {
      // With no source open the app draws no Sources panel, hence not that button: an entry of the "⋯"
      // menu (menu.persist) is proposed in issue 22's report; until it exists, what the button calls.
      await d.click('menu.more');
      const entry = await d.waitFor(() => !!window.workbench.ui().rects['menu.persist'], null, 2000).then(() => true, () => false);
      if (entry) await d.click('menu.persist');
      else { await d.page.keyboard.press('Escape'); await d.eval(() => window.Module.wb.openPersistence()); }
    }
    await d.waitFor((m) => window.workbench.persist.dialog().mode === m, mode, 10000);
  }
  async function exportArchive(d) {
    await openDialog(d, 'on');
    const [dl] = await Promise.all([d.page.waitForEvent('download', { timeout: 120000 }), d.page.click('#persist-export')]);
    const file = path.join(OUT, `${d.launches}_${dl.suggestedFilename()}`);
    await dl.saveAs(file);
    await d.waitFor(() => window.workbench.persist.dialog().kind === 'ok', null, 30000);
    return { name: dl.suggestedFilename(), file, bytes: fs.readFileSync(file), message: (await d.dialog()).message };
  }
  // From the open form: "Importer un espace chiffré…", the file in the real file input, the passphrase.
  async function importArchive(d, file, pass) {
    await d.page.click('#persist-import');
    await d.waitFor(() => window.workbench.persist.dialog().mode === 'import', null, 5000);
    await d.page.setInputFiles('#persist-file', file);
    await d.page.fill('#persist-pass', pass);
    await d.page.click('#persist-ok');
    await d.waitFor(() => { const x = window.workbench.persist.dialog(); return x.kind === 'ok' || x.kind === 'error'; }, null, 120000);
    return d.dialog();
  }
  const snapshot = async (d) => {
    const s = await d.state();
    const counts = await d.eval(async (ts) => {
      const out = {};
      for (const t of ts) out[t] = (await window.workbench.sql(`SELECT count(*) FROM "${t}"`)).rows[0][0];
      return out;
    }, s.tables.map((t) => t.name));
    return { sources: s.sources.map((x) => `${x.name}:${x.format}:${x.rows}`), tables: s.tables.map((t) => `${t.domain}:${t.rows}`).sort(), counts };
  };
  // The archive's records, parsed here independently of the app: [{ offset, length }] after the header.
  function records(buf) {
    eq(buf.subarray(0, 12).toString('latin1'), 'SDWCARTABLE\n', 'magic');
    const hl = buf.readUInt32LE(12);
    const header = JSON.parse(buf.subarray(16, 16 + hl).toString('utf8'));
    const out = [];
    for (let off = 16 + hl + 32; off < buf.length;) { const n = buf.readUInt32LE(off); out.push({ offset: off, length: n }); off += 4 + n; }
    return { header, hl, records: out };
  }
  // Every file of the device's workspace, by its SHA-256, read through the OPFS API.
  const storedDigests = (d) => d.eval(async () => {
    const out = {};
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('sdw-workspace');
    for await (const [n, fh] of dir.entries()) {
      const b = await (await fh.getFile()).arrayBuffer();
      out[n] = [...new Uint8Array(await crypto.subtle.digest('SHA-256', b))].map((x) => x.toString(16).padStart(2, '0')).join('');
    }
    return out;
  });
  const fr = (n) => Number(n).toLocaleString('fr-FR');
  const write = (name, buf) => { const f = path.join(OUT, name); fs.writeFileSync(f, buf); return f; };
  // Each variant imported from the "on" form, in French and (where given) in English: refused, with a
  // message matching its patterns; then nothing open and not one stored byte has changed.
  async function refuseAll(d, variants) {
    const before = await snapshot(d), digests = await storedDigests(d), refused = (await d.state()).persist_refused || 0;
    await openDialog(d, 'on');
    for (const v of variants) {
      for (const lang of ['fr', 'en']) {
        if (lang === 'en' && !v.en) continue;
        await d.eval((l) => window.Module.wb.setLang(l), lang);
        if ((await d.dialog()).mode !== 'on') { await d.page.click('#persist-cancel'); await d.waitFor(() => window.workbench.persist.dialog().mode === 'on', null, 5000); }
        const r = await importArchive(d, v.file, v.pass || PASS);
        eq(r.kind, 'error', `${v.what} refused`);
        for (const re of v[lang]) assert(re.test(r.message), `${v.what} (${lang}): ${r.message}`);
        log(`  ${v.what} (${lang}): ${r.message}`);
      }
    }
    await d.eval(() => window.Module.wb.setLang('fr'));
    eq(JSON.stringify(await snapshot(d)), JSON.stringify(before), 'what is open is unchanged');
    eq(JSON.stringify(await storedDigests(d)), JSON.stringify(digests), 'not one stored byte changed');
    eq((await d.state()).persist_refused - refused, variants.length + variants.filter((v) => v.en).length, 'each one refused');
    await d.page.click('#persist-cancel');
    await d.page.click('#persist-cancel');
    await d.waitFor(() => !window.workbench.persist.dialog().open, null, 5000);
  }
  async function finish(d) {
    eq(d.foreign().length, 0, 'requests to other origins: ' + d.foreign().join(' '));
    eq(d.errors.length, 0, 'no page or console errors: ' + d.errors.join(' | '));
    await d.dispose();
  }

  test('persistence archive: "Exporter mon espace" on device 1, "Importer un espace chiffré" on a fresh device 2: same tables and row counts, then kept there', async () => {
    const mid = bigCsv(MID, 9);
    const d1 = new Device(h, 'archive-1'), d2 = new Device(h, 'archive-2');
    try {
      await d1.launch();
      await d1.open();
      await d1.page.setInputFiles('#file-input', [BANK, ENEDIS, XAPI, MID]);
      const src = await d1.allReady(4);
      assert(src.every((s) => s.status === 'ready'), 'four sources ready: ' + JSON.stringify(src));
      await openDialog(d1, 'enable');
      eq(await d1.eval(() => document.getElementById('persist-import').hidden), false, 'import offered in the enable form');
      await enableHere(d1, PASS, 4);
      const before = await snapshot(d1);
      const ex = await exportArchive(d1);
      assert(/^mon-espace-\d{4}-\d\d-\d\d\.sdwcartable$/.test(ex.name), 'file name: ' + ex.name);
      assert(ex.message.includes(`«\u00a0${ex.name}\u00a0»`) && /4 fichiers/.test(ex.message), 'export told: ' + ex.message);
      // The archive: a clear header (no name, no date), then sealed records only.
      const { header, records: recs } = records(ex.bytes);
      eq(JSON.stringify(Object.keys(header).sort()), '["check","chunk","cipher","format","kdf","version"]', 'nothing else in clear');
      eq(recs.length, 1 + 1 + 1 + 1 + Math.ceil(mid.bytes / (4 * 1024 * 1024)) + 1, 'manifest, one record per 4 MiB chunk, end');
      for (const s of secrets) for (const enc of ['utf8', 'utf16le', 'latin1'])
        assert(ex.bytes.indexOf(Buffer.from(s, enc)) < 0, `archive holds "${s}" in clear (${enc})`);
      await d1.page.click('#persist-cancel');
      log(`  archive ${ex.bytes.length} bytes, ${recs.length} records`);

      // -- a fresh profile: nothing stored; the enable form offers the import
      await d2.launch({ locale: 'en-US' });
      await d2.open();
      eq((await d2.status()).stored, false, 'device 2 starts empty');
      await openDialog(d2, 'enable');
      const a11y = await d2.eval(() => {
        const f = document.getElementById('persist-file');
        return { label: f.labels[0] && f.labels[0].textContent, buttons: [...document.querySelectorAll('#persist-dialog button:not([hidden])')].map((b) => b.textContent) };
      });
      assert(a11y.buttons.includes('Import an encrypted workspace…'), 'the import button is named: ' + a11y.buttons);
      const done = await importArchive(d2, ex.file, PASS);
      eq(JSON.stringify([done.kind, done.mode]), '["ok","enable"]', 'imported, back in the enable form');
      eq(await d2.eval(() => document.getElementById('persist-file').labels[0].textContent), 'Exported workspace file (.sdwcartable)', 'the file input is labelled');
      assert(/4 files imported\. To keep them on this device, choose a passphrase below\./.test(done.message), 'import told: ' + done.message);
      await d2.allReady(4);
      const after = await snapshot(d2);
      eq(JSON.stringify(after), JSON.stringify(before), 'same sources, formats, tables and row counts on device 2');
      eq((await d2.status()).stored, false, 'nothing stored before persistence is turned on');
      // -- device 2 keeps them in its own workspace, with its own passphrase (the form is still open)
      await enableHere(d2, PASS2, 4);
      const p2 = await d2.status();
      eq(JSON.stringify([p2.objects, p2.sources.map((x) => x.name).join(',')]), JSON.stringify([6, src.map((x) => x.name).join(',')]), 'stored on device 2');
      await finish(d1);
      await finish(d2);
    } finally { await d1.dispose(); await d2.dispose(); }
  });

  test('persistence archive: flipped bits, truncated and extended archives refused, naming where (FR/EN); nothing open or stored changes', async () => {
    const mid = bigCsv(MID, 9);
    const d = new Device(h, 'archive-3');
    try {
      await d.launch();
      await d.open();
      await d.page.setInputFiles('#file-input', [BANK, MID]);
      await d.allReady(2);
      await openDialog(d, 'enable');
      await enableHere(d, PASS, 2);
      const ex = await exportArchive(d);
      await d.page.click('#persist-cancel');
      const { records: recs } = records(ex.bytes);
      const chunks = Math.ceil(mid.bytes / (4 * 1024 * 1024));
      eq(recs.length, 1 + 1 + chunks + 1, 'records');
      const last = recs[1 + 1 + chunks - 1], second = recs[1 + 1 + 1];
      const variants = [];
      const flip = (pos) => { const b = Buffer.from(ex.bytes); b[pos] ^= 0x10; return b; };
      variants.push({ what: 'bit flipped in the last chunk', file: write('flip_chunk.sdwcartable', flip(last.offset + 4 + Math.floor(last.length / 2))),
                      fr: [/endommagé/, new RegExp(`le morceau ${chunks} sur ${chunks} de «\u00a0${MID_NAME.replace('.', '\\.')}\u00a0» \\(à l’octet ${fr(last.offset)}\\) a été modifié`), /Rien n’a été importé/],
                      en: [new RegExp(`chunk ${chunks} of ${chunks} of “${MID_NAME.replace('.', '\\.')}” \\(at byte ${last.offset.toLocaleString('en-GB')}\\) was altered`)] });
      variants.push({ what: 'bit flipped in the header', file: write('flip_header.sdwcartable', flip(40)), fr: [/son en-tête/, /endommagé/] });
      const cut = second.offset + 1000;
      variants.push({ what: 'truncated', file: write('tronque.sdwcartable', ex.bytes.subarray(0, cut)),
                      fr: [new RegExp(`incomplet \\(tronqué\\)\u00a0: il s’arrête à l’octet ${fr(cut)}, dans le morceau 2 sur ${chunks} de «\u00a0${MID_NAME.replace('.', '\\.')}\u00a0»`)],
                      en: [new RegExp(`incomplete \\(truncated\\): it stops at byte ${cut.toLocaleString('en-GB')}, in chunk 2 of ${chunks}`)] });
      variants.push({ what: 'cut at a record boundary', file: write('sans_fin.sdwcartable', ex.bytes.subarray(0, recs[recs.length - 1].offset)), fr: [/incomplet/, /la marque de fin/] });
      variants.push({ what: 'bytes added', file: write('allonge.sdwcartable', Buffer.concat([ex.bytes, Buffer.from('PS: merci')])), fr: [new RegExp(`octets ont été ajoutés après sa fin \\(à l’octet ${fr(ex.bytes.length)}\\)`)] });
      await refuseAll(d, variants);
      await finish(d);
    } finally { await d.dispose(); }
  });

  test('persistence archive: a wrong passphrase and files that are not archives refused (FR/EN); the unlock form offers the import, what it brings is stored once the workspace is reopened', async () => {
    const d = new Device(h, 'archive-4');
    try {
      await d.launch();
      await d.open();
      await d.page.setInputFiles('#file-input', [BANK]);
      await d.allReady(1);
      await openDialog(d, 'enable');
      await enableHere(d, PASS, 1);
      const ex = await exportArchive(d);
      await d.page.click('#persist-cancel');
      await refuseAll(d, [
        { what: 'wrong passphrase', file: ex.file, pass: 'pas la bonne phrase',
          fr: [/Phrase de passe incorrecte pour ce fichier\u00a0: rien n’a été importé, rien n’a changé/],
          en: [/Wrong passphrase for this file: nothing was imported, nothing changed/] },
        { what: 'not an archive', file: write('mon-espace.sdwcartable', crypto.randomBytes(70000)), fr: [/n’est pas un espace exporté par Self Data Workbench/],
          en: [/is not a workspace exported by Self Data Workbench/] },
        { what: 'a CSV renamed', file: write('releve.sdwcartable', fs.readFileSync(BANK)), fr: [/n’est pas un espace exporté/] }]);
      const digests = await storedDigests(d);
      await d.page.reload();
      await d.waitFor(() => window.workbench && window.workbench.ui() && window.workbench.ui().frames > 2 && window.workbench.state().duck.ready, null, 120000);
      await d.waitFor(() => window.workbench.persist.dialog().mode === 'unlock', null, 30000);
      const r = await importArchive(d, ex.file, PASS);
      eq(JSON.stringify([r.kind, r.mode]), '["ok","unlock"]', 'imported, back in the unlock form');
      assert(/1 fichier importé\u00a0: il sera enregistré dans l’espace de cet appareil quand vous l’aurez rouvert\./.test(r.message), r.message);
      await d.allReady(1);
      eq(JSON.stringify(await storedDigests(d)), JSON.stringify(digests), 'nothing stored while the workspace is closed');
      await d.type('#persist-pass', PASS);
      await d.page.keyboard.press('Enter');
      await d.waitFor(() => !window.workbench.persist.dialog().open, null, 120000);
      await d.allReady(2);
      await settled(d, 2);
      const p = await d.status();
      eq(JSON.stringify([p.objects, p.sources.map((s) => s.name).join(',')]),
         JSON.stringify([4, 'releve_compte_2025.csv,releve_compte_2025.csv']), 'the imported file is stored too');
      eq(JSON.stringify((await d.state()).sources.map((s) => s.rows)), '[120,120]', 'both read');
      await finish(d);
    } finally { await d.dispose(); }
  });
};
